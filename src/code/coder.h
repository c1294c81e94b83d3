// Coder: turns analysed sentences into events. For each verb group it tries
// the verb's patterns (longest first) on the object region, then nominal
// patterns after light verbs ("issued a threat to"), resolves the subject
// (dictionary actor, coordinated actors, pronoun, definite description,
// relative-clause antecedent, shared subject of coordinated verbs), handles
// the passive ("X was attacked by Y"), and emits one event per
// (source, target) pair with its CAMEO code, PLOVER type, Goldstein score,
// quad class, modality, location and date. Thread-safe (const).
#ifndef DRAGOMAN_CODE_CODER_H_
#define DRAGOMAN_CODE_CODER_H_

#include "analyze/doc_state.h"
#include "dragoman/record.h"
#include "lexicon/model.h"

namespace dragoman {

class Coder {
 public:
  // `peer_targets`, `sparse_verbs`, `before_in_subject`, `petrarch`: see
  // EngineOptions::peer_targets, ::sparse_verbs,
  // ::peer_words_before_in_subject and ::peer_petrarch.
  Coder(const Model* model, bool keep_modal, bool reciprocal_pairs, bool peer_targets = false,
        bool sparse_verbs = false, bool before_in_subject = false, bool petrarch = false)
      : model_(model),
        keep_modal_(keep_modal),
        reciprocal_pairs_(reciprocal_pairs),
        peer_targets_(peer_targets),
        sparse_verbs_(sparse_verbs),
        before_in_subject_(before_in_subject),
        petrarch_(petrarch) {}
  void Code(const DocState& doc, Record* rec) const;

 private:
  // Codes sentence s from its analysis, or from `reading` when given (the
  // sparse reading of analyze/sparse.h).
  void CodeSentence(const DocState& doc, size_t s, Record* rec, const SentenceAnalysis* reading = nullptr) const;
  void CodeNominal(const DocState& doc, size_t s, Record* rec) const;
  bool CodeSidesNoun(const DocState& doc, size_t s, uint32_t q, Record* rec) const;
  const Model* model_;
  bool keep_modal_;
  bool reciprocal_pairs_;
  bool peer_targets_;
  bool sparse_verbs_;
  bool before_in_subject_;
  bool petrarch_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODE_CODER_H_
