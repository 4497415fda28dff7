// Shared state of `mend serve`: sessions and progress broadcasts.
#include "daemon/transport/serve_state.h"

#include "daemon/transport/websocket_session.h"
#include "protocol/jsonrpc.h"

namespace mend::transport {

ServeState::ServeState(AccessPolicy policy, ServeLimits limits, server::FolderIndex& index)
    : policy_(std::move(policy)), limits_(limits), index_(index) {}

void ServeState::join(WebSocketSession* session) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.insert(session);
}

void ServeState::leave(WebSocketSession* session) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(session);
}

std::size_t ServeState::session_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

std::vector<std::shared_ptr<WebSocketSession>> ServeState::snapshot() const {
  std::vector<std::weak_ptr<WebSocketSession>> weak;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    weak.reserve(sessions_.size());
    for (auto* s : sessions_)
      weak.push_back(s->weak_from_this());
  }
  std::vector<std::shared_ptr<WebSocketSession>> strong;
  for (auto& w : weak)
    if (auto s = w.lock()) strong.push_back(std::move(s));
  return strong;
}

void ServeState::notes_changed(const std::vector<std::string>& changed) {
  index_.rejudge();
  nlohmann::json notes = nlohmann::json::array();
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& path : changed) {
    if (index_.contains(path))
      notes.push_back(index_.note_json(path));
    else
      removed.push_back(path);
  }
  nlohmann::json params = {{"summary", index_.summary_json()},
                           {"changed", changed},
                           {"notes", notes},
                           {"removed", removed},
                           {"today", engine::format_iso(index_.today())}};
  if (folder_missing_) params["folder_missing"] = true;
  auto message = std::make_shared<const std::string>(
      protocol::make_notification("mend/didChangeProgress", std::move(params))
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  for (auto& s : snapshot())
    if (s->subscribed()) s->send(message);
}

void ServeState::shutdown() {
  shutting_down_ = true;
  for (auto& s : snapshot())
    s->close();
}

} // namespace mend::transport
