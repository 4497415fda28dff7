// What every connection of `mend serve` shares (Beast chat-multi's shared_state): the access
// policy, the limits, the live folder index, and the set of WebSocket sessions to notify.
//
// Thread-safety: the session set is guarded by a mutex, and broadcasts copy weak_ptrs under
// it and send after releasing it. The index is owned by the event loop thread: the daemon
// runs its io_context on one thread, so handlers and the watcher never race on it.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/server/folder_index.h"
#include "daemon/transport/http_access.h"

namespace mend::transport {

class WebSocketSession;

struct ServeLimits {
  std::size_t header_bytes = 8 * 1024;
  std::size_t body_bytes = 1024 * 1024;      // HTTP bodies and WebSocket messages
  std::size_t queue_bytes = 4 * 1024 * 1024; // per client: a slower reader is dropped
  std::size_t queue_messages = 1024;
  int socket_send_buffer = 256 * 1024; // fixed, so a stalled reader shows in the queue
  std::chrono::seconds handshake_timeout{10};
  std::chrono::seconds http_idle_timeout{30};
  std::chrono::seconds ws_idle_timeout{60}; // no answer to a ping in this time: gone
};

class ServeState {
public:
  ServeState(AccessPolicy policy, ServeLimits limits, server::FolderIndex& index);

  const AccessPolicy& policy() const { return policy_; }
  void set_port(unsigned short port) { policy_.port = port; }
  const ServeLimits& limits() const { return limits_; }
  server::FolderIndex& index() { return index_; }
  bool folder_missing() const { return folder_missing_; }
  void set_folder_missing(bool missing) { folder_missing_ = missing; }
  bool shutting_down() const { return shutting_down_; }

  void join(WebSocketSession* session);
  void leave(WebSocketSession* session);
  std::size_t session_count() const;

  // Re-judges the folder and sends mend/didChangeProgress to subscribed sessions.
  // While the first index is built, the summary is partial and says so (FolderIndex::mark_partial).
  void notes_changed(const std::vector<std::string>& changed);
  // Sends mend/indexProgress {done, total} to subscribed sessions (serve_indexer.h).
  void index_progress(std::size_t done, std::size_t total);
  // Closes every WebSocket (after its queued messages) and refuses new ones.
  void shutdown();

private:
  std::vector<std::shared_ptr<WebSocketSession>> snapshot() const;
  void broadcast(const std::string& method, nlohmann::json params); // to subscribed sessions

  AccessPolicy policy_;
  ServeLimits limits_;
  server::FolderIndex& index_;
  bool folder_missing_ = false;
  bool shutting_down_ = false;
  mutable std::mutex mutex_;
  std::unordered_set<WebSocketSession*> sessions_;
};

} // namespace mend::transport
