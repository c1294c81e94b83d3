// Token: one word, number or punctuation mark, with byte offsets into the
// document text. The text view points into the document; valid while it lives.
#ifndef DRAGOMAN_SEGMENT_TOKEN_H_
#define DRAGOMAN_SEGMENT_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dragoman {

enum class TokKind : uint8_t { kWord, kNumber, kPunct, kQuote };
// For kQuote: which way the mark faces.
enum class QuoteDir : uint8_t { kNone, kOpen, kClose, kEither };

struct Token {
  std::string_view text;  // as written
  std::string lower;      // case-folded, mojibake quotes normalised ("’s" -> "'s")
  uint32_t begin = 0, end = 0;
  TokKind kind = TokKind::kWord;
  QuoteDir quote = QuoteDir::kNone;
  bool double_quote = false;  // for kQuote: a double mark (“ ” ")
  bool cap = false;           // first letter is upper case
  bool all_caps = false;      // every letter upper case, at least two letters
  bool space_before = false;  // whitespace precedes the token
};

}  // namespace dragoman

#endif  // DRAGOMAN_SEGMENT_TOKEN_H_
