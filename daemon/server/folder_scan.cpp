// Parallel analysis of a folder's notes.
#include "daemon/server/folder_scan.h"

#include <atomic>

#include "daemon/server/notes_folder.h"
#include "daemon/server/parallel.h"

namespace mend::server {

std::vector<engine::NoteRef> note_refs(const std::vector<ScannedNote>& notes) {
  std::vector<engine::NoteRef> refs;
  refs.reserve(notes.size());
  for (const auto& n : notes) refs.push_back({n.path, &n.analysis});
  return refs;
}

FolderScan scan_folder(const std::filesystem::path& root, const engine::Analyzer& analyzer, const engine::Date& today,
                       unsigned threads, const ScanProgress& progress) {
  FolderScan scan;
  NoteListing listing = list_notes(root);
  scan.warnings = listing.warnings;
  std::vector<std::optional<ScannedNote>> results(listing.files.size());
  std::vector<std::string> warnings(listing.files.size());
  std::atomic<std::size_t> done{0};
  parallel_for(listing.files.size(), threads, [&](std::size_t i) {
    const NoteFile& file = listing.files[i];
    NoteText note = read_note(file.absolute);
    if (!note.warning.empty()) warnings[i] = file.path + ": " + note.warning;
    if (note.text) results[i] = ScannedNote{file.path, analyzer.analyse(*note.text, file.path)};
    if (progress) progress(++done, listing.files.size());
  });
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (!warnings[i].empty()) scan.warnings.push_back(warnings[i]);
    if (results[i]) scan.notes.push_back(std::move(*results[i]));
  }
  scan.report = engine::judge_folder(analyzer.pack(), note_refs(scan.notes), today,
                                     analyzer.options().language.empty() ? "en" : analyzer.options().language);
  return scan;
}

}  // namespace mend::server
