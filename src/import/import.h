// Importers for the dictionaries of the peer coders TABARI and PETRARCH
// (PETRARCH-1, PETRARCH-2, UD-PETRARCH share one format): their actors,
// agents, verbs, discards and issues are converted into dragoman's Entry
// model (docs/dictionaries.md) so that ModelBuilder can use them.
//
//   std::vector<Entry> entries;
//   std::vector<std::string> warnings;
//   Status s = ImportDictionary("petrarch-verbs", "CAMEO.2.0.txt", &entries, &warnings);
//
// Formats: tabari-actors, tabari-verbs, tabari-agents, tabari-options,
// petrarch-actors, petrarch-verbs, petrarch-agents, petrarch-discards,
// petrarch-issues.
//
// Conversion (see the comments in tabari.cc / petrarch.cc for details):
//  - actors -> `org` (key = the code valid without a date restriction), or
//    `person` with `role=CODE FROM..TO` fields when the actor has
//    date-restricted codes; synonyms (`+NAME` lines) become extra names.
//  - agents -> `agent` (key = role code without `~`), plural forms as names.
//  - verbs  -> `verb` entries whose names are patterns in our grammar (head
//    verb lemma first, `+` target, `$` source, `&CLASS`; the peer's words
//    before the verb stay before it: `did n't * clash over`), `class` entries
//    from synsets (members of several words are spelled out as pattern
//    alternatives), `irregular` entries from irregular listed verb forms.
//  - discards -> `discard` (key `sentence` or `story`); issues -> `issue`.
// A missing file is an error; malformed or unsupported lines go to
// *warnings as "FILE:LINE: reason" and are skipped.
#ifndef DRAGOMAN_IMPORT_IMPORT_H_
#define DRAGOMAN_IMPORT_IMPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dragoman/status.h"
#include "lexicon/dictionary.h"

namespace dragoman {

Status ImportDictionary(const std::string& format, const std::string& path, std::vector<Entry>* out,
                        std::vector<std::string>* warnings);

// Renders an entry as one line of dragoman's dictionary format
// ("kind key : name | name ; k=v ; ..."). Characters the format reserves
// inside names (`|`, `;`, `#`) are replaced by spaces.
std::string FormatEntryLine(const Entry& e);

namespace import_internal {

// Reads a text file as lines (CR stripped). Bytes that are not valid UTF-8
// are taken as Latin-1 and converted (several peer files are Latin-1).
Status ReadLines(const std::string& path, std::vector<std::string>* lines);

// Cuts a peer comment: `;` anywhere or `#` at the start / after a blank or
// `]`, never inside `[...]` (codes like `[###]`).
std::string_view StripComment(std::string_view line);

// "AL_GORE_" -> "al gore" (underscores to blanks, trailing `_` and `=`
// markers dropped, blanks collapsed, lower case).
std::string PhraseWords(std::string_view phrase);
std::string TitleCase(const std::string& lower);
// PhraseWords of a TABARI actor phrase, with kNameGapMark where a blank
// separates two words: TABARI lets other words stand there, `_` not.
std::string GappedPhraseWords(std::string_view phrase);
std::string Lower(std::string_view s);

// A peer date, YYMMDD (years < 30 are 20YY) or YYYYMMDD, as YYYY-MM-DD;
// empty when malformed. ShiftDate adds `days` (may be negative).
std::string PeerDate(std::string_view d);
std::string ShiftDate(const std::string& iso, int days);

// One code block of an actor: "[USAGOV 991201-010114]" -> code + range.
struct ActorCode {
  std::string code;
  std::string range;  // "" (no restriction) or "FROM..TO" in our syntax
};
bool ParseActorCode(std::string_view inside, ActorCode* out, std::string* error);

// Shared parser of the actor format (TABARI and PETRARCH differ only in
// their comment characters, both handled by StripComment). With `stems`
// (TABARI), a name whose last word does not end in `_` is a stem: it is
// written with a final `*` ("KUWAIT" -> "Kuwait*", matching "Kuwaiti").
void ImportActors(const std::string& path, const std::vector<std::string>& lines,
                  std::vector<Entry>* out, std::vector<std::string>* warnings, bool stems = false);

// Shared verb parser. `petrarch` selects PETRARCH's group headers
// ("--- NAME [CODE] ---") and synset syntax; TABARI's verbs are stems that
// are completed to WordNet lemmas when possible.
void ImportVerbs(const std::string& path, const std::vector<std::string>& lines, bool petrarch,
                 std::vector<Entry>* out, std::vector<std::string>* warnings);

// Shared agent parser (PETRARCH adds `!MACRO! = a, b` substitutions and
// `{plural forms}`).
void ImportAgents(const std::string& path, const std::vector<std::string>& lines,
                  std::vector<Entry>* out, std::vector<std::string>* warnings);

// Blanks out PETRARCH's `<!-- ... -->` comments (possibly spanning lines,
// also the sloppy `<! -- ... -->`), keeping the line numbers.
void StripXmlComments(std::vector<std::string>* lines);

// UD-PETRARCH's internal coding ontology (PICO,
// `PETR_Validate_Internal_Coding_Ontology_*.txt`): each CAMEO code has a
// value, a sum of hex terms ("110:0x1007f#0xFFFF+0x0080#...": the first
// `#` field). A term of +-0xFFFF is "not": 110 (disapprove) is 0x0080
// (050, diplomatic cooperation) plus "not", so a negated 110 is 050 and a
// negated 170 is 057. Negate() maps a code that holds "not" to the code
// of the value without it; any other code maps to itself.
class CodingOntology {
 public:
  // Lines "CODE:EXPR#..."; blank and `#` lines are skipped. Returns the
  // number of codes read; unreadable lines are skipped silently.
  size_t Read(const std::vector<std::string>& lines);
  std::string Negate(const std::string& code) const;
  bool empty() const { return codes_.empty(); }

 private:
  struct Value {
    long base = 0;  // the value without its "not" term
    int nots = 0;   // +1 / -1 when a +-0xFFFF term is present
  };
  std::vector<std::pair<std::string, Value>> codes_;  // file order
};

void ImportTabariOptions(const std::string& path, const std::vector<std::string>& lines,
                         std::vector<Entry>* out, std::vector<std::string>* warnings);
void ImportPetrarchDiscards(const std::string& path, const std::vector<std::string>& lines,
                            std::vector<Entry>* out, std::vector<std::string>* warnings);
void ImportPetrarchIssues(const std::string& path, const std::vector<std::string>& lines,
                          std::vector<Entry>* out, std::vector<std::string>* warnings);

}  // namespace import_internal
}  // namespace dragoman

#endif  // DRAGOMAN_IMPORT_IMPORT_H_
