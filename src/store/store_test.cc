#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>

#include "store_testing.h"

namespace dragoman {
namespace {

using testing_util::DumpTables;
using testing_util::ExampleJsonl;
using testing_util::ExampleText;
using testing_util::StoreFiles;

std::string FreshDb(const std::string& name) {
  std::string path = ::testing::TempDir() + "/" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

int64_t Scalar(Store* store, const char* sql) {
  sqlite3_stmt* s = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(store->db(), sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

TEST(Store, DayOfMakesPartialDatesComparable) {
  EXPECT_EQ(DayOf("2025"), "2025-01-01");
  EXPECT_EQ(DayOf("2025-03"), "2025-03-01");
  EXPECT_EQ(DayOf("2025-03-05"), "2025-03-05");
  EXPECT_EQ(DayOf("March 2025"), "");
  EXPECT_EQ(DayOf("2025-3-5"), "");
}

TEST(Store, ContentHashDependsOnDateAndText) {
  Document a{"x", "2025-03-05", "Police arrested 20 protesters.", 0};
  Document b = a;
  b.id = "y";  // the id is the key, not part of the content
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  EXPECT_EQ(ContentHash(a).size(), 32u);
  b.date = "2025-03-06";
  EXPECT_NE(ContentHash(a), ContentHash(b));
  b = a;
  b.text += " ";
  EXPECT_NE(ContentHash(a), ContentHash(b));
}

TEST(Store, StoresEveryKindOfRecordAndSearchesSentences) {
  std::string path = FreshDb("store_all");
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Store* db = store.value().get();
  EXPECT_EQ(StoreFiles(db, {ExampleJsonl()}), 3);
  EXPECT_EQ(StoreFiles(db, {ExampleText()}, "2027-03-11"), 1);
  EXPECT_EQ(Scalar(db, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), 4);
  EXPECT_GT(Scalar(db, "SELECT count(*) FROM events"), 3);
  EXPECT_GT(Scalar(db, "SELECT count(*) FROM entities"), 10);
  EXPECT_GT(Scalar(db, "SELECT count(*) FROM quotes"), 0);
  EXPECT_GT(Scalar(db, "SELECT count(*) FROM counts"), 0);
  // Every event points at its evidence sentence, and every event date is a day.
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events WHERE sentence IS NULL"), 0);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events WHERE day IS NULL OR length(day) <> 10"), 0);
  // The example about Ahmedabad says police arrested 23 people.
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM counts WHERE type = 'ARREST' AND number = 23"), 1);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'ceasefire AND talks'"), 1);
  EXPECT_GE(Scalar(db, "SELECT count(*) FROM actors WHERE code = 'PSEHMS' AND name = 'Hamas'"), 1);
}

TEST(Store, UnchangedDocumentIsSkippedAndChangedOneReplaced) {
  std::string path = FreshDb("store_replace");
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(store.ok());
  Store* db = store.value().get();
  ASSERT_EQ(StoreFiles(db, {ExampleJsonl()}), 3);
  const std::string before = DumpTables(path);
  EXPECT_EQ(StoreFiles(db, {ExampleJsonl()}), 0);
  EXPECT_EQ(DumpTables(path), before);

  // The same id with new text: its old rows go, the new ones come, in one
  // transaction; the other documents are untouched.
  std::string jsonl = ::testing::TempDir() + "/store_replace.jsonl";
  FILE* f = std::fopen(jsonl.c_str(), "w");
  std::fputs("{\"id\": \"ex-001\", \"date\": \"2027-02-03\", \"text\": \"Rebels attacked an army base in Maiduguri. "
             "Soldiers killed five rebels.\"}\n", f);
  std::fclose(f);
  const int64_t others = Scalar(db, "SELECT count(*) FROM events WHERE doc <> (SELECT rowid FROM documents WHERE id = 'ex-001')");
  EXPECT_EQ(StoreFiles(db, {jsonl}), 1);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), 3);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentences s JOIN documents d ON d.rowid = s.doc WHERE d.id = 'ex-001'"), 2);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'Ahmedabad'"), 0);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'Maiduguri'"), 1);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM counts WHERE number = 23"), 0);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events WHERE doc <> (SELECT rowid FROM documents WHERE id = 'ex-001')"), others);
  EXPECT_GE(Scalar(db, "SELECT count(*) FROM events e JOIN documents d ON d.rowid = e.doc WHERE d.id = 'ex-001' AND e.root IN ('18', '19')"), 1);
}

TEST(Store, NewerSchemaIsRefusedAndReadOnlyNeedsAStore) {
  std::string path = FreshDb("store_version");
  {
    auto store = Store::Open(path, Store::Mode::kReadWrite);
    ASSERT_TRUE(store.ok());
    ASSERT_EQ(sqlite3_exec(store.value()->db(), "PRAGMA user_version=99", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  auto again = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("newer"), std::string::npos) << again.status().message();

  std::string empty = FreshDb("store_empty");
  { FILE* f = std::fopen(empty.c_str(), "w"); std::fclose(f); }
  auto ro = Store::Open(empty, Store::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());
  EXPECT_NE(ro.status().message().find("not a dragoman database"), std::string::npos) << ro.status().message();
  auto missing = Store::Open(::testing::TempDir() + "/no/such/dir/x.db", Store::Mode::kReadWrite);
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace dragoman
