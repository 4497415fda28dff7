// Unit tests for plain_text() (markdown.cpp): it must give inline_text(s).plain for every text,
// whatever shortcut it takes (no inline syntax; the text up to the last space before the first
// syntax byte set aside and only the rest parsed).
#include "daemon/engine/markdown.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

using mend::engine::inline_text;
using mend::engine::plain_text;

namespace {

// Every line of `text`, without its line break.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out.push_back(line);
    pos = end + 1;
  }
  return out;
}

} // namespace

TEST_CASE("plain_text parses only what follows the last space before the first syntax byte") {
  // The texts the prefilter reads: each line from each offset after a blank or a marker, with
  // one or more blanks before it (' ' and '\t'), as a list item's views are.
  std::vector<std::string> texts = {
      "[a](b) c",        "[[cat]] and **dog**",   "#tag **bold** end",  "(a) **b** c",
      "!**x**",          "![img](x.png) caption", "`code` *em*",        "<b>x</b> **y**",
      "&amp; **a**",     "\\*not em\\*",          "1. **What** now?",   "[ ] **task** x",
      "$x$ and **y**",   "a**b**c",               "-**(a)**-",          "[x] _u_ ~~s~~",
      ")**a**",          "\"**quoted**\"",        "**(a)**",            "_(a)_ b",
      "~~(a)~~ b",       "*a*",                   "__a__ b",            "**a** [b](c \"d\")",
  };
  for (const std::string& note :
       mend::test::fixture_notes({"tests/golden", "examples/notes", "templates"}))
    for (std::string_view line : lines_of(note))
      for (std::size_t p = 0; p < line.size(); ++p)
        if (p == 0 || line[p - 1] == ' ' || line[p - 1] == '-' || line[p - 1] == '>' ||
            line[p - 1] == ']')
          texts.emplace_back(line.substr(p));
  std::size_t checked = 0, shortcut = 0;
  for (const std::string& text : texts)
    for (std::string_view blanks : {"", " ", "  ", "\t", " \t "}) {
      std::string s = std::string(blanks) + text;
      INFO("text: [" << s << "]");
      REQUIRE(plain_text(s) == inline_text(s).plain);
      ++checked;
      const std::size_t first = s.find_first_of("*_~`<>$\\[]!&");
      if (first != std::string::npos && first > 0 && s.rfind(' ', first) != std::string::npos)
        ++shortcut;
    }
  CHECK(checked > 10000);
  CHECK(shortcut > 1000); // the shortcut was taken, and agreed
}

TEST_CASE("plain_text keeps the text it sets aside as it is") {
  CHECK(plain_text("  [a](b) c") == "  a c");
  CHECK(plain_text("\t#tag and **bold**") == "\t#tag and bold");
  CHECK(plain_text("Evening lake, (fog) _game_ perhaps") == "Evening lake, (fog) game perhaps");
  // After the space, an opening delimiter reads as at the start of the text.
  CHECK(plain_text("x **(a)** b") == inline_text("x **(a)** b").plain);
  CHECK(plain_text("x (**a**)") == "x (a)");
}
