// The stdio transport: reader thread, framing, dispatch and writes.
#include "daemon/transport/stdio_transport.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <optional>
#include <thread>

#include "daemon/server/free_memory.h"
#include "daemon/transport/event_loop.h"
#include "protocol/dispatcher.h"
#include "protocol/framing.h"
#include "protocol/jsonrpc.h"

namespace mend::transport {

namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

} // namespace

int run_stdio_lsp(const StdioOptions& options) {
  // The loop is shared with the reader thread, which may outlive this function while blocked in
  // read(): it is detached and only ever posts to a loop that it keeps alive.
  auto loop = std::make_shared<EventLoop>(options.workers);
  int out_fd = options.out_fd;
  bool output_broken = false;

  // Every message's text goes out here, framed; a result given as text (Reply::raw: a whole
  // folder's mend/progress) comes straight here without a tree.
  auto write_body = [&](std::string body) {
    if (output_broken) return;
    spdlog::trace("--> {}", body);
    if (!write_all(out_fd, protocol::frame(body))) {
      output_broken = true;
      spdlog::error("cannot write to stdout: {}", std::strerror(errno));
      loop->exit(1);
    }
    // A large answer leaves its text (and any tree it came from) free in malloc's arenas:
    // given back once written.
    if (body.size() >= server::kLargeMessageBytes) {
      body = std::string();
      server::release_free_memory();
    }
  };
  protocol::DispatcherOptions dispatcher_options;
  dispatcher_options.require_initialize = true;
  dispatcher_options.log = [](std::string_view message) { spdlog::warn("protocol: {}", message); };
  dispatcher_options.raw_output = write_body;
  protocol::Dispatcher dispatcher(
      [&](protocol::json message) {
        if (output_broken) return;
        std::string body = message.dump(-1, ' ', false, protocol::json::error_handler_t::replace);
        message = nullptr; // the tree, before the trim in write_body
        write_body(std::move(body));
      },
      dispatcher_options);
  std::optional<server::LspServer> server;
  server.emplace(dispatcher, *loop, options.server);

  protocol::MessageReader reader(options.max_content_length);
  auto on_bytes = [&, max_depth = options.max_json_depth](const std::string& chunk) {
    reader.feed(chunk);
    while (!loop->exiting()) {
      protocol::ReadEvent event = reader.next();
      if (std::holds_alternative<protocol::NeedMore>(event)) break;
      if (auto* error = std::get_if<protocol::FramingError>(&event)) {
        spdlog::warn("framing: {}", error->message);
        continue;
      }
      const std::string& body = std::get<std::string>(event);
      spdlog::trace("<-- {}", body);
      dispatcher.dispatch(protocol::parse_message(body, max_depth));
    }
  };
  auto on_eof = [&] {
    spdlog::info("stdin closed: exiting");
    loop->exit(dispatcher.shutdown_requested() ? 0 : 1);
  };

  std::weak_ptr<EventLoop> weak = loop;
  int in_fd = options.in_fd;
  std::thread([weak, in_fd, &on_bytes, &on_eof, keep = loop] {
    // `keep` holds the loop alive; the callbacks are only run on the loop thread, inside run().
    std::string buffer(64 * 1024, '\0');
    for (;;) {
      ssize_t n = ::read(in_fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        keep->post([weak, &on_eof] {
          if (auto l = weak.lock(); l && !l->exiting()) on_eof();
        });
        return;
      }
      keep->post(
          [weak, &on_bytes, chunk = std::string(buffer.data(), static_cast<std::size_t>(n))] {
            if (auto l = weak.lock(); l && !l->exiting()) on_bytes(chunk);
          });
    }
  }).detach();

  int code = loop->run();
  // The index may still be scanning on a worker: the server's end tells it to stop, and no
  // worker may outlive this function, since returning runs the process's static destructors
  // (spdlog's registry, the engine's tables) under it (a SIGSEGV at exit under load).
  server.reset();
  loop->finish();
  spdlog::default_logger()->flush();
  return code;
}

} // namespace mend::transport
