// mend's subcommands: one file each. Each describes its command line (options.h) and runs on
// the arguments as read, returning the process exit code.
#pragma once

#include "daemon/cli/options.h"

namespace mend::cli {

CommandLine scan_command_line();
CommandLine insert_command_line();
CommandLine templates_command_line();
CommandLine lsp_command_line();
CommandLine serve_command_line();

int scan_command(const ParsedArgs& args);
int insert_command(const ParsedArgs& args);
int templates_command(const ParsedArgs& args);
int lsp_command(const ParsedArgs& args);
int serve_command(const ParsedArgs& args);

// Exit codes (mend(1), EXIT STATUS): 0 success, 1 the operation failed (e.g. a refused write),
// 2 usage or input error.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

extern const char* const kVersion;

} // namespace mend::cli
