// `mend`: one binary, several faces over one engine (design.md).
#include <exception>
#include <iostream>
#include <string>

#include "daemon/cli/commands.h"

namespace mend::cli {
const char* const kVersion = MEND_VERSION; // project(mend VERSION ...), daemon/cli/CMakeLists.txt
}

namespace {

using namespace mend::cli;

struct Subcommand {
  const char* name;
  CommandLine (*command_line)();
  int (*run)(const ParsedArgs&);
};

// In the order `mend --help` lists them.
const Subcommand kSubcommands[] = {
    {"scan", scan_command_line, scan_command},
    {"insert", insert_command_line, insert_command},
    {"templates", templates_command_line, templates_command},
    {"lsp", lsp_command_line, lsp_command},
    {"serve", serve_command_line, serve_command},
};

void print_usage(std::ostream& out) {
  out << "mend — reflection templates and hints for breakup notes, in your editor and notes "
         "folder\n\nUsage:\n";
  for (const auto& sub : kSubcommands)
    out << sub.command_line().synopsis("  ") << "\n";
  out << "  mend --version | --help\n"
         "  mend COMMAND --help       what COMMAND does, and each of its options\n\n"
         "TEMPLATE is a step id (motives, why, wrongs, evaluate, patterns, reach-out, new-start,\n"
         "if-no), a question id (why.official), or \"log\" for today's action-log entry.\n";
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(std::cerr);
    return kExitUsage;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage(std::cout);
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::cout << "mend " << kVersion << "\n";
    return kExitOk;
  }
  for (const auto& sub : kSubcommands) {
    if (command != sub.name) continue;
    // The one error boundary of the command line: a usage error is one line naming the option
    // or argument (exit 2); anything else that escapes a command is a failure (exit 1).
    const CommandLine command_line = sub.command_line();
    try {
      ParsedArgs args = parse(command_line, Args(argv + 2, argv + argc));
      if (args.has("help")) {
        print_help(std::cout, command_line);
        return kExitOk;
      }
      return sub.run(args);
    } catch (const po::unknown_option& e) {
      std::cerr << "mend " << command << ": " << e.what() << " (see mend " << command
                << " --help)\n";
      return kExitUsage;
    } catch (const po::error& e) {
      std::cerr << "mend " << command << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const UsageError& e) {
      std::cerr << "mend " << command << ": " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "mend " << command << ": " << e.what() << "\n";
      return kExitFailed;
    }
  }
  std::cerr << "mend: unknown command '" << command << "' (see mend --help)\n";
  return kExitUsage;
}
