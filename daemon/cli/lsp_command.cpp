// `mend lsp`: the language server over stdio. stdout carries the protocol only; logs go to
// stderr (or --log-file FILE) at --log-level (trace, debug, info, warn, error, off).
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "daemon/cli/commands.h"
#include "daemon/cli/options.h"
#include "daemon/server/parallel.h"
#include "daemon/transport/stdio_transport.h"

namespace mend::cli {

int lsp_command(const Args& args) {
  std::string log_file, log_level = "info", error, ignored;
  for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--log-file", 0) == 0)
      take_value(args, i, "--log-file", &log_file, &error);
    else if (a.rfind("--log-level", 0) == 0)
      take_value(args, i, "--log-level", &log_level, &error);
    else if (a == "--stdio")
      continue; // what VS Code's client adds; stdio is the only transport
    else
      error = "unknown option " + a;
  }
  if (!error.empty()) {
    std::cerr << "mend lsp: " << error << "\n";
    return kExitUsage;
  }
  auto level = spdlog::level::from_str(log_level);
  if (level == spdlog::level::off && log_level != "off") {
    std::cerr << "mend lsp: unknown log level '" << log_level << "'\n";
    return kExitUsage;
  }
  try {
    std::shared_ptr<spdlog::logger> logger;
    if (!log_file.empty())
      logger = spdlog::basic_logger_mt("mend", log_file);
    else
      logger = spdlog::stderr_logger_mt("mend");
    logger->set_level(level);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
  } catch (const spdlog::spdlog_ex& e) {
    std::cerr << "mend lsp: cannot open the log: " << e.what() << "\n";
    return kExitUsage;
  }
  transport::StdioOptions options;
  options.server.version = kVersion;
  options.server.today = today_local;
  options.server.threads = std::min(4u, server::default_threads());
  return transport::run_stdio_lsp(options);
}

} // namespace mend::cli
