// textDocument/completion: "/" at the start of a line lists the pack's steps as snippets; a
// line of "#"s inside a step's section completes to that step's questions the note lacks.
#pragma once

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

protocol::CompletionList completion(const NoteContext& note, const protocol::Position& position);

} // namespace mend::server
