// `mend serve DIR`: the headless daemon. Owns the whole run: the folder lock, the index, the
// watcher, the listener, the token file and the signals. The event loop runs on this thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "daemon/engine/dates.h"
#include "daemon/server/config.h"

namespace mend::transport {

struct ServeOptions {
  std::filesystem::path folder;
  std::string display_folder; // as the person wrote it
  unsigned short port = 0;    // 0: any free port
  server::Config config;
  std::optional<engine::Date> today; // fixed date (tests); else the local date, read per change
  unsigned threads = 0;              // index workers at start
  bool cache = true;                 // the first index reuses and updates the warm cache
  std::string version = "0";         // mend's, part of the cache's identity (analysis_cache.h)
};

// Returns the process exit code (0 after a clean SIGINT/SIGTERM shutdown).
int run_serve(const ServeOptions& options);

// Where the token file of `folder` lives: $XDG_RUNTIME_DIR/mend/serve-<hash>.json, or
// DIR/.mend/serve-<hash>.json when XDG_RUNTIME_DIR is unset. Clients read it to connect.
std::filesystem::path token_file_path(const std::filesystem::path& canonical_folder);

} // namespace mend::transport
