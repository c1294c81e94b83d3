#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "extract/extract.h"

namespace dragoman {
namespace {

const std::unordered_set<std::string>& OrgHeads() {
  static const auto* s = new std::unordered_set<std::string>{
      "council", "ministry", "party", "front", "army", "organization", "organisation", "institute",
      "university", "bank", "agency", "commission", "committee", "union", "association", "group",
      "department", "office", "court", "corporation", "company", "brigade", "brigades",
      "movement", "foundation", "forum", "center", "centre", "network", "authority", "times",
      "post", "news", "tribune", "herald", "journal", "league", "federation", "fund", "club",
      "school", "college", "hospital", "police", "forces", "force", "guard", "alliance",
      "coalition", "assembly", "parliament", "congress", "senate", "board", "bureau", "service",
      "services", "trust", "society", "ltd", "inc", "corp"};
  return *s;
}

const std::unordered_set<std::string>& Titles() {
  static const auto* s = new std::unordered_set<std::string>{
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof.", "professor", "president",
      "minister", "premier", "gen.", "general", "col.", "colonel", "lt.", "capt.", "captain",
      "sgt.", "sergeant", "sheikh", "emir", "king", "queen", "prince", "princess", "judge",
      "justice", "senator", "sen.", "rep.", "gov.", "governor", "mayor", "ambassador", "envoy",
      "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "secretary", "chief",
      "commander", "officer", "inspector", "superintendent", "constable", "director", "chairman",
      "chairwoman", "leader", "pope", "cardinal", "bishop", "rabbi", "imam", "shri", "smt.",
      "sri", "chancellor", "lawmaker", "analyst", "correspondent", "reporter"};
  return *s;
}

bool IsParticle(const std::string& w) {
  return w == "al" || w == "el" || w == "bin" || w == "ibn" || w == "abu" || w == "de" ||
         w == "van" || w == "von" || w == "da" || w == "di" || w == "la" || w == "du" || w == "der";
}

bool IsStateAbbrev(std::string_view w) {
  static const auto* s = new std::unordered_set<std::string_view>{
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
      "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
      "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
      "VA", "WA", "WV", "WI", "WY", "DC"};
  return s->count(w) > 0;
}

}  // namespace

void ExtractEntities(const Model& model, DocState* doc, Record* rec) {
  doc->clusters.clear();
  doc->persons.clear();
  doc->cluster_at.assign(doc->tokens.size(), -1);
  std::unordered_map<std::string, int> by_key;        // "P:12", "O:3", "N:name" -> cluster
  std::unordered_map<std::string, int> by_surname;    // lower surname -> person cluster
  auto cluster_for = [&](const std::string& key, const std::string& type, const std::string& name,
                         const std::string& code, char gender) {
    auto it = by_key.find(key);
    if (it != by_key.end()) return it->second;
    int id = static_cast<int>(doc->clusters.size());
    doc->clusters.push_back({type, name, code, gender});
    by_key[key] = id;
    if (type == "PERSON") {
      size_t sp = name.rfind(' ');
      std::string sur = ToLower(sp == std::string::npos ? name : name.substr(sp + 1));
      if (sp != std::string::npos && !by_surname.count(sur)) by_surname[sur] = id;
    }
    return id;
  };
  auto add = [&](uint32_t g0, uint32_t g1, const std::string& type, int cluster, const Place* place) {
    Entity e;
    e.type = type;
    e.span = {doc->tokens[g0].begin, doc->tokens[g1].end};
    e.text = std::string(doc->text.substr(e.span.begin, e.span.end - e.span.begin));
    e.entity = cluster;
    e.name = doc->clusters[cluster].name;
    e.code = doc->clusters[cluster].code;
    if (place) {
      e.country = place->country;
      e.lat = place->lat;
      e.lon = place->lon;
      e.has_coords = place->lat != 0 || place->lon != 0;
    }
    rec->entities.push_back(std::move(e));
    for (uint32_t g = g0; g <= g1; ++g) doc->cluster_at[g] = cluster;
    if (type == "PERSON") doc->persons.push_back({g0, g1, cluster});
  };
  auto gender_of = [&](const std::string& name) -> char {
    size_t sp = name.find(' ');
    return model.GenderOfGivenName(ToLower(name.substr(0, sp)));
  };

  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    const SentenceTokens& st = doc->sentences[s];
    const SentenceAnalysis& a = doc->analyses[s];
    const Token* t = &doc->tokens[st.first];
    // Dictionary names.
    std::vector<bool> taken(st.count, false);
    for (const Mention& m : a.names) {
      uint32_t g0 = st.first + m.first, g1 = st.first + m.last;
      for (uint32_t k = m.first; k <= m.last; ++k) taken[k] = true;
      if (m.person >= 0) {
        const Person& p = model.persons()[m.person];
        char g = p.gender ? p.gender : gender_of(p.name);
        add(g0, g1, "PERSON", cluster_for("P:" + std::to_string(m.person), "PERSON", p.name, m.code, g), nullptr);
      } else if (m.org >= 0) {
        int cl = cluster_for("O:" + std::to_string(m.org), "ORG", m.name, m.code, 0);
        doc->clusters[cl].org = m.org;
        add(g0, g1, "ORG", cl, nullptr);
      } else if (m.place >= 0) {
        const Place& p = model.places()[m.place];
        add(g0, g1, "LOC", cluster_for("L:" + std::to_string(m.place), "LOC", p.name, p.country, 0), &p);
      } else if (m.country >= 0 && m.kind == PhraseKind::kCountry) {
        const Country& c = model.countries()[m.country];
        Place cp{c.name, c.code, "country", c.lat, c.lon, 0};
        add(g0, g1, "LOC", cluster_for("C:" + c.code, "LOC", c.name, c.code, 0), &cp);
      }
    }
    // Names found by pattern: runs of capitalised words not in the dictionary.
    for (uint32_t i = 0; i < st.count;) {
      auto name_tok = [&](uint32_t k) {
        return !taken[k] && t[k].kind == TokKind::kWord && (a.info[k].pos == Pos::kPropn ||
               (k == 0 && t[k].cap && a.info[k].pos != Pos::kDet && a.info[k].pos != Pos::kPron &&
                a.info[k].pos != Pos::kPrep && a.info[k].pos != Pos::kSub && a.info[k].pos != Pos::kConj &&
                a.info[k].pos != Pos::kAdv && a.info[k].pos != Pos::kRel));
      };
      if (!name_tok(i)) { ++i; continue; }
      uint32_t j = i;
      while (j + 1 < st.count) {
        if (name_tok(j + 1)) { ++j; continue; }
        // particles and hyphens inside names: "Taher al-Nono", "bin Salman"
        if (j + 2 < st.count && (IsParticle(t[j + 1].lower) || t[j + 1].lower == "-") && name_tok(j + 2)) {
          j += 2;
          continue;
        }
        if (j + 3 < st.count && IsParticle(t[j + 1].lower) && t[j + 2].lower == "-" && name_tok(j + 3)) { j += 3; continue; }
        break;
      }
      uint32_t len = j - i + 1;
      std::string first = t[i].lower;
      std::string lastw = t[j].lower;
      std::string type;
      int prev = static_cast<int>(i) - 1;
      bool titled = prev >= 0 && Titles().count(t[prev].lower);
      bool says = j + 1 < st.count && (t[j + 1].lower == "said" || t[j + 1].lower == "says" || t[j + 1].lower == "told");
      bool apposition = j + 2 < st.count && t[j + 1].lower == "," &&
                        (t[j + 2].lower == "a" || t[j + 2].lower == "an" || t[j + 2].lower == "the" ||
                         Titles().count(t[j + 2].lower));
      if (OrgHeads().count(lastw) && len >= 2) {
        type = "ORG";
      } else if (j + 2 < st.count && t[j + 1].lower == "," && IsStateAbbrev(t[j + 2].text)) {
        type = "LOC";
      } else if (len >= 2 && (model.GenderOfGivenName(first) || titled || says || apposition)) {
        type = "PERSON";
      } else if (len == 1 && by_surname.count(first)) {
        type = "PERSON";
      } else if (len == 1 && (titled || says) && i > 0) {
        type = "PERSON";
      }
      if (type.empty() || (i == 0 && len == 1 && type != "PERSON")) { i = j + 1; continue; }
      std::string name(doc->Slice(st.first + i, st.first + j));
      int cl;
      if (type == "PERSON") {
        auto it = len == 1 ? by_surname.find(first) : by_surname.find(lastw);
        if (it != by_surname.end() && (len == 1 || doc->clusters[it->second].name == name)) cl = it->second;
        else cl = cluster_for("N:" + ToLower(name), type, name, "", model.GenderOfGivenName(first));
      } else {
        cl = cluster_for("N:" + ToLower(name), type, name, "", 0);
      }
      add(st.first + i, st.first + j, type, cl, nullptr);
      i = j + 1;
    }
  }
  std::stable_sort(rec->entities.begin(), rec->entities.end(),
                   [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  std::stable_sort(doc->persons.begin(), doc->persons.end(),
                   [](const PersonMention& a, const PersonMention& b) { return a.token < b.token; });
  // Personal pronouns: the last person of that gender named in this or the
  // previous two sentences ("Adam Boehler ... Boehler ... he").
  for (uint32_t g = 0; g < doc->tokens.size(); ++g) {
    const std::string& w = doc->tokens[g].lower;
    char gender = (w == "he" || w == "him" || w == "his" || w == "himself") ? 'm'
                  : (w == "she" || w == "her" || w == "hers" || w == "herself") ? 'f' : 0;
    if (!gender) continue;
    int cl = doc->PersonBefore(g, gender, doc->SentenceStartBefore(g, 2));
    if (cl < 0) continue;
    Entity e;
    e.type = "PERSON";
    e.span = {doc->tokens[g].begin, doc->tokens[g].end};
    e.text = std::string(doc->tokens[g].text);
    e.entity = cl;
    e.name = doc->clusters[cl].name;
    e.code = doc->clusters[cl].code;
    rec->pronouns.push_back(std::move(e));
  }
}

uint32_t DocState::SentenceStartBefore(uint32_t g, int back) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), g,
                             [](uint32_t v, const SentenceTokens& s) { return v < s.first; });
  long idx = static_cast<long>(it - sentences.begin()) - 1 - back;
  return idx < 0 ? 0 : sentences[idx].first;
}

int DocState::PersonBefore(uint32_t g, char gender, uint32_t from) const {
  auto it = std::lower_bound(persons.begin(), persons.end(), g,
                             [](const PersonMention& p, uint32_t v) { return p.token < v; });
  while (it != persons.begin()) {
    --it;
    if (it->token < from) break;
    char cg = clusters[it->cluster].gender;
    if (gender == 0 || cg == 0 || cg == gender) return it->cluster;
  }
  return -1;
}

}  // namespace dragoman
