// Dictionary checks for `dragoman dict check`: duplicates, one phrase with
// conflicting codes, overlapping dated roles, patterns that can never match,
// and CAMEO codes that no pattern reaches.
#ifndef DRAGOMAN_LEXICON_CHECK_H_
#define DRAGOMAN_LEXICON_CHECK_H_

#include <string>
#include <vector>

#include "lexicon/dictionary.h"
#include "segment/tokenizer.h"

namespace dragoman {

struct CheckProblem {
  std::string where;  // "FILE:LINE"
  std::string what;
};

// Checks entries as read from the dictionary files. Returns the problems,
// in file order.
std::vector<CheckProblem> CheckDictionaries(const std::vector<Entry>& entries, const Tokenizer& tokenizer);

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_CHECK_H_
