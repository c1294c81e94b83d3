#include "lexicon/check.h"

#include <map>
#include <set>
#include <unordered_map>

namespace dragoman {
namespace {

std::string Where(const Entry& e) { return e.file + ":" + std::to_string(e.line); }

// The phrase as the matcher sees it: lower-case tokens joined by spaces;
// exact-case names keep their case.
std::string Key(const Tokenizer& tok, const std::string& raw) {
  bool exact = !raw.empty() && raw[0] == '=';
  std::string name = exact ? raw.substr(1) : raw;
  std::vector<Token> toks;
  tok.Tokenize(name, 0, static_cast<uint32_t>(name.size()), &toks);
  std::string key = exact ? "=" : "";
  for (const Token& t : toks) key += (exact ? std::string(t.text) : t.lower) + " ";
  return key;
}

}  // namespace

std::vector<CheckProblem> CheckDictionaries(const std::vector<Entry>& entries, const Tokenizer& tokenizer) {
  std::vector<CheckProblem> out;
  // Actor-like phrases: one phrase, one meaning.
  struct Seen {
    std::string code;
    const Entry* entry;
  };
  std::unordered_map<std::string, Seen> actors;
  std::set<std::string> cameo, reached, classes;
  for (const Entry& e : entries) {
    if (e.kind == "code") cameo.insert(e.key);
    if (e.kind == "class") classes.insert(e.key);
  }
  for (const Entry& e : entries) {
    const bool actor_kind = e.kind == "country" || e.kind == "org" || e.kind == "person" || e.kind == "agent";
    if (actor_kind) {
      std::set<std::string> in_entry;
      std::vector<std::string> names = e.names;
      if (e.kind == "country") {
        for (auto& n : e.GetAll("adj")) names.push_back(n);
        for (auto& n : e.GetAll("people")) names.push_back(n);
      }
      std::string code = e.kind == "person" ? e.Get("role") + "|" + e.names[0] : e.kind + ":" + e.key;
      for (const std::string& n : names) {
        std::string k = Key(tokenizer, n);
        if (!in_entry.insert(k).second) {
          if (e.kind != "country") out.push_back({Where(e), "name '" + n + "' given twice"});
          continue;
        }
        auto it = actors.find(k);
        if (it == actors.end()) {
          actors[k] = {code, &e};
        } else if (it->second.code == code) {
          out.push_back({Where(e), "duplicate of " + Where(*it->second.entry) + ": '" + n + "'"});
        } else {
          out.push_back({Where(e), "'" + n + "' also means " + it->second.code + " at " + Where(*it->second.entry)});
        }
      }
    }
    if (e.kind == "person") {
      std::vector<DateRange> ranges;
      for (const auto& [k, v] : e.fields) {
        if (k != "role") continue;
        size_t sp = v.find(' ');
        if (sp == std::string::npos) continue;
        DateRange r;
        std::string err;
        if (!ParseDateRange(v.substr(sp + 1), &r, &err)) {
          out.push_back({Where(e), err});
          continue;
        }
        for (const DateRange& o : ranges) {
          auto clean = [](std::string d) { if (!d.empty() && d.back() == '?') d.pop_back(); return d; };
          std::string a0 = clean(r.from), a1 = clean(r.to), b0 = clean(o.from), b1 = clean(o.to);
          bool before = !a1.empty() && !b0.empty() && a1 < b0;
          bool after = !b1.empty() && !a0.empty() && b1 < a0;
          if (!before && !after) out.push_back({Where(e), "role dates " + v.substr(sp + 1) + " overlap an earlier role"});
        }
        ranges.push_back(r);
      }
    }
    if (e.kind == "verb" || e.kind == "noun") {
      if (!cameo.empty() && !cameo.count(e.key)) out.push_back({Where(e), "unknown CAMEO code " + e.key});
      for (const std::string& p : e.names) {
        std::vector<std::string> words = SplitTrim(p, " ");
        bool ok = true;
        for (const std::string& w : words) {
          if (w == "+" || w == "$" || w == "*") continue;
          if (w[0] == '&') {
            if (!classes.count(w.substr(1))) { out.push_back({Where(e), "pattern '" + p + "' uses undefined class " + w}); ok = false; }
            continue;
          }
          // A word the tokenizer splits ("tear-gas") can never equal one token.
          std::vector<Token> toks;
          tokenizer.Tokenize(w, 0, static_cast<uint32_t>(w.size()), &toks);
          if (toks.size() != 1) { out.push_back({Where(e), "pattern '" + p + "': '" + w + "' is not one token and can never match"}); ok = false; }
        }
        if (ok) reached.insert(e.key);
      }
    }
  }
  for (const std::string& c : cameo) {
    if (!reached.count(c)) out.push_back({"cameo", "CAMEO code " + c + " has no pattern"});
  }
  return out;
}

}  // namespace dragoman
