// Harness (a): one input is the whole stdin of a `mend lsp` session. Framing, JSON-RPC parsing,
// the dispatcher and every LSP handler run on a synchronous loop (no threads, timers fire when
// the input is consumed), as in stdio_transport.cpp.
//
// Invariants beyond "no crash, no sanitizer report": every message mend writes is a JSON-RPC
// 2.0 object that survives framing unchanged, and no request id is answered more often than it
// was sent. The workspace root is confined to a small fixture folder and template folders are
// dropped from settings, so the fuzzer cannot make mend index or read the whole machine.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <unistd.h>

#include "daemon/server/lsp_server.h"
#include "fuzz_input.h"
#include "protocol/dispatcher.h"
#include "protocol/framing.h"
#include "protocol/jsonrpc.h"

namespace {

using mend::protocol::json;
namespace fs = std::filesystem;

class SyncLoop : public mend::server::Loop {
public:
  void post(std::function<void()> fn) override { queue_.push_back(std::move(fn)); }
  void debounce(const std::string& key, std::chrono::milliseconds,
                std::function<void()> fn) override {
    timers_[key] = std::move(fn);
  }
  void background(std::function<void()> work) override { queue_.push_back(std::move(work)); }
  void watch_parent(std::int64_t) override {}
  void exit(int) override { exited_ = true; }
  bool exited() const { return exited_; }

  // Runs what is queued, then the timers, until quiet (bounded: a loop that never settles is a
  // finding of its own).
  void drain() {
    for (int round = 0; round < 10000; ++round) {
      if (!queue_.empty()) {
        auto fn = std::move(queue_.front());
        queue_.pop_front();
        fn();
      } else if (!timers_.empty()) {
        auto fn = std::move(timers_.begin()->second);
        timers_.erase(timers_.begin());
        fn();
      } else {
        return;
      }
    }
    mend::fuzz::fail("the event loop never settles");
  }

private:
  std::deque<std::function<void()>> queue_;
  std::map<std::string, std::function<void()>> timers_;
  bool exited_ = false;
};

fs::path fixture_root() {
  static const fs::path root = [] {
    fs::path dir = fs::temp_directory_path() / ("mend-fuzz-root-" + std::to_string(::getpid()));
    fs::create_directories(dir / "2026");
    std::ofstream(dir / "why.md")
        << "## What did he tell me?\n\nThat he needed space.\n\n## Is it a big yes?\n\nMaybe.\n";
    std::ofstream(dir / "2026" / "2026-11-02.md")
        << "# Action log\n\n- 2026-11-02: called my sister\n";
    return dir;
  }();
  return root;
}

void drop_template_dirs(json& settings) {
  if (!settings.is_object()) return;
  for (const char* key : {"templates", "templateDirs", "template_dirs"})
    settings.erase(key);
  if (auto it = settings.find("mend"); it != settings.end()) drop_template_dirs(*it);
}

// Keeps the session inside the fixture folder (see the file comment).
void confine(mend::protocol::Incoming& message) {
  auto* request = std::get_if<mend::protocol::Request>(&message);
  auto* notification = std::get_if<mend::protocol::Notification>(&message);
  json* params = request ? &request->params : notification ? &notification->params : nullptr;
  if (!params || !params->is_object()) return;
  const std::string& method = request ? request->method : notification->method;
  if (method == "initialize") {
    std::string root = "file://" + fixture_root().string();
    for (const char* key : {"rootUri", "rootPath", "workspaceFolders"}) {
      auto it = params->find(key);
      if (it == params->end() || it->is_null()) continue;
      if (std::string(key) == "rootUri")
        *it = root;
      else if (std::string(key) == "rootPath")
        *it = fixture_root().string();
      else
        *it = json::array({{{"uri", root}, {"name", "notes"}}});
    }
    if (auto it = params->find("initializationOptions"); it != params->end())
      drop_template_dirs(*it);
  } else if (method == "workspace/didChangeConfiguration") {
    if (auto it = params->find("settings"); it != params->end()) drop_template_dirs(*it);
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  fixture_root();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool trace = std::getenv("MEND_FUZZ_TRACE") != nullptr; // prints what mend writes
  SyncLoop loop;
  std::map<std::string, int> sent, answered; // request ids (dumped) the client sent / mend answered
  mend::protocol::DispatcherOptions options;
  options.require_initialize = true;
  mend::protocol::Dispatcher dispatcher(
      [&](json message) {
        std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
        if (trace) std::fprintf(stderr, "<- %s\n", body.c_str());
        mend::protocol::MessageReader check;
        check.feed(mend::protocol::frame(body));
        auto event = check.next();
        auto* round_trip = std::get_if<std::string>(&event);
        if (!round_trip || *round_trip != body)
          mend::fuzz::fail("an output message does not survive framing", body);
        if (!message.is_object() || message.value("jsonrpc", "") != "2.0")
          mend::fuzz::fail("an output message is not JSON-RPC 2.0", body);
        if (!message.contains("method") && message.contains("id")) {
          std::string id = message["id"].dump();
          // Errors with id null answer only bodies that were not notifications.
          if (++answered[id] > sent[id])
            mend::fuzz::fail(message["id"].is_null()
                                 ? "an error with id null answered a notification"
                                 : "a request was answered more often than it was sent",
                             body);
        }
      },
      options);
  mend::server::LspServerOptions server_options;
  server_options.today = [] { return mend::engine::Date{2026, 11, 26}; };
  server_options.threads = 0;
  server_options.debounce = std::chrono::milliseconds(0);
  server_options.cache = false;
  mend::server::LspServer server(dispatcher, loop, server_options);

  mend::protocol::MessageReader reader;
  // The input arrives in two feeds split at its first byte's value: the event sequence must not
  // depend on the split (framing.h), and a split mid-header is exercised on every input.
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::size_t split = size ? data[0] % (size + 1) : 0;
  for (std::string_view part : {all.substr(0, split), all.substr(split)}) {
    reader.feed(part);
    while (!loop.exited()) {
      auto event = reader.next();
      if (std::holds_alternative<mend::protocol::NeedMore>(event)) break;
      if (std::holds_alternative<mend::protocol::FramingError>(event)) continue;
      auto message = mend::protocol::parse_message(std::get<std::string>(event));
      if (auto* r = std::get_if<mend::protocol::Request>(&message)) ++sent[r->id.dump()];
      if (auto* f = std::get_if<mend::protocol::ParseFailure>(&message); f && !f->notification)
        ++sent[f->id.dump()];
      confine(message);
      dispatcher.dispatch(std::move(message));
      loop.drain();
    }
  }
  loop.drain();
  return 0;
}
