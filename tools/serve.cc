// `dragoman serve`: the HTTP API and the workbench over an event store.
#include <signal.h>
#include <sys/stat.h>

#include <cstdio>
#include <thread>

#include "commands.h"
#include "serve/server.h"

#ifndef DRAGOMAN_WEB_DIR
#define DRAGOMAN_WEB_DIR "web/dist"
#endif

namespace dragoman_cli {

int RunServe(const ServeArgs& args) {
  std::string web = args.web_dir.empty() ? DRAGOMAN_WEB_DIR : args.web_dir;
  struct stat st;
  if (stat((web + "/index.html").c_str(), &st) != 0) {
    std::fprintf(stderr, "dragoman: %s/index.html not found: the workbench is not built (run scripts/setup.sh); "
                 "the API still answers on /api/\n", web.c_str());
    web.clear();
  }
  std::unique_ptr<dragoman::Engine> engine;
  dragoman::Status s = LoadEngine(args.dicts, args.no_default_dict, "", false, &engine);
  if (!s.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", s.message().c_str());
    return 2;
  }
  dragoman::ServerOptions so;
  so.db = args.db;
  so.web_dir = web;
  so.engine = engine.get();
  auto server = dragoman::ApiServer::Create(so);
  if (!server.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", server.status().message().c_str());
    return 2;
  }
  auto port = server.value()->Bind(args.host, args.port);
  if (!port.ok()) {
    std::fprintf(stderr, "dragoman: %s\n", port.status().message().c_str());
    return 2;
  }
  // SIGINT and SIGTERM stop the server cleanly: a thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  dragoman::ApiServer* srv = server.value().get();
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    srv->Stop();
  });
  std::fprintf(stderr, "dragoman: serving %s on http://%s:%d/\n", args.db.c_str(), args.host.c_str(), port.value());
  std::fflush(stderr);
  bool ok = srv->Run();
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if Run() ended by itself
    waiter.join();
  }
  return ok ? 0 : 2;
}

}  // namespace dragoman_cli
