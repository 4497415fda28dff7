// Analyses every note of a folder (in parallel) and judges the folder: what `mend scan` prints
// and what the daemons index at start.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"

namespace mend::server {

struct ScannedNote {
  std::string path;  // relative, '/' separated
  engine::NoteAnalysis analysis;
};

struct FolderScan {
  std::vector<ScannedNote> notes;     // sorted by path
  std::vector<std::string> warnings;  // "path: what was wrong"
  engine::FolderReport report;
};

using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

// `progress` is called from worker threads (serialise inside it if it prints).
FolderScan scan_folder(const std::filesystem::path& root, const engine::Analyzer& analyzer, const engine::Date& today,
                       unsigned threads, const ScanProgress& progress = {});

std::vector<engine::NoteRef> note_refs(const std::vector<ScannedNote>& notes);

}  // namespace mend::server
