// Engine: the immutable model (dictionaries compiled into tables) and the
// pipeline segment -> analyze -> code -> extract over one document.
//
//   auto engine = dragoman::Engine::Load(options);
//   if (!engine.ok()) ... engine.status().message();
//   dragoman::Workspace ws;
//   dragoman::Record rec;
//   engine.value()->Code(doc, &ws, &rec);
//
// Thread safety: an Engine is immutable after Load and safe for concurrent
// const use; each thread needs its own Workspace.
#ifndef DRAGOMAN_ENGINE_H_
#define DRAGOMAN_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "dragoman/document.h"
#include "dragoman/record.h"
#include "dragoman/status.h"

namespace dragoman {

class Model;
struct WorkspaceImpl;

struct DictionarySource {
  // "dragoman" (the project's own format), or one of the field's formats:
  // tabari-actors, tabari-verbs, tabari-agents, tabari-options,
  // petrarch-actors, petrarch-verbs, petrarch-agents, petrarch-discards,
  // petrarch-issues.
  std::string format;
  std::string path;    // a file or a directory of *.txt files
};

struct EngineOptions {
  // Dictionaries to load. When use_default_dict is true the project's data/
  // directory (found next to the binary or via DRAGOMAN_DATA) is loaded first.
  bool use_default_dict = true;
  std::vector<DictionarySource> dictionaries;
  std::string data_dir;  // overrides the default data directory
  // The GeoNames gazetteer (gen/cities.tsv, made by scripts/cities.mjs),
  // loaded with the default dictionaries when the file exists. An empty path
  // means DefaultGazetteerPath().
  bool use_gazetteer = true;
  std::string gazetteer;
  // The compiled model is kept on disk, keyed by a hash of its sources, and
  // read back by the next Load from the same sources (lexicon/model_cache.h):
  // in $XDG_CACHE_HOME/dragoman (else ~/.cache/dragoman), or cache_dir when
  // set. DRAGOMAN_CACHE=off in the environment turns it off, as does
  // use_cache = false.
  bool use_cache = true;
  std::string cache_dir;
  // Events whose modality is not "asserted" (negated, planned, ...) are kept
  // only when this is true.
  bool keep_modal_events = false;
  // "A and B met": one event A->B (false), or A->B and B->A as TABARI and
  // PETRARCH code it (true).
  bool reciprocal_pairs = false;
  // The target of a verb without a target slot: the first actor of its
  // object that is not behind a place, time or other prepositional phrase
  // (false: "arrested a man in Delhi" has no target), or, as TABARI and
  // PETRARCH code it, the first actor after the verb across such phrases and
  // past the object up to a subordinate or relative clause or a comma (true:
  // "called for sanctions against X" targets X). Set by `validate`.
  bool peer_targets = false;
  // TABARI's sparse reading (analyze/sparse.h) for sentences that code
  // nothing otherwise: any dictionary verb word, whatever its part of speech,
  // may carry an event, its source is the nearest actor before it and its
  // target the first actor after it. Also TABARI's one verb per clause: a
  // clause inside the object of a verb that coded an event ("brushed aside
  // reports that X attacked Y") codes nothing of its own. Set by `validate`
  // for TABARI suites; too loose for news.
  bool sparse_verbs = false;
  // Words a pattern wants before its verb ("death toll * rise") are looked
  // for in the verb's subject only, as UD-PETRARCH matches them (true), or
  // anywhere in the clause before the verb, as TABARI and PETRARCH do
  // ("recently * allow", "said would * act"). Set by `validate` for the
  // UD-PETRARCH suite.
  bool peer_words_before_in_subject = false;
  // TABARI's SET: CODE ALL: a verb whose pattern matches but whose clause
  // names no source (or no target) takes it from the sentence's event
  // before it ("X urged Y to assist": X assists Y); the sparse reading's
  // words code too ("by its resumption of ties"), and a dominant code
  // ("ATTEND [031!]") is its sentence's only event. Set by `validate` while
  // a TABARI suite asks for it.
  bool code_all = false;
  // TABARI's COMPLEX: VERBS[v]: a sentence with v or more dictionary verbs
  // is too complex to code (0: no limit). Set by `validate` from a TABARI
  // suite's options file. (Its CONJ[c] counts conjunctions per record, which
  // `validate` does itself, as the records' options change it.)
  size_t complex_verbs = 0;
  // PETRARCH's (version 1) own conventions, set by `validate` for its suite
  // (not UD-PETRARCH's): a verb whose target is not named still codes an
  // event, with the target left empty ("..., a senior official said": GOV ->
  // nobody, 023; its require_dyad option, applied by `validate`, drops such
  // events unless turned off); a subject is coded by any actor word in it,
  // a modifier too ("the official news agency said": GOV); a passive with
  // no agent named reads as active ("X was criticized over its dispute with
  // Y": X -> Y); a coordinated subject takes one actor per conjunct
  // ("Calenardhon and the evil Arnor awful Gondor": CAL, ARN). On news an
  // event needs both sides and these readings are too loose.
  bool peer_petrarch = false;
  // PETRARCH's new_actor_length (with peer_petrarch): a source or target
  // noun phrase that names no dictionary actor and has at most this many
  // words is an actor of its own, coded by its upper-case text in double
  // quotes ("the Rangers of Ithilien" -> "\"THE RANGERS OF ITHILIEN\""); 0:
  // never. Set by `validate` from the suite's <Config> records; on news an
  // event needs dictionary actors.
  int peer_new_actor_length = 0;
  // Events (with the entities and dates they need) only: no quotations or
  // counts. For event-coding runs and benchmarks.
  bool events_only = false;
  // Measure the time spent in each stage (see Workspace::stage_seconds).
  bool profile = false;
  // Diagnostics from loading (malformed lines), appended here when not null.
  std::vector<std::string>* warnings = nullptr;
};

// Per-thread scratch. Reused across documents; never shared between threads.
class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;  // owns large scratch buffers
  Workspace& operator=(const Workspace&) = delete;
  WorkspaceImpl* impl() { return impl_.get(); }

  // Seconds spent per stage by the documents coded with this workspace, when
  // EngineOptions::profile is set: segment, analyze, extract (entities,
  // dates, quotations, counts), code (events).
  struct StageSeconds {
    double segment = 0, analyze = 0, extract = 0, code = 0;
  };
  const StageSeconds& stage_seconds() const { return stages_; }
  StageSeconds* mutable_stage_seconds() { return &stages_; }

 private:
  std::unique_ptr<WorkspaceImpl> impl_;
  StageSeconds stages_;
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Load(const EngineOptions& options);
  ~Engine();
  Engine(const Engine&) = delete;  // large tables; share by pointer
  Engine& operator=(const Engine&) = delete;

  // Codes one document into *out (cleared first).
  void Code(const Document& doc, Workspace* ws, Record* out) const;

  const Model& model() const { return *model_; }
  const EngineOptions& options() const { return options_; }
  // Whether Load read the compiled model from the cache.
  bool loaded_from_cache() const { return from_cache_; }

 private:
  Engine(std::unique_ptr<Model> model, EngineOptions options);
  std::unique_ptr<Model> model_;
  EngineOptions options_;
  bool from_cache_ = false;
};

// The directory holding the project's data/ files: $DRAGOMAN_DATA, else the
// data/ directory compiled in at build time.
std::string DefaultDataDir();

// The GeoNames gazetteer file: $DRAGOMAN_GAZETTEER, else gen/cities.tsv
// beside the data/ directory compiled in at build time.
std::string DefaultGazetteerPath();

}  // namespace dragoman

#endif  // DRAGOMAN_ENGINE_H_
