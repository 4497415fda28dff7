// The edits mend proposes to a note: a template block at a point, the missing questions of a
// step, today's action-log entry. Shared by code actions, workspace/executeCommand and
// completion. In LSP mode the server never writes a note: it sends these edits to the editor.
//
// Blocks are rendered with the configured name, pronouns, date and markers, in the note's
// language, and use the note's line ending.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_basic.h"

namespace mend::server {

// `template_id`: a step id, a question id or "log". nullopt for an unknown id.
std::optional<protocol::TextEdit>
insert_template_edit(const NoteContext& note, const std::string& template_id, std::size_t at);

// The step's questions the note lacks, at the end of the step's section (the whole step at the
// end of the note when the note does not have it). nullopt when nothing is missing or the step
// is unknown.
std::optional<protocol::TextEdit> insert_missing_edit(const NoteContext& note,
                                                      const std::string& step);

// Today's entry at the end of the new-start.log answer, or the new-start step when absent.
std::optional<protocol::TextEdit> insert_log_edit(const NoteContext& note);

// Where insert_log_edit puts the entry (for deciding whether an action is "near").
std::optional<std::size_t> log_entry_offset(const NoteContext& note);

// One document's edits as a WorkspaceEdit: versioned documentChanges when the client
// understands them, else `changes`.
protocol::WorkspaceEdit workspace_edit(const Document& doc, std::vector<protocol::TextEdit> edits,
                                       bool document_changes);

// `body` (written with "\n") placed at byte `at` of `note`: blank lines around it as Markdown
// needs, converted to the note's line ending.
std::string place_block(std::string_view note, std::size_t at, std::string body);

} // namespace mend::server
