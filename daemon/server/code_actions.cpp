// Code actions: insertions driven by the folder report and the note's analysis.
#include "daemon/server/code_actions.h"

#include <nlohmann/json.hpp>

#include "daemon/server/corrections.h"
#include "daemon/server/edits.h"
#include "daemon/server/explain.h"

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

// The person's corrections on the cursor's line (corrections.h), first in the list: what mend
// read there is what they came to change. `add` is code_actions()'s.
template <class Add>
void correction_actions(const NoteContext& note, const protocol::CodeActionParams& params,
                        Add& add) {
  int line = static_cast<int>(params.range.start.line);
  const std::string& uri = note.doc.uri;
  auto mark = [&](const std::string& marker) {
    return command("mend.markLine", {{"uri", uri}, {"line", line}, {"marker", marker}});
  };
  auto fix = [&](const engine::MarkerNote& m, const std::string& marker) {
    return command("mend.fixMarker", {{"uri", uri}, {"line", m.line}, {"marker", marker}});
  };
  const char* kind = protocol::CodeActionKind::QuickFix;
  // A stale marker on this line: remove it, or say what it should.
  if (const engine::MarkerNote* m = marker_on_line(note, line); m && !marker_problem(*m).empty()) {
    std::optional<protocol::Diagnostic> reported;
    for (const auto& d : params.context.diagnostics)
      if (d.code == std::optional<std::string>("stale-marker") &&
          static_cast<int>(d.range.start.line) == line)
        reported = d;
    for (const auto& id : marker_replacements(note, *m)) {
      std::string marker = (m->kind == engine::MarkerNote::Kind::Step ? "step " : "q ") + id;
      add("mend: replace the marker with " + id, kind, fix_marker_edit(note, line, marker),
          fix(*m, marker), reported);
    }
    add("mend: remove this marker", kind, fix_marker_edit(note, line, ""), fix(*m, ""), reported);
    return;
  }
  auto lc = line_candidate(note, line);
  if (!lc || !marker_would_bind(note, *lc)) return;
  // "This is the question …": the closest questions for the line, then every question of the
  // step section it sits in (or of the step it is read as), never the one it already is.
  std::vector<std::string> ids;
  auto offer = [&](const std::string& id) {
    if (lc->question && lc->question->id == id) return;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& r : lc->ranked)
    if (!r.step && ids.size() < 3) offer(r.id);
  std::string step = !lc->section.empty() ? lc->section : lc->question ? lc->question->step : "";
  if (!step.empty())
    for (const auto& id : note.ctx.pack.question_ids(step))
      offer(id);
  for (const auto& id : ids)
    add("mend: this is the question \"" + question_title(note, id, 60) + "\" (" + id + ")", kind,
        mark_line_edit(note, line, "q " + id, &*lc), mark("q " + id));
  bool ignored = lc->marker && lc->marker->kind == engine::MarkerNote::Kind::Ignore;
  if ((lc->question || lc->section_title) && !ignored)
    add("mend: not a reflection question", kind, mark_line_edit(note, line, "ignore", &*lc),
        mark("ignore"));
  // "This section is the step …" on a title: the steps its words come closest to first.
  if (lc->can_title || lc->section_title) {
    std::vector<std::string> steps;
    for (const auto& r : lc->ranked)
      if (r.step) steps.push_back(r.id);
    for (const auto& s : note.ctx.pack.step_ids())
      if (std::find(steps.begin(), steps.end(), s) == steps.end()) steps.push_back(s);
    for (const auto& s : steps)
      if (!lc->section_title || lc->section_title->id != s)
        add("mend: this section is the step \"" + note.step_title(s) + "\" (" + s + ")", kind,
            mark_line_edit(note, line, "step " + s, &*lc), mark("step " + s));
  }
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

  correction_actions(note, params, add);

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
