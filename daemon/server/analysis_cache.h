// The warm cache of note analyses: what `mend scan` and the daemons' index reuse when a note has
// not changed since the last run, so only changed notes are parsed again.
//
// Why: parsing (tree-sitter) is the cost of a scan; reading and hashing a note is ~100 times
// cheaper, and a stat cheaper still. An entry is keyed by the note's relative path, size, mtime
// and a hash of the text that was analysed, and the whole file by an identity (the binary,
// mend's version, the template pack's files and the settings that change analysis): a note
// whose bytes changed is analysed again even when its size and mtime did not move, and a new
// build or pack empties the cache. A note whose size, mtime and inode are unchanged since a scan
// read it well after its last modification is not read at all (FileStamp: git's rule for its
// index, racily clean entries included), so a warm start of 100k notes stats them instead of
// reading 1 GB.
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

// When a note's bytes were last read, and of which file: what lets a later scan trust the file's
// stat instead of reading it, as git's index does. A note whose size, mtime (ns) and inode are
// those of its entry is taken from the cache unread, unless it was racily clean: modified less
// than kRacyWindowNs before the scan that read it began, when a second write within the same
// timestamp tick could have kept its mtime (git compares with its index file's mtime; the cache
// is written minutes after the first notes of a 100k scan are read, so each entry keeps when
// its scan began). Such a note is read and hashed as before; once read again after the window
// has passed, its entry is trusted. What no stat can see, a rewrite in place that restores both
// the size and the mtime, is not seen: the price git pays too.
struct FileStamp {
  std::uint64_t inode = 0;
  std::int64_t read_ns = 0; // CLOCK_REALTIME when that scan began; 0: never trusted
  bool verbatim = false;    // the text analysed is the bytes as read (no UTF-8 repair)
};
// Timestamp ticks are a jiffy on Linux (1-10 ms) and up to 2 s on FAT; a note's mtime is also
// set by a clock that may differ slightly from the reader's (network folders).
inline constexpr std::int64_t kRacyWindowNs = 2'000'000'000;
// An entry with `stamp` may stand for a file of this size, mtime and inode without reading it.
bool trusted(const CacheKey& key, const FileStamp& stamp, std::uint64_t size, std::int64_t mtime_ns,
             std::uint64_t inode);

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
                                           std::uint64_t* bytes_hash = nullptr,
                                           FileStamp* stamp = nullptr);
  // take() by the file's stat alone, when its entry is trusted() for it (and has a bytes_hash,
  // if `need_bytes_hash`): the entry's key, bytes_hash and stamp are given back with it.
  std::optional<engine::NoteAnalysis> take_unread(const std::string& path, std::uint64_t size,
                                                  std::int64_t mtime_ns, std::uint64_t inode,
                                                  bool need_bytes_hash, CacheKey* key,
                                                  std::uint64_t* bytes_hash, FileStamp* stamp);
  // `bytes_hash`: content_hash_value() (atomic_write.h) of the file's bytes when they are the
  // text the key was made of (no UTF-8 repair), else 0 (not known). Why: `mend serve` hands
  // every note's FNV-1a to clients, and hashing a 96 MB folder again was half of its warm start.
  void put(const std::string& path, const CacheKey& key, engine::NoteAnalysis analysis,
           std::uint64_t bytes_hash = 0, FileStamp stamp = {});
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
    FileStamp stamp;
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
