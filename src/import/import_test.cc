#include "import/import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dragoman/engine.h"
#include "import/validate.h"
#include "lexicon/model.h"

namespace dragoman {
namespace {

std::string Peers() { return std::string(DM_SHARED_DIR) + "/peers"; }

bool Exists(const std::string& p) { return std::filesystem::exists(p); }

#define SKIP_IF_ABSENT(path)                                                                   \
  if (!Exists(path)) GTEST_SKIP() << "peer file " << (path) << " is absent (" DM_SHARED_DIR \
                                  "/peers is not installed); skipping"

// Writes `text` to a fresh temporary file; returns its path.
std::string TempFile(const std::string& name, const std::string& text) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-import-test-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const Entry* Find(const std::vector<Entry>& v, const std::string& kind, const std::string& name) {
  for (const auto& e : v) {
    if (e.kind != kind) continue;
    if (std::find(e.names.begin(), e.names.end(), name) != e.names.end()) return &e;
  }
  return nullptr;
}

std::vector<std::string> Roles(const Entry& e) {
  std::vector<std::string> out;
  for (const auto& [k, v] : e.fields) {
    if (k == "role") out.push_back(v);
  }
  return out;
}

struct PeerFile {
  const char* format;
  const char* path;  // under peers/
  size_t min_entries;
  const char* kind;  // a kind that must be present (or "" for none)
};

// Minimum counts a little under what the importers yield today.
const PeerFile kPeerFiles[] = {
    {"tabari-actors", "tabari/TABARI.Demo.actors", 100, "org"},
    {"tabari-actors", "tabari/CountryInfo.120116.actors", 20000, "person"},
    {"tabari-actors", "tabari/Internatnl.120521.actors", 7000, "org"},
    {"tabari-verbs", "tabari/TABARI.Demo.verbs", 400, "verb"},
    {"tabari-verbs", "tabari/CAMEO.091003.master.verbs", 12000, "verb"},
    {"tabari-agents", "tabari/Validate.agents", 60, "agent"},
    {"tabari-agents", "tabari/PSU.120522.agents", 2000, "agent"},
    {"tabari-options", "tabari/Validate.options", 0, ""},
    {"tabari-options", "tabari/CAMEO.09b5.options", 0, ""},
    {"petrarch-actors", "petrarch/PETR.Validate.actors.txt", 100, "person"},
    {"petrarch-verbs", "petrarch/PETR.Validate.verbs.txt", 400, "class"},
    {"petrarch-agents", "petrarch/PETR.Validate.agents.txt", 60, "agent"},
    {"petrarch-discards", "petrarch/PETR.Validate.discards.txt", 5, "discard"},
    {"petrarch-verbs", "petrarch2/CAMEO.2.0.txt", 5000, "verb"},
    {"petrarch-verbs", "petrarch2/CAMEO.verbpatterns.150430.txt", 10000, "verb"},
    {"petrarch-actors", "petrarch2/Phoenix.Countries.actors.txt", 17000, "person"},
    {"petrarch-actors", "petrarch2/Phoenix.International.actors.txt", 7000, "org"},
    {"petrarch-actors", "petrarch2/Phoenix.MilNonState.actors.txt", 900, "org"},
    {"petrarch-agents", "petrarch2/Phoenix.agents.txt", 2000, "agent"},
    {"petrarch-discards", "petrarch2/Phoenix.discards.txt", 450, "discard"},
    {"petrarch-issues", "petrarch2/Phoenix.IssueCoding.txt", 3000, "issue"},
    {"petrarch-verbs", "udpetrarch/PETR_Validate_verbs_2_02.txt", 400, "verb"},
    {"petrarch-actors", "udpetrarch/PETR_Validate_actors_2_02.txt", 100, "org"},
};

TEST(ImportPeer, EveryPeerFileLoads) {
  std::string probe = Peers() + "/" + kPeerFiles[0].path;
  SKIP_IF_ABSENT(probe);
  for (const PeerFile& f : kPeerFiles) {
    std::string path = Peers() + "/" + f.path;
    if (!Exists(path)) {
      ADD_FAILURE() << path << " is missing while other peer files are present";
      continue;
    }
    std::vector<Entry> entries;
    std::vector<std::string> warnings;
    Status s = ImportDictionary(f.format, path, &entries, &warnings);
    ASSERT_TRUE(s.ok()) << f.path << ": " << s.message();
    EXPECT_GE(entries.size(), f.min_entries) << f.path;
    // Warnings are the exception, not the rule (a few peer lines are malformed).
    EXPECT_LE(warnings.size(), entries.size() / 50 + 20) << f.path << ": first: " << warnings[0];
    if (*f.kind) {
      EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.kind == f.kind; }))
          << f.path << " yields no " << f.kind;
    }
    // Every entry survives a trip through our own format.
    for (const Entry& e : entries) {
      Entry back;
      std::string err;
      ASSERT_TRUE(ParseEntryLine(FormatEntryLine(e), &back, &err)) << f.path << ":" << e.line << ": " << err;
      ASSERT_EQ(back.kind, e.kind) << FormatEntryLine(e);
      ASSERT_EQ(back.names.size(), e.names.size()) << f.path << ":" << e.line << ": " << FormatEntryLine(e);
    }
  }
}

TEST(ImportPeer, UnknownFormatAndMissingFile) {
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  EXPECT_FALSE(ImportDictionary("kedsx-verbs", "/nonexistent", &entries, &warnings).ok());
  Status s = ImportDictionary("tabari-actors", "/nonexistent/x.actors", &entries, &warnings);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/x.actors"), std::string::npos);
}

TEST(ImportTabari, MalformedLineReportedWithFileAndLine) {
  std::string path = TempFile("bad.actors",
                              "ARNOR [ARN]\n"
                              "GONDOR [GON\n"                // unclosed block
                              "ROHAN [ROH 9901-]\n"          // bad date
                              "ITHILEN [ITH]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-actors", path, &entries, &warnings).ok());
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].rfind(path + ":2: ", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[1].rfind(path + ":3: ", 0), 0u) << warnings[1];
  ASSERT_EQ(entries.size(), 2u);  // loading goes on
  EXPECT_EQ(entries[1].key, "ITH");
  EXPECT_EQ(entries[1].line, 4);
}

TEST(ImportTabari, NamesWithoutAFinalUnderscoreAreStems) {
  const char* text = "KUWAIT [KUW]\nLIBYA_ [LBY]\nU.S. [USA]\nITHILEN_GOVERNMENT_RADIO_ [ITHRAD]\n";
  std::vector<Entry> tabari, petrarch;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-actors", TempFile("stems.actors", text), &tabari, &warnings).ok());
  ASSERT_TRUE(ImportDictionary("petrarch-actors", TempFile("stems.txt", text), &petrarch, &warnings).ok());
  ASSERT_EQ(tabari.size(), 4u);
  EXPECT_EQ(tabari[0].names, (std::vector<std::string>{"Kuwait*"}));
  EXPECT_EQ(tabari[0].Get("roles"), "stack");  // "Kuwait officials" stack as the peers code
  // An exact name takes TABARI's noun ending -s.
  EXPECT_EQ(tabari[1].names, (std::vector<std::string>{"Libya", "Libyas"}));
  EXPECT_EQ(tabari[2].names, (std::vector<std::string>{"U.S."}));  // not letters: exact
  EXPECT_EQ(tabari[3].names, (std::vector<std::string>{"Ithilen Government Radio", "Ithilen Government Radios"}));
  // PETRARCH matches names as written.
  ASSERT_EQ(petrarch.size(), 4u);
  EXPECT_EQ(petrarch[0].names, (std::vector<std::string>{"Kuwait"}));
  EXPECT_EQ(petrarch[1].names, (std::vector<std::string>{"Libya"}));
}

TEST(ImportTabari, ABlankBetweenWordsIsAGapAndAnUnderscoreIsNot) {
  const char* text = "EDORAS RIDER [ROHMIL]\nPRINCE DOL_AMROTH [DOL]\nMINAS_TIRITH_ [GON]\n";
  std::vector<Entry> tabari, petrarch;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-actors", TempFile("gaps.actors", text), &tabari, &warnings).ok());
  ASSERT_TRUE(ImportDictionary("petrarch-actors", TempFile("gaps.txt", text), &petrarch, &warnings).ok());
  ASSERT_EQ(tabari.size(), 3u);
  const std::string gap = kNameGapMark;
  EXPECT_EQ(tabari[0].names, (std::vector<std::string>{"Edoras " + gap + " Rider*"}));
  EXPECT_EQ(tabari[1].names, (std::vector<std::string>{"Prince " + gap + " Dol Amroth*"}));
  EXPECT_EQ(tabari[2].names, (std::vector<std::string>{"Minas Tirith", "Minas Tiriths"}));
  // PETRARCH's blanks are no gaps.
  ASSERT_EQ(petrarch.size(), 3u);
  EXPECT_EQ(petrarch[0].names, (std::vector<std::string>{"Edoras Rider"}));
}

TEST(ImportTabari, NounAndAdjectiveSectionsBecomeWordClasses) {
  const char* text =
      "<NOUN>\nHORSES  ;pas\nSPEARMEN_\n</NOUN>\n<ADJECTIVE>\nBRAVE\nGRIM\n</ADJECTIVE>\nROHAN_ [ROH]\n";
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-actors", TempFile("pos.actors", text), &entries, &warnings).ok());
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].key, "ROH");
  EXPECT_EQ(entries[1].kind, "class");
  EXPECT_EQ(entries[1].key, kTabariAdjectives);
  EXPECT_EQ(entries[1].names, (std::vector<std::string>{"brave", "grim"}));
  EXPECT_EQ(entries[2].key, kTabariNouns);
  EXPECT_EQ(entries[2].names, (std::vector<std::string>{"horses", "spearmen"}));
}

TEST(ImportTabari, MalformedVerbLineReported) {
  std::string path = TempFile("bad.verbs",
                              "ATTACK [190]\n"
                              "- * ON_ + [190\n"  // unclosed code
                              "- ON_ + [191]\n"   // no verb position
                              "- * NEAR + [195]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].rfind(path + ":2: ", 0), 0u) << warnings[0];
  EXPECT_EQ(warnings[1].rfind(path + ":3: ", 0), 0u) << warnings[1];
  EXPECT_NE(Find(entries, "verb", "attack near~ +"), nullptr);
}

TEST(ImportPetrarch, PatternWithoutItsDashIsReadAndReported) {
  std::string path = TempFile("nodash.verbs", "--- BEGIN  [---]  ---\nBEGIN\n* (TO QUESTION) [110]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-verbs", path, &entries, &warnings).ok());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind(path + ":3: pattern without", 0), 0u) << warnings[0];
  bool found = false;
  for (const auto& e : entries) found |= e.kind == "verb" && e.key == "110";
  EXPECT_TRUE(found);
}

TEST(ImportTabari, SpellingVariantFormsKeptBesideRegularOnes) {
  // "{ ACTING_ ACTXD_ ACTUALITY }": forms that start with the lemma but are
  // not regular inflections are more written forms of the verb; the regular
  // past stays.
  std::string path = TempFile("variants.verbs",
                              "ACT_ [100]\n"
                              "{ ACTING_ ACTXD_ ACTUALITY  }\n"
                              "- * RESOLUTION  [102]\n"
                              "SPEED [042]\n"
                              "{ SPEEDING SPEEDS SPED SPEEDX }\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* act = nullptr;
  const Entry* speed = nullptr;
  for (const auto& x : entries) {
    if (x.kind == "irregular" && x.key == "act") act = &x;
    if (x.kind == "irregular" && x.key == "speed") speed = &x;
  }
  ASSERT_NE(act, nullptr);
  EXPECT_EQ(act->Get("past"), "acted/actxd/actuality");
  EXPECT_EQ(act->Get("participle"), "acted/actxd/actuality");
  ASSERT_NE(speed, nullptr);
  EXPECT_EQ(speed->Get("past"), "sped/speedx");
}

TEST(ImportTabari, ExactStemsTakeTheEndingsEsAndEn) {
  // "DEPART_": TABARI reads "departes" and "departen" as the verb too; a
  // stem with listed forms, or ending in e, keeps only its forms.
  std::string path = TempFile("stems.verbs", "DEPART_ [032]\nDEPLORE_ [122]\nSTAB [222]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  std::map<std::string, std::string> past;
  for (const auto& x : entries) {
    if (x.kind == "irregular") past[x.key] = x.Get("past");
  }
  EXPECT_EQ(past["depart"], "departed/departes/departen");
  EXPECT_EQ(past.count("deplore"), 0u);
  EXPECT_EQ(past.count("stab"), 0u);
}

TEST(ImportTabari, DateRestrictedActorBecomesPersonWithRoles) {
  std::string path = Peers() + "/tabari/TABARI.Demo.actors";
  SKIP_IF_ABSENT(path);
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-actors", path, &entries, &warnings).ok());
  // ALBRIGHT  [USAGOV 991201-010114] [---] (a stem: no final `_`)
  const Entry* e = Find(entries, "person", "Albright*");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Roles(*e), (std::vector<std::string>{"USAGOV 1999-12-01..2001-01-14", "---"}));
  // GOLLUM with +synonyms and three code lines; "<" and ">" are strict.
  e = Find(entries, "person", "Gollum*");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "Smeagol*"), e->names.end());
  EXPECT_EQ(Roles(*e), (std::vector<std::string>{"HOB ..1995-05-31", "HOBGOV 1995-06-01..1999-08-15",
                                                 "HOBREB 1999-08-17.."}));
  // Without a restriction: an org with names in title case.
  e = Find(entries, "org", "United Arab Emirates*");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "UAE");
}

TEST(ImportPetrarch, DateRestrictedActorBecomesPersonWithRoles) {
  std::string path = Peers() + "/petrarch/PETR.Validate.actors.txt";
  SKIP_IF_ABSENT(path);
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-actors", path, &entries, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  const Entry* e = Find(entries, "person", "Sam Gamgee");
  ASSERT_NE(e, nullptr);
  std::vector<std::string> roles = Roles(*e);
  ASSERT_EQ(roles.size(), 6u);
  EXPECT_EQ(roles[0], "HOBCIV ..2008-01-19");
  EXPECT_EQ(roles[1], "ORCHOB 2010-01-09..2010-01-12");
  EXPECT_EQ(roles[4], "HOBELI 2013-01-20..");
  EXPECT_EQ(roles[5], "HOB");  // the undated fallback comes last
  // Synonyms under an entry become names of the same actor.
  e = Find(entries, "org", "Denmark");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "DNK");
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "Danish"), e->names.end());
}

TEST(ImportPetrarch, SharedCodeBlockAfterSeveralNames) {
  std::string path = TempFile("shared.actors.txt",
                              "<!-- header\n comment -->\n"
                              "IVO_JOSIPOVIC_\n"
                              "PRESIDENT_JOSIPOVIC_\n"
                              "\t[HRVGOV >20120219]\n"
                              "\t[HRVGOVLEG 20031222-20100218]\n"
                              "ZORAN_MILANOVIC_  # a comment\n"
                              "\t[HRVGOV >20111223]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-actors", path, &entries, &warnings).ok());
  EXPECT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].names, (std::vector<std::string>{"Ivo Josipovic", "President Josipovic"}));
  EXPECT_EQ(Roles(entries[0]),
            (std::vector<std::string>{"HRVGOV 2012-02-20..", "HRVGOVLEG 2003-12-22..2010-02-18"}));
}

TEST(ImportTabari, VerbPatternPutsVerbFirst) {
  std::string path = TempFile("demo.verbs",
                              "<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n"
                              "ABDUCT  [181] ;shan   7/24/93\n"
                              "- + * BY_ $  [181] ;BERT 12/31/97\n"
                              "- * OF_ + IN_ $  [181] ;JON 5/26/95\n"
                              "- SAID + MUST * POLICY  [100]\n"
                              "- FAILED_TO_*  [111]\n"
                              "- * &TIETYPES TIES [064:065]\n"
                              "- * THAT { IT | SHE } KILLED +  [190]\n"
                              "- * PLAN_ [---]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "abduct");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "181");
  e = Find(entries, "verb", "+ * abduct =by $");
  ASSERT_NE(e, nullptr);  // "+ * BY_ $": the subject is the target, `$` the source
  EXPECT_EQ(e->key, "181");
  EXPECT_NE(Find(entries, "verb", "abduct =of + =in $"), nullptr);
  // Words before the verb stay before it, behind `*`, with the target slot
  // among them (TABARI's reading reads it there; otherwise it means "+ * ... $").
  e = Find(entries, "verb", "said~ + must~ * abduct policy~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "100");
  e = Find(entries, "verb", "abduct &TIETYPES ties~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "064");  // paired codes: the first, and the second as the reverse
  EXPECT_EQ(e->Get("reverse"), "065");
  EXPECT_EQ(Find(entries, "verb", "abduct")->Get("reverse"), "");
  e = Find(entries, "verb", "abduct that~ it~ killed~ +");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "abduct that~ she~ killed~ +"), e->names.end());
  // "FAILED_TO_*": only words before the verb, right before it, never the
  // bare verb with 111.
  e = Find(entries, "verb", "=failed_=to_ * abduct");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "111");
  EXPECT_EQ(e->names.size(), 1u);
  for (const auto& x : entries) EXPECT_NE(x.key, "---");
  const Entry* cls = nullptr;
  for (const auto& x : entries) {
    if (x.kind == "class" && x.key == "TIETYPES") cls = &x;
  }
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->names, (std::vector<std::string>{"economic~", "military~"}));
}

TEST(ImportTabari, UnderscoreJoinsAWordToTheAlternativesBesideIt) {
  // "APPLY_{ A | B }_TREATY": each alternative stands next to the words
  // around the braces; "{ A | B } TREATY" only follows them.
  std::string path = TempFile("braces.verbs",
                              "ABIDE  [---]\n"
                              "- * BY_{ SHIRE | BREE }_LAWS  [151]\n"
                              "- * BY { SHIRE | BREE } CUSTOMS  [152]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "abide =by_=shire_laws~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "151");
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "abide =by_=bree_laws~"), e->names.end());
  e = Find(entries, "verb", "abide by~ shire~ customs~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "152");
}

TEST(ImportTabari, SynsetMembersOfSeveralWordsAreSpelledOut) {
  // TABARI writes contractions whole (DIDN'T); the tokenizer splits them.
  std::string path = TempFile("neg.verbs",
                              "<SYNSETS>\n&NEGAUX\n+DIDN'T\n+WILL_NOT\n+NEVER\n"
                              "&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
                              "CLASH  [223]\n"
                              "- UNEXPECTEDLY &NEGAUX * OVER EFFORTS  [906]\n"
                              "CONTRIBUT  [070]\n"
                              "- * &CURRENCY [903]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "unexpectedly~ &NEGAUX * clash over~ efforts~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "906");
  EXPECT_EQ(e->names, (std::vector<std::string>{"unexpectedly~ &NEGAUX * clash over~ efforts~",
                                                "unexpectedly~ did n't * clash over~ efforts~",
                                                "unexpectedly~ will_not~ * clash over~ efforts~"}));
  // "SWISS_FRANC": `_` keeps the words next to each other; TABARI reads a
  // member's last word as a prefix too, as any pattern word.
  e = Find(entries, "verb", "contribute swiss_franc~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "903");
  EXPECT_NE(Find(entries, "verb", "contribute &CURRENCY"), nullptr);
  const Entry* cls = nullptr;
  for (const auto& x : entries) {
    if (x.kind == "class" && x.key == "NEGAUX") cls = &x;
  }
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->names, (std::vector<std::string>{"never~"}));
  for (const auto& w : warnings) EXPECT_EQ(w.find("synset"), std::string::npos) << w;
}

TEST(ImportTabari, SynsetMembersNamingSynsetsAndJoinedWords) {
  // A member that names another synset ("+&TIES_NOTES") is spelled out with
  // it; `_` between words keeps them next to each other in the pattern, a
  // blank lets words stand between.
  std::string path = TempFile("tie.verbs",
                              "<SYNSETS>\n&TIES\n+TRADE\n+CULTURAL\n"
                              "&TIENOTE\n+&TIES_NOTES\n+NOTES_ON_&TIES\n</SYNSETS>\n"
                              "WELCOME  [041]\n"
                              "- * &TIENOTE FROM [911]\n"
                              "- * NEW_&TIES_LINKS [903]\n"
                              "- * BETTER &TIES LINKS [904]\n"
                              "- * RESOLUTION_ [102]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "welcome &TIES_notes from~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "911");
  EXPECT_EQ(e->names, (std::vector<std::string>{"welcome &TIES_notes from~", "welcome notes_on_&TIES from~"}));
  EXPECT_NE(Find(entries, "verb", "welcome =new_&TIES_links~"), nullptr);
  EXPECT_NE(Find(entries, "verb", "welcome better~ &TIES links~"), nullptr);
  // A word ending in `_` is matched as written, not as a stem.
  EXPECT_NE(Find(entries, "verb", "welcome =resolution"), nullptr);
  for (const auto& w : warnings) EXPECT_EQ(w.find("synset"), std::string::npos) << w;
}

// An engine over a small dictionary in our format (and our CAMEO table).
std::unique_ptr<Engine> SmallEngine(const std::string& dict, bool peer_targets, bool sparse_verbs = false,
                                    bool before_in_subject = false) {
  EngineOptions opt;
  opt.sparse_verbs = sparse_verbs;
  opt.peer_words_before_in_subject = before_in_subject;
  opt.use_default_dict = false;
  opt.use_gazetteer = false;
  opt.use_cache = false;
  opt.keep_modal_events = true;
  opt.peer_targets = peer_targets;
  opt.dictionaries = {{"dragoman", TempFile("small.txt", dict)},
                      {"dragoman", std::string(DM_SOURCE_DIR) + "/data/cameo.txt"}};
  auto e = Engine::Load(opt);
  EXPECT_TRUE(e.ok()) << e.status().message();
  return e.ok() ? std::move(e).value() : nullptr;
}

std::string Code(const Engine& engine, const std::string& text) {
  Document d{"t", "2000-01-01", text, 0};
  Workspace ws;
  Record r;
  engine.Code(d, &ws, &r);
  std::string out;
  for (const auto& e : r.events) {
    out += (out.empty() ? "" : " ") + e.source.code + "-" + e.cameo + "-" + e.target.code;
  }
  return out;
}

const char kSmallDict[] =
    "org ARN : Arnor\n"
    "org OSG : Osgiliath\n"
    "org ERI : Eriador\n"
    "verb 121 : clash over efforts\n"
    "verb 111 : did n't * clash over efforts | never * clash over efforts\n"
    "verb 172 : call for sanctions\n";

TEST(ImportEngine, WordsBeforeTheVerbSelectThePattern) {
  auto engine = SmallEngine(kSmallDict, true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor clashed over the efforts of Osgiliath."), "ARN-121-OSG");
  EXPECT_EQ(Code(*engine, "Arnor didn't clash over the efforts of Osgiliath."), "ARN-111-OSG");
  EXPECT_EQ(Code(*engine, "Arnor will never clash over the efforts of Osgiliath."), "ARN-111-OSG");
  // Not across the subject: "never" belongs to another clause.
  EXPECT_EQ(Code(*engine, "Never Arnor clashed over the efforts of Osgiliath."), "ARN-121-OSG");
}

TEST(ImportEngine, AGerundAfterASubordinatorCodesNothingForThePeers) {
  const std::string dict = kSmallDict + std::string("verb 042 : celebrate feast with +\nverb 012 : leave\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  // PETRARCH's parse gives "leaving Eriador" no subject of its own.
  const char* s = "Arnor celebrated the feast with Osgiliath after leaving Eriador.";
  EXPECT_EQ(Code(*peer, s), "ARN-042-OSG");
  EXPECT_NE(Code(*own, s).find("ARN-012-ERI"), std::string::npos);
}

TEST(ImportEngine, ANounBetweenAModalAndAVerbJoinsTheVerb) {
  // "will not wire tap": "wire" is part of the verb, not its subject.
  auto engine = SmallEngine(kSmallDict + std::string("org GON : Gondor\nverb 081 : will not * tap\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Gondor will not wire tap the lines into Eriador."), "GON-081-ERI");
}

TEST(ImportEngine, ACapitalisedMayInsideASentenceIsNoModal) {
  auto engine = SmallEngine(kSmallDict + std::string("verb 046 : celebrate may day with +\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor celebrated May Day with Eriador."), "ARN-046-ERI");
}

TEST(ImportEngine, AnAppositionStandsBetweenSubjectAndVerb) {
  auto engine = SmallEngine(kSmallDict, true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor, the old rival of Eriador, clashed over the efforts of Osgiliath."), "ARN-121-OSG");
}

TEST(ImportEngine, CoordinatedActorsAgreeInNumberWithTheVerb) {
  // "the Central African Republic agree" alone would read as a noun
  // compound ("a border attack"); after "Arnor and" the subject is plural.
  auto engine = SmallEngine(kSmallDict + std::string("org CAF : Central African Republic\nverb 050 : agree\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor and the Central African Republic agree that the talks should go on."), "ARN-050-CAF");
}

TEST(ImportEngine, NounsJoinedByAndStayInOneNounPhrase) {
  // "shelling" is a noun like "bombing", and the pattern reads across "and".
  auto engine = SmallEngine(kSmallDict + std::string("verb 190 : launch offensive\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor launched a new bombing and shelling offensive against Eriador."), "ARN-190-ERI");
}

TEST(ImportEngine, AnEdFormBeforeTheObjectNounModifiesIt) {
  auto engine = SmallEngine(kSmallDict + std::string("verb 161 : abandon relations\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor will abandon improved relations with Eriador."), "ARN-161-ERI");
}

TEST(ImportEngine, AComparativeBeforeAnInfinitiveIsNoSubject) {
  // "inching nearer to accord": "nearer" is no object that does the accord.
  auto engine = SmallEngine(kSmallDict + std::string("verb 083 : inching nearer * accord\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor is inching nearer to accord with Eriador on trade."), "ARN-083-ERI");
}

TEST(ImportEngine, TabariNamesReadAcrossOf) {
  // TABARI's "PRINCE DOL_AMROTH" is also "the Prince of Dol Amroth".
  const std::string dict = kSmallDict + std::string("org DOL : Prince Dol Amroth\nverb 160 : warn\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  const char* text = "Arnor warned of the Prince of Dol Amroth on Monday.";
  EXPECT_EQ(Code(*sparse, text), "ARN-160-DOL");
  EXPECT_EQ(Code(*parse, text), "");
}

TEST(ImportEngine, TabariNamesWithGapsAndHyphens) {
  // "EDORAS RIDER" (a blank: words may stand between) and "HELMS_DEEP" (an
  // underscore, which TABARI also reads as a hyphen).
  const std::string gap = kNameGapMark;
  const std::string dict =
      kSmallDict + std::string("org ROHMIL : Edoras ") + gap + " Rider\norg HLM : Helms Deep\nverb 160 : warn\n";
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor warned Edoras Rider on Monday."), "ARN-160-ROHMIL");
  EXPECT_EQ(Code(*sparse, "Arnor warned Edoras and a Rider on Monday."), "ARN-160-ROHMIL");
  EXPECT_EQ(Code(*sparse, "Arnor warned the Helms-Deep garrison on Monday."), "ARN-160-HLM");
  // Without the later word the name is not there.
  EXPECT_EQ(Code(*sparse, "Arnor warned Edoras on Monday."), "ARN-160-");
  // Our own reading keeps a hyphenated pair as written.
  EXPECT_EQ(Code(*parse, "Arnor warned the Helms-Deep garrison on Monday."), "");
}

TEST(ImportEngine, TabariGivesAListsRoleToItsFirstActor) {
  const std::string dict = kSmallDict + std::string("org GON : Gondor\nagent LEG : lawmakers\nverb 041 : welcome\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  const char* text = "Lawmakers of Arnor, Gondor and Osgiliath welcomed Eriador.";
  EXPECT_EQ(Code(*sparse, text), "ARNLEG-041-ERI GON-041-ERI OSG-041-ERI");
  EXPECT_EQ(Code(*parse, text), "ARNLEG-041-ERI GONLEG-041-ERI OSGLEG-041-ERI");
}

TEST(ImportEngine, TabariReadsAnSFormAfterANameAsItsVerb) {
  // "Arnor supposes guards ...": not one noun phrase "Arnor supposes guards".
  const std::string dict =
      kSmallDict + std::string("agent COP : guards\nverb 023 : suppose\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor supposes guards can stop a flood from the river next month."), "ARN-023-COP");
}

TEST(ImportEngine, TabariKeepsWordsItKnowsJoinedInOneNounPhrase) {
  const std::string dict = kSmallDict + std::string(
                                            "org GON : Gondor\norg ROH : Rohan\norg THE : Theoden\n"
                                            "agent GOV : counsellor\nverb 160 : warn\n"
                                            "class tabari-noun : horses | spears\n"
                                            "class tabari-adjective : brave | grim\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  // Two nouns it lists: one noun phrase, whose first actor is the source.
  EXPECT_EQ(Code(*sparse, "Rohan's horses and spears of Gondor warned Eriador."), "ROH-160-ERI");
  // A word it does not list: two conjuncts, and the first, Rohan's
  // horses, names no actor of its own: the possessive is no conjunct.
  EXPECT_EQ(Code(*sparse, "Rohan's horses and banners of Gondor warned Eriador."), "GON-160-ERI");
  // Two adjectives; the role before a name is the name's, not Rohan's.
  EXPECT_EQ(Code(*sparse, "Rohan's brave and grim counsellor Theoden warned Eriador."), "ROH-160-ERI");
  // An adjective it does not list: two conjuncts, and in the second the
  // role before the name is that name's role.
  EXPECT_EQ(Code(*sparse, "Rohan's brave and bold counsellor Theoden warned Eriador."), "THEGOV-160-ERI");
}

TEST(ImportEngine, TabariReadsATargetListOnAcrossCommaAnd) {
  const std::string dict = kSmallDict + std::string("org GON : Gondor\norg ROH : Rohan\nverb 160 : warn\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  const char* text = "Rohan warned Gondor and Arnor, and Osgiliath and Eriador, on Monday.";
  EXPECT_EQ(Code(*sparse, text), "ROH-160-GON ROH-160-ARN ROH-160-OSG ROH-160-ERI");
  EXPECT_EQ(Code(*parse, text), "ROH-160-GON ROH-160-ARN");
}

TEST(ImportEngine, PronounSubjectsAndPatternsThroughThem) {
  auto engine = SmallEngine(kSmallDict +
                                std::string("verb 023 : say\n"
                                            "verb 100 : act with\n"
                                            "verb 101 : said would * act now with\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  // "it" is the nearest actor before it in the sentence.
  EXPECT_EQ(Code(*engine, "Arnor indicated it would act with Eriador."), "ARN-100-ERI");
  // The words before the verb reach past a pronoun subject, and the
  // governing "said" they take codes no event of its own.
  EXPECT_EQ(Code(*engine, "Arnor said it would act now with Eriador."), "ARN-101-ERI");
  // So with no subject at all, in TABARI's reading ("said would act").
  auto sparse = SmallEngine(kSmallDict + std::string("verb 023 : say\nverb 101 : said would * act now with\n"), true,
                            true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor said would act now with Eriador."), "ARN-101-ERI");
  // An actor between the words before the verb counts as one word.
  auto warn = SmallEngine(kSmallDict + std::string("org UNK : United Northern Kingdoms\n"
                                                   "verb 161 : + have been * warn $\n"
                                                   "verb 165 : now + have been * warn $\n"),
                          true, true);
  ASSERT_NE(warn, nullptr);
  EXPECT_EQ(Code(*warn, "Now the United Northern Kingdoms have been warned of Eriador."), "ERI-165-UNK");
  // Without a pattern through it, "said" keeps its event.
  EXPECT_EQ(Code(*engine, "Arnor said it would act with Eriador."), "ARN-023-ERI ARN-100-ERI");
}

// TABARI's sparse reading, for sentences our parse codes nothing in: a
// dictionary verb that is a noun here carries the event, and a verb whose
// subject is no actor takes the actor before it.
TEST(ImportEngine, SparseReadingFindsVerbsTheParseMissed) {
  const std::string dict = kSmallDict + std::string("verb 081 : sign\n"
                                                    "verb 102 : urge +\n"
                                                    "verb 121 : has refxsed to * urge\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  // A noun that is a dictionary verb carries the event.
  const char* sign = "Arnor is about to show it has no new sign with Eriador.";
  EXPECT_EQ(Code(*parse, sign), "");
  EXPECT_EQ(Code(*sparse, sign), "ARN-081-ERI");
  // An unknown word heads the subject chunk of "urge"; the source is Arnor.
  const char* urge = "Arnor has refxsed to urge Eriador on Monday.";
  EXPECT_EQ(Code(*parse, urge), "");
  EXPECT_EQ(Code(*sparse, urge), "ARN-121-ERI");
  // Only a fallback: a sentence the parse codes keeps its events alone.
  EXPECT_EQ(Code(*sparse, "Arnor urged Eriador to raise its voice."), "ARN-102-ERI");
}

// TABARI's reading, further: the source of a verb the parse left without an
// actor subject is the sentence's first actor; a word after a determiner is
// no verb; a noun coded through words before it ("ANTI- + *" on PARADE: the
// hyphen of "anti- Gondor" is split off) codes only when nothing else did,
// and takes the actors coordinated before it ("neither A nor B").
TEST(ImportEngine, SparseReadingFirstActorNounsAndDeterminers) {
  std::string path = TempFile("parade.verbs", "PARADE  [017]\n- ANTI- + *  [111]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "anti + * parade"), nullptr);
  const std::string dict = kSmallDict + std::string("verb 017 : parade\n"
                                                    "verb 111 : anti + * parade\n"
                                                    "verb 036 : accord\n"
                                                    "verb 121 : rebuke\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor joined an anti- Eriador parade on Saturday."), "ARN-111-ERI");
  EXPECT_EQ(Code(*sparse, "Neither Arnor nor Osgiliath joined an anti- Eriador parade on Saturday."),
            "ARN-111-ERI OSG-111-ERI");
  // "an accord" is a noun, and a verb the sentence codes leaves the parade alone.
  EXPECT_EQ(Code(*sparse, "Arnor was in an accord with an anti- Eriador parade on Saturday."), "ARN-111-ERI");
  EXPECT_EQ(Code(*sparse, "Arnor rebuked Osgiliath in an anti- Eriador parade on Saturday."), "ARN-121-OSG");
  // The first actor of the sentence, not the one next to the verb; a
  // capitalised word inside the sentence is no verb.
  EXPECT_EQ(Code(*sparse, "Arnor is about to talk with Eriador, after Osgiliath crowds rebuked its envoy."),
            "ARN-121-");
  EXPECT_EQ(Code(*sparse, "Arnor is about To Accord with Eriador, after Osgiliath crowds rebuked its envoy."),
            "ARN-121-");
}

// TABARI's verb dictionary lists a modal ("SHOULD") with patterns whose
// words before it reach past its subject: in TABARI's reading the modal is
// the verb, the source stands before the pattern's words and a `+` among
// them is the target; with no actor before them the source follows the verb.
TEST(ImportEngine, SparseReadingTakesModalsAndWordsBeforeTheSubject) {
  const std::string dict = kSmallDict + std::string("verb 101 : should\n"
                                                    "verb 151 : suggested + * should require treaty\n"
                                                    "verb 152 : suggested * should apply treaty\n"
                                                    "verb 075 : + seen to * break in\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  const char* require = "Arnor suggested Eriador should require the treaty in its dealings with Osgiliath.";
  EXPECT_EQ(Code(*sparse, require), "ARN-151-ERI");
  EXPECT_EQ(Code(*parse, require), "");  // our parse: "should" is no verb
  const char* apply = "Arnor suggested Eriador should apply the treaty in its dealings with Osgiliath.";
  EXPECT_EQ(Code(*sparse, apply), "ARN-152-OSG");
  EXPECT_EQ(Code(*parse, apply), "");
  // The modal's own code when no pattern's words are there; its source is
  // the clause's first actor (TabariSourceIsTheClausesFirstActor).
  EXPECT_EQ(Code(*sparse, "Arnor said Eriador should apply the treaty with Osgiliath."), "ARN-101-OSG");
  EXPECT_EQ(Code(*sparse, "Arnor was seen to break in at a parade in Osgiliath on Monday."), "OSG-075-ARN");
}

// TABARI's reading dereferences an object pronoun right after the verb to
// the first actor of the sentence.
TEST(ImportEngine, SparseReadingDereferencesAnObjectPronoun) {
  const std::string dict = kSmallDict + std::string("verb 090 : ask\nverb 102 : urge +\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  const char* text = "Arnor urged Eriador to rest and Osgiliath asked him to take a greater role in the talks.";
  EXPECT_EQ(Code(*sparse, text), "ARN-102-ERI OSG-090-ARN");
  EXPECT_EQ(Code(*parse, text), "ARN-102-ERI");
  // Not the source itself, and "her" before a noun is no object (the sparse
  // reading keeps the event with its target missing).
  EXPECT_EQ(Code(*sparse, "Arnor rested and then Arnor asked him to take a greater role in the talks."), "ARN-090-");
  EXPECT_EQ(Code(*sparse, "Arnor rested and Osgiliath asked her envoy to take a greater role in the talks."), "OSG-090-");
}

// TABARI's "REAL~": the word and the words it begins ("really"); the
// peers' reading matches the verb's patterns on through a that-clause.
TEST(ImportEngine, PrefixWordsAndPatternsThroughAThatClause) {
  std::string path = TempFile("prefix.verbs", "ALLOW  [060]\n- * REAL~_PLEASANT  [024]\n- RECENT~_*  [025]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "allow real~_pleasant~");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "024");
  // "RECENT~_*": right before the verb.
  EXPECT_NE(Find(entries, "verb", "recent~_ * allow"), nullptr);
  const std::string dict =
      kSmallDict + std::string("verb 060 : allow\nverb 024 : allow real~_pleasant\nverb 025 : recent~_ * allow\n");
  auto sparse = SmallEngine(dict, true, true);
  auto parse = SmallEngine(dict, true, false);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(parse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor allowed that Eriador isn't a really pleasant place to visit."), "ARN-024-ERI");
  EXPECT_EQ(Code(*sparse, "Arnor allowed that Eriador isn't a real pleasant place to visit."), "ARN-024-ERI");
  EXPECT_EQ(Code(*sparse, "Arnor allowed that Eriador isn't a realistic and pleasant place to visit."), "ARN-060-ERI");
  EXPECT_EQ(Code(*parse, "Arnor allowed that Eriador isn't a really pleasant place to visit."), "ARN-024-ERI");
  EXPECT_EQ(Code(*sparse, "Arnor recently allowed Eriador a visit."), "ARN-025-ERI");
  EXPECT_EQ(Code(*sparse, "Arnor recently did allow Eriador a visit."), "ARN-060-ERI");
}

// TABARI matches any pattern word as a prefix of the text's word unless a
// `_` ends it: "REVOLUTION" matches "revolutionary"; "FOR_ASYLUM" does not
// match "foreign asylum", though FOR alone would match "foreign".
TEST(ImportEngine, TabariPatternWordsArePrefixes) {
  std::string path = TempFile("prefix2.verbs",
                              "ADOPT  [081]\n- * REVOLUTION  [084]\n- * FOR_ASYLUM  [075]\n"
                              "- * SOUTHERN_ ROAD  [073]\n- * FOR  [080]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  EXPECT_NE(Find(entries, "verb", "adopt revolution~"), nullptr);
  EXPECT_NE(Find(entries, "verb", "adopt =for_asylum~"), nullptr);
  EXPECT_NE(Find(entries, "verb", "adopt =southern road~"), nullptr);
  std::string dict = kSmallDict + std::string("verb 081 : adopt\n");
  for (const Entry& e : entries) {
    if (e.names[0] != "adopt") dict += "verb " + e.key + " : " + e.names[0] + "\n";
  }
  auto engine = SmallEngine(dict, true, true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor adopted a revolutionary charter with Eriador."), "ARN-084-ERI");
  EXPECT_EQ(Code(*engine, "Arnor adopted the foreign asylum rules of Eriador."), "ARN-080-ERI");
  EXPECT_EQ(Code(*engine, "Arnor adopted for asylum the rules of Eriador."), "ARN-075-ERI");
  EXPECT_EQ(Code(*engine, "Arnor adopted a southernmost road with Eriador."), "ARN-081-ERI");
  EXPECT_EQ(Code(*engine, "Arnor adopted a southern roadmap with Eriador."), "ARN-073-ERI");
  // A `_` ends a word before the verb too: "PLAN_TO_*" is "plan to", not
  // "plans tos".
  std::string expel = TempFile("expel.verbs", "EXPEL  [172]\n- PLAN_TO_*  [174]\n");
  entries.clear();
  ASSERT_TRUE(ImportDictionary("tabari-verbs", expel, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "=plan_=to_ * expel"), nullptr);
  auto expels = SmallEngine(kSmallDict + std::string("verb 172 : expel\nverb 174 : =plan_=to_ * expel\n"), true, true);
  ASSERT_NE(expels, nullptr);
  EXPECT_EQ(Code(*expels, "Arnor will plan to expel Eriador from the league."), "ARN-174-ERI");
  EXPECT_EQ(Code(*expels, "Arnor plans tos expel Eriador from the league."), "ARN-172-ERI");
  // "'s" is a noun's ending: a verb word that takes it is no verb.
  EXPECT_EQ(Code(*expels, "Arnor expel's envoys to Eriador."), "");
  // A word a pattern names as it stands ("inching") still matches another's
  // prefix ("IN *"); of two patterns as long, the one of longer words wins.
  std::string more = TempFile("more.verbs",
                              "ACCORD  [---]\n- INCHING CLOSER *  [083]\n- IN *  [072]\n- TO *  [073]\n"
                              "VOW  [---]\n- * RESIST { TO THE END | TO THE LAST }  [113]\n"
                              "- * RESISTANCE TO THE INVADING  [114]\n");
  entries.clear();
  ASSERT_TRUE(ImportDictionary("tabari-verbs", more, &entries, &warnings).ok());
  std::string more_dict = kSmallDict;
  for (const Entry& e : entries) {
    if (e.kind == "verb") more_dict += "verb " + e.key + " : " + e.names[0] + "\n";
  }
  auto more_engine = SmallEngine(more_dict, true, true);
  ASSERT_NE(more_engine, nullptr);
  EXPECT_EQ(Code(*more_engine, "Arnor is inching yen to accord with Eriador."), "ARN-072-ERI");
  EXPECT_EQ(Code(*more_engine, "Arnor vowed resistance to the end to the invading riders of Eriador."), "ARN-114-ERI");
}

TEST(ImportEngine, PairedCodesCodeTheTargetInReturn) {
  auto engine = SmallEngine(kSmallDict + std::string("verb 032 : visit + ; reverse=033\n"), false);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor visited Eriador on Monday."), "ARN-032-ERI ERI-033-ARN");
  // No target, no return.
  EXPECT_EQ(Code(*engine, "Arnor visited on Monday."), "");
}

TEST(ImportEngine, PeerPatternWordsReachFartherAndAppositionsEndConjuncts) {
  const std::string dict = kSmallDict + std::string("org DAG : Dagolath\n"
                                                    "agent GOV : officials\n"
                                                    "verb 081 : sign\n"
                                                    "verb 085 : sign protocol\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  // The peers skip any number of words between pattern words; we allow six.
  const char* s = "Arnor signed an 800 million ducat trade protocol with Dagolath.";
  EXPECT_EQ(Code(*peer, s), "ARN-085-DAG");
  EXPECT_EQ(Code(*own, s).find("085"), std::string::npos);
  // "officials" is the subject of "said", not a partner in the protocol.
  EXPECT_EQ(Code(*peer, "Arnor signed a protocol with Dagolath, its biggest trading partner, officials said."),
            "ARN-085-DAG");
  // A subject shared by both conjuncts keeps them both.
  EXPECT_EQ(Code(*peer, "Arnor signed a protocol with Dagolath and Eriador, officials said."),
            "ARN-085-DAG ARN-085-ERI");
}

TEST(ImportEngine, CoordinatedActorsShareRoleOrCountry) {
  auto engine = SmallEngine(kSmallDict + std::string("org GON : Gondor\n"
                                                     "org DNK : Danish\n"
                                                     "agent LEG : lawmakers\n"
                                                     "agent MED : media\n"
                                                     "agent GOV : government\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Lawmakers in Arnor and Gondor welcomed Eriador."), "ARNLEG-041-ERI GONLEG-041-ERI");
  EXPECT_EQ(Code(*engine, "Danish media and government welcomed Eriador."), "DNKMED-041-ERI DNKGOV-041-ERI");
  // Through a list: "ambassadors of Arnor, Osgiliath and Gondor".
  EXPECT_EQ(Code(*engine, "Lawmakers in Arnor, Gondor and Osgiliath welcomed Eriador."),
            "ARNLEG-041-ERI GONLEG-041-ERI OSGLEG-041-ERI");
  // A conjunct with its own noun keeps its own reading.
  EXPECT_EQ(Code(*engine, "Lawmakers in Arnor and Gondor media welcomed Eriador."), "ARNLEG-041-ERI GONMED-041-ERI");
}

TEST(ImportEngine, SharedCountriesReachABareRoleBeforeThem) {
  auto engine = SmallEngine(kSmallDict + std::string("org GON : Gondor\n"
                                                     "agent LEG : lawmakers\n"
                                                     "agent GOV : officials\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  // "in Arnor and Gondor" belongs to both roles.
  EXPECT_EQ(Code(*engine, "Lawmakers and officials in Arnor and Gondor welcomed Eriador."),
            "ARNLEG-041-ERI GONLEG-041-ERI ARNGOV-041-ERI GONGOV-041-ERI");
  // A country named before the second role is that role's alone.
  EXPECT_EQ(Code(*engine, "Lawmakers and Gondor officials welcomed Eriador."), "LEG-041-ERI GONGOV-041-ERI");
}

TEST(ImportEngine, ModifiersJoinedByAndStayInsideOneActor) {
  auto engine = SmallEngine(kSmallDict + std::string("org ITH : Ithilen\n"
                                                     "org CAL : Calimehtar\n"
                                                     "agent GOV : minister\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  // "Ithilen's awful and evil minister Calimehtar" is one actor, not two.
  EXPECT_EQ(Code(*engine, "Ithilen's awful and evil minister Calimehtar welcomed Eriador."), "ITHGOV-041-ERI");
  EXPECT_EQ(Code(*engine, "Ithilen and Calimehtar welcomed Eriador."), "ITH-041-ERI CAL-041-ERI");
}

TEST(ImportEngine, HyphenatedModifierInsideAName) {
  auto engine = SmallEngine(kSmallDict + std::string("org ITH : Ithilen\n"
                                                     "org ITHTV : Ithilen Television\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor welcomed Ithilen state-run television."), "ARN-041-ITHTV");
  EXPECT_EQ(Code(*engine, "Arnor welcomed Ithilen television."), "ARN-041-ITHTV");
  // A name, not a modifier: Ithilen alone.
  EXPECT_EQ(Code(*engine, "Arnor welcomed Ithilen on Monday."), "ARN-041-ITH");
}

TEST(ImportEngine, StemNamesMatchTheWordsTheyBegin) {
  auto engine = SmallEngine(kSmallDict + std::string("org KUW : Kuwait*\n"
                                                     "agent GOV : government\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "The Kuwaiti government welcomed Eriador."), "KUWGOV-041-ERI");
  EXPECT_EQ(Code(*engine, "Kuwait welcomed Eriador."), "KUW-041-ERI");
}

TEST(ImportEngine, PrefixAgentsGoBeforeTheActorsCode) {
  auto engine = SmallEngine(kSmallDict + std::string("agent NGO : msf ; order=prefix\n"
                                                     "agent NGM : human rights activists ; order=prefix\n"
                                                     "agent GOV : diplomat\n"
                                                     "org NGM : Amnesty International\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "MSF Arnor welcomed Eriador."), "NGOARN-041-ERI");
  // A later role extends the code the prefix made.
  EXPECT_EQ(Code(*engine, "An MSF Arnor diplomat welcomed Eriador."), "NGOARNGOV-041-ERI");
  EXPECT_EQ(Code(*engine, "Human rights activists in Arnor welcomed Eriador."), "NGMARN-041-ERI");
  // Not twice: the organisation's code holds the role already.
  EXPECT_EQ(Code(*engine, "Human rights activists Amnesty International welcomed Eriador."), "NGM-041-ERI");
}

TEST(ImportEngine, PeerOrgsStackRolesOnce) {
  auto engine = SmallEngine(kSmallDict + std::string("org GONGMO : Gonzo GMO ; roles=stack\n"
                                                     "org USAGOV : White House ; roles=stack\n"
                                                     "org PSEHMS : Hamas\n"
                                                     "agent OPP : activists\n"
                                                     "agent GOV : officials\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Gonzo GMO activists welcomed Eriador."), "GONGMOOPP-041-ERI");
  EXPECT_EQ(Code(*engine, "Activists of Gonzo GMO welcomed Eriador."), "GONGMOOPP-041-ERI");
  // Once: the code holds the role already.
  EXPECT_EQ(Code(*engine, "White House officials welcomed Eriador."), "USAGOV-041-ERI");
  // A bare conjunct shares all but the last role.
  EXPECT_EQ(Code(*engine, "Gonzo GMO activists and officials welcomed Eriador."),
            "GONGMOOPP-041-ERI GONGMOGOV-041-ERI");
  // Ours keep an organisation's code.
  EXPECT_EQ(Code(*engine, "Hamas activists welcomed Eriador."), "PSEHMS-041-ERI");
}

TEST(ImportEngine, NullCodedNamesAreNoSide) {
  auto engine = SmallEngine(kSmallDict + std::string("org GON : Gondor\n"
                                                     "org --- : Boromir\n"
                                                     "verb 064 : restore ties with\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  // BOROMIR [---]: named, but the target is the next actor.
  EXPECT_EQ(Code(*engine, "Arnor restored ties with Boromir in Gondor."), "ARN-064-GON");
}

TEST(ImportEngine, SubjectBeforeAParentheticalBetweenCommas) {
  auto engine = SmallEngine(kSmallDict + std::string("agent GOV : minister\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor's minister, in remarks published on Monday, welcomed Eriador."), "ARNGOV-041-ERI");
  EXPECT_EQ(Code(*engine, "Arnor, however, welcomed Eriador."), "ARN-041-ERI");
}

TEST(ImportEngine, FormerStateRolesAreElites) {
  auto engine = SmallEngine(kSmallDict + std::string("org GON : Gondor\n"
                                                     "org USAGOV : White House ; roles=stack\n"
                                                     "agent JUD : prosecutors\n"
                                                     "agent GOV : officials\n"
                                                     "verb 041 : welcome\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Gondor prosecutors welcomed Eriador."), "GONJUD-041-ERI");
  EXPECT_EQ(Code(*engine, "Former Gondor prosecutors welcomed Eriador."), "GONELI-041-ERI");
  EXPECT_EQ(Code(*engine, "Arnor former officials welcomed Eriador."), "ARNELI-041-ERI");
  // The role was the organisation's: ELI comes after it.
  EXPECT_EQ(Code(*engine, "Former officials in White House welcomed Eriador."), "USAGOVELI-041-ERI");
}

TEST(ImportEngine, PatternWordsDoNotMatchGerunds) {
  auto engine = SmallEngine(kSmallDict + std::string("verb 120 : postpone\nverb 161 : postpone meet\n"), true);
  ASSERT_NE(engine, nullptr);
  // "meeting" is a noun here, not the verb "meet" of "postpone meet".
  EXPECT_EQ(Code(*engine, "Arnor postponed its meeting with Eriador."), "ARN-120-ERI");
  EXPECT_EQ(Code(*engine, "Arnor postponed its meet with Eriador."), "ARN-161-ERI");
}

TEST(ImportEngine, PeerTargetsTakeTheSubjectOfAThatClause) {
  const std::string dict = kSmallDict + std::string("verb 080 : allow\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(Code(*peer, "Arnor allowed that Osgiliath is not a pleasant place to visit."), "ARN-080-OSG");
  EXPECT_EQ(Code(*own, "Arnor allowed that Osgiliath is not a pleasant place to visit."), "");
  // Only its subject, not an actor further in.
  EXPECT_EQ(Code(*peer, "Arnor allowed that the rebels might resist an attack by Osgiliath."), "");
}

TEST(ImportEngine, PeerTargetsReadAcrossPrepositionalPhrases) {
  auto peer = SmallEngine(kSmallDict, true);
  auto own = SmallEngine(kSmallDict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(Code(*peer, "Arnor called for sanctions against Osgiliath."), "ARN-172-OSG");
  EXPECT_EQ(Code(*own, "Arnor called for sanctions against Osgiliath.").find("OSG"), std::string::npos);
  // Past the object region, up to a subordinate clause or a comma.
  const char* far = "Arnor clashed over the efforts of Rohan to deal with an infestation during a visit to Eriador.";
  EXPECT_EQ(Code(*peer, far), "ARN-121-ERI");
  EXPECT_EQ(Code(*peer, "Arnor clashed over the efforts of Rohan to deal with it, Eriador said."), "");
}

TEST(ImportEngine, JoinedPatternWordsStandNextToEachOther) {
  auto engine = SmallEngine(kSmallDict + std::string("class TIES : trade | cultural\n"
                                                     "verb 160 : abandon\n"
                                                     "verb 161 : abandon new_&TIES_links\n"
                                                     "verb 162 : abandon better &TIES links\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor will abandon new trade links with Eriador."), "ARN-161-ERI");
  // Another word between `_`-joined words: the pattern does not match.
  EXPECT_EQ(Code(*engine, "Arnor will abandon new global trade links with Eriador."), "ARN-160-ERI");
  // Between blank-separated words it may.
  EXPECT_EQ(Code(*engine, "Arnor will abandon better global trade links with Eriador."), "ARN-162-ERI");
}

TEST(ImportEngine, PeerPatternWordsSkipAnyWordButPunctuation) {
  const std::string dict = kSmallDict + std::string("verb 100 : act\n"
                                                    "verb 101 : act resolution\n"
                                                    "verb 160 : adopt\n"
                                                    "verb 161 : adopt =resolution\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(Code(*peer, "Arnor acted on a resolution with Eriador."), "ARN-101-ERI");
  EXPECT_EQ(Code(*own, "Arnor acted on a resolution with Eriador.").find("101"), std::string::npos);
  EXPECT_EQ(Code(*peer, "Arnor acted, then a resolution came with Eriador.").find("101"), std::string::npos);
  // "=resolution" is that word as written: not "resolutions".
  EXPECT_EQ(Code(*peer, "Arnor adopted a resolution with Eriador."), "ARN-161-ERI");
  EXPECT_EQ(Code(*peer, "Arnor adopted resolutions with Eriador."), "ARN-160-ERI");
}

TEST(ImportEngine, WordsBeforeTheVerbInTheSubjectOnly) {
  const std::string dict = kSmallDict + std::string("verb 190 : rise\n"
                                                    "verb 191 : death toll * rise\n"
                                                    "verb 080 : allow\n"
                                                    "verb 025 : recently * allow\n");
  auto anywhere = SmallEngine(dict, true);
  auto subject = SmallEngine(dict, true, false, true);
  ASSERT_NE(anywhere, nullptr);
  ASSERT_NE(subject, nullptr);
  const char* adverb = "Arnor recently allowed Eriador to trade.";
  EXPECT_EQ(Code(*anywhere, adverb), "ARN-025-ERI");
  EXPECT_EQ(Code(*subject, adverb), "ARN-080-ERI");
  // Words of the subject itself still select the pattern.
  const char* noun = "Arnor's death toll has risen in the dispute with Eriador.";
  EXPECT_EQ(Code(*anywhere, noun), "ARN-191-ERI");
  EXPECT_EQ(Code(*subject, noun), "ARN-191-ERI");
}

TEST(ImportEngine, APatternWordMayOpenTheSubject) {
  // PETRARCH's "NEITHER *": the word opens the subject, actors between it
  // and the verb; UD-PETRARCH reads the words in the subject only as its
  // own dictionary's patterns say, and codes the verb.
  const std::string dict = kSmallDict + std::string("verb 191 : boycott\n"
                                                    "verb 081 : neither * boycott\n");
  auto peer = SmallEngine(dict, true);
  auto ud = SmallEngine(dict, true, false, true);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(ud, nullptr);
  const char* s = "Neither Arnor nor Osgiliath boycotted the games in Eriador.";
  EXPECT_EQ(Code(*peer, s), "ARN-081-ERI OSG-081-ERI");
  EXPECT_EQ(Code(*ud, s), "ARN-191-ERI OSG-191-ERI");
}

TEST(ImportEngine, ALiteralWordWinsOverAClassOfTheSameLength) {
  auto engine = SmallEngine(kSmallDict + std::string("class MONEY : dollar | euro\n"
                                                     "verb 070 : contribute\n"
                                                     "verb 073 : contribute &MONEY\n"
                                                     "verb 071 : contribute dollar\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor will contribute a million dollars to Eriador."), "ARN-071-ERI");
  EXPECT_EQ(Code(*engine, "Arnor will contribute a million euros to Eriador."), "ARN-073-ERI");
}

TEST(ImportEngine, PeerVerbOfAPatternWithWordsBeforeItMayBeANoun) {
  const std::string dict = kSmallDict + std::string("verb 040 : meet\n"
                                                    "verb 161 : have postponed * meet\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  // "meeting" is MEET's verb for "have postponed * meet", the subject that of "postponed".
  const char* s = "Arnor and Eriador have postponed their meeting after the storm.";
  EXPECT_EQ(Code(*peer, s), "ARN-161-ERI");
  EXPECT_EQ(Code(*own, s), "");
  // Only patterns with words before the verb read a noun so.
  EXPECT_EQ(Code(*peer, "Arnor and Eriador have announced their meeting."), "");
}

TEST(ImportEngine, PeerPatternsReadOnIntoAnInfinitiveAfterOtherWords) {
  const std::string dict = kSmallDict + std::string("verb 170 : vow\n"
                                                    "verb 173 : vow war\n"
                                                    "verb 081 : sign accord\n"
                                                    "verb 057 : sign to supply\n");
  auto peer = SmallEngine(dict, true);
  ASSERT_NE(peer, nullptr);
  EXPECT_EQ(Code(*peer, "Arnor vowed on Thursday to wage war on Eriador."), "ARN-173-ERI");
  // A pattern with words of its own in the object comes first.
  EXPECT_EQ(Code(*peer, "Arnor signed an accord on Thursday to supply Eriador with wheat."), "ARN-081-ERI");
}

TEST(ImportEngine, ASkipMarkPassesOverANounPhrase) {
  // TABARI's and PETRARCH's `^` after the verb: a noun phrase passed over.
  std::string path = TempFile("skip.verbs.txt",
                              "--- CELEBRATE  [181] ---\n"
                              "CELEBRATE\n"
                              "- * FEAST IN ^ +  [045]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-verbs", path, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "celebrate feast in ^ +"), nullptr);
  auto engine = SmallEngine(kSmallDict + std::string("verb 181 : celebrate\n"
                                                     "verb 045 : celebrate feast in ^ +\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor celebrated the feast in Osgiliath with the elders of Eriador."), "ARN-045-ERI");
  EXPECT_EQ(Code(*engine, "Arnor celebrated the feast in the old city with Eriador."), "ARN-045-ERI");
}

TEST(ImportEngine, TabariDereferencesTheirToACompoundSource) {
  // "their" right after the verb: the compound source's conjuncts act on
  // each other, not on the actor further on.
  const std::string dict = kSmallDict + std::string("org GON : Gondor\nverb 032 : present credentials\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Arnor, Osgiliath and Eriador presented their credentials to Gondor on Monday."),
            "ARN-032-OSG ARN-032-ERI OSG-032-ARN OSG-032-ERI ERI-032-ARN ERI-032-OSG");
  // One source: "their" is no compound, and the actor further on is the target.
  EXPECT_EQ(Code(*sparse, "Arnor presented their credentials to Gondor on Monday."), "ARN-032-GON");
}

TEST(ImportEngine, TabariCompoundDropsAnAgentsDuplicateOfALaterConjunct) {
  // "Gondor counsellors ... Gondor": TABARI passes no agent into a
  // compound's later conjuncts, so the first is a duplicate of the second.
  const std::string dict = kSmallDict + std::string("org GON : Gondor\norg ROH : Rohan\n"
                                                    "agent GOV : counsellors\nverb 160 : warn\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Rohan and Gondor counsellors Rohan and Gondor warned Eriador."), "ROH-160-ERI GON-160-ERI");
  EXPECT_EQ(Code(*sparse, "Rohan and Gondor counsellors warned Eriador."), "ROH-160-ERI GONGOV-160-ERI");
}

TEST(ImportEngine, TabariNounPhrasesHideVerbsAndHoldNoClauseBoundary) {
  // "a new signing" is a noun (an article and one modifier before it), and
  // the "and" of "signing and shelling effort" ends no clause: the verb is
  // "welcomes", whose source is the sentence's first actor.
  const std::string dict = kSmallDict + std::string("org GON : Gondor\nverb 081 : sign\nverb 041 : welcome\n");
  auto sparse = SmallEngine(dict, true, true);
  ASSERT_NE(sparse, nullptr);
  EXPECT_EQ(Code(*sparse, "Gondor is about to show a new signing and shelling effort against Osgiliath "
                          "following warm welcomes in which Arnor spokesmen saw fires."),
            "GON-041-ARN");
}

TEST(ImportEngine, TabariSkipMarkPassesOverAnActor) {
  // TABARI's `^` passes over an actor: a noun phrase naming none goes on to
  // the next actor ("the elders of Osgiliath"), so `^ ^ +` is the third.
  const std::string dict = kSmallDict + std::string("org GON : Gondor\n"
                                                    "verb 181 : celebrate\n"
                                                    "verb 044 : celebrate feast at ^ ^ +\n");
  auto sparse = SmallEngine(dict, true, true);
  auto peer = SmallEngine(dict, true);
  ASSERT_NE(sparse, nullptr);
  ASSERT_NE(peer, nullptr);
  const char* text = "Arnor celebrated the feast at Gondor with the elders of Osgiliath in Eriador.";
  EXPECT_EQ(Code(*sparse, text), "ARN-044-ERI");
  EXPECT_EQ(Code(*peer, text), "ARN-044-OSG");
}

TEST(ImportEngine, PeerPatternsReadOnIntoAThatClause) {
  const std::string dict = kSmallDict + std::string("verb 080 : allow\n"
                                                    "verb 024 : allow really pleasant\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  const char* s = "Arnor allowed that Eriador is not a really pleasant place.";
  EXPECT_EQ(Code(*peer, s), "ARN-024-ERI");
  EXPECT_EQ(Code(*own, s).find("024"), std::string::npos);
}

TEST(ImportEngine, PeerPatternsReadOnIntoAReducedRelativeClause) {
  const std::string dict = kSmallDict + std::string("verb 041 : welcome\n"
                                                    "verb 042 : welcome promises\n"
                                                    "verb 043 : welcome promises from +\n");
  auto peer = SmallEngine(dict, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(peer, nullptr);
  ASSERT_NE(own, nullptr);
  // "sent from Eriador" reduces a relative clause on "promises": the peers
  // read the longer pattern through it; our own reading stops at the clause.
  const char* s = "Arnor welcomed promises of grain sent from Eriador.";
  EXPECT_EQ(Code(*peer, s), "ARN-043-ERI");
  EXPECT_EQ(Code(*own, s).find("043"), std::string::npos);
  // A plain verb still codes when the clause brings no words of a pattern.
  EXPECT_EQ(Code(*peer, "Arnor welcomed the letters sent by Eriador."), "ARN-041-ERI");
}

TEST(ImportEngine, APluralRoleBeforeAPlainVerbIsItsSubject) {
  auto engine = SmallEngine(kSmallDict + std::string("agent LEG : lawmaker | lawmakers\n"
                                                     "verb 023 : believe\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  // Not one phrase "lawmakers believe Arnor" (ARNLEG) with no verb.
  EXPECT_EQ(Code(*engine, "Lawmakers believe Arnor can win the vote."), "LEG-023-ARN");
}

TEST(ImportEngine, ARoleBeforeANameOfCountryLevelGivesItTheRole) {
  const std::string dict = kSmallDict + std::string("org DAG : Dagolath | Telemar\n"
                                                    "agent GOV : minister\n"
                                                    "verb 040 : meet\n");
  auto petrarch = SmallEngine(dict, true);
  auto tabari = SmallEngine(dict, true, true);
  ASSERT_NE(petrarch, nullptr);
  ASSERT_NE(tabari, nullptr);
  const char* s = "The minister Telemar met Arnor on Monday.";
  EXPECT_EQ(Code(*petrarch, s), "DAGGOV-040-ARN");
  EXPECT_EQ(Code(*tabari, s), "DAGGOV-040-ARN");
  // TABARI keeps the name's code when the role is a possessive's phrase.
  EXPECT_EQ(Code(*tabari, "Dagolath's first minister Telemar met Arnor on Monday."), "DAG-040-ARN");
}

TEST(ImportEngine, APlusBeforeTheVerbSwapsTheSides) {
  // TABARI's and PETRARCH's "+ * MONEY $": the subject is the target, the
  // actor at `$` the source.
  std::string path = TempFile("swap.verbs.txt",
                              "--- RECEIVE  [033] ---\n"
                              "RECEIVE\n"
                              "- + * MONEY $  [071]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-verbs", path, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "+ * receive money $"), nullptr);
  auto engine = SmallEngine(kSmallDict + std::string("verb 033 : receive\n"
                                                     "verb 071 : + * receive money $\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor received money from Eriador."), "ERI-071-ARN");
  EXPECT_EQ(Code(*engine, "Arnor received a visit from Eriador."), "ARN-033-ERI");
}

TEST(ImportEngine, AnOldTPastKeepsTheRegularPast) {
  // WordNet gives "burnt" as the past of "burn"; "burned" stays its form.
  auto engine = SmallEngine(kSmallDict + std::string("verb 180 : burn\n"), true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor burned the fort of Eriador."), "ARN-180-ERI");
}

TEST(ImportEngine, ACompoundSubjectMark) {
  // PETRARCH's `%` before the verb: the subject is two or more actors.
  std::string path = TempFile("compound.verbs.txt",
                              "--- AGREE  [081] ---\n"
                              "AGREE\n"
                              "- % * [030]\n"
                              "- * WITH % [031]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-verbs", path, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "% * agree"), nullptr);
  EXPECT_NE(Find(entries, "verb", "agree with"), nullptr);  // after the verb it goes
  auto engine = SmallEngine(kSmallDict + std::string("verb 081 : agree\n"
                                                     "verb 030 : % * agree\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor and Eriador agree that trade should grow."), "ARN-030-ERI");
  EXPECT_EQ(Code(*engine, "Arnor agreed with Eriador."), "ARN-081-ERI");
}

TEST(ImportEngine, TabariCompoundAfterTheVerbActsOnItself) {
  // TABARI's `%` after the verb ("HAS * WITH %"): the coordinated actors
  // there act on each other, not the subject on them.
  std::string path = TempFile("compound.verbs", "SWAP  [---]\n- HAS * WITH %  [061]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  ASSERT_NE(Find(entries, "verb", "has~ * swap with~ %"), nullptr);
  std::string dict = kSmallDict + std::string("verb 061 : has~ * swap with~ %\n");
  auto engine = SmallEngine(dict, true, true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor has swapped prisoners with Eriador and Osgiliath."), "ERI-061-OSG OSG-061-ERI");
  // A single actor there is the plain target.
  EXPECT_EQ(Code(*engine, "Arnor has swapped prisoners with Eriador."), "ARN-061-ERI");
}

TEST(ImportEngine, TabariCompoundSubjectActsWithinItself) {
  // TABARI's "% *" without a target slot: the coordinated subject's actors
  // act on each other, not on the object; a paired code answers once.
  std::string dict = kSmallDict + std::string("verb 040 : welcome\n"
                                              "verb 043 : % * welcome ; reverse=042\n"
                                              "verb 046 : % * hail\n");
  auto tabari = SmallEngine(dict, true, true);
  auto own = SmallEngine(dict, false);
  ASSERT_NE(tabari, nullptr);
  ASSERT_NE(own, nullptr);
  EXPECT_EQ(Code(*tabari, "Arnor and Eriador welcomed new ties with Osgiliath."), "ARN-043-ERI ERI-042-ARN");
  EXPECT_EQ(Code(*tabari, "Arnor and Eriador hailed new ties with Osgiliath."), "ARN-046-ERI ERI-046-ARN");
  EXPECT_EQ(Code(*own, "Arnor and Eriador hailed new ties with Osgiliath."), "ARN-046-OSG ERI-046-OSG");
}

TEST(ImportEngine, AVerbListedInOneOfItsFormsIsThatVerb) {
  // "left" is listed as a verb of its own: it is not read as "leave".
  auto engine = SmallEngine(kSmallDict + std::string("verb 012 : leave\n"
                                                     "verb 032 : left ; reverse=033\n"
                                                     "verb 094 : called on\n"
                                                     "verb 020 : call for\n"),
                            true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor left for Eriador on Monday."), "ARN-032-ERI ERI-033-ARN");
  EXPECT_EQ(Code(*engine, "Arnor leaves for Eriador on Monday."), "ARN-012-ERI");
  // A form listed only with its particle ("called on") stays a form of its
  // verb elsewhere.
  EXPECT_EQ(Code(*engine, "Arnor called for talks with Eriador."), "ARN-020-ERI");
  // ... and is that verb with it.
  EXPECT_EQ(Code(*engine, "Arnor called on Eriador on Monday to send aid."), "ARN-094-ERI");
  // An infinitive's "be" is no finite verb that would make "called" a
  // reduced relative ("the men arrested in X were ...").
  EXPECT_EQ(Code(*engine, "Arnor called on Eriador on Monday to be allowed to stay."), "ARN-094-ERI");
}

TEST(ImportTabari, ASourceSlotBeforeTheVerbRanksThePattern) {
  // "- $ *": the source stands before the verb; the pattern outranks the
  // verb's own code.
  std::string path = TempFile("source.verbs", "CALLED_ON  [094]\n- $ *  [095]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "verb", "$ * called on");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "095");
  auto engine = SmallEngine(kSmallDict + std::string("verb 094 : called on\nverb 092 : $ * called on\n"), true, true);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(Code(*engine, "Arnor called on Eriador on Monday to send aid."), "ARN-092-ERI");
}

TEST(ImportTabari, MasterVerbsUseLemmas) {
  std::string path = Peers() + "/tabari/CAMEO.091003.master.verbs";
  SKIP_IF_ABSENT(path);
  if (!Exists("/usr/share/wordnet/index.verb") && !std::getenv("DRAGOMAN_WORDNET"))
    GTEST_SKIP() << "WordNet (wordnet-base) is absent: TABARI stems cannot be completed";
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("tabari-verbs", path, &entries, &warnings).ok());
  // "- * OF_ + IN_ $  [181]" under ABDUCT (`_` ends a word matched as written).
  const Entry* e = Find(entries, "verb", "abduct =of + =in $");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "181");
  // Stems: ACCELERAT -> accelerate ("- * DEPLOYMENT TO_ +  [154]").
  e = Find(entries, "verb", "accelerate deployment~ =to +");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "154");
}

TEST(ImportPetrarch, VerbGroupsSynsetsAndIrregularForms) {
  std::string path = TempFile("v.txt",
                              "&CURRENCY\n+DOLLARS\n+EUROS\n+AUSTRIAN FLORIN\n\n"
                              "--- SPEED [042] ---\n"
                              "RUSH\n"
                              "SPEED {SPEEDING SPEEDS SPED }\n"
                              "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN}\n"
                              "- * (TO BORDER)   [154]  # RUSH\n"
                              "- * {ARMS SHIPMENT} [072]\n"
                              "- * &CURRENCY TO + [071]\n"
                              "- % * [030:030]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-verbs", path, &entries, &warnings).ok());
  EXPECT_NE(Find(entries, "verb", "rush"), nullptr);
  EXPECT_NE(Find(entries, "verb", "break down"), nullptr);
  const Entry* e = Find(entries, "verb", "rush to border");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "154");
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "speed to border"), e->names.end());
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "break down to border"), e->names.end());
  e = Find(entries, "verb", "speed arms shipment");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "072");
  EXPECT_NE(Find(entries, "verb", "rush &CURRENCY to +"), nullptr);
  bool sped = false, broke = false, cur = false;
  for (const auto& x : entries) {
    if (x.kind == "irregular" && x.key == "speed") sped = x.Get("past") == "sped";
    if (x.kind == "irregular" && x.key == "break")
      broke = x.Get("past") == "broke" && x.Get("participle") == "broken";
    if (x.kind == "class" && x.key == "CURRENCY") cur = x.names == std::vector<std::string>{"dollars", "euros"};
  }
  EXPECT_TRUE(sped);
  EXPECT_TRUE(broke);
  EXPECT_TRUE(cur);
}

TEST(ImportPetrarch, AgentsWithPluralsAndSubstitutions) {
  std::string path = Peers() + "/petrarch/PETR.Validate.agents.txt";
  SKIP_IF_ABSENT(path);
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-agents", path, &entries, &warnings).ok());
  const Entry* e = Find(entries, "agent", "attorney general");  // ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "GOV");
  EXPECT_EQ(e->names, (std::vector<std::string>{"attorney general", "attorneys general"}));
  e = Find(entries, "agent", "ambassador");  // no braces: the regular plural
  ASSERT_NE(e, nullptr);
  EXPECT_NE(std::find(e->names.begin(), e->names.end(), "ambassadors"), e->names.end());
  e = Find(entries, "agent", "congresswoman");  // CONGRESS!PERSON! [~LEG]
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->key, "LEG");
  e = Find(entries, "agent", "media");  // MEDIA {} [~MED]: no plural
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->names.size(), 1u);
}

TEST(ImportPetrarch, DiscardsAndIssues) {
  std::string d = TempFile("d.txt", "MONTHS LATER\n+World Golf Championships   # pas\n");
  std::string i = TempFile("i.txt",
                           "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                           "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n~a head start\n</ISSUE>\n"
                           "stray [X]\n");
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ImportDictionary("petrarch-discards", d, &entries, &warnings).ok());
  ASSERT_TRUE(ImportDictionary("petrarch-issues", i, &entries, &warnings).ok());
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(FormatEntryLine(entries[0]), "discard sentence : months later");
  EXPECT_EQ(FormatEntryLine(entries[1]), "discard story : world golf championships");
  EXPECT_EQ(FormatEntryLine(entries[2]),
            "issue EARLY_CHILDHOOD_EDUCATION : preschool ; category=EDUCATION ; type=ALL");
  EXPECT_EQ(entries[3].Get("exclude"), "yes");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rfind(i + ":5: ", 0), 0u) << warnings[0];
}

TEST(ImportPetrarch, CodingOntologyNegatesThroughNot) {
  import_internal::CodingOntology o;
  EXPECT_TRUE(o.empty());
  EXPECT_EQ(o.Read({"# PICO", "", "010:0x1000#Make Public Statement", "011:0x1000-0xFFFF",
                    "050:0x0080#DiplomaticCoop", "057:0x0087", "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove",
                    "120:-0xFFFF#Reject", "121:-0xFFFF+0x0070", "170:0x10086#0x0087+0xFFFF#0x9000#Coerce",
                    "190:0x00A0#Fight", "bad line"}),
            9u);
  const std::pair<const char*, const char*> cases[] = {
      {"110", "050"},  // "did not clash": not disapprove -> cooperate
      {"170", "057"},  // "will not wire tap": not coerce
      {"011", "010"},  // not "decline to comment"
      {"050", "050"},  // no "not" term: unchanged
      {"190", "190"}, {"120", "120"},  // nothing without "not" (value 0)
      {"121", "121"},  // 0x0070 names no code
      {"999", "999"},  // unknown
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(o.Negate(in), want) << in;
}

// Runs `validate` on a suite file; returns its output.
std::string Validate(const std::string& path) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  EXPECT_EQ(RunValidate(path, out), 0);
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  return text;
}

TEST(ImportValidate, TabariOptionsAndDiscardCodes) {
  TempFile("conv.actors", "GONDOR_ [GON]\nISILDUR_ [+++]\nUSSR_ [USR <911226] [###]\n");
  TempFile("conv.agents", "GUERRILLAS_ [~REB]\n");
  TempFile("conv.verbs", "ATTACK  [190]\n");
  TempFile("conv.text",
           "950101 CONV-A\nGuerrillas attacked Gondor on Monday in the northern hills.\n/* { REB / GON / 190 } */\n\n"
           "950101 CONV-Modify\nSwitch.\n/* { OPTION: SET: CONVERT AGENT = TRUE } */\n\n"
           "950101 CONV-B\nGuerrillas attacked Gondor on Monday in the northern hills.\n/* { ~REB / GON / 190 } */\n\n"
           "950101 CONV-Restore\nSwitch.\n/* { OPTION: SET: CONVERT AGENT = FALSE } */\n\n"
           "950101 CONV-C\nGuerrillas attacked Gondor on Monday in the northern hills.\n/* { REB / GON / 190 } */\n\n"
           // Fewer than eight words (TABARI's default minimum) code nothing;
           // the option's brace may be closed by the comment's end.
           "950101 MIN-A\nGuerrillas attacked Gondor.\n/* {---} */\n\n"
           "950101 MIN-Set\nSwitch.\n/* { OPTION: SET: MINIMUM WORDS = 3  */\n\n"
           "950101 MIN-B\nGuerrillas attacked Gondor.\n/* { REB / GON / 190 } */\n\n"
           // An actor coded +++ (complex) or, on the record's date, ### (discard).
           "950101 CPX-A\nIsildur attacked Gondor on Monday in the northern hills.\n/* {+++} */\n\n"
           "950101 DIS-A\nGuerrillas attacked Gondor on Monday near the USSR embassy.\n/* {###} */\n\n"
           "900101 DIS-B\nGuerrillas attacked Gondor on Monday near the USSR embassy.\n/* { REB / GON / 190 } */\n");
  std::string project = TempFile("conv.project",
                                 "<actorsfile> conv.actors\n<verbsfile> conv.verbs\n<agentsfile> conv.agents\n"
                                 "<textfile> conv.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("8 passed, 0 failed"), std::string::npos) << out;
  EXPECT_EQ(out.find("CONVERT AGENT' is not supported"), std::string::npos) << out;
}

// TABARI's DEFAULT option names the side the sparse reading could not find:
// PRIOR puts the default source where no actor comes before the verb, AFTER
// the default target where none comes after it; without them the actors
// found fill both sides (a compound source with no target: the first
// conjunct acts on the rest). Options take effect after their record is
// coded.
TEST(ImportValidate, TabariDefaultsFillAMissingSide) {
  TempFile("dflt.actors", "GONDOR_ [GON]\nBREE_ [BRE]\nFORNOST_ [FOR]\n");
  TempFile("dflt.verbs", "RESTORE  [064]\n");
  TempFile("dflt.text",
           "950101 D-Set\nSwitch the defaults on now with enough words here.\n"
           "/* { OPTION: DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER } */\n\n"
           "950101 D-1\nFxrnost is about to restore full ties with Gondor since last year.\n/* { DEFSRC / GON / 064 } */\n\n"
           "950101 D-2\nFornost is about to restore full ties with Gxndor since last year.\n/* { FOR / DEFTAR / 064 } */\n\n"
           "950101 D-3\nFxrnost is about to restore full ties with Gxndor since last year.\n"
           "/* { DEFSRC / DEFTAR / 064 } */\n\n"
           "950101 D-3b\nFornost and Bree are about to restore full ties with Gxndor since last year.\n"
           "/* { FOR / DEFTAR / 064 } { BRE / DEFTAR / 064 } */\n\n"
           "950101 D-Prior\nSwitch PRIOR off now with enough words in this record.\n"
           "/* { OPTION: DEFAULT: OFF } { OPTION: DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR] AFTER } */\n\n"
           "950101 D-4\nFxrnost is about to restore full ties with Gondor and Bree since last year.\n"
           "/* { GON / BRE / 064 } */\n\n"
           "950101 D-Off\nSwitch the defaults off with enough words in this record.\n/* { OPTION: DEFAULT: OFF } */\n\n"
           "950101 D-5\nFxrnost is about to restore full ties with Gondor since last year.\n/* {---} */\n\n"
           "950101 D-6\nFornost and Bree are about to restore full ties with Gxndor since last year.\n"
           "/* { FOR / BRE / 064 } */\n");
  std::string project = TempFile("dflt.project", "<actorsfile> dflt.actors\n<verbsfile> dflt.verbs\n<textfile> dflt.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("7 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's SET: TIME SHIFT: a <TIME> phrase coded `###` (discard) or `+++`
// (complex) leaves its record uncoded; without the option it does nothing.
TEST(ImportValidate, TabariTimePhrasesDiscardRecords) {
  TempFile("time.actors", "GONDOR_ [GON]\nFORNOST_ [FOR]\n");
  TempFile("time.verbs", "<TIME>\nONCE_IN_A_BLUE_MOON [###]\nWHEN_THE_RAINS_COME [+++]\nTOMORROW [+1]\n</TIME>\n"
                         "RESTORE  [064]\n");
  const std::string records =
      "950101 T-1\nFornost will restore full ties with Gondor, once in a blue moon, said an envoy.\n/* {###} */\n\n"
      "950101 T-2\nWhen the rains come, Fornost will restore full ties with Gondor and with its northern "
      "neighbours, an envoy said.\n/* {+++} */\n\n"
      "950101 T-3\nFornost will restore full ties with Gondor tomorrow, an envoy said.\n/* { FOR / GON / 064 } */\n";
  TempFile("time.text", "950101 T-Set\nSwitch time shifting on with enough words in the record.\n"
                        "/* { OPTION: SET: TIME SHIFT = TRUE } */\n\n" + records);
  std::string project = TempFile("time.project", "<actorsfile> time.actors\n<verbsfile> time.verbs\n<textfile> time.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
  TempFile("time.text", records);
  out = Validate(project);
  EXPECT_NE(out.find("1 passed, 2 failed"), std::string::npos) << out;
}

// TABARI's FORWARD: a story's records are read together, and a pronoun
// with no actor before it takes the first actor of the sentence before
// (the country only, not the agent).
TEST(ImportValidate, TabariForwardsPronounsWithinAStory) {
  TempFile("frwd.actors", "GONDOR_ [GON]\nBREE_ [BRE]\nFORNOST_ [FOR]\nARNOR_ [ARN]\n");
  TempFile("frwd.agents", "PRESIDENT_ [~GOV]\n");
  TempFile("frwd.verbs", "EXPRESS  [---]\n- * RELUCTANCE  [020]\nPROMISE  [050]\nASK  [090]\n");
  const std::string stories =
      "950116 F-001-001\nThe Fornost president expressed reluctance to become involved in the affairs of Bree.\n"
      "/* { FORGOV / BRE / 020 } */\n\n"
      "950116 F-001-002\nHe has also asked Gondor to provide help in the conflict.\n/* { FOR / GON / 090 } */\n\n"
      "950116 F-001-003\nGondor expressed reluctance to become involved in the affairs of Bree.\n"
      "/* { GON / BRE / 020 } */\n\n"
      "950116 F-001-004\nIn a later statement it promised additional aid to Arnor.\n/* { GON / ARN / 050 } */\n\n";
  TempFile("frwd.text", "950101 F-Set\nSwitch forwarding on with enough words in the record.\n"
                        "/* { OPTION: FORWARD: ^^*****NNN*SSS } */\n\n" + stories);
  std::string project = TempFile("frwd.project", "<actorsfile> frwd.actors\n<verbsfile> frwd.verbs\n"
                                                 "<agentsfile> frwd.agents\n<textfile> frwd.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("4 passed, 0 failed"), std::string::npos) << out;
  // Without FORWARD each record stands alone: the pronouns find no one.
  TempFile("frwd.text", stories);
  out = Validate(project);
  EXPECT_NE(out.find("2 passed, 2 failed"), std::string::npos) << out;
}

TEST(ImportValidate, TabariCodesAnEventPerActorOfAJointCode) {
  TempFile("joint.actors", "GONDOR_ [GON]\nTHE_SHIRE_ [FRO/BIL]\n");
  TempFile("joint.verbs", "ATTACK  [190]\n");
  TempFile("joint.text",
           "950101 JOINT-A\nThe Shire attacked Gondor on Monday in the northern hills.\n"
           "/* { FRO / GON / 190 } { BIL / GON / 190 } */\n\n");
  std::string project = TempFile("joint.project", "<actorsfile> joint.actors\n<verbsfile> joint.verbs\n"
                                                  "<textfile> joint.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's SET: CODE ALL: a verb whose clause names no actors takes the
// source and target of the sentence's event before it.
TEST(ImportValidate, TabariCodeAllCodesEveryVerb) {
  TempFile("all.actors", "ARNOR_ [ARN]\nERIADOR_ [ERI]\n");
  TempFile("all.verbs", "URGE  [102]\nASSIST  [092]\n");
  const std::string record =
      "950118 ALL-1\nArnor urged Eriador on Monday to assist it in the coming talks.\n"
      "/* { ARN / ERI / 102 } { ARN / ERI / 092 } */\n\n";
  TempFile("all.text", "950101 ALL-Set\nSwitch to coding every verb with enough words here.\n"
                       "/* { OPTION: SET: CODE ALL } */\n\n" + record);
  std::string project = TempFile("all.project", "<actorsfile> all.actors\n<verbsfile> all.verbs\n<textfile> all.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
  TempFile("all.text", record);  // coded by sentence: "assist" names no actors
  out = Validate(project);
  EXPECT_NE(out.find("0 passed, 1 failed"), std::string::npos) << out;
}

// TABARI deletes comma-delimited clauses by their length in words before
// coding: by default internal ones of 2 to 10 words, each with both its
// commas, and then a terminal one of 2 to 10 words among the commas left
// (a record without a final stop has none); COMMA: options change the
// lengths, turn on the initial clause, or turn deletion off. A clause
// embedded in the object of a verb that coded an event codes nothing, and a
// sentence the parse cannot code reads its verb's target on across
// subordinate clauses, as TABARI does.
TEST(ImportValidate, TabariDeletesCommaDelimitedClauses) {
  TempFile("comma.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\nBREE_ [BRE]\nFORNOST_ [FOR]\nROHAN_ [ROH]\n");
  TempFile("comma.agents", "ENVOY_ [~GOV]\nENVOYS_ [~GOV]\n");
  TempFile("comma.verbs", "RESTORE  [064]\nACCUSE  [112]\nATTACK  [190]\nSIGN  [085]\nDISMISS RUMOURS  [141]\n");
  const std::string parenthetical =
      "Fornost will restore full ties with Gxndor, long an ally of Bree, an envoy said on Monday.\n";
  const std::string initial = "Arnor accused Bree, yet Fornost will restore full ties with Gondor after a long rift.\n";
  TempFile("comma.text",
           // Both clauses go: no target is left.
           "950101 C-1\n" + parenthetical + "/* {---} */\n\n"
           // A name and a role on both sides of the clause stay apart.
           "950101 C-2\nFornost signed a grain pact on Monday with Bree, its oldest trading partner, envoys said.\n"
           "/* { FOR / BRE / 085 } */\n\n"
           // No final stop: the last clause stays; the reports' clause is theirs.
           "950101 C-3\nFornost dismissed rumours, spread by traders in Rohan, that Arnor attacked Gondor\n"
           "/* { FOR / ARN / 141 } */\n\n"
           // The parse codes nothing: the target is the first actor after the verb.
           "950101 C-4\nFornost will restore full ties with Gxndor next spring after Bree raiders burned its consulate.\n"
           "/* { FOR / BRE / 064 } */\n\n"
           "950101 C-Set\nChange the lengths of the clauses with enough words in here.\n"
           "/* { OPTION: COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8 } */\n\n"
           "950101 C-5\n" + initial + "/* { FOR / GON / 064 } */\n\n"  // the initial clause goes
           "950101 C-Off\nSwitch the deletion off with enough words in this record.\n/* { OPTION: COMMA: OFF } */\n\n"
           "950101 C-6\n" + parenthetical + "/* { FOR / BRE / 064 } */\n\n"
           "950101 C-7\n" + initial + "/* { ARN / BRE / 112 } { FOR / GON / 064 } */\n");
  std::string project = TempFile("comma.project", "<actorsfile> comma.actors\n<verbsfile> comma.verbs\n"
                                                  "<agentsfile> comma.agents\n<textfile> comma.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("7 passed, 0 failed"), std::string::npos) << out;
  EXPECT_EQ(out.find("is not supported"), std::string::npos) << out;
}

// TABARI's COMPLEX: CONJ[n], from the suite's options file and then its
// records: a record with n conjunctions or more (not counting those that
// join two names) is complex and codes nothing.
TEST(ImportValidate, TabariComplexRecordsCodeNothing) {
  TempFile("cplx.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\nBREE_ [BRE]\nFORNOST_ [FOR]\n");
  TempFile("cplx.verbs", "ACCUSE  [112]\n");
  TempFile("cplx.options", "// the starting options\nCOMPLEX: VERBS[5] CONJ[3] EXPLAIN\nSET: LABEL = TRUE\n");
  const std::string three = "Fornost accused Gondor of raids and threats but Arnor was silent or absent on Monday.\n";
  TempFile("cplx.text",
           "950101 X-1\n" + three + "/* {+++} */\n\n"
           "950101 X-2\nFornost accused Gondor and Bree of border raids, but Arnor kept silent.\n"
           "/* { FOR / GON / 112 } { FOR / BRE / 112 } */\n\n"
           "950101 X-Set\nSwitch the limit off with enough words in this record here.\n"
           "/* { OPTION: COMPLEX: VERBS[5] EXPLAIN } */\n\n"
           "950101 X-3\n" + three + "/* { FOR / GON / 112 } */\n");
  std::string project = TempFile("cplx.project", "<actorsfile> cplx.actors\n<verbsfile> cplx.verbs\n"
                                                 "<optionsfile> cplx.options\n<textfile> cplx.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
}

// CODE ALL: a clause with no source of its own acts for all the sources of
// the verb before it, on its targets; an object pronoun that stands for one
// of those sources is no target ("urged Y to assist them": X assists Y).
TEST(ImportValidate, TabariCodeAllTakesEverySourceOfTheVerbBefore) {
  TempFile("allc.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\nERIADOR_ [ERI]\n");
  TempFile("allc.verbs", "URGE  [102]\nASSIST  [092]\n");
  TempFile("allc.text", "950101 ALLC-Set\nSwitch to coding every verb with enough words here.\n"
                        "/* { OPTION: SET: CODE ALL } */\n\n"
                        "950118 ALLC-1\nArnor and Gondor urged Eriador on Monday to assist them in the talks.\n"
                        "/* { ARN / ERI / 102 } { GON / ERI / 102 } { ARN / ERI / 092 } { GON / ERI / 092 } */\n\n"
                        "950118 ALLC-2\nArnor urged Eriador on Monday to assist him in the coming talks.\n"
                        "/* { ARN / ERI / 102 } { ARN / ERI / 092 } */\n\n");
  std::string project = TempFile("allc.project", "<actorsfile> allc.actors\n<verbsfile> allc.verbs\n<textfile> allc.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's source is the nearest actor before the verb: a subject that names
// no actor ("that Calimbar might affirm") leaves it to the actor before
// ("Gondor"), but not in a subordinate clause ("after crowds burned").
// CODE BY SENTENCE keeps the sentence's first coded verb only.
TEST(ImportValidate, TabariSourceBeforeAnUncodedSubjectAndCodeBySentence) {
  TempFile("subj.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\nERIADOR_ [ERI]\nDAGOLATH_ [DAG]\n");
  TempFile("subj.verbs", "AFFIRM  [042]\nPROMISE  [050]\nRESTORE  [064]\nBURN  [222]\n");
  const std::string record =
      "950105 SUBJ-1\nGondor accepts that Calimbar might affirm the attack by Arnor on Thursday but "
      "Dagolath promised aid to Eriador.\n/* { GON / ARN / 042 } { DAG / ERI / 050 } */\n\n"
      "950105 SUBJ-2\nArnor is about to restore ties with Gondor five years after crowds burned its embassy, "
      "an official said.\n/* { ARN / GON / 064 } */\n\n";
  TempFile("subj.text", record +
                        "950101 SUBJ-Set\nSwitch to coding by sentence with enough words here.\n"
                        "/* { OPTION: SET: CODE BY SENTENCE } */\n\n"
                        "950105 SUBJ-3\nGondor accepts that Calimbar might affirm the attack by Arnor on Thursday but "
                        "Dagolath promised aid to Eriador.\n/* { GON / ARN / 042 } */\n\n");
  std::string project = TempFile("subj.project", "<actorsfile> subj.actors\n<verbsfile> subj.verbs\n<textfile> subj.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's COMPLEX: VERBS[v] CONJ[c] (options file): a sentence with that
// many dictionary verbs or conjunctions is not coded; the "and" of a compound
// actor ("Arnor and Gondor") is no conjunction.
TEST(ImportValidate, TabariComplexSentencesAreNotCoded) {
  TempFile("cplx.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\nERIADOR_ [ERI]\nDAGOLATH_ [DAG]\n");
  TempFile("cplx.verbs", "AFFIRM  [042]\nPROMISE  [050]\nACCUSE  [120]\nPRAISE  [041]\n");
  TempFile("cplx.options", "COMPLEX: VERBS[3] CONJ[3] NOACTPRIOR EXPLAIN\n");
  TempFile("cplx.text",
           "950105 CPLX-1\nGondor affirmed the pact with Arnor then accused Eriador of fraud and praised Dagolath.\n"
           "/* {+++} */\n\n"
           "950105 CPLX-2\nGondor affirmed the pact with Arnor on Monday and on Friday and Sunday but not on Saturday.\n"
           "/* {+++} */\n\n"
           "950105 CPLX-3\nGondor praised Arnor and Eriador and promised aid to Dagolath on Monday.\n"
           "/* { GON / ARN / 041 } { GON / ERI / 041 } { GON / DAG / 050 } */\n\n");
  std::string project = TempFile("cplx.project", "<actorsfile> cplx.actors\n<verbsfile> cplx.verbs\n"
                                                 "<optionsfile> cplx.options\n<textfile> cplx.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
}

// PETRARCH's comma_* settings (defaults: internal and terminal clauses of 2
// to 8 words, no initial one), each in a <Config> record; a comma between
// two adjectives of a noun or between the names of a list bounds no clause.
TEST(ImportValidate, PetrarchDeletesCommaDelimitedClauses) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-comma-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nROHAN [ROH]\n");
  write("PETR.Validate.agents.txt", "ENVOY [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- SAID  [023] ---\nSAID\n\n--- RESTORE  [064] ---\nRESTORE\n");
  auto record = [](const std::string& id, const std::string& text, const std::string& codings) {
    return "<Sentence date=\"20150101\" id=\"" + id + "\">\n<Text>" + text + "</Text>\n" + codings + "</Sentence>\n";
  };
  auto event = [](const std::string& src, const std::string& tgt, const std::string& code) {
    return "<EventCoding sourcecode=\"" + src + "\" targetcode=\"" + tgt + "\" eventcode=\"" + code + "\"/>\n";
  };
  const std::string envoy = "Arnor will restore full ties with Gondor, an envoy said on Monday.";
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Config option=\"require_dyad\" value=\"false\"/>\n" +
            record("P-1", envoy, event("ARN", "GON", "064")) +
            "<Config option=\"comma_bmin\" value=\"3\"/>\n<Config option=\"comma_bmax\" value=\"6\"/>\n" +
            record("P-2", "Arnor will restore warm, close ties with Gondor after a long and bitter rift.",
                   event("ARN", "GON", "064")) +
            record("P-3", "Arnor, the old Rohan, and Bree will restore full ties with Gondor after a long rift.",
                   event("ARN", "GON", "064") + event("ROH", "GON", "064") + event("BRE", "GON", "064")) +
            "<Config option=\"comma_emax\" value=\"0\"/>\n" +
            record("P-4", envoy, event("ARN", "GON", "064") + event("---GOV", "---", "023")) + "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("4 passed, 0 failed"), std::string::npos) << out;
  EXPECT_EQ(out.find("is not supported"), std::string::npos) << out;
}

// PETRARCH's parse: a clause after a subordinator right after a verb's
// object is the verb's object (its subject the target when the object
// names no actor; no event of its own once the verb coded), "Rohan riders
// burned" has a plural noun before a past tense, the subject of the
// clause after a comma is no target, a determiner splits "The Bree envoy
// and government", a conjunct "Arnor's Elrond" is Arnor, a compound verb
// "WIRE_+TAP" reads "wire" as part of the verb ("will not wire tap"),
// "Rohan-led" modifies the noun after it, and a `^` passes over only "the
// envoy" of "the envoy of Gondor", leaving Gondor to the target slot.
TEST(ImportValidate, PetrarchClausesConjunctsAndCompoundVerbs) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-clause-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt",
        "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nROHAN [ROH]\nFRODO [HOB]\nELROND [ELF]\nERIADOR [ERI]\n"
        "OSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "ENVOY [~GOV]\nGOVERNMENT [~GOV]\nSOLDIER [~MIL]\n");
  write("PETR.Validate.verbs.txt",
        "--- SAID  [023] ---\nSAID\n\n--- RESTORE  [064] ---\nRESTORE\n\n--- BURN  [222] ---\nBURN\n\n"
        "--- WARN  [160] ---\nWARN\n\n--- SEIZE  [1711] ---\nSEIZE\nWIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"
        "- WILL NOT * [081]\n\n--- ATTACK  [223] ---\nATTACK\n\n--- CELEBRATE  [181] ---\nCELEBRATE\n"
        "- * FEAST AT ^ ^ +  [044]\n");
  auto record = [](const std::string& id, const std::string& text, const std::string& codings) {
    return "<Sentence date=\"20150101\" id=\"" + id + "\">\n<Text>" + text + "</Text>\n" + codings + "</Sentence>\n";
  };
  auto event = [](const std::string& src, const std::string& tgt, const std::string& code) {
    return "<EventCoding sourcecode=\"" + src + "\" targetcode=\"" + tgt + "\" eventcode=\"" + code + "\"/>\n";
  };
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Config option=\"require_dyad\" value=\"false\"/>\n" +
            record("C-1", "Arnor will restore full ties with Dunland after Rohan riders burned down its embassy.",
                   event("ARN", "ROH", "064")) +
            record("C-2", "Arnor will restore full ties with Gondor after Rohan riders burned down its embassy.",
                   event("ARN", "GON", "064")) +
            "<Config option=\"comma_emax\" value=\"0\"/>\n" +
            record("C-3", "Arnor will mend full ties with Gondor after Rohan riders burned down its embassy, a "
                          "senior Bree envoy said today.",
                   event("ROH", "---", "222")) +
            record("C-4", "The Bree envoy and government warned the people of Gondor.",
                   event("BREGOV", "GON", "160") + event("---GOV", "GON", "160")) +
            record("C-5", "Bree envoy and government warned the people of Gondor.",
                   event("BREGOV", "GON", "160")) +
            record("C-6", "Frodo said he has high regard toward Gondor and Arnor's Elrond.",
                   event("HOB", "GON", "023") + event("HOB", "ARN", "023")) +
            record("C-7", "Soldiers from Gondor will not wire tap the lines into Rohan.", event("GONMIL", "ROH", "081")) +
            record("C-8", "The Rohan-led army attacked Gondor.", event("ROH", "GON", "223")) +
            record("C-9", "Arnor celebrated the feast at Osgiliath with the envoy of Gondor in Eriador.",
                   event("ARN", "GON", "044")) +
            "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("9 passed, 0 failed"), std::string::npos) << out;
}

// PETRARCH's parse: "X is said to be about to restore ties with Y" is the
// saying, X -> Y, its infinitives and a parenthetical ("it seems") inside
// the phrase, and no clause after it codes; "complete, full diplomatic
// ties" is a noun phrase (its -s form no verb after a list of modifiers).
TEST(ImportValidate, PetrarchHearsayTakesItsInfinitives) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-hearsay-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n");
  write("PETR.Validate.agents.txt", "ENVOY [~GOV]\n");
  write("PETR.Validate.verbs.txt",
        "--- SAID  [023] ---\nSAID\n\n--- RESTORE  [064] ---\nRESTORE\n\n--- BURN  [222] ---\nBURN\n");
  auto record = [](const std::string& id, const std::string& text, const std::string& codings) {
    return "<Sentence date=\"20150101\" id=\"" + id + "\">\n<Text>" + text + "</Text>\n" + codings + "</Sentence>\n";
  };
  auto event = [](const std::string& src, const std::string& tgt, const std::string& code) {
    return "<EventCoding sourcecode=\"" + src + "\" targetcode=\"" + tgt + "\" eventcode=\"" + code + "\"/>\n";
  };
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Config option=\"require_dyad\" value=\"false\"/>\n"
        "<Config option=\"comma_max\" value=\"0\"/>\n<Config option=\"comma_emax\" value=\"0\"/>\n"
        "<Config option=\"comma_bmax\" value=\"0\"/>\n" +
            record("H-1", "Arnor is said to be about to restore full ties with Gondor.", event("ARN", "GON", "023")) +
            record("H-2",
                   "Arnor is said to be about to restore, it seems, complete, full diplomatic ties with Gondor after "
                   "Rohan riders burned down its embassy.",
                   event("ARN", "GON", "023")) +
            record("H-3", "Arnor said it would restore full ties with Gondor.",
                   event("ARN", "GON", "023") + event("ARN", "GON", "064")) +
            "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
}

// TABARI codes one verb per clause (clauses split at conjunctions that do
// not join actors), reads "he"/"she"/"it"/"they" as the sentence's first
// actor, and takes "X requested that Y help" (a verb it does not code
// before the that-clause) as X helping Y.
TEST(ImportValidate, TabariClausesAndPronouns) {
  TempFile("pron.actors", "ARWEN_ [ELF]\nFORNOST_ [FOR]\nARNOR_ [ARN]\nBREE_ [BRE]\nROHAN_ [ROH]\n");
  TempFile("pron.verbs", "URGE  [102]\nASK  [090]\nHELP  [092]\n");
  TempFile("pron.text",
           "950118 PR-1\nArwen urged Bree on Friday to wait and then she asked Rohan to help her with the harvest.\n"
           "/* { ELF / BRE / 102 } { ELF / ROH / 090 } */\n\n"
           "950118 PR-2\nFornost and Arnor urged Bree on Friday to wait and then they requested that Rohan help them "
           "with the harvest.\n/* { FOR / BRE / 102 } { ARN / BRE / 102 } { FOR / ROH / 092 } { ARN / ROH / 092 } */\n\n");
  std::string project = TempFile("pron.project", "<actorsfile> pron.actors\n<verbsfile> pron.verbs\n<textfile> pron.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

// CODE ALL also codes TABARI's verb stems hidden in nouns ("RESUM" in "its
// resumption of ties"), "its" read as the sentence's first actor; a noun
// behind an article ("an attack") stays a noun.
TEST(ImportValidate, TabariCodeAllCodesVerbStemsInNouns) {
  TempFile("stem.actors", "ERIADOR_ [ERI]\nROHAN_ [ROH]\nGONDOR_ [GON]\n");
  TempFile("stem.verbs", "PRAISE  [041]\nRESUM  [065]\n- * TIES  [064]\nATTACK  [223]\n");
  const std::string record =
      "950112 STEM-1\nEriador was praised by Rohan on Monday for its resumption of ties with Gondor after an attack.\n"
      "/* { ROH / ERI / 041 } { ERI / GON / 064 } */\n\n";
  TempFile("stem.text", "950101 STEM-Set\nSwitch to coding every verb with enough words here.\n"
                        "/* { OPTION: SET: CODE ALL } */\n\n" + record);
  std::string project = TempFile("stem.project", "<actorsfile> stem.actors\n<verbsfile> stem.verbs\n<textfile> stem.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's dominant code ("ATTEND [031!]"): with CODE ALL its event is the
// sentence's only one.
TEST(ImportValidate, TabariCodeAllKeepsOnlyADominantCode) {
  TempFile("dom.actors", "DAGOLATH_ [DAG]\nFORNOST_ [FOR]\nARNOR_ [ARN]\n");
  TempFile("dom.verbs", "DEPART_ [032]\nATTEND  [031!]\n");
  const std::string record =
      "950103 DOM-1\nDagolath departed for Fornost on Monday to attend talks with Arnor about the roads.\n"
      "/* { DAG / ARN / 031 } */\n\n";
  TempFile("dom.text", "950101 DOM-Set\nSwitch to coding every verb with enough words here.\n"
                       "/* { OPTION: SET: CODE ALL } */\n\n" + record);
  std::string project = TempFile("dom.project", "<actorsfile> dom.actors\n<verbsfile> dom.verbs\n<textfile> dom.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

// TABARI's source is the first actor of the verb's clause (clauses split at
// conjunctions that do not join actors), its conjuncts too, whatever the
// verb's grammatical subject; with no target in its object, the target is
// the first actor after the verb in the clause.
TEST(ImportValidate, TabariSourceIsTheClausesFirstActor) {
  TempFile("first.actors", "GONDOR_ [GON]\nROHAN_ [ROH]\nBREE_ [BRE]\nARNOR_ [ARN]\n");
  TempFile("first.verbs", "BURN DOWN  [222]\nPRAISE  [041]\nPROMISE  [050]\n");
  TempFile("first.text",
           "950101 FIRST-1\nGondor is wary again after Rohan riders burned down the old bridge of Bree.\n"
           "/* { GON / BRE / 222 } */\n\n"
           "950101 FIRST-2\nGondor and Arnor grew calm but Rohan riders burned down the old bridge of Bree.\n"
           "/* { ROH / BRE / 222 } */\n\n"
           "950101 FIRST-3\nGondor promised aid on Monday after the storms that struck the hills of Rohan but "
           "Arnor praised Bree.\n/* { GON / ROH / 050 } { ARN / BRE / 041 } */\n\n");
  std::string project = TempFile("first.project", "<actorsfile> first.actors\n<verbsfile> first.verbs\n"
                                                   "<textfile> first.text\n");
  std::string out = Validate(project);
  EXPECT_NE(out.find("3 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, UdPetrarchNegatesThroughItsOntology) {
  // A folder of its own: the suite's dictionaries are found by their names.
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-ud-test-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR_Validate_actors_2_02.txt", "ARNOR [ARN]\nERIADOR [ERI]\n");
  write("PETR_Validate_agents_2_02.txt", "");
  write("PETR_Validate_verbs_2_02.txt", "--- CLASH  [190] ---\nCLASH\n- * (OVER EFFORTS)  [110]\n");
  write("PETR_Validate_Internal_Coding_Ontology_1_01.txt",
        "# PICO\n050:0x0080#DiplomaticCoop\n110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n");
  auto record = [](const char* id, const char* text, const char* code) {
    return std::string("<Sentence date=\"20150101\" id=\"") + id + "\" evaluate=\"true\">\n<Text>" + text +
           "</Text>\n<EventCoding sourcecode=\"ARN\" targetcode=\"ERI\" eventcode=\"" + code +
           "\"/>\n</Sentence>\n";
  };
  write("PETR_Validate_records_2_02.xml",
        "<Sentences>\n" + record("N-1", "Arnor clashed over the efforts of Eriador.", "110") +
            record("N-2", "Arnor did not clash over the efforts of Eriador.", "050") + "</Sentences>\n");
  std::string out = Validate(dir + "/PETR_Validate_records_2_02.xml");
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchWritesAnAgentOfNoCountryAfterAnEmptyOne) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-test-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\n");
  write("PETR.Validate.agents.txt", "STUDENT [~EDU]\n");
  write("PETR.Validate.verbs.txt", "--- ARREST  [173] ---\nARREST\n");
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"A-1\">\n<Text>Arnor arrested students on Monday."
        "</Text>\n<EventCoding sourcecode=\"ARN\" targetcode=\"---EDU\" eventcode=\"173\"/>\n</Sentence>\n"
        "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchCodesAnEventWithoutATargetUnlessRequireDyad) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-dyad-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- SAID  [023] ---\nSAID\n");
  const char* record =
      "<Sentence date=\"20150101\" id=\"A-%d\">\n<Text>The rain fell, the official news agency of the hill country "
      "said on Monday."
      "</Text>\n<EventCoding sourcecode=\"---GOV\" targetcode=\"---\" eventcode=\"023\"/>\n</Sentence>\n";
  char one[512], two[512];
  std::snprintf(one, sizeof one, record, 1);
  std::snprintf(two, sizeof two, record, 2);
  write("PETR.UnitTest.records.xml", std::string("<Sentences>\n<Config option=\"require_dyad\" value=\"false\"/>\n") +
                                         one + "<Config option=\"require_dyad\" value=\"true\"/>\n" + two +
                                         "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  // The first record codes the agency's event (by the actor word that
  // modifies it); with require_dyad it is dropped.
  EXPECT_NE(out.find("1 passed, 1 failed"), std::string::npos) << out;
  EXPECT_NE(out.find("FAIL A-2"), std::string::npos) << out;
}

// PETRARCH reads a compound's pattern headed by a noun ("% HAVE POSTPONED
// *" of MEET: "have postponed their meeting") on across a subordinate clause
// for its target; a compound's pattern of the verb itself ("% HAVE *" of
// DELAY) has its conjuncts act on each other.
TEST(ImportValidate, PetrarchReadsANounHeadedCompoundPatternAcrossAClause) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-noun-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt",
        "--- DELAY [120] [031:031] ---\nDELAY\n- % HAVE  *  [191]\n\n"
        "--- MEET  [031:031]  ---\nMEET\n- % HAVE POSTPONED *  [191]\n");
  auto record = [](const std::string& id, const std::string& text, const std::string& codings) {
    return "<Sentence date=\"20150101\" id=\"" + id + "\">\n<Text>" + text + "</Text>\n" + codings + "</Sentence>\n";
  };
  auto event = [](const std::string& src, const std::string& tgt, const std::string& code) {
    return "<EventCoding sourcecode=\"" + src + "\" targetcode=\"" + tgt + "\" eventcode=\"" + code + "\"/>\n";
  };
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n" +
            record("N-1", "Arnor and Gondor have postponed their meeting after riders were seen in the hills of Rohan.",
                   event("ARN", "ROH", "191") + event("GON", "ROH", "191")) +
            record("N-2", "Arnor and Gondor have delayed their meeting after riders were seen in the hills of Rohan.",
                   event("ARN", "GON", "191") + event("GON", "ARN", "191")) +
            "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

// "Arnor centre of a quarrel between Rohan and Gondor called on ...": a base
// form right after one name with "of" after it is a noun (any reading), and
// PETRARCH's subject noun phrase runs back through its prepositional phrases
// to its head, the first actor.
TEST(ImportValidate, PetrarchSubjectRunsBackThroughPrepositionalPhrases) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-head-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\nERIADOR [ERI]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- CALL  [010] ---\nCALL\n- * ON [095]\n");
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"H-1\">\n<Text>Arnor centre of a bitter quarrel between "
        "Rohan the Horse called on Eriador late on Sunday.</Text>\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"ERI\" eventcode=\"095\"/>\n</Sentence>\n</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchMatchesPatternWordsAsWritten) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-exact-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- ADOPT  [081] ---\nADOPT\n- * RESOLUTION  [102]\n");
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"A-1\">\n<Text>Arnor adopted a resolution with Gondor."
        "</Text>\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"102\"/>\n</Sentence>\n"
        "<Sentence date=\"20150101\" id=\"A-2\">\n<Text>Arnor adopted two resolutions with Gondor."
        "</Text>\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"081\"/>\n</Sentence>\n"
        "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchReadsAnAgentlessPassiveAsActiveAndOneActorPerConjunct) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-conj-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- CRITICIZE  [121] ---\nCRITICIZE\n\n--- WELCOME  [041] ---\nWELCOME\n");
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"A-1\">\n<Text>Arnor was criticized over its quarrel with "
        "Gondor.</Text>\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"121\"/>\n</Sentence>\n"
        "<Sentence date=\"20150101\" id=\"A-2\">\n<Text>Eriador and the old Arnor proud Gondor welcomed the "
        "talks with Osgiliath.</Text>\n<EventCoding sourcecode=\"ERI\" targetcode=\"OSG\" eventcode=\"041\"/>\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"OSG\" eventcode=\"041\"/>\n</Sentence>\n"
        "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("2 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchCodesAShortUnknownNounPhraseAsANewActor) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-new-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- VISIT  [032:033] ---\nTRAVEL\n\n--- ACCUSE  [112] ---\nACCUSE\n");
  auto record = [](const std::string& id, const std::string& text, const std::string& codings) {
    return "<Sentence date=\"20150101\" id=\"" + id + "\">\n<Text>" + text + "</Text>\n" + codings + "</Sentence>\n";
  };
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Config option=\"new_actor_length\" value=\"4\"></Config>\n" +
            record("N-1", "Rohan's old king Theoden travelled to the Tower of Guard.",
                   "<EventCoding sourcecode='\"ROHAN OLD KING THEODEN\"' targetcode='\"THE TOWER OF GUARD\"' "
                   "eventcode=\"032\"/>\n<EventCoding sourcecode='\"THE TOWER OF GUARD\"' "
                   "targetcode='\"ROHAN OLD KING THEODEN\"' eventcode=\"033\"/>\n") +
            record("N-2", "Eriador's army and the grey riders accused Osgiliath.",
                   "<EventCoding sourcecode=\"ERI\" targetcode=\"OSG\" eventcode=\"112\"/>\n"
                   "<EventCoding sourcecode='\"THE GREY RIDERS\"' targetcode=\"OSG\" eventcode=\"112\"/>\n") +
            "<Config option=\"new_actor_length\" value=\"3\"></Config>\n" +
            record("N-3", "Rohan's old king Theoden travelled to the Tower of Guard.",
                   "<EventCoding noevents=\"True\"/>\n") +
            "<Config option=\"new_actor_length\" value=\"0\"></Config>\n" +
            record("N-4", "The grey riders accused Osgiliath.", "<EventCoding noevents=\"True\"/>\n") +
            "</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("4 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchTakesThePlusBeforeThePatternWordsAsTheTarget) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-host-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- CELEBRATE  [181] ---\nCELEBRATE\n- + HOSTING * HARVEST ^ $ [042]\n");
  // "hosting" stands before the subject of "celebrate" (Osgiliath); the
  // actor before it is the target, the second after "harvest" the source.
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"H-1\">\n<Text>Arnor will be hosting Osgiliath to "
        "celebrate the harvest with Eriador next week at Gondor.</Text>\n"
        "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"042\"/>\n</Sentence>\n</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchReadsTheTargetOnThroughAWhetherClause) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-whether-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- DOUBT  [212] ---\nDOUBT\n");
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"W-1\">\n<Text>Arnor doubted whether he really has a "
        "future with Eriador.</Text>\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"ERI\" eventcode=\"212\"/>\n</Sentence>\n</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, PetrarchReadsAPlusAmongTheWordsBeforeTheVerb) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/dm-petr-noted-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("PETR.Validate.actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n");
  write("PETR.Validate.agents.txt", "OFFICIAL [~GOV]\n");
  write("PETR.Validate.verbs.txt", "--- REGRET  [111] ---\nREGRET {REGRETTED REGRETS}\n- NOTED + *  [115]\n");
  // "noted + *": the `+` is the subject of "regretted", the source the
  // actor before "noted", across "that".
  write("PETR.UnitTest.records.xml",
        "<Sentences>\n<Sentence date=\"20150101\" id=\"R-1\">\n<Text>Arnor noted that Gondor regretted the "
        "refusal of Eriador.</Text>\n"
        "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"115\"/>\n</Sentence>\n</Sentences>\n");
  std::string out = Validate(dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(out.find("1 passed, 0 failed"), std::string::npos) << out;
}

TEST(ImportValidate, RunsTheTabariSuite) {
  std::string path = Peers() + "/tabari/Validate.project";
  SKIP_IF_ABSENT(path);
  char* buf = nullptr;
  size_t len = 0;
  FILE* out = open_memstream(&buf, &len);
  ASSERT_EQ(RunValidate(path, out), 0);
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  ASSERT_FALSE(text.empty());
  std::string last = text.substr(text.rfind('\n', text.size() - 2) + 1);
  int passed = -1, failed = -1;
  ASSERT_EQ(std::sscanf(last.c_str(), "%d passed, %d failed", &passed, &failed), 2) << last;
  EXPECT_GT(passed + failed, 400);  // the standard records up to FINAL-01, less skipped ones
  EXPECT_NE(text.find("events: "), std::string::npos);
}

}  // namespace
}  // namespace dragoman
