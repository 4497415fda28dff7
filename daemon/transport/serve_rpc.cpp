// mend/progress, mend/templates, mend/insertTemplate, mend/subscribe over WebSocket (the page's
// own methods are in serve_page_rpc.cpp).
#include "daemon/transport/serve_rpc.h"

#include <filesystem>

#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/server/folder_index.h"
#include "daemon/server/note_path.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/template_insert.h"
#include "daemon/transport/note_write.h"
#include "daemon/transport/serve_page_rpc.h"
#include "daemon/transport/serve_state.h"
#include "protocol/json_read.h"
#include "protocol/uri.h"

namespace mend::transport {

namespace fs = std::filesystem;
using protocol::ErrorCode;
using protocol::json;
using protocol::params_object;
using protocol::Reply;

namespace {

// The note a request names: "path_bytes" (a name that is not UTF-8, percent-encoded as the
// reports write it, daemon/server/note_path.h) or "path".
std::optional<std::string> requested_path(const json& params) {
  std::optional<std::string> bytes, path;
  protocol::read_optional(params, "path_bytes", bytes);
  if (bytes) return protocol::percent_decode(*bytes);
  protocol::read_optional(params, "path", path);
  return path;
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
    // As text, note by note: a whole folder's tree would be ~400 MB at 100k notes.
    json extra = json::object();
    if (state.folder_missing()) extra["folder_missing"] = true;
    reply.raw(state.index().folder_json_text(extra));
    return;
  }
  std::string p = checked_path(state, *path);
  // While the first index is built, a note it has not reached yet is read now, not refused.
  if (state.index().indexing() && !state.index().contains(p)) state.index().refresh(p);
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
  server::FolderIndex& index = state.index();
  auto edit = [&](const NoteBase& base, json& extra,
                  std::string& error) -> std::optional<std::string> {
    const server::Config& config = index.config();
    std::string text = base.current.value_or("");
    std::string language = config.language;
    if (language.empty())
      language =
          base.current ? index.analyzer().detect_language(text) : index.pack().primary().language;
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
      error = "unknown template '" + template_id + "' (see mend/templates)";
      return std::nullopt;
    }
    std::string updated = text.substr(0, at) + *block + text.substr(at);
    extra["line"] = engine::LineIndex(updated).line_of(at);
    return updated;
  };
  write_note_checked(state, path, base_hash, edit, std::move(reply));
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
  bind_page_methods(dispatcher, state);
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
