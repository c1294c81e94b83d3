// Store: coded documents in an embedded SQLite database (WAL mode), so that
// analysts can filter, count and read them back (see docs/api.md).
//
//   auto store = dragoman::Store::Open("events.db", Store::Mode::kReadWrite);
//   store->Begin();
//   if (!store->Has(doc.id, hash)) store->Put(doc, hash, record, json_line);
//   store->Commit();
//
// A document is keyed by its id. Put() replaces every row an earlier version
// of the document left, inside the caller's transaction, so a reader never
// sees half a document and a killed writer loses only its open transaction.
// Row ids are given in insertion order, so the same input gives the same
// database whether or not a run was interrupted and resumed.
#ifndef DRAGOMAN_STORE_STORE_H_
#define DRAGOMAN_STORE_STORE_H_

#include <memory>
#include <string>
#include <string_view>

#include "dragoman/document.h"
#include "dragoman/record.h"
#include "dragoman/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dragoman {

// The schema version this build writes; older databases are migrated on open.
inline constexpr int kStoreSchemaVersion = 1;

// A hex digest of the document's date and text (XXH3, 128 bits): the same
// content gives the same hash on every machine.
std::string ContentHash(const Document& doc);

// "2025" -> "2025-01-01", "2025-03" -> "2025-03-01", a full date unchanged,
// anything else -> "". Lets partial dates compare and group as days.
std::string DayOf(std::string_view iso);

class Store {
 public:
  enum class Mode { kReadOnly, kReadWrite };
  static Result<std::unique_ptr<Store>> Open(const std::string& path, Mode mode);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Status Begin();
  Status Commit();
  // True when a document with this id and content hash is stored already.
  Result<bool> Has(std::string_view id, std::string_view hash);
  // Stores one coded document, replacing an earlier version with its id.
  // `json_line` is the record as WriteJsonLine writes it (kept whole for the
  // document view; events, entities, quotations and counts are also split
  // into indexed tables).
  Status Put(const Document& doc, std::string_view hash, const Record& rec, std::string_view json_line);

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Migrate();
  Status Exec(const char* sql);
  sqlite3_stmt* Prepare(int slot, const char* sql);
  Status Error(const char* what) const;

  sqlite3* db_;
  std::string path_;
  static constexpr int kStatements = 16;
  sqlite3_stmt* stmts_[kStatements] = {};
};

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_STORE_H_
