// Shared state of `mend serve`: sessions and progress broadcasts.
#include "daemon/transport/serve_state.h"

#include "daemon/engine/unicode.h"
#include "daemon/server/note_path.h"
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

namespace {

// j[key]: the paths as text; when one is not UTF-8, j[key + "_bytes"]: all of them as bytes, in
// the same order (daemon/server/note_path.h).
void put_paths(nlohmann::json& j, const std::string& key, const std::vector<std::string>& paths) {
  nlohmann::json text = nlohmann::json::array(), bytes = nlohmann::json::array();
  bool all_utf8 = true;
  for (const auto& p : paths) {
    text.push_back(server::path_text(p));
    bytes.push_back(server::path_bytes(p));
    all_utf8 = all_utf8 && engine::is_valid_utf8(p);
  }
  j[key] = std::move(text);
  if (!all_utf8) j[key + "_bytes"] = std::move(bytes);
}

} // namespace

void ServeState::notes_changed(const std::vector<std::string>& changed) {
  index_.rejudge();
  nlohmann::json notes = nlohmann::json::array();
  std::vector<std::string> removed;
  for (const auto& path : changed) {
    if (index_.contains(path))
      notes.push_back(index_.note_json(path));
    else
      removed.push_back(path);
  }
  nlohmann::json params = {{"summary", index_.summary_json()},
                           {"notes", notes},
                           {"today", engine::format_iso(index_.today())}};
  put_paths(params, "changed", changed);
  put_paths(params, "removed", removed);
  if (folder_missing_) params["folder_missing"] = true;
  index_.mark_partial(params);
  broadcast("mend/didChangeProgress", std::move(params));
}

void ServeState::index_progress(std::size_t done, std::size_t total) {
  broadcast("mend/indexProgress", {{"done", done}, {"total", total}});
}

void ServeState::broadcast(const std::string& method, nlohmann::json params) {
  auto message = std::make_shared<const std::string>(
      protocol::make_notification(method, std::move(params))
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
