// How a note's path is written where text must be UTF-8 (JSON reports, the page, logs).
//
// Why: Linux file names are bytes, and a note may be named in an old encoding ("caf\xe9.md").
// mend keeps such a path as its bytes everywhere inside (it is how the file is opened and the
// key of the folder report), and writes it at the edges:
//  - JSON: "path" is the path with each invalid sequence replaced by U+FFFD (readable, but not
//    unique), and only for such a path, "path_bytes" is the exact bytes percent-encoded as in a
//    file:// URI (RFC 3986: every byte but A-Z a-z 0-9 - . _ ~ / as %XX). A client that sends a
//    path back to `mend serve` sends "path_bytes" instead of "path" for such a note.
//  - text for people (`mend scan`, warnings, logs): each invalid byte as \xHH.
//  - URIs (mend lsp): protocol::path_to_uri percent-encodes the bytes already.
// A path that is valid UTF-8 is written as it always was: other notes' reports do not change.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mend::server {

// The path with each invalid UTF-8 sequence replaced by U+FFFD.
std::string path_text(std::string_view path);
// The path's bytes percent-encoded (what "path_bytes" holds).
std::string path_bytes(std::string_view path);
// The path for people: each byte of an invalid sequence written \xHH.
std::string path_for_people(std::string_view path);
// Sets j[key] to path_text(path) and, when the path is not valid UTF-8, j[key + "_bytes"] to
// path_bytes(path).
void put_path(nlohmann::json& j, const std::string& key, std::string_view path);

} // namespace mend::server
