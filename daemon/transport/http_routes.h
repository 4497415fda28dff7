// The HTTP side of `mend serve`: the dashboard page and its files, as a free function from a
// request to a response (no socket here; http_session.cpp does the I/O, as in Beast's
// chat-multi example).
#pragma once

#include <boost/beast/http.hpp>

#include "daemon/transport/http_access.h"

namespace mend::transport {

using Response = boost::beast::http::response<boost::beast::http::string_body>;

// Checks access first (a refusal becomes 401/403 with a one-line reason), then serves
// GET / (index.html), /app.js, /style.css. A first load authorised by ?token= sets the cookie
// and redirects to the same path without the token.
Response handle_request(const Request& req, const AccessPolicy& policy);

// A plain-text error response with the security headers.
Response error_response(const Request& req, boost::beast::http::status status,
                        const std::string& reason);

// The headers every response carries (CSP naming our own ws:// origin, nosniff, no referrer,
// no caching).
void add_security_headers(Response& res, unsigned short port);

} // namespace mend::transport
