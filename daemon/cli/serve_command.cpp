// `mend serve DIR`: the headless daemon (in progress).
#include <iostream>

#include "daemon/cli/commands.h"

namespace mend::cli {

int serve_command(const Args&) {
  std::cerr << "mend serve: not built yet\n";
  return kExitFailed;
}

}  // namespace mend::cli
