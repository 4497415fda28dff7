// Unit tests for code_lens.h and the missing-step placement of diagnostics.h: one note opened
// in an editor, judged alone or with other notes of its folder.
#include "daemon/server/code_lens.h"

#include <catch2/catch.hpp>

#include "daemon/server/diagnostics.h"
#include "server_test_support.h"

using namespace mend;
using server::Document;
using server::NoteContext;

namespace {

using test::kToday;
using test::open_note;

const server::Context& context() {
  return test::server_context();
}

engine::FolderReport judge(const std::vector<const Document*>& docs) {
  std::vector<engine::NoteRef> refs;
  for (const Document* d : docs)
    refs.push_back({d->path, &d->analysis});
  return engine::judge_folder(context().pack, refs, kToday);
}

// Markers pin the steps and questions, so these tests do not depend on recognising wording.
const std::string kWhyWithHeading = "# Why Sam left\n"
                                    "<!-- mend:step why -->\n"
                                    "\n"
                                    "## What did Sam say?\n"
                                    "<!-- mend:q why.official -->\n"
                                    "He said he needed space.\n";

const std::string kNoHeadings = "# Tuesday\n"
                                "\n"
                                "Walked by the river, thought about Sam.\n"
                                "\n"
                                "## Is it a big yes?\n"
                                "<!-- mend:q evaluate.verdict -->\n"
                                "Not really.\n"
                                "\n"
                                "## Do I cling to him?\n"
                                "<!-- mend:q patterns.cling -->\n"
                                "\n"
                                "## Am I afraid of being abandoned?\n"
                                "<!-- mend:q patterns.abandon -->\n";

int line_of(const protocol::Range& r) {
  return static_cast<int>(r.start.line);
}

} // namespace

TEST_CASE("code lens: on each step heading, else on the step's first question") {
  auto why = open_note("why.md", kWhyWithHeading);
  auto diary = open_note("diary.md", kNoHeadings);
  engine::FolderReport report = judge({why.get(), diary.get()});

  NoteContext with_heading{*why, context(), report};
  auto lenses = server::code_lenses(with_heading);
  REQUIRE(lenses.size() == 1);
  CHECK(line_of(lenses[0].range) == 0); // the heading, not its question
  REQUIRE(lenses[0].command);
  CHECK(lenses[0].command->arguments->at(0)["step"] == "why");

  // No step heading at all: evaluate's lens on its only question, patterns' on its first.
  NoteContext without{*diary, context(), report};
  lenses = server::code_lenses(without);
  REQUIRE(lenses.size() == 2);
  CHECK(line_of(lenses[0].range) == 4);
  CHECK(lenses[0].command->arguments->at(0)["step"] == "evaluate");
  CHECK(line_of(lenses[1].range) == 8);
  CHECK(lenses[1].command->arguments->at(0)["step"] == "patterns");
  CHECK(lenses[1].command->title.rfind("0/5 answered", 0) == 0);
}

TEST_CASE("diagnostics: missing-step sits where the step would go in its note, and on the last "
          "line of the others") {
  // motives is started, why is not: why goes right after the last answer of motives (path
  // order: motives.md comes after a-past.md), on line 3 of motives.md.
  auto fear = open_note("motives.md", "## Am I afraid of being alone without Sam?\n"
                                      "<!-- mend:q motives.fear -->\n"
                                      "Yes, terrified.\n"
                                      "\n"
                                      "## Groceries\n"
                                      "Eggs.\n");
  auto past = open_note("a-past.md", "## When did I think I'd never meet anyone?\n"
                                     "<!-- mend:q motives.past -->\n"
                                     "\n"
                                     "After school, then I met Sam.\n");
  engine::FolderReport report = judge({past.get(), fear.get()});
  std::vector<engine::Suggestion> missing;
  for (const auto& s : report.suggestions)
    if (s.kind == "missing-step") missing.push_back(s);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].step == "why");
  CHECK(missing[0].path == "motives.md");
  CHECK(missing[0].line == 3);

  auto missing_lines = [&](const Document& doc) {
    std::vector<int> lines;
    NoteContext note{doc, context(), report};
    for (const auto& d : server::note_diagnostics(note))
      if (d.code == std::optional<std::string>("missing-step"))
        lines.push_back(static_cast<int>(d.range.start.line));
    return lines;
  };
  CHECK(missing_lines(*fear) == std::vector<int>{3});
  CHECK(missing_lines(*past) == std::vector<int>{4}); // its last line, empty after the newline
}
