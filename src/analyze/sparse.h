// The peers' sparse reading of a sentence. TABARI finds events by dictionary
// lookup, not by parsing: any word its verb dictionary knows can carry an
// event whatever its part of speech ("raised its voice for X", "show no sign
// with X"), and the source is the actor before the verb even when the
// grammatical subject is something else ("X has refused to urge Y").
//
// dragoman reads sentences by its own shallow parse; this reading is only a
// fallback for sentences that code nothing that way (or, with TABARI's CODE
// ALL, for the words the parse did not read as verbs), and only when
// EngineOptions::sparse_verbs asks for it (`validate` does, for TABARI
// suites). It is not used on news by default: nouns that share a verb's
// spelling ("a sign", "the voice") would code far too much there.
#ifndef DRAGOMAN_ANALYZE_SPARSE_H_
#define DRAGOMAN_ANALYZE_SPARSE_H_

#include "analyze/analysis.h"
#include "lexicon/model.h"
#include "segment/token.h"

namespace dragoman {

// Copies `a` into *out and adds the sparse reading: a verb group with no
// actor in its subject takes the sentence's first actor before it as its
// source, as TABARI does ("Arnor is about to rxstore ties with Gondor,
// after Calenardhon crowds burned down its embassy": Arnor burned it)
// (VerbGroup::source_mention; the subject chunk stays what the parse found),
// and every other word with verb patterns (or a noun made of a verb stem
// with a suffix of nominalization: "resumption" of RESUM) becomes a verb
// group of its own (after the parsed ones, so their indexes stay valid)
// whose source is the first actor before it. Every verb group's object runs
// on to a semicolon or the end of the sentence: TABARI's target is the first
// actor after the verb, across the subordinate clauses and commas the parse
// stops at. A word right after a determiner stays a noun ("in an accord
// with").
void SparseReading(const Model& model, const Token* t, const SentenceAnalysis& a, SentenceAnalysis* out);

}  // namespace dragoman

#endif  // DRAGOMAN_ANALYZE_SPARSE_H_
