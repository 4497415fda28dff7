// All LSP 3.17 types mend uses, for files that want them all; see the headers below by area.
#pragma once

#include "protocol/lsp_basic.h"    // Position, Range, TextEdit, WorkspaceEdit, Diagnostic, ...
#include "protocol/lsp_document.h" // didOpen/didChange/didSave/didClose, watched files, publish
#include "protocol/lsp_features.h" // code actions, completion, hover, lens, hints, symbols
#include "protocol/lsp_session.h"  // initialize, capabilities, registration, progress, messages
