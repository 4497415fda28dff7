// textDocument/codeLens: "3/6 answered · next: <step>" on each step heading, running
// mend.insertMissing for that step.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::vector<protocol::CodeLens> code_lenses(const NoteContext& note);

} // namespace mend::server
