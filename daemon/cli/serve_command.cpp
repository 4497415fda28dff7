// `mend serve DIR`: the headless daemon (daemon/transport/serve_daemon.h does the work).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "daemon/cli/commands.h"
#include "daemon/cli/options.h"
#include "daemon/server/parallel.h"
#include "daemon/transport/serve_daemon.h"

namespace mend::cli {

namespace fs = std::filesystem;

int serve_command(const Args& args) {
  std::string dir, config_file, port_text, today_text, threads_text, error;
  for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--port", 0) == 0)
      take_value(args, i, "--port", &port_text, &error);
    else if (a.rfind("--config", 0) == 0)
      take_value(args, i, "--config", &config_file, &error);
    else if (a.rfind("--today", 0) == 0)
      take_value(args, i, "--today", &today_text, &error);
    else if (a.rfind("--threads", 0) == 0)
      take_value(args, i, "--threads", &threads_text, &error);
    else if (!a.empty() && a[0] == '-')
      error = "unknown option " + a;
    else if (dir.empty())
      dir = a;
    else
      error = "unexpected argument " + a;
  }
  if (error.empty() && dir.empty())
    error = "missing DIR (usage: mend serve DIR [--port N] [--config FILE])";
  transport::ServeOptions options;
  if (error.empty() && !port_text.empty()) {
    try {
      std::size_t used = 0;
      unsigned long port = std::stoul(port_text, &used);
      if (used != port_text.size() || port > 65535) throw std::out_of_range("port");
      options.port = static_cast<unsigned short>(port);
    } catch (...) {
      error = "--port needs a number from 0 to 65535 (0: any free port)";
    }
  }
  options.threads = server::default_threads();
  if (error.empty() && !threads_text.empty()) {
    try {
      options.threads = static_cast<unsigned>(std::stoul(threads_text));
    } catch (...) {
      error = "--threads needs a number";
    }
  }
  if (error.empty() && !today_text.empty()) {
    options.today = engine::parse_iso_date(today_text);
    if (!options.today)
      error = "--today must be a date written YYYY-MM-DD, not '" + today_text + "'";
  }
  if (!error.empty()) {
    std::cerr << "mend serve: " << error << "\n";
    return kExitUsage;
  }
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
  auto config = folder_config(&root, config_file, &error);
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
