// One HTTP connection to `mend serve`: reads requests with bounded headers and bodies, answers
// them with handle_request(), and hands an authorised WebSocket upgrade at /rpc to a
// WebSocketSession (Beast chat-multi's http_session).
#pragma once

#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace mend::transport {

class ServeState;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<ServeState> state);
  void run();

private:
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void send(boost::beast::http::response<boost::beast::http::string_body> res);
  void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<ServeState> state_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<boost::beast::http::response<boost::beast::http::string_body>> response_;
};

} // namespace mend::transport
