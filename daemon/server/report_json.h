// The public JSON shape of mend's reports (`mend scan --json`, `mend/progress`): keys may be
// added, never renamed. Lines are 1-based here; the engine counts from 0.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"

namespace mend::server {

nlohmann::json note_json(const engine::Pack& pack, const std::string& path, const engine::NoteAnalysis& note,
                         const engine::FolderReport& report);
nlohmann::json summary_json(const engine::FolderReport& report);
nlohmann::json suggestion_json(const engine::Suggestion& suggestion, bool with_path);

}  // namespace mend::server
