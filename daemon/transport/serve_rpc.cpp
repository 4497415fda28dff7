// mend/progress, mend/templates, mend/insertTemplate, mend/subscribe over WebSocket.
#include "daemon/transport/serve_rpc.h"

#include <filesystem>

#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/folder_index.h"
#include "daemon/server/note_path.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/template_insert.h"
#include "daemon/transport/serve_state.h"
#include "protocol/json_read.h"
#include "protocol/uri.h"

namespace mend::transport {

namespace fs = std::filesystem;
using protocol::ErrorCode;
using protocol::json;
using protocol::Reply;

namespace {

json params_object(const json& params) {
  if (params.is_null()) return json::object();
  protocol::expect_object(params);
  return params;
}

// The note a request names: "path_bytes" (a name that is not UTF-8, percent-encoded as the
// reports write it, daemon/server/note_path.h) or "path".
std::optional<std::string> requested_path(const json& params) {
  std::optional<std::string> bytes, path;
  protocol::read_optional(params, "path_bytes", bytes);
  if (bytes) return protocol::percent_decode(*bytes);
  protocol::read_optional(params, "path", path);
  return path;
}

// `fields` with the note's "path" (and "path_bytes", note_path.h).
json with_path(const std::string& path, json fields) {
  server::put_path(fields, "path", path);
  return fields;
}

std::string checked_path(ServeState& state, const std::string& raw) {
  std::string why;
  auto path = state.index().normalise_path(raw, &why);
  if (!path) throw protocol::InvalidParams("path", why);
  return *path;
}

void on_progress(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::optional<std::string> path = requested_path(params), uri;
  protocol::read_optional(params, "uri", uri);
  if (!path && uri) {
    // As mend lsp accepts it: a file:// URI inside the folder.
    auto file = protocol::uri_to_path(*uri);
    std::error_code ec;
    fs::path rel = file ? fs::path(*file).lexically_relative(state.index().root()) : fs::path();
    if (!file || rel.empty() || *rel.begin() == "..")
      throw protocol::InvalidParams("uri", "not a file:// URI inside the served folder: " + *uri);
    path = rel.generic_string();
  }
  if (!path) {
    json out = state.index().folder_json();
    if (state.folder_missing()) out["folder_missing"] = true;
    reply(std::move(out));
    return;
  }
  std::string p = checked_path(state, *path);
  auto out = state.index().note_report_json(p);
  if (!out) {
    reply.error(ErrorCode::RequestFailed,
                "no note at " + server::path_for_people(p) + " in the folder");
    return;
  }
  reply(std::move(*out));
}

void on_insert_template(ServeState& state, const json& raw, Reply reply) {
  json params = params_object(raw);
  std::string raw_path, template_id;
  if (auto requested = requested_path(params); requested && params.contains("path_bytes"))
    raw_path = *requested;
  else
    protocol::read_field(params, "path", raw_path);
  protocol::read_field(params, "template", template_id);
  std::optional<std::int64_t> line;
  if (auto it = params.find("position"); it != params.end() && !it->is_null()) {
    try {
      protocol::expect_object(*it);
      std::int64_t l = 0;
      protocol::read_field(*it, "line", l);
      if (l < 0) throw protocol::InvalidParams("line", "must be 0 or more");
      line = l;
    } catch (protocol::InvalidParams& e) {
      e.prepend("position");
      throw;
    }
  }
  if (params.find("base_hash") == params.end())
    throw protocol::InvalidParams(
        "base_hash",
        "required field is missing (the note's hash from mend/progress, or null for a new note)");
  std::optional<std::string> base_hash;
  protocol::read_optional(params, "base_hash", base_hash);
  std::string path = checked_path(state, raw_path);
  const std::string shown = server::path_for_people(path); // in messages

  server::FolderIndex& index = state.index();
  fs::path file = index.root() / fs::path(path);
  std::error_code ec;
  if (!fs::is_directory(file.parent_path(), ec)) {
    reply.error(ErrorCode::RequestFailed, "cannot write " + shown + ": its folder does not exist");
    return;
  }
  std::optional<std::string> current;
  if (fs::exists(fs::symlink_status(file, ec))) {
    if (!fs::is_regular_file(file, ec)) {
      reply.error(ErrorCode::RequestFailed, shown + " is not a regular file");
      return;
    }
    current = server::read_file_bytes(file, server::kMaxNoteBytes);
    if (!current) {
      reply.error(ErrorCode::RequestFailed,
                  "cannot read " + shown + " (unreadable, or larger than a note may be)");
      return;
    }
  }
  if (current && (!base_hash || *base_hash != server::content_hash(*current))) {
    std::string now = server::content_hash(*current);
    reply.error(ErrorCode::RequestFailed,
                shown + " changed since you last saw it (its hash is now " + now + ", you sent " +
                    (base_hash ? *base_hash : std::string("null")) +
                    "): nothing was written; read it again with mend/progress and retry",
                with_path(path, {{"hash", now}}));
    return;
  }
  if (!current && base_hash) {
    reply.error(ErrorCode::RequestFailed,
                shown + " no longer exists: nothing was written; send base_hash null to create it",
                with_path(path, {{"hash", nullptr}}));
    return;
  }

  const server::Config& config = index.config();
  std::string text = current.value_or("");
  std::string language = config.language;
  if (language.empty())
    language = current ? index.analyzer().detect_language(text) : index.pack().primary().language;
  engine::TemplateVariables vars;
  vars.name = config.ex_name;
  vars.pronouns = config.pronouns;
  vars.date = engine::format_iso(index.today());
  engine::RenderOptions options;
  options.markers = config.markers;
  std::size_t at = text.size();
  if (line) {
    engine::LineIndex lines(text);
    at = static_cast<std::size_t>(*line) >= lines.line_count()
             ? text.size()
             : lines.line_start(static_cast<std::size_t>(*line));
  }
  auto block =
      server::render_insertion(index.pack(), language, template_id, vars, options, text, at);
  if (!block) {
    reply.error(ErrorCode::RequestFailed,
                "unknown template '" + template_id + "' (see mend/templates)");
    return;
  }
  std::string updated = text.substr(0, at) + *block + text.substr(at);
  server::WriteOutcome outcome = server::write_note_atomically(file, updated, current);
  if (!outcome.ok) {
    reply.error(ErrorCode::RequestFailed, outcome.error,
                with_path(path, {{"conflict", outcome.conflict}}));
    return;
  }
  std::size_t inserted_line = engine::LineIndex(updated).line_of(at);
  // Index the write now (the watcher will see it too, and find nothing new).
  if (index.refresh(path)) state.notes_changed({path});
  reply(with_path(path, {{"hash", server::content_hash(updated)}, {"line", inserted_line}}));
}

} // namespace

void bind_serve_methods(protocol::Dispatcher& dispatcher, ServeState& state,
                        std::function<void(bool)> subscribe) {
  ServeState* s = &state;
  dispatcher.on_request("mend/progress", [s](const json& params, Reply reply) {
    on_progress(*s, params, std::move(reply));
  });
  dispatcher.on_request("mend/templates",
                        [s](const json&, Reply reply) { reply(s->index().templates_json()); });
  dispatcher.on_request("mend/insertTemplate", [s](const json& params, Reply reply) {
    on_insert_template(*s, params, std::move(reply));
  });
  dispatcher.on_request("mend/subscribe", [subscribe](const json&, Reply reply) {
    subscribe(true);
    reply(json{{"subscribed", true}});
  });
  dispatcher.on_request("mend/unsubscribe", [subscribe](const json&, Reply reply) {
    subscribe(false);
    reply(json{{"subscribed", false}});
  });
}

} // namespace mend::transport
