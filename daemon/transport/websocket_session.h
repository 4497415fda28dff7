// One WebSocket client of `mend serve`: JSON-RPC messages in text frames, answered through its
// own Dispatcher (no initialize gating), and mend/didChangeProgress pushed when subscribed.
//
// Writes: one async_write in flight, the rest queued (Beast chat-multi). The queue is bounded
// in bytes and messages; a client that reads slower than mend writes is dropped, so it can
// never make the daemon's memory grow. Thread-safety: send() and close() may be called from
// any thread (they post to the session's strand); everything else runs on the strand.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "protocol/dispatcher.h"

namespace mend::transport {

class ServeState;

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
public:
  WebSocketSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<ServeState> state);
  ~WebSocketSession();

  // Accepts the upgrade request already read (and authorised) by the HTTP session.
  void run(boost::beast::http::request<boost::beast::http::string_body> req);
  void send(std::shared_ptr<const std::string> message);
  // Closes after the queued messages are written (shutdown).
  void close();
  bool subscribed() const { return subscribed_; }

private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void on_send(std::shared_ptr<const std::string> message);
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void do_close();
  void drop(const std::string& why);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<ServeState> state_;
  std::unique_ptr<protocol::Dispatcher> dispatcher_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_bytes_ = 0;
  bool joined_ = false;
  bool subscribed_ = false;
  bool closing_ = false; // close after the queue drains
  bool closed_ = false;  // close sent or socket dropped: write nothing more
};

} // namespace mend::transport
