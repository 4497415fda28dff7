// Harness (d): bytes as what a client sends to `mend serve` before the WebSocket takes over:
// Beast's HTTP parser with the daemon's limits (8 KiB of headers, 1 MiB of body), then the
// access rules (token, Host, Origin) and the request handler (http_routes: request -> response,
// no socket), as http_session.cpp chains them.
//
// Invariants beyond "no crash": every response carries the security headers, a refused request
// never gets a 2xx/3xx nor the cookie, and the token never appears in a response except as the
// cookie of an authorised first load.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <sstream>
#include <string>

#include "daemon/transport/http_access.h"
#include "daemon/transport/http_routes.h"
#include "fuzz_input.h"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const mend::transport::AccessPolicy policy{std::string(64, 'a'), 41503};
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Several requests may follow each other on one connection (keep-alive).
  while (!input.empty()) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(8 * 1024);
    parser.body_limit(1024 * 1024);
    parser.eager(true);
    boost::system::error_code ec;
    std::size_t used = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
    if (!ec && !parser.is_done()) {
      parser.put_eof(ec); // the client closed the connection
      if (ec) return 0;
    }
    if (ec || used == 0) return 0;
    input.remove_prefix(used);
    mend::transport::Request req = parser.release();
    auto decision = mend::transport::check_access(req, policy);
    mend::transport::Response res = mend::transport::handle_request(req, policy);
    res.prepare_payload();
    std::ostringstream wire;
    wire << res;
    std::string out = wire.str();
    // The token may be sent back only as the cookie of an authorised first load.
    bool leaked = res.body().find(policy.token) != std::string::npos;
    for (const auto& field : res)
      if (field.name() != http::field::set_cookie &&
          field.value().find(policy.token) != std::string::npos)
        leaked = true;
    if (leaked) mend::fuzz::fail("the token leaks into a response", out);
    if (res.find(http::field::set_cookie) != res.end() && !decision.allowed)
      mend::fuzz::fail("a refused request got the cookie", out);
    if (res.find("X-Content-Type-Options") == res.end())
      mend::fuzz::fail("a response lacks the security headers", out);
    unsigned status = res.result_int();
    if (!decision.allowed && status < 400)
      mend::fuzz::fail("a refused request got a success status", out);
  }
  return 0;
}
