// Reader for the project's dictionary format (docs/dictionaries.md): one entry
// a line, "KIND KEY : NAME | NAME ; field=value ; ...". Malformed lines are
// reported as "FILE:LINE: reason" and skipped.
#ifndef DRAGOMAN_LEXICON_DICTIONARY_H_
#define DRAGOMAN_LEXICON_DICTIONARY_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dragoman/status.h"

namespace dragoman {

struct Entry {
  std::string kind;
  std::string key;
  std::vector<std::string> names;
  std::vector<std::pair<std::string, std::string>> fields;  // in file order
  std::string file;
  int line = 0;

  // The first value of field `name`, or "" when absent.
  std::string Get(std::string_view name) const;
  // Every value of field `name` (repeated keys), split on " | ".
  std::vector<std::string> GetAll(std::string_view name) const;
};

// Parses one line. Returns false with *error set when malformed; returns true
// with entry->kind empty for blank and comment lines.
bool ParseEntryLine(std::string_view line, Entry* entry, std::string* error);

// Reads a file (or every *.txt file of a directory, sorted by name).
// Malformed lines go to *warnings as "FILE:LINE: reason". A missing file or a
// file that is not valid UTF-8 is an error.
Status ReadDictionary(const std::string& path, std::vector<Entry>* entries,
                      std::vector<std::string>* warnings);

// A date range "FROM..TO" (either side may be empty); dates as "YYYY-MM-DD"
// with an optional trailing '?' (uncertain), compared as strings.
struct DateRange {
  std::string from, to;  // empty means open
  bool Contains(std::string_view date) const;  // an empty date is in every range
};
bool ParseDateRange(std::string_view s, DateRange* out, std::string* error);

std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep);
std::string_view Trim(std::string_view s);

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_DICTIONARY_H_
