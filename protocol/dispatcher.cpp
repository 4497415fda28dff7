// Dispatcher: method table, error boundary, lifecycle, cancellation and response routing.
//
// The state a Reply needs (output, pending requests) lives in DispatcherCore, shared with the
// Dispatcher and weakly referenced by each Reply, so a Reply kept by an async handler is safe
// to answer or drop even after the Dispatcher is gone.
//
// Pending requests are keyed by id.dump(), which keeps 1 and "1" apart as JSON-RPC requires,
// and stamped with a serial so a stale Reply can never answer a later request that reuses its
// id.
#include "protocol/dispatcher.h"

#include <exception>

#include "protocol/invalid_params.h"

namespace mend::protocol {
namespace detail {

struct PendingRequest {
  std::uint64_t serial = 0;
  std::string method;
  bool cancelled = false;
};

struct DispatcherCore {
  Dispatcher::Output output;
  std::function<void(std::string)> raw_output;
  std::function<void(std::string_view)> log;
  bool require_initialize = false;

  bool initializing = false; // initialize received, not yet answered with a result
  bool initialized = false;
  bool shutdown = false;

  std::map<std::string, PendingRequest> pending;
  std::uint64_t next_serial = 1;
  // The request whose handler is running right now. A Reply dropped inside its own handler
  // (including during unwinding of an exception) is answered by the boundary afterwards, so the
  // exception's error, not "not answered", reaches the client.
  std::uint64_t in_handler = 0;
  bool dropped_in_handler = false;

  void warn(std::string_view message) const {
    if (log) log(message);
  }

  const PendingRequest* find(const json& id, std::uint64_t serial) const {
    auto it = pending.find(id.dump());
    return it != pending.end() && it->second.serial == serial ? &it->second : nullptr;
  }

  // Sends the answer if the request is still pending; false if it was answered already.
  // `raw`: the result as text (Reply::raw), `payload` unused.
  bool answer(const json& id, std::uint64_t serial, json payload, bool is_error,
              std::string* raw = nullptr) {
    auto it = pending.find(id.dump());
    if (it == pending.end() || it->second.serial != serial) return false;
    PendingRequest request = std::move(it->second);
    pending.erase(it);
    if (request.method == "initialize" && require_initialize) {
      initializing = false;
      initialized = initialized || (!is_error && !request.cancelled);
    }
    if (request.cancelled)
      output(make_error(id, ErrorCode::RequestCancelled, "request was cancelled"));
    else if (is_error)
      output(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(payload)}});
    else if (raw && raw_output)
      raw_output(make_response_text(id, *raw));
    else if (raw)
      output(make_response(id, json::parse(*raw)));
    else
      output(make_response(id, std::move(payload)));
    return true;
  }
};

} // namespace detail

// --- Reply -------------------------------------------------------------------------------

Reply::Reply(std::weak_ptr<detail::DispatcherCore> core, json id, std::uint64_t serial)
    : core_(std::move(core)), id_(std::move(id)), serial_(serial), answered_(false) {}

Reply::Reply(Reply&& other) noexcept
    : core_(std::move(other.core_)), id_(std::move(other.id_)), serial_(other.serial_),
      answered_(other.answered_) {
  other.answered_ = true;
}

Reply& Reply::operator=(Reply&& other) noexcept {
  if (this != &other) {
    if (!answered_) drop();
    core_ = std::move(other.core_);
    id_ = std::move(other.id_);
    serial_ = other.serial_;
    answered_ = other.answered_;
    other.answered_ = true;
  }
  return *this;
}

Reply::~Reply() {
  if (!answered_) drop();
}

void Reply::operator()(json result) {
  send(std::move(result), /*is_error=*/false);
}

void Reply::raw(std::string result) {
  send(nullptr, /*is_error=*/false, &result);
}

void Reply::error(int code, std::string message, std::optional<json> data) {
  json error{{"code", code}, {"message", std::move(message)}};
  if (data) error["data"] = std::move(*data);
  send(std::move(error), /*is_error=*/true);
}

bool Reply::cancelled() const {
  auto core = core_.lock();
  const detail::PendingRequest* request = core ? core->find(id_, serial_) : nullptr;
  return request && request->cancelled;
}

void Reply::send(json payload, bool is_error, std::string* raw) {
  auto core = core_.lock();
  if (answered_) {
    if (core)
      core->warn("request " + id_.dump() + " was answered twice; the second answer is ignored");
    return;
  }
  answered_ = true;
  if (core && !core->answer(id_, serial_, std::move(payload), is_error, raw))
    core->warn("request " + id_.dump() +
               " was already answered with an error by the dispatcher; this answer is ignored");
}

void Reply::drop() {
  answered_ = true;
  auto core = core_.lock();
  if (!core) return;
  if (core->in_handler == serial_) {
    core->dropped_in_handler = true;
    return;
  }
  json error{{"code", ErrorCode::InternalError}, {"message", "request was not answered"}};
  if (core->answer(id_, serial_, std::move(error), /*is_error=*/true))
    core->warn("request " + id_.dump() + " was dropped without an answer");
}

// --- Dispatcher --------------------------------------------------------------------------

Dispatcher::Dispatcher(Output output, DispatcherOptions options)
    : core_(std::make_shared<detail::DispatcherCore>()) {
  core_->output = std::move(output);
  core_->log = std::move(options.log);
  core_->raw_output = std::move(options.raw_output);
  core_->require_initialize = options.require_initialize;
}

Dispatcher::~Dispatcher() = default;

void Dispatcher::on_request(std::string method, RequestHandler handler) {
  requests_[std::move(method)] = std::move(handler);
}

void Dispatcher::on_notification(std::string method, NotificationHandler handler) {
  notifications_[std::move(method)] = std::move(handler);
}

void Dispatcher::dispatch(Incoming message) {
  std::visit([this](auto&& m) { handle(std::move(m)); }, std::move(message));
}

void Dispatcher::handle(ParseFailure failure) {
  if (failure.notification) // never answered: the peer expects nothing back
    return core_->warn("dropping a malformed notification: " + failure.message);
  core_->output(failure.response());
}

void Dispatcher::handle(Request request) {
  detail::DispatcherCore& core = *core_;
  const json& id = request.id;
  const std::string& method = request.method;
  auto reject = [&](int code, std::string message) { core.output(make_error(id, code, message)); };

  std::string key = id.dump();
  if (core.pending.count(key))
    return reject(ErrorCode::InvalidRequest,
                  "duplicate request id " + key + ": a request with this id is still pending");
  if (core.shutdown)
    return reject(ErrorCode::InvalidRequest,
                  "server is shutting down: no requests are accepted after shutdown");
  if (core.require_initialize) {
    if (method == "initialize") {
      if (core.initialized || core.initializing)
        return reject(ErrorCode::InvalidRequest, "initialize may only be sent once");
      core.initializing = true;
    } else if (!core.initialized) {
      return reject(ErrorCode::ServerNotInitialized,
                    "server not initialized: the first request must be initialize");
    }
  }

  auto handler = requests_.find(method);
  if (method == "shutdown") core.shutdown = true;
  if (handler == requests_.end()) {
    if (method == "shutdown") // nothing to tear down: answer the lifecycle request ourselves
      return core.output(make_response(id, nullptr));
    if (method == "initialize") core.initializing = false;
    return reject(ErrorCode::MethodNotFound, "method not found: " + method);
  }

  std::uint64_t serial = core.next_serial++;
  core.pending[key] = detail::PendingRequest{serial, method, false};
  std::uint64_t outer_handler = core.in_handler;
  bool outer_dropped = core.dropped_in_handler;
  core.in_handler = serial;
  core.dropped_in_handler = false;

  std::optional<json> failure; // the error object, when the handler threw
  try {
    handler->second(request.params, Reply(core_, id, serial));
  } catch (const InvalidParams& e) {
    failure = json{{"code", ErrorCode::InvalidParams},
                   {"message", std::string("invalid params: ") + e.what()},
                   {"data", {{"path", e.path()}}}};
  } catch (const std::exception& e) {
    failure = json{{"code", ErrorCode::InternalError}, {"message", e.what()}};
  } catch (...) {
    failure = json{{"code", ErrorCode::InternalError}, {"message", "unknown exception"}};
  }

  bool dropped = core.dropped_in_handler;
  core.in_handler = outer_handler;
  core.dropped_in_handler = outer_dropped;
  if (failure) {
    core.answer(id, serial, std::move(*failure), /*is_error=*/true);
  } else if (dropped) {
    core.warn("request " + key + " (" + method + ") returned without an answer");
    core.answer(id, serial,
                json{{"code", ErrorCode::InternalError}, {"message", "request was not answered"}},
                /*is_error=*/true);
  }
}

void Dispatcher::handle(Notification notification) {
  detail::DispatcherCore& core = *core_;
  const std::string& method = notification.method;
  if (!notification.defect.empty()) {
    core.warn("malformed notification " + method + ": " + notification.defect +
              (method == "exit" ? " (exiting all the same)" : "; dropped"));
    // A client that asks to exit with malformed params still wants the process gone.
    if (method != "exit") return;
  }
  bool gated = core.require_initialize && !core.initialized;
  if (method != "exit" && (gated || core.shutdown))
    return; // LSP: dropped before initialize and after shutdown

  if (method == "$/cancelRequest") {
    if (notification.params.is_object()) {
      auto id = notification.params.find("id");
      if (id != notification.params.end() && is_valid_id(*id)) {
        auto it = core.pending.find(id->dump());
        if (it != core.pending.end()) it->second.cancelled = true;
      }
    }
    return; // cancelling an unknown or finished request is not an error
  }

  auto handler = notifications_.find(method);
  if (handler == notifications_.end()) {
    if (method.rfind("$/", 0) != 0) // $/ notifications are optional by definition
      core.warn("ignoring notification " + method + ": no handler");
    return;
  }
  try {
    handler->second(notification.params);
  } catch (const std::exception& e) {
    core.warn("notification " + method + " failed: " + e.what());
  } catch (...) {
    core.warn("notification " + method + " failed: unknown exception");
  }
}

void Dispatcher::handle(Response response) {
  auto it = responses_.find(response.id.dump());
  if (it == responses_.end()) {
    core_->warn("response to unknown request id " + response.id.dump() + " ignored");
    return;
  }
  ResponseHandler callback = std::move(it->second);
  responses_.erase(it);
  try {
    if (response.error)
      callback(json(nullptr), &*response.error);
    else
      callback(response.result ? *response.result : json(nullptr), nullptr);
  } catch (const std::exception& e) {
    core_->warn("response handler for " + response.id.dump() + " failed: " + e.what());
  }
}

json Dispatcher::send_request(std::string_view method, json params, ResponseHandler on_response) {
  json id = next_id_++;
  responses_[id.dump()] = std::move(on_response);
  core_->output(make_request(id, method, std::move(params)));
  return id;
}

void Dispatcher::send_notification(std::string_view method, json params) {
  core_->output(make_notification(method, std::move(params)));
}

bool Dispatcher::initialized() const {
  return core_->initialized;
}
bool Dispatcher::shutdown_requested() const {
  return core_->shutdown;
}
std::size_t Dispatcher::pending_requests() const {
  return core_->pending.size();
}
std::size_t Dispatcher::outstanding_requests() const {
  return responses_.size();
}

} // namespace mend::protocol
