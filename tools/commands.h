// The subcommands of the dragoman command that live in their own files, and
// the helpers they share with tools/dragoman.cc.
#ifndef DRAGOMAN_TOOLS_COMMANDS_H_
#define DRAGOMAN_TOOLS_COMMANDS_H_

#include <memory>
#include <string>
#include <vector>

#include "dragoman/engine.h"
#include "dragoman/status.h"

namespace dragoman_cli {

// Loads the engine with the project's dictionaries (unless no_default) and
// the --dict FORMAT:PATH list; load warnings go to stderr.
dragoman::Status LoadEngine(const std::vector<std::string>& dicts, bool no_default, const std::string& data_dir,
                            bool keep_modal, std::unique_ptr<dragoman::Engine>* engine, bool reciprocal = false,
                            dragoman::EngineOptions opt = {});
long PeakRssKb();

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db;
  std::string input_format = "auto";
  std::string date;
  std::vector<std::string> dicts;
  bool no_default_dict = false;
  bool strict = false;
  bool quiet = false;
  int jobs = 1;
  int batch = 256;  // documents per transaction
};
int RunIngest(const IngestArgs& args);

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_dir;  // the built workbench (default: web/dist of the source tree)
  std::vector<std::string> dicts;
  bool no_default_dict = false;
};
int RunServe(const ServeArgs& args);

}  // namespace dragoman_cli

#endif  // DRAGOMAN_TOOLS_COMMANDS_H_
