#include "import/validate.h"

#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <cstring>
#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dragoman/engine.h"
#include "import/import.h"
#include "analyze/analysis.h"
#include "lexicon/dictionary.h"
#include "lexicon/model.h"
#include "segment/tokenizer.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;
using import_internal::PeerDate;

struct Triple {
  std::string src, tgt, code;
  bool operator==(const Triple& o) const { return src == o.src && tgt == o.tgt && code == o.code; }
  std::string Str() const { return src + "/" + tgt + "/" + code; }
};

// One item of a suite, in file order: a record to code, or option changes.
struct Item {
  std::string id, date, text;
  std::vector<Triple> expected;
  bool expects = false;          // has an expectation (events or "none")
  std::string skip;              // why the record is not evaluated, or ""
  std::vector<std::string> options;  // applied before the record is coded
  // TABARI: options in a record's comment take effect once it is coded (a
  // comment left open runs on into the next record's options, and the
  // record's own expectation was coded under the options before them).
  std::vector<std::string> options_after;
};

struct Suite {
  std::vector<std::pair<std::string, std::string>> dicts;  // format, path
  std::string ontology;  // UD-PETRARCH's coding ontology file, or ""
  std::vector<Item> items;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool blank = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// ---- TABARI -------------------------------------------------------------

bool LoadTabari(const std::string& path, Suite* suite, std::string* error) {
  std::vector<std::string> lines;
  if (Status s = import_internal::ReadLines(path, &lines); !s.ok()) {
    *error = s.message();
    return false;
  }
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  std::string text_file;
  static const std::map<std::string, std::string> kinds = {{"actorsfile", "tabari-actors"},
                                                           {"verbsfile", "tabari-verbs"},
                                                           {"agentsfile", "tabari-agents"},
                                                           {"optionsfile", "tabari-options"}};
  for (const auto& l : lines) {
    std::string_view t = Trim(l);
    if (t.empty() || t[0] != '<') continue;
    size_t gt = t.find('>');
    if (gt == std::string_view::npos) continue;
    std::string tag = std::string(t.substr(1, gt - 1));
    std::string file(Trim(t.substr(gt + 1)));
    if (file.empty()) continue;
    std::string full = (fs::path(dir) / file).string();
    auto it = kinds.find(tag);
    if (it != kinds.end()) suite->dicts.emplace_back(it->second, full);
    else if (tag == "textfile") text_file = full;
  }
  if (text_file.empty()) {
    *error = path + ": no <textfile> in the project";
    return false;
  }
  std::vector<std::string> text;
  if (Status s = import_internal::ReadLines(text_file, &text); !s.ok()) {
    *error = s.message();
    return false;
  }
  static const std::regex head(R"(^(\d{6})\s+(\S+)\s*$)");
  static const std::regex brace(R"((-?)\s*\{([^}]*)\})");
  for (size_t i = 0; i < text.size(); ++i) {
    std::smatch m;
    if (!std::regex_match(text[i], m, head)) continue;
    Item item;
    item.date = PeerDate(m[1].str());
    item.id = m[2].str();
    if (item.id == "FINAL-01") break;  // the end of the standard records
    std::string body, comment;
    size_t k = i + 1;
    bool in_comment = false, done = false;
    for (; k < text.size() && !done; ++k) {
      std::string l = text[k];
      if (!in_comment) {
        size_t c = l.find("/*");
        if (c == std::string::npos) {
          body += l + "\n";
          continue;
        }
        body += l.substr(0, c);
        l = l.substr(c + 2);
        in_comment = true;
      }
      size_t e = l.find("*/");
      if (e != std::string::npos) {
        comment += l.substr(0, e);
        done = true;
      } else {
        comment += l + "\n";
      }
    }
    i = k - 1;
    item.text = Collapse(body);
    // "{ OPTION: SET: MINIMUM WORDS = 4  */": TABARI reads an option whose
    // brace the comment end closes.
    if (std::count(comment.begin(), comment.end(), '{') > std::count(comment.begin(), comment.end(), '}'))
      comment += "}";
    for (auto it = std::sregex_iterator(comment.begin(), comment.end(), brace); it != std::sregex_iterator(); ++it) {
      bool minus = !(*it)[1].str().empty();
      std::string inside = Collapse((*it)[2].str());
      if (inside.empty()) continue;
      if (inside.rfind("OPTION:", 0) == 0) {
        item.options_after.push_back(Collapse(inside.substr(7)));
        continue;
      }
      if (minus) {
        item.skip = "-{...}";
        continue;
      }
      if (inside == "---" || inside == "+++" || inside == "###") {
        item.expects = true;
        continue;
      }
      std::vector<std::string> parts = SplitTrim(inside, "/");
      if (parts.size() != 3) continue;  // a remark in braces
      item.expects = true;
      item.expected.push_back({parts[0], parts[1], parts[2]});
    }
    if (!item.expects && item.skip.empty()) item.skip = "no expectation";
    suite->items.push_back(std::move(item));
  }
  return true;
}

// ---- PETRARCH XML ---------------------------------------------------------

std::map<std::string, std::string> Attrs(const std::string& tag) {
  // Single quotes hold a value with double quotes: PETRARCH's new actors
  // (sourcecode='"THE RANGERS"').
  static const std::regex attr(R"re(([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'))re");
  std::map<std::string, std::string> out;
  for (auto it = std::sregex_iterator(tag.begin(), tag.end(), attr); it != std::sregex_iterator(); ++it)
    out[(*it)[1].str()] = (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
  return out;
}

std::string XmlText(std::string s) {
  static const std::pair<const char*, const char*> ents[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : ents) {
    size_t p = 0;
    while ((p = s.find(from, p)) != std::string::npos) {
      s.replace(p, std::strlen(from), to);
      p += std::strlen(to);
    }
  }
  return s;
}

std::string Element(const std::string& xml, const std::string& name) {
  size_t a = xml.find("<" + name + ">");
  if (a == std::string::npos) return "";
  a += name.size() + 2;
  size_t b = xml.find("</" + name + ">", a);
  return b == std::string::npos ? "" : xml.substr(a, b - a);
}

bool LoadPetrarch(const std::string& path, Suite* suite, std::string* error) {
  std::string xml = ReadAll(path);
  if (xml.empty()) {
    *error = path + ": cannot open";
    return false;
  }
  // Drop comments (they hold example markup).
  for (size_t a; (a = xml.find("<!--")) != std::string::npos;) {
    size_t b = xml.find("-->", a);
    xml.erase(a, b == std::string::npos ? std::string::npos : b + 3 - a);
  }
  std::string dir = fs::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  std::string env = Element(xml, "Environment");
  const std::pair<const char*, const char*> files[] = {{"Verbfile", "petrarch-verbs"},
                                                       {"Actorfile", "petrarch-actors"},
                                                       {"Agentfile", "petrarch-agents"},
                                                       {"Discardfile", "petrarch-discards"}};
  for (const auto& [tag, format] : files) {
    std::string f = Collapse(Element(env, tag));
    if (!f.empty()) suite->dicts.emplace_back(format, (fs::path(dir) / f).string());
  }
  if (suite->dicts.empty()) {
    // No <Environment>: the suite's dictionaries by their usual names.
    std::error_code ec;
    for (const auto& de : fs::directory_iterator(dir, ec)) {
      std::string n = de.path().filename().string();
      for (const char* what : {"verbs", "actors", "agents", "discards"}) {
        if ((n.rfind("PETR.Validate.", 0) == 0 && n.find(std::string(what) + ".txt") != std::string::npos) ||
            (n.rfind("PETR_Validate_" + std::string(what), 0) == 0 && n.size() > 4 &&
             n.compare(n.size() - 4, 4, ".txt") == 0))
          suite->dicts.emplace_back(std::string("petrarch-") + what, de.path().string());
      }
    }
  }
  {
    // UD-PETRARCH negates a code through its coding ontology ("did not
    // clash" 110 -> 050); the suite's expectations follow it.
    std::error_code ec;
    for (const auto& de : fs::directory_iterator(dir, ec)) {
      std::string n = de.path().filename().string();
      if (n.find("Coding_Ontology") != std::string::npos && n.size() > 4 && n.compare(n.size() - 4, 4, ".txt") == 0)
        suite->ontology = de.path().string();
    }
  }
  std::set<std::string> include;
  for (const auto& w : SplitTrim(Collapse(Element(env, "Include")), " ")) include.insert(Upper(w));
  std::vector<std::string> pending_options;
  size_t pos = 0;
  while (true) {
    size_t s = xml.find("<Sentence ", pos), c = xml.find("<Config ", pos), st = xml.find("<Stop", pos);
    size_t next = std::min({s, c, st});
    if (next == std::string::npos || next == st) break;
    if (next == c) {
      size_t e = xml.find('>', c);
      auto a = Attrs(xml.substr(c, e - c));
      pending_options.push_back(a["option"] + " = " + a["value"]);
      pos = e;
      continue;
    }
    size_t open_end = xml.find('>', s);
    size_t close = xml.find("</Sentence>", open_end);
    if (open_end == std::string::npos || close == std::string::npos) break;
    auto attrs = Attrs(xml.substr(s, open_end - s));
    std::string body = xml.substr(open_end + 1, close - open_end - 1);
    pos = close;
    Item item;
    item.id = attrs["id"];
    item.date = PeerDate(attrs["date"]);
    item.options = std::move(pending_options);
    pending_options.clear();
    item.text = Collapse(XmlText(Element(body, "Text")));
    if (Upper(attrs["evaluate"]) == "FALSE") item.skip = "evaluate=false";
    if (!include.empty() && !attrs["category"].empty() && !include.count(Upper(attrs["category"])))
      item.skip = "category " + attrs["category"] + " not in <Include>";
    for (size_t p = 0; (p = body.find("<EventCoding", p)) != std::string::npos;) {
      size_t e = body.find('>', p);
      auto a = Attrs(body.substr(p, e - p));
      p = e;
      if (a.count("error")) {
        item.skip = "error=" + a["error"];
        continue;
      }
      if (Upper(a["noevents"]) == "TRUE") {
        item.expects = true;
        continue;
      }
      if (!a.count("eventcode")) continue;
      item.expects = true;
      auto code = [&](const char* k) { return a[k].empty() ? std::string("---") : a[k]; };
      item.expected.push_back({code("sourcecode"), code("targetcode"), a["eventcode"]});
    }
    if (!item.expects && item.skip.empty()) item.skip = "no expectation";
    suite->items.push_back(std::move(item));
  }
  return true;
}

// ---- options -------------------------------------------------------------

// TABARI's `###` (discard the record) as written into our dictionary format.
const std::string kDiscardCode = "DISCARDXXX";

// TABARI's COMMA option and PETRARCH's comma_* settings: before coding, the
// peers delete short comma-delimited clauses (parentheticals, "..., a senior
// official said."), counted in words: an internal clause (between two
// commas) of min..max words, the terminal one (last comma to the sentence's
// end) of emin..emax, the initial one (start to the first comma) of
// bmin..bmax. A max of 0 turns that kind off.
struct CommaClauses {
  int min = 0, max = 0, emin = 0, emax = 0, bmin = 0, bmax = 0;
  // TABARI deletes the internal clauses first, each with both its commas,
  // and looks for the terminal and initial clauses among the commas left:
  // "X, in remarks published on Monday, urged Y to ..." keeps its last
  // clause. Its terminal clause ends at the sentence's final stop: a record
  // without one has none. PETRARCH judges each kind of clause on all the
  // sentence's commas (it leaves a deleted clause's comma in place).
  bool tabari = false;
  bool on() const { return max > 0 || emax > 0 || bmax > 0; }
};

struct Options {
  // TABARI DEFAULT: the code of a missing source or target; with PRIOR the
  // default source replaces any missing source, without it the first actor
  // after the verb becomes the source; with AFTER the default target
  // replaces any missing target, without it a second source becomes the
  // target.
  std::string default_source, default_target;
  bool default_prior = false, default_after = false;
  bool forward = false;  // TABARI FORWARD: a story's records are read together
  // TABARI: a compound source with no target (the coder leaves it empty)
  // takes the DEFAULT target, or else its first conjunct acts on the rest.
  bool pair_sources = false;
  bool code_all = false;  // TABARI SET: CODE ALL (EngineOptions::code_all)
  // TABARI SET: CODE BY SENTENCE: one verb's events per sentence, the first
  // verb's (by clause, the default, codes each clause).
  bool by_sentence = false;
  bool require_dyad = true;                      // PETRARCH require_dyad
  int new_actor_length = 0;  // PETRARCH new_actor_length (EngineOptions::peer_new_actor_length)
  bool convert_agent = false;                    // TABARI SET: CONVERT AGENT
  size_t min_words = 0;  // TABARI SET: MINIMUM WORDS: shorter records code nothing
  // TABARI: an actor coded `###` anywhere in the record discards it, one
  // coded `+++` makes it complex; neither is coded.
  bool actor_discards = false;
  // TABARI SET: TIME SHIFT: the <TIME> phrases of the verbs file date the
  // events; one coded `###` (discard) or `+++` (complex) leaves the record
  // uncoded.
  bool time_shift = false;
  CommaClauses commas;  // TABARI COMMA:, PETRARCH comma_*
  // TABARI COMPLEX: CONJ[n]: a record with n or more conjunctions (and, or,
  // but; not those joining two names, "Ithilen and Dagolath") is complex
  // and codes nothing. 0: no limit.
  int complex_conj = 0;
  // TABARI COMPLEX: VERBS[n]: a sentence with n or more dictionary verbs
  // (EngineOptions::complex_verbs; from the options file only, as the
  // engine's options are fixed once it is loaded).
  int complex_verbs = 0;
};

// Whether a comma between these two words stands inside a noun phrase
// ("complete, full diplomatic ties"), or null to take every comma as a
// clause boundary.
using CommaInPhrase = std::function<bool(std::string_view before, std::string_view after)>;

// A clause `c` deletes: bytes [begin, end) of the text.
struct Cut {
  uint32_t begin = 0, end = 0;
};

// The clauses of `text` (one sentence, [begin, end)) that `c` deletes. A
// comma is no clause boundary inside a number or inside a list of names
// ("Arnor, the proud Gondor, and Rohan": a name ends at the comma and
// another follows within a few words, itself followed by a comma, "and" or
// "or", or after "and" or "or"): the peers do not cut a noun phrase. A
// deleted clause goes with its commas.
std::vector<Cut> CommaClauseCuts(std::string_view text, uint32_t begin, uint32_t end, const CommaClauses& c,
                                 const std::vector<Span>& names, const CommaInPhrase& in_phrase) {
  std::vector<Cut> cuts;
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  auto closing = [&](char ch) { return is_space(ch) || ch == '"' || ch == '\'' || ch == ')' || ch == ']'; };
  auto stop_mark = [](char ch) { return ch == '.' || ch == '!' || ch == '?'; };
  // The sentence's words end before its final stop and closing quotes.
  uint32_t stop = end;
  while (stop > begin && closing(text[stop - 1])) --stop;
  const bool has_stop = stop > begin && stop_mark(text[stop - 1]);
  while (stop > begin && (closing(text[stop - 1]) || stop_mark(text[stop - 1]))) --stop;
  auto name_ends_at = [&](uint32_t p) {
    while (p > begin && is_space(text[p - 1])) --p;
    for (const Span& n : names) if (n.end == p) return true;
    return false;
  };
  auto conjunction_at = [&](uint32_t p) {
    std::string_view w = text.substr(p, 4);
    return w.rfind("and ", 0) == 0 || w.rfind("or ", 0) == 0;
  };
  // A list goes on from p: a name within three words, then a comma, "and"
  // or "or"; or its last name after "and" or "or" ("Arnor, Rohan, and
  // Bree").
  auto list_goes_on = [&](uint32_t p) {
    while (p < stop && is_space(text[p])) ++p;
    const bool last = conjunction_at(p);
    for (int words = 0; p < stop && words <= 3; ++words) {
      while (p < stop && is_space(text[p])) ++p;
      if (p >= stop || text[p] == ',') return false;
      for (const Span& n : names) {
        if (n.begin != p) continue;
        uint32_t r = n.end;
        while (r < stop && is_space(text[r])) ++r;
        return last || (r < stop && (text[r] == ',' || conjunction_at(r)));
      }
      while (p < stop && !is_space(text[p]) && text[p] != ',') ++p;
    }
    return false;
  };
  std::vector<uint32_t> commas;
  for (uint32_t p = begin; p < stop; ++p) {
    if (text[p] != ',') continue;
    if (p > begin && p + 1 < stop && std::isdigit(static_cast<unsigned char>(text[p - 1])) &&
        std::isdigit(static_cast<unsigned char>(text[p + 1])))
      continue;
    if (name_ends_at(p) && list_goes_on(p + 1)) continue;
    if (in_phrase) {
      uint32_t a = p, b = p + 1;
      while (a > begin && std::isalpha(static_cast<unsigned char>(text[a - 1]))) --a;
      while (b < stop && is_space(text[b])) ++b;
      uint32_t e = b;
      while (e < stop && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
      if (a < p && b < e && in_phrase(text.substr(a, p - a), text.substr(b, e - b))) continue;
    }
    commas.push_back(p);
  }
  if (commas.empty()) return cuts;
  auto words = [&](uint32_t a, uint32_t b) {
    int n = 0;
    bool counted = false;
    for (uint32_t p = a; p < b; ++p) {
      if (is_space(text[p]) || text[p] == ',') { counted = false; continue; }
      if (!counted && std::isalnum(static_cast<unsigned char>(text[p]))) { ++n; counted = true; }
    }
    return n;
  };
  auto within = [](int n, int lo, int hi) { return hi > 0 && n >= lo && n <= hi; };
  std::vector<bool> live(commas.size(), true);  // TABARI: not taken by an internal clause
  for (size_t i = 0; i + 1 < commas.size(); ++i) {
    if (!within(words(commas[i] + 1, commas[i + 1]), c.min, c.max)) continue;
    if (c.tabari && !live[i]) continue;  // its first comma went with the clause before
    cuts.push_back({commas[i], commas[i + 1] + 1});
    if (c.tabari) live[i] = live[i + 1] = false;
  }
  size_t first = 0, last = commas.size();
  while (first < last && !live[first]) ++first;
  while (last > first && !live[last - 1]) --last;
  if (first < last && within(words(begin, commas[first]), c.bmin, c.bmax)) cuts.push_back({begin, commas[first] + 1});
  if (first < last && (has_stop || !c.tabari) && within(words(commas[last - 1] + 1, stop), c.emin, c.emax))
    cuts.push_back({commas[last - 1], stop});
  return cuts;
}

// Whether a word begins a noun phrase: a determiner, a pronoun, or an open
// class word with no verb reading.
bool BeginsNounPhrase(const std::string& lower, const std::function<bool(std::string_view)>& verb) {
  static const std::set<std::string> kStarts = {"the", "a", "an", "this", "these", "those", "his", "her", "its",
                                                "their", "our", "my", "your", "some", "any", "each", "every",
                                                "all", "both", "several", "many", "few", "no", "i", "you", "he",
                                                "she", "it", "we", "they"};
  if (kStarts.count(lower)) return true;
  return !IsClosedClassWord(lower) && !verb(lower);
}

// The text with the comma-delimited clauses `c` deletes taken out, sentence
// by sentence (`sentences`, byte spans); `names` are the spans of the names
// found in it. Where a clause inside a sentence goes, a noun phrase after it
// stays apart from the words before, as the peers mark the clause's words
// rather than remove them: "with Dagolath, its biggest trading partner,
// officials said" does not make "Dagolath officials" one phrase, nor
// "restore ties with Gxndor, ..., a senior official said" read on into the
// official; "Elrond, suspicious as ever, brushed aside reports" reads
// "Elrond brushed aside reports".
std::string DeleteCommaClauses(const std::string& text, const CommaClauses& c, const std::vector<Span>& sentences,
                               const std::vector<Span>& names, const CommaInPhrase& in_phrase,
                               const std::function<bool(std::string_view)>& verb) {
  std::vector<bool> cut(text.size(), false);
  bool any = false;
  for (const Span& s : sentences) {
    for (const Cut& k : CommaClauseCuts(text, s.begin, std::min<uint32_t>(s.end, text.size()), c, names, in_phrase)) {
      std::fill(cut.begin() + k.begin, cut.begin() + k.end, true);
      any = true;
    }
  }
  if (!any) return text;
  std::string out;
  for (size_t p = 0; p < text.size();) {
    if (!cut[p]) {
      out.push_back(text[p++]);
      continue;
    }
    size_t q = p;
    while (q < text.size() && cut[q]) ++q;
    // The word after the cut, if the sentence goes on.
    size_t w = q;
    while (w < text.size() && std::isspace(static_cast<unsigned char>(text[w]))) ++w;
    size_t we = w;
    while (we < text.size() && std::isalnum(static_cast<unsigned char>(text[we]))) ++we;
    bool inside = !out.empty() && text[q - 1] == ',' && we > w;
    out += inside && BeginsNounPhrase(ToLower(std::string_view(text).substr(w, we - w)), verb) ? " ; " : " ";
    p = q;
  }
  return Collapse(out);
}

// Lower-case words of a text: letters, digits and apostrophes.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The conjunctions (and, or, but) of text[from...], but for those joining
// two names (the entities' spans).
int Conjunctions(std::string_view text, size_t from, const std::vector<Entity>& names) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; };
  int n = 0;
  for (size_t p = from; p < text.size();) {
    if (!is_word(text[p])) { ++p; continue; }
    size_t e = p;
    while (e < text.size() && is_word(text[e])) ++e;
    std::string w = ToLower(text.substr(p, e - p));
    if (w == "and" || w == "or" || w == "but") {
      size_t b = p, a = e;
      while (b > 0 && text[b - 1] == ' ') --b;
      while (a < text.size() && text[a] == ' ') ++a;
      bool before = false, after = false;
      for (const Entity& en : names) {
        before |= en.span.end == b;
        after |= en.span.begin == a;
      }
      n += !(before && after);
    }
    p = e;
  }
  return n;
}

// The phrases of a TABARI verbs file's <TIME> block coded `###` or `+++`
// ("KAN_WA_MA_KAN [###]"), as words.
std::vector<std::vector<std::string>> UncodedTimePhrases(const std::string& verbs_path) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> lines;
  if (!import_internal::ReadLines(verbs_path, &lines).ok()) return out;
  bool in_time = false;
  for (const auto& l : lines) {
    std::string_view t = Trim(l);
    if (t.rfind("<TIME>", 0) == 0) { in_time = true; continue; }
    if (t.rfind("</TIME>", 0) == 0) break;
    if (!in_time || t.empty() || t[0] == '-') continue;
    size_t lb = t.find('[');
    if (lb == std::string_view::npos) continue;
    std::string code = Collapse(t.substr(lb + 1, t.find(']', lb) - lb - 1));
    if (code != "###" && code != "+++") continue;
    std::vector<std::string> words = Words(t.substr(0, lb));
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

// True when `words` holds `phrase` as consecutive words.
bool HasPhrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  return std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end();
}

// TABARI's CONVERT AGENT: an actor that is only an agent ("guerrillas",
// REB; "fundamentalist jihad", MOSREB) is written "~REB", "~MOSREB".
std::string ConvertAgent(const std::string& code, const std::set<std::string>& agents) {
  if (code.empty() || code[0] == '~' || agents.count(code)) return code.empty() || code[0] == '~' ? code : "~" + code;
  if (code.size() % 3 != 0) return code;
  for (size_t i = 0; i < code.size(); i += 3) {
    if (!agents.count(code.substr(i, 3))) return code;
  }
  return "~" + code;
}

// TABARI's DEFAULT placement over the events of one verb (the coder's sparse
// reading leaves a missing side empty): see Options. Events with a side still
// missing are left for require_dyad to drop.
void ApplyDefaults(const Options& o, std::vector<Event>* events) {
  const bool defaults = !o.default_source.empty() || !o.default_target.empty();
  if (!defaults && !o.pair_sources) return;
  std::vector<Event> out;
  for (size_t i = 0; i < events->size();) {
    size_t j = i;
    const Event& first = (*events)[i];
    while (j < events->size() && (*events)[j].verb.begin == first.verb.begin &&
           (*events)[j].cameo == first.cameo && (*events)[j].sentence.begin == first.sentence.begin)
      ++j;
    std::vector<ActorMention> srcs, tgts;
    auto add = [](std::vector<ActorMention>* v, const ActorMention& m) {
      if (m.code.empty()) return;
      for (const auto& x : *v) {
        if (x.code == m.code && x.span.begin == m.span.begin) return;
      }
      v->push_back(m);
    };
    bool sideless = false;
    for (size_t k = i; k < j; ++k) {
      const Event& e = (*events)[k];
      sideless |= e.source.code.empty() || e.target.code.empty();
      add(&srcs, e.source);
      add(&tgts, e.target);
    }
    // No DEFAULT: only a compound source with no target is paired.
    if (!defaults && !(srcs.size() > 1 && tgts.empty())) sideless = false;
    if (!sideless) {
      out.insert(out.end(), events->begin() + static_cast<std::ptrdiff_t>(i),
                 events->begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
      continue;
    }
    auto named = [](const std::string& code) {
      ActorMention m;
      m.code = code;
      return m;
    };
    if (srcs.empty()) {
      if (o.default_prior) srcs.push_back(named(o.default_source));
      else if (!tgts.empty()) { srcs.push_back(tgts.front()); tgts.erase(tgts.begin()); }
      if (srcs.empty() && !o.default_source.empty()) srcs.push_back(named(o.default_source));
    }
    if (tgts.empty()) {
      if (o.default_after) tgts.push_back(named(o.default_target));
      else if (srcs.size() > 1) { tgts.assign(srcs.begin() + 1, srcs.end()); srcs.resize(1); }
      if (tgts.empty() && !o.default_target.empty()) tgts.push_back(named(o.default_target));
    }
    for (const auto& s : srcs) {
      for (const auto& t : tgts) {
        Event e = first;
        e.source = s;
        e.target = t;
        out.push_back(std::move(e));
      }
    }
    i = j;
  }
  *events = std::move(out);
}

// PETRARCH (1) matches the words of a verb pattern as written, with no
// stemming ("adopt * RESOLUTION" is not "adopted resolutions"): each literal
// word after the verb becomes "=word" in our format.
std::string ExactPatternWords(const std::string& name) {
  std::vector<std::string> words = SplitTrim(name, " ");
  size_t star = std::find(words.begin(), words.end(), "*") - words.begin();
  size_t head = star < words.size() ? star + 1 : 0;
  auto literal = [](const std::string& w) {
    return !w.empty() && std::string("+$^%&=*~").find(w[0]) == std::string::npos;
  };
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    if (i > head) {
      std::string joined;
      size_t from = 0;
      while (true) {
        size_t u = w.find('_', from);
        std::string part = w.substr(from, u == std::string::npos ? std::string::npos : u - from);
        joined += (literal(part) ? "=" : "") + part;
        if (u == std::string::npos) break;
        joined += "_";
        from = u + 1;
      }
      w = joined;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// Applies what can be honoured; returns false for unsupported options.
bool ApplyOption(const std::string& opt, Options* o) {
  std::string u = Upper(opt);
  if (u.rfind("DEFAULT:", 0) == 0) {
    if (u.find("OFF") != std::string::npos) {
      o->default_source.clear();
      o->default_target.clear();
      o->default_prior = o->default_after = false;
      return true;
    }
    static const std::regex src(R"(SOURCE\s*\[([^\]]*)\])"), tgt(R"(TARGET\s*\[([^\]]*)\])");
    std::smatch m;
    if (std::regex_search(opt, m, src)) o->default_source = Collapse(m[1].str());
    if (std::regex_search(opt, m, tgt)) o->default_target = Collapse(m[1].str());
    static const std::regex prior(R"(\]\s*PRIOR\b)"), after(R"(\]\s*AFTER\b)");
    o->default_prior = std::regex_search(u, prior);
    o->default_after = std::regex_search(u, after);
    return true;
  }
  if (u.rfind("SET:", 0) == 0 && (u.find("CODE ALL") != std::string::npos || u.find("CODE BY") != std::string::npos)) {
    o->code_all = u.find("CODE ALL") != std::string::npos;
    o->by_sentence = u.find("CODE BY SENTENCE") != std::string::npos;
    return true;
  }
  if (u.rfind("FORWARD:", 0) == 0) {
    o->forward = u.find("OFF") == std::string::npos;
    return true;
  }
  if (u.rfind("SET:", 0) == 0 && u.find("CONVERT AGENT") != std::string::npos) {
    o->convert_agent = u.find("TRUE") != std::string::npos;
    return true;
  }
  if (u.rfind("SET:", 0) == 0 && u.find("MINIMUM WORDS") != std::string::npos) {
    size_t eq = u.find('=');
    if (eq == std::string::npos) return false;
    o->min_words = static_cast<size_t>(std::atoi(u.c_str() + eq + 1));
    return true;
  }
  if (u.rfind("SET:", 0) == 0 && u.find("TIME SHIFT") != std::string::npos) {
    o->time_shift = u.find("TRUE") != std::string::npos;
    return true;
  }
  if (u.rfind("COMMA:", 0) == 0) {
    // "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8", "COMMA: OFF"
    if (u.find("OFF") != std::string::npos) {
      o->commas.max = o->commas.emax = o->commas.bmax = 0;
      return true;
    }
    static const std::regex field(R"(\b(MIN|MAX|EMIN|EMAX|BMIN|BMAX)\s*=\s*(\d+))");
    bool any = false;
    for (auto it = std::sregex_iterator(u.begin(), u.end(), field); it != std::sregex_iterator(); ++it) {
      std::string k = (*it)[1].str();
      int v = std::atoi((*it)[2].str().c_str());
      int* slot = k == "MIN" ? &o->commas.min : k == "MAX" ? &o->commas.max : k == "EMIN" ? &o->commas.emin
                : k == "EMAX" ? &o->commas.emax : k == "BMIN" ? &o->commas.bmin : &o->commas.bmax;
      *slot = v;
      any = true;
    }
    return any;
  }
  if (u.rfind("COMPLEX:", 0) == 0) {
    // Its CONJ[n] and VERBS[n] are honoured (not NOACTPRIOR or EXPLAIN).
    static const std::regex conj(R"(CONJ\s*\[\s*(\d+)\s*\])"), verbs(R"(\bVERBS\s*\[\s*(\d+)\s*\])");
    std::smatch m;
    o->complex_conj = std::regex_search(u, m, conj) ? std::atoi(m[1].str().c_str()) : 0;
    o->complex_verbs = std::regex_search(u, m, verbs) ? std::atoi(m[1].str().c_str()) : 0;
    return true;
  }
  if (u.rfind("COMMA_", 0) == 0) {
    // PETRARCH: "comma_min = 4" (one setting per <Config>)
    static const std::regex field(R"(^COMMA_(MIN|MAX|EMIN|EMAX|BMIN|BMAX)\s*=\s*(\d+)\s*$)");
    std::smatch m;
    if (!std::regex_match(u, m, field)) return false;
    return ApplyOption("COMMA: " + m[1].str() + " = " + m[2].str(), o);
  }
  if (u.rfind("NEW_ACTOR_LENGTH", 0) == 0) {
    size_t eq = u.find('=');
    if (eq == std::string::npos) return false;
    o->new_actor_length = std::max(0, std::atoi(u.c_str() + eq + 1));
    return true;
  }
  if (u.rfind("REQUIRE_DYAD", 0) == 0) {
    o->require_dyad = u.find("TRUE") != std::string::npos;
    return true;
  }
  return false;
}

}  // namespace

int RunValidate(const std::string& path, FILE* out) {
  Suite suite;
  std::string error;
  std::string ext = fs::path(path).extension().string();
  bool ok = ext == ".xml" ? LoadPetrarch(path, &suite, &error) : LoadTabari(path, &suite, &error);
  if (!ok) {
    std::fprintf(out, "error: %s\n", error.c_str());
    return 1;
  }
  // Import the suite's dictionaries.
  std::vector<Entry> entries;
  std::vector<std::string> import_warnings;
  for (const auto& [format, file] : suite.dicts) {
    if (Status s = ImportDictionary(format, file, &entries, &import_warnings); !s.ok()) {
      std::fprintf(out, "error: %s\n", s.message().c_str());
      return 1;
    }
  }
  // Our CAMEO table names the codes; codes of the peer's (WEIS-era) test
  // dictionaries that it lacks get a placeholder so that their patterns load.
  std::string cameo = DefaultDataDir() + "/cameo.txt";
  std::vector<Entry> cameo_entries;
  std::vector<std::string> ignored;
  std::set<std::string> known;
  if (ReadDictionary(cameo, &cameo_entries, &ignored).ok()) {
    for (const auto& e : cameo_entries) {
      if (e.kind == "code") known.insert(e.key);
    }
  }
  std::set<std::string> placeholders;
  std::set<std::string> agent_codes;  // for CONVERT AGENT
  for (const auto& e : entries) {
    if (e.kind == "agent" && !e.key.empty()) agent_codes.insert(e.key[0] == '~' ? e.key.substr(1) : e.key);
  }
  size_t unused_kinds = 0;
  // TABARI's discard code `###` would read as a comment in our format.
  for (auto& e : entries) {
    if (e.kind != "person" && e.kind != "org") continue;
    if (e.key == "###") e.key = kDiscardCode;
    for (auto& [k, v] : e.fields) {
      if (k == "role" && v.rfind("###", 0) == 0) v = kDiscardCode + v.substr(3);
    }
  }
  std::string lines;
  std::vector<std::string> origin;  // line of the written file -> "FILE:LINE" of the peer's
  for (const auto& e : entries) {
    if (e.kind == "discard" || e.kind == "issue") {
      ++unused_kinds;
      continue;
    }
    if (e.kind == "verb" && !known.empty() && !known.count(e.key) && e.key.size() >= 2 && e.key.size() <= 4)
      placeholders.insert(e.key);
    std::string reverse = e.kind == "verb" ? e.Get("reverse") : "";
    if (!known.empty() && !reverse.empty() && !known.count(reverse) && reverse.size() >= 2 && reverse.size() <= 4)
      placeholders.insert(reverse);
    if (e.kind == "verb" && ext == ".xml" && suite.ontology.empty()) {
      Entry exact = e;
      for (auto& n : exact.names) n = ExactPatternWords(n);
      lines += FormatEntryLine(exact) + "\n";
    } else {
      lines += FormatEntryLine(e) + "\n";
    }
    origin.push_back(e.file + ":" + std::to_string(e.line));
  }
  for (const auto& p : placeholders) {
    lines += "code " + p + " : peer code " + p + "\n";
    origin.push_back("(placeholder code " + p + ")");
  }
  std::string tmpl = (fs::temp_directory_path() / "dragoman-validate-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) {
    std::fprintf(out, "error: cannot create a temporary folder\n");
    return 1;
  }
  std::string tmpdir(buf.data());
  std::string dict = tmpdir + "/imported.txt";
  {
    std::ofstream o(dict, std::ios::binary);
    o << lines;
  }
  std::vector<std::string> load_warnings;
  EngineOptions opt;
  // The suites code what a sentence reports, planned or negated alike, by
  // their own rules; modality is not theirs to judge.
  opt.keep_modal_events = true;
  opt.reciprocal_pairs = ext == ".xml";  // TABARI pairs both ways only by a paired code ([191:191])
  opt.peer_targets = true;
  opt.sparse_verbs = ext != ".xml";  // TABARI reads by dictionary lookup, PETRARCH by parse
  // UD-PETRARCH (the suite with a coding ontology) reads the words before
  // the verb in its subject only.
  opt.peer_words_before_in_subject = !suite.ontology.empty();
  // PETRARCH's own conventions (EngineOptions::peer_petrarch): not
  // UD-PETRARCH's, which reads a dependency parse.
  opt.peer_petrarch = ext == ".xml" && suite.ontology.empty();
  opt.use_default_dict = false;
  opt.dictionaries = {{"dragoman", dict}};
  if (fs::exists(cameo)) opt.dictionaries.push_back({"dragoman", cameo});
  opt.warnings = &load_warnings;
  Options options;
  if (ext != ".xml") {
    options.min_words = 8;  // TABARI's default
    options.actor_discards = true;
    // TABARI's default, as its suite's COMMA-Cancel record restores it
    // ("BMAX = 0 guarantees that the condition will never be met").
    options.commas = {2, 10, 2, 10, 255, 0, true};
    options.pair_sources = true;
  } else {
    options.commas = {2, 8, 2, 8, 0, 0, false};  // PETRARCH's defaults (its config.ini)
  }
  // TABARI: the suite's options file sets the options its records start
  // from (its COMPLEX: line).
  for (const auto& [format, file] : suite.dicts) {
    std::vector<std::string> lines;
    if (format != "tabari-options" || !import_internal::ReadLines(file, &lines).ok()) continue;
    for (const auto& l : lines) {
      std::string_view t = Trim(l);
      if (!t.empty() && t.rfind("//", 0) != 0) ApplyOption(std::string(t), &options);
    }
  }
  opt.complex_verbs = static_cast<size_t>(options.complex_verbs);  // fixed for the suite's engine
  auto engine = Engine::Load(opt);
  // TABARI's SET: CODE ALL switches records to a second engine that codes
  // every verb (EngineOptions::code_all).
  std::unique_ptr<Engine> code_all;
  if (engine.ok() && ext != ".xml") {
    EngineOptions all = opt;
    all.code_all = true;
    std::vector<std::string> ignored_warnings;
    all.warnings = &ignored_warnings;
    auto loaded = Engine::Load(all);
    if (loaded.ok()) code_all = std::move(loaded).value();
  }
  // PETRARCH's new_actor_length: an engine for each length the suite's
  // <Config> records ask for (EngineOptions::peer_new_actor_length).
  std::map<int, std::unique_ptr<Engine>> new_actors;
  for (const Item& item : suite.items) {
    for (const std::string& o : item.options) {
      Options probe;
      if (!engine.ok() || !ApplyOption(o, &probe) || probe.new_actor_length <= 0 ||
          new_actors.count(probe.new_actor_length))
        continue;
      EngineOptions with = opt;
      with.peer_new_actor_length = probe.new_actor_length;
      std::vector<std::string> ignored_warnings;
      with.warnings = &ignored_warnings;
      auto loaded = Engine::Load(with);
      if (loaded.ok()) new_actors[probe.new_actor_length] = std::move(loaded).value();
    }
  }
  std::error_code ec;
  fs::remove_all(tmpdir, ec);
  // Point load warnings at the peer's file and line, not the temporary file.
  for (auto& w : load_warnings) {
    if (w.rfind(dict + ":", 0) != 0) continue;
    size_t n = static_cast<size_t>(std::atoi(w.c_str() + dict.size() + 1));
    size_t colon = w.find(':', dict.size() + 1);
    if (n >= 1 && n <= origin.size() && colon != std::string::npos) w = origin[n - 1] + w.substr(colon);
  }
  if (!engine.ok()) {
    std::fprintf(out, "error: %s\n", engine.status().message().c_str());
    return 1;
  }
  std::fprintf(out, "suite: %s (%zu records)\n", path.c_str(), suite.items.size());
  std::fprintf(out, "dictionaries: %zu files, %zu entries imported, %zu import warnings, %zu load warnings, "
               "%zu placeholder codes, %zu discard/issue entries unused\n",
               suite.dicts.size(), entries.size(), import_warnings.size(), load_warnings.size(),
               placeholders.size(), unused_kinds);
  for (size_t i = 0; i < import_warnings.size() && i < 10; ++i)
    std::fprintf(out, "  import: %s\n", import_warnings[i].c_str());
  for (size_t i = 0; i < load_warnings.size() && i < 10; ++i)
    std::fprintf(out, "  load: %s\n", load_warnings[i].c_str());

  import_internal::CodingOntology ontology;
  if (!suite.ontology.empty()) {
    std::vector<std::string> onto_lines;
    if (import_internal::ReadLines(suite.ontology, &onto_lines).ok()) ontology.Read(onto_lines);
  }
  std::vector<std::vector<std::string>> time_phrases;
  for (const auto& [format, file] : suite.dicts) {
    if (format != "tabari-verbs") continue;
    auto more = UncodedTimePhrases(file);
    time_phrases.insert(time_phrases.end(), more.begin(), more.end());
  }
  // Whether a word has a verb reading (for DeleteCommaClauses).
  auto can_be_verb = [&](std::string_view word) {
    const Model::Lexeme* lx = engine.value()->model().Lookup(ToLower(word));
    return lx && lx->forms && !lx->forms->empty();
  };
  // PETRARCH reads a parse, where a comma between two adjectives of a noun
  // ("complete, full diplomatic ties") is inside the noun phrase: by
  // WordNet's adjectives, the one before the comma being no noun too.
  CommaInPhrase in_phrase;
  if (ext == ".xml" && suite.ontology.empty()) {
    auto adjectives = std::make_shared<std::set<std::string>>(), nouns = std::make_shared<std::set<std::string>>();
    const char* env = std::getenv("DRAGOMAN_WORDNET");
    std::string wordnet = env ? env : "/usr/share/wordnet";
    for (auto [file, set] : {std::pair{"/index.adj", adjectives.get()}, std::pair{"/index.noun", nouns.get()}}) {
      std::ifstream in(wordnet + file);
      for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l[0] != ' ') set->insert(l.substr(0, l.find(' ')));
      }
    }
    if (!adjectives->empty()) {
      in_phrase = [adjectives, nouns](std::string_view before, std::string_view after) {
        std::string b = ToLower(before), a = ToLower(after);
        return adjectives->count(b) && !nouns->count(b) && adjectives->count(a);
      };
    }
  }
  // UD-PETRARCH reads a dependency parse and deletes no clauses, whatever
  // its records' comma_* settings say.
  const bool delete_commas = ext != ".xml" || suite.ontology.empty();
  std::set<std::string> unsupported;
  Workspace ws;
  Record rec;
  int passed = 0, failed = 0;
  size_t expected_total = 0, found_total = 0, extra_total = 0;
  std::map<std::string, int> skipped;
  const Item* previous = nullptr;
  std::string story_id, story_text;  // FORWARD: the story so far
  for (const Item& item : suite.items) {
    for (const auto* list : {previous ? &previous->options_after : nullptr, &item.options}) {
      for (size_t i = 0; list && i < list->size(); ++i) {
        const std::string& o = (*list)[i];
        if (!ApplyOption(o, &options) && unsupported.insert(o).second)
          std::fprintf(out, "NOTE %s: option '%s' is not supported\n", item.id.c_str(), o.c_str());
      }
    }
    previous = &item;
    if (!item.skip.empty()) {
      ++skipped[item.skip.rfind("category", 0) == 0 ? "category not included" : item.skip];
      continue;
    }
    // TABARI's FORWARD: records of one story ("FRWD-001-002" follows
    // "FRWD-001-001") are read as one text, so that a pronoun can reach back
    // to the sentence before; only the record's own sentences are scored.
    std::string story = item.id.substr(0, item.id.rfind('-'));
    if (!options.forward || story != story_id || item.id.find('-') == item.id.rfind('-')) story_text.clear();
    size_t own = story_text.empty() ? 0 : story_text.size() + 1;
    std::string text = item.text;
    if (delete_commas && options.commas.on() && text.find(',') != std::string::npos) {
      // The clauses are cut by the sentences and names a first reading finds.
      engine.value()->Code(Document{item.id, item.date, text, 0}, &ws, &rec);
      std::vector<Span> names;
      for (const auto& en : rec.entities) names.push_back(en.span);
      text = DeleteCommaClauses(text, options.commas, rec.sentences, names, in_phrase, can_be_verb);
    }
    Document doc{item.id, item.date, story_text.empty() ? text : story_text + " " + text, 0};
    const Engine* coder = options.code_all && code_all ? code_all.get() : engine.value().get();
    if (auto it = new_actors.find(options.new_actor_length); it != new_actors.end()) coder = it->second.get();
    coder->Code(doc, &ws, &rec);
    story_id = story;
    story_text = doc.text;
    if (own > 0) {
      rec.events.erase(std::remove_if(rec.events.begin(), rec.events.end(),
                                      [&](const Event& e) { return e.sentence.begin < own; }),
                       rec.events.end());
      // "note that this doesn't get the agent, only the actor"
      for (Event& e : rec.events) {
        std::string w = Upper(e.source.text);
        if ((w == "IT" || w == "HE" || w == "SHE" || w == "THEY") && e.source.code.size() > 3) e.source.code.resize(3);
      }
    }
    if (options.by_sentence) {
      std::map<uint32_t, uint32_t> first_verb;  // sentence -> its first coded verb
      for (const Event& e : rec.events) {
        auto [it, added] = first_verb.emplace(e.sentence.begin, e.verb.begin);
        if (!added) it->second = std::min(it->second, e.verb.begin);
      }
      rec.events.erase(std::remove_if(rec.events.begin(), rec.events.end(),
                                      [&](const Event& e) { return e.verb.begin != first_verb[e.sentence.begin]; }),
                       rec.events.end());
    }
    if (SplitTrim(item.text, " ").size() < options.min_words) rec.events.clear();
    if (options.complex_conj > 0 && Conjunctions(doc.text, own, rec.entities) >= options.complex_conj) {
      rec.events.clear();
    }
    if (options.time_shift) {
      std::vector<std::string> words = Words(item.text);
      for (const auto& phrase : time_phrases) {
        if (HasPhrase(words, phrase)) rec.events.clear();
      }
    }
    if (options.actor_discards) {
      bool discard = false;
      for (const auto& en : rec.entities) discard |= en.code == kDiscardCode || en.code == "+++";
      for (const auto& e : rec.events) {
        for (const auto* c : {&e.source.code, &e.target.code}) discard |= *c == kDiscardCode || *c == "+++";
      }
      if (discard) rec.events.clear();
    }
    ApplyDefaults(options, &rec.events);
    std::vector<Triple> coded;
    for (const auto& e : rec.events) {
      Triple t{e.source.code, e.target.code, e.cameo};
      if (e.modality == Modality::kNegated && !ontology.empty()) t.code = ontology.Negate(t.code);
      for (auto* c : {&t.src, &t.tgt}) {
        if (*c == kDiscardCode) *c = "###";
      }
      if (options.convert_agent) {
        t.src = ConvertAgent(t.src, agent_codes);
        t.tgt = ConvertAgent(t.tgt, agent_codes);
      } else if (ext == ".xml") {
        // PETRARCH writes an agent of no country after an empty one:
        // "students" -> ---EDU.
        for (auto* c : {&t.src, &t.tgt}) {
          if (ConvertAgent(*c, agent_codes) != *c && !c->empty() && (*c)[0] != '~') *c = "---" + *c;
        }
      }
      if (options.require_dyad && (t.src.empty() || t.tgt.empty())) continue;
      if (t.src.empty()) t.src = "---";
      if (t.tgt.empty()) t.tgt = "---";
      // A name that stands for several actors ("THE_SHIRE [FRO/BIL/SAM]"):
      // TABARI and PETRARCH write an event per actor; UD-PETRARCH (the
      // suite with an ontology) writes the joint code.
      if (suite.ontology.empty()) {
        for (const std::string& s : SplitTrim(t.src, "/")) {
          for (const std::string& g : SplitTrim(t.tgt, "/")) coded.push_back(Triple{s, g, t.code});
        }
        continue;
      }
      coded.push_back(t);
    }
    // One-to-one matching.
    std::vector<bool> used(coded.size(), false);
    size_t found = 0;
    for (const auto& x : item.expected) {
      for (size_t k = 0; k < coded.size(); ++k) {
        if (!used[k] && coded[k] == x) {
          used[k] = true;
          ++found;
          break;
        }
      }
    }
    size_t extra = coded.size() - found;
    expected_total += item.expected.size();
    found_total += found;
    extra_total += extra;
    if (found == item.expected.size() && extra == 0) {
      ++passed;
      continue;
    }
    ++failed;
    auto list = [](const std::vector<Triple>& v) {
      std::string s;
      for (const auto& t : v) s += (s.empty() ? "" : ", ") + t.Str();
      return "[" + s + "]";
    };
    std::fprintf(out, "FAIL %s: expected %s coded %s\n  %s\n", item.id.c_str(), list(item.expected).c_str(),
                 list(coded).c_str(), item.text.c_str());
  }
  std::string sk;
  for (const auto& [why, n] : skipped) sk += (sk.empty() ? "" : ", ") + why + ": " + std::to_string(n);
  std::fprintf(out, "skipped: %s\n", sk.empty() ? "none" : sk.c_str());
  std::fprintf(out, "events: %zu of %zu expected found, %zu extra\n", found_total, expected_total, extra_total);
  std::fprintf(out, "%d passed, %d failed\n", passed, failed);
  return 0;
}

}  // namespace dragoman
