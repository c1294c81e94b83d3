// Model: every dictionary compiled into immutable lookup tables: phrases
// (actors, agents, places) indexed by first token, verb forms and patterns,
// CAMEO codes, word classes, given names, count triggers. Built once by
// ModelBuilder; immutable and safe for concurrent const use afterwards.
#ifndef DRAGOMAN_LEXICON_MODEL_H_
#define DRAGOMAN_LEXICON_MODEL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dragoman/status.h"
#include "lexicon/dictionary.h"
#include "lexicon/gazetteer.h"
#include "segment/token.h"
#include "segment/tokenizer.h"

namespace dragoman {

enum class PhraseKind : uint8_t { kCountry, kCountryAdj, kCountryPeople, kOrg, kPerson, kAgent, kPlace };

// Between two words of a name: other words of the sentence may stand
// there ("Durthang … Orc" matches "Durthang and an Orc"; TABARI's names with
// a blank between words). It is one token, as written.
inline constexpr char kNameGapMark[] = "\u2026";
inline constexpr const char* kNameGapToken = kNameGapMark;

// Word classes of the words TABARI's dictionaries list as nouns and as
// adjectives (its <NOUN> and <ADJECTIVE> sections).
inline constexpr char kTabariNouns[] = "tabari-noun";
inline constexpr char kTabariAdjectives[] = "tabari-adjective";

struct Phrase {
  std::vector<std::string> tokens;  // lower-case tokens
  std::vector<std::string> exact;   // when non-empty: tokens must match as written
  // The last token is a stem: it matches any word that begins with it
  // ("Kuwait*" matches "Kuwaiti"; TABARI's names without a final `_`).
  bool stem = false;
  PhraseKind kind;
  uint32_t index;  // into the table of its kind
};

struct Country {
  std::string code, name, capital;
  double lat = 0, lon = 0, cap_lat = 0, cap_lon = 0;
};

struct Org {
  std::string code, name, type, country;
  // A role named after it adds to its code whatever the code holds already
  // ("Gonzo GMO activists"; TABARI's and PETRARCH's convention), not only to
  // a bare country-level code as ours ("Hamas officers" stays PSEHMS).
  bool stacks_roles = false;
  std::vector<std::string> is;  // generic nouns that may refer back ("group")
  std::vector<std::string> is_heads;  // their last words, lower case ("group", "movement")
};

struct Role {
  std::string code;
  DateRange range;
  bool dated = false;
};

struct Person {
  std::string name;  // the fullest name
  char gender = 0;   // 'm', 'f' or 0
  std::vector<Role> roles;
  std::string CodeOn(std::string_view date) const;
};

struct Agent {
  std::string code;  // role code: COP, MIL, ...
  std::string name;
  // The code goes before the actor's ("MSF Arnor" -> NGOARN; TABARI's and
  // PETRARCH's `[NGO~]`), not after it ("Arnor police" -> ARNCOP).
  bool prefix = false;
};

struct Place {
  std::string name, country, kind;
  double lat = 0, lon = 0;
  long long pop = 0;
  bool geonames = false;  // from the gazetteer, not data/: matched with more care
};

// Where the GeoNames cities came from and how many the policy kept.
struct GazetteerInfo {
  std::string path;
  std::string problem;  // why none were loaded ("...: cannot open"), or empty
  size_t read = 0;      // cities in the file
  size_t kept = 0;      // cities that may name a place
  size_t names = 0;     // names (with their variants) added to the phrase table
};

struct CameoCode {
  std::string code, name, plover, mode;
  double goldstein = 0;
  int quad = 0;
};

// One element of a verb pattern after the head verb.
struct PatternElem {
  // kSkip: TABARI's and PETRARCH's `^`, a noun phrase passed over ("celebrated
  // Iftar in ^ +": "in Osgiliath with the leaders of Gondor" targets Gondor).
  enum Type : uint8_t { kWord, kClass, kTarget, kSkip } type;
  // Must stand right after the element before it, nothing between: pattern
  // words joined by `_` ("new_&TIETYPES_relations").
  bool adjacent = false;
  std::vector<std::string> forms;  // accepted lower-case forms (kWord / kClass)
  std::vector<uint32_t> ids;       // the same as sorted word ids, for matching
};

struct VerbPattern {
  std::string code;   // CAMEO code
  // The target's code towards the source ("reverse=033" on a 032 visit:
  // the host receives the visitor), or "" for none.
  std::string reverse;
  std::string text;   // the pattern as written
  std::vector<PatternElem> elems;  // after the head verb
  // Words that must come before the head verb, in order ("will not * meet"
  // is written `will not * meet`): TABARI's and PETRARCH's words before `*`.
  std::vector<PatternElem> before;
  bool has_target = false;
  // TABARI's and PETRARCH's `+` before the verb with `$` after it ("+ * in
  // $", "+ was * dead in $"): the subject is the target and the actor of the
  // slot after the verb (written `+` in `elems`) the source.
  bool swap = false;
  // `%` before the verb ("% * agree"): the subject must be two or more
  // coordinated actors ("A and B agree"). Counts towards specificity.
  bool compound_subject = false;
  // The last word before the verb stands right before it (TABARI's
  // "RECENT~_*": "recently allowed", not "recently did allow").
  bool before_adjacent = false;
  // `%` after the verb ("has * with %"): the target slot holds two or more
  // coordinated actors, which act on each other; the subject is not coded.
  bool compound_target = false;
  // TABARI's dominant code ("ATTEND [031!]"): with SET: CODE ALL its event
  // is the sentence's only one (EngineOptions::code_all).
  bool dominant = false;
  int specificity = 0;  // number of literal elements; longer wins
  // Indices into elems of the first literal-word elements (at most 4), kept
  // inline so that the coder can rule a pattern out without following its
  // element list: a pattern is tried only when each of those words occurs.
  uint8_t word_elems[4] = {};
  uint8_t word_elem_count = 0;
  // The word id of each of those elements when it has exactly one form (0
  // otherwise): most prefilter checks then read no memory outside the pattern.
  uint32_t word_ids[4] = {};
  // Fills word_elems and word_ids from elems (after compiling or reading a
  // cached model).
  void IndexWords() {
    word_elem_count = 0;
    for (size_t i = 0; i < elems.size() && i < 256 && word_elem_count < 4; ++i) {
      if (elems[i].type != PatternElem::kWord) continue;
      word_ids[word_elem_count] = elems[i].ids.size() == 1 ? elems[i].ids[0] : 0;
      word_elems[word_elem_count++] = static_cast<uint8_t>(i);
    }
  }
};

enum VerbFormBits : uint8_t { kBase = 1, kThird = 2, kPast = 4, kParticiple = 8, kGerund = 16 };

struct VerbForm {
  std::string lemma;
  uint8_t bits = 0;
};

struct CountTrigger {
  std::string type;   // KILL, ...
  std::string object_class;  // required object class, or empty
};

class Model {
 public:
  const Tokenizer& tokenizer() const { return tokenizer_; }

  // Phrases starting with token lower-case form `first`, longest first.
  const std::vector<uint32_t>* PhrasesStartingWith(const std::string& first) const;
  // Everything the analysis needs to know of a lower-case word, in one hash
  // lookup: the phrases it starts, its verb readings, its pattern word id.
  struct Lexeme {
    const std::vector<uint32_t>* phrases = nullptr;  // every phrase it starts, longest first
    // The phrases of two or more tokens it starts, by their second token,
    // and those of one token: matching looks at the next token first.
    const std::unordered_map<std::string, std::vector<uint32_t>>* by_second = nullptr;
    const std::vector<uint32_t>* single = nullptr;
    const std::vector<VerbForm>* forms = nullptr;
    uint32_t word = 0;
  };
  const Lexeme* Lookup(const std::string& lower) const {
    auto it = lexicon_.find(lower);
    return it == lexicon_.end() ? nullptr : &it->second;
  }
  const Phrase& phrase(uint32_t i) const { return phrases_[i]; }
  // One-token stem phrases (Phrase::stem) by their stem, and the length of
  // the shortest stem (0: none, the usual case; then nothing to look up).
  const std::vector<uint32_t>* StemPhrases(std::string_view prefix) const {
    auto it = stem_single_.find(std::string(prefix));
    return it == stem_single_.end() ? nullptr : &it->second;
  }
  size_t min_stem() const { return min_stem_; }
  // Whether a name has a gap (kNameGapToken: TABARI's "DURTHANG ORC"); the
  // analyzer looks for such names only then.
  bool gapped_names() const { return gapped_names_; }
  // The pattern word id of the longest prefix stem ("real~") that `lower`
  // begins with and is longer than, or 0. TABARI matches pattern words so.
  uint32_t PrefixWord(std::string_view lower) const;

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Org>& orgs() const { return orgs_; }
  const std::vector<Person>& persons() const { return persons_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<Place>& places() const { return places_; }
  const Country* CountryByCode(std::string_view code) const;
  // Every place of that name (lower case): "tripoli" is in Libya and Lebanon.
  const std::vector<uint32_t>* PlacesNamed(const std::string& lower_name) const;
  // Of the places named like places()[i], the one a document about
  // `country` most likely means: one in that country, else the most populous.
  uint32_t BestPlace(uint32_t i, const std::string& country) const;

  // The GeoNames gazetteer: nullptr when none was asked for.
  const GazetteerInfo* gazetteer() const { return gazetteer_.path.empty() ? nullptr : &gazetteer_; }

  const CameoCode* Cameo(std::string_view code) const;
  const std::unordered_map<std::string, CameoCode>& cameo() const { return cameo_; }
  // Verb forms of a lower-case word (several lemmas possible).
  const std::vector<VerbForm>* VerbForms(const std::string& lower) const;
  const std::vector<VerbPattern>* Patterns(const std::string& lemma) const;
  // The patterns of a verb that can match, found from the words after it:
  // each pattern is listed (by its place in Patterns(lemma)) under the word
  // ids of its first literal word; patterns without one are listed apart.
  struct PatternIndex {
    std::unordered_map<uint32_t, std::vector<uint32_t>> by_word;
    std::vector<uint32_t> no_word;
    bool words_before = false;  // some pattern has words before the verb
  };
  const PatternIndex* PatternIndexFor(const std::string& lemma) const;
  // Nominal event patterns ("threat to +") keyed by the event noun, singular.
  const std::vector<VerbPattern>* NounPatterns(const std::string& lower) const;
  // Light verbs whose object noun carries the event ("issue a threat").
  bool IsLightVerb(const std::string& lemma) const { return light_verbs_.count(lemma) > 0; }
  // Verbs whose bare use is the event without a named target ("opened fire").
  bool IsStrongVerb(const std::string& lemma) const { return strong_verbs_.count(lemma) > 0; }
  size_t pattern_count() const { return pattern_count_; }
  // Verb and noun patterns per CAMEO root ("01".."20").
  const std::map<std::string, size_t>& patterns_per_root() const { return patterns_per_root_; }
  bool InClass(const std::string& cls, const std::string& lower) const;
  char GenderOfGivenName(const std::string& lower) const;
  const std::vector<CountTrigger>* CountTriggers(const std::string& lemma) const;
  // Count nouns that carry their type after a number ("12 dead", "30 injured").
  const std::string* CountNoun(const std::string& lower) const;
  // Regular + irregular inflection of a verb lemma.
  std::vector<std::string> Inflect(const std::string& lemma, uint8_t bits) const;
  static std::string Plural(const std::string& noun);

 private:
  friend class ModelBuilder;
  friend class ModelCodec;
  // Builds the tables derived from the others: countries and places by name,
  // phrases by first and second token, the combined lexicon.
  void Index();
  Tokenizer tokenizer_;
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, uint32_t> word_ids_;
  std::unordered_map<std::string, Lexeme> lexicon_;  // views into the tables above
  std::unordered_map<std::string, std::vector<uint32_t>> phrase_index_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<uint32_t>>> phrase_index2_;
  std::unordered_map<std::string, std::vector<uint32_t>> phrase_single_;
  std::unordered_map<std::string, std::vector<uint32_t>> stem_single_;  // derived, by Index()
  size_t min_stem_ = 0;
  bool gapped_names_ = false;  // derived, by Index()
  std::unordered_map<std::string, uint32_t> prefix_ids_;  // derived from word_ids_' "stem~" keys, by Index()
  size_t min_prefix_ = 0, max_prefix_ = 0;
  std::vector<Country> countries_;
  std::unordered_map<std::string, uint32_t> country_by_code_;
  std::vector<Org> orgs_;
  std::vector<Person> persons_;
  std::vector<Agent> agents_;
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<uint32_t>> places_by_name_;
  GazetteerInfo gazetteer_;
  std::unordered_map<std::string, CameoCode> cameo_;
  std::unordered_map<std::string, std::vector<VerbForm>> verb_forms_;
  std::unordered_map<std::string, std::vector<VerbPattern>> patterns_;
  std::unordered_map<std::string, PatternIndex> pattern_index_;  // derived, by Index()
  std::unordered_map<std::string, std::vector<VerbPattern>> noun_patterns_;
  std::unordered_set<std::string> light_verbs_;
  std::unordered_set<std::string> strong_verbs_;
  size_t pattern_count_ = 0;
  std::map<std::string, size_t> patterns_per_root_;
  std::unordered_map<std::string, std::unordered_set<std::string>> classes_;
  std::unordered_map<std::string, char> given_;
  std::unordered_map<std::string, std::vector<CountTrigger>> count_triggers_;
  std::unordered_map<std::string, std::string> count_nouns_;
  struct Irregular { std::string past, participle, third, gerund; };
  std::unordered_map<std::string, Irregular> irregular_;
};

class ModelBuilder {
 public:
  ModelBuilder();
  // Adds entries read from the project's format. Problems that make an entry
  // unusable go to *warnings as "FILE:LINE: reason".
  void Add(const std::vector<Entry>& entries, std::vector<std::string>* warnings);
  // Adds the verbs of a WordNet 3.0 database directory (index.verb,
  // index.noun, verb.exc) so that the analysis knows English verbs beyond the
  // patterns. Verbs used mostly as nouns ("contract", "people") get only
  // their -ed and -ing forms.
  Status AddWordNet(const std::string& dir);
  // Adds GeoNames cities (read from `path`) under the policy described in
  // lexicon/gazetteer.h. They are filtered in Build, once every other
  // dictionary is known, so that data/ wins. `is_function_word` tells the
  // analysis' closed-class words ("of", "most").
  void AddGazetteer(const std::string& path, std::vector<GazetteerCity> cities, WordNetNames wordnet,
                    std::function<bool(const std::string&)> is_function_word, GazetteerPolicy policy = {});
  // Records that a gazetteer was asked for but not loaded, and why.
  void NoteGazetteer(const std::string& path, const std::string& problem);
  // Compiles the tables. The builder is empty afterwards.
  Result<std::unique_ptr<Model>> Build(std::vector<std::string>* warnings);

 private:
  void AddPhrase(const std::string& name, PhraseKind kind, uint32_t index);
  void AddVerbLemma(const std::string& lemma, uint8_t allowed = 0xFF);
  void CompileGazetteer();
  std::unique_ptr<Model> m_;
  std::vector<Entry> verbs_;  // compiled after classes and irregulars are known
  std::vector<std::pair<std::string, uint8_t>> wordnet_verbs_;
  struct PendingGazetteer {
    std::vector<GazetteerCity> cities;
    WordNetNames wordnet;
    std::function<bool(const std::string&)> is_function_word;
    GazetteerPolicy policy;
  };
  std::unique_ptr<PendingGazetteer> gazetteer_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_MODEL_H_
