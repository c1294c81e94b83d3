// Segmenter: splits a document into sentences (ICU sentence rules, with
// breaks after known abbreviations suppressed) and each sentence into tokens.
// Sentences longer than kMaxSentenceTokens are cut into pieces so that every
// later stage stays linear in the document length.
// Not thread-safe (holds an ICU break iterator): one per Workspace.
#ifndef DRAGOMAN_SEGMENT_SEGMENTER_H_
#define DRAGOMAN_SEGMENT_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "dragoman/record.h"
#include "segment/token.h"
#include "segment/tokenizer.h"

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace dragoman {

struct SentenceTokens {
  Span span;            // byte offsets of the sentence
  uint32_t first = 0;   // index of its first token in the token array
  uint32_t count = 0;   // number of tokens
};

class Segmenter {
 public:
  static constexpr uint32_t kMaxSentenceTokens = 200;

  explicit Segmenter(const Tokenizer* tokenizer);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;  // owns an ICU iterator
  Segmenter& operator=(const Segmenter&) = delete;

  // Fills *sentences and *tokens for text (valid UTF-8).
  void Segment(std::string_view text, std::vector<SentenceTokens>* sentences,
               std::vector<Token>* tokens);

 private:
  const Tokenizer* tokenizer_;
  std::unique_ptr<icu::BreakIterator> breaker_;
  std::vector<uint32_t> list_breaks_;  // scratch: token indices that open a list item
};

}  // namespace dragoman

#endif  // DRAGOMAN_SEGMENT_SEGMENTER_H_
