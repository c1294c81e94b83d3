// Writers: the JSONL output contract (docs/output.md) and a readable report.
// Offsets are converted from bytes to Unicode code points here, once.
#ifndef DRAGOMAN_WRITE_WRITER_H_
#define DRAGOMAN_WRITE_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/record.h"

namespace dragoman {

// Converts byte offsets of a UTF-8 text to code-point offsets in O(1)
// amortised per call (a sparse index every 64 bytes).
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  uint32_t ToCodePoint(uint32_t byte) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> block_;  // code points before byte 64*i
};

// Appends one JSON line (with '\n') for the record.
void WriteJsonLine(const Document& doc, const Record& rec, std::string* out);
// Appends a report for a person: events as "SOURCE -[code name]-> TARGET"
// with the evidence sentence, then quotations, counts and entities.
void WritePretty(const Document& doc, const Record& rec, std::string* out);

void AppendJsonString(std::string_view s, std::string* out);

}  // namespace dragoman

#endif  // DRAGOMAN_WRITE_WRITER_H_
