// JSON-RPC 2.0 parsing and message builders.
#include "protocol/jsonrpc.h"

namespace mend::protocol {
namespace {

// Depth of the deepest array/object nesting, stopping early once it exceeds `limit`. Brackets
// inside strings do not count. Malformed JSON is left for the real parser to report.
bool nesting_exceeds(std::string_view body, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
    case '"':
      in_string = true;
      break;
    case '[':
    case '{':
      if (++depth > limit) return true;
      break;
    case ']':
    case '}':
      if (depth > 0) --depth;
      break;
    default:
      break;
    }
  }
  return false;
}

ParseFailure invalid(json id, std::string message) {
  return ParseFailure{std::move(id), ErrorCode::InvalidRequest, std::move(message)};
}

} // namespace

json ParseFailure::response() const {
  return make_error(id, code, message);
}

bool is_valid_id(const json& id) {
  return id.is_number_integer() || id.is_string();
}

Incoming parse_message(std::string_view body, std::size_t max_depth) {
  if (nesting_exceeds(body, max_depth))
    return ParseFailure{nullptr, ErrorCode::ParseError,
                        "JSON nested deeper than " + std::to_string(max_depth) + " levels"};
  json msg;
  try {
    msg = json::parse(body);
  } catch (const json::parse_error& e) {
    // nlohmann's text names the byte offset and, for bad UTF-8, the offending bytes.
    return ParseFailure{nullptr, ErrorCode::ParseError, std::string("invalid JSON: ") + e.what()};
  }
  if (msg.is_array()) return invalid(nullptr, "batch requests are not supported");
  if (!msg.is_object()) return invalid(nullptr, "a message must be a JSON object");

  // The id to echo in an error: the request's own if it is usable, otherwise null.
  auto id_it = msg.find("id");
  bool has_id = id_it != msg.end();
  json echo_id = has_id && is_valid_id(*id_it) ? *id_it : json(nullptr);
  auto method = msg.find("method");

  // A notification is never answered, whatever is wrong with it (see the file comment).
  if (!has_id && method != msg.end()) {
    if (!method->is_string())
      return ParseFailure{nullptr, ErrorCode::InvalidRequest,
                          "a notification's \"method\" must be a string", /*notification=*/true};
    Notification n{method->get<std::string>(), nullptr, {}};
    auto version = msg.find("jsonrpc");
    if (version == msg.end() || !version->is_string() || *version != "2.0")
      n.defect = "\"jsonrpc\" must be \"2.0\"";
    if (auto p = msg.find("params"); p != msg.end() && !p->is_null()) {
      if (!p->is_object() && !p->is_array())
        n.defect = "\"params\" must be an object or an array";
      else if (n.defect.empty())
        n.params = std::move(*p);
    }
    return n;
  }

  auto version = msg.find("jsonrpc");
  if (version == msg.end()) return invalid(echo_id, "missing \"jsonrpc\": \"2.0\"");
  if (!version->is_string() || *version != "2.0")
    return invalid(echo_id, "\"jsonrpc\" must be \"2.0\"");

  if (method != msg.end()) {
    if (!method->is_string()) return invalid(echo_id, "\"method\" must be a string");
    json params = nullptr;
    if (auto p = msg.find("params"); p != msg.end() && !p->is_null()) {
      if (!p->is_object() && !p->is_array())
        return invalid(echo_id, "\"params\" must be an object or an array");
      params = std::move(*p);
    }
    if (!is_valid_id(*id_it))
      return invalid(nullptr, "\"id\" must be an integer or a string, not " +
                                  std::string(id_it->is_number_float() ? "a fractional number"
                                                                       : id_it->type_name()));
    return Request{std::move(*id_it), method->get<std::string>(), std::move(params)};
  }

  auto result = msg.find("result");
  auto error = msg.find("error");
  if (result == msg.end() && error == msg.end()) return invalid(echo_id, "missing \"method\"");
  if (!has_id || !(is_valid_id(*id_it) || id_it->is_null()))
    return invalid(nullptr, "a response needs an integer, string or null \"id\"");
  if (result != msg.end() && error != msg.end())
    return invalid(echo_id, "a response cannot have both \"result\" and \"error\"");
  Response r{std::move(*id_it), std::nullopt, std::nullopt};
  if (result != msg.end()) {
    r.result = std::move(*result);
  } else {
    if (!error->is_object() || !error->contains("code") || !(*error)["code"].is_number_integer())
      return invalid(echo_id, "\"error\" must be an object with an integer \"code\"");
    r.error = std::move(*error);
  }
  return r;
}

json make_response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

std::string make_response_text(const json& id, std::string_view result) {
  // nlohmann::json keeps an object's keys sorted: "id", "jsonrpc", "result".
  std::string out = "{\"id\":";
  out += id.dump(-1, ' ', false, json::error_handler_t::replace);
  out += ",\"jsonrpc\":\"2.0\",\"result\":";
  out.reserve(out.size() + result.size() + 1);
  out += result;
  out += '}';
  return out;
}

json make_error(const json& id, int code, std::string_view message, std::optional<json> data) {
  json error{{"code", code}, {"message", message}};
  if (data) error["data"] = std::move(*data);
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

json make_request(const json& id, std::string_view method, json params) {
  json msg{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) msg["params"] = std::move(params);
  return msg;
}

json make_notification(std::string_view method, json params) {
  json msg{{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) msg["params"] = std::move(params);
  return msg;
}

} // namespace mend::protocol
