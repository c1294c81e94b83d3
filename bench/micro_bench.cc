// Micro-benchmarks of the pipeline stages over examples/article.txt.
// Every benchmark reports bytes/s (article bytes) and, where it has a
// natural unit, items/s (tokens or sentences).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DDM_BUILD_BENCH=ON
//   cmake --build build-bench --target dragoman_bench && build-bench/dragoman_bench
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "analyze/analysis.h"
#include "dragoman/document.h"
#include "dragoman/engine.h"
#include "dragoman/record.h"
#include "lexicon/model.h"
#include "read_file.h"
#include "segment/segmenter.h"
#include "segment/token.h"
#include "segment/tokenizer.h"
#include "write/writer.h"

namespace {

using namespace dragoman;

std::string ReadFileOrDie(const std::string& path) {
  std::string s = dragoman::testing_util::ReadFile(path);
  if (s.empty()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(1);
  }
  return s;
}

const std::string& Article() {
  static const std::string text = ReadFileOrDie(std::string(DM_SOURCE_DIR) + "/examples/article.txt");
  return text;
}

const Document& ArticleDoc() {
  static const Document doc{"article", "2027-03-11", Article(), 0};
  return doc;
}

// One engine over the project's data/, built once and shared.
const Engine& TheEngine() {
  static const Engine* engine = [] {
    EngineOptions opt;
    opt.data_dir = std::string(DM_SOURCE_DIR) + "/data";
    auto e = Engine::Load(opt);
    if (!e.ok()) {
      std::fprintf(stderr, "Engine::Load failed: %s\n", e.status().message().c_str());
      std::exit(1);
    }
    return std::move(e).value().release();
  }();
  return *engine;
}

// The article segmented once (tokens point into Article()).
struct Segmented {
  std::vector<SentenceTokens> sentences;
  std::vector<Token> tokens;
};

const Segmented& ArticleSegmented() {
  static const Segmented* seg = [] {
    auto* s = new Segmented;
    Segmenter segmenter(&TheEngine().model().tokenizer());
    segmenter.Segment(Article(), &s->sentences, &s->tokens);
    return s;
  }();
  return *seg;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = Article();
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    tokenizer.Tokenize(text, 0, static_cast<uint32_t>(text.size()), &tokens);
    benchmark::DoNotOptimize(tokens.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(tokens.size()));
  state.counters["tokens"] = static_cast<double>(tokens.size());
}
BENCHMARK(BM_Tokenize);

void BM_Segment(benchmark::State& state) {
  const std::string& text = Article();
  Tokenizer tokenizer;
  Segmenter segmenter(&tokenizer);
  std::vector<SentenceTokens> sentences;
  std::vector<Token> tokens;
  for (auto _ : state) {
    segmenter.Segment(text, &sentences, &tokens);
    benchmark::DoNotOptimize(sentences.data());
    benchmark::DoNotOptimize(tokens.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(sentences.size()));
  state.counters["sentences"] = static_cast<double>(sentences.size());
}
BENCHMARK(BM_Segment);

// The phrase index lookup the analysis does for every token.
void BM_DictionaryMatch(benchmark::State& state) {
  const Model& model = TheEngine().model();
  const Segmented& seg = ArticleSegmented();
  int64_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const Token& t : seg.tokens) {
      const std::vector<uint32_t>* p = model.PhrasesStartingWith(t.lower);
      benchmark::DoNotOptimize(p);
      if (p != nullptr) hits += static_cast<int64_t>(p->size());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(Article().size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(seg.tokens.size()));
  state.counters["candidates"] = static_cast<double>(hits);
}
BENCHMARK(BM_DictionaryMatch);

void BM_Analyze(benchmark::State& state) {
  const Model& model = TheEngine().model();
  const Segmented& seg = ArticleSegmented();
  const std::string date = ArticleDoc().date;
  Analyzer analyzer(&model);
  std::vector<SentenceAnalysis> analyses(seg.sentences.size());
  for (auto _ : state) {
    for (size_t s = 0; s < seg.sentences.size(); ++s) {
      const SentenceTokens& st = seg.sentences[s];
      analyses[s].first = st.first;
      analyzer.Analyze(&seg.tokens[st.first], st.count, date, &analyses[s]);
      benchmark::DoNotOptimize(analyses[s].mentions.data());
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(Article().size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(seg.sentences.size()));
}
BENCHMARK(BM_Analyze);

void BM_EngineCode(benchmark::State& state) {
  const Engine& engine = TheEngine();
  const Document& doc = ArticleDoc();
  Workspace ws;
  Record rec;
  for (auto _ : state) {
    engine.Code(doc, &ws, &rec);
    benchmark::DoNotOptimize(rec.events.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(rec.sentences.size()));
  state.counters["sentences"] = static_cast<double>(rec.sentences.size());
  state.counters["events"] = static_cast<double>(rec.events.size());
}
BENCHMARK(BM_EngineCode);

void BM_WriteJson(benchmark::State& state) {
  const Engine& engine = TheEngine();
  const Document& doc = ArticleDoc();
  Workspace ws;
  Record rec;
  engine.Code(doc, &ws, &rec);
  std::string out;
  size_t line_bytes = 0;
  for (auto _ : state) {
    out.clear();
    WriteJsonLine(doc, rec, &out);
    line_bytes = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  // Bytes are those of the JSON written; items are records.
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(line_bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["json_bytes"] = static_cast<double>(line_bytes);
}
BENCHMARK(BM_WriteJson);

}  // namespace

BENCHMARK_MAIN();
