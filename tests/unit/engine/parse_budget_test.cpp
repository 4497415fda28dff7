// Every parse is bounded (parse_budget.h): a parse that runs out is read line by line, an open
// document goes line-level and comes back once its text has shrunk. The budget is shrunk here
// to make the grammar run out on an ordinary text; tests/cli/test_hostile.py runs the real
// budget on inputs the grammar is super-linear on.
#include <catch2/catch.hpp>

#include <string>

#include "daemon/engine/line_outline.h"
#include "daemon/engine/markdown.h"
#include "daemon/engine/parse_budget.h"

using namespace mend::engine;

namespace {

// A note long enough that the grammar checks its clock while parsing it (every 100 operations).
std::string long_note() {
  std::string text;
  for (int i = 0; i < 400; ++i)
    text += "## What did he tell me " + std::to_string(i) + "?\n\n- that **he** needed `space`\n\n";
  return text;
}

// Shrinks the budget to 1 microsecond for the life of the guard.
struct TinyBudget {
  ParseBudget saved = parse_budget();
  TinyBudget() { set_parse_budget({0, 0}); }
  ~TinyBudget() { set_parse_budget(saved); }
};

} // namespace

TEST_CASE("an honest note is parsed within its budget", "[parse_budget]") {
  std::string text = long_note();
  std::size_t before = parses_cut_short();
  Outline o = parse_outline(text);
  CHECK(!o.line_level);
  CHECK(parse_outline_in_parts(text, 1024).blocks.size() == o.blocks.size());
  CHECK(parses_cut_short() == before);
  CHECK(ParseBudget{}.micros_for(1 << 20) >= 1'000'000); // ~1 s a MB: the bench note needs ~0.2 s
}

TEST_CASE("a parse out of budget is read line by line and counted", "[parse_budget]") {
  std::string text = long_note();
  TinyBudget tiny;
  std::size_t before = parses_cut_short();
  Outline whole = parse_outline(text);
  CHECK(whole.line_level);
  CHECK(parses_cut_short() > before);
  Outline lines = line_outline(text);
  REQUIRE(whole.blocks.size() == lines.blocks.size());
  Outline parts = parse_outline_in_parts(text, 1024);
  CHECK(parts.line_level);
  CHECK(parts.blocks.size() == lines.blocks.size());
  CHECK(!parse_outline_skipping(text, {}).has_value());
}

TEST_CASE("an open document out of budget goes line-level and comes back", "[parse_budget]") {
  std::string text = long_note();
  std::size_t half = text.size() / 2;
  std::optional<MarkdownDocument> doc;
  {
    TinyBudget tiny;
    doc.emplace(text, static_cast<std::size_t>(-1), 512);
    CHECK(doc->line_level());
    CHECK(doc->outline().blocks.size() == line_outline(text).blocks.size());
    // Typing stays line-level (the grammar is not tried again at this size)...
    std::size_t cut = parses_cut_short();
    doc->edit(10, 10, "x");
    CHECK(doc->line_level());
    CHECK(parses_cut_short() == cut);
    CHECK(doc->text()[10] == 'x');
  }
  // ...until the text shrinks to half the size that ran out, with the real budget again.
  doc->edit(0, half + 2, "");
  CHECK(!doc->line_level());
  CHECK(doc->outline().blocks.size() == parse_outline(doc->text()).blocks.size());
  CHECK(doc->text() == text.substr(half + 1));
}

TEST_CASE("an inline parse out of budget keeps the line as its text", "[parse_budget]") {
  std::string line = "**What** did he tell me? " + std::string(4000, '*') + " `x`";
  TinyBudget tiny;
  std::size_t before = parses_cut_short();
  InlineText t = inline_text(line);
  CHECK(t.plain == line);
  CHECK(parses_cut_short() == before + 1);
  CHECK(inline_text(line).plain == line); // remembered: not parsed (nor counted) again
  CHECK(parses_cut_short() == before + 1);
}

TEST_CASE("an edit whose reparse runs out puts the document line-level at once", "[parse_budget]") {
  std::string text = long_note();
  MarkdownDocument doc(text, static_cast<std::size_t>(-1), 512);
  REQUIRE(!doc.line_level());
  REQUIRE(doc.segment_starts().size() > 4);
  std::size_t second = doc.segment_starts()[2] + 1; // after the first edit's byte
  TinyBudget tiny;
  // Typing inside a segment, and an edit across segments that forces merges and a re-cut.
  doc.edit(20, 20, "a");
  text.insert(20, "a");
  doc.edit(5, second + 3, "\n```\n");
  text.replace(5, second + 3 - 5, "\n```\n");
  CHECK(doc.text() == text);
  CHECK(doc.line_level());
  CHECK(doc.segment_starts().empty());
  Outline expected = line_outline(text);
  REQUIRE(doc.outline().blocks.size() == expected.blocks.size());
  for (std::size_t i = 0; i < expected.blocks.size(); ++i) {
    CHECK(doc.outline().blocks[i].start == expected.blocks[i].start);
    CHECK(doc.outline().blocks[i].kind == expected.blocks[i].kind);
  }
}
