#include "analyze/sparse.h"

#include <cctype>
#include <cstring>

namespace dragoman {
namespace {

// The sentence's first actor mention ending before token `before` that
// stands for its own phrase (not a modifier: "the police station"), or null.
const Mention* ActorBefore(const SentenceAnalysis& a, const Token* t, uint32_t before) {
  for (const Mention& m : a.mentions) {
    if (m.last >= before) break;
    if (m.is_actor && !IsModifier(a, t, m)) return &m;
  }
  return nullptr;
}

bool HasActor(const SentenceAnalysis& a, uint32_t first, uint32_t last) {
  for (uint32_t q = first; q <= last && q < a.count; ++q) {
    int mi = a.mention_at[q];
    if (mi >= 0 && a.mentions[mi].is_actor) return true;
  }
  return false;
}

// Where the words after token `from` stop being read for a target: at a
// semicolon (TABARI reads on to the first actor after the verb, across the
// commas and clauses the parse stops at), or the sentence's end.
uint32_t ClauseEnd(const SentenceAnalysis& a, const Token* t, uint32_t from) {
  while (from < a.count && t[from].lower != ";") ++from;
  return from;
}

// Parts of speech a dictionary verb may hide behind in the parse.
bool OpenClass(Pos p) {
  return p == Pos::kNoun || p == Pos::kPropn || p == Pos::kAdj || p == Pos::kAdv || p == Pos::kOther ||
         p == Pos::kVerb;
}

}  // namespace

void SparseReading(const Model& model, const Token* t, const SentenceAnalysis& a, SentenceAnalysis* out) {
  *out = a;
  std::vector<char> head(a.count, 0);
  for (VerbGroup& g : out->verbs) {
    head[g.head] = 1;
    g.obj_end = ClauseEnd(a, t, g.obj_end);
    if (g.inherit_subject_from >= 0 || g.relative) continue;
    if (g.has_subject && HasActor(a, g.subj_first, g.subj_last)) continue;
    const Mention* m = ActorBefore(a, t, g.first);
    if (m) g.source_mention = static_cast<int>(m - a.mentions.data());
  }
  for (uint32_t q = 0; q < a.count; ++q) {
    if (head[q] || a.mention_at[q] >= 0 || t[q].kind != TokKind::kWord || !OpenClass(a.info[q].pos)) continue;
    // A word right after an article is a noun ("in an accord with"), so is
    // a capitalised one inside the sentence ("about To Restore ties").
    auto article = [&](uint32_t k) { return t[k].lower == "a" || t[k].lower == "an" || t[k].lower == "the"; };
    if (q > 0 && article(q - 1)) continue;
    // So is one after an article and one modifier ("a new bombing").
    if (q > 1 && article(q - 2) && t[q - 1].kind == TokKind::kWord && a.mention_at[q - 1] < 0 &&
        (a.info[q - 1].pos == Pos::kAdj || a.info[q - 1].pos == Pos::kNoun))
      continue;
    if (q > 0 && !t[q].all_caps && !t[q].text.empty() && std::isupper(static_cast<unsigned char>(t[q].text[0])))
      continue;
    const std::vector<VerbForm>* forms = a.info[q].forms ? a.info[q].forms : model.VerbForms(t[q].lower);
    const std::string* lemma = nullptr;
    for (size_t f = 0; forms && f < forms->size() && !lemma; ++f) {
      if (model.Patterns((*forms)[f].lemma)) lemma = &(*forms)[f].lemma;
    }
    // TABARI's verb words are stems ("RESUM"): a noun made of one with a
    // suffix of nominalization is the verb ("resumption", "assessment").
    std::string stem;
    if (!lemma) {
      static const char* const kSuffixes[] = {"ption", "tion", "sion", "ion", "ment", "ance", "ence", "al"};
      const std::string& w = t[q].lower;
      for (const char* suffix : kSuffixes) {
        size_t n = std::strlen(suffix);
        if (w.size() < n + 4 || w.compare(w.size() - n, n, suffix) != 0) continue;
        std::string base = w.substr(0, w.size() - n);
        for (const std::string& c : {base, base + "e"}) {
          if (!lemma && model.Patterns(c)) {
            stem = c;
            lemma = &stem;
          }
        }
        if (lemma) break;
      }
    }
    if (!lemma) continue;
    // The sentence's first actor, also for "its resumption of ties".
    const Mention* m = ActorBefore(a, t, q);
    if (!m) continue;
    VerbGroup g;
    g.first = g.head = q;
    g.lemma = *lemma;
    g.source_mention = static_cast<int>(m - a.mentions.data());
    g.obj_first = q + 1;
    g.obj_end = ClauseEnd(a, t, q + 1);
    out->verbs.push_back(std::move(g));
  }
}

}  // namespace dragoman
