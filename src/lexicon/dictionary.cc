#include "lexicon/dictionary.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dragoman {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

std::vector<std::string> SplitTrim(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t k = s.find(sep, pos);
    std::string_view piece = Trim(s.substr(pos, k == std::string_view::npos ? s.npos : k - pos));
    if (!piece.empty()) out.emplace_back(piece);
    if (k == std::string_view::npos) break;
    pos = k + sep.size();
  }
  return out;
}

std::string Entry::Get(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return "";
}

std::vector<std::string> Entry::GetAll(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields) {
    if (k != name) continue;
    for (auto& p : SplitTrim(v, "|")) out.push_back(std::move(p));
  }
  return out;
}

bool ParseEntryLine(std::string_view line, Entry* entry, std::string* error) {
  entry->kind.clear();
  entry->key.clear();
  entry->names.clear();
  entry->fields.clear();
  // Strip a comment: '#' at the start or after whitespace.
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      line = line.substr(0, i);
      break;
    }
  }
  line = Trim(line);
  if (line.empty()) return true;
  size_t colon = line.find(" :");
  if (colon == std::string_view::npos) {
    *error = "missing ' : ' after kind and key";
    return false;
  }
  std::string_view head = Trim(line.substr(0, colon));
  size_t sp = head.find(' ');
  entry->kind = std::string(head.substr(0, sp));
  if (sp != std::string_view::npos) entry->key = std::string(Trim(head.substr(sp + 1)));
  if (entry->kind.empty()) {
    *error = "empty kind";
    return false;
  }
  std::string_view rest = line.substr(colon + 2);
  std::vector<std::string> parts = SplitTrim(rest, " ;");
  // The first part holds the names unless it is a field (empty name list).
  size_t first_field = 0;
  if (!parts.empty() && Trim(rest).substr(0, 1) != ";") {
    entry->names = SplitTrim(parts[0], "|");
    first_field = 1;
  }
  for (size_t i = first_field; i < parts.size(); ++i) {
    std::string_view f = Trim(parts[i]);
    if (!f.empty() && f[0] == ';') f = Trim(f.substr(1));
    if (f.empty()) continue;
    size_t eq = f.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      *error = "field '" + std::string(f) + "' is not key=value";
      return false;
    }
    entry->fields.emplace_back(std::string(Trim(f.substr(0, eq))), std::string(Trim(f.substr(eq + 1))));
  }
  return true;
}

bool DateRange::Contains(std::string_view date) const {
  if (date.empty()) return true;
  auto clean = [](const std::string& d) {
    return std::string_view(d).substr(0, d.size() && d.back() == '?' ? d.size() - 1 : d.size());
  };
  if (!from.empty() && date < clean(from)) return false;
  if (!to.empty() && date > clean(to)) return false;
  return true;
}

static bool ValidDate(std::string_view d) {
  if (!d.empty() && d.back() == '?') d.remove_suffix(1);
  if (d.size() != 10 && d.size() != 7 && d.size() != 4) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    bool dash = (i == 4 || i == 7);
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  }
  return true;
}

bool ParseDateRange(std::string_view s, DateRange* out, std::string* error) {
  s = Trim(s);
  size_t dots = s.find("..");
  if (dots == std::string_view::npos) {
    *error = "date range '" + std::string(s) + "' lacks '..'";
    return false;
  }
  out->from = std::string(Trim(s.substr(0, dots)));
  out->to = std::string(Trim(s.substr(dots + 2)));
  for (const std::string* d : {&out->from, &out->to}) {
    if (!d->empty() && !ValidDate(*d)) {
      *error = "bad date '" + *d + "' (want YYYY-MM-DD)";
      return false;
    }
  }
  if (!out->from.empty() && !out->to.empty() && out->to < out->from) {
    *error = "date range ends before it starts";
    return false;
  }
  return true;
}

Status ReadDictionary(const std::string& path, std::vector<Entry>* entries,
                      std::vector<std::string>* warnings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& de : fs::directory_iterator(path, ec)) {
      if (de.path().extension() == ".txt") files.push_back(de.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) DM_RETURN_IF_ERROR(ReadDictionary(f, entries, warnings));
    return Status::Ok();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open dictionary");
  std::string line;
  int n = 0;
  Entry e;
  std::string error;
  while (std::getline(in, line)) {
    ++n;
    int32_t i = 0, len = static_cast<int32_t>(line.size());
    while (i < len) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, len, c);
      if (c < 0) return Status::Corruption(path + ":" + std::to_string(n) + ": invalid UTF-8");
    }
    if (!ParseEntryLine(line, &e, &error)) {
      if (warnings) warnings->push_back(path + ":" + std::to_string(n) + ": " + error);
      continue;
    }
    if (e.kind.empty()) continue;
    e.file = path;
    e.line = n;
    entries->push_back(e);
  }
  return Status::Ok();
}

}  // namespace dragoman
