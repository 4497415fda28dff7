// The folder the editor works in, as the features see it: the settings and template pack, the
// indexed notes of the folder, the open documents overlaid on them, and the folder report
// judged over both.
//
// Why a separate Context: the pack and analyzer are immutable once built and are shared with
// the background indexer; a settings change builds a new Context instead of mutating the old one
// while a worker may still read it. Everything else here is owned by the event loop thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"
#include "daemon/server/config.h"
#include "daemon/server/document_store.h"
#include "protocol/lsp_basic.h"

namespace mend::server {

// Immutable after make_context(); safe to share between threads.
struct Context {
  Config config;
  std::optional<std::filesystem::path> root;
  engine::Date today;
  engine::Pack pack;
  std::unique_ptr<engine::Analyzer> analyzer;
  std::vector<engine::PackProblem> problems;
};

std::shared_ptr<const Context>
make_context(Config config, std::optional<std::filesystem::path> root, engine::Date today);

class Workspace {
public:
  std::shared_ptr<const Context> context;
  DocumentStore documents;
  std::map<std::string, engine::NoteAnalysis> indexed; // path -> analysis, from disk
  // For the notes the index read whole: the text_hash (analysis_cache.h) of the text each
  // analysis was made from, under `indexed_context`. Why: an editor opens a note whose text is
  // the file's, and a 1 MB note's analysis costs ~0.3 s; the index has it already (from the warm
  // cache, or its own parse), and the same text, path and context give the same analysis.
  std::map<std::string, std::uint64_t> indexed_hash;
  std::shared_ptr<const Context> indexed_context;
  engine::FolderReport report;
  bool report_stale = true; // an analysis changed since `report` was judged
  bool indexing = false;

  // The path a note is known by: relative to the root when inside it, else its absolute path.
  std::string path_of_uri(const std::string& uri) const;
  // Re-analyses stale open documents.
  void analyse_stale();
  // What the person should be told since the last call: an open note newly read line by line
  // (its parse ran out of its budget), once per note until it is parsed whole again.
  std::vector<std::string> take_user_warnings() { return std::exchange(user_warnings_, {}); }
  // Re-judges the folder from cached analyses (open documents win over indexed ones).
  void rejudge();
  // Every note's analysis with its path (open overlay applied), sorted by path.
  std::vector<engine::NoteRef> note_refs() const;

private:
  // The index's analysis of `doc`'s very text, if it has one (see indexed_hash).
  const engine::NoteAnalysis* indexed_analysis_of(const Document& doc) const;
  std::vector<std::string> user_warnings_;
};

// One note as the features see it: the document, the context, the report, and the position
// encoding negotiated with the client. Byte offsets <-> LSP positions go through LineIndex.
struct NoteContext {
  const Document& doc;
  const Context& ctx;
  const engine::FolderReport& report;
  engine::Encoding encoding = engine::Encoding::Utf16;

  const engine::LanguagePack& lang() const;
  engine::TemplateVariables vars() const;
  engine::RenderOptions render_options(bool snippet = false) const;
  protocol::Position position(std::size_t offset) const;
  protocol::Range range(std::size_t start, std::size_t end) const;
  std::size_t offset(const protocol::Position& p) const;
  // The step whose section holds byte `offset`, if any.
  const engine::StepHeading* step_at(std::size_t offset) const;
  // Question ids of `step` that the note does not ask.
  std::vector<std::string> missing_questions(const std::string& step) const;
  // A step's title in the note's language, rendered.
  std::string step_title(const std::string& step, bool short_title = false) const;
  const engine::StepProgress* progress(const std::string& step) const;
};

} // namespace mend::server
