#include "stream.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "write/writer.h"

namespace dragoman_cli {

bool ReaderOptionsFrom(const std::string& format, const std::string& date, bool strict,
                       dragoman::ReaderOptions* out) {
  if (!date.empty() && !dragoman::ValidIsoDate(date)) {
    std::fprintf(stderr, "dragoman: --date '%s' is not YYYY-MM-DD\n", date.c_str());
    return false;
  }
  out->date = date;
  out->strict = strict;
  out->format = format == "jsonl"  ? dragoman::ReaderOptions::Format::kJsonl
                : format == "text" ? dragoman::ReaderOptions::Format::kText
                                   : dragoman::ReaderOptions::Format::kAuto;
  return true;
}

double InputBytes(const std::vector<std::string>& paths) {
  double total = 0;
  for (const std::string& p : paths) {
    struct stat st;
    if (p != "-" && stat(p.c_str(), &st) == 0) total += static_cast<double>(st.st_size);
  }
  return total;
}

StreamResult CodeStream(dragoman::DocumentReader* reader, const dragoman::Engine& engine,
                        const StreamOptions& options, const std::function<void(Slot*)>& prepare,
                        const std::function<bool(std::vector<Slot>&, size_t n)>& sink) {
  using Clock = std::chrono::steady_clock;
  const int jobs = std::max(1, options.jobs);
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  std::vector<dragoman::Workspace> workspaces(static_cast<size_t>(jobs));
  std::vector<Slot> batch(batch_size);
  StreamResult r;
  r.write_seconds.assign(static_cast<size_t>(jobs), 0.0);
  auto code_one = [&](Slot* slot, int w) {
    engine.Code(slot->doc, &workspaces[static_cast<size_t>(w)], &slot->rec);
    auto w0 = Clock::now();
    slot->out.clear();
    if (options.pretty) dragoman::WritePretty(slot->doc, slot->rec, &slot->out);
    else dragoman::WriteJsonLine(slot->doc, slot->rec, &slot->out);
    if (options.time_writes)
      r.write_seconds[static_cast<size_t>(w)] += std::chrono::duration<double>(Clock::now() - w0).count();
  };
  const auto t0 = Clock::now();
  auto last = t0;
  bool done = false;
  // Reads up to batch_size documents into `into`; sets `done` at the end of
  // the input or at a fatal problem.
  auto read_batch = [&](std::vector<Slot>& into) {
    size_t n = 0;
    while (n < batch_size && !done) {
      dragoman::Status problem;
      bool skipped = true, fatal = false;
      Slot& slot = into[n];
      if (!reader->Next(&slot.doc, &problem, &skipped, &fatal)) { done = true; break; }
      if (!problem.ok()) {
        ++r.problems;
        std::fprintf(stderr, "dragoman: %s%s\n", problem.message().c_str(), skipped ? " (skipped)" : "");
        if (fatal) { r.exit_code = 1; done = true; break; }
      }
      if (skipped) continue;
      slot.code = true;
      slot.out.clear();
      if (prepare) prepare(&slot);
      ++n;
    }
    return n;
  };
  // With several threads the next batch is read while this one is coded.
  std::vector<Slot> ahead(jobs > 1 ? batch_size : 0);
  size_t n = read_batch(batch);
  while (n > 0) {
    std::vector<size_t> todo;
    for (size_t i = 0; i < n; ++i) {
      if (batch[i].code) todo.push_back(i);
    }
    size_t ahead_n = 0;
    if (jobs == 1) {
      for (size_t i : todo) code_one(&batch[i], 0);
    } else {
      std::vector<std::thread> threads;
      std::atomic<size_t> next{0};
      for (int w = 0; w < jobs; ++w) {
        threads.emplace_back([&, w] {
          for (size_t k = next++; k < todo.size(); k = next++) code_one(&batch[todo[k]], w);
        });
      }
      ahead_n = read_batch(ahead);
      for (auto& t : threads) t.join();
    }
    for (size_t i = 0; i < n; ++i) {
      r.replaced += batch[i].doc.replaced_bytes;
      r.bytes += static_cast<double>(batch[i].doc.text.size());
      if (batch[i].code) r.sentences += static_cast<long>(batch[i].rec.sentences.size());
    }
    r.docs += static_cast<long>(n);
    r.coded += static_cast<long>(todo.size());
    if (!sink(batch, n)) {
      r.exit_code = 2;
      break;
    }
    if (options.progress) {
      auto now = Clock::now();
      if (now - last > std::chrono::milliseconds(500)) {
        double secs = std::chrono::duration<double>(now - t0).count();
        std::fprintf(stderr, "\r%ld documents, %.0f documents/s", r.docs, r.docs / secs);
        if (options.total_bytes > 0 && r.bytes > 0 && r.bytes < options.total_bytes) {
          double eta = secs * (options.total_bytes - r.bytes) / r.bytes;
          std::fprintf(stderr, ", ETA %02d:%02d   ", static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
        }
        last = now;
      }
    }
    if (jobs == 1) {
      n = read_batch(batch);
    } else {
      std::swap(batch, ahead);
      n = ahead_n;
    }
  }
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  for (const auto& ws : workspaces) r.stages.push_back(ws.stage_seconds());
  if (options.progress) {
    std::fprintf(stderr, "\r%ld documents in %.2f s (%.0f documents/s)          \n", r.docs, r.seconds,
                 r.seconds > 0 ? r.docs / r.seconds : 0.0);
  }
  return r;
}

}  // namespace dragoman_cli
