// The public JSON shape of mend's reports (`mend scan --json`, `mend/progress`): keys may be
// added, never renamed. Lines are 1-based here; the engine counts from 0.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
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

// `object`'s compact text (as dump() writes it, invalid UTF-8 replaced) with the array under
// `key` written by `write_items`, which appends the items' texts, comma-separated, to its
// argument. Why: the notes of a whole folder are ~30 MB of text at 100k notes, ~400 MB as a tree.
std::string dump_with_array(nlohmann::json object, const std::string& key,
                            const std::function<void(std::string&)>& write_items,
                            std::size_t reserve = 0);
// dump() as the reports are written: compact, invalid UTF-8 replaced.
std::string dump_compact(const nlohmann::json& value);
nlohmann::json suggestion_json(const engine::Suggestion& suggestion, bool with_path);

// The templates a folder sees (`mend templates --json`, `mend/templates`): every step of every
// language with its questions (rendered with `vars`) and where it came from.
nlohmann::json templates_json(const engine::Pack& pack, const engine::TemplateVariables& vars);

} // namespace mend::server
