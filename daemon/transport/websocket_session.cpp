// A WebSocket client: JSON-RPC in, answers and notifications out through a bounded queue.
#include "daemon/transport/websocket_session.h"

#include <iostream>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "daemon/server/free_memory.h"
#include "daemon/transport/serve_rpc.h"
#include "daemon/transport/serve_state.h"
#include "protocol/jsonrpc.h"

namespace mend::transport {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;

WebSocketSession::WebSocketSession(net::ip::tcp::socket&& socket, std::shared_ptr<ServeState> state)
    : ws_(std::move(socket)), state_(std::move(state)) {}

WebSocketSession::~WebSocketSession() {
  if (joined_) state_->leave(this);
}

void WebSocketSession::run(http::request<http::string_body> req) {
  const ServeLimits& limits = state_->limits();
  beast::get_lowest_layer(ws_).expires_never(); // the websocket timeouts take over
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = limits.handshake_timeout;
  timeouts.idle_timeout = limits.ws_idle_timeout;
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(http::field::server, "mend"); }));
  ws_.read_message_max(limits.body_bytes);
  ws_.auto_fragment(false);
  boost::system::error_code ignored;
  beast::get_lowest_layer(ws_).socket().set_option(
      net::socket_base::send_buffer_size(limits.socket_send_buffer), ignored);

  auto self = shared_from_this();
  protocol::DispatcherOptions options;
  options.log = [](std::string_view warning) { std::cerr << "mend serve: " << warning << "\n"; };
  options.raw_output = [weak = weak_from_this()](std::string text) {
    if (auto s = weak.lock()) s->send(std::make_shared<const std::string>(std::move(text)));
  };
  dispatcher_ = std::make_unique<protocol::Dispatcher>(
      [weak = weak_from_this()](protocol::json message) {
        if (auto s = weak.lock())
          s->send(std::make_shared<const std::string>(
              message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
      },
      std::move(options));
  bind_serve_methods(*dispatcher_, *state_, [weak = weak_from_this()](bool on) {
    if (auto s = weak.lock()) s->subscribed_ = on;
  });
  ws_.async_accept(req, beast::bind_front_handler(&WebSocketSession::on_accept, self));
}

void WebSocketSession::on_accept(beast::error_code ec) {
  if (ec) {
    std::cerr << "mend serve: websocket accept: " << ec.message() << "\n";
    return;
  }
  if (state_->shutting_down()) {
    closing_ = true;
    do_close();
    return;
  }
  state_->join(this);
  joined_ = true;
  do_read();
}

void WebSocketSession::do_read() {
  ws_.async_read(buffer_,
                 beast::bind_front_handler(&WebSocketSession::on_read, shared_from_this()));
}

void WebSocketSession::on_read(beast::error_code ec, std::size_t) {
  if (ec) {
    if (ec == websocket::error::message_too_big)
      std::cerr << "mend serve: a client sent a message over " << state_->limits().body_bytes
                << " bytes: connection closed\n";
    else if (ec != websocket::error::closed && ec != net::error::operation_aborted &&
             ec != net::error::eof && ec != net::error::not_connected &&
             ec != net::error::connection_reset && ec != beast::error::timeout)
      std::cerr << "mend serve: websocket read: " << ec.message() << "\n";
    closed_ = true;
    return;
  }
  std::string body = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  if (!closed_ && !closing_) dispatcher_->dispatch(protocol::parse_message(body));
  if (!closed_) do_read();
}

void WebSocketSession::send(std::shared_ptr<const std::string> message) {
  net::post(ws_.get_executor(), beast::bind_front_handler(&WebSocketSession::on_send,
                                                          shared_from_this(), std::move(message)));
}

void WebSocketSession::on_send(std::shared_ptr<const std::string> message) {
  if (closed_ || closing_) return;
  const ServeLimits& limits = state_->limits();
  // A slow reader shows in what waits behind the message being written, not in the size of one
  // answer: the complete mend/progress of a 100k-note folder is some 30 MB, and a client that
  // asked for it must get it. So a message is always taken when nothing waits; the limits apply
  // to what piles up after it.
  std::size_t in_flight = queue_.empty() ? 0 : queue_.front()->size();
  std::size_t waiting = queued_bytes_ - in_flight; // behind the one being written
  if (queue_.size() > 1 && (waiting + message->size() > limits.queue_bytes ||
                            queue_.size() + 1 > limits.queue_messages)) {
    drop("it reads too slowly (" + std::to_string(queue_.size()) + " messages, " +
         std::to_string(queued_bytes_) + " bytes waiting)");
    return;
  }
  queued_bytes_ += message->size();
  queue_.push_back(std::move(message));
  if (queue_.size() > 1) return; // a write is in flight
  ws_.text(true);
  ws_.async_write(net::buffer(*queue_.front()),
                  beast::bind_front_handler(&WebSocketSession::on_write, shared_from_this()));
}

void WebSocketSession::on_write(beast::error_code ec, std::size_t) {
  if (ec) {
    if (!closed_ && ec != net::error::operation_aborted)
      std::cerr << "mend serve: websocket write: " << ec.message() << "\n";
    closed_ = true;
    queue_.clear();
    queued_bytes_ = 0;
    return;
  }
  std::shared_ptr<const std::string> sent = std::move(queue_.front());
  queue_.pop_front();
  queued_bytes_ -= sent->size();
  // The last holder of a large answer (a broadcast is shared by every session) gives back what
  // building and holding it left free in malloc's arenas.
  if (sent->size() >= server::kLargeMessageBytes && sent.use_count() == 1) {
    sent.reset();
    server::release_free_memory();
  }
  if (!queue_.empty()) {
    ws_.async_write(net::buffer(*queue_.front()),
                    beast::bind_front_handler(&WebSocketSession::on_write, shared_from_this()));
  } else if (closing_) {
    do_close();
  }
}

void WebSocketSession::close() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->closed_ || self->closing_) return;
    self->closing_ = true;
    if (self->queue_.empty()) self->do_close();
  });
}

void WebSocketSession::do_close() {
  if (closed_) return;
  closed_ = true;
  ws_.async_close(
      websocket::close_reason(websocket::close_code::going_away, "mend serve is stopping"),
      [self = shared_from_this()](beast::error_code) {});
}

void WebSocketSession::drop(const std::string& why) {
  std::cerr << "mend serve: dropped a client: " << why << "\n";
  closed_ = true; // the write in flight (if any) fails and empties the queue
  boost::system::error_code ignored;
  auto& socket = beast::get_lowest_layer(ws_).socket();
  socket.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

} // namespace mend::transport
