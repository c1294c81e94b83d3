#include "serve/server.h"

#include <httplib.h>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <variant>
#include <vector>

#include "ingest/reader.h"
#include "lexicon/model.h"
#include "store/store.h"
#include "write/writer.h"

namespace dragoman {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A request that cannot be answered: the HTTP status and the message.
struct HttpError {
  int status;
  std::string message;
};

using Value = std::variant<std::string, int64_t>;

// A WHERE clause of fixed fragments and the values bound to its '?'s.
struct Where {
  std::string sql = " WHERE 1";
  std::vector<Value> values;
  void Add(const std::string& fragment, const std::vector<Value>& vs) {
    sql += " AND ";
    sql += fragment;
    values.insert(values.end(), vs.begin(), vs.end());
  }
};

bool AllOf(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperOrUnderscore(char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// The upper bound of the codes starting with `prefix` (codes are ASCII).
std::string PrefixEnd(const std::string& prefix) { return prefix + "\x7f"; }

// One read-only connection per concurrent request, kept for reuse.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  ~ConnectionPool() {
    for (sqlite3* db : free_) sqlite3_close(db);
  }
  sqlite3* Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        sqlite3* db = free_.back();
        free_.pop_back();
        return db;
      }
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sqlite3_close(db);
      return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
  }
  void Release(sqlite3* db) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(db);
  }

 private:
  std::string path_;
  std::mutex mu_;
  std::vector<sqlite3*> free_;
};

// A connection for one request, with a deadline after which SQLite stops
// the running statement.
class Conn {
 public:
  Conn(ConnectionPool* pool, double seconds) : pool_(pool), db_(pool->Acquire()) {
    deadline_ = Clock::now() + std::chrono::microseconds(static_cast<int64_t>(seconds * 1e6));
    if (!db_) throw HttpError{500, "cannot open the database"};
    sqlite3_progress_handler(db_, 100, &Conn::Progress, this);
  }
  ~Conn() {
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    pool_->Release(db_);
  }

  // Runs `sql` with `values` bound and calls `row` for each result row.
  template <typename F>
  void Query(const std::string& sql, const std::vector<Value>& values, F&& row, const char* param = nullptr) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      if (sqlite3_errcode(db_) == SQLITE_INTERRUPT) throw HttpError{503, "the query took too long; narrow the filters"};
      throw HttpError{500, std::string("query: ") + sqlite3_errmsg(db_)};
    }
    for (size_t i = 0; i < values.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      if (const auto* str = std::get_if<std::string>(&values[i]))
        sqlite3_bind_text(s, at, str->data(), static_cast<int>(str->size()), SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64(s, at, std::get<int64_t>(values[i]));
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s);
    if (rc != SQLITE_DONE) {
      std::string msg = sqlite3_errmsg(db_);
      sqlite3_finalize(s);
      if (rc == SQLITE_INTERRUPT) throw HttpError{503, "the query took too long; narrow the filters"};
      // FTS5 reports a bad MATCH expression ("unterminated string", "syntax
      // error") at step time; the other values are checked before the query.
      if (param && rc == SQLITE_ERROR) throw HttpError{400, std::string(param) + ": " + msg};
      throw HttpError{500, "query: " + msg};
    }
    sqlite3_finalize(s);
  }

 private:
  static int Progress(void* self) { return Clock::now() > static_cast<Conn*>(self)->deadline_ ? 1 : 0; }
  ConnectionPool* pool_;
  sqlite3* db_;
  Clock::time_point deadline_;
};

std::string Text(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s, col))) : "";
}
json TextOrNull(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return nullptr;
  return Text(s, col);
}

// The parameters a request may carry; any other is a 400 (a typo in a
// filter must not silently return everything).
const char* const kFilterParams[] = {"actor", "source", "target", "country", "root", "code", "plover",
                                     "quad",  "from",   "to",     "place",   "q",    "doc",  "modality"};

void CheckParams(const httplib::Request& req, std::initializer_list<const char*> allowed, bool filters = false) {
  for (const auto& [key, value] : req.params) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (filters) {
      for (const char* a : kFilterParams) ok = ok || key == a;
    }
    if (!ok) throw HttpError{400, "unknown parameter '" + key + "'"};
  }
}

std::string Param(const httplib::Request& req, const char* key) {
  if (!req.has_param(key)) return "";
  std::string v = req.get_param_value(key);
  if (v.size() > 1000) throw HttpError{400, std::string(key) + ": too long"};
  return v;
}

int64_t IntParam(const httplib::Request& req, const char* key, int64_t def, int64_t lo, int64_t hi) {
  std::string v = Param(req, key);
  if (v.empty()) return def;
  if (v.size() > 12 || !AllOf(v, IsDigit))
    throw HttpError{400, std::string(key) + ": '" + v + "' is not a whole number"};
  int64_t n = std::stoll(v);
  if (n < lo || n > hi)
    throw HttpError{400, std::string(key) + ": " + v + " is out of range " + std::to_string(lo) + "-" +
                             std::to_string(hi)};
  return n;
}

std::string ChoiceParam(const httplib::Request& req, const char* key, std::initializer_list<const char*> choices) {
  std::string v = Param(req, key);
  if (v.empty()) return *choices.begin();
  std::string list;
  for (const char* c : choices) {
    if (v == c) return v;
    list += list.empty() ? "" : ", ";
    list += c;
  }
  throw HttpError{400, std::string(key) + ": '" + v + "' is not one of " + list};
}

// The event filters of docs/api.md as fixed SQL fragments over `events e`.
Where EventFilters(const httplib::Request& req) {
  Where w;
  // An actor on one side: its code starts with the value, or its name is it.
  static constexpr const char* kSource =
      "(e.source_code >= ? AND e.source_code < ?) OR e.source_name = ? COLLATE NOCASE";
  static constexpr const char* kTarget =
      "(e.target_code >= ? AND e.target_code < ?) OR e.target_name = ? COLLATE NOCASE";
  auto actor = [&](const char* key, std::initializer_list<const char*> sides) {
    std::string v = Param(req, key);
    if (v.empty()) return;
    std::string sql;
    std::vector<Value> values;
    for (const char* side : sides) {
      sql += sql.empty() ? "(" : " OR ";
      sql += side;
      values.insert(values.end(), {v, PrefixEnd(v), v});
    }
    w.Add(sql + ")", values);
  };
  actor("actor", {kSource, kTarget});
  actor("source", {kSource});
  actor("target", {kTarget});
  if (std::string v = Param(req, "country"); !v.empty()) {
    if (v.size() != 3 || !AllOf(v, IsUpper)) throw HttpError{400, "country: '" + v + "' is not an ISO-3 code"};
    w.Add("(e.place_country = ? OR substr(e.source_code, 1, 3) = ? OR substr(e.target_code, 1, 3) = ?)", {v, v, v});
  }
  if (std::string v = Param(req, "root"); !v.empty()) {
    if (v.size() != 2 || !AllOf(v, IsDigit)) throw HttpError{400, "root: '" + v + "' is not a two-digit CAMEO root"};
    w.Add("e.root = ?", {v});
  }
  if (std::string v = Param(req, "code"); !v.empty()) {
    if (v.size() < 2 || v.size() > 4 || !AllOf(v, IsDigit))
      throw HttpError{400, "code: '" + v + "' is not a CAMEO code"};
    w.Add("e.cameo = ?", {v});
  }
  if (std::string v = Param(req, "plover"); !v.empty()) {
    if (!AllOf(v, IsUpperOrUnderscore)) throw HttpError{400, "plover: '" + v + "' is not a PLOVER type"};
    w.Add("e.plover = ?", {v});
  }
  if (req.has_param("quad")) w.Add("e.quad = ?", {IntParam(req, "quad", 0, 1, 4)});
  for (const char* key : {"from", "to"}) {
    std::string v = Param(req, key);
    if (v.empty()) continue;
    std::string day = DayOf(v);
    if (day.empty() || !ValidIsoDate(day))
      throw HttpError{400, std::string(key) + ": '" + v + "' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"};
    w.Add(key[0] == 'f' ? "e.day >= ?" : "e.day <= ?", {day});
  }
  if (std::string v = Param(req, "place"); !v.empty())
    w.Add("(e.place = ? COLLATE NOCASE OR e.place_text = ? COLLATE NOCASE)", {v, v});
  if (std::string v = Param(req, "q"); !v.empty())
    w.Add("e.sentence IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?)", {v});
  if (std::string v = Param(req, "doc"); !v.empty()) w.Add("e.doc = (SELECT rowid FROM documents WHERE id = ?)", {v});
  if (req.has_param("modality"))
    w.Add("e.modality = ?", {ChoiceParam(req, "modality", {"asserted", "negated", "planned", "threatened", "possible"})});
  return w;
}

// An event row (id, document id, event JSON, sentence text) as the API's Event.
json EventJson(sqlite3_stmt* s) {
  json e = json::parse(Text(s, 2), nullptr, false);
  if (e.is_discarded()) e = json::object();
  e["id"] = sqlite3_column_int64(s, 0);
  e["doc"] = Text(s, 1);
  e["root"] = Text(s, 4);
  if (e.contains("sentence") && e["sentence"].is_object()) e["sentence"]["text"] = Text(s, 3);
  return e;
}

constexpr const char* kEventColumns =
    "SELECT e.id, d.id, e.json, s.text, e.root FROM events e JOIN documents d ON d.rowid = e.doc "
    "LEFT JOIN sentences s ON s.id = e.sentence";

// The first `n` code points of `s`.
std::string CutCodePoints(const std::string& s, size_t n) {
  size_t i = 0, cps = 0;
  while (i < s.size() && cps < n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    ++cps;
  }
  return i < s.size() ? s.substr(0, i) + "\u2026" : s;
}

const char* QuadLabel(int64_t q) {
  switch (q) {
    case 1: return "verbal cooperation";
    case 2: return "material cooperation";
    case 3: return "verbal conflict";
    case 4: return "material conflict";
  }
  return "";
}

}  // namespace

struct ApiServer::Impl {
  ServerOptions options;
  ConnectionPool pool;
  httplib::Server http;

  explicit Impl(const ServerOptions& o) : options(o), pool(o.db) {}

  Conn Connect() { return Conn(&pool, options.query_seconds); }

  json Stats() {
    Conn c = Connect();
    json out;
    const char* tables[] = {"documents", "sentences", "events", "actors", "entities", "quotes", "counts"};
    for (const char* t : tables) {
      c.Query(std::string("SELECT count(*) FROM ") + t, {}, [&](sqlite3_stmt* s) { out[t] = sqlite3_column_int64(s, 0); });
    }
    c.Query("SELECT min(day), max(day) FROM events", {}, [&](sqlite3_stmt* s) {
      out["first_date"] = TextOrNull(s, 0);
      out["last_date"] = TextOrNull(s, 1);
    });
    return out;
  }

  json Events(const httplib::Request& req) {
    CheckParams(req, {"limit", "offset", "sort"}, /*filters=*/true);
    Where w = EventFilters(req);
    int64_t limit = IntParam(req, "limit", 50, 1, 500);
    int64_t offset = IntParam(req, "offset", 0, 0, 1000000000);
    std::string sort = ChoiceParam(req, "sort", {"date", "-date"});
    Conn c = Connect();
    json out;
    c.Query("SELECT count(*) FROM events e" + w.sql, w.values,
            [&](sqlite3_stmt* s) { out["total"] = sqlite3_column_int64(s, 0); }, "q");
    out["limit"] = limit;
    out["offset"] = offset;
    out["events"] = json::array();
    std::vector<Value> values = w.values;
    values.push_back(limit);
    values.push_back(offset);
    std::string order = sort == "date" ? " ORDER BY e.day IS NULL, e.day, e.id" : " ORDER BY e.day IS NULL, e.day DESC, e.id";
    c.Query(kEventColumns + w.sql + order + " LIMIT ? OFFSET ?", values,
            [&](sqlite3_stmt* s) { out["events"].push_back(EventJson(s)); }, "q");
    return out;
  }

  json Event(const httplib::Request& req, const std::string& id) {
    CheckParams(req, {});
    if (id.empty() || id.size() > 18 || !AllOf(id, IsDigit)) throw HttpError{400, "event id '" + id + "' is not a number"};
    Conn c = Connect();
    json out;
    c.Query(std::string(kEventColumns) + " WHERE e.id = ?", {static_cast<int64_t>(std::stoll(id))},
            [&](sqlite3_stmt* s) { out = EventJson(s); });
    if (out.is_null()) throw HttpError{404, "no event " + id};
    return out;
  }

  json Actors(const httplib::Request& req) {
    CheckParams(req, {"q", "limit", "offset"});
    int64_t limit = IntParam(req, "limit", 50, 1, 500);
    int64_t offset = IntParam(req, "offset", 0, 0, 1000000000);
    std::string q = Param(req, "q");
    Where w;
    if (!q.empty()) {
      std::string like = "%";
      for (char ch : q) {
        if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
        like += ch;
      }
      like += '%';
      w.Add("((a.code >= ? AND a.code < ?) OR a.name LIKE ? ESCAPE '\\')", {q, PrefixEnd(q), like});
    }
    const std::string counted =
        "SELECT a.code, a.name, (SELECT count(*) FROM events WHERE source_code = a.code) AS src, "
        "(SELECT count(*) FROM events WHERE target_code = a.code) AS tgt FROM actors a" + w.sql;
    Conn c = Connect();
    json out;
    c.Query("SELECT count(*) FROM (" + counted + ") WHERE src + tgt > 0", w.values,
            [&](sqlite3_stmt* s) { out["total"] = sqlite3_column_int64(s, 0); });
    out["actors"] = json::array();
    std::vector<Value> values = w.values;
    values.push_back(limit);
    values.push_back(offset);
    c.Query("SELECT * FROM (" + counted + ") WHERE src + tgt > 0 ORDER BY src + tgt DESC, code LIMIT ? OFFSET ?",
            values, [&](sqlite3_stmt* s) {
              int64_t src = sqlite3_column_int64(s, 2), tgt = sqlite3_column_int64(s, 3);
              out["actors"].push_back(
                  {{"code", Text(s, 0)}, {"name", Text(s, 1)}, {"as_source", src}, {"as_target", tgt}, {"events", src + tgt}});
            });
    return out;
  }

  static const char* TypeExpr(const std::string& by) {
    return by == "plover" ? "coalesce(e.plover, '')" : by == "quad" ? "e.quad" : "e.root";
  }
  static const char* PeriodExpr(const std::string& period) {
    if (period == "year") return "substr(e.day, 1, 4)";
    if (period == "month") return "substr(e.day, 1, 7)";
    if (period == "week") return "date(e.day, '-6 days', 'weekday 1')";
    if (period == "day") return "e.day";
    return "''";
  }

  json Network(const httplib::Request& req) {
    CheckParams(req, {"by", "period", "min_weight"}, /*filters=*/true);
    Where w = EventFilters(req);
    std::string by = ChoiceParam(req, "by", {"root", "plover", "quad"});
    std::string period = ChoiceParam(req, "period", {"all", "year", "month", "week"});
    int64_t min_weight = IntParam(req, "min_weight", 1, 1, 1000000000);
    w.Add("e.source_code <> '' AND e.target_code <> '' AND e.source_code <> e.target_code", {});
    std::vector<Value> values = w.values;
    values.push_back(min_weight);
    Conn c = Connect();
    json out;
    out["edges"] = json::array();
    std::map<std::string, std::pair<std::string, int64_t>> nodes;  // code -> name, events
    c.Query(std::string("SELECT e.source_code, e.target_code, ") + TypeExpr(by) + ", coalesce(" + PeriodExpr(period) +
                ", ''), count(*), avg(e.goldstein), "
                "(SELECT name FROM actors WHERE code = e.source_code), "
                "(SELECT name FROM actors WHERE code = e.target_code) FROM events e" + w.sql +
                " GROUP BY 1, 2, 3, 4 HAVING count(*) >= ? ORDER BY 5 DESC, 1, 2, 3, 4 LIMIT 5000",
            values,
            [&](sqlite3_stmt* s) {
              int64_t weight = sqlite3_column_int64(s, 4);
              json type = Text(s, 2);  // a string for every `by`, as timeline keys are
              out["edges"].push_back({{"source", Text(s, 0)},
                                      {"target", Text(s, 1)},
                                      {"type", type},
                                      {"period", Text(s, 3)},
                                      {"weight", weight},
                                      {"goldstein", sqlite3_column_double(s, 5)}});
              for (int side = 0; side < 2; ++side) {
                auto& node = nodes[Text(s, side)];
                if (node.first.empty()) {
                  node.first = sqlite3_column_type(s, 6 + side) == SQLITE_NULL ? Text(s, side) : Text(s, 6 + side);
                }
                node.second += weight;
              }
            },
            "q");
    out["nodes"] = json::array();
    for (const auto& [code, node] : nodes) {
      out["nodes"].push_back({{"id", code}, {"name", node.first}, {"events", node.second}});
    }
    return out;
  }

  json Timeline(const httplib::Request& req) {
    CheckParams(req, {"by", "interval"}, /*filters=*/true);
    Where w = EventFilters(req);
    std::string by = ChoiceParam(req, "by", {"root", "quad", "plover"});
    std::string interval = ChoiceParam(req, "interval", {"day", "week", "month"});
    const char* bucket = interval == "week" ? "date(e.day, '-6 days', 'weekday 1')"
                         : interval == "month" ? "substr(e.day, 1, 7) || '-01'"
                                               : "e.day";
    w.Add("e.day IS NOT NULL", {});
    Conn c = Connect();
    std::map<std::string, json> series;
    c.Query(std::string("SELECT ") + bucket + ", " + TypeExpr(by) + ", count(*) FROM events e" + w.sql +
                " GROUP BY 1, 2 ORDER BY 2, 1",
            w.values,
            [&](sqlite3_stmt* s) {
              std::string key = Text(s, 1);
              json& sr = series[key];
              if (sr.is_null()) {
                std::string label = key;
                if (by == "quad") label = QuadLabel(sqlite3_column_int64(s, 1));
                else if (by == "root" && options.engine) {
                  if (const CameoCode* cc = options.engine->model().Cameo(key)) label = cc->name;
                } else if (key.empty()) {
                  label = "no PLOVER type";
                }
                sr = {{"key", key}, {"label", label}, {"points", json::array()}};
              }
              sr["points"].push_back({{"t", Text(s, 0)}, {"count", sqlite3_column_int64(s, 2)}});
            },
            "q");
    json out = {{"by", by}, {"interval", interval}, {"series", json::array()}};
    for (auto& [key, sr] : series) out["series"].push_back(std::move(sr));
    return out;
  }

  json Documents(const httplib::Request& req) {
    CheckParams(req, {"q", "limit", "offset"});
    int64_t limit = IntParam(req, "limit", 50, 1, 500);
    int64_t offset = IntParam(req, "offset", 0, 0, 1000000000);
    Where w;
    if (std::string q = Param(req, "q"); !q.empty())
      w.Add("d.rowid IN (SELECT s.doc FROM sentences s WHERE s.id IN "
            "(SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?))",
            {q});
    Conn c = Connect();
    json out;
    c.Query("SELECT count(*) FROM documents d" + w.sql, w.values,
            [&](sqlite3_stmt* s) { out["total"] = sqlite3_column_int64(s, 0); }, "q");
    out["documents"] = json::array();
    std::vector<Value> values = w.values;
    values.push_back(limit);
    values.push_back(offset);
    c.Query("SELECT d.id, d.date, (SELECT text FROM sentences WHERE doc = d.rowid AND n = 0), "
            "(SELECT count(*) FROM events WHERE doc = d.rowid) FROM documents d" +
                w.sql + " ORDER BY d.rowid LIMIT ? OFFSET ?",
            values,
            [&](sqlite3_stmt* s) {
              out["documents"].push_back({{"id", Text(s, 0)},
                                          {"date", TextOrNull(s, 1)},
                                          {"title", CutCodePoints(Text(s, 2), 120)},
                                          {"events", sqlite3_column_int64(s, 3)}});
            },
            "q");
    return out;
  }

  json DocumentById(const httplib::Request& req, const std::string& id) {
    CheckParams(req, {});
    Conn c = Connect();
    json out;
    int64_t rowid = 0;
    c.Query("SELECT rowid, id, date, text, record FROM documents WHERE id = ?", {id}, [&](sqlite3_stmt* s) {
      rowid = sqlite3_column_int64(s, 0);
      out["id"] = Text(s, 1);
      out["date"] = TextOrNull(s, 2);
      out["text"] = Text(s, 3);
      out["record"] = json::parse(Text(s, 4), nullptr, false);
    });
    if (!rowid) throw HttpError{404, "no document '" + id + "'"};
    json& events = out["record"]["events"];
    size_t i = 0;
    c.Query("SELECT id FROM events WHERE doc = ? ORDER BY id", {rowid}, [&](sqlite3_stmt* s) {
      if (events.is_array() && i < events.size()) events[i++]["id"] = sqlite3_column_int64(s, 0);
    });
    return out;
  }

  json Code(const httplib::Request& req) {
    CheckParams(req, {"date", "id"});
    if (!options.engine) throw HttpError{500, "no engine loaded"};
    Document doc;
    doc.id = "pasted";
    std::string ctype = req.get_header_value("Content-Type");
    if (ctype.find("application/json") != std::string::npos) {
      json body = json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object()) throw HttpError{400, "body: not a JSON object"};
      if (!body.contains("text") || !body["text"].is_string()) throw HttpError{400, "body: 'text' (a string) is required"};
      doc.text = body["text"].get<std::string>();
      if (body.contains("date") && !body["date"].is_null()) {
        if (!body["date"].is_string()) throw HttpError{400, "date: not a string"};
        doc.date = body["date"].get<std::string>();
      }
      if (body.contains("id") && body["id"].is_string()) doc.id = body["id"].get<std::string>();
    } else {
      doc.text = req.body;
    }
    if (req.has_param("date")) doc.date = Param(req, "date");
    if (req.has_param("id")) doc.id = Param(req, "id");
    if (!doc.date.empty() && !ValidIsoDate(doc.date)) throw HttpError{400, "date: '" + doc.date + "' is not YYYY-MM-DD"};
    if (LooksBinary(doc.text)) throw HttpError{400, "body: binary data, not text"};
    doc.replaced_bytes = RepairUtf8(&doc.text);
    Workspace ws;
    Record rec;
    options.engine->Code(doc, &ws, &rec);
    std::string line;
    WriteJsonLine(doc, rec, &line);
    return {{"id", doc.id}, {"date", doc.date.empty() ? json(nullptr) : json(doc.date)}, {"text", doc.text},
            {"record", json::parse(line, nullptr, false)}};
  }
};

namespace {

void Reply(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

// Wraps a handler: JSON answers, HttpError and anything unexpected as JSON errors.
template <typename F>
httplib::Server::Handler Api(F f) {
  return [f](const httplib::Request& req, httplib::Response& res) {
    try {
      Reply(res, 200, f(req));
    } catch (const HttpError& e) {
      Reply(res, e.status, {{"error", e.message}});
    } catch (const std::exception& e) {
      Reply(res, 500, {{"error", e.what()}});
    }
  };
}

}  // namespace

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() = default;

Result<std::unique_ptr<ApiServer>> ApiServer::Create(const ServerOptions& options) {
  // Checks the database once (exists, right schema) so that a mistake shows
  // at start-up rather than on every request.
  auto store = Store::Open(options.db, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  auto impl = std::make_unique<Impl>(options);
  Impl* p = impl.get();
  httplib::Server& http = p->http;
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  http.Get("/api/stats", Api([p](const httplib::Request& req) {
    CheckParams(req, {});
    return p->Stats();
  }));
  http.Get("/api/events", Api([p](const httplib::Request& req) { return p->Events(req); }));
  http.Get(R"(/api/events/([^/]+))", Api([p](const httplib::Request& req) { return p->Event(req, req.matches[1]); }));
  http.Get("/api/actors", Api([p](const httplib::Request& req) { return p->Actors(req); }));
  http.Get("/api/network", Api([p](const httplib::Request& req) { return p->Network(req); }));
  http.Get("/api/timeline", Api([p](const httplib::Request& req) { return p->Timeline(req); }));
  http.Get("/api/documents", Api([p](const httplib::Request& req) { return p->Documents(req); }));
  http.Get(R"(/api/documents/(.+))", Api([p](const httplib::Request& req) {
    return p->DocumentById(req, req.matches[1]);  // the path is decoded already
  }));
  http.Post("/api/code", Api([p](const httplib::Request& req) { return p->Code(req); }));
  http.Get("/api/code", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "POST");
    Reply(res, 405, {{"error", "POST the text to code (JSON {\"text\", \"date\"} or plain text)"}});
  });
  // Errors the library answers itself (unknown path, 413 ...) get a JSON body too.
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string msg = res.status == 404   ? "no such path: " + req.path
                      : res.status == 413 ? "request body larger than the limit"
                                          : "HTTP " + std::to_string(res.status);
    Reply(res, res.status, {{"error", msg}});
  });
  if (!options.web_dir.empty()) http.set_mount_point("/", options.web_dir);
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

Result<int> ApiServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return Status::IoError("cannot listen on " + host + ":" + std::to_string(port));
  return bound;
}

bool ApiServer::Run() { return impl_->http.listen_after_bind(); }
void ApiServer::Stop() { impl_->http.stop(); }

}  // namespace dragoman
