// Dispatcher: the one table from method names to handlers, and the error boundary around them.
//
// Every request is answered exactly once, whatever its handler does: a handler gets a move-only
// Reply and may answer at once or keep it and answer later; a Reply dropped unanswered sends
// InternalError "request was not answered"; an exception thrown by a handler becomes
// InvalidParams (-32602, naming the JSON path) or InternalError (-32603). The dispatcher also
// owns what the base protocol says about the session as a whole: lifecycle gating
// (initialize / shutdown), $/cancelRequest, duplicate request ids, and routing the client's
// responses to requests the server sent (workspace/applyEdit and friends).
//
// Thread safety: none. Every call, including Reply's and the output callback, happens on one
// thread (the connection's event loop). Work done elsewhere posts its result back to that thread
// before calling Reply.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/jsonrpc.h"

namespace mend::protocol {

namespace detail {
struct DispatcherCore;
}

/// The answer to one request. Move-only; answers at most once, and exactly once if it is not
/// answered before it is destroyed. Outliving the Dispatcher is safe (the answer is dropped).
class Reply {
public:
  Reply(Reply&& other) noexcept;
  Reply& operator=(Reply&& other) noexcept;
  Reply(const Reply&) = delete;
  Reply& operator=(const Reply&) = delete;
  ~Reply();

  /// Sends the result. A second answer is ignored and logged.
  void operator()(json result);
  /// Sends a result already serialised: JSON text as json::dump() writes it (no indentation).
  /// Why: the complete mend/progress of 100k notes is ~30 MB of text but ~400 MB as a tree.
  /// Written as it is through DispatcherOptions::raw_output, else parsed back for the output.
  void raw(std::string result);
  /// Sends an error instead of a result.
  void error(int code, std::string message, std::optional<json> data = std::nullopt);

  /// The request's id, as the client sent it.
  const json& id() const { return id_; }
  /// True once the client cancelled this request; a long handler may stop early. Whatever it
  /// answers then is replaced by RequestCancelled.
  bool cancelled() const;
  bool answered() const { return answered_; }

private:
  friend class Dispatcher;
  Reply(std::weak_ptr<detail::DispatcherCore> core, json id, std::uint64_t serial);
  void send(json message_or_result, bool is_error, std::string* raw = nullptr);
  void drop();

  std::weak_ptr<detail::DispatcherCore> core_;
  json id_;
  std::uint64_t serial_ = 0;
  bool answered_ = true; // a default/moved-from Reply owes nothing
};

struct DispatcherOptions {
  /// LSP lifecycle: requests before `initialize` get ServerNotInitialized and notifications
  /// other than `exit` are dropped. Off for WebSocket sessions, which have no initialize.
  bool require_initialize = false;
  /// Warnings about the peer or the handlers (double replies, unknown response ids, ...).
  std::function<void(std::string_view)> log;
  /// Where a response given as text (Reply::raw) goes, serialised; without it, the text is
  /// parsed and the response goes through the output callback as any other.
  std::function<void(std::string)> raw_output;
};

class Dispatcher {
public:
  using Output = std::function<void(json)>;
  using RequestHandler = std::function<void(const json& params, Reply)>;
  using NotificationHandler = std::function<void(const json& params)>;
  /// Called with (result, nullptr) on success, (null, &error) when the client answered an error.
  using ResponseHandler = std::function<void(const json& result_or_null, const json* error)>;

  explicit Dispatcher(Output output, DispatcherOptions options = {});
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  /// Registers a handler; a later registration for the same method replaces the earlier one.
  void on_request(std::string method, RequestHandler handler);
  void on_notification(std::string method, NotificationHandler handler);

  /// Handles one incoming message; everything it sends goes through the output callback.
  void dispatch(Incoming message);

  /// Sends a server→client request; `on_response` runs when the matching response arrives.
  /// Returns the id used.
  json send_request(std::string_view method, json params, ResponseHandler on_response);
  void send_notification(std::string_view method, json params);

  /// True once `initialize` was answered with a result (tracked only with require_initialize).
  bool initialized() const;
  /// True once a `shutdown` request was received.
  bool shutdown_requested() const;
  /// Requests received and not yet answered.
  std::size_t pending_requests() const;
  /// Server→client requests still waiting for a response.
  std::size_t outstanding_requests() const;

private:
  void handle(Request request);
  void handle(Notification notification);
  void handle(Response response);
  void handle(ParseFailure failure);

  std::shared_ptr<detail::DispatcherCore> core_;
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;
  std::map<std::string, ResponseHandler> responses_; // by id.dump()
  std::int64_t next_id_ = 1;
};

} // namespace mend::protocol
