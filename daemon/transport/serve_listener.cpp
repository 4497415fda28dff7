// The loopback listener of `mend serve`.
#include "daemon/transport/serve_listener.h"

#include <iostream>

#include <boost/asio/strand.hpp>

#include "daemon/transport/http_session.h"
#include "daemon/transport/serve_state.h"

namespace mend::transport {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
void fail(boost::beast::error_code ec, const char* what) {
  std::cerr << "mend serve: " << what << ": " << ec.message() << "\n";
}
} // namespace

ServeListener::ServeListener(net::io_context& ioc, std::shared_ptr<ServeState> state)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), state_(std::move(state)) {}

bool ServeListener::open(unsigned short port, std::string* error) {
  boost::beast::error_code ec;
  tcp::endpoint endpoint(net::ip::make_address_v4("127.0.0.1"), port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + ec.message();
    return false;
  }
  return true;
}

unsigned short ServeListener::port() const {
  boost::beast::error_code ec;
  return acceptor_.local_endpoint(ec).port();
}

void ServeListener::run() {
  do_accept();
}

void ServeListener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::beast::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

void ServeListener::do_accept() {
  acceptor_.async_accept(
      net::make_strand(ioc_),
      boost::beast::bind_front_handler(&ServeListener::on_accept, shared_from_this()));
}

void ServeListener::on_accept(boost::beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted) return; // stopped
  if (ec) {
    fail(ec, "accept");
  } else {
    std::make_shared<HttpSession>(std::move(socket), state_)->run();
  }
  if (acceptor_.is_open()) do_accept();
}

} // namespace mend::transport
