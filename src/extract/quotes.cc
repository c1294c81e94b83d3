#include "extract/extract.h"

namespace dragoman {
namespace {

struct Span2 {
  uint32_t open, close;  // global token indexes of the marks (close may be the last token inside)
  bool closed;
};

int SentenceOf(const DocState& doc, uint32_t g) {
  size_t lo = 0, hi = doc.sentences.size();
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc.sentences[mid].first <= g) lo = mid; else hi = mid;
  }
  return static_cast<int>(lo);
}

bool NewlineBetween(const DocState& doc, uint32_t a, uint32_t b) {
  std::string_view between = doc.text.substr(a, b > a ? b - a : 0);
  return between.find('\n') != std::string_view::npos;
}

}  // namespace

void ExtractQuotes(const Model& model, const DocState& doc, Record* rec) {
  const auto& T = doc.tokens;
  const uint32_t n = static_cast<uint32_t>(T.size());
  // Pair the marks. A quote never runs past the end of its paragraph.
  std::vector<Span2> spans;
  int open = -1;
  bool open_double = true;
  for (uint32_t i = 0; i < n; ++i) {
    const Token& tk = T[i];
    if (open >= 0 && i > 0 && NewlineBetween(doc, T[i - 1].end, tk.begin)) {
      spans.push_back({static_cast<uint32_t>(open), i - 1, false});
      open = -1;
    }
    if (tk.kind != TokKind::kQuote) continue;
    if (open < 0) {
      // Single marks open a quote only when they face the right way.
      if (tk.quote == QuoteDir::kOpen || (tk.quote == QuoteDir::kEither && tk.double_quote)) {
        open = static_cast<int>(i);
        open_double = tk.double_quote;
      }
    } else if (tk.double_quote == open_double &&
               (tk.quote == QuoteDir::kClose || tk.quote == QuoteDir::kEither ||
                (tk.quote == QuoteDir::kOpen && i + 1 < n && T[i + 1].kind == TokKind::kPunct) ||
                (tk.quote == QuoteDir::kOpen && i + 1 == n))) {
      spans.push_back({static_cast<uint32_t>(open), i, true});
      open = -1;
    }
  }
  if (open >= 0 && n > 0) spans.push_back({static_cast<uint32_t>(open), n - 1, false});

  int last_speaker_quote = -1;
  for (const Span2& sp : spans) {
    uint32_t inner_first = sp.open + 1;
    uint32_t inner_last = sp.closed ? sp.close - 1 : sp.close;
    if (inner_last < inner_first || inner_last >= n) continue;
    int words = 0;
    for (uint32_t k = inner_first; k <= inner_last; ++k) words += T[k].kind == TokKind::kWord;
    if (words < 2) continue;
    // Trim trailing punctuation inside the quote ("...," -> "...").
    uint32_t tl = inner_last;
    while (tl > inner_first && T[tl].kind == TokKind::kPunct && T[tl].lower == ",") --tl;
    Quote q;
    q.span = {T[inner_first].begin, T[tl].end};
    q.text = std::string(doc.text.substr(q.span.begin, q.span.end - q.span.begin));

    // Speaker: "..., X said" / "..., said X" after the quote, or "X said:" /
    // "X told Reuters:" / "X said that ... 'quote'" before it.
    std::vector<ActorMention> who;
    int s_after = SentenceOf(doc, sp.close + 1 < n ? sp.close + 1 : sp.close);
    int s_open = SentenceOf(doc, sp.open);
    auto try_sentence = [&](int s, bool after) {
      const SentenceTokens& st = doc.sentences[s];
      const SentenceAnalysis& a = doc.analyses[s];
      const Token* t = &T[st.first];
      for (const VerbGroup& g : a.verbs) {
        uint32_t gh = st.first + g.head;
        bool speech = IsSpeechVerb(g.lemma);
        if (after) {
          if (gh <= sp.close || !speech) continue;
          if (NewlineBetween(doc, T[sp.close].end, T[gh].begin)) return;
          // only the first clause after the quote
          bool clean = true;
          for (uint32_t k = sp.close + 1; k < st.first + g.first; ++k) {
            if (T[k].kind == TokKind::kQuote || T[k].lower == "." ) clean = false;
          }
          if (!clean || st.first + g.first > sp.close + 8) return;
        } else {
          if (gh >= sp.open) return;
          // "X said:" / "X made a statement:" / "X said that ... “quote”"
          bool colon = sp.open > 0 && T[sp.open - 1].lower == ":";
          if (!speech && !colon) continue;
        }
        // subject before the verb ...
        if (g.has_subject) {
          uint32_t f = g.subj_first, l = g.subj_last;
          // "Taher al-Nono, a political advisor to Hamas, told": skip the apposition
          if (t[l].lower == "," || (l + 1 == g.first && t[g.first - 1].lower == ",")) {}
          ResolveChunk(model, doc, a, st.first, f, l, &who, 4);
        }
        if (who.empty() && g.first > 0 && t[g.first - 1].lower == ",") {
          // "NAME, a political advisor to Hamas, told" / "The spokesman, NAME, said":
          // of the chunk between the commas and the one before, a person wins.
          int c2 = static_cast<int>(g.first) - 2;
          while (c2 >= 0 && t[c2].lower != "," && t[c2].kind != TokKind::kQuote) --c2;
          if (c2 > 0 && t[c2].lower == ",") {
            std::vector<ActorMention> between, before;
            if (static_cast<int>(g.first) - 2 > c2)
              ResolveChunk(model, doc, a, st.first, c2 + 1, g.first - 2, &between);
            int c0 = c2 - 1;
            while (c0 > 0 && t[c0 - 1].lower != "," && t[c0 - 1].kind != TokKind::kQuote && t[c0 - 1].lower != ":") --c0;
            if (c2 - 1 >= c0) ResolveChunk(model, doc, a, st.first, static_cast<uint32_t>(c0), static_cast<uint32_t>(c2 - 1), &before);
            auto person = [&](const std::vector<ActorMention>& v) {
              if (v.empty()) return false;
              for (const Cluster& c : doc.clusters) if (c.type == "PERSON" && c.name == v[0].name) return true;
              return false;
            };
            if (person(before)) who = before;
            else if (person(between)) who = between;
            else if (!before.empty()) who = before;
            else who = between;
          }
        }
        // ... or after it: "said X"
        if (who.empty() && (after || g.lemma == "accord")) {
          uint32_t f = g.head + 1, l = f;
          while (l + 1 < st.count && a.info[l + 1].pos != Pos::kPunct && a.info[l + 1].pos != Pos::kVerb &&
                 a.info[l + 1].pos != Pos::kSub && a.info[l + 1].pos != Pos::kRel && l < f + 6) ++l;
          if (f < st.count) ResolveChunk(model, doc, a, st.first, f, l, &who, 4);
        }
        if (!who.empty()) return;
        if (after) return;
      }
    };
    if (sp.closed) try_sentence(s_after, true);
    if (who.empty()) try_sentence(s_open, false);
    if (who.empty() && s_after != s_open && sp.closed) try_sentence(s_open, true);
    if (!who.empty()) {
      q.speaker = who[0];
      last_speaker_quote = static_cast<int>(rec->quotes.size());
    } else if (last_speaker_quote >= 0) {
      // A quote that goes on after its speaker was named, in the same paragraph.
      // A paragraph that is all quotation goes on with the last speaker.
      const Quote& prev = rec->quotes[last_speaker_quote];
      std::string_view gap = doc.text.substr(prev.span.end, q.span.begin - prev.span.end);
      size_t newlines = 0;
      for (char c : gap) newlines += c == '\n';
      bool starts_paragraph = sp.open == 0 || NewlineBetween(doc, T[sp.open - 1].end, T[sp.open].begin);
      if (newlines == 0 || (newlines == 1 && starts_paragraph && gap.size() < 400)) q.speaker = prev.speaker;
    }
    rec->quotes.push_back(std::move(q));
  }
}

}  // namespace dragoman
