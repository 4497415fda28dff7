// The LSP features, one file pair each; this header only gathers their entry points for
// lsp_server.cpp. Each is a pure function of a NoteContext (or the workspace) returning
// protocol values: no I/O, no threads, no dispatcher.
#pragma once

#include "daemon/server/code_actions.h"
#include "daemon/server/code_lens.h"
#include "daemon/server/completion.h"
#include "daemon/server/diagnostics.h"
#include "daemon/server/hover.h"
#include "daemon/server/inlay_hints.h"
#include "daemon/server/symbols.h"
