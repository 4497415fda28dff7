// Note paths written as UTF-8 text (see note_path.h).
#include "daemon/server/note_path.h"

#include "daemon/engine/unicode.h"
#include "protocol/uri.h"

namespace mend::server {

std::string path_text(std::string_view path) {
  return engine::is_valid_utf8(path) ? std::string(path) : engine::sanitize_utf8(path);
}

std::string path_bytes(std::string_view path) {
  return protocol::percent_encode(path);
}

std::string path_for_people(std::string_view path) {
  if (engine::is_valid_utf8(path)) return std::string(path);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  // Character by character: a lead byte's sequence is kept when it is valid on its own, any
  // other byte is escaped.
  for (std::size_t i = 0; i < path.size();) {
    const engine::Utf8Char ch = engine::decode_utf8(path, i);
    if (ch.valid) {
      out.append(path.substr(i, ch.length));
      i += ch.length;
    } else {
      const auto c = static_cast<unsigned char>(path[i]);
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      ++i;
    }
  }
  return out;
}

void put_path(nlohmann::json& j, const std::string& key, std::string_view path) {
  if (engine::is_valid_utf8(path)) {
    j[key] = std::string(path);
    return;
  }
  j[key] = engine::sanitize_utf8(path);
  j[key + "_bytes"] = path_bytes(path);
}

} // namespace mend::server
