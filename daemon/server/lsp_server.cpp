// The LSP method table, lifecycle, document sync, diagnostics publishing, settings and index.
#include "daemon/server/lsp_server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "daemon/server/analysis_cache.h"
#include "daemon/server/corrections.h"
#include "daemon/server/edits.h"
#include "daemon/server/explain.h"
#include "daemon/server/features.h"
#include "daemon/server/folder_scan.h"
#include "daemon/server/free_memory.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/report_json.h"
#include "protocol/invalid_params.h"
#include "protocol/json_read.h"
#include "protocol/lsp_types.h"
#include "protocol/uri.h"

namespace mend::server {

namespace fs = std::filesystem;
using protocol::InvalidParams;
using protocol::Reply;
using json = nlohmann::json;

namespace {

template <class T> T read_params(const json& params) {
  T value{};
  protocol::read_value(params, value);
  return value;
}

// A string field of an object, or InvalidParams naming it.
std::string string_field(const json& obj, const std::string& key, const std::string& path) {
  if (!obj.is_object())
    throw InvalidParams(path,
                        "expected an object, got " + std::string(protocol::json_type_name(obj)));
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null())
    throw InvalidParams(path.empty() ? key : path + "." + key, "required field is missing");
  if (!it->is_string())
    throw InvalidParams(path.empty() ? key : path + "." + key,
                        "expected a string, got " + std::string(protocol::json_type_name(*it)));
  return it->get<std::string>();
}

} // namespace

LspServer::LspServer(protocol::Dispatcher& dispatcher, Loop& loop, LspServerOptions options)
    : dispatcher_(dispatcher), loop_(loop), options_(std::move(options)) {
  if (!options_.today) options_.today = [] { return engine::Date{2026, 1, 1}; };
  workspace_.documents.open_threads = options_.threads;
  bind();
}

LspServer::~LspServer() {
  *alive_ = false;
  if (index_stop_) *index_stop_ = true;
}

// The one dispatch table, alphabetical by wire method.
void LspServer::bind() {
  auto req = [this](const char* method, void (LspServer::*fn)(const json&, Reply)) {
    dispatcher_.on_request(method,
                           [this, fn](const json& p, Reply r) { (this->*fn)(p, std::move(r)); });
  };
  auto note = [this](const char* method, void (LspServer::*fn)(const json&)) {
    dispatcher_.on_notification(method, [this, fn](const json& p) { (this->*fn)(p); });
  };
  note("exit", &LspServer::on_exit);
  note("initialized", &LspServer::on_initialized);
  req("initialize", &LspServer::on_initialize);
  req("mend/explain", &LspServer::on_explain);
  req("mend/progress", &LspServer::on_progress);
  req("mend/templates", &LspServer::on_templates);
  req("shutdown", &LspServer::on_shutdown);
  req("textDocument/codeAction", &LspServer::on_code_action);
  req("textDocument/codeLens", &LspServer::on_code_lens);
  req("textDocument/completion", &LspServer::on_completion);
  note("textDocument/didChange", &LspServer::on_did_change);
  note("textDocument/didClose", &LspServer::on_did_close);
  note("textDocument/didOpen", &LspServer::on_did_open);
  note("textDocument/didSave", &LspServer::on_did_save);
  req("textDocument/documentSymbol", &LspServer::on_document_symbol);
  req("textDocument/hover", &LspServer::on_hover);
  req("textDocument/inlayHint", &LspServer::on_inlay_hint);
  note("workspace/didChangeConfiguration", &LspServer::on_did_change_configuration);
  note("workspace/didChangeWatchedFiles", &LspServer::on_did_change_watched_files);
  req("workspace/executeCommand", &LspServer::on_execute_command);
  req("workspace/symbol", &LspServer::on_workspace_symbol);
}

// --- Lifecycle -----------------------------------------------------------------------------

void LspServer::on_initialize(const json& params, Reply reply) {
  auto init = read_params<protocol::InitializeParams>(params);
  client_ = init.capabilities;
  auto encodings = client_.position_encodings();
  encoding_ = std::find(encodings.begin(), encodings.end(), "utf-8") != encodings.end()
                  ? engine::Encoding::Utf8
                  : engine::Encoding::Utf16;
  std::optional<std::string> root_uri;
  if (init.workspaceFolders && !init.workspaceFolders->empty())
    root_uri = init.workspaceFolders->front().uri;
  else if (init.rootUri)
    root_uri = init.rootUri;
  if (root_uri) {
    if (auto path = protocol::uri_to_path(*root_uri)) root_ = fs::path(*path);
  } else if (init.rootPath && !init.rootPath->empty()) {
    root_ = fs::path(*init.rootPath);
  }
  if (root_) {
    std::error_code ec;
    if (!fs::is_directory(*root_, ec)) {
      spdlog::warn("workspace root {} is not a folder: no folder is indexed", root_->string());
      root_.reset();
    }
  }
  // Settings: the folder's config file, then initializationOptions.
  if (root_) {
    for (const char* name : {"config.yaml", "config.yml", "config.json"}) {
      fs::path candidate = *root_ / ".mend" / name;
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec)) continue;
      std::string error;
      std::vector<std::string> warnings;
      if (auto loaded = load_config_file(candidate, file_config_, &error, &warnings))
        file_config_ = *loaded;
      else
        log_user(protocol::MessageType::Warning, "mend: " + error);
      for (const auto& w : warnings)
        log_user(protocol::MessageType::Warning, "mend: " + w);
      break;
    }
  }
  config_ = file_config_;
  if (init.initializationOptions) apply_settings(*init.initializationOptions, false, false);
  if (init.processId) loop_.watch_parent(*init.processId);

  json capabilities = {
      {"positionEncoding", encoding_ == engine::Encoding::Utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"completionProvider", {{"triggerCharacters", {"/", "#"}}}},
      {"hoverProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", "refactor.rewrite"}}}},
      {"codeLensProvider", {{"resolveProvider", false}}},
      {"inlayHintProvider", true},
      {"documentSymbolProvider", true},
      {"workspaceSymbolProvider", true},
      {"executeCommandProvider",
       {{"commands",
         {"mend.insertTemplate", "mend.insertMissing", "mend.insertLogEntry", "mend.markLine",
          "mend.fixMarker"}}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", false}}}}},
  };
  protocol::InitializeResult result;
  result.capabilities = capabilities;
  result.serverInfo = protocol::ServerInfo{"mend", options_.version};
  json out;
  protocol::to_json(out, result);
  reply(out);
  // The pack and analyzer (~3 ms) are built after the answer is written, not before: the
  // capabilities do not depend on them, and every later message is handled after this returns.
  rebuild_context();
}

void LspServer::on_initialized(const json&) {
  if (root_ && client_.watched_files_dynamic_registration()) {
    json registration = {{"registrations",
                          {{{"id", "mend-watch-notes"},
                            {"method", "workspace/didChangeWatchedFiles"},
                            {"registerOptions", {{"watchers", {{{"globPattern", "**/*.md"}}}}}}}}}};
    dispatcher_.send_request(
        "client/registerCapability", registration, [](const json&, const json* error) {
          if (error)
            spdlog::warn("client refused the file watcher registration: {}", error->dump());
        });
  }
  if (client_.configuration()) pull_configuration();
  start_index();
}

void LspServer::on_shutdown(const json&, Reply reply) {
  run_deferred();
  for (auto& job : waiting_for_index_)
    job.reply.error(protocol::ErrorCode::RequestFailed, "server is shutting down");
  waiting_for_index_.clear();
  reply(nullptr);
}

void LspServer::on_exit(const json&) {
  loop_.exit(dispatcher_.shutdown_requested() ? 0 : 1);
}

// --- Document sync -------------------------------------------------------------------------

void LspServer::on_did_open(const json& params) {
  run_deferred();
  auto p = read_params<protocol::DidOpenTextDocumentParams>(params);
  Document& doc =
      workspace_.documents.open(p.textDocument.uri, workspace_.path_of_uri(p.textDocument.uri),
                                p.textDocument.version, p.textDocument.text, /*defer_parse=*/true);
  warn_if_too_large(doc);
  if (!doc.parsed()) {
    // A long note's parse waits until the requests sent with didOpen are answered (they often
    // need only the index's analysis of it, see Document); then it is parsed before any edit.
    loop_.debounce("parse " + doc.uri, kParseAfterOpen,
                   [this, alive = std::weak_ptr<bool>(alive_), uri = doc.uri] {
                     if (alive.expired()) return;
                     if (Document* d = workspace_.documents.find(uri)) d->markdown();
                   });
  }
  changed_.insert(p.textDocument.uri);
  schedule_publish();
}

void LspServer::on_did_change(const json& params) {
  run_deferred();
  auto p = read_params<protocol::DidChangeTextDocumentParams>(params);
  Document* doc = workspace_.documents.find(p.textDocument.uri);
  if (!doc) {
    spdlog::warn("didChange for {}, which is not open: ignored", p.textDocument.uri);
    log_user(protocol::MessageType::Warning, "mend: ignored a change to " + p.textDocument.uri +
                                                 ", which is not open (no didOpen)");
    return;
  }
  DocumentStore::apply(*doc, p.textDocument.version, p.contentChanges, encoding_);
  warn_if_too_large(*doc);
  changed_.insert(doc->uri);
  schedule_publish();
}

void LspServer::on_did_close(const json& params) {
  run_deferred();
  auto p = read_params<protocol::DidCloseTextDocumentParams>(params);
  Document* doc = workspace_.documents.find(p.textDocument.uri);
  if (!doc) {
    spdlog::warn("didClose for {}, which is not open: ignored", p.textDocument.uri);
    return;
  }
  std::string path = doc->path;
  workspace_.documents.close(p.textDocument.uri);
  workspace_.report_stale = true;
  changed_.erase(p.textDocument.uri);
  dispatcher_.send_notification("textDocument/publishDiagnostics",
                                {{"uri", p.textDocument.uri}, {"diagnostics", json::array()}});
  // The file on disk is the truth again for the folder report.
  if (root_ && workspace_.indexed.count(path)) {
    NoteText note = read_note(*root_ / path);
    workspace_.indexed_hash.erase(path); // analysed here, not by the index
    if (note.text)
      workspace_.indexed[path] = workspace_.context->analyzer->analyse(*note.text, path);
    else
      workspace_.indexed.erase(path);
  }
  schedule_publish();
}

void LspServer::on_did_save(const json& params) {
  read_params<protocol::DidSaveTextDocumentParams>(params); // the open text is already current
}

void LspServer::on_did_change_configuration(const json& params) {
  run_deferred();
  json settings = params.is_object() && params.contains("settings") ? params["settings"] : json();
  bool has_settings = settings.is_object() && !settings.empty() &&
                      !(settings.contains("mend") && settings["mend"].is_null());
  if (has_settings)
    apply_settings(settings, true);
  else if (client_.configuration())
    pull_configuration();
}

void LspServer::on_did_change_watched_files(const json& params) {
  run_deferred();
  auto p = read_params<protocol::DidChangeWatchedFilesParams>(params);
  if (!root_) return;
  bool any = false;
  for (const auto& change : p.changes) {
    auto path = protocol::uri_to_path(change.uri);
    if (!path || !is_note_name(fs::path(*path).filename().string())) continue;
    std::string rel = workspace_.path_of_uri(change.uri);
    if (rel == *path) continue; // outside the folder
    bool open = false;
    for (Document* d : workspace_.documents.all())
      open = open || d->path == rel;
    if (change.type == protocol::FileChangeType::Deleted) {
      any = workspace_.indexed.erase(rel) > 0 || any;
      continue;
    }
    NoteText note = read_note(*path);
    if (!note.text) {
      workspace_.indexed.erase(rel);
      continue;
    }
    workspace_.indexed[rel] = workspace_.context->analyzer->analyse(*note.text, rel);
    workspace_.indexed_hash.erase(rel); // analysed here, not by the index
    any = true;
    (void)open; // an open document overlays the indexed one: its text stays the editor's
  }
  if (any) {
    workspace_.report_stale = true;
    schedule_publish();
  }
}

// --- Deferred requests ---------------------------------------------------------------------

void LspServer::defer(Reply reply, Work work, bool needs_index, bool needs_report) {
  if (needs_index && workspace_.indexing) {
    waiting_for_index_.push_back(Job{std::move(reply), std::move(work), true, needs_report});
    return;
  }
  deferred_.push_back(Job{std::move(reply), std::move(work), needs_index, needs_report});
  if (deferred_posted_) return;
  deferred_posted_ = true;
  loop_.post([this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.expired()) return;
    deferred_posted_ = false;
    run_deferred();
  });
}

void LspServer::run_deferred() {
  while (!deferred_.empty()) {
    Job job = std::move(deferred_.front());
    deferred_.pop_front();
    if (job.reply.cancelled()) {
      job.reply(nullptr); // replaced by RequestCancelled
      continue;
    }
    try {
      ensure_fresh(job.needs_report);
      Answer answer = job.work();
      if (answer.text)
        job.reply.raw(std::move(*answer.text));
      else
        job.reply(std::move(answer.value));
    } catch (const InvalidParams& e) {
      job.reply.error(protocol::ErrorCode::InvalidParams,
                      std::string("invalid params: ") + e.what(), json{{"path", e.path()}});
    } catch (const std::exception& e) {
      spdlog::error("request failed: {}", e.what());
      job.reply.error(protocol::ErrorCode::InternalError, e.what());
    }
  }
}

// --- Diagnostics ---------------------------------------------------------------------------

// A throttle, not a trailing debounce: the first change after a quiet window is published
// 1 ms later, and the changes of a burst together at the end of the window. A trailing debounce
// would add its whole delay to every keystroke. Why 1 ms and not at once: an editor sends its
// requests for the new text (symbols, hints, lenses) right after the change, in writes of their
// own; they are answered first, and the publish then finds the note already analysed.
void LspServer::schedule_publish() {
  constexpr auto kYieldToRequests = std::chrono::milliseconds(1);
  auto now = std::chrono::steady_clock::now();
  auto due = last_publish_ + options_.debounce;
  auto delay = due > now ? std::chrono::ceil<std::chrono::milliseconds>(due - now)
                         : std::chrono::milliseconds(0);
  delay = std::max<std::chrono::milliseconds>(delay, kYieldToRequests);
  loop_.debounce("publish", delay, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (!alive.expired()) publish();
  });
}

// Why two levels: judging the folder reads every note's analysis (10k notes: milliseconds), and
// a keystroke followed by documentSymbol needs only that note's own analysis; the report is
// brought up to date by the next request that reads it, or by the publish that follows.
void LspServer::ensure_fresh(bool report) {
  workspace_.analyse_stale();
  if (report && workspace_.report_stale) workspace_.rejudge();
  tell_user_warnings();
}

void LspServer::tell_user_warnings() {
  for (const auto& message : workspace_.take_user_warnings())
    log_user(protocol::MessageType::Warning, "mend: " + message);
}

void LspServer::publish() {
  if (dispatcher_.shutdown_requested()) return;
  auto started = std::chrono::steady_clock::now();
  workspace_.rejudge();
  tell_user_warnings();
  for (Document* doc : workspace_.documents.all()) {
    auto diagnostics = note_diagnostics(note(*doc));
    bool changed = changed_.count(doc->uri) > 0;
    if (!changed && doc->published && *doc->published == diagnostics) continue;
    protocol::PublishDiagnosticsParams p{doc->uri, doc->version, diagnostics};
    json out;
    protocol::to_json(out, p);
    dispatcher_.send_notification("textDocument/publishDiagnostics", out);
    doc->published = std::move(diagnostics);
  }
  changed_.clear();
  last_publish_ = std::chrono::steady_clock::now();
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(last_publish_ - started).count();
  spdlog::debug("published diagnostics in {} µs", us);
}

// --- Settings, pack, index -----------------------------------------------------------------

void LspServer::apply_settings(const json& settings, bool from_client, bool rebuild) {
  std::vector<std::string> problems;
  config_ = apply_config(settings, config_, &problems);
  for (const auto& p : problems)
    log_user(protocol::MessageType::Warning, "mend: " + p);
  if (rebuild) rebuild_context();
  if (from_client) {
    start_index();
    for (Document* d : workspace_.documents.all())
      changed_.insert(d->uri);
    schedule_publish();
  }
}

void LspServer::rebuild_context() {
  workspace_.context = make_context(config_, root_, options_.today());
  for (const auto& p : workspace_.context->problems)
    log_user(protocol::MessageType::Warning,
             "mend: template pack: " + p.source +
                 (p.line >= 0 ? ":" + std::to_string(p.line + 1) : "") + ": " + p.message);
  for (Document* d : workspace_.documents.all())
    d->stale = true;
}

void LspServer::pull_configuration() {
  dispatcher_.send_request(
      "workspace/configuration", {{"items", {{{"section", "mend"}}}}},
      [this, alive = std::weak_ptr<bool>(alive_)](const json& result, const json* error) {
        if (alive.expired() || error || !result.is_array() || result.empty()) return;
        if (result[0].is_object() && !result[0].empty()) apply_settings(result[0], true);
      });
}

namespace {

// The folder's notes for the index; not judged here: the workspace judges them with the open
// documents over them (Workspace::rejudge).
FolderScan index_scan(const fs::path& root, const Context& ctx, unsigned threads,
                      const std::optional<ScanCacheOptions>& cache, const std::atomic<bool>& stop) {
  ScanExtras extras;
  extras.judge = false;
  extras.stop = &stop;
  return scan_folder(root, *ctx.analyzer, ctx.today, threads, {}, cache ? &*cache : nullptr,
                     /*prefilter=*/true, &extras);
}

} // namespace

void LspServer::start_index() {
  if (!root_) return;
  std::uint64_t generation = ++index_generation_;
  if (index_stop_) *index_stop_ = true; // its result would be dropped anyway
  index_stop_ = std::make_shared<std::atomic<bool>>(false);
  workspace_.indexing = true;
  begin_progress();
  auto ctx = workspace_.context;
  fs::path root = *root_;
  unsigned threads = options_.threads;
  std::optional<ScanCacheOptions> cache;
  if (options_.cache)
    if (auto dir = default_cache_dir())
      cache = ScanCacheOptions{cache_file_for(*dir, root),
                               analysis_identity(&root, config_, options_.version)};
  Loop* loop = &loop_; // outlives the server; `this` may be gone when the scan ends
  loop_.background([this, loop, alive = std::weak_ptr<bool>(alive_), ctx, root, threads, generation,
                    cache, stop = index_stop_] {
    auto scan = std::make_shared<FolderScan>(index_scan(root, *ctx, threads, cache, *stop));
    loop->post([this, alive, scan, generation, ctx] {
      if (alive.expired() || generation != index_generation_) return;
      for (const auto& w : scan->warnings)
        spdlog::warn("index: {}", w);
      workspace_.indexed.clear();
      workspace_.indexed_hash.clear();
      workspace_.indexed_context = ctx;
      for (auto& n : scan->notes) {
        if (n.text_hash && !n.line_level) workspace_.indexed_hash[n.path] = n.text_hash;
        workspace_.indexed[n.path] = std::move(n.analysis);
      }
      workspace_.report_stale = true;
      workspace_.indexing = false;
      indexed_notes_ = scan->notes.size();
      scan->notes = {};
      // Parsing many notes on the workers left their malloc arenas full of freed tree-sitter
      // nodes, file buffers and the cache's entries; give those pages back, so the daemon's
      // idle memory is what it holds.
      release_free_memory();
      end_progress();
      for (Document* d : workspace_.documents.all())
        changed_.insert(d->uri);
      publish();
      refresh_views();
      while (!waiting_for_index_.empty()) {
        Job job = std::move(waiting_for_index_.front());
        waiting_for_index_.pop_front();
        defer(std::move(job.reply), std::move(job.work), false, job.needs_report);
      }
    });
  });
}

// Code lenses show progress over the whole folder, which the client cannot know changed when
// the index finishes; inlay hints follow the pack, which settings can change (and re-index).
// Only clients that announced refreshSupport are asked: to others these requests are unknown.
void LspServer::refresh_views() {
  auto ignore = [](const json&, const json*) {};
  if (client_.code_lens_refresh())
    dispatcher_.send_request("workspace/codeLens/refresh", nullptr, ignore);
  if (client_.inlay_hint_refresh())
    dispatcher_.send_request("workspace/inlayHint/refresh", nullptr, ignore);
}

void LspServer::begin_progress() {
  if (!client_.work_done_progress() || progress_token_) return;
  progress_token_ = json("mend-index-" + std::to_string(index_generation_));
  progress_ready_ = progress_begun_ = progress_end_pending_ = false;
  json token = *progress_token_;
  dispatcher_.send_request(
      "window/workDoneProgress/create", {{"token", token}},
      [this, alive = std::weak_ptr<bool>(alive_), token](const json&, const json* error) {
        if (alive.expired() || !progress_token_ || *progress_token_ != token) return;
        if (error) {
          progress_token_.reset();
          return;
        }
        progress_ready_ = true;
        dispatcher_.send_notification(
            "$/progress",
            {{"token", token},
             {"value", {{"kind", "begin"}, {"title", "mend: indexing notes"}, {"percentage", 0}}}});
        progress_begun_ = true;
        if (progress_end_pending_) end_progress();
      });
}

void LspServer::end_progress() {
  if (!progress_token_) return;
  if (!progress_begun_) {
    progress_end_pending_ = true;
    return;
  }
  dispatcher_.send_notification(
      "$/progress",
      {{"token", *progress_token_},
       {"value",
        {{"kind", "end"}, {"message", std::to_string(indexed_notes_) + " notes indexed"}}}});
  progress_token_.reset();
}

// --- Helpers -------------------------------------------------------------------------------

NoteContext LspServer::note(const Document& doc) const {
  return NoteContext{doc, *workspace_.context, workspace_.report, encoding_};
}

Document& LspServer::document(const std::string& uri) {
  Document* doc = workspace_.documents.find(uri);
  if (!doc) throw InvalidParams("textDocument.uri", "document is not open: " + uri);
  return *doc;
}

void LspServer::warn_if_too_large(Document& doc) {
  if (!doc.too_large()) {
    doc.too_large_warned = false;
    return;
  }
  if (doc.too_large_warned) return;
  doc.too_large_warned = true;
  log_user(protocol::MessageType::Warning,
           "mend: " + doc.uri + " is " + std::to_string(doc.text().size() >> 20) +
               " MiB, larger than the " + std::to_string(kMaxNoteBytes >> 20) +
               " MiB a note may have: it is not analysed");
}

void LspServer::log_user(protocol::MessageType type, const std::string& message) {
  spdlog::warn("{}", message);
  dispatcher_.send_notification("window/logMessage",
                                {{"type", static_cast<int>(type)}, {"message", message}});
}

} // namespace mend::server

// --- Features (each a pure function in its own file) ----------------------------------------

namespace mend::server {

namespace {
template <class T> nlohmann::json to_json_value(const T& value) {
  nlohmann::json j;
  protocol::to_json(j, value);
  return j;
}
template <class T> nlohmann::json to_json_array(const std::vector<T>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values)
    out.push_back(to_json_value(v));
  return out;
}
} // namespace

void LspServer::on_code_action(const json& params, Reply reply) {
  auto p = read_params<protocol::CodeActionParams>(params);
  CodeActionForm form{client_.code_action_literals(), client_.document_changes()};
  defer(std::move(reply), [this, p, form] {
    auto actions = code_actions(note(document(p.textDocument.uri)), p, form);
    if (form.literals) return to_json_array(actions);
    json out = json::array(); // (Command)[]: what a client without literal support reads
    for (const auto& a : actions)
      if (a.command) out.push_back(to_json_value(*a.command));
    return out;
  });
}

void LspServer::on_completion(const json& params, Reply reply) {
  auto p = read_params<protocol::CompletionParams>(params);
  defer(std::move(reply), [this, p] {
    return to_json_value(
        completion(note(document(p.textDocument.uri)), p.position, client_.snippet_support()));
  });
}

void LspServer::on_hover(const json& params, Reply reply) {
  auto p = read_params<protocol::HoverParams>(params);
  defer(std::move(reply), [this, p] {
    auto h = hover(note(document(p.textDocument.uri)), p.position, client_.hover_markdown());
    return h ? to_json_value(*h) : json(nullptr);
  });
}

void LspServer::on_code_lens(const json& params, Reply reply) {
  auto p = read_params<protocol::CodeLensParams>(params);
  defer(std::move(reply),
        [this, p] { return to_json_array(code_lenses(note(document(p.textDocument.uri)))); });
}

void LspServer::on_inlay_hint(const json& params, Reply reply) {
  auto p = read_params<protocol::InlayHintParams>(params);
  defer(std::move(reply), [this, p] {
    return to_json_array(inlay_hints(note(document(p.textDocument.uri)), p.range));
  });
}

void LspServer::on_document_symbol(const json& params, Reply reply) {
  auto p = read_params<protocol::DocumentSymbolParams>(params);
  defer(
      std::move(reply),
      [this, p] {
        auto tree = document_symbols(note(document(p.textDocument.uri)));
        if (client_.hierarchical_document_symbols()) return to_json_array(tree);
        return to_json_array(flatten_symbols(tree, p.textDocument.uri));
      },
      /*needs_index=*/false, /*needs_report=*/false);
}

void LspServer::on_workspace_symbol(const json& params, Reply reply) {
  auto p = read_params<protocol::WorkspaceSymbolParams>(params);
  defer(
      std::move(reply),
      [this, p] { return to_json_array(workspace_symbols(workspace_, p.query, encoding_)); },
      /*needs_index=*/true, /*needs_report=*/false);
}

void LspServer::on_execute_command(const json& params, Reply reply) {
  auto p = read_params<protocol::ExecuteCommandParams>(params);
  if (p.command != "mend.insertTemplate" && p.command != "mend.insertMissing" &&
      p.command != "mend.insertLogEntry" && p.command != "mend.markLine" &&
      p.command != "mend.fixMarker")
    throw InvalidParams("command", "unknown command '" + p.command + "'");
  if (!p.arguments || p.arguments->empty())
    throw InvalidParams("arguments", "expected one argument object");
  const json& arg = p.arguments->front();
  std::string uri = string_field(arg, "uri", "arguments[0]");
  run_deferred();
  ensure_fresh();
  Document* doc = workspace_.documents.find(uri);
  if (!doc) throw InvalidParams("arguments[0].uri", "document is not open: " + uri);
  NoteContext ctx = note(*doc);
  std::optional<protocol::TextEdit> edit;
  std::string label;
  if (p.command == "mend.insertTemplate") {
    std::string id = string_field(arg, "template", "arguments[0]");
    std::size_t at = doc->text().size();
    if (arg.contains("position") && !arg["position"].is_null()) {
      protocol::Position pos;
      try {
        protocol::read_value(arg["position"], pos);
      } catch (InvalidParams& e) {
        e.prepend("position");
        e.prepend_index(0);
        e.prepend("arguments");
        throw;
      }
      at = ctx.offset(pos);
    }
    edit = insert_template_edit(ctx, id, at);
    if (!edit)
      throw InvalidParams("arguments[0].template",
                          "unknown template '" + id + "' (a step id, a question id or \"log\")");
    label = "mend: insert " + id;
  } else if (p.command == "mend.insertMissing") {
    std::string step = string_field(arg, "step", "arguments[0]");
    if (!ctx.lang().step(step))
      throw InvalidParams("arguments[0].step", "unknown step '" + step + "'");
    edit = insert_missing_edit(ctx, step);
    label = "mend: insert the missing questions of " + step;
  } else if (p.command == "mend.markLine" || p.command == "mend.fixMarker") {
    // Corrections (corrections.h): {uri, line, marker}; an empty marker removes one.
    if (!arg.contains("line") || !arg["line"].is_number_integer() || arg["line"].get<int>() < 0 ||
        arg["line"].get<long long>() >= static_cast<long long>(doc->lines.line_count()))
      throw InvalidParams("arguments[0].line", "expected a line number of the note");
    int line = arg["line"].get<int>();
    std::string marker = string_field(arg, "marker", "arguments[0]");
    bool fixing = p.command == "mend.fixMarker";
    if (!(fixing && marker.empty()) && !valid_marker(ctx.ctx.pack, marker))
      throw InvalidParams("arguments[0].marker", "expected \"ignore\", \"q <question id>\" or "
                                                 "\"step <step id>\" of the pack, not '" +
                                                     marker + "'");
    if (fixing) {
      edit = fix_marker_edit(ctx, line, marker);
      if (!edit) throw InvalidParams("arguments[0].line", "no mend marker on this line");
      label = marker.empty() ? "mend: remove the marker" : "mend: correct the marker";
    } else {
      edit = mark_line_edit(ctx, line, marker);
      label = "mend: " + marker;
    }
  } else {
    edit = insert_log_edit(ctx);
    label = "mend: insert today's action-log entry";
  }
  if (!edit) {
    reply(json{{"applied", false},
               {"failureReason", "nothing to insert: no question of the step is missing"}});
    return;
  }
  if (!client_.apply_edit()) {
    // Said out loud: a command that silently did nothing would look like a bug in the note.
    std::string why = "mend cannot run " + p.command +
                      ": this editor does not accept edits from the server (workspace/applyEdit). "
                      "Use a code action, or `mend insert` in a shell.";
    spdlog::warn("{}", why);
    dispatcher_.send_notification(
        "window/showMessage",
        {{"type", static_cast<int>(protocol::MessageType::Warning)}, {"message", why}});
    reply.error(protocol::ErrorCode::RequestFailed, why);
    return;
  }
  apply_edit(label, workspace_edit(*doc, {*edit}, client_.document_changes()), std::move(reply));
}

void LspServer::apply_edit(const std::string& label, protocol::WorkspaceEdit edit, Reply reply) {
  protocol::ApplyWorkspaceEditParams params{label, std::move(edit)};
  auto shared = std::make_shared<Reply>(std::move(reply));
  dispatcher_.send_request(
      "workspace/applyEdit", to_json_value(params),
      [shared](const json& result, const json* error) {
        bool applied = !error && result.is_object() && result.value("applied", false);
        json out{{"applied", applied}};
        if (error)
          out["failureReason"] = error->value("message", "the client refused the edit");
        else if (!applied && result.is_object() && result.contains("failureReason"))
          out["failureReason"] = result["failureReason"];
        (*shared)(out);
      });
}

// mend/explain {textDocument, position}: how mend read the line, in words and as data
// (corrections.h, explain.h).
void LspServer::on_explain(const json& params, Reply reply) {
  auto p = read_params<protocol::TextDocumentPositionParams>(params);
  defer(std::move(reply), [this, p] {
    NoteContext ctx = note(document(p.textDocument.uri));
    int line = static_cast<int>(p.position.line);
    json out = {{"line", line}, {"explanation", explain_line(ctx, line)}};
    auto lc = line_candidate(ctx, line);
    out["form"] = lc ? json(form_id(form_of(lc->candidate, lc->in_quote))) : json(nullptr);
    out["section"] = lc && !lc->section.empty() ? json(lc->section) : json(nullptr);
    out["question"] = nullptr;
    if (lc && lc->question) {
      const engine::QuestionOccurrence& q = *lc->question;
      auto wording = ctx.ctx.analyzer->matcher().wording(q.wording);
      out["question"] = {{"id", q.id},
                         {"matched_by", evidence_id(q.evidence)},
                         {"score", std::round(q.score * 100) / 100},
                         {"wording", wording ? json(wording->text) : json(nullptr)}};
    }
    out["step"] = lc && lc->section_title ? json(lc->section_title->id) : json(nullptr);
    json candidates = json::array();
    if (lc)
      for (const auto& r : lc->ranked)
        if (!r.step)
          candidates.push_back({{"id", r.id}, {"score", std::round(r.score * 100) / 100}});
    out["candidates"] = candidates;
    return out;
  });
}

void LspServer::on_progress(const json& params, Reply reply) {
  std::optional<std::string> uri;
  if (params.is_object() && params.contains("uri") && !params["uri"].is_null())
    uri = string_field(params, "uri", "");
  else if (!params.is_null() && !params.is_object())
    throw InvalidParams("",
                        "expected an object, got " + std::string(protocol::json_type_name(params)));
  defer(
      std::move(reply),
      [this, uri] {
        workspace_.rejudge();
        const Context& ctx = *workspace_.context;
        json out = {{"mend", 1},
                    {"root", root_ ? json(root_->string()) : json(nullptr)},
                    {"today", engine::format_iso(ctx.today)}};
        if (uri) {
          const engine::NoteAnalysis* analysis = nullptr;
          std::string path = workspace_.path_of_uri(*uri);
          if (const Document* d = workspace_.documents.find(*uri))
            analysis = &d->analysis;
          else if (auto it = workspace_.indexed.find(path); it != workspace_.indexed.end())
            analysis = &it->second;
          if (!analysis)
            throw InvalidParams("uri", "not an open document nor a note of the folder: " + *uri);
          out["note"] = note_json(ctx.pack, path, *analysis, workspace_.report);
          out["summary"] = summary_json(workspace_.report);
          return Answer(std::move(out));
        }
        out["summary"] = summary_json(workspace_.report);
        return Answer::text_of(dump_with_array(std::move(out), "notes", [this](std::string& text) {
          const Context& ctx = *workspace_.context;
          bool first = true;
          for (const auto& ref : workspace_.note_refs()) {
            if (!first) text += ',';
            first = false;
            text += dump_compact(note_json(ctx.pack, ref.path, *ref.analysis, workspace_.report));
          }
        }));
      },
      /*needs_index=*/true);
}

void LspServer::on_templates(const json& params, Reply reply) {
  if (!params.is_null() && !params.is_object())
    throw InvalidParams("",
                        "expected an object, got " + std::string(protocol::json_type_name(params)));
  defer(std::move(reply), [this] {
    const Context& ctx = *workspace_.context;
    engine::TemplateVariables vars{ctx.config.ex_name, ctx.config.pronouns,
                                   engine::format_iso(ctx.today)};
    json out = templates_json(ctx.pack, vars);
    return out;
  });
}

} // namespace mend::server
