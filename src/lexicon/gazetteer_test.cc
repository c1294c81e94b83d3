// The GeoNames gazetteer: its reader, its policy on a small file written here,
// and real sentences against gen/cities.tsv (skipped when it was not made).
#include "lexicon/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dragoman/engine.h"
#include "lexicon/model.h"
#include "testing.h"

namespace dragoman {
namespace {

bool HaveWordNet() { return std::filesystem::exists("/usr/share/wordnet/data.noun") || std::getenv("DRAGOMAN_WORDNET"); }

// The LOC entities of a text: "Name=CTY" with "@" when it has coordinates.
std::string Places(const Engine& engine, const std::string& text) {
  Document d{"t", "2025-03-05", text, 0};
  Workspace ws;
  Record r;
  engine.Code(d, &ws, &r);
  std::string out;
  for (const Entity& e : r.entities) {
    if (e.type != "LOC") continue;
    if (!out.empty()) out += " ";
    out += e.text + "=" + e.country + (e.has_coords ? "@" : "");
  }
  return out;
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string(name) + "." + std::to_string(getpid()))).string();
}

TEST(Gazetteer, ReadsRowsAndCountsMalformedOnes) {
  std::string path = TempPath("dm-gaz-read");
  std::ofstream(path) << "# comment\n"
                         "Zürich\tZurich\tCHE\t47.36667\t8.55\t341730\tPPLA\tZH\t2657896\n"
                         "Broken\t\tCHE\tnorth\t8.55\t10\tPPL\t\t1\n"
                         "Short\n";
  std::vector<GazetteerCity> cities;
  size_t bad = 0;
  ASSERT_TRUE(ReadGazetteer(path, &cities, &bad).ok());
  ASSERT_EQ(cities.size(), 1u);
  EXPECT_EQ(cities[0].ascii, "Zurich");
  EXPECT_EQ(cities[0].pop, 341730);
  EXPECT_DOUBLE_EQ(cities[0].lat, 47.36667);
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(ReadGazetteer(path + ".absent", &cities, &bad).ok());
  std::remove(path.c_str());
}

// The policy on a file made for the test: a made-up town resolves; a town
// named like an English word, a function word, our agent word "police" or a
// place of data/ does not.
TEST(Gazetteer, PolicyKeepsTownsAndDropsWords) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet (wordnet-base) is not installed";
  std::string path = TempPath("dm-gaz-policy");
  std::ofstream(path) << "Kozhivelli\t\tIND\t11.25\t75.78\t450000\tPPLA2\t13\t1\n"
                         "Reading\t\tGBR\t51.45\t-0.97\t318014\tPPLA2\tENG\t2\n"
                         "Police\t\tPOL\t53.55\t14.57\t34350\tPPLA2\t84\t3\n"
                         "Of\t\tTUR\t40.94\t40.26\t31951\tPPLA2\t61\t4\n"
                         "Doha\t\tUSA\t10.0\t10.0\t90000\tPPL\t\t5\n"
                         "Tinyvelli\t\tIND\t11.0\t75.0\t900\tPPL\t\t6\n";
  EngineOptions opt;
  opt.data_dir = std::string(DM_SOURCE_DIR) + "/data";
  opt.gazetteer = path;
  opt.use_cache = false;  // a file made for the test: nothing to keep
  auto e = Engine::Load(opt);
  ASSERT_TRUE(e.ok()) << e.status().message();
  const Engine& engine = *e.value();
  const GazetteerInfo* info = engine.model().gazetteer();
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->read, 6u);
  EXPECT_EQ(info->kept, 1u);  // Kozhivelli only
  EXPECT_EQ(Places(engine, "Police arrested 12 protesters in Kozhivelli on Monday."), "Kozhivelli=IND@");
  EXPECT_EQ(Places(engine, "KOZHIVELLI, Dec 3 - Shops stayed shut."), "KOZHIVELLI=IND@");
  EXPECT_EQ(Places(engine, "Reading is what Of Most people like. Police fired tear gas."), "");
  EXPECT_EQ(Places(engine, "The emir met them in Doha."), "Doha=QAT@");  // data/ wins
  EXPECT_EQ(Places(engine, "Tinyvelli is quiet."), "");                   // too small
  // As written only: "kozhivelli" in a sentence with capitals is not the town.
  EXPECT_EQ(Places(engine, "The Kozhivelli Chronicle and kozhivelli traders agreed."), "");
  std::remove(path.c_str());
}

TEST(Gazetteer, AbsentFileKeepsTheDictionaries) {
  EngineOptions opt;
  opt.data_dir = std::string(DM_SOURCE_DIR) + "/data";
  opt.gazetteer = TempPath("dm-gaz-absent");
  opt.use_cache = false;
  auto e = Engine::Load(opt);
  ASSERT_TRUE(e.ok()) << e.status().message();
  const GazetteerInfo* info = e.value()->model().gazetteer();
  ASSERT_NE(info, nullptr);
  EXPECT_FALSE(info->problem.empty());
  EXPECT_EQ(Places(*e.value(), "The emir met them in Doha."), "Doha=QAT@");
}

// Real GeoNames data (gen/cities.tsv, made by `node scripts/cities.mjs`).
TEST(Gazetteer, RealCitiesResolveAndWordsDoNot) {
  const Engine& engine = testing_util::TestEngine();
  const GazetteerInfo* info = engine.model().gazetteer();
  if (!info || !info->problem.empty() || info->kept == 0)
    GTEST_SKIP() << "no GeoNames gazetteer (" << (info ? info->problem : "") << "): run npm ci && node scripts/cities.mjs";
  // Mid-size cities that data/places.txt does not name.
  EXPECT_EQ(Places(engine, "Police arrested 12 protesters in Iskenderun on Monday."), "Iskenderun=TUR@");
  EXPECT_EQ(Places(engine, "Two soldiers were killed near Nandurbar, officials said."), "Nandurbar=IND@");
  EXPECT_EQ(Places(engine, "Schools in Zürich reopened."), "Zürich=CHE@");
  // Town names that are English words, names or parts of longer names.
  EXPECT_EQ(Places(engine, "Reading is fun. Mobile phones were seized. Most people stayed home."), "");
  EXPECT_EQ(Places(engine, "Police fired tear gas at the crowd."), "");
  EXPECT_EQ(Places(engine, "Claire Fontaine, a spokeswoman, met Helena Marsh."), "");
  EXPECT_EQ(Places(engine, "Convoys rolled over the Sava river bridge."), "");
  // The city gives the document its country, and so the police theirs.
  EXPECT_EQ(testing_util::Events(testing_util::CodeText("Police arrested 12 protesters in Iskenderun on Monday.")),
            "TURCOP-173-TUROPP");
}

}  // namespace
}  // namespace dragoman
