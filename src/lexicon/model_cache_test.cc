// The compiled-model cache: a hit behaves as the compiled model, a damaged
// file is ignored and rewritten, and the hash sees every byte.
#include "lexicon/model_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dragoman/engine.h"
#include "lexicon/model.h"
#include "testing.h"
#include "write/writer.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

// A fresh cache directory per test, removed at the end.
class ModelCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() / ("dm-cache-test." + std::to_string(getpid()) + "." +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  EngineOptions Options(bool gazetteer) const {
    EngineOptions opt;
    opt.data_dir = std::string(DM_SOURCE_DIR) + "/data";
    opt.use_gazetteer = gazetteer;
    opt.cache_dir = dir_;
    return opt;
  }
  std::vector<fs::path> Files() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) out.push_back(e.path());
    return out;
  }
  std::string dir_;
};

// Everything the engine writes for a few documents.
std::string CodeAll(const Engine& engine) {
  static const char* const kTexts[] = {
      "Israeli police arrested 12 Palestinians in Hebron on Tuesday, the army said.",
      "Adam Boehler met Hamas officials in Doha. Boehler said the talks went well.",
      "Gunmen killed five villagers near Maiduguri; “we are afraid,” a resident told Reuters.",
      "Police in Iskenderun fired tear gas at protesters. Reading is fun.",
  };
  std::string out;
  Workspace ws;
  for (const char* text : kTexts) {
    Document d{"t", "2025-03-05", text, 0};
    Record r;
    engine.Code(d, &ws, &r);
    WriteJsonLine(d, r, &out);
  }
  return out;
}

TEST_F(ModelCacheTest, HitBehavesAsTheCompiledModel) {
  if (std::getenv("DRAGOMAN_CACHE")) GTEST_SKIP() << "DRAGOMAN_CACHE is set";
  std::vector<std::string> cold_warnings, warm_warnings;
  EngineOptions opt = Options(true);
  opt.warnings = &cold_warnings;
  auto cold = Engine::Load(opt);
  ASSERT_TRUE(cold.ok()) << cold.status().message();
  EXPECT_FALSE(cold.value()->loaded_from_cache());
  ASSERT_EQ(Files().size(), 1u);
  opt.warnings = &warm_warnings;
  auto warm = Engine::Load(opt);
  ASSERT_TRUE(warm.ok()) << warm.status().message();
  EXPECT_TRUE(warm.value()->loaded_from_cache());
  EXPECT_EQ(CodeAll(*cold.value()), CodeAll(*warm.value()));
  EXPECT_EQ(cold_warnings, warm_warnings);
  const Model& a = cold.value()->model();
  const Model& b = warm.value()->model();
  EXPECT_EQ(a.places().size(), b.places().size());
  EXPECT_EQ(a.pattern_count(), b.pattern_count());
  EXPECT_EQ(a.patterns_per_root(), b.patterns_per_root());
  ASSERT_EQ(a.gazetteer() != nullptr, b.gazetteer() != nullptr);
  if (a.gazetteer()) {
    EXPECT_EQ(a.gazetteer()->kept, b.gazetteer()->kept);
  }
  // Another source gives another file.
  opt.use_gazetteer = false;
  auto other = Engine::Load(opt);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other.value()->loaded_from_cache());
  EXPECT_EQ(Files().size(), 2u);
}

TEST_F(ModelCacheTest, DamagedFilesAreIgnoredAndRewritten) {
  if (std::getenv("DRAGOMAN_CACHE")) GTEST_SKIP() << "DRAGOMAN_CACHE is set";
  EngineOptions opt = Options(false);
  auto first = Engine::Load(opt);
  ASSERT_TRUE(first.ok());
  const std::string expected = CodeAll(*first.value());
  ASSERT_EQ(Files().size(), 1u);
  const fs::path file = Files()[0];
  const auto size = fs::file_size(file);
  auto damage = [&](int how) {
    std::string bytes;
    {
      std::ifstream in(file, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    if (how == 0) bytes.resize(bytes.size() / 2);           // truncated
    if (how == 1) bytes[bytes.size() / 2] ^= 0x5A;           // one byte flipped
    if (how == 2) bytes.assign("DMMODEL\n garbage");         // header only
    if (how == 3) bytes.clear();                             // empty
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  };
  for (int how = 0; how < 4; ++how) {
    damage(how);
    auto e = Engine::Load(opt);
    ASSERT_TRUE(e.ok()) << how;
    EXPECT_FALSE(e.value()->loaded_from_cache()) << how;
    EXPECT_EQ(CodeAll(*e.value()), expected) << how;
    EXPECT_EQ(fs::file_size(file), size) << how;  // rewritten whole
    auto again = Engine::Load(opt);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.value()->loaded_from_cache()) << how;
  }
  // A file for another key under this key's name is not used either.
  std::vector<std::string> warnings;
  EXPECT_FALSE(LoadCachedModel(file.string(), 12345, &warnings).ok());
  EXPECT_TRUE(warnings.empty());
}

TEST_F(ModelCacheTest, OffWritesNothing) {
  EngineOptions opt = Options(false);
  opt.use_cache = false;
  auto e = Engine::Load(opt);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e.value()->loaded_from_cache());
  EXPECT_TRUE(Files().empty());
}

TEST(Hash64, SeesEveryByteAndLength) {
  std::string s(1000, 'a');
  uint64_t h = Hash64(s);
  for (size_t i : {0u, 7u, 8u, 500u, 999u}) {
    std::string t = s;
    t[i] = 'b';
    EXPECT_NE(Hash64(t), h) << i;
  }
  EXPECT_NE(Hash64(s.substr(0, 999)), h);
  EXPECT_NE(Hash64(""), Hash64(std::string(1, '\0')));
  EXPECT_EQ(Hash64(s), h);
}

}  // namespace
}  // namespace dragoman
