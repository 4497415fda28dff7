// Answering in place (daemon/server/answer_insert.h): for each form of question the engine
// recognises, the note after the answer is exactly the note before plus the typed text, placed
// as a person would type it, and the engine then reads it as that question's answer.
#include <catch2/catch.hpp>

#include "daemon/server/answer_insert.h"
#include "server_test_support.h"

using namespace mend;

namespace {

// Plans `answer` for `id` in `note`, applies it, and returns the new note ("" when refused).
std::string answered(const std::string& note, const std::string& id, const std::string& answer,
                     server::AnswerPlan* out = nullptr) {
  server::AnswerPlan plan =
      server::plan_answer(*test::server_context().analyzer, note, "why.md", id, answer);
  if (out) *out = plan;
  if (!plan.ok) return "";
  // Only an insertion: every byte of the note is still there, in order.
  REQUIRE(plan.at <= note.size());
  return note.substr(0, plan.at) + plan.bytes + note.substr(plan.at);
}

void check(const std::string& note, const std::string& id, const std::string& answer,
           const std::string& expected) {
  server::AnswerPlan plan;
  std::string got = answered(note, id, answer, &plan);
  INFO(plan.error);
  CHECK(got == expected);
  CHECK(plan.answered);
}

const std::string kTemplateNote = "# Sam, a month later\n"
                                  "\n"
                                  "## Understand why the separation happened\n"
                                  "<!-- mend:step why -->\n"
                                  "\n"
                                  "### What were his official reasons for ending it?\n"
                                  "<!-- mend:q why.official -->\n"
                                  "> Write down what Sam said, as close to his own words as you "
                                  "can, before interpreting anything.\n"
                                  "\n"
                                  "_your answer_\n"
                                  "\n"
                                  "### What wasn't working between the two of you?\n"
                                  "<!-- mend:q why.not-working -->\n"
                                  "\n"
                                  "We stopped doing things together.\n";

} // namespace

TEST_CASE("answer: a template heading gets a paragraph after its placeholder, nothing else moves") {
  check(kTemplateNote, "why.official", "He said he couldn't breathe.",
        "# Sam, a month later\n\n## Understand why the separation happened\n<!-- mend:step why "
        "-->\n\n"
        "### What were his official reasons for ending it?\n<!-- mend:q why.official -->\n"
        "> Write down what Sam said, as close to his own words as you can, before interpreting "
        "anything.\n\n_your answer_\n\nHe said he couldn't breathe.\n\n"
        "### What wasn't working between the two of you?\n<!-- mend:q why.not-working -->\n\n"
        "We stopped doing things together.\n");
}

TEST_CASE("answer: extending an answer adds a paragraph after it, at the end of the note too") {
  check(kTemplateNote, "why.not-working", "Weekends were chores,\nthen screens.\n\n",
        kTemplateNote + "\nWeekends were chores,\nthen screens.\n");
}

TEST_CASE("answer: a note with Windows line endings gets them in the answer too") {
  std::string crlf;
  for (char c : kTemplateNote) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  server::AnswerPlan plan;
  std::string got = answered(crlf, "why.official", "One.\nTwo.", &plan);
  INFO(plan.error);
  REQUIRE(plan.ok);
  CHECK(plan.bytes == "\r\n\r\nOne.\r\nTwo.");
  CHECK(got.find("_your answer_\r\n\r\nOne.\r\nTwo.\r\n\r\n###") != std::string::npos);
}

TEST_CASE("answer: a label item is answered on its own line, as typed") {
  std::string note =
      "# Why Sam left\n\n- Official reasons:\n- Unofficial reasons: he felt judged\n";
  check(note, "why.official", "He needed space.\nAnd time.",
        "# Why Sam left\n\n- Official reasons: He needed space.\n  And time.\n"
        "- Unofficial reasons: he felt judged\n");
}

TEST_CASE("answer: a question in a list item gets a paragraph inside the item when it has one") {
  std::string note = "# Why Sam left\n\n"
                     "1. What were his official reasons for ending it? He said space.\n"
                     "2. What wasn't working between the two of you?\n";
  check(note, "why.official", "Also money.",
        "# Why Sam left\n\n"
        "1. What were his official reasons for ending it? He said space.\n\n"
        "   Also money.\n"
        "2. What wasn't working between the two of you?\n");
}

TEST_CASE("answer: a task item is answered on its line, further lines inside the item") {
  std::string note = "# Why Sam left\n\n"
                     "- [ ] What were his official reasons for ending it?\n"
                     "- [ ] What wasn't working between the two of you?\n";
  check(note, "why.official", "Space.\nTime.",
        "# Why Sam left\n\n"
        "- [ ] What were his official reasons for ending it? Space.\n"
        "  Time.\n"
        "- [ ] What wasn't working between the two of you?\n");
}

TEST_CASE("answer: a nested label item continues at its own content column") {
  std::string note = "# Why Sam left\n\n"
                     "- About Sam\n"
                     "  - Official reasons:\n"
                     "  - Unofficial reasons: he felt judged\n";
  check(note, "why.official", "Space.\n\nTime.",
        "# Why Sam left\n\n"
        "- About Sam\n"
        "  - Official reasons: Space.\n"
        "\n"
        "    Time.\n"
        "  - Unofficial reasons: he felt judged\n");
}

TEST_CASE("answer: a plain line standing alone gets a paragraph after it") {
  std::string note = "# Why Sam left\n\nWhat were his official reasons for ending it?\n\n"
                     "What wasn't working between the two of you?\nMoney.\n";
  check(note, "why.official", "Space.",
        "# Why Sam left\n\nWhat were his official reasons for ending it?\n\nSpace.\n\n"
        "What wasn't working between the two of you?\nMoney.\n");
}

TEST_CASE("answer: a bold lead and a Q: line get a paragraph after them") {
  std::string bold = "# Why Sam left\n\n**What were his official reasons for ending it?**\n";
  check(bold, "why.official", "Space.",
        "# Why Sam left\n\n**What were his official reasons for ending it?**\n\nSpace.\n");
  std::string qa = "# Why Sam left\n\nQ: What were his official reasons for ending it?\nA:\n\n"
                   "Q: What wasn't working between the two of you?\nA: Money.\n";
  check(qa, "why.official", "Space.",
        "# Why Sam left\n\nQ: What were his official reasons for ending it?\nA: Space.\n\n"
        "Q: What wasn't working between the two of you?\nA: Money.\n");
}

TEST_CASE("answer: a marker-only question gets a paragraph after its marker") {
  std::string note = "# Sam\n\nSomething I wrote.\n<!-- mend:q why.official -->\n";
  server::AnswerPlan plan;
  std::string got = answered(note, "why.official", "Space.", &plan);
  INFO(plan.error);
  CHECK(got == "# Sam\n\nSomething I wrote.\n<!-- mend:q why.official -->\n\nSpace.\n");
}

TEST_CASE("answer: refused with a reason: no text, a question the note lacks") {
  server::AnswerPlan plan;
  CHECK(answered(kTemplateNote, "why.official", " \n\n ", &plan).empty());
  CHECK(plan.error == "there is nothing to write yet");
  CHECK(answered(kTemplateNote, "patterns.repeat", "x", &plan).empty());
  CHECK(plan.error.find("no longer holds the question") != std::string::npos);
}
