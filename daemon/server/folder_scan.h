// Analyses every note of a folder (in parallel) and judges the folder: what `mend scan` prints
// and what the daemons index at start. With a cache (analysis_cache.h), a note whose path, size,
// mtime and text hash are unchanged since the last scan is not parsed again, and one whose size,
// mtime and inode are those its entry trusts (FileStamp, git's rule) is not even read.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"

namespace mend::server {

struct ScannedNote {
  std::string path; // relative, '/' separated; its bytes as on disk (note_path.h)
  engine::NoteAnalysis analysis;
  // The grammar ran out of its budget on some part of the note (engine/parse_budget.h), which
  // was read line by line: said in a warning and in the report, and never cached (so the next
  // scan says it again).
  bool line_level = false;
  // With a cache: the text_hash (analysis_cache.h) of the text analysed, its key there; else 0.
  std::uint64_t text_hash = 0;
  // Filled only for ScanExtras::file_facts: the file as read, for a daemon that keeps the index
  // live (folder_index.h) and hands the hash to clients as base_hash.
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash; // content_hash (atomic_write.h) of the bytes on disk, before any repair
};

// The warning for a note read line by line (`path` as note_path.h writes it for people).
std::string line_level_warning(const std::string& path);

struct FolderScan {
  std::vector<ScannedNote> notes;    // sorted by path
  std::vector<std::string> warnings; // "path: what was wrong" (path_for_people)
  engine::FolderReport report;
  std::size_t from_cache = 0; // notes whose analysis came from the cache (not parsed)
  std::size_t not_read = 0;   // of those, notes taken by their stat alone (FileStamp)
  std::size_t not_parsed = 0; // notes the prefilter proved question-free (question_prefilter.h)
  bool cache_written = false; // the cache file was rewritten (something changed)
};

// Where the cache of a folder lives and what it must have been written for (see
// analysis_cache.h: cache_file_for, analysis_identity).
struct ScanCacheOptions {
  std::filesystem::path file;
  std::string identity;
};

using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

// What `mend serve` needs beyond `mend scan` (folder_index.h): it serves while it indexes.
struct ScanExtras {
  bool file_facts = false; // fill ScannedNote's size, mtime_ns and hash
  // Called from the worker threads as each note is done (serialise inside it), so the notes
  // can be served before the scan ends.
  std::function<void(const ScannedNote&)> on_note;
  // Once set, the notes not yet taken are skipped and the cache is left as it was: the result
  // is incomplete and meant to be dropped (the daemon is stopping).
  const std::atomic<bool>* stop = nullptr;
  // False: the folder is not judged (FolderScan::report stays empty), for a caller that judges
  // its own index of the notes anyway.
  bool judge = true;
};

// `progress` is called from worker threads (serialise inside it if it prints). `cache` null:
// every note is analysed and nothing is written. `prefilter` false: every note is parsed whole,
// even those the prefilter proves question-free and the parts Analyzer::analyse would leave out
// (same results: for tests and measurements). `extras`: see ScanExtras.
FolderScan scan_folder(const std::filesystem::path& root, const engine::Analyzer& analyzer,
                       const engine::Date& today, unsigned threads,
                       const ScanProgress& progress = {}, const ScanCacheOptions* cache = nullptr,
                       bool prefilter = true, const ScanExtras* extras = nullptr);

std::vector<engine::NoteRef> note_refs(const std::vector<ScannedNote>& notes);

} // namespace mend::server
