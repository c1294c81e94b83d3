#include <cstdlib>
#include <unordered_map>

#include "extract/extract.h"

namespace dragoman {
namespace {

long long WordNumber(const std::string& w) {
  static const auto* m = new std::unordered_map<std::string, long long>{
      {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
      {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
      {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozen", 12},
      {"hundred", 100}, {"thousand", 1000}};
  auto it = m->find(w);
  return it == m->end() ? 0 : it->second;
}

long long Multiplier(const std::string& w) {
  if (w == "hundred") return 100;
  if (w == "thousand") return 1000;
  if (w == "million") return 1000000;
  if (w == "billion") return 1000000000;
  if (w == "lakh" || w == "lakhs") return 100000;
  if (w == "crore" || w == "crores") return 10000000;
  if (w == "dozen") return 12;
  return 0;
}

bool IsExcludedUnit(const std::string& w) {
  return w == "%" || w == "percent" || w == "per" || w == "year" || w == "years" || w == "year-old" ||
         w == "dollars" || w == "rupees" || w == "rs" || w == "euros" || w == "pounds" || w == "km" ||
         w == "kilometres" || w == "kilometers" || w == "miles" || w == "metres" || w == "meters" ||
         w == "hours" || w == "minutes" || w == "days" || w == "weeks" || w == "months" ||
         w == "am" || w == "pm" || w == "a.m." || w == "p.m." || w == "kg" || w == "tonnes" ||
         w == "acres" || w == "votes" || w == "seats" || w == "times" || w == "o'clock";
}

// The index of "a"/"an" when it opens the object [lo, hi) and introduces one
// person named by a kind ("killed a policeman", "killed a \"ram bhakt\""),
// else hi; *end gets the token after the noun. A quotation mark after the
// article may end the object region: the noun is read up to `limit`. Not a
// group ("a mob", "a police team") nor a plural ("a few protesters").
uint32_t SingularPersonAfterArticle(const DocState& doc, const SentenceAnalysis& a, uint32_t lo, uint32_t hi,
                                    uint32_t limit, uint32_t* end) {
  const auto& T = doc.tokens;
  const uint32_t g0 = a.first;
  if (lo >= hi || (T[g0 + lo].lower != "a" && T[g0 + lo].lower != "an")) return hi;
  uint32_t k = lo + 1;
  while (k < limit && (T[g0 + k].kind == TokKind::kQuote || a.info[k].pos == Pos::kAdj)) ++k;
  if (k >= limit || a.mention_at[k] < 0) return hi;
  const Mention& m = a.mentions[a.mention_at[k]];
  if (!m.is_actor || m.agent < 0 || m.first != k) return hi;
  // the head noun: the last of the nouns that open the mention ("devotee"
  // in "devotee in West Bengal", "bhakt" in "ram bhakt")
  uint32_t h = k;
  while (h < m.last && a.info[h + 1].pos == Pos::kNoun) ++h;
  const std::string& head = T[g0 + h].lower;
  static const char* const kCollective[] = {"police", "family", "crowd", "mob", "community", "group", "gang",
                                            "team", "force", "army", "unit", "squad", "patrol", "party",
                                            "people", "personnel", "elderly", "youth", "staff", "public",
                                            "battalion", "brigade", "regiment", "contingent", "division",
                                            "garrison", "convoy", "junta", "regime", "government", "military",
                                            "men", "women", "children", "policemen", "fishermen"};
  for (const char* c : kCollective) {
    if (head == c) return hi;
  }
  // a plural: the head ends in s (not "ss": "a witness")
  if (head.size() > 2 && head.back() == 's' && head[head.size() - 2] != 's') return hi;
  *end = h + 1;
  return lo;
}

}  // namespace

uint32_t ParseNumber(const DocState& doc, uint32_t i, uint32_t end, long long* value,
                     std::string* qualifier) {
  const auto& T = doc.tokens;
  qualifier->clear();
  uint32_t k = i;
  // qualifiers
  static const char* const kQual2[][2] = {{"more", "than"}, {"at", "least"}, {"up", "to"},
                                          {"fewer", "than"}, {"less", "than"}, {"as", "many"}};
  for (const auto& q : kQual2) {
    if (k + 1 < end && T[k].lower == q[0] && T[k + 1].lower == q[1]) {
      *qualifier = std::string(q[0]) + " " + q[1];
      k += 2;
      if (*qualifier == "as many" && k < end && T[k].lower == "as") ++k;
      break;
    }
  }
  if (qualifier->empty() && k < end &&
      (T[k].lower == "around" || T[k].lower == "between" || T[k].lower == "about" || T[k].lower == "over" || T[k].lower == "nearly" ||
       T[k].lower == "almost" || T[k].lower == "some" || T[k].lower == "roughly" ||
       T[k].lower == "approximately" || T[k].lower == "least")) {
    *qualifier = T[k].lower;
    ++k;
  }
  if (k >= end) return 0;
  long long v = 0;
  const Token& t = T[k];
  if (t.kind == TokKind::kNumber) {
    std::string digits;
    bool dot = false;
    for (char c : t.lower) {
      if (c == ',') continue;
      if (c == '.') { dot = true; digits.push_back(c); continue; }
      if (c < '0' || c > '9') return 0;  // "3rd", "1990s"
      digits.push_back(c);
    }
    // A year is not a count.
    if (!dot && t.lower.size() == 4 && t.lower.find(',') == std::string::npos) {
      long long y = std::atoll(digits.c_str());
      if (y >= 1900 && y <= 2100) return 0;
    }
    double d = std::atof(digits.c_str());
    ++k;
    if (k < end) {
      long long mult = Multiplier(T[k].lower);
      if (mult) { d *= static_cast<double>(mult); ++k; }
    }
    v = static_cast<long long>(d + 0.5);
    if (dot && v < 1000) return 0;  // "2.5" alone: not people
  } else if (long long w = WordNumber(t.lower)) {
    v = w;
    ++k;
    // "twenty five", "two dozen", "five hundred", "two thousand"
    if (k < end && v >= 20 && v < 100 && WordNumber(T[k].lower) > 0 && WordNumber(T[k].lower) < 10) { v += WordNumber(T[k].lower); ++k; }
    if (k < end && Multiplier(T[k].lower)) { v *= Multiplier(T[k].lower); ++k; }
    if (k < end && Multiplier(T[k].lower) >= 1000) { v *= Multiplier(T[k].lower); ++k; }
  } else if ((t.lower == "hundreds" || t.lower == "thousands" || t.lower == "dozens" || t.lower == "millions") &&
             k + 1 < end && T[k + 1].lower == "of") {
    v = t.lower == "hundreds" ? 100 : t.lower == "thousands" ? 1000 : t.lower == "dozens" ? 12 : 1000000;
    if (qualifier->empty()) *qualifier = t.lower;
    k += 2;
  } else {
    return 0;
  }
  // Ranges: "10-15 people", "10 to 15", "between 10 and 15": the lower bound.
  bool between = *qualifier == "between" || (i > 0 && T[i - 1].lower == "between");
  if (k + 1 < end && (T[k].lower == "-" || T[k].lower == "to" || (T[k].lower == "and" && between)) &&
      T[k + 1].kind == TokKind::kNumber) {
    long long hi = 0;
    std::string q2;
    uint32_t used = ParseNumber(doc, k + 1, end, &hi, &q2);
    if (used && hi > v) {
      *qualifier = "between";
      k += 1 + used;
    }
  }
  // Exclusions: money, ages, times, percentages, distances.
  if (i > 0 && (T[i - 1].lower == "$" || T[i - 1].lower == "rs" || T[i - 1].lower == "rs." ||
                T[i - 1].lower == "€" || T[i - 1].lower == "£" || T[i - 1].lower == "aged" ||
                T[i - 1].lower == "no." || T[i - 1].lower == "number" || T[i - 1].lower == "page" ||
                T[i - 1].lower == "+" || T[i - 1].lower == "room")) return 0;
  if (k < end && (IsExcludedUnit(T[k].lower) || T[k].lower == "-" || T[k].lower == ":" || T[k].lower == "/")) return 0;
  *value = v;
  return k - i;
}

void ExtractCounts(const Model& model, const DocState& doc, Record* rec) {
  const auto& T = doc.tokens;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceTokens& st = doc.sentences[s];
    const SentenceAnalysis& a = doc.analyses[s];
    const uint32_t g0 = st.first;
    std::vector<bool> used(st.count, false);
    auto emit = [&](uint32_t k, uint32_t len, long long v, const std::string& qual, const std::string& type,
                    uint32_t obj_end, const ActorMention* actor) {
      // object: the noun phrase after the number
      uint32_t o = k + len, oe = o;
      while (oe < obj_end && oe < k + len + 4 &&
             (a.info[oe].pos == Pos::kAdj || a.info[oe].pos == Pos::kNoun || a.info[oe].pos == Pos::kPropn ||
              a.mention_at[oe] >= 0)) ++oe;
      Count c;
      c.type = type;
      c.number = v;
      c.qualifier = qual;
      if (oe > o) c.object = std::string(doc.Slice(g0 + o, g0 + oe - 1));
      uint32_t last = oe > o ? oe - 1 : k + len - 1;
      c.span = {T[g0 + k].begin, T[g0 + last].end};
      c.sentence = st.span;
      if (actor) c.actor = *actor;
      for (uint32_t q = k; q < k + len && q < st.count; ++q) used[q] = true;
      rec->counts.push_back(std::move(c));
    };
    for (const VerbGroup& g : a.verbs) {
      const auto* triggers = model.CountTriggers(g.lemma);
      if (!triggers) continue;
      // The counted people: the object (active) or the subject (passive).
      uint32_t lo = g.passive ? (g.has_subject ? g.subj_first : g.first) : g.head + 1;
      uint32_t hi = g.passive ? g.first : g.obj_end;
      if (g.passive && !g.has_subject) continue;
      const CountTrigger* listed = nullptr;  // the type of a list: "33 hostages and five Thais"
      // The actor: the subject of an active verb, the "by" phrase of a passive.
      std::vector<ActorMention> actors;
      if (!g.passive && g.has_subject) {
        ResolveChunk(model, doc, a, g0, g.subj_first, g.subj_last, &actors);
      } else if (g.passive) {
        for (uint32_t q = g.head + 1; q + 1 < g.obj_end; ++q) {
          if (T[g0 + q].lower != "by") continue;
          uint32_t e = q + 1;
          while (e < g.obj_end && (a.info[e].pos == Pos::kDet || a.info[e].pos == Pos::kAdj ||
                                   a.info[e].pos == Pos::kNoun || a.info[e].pos == Pos::kPropn ||
                                   a.mention_at[e] >= 0)) ++e;
          if (e > q + 1) ResolveChunk(model, doc, a, g0, q + 1, e - 1, &actors);
          break;
        }
      }
      const ActorMention* actor = actors.empty() ? nullptr : &actors[0];
      // "killed a policeman": the article counts one person.
      if (!g.passive) {
        for (const CountTrigger& tr : *triggers) {
          if (tr.type != "KILL") continue;
          uint32_t noun_end = 0;
          uint32_t one = SingularPersonAfterArticle(doc, a, lo, hi, st.count, &noun_end);
          if (one < hi && !used[one]) {
            emit(one, 1, 1, "", tr.type, noun_end, actor);
            uint32_t o = one + 1;
            while (o < noun_end && T[g0 + o].kind == TokKind::kQuote) ++o;
            Count& c = rec->counts.back();
            c.object = std::string(doc.Slice(g0 + o, g0 + noun_end - 1));
            c.span.end = T[g0 + noun_end - 1].end;
          }
          break;
        }
      }
      for (uint32_t k = lo; k < hi; ++k) {
        if (used[k]) continue;
        long long v = 0;
        std::string qual;
        uint32_t len = ParseNumber(doc, g0 + k, g0 + hi, &v, &qual);
        if (!len || v <= 0) continue;
        // the head noun of the counted phrase decides between triggers
        uint32_t o = k + len, oe = o;
        while (oe < hi && (a.info[oe].pos == Pos::kAdj || a.info[oe].pos == Pos::kNoun ||
                           a.info[oe].pos == Pos::kPropn || a.mention_at[oe] >= 0)) ++oe;
        std::string head = oe > o ? T[g0 + oe - 1].lower : "";
        const CountTrigger* chosen = nullptr;
        for (const CountTrigger& tr : *triggers) {
          if (tr.object_class.empty()) { if (!chosen) chosen = &tr; continue; }
          if (model.InClass(tr.object_class, head)) { chosen = &tr; break; }
        }
        if (!chosen || (!chosen->object_class.empty() && !model.InClass(chosen->object_class, head))) {
          // a trigger that needs a class ("take &CAPTIVE") and no class member,
          // unless the number continues a list the class opened
          bool any_plain = false;
          for (const CountTrigger& tr : *triggers) any_plain |= tr.object_class.empty();
          if (listed && k > 0 && (T[g0 + k - 1].lower == "and" || T[g0 + k - 1].lower == ",")) chosen = listed;
          else if (!any_plain) continue;
        }
        listed = chosen;
        // Only people are counted: "killed 5 cows" should not count, but the
        // object may be omitted ("killed 12"). Reject objects that are dates or units.
        emit(k, len, v, qual, chosen->type, hi, actor);
        k += len - 1;
      }
    }
    // "12 dead", "30 injured", "5 killed": a number before a count noun.
    for (uint32_t k = 0; k < st.count; ++k) {
      if (used[k]) continue;
      long long v = 0;
      std::string qual;
      uint32_t len = ParseNumber(doc, g0 + k, g0 + st.count, &v, &qual);
      if (!len) continue;
      uint32_t nx = k + len;
      if (nx < st.count && a.info[nx].pos == Pos::kAdj) ++nx;
      if (nx < st.count) {
        if (const std::string* type = model.CountNoun(T[g0 + nx].lower)) {
          // "5 killed" but not "5 killed 3": the participle must end the phrase
          bool verbal = nx + 1 < st.count && a.info[nx + 1].pos == Pos::kNum;
          if (!verbal) emit(k, len, v, qual, *type, nx + 1, nullptr);
        }
      }
      k += len - 1;
    }
  }
}

}  // namespace dragoman
