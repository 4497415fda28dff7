// Checked JSON reading: type names and the errors that use them.
#include "protocol/json_read.h"

namespace mend::protocol {

std::string_view json_type_name(const json& v) {
  switch (v.type()) {
  case json::value_t::object:
    return "object";
  case json::value_t::array:
    return "array";
  case json::value_t::string:
    return "string";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return "integer";
  case json::value_t::number_float:
    return "number";
  case json::value_t::boolean:
    return "boolean";
  case json::value_t::null:
    return "null";
  default:
    return "non-JSON value";
  }
}

void throw_wrong_type(const json& v, std::string_view expected) {
  throw InvalidParams("", "expected " + std::string(expected) + ", got " +
                              std::string(json_type_name(v)));
}

void expect_object(const json& v) {
  if (!v.is_object()) throw_wrong_type(v, "an object");
}

json params_object(const json& params) {
  if (params.is_null()) return json::object();
  expect_object(params);
  return params;
}

} // namespace mend::protocol
