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

// workspace/symbol answers at most this many symbols, the best first. Why a limit: a query
// such as "w" matches nearly every question of every note (a million symbols at 100k notes,
// seconds to build and send), and editors show a few dozen and ask again as the person types.
// clangd answers 100 by default (--limit-results), rust-analyzer 128
// (workspace.symbol.search.limit).
inline constexpr std::size_t kWorkspaceSymbolLimit = 256;

// Steps and questions whose title or id contains the query (ids also as subsequences), at most
// `limit`, best first: the whole title or id, then a prefix, then a substring, then an id's
// subsequence; among equals, by note path, then as the note has them (steps before questions).
// Notes that are not open have no text here: their symbols span whole lines.
std::vector<protocol::SymbolInformation>
workspace_symbols(Workspace& workspace, const std::string& query, engine::Encoding encoding,
                  std::size_t limit = kWorkspaceSymbolLimit);

} // namespace mend::server
