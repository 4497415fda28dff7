// The LSP mapping: one table from method names to handlers (registered on the protocol
// Dispatcher), each unwrapping its params and calling a feature of this folder. Owns the
// workspace and the session's state (negotiated encoding, client capabilities, settings).
//
// Why requests are deferred: a request is queued and answered from the event loop's next turn,
// not inside dispatch, so a $/cancelRequest that arrives with it is honoured (-32800). Before a
// notification changes a document, the queue is run first, so every request still sees the text
// it was sent against.
//
// Thread-safety: none. Everything runs on the event loop thread; the Loop interface is how the
// server asks the transport for timers and background work (threads live in daemon/transport).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "daemon/engine/dates.h"
#include "daemon/server/workspace.h"
#include "protocol/dispatcher.h"
#include "protocol/lsp_session.h"

namespace mend::server {

// What the server needs from its event loop. Implemented by daemon/transport.
class Loop {
public:
  virtual ~Loop() = default;
  // Runs `fn` on the loop thread, after what is queued now.
  virtual void post(std::function<void()> fn) = 0;
  // Runs `fn` after `delay`, replacing any not yet run function with the same `key`.
  virtual void debounce(const std::string& key, std::chrono::milliseconds delay,
                        std::function<void()> fn) = 0;
  // Runs `work` on a worker thread; `work` hands its result back with post().
  virtual void background(std::function<void()> work) = 0;
  // Watches the client process; the loop exits when it is gone.
  virtual void watch_parent(std::int64_t pid) = 0;
  // Ends the session with this process exit code.
  virtual void exit(int code) = 0;
};

struct LspServerOptions {
  std::string version = "0";
  std::function<engine::Date()> today; // the clock; tests override it with settings.today
  unsigned threads = 0;                // index workers (0: on the calling thread)
  // Diagnostics are published at most once per this window: at once after a quiet spell, at the
  // window's end during a burst of changes (so a keystroke is published within a frame).
  std::chrono::milliseconds debounce{10};
  bool cache = true; // the index reuses and updates the warm cache (analysis_cache.h)
};

class LspServer {
public:
  // How long after didOpen a long note held unparsed is parsed (DocumentStore::open).
  static constexpr std::chrono::milliseconds kParseAfterOpen{20};

  LspServer(protocol::Dispatcher& dispatcher, Loop& loop, LspServerOptions options);
  ~LspServer();

private:
  using json = nlohmann::json;
  // A deferred request's result: a value, or text already serialised (Reply::raw) when the tree
  // would be large (a whole folder's mend/progress).
  struct Answer {
    Answer(json value) : value(std::move(value)) {} // NOLINT: a handler's json converts
    static Answer text_of(std::string text) {
      Answer a(nullptr);
      a.text = std::move(text);
      return a;
    }
    json value;
    std::optional<std::string> text;
  };
  using Work = std::function<Answer()>;
  struct Job {
    protocol::Reply reply;
    Work work;
    bool needs_index = false;
    bool needs_report = true; // false: the open documents' analyses are enough (symbols)
  };

  void bind();
  // Lifecycle and sync.
  void on_initialize(const json& params, protocol::Reply reply);
  void on_initialized(const json& params);
  void on_shutdown(const json& params, protocol::Reply reply);
  void on_exit(const json& params);
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_close(const json& params);
  void on_did_save(const json& params);
  void on_did_change_configuration(const json& params);
  void on_did_change_watched_files(const json& params);
  // Features.
  void on_code_action(const json& params, protocol::Reply reply);
  void on_completion(const json& params, protocol::Reply reply);
  void on_hover(const json& params, protocol::Reply reply);
  void on_code_lens(const json& params, protocol::Reply reply);
  void on_inlay_hint(const json& params, protocol::Reply reply);
  void on_document_symbol(const json& params, protocol::Reply reply);
  void on_workspace_symbol(const json& params, protocol::Reply reply);
  void on_execute_command(const json& params, protocol::Reply reply);
  void on_explain(const json& params, protocol::Reply reply);
  void on_progress(const json& params, protocol::Reply reply);
  void on_templates(const json& params, protocol::Reply reply);

  // Deferred requests (see the header comment).
  void defer(protocol::Reply reply, Work work, bool needs_index = false, bool needs_report = true);
  void run_deferred();

  // Diagnostics: re-judge and publish (debounced after changes).
  void schedule_publish();
  void publish();
  // Analyses what changed; with `report`, also re-judges the folder if anything did.
  void ensure_fresh(bool report = true);

  // Settings, pack and index.
  // `rebuild` false: the caller rebuilds the context itself (initialize, after answering).
  void apply_settings(const json& settings, bool from_client, bool rebuild = true);
  void rebuild_context();
  void start_index();
  void begin_progress();
  void end_progress();
  void refresh_views(); // workspace/codeLens/refresh and inlayHint/refresh, when supported
  void pull_configuration();

  NoteContext note(const Document& doc) const;
  Document& document(const std::string& uri); // throws InvalidParams naming textDocument.uri
  void log_user(protocol::MessageType type, const std::string& message);
  // The workspace's warnings for the person (a note read line by line), as window/logMessage.
  void tell_user_warnings();
  void warn_if_too_large(Document& doc); // once per crossing of kMaxNoteBytes
  void apply_edit(const std::string& label, protocol::WorkspaceEdit edit, protocol::Reply reply);

  protocol::Dispatcher& dispatcher_;
  Loop& loop_;
  LspServerOptions options_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

  Workspace workspace_;
  protocol::ClientCapabilities client_;
  engine::Encoding encoding_ = engine::Encoding::Utf16;
  Config file_config_; // from the folder's .mend/config.*
  Config config_;
  std::optional<std::filesystem::path> root_;
  std::set<std::string> changed_; // uris changed since the last publish
  std::chrono::steady_clock::time_point last_publish_{};

  std::deque<Job> deferred_;
  bool deferred_posted_ = false;
  std::deque<Job> waiting_for_index_;
  std::uint64_t index_generation_ = 0;
  // Set when the running index scan is no longer wanted: a newer one started, or the server is
  // ending (its workers must not outlive the process's static state, see run_stdio_lsp).
  std::shared_ptr<std::atomic<bool>> index_stop_;

  // Work-done progress of indexing.
  std::optional<json> progress_token_;
  bool progress_ready_ = false, progress_begun_ = false, progress_end_pending_ = false;
  std::size_t indexed_notes_ = 0;
};

} // namespace mend::server
