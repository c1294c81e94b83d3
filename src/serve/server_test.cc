// The HTTP API over a store made from the bundled examples, through real
// HTTP requests: every endpoint and filter, bad parameters, oversized
// bodies, and readers while a writer ingests.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unistd.h>

#include "store_testing.h"

namespace dragoman {
namespace {

using nlohmann::json;
using testing_util::ExampleJsonl;
using testing_util::ExampleText;
using testing_util::StoreFiles;
using testing_util::TestEngine;

std::string SeedPath() { return std::string(DM_SHARED_DIR) + "/seed/seed-article.txt"; }

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each test in its own process, in parallel: one database each.
    path_ = new std::string(::testing::TempDir() + "/api_test_" + std::to_string(getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((*path_ + suffix).c_str());
    auto store = Store::Open(*path_, Store::Mode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    StoreFiles(store.value().get(), {ExampleJsonl()});
    StoreFiles(store.value().get(), {ExampleText()}, "2027-03-11");
    if (FILE* f = std::fopen(SeedPath().c_str(), "r")) {
      std::fclose(f);
      StoreFiles(store.value().get(), {SeedPath()}, "2025-03-05");
    }
    ServerOptions so;
    so.db = *path_;
    so.engine = &TestEngine();
    so.max_body_bytes = 64 * 1024;
    auto server = ApiServer::Create(so);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = server.value().release();
    auto port = server_->Bind("127.0.0.1", 0);
    ASSERT_TRUE(port.ok());
    port_ = port.value();
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete path_;
  }

  struct Reply {
    int status = 0;
    json body;
  };
  static Reply Get(const std::string& target) {
    httplib::Client c("127.0.0.1", port_);
    auto res = c.Get(target.c_str());
    if (!res) return {};
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  static Reply Post(const std::string& target, const std::string& body, const char* type) {
    httplib::Client c("127.0.0.1", port_);
    auto res = c.Post(target.c_str(), body, type);
    if (!res) return {};
    return {res->status, json::parse(res->body, nullptr, false)};
  }
  // All events (the examples give a few dozen at most).
  static json AllEvents(const std::string& filters = "") {
    Reply r = Get("/api/events?limit=500" + filters);
    EXPECT_EQ(r.status, 200) << r.body.dump();
    return r.body["events"];
  }

  static std::string* path_;
  static ApiServer* server_;
  static std::thread* thread_;
  static int port_;
};
std::string* Api::path_ = nullptr;
ApiServer* Api::server_ = nullptr;
std::thread* Api::thread_ = nullptr;
int Api::port_ = 0;

// Percent-encodes a query value or path segment.
std::string Escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string Code(const json& actor) { return actor.is_object() && actor["code"].is_string() ? actor["code"].get<std::string>() : ""; }

TEST_F(Api, StatsCountWhatWasStored) {
  Reply r = Get("/api/stats");
  ASSERT_EQ(r.status, 200);
  EXPECT_GE(r.body["documents"].get<int>(), 4);
  EXPECT_EQ(r.body["events"].get<int>(), static_cast<int>(AllEvents().size()));
  EXPECT_GT(r.body["sentences"].get<int>(), r.body["documents"].get<int>());
  EXPECT_LE(r.body["first_date"].get<std::string>(), r.body["last_date"].get<std::string>());
}

TEST_F(Api, EventsCarryEvidenceAndPageConsistently) {
  json all = AllEvents();
  ASSERT_GE(all.size(), 4u);
  for (const json& e : all) {
    EXPECT_TRUE(e["id"].is_number_integer());
    EXPECT_TRUE(e["doc"].is_string());
    EXPECT_EQ(e["root"].get<std::string>(), e["cameo"].get<std::string>().substr(0, 2));
    // The sentence text is the document's text at the sentence offsets.
    Reply d = Get("/api/documents/" + e["doc"].get<std::string>());
    ASSERT_EQ(d.status, 200);
    const std::string& doc_text = d.body["text"].get_ref<const std::string&>();
    std::vector<size_t> byte_at;  // byte offset of each code point
    for (size_t i = 0; i < doc_text.size(); ++i) {
      if ((static_cast<unsigned char>(doc_text[i]) & 0xC0) != 0x80) byte_at.push_back(i);
    }
    byte_at.push_back(doc_text.size());
    size_t b = e["sentence"]["begin"].get<size_t>(), en = e["sentence"]["end"].get<size_t>();
    ASSERT_LT(en, byte_at.size());
    EXPECT_EQ(doc_text.substr(byte_at[b], byte_at[en] - byte_at[b]), e["sentence"]["text"].get<std::string>());
  }
  // Pages of 2 cover the same events in the same order, without overlap.
  json paged = json::array();
  for (size_t off = 0; off < all.size(); off += 2) {
    Reply r = Get("/api/events?limit=2&offset=" + std::to_string(off));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body["total"].get<size_t>(), all.size());
    for (const json& e : r.body["events"]) paged.push_back(e["id"]);
  }
  ASSERT_EQ(paged.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i], all[i]["id"]);
  // Oldest first by default, newest first with sort=-date.
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(all[i - 1]["date"].get<std::string>().substr(0, 4), all[i]["date"].get<std::string>().substr(0, 4));
  }
  json desc = AllEvents("&sort=-date");
  EXPECT_GE(desc.front()["date"].get<std::string>(), desc.back()["date"].get<std::string>());
  // One event by id.
  Reply one = Get("/api/events/" + std::to_string(all[0]["id"].get<int>()));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body, all[0]);
}

TEST_F(Api, EveryFilterNarrowsToMatchingEvents) {
  json all = AllEvents();
  const json& pick = all[0];
  const std::string src = Code(pick["source"]);
  ASSERT_FALSE(src.empty());
  const std::string prefix = src.substr(0, 3);
  auto check = [&](const std::string& filter, auto pred) {
    json got = AllEvents(filter);
    size_t expected = 0;
    for (const json& e : all) expected += pred(e) ? 1 : 0;
    EXPECT_EQ(got.size(), expected) << filter;
    EXPECT_GT(got.size(), 0u) << filter;
    for (const json& e : got) EXPECT_TRUE(pred(e)) << filter << ": " << e.dump();
  };
  auto starts = [](const std::string& code, const std::string& p) { return code.compare(0, p.size(), p) == 0; };
  check("&actor=" + prefix, [&](const json& e) { return starts(Code(e["source"]), prefix) || starts(Code(e["target"]), prefix); });
  check("&source=" + src, [&](const json& e) { return starts(Code(e["source"]), src); });
  const std::string tgt = Code(pick["target"]);
  if (!tgt.empty()) check("&target=" + tgt, [&](const json& e) { return starts(Code(e["target"]), tgt); });
  check("&root=" + pick["root"].get<std::string>(), [&](const json& e) { return e["root"] == pick["root"]; });
  check("&code=" + pick["cameo"].get<std::string>(), [&](const json& e) { return e["cameo"] == pick["cameo"]; });
  check("&quad=" + std::to_string(pick["quad"].get<int>()), [&](const json& e) { return e["quad"] == pick["quad"]; });
  if (pick["plover"].is_string())
    check("&plover=" + pick["plover"].get<std::string>(), [&](const json& e) { return e["plover"] == pick["plover"]; });
  check("&doc=" + pick["doc"].get<std::string>(), [&](const json& e) { return e["doc"] == pick["doc"]; });
  check("&modality=asserted", [&](const json& e) { return e["modality"] == "asserted"; });
  const std::string year = pick["date"].get<std::string>().substr(0, 4);
  check("&from=" + year + "&to=" + year + "-12-31",
        [&](const json& e) { return e["date"].get<std::string>().substr(0, 4) == year; });
  for (const json& e : all) {
    if (!e["location"].is_object()) continue;
    const std::string country = e["location"]["country"].get<std::string>();
    check("&country=" + country, [&](const json& x) {
      return (x["location"].is_object() && x["location"]["country"] == country) ||
             starts(Code(x["source"]), country) || starts(Code(x["target"]), country);
    });
    std::string place = e["location"]["name"].get<std::string>();
    check("&place=" + Escape(place), [&](const json& x) {
      return x["location"].is_object() && (x["location"]["name"] == place || x["location"]["text"] == place);
    });
    break;
  }
  // Free text over the evidence sentence: the verb of an event is in it.
  const std::string verb = pick["verb"]["text"].get<std::string>();
  check("&q=" + Escape(verb), [&](const json& e) {
    return e["sentence"]["text"].get<std::string>().find(verb) != std::string::npos;
  });
}

TEST_F(Api, BadParametersAreRefusedWithAMessage) {
  for (const char* bad : {"/api/events?root=1x", "/api/events?root=123", "/api/events?code=abc", "/api/events?quad=9",
                          "/api/events?from=2025-13-01", "/api/events?to=yesterday", "/api/events?limit=abc",
                          "/api/events?limit=501", "/api/events?offset=-1", "/api/events?country=usa",
                          "/api/events?plover=assault", "/api/events?sort=up", "/api/events?modality=maybe",
                          "/api/events?bogus=1", "/api/events?q=%22unterminated", "/api/network?by=colour",
                          "/api/network?period=decade", "/api/network?min_weight=0", "/api/timeline?interval=hour",
                          "/api/timeline?by=actor", "/api/actors?limit=0", "/api/documents?offset=x",
                          "/api/events/abc", "/api/stats?x=1"}) {
    Reply r = Get(bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_TRUE(r.body.is_object() && r.body["error"].is_string() && !r.body["error"].get<std::string>().empty()) << bad;
  }
  EXPECT_EQ(Get("/api/events/999999").status, 404);
  EXPECT_EQ(Get("/api/documents/no-such-document").status, 404);
  Reply get_code = Get("/api/code");
  EXPECT_EQ(get_code.status, 405);
  EXPECT_TRUE(get_code.body["error"].is_string());
  Reply nopath = Get("/api/nothing-here");
  EXPECT_EQ(nopath.status, 404);
  EXPECT_TRUE(nopath.body["error"].is_string());
}

TEST_F(Api, ActorsAreCountedAsInTheEvents) {
  Reply r = Get("/api/actors?limit=500");
  ASSERT_EQ(r.status, 200);
  ASSERT_GT(r.body["actors"].size(), 2u);
  json all = AllEvents();
  long previous = 1L << 40;
  for (const json& a : r.body["actors"]) {
    const std::string code = a["code"].get<std::string>();
    long as_source = 0, as_target = 0;
    for (const json& e : all) {
      as_source += Code(e["source"]) == code;
      as_target += Code(e["target"]) == code;
    }
    EXPECT_EQ(a["as_source"].get<long>(), as_source) << code;
    EXPECT_EQ(a["as_target"].get<long>(), as_target) << code;
    EXPECT_EQ(a["events"].get<long>(), as_source + as_target);
    EXPECT_LE(a["events"].get<long>(), previous);  // most active first
    previous = a["events"].get<long>();
  }
  const std::string first = r.body["actors"][0]["code"].get<std::string>();
  Reply q = Get("/api/actors?q=" + first.substr(0, 2));
  ASSERT_EQ(q.status, 200);
  for (const json& a : q.body["actors"]) {
    bool code_match = a["code"].get<std::string>().compare(0, 2, first.substr(0, 2)) == 0;
    bool name_match = a["name"].get<std::string>().find(first.substr(0, 2)) != std::string::npos;
    EXPECT_TRUE(code_match || name_match) << a.dump();
  }
}

TEST_F(Api, NetworkEdgesAddUpToTheEvents) {
  json all = AllEvents();
  long expected = 0;
  for (const json& e : all) {
    std::string s = Code(e["source"]), t = Code(e["target"]);
    expected += !s.empty() && !t.empty() && s != t;
  }
  for (const char* q : {"/api/network", "/api/network?by=plover&period=month", "/api/network?by=quad&period=week"}) {
    Reply r = Get(q);
    ASSERT_EQ(r.status, 200) << q;
    long sum = 0;
    std::set<std::string> nodes;
    for (const json& n : r.body["nodes"]) nodes.insert(n["id"].get<std::string>());
    for (const json& e : r.body["edges"]) {
      sum += e["weight"].get<long>();
      EXPECT_TRUE(e["type"].is_string()) << e.dump();
      EXPECT_TRUE(nodes.count(e["source"].get<std::string>()) && nodes.count(e["target"].get<std::string>()));
    }
    EXPECT_EQ(sum, expected) << q;
  }
  Reply heavy = Get("/api/network?min_weight=1000");
  ASSERT_EQ(heavy.status, 200);
  EXPECT_TRUE(heavy.body["edges"].empty());
}

TEST_F(Api, TimelineCountsEveryDatedEvent) {
  json all = AllEvents();
  for (const char* q : {"/api/timeline", "/api/timeline?by=quad&interval=week", "/api/timeline?by=plover&interval=month"}) {
    Reply r = Get(q);
    ASSERT_EQ(r.status, 200) << q;
    long sum = 0;
    for (const json& s : r.body["series"]) {
      EXPECT_FALSE(s["label"].get<std::string>().empty());
      std::string last;
      for (const json& p : s["points"]) {
        sum += p["count"].get<long>();
        EXPECT_GT(p["t"].get<std::string>(), last);  // in time order
        last = p["t"].get<std::string>();
      }
    }
    EXPECT_EQ(sum, static_cast<long>(all.size())) << q;
  }
  Reply filtered = Get("/api/timeline?root=" + all[0]["root"].get<std::string>());
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(filtered.body["series"].size(), 1u);
}

TEST_F(Api, DocumentsListAndRecordWithEventIds) {
  Reply list = Get("/api/documents?limit=500");
  ASSERT_EQ(list.status, 200);
  ASSERT_GE(list.body["documents"].size(), 4u);
  Reply search = Get("/api/documents?q=ceasefire");
  ASSERT_EQ(search.status, 200);
  EXPECT_GE(search.body["total"].get<int>(), 1);
  EXPECT_LT(search.body["total"].get<int>(), list.body["total"].get<int>());
  for (const json& d : list.body["documents"]) {
    Reply doc = Get("/api/documents/" + Escape(d["id"].get<std::string>()));
    ASSERT_EQ(doc.status, 200) << d.dump();
    const json& rec = doc.body["record"];
    EXPECT_EQ(rec["events"].size(), d["events"].get<size_t>());
    for (const json& e : rec["events"]) {
      Reply one = Get("/api/events/" + std::to_string(e["id"].get<int>()));
      ASSERT_EQ(one.status, 200);
      EXPECT_EQ(one.body["cameo"], e["cameo"]);
      EXPECT_EQ(one.body["verb"], e["verb"]);
    }
    EXPECT_TRUE(rec["quotes"].is_array() && rec["counts"].is_array() && rec["entities"].is_array());
  }
}

TEST_F(Api, CodePostedTextWithoutStoringIt) {
  const std::string text = "Police arrested 20 protesters in Lagos on Monday. Rebels attacked an army base in Borno.";
  Reply stats = Get("/api/stats");
  Reply j = Post("/api/code", json{{"text", text}, {"date", "2025-01-10"}, {"id", "mine"}}.dump(), "application/json");
  ASSERT_EQ(j.status, 200) << j.body.dump();
  EXPECT_EQ(j.body["id"], "mine");
  EXPECT_EQ(j.body["text"], text);
  EXPECT_EQ(j.body["record"]["date"], "2025-01-10");
  ASSERT_GE(j.body["record"]["events"].size(), 2u);
  EXPECT_EQ(j.body["record"]["events"][0]["cameo"].get<std::string>().substr(0, 2), "17");
  Reply plain = Post("/api/code?date=2025-01-10", text, "text/plain");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body["record"]["events"], j.body["record"]["events"]);
  EXPECT_EQ(Get("/api/stats").body, stats.body);  // nothing stored

  EXPECT_EQ(Post("/api/code", "{not json", "application/json").status, 400);
  EXPECT_EQ(Post("/api/code", "{\"date\": \"2025-01-10\"}", "application/json").status, 400);
  EXPECT_EQ(Post("/api/code?date=10/01/2025", text, "text/plain").status, 400);
  Reply big = Post("/api/code", std::string(100 * 1024, 'a'), "text/plain");
  EXPECT_EQ(big.status, 413);
  EXPECT_TRUE(big.body["error"].is_string());
}

TEST_F(Api, AQueryPastItsTimeLimitIsStopped) {
  ServerOptions so;
  so.db = *path_;
  so.engine = &TestEngine();
  so.query_seconds = 1e-9;  // every query is already late
  auto server = ApiServer::Create(so);
  ASSERT_TRUE(server.ok());
  int port = server.value()->Bind("127.0.0.1", 0).value();
  std::thread serving([&] { server.value()->Run(); });
  httplib::Client c("127.0.0.1", port);
  auto res = c.Get("/api/events?limit=500&q=police");
  server.value()->Stop();
  serving.join();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_NE(res->body.find("too long"), std::string::npos) << res->body;
}

TEST_F(Api, ReadersKeepGettingAnswersWhileAnIngestWrites) {
  // A second database, written by one thread in many small transactions
  // while four readers query it through the API.
  std::string path = ::testing::TempDir() + "/api_concurrent.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  auto writer = Store::Open(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(writer.ok());
  StoreFiles(writer.value().get(), {ExampleJsonl()});
  ServerOptions so;
  so.db = path;
  so.engine = &TestEngine();
  auto server = ApiServer::Create(so);
  ASSERT_TRUE(server.ok());
  int port = server.value()->Bind("127.0.0.1", 0).value();
  std::thread serving([&] { server.value()->Run(); });

  std::atomic<bool> writing{true};
  std::atomic<int> failures{0}, answers{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      httplib::Client c("127.0.0.1", port);
      long last_docs = 0;
      while (writing) {
        auto s = c.Get("/api/stats");
        auto e = c.Get("/api/events?limit=5&q=police");
        if (!s || s->status != 200 || !e || e->status != 200) {
          ++failures;
          continue;
        }
        long docs = json::parse(s->body)["documents"].get<long>();
        if (docs < last_docs) ++failures;  // a reader never sees a commit undone
        last_docs = docs;
        ++answers;
      }
    });
  }
  std::string jsonl = ::testing::TempDir() + "/api_concurrent.jsonl";
  {
    FILE* f = std::fopen(jsonl.c_str(), "w");
    for (int i = 0; i < 60; ++i) {
      std::fprintf(f, "{\"id\": \"w%d\", \"date\": \"2026-01-%02d\", \"text\": \"Police arrested %d protesters in Lagos. "
                   "Soldiers killed %d rebels in Borno.\"}\n", i, 1 + i % 28, 10 + i, 3 + i);
    }
    std::fclose(f);
  }
  // 60 documents, one transaction each.
  ReaderOptions ro;
  DocumentReader reader({jsonl}, ro);
  Document doc;
  Status problem;
  bool skipped = false, fatal = false;
  Workspace ws;
  Record rec;
  while (reader.Next(&doc, &problem, &skipped, &fatal)) {
    TestEngine().Code(doc, &ws, &rec);
    std::string line;
    WriteJsonLine(doc, rec, &line);
    ASSERT_TRUE(writer.value()->Begin().ok());
    ASSERT_TRUE(writer.value()->Put(doc, ContentHash(doc), rec, line).ok());
    ASSERT_TRUE(writer.value()->Commit().ok());
  }
  writing = false;
  for (auto& t : readers) t.join();
  server.value()->Stop();
  serving.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(answers.load(), 4);
}

}  // namespace
}  // namespace dragoman
