// The owner-only rules of `mend serve`: token, Host and Origin.
#include "daemon/transport/http_access.h"

#include <cctype>
#include <cstdint>

namespace mend::transport {

namespace http = boost::beast::http;

bool constant_time_equal(std::string_view a, std::string_view b) {
  // Compares every byte of the longer input whatever matches, so timing reveals no prefix.
  std::size_t n = a.size() > b.size() ? a.size() : b.size();
  volatile std::uint8_t diff = static_cast<std::uint8_t>(a.size() != b.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t x = i < a.size() ? static_cast<std::uint8_t>(a[i]) : 0;
    std::uint8_t y = i < b.size() ? static_cast<std::uint8_t>(b[i]) : 0;
    diff = static_cast<std::uint8_t>(diff | (x ^ y));
  }
  return diff == 0 && !a.empty();
}

std::string cookie_name(unsigned short port) {
  return "mend-token-" + std::to_string(port);
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else if (s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string cookie_value(std::string_view header, std::string_view name) {
  // "a=1; mend-token-8080=abc; b=2"
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(pos, end - pos);
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

} // namespace

std::string_view target_path(std::string_view target) {
  std::size_t q = target.find('?');
  return q == std::string_view::npos ? target : target.substr(0, q);
}

std::string query_param(std::string_view target, std::string_view key) {
  std::size_t q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = target.substr(q + 1);
  std::size_t hash = query.find('#');
  if (hash != std::string_view::npos) query = query.substr(0, hash);
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(pos, end - pos);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == key)
      return percent_decode(pair.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

bool host_allowed(std::string_view host, unsigned short port) {
  std::string h = lower(host);
  std::string p = ":" + std::to_string(port);
  return h == "127.0.0.1" + p || h == "localhost" + p || h == "[::1]" + p;
}

bool origin_allowed(std::string_view origin, unsigned short port) {
  std::string o = lower(origin);
  std::string p = ":" + std::to_string(port);
  return o == "http://127.0.0.1" + p || o == "http://localhost" + p || o == "http://[::1]" + p;
}

AccessDecision check_access(const Request& req, const AccessPolicy& policy) {
  AccessDecision d;
  auto host = req.find(http::field::host);
  if (host == req.end() ||
      !host_allowed(std::string_view(host->value().data(), host->value().size()), policy.port)) {
    d.status = http::status::forbidden;
    d.reason =
        "mend serve answers only requests addressed to 127.0.0.1:" + std::to_string(policy.port) +
        " or localhost:" + std::to_string(policy.port) + " (Host header)";
    return d;
  }
  auto origin = req.find(http::field::origin);
  if (origin != req.end() &&
      !origin_allowed(std::string_view(origin->value().data(), origin->value().size()),
                      policy.port)) {
    d.status = http::status::forbidden;
    d.reason = "cross-origin requests are refused (Origin must be http://127.0.0.1:" +
               std::to_string(policy.port) + ")";
    return d;
  }
  std::string presented;
  auto auth = req.find(http::field::authorization);
  if (auth != req.end()) {
    std::string_view v(auth->value().data(), auth->value().size());
    if (v.size() > 7 && lower(v.substr(0, 7)) == "bearer ") {
      presented = std::string(v.substr(7));
      d.source = TokenSource::Header;
    }
  }
  if (d.source == TokenSource::None) {
    std::string_view target(req.target().data(), req.target().size());
    std::string q = query_param(target, "token");
    if (!q.empty()) {
      presented = q;
      d.source = TokenSource::Query;
    }
  }
  if (d.source == TokenSource::None) {
    auto cookie = req.find(http::field::cookie);
    if (cookie != req.end()) {
      std::string c = cookie_value(std::string_view(cookie->value().data(), cookie->value().size()),
                                   cookie_name(policy.port));
      if (!c.empty()) {
        presented = c;
        d.source = TokenSource::Cookie;
      }
    }
  }
  if (d.source == TokenSource::None) {
    d.status = http::status::unauthorized;
    d.reason =
        "a token is required: open the address mend serve printed (it ends in ?token=…), or send "
        "Authorization: Bearer with the token from the serve file";
    return d;
  }
  if (!constant_time_equal(presented, policy.token)) {
    d.status = http::status::forbidden;
    d.reason = "wrong token";
    return d;
  }
  d.allowed = true;
  return d;
}

} // namespace mend::transport
