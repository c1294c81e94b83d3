// The dragoman command: `dragoman code` codes news into events, entities,
// quotations and counts; `dragoman dict stats` describes the dictionaries.
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "dragoman/engine.h"
#include "import/validate.h"
#include "ingest/reader.h"
#include "lexicon/check.h"
#include "lexicon/dictionary.h"
#include "lexicon/model.h"
#include "commands.h"
#include "stream.h"
#include "write/writer.h"

namespace {

using dragoman::Status;

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string input_format = "auto";
  std::string date;
  std::string format = "jsonl";
  std::vector<std::string> dicts;
  std::string data_dir;
  bool no_default_dict = false;
  bool strict = false;
  bool keep_modal = false;
  bool reciprocal = false;
  bool quiet = false;
  int jobs = 1;
  bool bench = false;        // `dragoman bench`: measure, discard the output
  bool events_only = false;
};

}  // namespace

namespace dragoman_cli {

Status LoadEngine(const std::vector<std::string>& dicts, bool no_default, const std::string& data_dir,
                  bool keep_modal, std::unique_ptr<dragoman::Engine>* engine, bool reciprocal,
                  dragoman::EngineOptions opt) {
  opt.use_default_dict = !no_default;
  opt.data_dir = data_dir;
  opt.keep_modal_events = keep_modal;
  opt.reciprocal_pairs = reciprocal;
  std::vector<std::string> warnings;
  opt.warnings = &warnings;
  for (const std::string& d : dicts) {
    size_t colon = d.find(':');
    if (colon == std::string::npos) return Status::InvalidArgument("--dict wants FORMAT:PATH, got '" + d + "'");
    opt.dictionaries.push_back({d.substr(0, colon), d.substr(colon + 1)});
  }
  auto e = dragoman::Engine::Load(opt);
  for (const auto& w : warnings) std::fprintf(stderr, "dragoman: warning: %s\n", w.c_str());
  if (!e.ok()) return e.status();
  *engine = std::move(e).value();
  return Status::Ok();
}

long PeakRssKb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

}  // namespace dragoman_cli

namespace {

using dragoman_cli::LoadEngine;
using dragoman_cli::PeakRssKb;

int RunCode(const CodeArgs& args) {
  std::unique_ptr<dragoman::Engine> engine;
  dragoman::EngineOptions base;
  base.profile = args.bench;
  base.events_only = args.events_only;
  auto load_start = std::chrono::steady_clock::now();
  Status st = LoadEngine(args.dicts, args.no_default_dict, args.data_dir, args.keep_modal, &engine, args.reciprocal, base);
  const double startup = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  if (!st.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", st.message().c_str());
    return 2;
  }
  dragoman::ReaderOptions ro;
  if (!dragoman_cli::ReaderOptionsFrom(args.input_format, args.date, args.strict, &ro)) return 2;
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  dragoman::DocumentReader reader(inputs, ro);
  FILE* out = stdout;
  std::string output = args.output;
  if (args.bench && output == "-") output = "/dev/null";
  if (output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "dragoman: %s: cannot write\n", args.output.c_str());
      return 2;
    }
  }
  const bool progress = !args.quiet && isatty(fileno(stderr)) && (out != stdout || !isatty(fileno(stdout)));
  dragoman_cli::StreamOptions so;
  so.jobs = std::max(1, args.jobs);
  so.batch_size = so.jobs == 1 ? 1 : 64 * static_cast<size_t>(so.jobs);
  so.pretty = args.format == "pretty";
  so.progress = progress;
  so.total_bytes = dragoman_cli::InputBytes(inputs);
  so.time_writes = args.bench;
  auto r = dragoman_cli::CodeStream(&reader, *engine, so, nullptr, [&](std::vector<dragoman_cli::Slot>& batch, size_t n) {
    for (size_t i = 0; i < n; ++i) std::fwrite(batch[i].out.data(), 1, batch[i].out.size(), out);
    return true;
  });
  const int jobs = so.jobs;
  long docs = r.docs, replaced = r.replaced, sentences = r.sentences;
  double bytes = r.bytes;
  int exit_code = r.exit_code;
  std::fflush(out);
  if (args.bench) {
    const double secs = r.seconds;
    dragoman::Workspace::StageSeconds sum;
    double write = 0;
    for (size_t w = 0; w < r.stages.size(); ++w) {
      const auto& s = r.stages[w];
      sum.segment += s.segment;
      sum.analyze += s.analyze;
      sum.extract += s.extract;
      sum.code += s.code;
      write += r.write_seconds[w];
    }
    double cpu = sum.segment + sum.analyze + sum.extract + sum.code + write;
    auto pct = [&](double v) { return cpu > 0 ? 100.0 * v / cpu : 0.0; };
    std::printf("documents        %ld\n", docs);
    std::printf("sentences        %ld\n", sentences);
    std::printf("text             %.1f MB\n", bytes / 1e6);
    std::printf("threads          %d\n", jobs);
    std::printf("start-up         %.3f s (%s)\n", startup,
                engine->loaded_from_cache() ? "compiled model read from the cache" : "dictionaries loaded and compiled");
    std::printf("coding           %.3f s\n", secs);
    std::printf("documents/s      %.0f\n", secs > 0 ? docs / secs : 0.0);
    std::printf("sentences/s      %.0f\n", secs > 0 ? sentences / secs : 0.0);
    std::printf("MB/s             %.2f\n", secs > 0 ? bytes / 1e6 / secs : 0.0);
    std::printf("peak RSS         %.1f MB\n", PeakRssKb() / 1024.0);
    std::printf("stages (thread-seconds): segment %.3f (%.0f%%), analyze %.3f (%.0f%%), extract %.3f (%.0f%%), "
                "code %.3f (%.0f%%), write %.3f (%.0f%%)\n",
                sum.segment, pct(sum.segment), sum.analyze, pct(sum.analyze), sum.extract, pct(sum.extract), sum.code,
                pct(sum.code), write, pct(write));
  }
  if (replaced) std::fprintf(stderr, "dragoman: replaced %ld invalid UTF-8 sequences with U+FFFD\n", replaced);
  if (out != stdout && std::fclose(out) != 0) {
    std::fprintf(stderr, "dragoman: %s: write failed\n", args.output.c_str());
    return 2;
  }
  return exit_code;
}

int RunDictStats(const std::vector<std::string>& dicts, bool no_default, const std::string& data_dir) {
  std::unique_ptr<dragoman::Engine> engine;
  Status st = LoadEngine(dicts, no_default, data_dir, false, &engine);
  if (!st.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", st.message().c_str());
    return 2;
  }
  const dragoman::Model& m = engine->model();
  size_t dated = 0;
  for (const auto& p : m.persons()) {
    for (const auto& r : p.roles) if (r.dated) { ++dated; break; }
  }
  std::printf("countries          %zu\n", m.countries().size());
  std::printf("organisations      %zu\n", m.orgs().size());
  std::printf("people             %zu (%zu with dated roles)\n", m.persons().size(), dated);
  std::printf("agents             %zu\n", m.agents().size());
  std::printf("places             %zu\n", m.places().size());
  if (const dragoman::GazetteerInfo* g = m.gazetteer()) {
    if (g->problem.empty()) {
      std::printf("  GeoNames cities  %zu of %zu (%zu names) from %s\n", g->kept, g->read, g->names, g->path.c_str());
    } else {
      std::fprintf(stderr, "dragoman: warning: no GeoNames cities: %s (run npm ci && node scripts/cities.mjs)\n",
                   g->problem.c_str());
    }
  }
  std::printf("CAMEO codes        %zu\n", m.cameo().size());
  std::printf("patterns           %zu\n", m.pattern_count());
  for (const auto& [root, n] : m.patterns_per_root()) {
    const dragoman::CameoCode* c = m.Cameo(root);
    std::printf("  root %s  %5zu  %s\n", root.c_str(), n, c ? c->name.c_str() : "");
  }
  return 0;
}

int RunDictCheck(const std::vector<std::string>& dicts, bool no_default, const std::string& data_dir) {
  std::vector<dragoman::Entry> entries;
  std::vector<std::string> warnings;
  if (!no_default) {
    Status st = dragoman::ReadDictionary(data_dir.empty() ? dragoman::DefaultDataDir() : data_dir, &entries, &warnings);
    if (!st.ok()) {
      std::fprintf(stderr, "dragoman: %s\n", st.message().c_str());
      return 2;
    }
  }
  for (const std::string& d : dicts) {
    size_t colon = d.find(':');
    if (colon == std::string::npos || d.substr(0, colon) != "dragoman") {
      std::fprintf(stderr, "dragoman: dict check reads the project's format: --dict dragoman:PATH\n");
      return 2;
    }
    Status st = dragoman::ReadDictionary(d.substr(colon + 1), &entries, &warnings);
    if (!st.ok()) {
      std::fprintf(stderr, "dragoman: %s\n", st.message().c_str());
      return 2;
    }
  }
  for (const auto& w : warnings) std::printf("%s\n", w.c_str());
  dragoman::Tokenizer tokenizer;
  auto problems = dragoman::CheckDictionaries(entries, tokenizer);
  for (const auto& p : problems) std::printf("%s: %s\n", p.where.c_str(), p.what.c_str());
  std::printf("%zu entries, %zu problems\n", entries.size(), problems.size() + warnings.size());
  return problems.empty() && warnings.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dragoman: reads news and writes down who did what to whom, when and where"};
  app.require_subcommand(1);
  CodeArgs ca;
  auto* code = app.add_subcommand("code", "code documents into events, entities, quotations and counts (JSONL)");
  code->add_option("inputs", ca.inputs, "text or .jsonl files; - for standard input");
  code->add_option("-o,--output", ca.output, "output file (default: standard output)");
  code->add_option("--input", ca.input_format, "input format: auto, text or jsonl")->check(CLI::IsMember({"auto", "text", "jsonl"}));
  code->add_option("--date", ca.date, "document date for plain text (YYYY-MM-DD)");
  code->add_option("--format", ca.format, "output: jsonl (the contract) or pretty (for a person)")->check(CLI::IsMember({"jsonl", "pretty"}));
  code->add_option("--dict", ca.dicts,
                   "extra dictionary FORMAT:PATH (repeatable; FORMAT: dragoman, tabari-actors, tabari-verbs, "
                   "tabari-agents, tabari-options, petrarch-verbs, petrarch-actors, petrarch-agents, "
                   "petrarch-discards, petrarch-issues)")
      ->allow_extra_args(false);
  code->add_flag("--no-default-dict", ca.no_default_dict, "do not load the project's data/ dictionaries");
  code->add_option("--data", ca.data_dir, "the data/ directory (default: built in, or $DRAGOMAN_DATA)");
  code->add_flag("--strict", ca.strict, "stop at invalid UTF-8 or a malformed input line");
  code->add_flag("--keep-modal", ca.keep_modal, "also write negated, planned, threatened and possible events");
  code->add_flag("--reciprocal-pairs", ca.reciprocal, "\"A and B met\" gives A->B and B->A (TABARI/PETRARCH convention)");
  code->add_flag("-q,--quiet", ca.quiet, "no progress on the terminal");
  code->add_option("-j,--jobs", ca.jobs, "threads coding documents in parallel (output stays in input order)")->check(CLI::Range(1, 256));

  auto* dict = app.add_subcommand("dict", "dictionary tools");
  dict->require_subcommand(1);
  std::vector<std::string> ddicts;
  bool dno = false;
  std::string ddata;
  auto* stats = dict->add_subcommand("stats", "counts per kind of entry");
  stats->add_option("--dict", ddicts, "extra dictionary FORMAT:PATH")->allow_extra_args(false);
  stats->add_flag("--no-default-dict", dno, "do not load the project's data/");
  stats->add_option("--data", ddata, "the data/ directory");

  auto* check = dict->add_subcommand("check", "duplicates, conflicting codes, overlapping dates, dead patterns, CAMEO codes without a pattern");
  check->add_option("--dict", ddicts, "extra dictionary dragoman:PATH")->allow_extra_args(false);
  check->add_flag("--no-default-dict", dno, "do not load the project's data/");
  check->add_option("--data", ddata, "the data/ directory");

  CodeArgs ba;
  ba.bench = true;
  ba.quiet = true;
  auto* bench = app.add_subcommand("bench", "code documents, discard the output, print speed, memory and time per stage");
  bench->add_option("inputs", ba.inputs, "text or .jsonl files")->required();
  bench->add_option("--input", ba.input_format, "input format: auto, text or jsonl")->check(CLI::IsMember({"auto", "text", "jsonl"}));
  bench->add_option("--dict", ba.dicts, "extra dictionary FORMAT:PATH (repeatable)")->allow_extra_args(false);
  bench->add_flag("--no-default-dict", ba.no_default_dict, "do not load the project's data/ dictionaries");
  bench->add_option("-j,--jobs", ba.jobs, "threads")->check(CLI::Range(1, 256));
  bench->add_flag("--events-only", ba.events_only, "events (and the entities and dates they need) only");
  bench->add_option("-o,--output", ba.output, "keep the output in this file (default: discarded)");

  std::string vpath;
  auto* validate = app.add_subcommand("validate", "run a TABARI .project or PETRARCH records XML validation suite");
  validate->add_option("path", vpath, "Validate.project, PETR.UnitTest.records.xml or PETR_Validate_records_2_02.xml")->required();

  dragoman_cli::IngestArgs ia;
  auto* ingest = app.add_subcommand("ingest", "code documents into a SQLite event store (see docs/api.md)");
  ingest->add_option("inputs", ia.inputs, "text or .jsonl files; - for standard input")->required();
  ingest->add_option("--db", ia.db, "the database file (created when missing)")->required();
  ingest->add_option("--input", ia.input_format, "input format: auto, text or jsonl")->check(CLI::IsMember({"auto", "text", "jsonl"}));
  ingest->add_option("--date", ia.date, "document date for plain text (YYYY-MM-DD)");
  ingest->add_option("--dict", ia.dicts, "extra dictionary FORMAT:PATH (repeatable)")->allow_extra_args(false);
  ingest->add_flag("--no-default-dict", ia.no_default_dict, "do not load the project's data/ dictionaries");
  ingest->add_flag("--strict", ia.strict, "stop at invalid UTF-8 or a malformed input line");
  ingest->add_flag("-q,--quiet", ia.quiet, "no progress or summary");
  ingest->add_option("-j,--jobs", ia.jobs, "threads coding documents in parallel")->check(CLI::Range(1, 256));
  ingest->add_option("--batch", ia.batch, "documents per transaction (a killed run loses at most one batch)")
      ->check(CLI::Range(1, 1000000));

  dragoman_cli::ServeArgs sa;
  auto* serve = app.add_subcommand("serve", "HTTP API and workbench over an event store (see docs/api.md)");
  serve->add_option("--db", sa.db, "the database made by `dragoman ingest`")->required();
  serve->add_option("--host", sa.host, "address to bind (default 127.0.0.1)");
  serve->add_option("--port", sa.port, "port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  serve->add_option("--web", sa.web_dir, "the built workbench directory (default: web/dist of the source tree)");
  serve->add_option("--dict", sa.dicts, "extra dictionary FORMAT:PATH for POST /api/code")->allow_extra_args(false);
  serve->add_flag("--no-default-dict", sa.no_default_dict, "do not load the project's data/ dictionaries");

  CLI11_PARSE(app, argc, argv);
  if (ingest->parsed()) return dragoman_cli::RunIngest(ia);
  if (serve->parsed()) return dragoman_cli::RunServe(sa);
  if (validate->parsed()) return dragoman::RunValidate(vpath, stdout);
  if (bench->parsed()) return RunCode(ba);
  if (check->parsed()) return RunDictCheck(ddicts, dno, ddata);
  if (code->parsed()) return RunCode(ca);
  if (stats->parsed()) return RunDictStats(ddicts, dno, ddata);
  return 0;
}
