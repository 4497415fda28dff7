// `mend lsp` over stdin/stdout: Content-Length framed JSON-RPC, stdout carrying protocol only.
//
// A blocking reader thread reads stdin as bytes arrive and posts each chunk to the event loop,
// which frames, parses and dispatches them; writes happen on the loop thread. stdin closing
// ends the session (exit code 1 unless shutdown was requested), as does the exit notification
// and the death of the client process.
#pragma once

#include <cstddef>
#include <string>

#include "daemon/server/lsp_server.h"

namespace mend::transport {

struct StdioOptions {
  server::LspServerOptions server;
  std::size_t max_content_length = 64u << 20;
  std::size_t max_json_depth = 128;
  unsigned workers = 1;
  int in_fd = 0;
  int out_fd = 1;
};

// Runs the session to its end; returns the process exit code.
int run_stdio_lsp(const StdioOptions& options);

} // namespace mend::transport
