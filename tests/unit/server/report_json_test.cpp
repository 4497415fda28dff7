// Writing a report's array item by item (report_json.h: dump_with_array).
#include <catch2/catch.hpp>

#include "daemon/server/report_json.h"

using namespace mend::server;
using nlohmann::json;

namespace {

// Writes `items` the way a caller of dump_with_array does: each dumped, comma-separated.
std::function<void(std::string&)> writer_of(const json& items) {
  return [&items](std::string& text) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) text += ',';
      text += dump_compact(items[i]);
    }
  };
}

json with(json object, const std::string& key, const json& items) {
  object[key] = items;
  return object;
}

} // namespace

TEST_CASE("dump_with_array writes the very text of the whole tree's dump", "[report_json]") {
  // Keys sorting before and after the array's, a value that looks like the array's key, and
  // text that is not UTF-8 in the items and around them (replaced, as dump_compact does).
  const json object = {{"aaa", "notes"},
                       {"mend", 1},
                       {"root", "d\xe9j\xe0/\"notes\":[]"},
                       {"summary", {{"notes", 3}, {"next_step", nullptr}}},
                       {"zzz", json::array({1, 2})}};
  const json items = json::array({{{"path", "caf\xe9.md"}, {"questions", json::array()}},
                                  {{"path", "b.md"}, {"line", 4}},
                                  "\x01notes\x01"});
  CHECK(dump_with_array(object, "notes", writer_of(items)) ==
        dump_compact(with(object, "notes", items)));
  CHECK(dump_with_array(object, "notes", writer_of(json::array())) ==
        dump_compact(with(object, "notes", json::array())));
  // Any key, including one the object already holds (its old value is replaced).
  CHECK(dump_with_array(object, "zzz", writer_of(items)) ==
        dump_compact(with(object, "zzz", items)));
  CHECK(dump_with_array(json::object(), "x", writer_of(items), 1 << 20) ==
        dump_compact(with(json::object(), "x", items)));
}

TEST_CASE("dump_with_array's text parses back to the object with its array", "[report_json]") {
  const json object = {{"mend", 1}, {"today", "2026-12-05"}};
  const json items = json::array({{{"path", "a.md"}}, {{"path", "b.md"}}});
  const json parsed = json::parse(dump_with_array(object, "notes", writer_of(items)));
  CHECK(parsed["notes"] == items);
  CHECK(parsed["today"] == "2026-12-05");
  CHECK(parsed.size() == 3);
}
