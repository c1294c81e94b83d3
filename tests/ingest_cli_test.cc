// `dragoman ingest` as a user runs it: a run killed with SIGKILL mid-way and
// re-run gives the same database as an uninterrupted run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "store_testing.h"

namespace {

using dragoman::testing_util::DumpTables;

// A path in the temporary folder, this process's own (two test runs on one
// machine must not share a corpus or a database), with no file there.
std::string Fresh(const std::string& name) {
  std::string path = testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

// Runs args in a child with stderr silenced; with `in` given, the child's
// standard input is the read end of a pipe whose write end lands in *in.
pid_t Spawn(const std::vector<std::string>& args, int* in = nullptr) {
  int fds[2] = {-1, -1};
  if (in && pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    if (in) {
      dup2(fds[0], 0);
      close(fds[0]);
      close(fds[1]);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stderr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (in) {
    close(fds[0]);
    *in = fds[1];
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

long Documents(const std::string& db) {
  sqlite3* h = nullptr;
  long n = 0;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM documents", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

TEST(IngestCli, KilledRunResumesToTheSameDatabase) {
  // A reproducible corpus of about 2,000 documents.
  std::string corpus = Fresh("ingest_kill.jsonl");
  std::string cmd = "python3 " + std::string(DM_SOURCE_DIR) + "/bench/make_corpus.py --mb 1.5 --seed 7 > " + corpus;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  long total = 0;
  {
    FILE* f = std::fopen(corpus.c_str(), "r");
    for (int c; (c = std::fgetc(f)) != EOF;) total += c == '\n';
    std::fclose(f);
  }
  ASSERT_GT(total, 500);

  std::string whole = Fresh("ingest_whole.db");
  ASSERT_EQ(Wait(Spawn({DM_BINARY, "ingest", corpus, "--db", whole, "--batch", "16", "-q"})), 0);
  ASSERT_EQ(Documents(whole), total);

  // Killed once some batches are committed, then run again to the end. The
  // first run reads the corpus's first 400 documents from a pipe left open,
  // so it is still running, whatever the machine's load, when it is killed.
  std::string killed = Fresh("ingest_killed.db");
  int in = -1;
  pid_t pid = Spawn({DM_BINARY, "ingest", "-", "--input", "jsonl", "--db", killed, "--batch", "16", "-q",
                              "-j", "2"},
                             &in);
  ASSERT_GT(pid, 0);
  {
    FILE* f = std::fopen(corpus.c_str(), "r");
    std::string line;
    int lines = 0;
    for (int c; lines < 400 && (c = std::fgetc(f)) != EOF;) {
      line.push_back(static_cast<char>(c));
      if (c != '\n') continue;
      ASSERT_EQ(write(in, line.data(), line.size()), static_cast<ssize_t>(line.size()));
      line.clear();
      ++lines;
    }
    std::fclose(f);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  while (Documents(killed) < 100 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  close(in);
  int status = Wait(pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest ended before it could be killed";
  long partial = Documents(killed);
  EXPECT_GE(partial, 100);
  EXPECT_LE(partial, 400);
  EXPECT_EQ(partial % 16, 0) << "only whole batches are committed";
  ASSERT_EQ(Wait(Spawn({DM_BINARY, "ingest", corpus, "--db", killed, "--batch", "16", "-q"})), 0);
  EXPECT_EQ(Documents(killed), total);
  EXPECT_TRUE(DumpTables(killed) == DumpTables(whole)) << "the resumed database differs";
}

}  // namespace
