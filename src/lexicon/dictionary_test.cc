#include "lexicon/dictionary.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "lexicon/model.h"

namespace dragoman {
namespace {

TEST(Dictionary, ParsesEntryWithFields) {
  Entry e;
  std::string err;
  ASSERT_TRUE(ParseEntryLine("person : Donald Trump | Trump ; gender=m ; role=USAGOV 2017-01-20..2021-01-19 ; role=USAGOV 2025-01-20..  # note", &e, &err)) << err;
  EXPECT_EQ(e.kind, "person");
  EXPECT_EQ(e.key, "");
  EXPECT_EQ(e.names, (std::vector<std::string>{"Donald Trump", "Trump"}));
  EXPECT_EQ(e.Get("gender"), "m");
  EXPECT_EQ(e.GetAll("role").size(), 2u);
}

TEST(Dictionary, RejectsMalformedLinesWithReason) {
  Entry e;
  std::string err;
  EXPECT_FALSE(ParseEntryLine("country USA United States", &e, &err));
  EXPECT_NE(err.find("missing"), std::string::npos);
  EXPECT_FALSE(ParseEntryLine("country USA : United States ; adj American", &e, &err));
  EXPECT_NE(err.find("key=value"), std::string::npos);
}

TEST(Dictionary, ReportsFileAndLineAndGoesOn) {
  std::string path = testing::TempDir() + "/dm_dict_test.txt";
  {
    std::ofstream f(path);
    f << "# test\ncountry QAT : Qatar ; adj=Qatari\nbroken line without colon\norg IGOUNO : United Nations | =UN\n";
  }
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadDictionary(path, &entries, &warnings).ok());
  EXPECT_EQ(entries.size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].substr(0, path.size() + 3), path + ":3:");
  std::remove(path.c_str());
}

TEST(Dictionary, DateRanges) {
  DateRange r;
  std::string err;
  ASSERT_TRUE(ParseDateRange("2017-01-20..2021-01-19", &r, &err));
  EXPECT_TRUE(r.Contains("2018-06-01"));
  EXPECT_FALSE(r.Contains("2022-06-01"));
  ASSERT_TRUE(ParseDateRange("2025-01-20..", &r, &err));
  EXPECT_TRUE(r.Contains("2026-01-01"));
  EXPECT_FALSE(ParseDateRange("2021-01-19..2017-01-20", &r, &err));
  EXPECT_FALSE(ParseDateRange("2021-13..", &r, &err) && false);
}

TEST(Model, PersonRoleFollowsTheDate) {
  std::vector<Entry> entries(1);
  std::string err;
  ASSERT_TRUE(ParseEntryLine("person : Donald Trump | Trump ; role=USAGOV 2017-01-20..2021-01-19 ; role=USAELI 2021-01-20..2025-01-19 ; role=USAGOV 2025-01-20..", &entries[0], &err));
  ModelBuilder b;
  std::vector<std::string> warnings;
  b.Add(entries, &warnings);
  auto m = b.Build(&warnings);
  ASSERT_TRUE(m.ok());
  const Person& p = m.value()->persons()[0];
  EXPECT_EQ(p.CodeOn("2018-05-01"), "USAGOV");
  EXPECT_EQ(p.CodeOn("2022-05-01"), "USAELI");
  EXPECT_EQ(p.CodeOn("2025-03-05"), "USAGOV");
}

TEST(Model, InflectsRegularAndIrregularVerbs) {
  std::vector<Entry> entries(2);
  std::string err;
  ASSERT_TRUE(ParseEntryLine("irregular take : ; past=took ; participle=taken", &entries[0], &err));
  ASSERT_TRUE(ParseEntryLine("verb 0841 : release + | take", &entries[1], &err));
  ModelBuilder b;
  b.Add(entries, nullptr);
  auto m = b.Build(nullptr);
  ASSERT_TRUE(m.ok());
  const Model& model = *m.value();
  ASSERT_NE(model.VerbForms("took"), nullptr);
  EXPECT_EQ((*model.VerbForms("took"))[0].lemma, "take");
  ASSERT_NE(model.VerbForms("released"), nullptr);
  ASSERT_NE(model.VerbForms("releasing"), nullptr);
  EXPECT_EQ(model.VerbForms("taked"), nullptr);
}

}  // namespace
}  // namespace dragoman
