// The public JSON shape of mend's reports (`mend scan --json`, `mend/progress`): keys may be
// added, never renamed. Lines are 1-based here; the engine counts from 0.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"

namespace mend::server {

// A path that is not valid UTF-8 is written as note_path.h says ("path" and "path_bytes").
// `line_level`: the note was read line by line (the grammar ran out of its budget on it,
// engine/parse_budget.h); the key is written only then.
nlohmann::json note_json(const engine::Pack& pack, const std::string& path,
                         const engine::NoteAnalysis& note, const engine::FolderReport& report,
                         bool line_level = false);
nlohmann::json summary_json(const engine::FolderReport& report);
nlohmann::json suggestion_json(const engine::Suggestion& suggestion, bool with_path);

// The templates a folder sees (`mend templates --json`, `mend/templates`): every step of every
// language with its questions (rendered with `vars`) and where it came from.
nlohmann::json templates_json(const engine::Pack& pack, const engine::TemplateVariables& vars);

} // namespace mend::server
