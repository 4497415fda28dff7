// textDocument/hover: a question's guidance and state, or a step's intro, progress over the
// folder and requirements.
#pragma once

#include <optional>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::optional<protocol::Hover> hover(const NoteContext& note, const protocol::Position& position);

} // namespace mend::server
