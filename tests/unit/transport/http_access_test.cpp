// Unit tests for http_access.h and http_routes.h: who may talk to `mend serve`, without sockets.
#include "daemon/transport/http_access.h"
#include "daemon/transport/http_routes.h"

#include <catch2/catch.hpp>

namespace http = boost::beast::http;
using namespace mend::transport;

namespace {

const std::string kToken(64, 'a');

AccessPolicy policy() {
  return AccessPolicy{kToken, 41503};
}

Request request(std::string target, std::vector<std::pair<std::string, std::string>> headers) {
  Request req{http::verb::get, target, 11};
  for (auto& [k, v] : headers)
    req.set(k, v);
  return req;
}

} // namespace

TEST_CASE("constant_time_equal compares whole tokens") {
  CHECK(constant_time_equal("abc", "abc"));
  CHECK_FALSE(constant_time_equal("abc", "abd"));
  CHECK_FALSE(constant_time_equal("abc", "ab"));
  CHECK_FALSE(constant_time_equal("ab", "abc"));
  CHECK_FALSE(constant_time_equal("", "")); // an empty token never matches
}

TEST_CASE("Host must be a loopback name with our port") {
  CHECK(host_allowed("127.0.0.1:41503", 41503));
  CHECK(host_allowed("LOCALHOST:41503", 41503));
  CHECK(host_allowed("[::1]:41503", 41503));
  CHECK_FALSE(host_allowed("127.0.0.1", 41503));
  CHECK_FALSE(host_allowed("127.0.0.1:41504", 41503));
  CHECK_FALSE(host_allowed("evil.example:41503", 41503));
  CHECK_FALSE(host_allowed("127.0.0.1.evil.example:41503", 41503));
}

TEST_CASE("Origin must be our own page") {
  CHECK(origin_allowed("http://127.0.0.1:41503", 41503));
  CHECK(origin_allowed("http://localhost:41503", 41503));
  CHECK_FALSE(origin_allowed("https://127.0.0.1:41503", 41503));
  CHECK_FALSE(origin_allowed("http://evil.example", 41503));
  CHECK_FALSE(origin_allowed("null", 41503));
}

TEST_CASE("query parameters are read and percent-decoded") {
  CHECK(query_param("/rpc?token=abc", "token") == "abc");
  CHECK(query_param("/?a=1&token=a%62c&b=2", "token") == "abc");
  CHECK(query_param("/?tokens=abc", "token").empty());
  CHECK(query_param("/", "token").empty());
  CHECK(target_path("/rpc?token=abc") == "/rpc");
}

TEST_CASE("check_access: each way of presenting the token, and each refusal") {
  const std::string host = "127.0.0.1:41503";
  CHECK(
      check_access(request("/", {{"Host", host}, {"Authorization", "Bearer " + kToken}}), policy())
          .allowed);
  auto q = check_access(request("/?token=" + kToken, {{"Host", host}}), policy());
  CHECK((q.allowed && q.source == TokenSource::Query));
  auto c = check_access(
      request("/", {{"Host", host}, {"Cookie", "x=1; mend-token-41503=" + kToken}}), policy());
  CHECK((c.allowed && c.source == TokenSource::Cookie));
  // The cookie of another mend serve (another port) is not ours.
  CHECK_FALSE(check_access(request("/", {{"Host", host}, {"Cookie", "mend-token-41504=" + kToken}}),
                           policy())
                  .allowed);

  auto none = check_access(request("/", {{"Host", host}}), policy());
  CHECK(none.status == http::status::unauthorized);
  auto wrong = check_access(
      request("/", {{"Host", host}, {"Authorization", "Bearer " + std::string(64, 'b')}}),
      policy());
  CHECK(wrong.status == http::status::forbidden);
  auto no_host = check_access(request("/", {{"Authorization", "Bearer " + kToken}}), policy());
  CHECK(no_host.status == http::status::forbidden);
  auto origin = check_access(request("/", {{"Host", host},
                                           {"Origin", "http://evil.example"},
                                           {"Authorization", "Bearer " + kToken}}),
                             policy());
  CHECK(origin.status == http::status::forbidden);
}

TEST_CASE(
    "handle_request: the token in the URL becomes a cookie, and pages carry security headers") {
  auto res = handle_request(request("/?token=" + kToken, {{"Host", "127.0.0.1:41503"}}), policy());
  CHECK(res.result() == http::status::see_other);
  CHECK(res[http::field::location] == "/");
  CHECK(std::string(res[http::field::set_cookie]).find("HttpOnly; SameSite=Strict") !=
        std::string::npos);

  auto page = handle_request(
      request("/", {{"Host", "127.0.0.1:41503"}, {"Authorization", "Bearer " + kToken}}), policy());
  CHECK(page.result() == http::status::ok);
  CHECK(std::string(page["Content-Security-Policy"])
            .find("connect-src 'self' ws://127.0.0.1:41503") != std::string::npos);
  CHECK(page["X-Content-Type-Options"] == "nosniff");
  CHECK(page["Referrer-Policy"] == "no-referrer");
  CHECK(page[http::field::cache_control] == "no-store");
  CHECK(page.find(http::field::access_control_allow_origin) == page.end());

  auto refused = handle_request(request("/", {{"Host", "127.0.0.1:41503"}}), policy());
  CHECK(refused.result() == http::status::unauthorized);
  CHECK(refused["X-Content-Type-Options"] == "nosniff");
}
