// An HTTP connection: requests in, responses out, or an upgrade to WebSocket at /rpc.
#include "daemon/transport/http_session.h"

#include <iostream>

#include <boost/beast/websocket.hpp>

#include "daemon/transport/http_routes.h"
#include "daemon/transport/serve_state.h"
#include "daemon/transport/websocket_session.h"

namespace mend::transport {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;

HttpSession::HttpSession(net::ip::tcp::socket&& socket, std::shared_ptr<ServeState> state)
    : stream_(std::move(socket)), state_(std::move(state)) {}

void HttpSession::run() {
  do_read();
}

void HttpSession::do_read() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(state_->limits().header_bytes));
  parser_->body_limit(state_->limits().body_bytes);
  // The first request must arrive within the handshake timeout; later ones within the idle one.
  stream_.expires_after(response_ ? state_->limits().http_idle_timeout
                                  : state_->limits().handshake_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
      ec == beast::error::timeout || ec == net::error::connection_reset) {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    return;
  }
  if (ec) {
    http::request<http::string_body> blank;
    blank.version(11);
    if (ec == http::error::header_limit) {
      send(error_response(blank, http::status::request_header_fields_too_large,
                          "request headers are limited to " +
                              std::to_string(state_->limits().header_bytes) + " bytes"));
    } else if (ec == http::error::body_limit) {
      send(error_response(blank, http::status::payload_too_large,
                          "request bodies are limited to " +
                              std::to_string(state_->limits().body_bytes) + " bytes"));
    } else {
      send(error_response(blank, http::status::bad_request, "malformed request: " + ec.message()));
    }
    return;
  }
  http::request<http::string_body> req = parser_->release();
  std::string_view target(req.target().data(), req.target().size());
  if (websocket::is_upgrade(req) && target_path(target) == "/rpc") {
    AccessDecision access = check_access(req, state_->policy());
    if (!access.allowed) {
      Response res = error_response(req, access.status, access.reason);
      add_security_headers(res, state_->policy().port);
      send(std::move(res));
      return;
    }
    if (state_->shutting_down()) {
      send(error_response(req, http::status::service_unavailable, "mend serve is stopping"));
      return;
    }
    std::make_shared<WebSocketSession>(stream_.release_socket(), state_)->run(std::move(req));
    return;
  }
  send(handle_request(req, state_->policy()));
}

void HttpSession::send(http::response<http::string_body> res) {
  bool keep_alive = res.keep_alive() && !state_->shutting_down();
  res.keep_alive(keep_alive);
  response_ = std::make_shared<http::response<http::string_body>>(std::move(res));
  stream_.expires_after(state_->limits().http_idle_timeout);
  http::async_write(
      stream_, *response_,
      beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
  if (ec) return;
  if (!keep_alive) {
    beast::error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    return;
  }
  do_read();
}

} // namespace mend::transport
