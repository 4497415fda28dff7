// YAML (configuration, template packs, note front matter) read with yaml-cpp into JSON values.
//
// Everything a person may paste is accepted (block scalars, anchors and aliases, multi-line
// flow collections, tags); what cannot be read is reported with its line, never thrown. Input a
// person does not write by hand is refused before it costs much: more than kMaxYamlBytes,
// nesting deeper than kMaxYamlDepth, aliases expanding to more than kMaxYamlWeightFactor times
// the text's size.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

constexpr std::size_t kMaxYamlBytes = 1u << 20;
constexpr int kMaxYamlDepth = 64;
constexpr std::size_t kMaxYamlWeightFactor = 4;

struct YamlError {
  int line = 0; // 0-based, relative to the text given
  std::string message;
};

struct YamlResult {
  // An object for a map document, an array for a list, null for an empty document. After an
  // error that stops the parser, what was read before it (so a note's `date:` above a typo
  // still counts).
  nlohmann::json value;
  std::vector<YamlError> errors;
};

// Plain scalars are typed as YAML 1.2's core schema says for null (null, Null, NULL, ~, empty),
// booleans (true/false, also capitalised or upper case) and decimal integers that fit 64 bits;
// everything else, floats and dates included, is a string, as is every quoted or block scalar.
// Keys are strings. A duplicate key is an error; the first value stays. Only the first document
// is read; another one is an error. Line breaks are "\n", "\r\n" and a lone "\r", as in
// LineIndex. Invalid UTF-8 is an error on its line and is replaced by U+FFFD.
YamlResult parse_yaml(std::string_view text);

} // namespace mend::engine
