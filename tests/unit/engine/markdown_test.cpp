// The outline tree-sitter gives: block kinds, nesting, and incremental reparsing.
#include <catch2/catch.hpp>

#include "daemon/engine/markdown.h"

using namespace mend::engine;

namespace {
std::vector<BlockKind> kinds(const Outline& o) {
  std::vector<BlockKind> out;
  for (const auto& b : o.blocks)
    out.push_back(b.kind);
  return out;
}
} // namespace

TEST_CASE("blocks come out in document order with their kinds", "[markdown]") {
  std::string text = "---\ntitle: x\n---\n# Title\n\nPara\n\n- item\n  - nested\n\n> "
                     "quote\n\n```\ncode?\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n<!-- c -->\n";
  Outline o = parse_outline(text);
  auto k = kinds(o);
  CHECK(k.front() == BlockKind::FrontMatter);
  CHECK(std::count(k.begin(), k.end(), BlockKind::Heading) == 1);
  CHECK(std::count(k.begin(), k.end(), BlockKind::ListItem) == 2);
  CHECK(std::count(k.begin(), k.end(), BlockKind::Code) == 1);
  CHECK(std::count(k.begin(), k.end(), BlockKind::Table) == 1);
  CHECK(std::count(k.begin(), k.end(), BlockKind::Html) == 1);
  CHECK(std::count(k.begin(), k.end(), BlockKind::BlockQuote) == 1);
  for (const auto& b : o.blocks)
    if (b.kind == BlockKind::Heading) {
      CHECK(b.level == 1);
      CHECK(text.substr(b.text_start, b.text_end - b.text_start) == "Title");
    }
}

TEST_CASE("list items know their text, nesting and task boxes", "[markdown]") {
  std::string text = "1. First?\n   answer\n   - [x] done\n";
  Outline o = parse_outline(text);
  std::vector<const Block*> items;
  for (const auto& b : o.blocks)
    if (b.kind == BlockKind::ListItem) items.push_back(&b);
  REQUIRE(items.size() == 2);
  CHECK(text.substr(items[0]->text_start, 6) == "First?");
  CHECK(items[0]->depth == 0);
  CHECK(items[1]->depth == 1);
  CHECK(items[1]->task);
  CHECK(items[1]->checked);
}

// The grammar gives up (an ERROR node) on an item's paragraph followed by an HTML block that
// a blank line splits in two, as Notion exports its callouts: the item keeps its own text.
TEST_CASE("an item over HTML the grammar gives up on keeps its text", "[markdown]") {
  std::string text =
      "- What tells me I won't end up alone\n\n    <div>\n    Marcy.\n\n    </div>\n";
  Outline o = parse_outline(text);
  REQUIRE_FALSE(o.blocks.empty());
  const Block& item = o.blocks[0];
  REQUIRE(item.kind == BlockKind::ListItem);
  CHECK(text.substr(item.text_start, item.text_end - item.text_start).starts_with("What tells me"));
  REQUIRE(o.blocks.size() >= 2);
  CHECK(o.blocks[1].kind == BlockKind::Paragraph);
  CHECK(o.blocks[1].item_lead);
  CHECK(o.blocks[1].parent == 0);
}

TEST_CASE("setext headings have levels; quotes mark their children", "[markdown]") {
  Outline o = parse_outline("Why\n===\n\n> ## inside\n> text\n");
  REQUIRE(o.blocks.size() >= 3);
  CHECK(o.blocks[0].kind == BlockKind::Heading);
  CHECK(o.blocks[0].level == 1);
  bool inner_heading_in_quote = false;
  for (const auto& b : o.blocks)
    if (b.kind == BlockKind::Heading && b.in_quote) inner_heading_in_quote = true;
  CHECK(inner_heading_in_quote);
}

TEST_CASE("incremental edits give the same outline as a fresh parse", "[markdown]") {
  std::string text = "# A\n\nSome text.\n\n## B?\n\n- one\n- two\n";
  MarkdownDocument doc(text);
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> edits = {
      {0, 0, "x"},
      {5, 9, "## New heading\n"},
      {text.size() / 2, text.size() / 2 + 1, "\r\n- three\n"},
      {3, 3, "😀"}};
  for (const auto& [start, end, insert] : edits) {
    std::size_t s = std::min(start, doc.text().size());
    std::size_t e = std::min(end, doc.text().size());
    doc.edit(s, e, insert);
    Outline fresh = parse_outline(doc.text());
    REQUIRE(doc.outline().blocks.size() == fresh.blocks.size());
    for (std::size_t i = 0; i < fresh.blocks.size(); ++i) {
      CHECK(doc.outline().blocks[i].kind == fresh.blocks[i].kind);
      CHECK(doc.outline().blocks[i].start == fresh.blocks[i].start);
      CHECK(doc.outline().blocks[i].end == fresh.blocks[i].end);
    }
  }
}

TEST_CASE("inline text drops markup and detects bold lines", "[markdown]") {
  InlineText t = inline_text("**What did *he* say?**");
  CHECK(t.all_strong);
  CHECK(t.plain == "What did he say?");
  InlineText link = inline_text("See [the reasons](http://x) and `code`");
  CHECK(link.plain == "See the reasons and code");
  CHECK_FALSE(link.all_strong);
  InlineText prefix = inline_text("**Official reasons:** he needed space");
  CHECK(prefix.strong_prefix == "Official reasons:");
  CHECK(prefix.strong_prefix_end == 21);
}

TEST_CASE("pathological nesting is parsed without exhausting the stack", "[markdown]") {
  std::string deep;
  for (int i = 0; i < 1000; ++i)
    deep += std::string(static_cast<std::size_t>(i) * 2 % 200, ' ') + "- x\n";
  std::string quotes(5000, '>');
  quotes += " deep\n";
  CHECK_NOTHROW(parse_outline(deep));
  CHECK_NOTHROW(parse_outline(quotes));
  CHECK_NOTHROW(parse_outline(std::string(50000, '[')));
}

// The grammar's scanner counts open blocks in one byte: 256 nested containers used to crash it.
TEST_CASE("nesting past the grammar's limit is defused, offsets unchanged", "[markdown]") {
  std::string inline_lists, indented, mixed, quotes = std::string(300, '>') + " x\n";
  for (int i = 0; i < 300; ++i)
    inline_lists += "- ";
  inline_lists += "x\n";
  for (int i = 0; i < 300; ++i)
    indented += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  for (int i = 0; i < 300; ++i) {
    for (int k = 0; k < i; ++k)
      mixed += "> ";
    mixed += "- x\n";
  }
  for (const std::string* text : {&quotes, &inline_lists, &indented, &mixed}) {
    Outline o = parse_outline(*text);
    CHECK_FALSE(o.blocks.empty());
    for (const auto& b : o.blocks)
      CHECK(b.end <= text->size());
    MarkdownDocument doc(*text);
    doc.edit(0, 0, "# Title\n");
    CHECK(doc.text().size() == text->size() + 8);
  }
}

// Regression (issue 7, catalogue M05): a 50 MB line in an editor took 14 s to open and 6 s per
// keystroke. Over its parse limit a document is held and edited but not parsed.
TEST_CASE("a document over its parse limit is edited but not parsed", "[markdown]") {
  MarkdownDocument doc("## Title\n\n" + std::string(100, 'a'), 64);
  CHECK(doc.over_limit());
  CHECK(doc.outline().blocks.empty());
  doc.edit(3, 3, "New ");
  CHECK(doc.text().substr(0, 12) == "## New Title");
  doc.edit(14, doc.text().size(), "text\n"); // back under the limit: parsed afresh
  CHECK_FALSE(doc.over_limit());
  CHECK(doc.outline().blocks.size() == 2);
  CHECK(doc.outline().blocks[0].kind == BlockKind::Heading);
}
