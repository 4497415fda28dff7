// The article's rules over a folder, on hand-made analyses (recognition is tested elsewhere).
#include <catch2/catch.hpp>

#include "daemon/engine/folder_report.h"

using namespace mend::engine;

namespace {

const Pack& builtin() {
  static const Pack pack = Pack::load(builtin_pack_files(), nullptr);
  return pack;
}

QuestionOccurrence q(const std::string& id, int line, bool answered) {
  QuestionOccurrence o;
  o.id = id;
  o.step = id.substr(0, id.find('.'));
  o.line = line;
  o.answered = answered;
  return o;
}

// Copies, not pointers: the report is often a temporary (ASan found pointers into a destroyed one).
std::vector<Suggestion> of_kind(const FolderReport& r, const std::string& kind) {
  std::vector<Suggestion> out;
  for (const auto& s : r.suggestions)
    if (s.kind == kind) out.push_back(s);
  return out;
}

const Date kToday{2026, 11, 26};

FolderReport judge(const std::vector<std::pair<std::string, NoteAnalysis>>& notes) {
  std::vector<NoteRef> refs;
  for (const auto& [path, a] : notes)
    refs.push_back({path, &a});
  return judge_folder(builtin(), refs, kToday);
}

NoteAnalysis all_answered(const std::string& step) {
  NoteAnalysis n;
  int line = 0;
  for (const auto& id : builtin().question_ids(step))
    n.questions.push_back(q(id, line++, true));
  return n;
}

} // namespace

TEST_CASE("an empty folder suggests the two first steps", "[rules]") {
  FolderReport r = judge({});
  auto missing = of_kind(r, "missing-step");
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].step == "motives");
  CHECK(missing[1].step == "why");
  CHECK_FALSE(missing[0].path);
  CHECK(r.next_step == "motives");
}

TEST_CASE("a step spread over several notes counts once", "[rules]") {
  NoteAnalysis a, b;
  a.questions = {q("why.official", 3, true), q("why.unofficial", 5, false)};
  b.questions = {q("why.unofficial", 1, true), q("why.official", 2, true)};
  FolderReport r = judge({{"a.md", a}, {"b.md", b}});
  auto why = std::find_if(r.steps.begin(), r.steps.end(), [](auto& s) { return s.id == "why"; });
  CHECK(why->answered == 2);
  CHECK(why->total == 6);
  CHECK(why->started);
  CHECK_FALSE(why->done);
  CHECK(r.questions == 2);
  CHECK(r.answered == 2);
  CHECK(of_kind(r, "unanswered").empty()); // answered in b.md
}

TEST_CASE("unanswered questions are attached to their note and line", "[rules]") {
  NoteAnalysis a;
  a.questions = {q("motives.fear", 7, false)};
  FolderReport r = judge({{"a.md", a}});
  auto u = of_kind(r, "unanswered");
  REQUIRE(u.size() == 1);
  CHECK(*u[0].path == "a.md");
  CHECK(u[0].line == 7);
  CHECK(u[0].question == "motives.fear");
}

TEST_CASE("shared-blame: nil, skipped, own faults only; wrongs.scope nil", "[rules]") {
  NoteAnalysis nil;
  nil.questions = {q("why.disliked", 4, false)};
  nil.questions[0].nil = true;
  CHECK(of_kind(judge({{"n.md", nil}}), "shared-blame").size() == 1);

  NoteAnalysis skipped;
  skipped.questions = {q("why.disliked", 4, false), q("why.reversible", 9, true)};
  auto s = of_kind(judge({{"s.md", skipped}}), "shared-blame");
  REQUIRE(s.size() == 1);
  CHECK(s[0].line == 4);

  NoteAnalysis earlier_only;
  earlier_only.questions = {q("why.official", 1, true), q("why.disliked", 4, false)};
  CHECK(of_kind(judge({{"e.md", earlier_only}}), "shared-blame").empty());

  NoteAnalysis own;
  own.questions = {q("why.disliked", 4, true)};
  own.questions[0].own_fault_only = true;
  CHECK(of_kind(judge({{"o.md", own}}), "shared-blame").size() == 1);

  NoteAnalysis scope;
  scope.questions = {q("wrongs.scope", 2, false)};
  scope.questions[0].nil = true;
  auto w = of_kind(judge({{"w.md", scope}}), "shared-blame");
  REQUIRE(w.size() == 1);
  CHECK(w[0].step == "wrongs");
}

TEST_CASE("order: a step started before what it requires", "[rules]") {
  NoteAnalysis n;
  n.questions = {q("wrongs.scope", 2, true)};
  auto o = of_kind(judge({{"n.md", n}}), "order");
  REQUIRE(o.size() == 1);
  CHECK(o[0].step == "wrongs");
  CHECK(o[0].line == 2);
  n.questions.push_back(q("why.official", 0, true));
  CHECK(of_kind(judge({{"n.md", n}}), "order").empty());
}

TEST_CASE("conditional: a verdict that is not a clear yes calls for patterns", "[rules]") {
  NoteAnalysis hedged;
  hedged.questions = {q("evaluate.verdict", 3, true)};
  hedged.questions[0].clear_yes = false;
  auto c = of_kind(judge({{"h.md", hedged}}), "conditional");
  REQUIRE(c.size() == 1);
  CHECK(c[0].step == "patterns");

  NoteAnalysis yes = hedged;
  yes.questions[0].clear_yes = true;
  CHECK(of_kind(judge({{"y.md", yes}}), "conditional").empty());

  NoteAnalysis started = hedged;
  started.questions.push_back(q("patterns.cling", 9, true));
  CHECK(of_kind(judge({{"p.md", started}}), "conditional").empty());
}

TEST_CASE("log-overdue: the newest entry decides; missing years take the note's or today's",
          "[rules]") {
  auto log_note = [](std::vector<Date> dates) {
    NoteAnalysis n;
    n.questions = {q("new-start.mistakes", 1, true), q("new-start.log", 3, true)};
    int line = 4;
    for (const auto& d : dates)
      n.questions[1].log_entries.push_back({d, line++});
    return n;
  };
  CHECK(
      of_kind(judge({{"a.md", log_note({{2026, 10, 19}, {2026, 11, 2}})}}), "log-overdue").size() ==
      1);
  CHECK(of_kind(judge({{"a.md", log_note({{2026, 10, 19}, {2026, 11, 20}})}}), "log-overdue")
            .empty());
  CHECK(of_kind(judge({{"a.md", log_note({{0, 11, 19}})}}), "log-overdue")
            .empty()); // 7 days: not more
  CHECK(of_kind(judge({{"a.md", log_note({{0, 11, 18}})}}), "log-overdue").size() == 1);
  // "27 Dec" read on 26 Nov belongs to last year: overdue.
  CHECK(of_kind(judge({{"a.md", log_note({{0, 12, 27}})}}), "log-overdue").size() == 1);
  NoteAnalysis daily = log_note({{0, 11, 25}});
  daily.note_date = Date{2025, 11, 25};
  CHECK(of_kind(judge({{"2025-11-25.md", daily}}), "log-overdue").size() == 1);
}

TEST_CASE("missing-step waits for every required step to be done", "[rules]") {
  FolderReport r = judge({{"a.md", all_answered("motives")}, {"b.md", all_answered("why")}});
  std::vector<std::string> steps;
  for (const auto& s : of_kind(r, "missing-step"))
    steps.push_back(s.step);
  CHECK(steps == std::vector<std::string>{"wrongs", "evaluate"});
  // patterns is suggested by `conditional`, never by missing-step.
  FolderReport r2 = judge({{"a.md", all_answered("why")}, {"b.md", all_answered("evaluate")}});
  for (const auto& s : of_kind(r2, "missing-step"))
    CHECK(s.step != "patterns");
}

TEST_CASE("self-blame is attached to the line that says it", "[rules]") {
  NoteAnalysis n;
  n.questions = {q("reach-out.share", 10, true)};
  n.questions[0].self_blame_line = 12;
  auto s = of_kind(judge({{"r.md", n}}), "self-blame");
  REQUIRE(s.size() == 1);
  CHECK(s[0].line == 12);
}

namespace {

// A step's questions from `first_line` on, two lines each: the question, then its answer.
NoteAnalysis answered_from(const std::string& step, int first_line, int line_count = 0) {
  NoteAnalysis n;
  int line = first_line;
  for (const auto& id : builtin().question_ids(step)) {
    n.questions.push_back(q(id, line, true));
    n.questions.back().answer_last_line = line + 1;
    line += 3;
  }
  n.line_count = line_count;
  return n;
}

std::vector<Suggestion> missing_step(const FolderReport& r, const std::string& step) {
  std::vector<Suggestion> out;
  for (const auto& s : of_kind(r, "missing-step"))
    if (s.step == step) out.push_back(s);
  return out;
}

StepHeading heading(const std::string& step, int line) {
  StepHeading h;
  h.id = step;
  h.line = line;
  return h;
}

} // namespace

TEST_CASE("missing-step goes after the last answer of the nearest earlier step present",
          "[rules]") {
  // why in two notes: the later note (path order) holds its last answer. wrongs and evaluate
  // are both missing; neither is present, so both go after why.
  NoteAnalysis why_a = answered_from("why", 0);
  NoteAnalysis why_b = answered_from("why", 10);
  why_b.questions.resize(2); // b.md holds two of why's questions, lines 10 and 13
  why_a.questions.erase(why_a.questions.begin(), why_a.questions.begin() + 2);
  FolderReport r = judge({{"a.md", why_a}, {"b.md", why_b}});
  for (const char* step : {"wrongs", "evaluate"}) {
    INFO(step);
    auto m = missing_step(r, step);
    REQUIRE(m.size() == 1);
    CHECK(m[0].path == "b.md");
    CHECK(m[0].line == 15); // why.unofficial asked on line 13, answered through line 14
  }
  // motives is not required by anything: missing too, and no earlier step exists, so it goes
  // before the first question of the nearest later step present (why, in a.md).
  auto motives = missing_step(r, "motives");
  REQUIRE(motives.size() == 1);
  CHECK(motives[0].path == "a.md");
  CHECK(motives[0].line == why_a.questions.front().line);
}

TEST_CASE("missing-step: the line after the answer stays inside the note", "[rules]") {
  // The last answer ends on line 16, the note's last line (17 lines): no line 17 to point at.
  NoteAnalysis why = answered_from("why", 0, 17);
  auto m = missing_step(judge({{"w.md", why}}), "wrongs");
  REQUIRE(m.size() == 1);
  CHECK(m[0].line == 16);
  why.line_count = 30;
  CHECK(missing_step(judge({{"w.md", why}}), "wrongs")[0].line == 17);
}

TEST_CASE("missing-step goes to the step's own heading or question when the note has one",
          "[rules]") {
  NoteAnalysis why = answered_from("why", 0);
  NoteAnalysis plan;
  plan.steps = {heading("evaluate", 8), heading("wrongs", 3)};
  FolderReport r = judge({{"a.md", why}, {"plan.md", plan}});
  REQUIRE(missing_step(r, "wrongs").size() == 1);
  CHECK(missing_step(r, "wrongs")[0].path == "plan.md");
  CHECK(missing_step(r, "wrongs")[0].line == 3);
  CHECK(missing_step(r, "evaluate")[0].line == 8);
  // An unanswered question of the step, with no heading: that question.
  NoteAnalysis asked;
  asked.questions = {q("wrongs.alone", 6, false)};
  auto m = missing_step(judge({{"a.md", why}, {"z.md", asked}}), "wrongs");
  REQUIRE(m.size() == 1);
  CHECK(m[0].path == "z.md");
  CHECK(m[0].line == 6);
}

TEST_CASE("missing-step before a later step uses that step's heading when it comes first",
          "[rules]") {
  // Only evaluate is written (with its heading on line 2): why, with nothing before it, goes
  // where evaluate's section begins.
  NoteAnalysis eval = answered_from("evaluate", 4);
  eval.steps = {heading("evaluate", 2)};
  auto m = missing_step(judge({{"e.md", eval}}), "why");
  REQUIRE(m.size() == 1);
  CHECK(m[0].path == "e.md");
  CHECK(m[0].line == 2);
}

TEST_CASE("every suggestion names a note and a line once the folder holds a question", "[rules]") {
  NoteAnalysis verdict;
  verdict.questions = {q("evaluate.verdict", 3, true)};
  NoteAnalysis early;
  early.questions = {q("new-start.mistakes", 1, true), q("reach-out.share", 5, false)};
  NoteAnalysis why = answered_from("why", 0);
  why.questions[3].answered = false;
  why.questions[3].nil = true; // why.disliked: shared-blame
  for (const auto& folder : std::vector<std::vector<std::pair<std::string, NoteAnalysis>>>{
           {{"v.md", verdict}},
           {{"e.md", early}},
           {{"w.md", why}, {"v.md", verdict}},
           {{"a.md", all_answered("motives")}, {"w.md", why}, {"e.md", early}}}) {
    FolderReport r = judge(folder);
    CHECK_FALSE(r.suggestions.empty());
    for (const auto& s : r.suggestions) {
      INFO(s.kind << " " << s.step);
      CHECK(s.path);
      CHECK(s.line >= 0);
    }
  }
}
