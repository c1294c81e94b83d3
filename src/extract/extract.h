// Extractors: entities with in-document coreference, dates, quotations with
// speakers, and counts. Each reads the analysed DocState and appends to the
// Record; each is linear in the number of tokens.
#ifndef DRAGOMAN_EXTRACT_EXTRACT_H_
#define DRAGOMAN_EXTRACT_EXTRACT_H_

#include "analyze/doc_state.h"
#include "dragoman/record.h"
#include "lexicon/model.h"

namespace dragoman {

// Entities: dictionary names, then capitalised names found by pattern
// (titles, appositions, given names, "X said"); fills doc->clusters,
// doc->persons and doc->cluster_at, and rec->entities.
void ExtractEntities(const Model& model, DocState* doc, Record* rec);

// Dates: absolute and relative to doc->date; fills doc->dates and rec->dates.
void ExtractDates(DocState* doc, Record* rec);

// Quotations with their speakers. REQUIRES: ExtractEntities ran.
void ExtractQuotes(const Model& model, const DocState& doc, Record* rec);

// Counts of people killed, wounded, kidnapped, arrested, released ...
void ExtractCounts(const Model& model, const DocState& doc, Record* rec);

// Parses a number expression starting at global token i ("around 1,200",
// "five", "two dozen", "hundreds of"). Returns the number of tokens used
// (0 if none) and sets *value and *qualifier.
uint32_t ParseNumber(const DocState& doc, uint32_t i, uint32_t end, long long* value,
                     std::string* qualifier);

// The actor described by the subject chunk [first, last] of a sentence, by
// dictionary mention, pronoun or definite description; false if none.
// `global` is the global index of the sentence's first token.
// A pronoun looks back `pronoun_window` sentences for its person.
// `one_per_conjunct`: of coordinated actors, only the first of each conjunct
// ("Calenardhon and the evil Arnor awful Gondor": Calenardhon, Arnor), as
// PETRARCH reads them (EngineOptions::peer_petrarch).
bool ResolveChunk(const Model& model, const DocState& doc, const SentenceAnalysis& a,
                  uint32_t global, uint32_t first, uint32_t last, std::vector<ActorMention>* out,
                  int pronoun_window = 1, bool one_per_conjunct = false);

}  // namespace dragoman

#endif  // DRAGOMAN_EXTRACT_EXTRACT_H_
