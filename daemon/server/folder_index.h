// The live index of a notes folder for `mend serve`: path → analysis of every note on disk,
// kept current one file at a time as the watcher reports changes, and the folder judged over it.
//
// Why not Workspace: the LSP workspace overlays the editor's open documents on the folder; the
// daemon has no open documents, only files, and needs each note's content hash (clients send it
// back as base_hash to prove what they saw before mend/insertTemplate writes).
//
// Indexing at start runs beside the serving (the daemon answers from the first moment): scan()
// is scan_folder() itself, so the index shares the warm cache, the prefilter and the section
// skipping with `mend scan` and `mend lsp`, and hands each note over as it is done; the owner
// adds them (add_indexed) and the reports say "partial" until finish_indexing(). A note
// refreshed meanwhile (the watcher, a write) keeps what refresh() read: the scan's older view
// of it is dropped.
// Thread-safety: none, but scan(), which only reads what never changes after construction (the
// settings, the pack and analyzer) and may run on another thread while the owner's thread uses
// the rest. The daemon's event loop thread owns the rest (the const readers too: the report is
// judged lazily on first read).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/server/config.h"
#include "daemon/server/folder_scan.h"

namespace mend::server {

struct Context; // workspace.h

struct IndexedNote {
  engine::NoteAnalysis analysis;
  std::string hash; // content_hash of the bytes on disk
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool line_level = false; // read line by line (see ScannedNote)
  // The index pass (begin_indexing) whose scan brought it; 0: read otherwise (refresh()).
  std::uint32_t pass = 0;
};

class FolderIndex {
public:
  // `display_root` is the folder as the person wrote it (the "root" key of reports).
  FolderIndex(std::filesystem::path root, std::string display_root, Config config,
              std::function<engine::Date()> today);

  // `cache`: where the warm cache of the folder is and what it must have been written for
  // (analysis_cache.h); null: no cache.
  void use_cache(std::optional<ScanCacheOptions> cache) { cache_ = std::move(cache); }

  // Lists and analyses every note (in parallel); replaces what was indexed. Synchronous:
  // begin_indexing(), scan(), finish_indexing().
  void index_all(unsigned threads);
  // The folder listed and every note analysed on `threads` workers (cache, prefilter and
  // skipping as `mend scan`), with each note's file facts; safe on another thread (see above).
  FolderScan scan(unsigned threads, ScanExtras extras, const ScanProgress& progress = {}) const;
  // From now until finish_indexing(), the reports are marked partial.
  void begin_indexing();
  // Notes the running scan has done (`done` of `total` so far); a note refreshed since
  // begin_indexing() is left as refresh() read it.
  void add_indexed(std::vector<ScannedNote> notes, std::size_t done, std::size_t total);
  // The finished scan replaces the index (but the notes refreshed meanwhile). The notes the
  // batches brought stay where add_indexed() put them; only what they did not bring is moved in
  // from `scan` (no second map of the whole folder).
  void finish_indexing(FolderScan scan);
  bool indexing() const { return indexing_; }
  // Re-reads one note (relative path). A missing or non-note file is removed from the index.
  // Returns true if what the index holds for it changed.
  bool refresh(const std::string& path);
  // Lists the folder again and refreshes what differs (size, mtime, new, gone): after a watch
  // queue overflow or a new subfolder. Returns the paths that changed.
  std::vector<std::string> rescan();
  // Forgets every note (the folder vanished). Returns the paths removed.
  std::vector<std::string> clear();
  // The folder is judged again from the cached analyses before the report is next read.
  // Why lazily: judging is linear in the notes, and the first index hands notes over ten times a
  // second; judged at every batch, a 100k-note start spent a quarter of its time judging.
  void rejudge() { judged_ = false; }

  // A path the client sent, checked: relative, inside the folder, no "..", a note's name. Its
  // bytes: a client sends a name that is not UTF-8 as "path_bytes" (note_path.h), decoded first.
  // Returns nullopt (and a reason) otherwise.
  std::optional<std::string> normalise_path(const std::string& path, std::string* why) const;

  // {mend:1, root, today, notes, summary} — the shape of `mend scan --json`, plus "hash" per note,
  // and while indexing "partial": true and "indexing": {done, total} (mark_partial).
  nlohmann::json folder_json() const;
  // folder_json() with `extra`'s keys added, as text: the very bytes the transports would write
  // for it (dump() without indentation, invalid UTF-8 replaced), written note by note. Why: as
  // one tree, the notes of a 100k-note folder take ~400 MB; as text, ~30 MB.
  std::string folder_json_text(const nlohmann::json& extra = nlohmann::json::object()) const;
  // {mend:1, root, today, note, summary} for one indexed note; nullopt if it is not indexed.
  std::optional<nlohmann::json> note_report_json(const std::string& path) const;
  nlohmann::json note_json(const std::string& path) const; // requires contains(path)
  nlohmann::json summary_json() const;
  // The whole-folder report around `notes`: mend, today, summary, root, partial.
  nlohmann::json report_around(nlohmann::json notes) const;
  // Adds "partial" and "indexing" to a result while the first index is still being built.
  void mark_partial(nlohmann::json& result) const;
  // The templates the folder sees, rendered with the folder's settings (report_json.h's
  // templates_json: the shape of `mend templates --json` and of mend lsp's mend/templates).
  nlohmann::json templates_json() const;

  bool contains(const std::string& path) const { return notes_.count(path) != 0; }
  const std::map<std::string, IndexedNote>& notes() const { return notes_; }
  // Judged now if anything changed since it last was (see rejudge()).
  const engine::FolderReport& report() const;
  const engine::Pack& pack() const;
  const engine::Analyzer& analyzer() const;
  // The pack, analyzer and settings as the LSP features see them, so that code written against
  // a NoteContext (corrections.h) serves the page the same; its `today` is set to today's first
  // (the daemon outlives a day).
  const Context& context();
  const Config& config() const { return config_; }
  const std::filesystem::path& root() const { return root_; }
  engine::Date today() const { return today_(); }
  const std::vector<engine::PackProblem>& pack_problems() const { return problems_; }
  // Warnings of the last index_all / refresh (unreadable, binary, invalid UTF-8 notes).
  std::vector<std::string> take_warnings();

private:
  void add_warnings(const std::string& lines); // one warning a line

  std::filesystem::path root_;
  std::string display_root_;
  Config config_;
  std::function<engine::Date()> today_;
  std::vector<engine::PackProblem> problems_;
  std::shared_ptr<Context> context_; // owns the pack and the analyzer (which refers to it)
  std::map<std::string, IndexedNote> notes_;
  mutable engine::FolderReport report_; // of notes_ when judged_ (see report())
  mutable bool judged_ = false;
  mutable std::size_t last_text_size_ = 0; // folder_json_text()'s last, to reserve as much
  std::optional<ScanCacheOptions> cache_;
  bool indexing_ = false;
  std::uint32_t pass_ = 0; // begin_indexing() calls so far
  std::size_t indexing_done_ = 0, indexing_total_ = 0;
  std::set<std::string> refreshed_; // while indexing: notes refresh() read after the scan began
  std::vector<std::string> warnings_;
};

// Reads a file's raw bytes (nullopt if it cannot be read or is not a regular file).
std::optional<std::string> read_file_bytes(const std::filesystem::path& file,
                                           std::uintmax_t max_bytes);

} // namespace mend::server
