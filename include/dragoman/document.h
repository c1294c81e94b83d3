// Document: one input article. Plain data, owned by the caller.
#ifndef DRAGOMAN_DOCUMENT_H_
#define DRAGOMAN_DOCUMENT_H_

#include <string>

namespace dragoman {

struct Document {
  std::string id;
  std::string date;  // "YYYY-MM-DD", or empty when unknown
  std::string text;  // valid UTF-8 (ingest repairs or rejects invalid input)
  int replaced_bytes = 0;  // invalid UTF-8 sequences replaced by U+FFFD at ingest
};

}  // namespace dragoman

#endif  // DRAGOMAN_DOCUMENT_H_
