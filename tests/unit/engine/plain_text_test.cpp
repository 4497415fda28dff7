// Unit tests for inline_text() and plain_text() (markdown.cpp): they must give what the inline
// parse of the whole text gives (inline_text_whole()), whatever shortcut they take (no inline
// syntax; the words before the first syntax byte and after the last one set aside, and only the
// middle parsed).
#include "daemon/engine/markdown.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

using mend::engine::inline_text;
using mend::engine::inline_text_whole;
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

// inline_text() reads `s` as the whole inline parse does (`whole`), every field of it.
void require_read_as_parsed(const std::string& s, const mend::engine::InlineText& whole) {
  const mend::engine::InlineText fast = inline_text(s);
  REQUIRE(fast.plain == whole.plain);
  REQUIRE(fast.strong_prefix == whole.strong_prefix);
  REQUIRE(fast.strong_prefix_end == whole.strong_prefix_end);
  REQUIRE(fast.all_strong == whole.all_strong);
}

} // namespace

TEST_CASE("inline_text parses only the words that hold inline syntax") {
  // The texts the prefilter reads: each line from each offset after a blank or a marker, with
  // one or more blanks before it (' ' and '\t'), as a list item's views are.
  std::vector<std::string> texts = {
      "**a** b c",
      "**a**:",
      "**a** : b",
      "  **a b** c",
      "**a *b* c** d e",
      "[a](b) c",
      "[[cat]] and **dog**",
      "#tag **bold** end",
      "(a) **b** c",
      "!**x**",
      "![img](x.png) caption",
      "`code` *em*",
      "<b>x</b> **y**",
      "&amp; **a**",
      "\\*not em\\*",
      "1. **What** now?",
      "[ ] **task** x",
      "$x$ and **y**",
      "a**b**c",
      "-**(a)**-",
      "[x] _u_ ~~s~~",
      ")**a**",
      "\"**quoted**\"",
      "**(a)**",
      "_(a)_ b",
      "~~(a)~~ b",
      "*a*",
      "__a__ b",
      "**a** [b](c \"d\")",
      "[a](b c) d",
      "[a](b c d)",
      "x [a](b 'c') d",
      "`a b` c d",
      "``a ` b`` c",
      "**a b** c",
      "*a* (b) c",
      "**a** )",
      "x **a b c",
      "x [a b c",
      "[a] (b) c",
      "a_b c_d e",
      "$a b$ c",
      "<a b> c",
      "x *a* b*",
      "x **a** b** c",
      "x [a] [b] c",
      "x [a](<b c>) d",
      "**a** b, (c) d",
      "x ~~a~~ b ~c",
  };
  for (const std::string& note :
       mend::test::fixture_notes({"tests/golden", "examples/notes", "templates", "tests/corpus/dev",
                                  "tests/corpus/dev-2"}))
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
      const mend::engine::InlineText whole = inline_text_whole(s), cut = inline_text(s);
      REQUIRE(plain_text(s) == whole.plain);
      REQUIRE(cut.plain == whole.plain);
      REQUIRE(cut.strong_prefix == whole.strong_prefix);
      REQUIRE(cut.strong_prefix_end == whole.strong_prefix_end);
      REQUIRE(cut.all_strong == whole.all_strong);
      ++checked;
      const std::size_t first = s.find_first_of("*_~`<>$\\[]!&");
      if (first != std::string::npos &&
          ((first > 0 && s.rfind(' ', first) != std::string::npos) ||
           s.find(' ', s.find_last_of("*_~`<>$\\[]!&")) != std::string::npos))
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
  CHECK(plain_text("x **(a)** b") == inline_text_whole("x **(a)** b").plain);
  CHECK(plain_text("x (**a**)") == "x (a)");
  CHECK(plain_text("a **b** c, d?") == "a b c, d?");
  // A ')' after the last syntax byte may close a link: read whole.
  CHECK(plain_text("x [a](b c) d") == inline_text_whole("x [a](b c) d").plain);
}

TEST_CASE("inline_text finds a bold lead in the part it parses") {
  auto lead = inline_text("  **What did he say?** He said it was over.");
  CHECK(lead.strong_prefix == "What did he say?");
  CHECK(lead.strong_prefix_end == 22);
  CHECK_FALSE(lead.all_strong);
  auto whole = inline_text(" **My part** ");
  CHECK(whole.all_strong);
  CHECK(whole.strong_prefix == "My part");
  // A bold lead of several words.
  auto phrase = inline_text("**On should** You angry watched");
  CHECK(phrase.strong_prefix == "On should");
  CHECK(phrase.strong_prefix_end == 13);
  CHECK(phrase.plain == "On should You angry watched");
  CHECK(inline_text("  **My own part** ").all_strong);
  // Words before the bold: no lead.
  auto late = inline_text("Then **this** and more");
  CHECK(late.strong_prefix.empty());
  CHECK(late.plain == "Then this and more");
}

TEST_CASE("inline_text reads single emphasised words as the parse does") {
  // Words that are one emphasised run or one link (read without the parse), near misses
  // (parsed), and words and blanks around them, in random texts.
  const std::vector<std::string> words = {
      "**hopeful**", "__team__", "*will*", "_new_", "**2011**", "_a_", "**a**", "**a**!", "_a_.",
      "*a*:", "**a**?!", "cried!", "!", "a!b", "!!", "**a*", "*a**", "__a_", "_a_b_", "***a***",
      "**a**!x", "**a**:b", "!*a*", "**a-b**", "**", "_", "*", "**é**", "a_b", "x", "went", "home",
      ":", "", "(a)", "#tag", "it's", "Déjà-vu", "?", "**Why**?", "[a]", "![a]", "**a**;", "_a_,",
      "_a1_", "__28__", "_1_", "_1a_", "_28_.", "*28*",
      // Wiki links (read without the parse: "[[a]]" is "[a]") and their near misses.
      "[[museum]]", "[[2011]]", "[[a]]", "[[a]].", "[[a]]?!", "[[a]]:", "[[a]]!", "[[a]]]",
      "[[[a]]]", "[[a", "b]]", "[[a]](b)", "![[a]]", "[[a]][[b]]", "[[é]]", "[[a-b]]", "[[]]",
      "[[a]", "[a]]", "a[[b]]", "[[a]]x", "**[[a]]**", "[[**a**]]", "[[_a_]]", "(b)", ")", "(", "]",
      "[", "[[a]]()", "[[a]]:b",
      // Inline links (read without the parse: "[a](x)" is "a") and their near misses.
      "[museum](https://example.com/989)", "[b](https://x.org/1).", "[b](x)", "[1](2)", "[b]()",
      "[b](x):", "[b](<x>)", "[b](x_y)", "[b](x)(c)", "![b](x)", "[b](x))", "[[b]](x)", "[b]](x)",
      "[b](x", "[b](", "[b]", "x)", "(c)", "[b](x)a", "[b](*x*)", "[*b*](x)", "**[b](x)**",
      "[b](x)**"};
  const std::vector<std::string> misses = {
      "**a*",     "*a**",       "__a_",      "_a_b_",     "***a***",   "**a**!x", "**a**:b",
      "!*a*",     "**a-b**",    "**",        "_",         "*",         "**é**",   "a_b",
      "[a]",      "![a]",       "[[a]]]",    "[[[a]]]",   "[[a",       "b]]",     "[[a]](b)",
      "![[a]]",   "[[a]][[b]]", "[[é]]",     "[[a-b]]",   "[[]]",      "[[a]",    "[a]]",
      "a[[b]]",   "[[a]]x",     "**[[a]]**", "[[**a**]]", "[[_a_]]",   "]",       "[",
      "[[a]]()",  "[[a]]:b",    "[b](<x>)",  "[b](x_y)",  "[b](x)(c)", "![b](x)", "[b](x))",
      "[[b]](x)", "[b]](x)",    "[b](x",     "[b](",      "[b]",       "[b](x)a", "[b](*x*)",
      "[*b*](x)", "**[b](x)**", "[b](x)**",  "_a1_",      "__28__",    "_1_",     "_28_."};
  std::uint32_t seed = 7;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  std::size_t checked = 0, simple = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s = std::vector<std::string>{"", " ", "  ", "\t"}[next() % 4];
    const std::size_t count = 1 + next() % 5;
    bool all_simple = true;
    for (std::size_t k = 0; k < count; ++k) {
      const std::string& w = words[next() % words.size()];
      all_simple = all_simple && std::find(misses.begin(), misses.end(), w) == misses.end();
      s += (k ? " " : "") + w;
    }
    if (next() % 4 == 0) s += std::vector<std::string>{":", " ", " :", "  "}[next() % 4];
    INFO("text: [" << s << "]");
    const mend::engine::InlineText whole = inline_text_whole(s);
    require_read_as_parsed(s, whole);
    ++checked;
    simple += all_simple && s.find('\t') == std::string::npos ? 1 : 0;
  }
  CHECK(simple > 2000); // texts the shortcut reads, and agreed
}

TEST_CASE("inline_text reads emphasis over several words as the parse does") {
  // "**On should** You angry": an opening run before a word and the same run closing a later
  // word, plain words between (read without the parse), and near misses (parsed), in random
  // texts that start and end with a word holding syntax, so that inline_text() reads them whole
  // (the words it sets aside around the syntax are the first test case's).
  const std::vector<std::string> opening = {"**On", "_a",    "__a", "*a",    "**2011",
                                            "***a", "**a,",  "**",  "*",     "**a*",
                                            "_x_y", "**a**", "_a_", "[[a]]", "[b](x)"};
  const std::vector<std::string> closing = {
      "should**", "should**.", "b_",    "b__",   "b*",  "2011**", "b**x",
      "b***",     "a**",       "b**?",  "**",    "*",   "_b_",    "**b**",
      "b*!",      "b_:",       "[[b]]", "2026_", "b1_", "b1__",   "2026*"};
  const std::vector<std::string> between = {
      "x",    "went", "home", "it's", "(a)", "Déjà-vu", "?",  "a!b", "!",     "",
      "#tag", "a.",   "wow!", "b**",  "**c", "_d",      "d_", "*e*", "**f**", "[[g]]"};
  std::uint32_t seed = 11;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  std::size_t paired = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s = opening[next() % opening.size()];
    const std::size_t count = next() % 5;
    for (std::size_t k = 0; k < count; ++k)
      s += " " + between[next() % between.size()];
    s += " " + closing[next() % closing.size()];
    INFO("text: [" << s << "]");
    const mend::engine::InlineText whole = inline_text_whole(s);
    require_read_as_parsed(s, whole);
    paired += whole.plain.find_first_of("*_") == std::string::npos ? 1 : 0;
  }
  CHECK(paired > 1500); // texts whose delimiters all paired
}

TEST_CASE("inline_text reads a run of three at the end of its part otherwise than the parse") {
  // FIXME: the words after the last syntax byte are set aside (inline_cut()), but the grammar
  // pairs an unmatched opening run and a closing run of three at the end of a text otherwise
  // than before a space and words. Found by generated delimiter soup; no line of the corpus or
  // of the generated vaults reads differently (every suffix of their lines was compared).
  CHECK(inline_text_whole("**a ***b*** zz").plain == "*a b* zz");
  CHECK(inline_text("**a ***b*** zz").plain == "**a b zz");
}

// "<br>" in any of its spellings breaks the line: plain text keeps the words apart, and
// html_line_break finds where it starts and ends; "<bring>" and "<b>" are no break.
TEST_CASE("an HTML line break keeps the words on either side apart") {
  CHECK(plain_text("what wasn't working<br>we never saw each other") ==
        "what wasn't working we never saw each other");
  using mend::engine::html_line_break;
  CHECK(html_line_break("a<br>b") == std::pair<std::size_t, std::size_t>{1, 5});
  CHECK(html_line_break("a<BR />b") == std::pair<std::size_t, std::size_t>{1, 7});
  CHECK(html_line_break("a<br class=\"x\">b").second == 15);
  CHECK(html_line_break("a<bring> <b>b</b>").first == std::string_view::npos);
}
