// The segmented document (markdown.h) against the plain one-shot parse: after opening a note
// and after every edit, MarkdownDocument's outline must equal parse_outline() of its text,
// block for block and field for field. Segments are forced small here (a few bytes, so every
// line that may start one does) to exercise every boundary of every note.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "daemon/engine/markdown.h"
#include "test_support.h"

using namespace mend::engine;

namespace {

std::string describe(const Block& b) {
  std::ostringstream o;
  o << "kind=" << static_cast<int>(b.kind) << " [" << b.start << "," << b.end << ") text=["
    << b.text_start << "," << b.text_end << ") level=" << b.level << " depth=" << b.depth
    << " parent=" << b.parent << " quote=" << b.in_quote << " task=" << b.task
    << " checked=" << b.checked << " lead=" << b.item_lead;
  return o.str();
}

// "" when equal, else the first difference (readable in a failure message).
std::string difference(const Outline& got, const Outline& want) {
  std::size_t n = std::min(got.blocks.size(), want.blocks.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string g = describe(got.blocks[i]), w = describe(want.blocks[i]);
    if (g != w) return "block " + std::to_string(i) + ": segmented " + g + " / whole " + w;
  }
  if (got.blocks.size() != want.blocks.size())
    return "block count: segmented " + std::to_string(got.blocks.size()) + " / whole " +
           std::to_string(want.blocks.size());
  return "";
}

// Pieces that open, close or interrupt blocks, including every construct a segment boundary
// must not cut through.
const std::vector<std::string> kFragments = {"# Heading\n",
                                             "## Why did it end?\n",
                                             "#\n",
                                             "###### six\n",
                                             "####### seven\n",
                                             "#no space\n",
                                             "Para line\n",
                                             "another line\n",
                                             "\n",
                                             "\n\n",
                                             "- item\n",
                                             "  - nested item\n",
                                             "1. first\n",
                                             "> quote\n",
                                             "> # quoted heading\n",
                                             ">\n",
                                             "```\n",
                                             "```md\ncode\n",
                                             "~~~\n",
                                             "    indented\n",
                                             "<div>\n",
                                             "</div>\n",
                                             "<!-- mend:q why.real -->\n",
                                             "<!--\n",
                                             "-->\n",
                                             "<pre>\n",
                                             "</pre>\n",
                                             "| a | b |\n",
                                             "|---|---|\n",
                                             "| c | d |\n",
                                             "---\n",
                                             "+++\n",
                                             "...\n",
                                             "***\n",
                                             "===\n",
                                             "title: x\n",
                                             "- [ ] task\n",
                                             "- [x] done\n",
                                             "**Bold?**\n",
                                             "Q: what?\n",
                                             "\r\n",
                                             "# Heading\r\n",
                                             "text\r\n",
                                             "[ref]: https://example.org\n",
                                             "<script>\n",
                                             "</script>\n",
                                             "<!-->\n",
                                             "<?php\n",
                                             "?>\n",
                                             "<![CDATA[\n",
                                             "]]>\n",
                                             "<!DOCTYPE html>\n",
                                             "<PRE>\n",
                                             "</pre >\n",
                                             "  <div>\n",
                                             "<textarea>x</textarea>\n",
                                             "```\ncode\n```\n",
                                             "| x |\n",
                                             "  \n",
                                             "\t\n"};

std::string random_note(std::mt19937& rng, std::size_t pieces) {
  std::string note;
  std::uniform_int_distribution<std::size_t> pick(0, kFragments.size() - 1);
  for (std::size_t i = 0; i < pieces; ++i)
    note += kFragments[pick(rng)];
  return note;
}

void check_same(const MarkdownDocument& doc, const std::string& context) {
  std::string diff = difference(doc.outline(), parse_outline(doc.text()));
  INFO(context);
  INFO("text: " << doc.text().substr(0, 2000));
  REQUIRE(diff == "");
}

// Random edits: fragments inserted at line starts and anywhere, single characters typed,
// ranges deleted (within a line, across lines, across many segments) and replaced.
void edit_randomly(MarkdownDocument& doc, std::mt19937& rng, int edits, const std::string& name) {
  std::uniform_int_distribution<std::size_t> pick(0, kFragments.size() - 1);
  const std::string typed = "x#`~<>|-+ \n*_?";
  for (int i = 0; i < edits; ++i) {
    const std::string& text = doc.text();
    std::size_t size = text.size();
    std::size_t at = size ? std::uniform_int_distribution<std::size_t>(0, size)(rng) : 0;
    int kind = std::uniform_int_distribution<int>(0, 5)(rng);
    std::string what;
    if (kind == 0) { // a fragment at the start of the line
      std::size_t line = text.rfind('\n', at ? at - 1 : 0);
      at = (line == std::string::npos || at == 0) ? 0 : line + 1;
      what = "insert line fragment";
      doc.edit(at, at, kFragments[pick(rng)]);
    } else if (kind == 1) {
      what = "insert fragment";
      doc.edit(at, at, kFragments[pick(rng)]);
    } else if (kind == 2) {
      what = "type a character";
      doc.edit(at, at, std::string(1, typed[rng() % typed.size()]));
    } else if (kind == 3) {
      std::size_t len = std::uniform_int_distribution<std::size_t>(1, 8)(rng);
      what = "delete a few bytes";
      doc.edit(at, std::min(size, at + len), "");
    } else if (kind == 4) {
      std::size_t len = std::uniform_int_distribution<std::size_t>(0, size / 3 + 1)(rng);
      what = "delete a long range";
      doc.edit(at, std::min(size, at + len), "");
    } else {
      std::size_t len = std::uniform_int_distribution<std::size_t>(0, 40)(rng);
      what = "replace a range";
      doc.edit(at, std::min(size, at + len), kFragments[pick(rng)]);
    }
    check_same(doc,
               name + ", edit " + std::to_string(i) + ": " + what + " at " + std::to_string(at));
  }
}

} // namespace

TEST_CASE("a segmented note has the outline of the whole note: every fixture, opened and "
          "edited",
          "[markdown][segments]") {
  auto notes = mend::test::fixture_notes({"tests/golden", "examples/notes", "templates"});
  REQUIRE(notes.size() > 40);
  std::mt19937 rng(20261126);
  std::size_t segmented = 0;
  for (std::size_t n = 0; n < notes.size(); ++n) {
    for (std::size_t segment_bytes : {std::size_t{1}, std::size_t{200}}) {
      MarkdownDocument doc(notes[n], static_cast<std::size_t>(-1), segment_bytes);
      if (doc.segment_starts().size() > 1) ++segmented;
      check_same(doc, "fixture " + std::to_string(n) + " opened");
      edit_randomly(doc, rng, 30, "fixture " + std::to_string(n));
    }
  }
  CHECK(segmented > notes.size() / 2); // the boundaries were really exercised
}

TEST_CASE("a segmented note has the outline of the whole note: random constructs, CRLF, "
          "front matter, unclosed blocks",
          "[markdown][segments]") {
  std::mt19937 rng(7);
  for (int n = 0; n < 300; ++n) {
    std::string note = random_note(rng, 5 + static_cast<std::size_t>(n % 40));
    if (n % 7 == 0) note = "---\ntitle: t\n# not a heading\n---\n" + note;
    if (n % 11 == 0) note = "+++\n# inside\n" + note; // front matter that never closes
    MarkdownDocument doc(note, static_cast<std::size_t>(-1), n % 2 ? 1 : 64);
    check_same(doc, "random note " + std::to_string(n) + " opened");
    edit_randomly(doc, rng, 40, "random note " + std::to_string(n));
  }
}

// The fixture notes, then 300 random ones (front matter closed and unclosed, a last line
// without its break), from `seed`.
static std::vector<std::string> fixtures_and_random_notes(unsigned seed) {
  auto notes = mend::test::fixture_notes({"tests/golden", "examples/notes", "templates"});
  std::mt19937 rng(seed);
  for (int n = 0; n < 300; ++n) {
    std::string note = random_note(rng, 5 + static_cast<std::size_t>(n % 60));
    if (n % 7 == 0) note = "---\ntitle: t\n# not a heading\n---\n" + note;
    if (n % 11 == 0) note = "+++\n# inside\n" + note;
    if (n % 13 == 0) note += "## last line without its break";
    notes.push_back(note);
  }
  return notes;
}

TEST_CASE("a note parsed in parts, each tree freed (parse_outline_in_parts), has the outline of "
          "the whole note",
          "[markdown][segments]") {
  auto notes = fixtures_and_random_notes(11);
  for (std::size_t n = 0; n < notes.size(); ++n)
    for (std::size_t part_bytes : {std::size_t{1}, std::size_t{64}, kOneShotPartBytes}) {
      INFO("note " << n << ", parts of " << part_bytes << " bytes: " << notes[n].substr(0, 2000));
      REQUIRE(difference(parse_outline_in_parts(notes[n], part_bytes), parse_outline(notes[n])) ==
              "");
    }
}

// What DocumentStore does with a long note (on threads there; here one after the other, which
// gives the same parts): the ranges of open_cuts() parsed apart, then joined.
MarkdownDocument open_in_parts(const std::string& text, std::size_t parts,
                               std::size_t segment_bytes) {
  std::vector<std::size_t> cuts = MarkdownDocument::open_cuts(text, parts);
  std::vector<MarkdownDocument::Parsed> parsed;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
    parsed.push_back(MarkdownDocument::parse_apart(text, cuts[k], cuts[k + 1], segment_bytes));
  return MarkdownDocument(text, std::move(parsed), static_cast<std::size_t>(-1), segment_bytes);
}

TEST_CASE("a note opened in parts parsed apart has the outline of the whole note, and edits "
          "keep it",
          "[markdown][segments]") {
  auto notes = fixtures_and_random_notes(13);
  std::mt19937 rng(17); // the edits'
  std::size_t cut = 0;
  for (std::size_t n = 0; n < notes.size(); ++n)
    for (std::size_t parts : {2, 3, 7})
      for (std::size_t segment_bytes : {std::size_t{1}, std::size_t{64}, std::size_t{512}}) {
        if (MarkdownDocument::open_cuts(notes[n], parts).size() > 2) ++cut;
        MarkdownDocument doc = open_in_parts(notes[n], parts, segment_bytes);
        std::string name = "note " + std::to_string(n) + " in " + std::to_string(parts) +
                           " parts, segments of " + std::to_string(segment_bytes);
        check_same(doc, name + " opened");
        if (n % 5 == 0) edit_randomly(doc, rng, 10, name);
      }
  CHECK(cut > notes.size()); // the cuts were really exercised
}

TEST_CASE("segments: a boundary that stops holding merges, a cut that holds again splits",
          "[markdown][segments]") {
  std::string note;
  for (int i = 0; i < 40; ++i)
    note += "# Section " + std::to_string(i) + "\n\nSome text of the section.\n\n";
  MarkdownDocument doc(note, static_cast<std::size_t>(-1), 1);
  // A segment at each heading and at each paragraph after a blank line.
  REQUIRE(doc.segment_starts().size() == 80);
  // An unclosed fence in section 3 runs to the end of the note: no boundary after it holds.
  std::size_t at = doc.text().find("# Section 3\n") + 12;
  doc.edit(at, at, "```\n");
  check_same(doc, "fence opened");
  CHECK(doc.segment_starts().size() == 7); // sections 0-2 (two each), then one to the end
  // Closing it makes the later headings real again, and they become boundaries again.
  std::size_t end = doc.text().size();
  doc.edit(end, end, "```\n");
  check_same(doc, "fence closed at the end");
  std::size_t close_at = doc.text().find("# Section 4\n");
  doc.edit(close_at, close_at, "```\n");
  check_same(doc, "fence closed before section 4");
  CHECK(doc.segment_starts().size() > 70);
  // Editing a heading's '#' away merges its segment into the one before.
  std::size_t h = doc.text().find("# Section 20\n");
  std::size_t before = doc.segment_starts().size();
  doc.edit(h, h + 1, "");
  check_same(doc, "heading marker deleted");
  CHECK(doc.segment_starts().size() == before - 1);
  // Typing into a segment reparses it alone: the others keep their place, shifted.
  auto starts = doc.segment_starts();
  std::size_t mid = doc.text().find("Some text", doc.text().find("Section 30"));
  doc.edit(mid, mid, "x");
  auto after = doc.segment_starts();
  REQUIRE(after.size() == starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i)
    CHECK(after[i] == (starts[i] > mid ? starts[i] + 1 : starts[i]));
  check_same(doc, "typed one letter");
}

TEST_CASE("segments: a note over the parse limit is held, and parsed again under it",
          "[markdown][segments]") {
  std::string note = "# A\n\ntext\n\n# B\n\nmore\n";
  REQUIRE(note.size() == 21);
  MarkdownDocument doc(note, 15, 1);
  CHECK(doc.over_limit());
  CHECK(doc.outline().blocks.empty());
  doc.edit(0, 10, "");
  CHECK_FALSE(doc.over_limit());
  check_same(doc, "back under the limit");
  doc.edit(doc.text().size(), doc.text().size(), std::string(40, 'y'));
  CHECK(doc.over_limit());
  CHECK(doc.outline().blocks.empty());
}
