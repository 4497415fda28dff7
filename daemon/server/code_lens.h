// textDocument/codeLens: "3/6 answered · next: <step>" on each step of the note, running
// mend.insertMissing for that step. A step's lens sits on its heading; a step whose questions
// the note asks without a heading of its own gets it on its first question instead.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

// In document order.
std::vector<protocol::CodeLens> code_lenses(const NoteContext& note);

} // namespace mend::server
