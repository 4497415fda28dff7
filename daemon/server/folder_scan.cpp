// Parallel analysis of a folder's notes, reusing the warm cache where nothing changed.
#include "daemon/server/folder_scan.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>

#include "daemon/engine/parse_budget.h"
#include "daemon/server/analysis_cache.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/note_path.h"
#include "daemon/server/notes_folder.h"
#include "daemon/server/parallel.h"

namespace mend::server {

std::string line_level_warning(const std::string& path) {
  return path_for_people(path) +
         ": read line by line: the Markdown grammar ran out of its time budget on it "
         "(headings, lists and paragraphs are still read; tables and nested quotes are not)";
}

std::vector<engine::NoteRef> note_refs(const std::vector<ScannedNote>& notes) {
  std::vector<engine::NoteRef> refs;
  refs.reserve(notes.size());
  for (const auto& n : notes)
    refs.push_back({n.path, &n.analysis});
  return refs;
}

FolderScan scan_folder(const std::filesystem::path& root, const engine::Analyzer& analyzer,
                       const engine::Date& today, unsigned threads, const ScanProgress& progress,
                       const ScanCacheOptions* cache, bool prefilter, const ScanExtras* extras) {
  FolderScan scan;
  // Before anything is listed or read: what a note's entry keeps as when it was read
  // (FileStamp: a later scan trusts its stat if it was not modified within the racy window).
  const std::int64_t started = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count();
  NoteListing listing = list_notes(root);
  scan.warnings = listing.warnings;
  std::optional<AnalysisCache> old;
  if (cache) old = AnalysisCache::load(cache->file, cache->identity);
  std::vector<std::optional<ScannedNote>> results(listing.files.size());
  std::vector<std::string> warnings(listing.files.size()), slow(listing.files.size());
  std::vector<CacheKey> keys(cache ? listing.files.size() : 0);
  std::vector<FileStamp> stamps(cache ? listing.files.size() : 0);
  std::atomic<std::size_t> done{0}, hits{0}, not_parsed{0}, bytes_hashed{0}, unread{0}, promoted{0};
  std::vector<std::uint64_t> bytes_hashes(listing.files.size()); // see AnalysisCache::put
  // Largest notes first: the workers take notes one at a time, so a 1 MB note taken last would
  // leave the other workers idle while it parses. Results still land in path order.
  std::vector<std::size_t> order(listing.files.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return listing.files[a].size > listing.files[b].size;
  });
  const bool facts = extras && extras->file_facts;
  parallel_for(order.size(), threads, [&](std::size_t k) {
    if (extras && extras->stop && extras->stop->load(std::memory_order_relaxed)) return;
    std::size_t i = order[k];
    const NoteFile& file = listing.files[i];
    if (old) {
      // Its stat is what its trusted entry says: taken unread (FileStamp).
      std::uint64_t bytes_hash = 0;
      if (auto cached = old->take_unread(file.path, file.size, file.mtime_ns, file.inode, facts,
                                         &keys[i], &bytes_hash, &stamps[i])) {
        bytes_hashes[i] = bytes_hash;
        results[i] = ScannedNote{file.path, std::move(*cached)};
        results[i]->text_hash = keys[i].hash;
        if (facts) {
          results[i]->size = file.size;
          results[i]->mtime_ns = file.mtime_ns;
          results[i]->hash = format_content_hash(bytes_hash);
        }
        ++hits;
        ++unread;
        if (extras && extras->on_note) extras->on_note(*results[i]);
        if (progress) progress(++done, listing.files.size());
        return;
      }
    }
    NoteText note = read_note(file.absolute, kMaxNoteBytes, /*check_utf8=*/!old && !facts);
    // With `facts`, the FNV-1a of the bytes on disk (content_hash): from the cache when the
    // bytes are the text its entry was made of, else computed before any UTF-8 repair.
    std::uint64_t bytes_hash = 0;
    bool repaired = false;
    if (note.text && facts && !old) {
      bytes_hash = content_hash_value(*note.text);
      repaired = repair_utf8(note); // what read_note would have done
    }
    if (note.text) {
      std::optional<engine::NoteAnalysis> cached; // moved out of the old cache: used once
      FileStamp was;                              // its entry's
      if (cache) {
        // The key's hash is of the text analysed (after any UTF-8 repair), so a hit is exactly
        // what analyse() would return for it. Looked up first with the bytes as read: a hit
        // means they are that text, so valid UTF-8, and the validation pass is not needed.
        keys[i] = CacheKey{file.size, file.mtime_ns, text_hash(*note.text)};
        if (old) cached = old->take(file.path, keys[i], &bytes_hash, &was);
        if (cached && facts && !bytes_hash) { // a cache written by `mend scan`: not known yet
          bytes_hash = content_hash_value(*note.text);
          ++bytes_hashed;
        }
        if (!cached && old) {
          if (facts) bytes_hash = content_hash_value(*note.text);
          if (repair_utf8(note)) { // the text analysed is the repaired one
            repaired = true;
            keys[i].hash = text_hash(*note.text);
            cached = old->take(file.path, keys[i]); // its bytes_hash is of other bytes maybe
          }
        }
      }
      if (!repaired) bytes_hashes[i] = bytes_hash;
      if (cache) {
        stamps[i] = FileStamp{file.inode, started, !repaired};
        // Read and found unchanged, now past the racy window: trusted from the next scan on.
        const auto& k = keys[i];
        if (cached && !trusted(k, was, k.size, k.mtime_ns, file.inode) &&
            trusted(k, stamps[i], k.size, k.mtime_ns, file.inode))
          ++promoted;
      }
      // The count of parses cut short on this thread moves when the note was read line by line.
      std::size_t cut_short = engine::parses_cut_short();
      if (cached) {
        results[i] = ScannedNote{file.path, std::move(*cached)};
        ++hits;
      } else if (prefilter) {
        // A note that provably holds no step heading or question gets the same analysis
        // without the parse (Analyzer::analyse_without_parse); the others are parsed.
        bool parsed = true;
        results[i] = ScannedNote{file.path, analyzer.analyse_cold(*note.text, file.path, &parsed)};
        if (!parsed) ++not_parsed;
      } else { // the whole note: what the shortcuts are checked against
        results[i] = ScannedNote{
            file.path, analyzer.analyse(*note.text, engine::parse_outline(*note.text), file.path)};
      }
      if (engine::parses_cut_short() != cut_short) {
        results[i]->line_level = true;
        slow[i] = line_level_warning(file.path);
      }
      if (cache) results[i]->text_hash = keys[i].hash;
      if (facts) {
        results[i]->size = file.size;
        results[i]->mtime_ns = file.mtime_ns;
        results[i]->hash = format_content_hash(bytes_hash);
      }
      if (extras && extras->on_note) extras->on_note(*results[i]);
    }
    if (!note.warning.empty()) warnings[i] = path_for_people(file.path) + ": " + note.warning;
    if (progress) progress(++done, listing.files.size());
  });
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!warnings[i].empty()) scan.warnings.push_back(warnings[i]);
    if (!slow[i].empty()) scan.warnings.push_back(slow[i]);
  }
  scan.from_cache = hits;
  scan.not_parsed = not_parsed;
  scan.not_read = unread;
  std::size_t present = 0;
  for (const auto& r : results)
    present += r ? 1 : 0;
  bool stopped = extras && extras->stop && extras->stop->load();
  if (cache && !stopped) {
    // Rewritten only when something differs: a note analysed afresh, or one gone, or hashes of
    // bytes the cache did not hold yet.
    bool rewrite = hits != present || old->size() != present || bytes_hashed > 0 || promoted > 0;
    old.reset(); // what the scan did not take: notes gone, or changed
    if (rewrite) {
      AnalysisCache fresh(cache->identity);
      for (std::size_t i = 0; i < results.size(); ++i)
        if (results[i] && !results[i]->line_level)
          fresh.put(results[i]->path, keys[i], results[i]->analysis, bytes_hashes[i], stamps[i]);
      scan.cache_written = fresh.save(cache->file);
    }
  }
  old.reset();
  scan.notes.reserve(present);
  for (auto& r : results)
    if (r) scan.notes.push_back(std::move(*r));
  results = {};
  if (extras && !extras->judge) return scan;
  scan.report = engine::judge_folder(
      analyzer.pack(), note_refs(scan.notes), today,
      analyzer.options().language.empty() ? "en" : analyzer.options().language);
  return scan;
}

} // namespace mend::server
