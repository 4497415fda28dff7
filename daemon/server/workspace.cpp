// The workspace: settings, pack, indexed notes, open documents and the folder report.
#include "daemon/server/workspace.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "daemon/engine/parse_budget.h"
#include "daemon/server/analysis_cache.h"
#include "daemon/server/folder_scan.h"
#include "daemon/server/pack_loader.h"
#include "protocol/uri.h"

namespace mend::server {

namespace fs = std::filesystem;

std::shared_ptr<const Context> make_context(Config config, std::optional<fs::path> root,
                                            engine::Date today) {
  auto ctx = std::make_shared<Context>();
  ctx->config = std::move(config);
  ctx->root = std::move(root);
  ctx->today = ctx->config.today ? *ctx->config.today : today;
  const fs::path* folder = ctx->root ? &*ctx->root : nullptr;
  ctx->pack = load_pack(folder, ctx->config.template_dirs, &ctx->problems);
  if (ctx->pack.empty()) {
    // A broken override never leaves the server without a pack: fall back to the built-in one.
    ctx->pack = engine::Pack::load(engine::builtin_pack_files(), &ctx->problems);
  }
  ctx->analyzer = std::make_unique<engine::Analyzer>(
      ctx->pack, engine::AnalysisOptions{ctx->config.ex_name, ctx->config.language,
                                         ctx->config.topic_gate, ctx->config.pronouns});
  return ctx;
}

std::string Workspace::path_of_uri(const std::string& uri) const {
  auto path = protocol::uri_to_path(uri);
  if (!path) return uri;
  if (context && context->root) {
    fs::path p(*path);
    std::string root = context->root->generic_string();
    if (!root.empty() && root.back() != '/') root += '/';
    std::string generic = p.generic_string();
    if (generic.rfind(root, 0) == 0) return generic.substr(root.size());
  }
  return *path;
}

const engine::NoteAnalysis* Workspace::indexed_analysis_of(const Document& doc) const {
  // Only as opened: after an edit the text differs, and the hash is not worth a keystroke.
  if (!doc.as_opened || (doc.parsed() && doc.markdown().line_level()) || !indexed_context ||
      indexed_context != context)
    return nullptr;
  auto hash = indexed_hash.find(doc.path);
  auto analysis = indexed.find(doc.path);
  if (hash == indexed_hash.end() || analysis == indexed.end() ||
      hash->second != text_hash(doc.text()))
    return nullptr;
  return &analysis->second;
}

void Workspace::analyse_stale() {
  for (Document* doc : documents.all()) {
    if (!doc->stale) continue;
    if (doc->too_large()) {
      doc->analysis = engine::NoteAnalysis{}; // not analysed (see Document)
    } else if (const engine::NoteAnalysis* same = indexed_analysis_of(*doc)) {
      doc->analysis = *same; // what analyse() below would return (see indexed_hash)
      doc->line_level_warned = false;
    } else {
      std::size_t cut_short = engine::parses_cut_short();
      doc->analysis = context->analyzer->analyse(doc->text(), doc->markdown().outline(), doc->path);
      // Blocks read line by line, or a line's inline text (counted during the analysis).
      bool line_level = doc->markdown().line_level() || engine::parses_cut_short() != cut_short;
      if (line_level && !doc->line_level_warned)
        user_warnings_.push_back(line_level_warning(doc->uri));
      doc->line_level_warned = line_level;
    }
    doc->stale = false;
    report_stale = true;
  }
}

std::vector<engine::NoteRef> Workspace::note_refs() const {
  std::map<std::string, const engine::NoteAnalysis*> by_path;
  for (const auto& [path, analysis] : indexed)
    by_path[path] = &analysis;
  for (Document* doc : const_cast<DocumentStore&>(documents).all())
    by_path[doc->path] = &doc->analysis;
  std::vector<engine::NoteRef> refs;
  for (const auto& [path, analysis] : by_path)
    refs.push_back({path, analysis});
  return refs;
}

void Workspace::rejudge() {
  analyse_stale();
  std::string language = context->config.language.empty() ? context->pack.primary().language
                                                          : context->config.language;
  report = engine::judge_folder(context->pack, note_refs(), context->today, language);
  report_stale = false;
}

// --- NoteContext -------------------------------------------------------------------------

const engine::LanguagePack& NoteContext::lang() const {
  const engine::LanguagePack* l = ctx.pack.language(doc.analysis.language);
  if (!l && !ctx.config.language.empty()) l = ctx.pack.language(ctx.config.language);
  return l ? *l : ctx.pack.primary();
}

engine::TemplateVariables NoteContext::vars() const {
  return {ctx.config.ex_name, ctx.config.pronouns, engine::format_iso(ctx.today)};
}

engine::RenderOptions NoteContext::render_options(bool snippet) const {
  engine::RenderOptions options;
  options.markers = ctx.config.markers;
  options.snippet = snippet;
  return options;
}

protocol::Position NoteContext::position(std::size_t offset) const {
  engine::TextPos p = doc.lines.position_of(std::min(offset, doc.text().size()), encoding);
  return {p.line, p.character};
}

protocol::Range NoteContext::range(std::size_t start, std::size_t end) const {
  return {position(start), position(std::max(start, end))};
}

std::size_t NoteContext::offset(const protocol::Position& p) const {
  return doc.lines.offset_of({p.line, p.character}, encoding);
}

const engine::StepHeading* NoteContext::step_at(std::size_t offset) const {
  const engine::StepHeading* found = nullptr;
  for (const auto& s : doc.analysis.steps)
    if (s.start <= offset &&
        (offset < s.section_end || (offset == s.section_end && offset == doc.text().size())))
      found = &s; // the innermost (latest-starting) section wins
  return found;
}

std::vector<std::string> NoteContext::missing_questions(const std::string& step) const {
  std::vector<std::string> missing;
  for (const auto& id : ctx.pack.question_ids(step)) {
    bool present = std::any_of(doc.analysis.questions.begin(), doc.analysis.questions.end(),
                               [&](const engine::QuestionOccurrence& q) { return q.id == id; });
    if (!present) missing.push_back(id);
  }
  return missing;
}

std::string NoteContext::step_title(const std::string& step, bool short_title) const {
  const engine::StepSpec* spec = lang().step(step);
  if (!spec) spec = ctx.pack.step(step);
  if (!spec) return step;
  const std::string& t =
      short_title && !spec->short_title.empty() ? spec->short_title : spec->title;
  return engine::render_text(t, lang(), vars());
}

const engine::StepProgress* NoteContext::progress(const std::string& step) const {
  for (const auto& s : report.steps)
    if (s.id == step) return &s;
  return nullptr;
}

} // namespace mend::server
