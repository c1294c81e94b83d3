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
  // What the engine's options (dragoman/engine.h) ask of the coder.
  struct Options {
    bool keep_modal = false;         // EngineOptions::keep_modal_events
    bool reciprocal_pairs = false;   // EngineOptions::reciprocal_pairs
    bool peer_targets = false;       // EngineOptions::peer_targets
    bool sparse_verbs = false;       // EngineOptions::sparse_verbs
    bool before_in_subject = false;  // EngineOptions::peer_words_before_in_subject
    bool petrarch = false;           // EngineOptions::peer_petrarch
    bool code_all = false;           // EngineOptions::code_all
    size_t complex_verbs = 0;        // EngineOptions::complex_verbs
    int new_actor_length = 0;        // EngineOptions::peer_new_actor_length
  };
  Coder(const Model* model, const Options& options)
      : model_(model),
        keep_modal_(options.keep_modal),
        reciprocal_pairs_(options.reciprocal_pairs),
        peer_targets_(options.peer_targets),
        sparse_verbs_(options.sparse_verbs),
        before_in_subject_(options.before_in_subject),
        petrarch_(options.petrarch),
        code_all_(options.code_all),
        complex_verbs_(options.complex_verbs),
        new_actor_length_(options.new_actor_length) {}
  void Code(const DocState& doc, Record* rec) const;

 private:
  // Codes sentence s from its analysis, or from `reading` when given (the
  // sparse reading of analyze/sparse.h).
  void CodeSentence(const DocState& doc, size_t s, Record* rec, const SentenceAnalysis* reading = nullptr) const;
  void CodeNominal(const DocState& doc, size_t s, Record* rec) const;
  bool CodeSidesNoun(const DocState& doc, size_t s, uint32_t q, Record* rec) const;
  // TABARI's COMPLEX: too many verbs or conjunctions to code sentence s.
  bool Complex(const DocState& doc, size_t s) const;
  const Model* model_;
  bool keep_modal_;
  bool reciprocal_pairs_;
  bool peer_targets_;
  bool sparse_verbs_;
  bool before_in_subject_;
  bool petrarch_;
  bool code_all_;
  size_t complex_verbs_;
  int new_actor_length_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_CODE_CODER_H_
