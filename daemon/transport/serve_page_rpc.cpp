// mend/note, mend/answer, mend/correct, mend/journey, mend/newNotePath: unwrap params, call the
// server.
#include "daemon/transport/serve_page_rpc.h"

#include <algorithm>
#include <filesystem>

#include "daemon/engine/dates.h"
#include "daemon/engine/text.h"
#include "daemon/engine/unicode.h"
#include "daemon/server/answer_insert.h"
#include "daemon/server/corrections.h"
#include "daemon/server/folder_index.h"
#include "daemon/server/journey.h"
#include "daemon/server/note_path.h"
#include "daemon/server/note_view.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/workspace.h"
#include "daemon/transport/note_write.h"
#include "daemon/transport/serve_state.h"
#include "protocol/json_read.h"

namespace mend::transport {

namespace fs = std::filesystem;
using protocol::ErrorCode;
using protocol::json;
using protocol::params_object;
using protocol::Reply;

namespace {

void on_note(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::string path = requested_note(state, params);
  const std::string shown = server::path_for_people(path);
  fs::path file = state.index().root() / fs::path(path);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    reply.error(ErrorCode::RequestFailed, "no note at " + shown + " in the folder");
    return;
  }
  auto text = server::read_file_bytes(file, server::kMaxNoteBytes);
  if (!text) {
    reply.error(ErrorCode::RequestFailed,
                "cannot read " + shown + " (unreadable, or larger than a note may be)");
    return;
  }
  if (!engine::is_valid_utf8(*text)) {
    // JSON carries text, and guessing an encoding could show the person words they never wrote.
    reply.error(ErrorCode::RequestFailed,
                shown + " is not UTF-8 text; open it in an editor that knows its encoding");
    return;
  }
  reply(server::note_view_json(state.index(), path, *text));
}

// The base_hash a write needs: present, and a hash (only mend/insertTemplate creates notes).
std::optional<std::string> required_base_hash(const json& params, const char* why_not_null) {
  if (params.find("base_hash") == params.end())
    throw protocol::InvalidParams("base_hash",
                                  "required field is missing (the note's hash from mend/note)");
  std::optional<std::string> base_hash;
  protocol::read_optional(params, "base_hash", base_hash);
  if (!base_hash) throw protocol::InvalidParams("base_hash", why_not_null);
  return base_hash;
}

void on_answer(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::string path = requested_note(state, params);
  std::string question, text;
  protocol::read_field(params, "question", question);
  protocol::read_field(params, "text", text);
  std::optional<std::string> base_hash =
      required_base_hash(params, "an answer goes into a note that exists");
  server::FolderIndex& index = state.index();
  auto edit = [&](const NoteBase& base, json& extra,
                  std::string& error) -> std::optional<std::string> {
    server::AnswerPlan plan =
        server::plan_answer(index.analyzer(), *base.current, path, question, text);
    if (!plan.ok) {
      error = plan.error;
      return std::nullopt;
    }
    extra["line"] = plan.line;
    extra["answered"] = plan.answered;
    std::string updated = base.current->substr(0, plan.at);
    updated += plan.bytes;
    updated += base.current->substr(plan.at);
    return updated;
  };
  write_note_checked(state, path, base_hash, edit, std::move(reply));
}

// mend/correct: the page's "Not a question" and "This is…". The marker comment is the one the
// LSP code actions write (corrections.h, computed on the bytes on disk), so a note corrected
// from the page reads exactly as one corrected in an editor; the write is mend/answer's.
void on_correct(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::string path = requested_note(state, params);
  std::int64_t line = 0;
  protocol::read_field(params, "line", line);
  if (line < 1) throw protocol::InvalidParams("line", "expected a line of the note (1-based)");
  std::string action;
  protocol::read_field(params, "action", action);
  std::string marker;
  if (action == "ignore") {
    marker = "ignore";
  } else if (action == "question") {
    std::string id;
    protocol::read_field(params, "id", id);
    marker = "q " + id;
    // Checked before the note is read: a marker with an id the pack does not know would be a
    // stale marker, which decides nothing.
    if (!server::valid_marker(state.index().pack(), marker))
      throw protocol::InvalidParams("id", "unknown question id '" + id + "'");
  } else {
    throw protocol::InvalidParams("action",
                                  "expected \"ignore\" or \"question\", not '" + action + "'");
  }
  std::optional<std::string> base_hash =
      required_base_hash(params, "a correction goes into a note that exists");
  server::FolderIndex& index = state.index();
  auto edit = [&](const NoteBase& base, json& extra,
                  std::string& error) -> std::optional<std::string> {
    const std::string shown = server::path_for_people(path);
    server::Document doc(*base.current);
    doc.path = path;
    if (doc.too_large()) {
      error = shown + " is larger than a note may be; mend reads no question in it";
      return std::nullopt;
    }
    doc.analysis = index.analyzer().analyse(doc.text(), doc.markdown().outline(), path);
    doc.stale = false;
    // UTF-8 positions: the edit's range goes back to byte offsets through the same index.
    server::NoteContext note{doc, index.context(), index.report(), engine::Encoding::Utf8};
    int at = static_cast<int>(std::min<std::int64_t>(line - 1, INT32_MAX));
    auto candidate = server::line_candidate(note, at);
    // As the code actions: offered only where a marker decides the line (a later line of a
    // paragraph may not be one mend can mark).
    if (!candidate || !server::marker_would_bind(note, *candidate)) {
      error = "mend reads no question on line " + std::to_string(line) + " of " + shown +
              ": nothing was written";
      return std::nullopt;
    }
    protocol::TextEdit e = server::mark_line_edit(note, at, marker, &*candidate);
    std::size_t from = note.offset(e.range.start), to = note.offset(e.range.end);
    std::string updated = *base.current;
    updated.replace(from, to - from, e.newText);
    extra["marker"] = "<!-- mend:" + marker + " -->";
    return updated;
  };
  write_note_checked(state, path, base_hash, edit, std::move(reply));
}

// "<step>-<date>.md", then "<step>-<date>-2.md", …: the first name no file has. The write that
// follows (mend/insertTemplate with base_hash null) still refuses to replace a file that
// appears in between.
void on_new_note_path(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::string template_id;
  protocol::read_field(params, "template", template_id);
  const engine::Pack& pack = state.index().pack();
  bool known = template_id == "log";
  for (const auto& lang : pack.languages())
    if (lang.step(template_id) || lang.question(template_id)) known = true;
  if (!known) throw protocol::InvalidParams("template", "unknown template '" + template_id + "'");
  std::string stem =
      (template_id == "log" ? std::string("log") : template_id.substr(0, template_id.find('.'))) +
      "-" + engine::format_iso(state.index().today());
  for (int n = 1; n < 1000; ++n) {
    std::string name = stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".md";
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(state.index().root() / name, ec))) {
      reply(json{{"path", name}});
      return;
    }
  }
  reply.error(ErrorCode::RequestFailed, "no free name for " + stem + ".md (999 taken)");
}

} // namespace

void bind_page_methods(protocol::Dispatcher& dispatcher, ServeState& state) {
  ServeState* s = &state;
  dispatcher.on_request(
      "mend/note", [s](const json& params, Reply reply) { on_note(*s, params, std::move(reply)); });
  dispatcher.on_request("mend/answer", [s](const json& params, Reply reply) {
    on_answer(*s, params, std::move(reply));
  });
  dispatcher.on_request("mend/correct", [s](const json& params, Reply reply) {
    on_correct(*s, params, std::move(reply));
  });
  dispatcher.on_request("mend/journey", [s](const json&, Reply reply) {
    reply(server::journey_log_json(s->index()));
  });
  dispatcher.on_request("mend/newNotePath", [s](const json& params, Reply reply) {
    on_new_note_path(*s, params, std::move(reply));
  });
}

} // namespace mend::transport
