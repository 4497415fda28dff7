// Why mend read a line as it did, in the words the person is shown: the names of a question's
// form and evidence in the JSON reports, and the sentences of hover, `mend/explain` and
// `mend scan --explain` (the same words in every face of mend).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/note_analysis.h"

namespace mend::server {

// The finer form of a line: a heading, a bold lead, a label, a task… (Candidate's flags).
struct LineForm {
  engine::QuestionForm form = engine::QuestionForm::Line;
  bool label = false, task = false, callout = false;
};
LineForm form_of(const engine::QuestionOccurrence& q);
LineForm form_of(const engine::Candidate& c, bool in_quote);

// JSON names: "heading", "bold", "label-item", "task-item", "list-item", "qa", "label",
// "callout", "line", "marker".
std::string_view form_id(const LineForm& form);
// "a heading", "a label item (“Label: …”)", …
std::string form_words(const LineForm& form);
// JSON names of MatchEvidence: "marker", "wording", "alias", "section", "order".
std::string_view evidence_id(engine::MatchEvidence evidence);
// A score as people read it: two decimals ("0.82").
std::string score_text(double score);

// The sentences that explain a recognised question, one per line of the result:
//   Read as: <question text> (why.official)
//   How: a label item, in the section "<step title>".
//   Matched: one of the pack's wordings, "official reasons" (0.82; 0.18 of it from its section).
// `question_text` and `step_title` render pack text for the note (its language and names).
std::vector<std::string> explain_question(const engine::QuestionOccurrence& q,
                                          const std::string& question_text,
                                          const std::string& section_title,
                                          const std::string& wording_text);

// A marker as written in the note: "<!-- mend:q why.official -->".
std::string marker_comment(const engine::MarkerNote& m);
// Why a marker is stale, in plain words ("" when it is not): its id is not the pack's, or
// (an ignore or step marker) nothing mend reads is just above it. A question marker with no
// line above it is no problem: it asks its question by itself.
std::string marker_problem(const engine::MarkerNote& m);

} // namespace mend::server
