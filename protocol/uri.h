// file:// URIs ↔ filesystem paths, the only URI scheme mend reads files through.
//
// Encoding follows what VS Code and Neovim send: every byte outside the RFC 3986 unreserved
// set and '/' is percent-encoded as %XX with upper-case hex, so spaces, '#', '%', '?' and
// non-ASCII UTF-8 survive the round trip. Decoding accepts either case of hex. Paths are POSIX
// paths as UTF-8 strings; Windows drive letters and UNC hosts are not handled.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mend::protocol {

/// "/home/me/my notes/#1.md" → "file:///home/me/my%20notes/%231.md".
/// `path` must be absolute (start with '/'); otherwise std::invalid_argument is thrown.
std::string path_to_uri(std::string_view path);

/// The path of a file URI, decoded; nullopt for other schemes, a host other than empty or
/// "localhost", a relative path, or an encoded NUL byte. A '%' not followed by two hex digits is
/// kept as is. A query or fragment (unencoded '?' or '#') is not part of the path and is dropped.
std::optional<std::string> uri_to_path(std::string_view uri);

/// Percent-encodes every byte outside [A-Za-z0-9-._~/].
std::string percent_encode(std::string_view text);
/// Decodes %XX (either case); malformed escapes are kept literally.
std::string percent_decode(std::string_view text);

} // namespace mend::protocol
