#include "code/coder.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "analyze/sparse.h"
#include "extract/extract.h"

namespace dragoman {
namespace {

// "a bombing and shelling offensive": token k is an "and" inside a noun
// phrase, between two nouns that name no actor.
bool AndInNounPhrase(const Token& t, const SentenceAnalysis& a, uint32_t k) {
  return t.lower == "and" && k > 0 && k + 1 < a.count && a.info[k - 1].pos == Pos::kNoun && a.mention_at[k - 1] < 0 &&
         a.info[k + 1].pos == Pos::kNoun && a.mention_at[k + 1] < 0;
}

bool Skippable(const Token& t, const SentenceAnalysis& a, uint32_t k) {
  Pos p = a.info[k].pos;
  return p == Pos::kDet || p == Pos::kAdj || p == Pos::kNum || p == Pos::kAdv || p == Pos::kNoun ||
         p == Pos::kPoss || p == Pos::kPropn || a.mention_at[k] >= 0 || t.lower == "over" || t.lower == "around" ||
         t.lower == "about" || t.lower == "least" || t.lower == "than" ||
         (t.kind == TokKind::kPunct && t.lower == "-") || AndInNounPhrase(t, a, k);
}

// Matches pattern elements from token `pos` up to `end` (exclusive).
// *target gets the mention index of the target slot (or -1); *after, when
// given, the first token after the words the pattern consumed.
// `window`: how far (in tokens) an element may stand from the one before.
// `loose`: any word but punctuation may stand between pattern words, as the
// peers have it ("act on a resolution" matches "act resolution").
// `split_of` (PETRARCH's parse): a `^` passes over only the head of "the
// parliament of Gondor", whose actor after "of" is a noun phrase of its own;
// *target_at (optional) gets the token where the target slot matched.
bool MatchElems(const VerbPattern& p, const Token* t, const SentenceAnalysis& a, uint32_t pos,
                uint32_t end, bool skip_target, int* target, uint32_t* after = nullptr, uint32_t window = 4,
                bool loose = false, bool split_of = false, uint32_t* target_at = nullptr, bool skip_actor = false) {
  *target = -1;
  for (const PatternElem& el : p.elems) {
    if (el.type == PatternElem::kTarget && skip_target && !p.swap) continue;
    bool found = false;
    // `_`-joined words stand next to each other ("new_&TIETYPES_relations").
    uint32_t reach = el.adjacent ? 1 : window;
    for (uint32_t k = pos; k < end && k < pos + reach; ++k) {
      if (el.type == PatternElem::kSkip) {
        // `^`: the next noun phrase, an actor with the nouns after it
        // ("their Ent populations") or a run of nominal words.
        auto nominal = [&](uint32_t q) {
          Pos x = a.info[q].pos;
          return a.mention_at[q] >= 0 || x == Pos::kDet || x == Pos::kAdj || x == Pos::kNum || x == Pos::kNoun ||
                 x == Pos::kPropn || x == Pos::kPoss;
        };
        if (!nominal(k)) {
          if (!Skippable(t[k], a, k) && !(loose && t[k].kind != TokKind::kPunct)) break;
          continue;
        }
        uint32_t q = k;
        bool actor = false;
        auto run = [&] {
          while (q < end && nominal(q)) {
            int mi = a.mention_at[q];
            if (mi < 0) {
              ++q;
              continue;
            }
            const Mention& m = a.mentions[mi];
            actor |= m.is_actor;
            // PETRARCH: "the parliament of Gondor" is two noun phrases.
            uint32_t of = m.first + 1;
            while (split_of && of < m.last && t[of].lower != "of") ++of;
            if (split_of && of < m.last && q < of) {
              q = of + 1;
              break;
            }
            q = m.last + 1;
          }
        };
        run();
        // TABARI's `^` skips an actor: a run of words that names none goes
        // on to the next actor within the window ("at Osgiliath with the
        // leaders of Gondor in Eriador": `at ^ ^ +` is Eriador).
        if (skip_actor && !actor) {
          for (uint32_t r = q; r < end && r < q + window && t[r].kind != TokKind::kPunct; ++r) {
            int mi = a.mention_at[r];
            if (mi < 0 || !a.mentions[mi].is_actor) continue;
            q = r;
            run();
            break;
          }
        }
        pos = q;
        found = true;
        break;
      }
      if (el.type == PatternElem::kTarget) {
        int mi = a.mention_at[k];
        if (mi >= 0 && a.mentions[mi].is_actor) {
          *target = mi;
          if (target_at) *target_at = k;
          pos = a.mentions[mi].last + 1;
          found = true;
          break;
        }
      } else if (a.info[k].Is(el.ids)) {
        pos = k + 1;
        found = true;
        break;
      }
      if (!Skippable(t[k], a, k) && !(loose && t[k].kind != TokKind::kPunct)) break;
    }
    // A target slot at the end may stay empty: "A and B met" has no object.
    if (!found && !(el.type == PatternElem::kTarget && &el == &p.elems.back())) return false;
  }
  if (after) *after = pos;
  return true;
}

// Matches a pattern's words before the head verb ("will not * clash"),
// backwards from the head: each word within four tokens of the one after it,
// inside the clause (not across an actor, before the verb group's subject,
// nor across a clause boundary; a subject chunk may end in the pattern's
// words: "X most certainly won't"). True when the pattern has no such words.
// *lowest (optional): the first token the words before the verb matched.
// `in_subject`: the words must all be in the subject ("death toll * rise").
// `across_subject` (TABARI's reading): the words may stand before the
// subject and across actors ("suggested + * require": "X suggested Y should
// require"); a `+` among them takes an actor, whose mention goes to
// *before_target (else -1).
bool MatchBefore(const VerbPattern& p, const Token* t, const SentenceAnalysis& a, const VerbGroup& g,
                 uint32_t* lowest = nullptr, bool in_subject = false, bool across_subject = false,
                 int* before_target = nullptr) {
  if (lowest) *lowest = g.head;
  if (before_target) *before_target = -1;
  if (p.before.empty()) return true;
  if (in_subject && !(g.has_subject && g.subj_last < g.head)) return false;
  uint32_t lo = g.has_subject && g.subj_last < g.head ? g.subj_first : 0;
  // The sparse reading's source bounds the clause instead of the subject.
  if (g.source_mention >= 0) lo = a.mentions[g.source_mention].first;
  if (across_subject) lo = 0;
  // "Estonia said it would act": a lone pronoun subject does not close the
  // clause to the words before it ("said would * act").
  if (!in_subject && g.has_subject && g.subj_first == g.subj_last && a.info[g.subj_first].pos == Pos::kPron) lo = 0;
  uint32_t pos = in_subject ? g.subj_last + 1 : g.head;  // exclusive upper bound of the search
  for (size_t i = p.before.size(); i-- > 0;) {
    const PatternElem& el = p.before[i];
    if (el.type == PatternElem::kTarget && !across_subject) continue;  // a target slot only TABARI's reading reads
    bool found = false;
    // "most_certainly": right before the word after it
    uint32_t reach = (i + 1 < p.before.size() ? p.before[i + 1].adjacent : p.before_adjacent) ? 1 : 4;
    // An actor between the words counts as one word ("NOW + HAVE BEEN *":
    // "Now the United Arab Emirates have been").
    uint32_t slack = 0;
    for (uint32_t k = pos; k > lo && k + reach + slack > pos;) {
      --k;
      if (el.type != PatternElem::kTarget && a.info[k].Is(el.ids)) {
        pos = k;
        found = true;
        break;
      }
      int mi = a.mention_at[k];
      if (across_subject && mi >= 0 && a.mentions[mi].is_actor) {
        if (el.type == PatternElem::kTarget) {
          if (before_target) *before_target = mi;
          pos = a.mentions[mi].first;
          found = true;
          break;
        }
        slack += k - a.mentions[mi].first;
        k = a.mentions[mi].first;  // an actor between the pattern's words
        continue;
      }
      Pos q = a.info[k].pos;
      // "noted that + *": across the subject, "that" opens the verb's clause.
      if (across_subject && t[k].lower == "that") continue;
      if (a.mention_at[k] >= 0 || q == Pos::kSub || q == Pos::kRel || (t[k].kind == TokKind::kPunct && t[k].lower != "-"))
        break;
    }
    // "NEITHER *": the first word may open the verb's subject, actors
    // between ("Neither Arnor nor Gondor boycotted"); not for UD-PETRARCH,
    // which reads the pattern's words in the subject alone.
    if (!found && !in_subject && i == 0 && el.type == PatternElem::kWord && g.has_subject && g.subj_first < pos &&
        g.subj_last < g.head && a.info[g.subj_first].Is(el.ids)) {
      pos = g.subj_first;
      found = true;
    }
    if (!found) return false;
  }
  if (lowest) *lowest = pos;
  return true;
}

// The event's code, its CAMEO attributes, and the word that carries it.
void SetCode(const VerbPattern& hit, const CameoCode* cc, const Token& verb, Event* ev) {
  ev->verb = {verb.begin, verb.end};
  ev->verb_text = std::string(verb.text);
  ev->cameo = hit.code;
  ev->rule = hit.text;
  if (cc) {
    ev->cameo_name = cc->name;
    ev->plover = cc->plover;
    ev->plover_mode = cc->mode;
    ev->quad = cc->quad;
    ev->goldstein = cc->goldstein;
  }
}

// True when mention m is the subject of a new coordinated clause: "fired
// 3,900 rounds and the army was airlifted" (not the object of the verb before).
bool OpensClause(const SentenceAnalysis& a, const Token* t, const Mention& m) {
  uint32_t b = m.first;
  while (b > 0 && (a.info[b - 1].pos == Pos::kDet || a.info[b - 1].pos == Pos::kNum || a.info[b - 1].pos == Pos::kAdj ||
                   t[b - 1].lower == "over" || t[b - 1].lower == "about" || t[b - 1].lower == "nearly" ||
                   t[b - 1].lower == "than")) --b;
  if (b == 0 || !(t[b - 1].lower == "and" || t[b - 1].lower == "but" || t[b - 1].lower == "while")) return false;
  uint32_t n = m.last + 1;
  if (n >= a.count || !(a.info[n].pos == Pos::kAux || a.info[n].pos == Pos::kModal)) return false;
  for (const VerbGroup& g : a.verbs) {
    if (g.first == n) return true;
  }
  return false;
}

// True when mention m is in the subject of a verb group after it, a
// subject that starts after token `after` ("Dagolath and Osgiliath can
// cope": both conjuncts are in one subject, so Osgiliath still counts).
bool SubjectOfLaterVerb(const SentenceAnalysis& a, const Mention& m, uint32_t after) {
  for (const VerbGroup& g : a.verbs) {
    if (g.has_subject && g.subj_first > after && g.subj_first <= m.first && m.last <= g.subj_last && g.head > m.last)
      return true;
  }
  return false;
}

// True when mention m is in the subject of a verb group after it, a
// subject that opens right after a comma past token `after`.
bool SubjectAfterComma(const SentenceAnalysis& a, const Token* t, const Mention& m, uint32_t after) {
  for (const VerbGroup& g : a.verbs) {
    if (g.has_subject && g.subj_first > after + 1 && t[g.subj_first - 1].lower == "," && g.subj_first <= m.first &&
        m.last <= g.subj_last && g.head > m.last)
      return true;
  }
  return false;
}

ActorMention FromMention(const DocState& doc, const Token* t, const Mention& m) {
  ActorMention am;
  am.span = {t[m.first].begin, t[m.last].end};
  am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
  am.name = m.name;
  am.code = m.code;
  return am;
}

// The actor m, written at the token that stands for it ("it", "him",
// "their"): its code, the token's span and text.
ActorMention At(ActorMention m, const Token& tok) {
  m.span = {tok.begin, tok.end};
  m.text = std::string(tok.text);
  return m;
}

// Mention mi and the actors joined to it by "and" ("X and Y"), each ending
// before token `before`: their mention indexes, in order.
std::vector<size_t> AndConjuncts(const SentenceAnalysis& a, const Token* t, size_t mi, uint32_t before) {
  std::vector<size_t> out{mi};
  for (size_t n = mi + 1; n < a.mentions.size(); ++n) {
    const Mention& c = a.mentions[n];
    if (c.last >= before || !c.is_actor || c.first != a.mentions[n - 1].last + 2 || t[c.first - 1].lower != "and")
      break;
    out.push_back(n);
  }
  return out;
}

// Whether token tok lies inside a date or time expression ("on Wednesday",
// "today").
bool InDate(const DocState& doc, const Token& tok) {
  for (const DateMention& d : doc.dates) {
    if (d.span.begin <= tok.begin && tok.end <= d.span.end) return true;
  }
  return false;
}

// PETRARCH's new actor (EngineOptions::peer_new_actor_length): the noun
// phrase [first, last] coded by its upper-case words in double quotes, the
// possessive dropped ("Gryffindor's head" -> "\"GRYFFINDOR HEAD\""); no
// code when it has more than max_words words or none.
ActorMention NewActor(const DocState& doc, const Token* t, const SentenceAnalysis& a, uint32_t first,
                      uint32_t last, int max_words) {
  ActorMention am;
  std::string words;
  int n = 0;
  for (uint32_t q = first; q <= last; ++q) {
    if (a.info[q].pos == Pos::kPoss || t[q].kind == TokKind::kPunct) continue;
    std::string w(t[q].text);
    for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    words += (words.empty() ? "" : " ") + w;
    ++n;
  }
  if (n == 0 || n > max_words) return am;
  am.span = {t[first].begin, t[last].end};
  am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
  am.code = "\"" + words + "\"";
  return am;
}

// The role part of an actor code: "INDCOP" -> "COP", "COP" -> "COP".
std::string_view Role(const std::string& code) {
  std::string_view c(code);
  return c.size() >= 6 ? c.substr(3, 3) : c.substr(0, std::min<size_t>(3, c.size()));
}

// True when the sentence reports a death ("killed", "died", "dead", "toll").
bool ReportsDeath(const Token* t, uint32_t n) {
  static const char* const kDeath[] = {"kill", "kills", "killed", "killing", "killings", "dead", "die", "dies",
                                       "died", "death", "deaths", "perish", "perished", "fatal", "fatally",
                                       "toll", "succumbed", "lifeless"};
  for (uint32_t q = 0; q < n; ++q) {
    for (const char* w : kDeath) {
      if (t[q].lower == w) return true;
    }
    // "lost their lives", "claimed two lives" (not "saved the lives of")
    if (t[q].lower == "lives" || t[q].lower == "life") {
      for (uint32_t r = q >= 3 ? q - 3 : 0; r < q; ++r) {
        const std::string& w = t[r].lower;
        if (w == "lost" || w == "lose" || w == "losing" || w == "claimed" || w == "claim" || w == "claiming") return true;
      }
    }
  }
  return false;
}

// Police firing at a crowd, into the air or at no one named, that kills no
// one is crowd control: CAMEO 175 (violent repression), not 193 (armed
// fighting). Firing at armed actors, and firing that kills, stays 193.
void RecodeCrowdFire(const Model& model, const Token* t, uint32_t n, Event* ev) {
  if (ev->cameo != "193" || Role(ev->source.code) != "COP") return;
  std::string_view tr = Role(ev->target.code);
  for (const char* armed : {"REB", "UAF", "MIL", "COP", "CRM", "SPY", "INS"}) {
    if (tr == armed) return;
  }
  if (ReportsDeath(t, n)) return;
  const CameoCode* cc = model.Cameo("175");
  if (!cc) return;
  ev->cameo = "175";
  ev->cameo_name = cc->name;
  ev->plover = cc->plover;
  ev->plover_mode = cc->mode;
  ev->quad = cc->quad;
  ev->goldstein = cc->goldstein;
}

// The sides of the sentence's (starting at byte `sentence`) last coded
// verb: the sources and targets of its events, without the reverse events of
// a paired code, each code once.
void PriorSides(const Record& rec, uint32_t sentence, std::vector<ActorMention>* sources,
                std::vector<ActorMention>* targets) {
  if (rec.events.empty() || rec.events.back().sentence.begin != sentence) return;
  const Span verb = rec.events.back().verb;
  size_t first = rec.events.size();
  while (first > 0 && rec.events[first - 1].sentence.begin == sentence && rec.events[first - 1].verb.begin == verb.begin)
    --first;
  const std::string& code = rec.events[first].cameo;
  auto add = [](std::vector<ActorMention>* list, const ActorMention& m) {
    if (m.code.empty()) return;
    for (const ActorMention& o : *list) {
      if (o.code == m.code) return;
    }
    list->push_back(m);
  };
  for (size_t e = first; e < rec.events.size(); ++e) {
    if (rec.events[e].cameo != code) continue;
    add(sources, rec.events[e].source);
    add(targets, rec.events[e].target);
  }
}

// True when token q (of a sentence of n tokens) ends one of TABARI's
// clauses: a semicolon, or "and" / "or" / "but" that does not join two
// actors ("Ithilen and Dagolath" is one compound actor; "but" never is).
bool ClauseBoundary(const SentenceAnalysis& a, const Token* t, uint32_t n, uint32_t q) {
  const std::string& w = t[q].lower;
  if (w == ";") return true;
  if (w != "and" && w != "or" && w != "but" && w != "yet") return false;
  bool joins = w != "but" && w != "yet" && q > 0 && q + 1 < n && a.mention_at[q - 1] >= 0 && a.mentions[a.mention_at[q - 1]].is_actor &&
               a.mention_at[q + 1] >= 0 && a.mentions[a.mention_at[q + 1]].is_actor;
  // Nor "and" inside a noun phrase ("a bombing and shelling offensive").
  return !joins && !AndInNounPhrase(t[q], a, q);
}

// TABARI codes by clause: of the verbs of a clause (the words between
// conjunctions that do not join actors, or semicolons) only the first that
// codes gives events ("X asked Y to assist Z": no assisting).
void OneVerbPerClause(const DocState& doc, size_t s, size_t from, Record* rec) {
  if (rec->events.size() < from + 2) return;
  const SentenceAnalysis& a = doc.analyses[s];
  const SentenceTokens& st = doc.sentences[s];
  const Token* t = &doc.tokens[st.first];
  // The clause of each token.
  std::vector<uint32_t> clause(st.count, 0);
  for (uint32_t q = 0, c = 0; q < st.count; ++q) {
    c += ClauseBoundary(a, t, st.count, q);
    clause[q] = c;
  }
  auto clause_of = [&](uint32_t byte) {
    for (uint32_t q = 0; q < st.count; ++q) {
      if (t[q].begin == byte) return clause[q];
    }
    return UINT32_MAX;
  };
  std::map<uint32_t, uint32_t> first_verb;  // clause -> its first coded verb
  for (size_t e = from; e < rec->events.size(); ++e) {
    uint32_t c = clause_of(rec->events[e].verb.begin);
    auto [it, added] = first_verb.emplace(c, rec->events[e].verb.begin);
    if (!added) it->second = std::min(it->second, rec->events[e].verb.begin);
  }
  rec->events.erase(std::remove_if(rec->events.begin() + static_cast<std::ptrdiff_t>(from), rec->events.end(),
                                   [&](const Event& e) { return first_verb[clause_of(e.verb.begin)] != e.verb.begin; }),
                    rec->events.end());
}

}  // namespace

// "police-VHP clash", "India-Pakistan fighting": two sides joined by a
// hyphen before a noun of fighting fought each other (CAMEO 190, both ways,
// as "A and B clashed"). One side may be a word the dictionaries do not know
// ("police-vhp clash"): the known side fought it. True when it coded.
bool Coder::CodeSidesNoun(const DocState& doc, size_t s, uint32_t q, Record* rec) const {
  static const char* const kFighting[] = {"clash", "clashes", "fight", "fights", "fighting", "violence"};
  const SentenceTokens& st = doc.sentences[s];
  const SentenceAnalysis& a = doc.analyses[s];
  const Token* t = &doc.tokens[st.first];
  bool fighting = false;
  for (const char* w : kFighting) fighting |= t[q].lower == w;
  if (!fighting || q < 3 || t[q - 2].lower != "-") return false;
  // A side: an actor mention ending at `last`, or one unknown noun; a prefix
  // ("anti-police violence", "cross-border fighting") is no side.
  static const char* const kPrefixes[] = {"anti", "pro", "post", "pre", "non", "inter", "intra", "cross", "counter",
                                          "ex", "neo", "pan", "trans", "multi", "co", "semi", "self", "mid", "sub",
                                          "super", "ultra", "over", "under", "mock", "quasi", "all", "full", "long"};
  auto side = [&](uint32_t last, ActorMention* out) {
    int mi = a.mention_at[last];
    if (mi >= 0) {
      const Mention& m = a.mentions[mi];
      if (!m.is_actor || m.last != last) return false;
      *out = FromMention(doc, t, m);
      return true;
    }
    if (!(a.info[last].pos == Pos::kNoun || a.info[last].pos == Pos::kPropn) || t[last].kind != TokKind::kWord)
      return false;
    if (last == q - 3 && last > 0 && t[last - 1].lower == "-") return false;  // "hand-to-hand fighting"
    for (const char* p : kPrefixes) {
      if (t[last].lower == p) return false;
    }
    out->span = {t[last].begin, t[last].end};
    out->text = std::string(t[last].text);
    return true;
  };
  ActorMention first, second;
  if (!side(q - 1, &second) || !side(q - 3, &first)) return false;
  if (first.code.empty() && second.code.empty()) return false;
  if (!first.code.empty() && first.code == second.code) return false;
  const CameoCode* cc = model_->Cameo("190");
  if (!cc) return false;
  for (int way = 0; way < 2; ++way) {
    const ActorMention& src = way == 0 ? first : second;
    const ActorMention& tgt = way == 0 ? second : first;
    if (src.code.empty()) continue;
    Event ev;
    ev.sentence = st.span;
    ev.source = src;
    ev.target = tgt;
    ev.verb = {t[q].begin, t[q].end};
    ev.verb_text = std::string(t[q].text);
    ev.cameo = "190";
    ev.rule = "~A-B " + t[q].lower;
    ev.cameo_name = cc->name;
    ev.plover = cc->plover;
    ev.plover_mode = cc->mode;
    ev.quad = cc->quad;
    ev.goldstein = cc->goldstein;
    ev.date = doc.date;
    rec->events.push_back(std::move(ev));
  }
  return true;
}

// Nominal events whose agent is named in the noun phrase: "police firing",
// "the police's crackdown on protesters", "firing by the police".
void Coder::CodeNominal(const DocState& doc, size_t s, Record* rec) const {
  const Model& model = *model_;
  const SentenceTokens& st = doc.sentences[s];
  const SentenceAnalysis& a = doc.analyses[s];
  const Token* t = &doc.tokens[st.first];
  auto in_verb_group = [&](uint32_t q) {
    for (const VerbGroup& g : a.verbs) if (q >= g.first && q <= g.head) return true;
    return false;
  };
  for (uint32_t q = 0; q < st.count; ++q) {
    if (a.mention_at[q] >= 0 || in_verb_group(q)) continue;
    if (CodeSidesNoun(doc, s, q, rec)) continue;
    const std::vector<VerbPattern>* pats = model.NounPatterns(t[q].lower);
    if (!pats) continue;
    int src = -1;
    uint32_t p = q;
    // "police firing" / "police's crackdown"
    if (p > 0 && t[p - 1].lower == "'s") --p;
    if (p > 0 && a.mention_at[p - 1] >= 0 && a.mentions[a.mention_at[p - 1]].is_actor &&
        !(p == q && model.InClass("SITE", t[p - 1].lower)))  // "the temple firing": the temple was hit
      src = a.mention_at[p - 1];
    // "firing by the police"
    if (src < 0 && q + 1 < st.count && t[q + 1].lower == "by") {
      for (uint32_t r = q + 2; r < st.count && r < q + 5; ++r) {
        if (a.mention_at[r] >= 0 && a.mentions[a.mention_at[r]].is_actor) { src = a.mention_at[r]; break; }
        if (a.info[r].pos != Pos::kDet && a.info[r].pos != Pos::kAdj) break;
      }
    }
    if (src < 0) continue;
    const VerbPattern* hit = nullptr;
    int target_mi = -1;
    for (const VerbPattern& pat : *pats) {
      if (MatchElems(pat, t, a, q + 1, st.count, false, &target_mi)) { hit = &pat; break; }
    }
    if (!hit) continue;
    const CameoCode* cc = model.Cameo(hit->code);
    int root = std::atoi(hit->code.substr(0, 2).c_str());
    if (target_mi < 0 && root < 14) continue;  // cooperation needs its partner named
    Event ev;
    ev.sentence = st.span;
    ev.source = FromMention(doc, t, a.mentions[src]);
    if (target_mi >= 0) ev.target = FromMention(doc, t, a.mentions[target_mi]);
    if (ev.source.code.empty() || (target_mi >= 0 && ev.target.code == ev.source.code)) continue;
    bool dup = false;
    for (auto e = rec->events.rbegin(); e != rec->events.rend() && e->sentence.begin == st.span.begin; ++e) {
      dup |= e->cameo.compare(0, 2, hit->code, 0, 2) == 0 && e->source.code == ev.source.code;
    }
    if (dup) continue;
    SetCode(*hit, cc, t[q], &ev);
    ev.rule = "~" + hit->text;
    ev.date = doc.date;
    RecodeCrowdFire(model, t, st.count, &ev);
    rec->events.push_back(std::move(ev));
  }
}

bool Coder::Complex(const DocState& doc, size_t s) const {
  if (complex_verbs_ == 0) return false;
  size_t verbs = 0;
  for (const VerbGroup& g : doc.analyses[s].verbs) verbs += model_->Patterns(g.lemma) != nullptr;
  return verbs >= complex_verbs_;
}

void Coder::Code(const DocState& doc, Record* rec) const {
  SentenceAnalysis sparse;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (Complex(doc, s)) continue;
    size_t before = rec->events.size();
    CodeSentence(doc, s, rec);
    CodeNominal(doc, s, rec);
    if (sparse_verbs_ && !code_all_) OneVerbPerClause(doc, s, before, rec);
    // With CODE ALL the sparse reading's words of its own ("by its
    // resumption of ties with X") code too, after the parsed verbs' events
    // (SparseReading already leaves a noun behind an article alone: "an
    // attack by X").
    const size_t parsed = rec->events.size();
    if (sparse_verbs_ && (parsed == before || code_all_)) {
      SparseReading(*model_, &doc.tokens[doc.sentences[s].first], doc.analyses[s], &sparse);
      CodeSentence(doc, s, rec, &sparse);
      if (parsed > before) {
        const Token* t = &doc.tokens[doc.sentences[s].first];
        rec->events.erase(std::remove_if(rec->events.begin() + static_cast<std::ptrdiff_t>(parsed), rec->events.end(),
                                         [&](const Event& e) {
                                           for (const VerbGroup& g : doc.analyses[s].verbs) {
                                             if (t[g.head].begin == e.verb.begin) return true;
                                           }
                                           return false;
                                         }),
                          rec->events.end());
        before = parsed;
      }
      // TABARI codes the first verb it finds; later ones in a sentence it
      // could not parse are the clauses it skips ("..., officials said").
      uint32_t first_verb = UINT32_MAX;
      for (size_t e = before; e < rec->events.size(); ++e) first_verb = std::min(first_verb, rec->events[e].verb.begin);
      rec->events.erase(std::remove_if(rec->events.begin() + static_cast<std::ptrdiff_t>(before), rec->events.end(),
                                       [&](const Event& e) { return e.verb.begin != first_verb; }),
                        rec->events.end());
    }
  }
}

void Coder::CodeSentence(const DocState& doc, size_t s, Record* rec, const SentenceAnalysis* reading) const {
  const Model& model = *model_;
  const SentenceTokens& st = doc.sentences[s];
  const SentenceAnalysis& a = reading ? *reading : doc.analyses[s];
  const Token* t = &doc.tokens[st.first];
  // The verb groups, and (with the peers' conventions) nouns that are the
  // verb of a pattern with words before it: TABARI's and PETRARCH's verbs
  // are word stems, so "have postponed their meeting" is MEET's "have
  // postponed * meet". Such a noun shares the subject of the verb whose
  // object it is, and only those patterns are tried on it.
  const std::vector<VerbGroup>* groups = &a.verbs;
  std::vector<VerbGroup> with_nouns;
  if (peer_targets_) {
    for (size_t gi = 0; gi < a.verbs.size(); ++gi) {
      const VerbGroup& gov = a.verbs[gi];
      for (uint32_t q = gov.head + 1; q < gov.obj_end; ++q) {
        if (a.mention_at[q] >= 0 || a.info[q].pos == Pos::kVerb || !a.info[q].forms) continue;
        for (const VerbForm& f : *a.info[q].forms) {
          const Model::PatternIndex* index = model.PatternIndexFor(f.lemma);
          if (!index || !index->words_before) continue;
          if (with_nouns.empty()) with_nouns = a.verbs;
          VerbGroup n = gov;
          n.first = n.head = q;
          n.lemma = f.lemma;
          n.passive = false;
          n.inherit_subject_from = static_cast<int>(gi);
          n.obj_first = q + 1;
          with_nouns.push_back(std::move(n));
          break;
        }
      }
    }
    if (!with_nouns.empty()) groups = &with_nouns;
  }
  // TABARI's verb dictionary lists modals ("SHOULD [101]", "- suggested +
  // * require conventions"): in its reading such a modal is the verb of its
  // clause, and the verb after it one of the pattern's words.
  std::vector<VerbGroup> modal_heads;
  if (sparse_verbs_) {
    for (size_t gi = 0; gi < groups->size(); ++gi) {
      const VerbGroup& g = (*groups)[gi];
      for (uint32_t q = g.first; q < g.head; ++q) {
        if (a.info[q].pos != Pos::kModal || !model.Patterns(t[q].lower)) continue;
        if (modal_heads.empty()) modal_heads = *groups;
        VerbGroup& m = modal_heads[gi];
        m.head = q;
        m.lemma = t[q].lower;
        m.passive = false;
        break;
      }
    }
    if (!modal_heads.empty()) groups = &modal_heads;
  }
  const size_t verb_count = a.verbs.size();
  // Subjects are resolved when a pattern needs one (most verb groups code
  // nothing); a coordinated verb shares its governor's.
  std::vector<std::vector<ActorMention>> subjects(groups->size());
  std::vector<char> resolved(groups->size(), 0);
  std::function<const std::vector<ActorMention>&(size_t)> subject = [&](size_t k) -> const std::vector<ActorMention>& {
    if (!resolved[k]) {
      resolved[k] = 1;
      const VerbGroup& g = (*groups)[k];
      // The actor mention m (of tokens mt) that the pronoun subject stands for.
      auto for_pronoun = [&](const Mention& m, const Token* mt) { return At(FromMention(doc, mt, m), t[g.subj_first]); };
      if (g.source_mention >= 0) subjects[k].push_back(FromMention(doc, t, a.mentions[g.source_mention]));
      else if (g.inherit_subject_from >= 0) subjects[k] = subject(static_cast<size_t>(g.inherit_subject_from));
      else if (g.has_subject)
        ResolveChunk(model, doc, a, st.first, g.subj_first, g.subj_last, &subjects[k], 1, petrarch_);
      // PETRARCH's parse: a subject noun phrase runs back through the
      // prepositional phrases before it to the sentence's start ("Arnor
      // centre of a quarrel between Rohan the Horse called": Arnor), and
      // its head is the first actor.
      if (petrarch_ && g.has_subject && g.inherit_subject_from < 0 && g.source_mention < 0 && g.subj_first > 1) {
        uint32_t q = g.subj_first;
        bool crossed = false;
        while (q > 0) {
          Pos x = a.info[q - 1].pos;
          if (x == Pos::kPrep) crossed = true;
          else if (!(x == Pos::kNoun || x == Pos::kPropn || x == Pos::kDet || x == Pos::kAdj || x == Pos::kNum ||
                     a.mention_at[q - 1] >= 0))
            break;
          --q;
        }
        if (q == 0 && crossed && a.mention_at[0] >= 0 && a.mentions[a.mention_at[0]].is_actor &&
            !IsModifier(a, t, a.mentions[a.mention_at[0]]))
          subjects[k].assign(1, FromMention(doc, t, a.mentions[a.mention_at[0]]));
      }
      // TABARI's compounds: a possessive actor before a word that names no
      // actor ("Ithilen's sheep and pigs of Gondor") is not a conjunct of
      // its own; the phrase it modifies names none, so only the other
      // conjuncts code.
      if (sparse_verbs_ && g.has_subject && g.inherit_subject_from < 0 && g.source_mention < 0 &&
          subjects[k].size() >= 2) {
        auto possessive = [&](const ActorMention& m) {
          for (uint32_t q = g.subj_first; q + 2 <= g.subj_last; ++q) {
            if (t[q].end == m.span.end)
              return t[q + 1].lower == "'s" && a.mention_at[q + 2] < 0 && t[q + 2].kind == TokKind::kWord;
          }
          return false;
        };
        if (!std::all_of(subjects[k].begin(), subjects[k].end(), possessive)) std::erase_if(subjects[k], possessive);
        // TABARI passes no agent into a compound's later conjuncts: "A and B
        // ministers A and B" is A and B, and "B ministers" a duplicate of B.
        const std::vector<ActorMention> all = subjects[k];
        std::erase_if(subjects[k], [&](const ActorMention& m) {
          return m.code.size() == 6 && std::any_of(all.begin(), all.end(), [&](const ActorMention& o) {
                   return o.code.size() == 3 && m.code.compare(0, 3, o.code) == 0 && o.span.begin > m.span.begin;
                 });
        });
      }
      // PETRARCH codes a subject by any actor word in it, a modifier too
      // ("the official news agency said": GOV).
      if (petrarch_ && g.has_subject && g.inherit_subject_from < 0 && g.source_mention < 0 &&
          std::all_of(subjects[k].begin(), subjects[k].end(), [](const ActorMention& m) { return m.code.empty(); })) {
        for (uint32_t q = g.subj_first; q <= g.subj_last; ++q) {
          int mi = a.mention_at[q];
          if (mi >= 0 && a.mentions[mi].is_actor) {
            subjects[k].assign(1, FromMention(doc, t, a.mentions[mi]));
            break;
          }
        }
      }
      // TABARI's reading: a pronoun subject ("he", "she", "it", "they") in a
      // later clause is the first actor of the sentence, all the conjuncts
      // of a compound one ("X and Y urged Z to rest and then they asked W").
      if (sparse_verbs_ && subjects[k].empty() && g.has_subject && g.subj_first == g.subj_last &&
          (t[g.subj_first].lower == "he" || t[g.subj_first].lower == "she" || t[g.subj_first].lower == "it" ||
           t[g.subj_first].lower == "they")) {
        for (size_t mi = 0; mi < a.mentions.size(); ++mi) {
          const Mention& m = a.mentions[mi];
          if (m.last >= g.subj_first) break;
          if (!m.is_actor || IsModifier(a, t, m)) continue;
          for (size_t c : AndConjuncts(a, t, mi, g.subj_first)) subjects[k].push_back(for_pronoun(a.mentions[c], t));
          break;
        }
      }
      // "Ethiopia indicated it would act": "it" / "they" is the nearest
      // actor before it in the sentence (a person only for "they").
      if (subjects[k].empty() && g.has_subject && g.subj_first == g.subj_last &&
          (t[g.subj_first].lower == "it" || t[g.subj_first].lower == "they")) {
        for (size_t mi = a.mentions.size(); mi-- > 0;) {
          const Mention& m = a.mentions[mi];
          if (m.last >= g.subj_first || !m.is_actor) continue;
          if (m.kind == PhraseKind::kPerson && t[g.subj_first].lower == "it") continue;
          if (IsModifier(a, t, m)) continue;
          subjects[k].push_back(for_pronoun(m, t));
          break;
        }
      }
      // TABARI's reading takes as source the nearest actor before the verb:
      // a subject that names none ("Gondor said that the envoys would
      // affirm ...") leaves it to an actor before the subject. Not in a
      // subordinate clause, which TABARI does not code ("after crowds
      // burned ..."), nor for an infinitive ("efforts to stop").
      auto finite = [&] {
        for (uint32_t q = g.first; q <= g.head; ++q) {
          if (t[q].lower == "to") return false;
        }
        return g.head == 0 || t[g.head - 1].lower != "to";
      };
      if (sparse_verbs_ && subjects[k].empty() && g.has_subject && a.info[g.subj_first].pos != Pos::kPron &&
          (g.subj_first == 0 || a.info[g.subj_first - 1].pos != Pos::kSub) && finite()) {
        for (size_t mi = a.mentions.size(); mi-- > 0;) {
          const Mention& m = a.mentions[mi];
          if (m.last >= g.subj_first || !m.is_actor || IsModifier(a, t, m)) continue;
          subjects[k].push_back(FromMention(doc, t, m));
          break;
        }
      }
      // TABARI's forwarding ("Gondor expressed reluctance. It acknowledged
      // ..."): a pronoun with no actor before it in its sentence is the
      // first actor of the sentence before ("he"/"she" only when no person
      // was found by name). Only with the sparse reading: on news the first
      // actor of the sentence before is too often someone else.
      const std::string& pw = g.has_subject ? t[g.subj_first].lower : "";
      bool uncoded = std::all_of(subjects[k].begin(), subjects[k].end(),
                                 [](const ActorMention& m) { return m.code.empty(); });
      if (sparse_verbs_ && uncoded && s > 0 && g.has_subject && g.subj_first == g.subj_last &&
          (pw == "it" || pw == "they" || pw == "he" || pw == "she")) {
        const SentenceAnalysis& prev = doc.analyses[s - 1];
        const Token* pt = &doc.tokens[doc.sentences[s - 1].first];
        bool before_it = false;
        for (const Mention& m : a.mentions) before_it |= m.is_actor && m.last < g.subj_first;
        for (const Mention& m : prev.mentions) {
          if (before_it || !m.is_actor || IsModifier(prev, pt, m)) continue;
          if (m.kind == PhraseKind::kPerson && pw == "it") continue;
          subjects[k].assign(1, for_pronoun(m, pt));
          break;
        }
      }
      // PETRARCH's new actors: a conjunct of the subject that names no
      // dictionary actor is one of its own ("Eriador's death and the
      // injury toll": ERI and "THE INJURY TOLL"), a pronoun not.
      if (new_actor_length_ > 0 && g.has_subject && g.inherit_subject_from < 0 && g.source_mention < 0) {
        std::vector<ActorMention> found;
        uint32_t c = g.subj_first;
        for (uint32_t q = g.subj_first; q <= g.subj_last + 1; ++q) {
          if (q <= g.subj_last && (a.mention_at[q] >= 0 || !(t[q].lower == "and" || t[q].lower == "or" ||
                                                              t[q].lower == "nor" || t[q].lower == ",")))
            continue;
          bool skip = q == c || (q == c + 1 && a.info[c].pos == Pos::kPron);
          for (uint32_t r = c; r < q && !skip; ++r) skip = a.mention_at[r] >= 0 && a.mentions[a.mention_at[r]].is_actor;
          if (!skip) {
            ActorMention am = NewActor(doc, t, a, c, q - 1, new_actor_length_);
            if (!am.code.empty()) found.push_back(std::move(am));
          }
          c = q + 1;
        }
        if (!found.empty()) {
          std::erase_if(subjects[k], [](const ActorMention& m) { return m.code.empty(); });
          subjects[k].insert(subjects[k].end(), found.begin(), found.end());
        }
      }
    }
    return subjects[k];
  };
  std::vector<uint32_t> region;  // word ids of a verb's object region
  std::vector<uint32_t> candidates;  // patterns of the verb that may match there
  std::vector<uint32_t> consumed;  // byte offsets of verbs another pattern took as its words
  std::vector<uint32_t> dominant;  // byte offsets of verbs that coded a dominant code (CODE ALL)
  // The parse-reading peers (PETRARCH, UD-PETRARCH) put a clause opened by
  // a subordinator after a verb's object ("restored ties with X after Y
  // crowds burned ...") inside that verb's phrase: right after the object,
  // its subject is the target when the object names no actor; and such a
  // clause after a verb that coded codes no event of its own.
  auto clause_after = [&](const VerbGroup& v) -> int {
    if (v.obj_end + 1 >= st.count || a.info[v.obj_end].pos != Pos::kSub) return -1;
    for (size_t j = 0; j < verb_count; ++j) {
      const VerbGroup& c = a.verbs[j];
      if (c.has_subject && c.inherit_subject_from < 0 && c.subj_first == v.obj_end + 1 && c.head > c.subj_last)
        return static_cast<int>(j);
    }
    return -1;
  };
  const bool parse_clauses = peer_targets_ && !sparse_verbs_;
  int first_coded = -1;  // the first verb group that coded an event
  size_t events_at_group = rec->events.size();
  for (size_t k = 0; k < groups->size(); ++k) {
    const VerbGroup& g = (*groups)[k];
    const bool noun_head = k >= verb_count;
    if (first_coded < 0 && k > 0 && k - 1 < verb_count && rec->events.size() > events_at_group)
      first_coded = static_cast<int>(k - 1);
    events_at_group = rec->events.size();
    if (parse_clauses && !noun_head && first_coded >= 0 && g.has_subject && g.inherit_subject_from < 0 &&
        g.subj_first > (*groups)[first_coded].head + 1 && a.info[g.subj_first - 1].pos == Pos::kSub &&
        g.head > g.subj_last)
      continue;
    if (g.modality != Modality::kAsserted && !keep_modal_) continue;
    // TABARI: "'s" is a noun's ending; a verb word that takes it is no verb
    // ("Estonia donate's cash").
    if (sparse_verbs_ && g.head + 1 < st.count && t[g.head + 1].lower == "'s") continue;
    // PETRARCH and UD-PETRARCH read a parse, where a gerund clause opened by
    // a subordinator ("attacked X after leaving Y") has no subject of its
    // own: it codes nothing.
    if (peer_targets_ && !sparse_verbs_ && !noun_head && g.inherit_subject_from >= 0 && !g.has_subject &&
        g.first == g.head && g.first > 0 && a.info[g.first - 1].pos == Pos::kSub && t[g.head].lower.size() > 4 &&
        t[g.head].lower.ends_with("ing"))
      continue;
    // TABARI's reading codes a noun through its words before it ("anti-
    // Gondor parade") only when no verb of the sentence coded: in its
    // dictionary reading, after the parse's found nothing (unless the words
    // take the clause's verb: "have postponed their meeting").
    if (noun_head && sparse_verbs_ && reading && !rec->events.empty() &&
        rec->events.back().sentence.begin == st.span.begin)
      continue;
    const VerbPattern* hit = nullptr;
    int target_mi = -1;
    uint32_t target_at = 0;  // the token where a pattern's target slot matched
    int takes_verb = -1;  // token of a governing verb the pattern's words took
    uint32_t matched_end = g.head + 1;  // after the pattern's own words ("fired tear gas | at ...")
    uint32_t hit_lowest = g.head;  // the first token of the pattern's words before the verb
    int before_target = -1;        // the actor a `+` before the verb took (TABARI's reading)
    // "threatened to attack X": patterns of the governing verb read on
    // through its infinitive ("threaten to attack +").
    uint32_t match_end = g.obj_end;
    bool governs_infinitive = false;  // "threatened to attack": "to" right after the verb
    bool reads_relative = false;      // match_end takes in a reduced relative clause
    if (k + 1 < a.verbs.size()) {
      const VerbGroup& inf = a.verbs[k + 1];
      bool shares = inf.inherit_subject_from == static_cast<int>(k);
      if (shares && g.head + 1 < st.count && t[g.head + 1].lower == "to") {
        governs_infinitive = true;
        match_end = inf.obj_end;
      } else if (peer_targets_ && inf.passive && inf.first == inf.head && inf.has_subject &&
                 inf.subj_first > g.head && inf.subj_last < inf.head && inf.head < g.obj_end + 1) {
        // A participle reducing a relative clause in the object belongs to
        // it for the peers, who read flat ("welcomed assurances sent from +").
        reads_relative = true;
        match_end = inf.obj_end;
      } else if (peer_targets_ && (shares || (inf.inherit_subject_from < 0 && !inf.has_subject)) &&
                 inf.head > g.head + 1) {
        // The peers read on across words before the infinitive too ("vowed
        // on Thursday to wage war": "vow war"), not across punctuation.
        uint32_t q = g.head + 1;
        while (q < inf.head && t[q].kind != TokKind::kPunct && t[q].lower != "to") ++q;
        if (q + 1 == inf.head && t[q].lower == "to") match_end = inf.obj_end;
      } else if (peer_targets_ && !before_in_subject_ && g.head + 1 < st.count && t[g.head + 1].lower == "that" &&
                 inf.first > g.head + 1) {
        // TABARI and PETRARCH read a pattern on into a that-clause right
        // after the verb ("allowed that X isn't a really pleasant place");
        // UD-PETRARCH (before_in_subject) reads each clause apart.
        match_end = inf.obj_end;
      }
    }
    // Read on across words before an infinitive, a pattern with words of
    // its own in the object comes first: "signed an accord on Thursday to
    // supply" is "sign accord", not "sign to supply".
    const bool read_on = match_end != g.obj_end && !governs_infinitive && !reads_relative;
    // A form the dictionary lists as a verb of its own with words after it
    // ("called on" beside "call"): read as that verb first, then as a form
    // of its lemma ("called for talks" is "call for").
    const std::string* lemmas[2] = {&g.lemma, nullptr};
    if (const std::vector<VerbForm>* forms = a.info[g.head].forms) {
      for (const VerbForm& f : *forms) {
        if (f.lemma != g.lemma && f.lemma == t[g.head].lower && model.Patterns(f.lemma)) {
          lemmas[0] = &f.lemma;
          lemmas[1] = &g.lemma;
          break;
        }
      }
    }
    for (const std::string* lemma : lemmas) {
      if (!lemma || hit) break;
      const auto* pats = model.Patterns(*lemma);
      for (int pass = read_on ? 0 : 1; pats && pass < 2 && !hit; ++pass) {
        const uint32_t end = pass == 0 ? g.obj_end : match_end;
        // Prefilter: a pattern whose literal words are not all in the region
        // cannot match (most of a common verb's patterns).
        region.clear();
        for (uint32_t q = g.head + 1; q < end; ++q) {
          if (a.info[q].word) region.push_back(a.info[q].word);
          if (a.info[q].prefix && a.info[q].prefix != a.info[q].word) region.push_back(a.info[q].prefix);
        }
        std::sort(region.begin(), region.end());
        auto present = [&](const PatternElem& el) {
          for (uint32_t id : el.ids) {
            if (std::binary_search(region.begin(), region.end(), id)) return true;
          }
          return false;
        };
        // Only the patterns whose first literal word is in the region (or that
        // have none) are looked at, in their order.
        candidates.clear();
        if (const Model::PatternIndex* index = model.PatternIndexFor(*lemma)) {
          candidates = index->no_word;
          for (size_t r = 0; r < region.size(); ++r) {
            if (r > 0 && region[r] == region[r - 1]) continue;
            auto it = index->by_word.find(region[r]);
            if (it != index->by_word.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
          }
          std::sort(candidates.begin(), candidates.end());
          candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        }
        for (uint32_t c : candidates) {
          const VerbPattern& p = (*pats)[c];
          bool possible = true;
          for (uint8_t w = 1; w < p.word_elem_count && possible; ++w) {
            possible = p.word_ids[w] ? std::binary_search(region.begin(), region.end(), p.word_ids[w])
                                     : present(p.elems[p.word_elems[w]]);
          }
          uint32_t lowest = g.head;
          if ((noun_head && p.before.empty()) || (pass == 0 && p.specificity == 0)) continue;
          // PETRARCH's "+ hosting * celebrate ... $": the words before the
          // verb may stand before its subject (their `+` is the target).
          // So may a `+` among them ("noted + * regret": "X noted that Y
          // regretted": X -> Y).
          bool before_slot = false;
          for (const PatternElem& el : p.before) before_slot |= el.type == PatternElem::kTarget;
          const bool across = sparse_verbs_ || (petrarch_ && (p.swap || before_slot));
          if (!possible || !MatchBefore(p, t, a, g, &lowest, before_in_subject_, across, &before_target)) continue;
          if (p.compound_subject && subject(k).size() < 2) continue;  // "% * agree": "A and B agree"
          // The peers skip any number of words between pattern words ("signed
          // an 800 million ducat trade protocol"); we allow a few more then.
          if (MatchElems(p, t, a, g.head + 1, end, g.passive, &target_mi, &matched_end, peer_targets_ ? 7 : 4,
                         peer_targets_, petrarch_, &target_at, sparse_verbs_)) {
            hit = &p;
            hit_lowest = lowest;
            // "Estonia said it would act now" ("said would * act now"): the
            // governing "said" is part of this event, not one of its own.
            if ((g.has_subject && lowest < g.subj_first) || (!g.has_subject && lowest < g.first)) {
              for (const VerbGroup& o : a.verbs) {
                if (o.head == lowest) takes_verb = static_cast<int>(lowest);
              }
            }
            // "have postponed their meeting": so is the verb of a noun head.
            if (noun_head && lowest <= a.verbs[g.inherit_subject_from].head)
              takes_verb = static_cast<int>(a.verbs[g.inherit_subject_from].head);
            break;
          }
        }
      }
    }
    if (!hit) before_target = -1;
    if (noun_head && !hit) continue;
    if (noun_head && sparse_verbs_ && !reading && takes_verb < 0) continue;
    if (!hit && model.IsLightVerb(g.lemma) && !g.passive) {
      // The event is in the object noun: "carried out an attack on X".
      uint32_t q = g.head + 1;
      // particles of phrasal light verbs: "carried out", "stepped up"
      while (q < g.obj_end && (t[q].lower == "out" || t[q].lower == "up" || t[q].lower == "off" || t[q].lower == "on")) ++q;
      while (q < g.obj_end && Skippable(t[q], a, q) && a.info[q].pos != Pos::kNoun) ++q;
      uint32_t head = q;
      while (q < g.obj_end && (a.info[q].pos == Pos::kNoun || a.info[q].pos == Pos::kAdj ||
                               (t[q].kind == TokKind::kPunct && t[q].lower == "-"))) {
        if (a.info[q].pos == Pos::kNoun) head = q;
        ++q;
      }
      if (head < g.obj_end) {
        if (const auto* pats = model.NounPatterns(t[head].lower)) {
          for (const VerbPattern& p : *pats) {
            if (MatchElems(p, t, a, head + 1, g.obj_end, false, &target_mi)) { hit = &p; break; }
          }
        }
      }
    }
    // The event is in the passive subject of a light verb: "432 arrests have
    // been made", "the arrests made by the city police".
    bool nominal_passive = false;
    if (!hit && g.passive && g.has_subject && model.IsLightVerb(g.lemma)) {
      uint32_t head = g.subj_last + 1;
      for (uint32_t q = g.subj_first; q <= g.subj_last; ++q) {
        if (a.info[q].pos == Pos::kNoun && a.mention_at[q] < 0) { head = q; break; }
      }
      if (head <= g.subj_last) {
        if (const auto* pats = model.NounPatterns(t[head].lower)) {
          for (const VerbPattern& p : *pats) {
            if (MatchElems(p, t, a, head + 1, g.subj_last + 1, false, &target_mi)) { hit = &p; break; }
          }
        }
      }
      nominal_passive = hit != nullptr;
    }
    // The pattern's object is the passive subject: "five rounds were fired
    // by the station officer", "tear gas shells were lobbed".
    bool object_passive = false;
    if (!hit && g.passive && g.has_subject) {
      if (const auto* pats = model.Patterns(g.lemma)) {
        for (const VerbPattern& p : *pats) {
          bool words = false;
          for (const PatternElem& el : p.elems) words |= el.type == PatternElem::kWord;
          if (!words || !MatchBefore(p, t, a, g, nullptr, before_in_subject_)) continue;
          if (MatchElems(p, t, a, g.subj_first, g.subj_last + 1, true, &target_mi) && target_mi < 0) {
            hit = &p;
            break;
          }
        }
      }
      object_passive = hit != nullptr;
    }
    if (!hit) continue;
    // "after temple attack": a place or building right before a bare event
    // word is what was hit, not who hit it (the attacker is not named).
    if (!g.passive && g.first == g.head && g.has_subject && g.subj_last + 1 == g.head &&
        t[g.head].lower == g.lemma && model.InClass("SITE", t[g.subj_last].lower))
      continue;
    // "tried to set fire", "wants to meet": a verb that governs an infinitive
    // codes only through a pattern that reads into it ("threaten to attack +").
    // The parse-reading peers code "X is said to be about to restore ties
    // with Y" as the saying (X -> Y): the infinitive clause is its object,
    // read on for the target, and codes no event of its own.
    const bool hearsay = parse_clauses && !noun_head && governs_infinitive && g.has_subject &&
                         t[g.head].lower == "said" && g.head > 0 &&
                         (t[g.head - 1].lower == "is" || t[g.head - 1].lower == "was" ||
                          t[g.head - 1].lower == "are" || t[g.head - 1].lower == "were");
    if (governs_infinitive && hit->specificity == 0 && !hearsay) continue;
    // "have demonstrated that security has collapsed", "protested that he
    // was innocent": with a that-clause these verbs show or claim; no protest.
    if (hit->code.compare(0, 2, "14") == 0 && g.head + 1 < st.count && t[g.head + 1].lower == "that") continue;
    const CameoCode* cc = model.Cameo(hit->code);
    std::vector<ActorMention> sources, targets;
    bool read_active = !g.passive;
    if (g.passive) {
      if (nominal_passive || object_passive) {
        if (target_mi >= 0) targets.push_back(FromMention(doc, t, a.mentions[target_mi]));
      } else {
        targets = subject(k);
      }
      for (uint32_t q = g.head + 1; q + 1 < g.obj_end; ++q) {
        if (t[q].lower != "by") continue;
        uint32_t e = q + 1;
        while (e < g.obj_end && Skippable(t[e], a, e)) ++e;
        if (e > q + 1) ResolveChunk(model, doc, a, st.first, q + 1, e - 1, &sources);
        break;
      }
      // Agentless passive of an arrest: the police of the place did it.
      static const char* const kArrestVerbs[] = {"arrest", "detain", "apprehend", "nab", "round", "take",
                                                  "hold", "remand", "jail", "imprison", "book", "pick"};
      bool arrest_verb = nominal_passive;
      for (const char* v : kArrestVerbs) arrest_verb |= g.lemma == v;
      if (sources.empty() && hit->code.rfind("173", 0) == 0 && arrest_verb) {
        ActorMention police;
        police.text = "";
        police.name = "police";
        police.code = doc.context_country + "COP";
        police.span = {t[g.head].begin, t[g.head].end};
        sources.push_back(police);
      }
      // PETRARCH reads a passive with no agent named as active ("X was
      // criticized over its dispute with Y": X criticized Y).
      if (petrarch_ && sources.empty() && !nominal_passive && !object_passive) {
        read_active = true;
        targets.clear();
      }
    }
    // TABARI's reading takes the first actor of the clause as the source:
    // "X requested that Y assist", with a verb the dictionary does not code
    // before the that-clause, is X assisting, and Y the target when none
    // follows the verb.
    std::vector<ActorMention> demoted;
    if (read_active) {
      sources = subject(k);
      if (sparse_verbs_ && !code_all_ && g.has_subject && g.subj_first >= 2 && t[g.subj_first - 1].lower == "that" &&
          !sources.empty() && !sources[0].code.empty()) {
        for (size_t k0 = 0; k0 < k && k0 < verb_count; ++k0) {
          const VerbGroup& gov = (*groups)[k0];
          if (gov.head + 2 != g.subj_first || gov.passive || model.Patterns(gov.lemma)) continue;
          const std::vector<ActorMention>& outer = subject(k0);
          if (outer.empty() || outer[0].code.empty()) continue;
          demoted = sources;
          sources = outer;
        }
      }
      // Otherwise the first actor of the clause (after the last conjunction
      // that does not join actors, or semicolon) before the verb's subject,
      // with its conjuncts: "X is wary after Y's riders burned Z" is X
      // burning Z in TABARI's reading. A pattern of a compound subject ("%
      // *") keeps the compound its subject is.
      if (sparse_verbs_ && !code_all_ && demoted.empty() && !hit->swap && !hit->compound_subject) {
        uint32_t lo = 0;
        for (uint32_t q = 0; q < g.first; ++q) {
          if (ClauseBoundary(a, t, st.count, q)) lo = q + 1;
        }
        uint32_t before = g.has_subject && g.subj_first < g.first ? g.subj_first : g.first;
        for (size_t mi = 0; mi < a.mentions.size(); ++mi) {
          const Mention& m = a.mentions[mi];
          if (m.first < lo || !m.is_actor || IsModifier(a, t, m)) continue;
          if (m.last >= before) break;
          sources.clear();
          for (size_t c : AndConjuncts(a, t, mi, before)) sources.push_back(FromMention(doc, t, a.mentions[c]));
          break;
        }
      }
      // TABARI's reading: the source comes before the pattern's words ("X
      // suggested Y should * apply": X), and a `+` among them is the target.
      // With no actor before them, the source is the first actor after the
      // verb ("+ was * dead": "X was shot dead in Y": Y shot X).
      if ((sparse_verbs_ && ((g.has_subject && hit_lowest < g.subj_first) || before_target >= 0)) ||
          (petrarch_ && before_target >= 0)) {
        bool found = false;
        for (size_t mi = a.mentions.size(); mi-- > 0 && !found;) {
          const Mention& m = a.mentions[mi];
          if (m.last >= hit_lowest || !m.is_actor || IsModifier(a, t, m)) continue;
          sources.assign(1, FromMention(doc, t, m));
          found = true;
          // and the actors coordinated before it ("neither A nor B")
          for (uint32_t q = m.first; q >= 2;) {
            const std::string& c = t[q - 1].lower;
            int before = a.mention_at[q - 2];
            if ((c != "and" && c != "nor" && c != "or" && c != ",") || before < 0 || !a.mentions[before].is_actor) break;
            sources.insert(sources.begin(), FromMention(doc, t, a.mentions[before]));
            q = a.mentions[before].first;
          }
        }
        for (size_t mi = 0; mi < a.mentions.size() && !found && before_target >= 0; ++mi) {
          const Mention& m = a.mentions[mi];
          if (m.first <= g.head || !m.is_actor || IsModifier(a, t, m)) continue;
          sources.assign(1, FromMention(doc, t, m));
          found = true;
        }
        if (before_target >= 0) {
          target_mi = before_target;
          target_at = 0;
        }
      }
      if (target_mi >= 0) {
        // A `^` stopped inside "the parliament of Gondor": the name after "of".
        const Mention* name = nullptr;
        if (petrarch_ && target_at > a.mentions[target_mi].first) {
          for (const Mention& nm : a.names) {
            if (nm.first == target_at && nm.is_actor && nm.last <= a.mentions[target_mi].last) name = &nm;
          }
        }
        targets.push_back(FromMention(doc, t, name ? *name : a.mentions[target_mi]));
        // coordinated targets: "X and Y"
        const Mention& m = a.mentions[target_mi];
        uint32_t q = m.last + 1;
        while (q + 1 < g.obj_end && (t[q].lower == "and" || t[q].lower == ",")) {
          uint32_t r = q + 1;
          while (r < g.obj_end && a.mention_at[r] < 0 && Skippable(t[r], a, r) && r < q + 4) ++r;
          if (r < g.obj_end && a.mention_at[r] >= 0 && a.mentions[a.mention_at[r]].is_actor) {
            targets.push_back(FromMention(doc, t, a.mentions[a.mention_at[r]]));
            q = a.mentions[a.mention_at[r]].last + 1;
          } else {
            break;
          }
        }
      } else {
        // no target slot, or the slot stayed empty: the first actor of the object
        // The peers read on past the object region ("clashed over the efforts
        // of X to deal with ... Y") up to a subordinate or relative clause or a
        // comma.
        uint32_t end = g.obj_end;
        uint32_t that_clause = 0;  // first token of a that-clause read for its subject
        if (peer_targets_) {
          // "Gollum allowed that Mordor isn't a pleasant place": the peers
          // take the subject of a that-clause right after the verb.
          if (end == g.head + 1 && end < st.count && t[end].lower == "that") that_clause = ++end;
          // PETRARCH reads on through a whether-clause right after the verb
          // ("questioned whether he has a future with X": X).
          else if (petrarch_ && end == g.head + 1 && end < st.count && t[end].lower == "whether") ++end;
          // PETRARCH reads a compound's pattern headed by a noun ("% have
          // postponed * meeting") on across a subordinate clause.
          const bool across_clauses = petrarch_ && noun_head && hit->compound_subject;
          while (end < st.count && (across_clauses || (a.info[end].pos != Pos::kSub && a.info[end].pos != Pos::kRel)) &&
                 t[end].lower != "," && t[end].lower != ";")
            ++end;
          end = std::max(end, g.obj_end);
        }
        uint32_t last_target = g.head;  // last token of the last target taken
        uint32_t list_end = 0;  // end of a list of targets read on across ", and"
        // TABARI's reading dereferences an object pronoun right after the
        // verb ("X urged Y to rest and Gondor asked him to ..."): the first
        // actor of the sentence, when it is not the source ("her" only as an
        // object, not before a noun: "her government").
        // "their" right after the verb is a compound source's own: TABARI
        // dereferences it to all the conjuncts, which then act on each
        // other ("A, B and C presented their credentials").
        const bool their = sparse_verbs_ && g.head + 1 < g.obj_end && t[g.head + 1].lower == "their" &&
                           sources.size() >= 2;
        if (their) {
          for (const ActorMention& m : sources) targets.push_back(At(m, t[g.head + 1]));
        }
        if (sparse_verbs_ && g.head + 1 < g.obj_end && !their) {
          const uint32_t q = g.head + 1;
          const std::string& w = t[q].lower;
          bool object = w == "him" || w == "them" ||
                        (w == "her" && (q + 1 >= st.count || !(a.info[q + 1].pos == Pos::kNoun ||
                                                               a.info[q + 1].pos == Pos::kAdj ||
                                                               a.info[q + 1].pos == Pos::kPropn)));
          uint32_t before = g.has_subject && g.subj_first < g.first ? g.subj_first : g.first;
          for (size_t mi = 0; object && mi < a.mentions.size(); ++mi) {
            const Mention& m = a.mentions[mi];
            if (m.last >= before) break;
            if (!m.is_actor || IsModifier(a, t, m)) continue;
            ActorMention am = FromMention(doc, t, m);
            if (!sources.empty() && am.code == sources[0].code) break;
            // With CODE ALL a clause with no source of its own acts for the
            // verb before it: "X urged Y to assist him" is X assisting Y, and
            // "him" (X) is no target.
            if (code_all_ && sources.empty()) {
              std::vector<ActorMention> prior_sources, prior_targets;
              PriorSides(*rec, st.span.begin, &prior_sources, &prior_targets);
              if (std::any_of(prior_sources.begin(), prior_sources.end(),
                              [&](const ActorMention& p) { return p.code == am.code; }))
                break;
            }
            targets.push_back(At(std::move(am), t[q]));
            break;
          }
        }
        for (uint32_t q = g.head + 1; q < end; ++q) {
          int mi = a.mention_at[q];
          if (mi >= 0 && a.mentions[mi].is_actor && IsModifier(a, t, a.mentions[mi])) {
            q = a.mentions[mi].last;
            // PETRARCH codes a conjunct "Arnor's Elrond" by its first actor,
            // the possessor ("toward Gondor and Arnor's Elrond": Gondor, Arnor).
            const uint32_t owned = q + 2;
            if (petrarch_ && !targets.empty() && owned < end && a.info[q + 1].pos == Pos::kPoss &&
                a.mention_at[owned] >= 0 && a.mentions[a.mention_at[owned]].is_actor &&
                a.mentions[a.mention_at[owned]].first == owned) {
              targets.push_back(FromMention(doc, t, a.mentions[mi]));
              q = a.mentions[a.mention_at[owned]].last;
              last_target = q;
              if (!(q + 1 < end && (t[q + 1].lower == "and" || t[q + 1].lower == ","))) break;
            }
            continue;
          }
          if (mi >= 0 && a.mentions[mi].is_actor && targets.empty() && OpensClause(a, t, a.mentions[mi])) break;
          // Of a that-clause only its subject ("that Mordor isn't ..."), not
          // an actor further in ("that Calenardon might affirm an attack by X").
          if (that_clause && targets.empty() && q > that_clause + 2) break;
          // "with Dagolath, its biggest trading partner, officials said": a
          // subject of its own verb is no further conjunct.
          if (mi >= 0 && a.mentions[mi].is_actor && !targets.empty() && SubjectOfLaterVerb(a, a.mentions[mi], last_target)) break;
          // "burned down its embassy, a Gondor official said": the subject
          // of a verb after a comma belongs to that clause, not to the object.
          if (peer_targets_ && mi >= 0 && a.mentions[mi].is_actor && targets.empty() && SubjectAfterComma(a, t, a.mentions[mi], g.head))
            break;
          if (mi >= 0 && a.mentions[mi].is_actor) {
            targets.push_back(FromMention(doc, t, a.mentions[mi]));
            q = a.mentions[mi].last;
            last_target = q;
            // TABARI reads a list of pairs on across ", and" ("between X and
            // Y, and Z and W"), past the comma that ends the object region.
            if (sparse_verbs_ && q + 3 < st.count && t[q + 1].lower == "," && t[q + 2].lower == "and" &&
                a.mention_at[q + 3] >= 0 && a.mentions[a.mention_at[q + 3]].is_actor) {
              uint32_t e = q + 3;
              while (e < st.count && a.info[e].pos != Pos::kSub && a.info[e].pos != Pos::kRel && t[e].lower != "," &&
                     t[e].lower != ";")
                ++e;
              list_end = std::max(list_end, e);
              end = std::max(end, list_end);
            }
            // keep going only through coordination (PETRARCH: as far as it
            // reads for the target)
            const uint32_t coord_end = petrarch_ ? end : std::max(g.obj_end, list_end);
            if (!(q + 1 < coord_end && (t[q + 1].lower == "and" || t[q + 1].lower == ","))) break;
          } else if (!Skippable(t[q], a, q) && t[q].lower != "and" && t[q].lower != ",") {
            if (!targets.empty()) break;
            // where and when are not whom: "arrested one man at the police station"
            const std::string& w = t[q].lower;
            bool quantity = w == "at" && q + 1 < g.obj_end && t[q + 1].lower == "least";  // "at least 12"
            // The peers' convention: the first actor after the verb, across
            // prepositional phrases ("called for sanctions against X").
            if (peer_targets_) continue;
            if (!quantity && (w == "at" || w == "in" || w == "on" || w == "under" || w == "near" || w == "from" ||
                              w == "during" || w == "for" || w == "by" || w == "outside" || w == "inside" ||
                              w == "into")) break;
          }
        }
      }
    }
    if (targets.empty() && !demoted.empty()) targets = demoted;
    // TABARI's target is the first actor after the verb in its clause, past
    // commas and subordinate clauses ("promised aid after the storms that
    // struck Rohan": Rohan), when the object names none.
    if (sparse_verbs_ && !code_all_ && read_active && targets.empty() && !hit->swap) {
      for (uint32_t q = std::max(g.head + 1, matched_end); q < st.count; ++q) {
        if (ClauseBoundary(a, t, st.count, q)) break;
        int mi = a.mention_at[q];
        if (mi < 0 || !a.mentions[mi].is_actor || IsModifier(a, t, a.mentions[mi])) continue;
        ActorMention m = FromMention(doc, t, a.mentions[mi]);
        q = a.mentions[mi].last;
        if (!sources.empty() && m.code == sources[0].code) continue;
        targets.push_back(std::move(m));
        break;
      }
    }
    // "+ * receive money $": the subject is the target, the slot's actor
    // the source ("Arnor received money from Eriador": Eriador -> Arnor).
    if (hit->swap) {
      targets = subject(k);
      // PETRARCH: the `+` before the pattern's words is the actor right
      // before them ("Mordor will be hosting Osgiliath to celebrate": Mordor),
      // not the verb's own subject.
      if (petrarch_ && !hit->before.empty()) {
        uint32_t q = hit_lowest;
        while (q > 0 && (a.info[q - 1].pos == Pos::kAux || a.info[q - 1].pos == Pos::kModal ||
                         a.info[q - 1].pos == Pos::kNeg || a.info[q - 1].pos == Pos::kAdv))
          --q;
        int mi = q > 0 ? a.mention_at[q - 1] : -1;
        if (mi >= 0 && a.mentions[mi].is_actor) targets.assign(1, FromMention(doc, t, a.mentions[mi]));
      }
      sources.clear();
      if (target_mi >= 0) sources.push_back(FromMention(doc, t, a.mentions[target_mi]));
    }
    // TABARI's CODE ALL: a clause that names no source or target takes the
    // ones of the sentence's verb before it ("X urged Y to assist it"), all
    // of them ("X and Y urged Z to assist": X and Y assist Z).
    if (code_all_ && (sources.empty() || targets.empty())) {
      std::vector<ActorMention> prior_sources, prior_targets;
      PriorSides(*rec, st.span.begin, &prior_sources, &prior_targets);
      if (sources.empty()) sources = std::move(prior_sources);
      if (targets.empty()) targets = std::move(prior_targets);
    }
    // "Boehler and Hamas officers have met": the first conjunct acts on the
    // rest; with reciprocal pairs on (the TABARI/PETRARCH convention) every
    // conjunct acts on every other. Fighting is always mutual ("activists
    // and the police clashed"): each side used force on the other.
    std::vector<std::pair<ActorMention, ActorMention>> pairs;
    if (hit->compound_target && targets.size() >= 2) {  // "X has exchanged prisoners with A and B"
      sources = std::move(targets);
      targets.clear();
    }
    // TABARI's "% *" with no target slot: the subject's actors act on each
    // other ("A and B welcomed ties with C": A and B); with a paired code
    // ("[044:045]") the first acts on the rest and they answer.
    const bool tabari_compound = sparse_verbs_ && hit->compound_subject && !hit->has_target && sources.size() >= 2;
    if (tabari_compound) targets.clear();
    const bool mutual = reciprocal_pairs_ || hit->compound_target || (tabari_compound && hit->reverse.empty()) ||
                        hit->code.compare(0, 2, "19") == 0;
    if (targets.empty() && sources.size() >= 2 && sparse_verbs_ && !mutual && !hit->compound_subject &&
        hit->reverse.empty()) {
      // TABARI leaves the target of a compound source to its DEFAULT option
      // ("A and B will restore ties": A and B -> the default target), which
      // `validate` applies; without one the first conjunct acts on the rest.
      // Not for a pattern of a compound subject ("% * renew ties"), whose
      // conjuncts act on each other.
      targets.emplace_back();
    } else if (targets.empty() && sources.size() >= 2) {
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = 0; j < sources.size(); ++j) {
          if (i == j || (!mutual && i != 0)) continue;
          pairs.emplace_back(sources[i], sources[j]);
        }
      }
      targets.clear();
      sources.clear();
    }
    // Protest, force and violence are events even when the target is not
    // named ("police opened fire", "three persons were arrested"): the target
    // is then left uncoded, or absent.
    // An actor does not act on itself ("police ... at the police station").
    if (sources.size() == 1) {
      targets.erase(std::remove_if(targets.begin(), targets.end(),
                                   [&](const ActorMention& m) {
                                     return !m.span.empty() && m.code == sources[0].code && m.name == sources[0].name;
                                   }),
                    targets.end());
    }
    int root = std::atoi(hit->code.substr(0, 2).c_str());
    bool targetless_ok = (root == 14 || root == 15 || root >= 17) &&
                         (hit->specificity > 0 || model.IsStrongVerb(g.lemma) || nominal_passive);
    if (targets.empty() && targetless_ok) {
      uint32_t lo = g.passive ? (g.has_subject ? g.subj_first : 1) : std::max(g.head + 1, matched_end);
      uint32_t hi = g.passive ? (g.has_subject ? g.subj_last + 1 : 0) : g.obj_end;
      if (!g.passive) {
        while (lo < hi && !(a.info[lo].pos == Pos::kNoun || a.info[lo].pos == Pos::kPropn || a.info[lo].pos == Pos::kNum ||
                            a.info[lo].pos == Pos::kDet)) {
          if (a.info[lo].pos != Pos::kAdv && a.info[lo].pos != Pos::kAdj) { lo = hi; break; }
          ++lo;
        }
        uint32_t e = lo;
        while (e < hi && (Skippable(t[e], a, e) || t[e].lower == "of")) ++e;
        hi = e;
      }
      ActorMention generic;
      if (lo < hi && a.info[hi - 1].pos != Pos::kPron && !nominal_passive && !object_passive) {
        generic.span = {t[lo].begin, t[hi - 1].end};
        generic.text = std::string(doc.text.substr(generic.span.begin, generic.span.end - generic.span.begin));
      }
      targets.push_back(generic);
    }
    // Location and date of the event.
    // First a place after the verb, then one anywhere in the sentence, then
    // one inside the event's own actor phrase ("police in Lagos arrested ...").
    // A place counts when a locative preposition introduces it.
    auto locative = [&](const Mention& m) {
      if (m.place < 0 || m.first == 0) return false;
      const std::string& prep = t[m.first - 1].lower;
      return prep == "in" || prep == "at" || prep == "near" || prep == "outside";
    };
    const Mention* where = nullptr;
    for (int pass = 0; pass < 2 && !where; ++pass) {
      uint32_t lo = pass == 0 ? g.head + 1 : 0, hi = pass == 0 ? g.obj_end : st.count;
      for (uint32_t q = lo; q < hi && !where; ++q) {
        int mi = a.mention_at[q];
        if (mi >= 0 && a.mentions[mi].first == q && locative(a.mentions[mi])) where = &a.mentions[mi];
      }
    }
    if (!where) {
      auto in_actor = [&](uint32_t q) {
        for (const auto* list : {&sources, &targets}) {
          for (const ActorMention& m : *list) {
            if (m.span.begin <= t[q].begin && t[q].end <= m.span.end) return true;
          }
        }
        return false;
      };
      for (const Mention& n : a.names) {  // merged into an actor phrase, so only among the names
        if ((!where || n.first < where->first) && locative(n) && in_actor(n.first)) where = &n;
      }
    }
    Location loc;
    if (where) {
      const Place& p = model.places()[where->place];
      loc.span = {t[where->first].begin, t[where->last].end};
      loc.text = std::string(doc.text.substr(loc.span.begin, loc.span.end - loc.span.begin));
      loc.name = p.name;
      loc.country = p.country;
      loc.lat = p.lat;
      loc.lon = p.lon;
      loc.has_coords = p.lat != 0 || p.lon != 0;
    }
    std::string date = doc.date;
    {
      uint32_t lo = t[g.first].begin, hi = g.obj_end > 0 ? t[g.obj_end - 1].end : t[g.first].end;
      int in_sentence = 0;
      const DateMention* only = nullptr;
      auto first_date = std::lower_bound(doc.dates.begin(), doc.dates.end(), st.span.begin,
                                         [](const DateMention& d, uint32_t b) { return d.span.begin < b; });
      for (auto it = first_date; it != doc.dates.end() && it->span.begin < st.span.end; ++it) {
        const DateMention& d = *it;
        // "since January 19" dates a state, not the event
        bool bound = false;
        for (uint32_t q = 1; q < st.count; ++q) {
          if (t[q].begin == d.span.begin) {
            const std::string& w = t[q - 1].lower;
            bound = w == "since" || w == "until" || w == "by" || w == "before" || w == "after" || w == "till";
            break;
          }
        }
        if (bound) continue;
        // a date elsewhere in the sentence dates the event only when it opens
        // the sentence ("On Monday, police arrested ..."), not another clause
        if (d.span.end <= t[g.first].begin) { ++in_sentence; only = &d; }
        if (d.span.begin >= lo && d.span.end <= hi) { date = d.value; in_sentence = -100; break; }
      }
      if (in_sentence == 1 && only) date = only->value;
    }
    // The sparse reading keeps an event with a side missing, as TABARI does:
    // its DEFAULT option (in `validate`) names that side or drops the event.
    if (reading && pairs.empty()) {
      if (sources.empty()) sources.emplace_back();
      if (targets.empty()) targets.emplace_back();
    }
    // PETRARCH's new actors: with no actor after the verb, the first noun
    // phrase there is one of its own, if short enough ("left for the
    // Tower of Guard on Monday": "THE TOWER OF GUARD").
    if (new_actor_length_ > 0 && pairs.empty() && targets.empty() && !sources.empty() && !hit->swap) {
      auto noun = [&](uint32_t q) {
        Pos p = a.info[q].pos;
        return !InDate(doc, t[q]) && (p == Pos::kDet || p == Pos::kAdj || p == Pos::kNoun || p == Pos::kPropn ||
                         p == Pos::kNum || p == Pos::kPoss);
      };
      uint32_t q = std::max(g.head + 1, matched_end);
      while (q < g.obj_end && (a.info[q].pos == Pos::kPrep || a.info[q].pos == Pos::kTo || a.info[q].pos == Pos::kAdv))
        ++q;
      uint32_t e = q;
      while (e < g.obj_end && (noun(e) || (t[e].lower == "of" && e + 1 < g.obj_end && noun(e + 1)))) ++e;
      if (e > q && (a.info[e - 1].pos == Pos::kNoun || a.info[e - 1].pos == Pos::kPropn)) {
        ActorMention am = NewActor(doc, t, a, q, e - 1, new_actor_length_);
        if (!am.code.empty()) targets.push_back(std::move(am));
      }
    }
    if (parse_clauses && !noun_head && pairs.empty() && targets.empty() && !sources.empty()) {
      int c = clause_after(g);
      for (uint32_t q = c >= 0 ? a.verbs[c].subj_first : 1; c >= 0 && q <= a.verbs[c].subj_last; ++q) {
        int mi = a.mention_at[q];
        if (mi < 0 || !a.mentions[mi].is_actor) continue;
        targets.push_back(FromMention(doc, t, a.mentions[mi]));
        break;
      }
    }
    if (hearsay) {
      // Its subject is the source, whether the lemma reads passive or not.
      sources = subject(k);
      targets.clear();
      // The chain of infinitives sharing the subject ("to be about to restore").
      size_t last = k;
      while (last + 1 < verb_count && a.verbs[last + 1].inherit_subject_from == static_cast<int>(last)) {
        ++last;
        consumed.push_back(t[a.verbs[last].head].begin);
      }
      // A parenthetical right after the chain ("to restore, it seems,
      // complete ties with Y") is inside its phrase in the parse.
      uint32_t obj_end = a.verbs[last].obj_end;
      if (last + 1 < verb_count) {
        const VerbGroup& p = a.verbs[last + 1];
        if (p.has_subject && p.subj_first == p.subj_last && p.subj_first <= obj_end + 1 &&
            p.subj_first > a.verbs[last].head + 1 && t[p.subj_first - 1].lower == "," &&
            a.info[p.subj_first].pos == Pos::kPron && p.head == p.subj_last + 1 && p.head + 1 < st.count &&
            t[p.head + 1].lower == ",")
          obj_end = p.obj_end;
      }
      for (uint32_t q = g.head + 1; targets.empty() && q < obj_end; ++q) {
        const int mi = a.mention_at[q];
        if (mi >= 0 && a.mentions[mi].is_actor) targets.push_back(FromMention(doc, t, a.mentions[mi]));
      }
    }
    // PETRARCH writes an event whose target is not named with that side
    // empty (EngineOptions::peer_petrarch).
    // Only when the verb has an object noun phrase: not "said today".
    if (petrarch_ && pairs.empty() && targets.empty() && !sources.empty()) {
      bool object = false;
      for (uint32_t q = g.head + 1; q < g.obj_end && !object; ++q) {
        if (a.info[q].pos != Pos::kNoun && a.info[q].pos != Pos::kPropn) continue;
        // a bare time word ("today", "last week") is no object
        object = !InDate(doc, t[q]) || (q > g.head + 1 && a.info[q - 1].pos == Pos::kPrep) ||
                 (q > g.head + 2 && a.info[q - 2].pos == Pos::kPrep);
      }
      if (object) targets.emplace_back();
    }
    for (const ActorMention& src : sources) {
      for (const ActorMention& tgt : targets) pairs.emplace_back(src, tgt);
    }
    for (const auto& [src, tgt] : pairs) {
      if (src.code.empty() && !reading) continue;
      {
        if (!tgt.span.empty() && tgt.code.empty() && !targetless_ok) continue;
        if (!tgt.span.empty() && tgt.code == src.code && tgt.name == src.name) continue;
        bool dup = false;
        for (auto e = rec->events.rbegin(); e != rec->events.rend() && e->sentence.begin == st.span.begin; ++e) {
          dup |= e->cameo == hit->code && e->source.code == src.code && e->target.code == tgt.code;
        }
        if (dup) continue;
        Event ev;
        ev.sentence = st.span;
        ev.source = src;
        ev.target = tgt;
        SetCode(*hit, cc, t[g.head], &ev);
        ev.modality = g.modality;
        ev.location = loc;
        ev.date = date;
        RecodeCrowdFire(model, t, st.count, &ev);
        // A paired code ("visit" 032, "receive the visitor" 033): the
        // target acts on the source in return.
        bool reverse = !hit->reverse.empty() && !tgt.code.empty() && !tgt.span.empty();
        Event back;
        if (reverse) {
          back.sentence = ev.sentence;
          back.source = ev.target;
          back.target = ev.source;
          SetCode(*hit, model.Cameo(hit->reverse), t[g.head], &back);
          back.cameo = hit->reverse;
          back.modality = ev.modality;
          back.location = ev.location;
          back.date = ev.date;
          for (auto e = rec->events.rbegin(); e != rec->events.rend() && e->sentence.begin == st.span.begin; ++e) {
            reverse &= !(e->cameo == back.cameo && e->source.code == back.source.code &&
                         e->target.code == back.target.code);
          }
        }
        if (code_all_ && hit->dominant) dominant.push_back(ev.verb.begin);
        rec->events.push_back(std::move(ev));
        if (reverse) rec->events.push_back(std::move(back));
        if (takes_verb >= 0) consumed.push_back(t[takes_verb].begin);
      }
    }
  }
  // TABARI's CODE ALL: a dominant code ("ATTEND [031!]": "left for X to
  // attend meetings with Y") is the sentence's only event.
  if (!dominant.empty()) {
    rec->events.erase(std::remove_if(rec->events.begin(), rec->events.end(),
                                     [&](const Event& e) {
                                       return e.sentence.begin == st.span.begin &&
                                              std::find(dominant.begin(), dominant.end(), e.verb.begin) ==
                                                  dominant.end();
                                     }),
                      rec->events.end());
  }
  if (!consumed.empty()) {
    rec->events.erase(std::remove_if(rec->events.begin(), rec->events.end(),
                                     [&](const Event& e) {
                                       return e.sentence.begin == st.span.begin &&
                                              std::find(consumed.begin(), consumed.end(), e.verb.begin) !=
                                                  consumed.end();
                                     }),
                      rec->events.end());
  }
}

}  // namespace dragoman
