#include "extract/extract.h"

namespace dragoman {

bool ResolveDefinite(const Model& model, const DocState& doc, uint32_t global, uint32_t first, uint32_t last,
                     std::vector<ActorMention>* out);

bool ResolveChunk(const Model& model, const DocState& doc, const SentenceAnalysis& a,
                  uint32_t global, uint32_t first, uint32_t last, std::vector<ActorMention>* out,
                  int pronoun_window) {
  size_t before = out->size();
  const Token* t = &doc.tokens[global];
  // Dictionary actors inside the chunk. Several only when coordinated
  // ("Boehler and Hamas officers"); otherwise the first ("the offensive of Israel").
  bool coordinated = false;
  for (uint32_t k = first; k <= last; ++k) {
    coordinated |= t[k].lower == "and" || t[k].lower == "&" || t[k].lower == "or" || t[k].lower == "nor";
    // "Police-VHP clashes": two sides joined by a hyphen
    coordinated |= t[k].lower == "-" && k > first && k < last && a.mention_at[k - 1] >= 0 &&
                   a.mention_at[k + 1] >= 0 && a.mentions[a.mention_at[k - 1]].is_actor &&
                   a.mentions[a.mention_at[k + 1]].is_actor;
  }
  bool definite = false;
  for (uint32_t k = first; k <= last; ++k) definite |= t[k].lower == "the";
  // "the militant group": a generic word that refers back to a named group.
  if (definite && ResolveDefinite(model, doc, global, first, last, out)) return true;
  for (const Mention& m : a.mentions) {
    if (m.first < first || m.last > last || !m.is_actor) continue;
    if (m.last < last && IsModifier(a, t, m)) continue;  // "the police station" is not the police
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
