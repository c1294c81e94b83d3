// The dragoman command on bad and good input, run as a user would.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "testing.h"

namespace {

struct CliRun {
  int status;
  std::string out, err;
};

CliRun Dragoman(const std::string& args) {
  // ctest runs tests in parallel processes: one stderr file per test and call.
  static int calls = 0;
  std::string errfile = testing::TempDir() + "/dm_cli_err_" +
                        testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                        std::to_string(++calls) + ".txt";
  std::string cmd = std::string(DM_BINARY) + " " + args + " 2>" + errfile;
  FILE* p = popen(cmd.c_str(), "r");
  CliRun r{-1, "", ""};
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  r.status = pclose(p);
  r.err = dragoman::testing_util::ReadFile(errfile);
  return r;
}

std::string Temp(const std::string& name, const std::string& content) {
  std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

int Lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(Cli, MalformedJsonlLineIsReportedAndTheRestCoded) {
  std::string in = Temp("cli.jsonl",
                        "{\"id\": \"1\", \"text\": \"Police arrested 20 protesters in Ahmedabad.\", \"date\": \"2002-03-01\"}\n"
                        "{not json\n"
                        "{\"id\": \"3\", \"text\": \"Rebels attacked the army base.\"}\n");
  CliRun r = Dragoman("code " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2);
  EXPECT_NE(r.err.find("cli.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"id\":\"3\""), std::string::npos);
  CliRun strict = Dragoman("code --strict " + in);
  EXPECT_NE(strict.status, 0);
  EXPECT_EQ(Lines(strict.out), 1);  // what was coded before the bad line is kept
}

TEST(Cli, InvalidUtf8IsReplacedOrRejected) {
  std::string in = Temp("cli_bad.txt", "Police arrested \xFF\xFE 20 men in Surat.");
  CliRun r = Dragoman("code --date 2002-03-01 " + in);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("\"replaced_bytes\":2"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("replaced 2 invalid UTF-8"), std::string::npos) << r.err;
  CliRun strict = Dragoman("code --strict " + in);
  EXPECT_NE(strict.status, 0);
  EXPECT_NE(strict.err.find("cli_bad.txt"), std::string::npos);
}

TEST(Cli, EmptyAndBinaryFiles) {
  std::string empty = Temp("cli_empty.txt", "");
  std::string bin = Temp("cli.bin", std::string("\0\1\2\3garbage\0", 12));
  CliRun r = Dragoman("code " + empty + " " + bin);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(Lines(r.out), 1);  // the empty document, with nothing found
  EXPECT_NE(r.out.find("\"events\":[]"), std::string::npos);
  EXPECT_NE(r.err.find("cli.bin: looks like a binary file"), std::string::npos) << r.err;
}

TEST(Cli, StdinAndPrettyReport) {
  std::string in = Temp("cli_pretty.txt", "Israeli police arrested 15 protesters in Jerusalem on Monday.");
  CliRun r = Dragoman("code --format pretty --date 2025-03-05 - < " + in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("ISRCOP"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-[173"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ARREST 15"), std::string::npos) << r.out;
}

TEST(Cli, HugeSentenceFinishes) {
  std::string big;
  big.reserve(5 << 20);
  while (big.size() < (5u << 20)) big += "police and rebels and soldiers attacked ";
  std::string in = Temp("cli_huge.txt", big);
  CliRun r = Dragoman("code -o " + testing::TempDir() + "/huge.out " + in);
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST(Cli, HugeQuotedDocumentFinishes) {
  // 5 MB with about 100,000 quotation marks: quotes are paired in one pass.
  std::string unit = "Karoline Leavitt met the press. \xE2\x80\x9CThese are ongoing talks,\xE2\x80\x9D she said. "
                     "\"Police arrested 20 people,\" said Jonathan Panikoff. The group said: \xE2\x80\x9CNo comment\n";
  std::string big;
  while (big.size() < (5u << 20)) big += unit;
  std::string in = Temp("cli_quotes.txt", big);
  std::string out = testing::TempDir() + "/quotes.out";
  CliRun r = Dragoman("code --date 2025-03-05 -o " + out + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string json = dragoman::testing_util::ReadFile(out);
  EXPECT_NE(json.find("\"name\":\"Karoline Leavitt\""), std::string::npos);
}

TEST(Cli, ThreadsKeepInputOrderAndOutput) {
  std::string in;
  for (int i = 0; i < 300; ++i) {
    in += "{\"id\": \"d" + std::to_string(i) + "\", \"date\": \"2002-03-0" + std::to_string(1 + i % 9) +
          "\", \"text\": \"Police arrested " + std::to_string(i + 2) + " rioters in Vadodara. Rebels attacked a convoy.\"}\n";
  }
  std::string path = Temp("cli_threads.jsonl", in);
  CliRun one = Dragoman("code -j 1 " + path);
  CliRun two = Dragoman("code -j 2 " + path);
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(two.status, 0) << two.err;
  EXPECT_EQ(Lines(one.out), 300);
  EXPECT_TRUE(one.out == two.out);
  EXPECT_LT(one.out.find("\"id\":\"d10\""), one.out.find("\"id\":\"d11\""));
}

TEST(Cli, PeerDictionariesAndValidationSuites) {
  std::string peers = std::string(DM_SHARED_DIR) + "/peers";
  if (dragoman::testing_util::ReadFile(peers + "/tabari/Validate.project").empty()) {
    GTEST_SKIP() << "../shared/peers not found; peer dictionary test skipped";
  }
  // Repeated --dict options, and a file argument after them.
  std::string in = Temp("cli_peer.txt", "Arnor attacked Gondor.");
  CliRun r = Dragoman("code --no-default-dict --dict tabari-actors:" + peers + "/tabari/TABARI.Demo.actors --dict tabari-verbs:" +
                      peers + "/tabari/TABARI.Demo.verbs --dict tabari-agents:" + peers + "/tabari/Validate.agents " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"code\":\"ARN\""), std::string::npos) << r.out;
  CliRun v = Dragoman("validate " + peers + "/tabari/Validate.project");
  ASSERT_EQ(v.status, 0) << v.err;
  std::string last = v.out.substr(v.out.rfind('\n', v.out.size() - 2) + 1);
  EXPECT_NE(last.find(" passed, "), std::string::npos) << last;
  EXPECT_NE(v.out.find("events: "), std::string::npos);
}

TEST(Cli, BenchPrintsSpeedMemoryAndStages) {
  std::string in = std::string(DM_SOURCE_DIR) + "/examples/articles.jsonl";
  CliRun r = Dragoman("bench -j 2 " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* field : {"documents        3", "sentences/s", "MB/s", "peak RSS", "start-up", "stages (thread-seconds): segment"}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field << "\n" << r.out;
  }
}

TEST(Cli, BadOptionsAreErrors) {
  EXPECT_NE(Dragoman("code --date 2025-13-40 " + Temp("x.txt", "x")).status, 0);
  EXPECT_NE(Dragoman("code --dict nosuchformat:/tmp/x").status, 0);
}

}  // namespace
