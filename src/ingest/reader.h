// Ingest: reads documents from plain-text files, standard input ("-") or
// JSONL files ({"id", "text", "date"} per line), one at a time, so memory
// stays flat however many documents stream through. Invalid UTF-8 is
// replaced by U+FFFD and counted (or rejected in strict mode); binary input
// is rejected; a malformed JSONL line is reported with file and line and
// skipped unless strict.
#ifndef DRAGOMAN_INGEST_READER_H_
#define DRAGOMAN_INGEST_READER_H_

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/status.h"

namespace dragoman {

struct ReaderOptions {
  enum class Format { kAuto, kText, kJsonl } format = Format::kAuto;
  std::string date;     // for plain text: the document date
  bool strict = false;  // invalid UTF-8 or a bad line stops the run
};

class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> paths, ReaderOptions options);
  ~DocumentReader();

  // Reads the next document. Returns false at the end of all inputs. A
  // problem with one input or line is returned in *problem; *skipped says
  // whether *doc holds nothing to code (the input or line was unusable) and
  // *fatal whether reading must stop (strict mode).
  bool Next(Document* doc, Status* problem, bool* skipped, bool* fatal);

 private:
  bool OpenNext(Status* problem);
  std::vector<std::string> paths_;
  ReaderOptions options_;
  size_t next_path_ = 0;
  std::string current_;
  bool jsonl_ = false;
  std::unique_ptr<std::ifstream> file_;
  std::istream* in_ = nullptr;
  long line_ = 0;
};

// Replaces invalid UTF-8 sequences by U+FFFD; returns how many were replaced.
int RepairUtf8(std::string* s);
// True if the bytes look like a binary file (NUL bytes or many control bytes).
bool LooksBinary(std::string_view s);
// True for "YYYY-MM-DD" with a valid month and day.
bool ValidIsoDate(std::string_view s);

}  // namespace dragoman

#endif  // DRAGOMAN_INGEST_READER_H_
