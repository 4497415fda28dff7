// Who may talk to `mend serve`: the owner only. Pure functions over a request's headers (no
// socket), so every rule is testable on its own.
//
// Why all three checks: the daemon listens on 127.0.0.1, but any web page the person opens can
// make their browser connect there. The token (256 random bits, in a 0600 file) proves the
// caller could read the person's files; the Host check defeats DNS rebinding (evil.example
// resolving to 127.0.0.1 sends "Host: evil.example"); the Origin check stops a foreign page
// from opening the WebSocket with the cookie the dashboard set (browsers send cookies on
// cross-site WebSocket handshakes but always send the true Origin).
//
// Ways to present the token (as Jupyter does): "Authorization: Bearer T", "?token=T" in the
// URL (the printed address; the page's first load then sets a cookie and redirects to drop the
// token from the address bar), or the cookie "mend-token-PORT" (HttpOnly, SameSite=Strict).
#pragma once

#include <string>
#include <string_view>

#include <boost/beast/http.hpp>

namespace mend::transport {

struct AccessPolicy {
  std::string token;       // 64 hex digits
  unsigned short port = 0; // the port we listen on (Host and Origin must name it)
};

enum class TokenSource { None, Header, Query, Cookie };

struct AccessDecision {
  bool allowed = false;
  boost::beast::http::status status = boost::beast::http::status::ok; // when refused
  std::string reason;                                                 // when refused
  TokenSource source = TokenSource::None;
};

using Request = boost::beast::http::request<boost::beast::http::string_body>;

AccessDecision check_access(const Request& req, const AccessPolicy& policy);

// Rules, exposed for tests and the page's CSP.
bool host_allowed(std::string_view host, unsigned short port);
bool origin_allowed(std::string_view origin, unsigned short port);
bool constant_time_equal(std::string_view a, std::string_view b);
std::string cookie_name(unsigned short port);
// The value of query parameter `key` in a request target ("/rpc?token=abc"), percent-decoded.
std::string query_param(std::string_view target, std::string_view key);
std::string_view target_path(std::string_view target);

} // namespace mend::transport
