// Shared helpers of the importers, the actor and agent parsers (TABARI and
// PETRARCH use the same layout for both), TABARI's .options parser and the
// ImportDictionary dispatcher. The verb, discard and issue parsers are in
// petrarch.cc.
//
// Actor layout (TABARI .actors, PETRARCH *.actors.txt):
//   PHRASE_WITH_UNDERSCORES [CODE] [CODE <YYMMDD] ...   ; or # comment
//   +SYNONYM                                            (PETRARCH, and TABARI demo)
//   \t[CODE FROM-TO]                                    code block on its own line
// A blank between two words of a TABARI name lets other words stand there
// ("DURTHANG ORC"); `_` does not. TABARI also has <NOUN>...</NOUN> /
// <ADJECTIVE>... sections (part-of-speech hints, kept as word classes; other
// sections are skipped) and ends at "~~FINISH".
//
// Agent layout: PHRASE [~CODE] (TABARI; `[CODE~]` puts the agent code first)
// and PETRARCH's PHRASE {PLURAL PLURAL} [~CODE] with `{}` meaning "no
// plural" and macros `!PERSON! = MAN, MEN, ...` substituted into phrases.
#include <unicode/utf8.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "import/import.h"
#include "lexicon/model.h"

namespace dragoman {
namespace import_internal {

Status ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string raw = ss.str();
  // Repair: bytes that do not form valid UTF-8 are Latin-1.
  std::string text;
  text.reserve(raw.size());
  int32_t i = 0, n = static_cast<int32_t>(raw.size());
  const uint8_t* s = reinterpret_cast<const uint8_t*>(raw.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) {
      text.append(raw, start, i - start);
    } else {
      i = start + 1;
      uint8_t b = s[start];
      text.push_back(static_cast<char>(0xC0 | (b >> 6)));
      text.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  lines->clear();
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (nl == std::string::npos) {
      if (!line.empty()) lines->push_back(std::move(line));
      break;
    }
    lines->push_back(std::move(line));
    pos = nl + 1;
  }
  return Status::Ok();
}

std::string_view StripComment(std::string_view line) {
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (depth == 0 && c == ';') return line.substr(0, i);
    else if (depth == 0 && c == '#' &&
             (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t' || line[i - 1] == ']'))
      return line.substr(0, i);
  }
  return line;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string PhraseWords(std::string_view phrase) {
  std::string out;
  bool blank = false;
  for (char c : phrase) {
    if (c == '_' || c == ' ' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == '=' || out.back() == '_')) out.pop_back();
  return Lower(out);
}

std::string GappedPhraseWords(std::string_view phrase) {
  std::string words;
  // A blank between two words (not after a `_`, nor at either end) is
  // TABARI's gap: "DURTHANG ORC" -> "DURTHANG … ORC".
  std::string_view p = Trim(phrase);
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if ((c == ' ' || c == '\t') && i > 0 && p[i - 1] != ' ' && p[i - 1] != '\t' && p[i - 1] != '_') {
      size_t j = p.find_first_not_of(" \t", i);
      if (j != std::string_view::npos && p[j] != '_') {
        words += " " + std::string(kNameGapMark) + " ";
        i = j - 1;
        continue;
      }
    }
    words.push_back(c);
  }
  return PhraseWords(words);
}

std::string TitleCase(const std::string& lower) {
  std::string out = lower;
  for (size_t i = 0; i < out.size(); ++i) {
    bool start = i == 0 || out[i - 1] == ' ' || out[i - 1] == '.' || out[i - 1] == '-' || out[i - 1] == '(';
    if (start && out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 'a' + 'A');
  }
  return out;
}

std::string PeerDate(std::string_view d) {
  for (char c : d) {
    if (c < '0' || c > '9') return "";
  }
  std::string y, m, day;
  if (d.size() == 6) {
    int yy = std::atoi(std::string(d.substr(0, 2)).c_str());
    y = (yy < 30 ? "20" : "19") + std::string(d.substr(0, 2));
    m = d.substr(2, 2);
    day = d.substr(4, 2);
  } else if (d.size() == 8) {
    y = d.substr(0, 4);
    m = d.substr(4, 2);
    day = d.substr(6, 2);
  } else {
    return "";
  }
  int mi = std::atoi(m.c_str()), di = std::atoi(day.c_str());
  if (mi < 1 || mi > 12 || di < 1 || di > 31) return "";
  return y + "-" + m + "-" + day;
}

std::string ShiftDate(const std::string& iso, int days) {
  using namespace std::chrono;
  int y = std::atoi(iso.substr(0, 4).c_str());
  unsigned m = static_cast<unsigned>(std::atoi(iso.substr(5, 2).c_str()));
  unsigned d = static_cast<unsigned>(std::atoi(iso.substr(8, 2).c_str()));
  year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) ymd = year_month_day{year_month_day_last{year{y}, month_day_last{month{m}}}};  // "990231": clamp
  year_month_day r{sys_days{ymd} + std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(r.year()), static_cast<unsigned>(r.month()),
                static_cast<unsigned>(r.day()));
  return buf;
}

bool ParseActorCode(std::string_view inside, ActorCode* out, std::string* error) {
  inside = Trim(inside);
  size_t sp = inside.find_first_of(" \t<>");
  std::string code(inside.substr(0, sp));
  if (code.empty() || (code[0] >= '0' && code[0] <= '9' && code.find('-') != std::string::npos)) {
    *error = "code block [" + std::string(inside) + "] lacks a code";
    return false;
  }
  out->code = code;
  out->range.clear();
  if (sp == std::string_view::npos) return true;
  std::string rest;
  for (char c : inside.substr(sp)) {
    if (c != ' ' && c != '\t') rest.push_back(c);
  }
  if (rest.empty()) return true;
  auto bad = [&] {
    *error = "bad date restriction '" + std::string(inside.substr(sp)) + "' in [" + std::string(inside) + "]";
    return false;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    std::string d = PeerDate(rest.substr(1));
    if (d.empty()) return bad();
    // Strictly before / after the date.
    out->range = rest[0] == '<' ? ".." + ShiftDate(d, -1) : ShiftDate(d, 1) + "..";
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) return bad();
  std::string from = PeerDate(rest.substr(0, dash)), to = PeerDate(rest.substr(dash + 1));
  if (from.empty() || to.empty()) return bad();
  // Two-digit years: "270101-730717" is 1927-1973, not 2027-1973.
  if (to < from && dash == 6 && from[0] == '2') from = "19" + from.substr(2);
  if (to < from) {
    *error = "date range in [" + std::string(inside) + "] ends before it starts";
    return false;
  }
  out->range = from + ".." + to;
  return true;
}

namespace {

void Warn(std::vector<std::string>* warnings, const std::string& path, int line, const std::string& msg) {
  if (warnings) warnings->push_back(path + ":" + std::to_string(line) + ": " + msg);
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (s.empty()) return;
  for (const auto& x : *v) {
    if (x == s) return;
  }
  v->push_back(s);
}

// Splits "PHRASE [A] [B <D]" into the phrase and the insides of the blocks.
bool SplitBlocks(std::string_view l, std::string* phrase, std::vector<std::string>* blocks, std::string* error) {
  size_t b = l.find('[');
  *phrase = std::string(Trim(l.substr(0, b)));
  while (b != std::string_view::npos) {
    size_t e = l.find(']', b);
    if (e == std::string_view::npos) {
      *error = "unclosed '['";
      return false;
    }
    blocks->emplace_back(l.substr(b + 1, e - b - 1));
    std::string_view between = Trim(l.substr(e + 1));
    b = l.find('[', e);
    std::string_view gap = b == std::string_view::npos ? between : Trim(l.substr(e + 1, b - e - 1));
    if (!gap.empty()) {
      *error = "text '" + std::string(gap) + "' after a code block";
      return false;
    }
  }
  return true;
}

}  // namespace

void ImportActors(const std::string& path, const std::vector<std::string>& lines, std::vector<Entry>* out,
                  std::vector<std::string>* warnings, bool stems) {
  // TABARI matches a name's last word as a stem unless it ends in `_`
  // ("LIBYA_"): only words of letters, of three or more ("U.S." is exact).
  // An exact name also takes TABARI's noun ending -s ("LIBYA_" matches
  // "Libyas", "ITHILEN_GOVERNMENT_RADIO_" "Ithilen government radios").
  auto add_name = [&](std::vector<std::string>* names, std::string_view phrase) {
    std::string n = TitleCase(stems ? GappedPhraseWords(phrase) : PhraseWords(phrase));
    size_t sp = n.rfind(' ');
    std::string_view last = std::string_view(n).substr(sp == std::string::npos ? 0 : sp + 1);
    bool letters = last.size() >= 3;
    for (char c : last) letters &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!stems || phrase.empty() || !letters) {
      AddUnique(names, n);
    } else if (phrase.back() != '_' && phrase.back() != '=') {
      AddUnique(names, n + "*");
    } else {
      AddUnique(names, n);
      if (phrase.back() == '_' && last.back() != 's' && last.back() != 'S') AddUnique(names, n + "s");
    }
  };
  struct Pending {
    std::vector<std::string> names;
    std::vector<ActorCode> codes;
    std::string phrase;
    int line = 0;
  } cur;
  bool active = false;
  auto flush = [&] {
    if (!active) return;
    active = false;
    if (cur.names.empty()) return;
    if (cur.codes.empty()) {
      Warn(warnings, path, cur.line, "actor '" + cur.phrase + "' has no code");
      return;
    }
    Entry e;
    e.file = path;
    e.line = cur.line;
    e.names = cur.names;
    std::string fallback;
    bool dated = false;
    for (const auto& c : cur.codes) {
      if (c.range.empty()) {
        if (fallback.empty()) fallback = c.code;
      } else {
        dated = true;
      }
    }
    if (!dated && fallback == "###") {
      // TABARI/PETRARCH "###": a sentence naming this actor is discarded.
      e.kind = "discard";
      e.key = "sentence";
    } else if (!dated) {
      e.kind = "org";
      e.key = fallback;
      // The peers add an agent's code to any actor's ("Gonzo GMO activists").
      e.fields.emplace_back("roles", "stack");
    } else {
      e.kind = "person";
      for (const auto& c : cur.codes) {
        if (!c.range.empty()) e.fields.emplace_back("role", c.code + " " + c.range);
      }
      if (!fallback.empty()) e.fields.emplace_back("role", fallback);
    }
    out->push_back(std::move(e));
  };
  bool in_section = false;
  // TABARI's <NOUN> and <ADJECTIVE> sections: words it knows as such, which
  // keep an "and" between two of them inside one noun phrase ("awful and
  // evil minister"). Kept as the word classes kTabariNouns, kTabariAdjectives.
  std::map<std::string, Entry> word_classes;
  std::string section_class;
  for (size_t i = 0; i < lines.size(); ++i) {
    int ln = static_cast<int>(i) + 1;
    std::string_view l = Trim(StripComment(lines[i]));
    if (l.empty()) continue;
    if (l.substr(0, 2) == "~~") break;  // TABARI end of file
    if (l[0] == '<') {
      in_section = l.size() > 1 && l[1] != '/';
      std::string tag = Lower(l);
      section_class = !in_section ? "" : tag == "<noun>" ? kTabariNouns : tag == "<adjective>" ? kTabariAdjectives : "";
      continue;
    }
    if (in_section) {
      if (!section_class.empty() && l.find('[') == std::string_view::npos) {
        Entry& e = word_classes[section_class];
        if (e.kind.empty()) {
          e.kind = "class";
          e.key = section_class;
          e.file = path;
          e.line = ln;
        }
        AddUnique(&e.names, PhraseWords(l));
      }
      continue;
    }
    std::string phrase, error;
    std::vector<std::string> blocks;
    if (!SplitBlocks(l, &phrase, &blocks, &error)) {
      Warn(warnings, path, ln, error);
      continue;
    }
    std::vector<ActorCode> codes;
    bool ok = true;
    for (const auto& b : blocks) {
      ActorCode c;
      if (!ParseActorCode(b, &c, &error)) {
        Warn(warnings, path, ln, error);
        ok = false;
        break;
      }
      codes.push_back(c);
    }
    if (!ok) continue;
    if (phrase.empty()) {  // a code block on its own line
      if (!active) {
        Warn(warnings, path, ln, "code block without an actor");
        continue;
      }
      cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
      continue;
    }
    if (phrase[0] == '+') {  // synonym of the current actor
      if (!active) {
        Warn(warnings, path, ln, "synonym '" + phrase + "' without an actor");
        continue;
      }
      add_name(&cur.names, std::string_view(phrase).substr(1));
      cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
      continue;
    }
    if (active && cur.codes.empty()) {
      // Names listed one after another before a code block share it.
      add_name(&cur.names, phrase);
      cur.codes = codes;
      continue;
    }
    flush();
    active = true;
    cur = Pending();
    cur.line = ln;
    cur.phrase = phrase;
    cur.codes = codes;
    add_name(&cur.names, phrase);
  }
  flush();
  for (auto& [key, e] : word_classes) {
    if (!e.names.empty()) out->push_back(std::move(e));
  }
}

void ImportAgents(const std::string& path, const std::vector<std::string>& lines, std::vector<Entry>* out,
                  std::vector<std::string>* warnings) {
  std::map<std::string, std::vector<std::string>> macros;  // "!PERSON!" -> words
  bool in_section = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    int ln = static_cast<int>(i) + 1;
    std::string_view l = Trim(StripComment(lines[i]));
    if (l.empty()) continue;
    if (l.substr(0, 2) == "~~") break;
    if (l[0] == '<') {
      in_section = l.size() > 1 && l[1] != '/';
      continue;
    }
    if (in_section) continue;
    if (l[0] == '!' && l.find('=') != std::string_view::npos) {
      size_t eq = l.find('=');
      std::string name(Trim(l.substr(0, eq)));
      if (name.size() < 3 || name.back() != '!') {
        Warn(warnings, path, ln, "bad substitution '" + name + "' (want !NAME! = A, B)");
        continue;
      }
      macros[name] = SplitTrim(l.substr(eq + 1), ",");
      continue;
    }
    size_t lb = l.find('['), rb = l.find(']');
    if (lb == std::string_view::npos || rb == std::string_view::npos || rb < lb) {
      Warn(warnings, path, ln, "agent without a [~CODE] block");
      continue;
    }
    std::string code(Trim(l.substr(lb + 1, rb - lb - 1)));
    bool prefix = false;
    if (!code.empty() && code[0] == '~') {
      code = std::string(Trim(code.substr(1)));
    } else if (!code.empty() && code.back() == '~') {
      code.pop_back();
      code = std::string(Trim(code));
      prefix = true;
    } else {
      Warn(warnings, path, ln, "agent code [" + code + "] lacks '~'");
    }
    if (code.empty() || code.find_first_of(" \t") != std::string::npos) {
      Warn(warnings, path, ln, "bad agent code [" + std::string(l.substr(lb + 1, rb - lb - 1)) + "]");
      continue;
    }
    std::string_view head = Trim(l.substr(0, lb));
    bool braces = false;
    std::vector<std::string> plurals;
    size_t lc = head.find('{');
    if (lc != std::string_view::npos) {
      size_t rc = head.find('}', lc);
      if (rc == std::string_view::npos) {
        Warn(warnings, path, ln, "unclosed '{'");
        continue;
      }
      braces = true;
      for (const auto& p : SplitTrim(head.substr(lc + 1, rc - lc - 1), " ")) plurals.push_back(p);
      head = Trim(head.substr(0, lc));
    }
    if (head.empty()) {
      Warn(warnings, path, ln, "agent without a phrase");
      continue;
    }
    // Macro substitution, repeatedly (a phrase may hold several).
    std::vector<std::string> phrases{std::string(head)};
    bool substituted = false;
    for (int round = 0; round < 4; ++round) {
      std::vector<std::string> next;
      bool any = false;
      for (const auto& p : phrases) {
        size_t a = p.find('!');
        size_t b = a == std::string::npos ? a : p.find('!', a + 1);
        if (b == std::string::npos) {
          next.push_back(p);
          continue;
        }
        std::string name = p.substr(a, b - a + 1);
        auto it = macros.find(name);
        if (it == macros.end()) {
          Warn(warnings, path, ln, "unknown substitution " + name);
          next.clear();
          phrases.clear();
          break;
        }
        any = true;
        for (const auto& v : it->second) next.push_back(p.substr(0, a) + v + p.substr(b + 1));
      }
      phrases = std::move(next);
      substituted |= any;
      if (!any) break;
    }
    if (phrases.empty()) continue;
    Entry e;
    e.kind = "agent";
    e.key = code;
    e.file = path;
    e.line = ln;
    for (const auto& p : phrases) {
      std::string w = PhraseWords(p);
      AddUnique(&e.names, w);
      if (!braces && !substituted && !w.empty()) {
        size_t sp = w.rfind(' ');
        std::string last = w.substr(sp == std::string::npos ? 0 : sp + 1);
        // Words already plural ("christians", "services") keep their form.
        bool plural = last.size() > 2 && last.back() == 's' && last[last.size() - 2] != 's';
        std::string pl = plural ? last : Model::Plural(last);
        if (pl != last) AddUnique(&e.names, w.substr(0, sp == std::string::npos ? 0 : sp + 1) + pl);
      }
    }
    for (const auto& p : plurals) AddUnique(&e.names, PhraseWords(p));
    if (prefix) e.fields.emplace_back("order", "prefix");
    out->push_back(std::move(e));
  }
}

void ImportTabariOptions(const std::string& path, const std::vector<std::string>& lines,
                         std::vector<Entry>* out, std::vector<std::string>* warnings) {
  static const std::set<std::string> known = {"COMPLEX", "SET",    "OUTPUT", "LABEL", "DEFAULT", "FORWARD",
                                              "COMMA",   "DELETE", "ISSUES", "CODE",  "TIME",    "DATE"};
  for (size_t i = 0; i < lines.size(); ++i) {
    int ln = static_cast<int>(i) + 1;
    std::string_view l = Trim(lines[i]);
    if (l.empty() || l.substr(0, 2) == "//") continue;
    if (l.substr(0, 2) == "~~") break;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) {
      Warn(warnings, path, ln, "option line lacks 'COMMAND:'");
      continue;
    }
    std::string cmd(Trim(l.substr(0, colon)));
    if (!known.count(cmd)) {
      Warn(warnings, path, ln, "unknown option command '" + cmd + "'");
      continue;
    }
    if (cmd == "LABEL" && l.find('=', colon) == std::string_view::npos) {
      Warn(warnings, path, ln, "LABEL lacks CODE=NAME");
    }
  }
  (void)out;  // options configure TABARI itself; nothing to add to the model
}

}  // namespace import_internal

std::string FormatEntryLine(const Entry& e) {
  auto clean = [](const std::string& s) {
    std::string out;
    for (char c : s) out.push_back(c == '|' || c == ';' || c == '#' || c == '\t' ? ' ' : c);
    return std::string(Trim(out));
  };
  std::string line = e.kind;
  if (!e.key.empty()) line += " " + clean(e.key);
  line += " :";
  bool first = true;
  for (const auto& n : e.names) {
    std::string c = clean(n);
    if (c.empty()) continue;
    line += first ? " " : " | ";
    line += c;
    first = false;
  }
  for (const auto& [k, v] : e.fields) {
    // A field value may list alternatives with " | ": keep those.
    std::string val;
    for (char c : v) val.push_back(c == ';' || c == '#' ? ' ' : c);
    line += " ; " + k + "=" + std::string(Trim(val));
  }
  return line;
}

Status ImportDictionary(const std::string& format, const std::string& path, std::vector<Entry>* out,
                        std::vector<std::string>* warnings) {
  using namespace import_internal;
  static const std::set<std::string> formats = {
      "tabari-actors",    "tabari-verbs",    "tabari-agents",     "tabari-options", "petrarch-verbs",
      "petrarch-actors",  "petrarch-agents", "petrarch-discards", "petrarch-issues"};
  if (!formats.count(format)) return Status::InvalidArgument("unknown dictionary format '" + format + "'");
  std::vector<std::string> lines;
  DM_RETURN_IF_ERROR(ReadLines(path, &lines));
  bool petrarch = format.rfind("petrarch-", 0) == 0;
  if (petrarch) StripXmlComments(&lines);
  std::string what = format.substr(format.find('-') + 1);
  if (what == "actors") ImportActors(path, lines, out, warnings, /*stems=*/!petrarch);
  else if (what == "agents") ImportAgents(path, lines, out, warnings);
  else if (what == "verbs") ImportVerbs(path, lines, petrarch, out, warnings);
  else if (what == "options") ImportTabariOptions(path, lines, out, warnings);
  else if (what == "discards") ImportPetrarchDiscards(path, lines, out, warnings);
  else if (what == "issues") ImportPetrarchIssues(path, lines, out, warnings);
  return Status::Ok();
}

}  // namespace dragoman
