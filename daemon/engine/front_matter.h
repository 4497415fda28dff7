// A note's or template's front matter: the YAML block between "---" fences at the very top.
#pragma once

#include <optional>
#include <string_view>

namespace mend::engine {

struct FrontMatter {
  std::string_view yaml; // between the fences
  std::string_view body; // after the closing fence's line
  int body_line = 0;     // 0-based line of the text where the body starts
};

// Front matter is "---" on the very first line (a UTF-8 BOM before it is allowed) and a closing
// "---" or "..." line. Returns nullopt when the text does not start with one. Line breaks are
// "\n", "\r\n" and a lone "\r", as in LineIndex, so line numbers agree with the editor's.
std::optional<FrontMatter> split_front_matter(std::string_view text);

} // namespace mend::engine
