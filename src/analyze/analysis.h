// Analysis of one sentence: parts of speech, actor mentions (dictionary
// phrases merged into noun phrases), verb groups with voice, negation and
// modality, and for each verb group its subject chunk and object region.
// A fast, deterministic shallow parse: linear in the sentence length.
#ifndef DRAGOMAN_ANALYZE_ANALYSIS_H_
#define DRAGOMAN_ANALYZE_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <algorithm>
#include <vector>

#include "dragoman/record.h"
#include "lexicon/model.h"
#include "segment/token.h"

namespace dragoman {

enum class Pos : uint8_t {
  kOther, kDet, kPrep, kPron, kAux, kModal, kNeg, kConj, kSub, kRel, kTo, kPoss,
  kVerb, kNoun, kPropn, kAdj, kAdv, kNum, kPunct, kQuote
};

struct TokenInfo {
  Pos pos = Pos::kOther;
  const std::vector<VerbForm>* forms = nullptr;  // verb readings, if any
  uint32_t word = 0;  // id of the lower-case form among pattern words (0: no pattern uses it)
  // id of the longest TABARI prefix pattern word ("in~") the form begins
  // with and is longer than, or 0 (Model::PrefixWord). TokenInfo::Is tests both.
  uint32_t prefix = 0;
  bool Is(const std::vector<uint32_t>& sorted_ids) const {
    return (word && std::binary_search(sorted_ids.begin(), sorted_ids.end(), word)) ||
           (prefix && prefix != word && std::binary_search(sorted_ids.begin(), sorted_ids.end(), prefix));
  }
  const Model::Lexeme* lex = nullptr;  // all the model knows of the word, or null
};

// An actor phrase: a run of tokens resolved to a code.
struct Mention {
  uint32_t first = 0, last = 0;  // token indexes, inclusive
  PhraseKind kind = PhraseKind::kAgent;
  int person = -1, org = -1, place = -1, country = -1, agent = -1;
  std::string code;
  std::string name;  // fullest name
  bool is_actor = true;  // places are mentions but not actors
};

struct VerbGroup {
  uint32_t first = 0, head = 0;  // tokens: group start, main verb
  std::string lemma;
  bool passive = false;
  Modality modality = Modality::kAsserted;
  uint32_t subj_first = 0, subj_last = 0;  // subject chunk (inclusive); empty when subj_last < subj_first
  bool has_subject = false;
  int inherit_subject_from = -1;  // coordinated verb: shares the subject of this group
  bool relative = false;          // subject is the antecedent of which/who/that
  uint32_t obj_first = 0, obj_end = 0;  // object region [obj_first, obj_end)
  int source_mention = -1;  // the sparse reading's source (analyze/sparse.h): a mention, not the subject
};

struct SentenceAnalysis {
  uint32_t first = 0, count = 0;  // token range in the document token array
  std::vector<TokenInfo> info;    // per token of the sentence
  std::vector<Mention> names;     // dictionary matches before merging (for entities)
  std::vector<Mention> mentions;  // actor phrases after merging, sorted by first token
  std::vector<int> mention_at;    // per token: index into mentions or -1
  std::vector<VerbGroup> verbs;
};

class Analyzer {
 public:
  // `role_of_name`: a role right before a name of country level (a bare
  // code) gives that name its role ("minister Telemar" of Dagolath: DAGGOV),
  // as PETRARCH codes it; TABARI keeps the name's own code.
  // `tabari`: TABARI's reading of names. Its names written with a space
  // between words ("PRINCE DOL_AMROTH") also match with "of" or "of the"
  // there ("Prince of Dol Amroth"); a hyphen joins what `_` joins ("AL_GORE"
  // is "Al-Gore"); and the role of a list ("the ambassadors of Arnor,
  // Osgiliath and Gondor") stays with its first actor.
  // `petrarch`: PETRARCH's reading, where a determiner opens a noun phrase
  // of its own ("The Danish media and government": the government has no
  // country).
  explicit Analyzer(const Model* model, bool role_of_name = true, bool tabari = false, bool petrarch = false)
      : model_(model), role_of_name_(role_of_name), tabari_(tabari), petrarch_(petrarch) {}
  // tokens: the sentence's tokens; date: the document date for dated roles.
  // Generic agents ("police") get their country later, from the document.
  void Analyze(const Token* tokens, uint32_t count, const std::string& date, SentenceAnalysis* out) const;

 private:
  void Tag(const Token* t, uint32_t n, SentenceAnalysis* a) const;
  void FindMentions(const Token* t, uint32_t n, const std::string& date, SentenceAnalysis* a) const;
  void FindVerbGroups(const Token* t, uint32_t n, SentenceAnalysis* a) const;
  const Model* model_;
  bool role_of_name_;
  bool tabari_;
  bool petrarch_;
};

// True when mention m only modifies the noun after it ("a hostage deal",
// "the police station"): then it is not the actor of the phrase.
bool IsModifier(const SentenceAnalysis& a, const Token* t, const Mention& m);

// Role codes that belong to the country a document is about when the text
// names none ("police" in a Gujarat story is INDCOP; a "former chief
// minister" there INDELI); people's roles do not.
bool IsStateRole(const std::string& role);

// Closed-class word lists used by the analysis and extractors.
bool IsBeForm(const std::string& lower);
bool IsSpeechVerb(const std::string& lemma);
// Determiners, prepositions, pronouns, auxiliaries, conjunctions... ("of", "most").
bool IsClosedClassWord(const std::string& lower);

}  // namespace dragoman

#endif  // DRAGOMAN_ANALYZE_ANALYSIS_H_
