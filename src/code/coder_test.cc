// The coder on sentences written for these tests: one row, one grammar rule.
#include "code/coder.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace dragoman {
namespace {

using testing_util::CodeText;
using testing_util::Events;

struct Row {
  const char* text;
  const char* events;  // "SRC-CAMEO-TGT ..." in order, "" for none
};

class CoderRows : public ::testing::TestWithParam<Row> {};

TEST_P(CoderRows, Codes) {
  const Row& r = GetParam();
  EXPECT_EQ(Events(CodeText(r.text, "2025-03-05")), r.events) << r.text;
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, CoderRows,
    ::testing::Values(
        // active voice, a country adjective on an agent
        Row{"Israeli police arrested 15 protesters in Jerusalem.", "ISRCOP-173-ISROPP"},
        // passive with an agent
        Row{"The convoy was attacked by Houthi rebels near Aden.", "YEMREB-190-?"},
        // an agentless passive arrest is the police's
        Row{"Three men were arrested in Mosul on Monday.", "IRQCOP-173-CVL"},
        // compound subject of a reciprocal verb
        Row{"Qatari and Egyptian mediators met in Cairo.", "QAT-044-EGY"},
        // negation and modality are not coded as happened
        Row{"Hamas did not release the hostages.", ""},
        Row{"Russia will attack Ukraine.", ""},
        Row{"If Iran attacks Israel, the region will burn.", ""},
        Row{"Russia threatened to attack Ukraine.", "RUS-138-UKR"},
        // a relative clause takes its antecedent as subject
        Row{"Egypt condemned Hamas, which attacked Israel on Monday.", "EGY-111-PSEHMS PSEHMS-190-ISR"},
        // a light verb with an event noun
        Row{"Turkey launched an attack on Kurdish rebels.", "TUR-190-REB"},
        // "X said" does not hide the event it reports
        Row{"Officials said Iraqi soldiers killed five militants.", "IRQMIL-1823-REB"},
        // a role of a country named after it
        Row{"Soldiers from Russia shelled Kharkiv on Monday.", "RUSMIL-194-?"},
        // an actor does not act on the station it works from
        Row{"The police arrested one man at the police station on Friday.", "COP-173-CVL"},
        // a pronoun subject is the last person named before it
        Row{"Benjamin Netanyahu flew to Washington. He met Donald Trump on Monday.", "ISRGOV-040-USAGOV"}));

TEST(Coder, EventsCarryCodeAttributesAndEvidence) {
  Record r = CodeText("Hamas has exchanged 33 Israeli hostages for Palestinian prisoners.", "2025-03-05");
  ASSERT_FALSE(r.events.empty());
  const Event& e = r.events[0];
  EXPECT_EQ(e.cameo, "0841");
  EXPECT_EQ(e.plover, "RETREAT");
  EXPECT_EQ(e.quad, 2);
  EXPECT_GT(e.goldstein, 0);
  EXPECT_EQ(e.verb_text, "exchanged");
  EXPECT_EQ(e.source.text, "Hamas");
  EXPECT_EQ(e.target.code, "ISRCVL");
}

TEST(Coder, RolesFollowTheDocumentDate) {
  const char* text = "Donald Trump accused China of stealing jobs.";
  EXPECT_EQ(CodeText(text, "2018-06-01").events.at(0).source.code, "USAGOV");
  EXPECT_EQ(CodeText(text, "2022-06-01").events.at(0).source.code, "USAELI");
  EXPECT_EQ(CodeText(text, "2025-06-01").events.at(0).source.code, "USAGOV");
}

}  // namespace
}  // namespace dragoman
