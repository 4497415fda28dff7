// textDocument/completion: "/" at the start of a line lists the pack's steps as snippets; a
// line of "#"s inside a step's section completes to that step's questions the note lacks.
//
// Why two forms: a client that does not announce snippetSupport inserts `${1:…}` literally
// (lsp-mode) or not at all (eglot without yasnippet), so it gets plain text with the pack's
// placeholder (`_your answer_`) where the tab stops would be. Every item is insertTextMode asIs:
// a template is already indented as it must be, and a client that re-indents inserted lines
// (lsp-mode's default) would break its block quotes, or spend minutes on a long step.
#pragma once

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

protocol::CompletionList completion(const NoteContext& note, const protocol::Position& position,
                                    bool snippets);

} // namespace mend::server
