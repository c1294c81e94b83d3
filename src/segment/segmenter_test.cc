#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Tokenizer tok;
  Segmenter seg(&tok);
  std::vector<SentenceTokens> s;
  std::vector<Token> t;
  seg.Segment(text, &s, &t);
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(text.substr(x.span.begin, x.span.end - x.span.begin));
  return out;
}

std::vector<std::string> Tokens(const std::string& text) {
  Tokenizer tok;
  std::vector<Token> t;
  tok.Tokenize(text, 0, static_cast<uint32_t>(text.size()), &t);
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(std::string(x.text));
  return out;
}

TEST(Segmenter, AbbreviationsDoNotEndSentences) {
  auto s = Sentences("Dr. Jane Roe met Gen. Ali Musa at the U.N. headquarters on Jan. 5. They talked.");
  ASSERT_EQ(s.size(), 2u) << s[0];
  EXPECT_EQ(s[1], "They talked.");
}

TEST(Segmenter, LinesAreSentences) {
  auto s = Sentences("Risks and possibilities\nThe talks began in Doha.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Risks and possibilities");
}

TEST(Segmenter, GarbledNoBreakSpacesSeparateTheItemsOfALinkList) {
  // "Â" is what is left of a no-break space decoded as Windows-1252.
  auto s = Sentences(
      "The report is due. related stories:\xC3\x82 1 killed in ahmedabad, police firing in vadodara\xC3\x82 "
      "fear still stalks gujarat\xC3\x82 full coverage: gujarat violence");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[1], "related stories:");
  EXPECT_EQ(s[2], "1 killed in ahmedabad, police firing in vadodara");
  EXPECT_EQ(s[3], "fear still stalks gujarat");
  EXPECT_EQ(s[4], "full coverage: gujarat violence");
}

TEST(Segmenter, OneGarbledNoBreakSpaceIsASpace) {
  auto s = Sentences("He gave 500\xC3\x82 rupees to the victims of the situation\xC3\x82\xEF\xBF\xBD in the city.");
  ASSERT_EQ(s.size(), 1u);
}

TEST(Segmenter, RunOnSentenceIsCutLinearly) {
  std::string text;
  for (int i = 0; i < 500000; ++i) text += "word ";  // 2.5 MB, no punctuation
  Tokenizer tok;
  Segmenter seg(&tok);
  std::vector<SentenceTokens> s;
  std::vector<Token> t;
  seg.Segment(text, &s, &t);
  EXPECT_EQ(t.size(), 500000u);
  EXPECT_EQ(s.size(), 500000u / Segmenter::kMaxSentenceTokens);
  for (const auto& x : s) EXPECT_LE(x.count, Segmenter::kMaxSentenceTokens);
}

TEST(Tokenizer, ClitcsNumbersAndAbbreviations) {
  EXPECT_EQ(Tokens("Trump’s aides don't know U.S. plans."),
            (std::vector<std::string>{"Trump", "’s", "aides", "do", "n't", "know", "U.S.", "plans", "."}));
  EXPECT_EQ(Tokens("killed around 1,200 people, 2.5 million"),
            (std::vector<std::string>{"killed", "around", "1,200", "people", ",", "2.5", "million"}));
  EXPECT_EQ(Tokens("Taher al-Nono"), (std::vector<std::string>{"Taher", "al", "-", "Nono"}));
}

TEST(Tokenizer, QuotesAndMojibake) {
  Tokenizer tok;
  std::string text = "\xE2\x80\x9CWe will\xE2\x80\x9D he said \xC3\xA2\xE2\x82\xAC\xC5\x93no\xC3\xA2\xE2\x82\xAC\xC2\x9D";
  std::vector<Token> t;
  tok.Tokenize(text, 0, static_cast<uint32_t>(text.size()), &t);
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].kind, TokKind::kQuote);
  EXPECT_EQ(t[0].quote, QuoteDir::kOpen);
  EXPECT_EQ(t[3].quote, QuoteDir::kClose);
  EXPECT_EQ(t[7].text, "no");
  EXPECT_EQ(t[6].quote, QuoteDir::kOpen);   // mojibake opening mark
  EXPECT_EQ(t[8].quote, QuoteDir::kClose);  // mojibake closing mark
  EXPECT_EQ(t[8].end, text.size());
}

TEST(Tokenizer, GarbledNoBreakSpaceIsASpace) {
  EXPECT_EQ(Tokens("vadodara\xC3\x82 fear \xC3\x82\xC2\xA0gujarat\xC3\x82"),
            (std::vector<std::string>{"vadodara", "fear", "gujarat"}));
  // a letter inside a word stays
  EXPECT_EQ(Tokens("ROM\xC3\x82NIA"), (std::vector<std::string>{"ROM\xC3\x82NIA"}));
}

TEST(Tokenizer, AnUnderscoreBetweenWordsIsASpace) {
  EXPECT_EQ(Tokens("the Prince of Dol_Amroth"), (std::vector<std::string>{"the", "Prince", "of", "Dol", "Amroth"}));
  // Not one standing apart, as a dash: "Arnor _ the old kingdom".
  EXPECT_EQ(Tokens("Arnor _ old"), (std::vector<std::string>{"Arnor", "_", "old"}));
}

TEST(Tokenizer, LowerCasesUnicode) {
  EXPECT_EQ(ToLower("ÇATALHÖYÜK Köln"), "çatalhöyük köln");
}

}  // namespace
}  // namespace dragoman
