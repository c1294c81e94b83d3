#include "analyze/analysis.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace dragoman {
namespace {

const std::unordered_map<std::string, Pos>& ClosedClass() {
  static const auto* m = [] {
    auto* t = new std::unordered_map<std::string, Pos>;
    auto add = [&](Pos p, std::initializer_list<const char*> words) {
      for (const char* w : words) (*t)[w] = p;
    };
    add(Pos::kDet, {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
                    "my", "your", "some", "any", "each", "every", "all", "both", "several", "many",
                    "few", "another", "other", "such", "no", "whose", "either", "neither", "most",
                    "more", "less", "much"});
    add(Pos::kPrep, {"of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "against",
                     "about", "over", "under", "between", "among", "through", "during", "without",
                     "within", "toward", "towards", "across", "near", "around", "amid", "amidst",
                     "despite", "per", "via", "upon", "outside", "inside", "beyond", "behind",
                     "along", "regarding", "including", "concerning", "like", "than", "off", "out",
                     "up", "down", "throughout", "alongside", "versus"});
    add(Pos::kPron, {"i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them",
                     "himself", "herself", "itself", "themselves", "ourselves", "one", "someone",
                     "somebody", "everyone", "nobody", "anyone", "something", "nothing",
                     "everything", "anything", "there", "what"});
    add(Pos::kAux, {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
                    "having", "do", "does", "did", "'re", "'ve", "get", "got", "gets", "getting",
                    "gotten", "able", "unable"});
    add(Pos::kModal, {"will", "would", "could", "can", "may", "might", "shall", "should", "must",
                      "'ll", "'d", "cannot", "wo", "ca"});
    add(Pos::kNeg, {"not", "n't", "never"});
    add(Pos::kConj, {"and", "or", "but", "nor", "&", "yet", "plus"});
    add(Pos::kSub, {"after", "before", "when", "while", "because", "although", "though", "if",
                    "unless", "since", "whether", "until", "once", "where", "whereas", "whenever",
                    "as", "so"});
    add(Pos::kRel, {"which", "who", "whom", "that"});
    add(Pos::kTo, {"to"});
    add(Pos::kPoss, {"'s", "'"});
    add(Pos::kAdv, {"also", "nearer", "closer", "recently", "now", "still", "already", "directly", "reportedly",
                    "allegedly", "again", "later", "earlier", "previously", "only", "just", "even",
                    "too", "then", "however", "yesterday", "today", "tomorrow", "here", "soon",
                    "once", "first", "finally", "subsequently", "immediately", "jointly",
                    "formally", "officially", "apparently", "repeatedly", "ever", "very",
                    "really", "partly", "largely", "mostly", "nearly", "almost", "about",
                    "reported", "last", "next", "ago", "late", "early", "further", "instead",
                    "meanwhile", "together", "back", "away", "yet", "long", "not_yet"});
    add(Pos::kNum, {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                    "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
                    "million", "millions", "dozen", "dozens", "billion"});
    return t;
  }();
  return *m;
}

// A verb reading that may also be a noun: a base or -s form ("group", "talks").
bool NounLike(const TokenInfo& ti) {
  if (!ti.forms) return false;
  for (const VerbForm& f : *ti.forms) {
    if (f.bits & (kPast | kParticiple | kGerund)) return false;
  }
  return true;
}

bool IsChunkPos(Pos p) {
  return p == Pos::kDet || p == Pos::kAdj || p == Pos::kNoun || p == Pos::kPropn || p == Pos::kNum ||
         p == Pos::kPoss;
}

int KindRank(PhraseKind k) {
  switch (k) {
    case PhraseKind::kPerson: return 0;
    case PhraseKind::kOrg: return 1;
    case PhraseKind::kCountry: return 2;
    case PhraseKind::kCountryAdj: return 3;
    case PhraseKind::kCountryPeople: return 4;
    case PhraseKind::kPlace: return 5;
    case PhraseKind::kAgent: return 6;
  }
  return 7;
}

// Whether tokens [first, end) sit inside a longer proper name that no
// dictionary knows: a capitalised word right before ("Claire Fontaine") or
// after ("Helena Marsh", "Pacific Asia Travel"), or a hyphenated prefix
// ("al-Raya"), a speaker ("Bolton said"), or the name of a natural feature
// ("the Sava river"). Words that
// start a known name ("Gujarat Police") do not count.
bool PartOfLongerName(const Token* t, uint32_t n, uint32_t first, uint32_t end, const SentenceAnalysis& a,
                      const std::vector<Mention>& found) {
  if (first > 0) {
    const bool prev_named = !found.empty() && found.back().last == first - 1;
    // At the start of a sentence an unknown capitalised word is not tagged
    // as a proper noun ("Claire Fontaine said"), but it is one.
    const Pos prev = a.info[first - 1].pos;
    if (!prev_named && (prev == Pos::kPropn || (first == 1 && t[0].cap && prev == Pos::kNoun && !a.info[0].lex)))
      return true;
    if (first > 1 && t[first - 1].lower == "-" && !t[first - 1].space_before && !t[first].space_before &&
        t[first - 2].kind == TokKind::kWord)
      return true;
  }
  if (end < n && t[end].cap && t[end].kind == TokKind::kWord && !t[end].all_caps) {
    const Model::Lexeme* lx = a.info[end].lex;
    Pos p = a.info[end].pos;
    if (!(lx && lx->phrases) && (p == Pos::kPropn || p == Pos::kNoun || p == Pos::kVerb)) return true;
  }
  if (end < n && a.info[end].forms) {
    // "Bolton said": a surname; towns do not speak (capitals, which do, are in data/).
    for (const VerbForm& f : *a.info[end].forms) {
      if (IsSpeechVerb(f.lemma) && (f.bits & (kPast | kThird))) return true;
    }
  }
  if (end < n && !t[end].cap) {
    static const auto* features = new std::unordered_set<std::string>{
        "river", "sea", "lake", "mountain", "mountains", "valley", "gulf", "bay", "strait", "straits",
        "desert", "island", "islands", "peninsula", "basin", "delta", "canal", "hills", "range", "plateau"};
    if (features->count(t[end].lower)) return true;
  }
  return false;
}

// Whether an actor code holds a role code among its three-letter parts
// (USAGOV holds GOV; HGWGOVMED holds GOVMED).
bool HasRole(const std::string& code, const std::string& role) {
  for (size_t c = 0; c + role.size() <= code.size(); c += 3) {
    if (code.compare(c, role.size(), role) == 0) return true;
  }
  return false;
}

// A lower-case hyphenated word at t[j] ("state-run", "government-owned"):
// word, "-", word, written without spaces.
bool HyphenatedModifier(const Token* t, uint32_t j) {
  return t[j].kind == TokKind::kWord && !t[j].cap && t[j + 1].lower == "-" && !t[j + 1].space_before &&
         !t[j + 2].space_before && t[j + 2].kind == TokKind::kWord && !t[j + 2].cap;
}

// "former" before the state role of a merged mention makes it ELI, in place
// of the role the mention took from it ("former Gondor prosecutors":
// GONJUD -> GONELI) or after the code that held it already ("former
// officials in the White House": USAGOV -> USAGOVELI).
// A person keeps the code of the role the dictionary dates; an organisation
// of ours keeps its code ("former Hamas officers" stay PSEHMS).
void FormerRole(const Model& m, const Token* t, const std::vector<Mention>& raw, Mention* cur) {
  if (cur->kind == PhraseKind::kPerson) return;
  const Mention* agent = nullptr;
  bool held = false;  // a name in the phrase has the whole code
  for (const Mention& r : raw) {
    if (r.first < cur->first || r.last > cur->last) continue;
    if (r.kind == PhraseKind::kAgent) agent = &r;
    else held |= r.code == cur->code;
  }
  if (!agent || !IsStateRole(agent->code)) return;
  if (held && cur->code.size() > 3 && !(cur->org >= 0 && m.orgs()[cur->org].stacks_roles)) return;
  bool former = false;
  for (uint32_t k = cur->first > 0 ? cur->first - 1 : 0; k < agent->first && !former; ++k) former = t[k].lower == "former";
  if (!former) return;
  const std::string& c = cur->code;
  bool took = !held && c.size() >= agent->code.size() &&
              c.compare(c.size() - agent->code.size(), agent->code.size(), agent->code) == 0;
  cur->code = (took ? c.substr(0, c.size() - agent->code.size()) : c) + "ELI";
}

}  // namespace

// TABARI's and PETRARCH's code of a name that is no actor ("BOROMIR [---]",
// or a person out of office): named, but not a side of an event.
constexpr const char* kNullCode = "---";

bool IsModifier(const SentenceAnalysis& a, const Token* t, const Mention& m) {
  // Only generic words: a named actor before a noun ("Hamas officers",
  // "US officials") still stands for that actor.
  if (m.kind != PhraseKind::kAgent) return false;
  uint32_t n = m.last + 1;
  if (!(n < a.count && a.mention_at[n] < 0 && a.info[n].pos == Pos::kNoun && t[n].kind == TokKind::kWord)) return false;
  // "killed by police bullets", "hurt in police firing": the actor's weapon
  // or action stands for the actor.
  static const char* const kWielded[] = {"bullet", "bullets", "gunfire", "firing", "lathis", "batons",
                                         "action", "atrocities", "excesses", "brutality"};
  for (const char* w : kWielded) {
    if (t[n].lower == w && (n + 1 >= a.count || a.info[n + 1].pos != Pos::kNoun)) return false;
  }
  return true;
}

bool IsStateRole(const std::string& role) {
  // ELI: "former chief minister", one who held such a role (FormerRole).
  return role == "COP" || role == "GOV" || role == "MIL" || role == "JUD" || role == "LEG" || role == "ELI";
}

bool IsBeForm(const std::string& w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "be" || w == "been" ||
         w == "being" || w == "am" || w == "'re" || w == "get" || w == "got" || w == "gets" ||
         w == "getting" || w == "gotten";
}

bool IsClosedClassWord(const std::string& lower) { return ClosedClass().count(lower) > 0; }

bool IsSpeechVerb(const std::string& l) {
  return l == "say" || l == "tell" || l == "write" || l == "add" || l == "state" || l == "declare" ||
         l == "explain" || l == "note" || l == "insist" || l == "claim" || l == "announce" ||
         l == "ask" || l == "reply" || l == "respond" || l == "warn" || l == "tweet" ||
         l == "post" || l == "continue" || l == "conclude" || l == "argue" || l == "stress" ||
         l == "emphasize" || l == "emphasise" || l == "remark" || l == "recall" || l == "acknowledge" ||
         l == "demand" || l == "urge" || l == "vow" || l == "promise" || l == "repeat" || l == "describe" ||
         l == "call" || l == "quote" || l == "shout" || l == "chant" || l == "admit" || l == "deny" ||
         l == "predict" || l == "suggest" || l == "threaten" || l == "complain" || l == "allege" ||
         l == "accord";
}

namespace {

// Verbs that always take an object: with none after them and no auxiliary
// ("one militant killed on the spot") they are passive. Not "attack" or
// "loot": "when the mob attacked", "rioters looted".
bool NeedsObject(const std::string& lemma) {
  static const char* const kVerbs[] = {"kill", "murder", "massacre", "behead", "lynch", "injure", "wound", "maim",
                                       "arrest", "detain", "apprehend", "nab", "abduct", "kidnap", "rape", "torture",
                                       "stab", "ransack", "torch"};
  for (const char* v : kVerbs) {
    if (lemma == v) return true;
  }
  return false;
}

}  // namespace

void Analyzer::FindMentions(const Token* t, uint32_t n, const std::string& date, SentenceAnalysis* a) const {
  const Model& m = *model_;
  std::vector<Mention>& raw = a->names;
  raw.clear();
  bool sentence_has_caps = false;
  for (uint32_t k = 1; k < n && !sentence_has_caps; ++k) sentence_has_caps = t[k].cap;
  // Later words of names with gaps, used up (only models with such names).
  const bool gaps = m.gapped_names();
  std::vector<bool> used(gaps ? n : 0, false);
  for (uint32_t i = 0; i < n;) {
    if (gaps && used[i]) {
      ++i;
      continue;
    }
    const Phrase* best = nullptr;
    const Model::Lexeme* lx =
        (t[i].kind == TokKind::kWord || t[i].kind == TokKind::kNumber) ? a->info[i].lex : nullptr;
    // Tokens skipped after the first word of the phrase: a hyphenated
    // modifier inside a name ("Ithilen state-run television").
    uint32_t skip = 0;
    // A name with gaps (kNameGapToken): the tokens its first words cover,
    // and where its later words stand.
    uint32_t gapped_len = 0;
    std::vector<uint32_t> gapped_at;
    auto word_matches = [&](const Phrase& p, size_t k, const Token& w) {
      return (w.lower == p.tokens[k] ||
              (p.stem && k + 1 == p.tokens.size() && w.lower.size() > p.tokens[k].size() &&
               w.lower.compare(0, p.tokens[k].size(), p.tokens[k]) == 0)) &&
             (p.exact.empty() || w.text == p.exact[k]);
    };
    auto try_list = [&](const std::vector<uint32_t>* cands) {
      if (!cands) return;
      for (uint32_t id : *cands) {
        const Phrase& p = m.phrase(id);
        if (best && p.tokens.size() < best->tokens.size()) break;
        if (i + p.tokens.size() + skip > n) continue;
        bool ok = true;
        for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
          ok = word_matches(p, k, t[i + k + (k > 0 ? skip : 0)]);
        }
        // Names of people and places are proper nouns: capitalised unless
        // the whole sentence is lower case.
        if (ok && (p.kind == PhraseKind::kPerson || p.kind == PhraseKind::kPlace) && !t[i].cap) {
          ok = !sentence_has_caps;
        }
        if (ok && p.kind == PhraseKind::kPlace && m.places()[p.index].geonames) {
          ok = !PartOfLongerName(t, n, i, i + static_cast<uint32_t>(p.tokens.size()) + skip, *a, raw);
        }
        if (!ok) continue;
        if (!best || KindRank(p.kind) < KindRank(best->kind)) best = &p;
      }
    };
    if (lx) {
      // Longer phrases first, found through the next token; then one-token names.
      if (lx->by_second && i + 1 < n) {
        auto it = lx->by_second->find(t[i + 1].lower);
        if (it != lx->by_second->end()) try_list(&it->second);
      }
      // A phrase whose second word stands `gap` tokens further on.
      auto try_across = [&](uint32_t gap) {
        if (best || !lx->by_second || i + gap + 1 >= n) return;
        auto it = lx->by_second->find(t[i + gap + 1].lower);
        skip = gap;
        if (it != lx->by_second->end()) try_list(&it->second);
        if (!best) skip = 0;
      };
      // "Ithilen state-run television" is Ithilen television: a lower-case
      // hyphenated modifier may stand inside a name of several words.
      if (i + 4 < n && HyphenatedModifier(t, i + 1)) try_across(3);
      // TABARI: "Prince of Dol Amroth" for "PRINCE DOL_AMROTH".
      if (tabari_ && i + 2 < n && t[i + 1].lower == "of") {
        try_across(1);
        if (t[i + 2].lower == "the") try_across(2);
      }
      // TABARI: a hyphen joins what `_` joins ("AL_GORE" is "Al-Gore").
      if (tabari_ && i + 2 < n && t[i + 1].lower == "-" && !t[i + 1].space_before && !t[i + 2].space_before)
        try_across(1);
      // TABARI's names with a blank between words ("DURTHANG ORC"): the
      // words after a gap may stand anywhere later in the sentence, in
      // order ("Durthang and an Orc leader"). The mention is the words
      // before the first gap; the later ones are used up.
      auto try_gapped = [&](const std::string& second) {
        if (best || !lx->by_second) return;
        auto it = lx->by_second->find(second);
        for (size_t c = 0; it != lx->by_second->end() && c < it->second.size() && !best; ++c) {
          const Phrase& p = m.phrase(it->second[c]);
          if (std::find(p.tokens.begin(), p.tokens.end(), kNameGapToken) == p.tokens.end()) continue;
          if ((p.kind == PhraseKind::kPerson || p.kind == PhraseKind::kPlace) && !t[i].cap && sentence_has_caps)
            continue;
          gapped_at.clear();
          uint32_t pos = i;
          bool ok = true, gap = false;
          for (size_t k = 1; k < p.tokens.size() && ok; ++k) {
            if (p.tokens[k] == kNameGapToken) {
              gap = true;
              continue;
            }
            uint32_t j = pos + 1;
            while (gap && j < n && !word_matches(p, k, t[j])) ++j;
            ok = j < n && word_matches(p, k, t[j]);
            pos = j;
            gapped_at.push_back(j);
            gap = false;
          }
          if (!ok) continue;
          gapped_len = 1;
          while (p.tokens[gapped_len] != kNameGapToken) ++gapped_len;
          best = &p;
        }
        if (!best) gapped_at.clear();
      };
      if (gaps) {
        try_gapped(kNameGapToken);
        if (i + 1 < n) try_gapped(t[i + 1].lower);
      }
      if (!best) try_list(lx->single);
    }
    // "Kuwaiti", "Eriadori": a word that begins with a stem name (TABARI's
    // names without a final `_`), the longest stem first. Capitalised, as
    // names are, unless the whole sentence is lower case.
    if (!best && m.min_stem() > 0 && t[i].kind == TokKind::kWord && t[i].lower.size() > m.min_stem() &&
        (t[i].cap || !sentence_has_caps)) {
      for (size_t len = t[i].lower.size() - 1; len >= m.min_stem() && !best; --len) {
        const std::vector<uint32_t>* cands = m.StemPhrases(std::string_view(t[i].lower).substr(0, len));
        if (!cands) continue;
        for (uint32_t id : *cands) {
          const Phrase& p = m.phrase(id);
          if (!best || KindRank(p.kind) < KindRank(best->kind)) best = &p;
        }
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    Mention mn;
    mn.first = i;
    mn.last = i + static_cast<uint32_t>(best->tokens.size()) + skip - 1;
    if (gapped_len > 0) {
      mn.last = i + gapped_len - 1;
      for (uint32_t j : gapped_at) {
        if (j > mn.last) used[j] = true;
      }
    }
    mn.kind = best->kind;
    switch (best->kind) {
      case PhraseKind::kPerson: {
        const Person& p = m.persons()[best->index];
        mn.person = static_cast<int>(best->index);
        mn.code = p.CodeOn(date);
        mn.name = p.name;
        mn.is_actor = mn.code != kNullCode;
        break;
      }
      case PhraseKind::kOrg: {
        const Org& o = m.orgs()[best->index];
        mn.org = static_cast<int>(best->index);
        mn.code = o.code;
        mn.name = o.name;
        mn.is_actor = o.type != "media" && o.code != kNullCode;
        break;
      }
      case PhraseKind::kCountry:
      case PhraseKind::kCountryAdj:
      case PhraseKind::kCountryPeople: {
        const Country& c = m.countries()[best->index];
        mn.country = static_cast<int>(best->index);
        mn.code = c.code;
        mn.name = c.name;
        break;
      }
      case PhraseKind::kPlace: {
        const Place& p = m.places()[best->index];
        mn.place = static_cast<int>(best->index);
        mn.code = p.country;
        mn.name = p.name;
        mn.is_actor = false;
        break;
      }
      case PhraseKind::kAgent: {
        const Agent& g = m.agents()[best->index];
        mn.agent = static_cast<int>(best->index);
        mn.code = g.code;  // generic words are named as written
        break;
        break;
      }
    }
    raw.push_back(mn);
    i = raw.back().last + 1;
  }
  // Merge neighbours that form one noun phrase: "Israeli police", "Gujarat
  // police", "Prime Minister Benjamin Netanyahu", "Hamas officers",
  // "the militant Palestinian group Hamas".
  auto gap_ok = [&](uint32_t from, uint32_t to) {  // tokens strictly between
    // Modifiers joined by a conjunction: "Ithilen's awful and evil minister".
    auto joined_modifiers = [&](uint32_t k) {
      return (t[k].lower == "and" || t[k].lower == "or") && k > from && k + 1 < to && !t[k - 1].cap &&
             !t[k + 1].cap && t[k - 1].kind == TokKind::kWord && t[k + 1].kind == TokKind::kWord &&
             a->info[k - 1].pos != Pos::kPoss;
    };
    bool conj = false;
    for (uint32_t k = from; k < to && to - from <= 5; ++k) conj |= joined_modifiers(k);
    if (to - from > (conj ? 5u : 3u)) return false;
    for (uint32_t k = from; k < to; ++k) {
      Pos p = a->info[k].pos;
      if (conj && joined_modifiers(k)) continue;
      if (!(p == Pos::kAdj || p == Pos::kNoun || p == Pos::kPoss || p == Pos::kNum || p == Pos::kPropn ||
            (p == Pos::kVerb && (t[k].cap || NounLike(a->info[k]))) ||
            (t[k].kind == TokKind::kPunct && t[k].lower == "-")))
        return false;
    }
    return true;
  };
  a->mentions.clear();
  // Per mention: the role it took from "ROLE in COUNTRY" ("LEG"), or the
  // country it took from "ADJ ROLE" ("DNK"), to hand on to a bare conjunct.
  std::vector<std::string> shared_role, shared_country;
  for (size_t k = 0; k < raw.size(); ++k) {
    Mention cur = raw[k];
    std::string role_of, country_of;
    // An agent whose code goes first ("MSF Arnor" -> NGOARN) has made a code
    // that later agents extend ("MSF Arnor diplomat" -> NGOARNGOV).
    auto prefix_agent = [&](const Mention& x) { return x.kind == PhraseKind::kAgent && x.agent >= 0 && m.agents()[x.agent].prefix; };
    bool composed = false;
    // "soldiers from Gondor", "police of Gujarat": a role of a country.
    if (k + 1 < raw.size() && cur.kind == PhraseKind::kAgent && raw[k + 1].first == cur.last + 2 &&
        (t[cur.last + 1].lower == "from" || t[cur.last + 1].lower == "of" || t[cur.last + 1].lower == "in") &&
        (raw[k + 1].kind == PhraseKind::kCountry || raw[k + 1].kind == PhraseKind::kPlace ||
         (raw[k + 1].kind == PhraseKind::kOrg &&
          (raw[k + 1].code.size() == 3 || prefix_agent(cur) ||
           (raw[k + 1].org >= 0 && m.orgs()[raw[k + 1].org].stacks_roles))))) {
      const Mention& nx = raw[k + 1];
      std::string role = cur.code.size() > 3 ? cur.code.substr(cur.code.size() - 3) : cur.code;
      cur.code = prefix_agent(cur) ? cur.code + nx.code : HasRole(nx.code, role) ? nx.code : nx.code + role;
      composed = prefix_agent(cur);
      if ((nx.kind == PhraseKind::kCountry || nx.kind == PhraseKind::kOrg) && !composed) role_of = role;
      cur.country = nx.country;
      cur.org = nx.org;
      cur.last = nx.last;
      ++k;
    }
    // Names joined by a bare hyphen are two sides, not one noun phrase:
    // "police-VHP clash", "Israel-Hamas war".
    auto paired = [&](const Mention& nx) { return nx.first == cur.last + 2 && t[cur.last + 1].lower == "-"; };
    // "Lawmakers believe Gondor ...", "rebels attack Arnor": a plain verb
    // form right after a plural role is that role's verb, not a noun of one
    // phrase with the name after it.
    auto agrees = [&](const Mention& nx) {
      if (nx.first != cur.last + 2) return false;
      const TokenInfo& v = a->info[cur.last + 1];
      // TABARI: "Arnor believes police": a verb's -s form after a name of
      // one actor is its verb.
      if (tabari_ && cur.kind != PhraseKind::kAgent && cur.kind != PhraseKind::kCountryPeople &&
          nx.kind == PhraseKind::kAgent && v.pos == Pos::kVerb && v.forms && !t[cur.last + 1].cap) {
        for (const VerbForm& f : *v.forms) {
          if (f.bits & kThird) return true;
        }
      }
      if (cur.kind != PhraseKind::kAgent) return false;
      const std::string& w = t[cur.last].lower;
      if (v.pos != Pos::kVerb || !v.forms || t[cur.last + 1].cap || w.size() < 4 || w.back() != 's' ||
          w[w.size() - 2] == 's')
        return false;
      for (const VerbForm& f : *v.forms) {
        if (f.bits & kBase) return true;
      }
      return false;
    };
    // TABARI: "Ithilen's minister Calimehtar": a role right before a name
    // is that name's, not the possessive actor's before it.
    auto names_role = [&](size_t nk) {
      if (!tabari_ || nk + 1 >= raw.size() || cur.last + 1 >= n || t[cur.last + 1].lower != "'s") return false;
      const Mention& nx = raw[nk];
      const Mention& after = raw[nk + 1];
      return nx.kind == PhraseKind::kAgent && after.first == nx.last + 1 &&
             (after.kind == PhraseKind::kPerson || after.kind == PhraseKind::kOrg);
    };
    // TABARI: whether the words before token q (modifiers of no actor) follow
    // a possessive ("Dagolath's first minister"): the role is then the
    // possessive actor's phrase, which TABARI codes by that actor alone.
    auto after_possessive = [&](uint32_t q) {
      while (q > 0) {
        --q;
        if (t[q].lower == "'s") return true;
        bool named = std::any_of(raw.begin(), raw.end(), [&](const Mention& r) { return r.first <= q && q <= r.last; });
        if (t[q].kind != TokKind::kWord || named || t[q].lower == "and" || t[q].lower == "or") return false;
      }
      return false;
    };
    while (k + 1 < raw.size() && gap_ok(cur.last + 1, raw[k + 1].first) && !paired(raw[k + 1]) && !agrees(raw[k + 1]) &&
           !names_role(k + 1)) {
      const Mention& nx = raw[k + 1];
      bool cur_country = cur.kind == PhraseKind::kCountry || cur.kind == PhraseKind::kCountryAdj ||
                         cur.kind == PhraseKind::kCountryPeople || cur.kind == PhraseKind::kPlace;
      Mention merged = nx;
      merged.first = cur.first;
      if (composed && nx.kind == PhraseKind::kAgent) {
        merged = cur;
        merged.last = nx.last;
        merged.code = prefix_agent(nx) ? nx.code + cur.code : cur.code + nx.code;
      } else if (prefix_agent(cur) && (nx.kind == PhraseKind::kCountry || nx.kind == PhraseKind::kCountryAdj ||
                                       nx.kind == PhraseKind::kCountryPeople || nx.kind == PhraseKind::kOrg)) {
        // "MSF Arnor", "human rights activists Gondor": the agent's code,
        // then the actor's.
        merged = cur;
        merged.last = nx.last;
        // The actor's code may hold the role already: "human rights
        // activists Amnesty International" is NGM, not NGMNGM.
        merged.code = HasRole(nx.code, cur.code) ? nx.code : cur.code + nx.code;
        merged.name = nx.name;
        merged.country = nx.country;
        merged.org = nx.org;
        composed = true;
      } else if (nx.kind == PhraseKind::kAgent && cur_country) {
        merged.code = cur.code + nx.code;
        if (cur.kind == PhraseKind::kCountryAdj && cur.code.size() == 3) country_of = cur.code;
        merged.country = cur.country;
        merged.place = -1;
        merged.is_actor = true;
      } else if (nx.kind == PhraseKind::kAgent && (cur.kind == PhraseKind::kOrg || cur.kind == PhraseKind::kPerson)) {
        merged = cur;  // "Hamas officers": the organisation's people
        merged.last = nx.last;
        // A bare country-level code takes the role: "Calenardhon government"
        // -> CALGOV (dictionaries that file countries as plain actors).
        // A dictionary's org that stacks roles takes any ("Gonzo GMO
        // activists" -> GONGMOOPP), once.
        bool stacks = cur.kind == PhraseKind::kOrg && cur.org >= 0 && m.orgs()[cur.org].stacks_roles;
        if (cur.kind == PhraseKind::kOrg && (cur.code.size() == 3 || stacks) && !HasRole(cur.code, nx.code)) {
          merged.code = cur.code + nx.code;
          // What a bare conjunct shares: "Danish Islamist media and
          // government" -> DNKMUSMED, DNKMUSGOV.
          country_of = cur.code;
        }
      } else if (nx.kind == PhraseKind::kPerson &&
                 (cur_country || cur.kind == PhraseKind::kAgent)) {
        // "Israeli Prime Minister Benjamin Netanyahu": the person. TABARI
        // reads a role before a name of country level as that actor's
        // role: "minister Calimehtar" -> CALGOV.
        if (tabari_ && cur.kind == PhraseKind::kAgent && nx.code.size() == 3 &&
            !HasRole(nx.code, cur.code))
          merged.code = nx.code + (cur.code.size() > 3 ? cur.code.substr(cur.code.size() - 3) : cur.code);
      } else if (nx.kind == PhraseKind::kOrg && (cur_country || cur.kind == PhraseKind::kAgent)) {
        // "Palestinian group Hamas": the organisation. One at country level
        // (a bare code) after a role takes the role, as "Calenardhon
        // government" does: "minister Telemar" (of Dagolath) -> DAGGOV.
        if ((role_of_name_ || (tabari_ && !after_possessive(cur.first))) && cur.kind == PhraseKind::kAgent &&
            nx.code.size() == 3 && !HasRole(nx.code, cur.code))
          merged.code = nx.code + (cur.code.size() > 3 ? cur.code.substr(cur.code.size() - 3) : cur.code);
      } else if (cur.kind == PhraseKind::kAgent && (nx.kind == PhraseKind::kCountryAdj || nx.kind == PhraseKind::kCountry ||
                                                    nx.kind == PhraseKind::kCountryPeople)) {
        // "militant Palestinian (group)": the role, of that country
        merged = cur;
        merged.last = nx.last;
        merged.code = nx.code + (cur.code.size() > 3 ? cur.code.substr(cur.code.size() - 3) : cur.code);
        merged.country = nx.country;
      } else if (nx.kind == PhraseKind::kAgent && cur.kind == PhraseKind::kAgent) {
        // "police officers", "security forces": the later, more specific word
      } else {
        break;
      }
      cur = merged;
      ++k;
    }
    // "former Gondor prosecutors" (GONELI), "Arnor former security
    // officials" (ARNELI): a state role held no longer is CAMEO's elite.
    FormerRole(m, t, raw, &cur);
    // "Lawmakers in Arnor and Gondor" (ARNLEG, GONLEG), "Danish media and
    // government" (DNKMED, DNKGOV): a bare conjunct right after "and"
    // shares the role, or the country, of the one before.
    // Inside a list, a comma joins too: "ambassadors of Arnor, Osgiliath and
    // Gondor" (but not "soldiers from Gondor, Arnor said"). TABARI gives
    // the role to the first actor only.
    // PETRARCH's parse splits "The Danish media and government" into two
    // noun phrases after a determiner, so the country stays with the first
    // ("Danish media and government" is one phrase and shares it).
    auto determined_conjunct = [&](const Mention& prev) {
      return prev.first > 0 && a->info[prev.first - 1].pos == Pos::kDet;
    };
    bool joined = cur.first >= 2 && (t[cur.first - 1].lower == "and" ||
                                     (t[cur.first - 1].lower == "," && cur.last + 1 < n &&
                                      (t[cur.last + 1].lower == "and" || t[cur.last + 1].lower == ",")));
    if (!a->mentions.empty() && joined && a->mentions.back().last + 2 == cur.first) {
      bool alone = cur.last + 1 >= n || !(a->info[cur.last + 1].pos == Pos::kNoun || t[cur.last + 1].lower == "'s");
      bool country_like = cur.kind == PhraseKind::kCountry || cur.kind == PhraseKind::kOrg;
      if (!tabari_ && !shared_role.back().empty() && country_like && cur.code.size() == 3 && alone) {
        cur.code += shared_role.back();
        role_of = shared_role.back();
      } else if (!shared_country.back().empty() && cur.kind == PhraseKind::kAgent && cur.country < 0 &&
                 cur.code.size() == 3 && !(petrarch_ && determined_conjunct(a->mentions.back()))) {
        cur.code = shared_country.back() + cur.code;
        country_of = shared_country.back();
      }
    }
    a->mentions.push_back(std::move(cur));
    shared_role.push_back(role_of);
    shared_country.push_back(country_of);
  }
  // "the European Union (EU)", "Islamic State (IS)": a short parenthesis of
  // capitalised words right after an actor belongs to its phrase, so that
  // the verb after it still finds its subject.
  for (size_t k = 0; k < a->mentions.size(); ++k) {
    Mention& m = a->mentions[k];
    uint32_t open = m.last + 1;
    if (open >= n || t[open].lower != "(") continue;
    uint32_t close = open + 1;
    bool names = true;
    while (close < n && close <= open + 4 && t[close].lower != ")") {
      names &= t[close].kind == TokKind::kWord && t[close].cap;
      ++close;
    }
    if (!(names && close < n && close > open + 1 && t[close].lower == ")")) continue;
    // An acronym the dictionaries know ("(EU)") must be the same actor.
    if (k + 1 < a->mentions.size() && a->mentions[k + 1].first < close) {
      const Mention& inner = a->mentions[k + 1];
      if (inner.last >= close || inner.code != m.code) continue;
      m.last = close;
      a->mentions.erase(a->mentions.begin() + static_cast<std::ptrdiff_t>(k + 1));
    } else {
      m.last = close;
    }
  }
  a->mention_at.assign(n, -1);
  for (size_t k = 0; k < a->mentions.size(); ++k) {
    for (uint32_t i = a->mentions[k].first; i <= a->mentions[k].last; ++i) a->mention_at[i] = static_cast<int>(k);
  }
}

void Analyzer::Tag(const Token* t, uint32_t n, SentenceAnalysis* a) const {
  const auto& cc = ClosedClass();
  for (uint32_t i = 0; i < n; ++i) {
    TokenInfo& ti = a->info[i];
    const Token& tok = t[i];
    ti.lex = model_->Lookup(tok.lower);
    ti.word = ti.lex ? ti.lex->word : 0;
    ti.prefix = tok.kind == TokKind::kWord ? model_->PrefixWord(tok.lower) : 0;
    if (!ti.word) ti.word = ti.prefix;
    if (tok.kind == TokKind::kPunct) { ti.pos = Pos::kPunct; continue; }
    if (tok.kind == TokKind::kQuote) { ti.pos = Pos::kQuote; continue; }
    if (tok.kind == TokKind::kNumber) { ti.pos = Pos::kNum; continue; }
    auto it = cc.find(tok.lower);
    if (it != cc.end() && !(tok.all_caps && tok.text.size() <= 4 && it->second == Pos::kPron)) {
      ti.pos = it->second;
      continue;
    }
    ti.forms = ti.lex ? ti.lex->forms : nullptr;
    if (ti.forms) { ti.pos = Pos::kVerb; continue; }  // decided in context below
    if (tok.cap && (i > 0 || tok.all_caps)) ti.pos = Pos::kPropn;
    else if (tok.lower.size() > 4 && tok.lower.compare(tok.lower.size() - 2, 2, "ly") == 0) ti.pos = Pos::kAdv;
    else ti.pos = Pos::kNoun;
  }
  // "celebrate May Day", "Theresa May said": inside a sentence a
  // capitalised "May" is the month or a name, not the modal.
  for (uint32_t i = 1; i < n; ++i) {
    if (t[i].lower == "may" && t[i].cap && !t[i].all_caps) a->info[i].pos = Pos::kPropn;
  }
  // "has so far fired", "thus far": adverbs inside a verb group.
  for (uint32_t i = 0; i + 1 < n; ++i) {
    if ((t[i].lower == "so" || t[i].lower == "thus") && t[i + 1].lower == "far") {
      a->info[i].pos = Pos::kAdv;
      a->info[i + 1].pos = Pos::kAdv;
    }
  }
}

void Analyzer::FindVerbGroups(const Token* t, uint32_t n, SentenceAnalysis* a) const {
  auto& info = a->info;
  // "will not wire tap the lines": a noun between a modal (or its
  // negation) and a base-form verb is the first part of a compound verb,
  // not a subject; it reads as an adverb inside the verb group.
  for (uint32_t i = 1; i + 1 < n; ++i) {
    if (info[i].pos != Pos::kNoun || info[i].forms || a->mention_at[i] >= 0 || t[i].cap) continue;
    if (!(info[i - 1].pos == Pos::kModal || (info[i - 1].pos == Pos::kNeg && i > 1 && info[i - 2].pos == Pos::kModal)))
      continue;
    if (info[i + 1].pos != Pos::kVerb || !info[i + 1].forms) continue;
    uint8_t bits = 0;
    for (const VerbForm& f : *info[i + 1].forms) bits |= f.bits;
    if (bits & kBase) info[i].pos = Pos::kAdv;
  }
  // Resolve verb/noun ambiguity from the left context.
  for (uint32_t i = 0; i < n; ++i) {
    if (info[i].pos != Pos::kVerb) continue;
    if (a->mention_at[i] >= 0) { info[i].pos = Pos::kNoun; continue; }
    uint8_t bits = 0;
    for (const VerbForm& f : *info[i].forms) bits |= f.bits;
    int p = static_cast<int>(i) - 1;
    while (p >= 0 && info[p].pos == Pos::kAdv) --p;
    Pos prev = p >= 0 ? info[p].pos : Pos::kPunct;
    bool prev_mention = p >= 0 && a->mention_at[p] >= 0;
    bool verb;
    if (t[i].cap && i > 0 && !(p >= 0 && t[p].kind == TokKind::kQuote)) {
      verb = false;  // "the White House", "Security Council": a name, not a verb
    } else if (i > 1 && t[i - 1].lower == "-" && !t[i - 1].space_before && !t[i].space_before &&
               t[i - 2].kind == TokKind::kWord) {
      verb = false;  // "eye-catching", "peace-keeping": the end of a hyphenated modifier
    } else if (prev == Pos::kTo || prev == Pos::kModal || prev == Pos::kAux || prev == Pos::kNeg) {
      verb = true;
    } else if (prev == Pos::kDet || prev == Pos::kPoss || prev == Pos::kAdj || prev == Pos::kNum) {
      verb = false;
    } else if (prev == Pos::kPrep) {
      verb = (bits & kGerund) != 0;
    } else if (bits & (kPast | kParticiple)) {
      // "abandon improved relations", "said armed men attacked": an -ed form
      // between a verb and its object noun modifies the noun.
      bool premodifier = prev == Pos::kVerb && p == static_cast<int>(i) - 1 && i + 1 < n &&
                         t[i].lower.size() > 3 && t[i].lower.compare(t[i].lower.size() - 2, 2, "ed") == 0 &&
                         (info[i + 1].pos == Pos::kNoun || info[i + 1].pos == Pos::kAdj ||
                          (info[i + 1].pos == Pos::kVerb && !(i + 2 < n && info[i + 2].pos == Pos::kDet))) &&
                         a->mention_at[i + 1] < 0;
      verb = !premodifier;
    } else if (bits & kGerund) {
      // "... for two hours forcing the police to open fire": an -ing form
      // that takes a determiner phrase as object is a verb.
      bool det_object = i + 1 < n && info[i + 1].pos == Pos::kDet && t[i + 1].lower != "no";
      verb = prev == Pos::kPunct || prev == Pos::kConj || prev == Pos::kSub || prev == Pos::kQuote || det_object;
      // "a bombing and shelling offensive": an -ing form joined to an -ing
      // noun and followed by a noun is a noun like its conjunct.
      if (prev == Pos::kConj && p > 0 && info[p - 1].pos == Pos::kNoun && t[p - 1].lower.size() > 4 &&
          t[p - 1].lower.compare(t[p - 1].lower.size() - 3, 3, "ing") == 0 && i + 1 < n &&
          t[i + 1].kind == TokKind::kWord && !info[i + 1].forms && info[i + 1].pos == Pos::kNoun)
        verb = false;
    } else if (prev_mention || prev == Pos::kNoun || prev == Pos::kPropn) {
      // After a noun: "the rebels attack" (verb) or "a border attack" (noun).
      // Look at what opens the noun run, and at number agreement.
      int q = p;
      while (q >= 0 && (info[q].pos == Pos::kNoun || info[q].pos == Pos::kPropn || info[q].pos == Pos::kAdj ||
                        info[q].pos == Pos::kNum || info[q].pos == Pos::kAdv || a->mention_at[q] >= 0 ||
                        (t[q].kind == TokKind::kPunct && t[q].lower == "-"))) --q;
      Pos opener = q >= 0 ? info[q].pos : Pos::kPunct;
      bool in_np = opener == Pos::kDet || opener == Pos::kPrep || opener == Pos::kVerb || opener == Pos::kPoss ||
                   opener == Pos::kTo;
      // "at all police station levels": a noun phrase inside a prepositional phrase.
      bool in_pp = opener == Pos::kPrep || (opener == Pos::kDet && q > 0 && info[q - 1].pos == Pos::kPrep);
      // "the terrorist strikes in the US": an -s form with no object after it reads as a plural noun.
      Pos next = i + 1 < n ? info[i + 1].pos : Pos::kPunct;
      bool object_follows = next == Pos::kDet || next == Pos::kNoun || next == Pos::kPropn || next == Pos::kNum ||
                            next == Pos::kAdv || next == Pos::kPron || next == Pos::kAdj ||
                            (i + 1 < n && a->mention_at[i + 1] >= 0);
      const std::string& pw = t[p].lower;
      bool prev_plural = (pw.size() > 2 && pw.back() == 's' && pw[pw.size() - 2] != 's') || pw == "police" ||
                         pw == "people" || pw == "personnel" || pw == "men" || pw == "women";
      // "The Philippines and the Central African Republic agree": the last
      // of two coordinated actors is plural as a whole.
      if (opener == Pos::kDet && q > 1 && t[q - 1].lower == "and" && a->mention_at[q - 2] >= 0 && prev_mention)
        prev_plural = true;
      bool third = (bits & kThird) && !(bits & kBase);
      // "after Gondor crowds burned down the embassy": an -s form right
      // before a past-tense verb is the plural noun heading its subject.
      uint8_t next_bits = 0;
      if (i + 1 < n && info[i + 1].pos == Pos::kVerb && info[i + 1].forms)
        for (const VerbForm& f : *info[i + 1].forms) next_bits |= f.bits;
      bool before_past = third && (next_bits & kPast) && !(next_bits & (kBase | kThird | kGerund));
      // "restore complete, full diplomatic ties with X": a run of lowercase
      // modifiers after a comma that follows one (no determiner, no name)
      // continues a list of premodifiers; an -s form ending it with no
      // object after it is the plural noun they modify.
      const bool modifier_list = !in_np && third && q > 0 && t[q].lower == "," && q + 1 < static_cast<int>(i) &&
                                 info[q + 1].pos == Pos::kNoun && !t[q + 1].cap && a->mention_at[q + 1] < 0 &&
                                 info[q - 1].pos == Pos::kNoun && !t[q - 1].cap && a->mention_at[q - 1] < 0 &&
                                 !prev_mention && !object_follows;
      // "Arnor centre of a bitter quarrel between ...": a base form right
      // after one name, with "of" after it, is a noun in apposition (a
      // singular name takes the -s form as its verb).
      const bool base_of = (bits & kBase) && !third && prev_mention && !prev_plural && i + 1 < n &&
                           t[i + 1].lower == "of" && opener == Pos::kPunct;
      if (before_past) verb = false;
      else if (modifier_list) verb = false;
      else if (base_of) verb = false;
      else if (!in_np) verb = true;
      else if (in_pp) verb = false;
      else if (third) verb = !prev_plural && opener != Pos::kVerb && object_follows;
      else verb = prev_plural && opener == Pos::kDet;
    } else if (bits & kThird) {
      verb = prev == Pos::kPron || prev == Pos::kRel;
    } else {  // base form
      verb = prev == Pos::kPron || prev == Pos::kRel || (p < 0);
      // "forced to lathicharge and then fire tear gas": a base form after
      // "and" continues an infinitive or a modal verb before it.
      if (!verb && prev == Pos::kConj && (t[p].lower == "and" || t[p].lower == "or")) {
        for (int j = p - 1; j > 0 && !verb; --j) {
          if (info[j].pos == Pos::kSub || info[j].pos == Pos::kRel || t[j].lower == "," || t[j].lower == ";") break;
          verb = info[j].pos == Pos::kVerb && (info[j - 1].pos == Pos::kTo || info[j - 1].pos == Pos::kModal);
        }
      }
    }
    // A past participle directly after a noun and before "by" is a reduced relative; keep as verb.
    info[i].pos = verb ? Pos::kVerb : Pos::kNoun;
  }
  a->verbs.clear();
  for (uint32_t i = 0; i < n;) {
    Pos p = info[i].pos;
    if (!(p == Pos::kAux || p == Pos::kModal || p == Pos::kVerb)) { ++i; continue; }
    VerbGroup g;
    g.first = i;
    int head = -1;
    bool be = false, neg = false;
    Modality mod = Modality::kAsserted;
    uint32_t j = i;
    while (j < n) {
      Pos q = info[j].pos;
      if (q == Pos::kAux || q == Pos::kModal) {
        if (q == Pos::kModal) {
          const std::string& w = t[j].lower;
          mod = (w == "will" || w == "'ll" || w == "shall" || w == "wo") ? Modality::kPlanned : Modality::kPossible;
        }
        if (q == Pos::kAux && IsBeForm(t[j].lower)) be = true;
        head = static_cast<int>(j);
        ++j;
      } else if (q == Pos::kNeg || q == Pos::kAdv) {
        if (q == Pos::kNeg) neg = true;
        // "has not yet commented": only inside a group
        uint32_t k = j + 1;
        while (k < n && (info[k].pos == Pos::kAdv || info[k].pos == Pos::kNeg)) ++k;
        if (k < n && (info[k].pos == Pos::kVerb || info[k].pos == Pos::kAux) && head >= 0) { j = k; continue; }
        if (q == Pos::kNeg && head < 0) { ++j; continue; }
        break;
      } else if (q == Pos::kVerb) {
        head = static_cast<int>(j);
        ++j;
        break;
      } else {
        break;
      }
    }
    if (head < 0) { i = j > i ? j : i + 1; continue; }
    g.head = static_cast<uint32_t>(head);
    if (info[head].pos == Pos::kVerb) {
      // Prefer the reading that has patterns.
      const auto& forms = *info[head].forms;
      g.lemma = forms[0].lemma;
      for (const VerbForm& f : forms) {
        if (model_->Patterns(f.lemma) || model_->CountTriggers(f.lemma)) { g.lemma = f.lemma; break; }
      }
      uint8_t bits = 0;
      for (const VerbForm& f : forms) if (f.lemma == g.lemma) bits |= f.bits;
      g.passive = be && (bits & kParticiple) && head != static_cast<int>(g.first);
    } else {
      const std::string& w = t[head].lower;
      g.lemma = IsBeForm(w) ? "be" : (w == "has" || w == "have" || w == "had" || w == "having" || w == "'ve") ? "have" : w;
    }
    if (neg) mod = Modality::kNegated;
    g.modality = mod;
    // A reduced relative: "22 fighters captured in Omdurman", "the man
    // arrested by police": a bare participle after a noun, followed by a
    // preposition or the end of the clause, is passive.
    if (!g.passive && head == static_cast<int>(g.first) && info[head].pos == Pos::kVerb && g.first > 0) {
      uint8_t bits = 0;
      for (const VerbForm& f : *info[head].forms) if (f.lemma == g.lemma) bits |= f.bits;
      Pos before = info[g.first - 1].pos;
      bool after_noun = before == Pos::kNoun || before == Pos::kPropn || a->mention_at[g.first - 1] >= 0;
      uint32_t nx = g.head + 1;
      bool then_pp = nx >= n || info[nx].pos == Pos::kPrep || t[nx].lower == "," || t[nx].lower == "." ||
                     t[nx].lower == "there" || t[nx].lower == "here";
      // Where the noun opens a clause ("when police fired in the air", ",
      // the police fired over 50 rounds") or follows a relative clause ("the
      // police that was escorting the mob fired at ..."), the participle is
      // the clause's own verb unless another finite verb follows in the
      // clause: "the persons arrested in the state have been ...".
      bool verb_later = false;
      for (uint32_t q = nx; q < n && !verb_later; ++q) {
        Pos pq = info[q].pos;
        if (pq == Pos::kConj || pq == Pos::kSub || pq == Pos::kRel || pq == Pos::kQuote || t[q].lower == "," ||
            t[q].lower == ";" || t[q].lower == ":") break;
        // (not an infinitive's: "Gollum called on X to be allowed to leave")
        verb_later = (pq == Pos::kAux || pq == Pos::kModal) && info[q - 1].pos != Pos::kTo;
        // "police sentries posted there killed one of them", "policemen
        // deployed at the gate shot dead two militants": a bare verb with an
        // object later in the clause is the clause's own verb.
        if (pq == Pos::kVerb && q > nx && info[q - 1].pos != Pos::kTo && q + 1 < n) {
          const std::string& w = t[q].lower;
          bool ing = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
          Pos po = info[q + 1].pos;
          bool object = po == Pos::kDet || po == Pos::kNum || po == Pos::kNoun || po == Pos::kPropn ||
                        po == Pos::kPoss || a->mention_at[q + 1] >= 0;
          verb_later = !ing && object && (IsChunkPos(info[q - 1].pos) || t[q - 1].lower == "there" ||
                                          t[q - 1].lower == "here");
        }
      }
      int o = static_cast<int>(g.first) - 1;
      while (o >= 0 && (IsChunkPos(info[o].pos) || a->mention_at[o] >= 0 || t[o].lower == "-" ||
                        ((t[o].lower == "and" || t[o].lower == "or") && o > 0 &&
                         (IsChunkPos(info[o - 1].pos) || a->mention_at[o - 1] >= 0)))) --o;
      bool opens_clause = o < 0 || info[o].pos == Pos::kSub || info[o].pos == Pos::kConj ||
                          info[o].pos == Pos::kQuote || t[o].lower == "," || t[o].lower == ";" || t[o].lower == ":";
      bool after_relative = false;
      if (!a->verbs.empty()) {
        int r = static_cast<int>(a->verbs.back().first) - 1;
        while (r >= 0 && info[r].pos == Pos::kAdv) --r;
        after_relative = r >= 0 && info[r].pos == Pos::kRel;
      }
      bool by = nx < n && t[nx].lower == "by";
      bool reduced = by || (!opens_clause && !after_relative) || verb_later;
      // "the men whom police arrested in Surat": the object went before the subject
      bool object_gap = o >= 0 && info[o].pos == Pos::kRel;
      if ((bits & kParticiple) && after_noun && then_pp && (!a->verbs.empty() || verb_later) && reduced && !object_gap)
        g.passive = true;
      // A headline passive, with no auxiliary: "British national visiting
      // Gujarat killed", "one militant killed on the spot", "Temple attacked
      // by militants". A verb that needs an object with none after it (the
      // clause ends or a place or time phrase follows) is passive, and so
      // is any participle before "by" and an actor.
      if (!g.passive && (bits & kParticiple) && after_noun && !object_gap) {
        // "shot dead", "gunned down", "burnt alive", "stabbed to death"
        bool result = false;
        uint32_t e = nx;  // after the result phrase
        if (nx < n && (t[nx].lower == "dead" || t[nx].lower == "alive" || (t[nx].lower == "down" && g.lemma == "gun"))) {
          result = true;
          ++e;
        } else if (nx + 1 < n && t[nx].lower == "to" && t[nx + 1].lower == "death") {
          result = true;
          e += 2;
        }
        bool clause_end = e >= n || t[e].lower == "." || t[e].lower == "!" || t[e].lower == ";";
        // "killed at least five", "arrested over 50": a quantity is the object
        bool quantity = e + 1 < n && ((t[e].lower == "at" && t[e + 1].lower == "least") || t[e].lower == "over" ||
                                      t[e].lower == "about" || t[e].lower == "around" || t[e].lower == "up" ||
                                      t[e].lower == "upto" || t[e].lower == "under");
        bool place_or_time = e < n && info[e].pos == Pos::kPrep && !quantity;
        bool by_actor = false;
        for (uint32_t q = e + 1; e < n && t[e].lower == "by" && q < n && q < e + 4 && !by_actor; ++q) {
          by_actor = a->mention_at[q] >= 0 && a->mentions[a->mention_at[q]].is_actor;
          if (!(IsChunkPos(info[q].pos) || a->mention_at[q] >= 0)) break;
        }
        if (by_actor || ((clause_end || place_or_time) && (result || NeedsObject(g.lemma)))) g.passive = true;
      }
      // "a conspiracy to get VHP activists arrested", "wanted the leaders
      // arrested": the participle is the object complement of a verb of
      // wishing or of an infinitive causative, an outcome wished for.
      int v = static_cast<int>(g.first) - 1;
      while (g.passive && v >= 0 && v + 12 > static_cast<int>(g.first) &&
             (IsChunkPos(info[v].pos) || a->mention_at[v] >= 0 || t[v].lower == "," || t[v].lower == "and" ||
              t[v].lower == "or" || t[v].lower == "-"))
        --v;
      if (g.passive && v >= 0 && (info[v].pos == Pos::kVerb || info[v].pos == Pos::kAux)) {
        const std::string& w = t[v].lower;
        bool wish = false;
        if (info[v].pos == Pos::kVerb && info[v].forms) {
          for (const VerbForm& f : *info[v].forms) {
            wish |= f.lemma == "want" || f.lemma == "need" || f.lemma == "like" || f.lemma == "wish";
          }
        }
        bool cause = w == "get" || w == "have";
        if (wish || (cause && v > 0 && info[v - 1].pos == Pos::kTo)) g.modality = Modality::kPossible;
      }
    }
    a->verbs.push_back(g);
    i = j;
  }
  // Subjects and objects.
  for (size_t k = 0; k < a->verbs.size(); ++k) {
    VerbGroup& g = a->verbs[k];
    int p = static_cast<int>(g.first) - 1;
    while (p >= 0 && info[p].pos == Pos::kAdv) --p;
    // "to attack" after "threatened": the infinitive shares the subject and
    // takes its modality from the governing verb.
    // "is about to restore", "is likely to attack": the infinitive after a
    // predicate word belongs to the verb before it.
    int gap_start = p - 1;
    while (p >= 0 && info[p].pos == Pos::kTo && gap_start >= 0 && gap_start > p - 3 &&
           (info[gap_start].pos == Pos::kAdv || info[gap_start].pos == Pos::kAdj || t[gap_start].lower == "about" ||
            t[gap_start].lower == "likely" || t[gap_start].lower == "set" || t[gap_start].lower == "due" ||
            t[gap_start].lower == "ready" || t[gap_start].lower == "going" || t[gap_start].lower == "poised")) {
      --gap_start;
    }
    bool predicate_gap = p >= 0 && info[p].pos == Pos::kTo && k > 0 && gap_start < p - 1 && gap_start >= 0 &&
                         a->verbs[k - 1].head == static_cast<uint32_t>(gap_start);
    // "the policemen who on sunday killed", "who last week fired": a time
    // phrase with no actor between the relative pronoun and its verb.
    if (p > 0 && IsChunkPos(info[p].pos) && a->mention_at[p] < 0) {
      int q = p;
      while (q >= 0 && IsChunkPos(info[q].pos) && a->mention_at[q] < 0) --q;
      if (q > 0 && info[q].pos == Pos::kPrep &&
          (t[q].lower == "on" || t[q].lower == "in" || t[q].lower == "at" || t[q].lower == "during")) --q;
      if (q >= 0 && q < p && info[q].pos == Pos::kRel && t[q].lower != "that" && p - q <= 4) p = q;
    }
    if (p >= 0 && info[p].pos == Pos::kTo && k > 0 &&
        (a->verbs[k - 1].head + 1 == static_cast<uint32_t>(p) || predicate_gap)) {
      const VerbGroup& gov = a->verbs[k - 1];
      g.inherit_subject_from = static_cast<int>(k - 1);
      const std::string& l = gov.lemma;
      if (l == "have" || l == "begin" || l == "start" || l == "continue" || l == "manage" || l == "able" ||
          (gov.passive && (l == "force" || l == "compel" || l == "oblige")))
        g.modality = gov.modality;  // "had to open fire", "were able to arrest"
      else if (l == "unable") g.modality = Modality::kNegated;
      else if (l == "threaten" || l == "vow" || l == "warn") g.modality = Modality::kThreatened;
      else if (l == "refuse" || l == "decline" || l == "deny" || l == "reject" || l == "fail" || l == "avoid")
        g.modality = Modality::kNegated;
      else if (l == "plan" || l == "intend" || l == "aim" || l == "want" || l == "seek" || l == "hope" ||
               l == "expect" || l == "agree" || l == "promise" || l == "pledge" || l == "prepare" ||
               l == "try" || l == "attempt" || l == "offer" || l == "propose" || l == "decide" ||
               l == "wish" || l == "need" || l == "ask" || l == "urge" || l == "call" || l == "demand")
        g.modality = Modality::kPlanned;
      else if (gov.modality != Modality::kAsserted) g.modality = gov.modality;
      else g.modality = Modality::kPlanned;
      if (gov.modality == Modality::kNegated && g.modality == Modality::kPlanned) g.modality = Modality::kNegated;
    } else if (p >= 0 && k > 0 && info[g.head].forms && g.head == g.first &&
               (t[p].lower == "by" || t[p].lower == "after" || t[p].lower == "before" || t[p].lower == "while" ||
                t[p].lower == "when" || t[p].lower == "without") &&
               t[g.head].lower.size() > 4 && t[g.head].lower.compare(t[g.head].lower.size() - 3, 3, "ing") == 0) {
      g.inherit_subject_from = static_cast<int>(k - 1);
    } else if (p > 0 && k > 0 && t[p].lower == "for" && g.head == g.first && !a->verbs[k - 1].passive &&
               t[g.head].lower.size() > 4 && t[g.head].lower.compare(t[g.head].lower.size() - 3, 3, "ing") == 0 &&
               a->verbs[k - 1].head + 1 < static_cast<uint32_t>(p)) {
      // "criticised the police for opening fire": the object of the verb
      // before does the gerund after "for".
      const VerbGroup& gov = a->verbs[k - 1];
      uint32_t f = gov.head + 1;
      while (f < static_cast<uint32_t>(p) && (t[f].lower == "upon" || t[f].lower == "on" || info[f].pos == Pos::kAdv)) ++f;
      bool chunk = f < static_cast<uint32_t>(p);
      for (uint32_t r = f; r < static_cast<uint32_t>(p); ++r) chunk &= IsChunkPos(info[r].pos) || a->mention_at[r] >= 0;
      if (chunk) {
        g.subj_first = f;
        g.subj_last = static_cast<uint32_t>(p - 1);
        g.has_subject = true;
      }
    } else if (p >= 0 && info[p].pos == Pos::kConj && k > 0) {
      g.inherit_subject_from = static_cast<int>(k - 1);
    } else if (p >= 0 && info[p].pos == Pos::kRel &&
               (t[p].lower != "that" ||
                (p > 0 && (info[p - 1].pos == Pos::kNoun || info[p - 1].pos == Pos::kPropn ||
                           a->mention_at[p - 1] >= 0)))) {
      g.relative = true;
      int q = p - 1;
      if (q >= 0 && t[q].lower == ",") --q;
      int last = q;
      while (q >= 0 && (IsChunkPos(info[q].pos) || a->mention_at[q] >= 0 || t[q].lower == "of" || t[q].lower == "-")) --q;
      if (last > q) {
        g.subj_first = static_cast<uint32_t>(q + 1);
        g.subj_last = static_cast<uint32_t>(last);
        g.has_subject = true;
      }
    } else if (p >= 0 && info[p].pos == Pos::kTo && p > 0 &&
               (IsChunkPos(info[p - 1].pos) || a->mention_at[p - 1] >= 0) && k > 0) {
      // Object control: "forcing the police to open fire", "ordered troops to
      // withdraw": the object of the governing verb does the infinitive.
      int last = p - 1, q = last;
      while (q >= 0 && (IsChunkPos(info[q].pos) || a->mention_at[q] >= 0)) --q;
      const VerbGroup& gov = a->verbs[k - 1];
      if (q >= 0 && static_cast<uint32_t>(q) == gov.head) {
        g.subj_first = static_cast<uint32_t>(q + 1);
        g.subj_last = static_cast<uint32_t>(last);
        g.has_subject = true;
        const std::string& l = gov.lemma;
        bool made = l == "force" || l == "prompt" || l == "compel" || l == "oblige" || l == "lead" || l == "cause";
        g.modality = made ? gov.modality : Modality::kPlanned;
      }
    } else if (p >= 0) {
      int last = p;
      int q = p;
      auto walk = [&](int from) {
        int r = from;
        bool coordinated = false;
        while (r >= 0) {
          // "Mordor, the awful Arnor, and good Gondor": a serial comma.
          bool item_before = r > 0 && (IsChunkPos(info[r - 1].pos) || a->mention_at[r - 1] >= 0 ||
                                       (r > 1 && t[r - 1].lower == "," && a->mention_at[r - 2] >= 0));
          if (IsChunkPos(info[r].pos) || a->mention_at[r] >= 0 || t[r].lower == "of" || t[r].lower == "-") {
            --r;
          } else if (info[r].pos == Pos::kConj && (t[r].lower == "and" || t[r].lower == "or" || t[r].lower == "nor") &&
                     item_before) {
            coordinated = true;
            --r;
          } else if (t[r].lower == "," && coordinated && r > 0 && a->mention_at[r - 1] >= 0) {
            --r;  // "Mordor, Rohan, Arnor and Bree": a list, not an apposition
          } else {
            break;
          }
        }
        return r;
      };
      // "Arnor's foreign minister, in remarks published on Monday, urged",
      // "Arnor, centre of a quarrel between Rohan the Horse, called on X":
      // the subject is the actor chunk that opens its clause, before a
      // parenthetical set off by two commas (no clause word, pronoun,
      // auxiliary or quotation in it, and not opening with a verb).
      if (t[p].lower == ",") {
        int c = p - 1;
        bool clean = true;
        while (c >= 0 && t[c].lower != "," && p - c <= 16 && clean) {
          Pos pc = info[c].pos;
          clean = !(pc == Pos::kSub || pc == Pos::kRel || pc == Pos::kQuote || pc == Pos::kConj || pc == Pos::kPron ||
                    pc == Pos::kAux || pc == Pos::kModal);
          --c;
        }
        if (clean && c > 0 && t[c].lower == "," && c + 1 < p && info[c + 1].pos != Pos::kVerb) {
          int r = walk(c - 1);
          bool actor = false;
          for (int x = r + 1; x < c; ++x) actor |= a->mention_at[x] >= 0 && a->mentions[a->mention_at[x]].is_actor;
          bool opens = r < 0 || info[r].pos == Pos::kSub || info[r].pos == Pos::kConj;
          if (opens && actor) {
            last = c - 1;
            q = r;
          }
        }
      }
      if (last != p) {
        // the parenthetical's subject, found above
      } else if (info[q].pos == Pos::kPron) {
        --q;
      } else {
        q = walk(q);
        // "police on thursday opened fire": step over a time or place phrase
        // that holds no actor, to the subject before it.
        bool actor = false;
        for (int r = q + 1; r <= last; ++r) actor |= a->mention_at[r] >= 0 && a->mentions[a->mention_at[r]].is_actor;
        if (!actor && q > 0 && (t[q].lower == "on" || t[q].lower == "in" || t[q].lower == "at" ||
                                t[q].lower == "during" || t[q].lower == "since") &&
            (IsChunkPos(info[q - 1].pos) || a->mention_at[q - 1] >= 0)) {
          last = q - 1;
          q = walk(q - 1);
        }
      }
      if (last > q) {
        g.subj_first = static_cast<uint32_t>(q + 1);
        g.subj_last = static_cast<uint32_t>(last);
        g.has_subject = true;
      }
      // "police sentries posted there killed one": after a reduced relative
      // clause, a verb with no conjunction or comma between takes the noun
      // the participle modifies as subject, not the place after it.
      if (k > 0) {
        const VerbGroup& rel = a->verbs[k - 1];
        bool reduced = rel.passive && rel.head == rel.first && rel.has_subject && rel.subj_last + 1 == rel.first;
        bool plain = true;
        for (uint32_t r = rel.head + 1; r < g.first && plain; ++r) {
          Pos pr = info[r].pos;
          plain = !(pr == Pos::kConj || pr == Pos::kSub || pr == Pos::kRel || pr == Pos::kPunct || pr == Pos::kQuote ||
                    t[r].lower == ",");
        }
        bool in_rel = !g.has_subject || g.subj_first > rel.head;
        const std::string& w0 = t[g.first].lower;
        bool gerund = w0.size() > 4 && w0.compare(w0.size() - 3, 3, "ing") == 0;
        if (reduced && plain && in_rel && !gerund && (t[p].lower != "by")) {
          g.inherit_subject_from = static_cast<int>(k - 1);
          g.has_subject = false;
        }
      }
      // "police fired 50 rounds, burst 30 shells and arrested 20 people": a
      // finite verb right after the comma of a list of verb phrases shares
      // the subject of the verb before.
      const std::string& hw = t[g.head].lower;
      bool ing = hw.size() > 4 && hw.compare(hw.size() - 3, 3, "ing") == 0;
      if (!g.has_subject && t[p].lower == "," && k > 0 && g.head == g.first && !ing &&
          !a->verbs[k - 1].relative && a->verbs[k - 1].obj_end == g.first &&
          (a->verbs[k - 1].has_subject || a->verbs[k - 1].inherit_subject_from >= 0)) {
        g.inherit_subject_from = static_cast<int>(k - 1);
      }
      // "the police which should be firing at the agents is killing ...":
      // a finite verb right after a relative clause, with no comma or
      // conjunction between, has the relative clause's antecedent as subject.
      if (g.has_subject && k > 0) {
        const VerbGroup& rel = a->verbs[k - 1];
        bool plain = true;
        for (uint32_t r = rel.head + 1; r < g.first; ++r) {
          Pos pr = info[r].pos;
          if (pr == Pos::kConj || pr == Pos::kSub || pr == Pos::kRel || pr == Pos::kPunct || pr == Pos::kQuote ||
              pr == Pos::kPron) plain = false;
        }
        const std::string& w0 = t[g.first].lower;
        bool gerund = w0.size() > 4 && w0.compare(w0.size() - 3, 3, "ing") == 0;
        if (rel.relative && rel.has_subject && plain && g.subj_first > rel.head && !gerund) {
          g.inherit_subject_from = static_cast<int>(k - 1);
          g.has_subject = false;
        }
      }
    }
    // "No one was arrested", "not a single activist has been arrested".
    if (g.has_subject) {
      const std::string& w = t[g.subj_first].lower;
      bool not_before = g.subj_first > 0 && t[g.subj_first - 1].lower == "not";
      if (w == "no" || w == "none" || w == "nobody" || w == "neither" || not_before) g.modality = Modality::kNegated;
    }
    // A condition or a question is not an assertion: "if the army bombs ...".
    if (g.modality == Modality::kAsserted) {
      uint32_t from = k > 0 ? a->verbs[k - 1].head + 1 : 0;
      for (uint32_t q = from; q < g.first; ++q) {
        const std::string& w = t[q].lower;
        if (w == "if" || w == "unless" || w == "whether") g.modality = Modality::kPossible;
      }
    }
    // Object region: up to the next verb group or clause boundary.
    g.obj_first = g.head + 1;
    uint32_t end = k + 1 < a->verbs.size() ? a->verbs[k + 1].first : n;
    for (uint32_t q = g.obj_first; q < end; ++q) {
      Pos pq = info[q].pos;
      const std::string& w = t[q].lower;
      if (pq == Pos::kQuote || pq == Pos::kSub || (pq == Pos::kRel && w != "that") ||
          w == ";" || w == ":" || w == "(" || w == ")" || (w == "that" && q == g.obj_first)) {
        end = q;
        break;
      }
      if (w == "," && q + 1 < end && (info[q + 1].pos == Pos::kRel || info[q + 1].pos == Pos::kSub ||
                                      info[q + 1].pos == Pos::kConj)) {
        end = q;
        break;
      }
    }
    g.obj_end = end;
  }
}

void Analyzer::Analyze(const Token* t, uint32_t n, const std::string& date, SentenceAnalysis* a) const {
  a->count = n;
  a->info.assign(n, TokenInfo());
  Tag(t, n, a);
  FindMentions(t, n, date, a);
  // Tokens inside names are nouns.
  for (const Mention& m : a->mentions) {
    for (uint32_t i = m.first; i <= m.last; ++i) {
      if (a->info[i].pos == Pos::kVerb || a->info[i].pos == Pos::kOther) a->info[i].pos = Pos::kNoun;
    }
  }
  FindVerbGroups(t, n, a);
}

}  // namespace dragoman
