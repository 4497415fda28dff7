// Checked reading of JSON into C++ values, for from_json functions that report bad fields.
//
// nlohmann's own conversions throw type_error without saying where; these helpers check the
// type themselves and, when a nested read fails, prepend the field name or array index to the
// InvalidParams path. Every from_json in protocol/ is written with them, and so should the
// mend/* extension types be.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/invalid_params.h"

namespace mend::protocol {

using json = nlohmann::json;

/// "object", "array", "string", "integer", "number", "boolean" or "null".
std::string_view json_type_name(const json& v);
/// Throws InvalidParams("", "expected <what>, got <type>").
[[noreturn]] void throw_wrong_type(const json& v, std::string_view expected);
/// Throws unless `v` is an object.
void expect_object(const json& v);
/// The params of a request whose params are all optional: absent (null) reads as {}.
json params_object(const json& params);

namespace detail {
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};
template <class T> struct is_string_map : std::false_type {};
template <class T> struct is_string_map<std::map<std::string, T>> : std::true_type {};
} // namespace detail

/// Reads `v` into `out`, checking its JSON type; structs go through their ADL from_json.
template <class T> void read_value(const json& v, T& out) {
  if constexpr (std::is_same_v<T, json>) {
    out = v;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) throw_wrong_type(v, "a string");
    out = v.get_ref<const std::string&>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_boolean()) throw_wrong_type(v, "a boolean");
    out = v.get<bool>();
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    if (!v.is_number_integer()) throw_wrong_type(v, "an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)
      throw InvalidParams("", "integer out of range");
    out = v.get<std::int64_t>();
  } else if constexpr (std::is_same_v<T, double>) {
    if (!v.is_number()) throw_wrong_type(v, "a number");
    out = v.get<double>();
  } else if constexpr (std::is_enum_v<T>) {
    // Unknown enum values are kept, not rejected: LSP lets both sides add values.
    if (!v.is_number_integer()) throw_wrong_type(v, "an integer");
    out = static_cast<T>(v.get<std::int64_t>());
  } else if constexpr (detail::is_optional<T>::value) {
    if (v.is_null()) {
      out.reset();
    } else {
      typename T::value_type inner{};
      read_value(v, inner);
      out = std::move(inner);
    }
  } else if constexpr (detail::is_vector<T>::value) {
    if (!v.is_array()) throw_wrong_type(v, "an array");
    out.clear();
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      try {
        read_value(v[i], out.emplace_back());
      } catch (InvalidParams& e) {
        e.prepend_index(i);
        throw;
      }
    }
  } else if constexpr (detail::is_string_map<T>::value) {
    expect_object(v);
    out.clear();
    for (const auto& [key, item] : v.items()) {
      try {
        read_value(item, out[key]);
      } catch (InvalidParams& e) {
        e.prepend(key);
        throw;
      }
    }
  } else {
    from_json(v, out); // a protocol struct; throws InvalidParams with a relative path
  }
}

/// Reads a required field of object `obj`; missing (or null, unless T is optional) is an error.
template <class T> void read_field(const json& obj, std::string_view key, T& out) {
  auto it = obj.find(key);
  if (it == obj.end() || (it->is_null() && !detail::is_optional<T>::value))
    throw InvalidParams(std::string(key), "required field is missing");
  try {
    read_value(*it, out);
  } catch (InvalidParams& e) {
    e.prepend(key);
    throw;
  }
}

/// Reads an optional field: absent or null leaves nullopt.
template <class T>
void read_optional(const json& obj, std::string_view key, std::optional<T>& out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    out.reset();
    return;
  }
  try {
    read_value(*it, out);
  } catch (InvalidParams& e) {
    e.prepend(key);
    throw;
  }
}

/// Writes `key` only when `v` holds a value.
template <class T> void write_optional(json& obj, std::string_view key, const std::optional<T>& v) {
  if (v) obj[std::string(key)] = *v;
}

} // namespace mend::protocol
