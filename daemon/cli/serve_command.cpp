// `mend serve DIR`: the headless daemon (daemon/transport/serve_daemon.h does the work).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "daemon/cli/commands.h"
#include "daemon/cli/settings.h"
#include "daemon/server/parallel.h"
#include "daemon/transport/serve_daemon.h"

namespace mend::cli {

namespace fs = std::filesystem;

CommandLine serve_command_line() {
  CommandLine command("serve", "DIR", {"DIR"}, 1,
                      "Watches DIR, keeps its analysis current, and serves a progress page and a "
                      "WebSocket JSON-RPC\nendpoint on 127.0.0.1 until SIGINT or SIGTERM.");
  command.options.add_options()("port", po::value<Port>()->value_name("N"),
                                "Listens on port N of 127.0.0.1 (default 0: any free port).");
  add_today_option(command.options,
                   "Judges the notes as if today were this date, and keeps that date.");
  add_config_option(command.options,
                    "Reads settings from FILE, over the folder's .mend/config.yaml.");
  add_threads_option(command.options,
                     "Indexes the folder on N threads at start (default: one per processor).");
  return command;
}

int serve_command(const ParsedArgs& args) {
  const std::string dir = args.operand(0);
  std::string error;
  transport::ServeOptions options;
  options.port = args.get<Port>("port", {}).value;
  options.threads = args.get<Count>("threads", {server::default_threads()}).value;
  options.version = kVersion;
  if (args.has("today")) options.today = args.get<Day>("today", {}).value;
  std::error_code ec;
  fs::path root(dir);
  if (!fs::is_directory(root, ec)) {
    std::cerr << "mend serve: " << dir << ": no such folder\n";
    return kExitUsage;
  }
  if (::access(root.c_str(), R_OK | W_OK | X_OK) != 0) {
    std::cerr << "mend serve: " << dir
              << ": cannot read and write the folder (permission denied)\n";
    return kExitUsage;
  }
  auto config = folder_config(&root, args.get<std::string>("config", ""), &error);
  if (!config) {
    std::cerr << "mend serve: " << error << "\n";
    return kExitUsage;
  }
  if (!options.today && config->today) options.today = config->today;
  options.folder = root;
  options.display_folder = dir;
  options.config = *config;
  return transport::run_serve(options);
}

} // namespace mend::cli
