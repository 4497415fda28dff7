// Template, missing-question and log-entry edits.
#include "daemon/server/edits.h"

#include <algorithm>

#include "daemon/server/template_insert.h"

namespace mend::server {

std::string place_block(std::string_view note, std::size_t at, std::string body) {
  at = std::min(at, note.size());
  std::string_view head = note.substr(0, at), tail = note.substr(at);
  std::string out;
  if (!head.empty() && !head.ends_with("\n") && !head.ends_with("\r"))
    out = "\n\n";
  else if (!head.empty() && !head.ends_with("\n\n") && !head.ends_with("\r\n\r\n") &&
           !head.ends_with("\r\r"))
    out = "\n";
  out += body;
  if (!tail.empty() && !tail.starts_with("\n") && !tail.starts_with("\r")) out += "\n";
  if (line_ending_of(note) == "\r\n") {
    std::string converted;
    for (char c : out) {
      if (c == '\n')
        converted += "\r\n";
      else
        converted += c;
    }
    return converted;
  }
  return out;
}

std::optional<protocol::TextEdit>
insert_template_edit(const NoteContext& note, const std::string& template_id, std::size_t at) {
  at = std::min(at, note.doc.text().size());
  auto block = render_insertion(note.ctx.pack, note.lang().language, template_id, note.vars(),
                                note.render_options(), note.doc.text(), at);
  if (!block) return std::nullopt;
  return protocol::TextEdit{note.range(at, at), *block};
}

std::optional<protocol::TextEdit> insert_missing_edit(const NoteContext& note,
                                                      const std::string& step) {
  const engine::StepSpec* spec = note.lang().step(step);
  if (!spec) return std::nullopt;
  const std::string& text = note.doc.text();
  const engine::StepHeading* heading = nullptr;
  for (const auto& h : note.doc.analysis.steps)
    if (h.id == step && !heading) heading = &h;
  bool any_question =
      std::any_of(note.doc.analysis.questions.begin(), note.doc.analysis.questions.end(),
                  [&](const engine::QuestionOccurrence& q) { return q.step == step; });
  if (!heading && !any_question) return insert_template_edit(note, step, text.size());

  std::vector<std::string> missing = note.missing_questions(step);
  if (missing.empty()) return std::nullopt;
  std::size_t at = text.size();
  int level = 2;
  if (heading) {
    at = heading->section_end;
    level = heading->level;
  } else {
    // No heading: after the last answer of the step's questions, at the questions' level.
    std::size_t last = 0;
    for (const auto& q : note.doc.analysis.questions) {
      if (q.step != step) continue;
      if (q.answer_last_line + 1 < static_cast<int>(note.doc.lines.line_count()))
        last = std::max(
            last, note.doc.lines.line_start(static_cast<std::size_t>(q.answer_last_line) + 1));
      else
        last = text.size();
      if (q.form == engine::QuestionForm::Heading && q.heading_level > 1)
        level = q.heading_level - 1;
    }
    at = last;
  }
  // Back up over trailing blank lines so the block joins the section instead of the next one.
  while (at > 0 && at <= text.size() && at >= 2 && text[at - 1] == '\n' &&
         (text[at - 2] == '\n' || (text[at - 2] == '\r' && at >= 3 && text[at - 3] == '\n')))
    at -= text[at - 2] == '\r' ? 2 : 1;
  engine::RenderOptions options = note.render_options();
  options.step_heading = false;
  options.heading_level = level;
  std::string body = engine::render_step(*spec, note.lang(), note.vars(), options, missing);
  return protocol::TextEdit{note.range(at, at), place_block(text, at, body)};
}

std::optional<std::size_t> log_entry_offset(const NoteContext& note) {
  for (const auto& q : note.doc.analysis.questions) {
    const engine::QuestionSpec* spec = note.ctx.pack.question(q.id);
    if (!spec || !spec->log) continue;
    // After the last non-blank line of the question's region: past its marker, guidance and
    // earlier entries, never between the question and its marker.
    const std::string& text = note.doc.text();
    std::size_t end = std::min(q.answer_end, text.size());
    while (end > q.answer_start && (text[end - 1] == '\n' || text[end - 1] == '\r' ||
                                    text[end - 1] == ' ' || text[end - 1] == '\t'))
      --end;
    if (end <= q.answer_start) end = q.end;
    std::size_t line = note.doc.lines.line_of(end > 0 ? end - 1 : 0) + 1;
    return line < note.doc.lines.line_count() ? note.doc.lines.line_start(line) : text.size();
  }
  return std::nullopt;
}

std::optional<protocol::TextEdit> insert_log_edit(const NoteContext& note) {
  auto at = log_entry_offset(note);
  if (!at) return insert_template_edit(note, "new-start", note.doc.text().size());
  const std::string& text = note.doc.text();
  std::string entry = engine::render_log_entry(note.lang(), note.vars(), false);
  std::string_view head = std::string_view(text).substr(0, *at);
  std::string prefix =
      (!head.empty() && !head.ends_with("\n") && !head.ends_with("\r")) ? "\n" : "";
  std::string out = prefix + entry;
  if (line_ending_of(text) == "\r\n") {
    std::string converted;
    for (char c : out) {
      if (c == '\n')
        converted += "\r\n";
      else
        converted += c;
    }
    out = converted;
  }
  return protocol::TextEdit{note.range(*at, *at), out};
}

protocol::WorkspaceEdit workspace_edit(const Document& doc, std::vector<protocol::TextEdit> edits,
                                       bool document_changes) {
  protocol::WorkspaceEdit edit;
  if (document_changes) {
    protocol::TextDocumentEdit change;
    change.textDocument.uri = doc.uri;
    change.textDocument.version = doc.version;
    change.edits = std::move(edits);
    edit.documentChanges = std::vector<protocol::TextDocumentEdit>{std::move(change)};
  } else {
    edit.changes =
        std::map<std::string, std::vector<protocol::TextEdit>>{{doc.uri, std::move(edits)}};
  }
  return edit;
}

} // namespace mend::server
