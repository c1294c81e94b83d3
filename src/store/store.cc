#include "store/store.h"

#include <sqlite3.h>
#include <xxhash.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

namespace dragoman {

namespace {

using nlohmann::json;

// Each entry moves the schema from version i to i + 1, in one transaction.
const char* const kMigrations[] = {
    // 0 -> 1
    R"sql(
CREATE TABLE documents(
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  date TEXT,
  hash TEXT NOT NULL,
  text TEXT NOT NULL,
  record TEXT NOT NULL);
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  n INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX sentences_doc ON sentences(doc);
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE actors(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  sentence INTEGER,
  day TEXT,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT,
  quad INTEGER,
  goldstein REAL,
  modality TEXT,
  source_code TEXT,
  source_name TEXT,
  target_code TEXT,
  target_name TEXT,
  place TEXT,
  place_text TEXT,
  place_country TEXT,
  lat REAL,
  lon REAL,
  json TEXT NOT NULL);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX events_place ON events(place COLLATE NOCASE);
CREATE INDEX events_country ON events(place_country);
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  name TEXT,
  code TEXT,
  cluster INTEGER,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  country TEXT,
  lat REAL,
  lon REAL);
CREATE INDEX entities_doc ON entities(doc);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_code ON entities(code);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  text TEXT NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  speaker_text TEXT,
  speaker_name TEXT,
  speaker_code TEXT);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE TABLE counts(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  type TEXT NOT NULL,
  number INTEGER NOT NULL,
  object TEXT,
  qualifier TEXT,
  actor_text TEXT,
  actor_name TEXT,
  actor_code TEXT,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL);
CREATE INDEX counts_doc ON counts(doc);
CREATE INDEX counts_type ON counts(type);
)sql",
};
constexpr int kMigrationCount = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kMigrationCount == kStoreSchemaVersion);

enum Stmt {
  kFindDoc, kInsertDoc, kUpdateDoc, kInsertSentence, kInsertEvent, kInsertActor,
  kInsertEntity, kInsertQuote, kInsertCount, kDeleteFirst
};

// The per-document tables an earlier version of a document is removed from.
const char* const kChildTables[] = {"events", "entities", "quotes", "counts", "sentences"};
constexpr int kDeleteSlots = 5;
static_assert(kDeleteFirst + kDeleteSlots <= 16);

// Binds a JSON value: null, number or string.
void BindJson(sqlite3_stmt* s, int i, const json& v) {
  if (v.is_null()) sqlite3_bind_null(s, i);
  else if (v.is_number_integer()) sqlite3_bind_int64(s, i, v.get<int64_t>());
  else if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
  else if (v.is_string()) {
    const std::string& str = v.get_ref<const std::string&>();
    sqlite3_bind_text(s, i, str.data(), static_cast<int>(str.size()), SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(s, i);
  }
}

const json& Field(const json& obj, const char* key) {
  static const json kNull;
  if (!obj.is_object()) return kNull;
  auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
}

// Binds obj[keys[0]], obj[keys[1]] ... to parameters first, first + 1 ...
void BindFields(sqlite3_stmt* s, int first, const json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) BindJson(s, first++, Field(obj, key));
}

void BindText(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

}  // namespace

std::string ContentHash(const Document& doc) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, doc.date.data(), doc.date.size());
  XXH3_128bits_update(st, "\0", 1);
  XXH3_128bits_update(st, doc.text.data(), doc.text.size());
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

std::string DayOf(std::string_view iso) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (iso.size() == 4 && digits(0, 4)) return std::string(iso) + "-01-01";
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2)) return std::string(iso) + "-01";
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' && digits(8, 2))
    return std::string(iso);
  return "";
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  sqlite3* db = nullptr;
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::IoError(msg);
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Store> store(new Store(db, path));
  if (mode == Mode::kReadWrite) {
    if (Status st = store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !st.ok()) return st;
    if (Status st = store->Migrate(); !st.ok()) return st;
  } else {
    sqlite3_stmt* s = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (version != kStoreSchemaVersion)
      return Status::InvalidArgument(path + ": not a dragoman database of schema version " +
                                     std::to_string(kStoreSchemaVersion) + " (found " + std::to_string(version) +
                                     "; run `dragoman ingest` on it to create or migrate it)");
  }
  return store;
}

Store::~Store() {
  for (sqlite3_stmt* s : stmts_) sqlite3_finalize(s);
  sqlite3_close(db_);
}

Status Store::Error(const char* what) const {
  return Status::IoError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = path_ + ": " + (err ? err : "error");
    sqlite3_free(err);
    return Status::IoError(msg);
  }
  return Status::Ok();
}

Status Store::Migrate() {
  sqlite3_stmt* s = nullptr;
  int version = 0;
  if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &s, nullptr) != SQLITE_OK) return Error("schema version");
  if (sqlite3_step(s) == SQLITE_ROW) version = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  if (version > kStoreSchemaVersion)
    return Status::InvalidArgument(path_ + ": database schema version " + std::to_string(version) +
                                   " is newer than this dragoman's (" + std::to_string(kStoreSchemaVersion) + ")");
  for (int v = version; v < kStoreSchemaVersion; ++v) {
    if (Status st = Exec("BEGIN IMMEDIATE"); !st.ok()) return st;
    Status st = Exec(kMigrations[v]);
    if (st.ok()) st = Exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    if (!st.ok()) {
      (void)Exec("ROLLBACK");
      return st;
    }
    if (Status c = Exec("COMMIT"); !c.ok()) return c;
  }
  return Status::Ok();
}

sqlite3_stmt* Store::Prepare(int slot, const char* sql) {
  if (!stmts_[slot]) sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmts_[slot], nullptr);
  sqlite3_stmt* s = stmts_[slot];
  if (s) {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
  return s;
}

Status Store::Begin() { return Exec("BEGIN IMMEDIATE"); }
Status Store::Commit() { return Exec("COMMIT"); }

Result<bool> Store::Has(std::string_view id, std::string_view hash) {
  sqlite3_stmt* s = Prepare(kFindDoc, "SELECT rowid, hash FROM documents WHERE id = ?");
  if (!s) return Error("prepare");
  BindText(s, 1, id);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) return false;
  if (rc != SQLITE_ROW) return Error("lookup");
  const char* h = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
  return h != nullptr && hash == h;
}

Status Store::Put(const Document& doc, std::string_view hash, const Record& rec, std::string_view json_line) {
  json j = json::parse(json_line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("record of '" + doc.id + "' is not JSON");

  // The document row: kept (and its rowid) when the document is replaced.
  int64_t rowid = 0;
  sqlite3_stmt* s = Prepare(kFindDoc, "SELECT rowid, hash FROM documents WHERE id = ?");
  BindText(s, 1, doc.id);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) rowid = sqlite3_column_int64(s, 0);
  else if (rc != SQLITE_DONE) return Error("lookup");
  std::string_view record = json_line;
  while (!record.empty() && record.back() == '\n') record.remove_suffix(1);
  if (rowid) {
    for (int t = 0; t < kDeleteSlots; ++t) {
      std::string sql = std::string("DELETE FROM ") + kChildTables[t] + " WHERE doc = ?";
      sqlite3_stmt* d = Prepare(kDeleteFirst + t, sql.c_str());
      sqlite3_bind_int64(d, 1, rowid);
      if (sqlite3_step(d) != SQLITE_DONE) return Error("delete");
    }
    s = Prepare(kUpdateDoc, "UPDATE documents SET date = ?, hash = ?, text = ?, record = ? WHERE rowid = ?");
    sqlite3_bind_int64(s, 5, rowid);
  } else {
    s = Prepare(kInsertDoc, "INSERT INTO documents(date, hash, text, record, id) VALUES (?, ?, ?, ?, ?)");
    BindText(s, 5, doc.id);
  }
  if (doc.date.empty()) sqlite3_bind_null(s, 1);
  else BindText(s, 1, doc.date);
  BindText(s, 2, hash);
  BindText(s, 3, doc.text);
  BindText(s, 4, record);
  if (sqlite3_step(s) != SQLITE_DONE) return Error("write document");
  if (!rowid) rowid = sqlite3_last_insert_rowid(db_);

  // Sentences: text from the byte spans, offsets from the record (code points).
  const json& sentences = Field(j, "sentences");
  std::unordered_map<int64_t, int64_t> sentence_row;  // code-point begin -> row id
  for (size_t n = 0; n < rec.sentences.size() && n < sentences.size(); ++n) {
    const Span& span = rec.sentences[n];
    s = Prepare(kInsertSentence, "INSERT INTO sentences(doc, n, begin, end, text) VALUES (?, ?, ?, ?, ?)");
    sqlite3_bind_int64(s, 1, rowid);
    sqlite3_bind_int64(s, 2, static_cast<int64_t>(n));
    BindJson(s, 3, Field(sentences[n], "begin"));
    BindJson(s, 4, Field(sentences[n], "end"));
    BindText(s, 5, std::string_view(doc.text).substr(span.begin, span.end - span.begin));
    if (sqlite3_step(s) != SQLITE_DONE) return Error("write sentence");
    const json& b = Field(sentences[n], "begin");
    if (b.is_number_integer()) sentence_row[b.get<int64_t>()] = sqlite3_last_insert_rowid(db_);
  }

  const std::string doc_day = DayOf(doc.date);
  for (const json& e : Field(j, "events")) {
    s = Prepare(kInsertEvent,
                "INSERT INTO events(doc, sentence, day, cameo, root, plover, quad, goldstein, modality, source_code, "
                "source_name, target_code, target_name, place, place_text, place_country, lat, lon, json) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_bind_int64(s, 1, rowid);
    const json& sb = Field(Field(e, "sentence"), "begin");
    auto it = sb.is_number_integer() ? sentence_row.find(sb.get<int64_t>()) : sentence_row.end();
    if (it != sentence_row.end()) sqlite3_bind_int64(s, 2, it->second);
    const json& date = Field(e, "date");
    std::string day = date.is_string() ? DayOf(date.get_ref<const std::string&>()) : "";
    if (day.empty()) day = doc_day;
    if (!day.empty()) BindText(s, 3, day);
    const json& cameo = Field(e, "cameo");
    std::string code = cameo.is_string() ? cameo.get<std::string>() : "";
    BindText(s, 4, code);
    BindText(s, 5, std::string_view(code).substr(0, 2));
    BindFields(s, 6, e, {"plover", "quad", "goldstein", "modality"});
    const json& src = Field(e, "source");
    const json& tgt = Field(e, "target");
    BindFields(s, 10, src, {"code", "name"});
    BindFields(s, 12, tgt, {"code", "name"});
    BindFields(s, 14, Field(e, "location"), {"name", "text", "country", "lat", "lon"});
    std::string ej = e.dump();
    BindText(s, 19, ej);
    if (sqlite3_step(s) != SQLITE_DONE) return Error("write event");
    for (const json* actor : {&src, &tgt}) {
      const json& c = Field(*actor, "code");
      if (!c.is_string() || c.get_ref<const std::string&>().empty()) continue;
      const json& name = Field(*actor, "name");
      s = Prepare(kInsertActor, "INSERT INTO actors(code, name) VALUES (?, ?) ON CONFLICT(code) DO NOTHING");
      BindJson(s, 1, c);
      BindText(s, 2, name.is_string() && !name.get_ref<const std::string&>().empty()
                         ? name.get_ref<const std::string&>()
                         : c.get_ref<const std::string&>());
      if (sqlite3_step(s) != SQLITE_DONE) return Error("write actor");
    }
  }

  for (const json& e : Field(j, "entities")) {
    s = Prepare(kInsertEntity,
                "INSERT INTO entities(doc, type, text, name, code, cluster, begin, end, country, lat, lon) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_bind_int64(s, 1, rowid);
    BindFields(s, 2, e, {"type", "text", "name", "code", "entity", "begin", "end", "country", "lat", "lon"});
    if (sqlite3_step(s) != SQLITE_DONE) return Error("write entity");
  }
  for (const json& q : Field(j, "quotes")) {
    s = Prepare(kInsertQuote,
                "INSERT INTO quotes(doc, text, begin, end, speaker_text, speaker_name, speaker_code) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    sqlite3_bind_int64(s, 1, rowid);
    BindFields(s, 2, q, {"text", "begin", "end"});
    BindFields(s, 5, Field(q, "speaker"), {"text", "name", "code"});
    if (sqlite3_step(s) != SQLITE_DONE) return Error("write quotation");
  }
  for (const json& c : Field(j, "counts")) {
    s = Prepare(kInsertCount,
                "INSERT INTO counts(doc, type, number, object, qualifier, actor_text, actor_name, actor_code, begin, "
                "end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite3_bind_int64(s, 1, rowid);
    BindFields(s, 2, c, {"type", "number", "object", "qualifier"});
    BindFields(s, 6, Field(c, "actor"), {"text", "name", "code"});
    BindFields(s, 9, c, {"begin", "end"});
    if (sqlite3_step(s) != SQLITE_DONE) return Error("write count");
  }
  return Status::Ok();
}

}  // namespace dragoman
