// `mend`: one binary, several faces over one engine (design.md).
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "daemon/cli/commands.h"

namespace mend::cli {
const char* const kVersion = MEND_VERSION; // project(mend VERSION ...), daemon/cli/CMakeLists.txt
}

namespace {

const char* kUsage =
    R"(mend — reflection templates and hints for breakup notes, in your editor and notes folder

Usage:
  mend scan DIR [--json] [--today YYYY-MM-DD] [--config FILE] [--threads N]
  mend insert TEMPLATE NOTE [--line N] [--var name=value]... [--config FILE] [--no-markers]
  mend templates [DIR] [--json]
  mend lsp [--log-file FILE] [--log-level LEVEL]
  mend serve DIR [--port N] [--config FILE]
  mend --version | --help

TEMPLATE is a step id (motives, why, wrongs, evaluate, patterns, reach-out, new-start, if-no),
a question id (why.official), or "log" for today's action-log entry.
)";

} // namespace

int main(int argc, char** argv) {
  using namespace mend::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string command = argv[1];
  Args args(argv + 2, argv + argc);
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (command == "--version" || command == "version") {
      std::cout << "mend " << kVersion << "\n";
      return kExitOk;
    }
    if (command == "scan") return scan_command(args);
    if (command == "insert") return insert_command(args);
    if (command == "templates") return templates_command(args);
    if (command == "lsp") return lsp_command(args);
    if (command == "serve") return serve_command(args);
  } catch (const std::exception& e) {
    std::cerr << "mend " << command << ": " << e.what() << "\n";
    return kExitFailed;
  }
  std::cerr << "mend: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}
