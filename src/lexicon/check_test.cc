#include "lexicon/check.h"

#include <gtest/gtest.h>

#include <fstream>

namespace dragoman {
namespace {

TEST(DictCheck, FindsDuplicatesConflictsOverlapsAndDeadPatterns) {
  std::string path = testing::TempDir() + "/dm_check.txt";
  {
    std::ofstream f(path);
    f << "code 190 : attack\ncode 173 : arrest\ncode 0841 : release\n"
         "org PSEHMS : Hamas | Islamic Resistance Movement\n"
         "org PSEREB : Hamas\n"                                                        // conflict
         "person : Jane Roe ; role=USAGOV 2017-01-20..2021-01-19 ; role=USAELI 2020-01-01..\n"  // overlap
         "verb 190 : attack + | tear-gas +\n"                                          // dead pattern
         "verb 173 : arrest +\n";
  }
  std::vector<Entry> entries;
  ASSERT_TRUE(ReadDictionary(path, &entries, nullptr).ok());
  Tokenizer tok;
  auto problems = CheckDictionaries(entries, tok);
  std::string all;
  for (const auto& p : problems) all += p.where + ": " + p.what + "\n";
  EXPECT_NE(all.find(":5: 'Hamas' also means org:PSEHMS"), std::string::npos) << all;
  EXPECT_NE(all.find(":6: role dates 2020-01-01.. overlap"), std::string::npos) << all;
  EXPECT_NE(all.find("'tear-gas' is not one token"), std::string::npos) << all;
  EXPECT_NE(all.find("CAMEO code 0841 has no pattern"), std::string::npos) << all;
  EXPECT_EQ(problems.size(), 4u) << all;
}

}  // namespace
}  // namespace dragoman
