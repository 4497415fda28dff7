// textDocument/codeAction: insert the next step, a step's missing questions, today's log entry,
// any step of the pack (refactor.rewrite), and quick fixes attached to mend's diagnostics.
// Every action carries its WorkspaceEdit; nothing is written by the server.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::vector<protocol::CodeAction> code_actions(const NoteContext& note,
                                               const protocol::CodeActionParams& params,
                                               bool document_changes);

} // namespace mend::server
