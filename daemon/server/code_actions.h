// textDocument/codeAction: insert the next step, a step's missing questions, today's log entry,
// any step of the pack (refactor.rewrite), and quick fixes attached to mend's diagnostics.
// Every action carries its WorkspaceEdit; nothing is written by the server.
//
// Why a second form: a client without codeActionLiteralSupport (LSP before 3.8) understands
// only Command objects. For it each action carries, instead of its edit, the mend.* command
// that makes the same edit through workspace/executeCommand (the server sends `command` alone).
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

struct CodeActionForm {
  bool literals = true;         // false: `command` instead of `edit` (see above)
  bool document_changes = true; // the edit as versioned documentChanges, else `changes`
};

std::vector<protocol::CodeAction> code_actions(const NoteContext& note,
                                               const protocol::CodeActionParams& params,
                                               CodeActionForm form);

} // namespace mend::server
