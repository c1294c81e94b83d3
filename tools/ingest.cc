// `dragoman ingest`: codes documents into the SQLite event store.
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "commands.h"
#include "ingest/reader.h"
#include "store/store.h"
#include "stream.h"

namespace dragoman_cli {

int RunIngest(const IngestArgs& args) {
  dragoman::ReaderOptions ro;
  if (!ReaderOptionsFrom(args.input_format, args.date, args.strict, &ro)) return 2;
  auto store = dragoman::Store::Open(args.db, dragoman::Store::Mode::kReadWrite);
  if (!store.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", store.status().message().c_str());
    return 2;
  }
  std::unique_ptr<dragoman::Engine> engine;
  dragoman::Status st = LoadEngine(args.dicts, args.no_default_dict, "", false, &engine);
  if (!st.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", st.message().c_str());
    return 2;
  }
  dragoman::DocumentReader reader(args.inputs, ro);

  StreamOptions so;
  so.jobs = std::max(1, args.jobs);
  so.batch_size = static_cast<size_t>(std::max(1, args.batch));
  so.progress = !args.quiet && isatty(fileno(stderr));
  so.total_bytes = InputBytes(args.inputs);
  dragoman::Store* db = store.value().get();
  // The reader thread asks whether a document is stored already on its own
  // connection: the writer thread owns the other.
  auto lookup = dragoman::Store::Open(args.db, dragoman::Store::Mode::kReadOnly);
  if (!lookup.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", lookup.status().message().c_str());
    return 2;
  }
  long unchanged = 0, events = 0;
  dragoman::Status failure;
  auto prepare = [&](Slot* slot) {
    slot->hash = dragoman::ContentHash(slot->doc);
    auto has = lookup.value()->Has(slot->doc.id, slot->hash);
    slot->code = !has.ok() || !has.value();
    if (!slot->code) ++unchanged;
  };
  // One transaction per batch: a killed run loses at most the batch in
  // flight, and the documents before it are not coded again on a re-run.
  // A writer thread stores batch k while the coders work on batch k + 1.
  std::vector<Slot> writing;
  size_t writing_n = 0;
  std::thread writer;
  auto store_batch = [&] {
    failure = db->Begin();
    for (size_t i = 0; i < writing_n && failure.ok(); ++i) {
      if (!writing[i].code) continue;
      failure = db->Put(writing[i].doc, writing[i].hash, writing[i].rec, writing[i].out);
      events += static_cast<long>(writing[i].rec.events.size());
    }
    if (failure.ok()) failure = db->Commit();
  };
  auto sink = [&](std::vector<Slot>& batch, size_t n) {
    if (writer.joinable()) writer.join();
    if (!failure.ok()) return false;
    if (writing.size() < batch.size()) writing.resize(batch.size());
    for (size_t i = 0; i < n; ++i) std::swap(writing[i], batch[i]);
    writing_n = n;
    writer = std::thread(store_batch);
    return true;
  };
  StreamResult r = CodeStream(&reader, *engine, so, prepare, sink);
  if (writer.joinable()) writer.join();
  if (!failure.ok()) {
    std::fprintf(stderr, "dragoman: %s (the batch in progress was not stored; earlier ones were)\n",
                 failure.message().c_str());
    return 2;
  }
  if (!args.quiet) {
    std::fprintf(stderr, "dragoman: %s: %ld documents read, %ld coded and stored (%ld events), %ld unchanged, "
                 "in %.2f s (%.0f documents/s)\n",
                 args.db.c_str(), r.docs, r.coded, events, unchanged, r.seconds,
                 r.seconds > 0 ? r.coded / r.seconds : 0.0);
  }
  if (r.replaced) std::fprintf(stderr, "dragoman: replaced %ld invalid UTF-8 sequences with U+FFFD\n", r.replaced);
  return r.exit_code;
}

}  // namespace dragoman_cli
