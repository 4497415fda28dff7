// Unit tests for yaml_lite.h: the YAML subset of templates/README.md and front matter fences.
#include "daemon/engine/yaml_lite.h"

#include <catch2/catch.hpp>

#include <string>

using mend::engine::parse_yaml_lite;
using mend::engine::split_front_matter;
using mend::engine::YamlResult;
using nlohmann::json;

namespace {

// Parses `text` expecting no errors; returns the value.
json parse_ok(std::string_view text) {
  const YamlResult result = parse_yaml_lite(text);
  for (const auto& e : result.errors)
    UNSCOPED_INFO("line " << e.line << ": " << e.message);
  CHECK(result.errors.empty());
  return result.value;
}

// The 0-based lines of the errors, in order.
std::vector<int> error_lines(const YamlResult& result) {
  std::vector<int> lines;
  for (const auto& e : result.errors)
    lines.push_back(e.line);
  return lines;
}

bool has_error(const YamlResult& result, int line, std::string_view word) {
  for (const auto& e : result.errors) {
    if (e.line == line && e.message.find(word) != std::string::npos) return true;
  }
  return false;
}

} // namespace

TEST_CASE("empty and comment-only documents are null", "[yaml]") {
  CHECK(parse_ok("").is_null());
  CHECK(parse_ok("\n  \n# just a comment\n   # another\n").is_null());
}

TEST_CASE("block map with plain scalars and types", "[yaml]") {
  const json v = parse_ok("step: why\n"
                          "order: 2\n"
                          "negative: -7\n"
                          "big: 99999999999999999999\n"
                          "yes: true\n"
                          "no: false\n"
                          "nothing: null\n"
                          "tilde: ~\n"
                          "empty:\n"
                          "float: 1.5\n"
                          "title: Understand why the separation happened\n");
  CHECK(v == json{{"step", "why"},
                  {"order", 2},
                  {"negative", -7},
                  {"big", "99999999999999999999"},
                  {"yes", true},
                  {"no", false},
                  {"nothing", nullptr},
                  {"tilde", nullptr},
                  {"empty", nullptr},
                  {"float", "1.5"},
                  {"title", "Understand why the separation happened"}});
  CHECK(v["order"].is_number_integer());
}

TEST_CASE("comments, keys with spaces and dashes, colons in values", "[yaml]") {
  const json v = parse_ok("step: why                 # catalogue step id\n"
                          "short: Understand why it ended      # used in \"next: …\"\n"
                          "log overdue-days: 7\n"
                          "url: http://example.com/a#frag\n"
                          "issue: C# and F#\n"
                          "time: 10:30\n"
                          "# a full-line comment\n"
                          "  # an indented comment\n"
                          "note: 100% sure\n");
  CHECK(v["step"] == "why");
  CHECK(v["short"] == "Understand why it ended");
  CHECK(v["log overdue-days"] == 7);
  CHECK(v["url"] == "http://example.com/a#frag");
  CHECK(v["issue"] == "C# and F#");
  CHECK(v["time"] == "10:30");
  CHECK(v["note"] == "100% sure");
}

TEST_CASE("quoted scalars", "[yaml]") {
  const json v = parse_ok("a: \"say \\\"hi\\\" \\\\ done\"\n"
                          "b: \"line\\nnext\\ttab \\u00e9 \\ud83d\\ude00\"\n"
                          "c: 'it''s # not a comment'\n"
                          "d: \"123\"\n"
                          "e: 'true'   # comment after\n"
                          "f: \"\"\n"
                          "\"quoted key\": 1\n"
                          "'single: key': 2\n");
  CHECK(v["a"] == "say \"hi\" \\ done");
  CHECK(v["b"] == "line\nnext\ttab \xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(v["c"] == "it's # not a comment");
  CHECK(v["d"] == "123");
  CHECK(v["e"] == "true");
  CHECK(v["f"] == "");
  CHECK(v["quoted key"] == 1);
  CHECK(v["single: key"] == 2);
}

TEST_CASE("UTF-8 passes through", "[yaml]") {
  const json v =
      parse_ok("titre: Comprendre pourquoi — « la séparation »\nmois: [février, août]\n");
  CHECK(v["titre"] == "Comprendre pourquoi — « la séparation »");
  CHECK(v["mois"] == json{"février", "août"});
}

TEST_CASE("flow lists and maps", "[yaml]") {
  const json v = parse_ok("requires: []\n"
                          "aliases: [why we broke up, why it ended]\n"
                          "mixed: [a, \"b, c\", 'd', 3, true, ~]\n"
                          "nil_replies: [i don't know, idk, n/a, ...]\n"
                          "trailing: [a, b,]\n"
                          "he: {they: he, them: him, their: his}\n"
                          "empty: {}\n"
                          "quoted: {\"a, b\": 'c}', d: 1}\n"
                          "months: [[january, jan], [february, feb]]\n"
                          "nested: {a: [1, 2], b: {c: d}}\n"
                          "spaced: [ a ,  b ]  # comment\n");
  CHECK(v["requires"] == json::array());
  CHECK(v["aliases"] == json{"why we broke up", "why it ended"});
  CHECK(v["mixed"] == json{"a", "b, c", "d", 3, true, nullptr});
  CHECK(v["nil_replies"] == json{"i don't know", "idk", "n/a", "..."});
  CHECK(v["trailing"] == json{"a", "b"});
  CHECK(v["he"] == json{{"they", "he"}, {"them", "him"}, {"their", "his"}});
  CHECK(v["empty"] == json::object());
  CHECK(v["quoted"] == json{{"a, b", "c}"}, {"d", 1}});
  CHECK(v["months"] ==
        json::array({json::array({"january", "jan"}), json::array({"february", "feb"})}));
  CHECK(v["nested"] == json{{"a", {1, 2}}, {"b", {{"c", "d"}}}});
  CHECK(v["spaced"] == json{"a", "b"});
}

TEST_CASE("block lists, lists of maps, nesting", "[yaml]") {
  const json v = parse_ok("questions:\n"
                          "  - id: why.official\n"
                          "    text: What were {their} official reasons?\n"
                          "    aliases:\n"
                          "      - official reasons\n"
                          "      - Why did {they} say {they} left?\n"
                          "    fault_finding: true\n"
                          "  - id: why.other\n"
                          "    sub:\n"
                          "      deeper:\n"
                          "        - - x\n"
                          "          - y\n"
                          "        -\n"
                          "          k: v\n"
                          "        -\n"
                          "  - plain item\n"
                          "  - [flow, in, list]\n"
                          "  - {a: b}\n"
                          "  - \"quoted: not a key\"\n"
                          "same_column:\n"
                          "- a\n"
                          "- b\n"
                          "after: 1\n");
  const json expected = {
      {"questions",
       {{{"id", "why.official"},
         {"text", "What were {their} official reasons?"},
         {"aliases", {"official reasons", "Why did {they} say {they} left?"}},
         {"fault_finding", true}},
        {{"id", "why.other"}, {"sub", {{"deeper", {{"x", "y"}, {{"k", "v"}}, nullptr}}}}},
        "plain item",
        {"flow", "in", "list"},
        {{"a", "b"}},
        "quoted: not a key"}},
      {"same_column", {"a", "b"}},
      {"after", 1}};
  CHECK(v == expected);
}

TEST_CASE("a comment after a key that opens a block", "[yaml]") {
  CHECK(parse_ok("aliases:   # other headings\n  - a   # first\n  -  b\n") ==
        json{{"aliases", {"a", "b"}}});
  CHECK(parse_ok("- # nothing here\n- x\n") == json{nullptr, "x"});
}

TEST_CASE("a list document and an indented document", "[yaml]") {
  CHECK(parse_ok("- a\n- b: 1\n  c: 2\n") == json{"a", {{"b", 1}, {"c", 2}}});
  CHECK(parse_ok("  a: 1\n  b: 2\n") == json{{"a", 1}, {"b", 2}});
}

TEST_CASE("CRLF and lone CR line endings", "[yaml]") {
  CHECK(parse_ok("a: 1\r\nb:\r\n  - x\r\n") == json{{"a", 1}, {"b", {"x"}}});
  CHECK(parse_ok("a: 1\rb: 2\r") == json{{"a", 1}, {"b", 2}});
}

TEST_CASE("errors carry their line and parsing continues", "[yaml]") {
  SECTION("bad indentation") {
    const YamlResult r = parse_yaml_lite("a: 1\n   b: 2\nc: 3\n");
    CHECK(error_lines(r) == std::vector<int>{1});
    CHECK(has_error(r, 1, "indentation"));
    CHECK(r.value == json{{"a", 1}, {"c", 3}});
  }
  SECTION("dedent below the document") {
    const YamlResult r = parse_yaml_lite("  a: 1\nb: 2\n");
    CHECK(has_error(r, 1, "indentation"));
    CHECK(r.value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("unterminated quotes") {
    const YamlResult r = parse_yaml_lite("a: \"open\nb: 'also\nc: ok\n");
    CHECK(error_lines(r) == std::vector<int>{0, 1});
    CHECK(has_error(r, 0, "unterminated"));
    CHECK(has_error(r, 1, "unterminated"));
    CHECK(r.value["c"] == "ok");
  }
  SECTION("tab indentation") {
    const YamlResult r = parse_yaml_lite("a:\n\tb: 1\nc: 2\n");
    CHECK(error_lines(r) == std::vector<int>{1});
    CHECK(has_error(r, 1, "tab"));
    CHECK(r.value["c"] == 2);
  }
  SECTION("duplicate key keeps the first") {
    const YamlResult r = parse_yaml_lite("a: 1\nb: 2\na: 3\n");
    CHECK(error_lines(r) == std::vector<int>{2});
    CHECK(has_error(r, 2, "duplicate"));
    CHECK(r.value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("duplicate key in a flow map") {
    const YamlResult r = parse_yaml_lite("\n\nm: {a: 1, a: 2}\n");
    CHECK(has_error(r, 2, "duplicate"));
  }
  SECTION("a line that is neither key nor item") {
    const YamlResult r = parse_yaml_lite("a: 1\njust words\nb: 2\n");
    CHECK(error_lines(r) == std::vector<int>{1});
    CHECK(r.value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("list item among keys") {
    const YamlResult r = parse_yaml_lite("a: 1\n- x\nb: 2\n");
    CHECK(error_lines(r) == std::vector<int>{1});
    CHECK(r.value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("unterminated flow collections") {
    const YamlResult r = parse_yaml_lite("a: [x, y\nb: {c: d\nok: 1\n");
    CHECK(has_error(r, 0, "unterminated"));
    CHECK(has_error(r, 1, "unterminated"));
    CHECK(r.value["a"] == json{"x", "y"});
    CHECK(r.value["ok"] == 1);
  }
  SECTION("text after a value") {
    const YamlResult r = parse_yaml_lite("a: \"x\" y\nb: [1] 2\n");
    CHECK(error_lines(r) == std::vector<int>{0, 1});
    CHECK(r.value["a"] == "x");
  }
  SECTION("value then an indented block") {
    const YamlResult r = parse_yaml_lite("a: 1\n  - x\n  - y\nb: 2\n");
    CHECK(error_lines(r) == std::vector<int>{1});
    CHECK(r.value == json{{"a", 1}, {"b", 2}});
  }
  SECTION("bad escape") {
    const YamlResult r = parse_yaml_lite("a: \"\\q \\u12\"\n");
    CHECK(error_lines(r) == std::vector<int>{0, 0});
    CHECK(r.value["a"] == "\\q \\u12");
  }
  SECTION("errors in a list of maps") {
    const YamlResult r = parse_yaml_lite("l:\n  - a: 1\n     b: 2\n  - c: 3\n    c: 4\n");
    CHECK(has_error(r, 2, "indentation"));
    CHECK(has_error(r, 4, "duplicate"));
    CHECK(r.value == json{{"l", {{{"a", 1}}, {{"c", 3}}}}});
  }
}

TEST_CASE("invalid UTF-8 is replaced and reported, so the value serialises", "[yaml]") {
  const YamlResult r = parse_yaml_lite("a: ok\nb: caf\xC3 [\xFF]\n# \xFE\n");
  CHECK(error_lines(r) == std::vector<int>{1, 2});
  CHECK(has_error(r, 1, "UTF-8"));
  CHECK(r.value["b"] == "caf\xEF\xBF\xBD [\xEF\xBF\xBD]");
  CHECK_NOTHROW(r.value.dump());
}

TEST_CASE("deep nesting does not crash", "[yaml]") {
  SECTION("block maps") {
    std::string text;
    for (int k = 0; k < 10000; ++k)
      text += std::string(static_cast<std::size_t>(k), ' ') + "k:\n";
    const YamlResult r = parse_yaml_lite(text);
    CHECK_FALSE(r.errors.empty());
    CHECK(r.value.is_object());
  }
  SECTION("block lists on one line") {
    std::string text;
    for (int k = 0; k < 10000; ++k)
      text += "- ";
    text += "x\n";
    const YamlResult r = parse_yaml_lite(text);
    CHECK_FALSE(r.errors.empty());
  }
  SECTION("flow lists") {
    const std::string text = "a: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    const YamlResult r = parse_yaml_lite(text);
    CHECK(r.errors.size() <= 2);
    CHECK_FALSE(r.errors.empty());
  }
  SECTION("flow maps") {
    std::string text = "a: ";
    for (int k = 0; k < 10000; ++k)
      text += "{k: ";
    const YamlResult r = parse_yaml_lite(text);
    CHECK_FALSE(r.errors.empty());
  }
  SECTION("moderate depth is fine") {
    std::string text;
    for (int k = 0; k < 30; ++k)
      text += std::string(static_cast<std::size_t>(k * 2), ' ') + "k:\n";
    const YamlResult r = parse_yaml_lite(text);
    CHECK(r.errors.empty());
  }
}

TEST_CASE("arbitrary bytes never crash", "[yaml]") {
  const std::string alphabet = "- :#'\"[]{},\n\r\t\\ua1~x\xC3\xA9";
  std::uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(seed % 80);
    for (int k = 0; k < length; ++k) {
      seed = seed * 1664525u + 1013904223u;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    seed = seed * 1664525u + 1013904223u;
    const YamlResult r = parse_yaml_lite(text);
    for (const auto& e : r.errors) {
      CHECK(e.line >= 0);
      CHECK(e.line <= static_cast<int>(text.size()));
    }
  }
}

TEST_CASE("split_front_matter", "[yaml]") {
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
    CHECK(parse_yaml_lite(fm->yaml).value == json{{"a", 1}, {"b", 2}});
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
