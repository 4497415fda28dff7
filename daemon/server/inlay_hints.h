// textDocument/inlayHint: " ✓" or " …" at the end of each question line.
#pragma once

#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::vector<protocol::InlayHint> inlay_hints(const NoteContext& note, const protocol::Range& range);

} // namespace mend::server
