// Unit tests for what an analysis says about *why* (note_analysis.h: MatchEvidence, the
// explain fields, MarkerNote) and for the person's corrections: <!-- mend:ignore -->, and
// markers whose id the pack does not know.
#include <catch2/catch.hpp>

#include "daemon/engine/note_analysis.h"
#include "test_support.h"

using mend::engine::Analyzer;
using mend::engine::MarkerNote;
using mend::engine::MatchEvidence;
using mend::engine::NoteAnalysis;
using mend::engine::QuestionForm;
using mend::engine::QuestionOccurrence;

namespace {

const Analyzer& analyzer() {
  static const Analyzer a(mend::test::builtin_pack(), {"Alex", ""});
  return a;
}

const QuestionOccurrence* at_line(const NoteAnalysis& n, int line) {
  for (const auto& q : n.questions)
    if (q.line + 1 == line) return &q;
  return nullptr;
}

// "Blue bicycle season?" matches no wording: only its place between why.official and
// why.not-working makes it why.unofficial.
constexpr std::string_view kWhy = "# After Alex left\n"
                                  "\n"
                                  "## Why he left\n"
                                  "\n"
                                  "- Official reasons: he said he needed space\n"
                                  "- Blue bicycle season? his silence\n"
                                  "- What wasnt working? We never talked.\n";

} // namespace

TEST_CASE("Each question says how it was read: form, section, wording and score") {
  NoteAnalysis n = analyzer().analyse(kWhy, "why.md");
  REQUIRE(n.questions.size() == 3);
  const QuestionOccurrence* official = at_line(n, 5);
  REQUIRE(official);
  CHECK(official->id == "why.official");
  CHECK(official->form == QuestionForm::ListItem);
  CHECK(official->label);
  CHECK_FALSE(official->task);
  CHECK(official->section == "why");
  CHECK(official->evidence == MatchEvidence::Alias);
  auto wording = analyzer().matcher().wording(official->wording);
  REQUIRE(wording);
  CHECK(wording->alias);
  // Inside the "why" section: the section's bonus is part of the score, and said so.
  CHECK(official->bonus == Approx(mend::engine::QuestionMatcher::kSectionBonus));
  CHECK(official->score > official->bonus + mend::engine::kLooseThreshold - 0.2);

  const QuestionOccurrence* gap = at_line(n, 6);
  REQUIRE(gap);
  CHECK(gap->id == "why.unofficial");
  CHECK(gap->evidence == MatchEvidence::Order);
  CHECK(gap->score == 0);
  CHECK(gap->wording == -1);
}

TEST_CASE("The question's own wording and a marker are told apart from an alias") {
  NoteAnalysis n = analyzer().analyse(
      "# Alex\n\n## Are these reasons reversible, and what must change, on your side or his, to "
      "avoid the same ending?\n\nmaybe\n\n## Whatever I call it\n<!-- mend:q why.stage -->\n",
      "n.md");
  REQUIRE(n.questions.size() == 2);
  CHECK(n.questions[0].id == "why.reversible");
  CHECK(n.questions[0].evidence == MatchEvidence::Wording);
  CHECK(n.questions[0].section.empty());
  CHECK(n.questions[1].id == "why.stage");
  CHECK(n.questions[1].evidence == MatchEvidence::Marker);
  CHECK(n.questions[1].score == 1.0);
  REQUIRE(n.markers.size() == 1);
  CHECK(n.markers[0].kind == MarkerNote::Kind::Question);
  CHECK(n.markers[0].known);
  CHECK(n.markers[0].line == 7); // 0-based, as in every analysis
  CHECK(n.markers[0].target_line == 6);
}

TEST_CASE("<!-- mend:ignore --> makes the line above no question, and fills no gap") {
  std::string note(kWhy);
  note.insert(note.find("- What wasnt"), "  <!-- mend:ignore -->\n");
  NoteAnalysis n = analyzer().analyse(note, "why.md");
  std::vector<std::string> ids;
  for (const auto& q : n.questions)
    ids.push_back(q.id + "@" + std::to_string(q.line + 1));
  // The ignored line is neither why.unofficial by its place nor anything else; the others
  // are read as before.
  CHECK(ids == std::vector<std::string>{"why.official@5", "why.not-working@8"});
  REQUIRE(n.markers.size() == 1);
  CHECK(n.markers[0].kind == MarkerNote::Kind::Ignore);
  CHECK(n.markers[0].id.empty());
  CHECK(n.markers[0].line == 6);
  CHECK(n.markers[0].target_line == 5);
  CHECK(note.substr(n.markers[0].start, n.markers[0].end - n.markers[0].start) ==
        "<!-- mend:ignore -->");
}

TEST_CASE("<!-- mend:ignore --> under a section title makes it no section") {
  std::string note(kWhy);
  note.insert(note.find("\n- Official"), "<!-- mend:ignore -->\n");
  NoteAnalysis n = analyzer().analyse(note, "why.md");
  CHECK(n.steps.empty());
  for (const auto& q : n.questions)
    CHECK(q.section.empty());
}

TEST_CASE("A marker whose id the pack does not know decides nothing and is reported") {
  std::string note =
      "# Alex\n\n## What were his official reasons?\n<!-- mend:q why.officail -->\n\nspace\n\n"
      "## Us\n<!-- mend:step evaluation -->\n<!-- mend:ignore -->\n";
  NoteAnalysis n = analyzer().analyse(note, "n.md");
  REQUIRE(n.questions.size() == 1);
  CHECK(n.questions[0].id == "why.official"); // read by its words, as without the marker
  CHECK(n.questions[0].evidence != MatchEvidence::Marker);
  REQUIRE(n.markers.size() == 3);
  CHECK_FALSE(n.markers[0].known);
  CHECK(n.markers[0].id == "why.officail");
  CHECK(n.markers[0].target_line == -1);
  CHECK(n.markers[1].kind == MarkerNote::Kind::Step);
  CHECK_FALSE(n.markers[1].known);
  // An ignore marker under another marker has no line of its own above it.
  CHECK(n.markers[2].kind == MarkerNote::Kind::Ignore);
  CHECK(n.markers[2].known);
  CHECK(n.markers[2].target_line == -1);
}
