// mend's subcommands: one file each. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace mend::cli {

using Args = std::vector<std::string>; // the arguments after the subcommand's name

int scan_command(const Args& args);
int insert_command(const Args& args);
int templates_command(const Args& args);
int lsp_command(const Args& args);
int serve_command(const Args& args);

// Exit codes: 0 success, 1 the operation failed (e.g. a refused write), 2 usage or input error.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

extern const char* const kVersion;

} // namespace mend::cli
