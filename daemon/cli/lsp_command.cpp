// `mend lsp`: the language server over stdio (in progress).
#include <iostream>

#include "daemon/cli/commands.h"

namespace mend::cli {

int lsp_command(const Args&) {
  std::cerr << "mend lsp: not built yet\n";
  return kExitFailed;
}

}  // namespace mend::cli
