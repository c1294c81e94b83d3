// Record: what dragoman found in one document. All spans are byte offsets into
// Document::text; writers convert them to code-point offsets for output.
#ifndef DRAGOMAN_RECORD_H_
#define DRAGOMAN_RECORD_H_

#include <cstdint>
#include <string>
#include <vector>

namespace dragoman {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;  // exclusive
  bool empty() const { return begin >= end; }
};

struct ActorMention {
  std::string text;  // as written ("the militant group", "he")
  std::string name;  // the fullest name known ("Hamas", "Donald Trump"), may be empty
  std::string code;  // CAMEO-style actor code valid on the document date, may be empty
  Span span;
  bool present() const { return !span.empty(); }
};

struct Location {
  std::string text;     // as written
  std::string name;     // gazetteer name
  std::string country;  // ISO-3
  double lat = 0, lon = 0;
  bool has_coords = false;
  Span span;
};

enum class Modality { kAsserted, kNegated, kPlanned, kThreatened, kPossible };
const char* ModalityName(Modality m);

struct Event {
  Span sentence;
  ActorMention source, target;
  Span verb;
  std::string verb_text;
  std::string cameo;        // "0841"
  std::string cameo_name;   // short name
  std::string plover;       // PLOVER type, empty if none
  std::string plover_mode;  // may be empty
  int quad = 0;
  double goldstein = 0;
  Modality modality = Modality::kAsserted;
  Location location;  // empty span if none
  std::string date;   // ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or empty
  std::string rule;   // the pattern that fired, for evidence
};

struct Entity {
  std::string type;  // PERSON, ORG, LOC
  std::string text;
  std::string name;  // canonical (fullest) name of the entity this mention belongs to
  std::string code;
  int entity = -1;   // index of the coreference cluster inside the document
  Span span;
  // For LOC resolved through the gazetteer:
  std::string country;
  double lat = 0, lon = 0;
  bool has_coords = false;
};

struct Quote {
  std::string text;  // the quoted words, without the marks
  Span span;
  ActorMention speaker;  // text = as written near the quote; name = resolved
};

struct Count {
  std::string type;    // KILL, WOUND, KIDNAP, ARREST, RELEASE, PROTEST, DISPLACE, AFFECT
  long long number = 0;
  std::string object;  // what was counted ("people", "Israeli hostages")
  std::string qualifier;  // "around", "at least", ... or empty
  Span span;
  Span sentence;
  ActorMention actor;  // who killed, arrested, released ... when the text says
};

struct DateMention {
  std::string text;
  std::string value;  // ISO, to the known granularity
  Span span;
};

struct Record {
  std::string id;
  std::string date;
  std::vector<Span> sentences;
  std::vector<Event> events;
  std::vector<Entity> entities;
  std::vector<Entity> pronouns;  // he/she/him/his/her resolved to a PERSON entity
  std::vector<Quote> quotes;
  std::vector<Count> counts;
  std::vector<DateMention> dates;
  int replaced_bytes = 0;
  void Clear();
};

}  // namespace dragoman

#endif  // DRAGOMAN_RECORD_H_
