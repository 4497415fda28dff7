// Unit tests for corrections.h: a marker written after a line of every form decides that very
// line once the note is read again (the comment lands in the line's own block), a marker
// already there is replaced, and a stale one is fixed or removed with its line.
#include "daemon/server/corrections.h"

#include <catch2/catch.hpp>

#include "server_test_support.h"

using namespace mend;
using server::NoteContext;

namespace {

std::string apply(const NoteContext& note, const protocol::TextEdit& edit) {
  std::string text = note.doc.text();
  std::size_t from = note.offset(edit.range.start), to = note.offset(edit.range.end);
  return text.replace(from, to - from, edit.newText);
}

// Marks `line` with `marker`; returns the new text, and checks that, read again, the note has
// a marker of that kind deciding `line` and none deciding nothing.
std::string mark(const std::string& text, int line, const std::string& marker) {
  auto doc = test::open_note("n.md", text);
  engine::FolderReport report;
  NoteContext note{*doc, test::server_context(), report};
  REQUIRE(server::line_candidate(note, line));
  std::string out = apply(note, server::mark_line_edit(note, line, marker));
  engine::NoteAnalysis again = test::server_context().analyzer->analyse(out, "n.md");
  INFO(out);
  REQUIRE(again.markers.size() == 1);
  CHECK(again.markers[0].target_line == line);
  CHECK(again.markers[0].known);
  return out;
}

} // namespace

TEST_CASE("A marker lands in the block of the line it decides, in every form") {
  // A setext heading: after its underline, not between.
  CHECK(mark("What did Sam tell me when he left?\n---\n\nSpace.\n", 0, "q why.official") ==
        "What did Sam tell me when he left?\n---\n<!-- mend:q why.official -->\n\nSpace.\n");
  // A numbered item with wide spacing: indented to the item's content.
  CHECK(mark("1.  Official reasons: space\n2.  Gym: legs\n", 1, "ignore") ==
        "1.  Official reasons: space\n2.  Gym: legs\n    <!-- mend:ignore -->\n");
  // A task item: the box is the item's content, the marker goes under the item's text column.
  CHECK(mark("- [ ] what bothered me about us\n- [ ] laundry\n", 0, "q why.disliked") ==
        "- [ ] what bothered me about us\n  <!-- mend:q why.disliked -->\n- [ ] laundry\n");
  // A callout's title: inside the quote.
  CHECK(mark("> [!question] What did Sam say?\n> That he needed space.\n", 0, "q why.official") ==
        "> [!question] What did Sam say?\n> <!-- mend:q why.official -->\n> That he needed "
        "space.\n");
  // The last line, without a line break; CRLF kept.
  CHECK(mark("Long walks.\n\n## Us", 2, "step evaluate") ==
        "Long walks.\n\n## Us\n<!-- mend:step evaluate -->\n");
  CHECK(mark("## Us\r\n\r\nLong walks.\r\n", 0, "step evaluate") ==
        "## Us\r\n<!-- mend:step evaluate -->\r\n\r\nLong walks.\r\n");
}

TEST_CASE("A marker already after the line is replaced, never stacked") {
  std::string once = mark("## Sundays\n\nWalks.\n", 0, "ignore");
  std::string twice = mark(once, 0, "step evaluate");
  CHECK(twice == "## Sundays\n<!-- mend:step evaluate -->\n\nWalks.\n");
}

TEST_CASE("A stale marker is replaced in place, or removed with its line") {
  auto doc =
      test::open_note("n.md", "## What did Sam say?\n<!-- mend:q why.officail -->\n\nSpace.\n");
  engine::FolderReport report;
  NoteContext note{*doc, test::server_context(), report};
  const engine::MarkerNote* m = server::marker_on_line(note, 1);
  REQUIRE(m);
  CHECK_FALSE(m->known);
  auto fixes = server::marker_replacements(note, *m);
  REQUIRE_FALSE(fixes.empty());
  CHECK(fixes.front() == "why.official");
  CHECK(apply(note, *server::fix_marker_edit(note, 1, "q why.official")) ==
        "## What did Sam say?\n<!-- mend:q why.official -->\n\nSpace.\n");
  CHECK(apply(note, *server::fix_marker_edit(note, 1, "")) == "## What did Sam say?\n\nSpace.\n");
  CHECK_FALSE(server::fix_marker_edit(note, 0, ""));
}

TEST_CASE("A later line of a paragraph is offered a marker only when it would decide it") {
  // Lines written one thought each: the comment after the second cuts the paragraph there.
  auto doc = test::open_note("n.md", "## Why Sam left\n\nwhat he said\nthat he needed space\n"
                                     "what i felt\nlonely\n");
  engine::FolderReport report;
  NoteContext note{*doc, test::server_context(), report};
  for (int line = 2; line <= 5; ++line) {
    auto candidate = server::line_candidate(note, line);
    if (!candidate) continue;
    bool binds = server::marker_would_bind(note, *candidate);
    std::string out = apply(note, server::mark_line_edit(note, line, "ignore", &*candidate));
    engine::NoteAnalysis again = test::server_context().analyzer->analyse(out, "n.md");
    bool decided = !again.markers.empty() && again.markers[0].target_line == line;
    INFO("line " << line << "\n" << out);
    CHECK(binds == decided);
  }
}
