// The line-by-line reading of a note (the fallback when the grammar runs out of its budget).
#include <catch2/catch.hpp>

#include <string>

#include "daemon/engine/line_outline.h"
#include "daemon/engine/markdown.h"

using namespace mend::engine;

namespace {

std::string text_of(std::string_view text, const Block& b) {
  return std::string(text.substr(b.text_start, b.text_end - b.text_start));
}

// The text without the white space at its end (the grammar's paragraphs hold their line break
// and the next line's indentation; the line pass's end at the line break).
std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
    s.pop_back();
  return s;
}

// What a reader of questions needs from a block, comparable between the two readings (the
// grammar's and the line pass's block ends differ by trailing blank lines).
std::string describe(std::string_view text, const Outline& o) {
  std::string out;
  for (const Block& b : o.blocks) {
    out += std::to_string(static_cast<int>(b.kind)) + " L" + std::to_string(b.level) + " d" +
           std::to_string(b.depth) + " p" + std::to_string(b.parent) + (b.task ? " task" : "") +
           (b.checked ? "x" : "") + (b.item_lead ? " lead" : "") + (b.in_quote ? " q" : "") + " [" +
           trimmed(text_of(text, b)) + "]\n";
  }
  return out;
}

} // namespace

TEST_CASE("line_outline reads simple notes as the grammar does", "[line_outline]") {
  const char* notes[] = {
      "# Why we broke up\n\nHe said he needed space.\n\n## What did he tell me?\n\nThat.\n",
      "- What did he tell me? That he needed space.\n- [ ] Call Anna\n- [x] Write\n",
      "1. First?\n2. Second?\n\nA paragraph\nrunning on.\n",
      "Title line\n===\n\nSub\n---\n\ntext\n",
      "---\ntitle: x\n---\n# Heading ##\n\n<!-- mend:q why.official -->\n**What did he say?**\n",
      "> a quoted line\n> runs on\n\nafter\n",
      "```\n# not a heading\n```\n\n~~~~\ncode\n~~~~\n\n***\n",
      "- item\n  - nested\n    - deeper\n- back\n",
      "## Q?\r\n\r\nAnswer\r\n",
  };
  for (const char* note : notes) {
    std::string_view text(note);
    INFO(note);
    Outline grammar = parse_outline(text);
    Outline lines = line_outline(text);
    CHECK(!grammar.line_level);
    CHECK(lines.line_level);
    CHECK(describe(text, lines) == describe(text, grammar));
  }
}

TEST_CASE("line_outline keeps what a question needs", "[line_outline]") {
  std::string text = "# Title #\n\n- [x] done?\n  more of it\n\n<!-- mend:ignore\nstill -->\n"
                     "    indented code\n\n> quote\n";
  Outline o = line_outline(text);
  REQUIRE(o.blocks.size() >= 6);
  CHECK(o.blocks[0].kind == BlockKind::Heading);
  CHECK(text_of(text, o.blocks[0]) == "Title #"); // closing hashes kept, as the grammar does
  CHECK(o.blocks[1].kind == BlockKind::ListItem);
  CHECK(o.blocks[1].checked);
  CHECK(text_of(text, o.blocks[1]) == "done?\n  more of it");
  CHECK(o.blocks[2].item_lead);
  CHECK(o.blocks[3].kind == BlockKind::Html);
  CHECK(text.substr(o.blocks[3].start, o.blocks[3].end - o.blocks[3].start) ==
        "<!-- mend:ignore\nstill -->\n");
  CHECK(o.blocks[4].kind == BlockKind::Code);
  CHECK(o.blocks[5].kind == BlockKind::BlockQuote);
  for (const Block& b : o.blocks) {
    CHECK(b.start <= b.end);
    CHECK(b.end <= text.size());
  }
}

TEST_CASE("line_outline is linear on what the grammar finds hard", "[line_outline]") {
  // Growing backtick runs, deep quote and list nesting: read at once, every block in range.
  std::string runs = "## Why?\n\n";
  for (int k = 1; k < 400; ++k)
    runs += "e" + std::string(static_cast<std::size_t>(k), '`');
  runs += "\n";
  std::string nested;
  for (int d = 0; d < 300; ++d)
    nested += std::string(static_cast<std::size_t>(2 * d), ' ') + "- item\n";
  nested += std::string(1000, '>') + " deep\n";
  for (const std::string& text : {runs, nested}) {
    Outline o = line_outline(text);
    CHECK(!o.blocks.empty());
    for (const Block& b : o.blocks) {
      CHECK(b.end <= text.size());
      CHECK(b.text_end <= text.size());
      CHECK(b.parent < static_cast<int>(o.blocks.size()));
    }
  }
  Outline o = line_outline(runs);
  CHECK(o.blocks[0].kind == BlockKind::Heading);
  CHECK(o.blocks[1].kind == BlockKind::Paragraph);
  CHECK(o.blocks[1].text_end == runs.size() - 1);
}

TEST_CASE("line_outline keeps every block in range on random Markdown", "[line_outline]") {
  // Lines built from the bytes that open or close blocks, deterministic (seeded).
  const std::string_view pieces[] = {"#",    "## ",  " ",   "  ",    "    ", "\t",   ">",
                                     "> ",   "- ",   "1. ", "* ",    "[ ] ", "[x] ", "```",
                                     "~~~",  "<!--", "-->", "<div>", "---",  "===",  "+++",
                                     "text", "?",    "\r",  "\n",    "\n\n"};
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::size_t count = next() % 60;
    for (std::size_t i = 0; i < count; ++i)
      text += pieces[next() % std::size(pieces)];
    Outline o = line_outline(text);
    INFO(text);
    for (std::size_t i = 0; i < o.blocks.size(); ++i) {
      const Block& b = o.blocks[i];
      REQUIRE(b.start <= b.end);
      REQUIRE(b.end <= text.size());
      REQUIRE(b.text_start <= b.text_end);
      REQUIRE(b.text_end <= text.size());
      REQUIRE(b.parent < static_cast<int>(i));
      if (b.parent >= 0) REQUIRE(o.blocks[static_cast<std::size_t>(b.parent)].start <= b.start);
      if (i > 0) REQUIRE(o.blocks[i - 1].start <= b.start);
    }
  }
}
