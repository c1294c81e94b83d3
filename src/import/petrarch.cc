// The verb importer (TABARI and PETRARCH), PETRARCH's discards and issues,
// and the removal of PETRARCH's XML comments.
//
// Verb layout, PETRARCH (PETRARCH-1 *.verbs.txt, CAMEO.verbpatterns, CAMEO.2.0):
//   &SYNSET                 a synonym set; its members follow as +WORD lines
//   --- NAME [CODE] ---     starts a group; CODE applies to its verbs
//   VERB {FORMS} [CODE]     a verb of the group (own code optional)
//   +HEAD_PART / PART_+HEAD a compound verb; `+` marks the head verb
//   - WORDS * WORDS [CODE]  a pattern of every verb of the group; `*` is the verb
// TABARI (*.verbs): each line `VERB [CODE]` starts a group, `{FORMS}` may
// follow on its own line, patterns as above, alternatives `{ A | B }`,
// <SYNSETS> ... </SYNSETS> holds the synsets; other <SECTIONS> are skipped.
// TABARI verbs are stems (ABUS, ADVANC) unless they end in `_`: they are
// completed to a WordNet lemma when one fits (abuse, advance).
//
// A pattern becomes ours: the head verb lemma, then the words after `*` in
// order (lower case), `+` target, `$` source, `&SYNSET` kept, PETRARCH-2's
// phrase brackets `( )` / `{ }` dropped, `^` dropped, `%` (a compound
// actor) kept before the verb ("% * agree": a subject of two or more
// conjuncts) and dropped after it. Words before
// the verb stay before it, behind our `*` ("&NEGATVAUXVRB * OVER EFFORTS" ->
// "&negatvauxvrb * clash over efforts"); `$` / `+` there are dropped. A synset
// with members of several words ("+AUSTRIAN FLORIN") is spelled out as
// alternatives of the pattern. Paired codes `[032:033]` keep their first
// code; `[---]` (do not code) is skipped.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "import/import.h"

namespace dragoman {
namespace import_internal {

void StripXmlComments(std::vector<std::string>* lines) {
  bool in = false;
  for (auto& l : *lines) {
    std::string out;
    size_t i = 0;
    while (i < l.size()) {
      if (!in) {
        size_t a = l.find("<!", i);
        if (a == std::string::npos) {
          out.append(l, i, std::string::npos);
          break;
        }
        out.append(l, i, a - i);
        in = true;
        i = a + 2;
      } else {
        size_t b = l.find("-->", i);
        if (b == std::string::npos) {
          // A one-line "<! ... >" that is not a comment: close at '>'.
          break;
        }
        in = false;
        i = b + 3;
      }
    }
    l = out;
  }
}

namespace {

void Warn(std::vector<std::string>* warnings, const std::string& path, int line, const std::string& msg) {
  if (warnings) warnings->push_back(path + ":" + std::to_string(line) + ": " + msg);
}

const std::unordered_set<std::string>& WordNetVerbs() {
  static const std::unordered_set<std::string>* verbs = [] {
    auto* s = new std::unordered_set<std::string>;
    std::string dir = std::getenv("DRAGOMAN_WORDNET") ? std::getenv("DRAGOMAN_WORDNET") : "/usr/share/wordnet";
    std::ifstream in(dir + "/index.verb");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      s->insert(line.substr(0, line.find(' ')));
    }
    return s;
  }();
  return *verbs;
}

// A TABARI stem ("advanc") as a lemma ("advance") when WordNet knows one.
std::string CompleteStem(const std::string& stem) {
  const auto& v = WordNetVerbs();
  if (v.empty() || v.count(stem)) return stem;
  for (const std::string& c : {stem + "e", stem + "ate", stem + "ize"}) {
    if (v.count(c)) return c;
  }
  if (!stem.empty() && stem.back() == 'i' && v.count(stem.substr(0, stem.size() - 1) + "y"))
    return stem.substr(0, stem.size() - 1) + "y";
  return stem;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string SynsetName(std::string_view s) {
  std::string n = Upper(std::string(Trim(s)));
  if (!n.empty() && n[0] == '&') n.erase(0, 1);
  while (!n.empty() && n.back() == '_') n.pop_back();
  return n;
}

// "didn't" -> "did n't", "won't" -> "wo n't": contractions as the tokenizer
// splits them (TABARI writes DIDN'T; PETRARCH already DID N'T).
std::string SplitContractions(const std::string& words) {
  std::string out;
  for (const auto& w : SplitTrim(words, " ")) {
    if (!out.empty()) out += " ";
    if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) out += w.substr(0, w.size() - 3) + " n't";
    else out += w;
  }
  return out;
}

// True when the `_` at phrase[i] joins two words ("NEW_&TIETYPES"), or a
// word and a set of alternatives ("APPLY_{ GENEVA | INTERNATIONAL }_TREATY":
// each alternative stands next to the words around the braces), not when it
// ends a word (TABARI's exact-word mark "ARGUING_") or comes before `*`, `$`
// or `+`.
bool JoinsWords(std::string_view phrase, size_t i) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; };
  return phrase[i] == '_' && i > 0 && i + 1 < phrase.size() &&
         (word(phrase[i - 1]) || phrase[i - 1] == '}' || phrase[i - 1] == '~') &&
         (word(phrase[i + 1]) || phrase[i + 1] == '&' || phrase[i + 1] == '{' || phrase[i + 1] == '*');
}

// True when the `_` at phrase[i] ends a word ("RESOLUTION_"): TABARI's mark
// of a word matched as written, not as a stem.
bool EndsWord(std::string_view phrase, size_t i) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; };
  if (phrase[i] != '_' || i == 0 || !word(phrase[i - 1])) return false;
  char next = i + 1 < phrase.size() ? phrase[i + 1] : ' ';
  return next == ' ' || next == '\t' || next == ')' || next == '}' || next == '|' || next == ']';
}

// A synset member's words as PhraseWords gives them, with each `_` that
// joins two words kept as a word of its own ("&TIETYPES_MEMOS" ->
// "&tietypes _ memos"): the pattern wants them next to each other.
std::string MemberWords(std::string_view phrase) {
  std::string marked;
  for (size_t i = 0; i < phrase.size(); ++i) marked += JoinsWords(phrase, i) ? std::string(" \x01 ") : std::string(1, phrase[i]);
  std::string out = PhraseWords(marked);
  for (char& c : out) {
    if (c == '\x01') c = '_';
  }
  return out;
}

// Appends pattern word `w` to `name`, a blank between words except around a
// `_` (kept as the joiner: "new_&TIETYPES_relations").
void AppendPatternWord(const std::string& w, std::string* name, bool* glue) {
  if (w == "_") {
    *glue = !name->empty() && name->back() != ' ';
    return;
  }
  if (!name->empty() && name->back() != ' ') *name += *glue ? "_" : " ";
  *name += w;
  *glue = false;
}

bool IsRegularForm(const std::string& lemma, const std::string& f) {
  if (f.size() > 3 && f.compare(f.size() - 3, 3, "ing") == 0) return true;
  std::string stem = lemma;  // "move" -> "mov" (moved), "try" -> "tr" (tried)
  if (!stem.empty() && (stem.back() == 'e' || stem.back() == 'y')) stem.pop_back();
  if (f.size() > 2 && f.compare(f.size() - 2, 2, "ed") == 0 && f.rfind(stem, 0) == 0) return true;
  if (f == lemma + "s" || f == lemma + "es") return true;
  if (!lemma.empty() && lemma.back() == 'y' && f == lemma.substr(0, lemma.size() - 1) + "ies") return true;
  return f == lemma;
}

// The regular -ed form(s) of a lemma, "/"-separated, as Model::Inflect makes
// them when no irregular entry exists ("act" -> "acted", "stop" -> "stoped/stopped").
std::string RegularPast(const std::string& w) {
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  size_t n = w.size();
  if (n == 0) return w;
  bool cons_y = n > 1 && w.back() == 'y' && !vowel(w[n - 2]);
  bool cvc = n >= 3 && !vowel(w[n - 1]) && vowel(w[n - 2]) && !vowel(w[n - 3]) && w[n - 1] != 'w' &&
             w[n - 1] != 'x' && w[n - 1] != 'y' && n <= 4;
  std::string ed = w.back() == 'e' ? w + "d" : cons_y ? w.substr(0, n - 1) + "ied" : w + "ed";
  if (cvc) ed += "/" + w + w.back() + "ed";
  return ed;
}

struct Verb {
  std::string lemma;
  std::vector<std::string> after;  // words of a compound verb after the head
  std::string code;
  std::string reverse;  // "[032:033]": the target's code towards the source
  std::vector<std::string> forms;  // head forms as listed
  bool stem = false;  // TABARI "DEPART_" with no forms listed: also -es and -en ("departes", "departen")
  int line = 0;
};

struct Pattern {
  std::string code;
  std::string reverse;  // see Verb::reverse
  std::vector<std::vector<std::string>> seqs;  // alternatives, words after the verb
  int line = 0;
};

class VerbImporter {
 public:
  VerbImporter(const std::string& path, bool petrarch, std::vector<Entry>* out, std::vector<std::string>* warnings)
      : path_(path), petrarch_(petrarch), out_(out), warnings_(warnings) {}

  void Run(const std::vector<std::string>& lines) {
    // Pre-pass: synset names, so that "&FIGHT_OF_WORDS_X" splits correctly,
    // and their members, which patterns before the synset's lines may use.
    {
      std::string cur;
      for (const auto& raw : lines) {
        std::string_view l = Trim(StripComment(raw));
        if (l.empty()) continue;
        if (l[0] == '&') {
          cur = SynsetName(l.substr(0, l.find_first_of(" \t")));
          known_synsets_.insert(cur);
          pre_synsets_[cur];
        } else if (l[0] == '+' && !cur.empty()) {
          pre_synsets_[cur].push_back(SplitContractions(MemberWords(PrefixMember(l.substr(1)))));
        } else {
          cur.clear();
        }
      }
    }
    std::string section;
    std::string synset;
    for (size_t i = 0; i < lines.size(); ++i) {
      int ln = static_cast<int>(i) + 1;
      std::string_view l = Trim(StripComment(lines[i]));
      if (l.empty()) continue;
      if (l.substr(0, 2) == "~~") break;
      if (l[0] == '<') {
        if (l.size() > 1 && l[1] == '/') {
          section.clear();
        } else {
          section = Upper(std::string(l.substr(1, l.find('>') == std::string_view::npos ? l.npos : l.find('>') - 1)));
          if (section != "SYNSETS") Warn(warnings_, path_, ln, "section <" + section + "> is not supported; skipped");
        }
        synset.clear();
        continue;
      }
      if (!section.empty() && section != "SYNSETS") continue;
      if (l[0] == '&') {
        synset = SynsetName(l.substr(0, l.find_first_of(" \t")));
        synset_line_[synset] = ln;
        synsets_[synset];
        continue;
      }
      if (!synset.empty() && l[0] == '+') {
        synsets_[synset].push_back(SplitContractions(PhraseWords(PrefixMember(l.substr(1)))));
        continue;
      }
      synset.clear();
      if (section == "SYNSETS") {
        Warn(warnings_, path_, ln, "line in <SYNSETS> is neither &NAME nor +MEMBER");
        continue;
      }
      if (petrarch_ && l.substr(0, 3) == "---") {
        Flush();
        size_t lb = l.find('['), rb = l.find(']');
        group_reverse_.clear();
        group_dominant_ = false;
        if (lb == std::string_view::npos || rb == std::string_view::npos || rb < lb) {
          Warn(warnings_, path_, ln, "group header without [CODE]");
          group_code_.clear();
        } else {
          group_code_ = FirstCode(l.substr(lb + 1, rb - lb - 1));
          group_reverse_ = SecondCode(l.substr(lb + 1, rb - lb - 1));
        }
        in_group_ = true;
        continue;
      }
      if (l[0] == '-') {
        ParsePattern(l.substr(1), ln);
        continue;
      }
      // "* (TO QUESTION) [110]" under a verb: a pattern that lost its "- ";
      // PETRARCH reads it as one, and so do we (with a warning).
      if (petrarch_ && l[0] == '*' && !verbs_.empty()) {
        Warn(warnings_, path_, ln, "pattern without its leading '-' read as a pattern");
        ParsePattern(l, ln);
        continue;
      }
      if (l[0] == '{') {  // TABARI forms on their own line
        if (verbs_.empty()) {
          Warn(warnings_, path_, ln, "verb forms without a verb");
          continue;
        }
        size_t rc = l.find('}');
        if (rc == std::string_view::npos) {
          Warn(warnings_, path_, ln, "unclosed '{'");
          continue;
        }
        AddForms(&verbs_.back(), l.substr(1, rc - 1));
        continue;
      }
      ParseVerb(l, ln);
    }
    Flush();
    EmitSynsets();
  }

 private:
  // "[032:033]" -> "032"; "[025?]" (an uncertain code) -> "025".
  static std::string FirstCode(std::string_view inside) {
    std::string c(Trim(inside));
    size_t colon = c.find(':');
    if (colon != std::string::npos) c = std::string(Trim(c.substr(0, colon)));
    while (c.size() > 1 && (c.back() == '?' || c.back() == '!')) c.pop_back();
    return c;
  }
  // "[032:033]" -> "033" (what the target does in return), else "".
  static std::string SecondCode(std::string_view inside) {
    size_t colon = inside.find(':');
    if (colon == std::string_view::npos) return "";
    std::string c = FirstCode(inside.substr(colon + 1));
    return UsableCode(c) ? c : "";
  }
  // "---" (do not code), "+++" (complex) and "###" (discard) add nothing.
  static bool NoCode(const std::string& c) { return c.empty() || c == "---" || c == "+++" || c == "###"; }
  static bool UsableCode(const std::string& c) {
    if (NoCode(c)) return false;
    for (char ch : c) {
      if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return false;
    }
    return true;
  }

  void AddForms(Verb* v, std::string_view inside) {
    for (const auto& f : SplitTrim(inside, " ")) {
      std::string w = f;
      size_t plus = w.find('+');
      std::string head;
      if (plus != std::string::npos) {
        std::string rest = w.substr(plus + 1);
        head = rest.substr(0, rest.find('_'));
      } else {
        head = w.substr(0, w.find('_'));
      }
      head = PhraseWords(head);
      if (!head.empty()) v->forms.push_back(head);
    }
  }

  void ParseVerb(std::string_view l, int ln) {
    std::string code, reverse;
    bool dominant = false;  // TABARI "[031!]": see VerbPattern::dominant
    size_t lb = l.find('[');
    if (lb != std::string_view::npos) {
      size_t rb = l.find(']', lb);
      if (rb == std::string_view::npos) {
        Warn(warnings_, path_, ln, "unclosed '['");
        return;
      }
      code = FirstCode(l.substr(lb + 1, rb - lb - 1));
      reverse = SecondCode(l.substr(lb + 1, rb - lb - 1));
      dominant = Trim(l.substr(lb + 1, rb - lb - 1)).find('!') != std::string_view::npos;
      l = Trim(l.substr(0, lb));
    } else if (!petrarch_) {
      Warn(warnings_, path_, ln, "verb without [CODE]");
      return;
    }
    std::string_view forms;
    bool has_forms = false;
    size_t lc = l.find('{');
    if (lc != std::string_view::npos) {
      size_t rc = l.find('}', lc);
      if (rc == std::string_view::npos) {
        Warn(warnings_, path_, ln, "unclosed '{'");
        return;
      }
      forms = l.substr(lc + 1, rc - lc - 1);
      has_forms = true;
      l = Trim(l.substr(0, lc));
    }
    if (l.empty() || l.find_first_of("*$%^&") != std::string_view::npos) {
      Warn(warnings_, path_, ln, "malformed verb line");
      return;
    }
    if (!petrarch_) {
      Flush();
      group_code_ = code;
      group_reverse_ = reverse;
      group_dominant_ = dominant;
      in_group_ = true;
      code.clear();
      reverse.clear();
    } else if (!in_group_) {
      Warn(warnings_, path_, ln, "verb outside a '--- NAME [CODE] ---' group");
      return;
    }
    // Compound verbs: `+` marks the head; words before it are dropped.
    std::string text(l);
    std::vector<std::string> words;
    size_t head = 0;
    {
      std::string cur;
      for (size_t k = 0; k <= text.size(); ++k) {
        char c = k < text.size() ? text[k] : ' ';
        if (c == '_' || c == ' ' || c == '\t') {
          if (!cur.empty()) words.push_back(cur);
          cur.clear();
        } else {
          cur.push_back(c);
        }
      }
      // Remember whether the word is exact (TABARI trailing `_`).
    }
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k][0] == '+') {
        head = k;
        words[k].erase(0, 1);
      }
    }
    if (words.empty() || words[head].empty()) {
      Warn(warnings_, path_, ln, "malformed verb line");
      return;
    }
    Verb v;
    v.line = ln;
    v.code = code;
    v.reverse = reverse;
    v.lemma = Lower(words[head]);
    bool exact = !text.empty() && text.back() == '_';
    if (!petrarch_ && !(exact && head + 1 == words.size())) v.lemma = CompleteStem(v.lemma);
    v.stem = !petrarch_ && exact && head + 1 == words.size() && v.lemma.back() != 'e';
    for (size_t k = head + 1; k < words.size(); ++k) v.after.push_back(Lower(words[k]));
    if (has_forms) AddForms(&v, forms);
    verbs_.push_back(std::move(v));
  }

  // Splits "&FIGHT_OF_WORDS_X" at the longest known synset name.
  std::string Tokenizable(std::string_view body) const {
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c == '&') {
        size_t j = i + 1;
        while (j < body.size() && (std::isalnum(static_cast<unsigned char>(body[j])) || body[j] == '_')) ++j;
        std::string name = Upper(std::string(body.substr(i + 1, j - i - 1)));
        std::string best;
        for (size_t k = name.size(); k > 0; --k) {
          std::string cand = name.substr(0, k);
          while (!cand.empty() && cand.back() == '_') cand.pop_back();
          if (known_synsets_.count(cand)) {
            best = cand;
            break;
          }
        }
        if (best.empty()) {
          best = name.substr(0, name.find('_'));
        }
        out += " &" + best + " ";
        // Skip the name's characters that belong to the synset.
        size_t used = 0, k = 0;
        while (k < name.size() && used < best.size()) {
          ++k;
          ++used;
        }
        i = i + k;  // loop increments past the last used char
        continue;
      }
      if (c == '_') out += JoinsWords(body, i) ? " _ " : EndsWord(body, i) ? "_" : " ";
      else if (c == '{' || c == '}' || c == '(' || c == ')' || c == '|' || c == '*') {
        out.push_back(' ');
        out.push_back(c);
        out.push_back(' ');
      } else {
        out.push_back(c);
      }
    }
    return out;
  }

  void ParsePattern(std::string_view body, int ln) {
    size_t lb = body.rfind('[');
    size_t rb = lb == std::string_view::npos ? lb : body.find(']', lb);
    if (lb == std::string_view::npos || rb == std::string_view::npos) {
      Warn(warnings_, path_, ln, "pattern without [CODE]");
      return;
    }
    std::string code = FirstCode(body.substr(lb + 1, rb - lb - 1));
    std::string reverse = SecondCode(body.substr(lb + 1, rb - lb - 1));
    if (NoCode(code)) return;  // "do not code": nothing to add
    if (!UsableCode(code)) {
      Warn(warnings_, path_, ln, "bad event code [" + std::string(body.substr(lb + 1, rb - lb - 1)) + "]");
      return;
    }
    std::vector<std::string> toks = SplitTrim(Tokenizable(body.substr(0, lb)), " ");
    auto star = std::find(toks.begin(), toks.end(), "*");
    if (star == toks.end()) {
      Warn(warnings_, path_, ln, "pattern has no '*' (the verb)");
      return;
    }
    Pattern p;
    p.code = code;
    p.reverse = reverse;
    p.line = ln;
    bool bad = false;
    // Words after the verb, then (TABARI's and PETRARCH's sparse patterns)
    // the words before it; `$` and `+` before the verb only say where the
    // actors stand, which the grammar knows.
    p.seqs = Sequence(star + 1, toks.end(), false, ln, &bad);
    if (bad) return;
    std::vector<std::vector<std::string>> pre = Sequence(toks.begin(), star, true, ln, &bad);
    if (bad) return;
    bool has_pre = false;
    for (const auto& s : pre) has_pre |= !s.empty();
    if (has_pre) {
      std::vector<std::vector<std::string>> next;
      for (const auto& b : pre) {
        for (const auto& a : p.seqs) {
          if (next.size() >= 64) break;
          auto n = b;
          n.push_back("*");
          n.insert(n.end(), a.begin(), a.end());
          next.push_back(std::move(n));
        }
      }
      p.seqs = std::move(next);
    }
    bool empty = true;
    for (const auto& s : p.seqs) empty &= s.empty();
    if (empty) {
      patterns_.push_back(std::move(p));  // "- * [CODE]": the bare verb
      return;
    }
    if (!in_group_) {
      Warn(warnings_, path_, ln, "pattern before any verb");
      return;
    }
    patterns_.push_back(std::move(p));
  }

  // TABARI matches a synset member's words as prefixes too ("YEN" matches
  // "yener") unless a `_` ends them ("KRONER_"): the last word of each
  // blank-separated part gets `~` (the words before a `_` inside a part,
  // "JAVANESE_YEN", end there).
  std::string PrefixMember(std::string_view member) const {
    if (petrarch_) return std::string(member);
    std::string out;
    for (const std::string& w : SplitTrim(member, " ")) {
      if (!out.empty()) out += ' ';
      out += w;
      unsigned char last = w.empty() ? 0 : static_cast<unsigned char>(w.back());
      if (std::isalpha(last) && w.find('&') == std::string::npos && w.find('\'') == std::string::npos) out += '~';
    }
    return out;
  }

  // The alternatives of a synset in a pattern: `&NAME` for its one-word
  // members, and each member of several words spelled out ("&CURRENCY" ->
  // &CURRENCY | austrian florin | swiss franc).
  // A member that names other synsets ("+&TIETYPES_MEMOS") is spelled out
  // with theirs in turn (`depth` bounds the nesting).
  static constexpr size_t kMaxSpelledOut = 12;
  std::vector<std::vector<std::string>> SynsetAlternatives(const std::string& name, int depth = 0) const {
    std::vector<std::vector<std::string>> alts;
    std::set<std::string> seen;
    bool single = false;
    std::function<void(const std::string&, int)> walk = [&](const std::string& n, int depth) {
      if (depth > 8 || !seen.insert(n).second) return;
      auto it = pre_synsets_.find(n);
      if (it == pre_synsets_.end()) return;
      for (const auto& m : it->second) {
        if (m.empty()) continue;
        if (m[0] == '&' && m.find(' ') == std::string::npos) {
          walk(SynsetName(m), depth + 1);
        } else if (m.find(' ') == std::string::npos) {
          single = true;
        } else if (m.find('&') == std::string::npos) {
          std::vector<std::string> words;
          for (auto w : SplitTrim(m, " ")) {
            while (!w.empty() && (w.back() == '$' || w.back() == '=')) w.pop_back();
            if (!w.empty()) words.push_back(w);
          }
          if (!words.empty()) alts.push_back(std::move(words));
        } else if (depth + 1 < 8) {
          std::vector<std::vector<std::string>> seqs(1);
          for (auto w : SplitTrim(m, " ")) {
            while (!w.empty() && (w.back() == '$' || w.back() == '=')) w.pop_back();
            if (w.empty()) continue;
            std::vector<std::vector<std::string>> inner{{w}};
            if (w[0] == '&') inner = SynsetAlternatives(SynsetName(w), depth + 1);
            std::vector<std::vector<std::string>> next;
            for (const auto& s : seqs) {
              for (const auto& a : inner) {
                if (next.size() >= kMaxSpelledOut) break;
                auto joined = s;
                joined.insert(joined.end(), a.begin(), a.end());
                next.push_back(std::move(joined));
              }
            }
            seqs = std::move(next);
          }
          for (auto& s : seqs) {
            if (!s.empty()) alts.push_back(std::move(s));
          }
        }
      }
    };
    walk(name, depth);
    if (single || alts.empty()) alts.insert(alts.begin(), std::vector<std::string>{"&" + name});
    return alts;
  }

  // Converts the tokens of one side of a pattern into word sequences, one per
  // alternative (`{ A | B }`, synsets with members of several words).
  std::vector<std::vector<std::string>> Sequence(std::vector<std::string>::const_iterator from,
                                                 std::vector<std::string>::const_iterator to, bool before_verb,
                                                 int ln, bool* bad) {
    std::vector<std::vector<std::string>> seqs(1);
    auto append = [](std::vector<std::vector<std::string>>* seqs, const std::string& w) {
      for (auto& s : *seqs) s.push_back(w);
    };
    auto cross = [](std::vector<std::vector<std::string>>* seqs, const std::vector<std::vector<std::string>>& alts) {
      std::vector<std::vector<std::string>> next;
      for (const auto& s : *seqs) {
        for (const auto& a : alts) {
          auto n = s;
          n.insert(n.end(), a.begin(), a.end());
          next.push_back(std::move(n));
        }
      }
      if (next.size() > 64) next.resize(64);
      *seqs = std::move(next);
    };
    // `joined`: a `_` follows the word ("FOR_ASYLUM"), which ends it there.
    auto convert = [&](std::string t, bool joined = false) -> std::string {
      // `%`: a compound subject; after the verb, TABARI's compound whose
      // members act on each other ("HAS * WITH %"), where PETRARCH means a
      // compound target, which any target slot takes.
      if (t == "%" && (before_verb || !petrarch_)) return t;
      if (t == "^") return before_verb ? "" : t;  // skip a noun phrase (after the verb only)
      while (!t.empty() && (t[0] == '^' || t[0] == '%')) t.erase(0, 1);
      if (t.empty()) return "";
      // TABARI's `+` before the verb ("SUGGESTED + * REQUIRE"): the target
      // stands among the words before the verb (the coder reads it so only
      // with EngineOptions::sparse_verbs); `$` there ("$ *"): a source before
      // the verb, which ranks the pattern above the bare verb. PETRARCH's
      // dictionaries drop a `$` before the verb and keep the `+`: with a `$`
      // after the verb the subject is the target ("+ * in $").
      if ((t == "+" || t == "$") && before_verb && !petrarch_) return t;
      if (t == "$") return before_verb ? "" : t;
      if (t == "+") return t;
      if (t[0] == '&') return "&" + SynsetName(t);
      if (t[0] == '+' || t[0] == '$') t.erase(0, 1);  // "+PARTY": the slot marker is kept apart
      // "RESOLUTION_": the word as written ("=resolution"), not "resolutions".
      bool exact = !before_verb && t.size() > 1 && t.back() == '_' && t[t.size() - 2] != '_';
      // TABARI: a `_` ends a word before the verb too, and so does one that
      // joins it to the next ("PLAN_TO_*" does not match "plans tos").
      if (!petrarch_ && (joined || (t.size() > 1 && t.back() == '_' && t[t.size() - 2] != '_'))) exact = true;
      // TABARI matches a pattern word as a prefix of the text's word
      // ("REVOLUTION" matches "revolutionary", "SAID" "saidth") unless a `_`
      // ends it ("ASYLUM_", "FOR_ASYLUM"); "REAL~" says so explicitly.
      bool prefix = !petrarch_ && (t.find('~') != std::string::npos || (!joined && t.back() != '_'));
      // "ANTI-": the text splits the hyphen off ("anti- Gondor"), and a
      // hyphen between pattern words may always stand.
      bool hyphen = !petrarch_ && t.size() > 1 && t.back() == '-';
      while (!t.empty() && (t.back() == '=' || t.back() == '_' || t.back() == '~' || (hyphen && t.back() == '-'))) t.pop_back();
      if (hyphen) prefix = false;
      std::string w = SplitContractions(Lower(t));
      if (prefix && !w.empty() && w.find(' ') == std::string::npos) return w + "~";
      return exact && !w.empty() && w.find(' ') == std::string::npos ? "=" + w : w;
    };
    // A word, or the alternatives of a synset that has members of several words.
    auto add = [&](std::vector<std::vector<std::string>>* into, const std::string& w) {
      if (w.empty()) return;
      if (w[0] == '&') {
        auto alts = SynsetAlternatives(w.substr(1));
        // Spelled out only for small synsets: a pattern crossed with dozens of
        // phrases multiplies the pattern table (and the coder's work) for
        // phrases news rarely uses.
        if (alts.size() > 1 && alts.size() <= kMaxSpelledOut) {
          cross(into, alts);
          return;
        }
      }
      append(into, w);
    };
    for (auto it = from; it != to; ++it) {
      const std::string& t = *it;
      if (t == "(" || t == ")" || t == "}" || t == "|") continue;
      if (t == "_") {  // the words around it stand next to each other
        append(&seqs, t);
        continue;
      }
      if (t == "*") {
        Warn(warnings_, path_, ln, "pattern has two '*'");
        *bad = true;
        break;
      }
      if (t == "{") {
        std::vector<std::vector<std::string>> alts(1);
        bool has_bar = false;
        auto close = std::find(it + 1, to, std::string("}"));
        // "BY_{ SHIRE | BREE }_LAWS": the `_` after the braces ends their words.
        const bool joined_after = close != to && close + 1 != to && *(close + 1) == "_";
        auto jt = it + 1;
        for (; jt != to && *jt != "}"; ++jt) {
          if (*jt == "|") {
            has_bar = true;
            alts.emplace_back();
          } else if (*jt == "_") {
            alts.back().push_back(*jt);
          } else if (*jt != "(" && *jt != ")") {
            std::string w = convert(*jt, (jt + 1 != to && *(jt + 1) == "_") ||
                                             (joined_after && jt + 1 != to && (*(jt + 1) == "|" || *(jt + 1) == "}")));
            if (!w.empty()) alts.back().push_back(w);
          }
        }
        if (jt == to) {
          Warn(warnings_, path_, ln, "unclosed '{'");
          *bad = true;
          break;
        }
        if (!has_bar) {
          for (const auto& w : alts[0]) add(&seqs, w);
        } else {
          cross(&seqs, alts);
        }
        it = jt;
        continue;
      }
      if (!before_verb && (t[0] == '+' || t[0] == '$') && t.size() > 1) append(&seqs, std::string(1, t[0]));
      add(&seqs, convert(t, it + 1 != to && *(it + 1) == "_"));
    }
    return seqs;
  }

  void Flush() {
    if (!in_group_) return;
    in_group_ = false;
    if (verbs_.empty() && !patterns_.empty()) {
      Warn(warnings_, path_, patterns_[0].line, "patterns without a verb");
    }
    for (const Verb& v : verbs_) {
      std::string code = v.code.empty() ? group_code_ : v.code;
      std::string reverse = v.code.empty() ? group_reverse_ : v.reverse;
      std::string base = v.lemma;
      for (const auto& a : v.after) base += " " + a;
      if (UsableCode(code)) {
        Entry e;
        e.kind = "verb";
        e.key = code;
        e.names.push_back(base);
        if (!reverse.empty()) e.fields.emplace_back("reverse", reverse);
        if (v.code.empty() && group_dominant_) e.fields.emplace_back("dominant", "true");
        e.file = path_;
        e.line = v.line;
        out_->push_back(std::move(e));
      } else if (!NoCode(code)) {
        Warn(warnings_, path_, v.line, "bad event code [" + code + "]");
      }
      // Irregular forms: those that are neither -ing, -ed nor -s forms.
      std::vector<std::string> irr, variants;
      for (const auto& f : v.forms) {
        // A listed form that starts with the lemma ("actxd", "actuality") is
        // a spelling variant, not an irregular inflection: it is one more
        // written form of the verb, kept beside the regular ones.
        if (IsRegularForm(v.lemma, f)) continue;
        auto& to = f.rfind(v.lemma, 0) == 0 ? variants : irr;
        if (std::find(to.begin(), to.end(), f) == to.end()) to.push_back(f);
      }
      if (v.stem && v.forms.empty()) {
        for (const char* ending : {"es", "en"}) variants.push_back(v.lemma + ending);
      }
      if ((!irr.empty() || !variants.empty()) && !irregular_done_.count(v.lemma)) {
        irregular_done_.insert(v.lemma);
        std::string past, participle;
        if (!irr.empty()) {
          past = irr[0];
          participle = irr.size() > 1 ? irr[1] : irr[0];
        } else {
          past = participle = RegularPast(v.lemma);
        }
        for (const auto& f : variants) {
          past += "/" + f;
          participle += "/" + f;
        }
        Entry e;
        e.kind = "irregular";
        e.key = v.lemma;
        e.file = path_;
        e.line = v.line;
        e.fields.emplace_back("past", past);
        e.fields.emplace_back("participle", participle);
        out_->push_back(std::move(e));
      }
    }
    for (const Pattern& p : patterns_) {
      Entry e;
      e.kind = "verb";
      e.key = p.code;
      if (!p.reverse.empty()) e.fields.emplace_back("reverse", p.reverse);
      e.file = path_;
      e.line = p.line;
      for (const Verb& v : verbs_) {
        std::string base = v.lemma;
        for (const auto& a : v.after) base += " " + a;
        for (const auto& s : p.seqs) {
          // "did not * clash over": the words before `*` stay before the verb.
          auto star = std::find(s.begin(), s.end(), "*");
          std::string name;
          bool glue = false;
          if (star != s.end()) {
            for (auto w = s.begin(); w != star; ++w) AppendPatternWord(*w, &name, &glue);
            if (glue) name += "_";  // "RECENT~_*": right before the verb
            if (!name.empty()) name += " ";
            name += "* ";
          }
          name += base;
          glue = false;
          for (auto w = star == s.end() ? s.begin() : star + 1; w != s.end(); ++w) AppendPatternWord(*w, &name, &glue);
          if (std::find(e.names.begin(), e.names.end(), name) == e.names.end()) e.names.push_back(name);
        }
      }
      if (!e.names.empty()) out_->push_back(std::move(e));
    }
    verbs_.clear();
    patterns_.clear();
  }

  void EmitSynsets() {
    // Resolve embedded synsets (+&OTHER), then keep single words.
    std::function<void(const std::string&, std::set<std::string>*, std::set<std::string>*, int)> collect =
        [&](const std::string& name, std::set<std::string>* words, std::set<std::string>* seen, int depth) {
          if (depth > 8 || !seen->insert(name).second) return;
          auto it = synsets_.find(name);
          if (it == synsets_.end()) return;
          for (const auto& m : it->second) {
            if (!m.empty() && m[0] == '&' && m.find(' ') == std::string::npos) {
              collect(SynsetName(m), words, seen, depth + 1);
            } else if (m.find(' ') != std::string::npos || m.find('&') != std::string::npos) {
              // spelled out in the patterns that use the synset
            } else if (!m.empty()) {
              words->insert(m);
            }
          }
        };
    for (const auto& [name, members] : synsets_) {
      std::set<std::string> words, seen;
      collect(name, &words, &seen, 0);
      Entry e;
      e.kind = "class";
      e.key = name;
      e.file = path_;
      e.line = synset_line_[name];
      for (const auto& w : words) {
        std::string t = w;
        while (!t.empty() && (t.back() == '$' || t.back() == '=')) t.pop_back();
        if (!t.empty()) e.names.push_back(t);
      }
      if (e.names.empty()) continue;  // members of several words only: spelled out in the patterns
      out_->push_back(std::move(e));
    }
  }

  std::string path_;
  bool petrarch_;
  std::vector<Entry>* out_;
  std::vector<std::string>* warnings_;
  std::set<std::string> known_synsets_;
  std::map<std::string, std::vector<std::string>> synsets_;
  std::map<std::string, std::vector<std::string>> pre_synsets_;  // all of the file's, from the pre-pass
  std::map<std::string, int> synset_line_;
  std::set<std::string> irregular_done_;
  bool in_group_ = false;
  std::string group_code_;
  std::string group_reverse_;
  bool group_dominant_ = false;  // TABARI: the verb line's code is dominant
  std::vector<Verb> verbs_;
  std::vector<Pattern> patterns_;
};

}  // namespace

void ImportVerbs(const std::string& path, const std::vector<std::string>& lines, bool petrarch,
                 std::vector<Entry>* out, std::vector<std::string>* warnings) {
  VerbImporter(path, petrarch, out, warnings).Run(lines);
}

void ImportPetrarchDiscards(const std::string& path, const std::vector<std::string>& lines,
                            std::vector<Entry>* out, std::vector<std::string>* warnings) {
  for (size_t i = 0; i < lines.size(); ++i) {
    int ln = static_cast<int>(i) + 1;
    std::string_view l = Trim(StripComment(lines[i]));
    if (l.empty()) continue;
    bool story = l[0] == '+';
    if (story) l = Trim(l.substr(1));
    if (l.find_first_of("[]{}") != std::string_view::npos) {
      Warn(warnings, path, ln, "discard phrase with brackets");
      continue;
    }
    std::string words = PhraseWords(l);
    if (words.empty()) {
      Warn(warnings, path, ln, "empty discard");
      continue;
    }
    Entry e;
    e.kind = "discard";
    e.key = story ? "story" : "sentence";
    e.names.push_back(words);
    e.file = path;
    e.line = ln;
    out->push_back(std::move(e));
  }
}

// Issues: <ISSUE CATEGORY="X" TYPE="Y"> sections of `phrase [CODE]` lines;
// `~phrase` excludes a phrase; `n:word` marks a noun, `+` joins words
// ("pre+k"). Emitted as `issue CODE : phrase ; category=X` and
// `issue : phrase ; category=X ; exclude=yes`.
void ImportPetrarchIssues(const std::string& path, const std::vector<std::string>& lines,
                          std::vector<Entry>* out, std::vector<std::string>* warnings) {
  std::string category, type;
  auto attr = [](std::string_view tag, const std::string& name) {
    size_t p = tag.find(name + "=\"");
    if (p == std::string_view::npos) return std::string();
    p += name.size() + 2;
    size_t q = tag.find('"', p);
    return std::string(tag.substr(p, q == std::string_view::npos ? tag.npos : q - p));
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    int ln = static_cast<int>(i) + 1;
    std::string_view l = Trim(StripComment(lines[i]));
    if (l.empty()) continue;
    if (l.substr(0, 6) == "<ISSUE") {
      category = attr(l, "CATEGORY");
      type = attr(l, "TYPE");
      if (category.empty()) Warn(warnings, path, ln, "<ISSUE> without CATEGORY");
      continue;
    }
    if (l.substr(0, 7) == "</ISSUE") {
      category.clear();
      continue;
    }
    if (l[0] == '<') {
      Warn(warnings, path, ln, "unknown tag");
      continue;
    }
    if (category.empty()) {
      Warn(warnings, path, ln, "issue phrase outside an <ISSUE> section");
      continue;
    }
    bool exclude = l[0] == '~';
    if (exclude) l = Trim(l.substr(1));
    std::string code;
    size_t lb = l.find('[');
    if (lb != std::string_view::npos) {
      size_t rb = l.find(']', lb);
      if (rb == std::string_view::npos) {
        Warn(warnings, path, ln, "unclosed '['");
        continue;
      }
      code = std::string(Trim(l.substr(lb + 1, rb - lb - 1)));
      l = Trim(l.substr(0, lb));
    } else if (!exclude) {
      Warn(warnings, path, ln, "issue phrase without [CODE]");
      continue;
    }
    std::string phrase;
    for (const auto& w : SplitTrim(l, " ")) {
      std::string t = w.rfind("n:", 0) == 0 ? w.substr(2) : w;
      for (char& c : t) {
        if (c == '+') c = ' ';
      }
      if (!phrase.empty()) phrase += " ";
      phrase += t;
    }
    phrase = PhraseWords(phrase);
    if (phrase.empty()) {
      Warn(warnings, path, ln, "empty issue phrase");
      continue;
    }
    Entry e;
    e.kind = "issue";
    e.key = code;
    e.names.push_back(phrase);
    e.fields.emplace_back("category", category);
    if (!type.empty()) e.fields.emplace_back("type", type);
    if (exclude) e.fields.emplace_back("exclude", "yes");
    e.file = path;
    e.line = ln;
    out->push_back(std::move(e));
  }
}

}  // namespace import_internal
}  // namespace dragoman

namespace dragoman {
namespace import_internal {

size_t CodingOntology::Read(const std::vector<std::string>& lines) {
  for (const auto& raw : lines) {
    std::string_view l = Trim(raw);
    if (l.empty() || l[0] == '#') continue;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    std::string code(Trim(l.substr(0, colon)));
    std::string_view expr = Trim(l.substr(colon + 1));
    expr = Trim(expr.substr(0, expr.find('#')));
    Value v;
    bool ok = !expr.empty();
    size_t i = 0;
    while (ok && i < expr.size()) {
      int sign = 1;
      if (expr[i] == '+' || expr[i] == '-') sign = expr[i++] == '-' ? -1 : 1;
      size_t j = i;
      while (j < expr.size() && expr[j] != '+' && expr[j] != '-') ++j;
      std::string term(Trim(expr.substr(i, j - i)));
      char* end = nullptr;
      long x = std::strtol(term.c_str(), &end, 16);
      if (term.empty() || *end != '\0') {
        ok = false;
        break;
      }
      if (x == 0xFFFF && v.nots == 0) v.nots = sign;
      else v.base += sign * x;
      i = j;
    }
    // "0x1007f" is 0xFFFF + 0x0080 written as one number.
    if (ok && v.nots == 0 && v.base > 0xFFFF) {
      v.base -= 0xFFFF;
      v.nots = 1;
    }
    if (ok) codes_.emplace_back(code, v);
  }
  return codes_.size();
}

std::string CodingOntology::Negate(const std::string& code) const {
  for (const auto& [c, v] : codes_) {
    if (c != code) continue;
    if (v.nots == 0) return code;
    for (const auto& [d, w] : codes_) {
      if (w.nots == 0 && w.base == v.base) return d;
    }
    return code;
  }
  return code;
}

}  // namespace import_internal
}  // namespace dragoman
