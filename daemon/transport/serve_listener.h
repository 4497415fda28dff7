// Accepts TCP connections on 127.0.0.1 for `mend serve` and starts an HttpSession for each,
// on its own strand (Beast chat-multi's listener).
#pragma once

#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

namespace mend::transport {

class ServeState;

class ServeListener : public std::enable_shared_from_this<ServeListener> {
public:
  ServeListener(boost::asio::io_context& ioc, std::shared_ptr<ServeState> state);
  // Binds 127.0.0.1:port (0: any free port). Returns false and sets *error when it cannot.
  bool open(unsigned short port, std::string* error);
  unsigned short port() const;
  void run();
  void stop();

private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::shared_ptr<ServeState> state_;
};

} // namespace mend::transport
