// Placing an answer under its question: typed as a person would, then verified by the engine.
#include "daemon/server/answer_insert.h"

#include <vector>

#include "daemon/engine/text.h"
#include "daemon/server/template_insert.h"

namespace mend::server {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The person's lines: "\r\n" and "\r" read as line breaks, trailing spaces and the blank lines
// around the answer dropped (they would only move the next question further down).
std::vector<std::string> answer_lines(std::string_view answer) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < answer.size(); ++i) {
    char c = answer[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < answer.size() && answer[i + 1] == '\n') ++i;
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  for (auto& l : lines)
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t'))
      l.pop_back();
  while (!lines.empty() && lines.back().empty())
    lines.pop_back();
  std::size_t first = 0;
  while (first < lines.size() && lines[first].empty())
    ++first;
  return {lines.begin() + static_cast<long>(first), lines.end()};
}

// What continues the question's container on a new line: the quote markers of the question's
// line kept, and, for a list item, its marker turned into spaces up to the item's content
// column ("> 1. [ ] What…" → ">    "), so a new paragraph stays inside the item.
std::string continuation_prefix(std::string_view line_head, bool list_item) {
  std::string out;
  std::size_t i = 0;
  // Quote markers and the spaces between them.
  std::size_t after_quotes = 0;
  for (std::size_t j = 0; j < line_head.size(); ++j) {
    if (line_head[j] == '>')
      after_quotes = j + 1;
    else if (line_head[j] != ' ' && line_head[j] != '\t')
      break;
  }
  for (; i < after_quotes; ++i)
    out += line_head[i] == '>' ? '>' : line_head[i];
  if (after_quotes > 0) {
    out += ' ';
    if (i < line_head.size() && line_head[i] == ' ') ++i;
  }
  if (!list_item) return out;
  // Indentation, then the marker ("-", "*", "+", "12." or "12)"), then its spaces: the content
  // column. A task box ("[ ]") is content, so it is not counted: a new paragraph aligns with it.
  std::size_t j = i;
  while (j < line_head.size() && line_head[j] == ' ')
    ++j;
  if (j < line_head.size() && (line_head[j] == '-' || line_head[j] == '*' || line_head[j] == '+')) {
    ++j;
  } else {
    while (j < line_head.size() && line_head[j] >= '0' && line_head[j] <= '9')
      ++j;
    if (j < line_head.size() && (line_head[j] == '.' || line_head[j] == ')')) ++j;
  }
  std::size_t spaces = 0;
  while (j + spaces < line_head.size() && line_head[j + spaces] == ' ' && spaces < 4)
    ++spaces;
  out.append(j - i + (spaces == 0 ? 1 : spaces), ' ');
  return out;
}

const engine::QuestionOccurrence* find_question(const engine::NoteAnalysis& analysis,
                                                const std::string& id) {
  for (const auto& q : analysis.questions)
    if (q.id == id) return &q;
  return nullptr;
}

// "A:" (or "R:", "Réponse :") alone at the end of a "Q:" answer: the answer goes on that line.
bool ends_with_empty_answer_label(std::string_view region) {
  std::size_t end = region.size();
  while (end > 0 && is_space(region[end - 1]))
    --end;
  std::size_t start = region.rfind('\n', end == 0 ? 0 : end - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view line = region.substr(start, end - start);
  while (!line.empty() && (line.front() == ' ' || line.front() == '>'))
    line.remove_prefix(1);
  return !line.empty() && line.size() <= 12 && line.back() == ':';
}

} // namespace

AnswerPlan plan_answer(const engine::Analyzer& analyzer, std::string_view note,
                       std::string_view path, const std::string& question_id,
                       std::string_view answer) {
  AnswerPlan plan;
  std::vector<std::string> lines = answer_lines(answer);
  if (lines.empty()) {
    plan.error = "there is nothing to write yet";
    return plan;
  }
  if (answer.find('\0') != std::string_view::npos) {
    plan.error = "the answer holds a NUL byte, which no note may hold";
    return plan;
  }
  engine::NoteAnalysis before = analyzer.analyse(note, path);
  const engine::QuestionOccurrence* q = find_question(before, question_id);
  if (!q) {
    plan.error = "this note no longer holds the question '" + question_id + "'";
    return plan;
  }
  engine::LineIndex index(note);
  std::size_t q_line = index.line_of(q->start);
  std::string_view head =
      note.substr(index.line_start(q_line), q->start - index.line_start(q_line));
  bool list_item = q->form == engine::QuestionForm::ListItem;
  std::string prefix = continuation_prefix(head, list_item);
  std::string eol(line_ending_of(note));

  // The end of what is already written under the question (its text, marker, guidance, an
  // earlier answer), never before the question's own text.
  std::size_t q_end = std::min(q->end, note.size()); // without the line break a block ends with
  while (q_end > q->start && is_space(note[q_end - 1]))
    --q_end;
  std::size_t region_end = std::min(std::max(q->answer_end, q_end), note.size());
  std::size_t at = region_end;
  while (at > q_end && is_space(note[at - 1]))
    --at;
  // Never split a line: insert at the end of the line reached.
  std::size_t line_end = index.line_end(index.line_of(at == 0 ? 0 : at - 1));
  if (at > 0 && at < line_end) {
    // Only whitespace may follow on that line (the loop above stopped on content).
    at = line_end;
  }
  bool nothing_yet = true;
  for (std::size_t i = q_end; i < at; ++i)
    if (!is_space(note[i])) nothing_yet = false;
  std::string_view region = note.substr(q->answer_start, region_end - q->answer_start);
  bool inline_answer =
      (nothing_yet && (list_item || q->form == engine::QuestionForm::QA)) ||
      (q->form == engine::QuestionForm::QA && ends_with_empty_answer_label(region));

  std::string bytes;
  if (inline_answer) {
    // "- Official reasons:" → "- Official reasons: He said…"; "A:" → "A: …". Further lines
    // continue the item (or the quote) as a person would type them.
    if (at > 0 && note[at - 1] != ' ' && note[at - 1] != '\t') bytes += ' ';
    bytes += lines[0];
    for (std::size_t i = 1; i < lines.size(); ++i)
      bytes += eol + (lines[i].empty() ? std::string() : prefix + lines[i]);
  } else {
    // A paragraph of its own after a blank line, inside the question's list item or quote.
    std::string blank = prefix;
    while (!blank.empty() && blank.back() == ' ')
      blank.pop_back();
    bytes += eol + blank + eol;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) bytes += eol;
      if (!lines[i].empty())
        bytes += prefix + lines[i];
      else
        bytes += blank;
    }
  }
  std::string updated;
  updated.reserve(note.size() + bytes.size());
  updated.append(note.substr(0, at)).append(bytes).append(note.substr(at));

  engine::NoteAnalysis after = analyzer.analyse(updated, path);
  const engine::QuestionOccurrence* q2 = find_question(after, question_id);
  std::size_t first = at;
  while (first < at + bytes.size() && is_space(updated[first]))
    ++first;
  if (!q2 || first < q2->answer_start || at + bytes.size() > q2->answer_end) {
    plan.error = "mend could not find a place under this question where the answer would be read "
                 "as its answer; nothing was written. Write it in your editor, under the question";
    return plan;
  }
  plan.ok = true;
  plan.at = at;
  plan.bytes = std::move(bytes);
  plan.answered = q2->answered;
  plan.line = static_cast<int>(engine::LineIndex(updated).line_of(first));
  return plan;
}

} // namespace mend::server
