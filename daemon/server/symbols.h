// textDocument/documentSymbol (steps → questions) and workspace/symbol (steps and questions
// across the indexed folder and the open documents).
#pragma once

#include <string>
#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_features.h"

namespace mend::server {

std::vector<protocol::DocumentSymbol> document_symbols(const NoteContext& note);

// The same symbols as the flat SymbolInformation list a client without
// hierarchicalDocumentSymbolSupport understands: each step, then its questions with the step's
// name as containerName, in document order; each location spans what the symbol's range does.
std::vector<protocol::SymbolInformation>
flatten_symbols(const std::vector<protocol::DocumentSymbol>& tree, const std::string& uri);

// Notes that are not open have no text here: their symbols span whole lines.
std::vector<protocol::SymbolInformation>
workspace_symbols(Workspace& workspace, const std::string& query, engine::Encoding encoding);

} // namespace mend::server
