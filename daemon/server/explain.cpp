// How a recognised line is named and explained to the person (explain.h).
#include "daemon/server/explain.h"

#include <cmath>
#include <cstdio>

namespace mend::server {

using engine::MatchEvidence;
using engine::QuestionForm;

LineForm form_of(const engine::QuestionOccurrence& q) {
  return {q.form, q.label, q.task, q.callout};
}

LineForm form_of(const engine::Candidate& c, bool in_quote) {
  return {c.form, c.label, c.task, c.form == QuestionForm::Line && in_quote};
}

std::string_view form_id(const LineForm& f) {
  switch (f.form) {
  case QuestionForm::Heading:
    return "heading";
  case QuestionForm::Bold:
    return "bold";
  case QuestionForm::ListItem:
    return f.task ? "task-item" : f.label ? "label-item" : "list-item";
  case QuestionForm::QA:
    return "qa";
  case QuestionForm::Marker:
    return "marker";
  case QuestionForm::Line:
    return f.callout ? "callout" : f.label ? "label" : "line";
  }
  return "line";
}

std::string form_words(const LineForm& f) {
  switch (f.form) {
  case QuestionForm::Heading:
    return "a heading";
  case QuestionForm::Bold:
    return "a bold lead";
  case QuestionForm::ListItem:
    return f.task ? "a task item" : f.label ? "a label item (\"- Label: …\")" : "a list item";
  case QuestionForm::QA:
    return "a \"Q:\" line";
  case QuestionForm::Marker:
    return "a marker comment with no line above it";
  case QuestionForm::Line:
    return f.callout ? "a callout's title"
           : f.label ? "a label (\"Label: …\")"
                     : "a line standing alone";
  }
  return "a line";
}

std::string_view evidence_id(MatchEvidence evidence) {
  switch (evidence) {
  case MatchEvidence::Marker:
    return "marker";
  case MatchEvidence::Wording:
    return "wording";
  case MatchEvidence::Alias:
    return "alias";
  case MatchEvidence::Section:
    return "section";
  case MatchEvidence::Order:
    return "order";
  }
  return "wording";
}

std::string score_text(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(score * 100) / 100);
  return buffer;
}

std::vector<std::string> explain_question(const engine::QuestionOccurrence& q,
                                          const std::string& question_text,
                                          const std::string& section_title,
                                          const std::string& wording_text) {
  std::vector<std::string> out;
  out.push_back("Read as: " + question_text + " (" + q.id + ")");
  std::string how = "How: " + form_words(form_of(q));
  how += q.section.empty() ? ", in no step section" : ", in the section \"" + section_title + "\"";
  out.push_back(how + ".");
  std::string matched = "Matched: ";
  switch (q.evidence) {
  case MatchEvidence::Marker:
    matched += "your marker <!-- mend:q " + q.id + " --> (delete it to undo).";
    break;
  case MatchEvidence::Wording:
  case MatchEvidence::Alias: {
    matched += q.evidence == MatchEvidence::Alias ? "one of the pack's wordings, \""
                                                  : "the question's own wording, \"";
    matched += wording_text + "\" (" + score_text(q.score);
    if (q.bonus > 0)
      matched +=
          "; " + score_text(q.bonus) +
          (q.section == q.step ? " of it from its section" : " of it from the question above");
    matched += ").";
    break;
  }
  case MatchEvidence::Section:
    matched += "a short item of the step's section, by a word only this question of the step "
               "has (" +
               score_text(q.score) + ").";
    break;
  case MatchEvidence::Order:
    matched += "its place: it sits where the article asks exactly this question, between "
               "others of the step.";
    break;
  }
  out.push_back(matched);
  return out;
}

std::string marker_comment(const engine::MarkerNote& m) {
  switch (m.kind) {
  case engine::MarkerNote::Kind::Ignore:
    return "<!-- mend:ignore -->";
  case engine::MarkerNote::Kind::Step:
    return "<!-- mend:step " + m.id + " -->";
  case engine::MarkerNote::Kind::Question:
    break;
  }
  return "<!-- mend:q " + m.id + " -->";
}

std::string marker_problem(const engine::MarkerNote& m) {
  if (!m.known)
    return std::string("mend knows no ") +
           (m.kind == engine::MarkerNote::Kind::Step ? "step" : "question") + " \"" + m.id +
           "\": this marker decides nothing.";
  if (m.target_line < 0 && m.kind != engine::MarkerNote::Kind::Question)
    return marker_comment(m) +
           " decides nothing: no line mend reads is just above it (a blank line or another "
           "comment is between them).";
  return "";
}

} // namespace mend::server
