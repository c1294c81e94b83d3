// DocState: everything the stages know about the document being coded. Lives
// in a Workspace and is reset, not freed, between documents.
#ifndef DRAGOMAN_ANALYZE_DOC_STATE_H_
#define DRAGOMAN_ANALYZE_DOC_STATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.h"
#include "segment/segmenter.h"

namespace dragoman {

// One mention of a person in the document, known or found by pattern.
struct PersonMention {
  uint32_t token = 0;  // global token index of its first token
  uint32_t last = 0;   // global token index of its last token
  int cluster = -1;    // entity cluster
};

struct Cluster {
  std::string type;  // PERSON, ORG, LOC
  std::string name;  // fullest form
  std::string code;
  char gender = 0;
  int org = -1;  // index into Model::orgs() for dictionary organisations
};

struct DocState {
  std::string_view text;
  std::string date;
  std::string context_country;
  std::vector<SentenceTokens> sentences;
  std::vector<Token> tokens;
  std::vector<SentenceAnalysis> analyses;  // parallel to sentences
  std::vector<Cluster> clusters;
  std::vector<PersonMention> persons;      // in token order
  std::vector<int> cluster_at;             // per global token: entity cluster or -1
  std::vector<DateMention> dates;          // in text order
  std::vector<uint32_t> date_tokens;       // first global token of each date

  const Token& tok(uint32_t global) const { return tokens[global]; }
  // The most recent person cluster mentioned before global token g whose
  // gender agrees with `gender` (0 = any), or -1.
  // Mentions before global token `from` are not considered.
  int PersonBefore(uint32_t g, char gender, uint32_t from = 0) const;
  // Global index of the first token of the sentence `back` sentences before
  // the one holding global token g (0 = its own sentence).
  uint32_t SentenceStartBefore(uint32_t g, int back) const;
  // Text of global tokens [first, last].
  std::string_view Slice(uint32_t first, uint32_t last) const {
    return text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
  }
};

}  // namespace dragoman

#endif  // DRAGOMAN_ANALYZE_DOC_STATE_H_
