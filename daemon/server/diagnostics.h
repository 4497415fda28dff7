// textDocument/publishDiagnostics: what mend tells the editor about one open note.
//
// A Hint on each unanswered question of the note (range = the question's text), and an
// Information per other suggestion of the folder report that concerns this note (code = the
// suggestion kind). Suggestions that name no note (a missing step) are shown on every open note
// that holds reflection questions, at its last line, where inserting the step would go.
// data = {step, question} lets code actions find the fix without re-judging.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_basic.h"

namespace mend::server {

std::vector<protocol::Diagnostic> note_diagnostics(const NoteContext& note);

} // namespace mend::server
