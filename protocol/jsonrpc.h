// JSON-RPC 2.0 messages: a body parsed into a closed variant, and builders for what we send.
//
// Parsing never throws: every body becomes a Request, Notification, Response, or a ParseFailure
// that already holds the error response to send back. Nesting is capped before the JSON parser
// runs, so a hostile "[[[[..." costs one linear scan and never deepens the stack.
//
// Why `params: null` is accepted: clients in the wild send it for methods whose params are void
// (Emacs eglot's shutdown, lsp-mode's exit), and the common server libraries accept it; it is
// read exactly like absent params. And why a broken notification is never answered: JSON-RPC
// forbids answering a notification, and a client that gets a response to a message it sent
// without an id may stall or drop the connection; such a message is logged instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace mend::protocol {

using json = nlohmann::json;

/// Error codes of JSON-RPC 2.0 and LSP 3.17.
struct ErrorCode {
  static constexpr int ParseError = -32700;
  static constexpr int InvalidRequest = -32600;
  static constexpr int MethodNotFound = -32601;
  static constexpr int InvalidParams = -32602;
  static constexpr int InternalError = -32603;
  static constexpr int ServerNotInitialized = -32002;
  static constexpr int RequestCancelled = -32800;
  static constexpr int ContentModified = -32801;
  static constexpr int RequestFailed = -32803;
};

/// A call that expects an answer. `id` is an integer or a string, kept as sent.
struct Request {
  json id;
  std::string method;
  json params; // object, array, or null when absent or null
};

/// A call without an id: no answer is ever sent. `defect` is empty for a well-formed one;
/// otherwise it says what is wrong (a bad "jsonrpc" or "params"), `params` is null, and the
/// dispatcher logs it and drops it, except `exit`, which still ends the session.
struct Notification {
  std::string method;
  json params;
  std::string defect;
};

/// An answer to a request we sent. Exactly one of result / error is set.
struct Response {
  json id; // may be null when the peer could not read our request
  std::optional<json> result;
  std::optional<json> error; // {"code": int, "message": string, "data"?: any}
};

/// A body that is not a valid message. `response()` is the error to send (id null unless the
/// body was an object with a usable id). When `notification` is set the body was a notification
/// (an object with "method" and no "id"): nothing may be sent, the message is only logged.
struct ParseFailure {
  json id;
  int code = ErrorCode::ParseError;
  std::string message;
  bool notification = false;
  json response() const;
};

using Incoming = std::variant<Request, Notification, Response, ParseFailure>;

constexpr std::size_t kDefaultMaxJsonDepth = 128;

/// Parses one message body. Rejects invalid JSON and invalid UTF-8 (-32700), nesting deeper
/// than `max_depth` arrays/objects (-32700), batches and malformed messages (-32600).
Incoming parse_message(std::string_view body, std::size_t max_depth = kDefaultMaxJsonDepth);

/// True if `id` may identify a request: an integer or a string.
bool is_valid_id(const json& id);

json make_response(const json& id, json result);
/// make_response(id, result) as text, `result` already serialised: the very bytes that
/// make_response(id, json::parse(result)).dump() gives (keys in order, no spaces) when `result`
/// is written as dump() writes it. For answers too large to build as a tree.
std::string make_response_text(const json& id, std::string_view result);
json make_error(const json& id, int code, std::string_view message,
                std::optional<json> data = std::nullopt);
/// `params` is omitted when null (e.g. "shutdown").
json make_request(const json& id, std::string_view method, json params = nullptr);
json make_notification(std::string_view method, json params = nullptr);

} // namespace mend::protocol
