// Serve: the HTTP API over an event store (docs/api.md) and the workbench's
// static files. Every answer is JSON, errors included; every SQL statement is
// fixed text with bound parameters.
//
//   auto server = dragoman::ApiServer::Create(options);
//   int port = server.value()->Bind("127.0.0.1", 8080).value();
//   server.value()->Run();   // until Stop() from another thread
#ifndef DRAGOMAN_SERVE_SERVER_H_
#define DRAGOMAN_SERVE_SERVER_H_

#include <memory>
#include <string>

#include "dragoman/engine.h"
#include "dragoman/status.h"

namespace dragoman {

struct ServerOptions {
  std::string db;           // the event store, opened read-only
  std::string web_dir;      // static files served on "/" (may be empty or missing)
  const Engine* engine = nullptr;  // codes POST /api/code; CAMEO names for labels
  size_t max_body_bytes = 1 << 20;  // larger requests get 413
  double query_seconds = 5;         // a longer query is stopped (503)
};

class ApiServer {
 public:
  static Result<std::unique_ptr<ApiServer>> Create(const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds host:port (port 0: any free port) and returns the port.
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop(); returns false if the server could not run.
  bool Run();
  void Stop();

  struct Impl;

 private:
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_SERVE_SERVER_H_
