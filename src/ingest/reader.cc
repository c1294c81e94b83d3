#include "ingest/reader.h"

#include <unicode/utf8.h>

#include <filesystem>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dragoman {

int RepairUtf8(std::string* s) {
  int32_t i = 0, len = static_cast<int32_t>(s->size());
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s->data());
  // Fast path: valid input is left alone.
  bool valid = true;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) { valid = false; break; }
  }
  if (valid) return 0;
  std::string out;
  out.reserve(s->size() + 16);
  int replaced = 0;
  i = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
      ++replaced;
    } else {
      out.append(s->data() + start, static_cast<size_t>(i - start));
    }
  }
  s->swap(out);
  return replaced;
}

bool LooksBinary(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 10 > n;
}

bool ValidIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) if (s[i] < '0' || s[i] > '9') return false;
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

DocumentReader::DocumentReader(std::vector<std::string> paths, ReaderOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {}
DocumentReader::~DocumentReader() = default;

bool DocumentReader::OpenNext(Status* problem) {
  file_.reset();
  in_ = nullptr;
  if (next_path_ >= paths_.size()) return false;
  current_ = paths_[next_path_++];
  line_ = 0;
  jsonl_ = options_.format == ReaderOptions::Format::kJsonl ||
           (options_.format == ReaderOptions::Format::kAuto && current_.size() > 6 &&
            current_.compare(current_.size() - 6, 6, ".jsonl") == 0);
  if (current_ == "-") {
    in_ = &std::cin;
    current_ = "<stdin>";
    return true;
  }
  if (std::filesystem::is_directory(current_)) {
    *problem = Status::InvalidArgument(current_ + ": is a directory");
    return true;
  }
  file_ = std::make_unique<std::ifstream>(current_, std::ios::binary);
  if (!*file_) {
    *problem = Status::NotFound(current_ + ": cannot open");
    file_.reset();
    return true;
  }
  in_ = file_.get();
  return true;
}

bool DocumentReader::Next(Document* doc, Status* problem, bool* skipped, bool* fatal) {
  *problem = Status::Ok();
  *fatal = false;
  *skipped = true;
  while (true) {
    if (!in_) {
      if (!OpenNext(problem)) return false;
      if (!problem->ok()) return true;
      if (!jsonl_) {
        // A whole plain-text file is one document.
        std::string text((std::istreambuf_iterator<char>(*in_)), std::istreambuf_iterator<char>());
        in_ = nullptr;
        file_.reset();
        if (LooksBinary(text)) {
          *problem = Status::InvalidArgument(current_ + ": looks like a binary file, not text");
          return true;
        }
        doc->id = std::filesystem::path(current_).stem().string();
        if (current_ == "<stdin>") doc->id = "stdin";
        doc->date = options_.date;
        doc->text = std::move(text);
        doc->replaced_bytes = RepairUtf8(&doc->text);
        if (doc->replaced_bytes && options_.strict) {
          *problem = Status::Corruption(current_ + ": invalid UTF-8 (" + std::to_string(doc->replaced_bytes) + " sequences)");
          *fatal = true;
          return true;
        }
        *skipped = false;
        return true;
      }
    }
    std::string line;
    if (!std::getline(*in_, line)) {
      in_ = nullptr;
      file_.reset();
      continue;
    }
    ++line_;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = current_ + ":" + std::to_string(line_);
    int replaced = RepairUtf8(&line);
    if (replaced && options_.strict) {
      *problem = Status::Corruption(where + ": invalid UTF-8");
      *fatal = true;
      return true;
    }
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      *problem = Status::InvalidArgument(where + ": not a JSON object");
      *fatal = options_.strict;
      return true;
    }
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      *problem = Status::InvalidArgument(where + ": no \"text\" string");
      *fatal = options_.strict;
      return true;
    }
    doc->text = text->get<std::string>();
    doc->replaced_bytes = replaced;
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) doc->id = id->get<std::string>();
    else if (id != j.end() && id->is_number_integer()) doc->id = std::to_string(id->get<long long>());
    else doc->id = std::filesystem::path(current_).stem().string() + ":" + std::to_string(line_);
    doc->date = options_.date;
    auto date = j.find("date");
    if (date != j.end() && date->is_string()) {
      std::string d = date->get<std::string>().substr(0, 10);
      if (ValidIsoDate(d)) doc->date = d;
      else {
        *problem = Status::InvalidArgument(where + ": date '" + date->get<std::string>() + "' is not YYYY-MM-DD; coded without a date");
      }
    }
    *skipped = false;
    return true;
  }
}

}  // namespace dragoman
