#include "lexicon/gazetteer.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "segment/tokenizer.h"

namespace dragoman {
namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return true;
}

// Calls f(line) for each line of text, without its '\n'.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    f(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

// The next field of a line split on `sep`; advances *s.
std::string_view NextField(std::string_view* s, char sep) {
  size_t p = s->find(sep);
  std::string_view f = s->substr(0, p);
  s->remove_prefix(p == std::string_view::npos ? s->size() : p + 1);
  return f;
}

bool ParseDouble(std::string_view s, double* out) {
  std::string tmp(s);
  char* end = nullptr;
  *out = std::strtod(tmp.c_str(), &end);
  return !tmp.empty() && end == tmp.c_str() + tmp.size();
}

}  // namespace

Status ReadGazetteer(const std::string& path, std::vector<GazetteerCity>* out, size_t* bad) {
  std::string text;
  if (!ReadFile(path, &text)) return Status::NotFound(path + ": cannot open");
  size_t bad_lines = 0;
  ForEachLine(text, [&](std::string_view line) {
    if (line.empty() || line[0] == '#') return;
    GazetteerCity c;
    std::string_view rest = line;
    c.name = std::string(NextField(&rest, '\t'));
    c.ascii = std::string(NextField(&rest, '\t'));
    c.country = std::string(NextField(&rest, '\t'));
    std::string_view lat = NextField(&rest, '\t'), lon = NextField(&rest, '\t');
    std::string pop(NextField(&rest, '\t'));
    c.feature = std::string(NextField(&rest, '\t'));
    char* end = nullptr;
    c.pop = std::strtoll(pop.c_str(), &end, 10);
    if (c.name.empty() || c.country.size() != 3 || !ParseDouble(lat, &c.lat) || !ParseDouble(lon, &c.lon) ||
        pop.empty() || end != pop.c_str() + pop.size() || c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180) {
      ++bad_lines;
      return;
    }
    out->push_back(std::move(c));
  });
  if (bad) *bad = bad_lines;
  return Status::Ok();
}

Status ReadWordNetNames(const std::string& dir, WordNetNames* out) {
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::string text;
    if (!ReadFile(dir + "/data." + pos, &text)) return Status::NotFound(dir + "/data." + pos + ": cannot open");
    const bool noun = std::string_view(pos) == "noun";
    ForEachLine(text, [&](std::string_view line) {
      // "offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ..."
      if (line.empty() || line[0] == ' ') return;  // licence header
      std::string_view rest = line;
      NextField(&rest, ' ');
      int lexfile = std::atoi(std::string(NextField(&rest, ' ')).c_str());
      NextField(&rest, ' ');
      long words = std::strtol(std::string(NextField(&rest, ' ')).c_str(), nullptr, 16);
      for (long i = 0; i < words && !rest.empty(); ++i) {
        std::string_view w = NextField(&rest, ' ');
        NextField(&rest, ' ');  // lex_id
        if (size_t paren = w.find('('); paren != std::string_view::npos) w = w.substr(0, paren);  // "galore(ip)"
        std::string word(w);
        for (char& c : word) {
          if (c == '_') c = ' ';
        }
        std::string lower = ToLower(word);
        if (lower == word) {
          out->common.insert(std::move(lower));
          continue;
        }
        if (noun && lexfile == 18) out->persons.insert(lower);
        if (noun && lexfile == 15) out->locations.insert(lower);
        out->proper.insert(std::move(lower));
      }
    });
  }
  return Status::Ok();
}

}  // namespace dragoman
