#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace dragoman {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = testing::TempDir() + "/" + name;
  std::ofstream f(path, std::ios::binary);
  f << content;
  return path;
}

TEST(Ingest, InvalidUtf8IsReplacedAndCounted) {
  std::string s = "caf\xC3\xA9 \xFF\xFE ok \xC3";
  EXPECT_EQ(RepairUtf8(&s), 3);
  EXPECT_EQ(s, "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD ok \xEF\xBF\xBD");
  std::string good = "plain";
  EXPECT_EQ(RepairUtf8(&good), 0);
}

TEST(Ingest, StrictRejectsInvalidUtf8) {
  std::string path = WriteTemp("bad_utf8.txt", "Police arrested \xFF five men.");
  ReaderOptions ro;
  ro.strict = true;
  DocumentReader r({path}, ro);
  Document d;
  Status p;
  bool skipped, fatal;
  ASSERT_TRUE(r.Next(&d, &p, &skipped, &fatal));
  EXPECT_FALSE(p.ok());
  EXPECT_TRUE(fatal);
  EXPECT_NE(p.message().find("bad_utf8.txt"), std::string::npos);
}

TEST(Ingest, EmptyFileIsAnEmptyDocument) {
  std::string path = WriteTemp("empty.txt", "");
  DocumentReader r({path}, ReaderOptions());
  Document d;
  Status p;
  bool skipped, fatal;
  ASSERT_TRUE(r.Next(&d, &p, &skipped, &fatal));
  EXPECT_TRUE(p.ok());
  EXPECT_FALSE(skipped);
  EXPECT_EQ(d.text, "");
  EXPECT_FALSE(r.Next(&d, &p, &skipped, &fatal));
}

TEST(Ingest, BinaryFileIsRejectedAndOthersGoOn) {
  std::string bin = WriteTemp("blob.bin", std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10));
  std::string txt = WriteTemp("ok.txt", "Rebels attacked the base.");
  DocumentReader r({bin, txt}, ReaderOptions());
  Document d;
  Status p;
  bool skipped, fatal;
  ASSERT_TRUE(r.Next(&d, &p, &skipped, &fatal));
  EXPECT_TRUE(skipped);
  EXPECT_NE(p.message().find("blob.bin: looks like a binary file"), std::string::npos);
  ASSERT_TRUE(r.Next(&d, &p, &skipped, &fatal));
  EXPECT_FALSE(skipped);
  EXPECT_EQ(d.id, "ok");
}

TEST(Ingest, MalformedJsonlLineNamesTheLineAndOthersAreRead) {
  std::string path = WriteTemp("docs.jsonl",
                               "{\"id\": \"a\", \"text\": \"One.\", \"date\": \"2024-01-02\"}\n"
                               "{\"id\": \"b\", \"text\": \"Two.\"\n"
                               "\n"
                               "{\"id\": 7, \"text\": \"Three.\"}\n");
  DocumentReader r({path}, ReaderOptions());
  Document d;
  Status p;
  bool skipped, fatal;
  std::vector<std::string> ids;
  std::vector<std::string> problems;
  while (r.Next(&d, &p, &skipped, &fatal)) {
    if (!p.ok()) problems.push_back(p.message());
    if (!skipped) ids.push_back(d.id + "@" + d.date);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a@2024-01-02", "7@"}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("docs.jsonl:2:"), std::string::npos) << problems[0];
}

TEST(Ingest, DatesAreChecked) {
  EXPECT_TRUE(ValidIsoDate("2025-03-05"));
  EXPECT_FALSE(ValidIsoDate("2025-13-05"));
  EXPECT_FALSE(ValidIsoDate("05/03/2025"));
}

}  // namespace
}  // namespace dragoman
