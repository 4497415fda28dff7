// Serving the dashboard: embedded files, security headers, and the token-to-cookie step.
#include "daemon/transport/http_routes.h"

#include "daemon/transport/serve_assets.h"

namespace mend::transport {

namespace http = boost::beast::http;

void add_security_headers(Response& res, unsigned short port) {
  std::string p = std::to_string(port);
  res.set(http::field::server, "mend");
  res.set("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws://127.0.0.1:" + p +
                                         " ws://localhost:" + p +
                                         "; img-src 'self' data:; style-src 'self'; script-src "
                                         "'self'; object-src 'none'; base-uri 'none'; "
                                         "form-action 'none'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  res.set(http::field::cache_control, "no-store");
}

Response error_response(const Request& req, http::status status, const std::string& reason) {
  Response res{status, req.version()};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.body() = reason + "\n";
  res.keep_alive(false);
  res.prepare_payload();
  return res;
}

namespace {

const WebAsset* find_asset(std::string_view name) {
  for (const auto& a : web_assets())
    if (a.name == name) return &a;
  return nullptr;
}

const char* mime_type(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

} // namespace

Response handle_request(const Request& req, const AccessPolicy& policy) {
  auto finish = [&](Response res) {
    add_security_headers(res, policy.port);
    return res;
  };
  AccessDecision access = check_access(req, policy);
  if (!access.allowed) return finish(error_response(req, access.status, access.reason));
  if (req.method() != http::verb::get && req.method() != http::verb::head) {
    Response res = error_response(req, http::status::method_not_allowed, "only GET is served here");
    res.set(http::field::allow, "GET, HEAD");
    return finish(std::move(res));
  }
  std::string_view target(req.target().data(), req.target().size());
  std::string path(target_path(target));
  if (access.source == TokenSource::Query) {
    // Trade the token in the address for a cookie, and drop it from the address bar.
    Response res{http::status::see_other, req.version()};
    res.set(http::field::location, path.empty() ? "/" : path);
    res.set(http::field::set_cookie,
            cookie_name(policy.port) + "=" + policy.token + "; Path=/; HttpOnly; SameSite=Strict");
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    return finish(std::move(res));
  }
  if (path == "/" || path == "/index.html") path = "/index.html";
  const WebAsset* asset = path.size() > 1 ? find_asset(std::string_view(path).substr(1)) : nullptr;
  if (!asset) return finish(error_response(req, http::status::not_found, "not found"));
  Response res{http::status::ok, req.version()};
  res.set(http::field::content_type, mime_type(asset->name));
  res.keep_alive(req.keep_alive());
  if (req.method() == http::verb::head) {
    res.content_length(asset->bytes.size());
  } else {
    res.body() = asset->bytes;
    res.prepare_payload();
  }
  return finish(std::move(res));
}

} // namespace mend::transport
