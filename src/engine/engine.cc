#include "dragoman/engine.h"

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unordered_map>

#include "analyze/doc_state.h"
#include "code/coder.h"
#include "extract/extract.h"
#include "import/import.h"
#include "lexicon/dictionary.h"
#include "lexicon/gazetteer.h"
#include "lexicon/model.h"
#include "lexicon/model_cache.h"

#ifndef DRAGOMAN_DATA_DIR
#define DRAGOMAN_DATA_DIR "data"
#endif
#ifndef DRAGOMAN_GAZETTEER_FILE
#define DRAGOMAN_GAZETTEER_FILE "gen/cities.tsv"
#endif

namespace dragoman {

const std::string& Status::message() const {
  static const std::string* empty = new std::string;
  return rep_ ? rep_->message : *empty;
}

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kNegated: return "negated";
    case Modality::kPlanned: return "planned";
    case Modality::kThreatened: return "threatened";
    case Modality::kPossible: return "possible";
  }
  return "asserted";
}

void Record::Clear() {
  id.clear();
  date.clear();
  sentences.clear();
  events.clear();
  entities.clear();
  pronouns.clear();
  quotes.clear();
  counts.clear();
  dates.clear();
  replaced_bytes = 0;
}

struct WorkspaceImpl {
  std::unique_ptr<Segmenter> segmenter;
  DocState doc;
};

Workspace::Workspace() : impl_(std::make_unique<WorkspaceImpl>()) {}
Workspace::~Workspace() = default;

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DRAGOMAN_DATA")) return env;
  return DRAGOMAN_DATA_DIR;
}

std::string DefaultGazetteerPath() {
  if (const char* env = std::getenv("DRAGOMAN_GAZETTEER")) return env;
  return DRAGOMAN_GAZETTEER_FILE;
}

Engine::Engine(std::unique_ptr<Model> model, EngineOptions options)
    : model_(std::move(model)), options_(std::move(options)) {}
Engine::~Engine() = default;

namespace {

std::string WordNetDir() {
  const char* env = std::getenv("DRAGOMAN_WORDNET");
  return env ? env : "/usr/share/wordnet";
}

// Reads and compiles every dictionary the options name.
Result<std::unique_ptr<Model>> CompileModel(const EngineOptions& options, const std::string& data_dir,
                                            std::vector<std::string>* warnings) {
  std::vector<Entry> entries;
  if (options.use_default_dict) DM_RETURN_IF_ERROR(ReadDictionary(data_dir, &entries, warnings));
  for (const DictionarySource& src : options.dictionaries) {
    if (src.format == "dragoman") {
      DM_RETURN_IF_ERROR(ReadDictionary(src.path, &entries, warnings));
    } else {
      // The field's formats (TABARI, PETRARCH) through their importers.
      DM_RETURN_IF_ERROR(ImportDictionary(src.format, src.path, &entries, warnings));
    }
  }
  // Kinds the coder does not use yet (discards, issues) are read and set aside.
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [](const Entry& e) { return e.kind == "discard" || e.kind == "issue"; }),
                entries.end());
  // Kinds that others refer to load first: codes, classes, irregular verbs, countries.
  auto rank = [](const std::string& k) {
    if (k == "code" || k == "class" || k == "irregular") return 0;
    if (k == "country") return 1;
    return 2;
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const Entry& a, const Entry& b) { return rank(a.kind) < rank(b.kind); });
  ModelBuilder builder;
  builder.Add(entries, warnings);
  // English verbs from WordNet (Debian's wordnet-base), for the analysis.
  std::string wordnet = WordNetDir();
  if (Status s = builder.AddWordNet(wordnet); !s.ok()) {
    warnings->push_back(s.message() + " (install wordnet-base; verbs without patterns will be missed)");
  }
  // GeoNames cities, with the project's own dictionaries. An absent file is
  // not an error (`dragoman dict stats` says so): the places of data/ remain.
  if (options.use_default_dict && options.use_gazetteer) {
    std::string path = options.gazetteer.empty() ? DefaultGazetteerPath() : options.gazetteer;
    std::vector<GazetteerCity> cities;
    WordNetNames names;
    size_t bad = 0;
    Status s = ReadGazetteer(path, &cities, &bad);
    // Without WordNet, English words cannot be told from town names: no cities.
    if (s.ok()) s = ReadWordNetNames(wordnet, &names);
    if (s.ok()) {
      if (bad) warnings->push_back(path + ": " + std::to_string(bad) + " malformed lines skipped");
      builder.AddGazetteer(path, std::move(cities), std::move(names), IsClosedClassWord);
    } else {
      builder.NoteGazetteer(path, s.message());
    }
  }
  return builder.Build(warnings);
}

// The key of the compiled model: the content of every source, the options
// that change compilation, and the program (a rebuilt binary may compile
// differently; the cache format version is part of the file).
CacheKey ModelKey(const EngineOptions& options, const std::string& data_dir) {
  CacheKey key;
  std::error_code ec;
  auto exe = std::filesystem::path("/proc/self/exe");
  key.AddOption("program-size", std::to_string(std::filesystem::file_size(exe, ec)));
  key.AddOption("program-time",
                std::to_string(std::filesystem::last_write_time(exe, ec).time_since_epoch().count()));
  key.AddOption("default-dict", options.use_default_dict ? "1" : "0");
  if (options.use_default_dict) key.AddPath(data_dir);
  for (const DictionarySource& src : options.dictionaries) {
    key.AddOption("dict", src.format);
    key.AddPath(src.path);
  }
  const std::string wordnet = WordNetDir();
  for (const char* f : {"index.verb", "index.noun", "verb.exc"}) key.AddPath(wordnet + "/" + f);
  if (options.use_default_dict && options.use_gazetteer) {
    key.AddPath(options.gazetteer.empty() ? DefaultGazetteerPath() : options.gazetteer);
    for (const char* f : {"data.noun", "data.verb", "data.adj", "data.adv"}) key.AddPath(wordnet + "/" + f);
  }
  return key;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Load(const EngineOptions& options) {
  std::vector<std::string> local_warnings;
  std::vector<std::string>* warnings = options.warnings ? options.warnings : &local_warnings;
  std::string data_dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  if (options.use_default_dict && !std::filesystem::is_directory(data_dir)) {
    return Status::NotFound(data_dir + ": data directory not found (set DRAGOMAN_DATA)");
  }
  // A model compiled before from the same sources, when there is one.
  std::string cache_dir = options.use_cache ? DefaultCacheDir() : "";
  if (!cache_dir.empty() && !options.cache_dir.empty()) cache_dir = options.cache_dir;
  uint64_t key = 0;
  std::string cache_path;
  if (!cache_dir.empty()) {
    key = ModelKey(options, data_dir).Digest();
    cache_path = CachePath(cache_dir, key);
    auto cached = LoadCachedModel(cache_path, key, warnings);
    if (cached.ok()) {
      std::unique_ptr<Engine> engine(new Engine(std::move(cached).value(), options));
      engine->from_cache_ = true;
      return engine;
    }
  }
  const size_t first_warning = warnings->size();
  auto model = CompileModel(options, data_dir, warnings);
  if (!model.ok()) return model.status();
  if (!cache_path.empty()) {
    // Best effort: a read-only or full disk only costs the next start-up.
    std::vector<std::string> mine(warnings->begin() + static_cast<std::ptrdiff_t>(first_warning), warnings->end());
    (void)SaveCachedModel(*model.value(), mine, key, cache_path);
  }
  return std::unique_ptr<Engine>(new Engine(std::move(model).value(), options));
}

void Engine::Code(const Document& d, Workspace* ws, Record* rec) const {
  rec->Clear();
  rec->id = d.id;
  rec->date = d.date;
  rec->replaced_bytes = d.replaced_bytes;
  WorkspaceImpl& w = *ws->impl();
  if (!w.segmenter) w.segmenter = std::make_unique<Segmenter>(&model_->tokenizer());
  DocState& doc = w.doc;
  doc.text = d.text;
  doc.date = d.date;
  doc.context_country.clear();
  // Stage timing, only when asked for: a clock read per stage per document.
  Workspace::StageSeconds* times = options_.profile ? ws->mutable_stage_seconds() : nullptr;
  auto clock = std::chrono::steady_clock::now();
  auto lap = [&](double* slot) {
    if (!times) return;
    auto now = std::chrono::steady_clock::now();
    *slot += std::chrono::duration<double>(now - clock).count();
    clock = now;
  };
  w.segmenter->Segment(d.text, &doc.sentences, &doc.tokens);
  if (times) lap(&times->segment);
  if (doc.analyses.size() < doc.sentences.size()) doc.analyses.resize(doc.sentences.size());
  // TABARI (sparse_verbs) keeps a name's own code, and reads its names' gaps.
  Analyzer analyzer(model_.get(), !options_.sparse_verbs, options_.sparse_verbs, options_.peer_petrarch);
  // Pass 1: analyse every sentence; the document's main country is the one
  // its names and places point to most often.
  std::unordered_map<std::string, int> votes;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const SentenceTokens& st = doc.sentences[s];
    SentenceAnalysis& a = doc.analyses[s];
    a.first = st.first;
    analyzer.Analyze(&doc.tokens[st.first], st.count, d.date, &a);
    for (const Mention& m : a.names) {
      if (m.place >= 0) votes[model_->places()[m.place].country] += 2;
      else if (m.country >= 0) votes[model_->countries()[m.country].code] += 1;
    }
    rec->sentences.push_back(st.span);
  }
  int best = 0;
  for (const auto& [code, v] : votes) {
    if (v > best || (v == best && code < doc.context_country)) { best = v; doc.context_country = code; }
  }
  if (!doc.context_country.empty()) {
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      // Same-named places: the one in the country the document is about.
      for (auto* list : {&doc.analyses[s].names, &doc.analyses[s].mentions}) {
        for (Mention& m : *list) {
          if (m.place < 0 || m.kind != PhraseKind::kPlace) continue;
          uint32_t best = model_->BestPlace(static_cast<uint32_t>(m.place), doc.context_country);
          m.place = static_cast<int>(best);
          m.code = model_->places()[best].country;
        }
      }
      for (Mention& m : doc.analyses[s].mentions) {
        // State roles belong to the country the article is about; people do not.
        if (m.kind == PhraseKind::kAgent && m.code.size() == 3 && m.agent >= 0 && IsStateRole(m.code)) {
          m.code = doc.context_country + m.code;
        }
      }
    }
  }
  if (std::getenv("DRAGOMAN_DEBUG")) {
    // A look at the shallow parse, for developers: token/POS, [mentions], <verb groups>.
    static const char* const kPos[] = {"X", "DET", "PREP", "PRON", "AUX", "MOD", "NEG", "CONJ", "SUB", "REL", "TO",
                                       "POSS", "VERB", "NOUN", "PROPN", "ADJ", "ADV", "NUM", "PUNCT", "QUOTE"};
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const SentenceAnalysis& a = doc.analyses[s];
      const Token* t = &doc.tokens[doc.sentences[s].first];
      std::string line;
      for (uint32_t i = 0; i < a.count; ++i) {
        line += std::string(t[i].text) + "/" + kPos[static_cast<int>(a.info[i].pos)];
        if (a.mention_at[i] >= 0 && a.mentions[a.mention_at[i]].last == i) line += "[" + a.mentions[a.mention_at[i]].code + "]";
        line += " ";
      }
      std::fprintf(stderr, "S%zu: %s\n", s, line.c_str());
      for (const VerbGroup& g : a.verbs) {
        std::fprintf(stderr, "   <%s%s mod=%s subj=%s inherit=%d rel=%d obj=%u..%u>\n", g.lemma.c_str(),
                     g.passive ? " passive" : "", ModalityName(g.modality),
                     g.has_subject ? std::string(doc.Slice(a.first + g.subj_first, a.first + g.subj_last)).c_str() : "-",
                     g.inherit_subject_from, g.relative, g.obj_first, g.obj_end);
      }
    }
  }
  if (times) lap(&times->analyze);
  ExtractEntities(*model_, &doc, rec);
  ExtractDates(&doc, rec);
  if (times) lap(&times->extract);
  Coder::Options co;
  co.keep_modal = options_.keep_modal_events;
  co.reciprocal_pairs = options_.reciprocal_pairs;
  co.peer_targets = options_.peer_targets;
  co.sparse_verbs = options_.sparse_verbs;
  co.before_in_subject = options_.peer_words_before_in_subject;
  co.petrarch = options_.peer_petrarch;
  co.code_all = options_.code_all;
  co.complex_verbs = options_.complex_verbs;
  co.new_actor_length = options_.peer_new_actor_length;
  Coder(model_.get(), co).Code(doc, rec);
  if (times) lap(&times->code);
  if (!options_.events_only) {
    ExtractQuotes(*model_, doc, rec);
    ExtractCounts(*model_, doc, rec);
  }
  if (times) lap(&times->extract);
  // Views into d.text end here.
  doc.text = {};
}

}  // namespace dragoman
