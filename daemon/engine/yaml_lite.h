// The YAML subset that template packs and note front matter use, parsed into JSON values.
//
// mend's dependencies include no YAML library, and packs need only a small, predictable subset
// (templates/README.md): block maps and lists, flow lists and maps of scalars, quoted scalars,
// comments. Anything outside it is reported as an error with its line, never thrown.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

struct YamlError {
  int line = 0; // 0-based, relative to the text given
  std::string message;
};

struct YamlResult {
  nlohmann::json value; // an object for a map document; null for an empty document
  std::vector<YamlError> errors;
};

// Plain scalars: integers become numbers, true/false booleans, null/~ null, the rest strings.
YamlResult parse_yaml_lite(std::string_view text);

struct FrontMatter {
  std::string_view yaml; // between the fences
  std::string_view body; // after the closing fence's line
  int body_line = 0;     // 0-based line of the text where the body starts
};

// Front matter is "---" on the very first line (a UTF-8 BOM before it is allowed) and a closing
// "---" or "..." line. Returns nullopt when the text does not start with one.
std::optional<FrontMatter> split_front_matter(std::string_view text);

} // namespace mend::engine
