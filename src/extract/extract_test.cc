// Quotation, count and date shapes on sentences written for these tests.
#include <gtest/gtest.h>

#include "testing.h"

namespace dragoman {
namespace {

using testing_util::CodeText;
using testing_util::Counts;

std::string Speakers(const Record& r) {
  std::string out;
  for (const Quote& q : r.quotes) {
    if (!out.empty()) out += " | ";
    out += q.text + " => " + (q.speaker.present() ? q.speaker.name : std::string("?"));
  }
  return out;
}

TEST(Quotes, SaidAfterAndBefore) {
  EXPECT_EQ(Speakers(CodeText("\"We will not give up,\" said Jonathan Panikoff.")),
            "We will not give up => Jonathan Panikoff");
  EXPECT_EQ(Speakers(CodeText("“The talks are over,” Maria Lopez said on Tuesday.")),
            "The talks are over => Maria Lopez");
  EXPECT_EQ(Speakers(CodeText("Maria Lopez, a spokeswoman for the ministry, told Reuters: “No deal was signed.”")),
            "No deal was signed. => Maria Lopez");
}

TEST(Quotes, AccordingTo) {
  EXPECT_EQ(Speakers(CodeText("“The border will stay closed,” according to Maria Lopez.")),
            "The border will stay closed => Maria Lopez");
  EXPECT_EQ(Speakers(CodeText("According to Jonathan Panikoff, “nobody expected this.”")),
            "nobody expected this. => Jonathan Panikoff");
}

TEST(Quotes, PronounSpeakerResolvesToTheLastPersonOfThatGender) {
  Record r = CodeText("Karoline Leavitt met Donald Trump. “This is a good day for peace,” she said.");
  EXPECT_EQ(Speakers(r), "This is a good day for peace => Karoline Leavitt");
  r = CodeText("Karoline Leavitt met Donald Trump. “This is a good day for peace,” he said.");
  EXPECT_EQ(Speakers(r), "This is a good day for peace => Donald Trump");
}

TEST(Quotes, ContinuationsUnclosedAndPartialQuotes) {
  Record r = CodeText("“We came to talk,” said Maria Lopez. “Nobody wants another war.”\n"
                      "Jonathan Panikoff said the offer was “far too late” for the rebels.\n"
                      "“This quote never closes and runs to the end of the paragraph\nNext paragraph here.");
  ASSERT_EQ(r.quotes.size(), 4u) << Speakers(r);
  EXPECT_EQ(r.quotes[1].speaker.name, "Maria Lopez");
  EXPECT_EQ(r.quotes[2].text, "far too late");
  EXPECT_EQ(r.quotes[2].speaker.name, "Jonathan Panikoff");
  EXPECT_EQ(r.quotes[3].text, "This quote never closes and runs to the end of the paragraph");
}

TEST(Coreference, NamesSurnamesAndPronounsShareAnEntity) {
  Record r = CodeText("Adam Boehler met Hamas officials in Doha. Boehler said the talks went well. He flew home on Monday.");
  int id = -1;
  int mentions = 0;
  for (const Entity& e : r.entities) {
    if (e.name != "Adam Boehler") continue;
    if (id < 0) id = e.entity;
    EXPECT_EQ(e.entity, id);
    ++mentions;
  }
  EXPECT_EQ(mentions, 2);
  ASSERT_EQ(r.pronouns.size(), 1u);
  EXPECT_EQ(r.pronouns[0].text, "He");
  EXPECT_EQ(r.pronouns[0].entity, id);
  EXPECT_EQ(r.pronouns[0].code, "USAGOV");
}

TEST(Quotes, ApostrophesAndSingleWordsAreNotQuotes) {
  Record r = CodeText("The minister's 'plan' was rejected by Hamas' leaders, who don't agree.");
  EXPECT_TRUE(r.quotes.empty()) << Speakers(r);
}

TEST(Counts, NumbersWordsAndQualifiers) {
  EXPECT_EQ(Counts(CodeText("Gunmen killed at least 12 people and wounded around 30 others in Kano.")),
            "KILL:12 WOUND:30");
  EXPECT_EQ(Counts(CodeText("Police arrested five protesters and detained two dozen students.")),
            "ARREST:5 ARREST:24");
  EXPECT_EQ(Counts(CodeText("Rebels kidnapped hundreds of villagers.")), "KIDNAP:100");
  EXPECT_EQ(Counts(CodeText("The militants took 251 hostages.")), "KIDNAP:251");
  EXPECT_EQ(Counts(CodeText("Israel released 2,000 Palestinian prisoners.")), "RELEASE:2000");
  EXPECT_EQ(Counts(CodeText("Twenty people were killed and 45 were injured.")), "KILL:20 WOUND:45");
  EXPECT_EQ(Counts(CodeText("The blast left 7 dead and 19 injured.")), "KILL:7 WOUND:19");
}

TEST(Counts, RangesHeldCaptivesAndTheActor) {
  EXPECT_EQ(Counts(CodeText("Between 10 and 15 people were killed in the blast.")), "KILL:10");
  EXPECT_EQ(Counts(CodeText("Soldiers killed 20-25 fighters.")), "KILL:20");
  EXPECT_EQ(Counts(CodeText("Fewer than half of the remaining 59 hostages are alive.")), "KIDNAP:59");
  Record r = CodeText("Israeli police arrested 15 protesters.");
  ASSERT_EQ(r.counts.size(), 1u);
  EXPECT_EQ(r.counts[0].actor.code, "ISRCOP");
  r = CodeText("Twelve students were abducted by gunmen in Kaduna.");
  ASSERT_EQ(r.counts.size(), 1u);
  EXPECT_EQ(r.counts[0].type, "KIDNAP");
  EXPECT_EQ(r.counts[0].actor.text, "gunmen in Kaduna");
  EXPECT_EQ(r.counts[0].actor.code, "NGAUAF");
}

TEST(Places, SameNamedPlacesFollowTheDocument) {
  auto country_of = [](const Record& r, const std::string& name) {
    for (const Entity& e : r.entities) if (e.text == name) return e.country;
    return std::string("(none)");
  };
  EXPECT_EQ(country_of(CodeText("Fighting erupted in Tripoli and spread to Misrata and Benghazi."), "Tripoli"), "LBY");
  EXPECT_EQ(country_of(CodeText("Clashes in Tripoli, in northern Lebanon, left two dead near Beirut."), "Tripoli"), "LBN");
  Record r = CodeText("Boehler and Hamas officials met in Doha.");
  for (const Entity& e : r.entities) {
    if (e.text == "Doha") {
      EXPECT_EQ(e.country, "QAT");
      EXPECT_NEAR(e.lat, 25.3, 0.2);
      EXPECT_NEAR(e.lon, 51.5, 0.2);
    }
  }
}

TEST(Counts, AnArticleCountsOnePersonKilled) {
  EXPECT_EQ(Counts(CodeText("Gunmen killed a policeman in Kabul.")), "KILL:1");
  EXPECT_EQ(Counts(CodeText("The policemen killed a \"ram bhakt\" in West Bengal.")), "KILL:1");
  EXPECT_EQ(Counts(CodeText("The army killed a militant and two civilians.")), "KILL:1 KILL:2");
  // not a group, a plural or a thing
  EXPECT_EQ(Counts(CodeText("Troops killed a group of militants.")), "");
  EXPECT_EQ(Counts(CodeText("Police killed a few protesters.")), "");
  EXPECT_EQ(Counts(CodeText("The blast killed a police team.")), "");
  EXPECT_EQ(Counts(CodeText("The senate killed a bill on Monday.")), "");
}

TEST(Counts, NotFromDatesAgesMoneyOrTime) {
  EXPECT_EQ(Counts(CodeText("The attack on October 7, 2023 was condemned.")), "");
  EXPECT_EQ(Counts(CodeText("Police arrested a 25-year-old man aged 25 at 10 pm.")), "");
  EXPECT_EQ(Counts(CodeText("The government released $5 million in aid in 2024.")), "");
  EXPECT_EQ(Counts(CodeText("Call 555 1234 to report.")), "");
  EXPECT_EQ(Counts(CodeText("The rebels took 3 days to reach the town.")), "");
}

TEST(Dates, AbsoluteAndRelative) {
  Record r = CodeText("On October 7, 2023 the war began. On Monday the envoy returned; last month talks failed. "
                      "Fighting stopped on 19 January and resumed in March 2024.",
                      "2025-03-05");
  std::string got;
  for (const auto& d : r.dates) got += d.value + " ";
  EXPECT_EQ(got, "2023-10-07 2025-03-03 2025-02 2025-01-19 2024-03 ");
}

}  // namespace
}  // namespace dragoman
