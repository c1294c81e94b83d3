// The seed article (../shared/seed): a Reuters report that went through
// machine translation and back. The floor of what dragoman must find in it.
#include <gtest/gtest.h>

#include <functional>

#include "testing.h"

namespace dragoman {
namespace {

using testing_util::CodeText;
using testing_util::ReadFile;

class Seed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    text_ = new std::string(ReadFile(std::string(DM_SHARED_DIR) + "/seed/seed-article.txt"));
    if (!text_->empty()) rec_ = new Record(CodeText(*text_, "2025-03-05"));
  }
  void SetUp() override {
    if (text_->empty()) GTEST_SKIP() << "../shared/seed/seed-article.txt not found; seed test skipped";
  }
  static bool AnyEvent(const std::function<bool(const Event&)>& f) {
    for (const Event& e : rec_->events) if (f(e)) return true;
    return false;
  }
  static bool HasCount(const std::string& type, long long n) {
    for (const Count& c : rec_->counts) if (c.type == type && c.number == n) return true;
    return false;
  }
  static std::string SpeakerOf(const std::string& quote_start) {
    for (const Quote& q : rec_->quotes) {
      if (q.text.rfind(quote_start, 0) == 0) return q.speaker.name.empty() ? q.speaker.text : q.speaker.name;
    }
    return "(quote not found)";
  }
  static bool HasEntity(const std::string& type, const std::string& name) {
    for (const Entity& e : rec_->entities) if (e.type == type && (e.name == name || e.text == name)) return true;
    return false;
  }
  static std::string* text_;
  static Record* rec_;
};
std::string* Seed::text_ = nullptr;
Record* Seed::rec_ = nullptr;

bool Root(const Event& e, std::initializer_list<const char*> roots) {
  for (const char* r : roots) if (e.cameo.rfind(r, 0) == 0) return true;
  return false;
}
bool Is(const ActorMention& a, const char* country, const char* name = nullptr) {
  if (a.code.rfind(country, 0) != 0) return false;
  return !name || a.name.find(name) != std::string::npos;
}

TEST_F(Seed, UsaConsultsHamasInDoha) {
  EXPECT_TRUE(AnyEvent([](const Event& e) {
    return Root(e, {"04"}) && Is(e.source, "USA") && Is(e.target, "PSE", "Hamas") && e.location.name == "Doha";
  })) << testing_util::Events(*rec_);
}

TEST_F(Seed, TrumpThreatensHamas) {
  EXPECT_TRUE(AnyEvent([](const Event& e) {
    return Root(e, {"13"}) && Is(e.source, "USA", "Trump") && Is(e.target, "PSE", "Hamas");
  })) << testing_util::Events(*rec_);
}

TEST_F(Seed, OctoberSevenAttack) {
  EXPECT_TRUE(AnyEvent([](const Event& e) {
    return Root(e, {"18", "19"}) && Is(e.source, "PSE", "Hamas") && Is(e.target, "ISR") && e.date == "2023-10-07";
  })) << testing_util::Events(*rec_);
  EXPECT_TRUE(HasCount("KILL", 1200)) << testing_util::Counts(*rec_);
  EXPECT_TRUE(HasCount("KIDNAP", 251)) << testing_util::Counts(*rec_);
}

TEST_F(Seed, IsraelKillsPalestinians) {
  EXPECT_TRUE(AnyEvent([](const Event& e) {
    return Root(e, {"18", "19", "20"}) && Is(e.source, "ISR") && Is(e.target, "PSE");
  })) << testing_util::Events(*rec_);
  EXPECT_TRUE(HasCount("KILL", 48000)) << testing_util::Counts(*rec_);
}

TEST_F(Seed, HamasReleasesHostages) {
  EXPECT_TRUE(AnyEvent([](const Event& e) {
    return e.cameo == "0841" && Is(e.source, "PSE", "Hamas") && Is(e.target, "ISR");
  })) << testing_util::Events(*rec_);
  EXPECT_TRUE(HasCount("RELEASE", 33)) << testing_util::Counts(*rec_);
  EXPECT_TRUE(HasCount("RELEASE", 5)) << testing_util::Counts(*rec_);
  EXPECT_TRUE(HasCount("RELEASE", 2000)) << testing_util::Counts(*rec_);
}

TEST_F(Seed, QuotationsHaveTheirSpeakers) {
  EXPECT_EQ(SpeakerOf("These are ongoing discussions"), "Karoline Leavitt");
  EXPECT_EQ(SpeakerOf("On the one hand"), "Jonathan Panikoff");
  EXPECT_EQ(SpeakerOf("I have no information"), "Taher al-Nono");
  EXPECT_EQ(SpeakerOf("I send Israel everything"), "Donald Trump");
  EXPECT_EQ(SpeakerOf("Israel expressed the United States"), "Benjamin Netanyahu's office");
}

TEST_F(Seed, DohaIsInQatarWithCoordinates) {
  bool found = false;
  for (const Entity& e : rec_->entities) {
    if (e.text != "Doha") continue;
    found = true;
    EXPECT_EQ(e.country, "QAT");
    EXPECT_NEAR(e.lat, 25.29, 0.1);
    EXPECT_NEAR(e.lon, 51.53, 0.1);
  }
  EXPECT_TRUE(found);
}

TEST_F(Seed, OctoberSevenIsDated) {
  bool found = false;
  for (const DateMention& d : rec_->dates) found |= d.text == "October 7, 2023" && d.value == "2023-10-07";
  EXPECT_TRUE(found);
}

TEST_F(Seed, NamedEntities) {
  for (const char* p : {"Adam Boehler", "Karoline Leavitt", "Benjamin Netanyahu", "Steve Witkoff", "Taher al-Nono",
                        "Jonathan Panikoff", "Edan Alexander"}) {
    EXPECT_TRUE(HasEntity("PERSON", p)) << p;
  }
  for (const char* o : {"Hamas", "White House", "Atlantic Council"}) EXPECT_TRUE(HasEntity("ORG", o)) << o;
  for (const char* l : {"Doha", "Gaza", "Israel", "Tenafly"}) EXPECT_TRUE(HasEntity("LOC", l)) << l;
}

}  // namespace
}  // namespace dragoman
