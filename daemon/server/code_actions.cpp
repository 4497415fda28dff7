// Code actions: insertions driven by the folder report and the note's analysis.
#include "daemon/server/code_actions.h"

#include <nlohmann/json.hpp>

#include "daemon/server/edits.h"

namespace mend::server {

namespace {

bool wanted(const protocol::CodeActionParams& params, const std::string& kind) {
  if (!params.context.only) return true;
  for (const auto& only : *params.context.only)
    if (kind == only || kind.rfind(only + ".", 0) == 0) return true;
  return false;
}

std::string data_string(const protocol::Diagnostic& d, const char* key) {
  if (d.data && d.data->is_object() && d.data->contains(key) && (*d.data)[key].is_string())
    return (*d.data)[key].get<std::string>();
  return {};
}

// The mend.* command that makes the same edit as an action (workspace/executeCommand).
// Its title is the action's, set when the action is built.
protocol::Command command(const char* name, nlohmann::json argument) {
  return protocol::Command{"", name, std::vector<nlohmann::json>{std::move(argument)}};
}

} // namespace

std::vector<protocol::CodeAction> code_actions(const NoteContext& note,
                                               const protocol::CodeActionParams& params,
                                               CodeActionForm form) {
  std::vector<protocol::CodeAction> out;
  const std::string& text = note.doc.text();
  const std::string& uri = note.doc.uri;
  std::size_t cursor = note.offset(params.range.start);
  // `edit` decides whether the action is offered at all; `run` is its command form.
  auto add = [&](std::string title, const char* kind, std::optional<protocol::TextEdit> edit,
                 const protocol::Command& run,
                 std::optional<protocol::Diagnostic> fixes = std::nullopt, bool preferred = false) {
    if (!edit || !wanted(params, kind)) return;
    protocol::CodeAction action;
    action.title = std::move(title);
    action.kind = kind;
    if (form.literals)
      action.edit = workspace_edit(note.doc, {std::move(*edit)}, form.document_changes);
    else
      action.command = protocol::Command{action.title, run.command, run.arguments};
    if (fixes) action.diagnostics = std::vector<protocol::Diagnostic>{*fixes};
    if (preferred) action.isPreferred = true;
    out.push_back(std::move(action));
  };
  auto insert_template = [&](const std::string& id, std::optional<std::size_t> at = std::nullopt) {
    nlohmann::json arg{{"uri", uri}, {"template", id}};
    if (at) {
      protocol::Position pos = note.position(*at);
      arg["position"] = {{"line", pos.line}, {"character", pos.character}};
    }
    return command("mend.insertTemplate", std::move(arg));
  };
  auto insert_missing = [&](const std::string& step) {
    return command("mend.insertMissing", {{"uri", uri}, {"step", step}});
  };
  const protocol::Command insert_log = command("mend.insertLogEntry", {{"uri", uri}});

  // Quick fixes for the diagnostics the client sent back.
  for (const auto& d : params.context.diagnostics) {
    if (d.source != std::optional<std::string>("mend") || !d.code) continue;
    std::string step = data_string(d, "step");
    if (*d.code == "missing-step" && !step.empty()) {
      add("Insert step: " + note.step_title(step), protocol::CodeActionKind::QuickFix,
          insert_template_edit(note, step, text.size()), insert_template(step), d, true);
    } else if (*d.code == "conditional") {
      std::string target = step.empty() ? "patterns" : step;
      add("Insert step: " + note.step_title(target), protocol::CodeActionKind::QuickFix,
          insert_missing_edit(note, target), insert_missing(target), d, true);
    } else if (*d.code == "log-overdue") {
      add("Insert today's action-log entry", protocol::CodeActionKind::QuickFix,
          insert_log_edit(note), insert_log, d, true);
    } else if (*d.code == "unanswered" && !step.empty()) {
      auto missing = note.missing_questions(step);
      if (!missing.empty())
        add("Insert missing questions of " + note.step_title(step),
            protocol::CodeActionKind::QuickFix, insert_missing_edit(note, step),
            insert_missing(step), d);
    }
  }

  if (note.report.next_step)
    add("Insert next step: " + note.step_title(*note.report.next_step),
        protocol::CodeActionKind::RefactorRewrite,
        insert_template_edit(note, *note.report.next_step, text.size()),
        insert_template(*note.report.next_step));

  const engine::StepHeading* section = note.step_at(cursor);
  if (section && !note.missing_questions(section->id).empty())
    add("Insert missing questions of " + note.step_title(section->id),
        protocol::CodeActionKind::RefactorRewrite, insert_missing_edit(note, section->id),
        insert_missing(section->id));

  // Today's log entry: inside new-start's section, or on/near one of its questions.
  bool near_new_start = section && section->id == "new-start";
  int cursor_line = static_cast<int>(note.doc.lines.line_of(cursor));
  for (const auto& q : note.doc.analysis.questions)
    if (q.step == "new-start" && cursor_line >= q.line - 1 && cursor_line <= q.answer_last_line + 2)
      near_new_start = true;
  if (near_new_start)
    add("Insert today's action-log entry", protocol::CodeActionKind::RefactorRewrite,
        insert_log_edit(note), insert_log);

  // Any step of the pack: at the end of the section the cursor is in, on a blank line where it
  // is, else at the end of the note.
  std::size_t at = text.size();
  if (section) {
    at = section->section_end;
  } else {
    std::size_t line = note.doc.lines.line_of(cursor);
    if (note.doc.lines.line_start(line) == note.doc.lines.line_end(line))
      at = note.doc.lines.line_start(line);
  }
  for (const auto& step : note.lang().steps)
    add("Insert step: " + note.step_title(step.id), protocol::CodeActionKind::RefactorRewrite,
        insert_template_edit(note, step.id, at), insert_template(step.id, at));
  return out;
}

} // namespace mend::server
