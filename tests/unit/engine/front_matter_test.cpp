// Unit tests for front_matter.h: the fences around the YAML at the top of a note or template.
#include "daemon/engine/front_matter.h"

#include "daemon/engine/yaml.h"

#include <catch2/catch.hpp>

using mend::engine::parse_yaml;
using mend::engine::split_front_matter;
using nlohmann::json;

TEST_CASE("split_front_matter", "[front_matter]") {
  SECTION("plain") {
    const auto fm = split_front_matter("---\na: 1\n---\nBody\n");
    REQUIRE(fm);
    CHECK(fm->yaml == "a: 1\n");
    CHECK(fm->body == "Body\n");
    CHECK(fm->body_line == 3);
  }
  SECTION("CRLF, BOM, trailing spaces, '...' closing") {
    const auto fm = split_front_matter("\xEF\xBB\xBF---  \r\na: 1\r\nb: 2\r\n...\t\r\n\r\nBody");
    REQUIRE(fm);
    CHECK(fm->yaml == "a: 1\r\nb: 2\r\n");
    CHECK(fm->body == "\r\nBody");
    CHECK(fm->body_line == 4);
    CHECK(parse_yaml(fm->yaml).value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("empty front matter, closing fence at the end of the text") {
    const auto fm = split_front_matter("---\n---");
    REQUIRE(fm);
    CHECK(fm->yaml.empty());
    CHECK(fm->body.empty());
    CHECK(fm->body_line == 2);
  }
  SECTION("lone CR") {
    const auto fm = split_front_matter("---\ra: 1\r---\rx");
    REQUIRE(fm);
    CHECK(fm->yaml == "a: 1\r");
    CHECK(fm->body == "x");
    CHECK(fm->body_line == 3);
  }
  SECTION("no front matter") {
    CHECK_FALSE(split_front_matter(""));
    CHECK_FALSE(split_front_matter("# Title\n---\n"));
    CHECK_FALSE(split_front_matter("\n---\na: 1\n---\n"));
    CHECK_FALSE(split_front_matter("----\na: 1\n----\n"));
    CHECK_FALSE(split_front_matter("---"));
    CHECK_FALSE(split_front_matter("--- x\na\n---\n"));
  }
  SECTION("no closing fence") {
    CHECK_FALSE(split_front_matter("---\na: 1\nbody\n"));
    CHECK_FALSE(split_front_matter("---\na: 1\n ---\n")); // an indented fence does not close
  }
  SECTION("the first closing fence wins") {
    const auto fm = split_front_matter("---\na: 1\n---\ntext\n---\nmore\n");
    REQUIRE(fm);
    CHECK(fm->yaml == "a: 1\n");
    CHECK(fm->body == "text\n---\nmore\n");
  }
}
