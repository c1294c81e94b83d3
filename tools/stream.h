// The coding loop shared by `dragoman code`, `bench` and `ingest`: documents
// are read in batches, each batch is coded on `jobs` threads (each with its
// own workspace) and handed on in input order, so memory stays bounded by the
// batch size and the output is the same for any number of threads.
#ifndef DRAGOMAN_TOOLS_STREAM_H_
#define DRAGOMAN_TOOLS_STREAM_H_

#include <functional>
#include <string>
#include <vector>

#include "dragoman/engine.h"
#include "ingest/reader.h"

namespace dragoman_cli {

struct Slot {
  dragoman::Document doc;
  dragoman::Record rec;
  std::string out;      // the record as JSON (or the pretty report)
  std::string hash;     // for `ingest`: the content hash
  bool code = true;     // false: the document needs no coding (already stored)
};

struct StreamOptions {
  int jobs = 1;
  size_t batch_size = 1;
  bool pretty = false;
  bool progress = false;      // documents/s and ETA on the terminal
  double total_bytes = 0;     // input size, for the ETA (0: unknown)
  bool time_writes = false;   // measure the writer's time per thread
};

struct StreamResult {
  long docs = 0, coded = 0, problems = 0, replaced = 0, sentences = 0;
  double bytes = 0, seconds = 0;
  std::vector<double> write_seconds;  // per thread
  std::vector<dragoman::Workspace::StageSeconds> stages;  // per thread
  int exit_code = 0;
};

// `prepare` (may be empty) runs on each document as it is read and sets
// Slot::code; `sink` receives each coded batch (slots [0, n)) and returns
// false to stop. Read problems are printed on stderr and counted.
StreamResult CodeStream(dragoman::DocumentReader* reader, const dragoman::Engine& engine,
                        const StreamOptions& options, const std::function<void(Slot*)>& prepare,
                        const std::function<bool(std::vector<Slot>&, size_t n)>& sink);

// Reader options from the command line's --input, --date and --strict;
// false (with a message on stderr) when the date is not YYYY-MM-DD.
bool ReaderOptionsFrom(const std::string& format, const std::string& date, bool strict,
                       dragoman::ReaderOptions* out);

// Total size in bytes of the named files ("-" counts 0).
double InputBytes(const std::vector<std::string>& paths);

}  // namespace dragoman_cli

#endif  // DRAGOMAN_TOOLS_STREAM_H_
