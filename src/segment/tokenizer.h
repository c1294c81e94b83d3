// Tokenizer: splits UTF-8 text into tokens with byte offsets. Handles
// abbreviations ("Dr.", "U.S."), numbers ("1,200"), clitics ("Trump's" ->
// "Trump" "'s", "don't" -> "do" "n't"), curly and straight quotes, and the
// common mojibake of quote marks ("â€™" read as "’"). Linear in the input.
// Thread-safe: no state beyond the immutable abbreviation set.
#ifndef DRAGOMAN_SEGMENT_TOKENIZER_H_
#define DRAGOMAN_SEGMENT_TOKENIZER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "segment/token.h"

namespace dragoman {

class Tokenizer {
 public:
  // abbreviations: lower-case, with their final period ("dr.", "jan.").
  explicit Tokenizer(std::unordered_set<std::string> abbreviations);
  Tokenizer();  // the built-in English list

  // Appends the tokens of text[begin, end) to *out. Offsets are into text.
  void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* out) const;

  bool IsAbbreviation(std::string_view lower_with_period) const;

 private:
  std::unordered_set<std::string> abbreviations_;
};

// Lower-cases UTF-8 text (full Unicode, via ICU for non-ASCII).
std::string ToLower(std::string_view s);
// Length of a no-break space garbled by a wrong decoding ("Â", "Â\u00A0",
// "Â\uFFFD") at text[i], or 0. The tokenizer reads it as a space.
size_t MojibakeSpaceAt(std::string_view text, uint32_t i, uint32_t end);
// The built-in abbreviation list, lower-case with periods.
const std::vector<std::string>& DefaultAbbreviations();

}  // namespace dragoman

#endif  // DRAGOMAN_SEGMENT_TOKENIZER_H_
