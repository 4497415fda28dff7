// textDocument/hover: a question's guidance and state, or a step's intro, progress over the
// folder and requirements.
//
// Markdown when the client prefers it (hover.contentFormat), else plain text: the same words
// without `**` and backticks, which a plain-text client would show as they are.
#pragma once

#include <optional>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::optional<protocol::Hover> hover(const NoteContext& note, const protocol::Position& position,
                                     bool markdown);

} // namespace mend::server
