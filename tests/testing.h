// Shared helpers for tests: one engine over the project's data/, and a way
// to code a sentence and render what was found.
#ifndef DRAGOMAN_TESTS_TESTING_H_
#define DRAGOMAN_TESTS_TESTING_H_

#include <gtest/gtest.h>

#include <string>

#include "dragoman/engine.h"
#include "read_file.h"

namespace dragoman::testing_util {

inline const Engine& TestEngine() {
  static const Engine* engine = [] {
    EngineOptions opt;
    opt.data_dir = std::string(DM_SOURCE_DIR) + "/data";
    auto e = Engine::Load(opt);
    if (!e.ok()) {
      ADD_FAILURE() << e.status().message();
      std::abort();
    }
    return std::move(e).value().release();
  }();
  return *engine;
}

inline Record CodeText(const std::string& text, const std::string& date = "2025-03-05") {
  Document d{"t", date, text, 0};
  Workspace ws;
  Record r;
  TestEngine().Code(d, &ws, &r);
  return r;
}

// "SRC-CAMEO-TGT" per event, in order: "USAGOV-046-PSEHMS".
inline std::string Events(const Record& r) {
  std::string out;
  for (const auto& e : r.events) {
    if (!out.empty()) out += " ";
    out += (e.source.code.empty() ? "?" : e.source.code) + "-" + e.cameo + "-" +
           (e.target.code.empty() ? "?" : e.target.code);
  }
  return out;
}

inline std::string Counts(const Record& r) {
  std::string out;
  for (const auto& c : r.counts) {
    if (!out.empty()) out += " ";
    out += c.type + ":" + std::to_string(c.number);
  }
  return out;
}


}  // namespace dragoman::testing_util

#endif  // DRAGOMAN_TESTS_TESTING_H_
