// textDocument/publishDiagnostics: what mend tells the editor about one open note.
//
// A Hint on each unanswered question of the note (range = the question's text), and an
// Information per other suggestion of the folder report that concerns this note (code = the
// suggestion kind), at the line the report gives (folder_report.h). A missing step is placed
// where it would be written, in one note; every other open note that holds reflection
// questions also shows it at its last line, so the next step stays in sight.
// data = {step, question} lets code actions find the fix without re-judging.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_basic.h"

namespace mend::server {

std::vector<protocol::Diagnostic> note_diagnostics(const NoteContext& note);

} // namespace mend::server
