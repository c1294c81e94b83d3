#include "extract/extract.h"

namespace dragoman {

bool ResolveDefinite(const Model& model, const DocState& doc, uint32_t global, uint32_t first, uint32_t last,
                     std::vector<ActorMention>* out);

namespace {

// Whether mentions[mi] is a bare role (an agent of no country: "lawmakers")
// followed, after "and", by a list of roles of countries all ending with one
// role ("officials in Arnor and Gondor": ARNGOV, GONGOV); if so, appends the
// bare role of each of those countries (ARNLEG, GONLEG) to out.
bool SharesCountries(const DocState& doc, const SentenceAnalysis& a, const Token* t, size_t mi, uint32_t last,
                     std::vector<ActorMention>* out) {
  const Mention& m = a.mentions[mi];
  if (m.kind != PhraseKind::kAgent || m.country >= 0 || m.code.size() != 3 || mi + 1 >= a.mentions.size()) return false;
  const Mention& nx = a.mentions[mi + 1];
  if (nx.first != m.last + 2 || t[m.last + 1].lower != "and" || nx.code.size() != 6 || nx.last > last) return false;
  // The countries come after the role ("officials in Arnor"), so they may
  // belong to both conjuncts; "students and Gondor soldiers" stays apart.
  bool after = false;
  for (uint32_t k = nx.first; k <= nx.last; ++k) after |= t[k].lower == "in" || t[k].lower == "of" || t[k].lower == "from";
  if (!after) return false;
  std::string role = nx.code.substr(3);
  std::vector<std::string> countries;
  for (size_t k = mi + 1; k < a.mentions.size(); ++k) {
    const Mention& c = a.mentions[k];
    if (c.last > last || c.code.size() != 6 || c.code.compare(3, 3, role) != 0) break;
    // Joined to the one before by "and" or a comma.
    if (k > mi + 1) {
      const std::string& j = t[c.first - 1].lower;
      if (c.first != a.mentions[k - 1].last + 2 || (j != "and" && j != ",")) break;
    }
    countries.push_back(c.code.substr(0, 3));
  }
  for (const std::string& cc : countries) {
    ActorMention am;
    am.span = {t[m.first].begin, t[m.last].end};
    am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
    am.code = cc + m.code;
    out->push_back(std::move(am));
  }
  return true;
}

}  // namespace

bool ResolveChunk(const Model& model, const DocState& doc, const SentenceAnalysis& a,
                  uint32_t global, uint32_t first, uint32_t last, std::vector<ActorMention>* out,
                  int pronoun_window, bool one_per_conjunct) {
  size_t before = out->size();
  const Token* t = &doc.tokens[global];
  // Dictionary actors inside the chunk. Several only when coordinated
  // ("Boehler and Hamas officers"); otherwise the first ("the offensive of Israel").
  bool coordinated = false;
  // TABARI: "and" between two words it lists as adjectives ("awful and
  // evil minister") or as nouns ("sheep and goats of Gondor") joins them
  // inside one noun phrase.
  auto joins_words = [&](uint32_t k) {
    if (k == 0 || k + 1 >= a.count) return false;
    for (const char* cls : {kTabariNouns, kTabariAdjectives}) {
      if (model.InClass(cls, t[k - 1].lower) && model.InClass(cls, t[k + 1].lower)) return true;
    }
    return false;
  };
  for (uint32_t k = first; k <= last; ++k) {
    // Not inside one actor's phrase ("Ithilen's awful and evil minister").
    coordinated |= (t[k].lower == "and" || t[k].lower == "&" || t[k].lower == "or" || t[k].lower == "nor") &&
                   a.mention_at[k] < 0 && !joins_words(k);
    // "Police-VHP clashes": two sides joined by a hyphen
    coordinated |= t[k].lower == "-" && k > first && k < last && a.mention_at[k - 1] >= 0 &&
                   a.mention_at[k + 1] >= 0 && a.mentions[a.mention_at[k - 1]].is_actor &&
                   a.mentions[a.mention_at[k + 1]].is_actor;
  }
  bool definite = false;
  for (uint32_t k = first; k <= last; ++k) definite |= t[k].lower == "the";
  // "the militant group": a generic word that refers back to a named group.
  if (definite && ResolveDefinite(model, doc, global, first, last, out)) return true;
  uint32_t last_taken = first;  // last token of the actor taken last
  for (size_t mi = 0; mi < a.mentions.size(); ++mi) {
    const Mention& m = a.mentions[mi];
    if (m.first < first || m.last > last || !m.is_actor) continue;
    if (m.last < last && IsModifier(a, t, m)) continue;  // "the police station" is not the police
    // "Lawmakers and officials in Arnor and Gondor": a bare role joined to
    // roles of countries is a role of each of those countries (ARNLEG,
    // GONLEG besides ARNGOV, GONGOV).
    if (coordinated && SharesCountries(doc, a, t, mi, last, out)) continue;
    if (one_per_conjunct && out->size() > before) {
      bool apart = false;
      for (uint32_t k = last_taken + 1; k < m.first && !apart; ++k) {
        const std::string& w = t[k].lower;
        apart = w == "and" || w == "&" || w == "or" || w == "nor" || w == "," || w == "-";
      }
      if (!apart) continue;
    }
    last_taken = m.last;
    ActorMention am;
    am.span = {t[m.first].begin, t[m.last].end};
    am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
    am.name = m.name;
    am.code = m.code;
    // "Netanyahu's office": the person's office speaks for the person.
    static const char* const kVoices[] = {"office", "government", "administration", "ministry", "spokesman",
                                          "spokeswoman", "spokesperson", "campaign", "cabinet", "party",
                                          "team", "lawyer", "lawyers", "aides", "aide", "press"};
    bool voice = false;
    for (const char* v : kVoices) voice |= t[last].lower == v;
    if (m.last + 2 <= last && t[m.last + 1].lower == "'s" && voice) {
      am.span.end = t[last].end;
      am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
      am.name = m.name + "'s " + std::string(t[last].text);
    }
    out->push_back(std::move(am));
    if (!coordinated) break;
  }
  if (out->size() > before) return true;
  // Persons found by pattern (no dictionary code): keep for speakers.
  for (uint32_t k = first; k <= last; ++k) {
    int cl = doc.cluster_at[global + k];
    if (cl >= 0 && doc.clusters[cl].type == "PERSON") {
      uint32_t e = k;
      while (e + 1 <= last && doc.cluster_at[global + e + 1] == cl) ++e;
      ActorMention am;
      am.span = {t[k].begin, t[e].end};
      am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
      am.name = doc.clusters[cl].name;
      am.code = doc.clusters[cl].code;
      out->push_back(std::move(am));
      return true;
    }
  }
  // Pronouns: the most recent person of that gender.
  if (first == last && (t[first].lower == "he" || t[first].lower == "she")) {
    int cl = doc.PersonBefore(global + first, t[first].lower == "he" ? 'm' : 'f',
                              doc.SentenceStartBefore(global + first, pronoun_window));
    if (cl < 0) return false;
    ActorMention am;
    am.span = {t[first].begin, t[first].end};
    am.text = std::string(t[first].text);
    am.name = doc.clusters[cl].name;
    am.code = doc.clusters[cl].code;
    out->push_back(std::move(am));
    return true;
  }
  return false;
}

bool ResolveDefinite(const Model& model, const DocState& doc, uint32_t global, uint32_t first, uint32_t last,
                     std::vector<ActorMention>* out) {
  // Definite descriptions: "the militant group" -> the last organisation
  // mentioned that such a noun may refer to.
  const Token* t = &doc.tokens[global];
  if (t[first].lower != "the") return false;
  for (uint32_t k = first; k <= last; ++k) {
    if (doc.cluster_at[global + k] >= 0) return false;  // a name is there: not a description
  }
  const std::string& head = t[last].lower;
  uint32_t g = global + first;
  uint32_t stop = g > 600 ? g - 600 : 0;
  for (uint32_t q = g; q-- > stop;) {
    int cl = doc.cluster_at[q];
    if (cl < 0 || doc.clusters[cl].type != "ORG") continue;
    const Cluster& c = doc.clusters[cl];
    if (c.org < 0) continue;
    {
      const Org& o = model.orgs()[c.org];
      for (const std::string& nh : o.is_heads) {
        if (nh == head || Model::Plural(nh) == head) {
          ActorMention am;
          am.span = {t[first].begin, t[last].end};
          am.text = std::string(doc.text.substr(am.span.begin, am.span.end - am.span.begin));
          am.name = c.name;
          am.code = c.code;
          out->push_back(std::move(am));
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace dragoman
