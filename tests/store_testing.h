// Test helpers for the event store: code real files into a store as
// `dragoman ingest` does, and dump a database's rows for comparison.
#ifndef DRAGOMAN_TESTS_STORE_TESTING_H_
#define DRAGOMAN_TESTS_STORE_TESTING_H_

#include <sqlite3.h>

#include <string>
#include <vector>

#include "ingest/reader.h"
#include "store/store.h"
#include "testing.h"
#include "write/writer.h"

namespace dragoman::testing_util {

// Codes every document of `paths` into `store` in one transaction; returns
// how many were stored (unchanged documents are skipped, as ingest does).
inline int StoreFiles(Store* store, const std::vector<std::string>& paths, const std::string& date = "") {
  ReaderOptions ro;
  ro.date = date;
  DocumentReader reader(paths, ro);
  Document doc;
  Status problem;
  bool skipped = false, fatal = false;
  Workspace ws;
  Record rec;
  int stored = 0;
  EXPECT_TRUE(store->Begin().ok());
  while (reader.Next(&doc, &problem, &skipped, &fatal)) {
    EXPECT_TRUE(problem.ok()) << problem.message();
    if (skipped) continue;
    std::string hash = ContentHash(doc);
    auto has = store->Has(doc.id, hash);
    EXPECT_TRUE(has.ok());
    if (has.ok() && has.value()) continue;
    TestEngine().Code(doc, &ws, &rec);
    std::string line;
    WriteJsonLine(doc, rec, &line);
    Status st = store->Put(doc, hash, rec, line);
    EXPECT_TRUE(st.ok()) << st.message();
    ++stored;
  }
  EXPECT_TRUE(store->Commit().ok());
  return stored;
}

// Every row of the store's own tables, in row order, as text.
inline std::string DumpTables(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  for (const char* table : {"documents", "sentences", "actors", "events", "entities", "quotes", "counts"}) {
    out += std::string("== ") + table + "\n";
    std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    while (s && sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

inline std::string ExampleJsonl() { return std::string(DM_SOURCE_DIR) + "/examples/articles.jsonl"; }
inline std::string ExampleText() { return std::string(DM_SOURCE_DIR) + "/examples/article.txt"; }

}  // namespace dragoman::testing_util

#endif  // DRAGOMAN_TESTS_STORE_TESTING_H_
