#include "segment/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/utext.h>

namespace dragoman {
namespace {

bool IsSentenceEnd(const Token& t) {
  return t.kind == TokKind::kPunct && (t.lower == "." || t.lower == "?" || t.lower == "!");
}

// True when the gap before token k holds a garbled no-break space that
// separates two items of a list: it follows a word or a colon (not a number
// or an abbreviation, as in "Rs.Â 500") and a word, number or quote follows.
bool ListSeparatorBefore(std::string_view text, const std::vector<Token>& tokens, uint32_t k) {
  const Token& prev = tokens[k - 1];
  const Token& next = tokens[k];
  if (!(prev.kind == TokKind::kWord || (prev.kind == TokKind::kPunct && prev.lower == ":"))) return false;
  if (prev.kind == TokKind::kWord && !prev.text.empty() && prev.text.back() == '.') return false;
  if (next.kind == TokKind::kPunct) return false;
  for (uint32_t p = prev.end; p < next.begin; ++p) {
    if (MojibakeSpaceAt(text, p, next.begin)) return true;
  }
  return false;
}

}  // namespace

Segmenter::Segmenter(const Tokenizer* tokenizer) : tokenizer_(tokenizer) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  if (U_SUCCESS(status)) {
    for (const std::string& a : DefaultAbbreviations()) {
      // ICU wants the abbreviation as written; add lower and capitalised forms.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(a);
      builder->suppressBreakAfter(u, status);
      icu::UnicodeString cap = u;
      cap.replace(0, 1, u_toupper(u.charAt(0)));
      builder->suppressBreakAfter(cap, status);
      icu::UnicodeString upper = u;
      upper.toUpper();
      builder->suppressBreakAfter(upper, status);
      status = U_ZERO_ERROR;
    }
    breaker_.reset(builder->wrapIteratorWithFilter(base.release(), status));
    if (U_FAILURE(status)) breaker_.reset();
  }
  if (!breaker_) {
    status = U_ZERO_ERROR;
    breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  }
}

Segmenter::~Segmenter() = default;

void Segmenter::Segment(std::string_view text, std::vector<SentenceTokens>* sentences,
                        std::vector<Token>* tokens) {
  sentences->clear();
  tokens->clear();
  if (text.empty()) return;
  std::vector<uint32_t> bounds;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status) && breaker_) {
    breaker_->setText(ut, status);
    for (int32_t b = breaker_->next(); b != icu::BreakIterator::DONE; b = breaker_->next()) {
      bounds.push_back(static_cast<uint32_t>(b));
    }
    breaker_->setText(icu::UnicodeString());  // drop the reference to text
  }
  utext_close(ut);
  if (bounds.empty() || bounds.back() != text.size()) bounds.push_back(static_cast<uint32_t>(text.size()));

  uint32_t start = 0;
  for (uint32_t b : bounds) {
    uint32_t first = static_cast<uint32_t>(tokens->size());
    tokenizer_->Tokenize(text, start, b, tokens);
    start = b;
    uint32_t n = static_cast<uint32_t>(tokens->size()) - first;
    if (n == 0) continue;
    // ICU keeps ". lower-case" together; news lower-cased by a feed (and
    // sloppy text) needs a break there too: after a full stop that is its
    // own token (not "Dr." or "U.S."), and any closing quote, before a word.
    uint32_t piece = first;
    const uint32_t stop = static_cast<uint32_t>(tokens->size());
    // Links of a web page flattened into one line ("related stories:Â 1
    // killed in ahmedabadÂ fear still stalks gujaratÂ full coverage") keep
    // only the garbled no-break spaces that stood between them: two or more
    // such separators make a list, and each item is a sentence (headlines
    // have no final stop). One alone is a space inside a sentence.
    list_breaks_.clear();
    for (uint32_t k = first + 1; k < stop; ++k) {
      if (ListSeparatorBefore(text, *tokens, k)) list_breaks_.push_back(k);
    }
    if (list_breaks_.size() < 2) list_breaks_.clear();
    size_t next_list_break = 0;
    for (uint32_t k = first; k + 1 < stop; ++k) {
      if (next_list_break < list_breaks_.size() && list_breaks_[next_list_break] == k + 1) {
        ++next_list_break;
        if (piece > k) continue;
        sentences->push_back({{(*tokens)[piece].begin, (*tokens)[k].end}, piece, k + 1 - piece});
        piece = k + 1;
        continue;
      }
      if (!IsSentenceEnd((*tokens)[k])) continue;
      uint32_t e = k + 1;
      while (e < stop && (*tokens)[e].kind == TokKind::kQuote && !(*tokens)[e].space_before &&
             (*tokens)[e].quote != QuoteDir::kOpen) ++e;
      if (e >= stop || !(*tokens)[e].space_before) continue;
      const Token& nx = (*tokens)[e];
      if (nx.kind != TokKind::kWord && nx.kind != TokKind::kNumber && nx.kind != TokKind::kQuote) continue;
      if (e - piece < 3) continue;  // "no. 5", "vs. them": too short to be a sentence
      sentences->push_back({{(*tokens)[piece].begin, (*tokens)[e - 1].end}, piece, e - piece});
      piece = e;
    }
    // A run-on "sentence": cut it, at a sentence-like mark if one is near.
    while (tokens->size() - piece > kMaxSentenceTokens) {
      uint32_t cut = piece + kMaxSentenceTokens;
      for (uint32_t k = cut; k > piece + kMaxSentenceTokens / 2; --k) {
        const Token& t = (*tokens)[k - 1];
        if (IsSentenceEnd(t) || t.lower == ";" || t.lower == ",") {
          cut = k;
          break;
        }
      }
      sentences->push_back({{(*tokens)[piece].begin, (*tokens)[cut - 1].end}, piece, cut - piece});
      piece = cut;
    }
    uint32_t last = static_cast<uint32_t>(tokens->size());
    sentences->push_back({{(*tokens)[piece].begin, (*tokens)[last - 1].end}, piece, last - piece});
  }
}

}  // namespace dragoman
