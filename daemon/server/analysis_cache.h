// The warm cache of note analyses: what `mend scan` and the daemons' index reuse when a note has
// not changed since the last run, so only changed notes are parsed again.
//
// Why: parsing (tree-sitter) is the cost of a scan; reading and hashing a note is ~100 times
// cheaper. An entry is keyed by the note's relative path, size, mtime and a hash of the text
// that was analysed, and the whole file by an identity (the binary, mend's version, the template
// pack's files and the settings that change analysis): a note whose bytes changed is analysed
// again even when its size and mtime did not move, and a new build or pack empties the cache.
//
// The file lives outside the notes folder ($XDG_CACHE_HOME/mend/, else ~/.cache/mend/), one per
// folder, mode 0600, written atomically (temporary file + rename). It holds no note text: only
// what a NoteAnalysis holds (ids, lines, byte offsets, flags, dates) and the notes' paths.
// A file that is truncated, corrupt, of another format or another identity is ignored (a cold
// scan), never trusted: its checksum and every length are checked before anything is read.
//
// Thread-safety: find() may be called from many threads at once, take() too for distinct paths;
// put()/save() from one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "daemon/engine/note_analysis.h"
#include "daemon/server/config.h"

namespace mend::server {

// A 64-bit hash of a note's text (xxHash64's algorithm, seed 0): ~10 GB/s, so hashing is never
// what a warm scan waits for.
std::uint64_t text_hash(std::string_view text);

struct CacheKey {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;
  friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

class AnalysisCache {
public:
  AnalysisCache() = default;
  explicit AnalysisCache(std::string identity) : identity_(std::move(identity)) {}

  // The cache in `file` if it was written with this identity; an empty cache otherwise (missing,
  // unreadable, truncated, corrupt, another format or identity). Never throws.
  static AnalysisCache load(const std::filesystem::path& file, const std::string& identity);

  // The analysis cached for `path` under exactly this key, or nullptr. On a hit, `bytes_hash`
  // (optional) gets what put() stored with it.
  const engine::NoteAnalysis* find(const std::string& path, const CacheKey& key,
                                   std::uint64_t* bytes_hash = nullptr) const;
  // find(), but the analysis is moved out of the cache (its entry keeps the key and an empty
  // analysis, so size() is unchanged): a scan uses each entry once, and a 100k-note cache holds
  // ~50 MB of analyses that would otherwise stay beside their copies until the scan ends.
  // Safe from many threads at once as long as no two of them take the same path.
  std::optional<engine::NoteAnalysis> take(const std::string& path, const CacheKey& key,
                                           std::uint64_t* bytes_hash = nullptr);
  // `bytes_hash`: content_hash_value() (atomic_write.h) of the file's bytes when they are the
  // text the key was made of (no UTF-8 repair), else 0 (not known). Why: `mend serve` hands
  // every note's FNV-1a to clients, and hashing a 96 MB folder again was half of its warm start.
  void put(const std::string& path, const CacheKey& key, engine::NoteAnalysis analysis,
           std::uint64_t bytes_hash = 0);
  std::size_t size() const { return entries_.size(); }
  const std::string& identity() const { return identity_; }

  // The bytes of the cache file, and reading them back (nullopt on any inconsistency).
  std::string serialize() const;
  static std::optional<AnalysisCache> deserialize(std::string_view bytes,
                                                  const std::string& identity);

  // Writes atomically with mode 0600, creating the folder (0700) if needed. False on failure
  // (the scan's result does not depend on it).
  bool save(const std::filesystem::path& file) const;

private:
  struct Entry {
    CacheKey key;
    engine::NoteAnalysis analysis;
    std::uint64_t bytes_hash = 0;
  };
  std::string identity_;
  std::unordered_map<std::string, Entry> entries_;
};

// $XDG_CACHE_HOME/mend, else $HOME/.cache/mend; nullopt when neither is set (no cache).
std::optional<std::filesystem::path> default_cache_dir();
// The cache file of a notes folder: <dir>/<hash of the folder's absolute path>.cache.
std::filesystem::path cache_file_for(const std::filesystem::path& cache_dir,
                                     const std::filesystem::path& root);
// What the analyses of `folder` depend on besides each note: this binary, mend's version, the
// template pack's override files and the settings the analyzer reads. Two runs with the same
// identity analyse the same text to the same result.
std::string analysis_identity(const std::filesystem::path* folder, const Config& config,
                              std::string_view version);

} // namespace mend::server
