// `mend lsp`: the language server over stdio. stdout carries the protocol only; logs go to
// stderr (or --log-file FILE) at --log-level (trace, debug, info, warn, error, off).
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "daemon/cli/commands.h"
#include "daemon/cli/settings.h"
#include "daemon/server/parallel.h"
#include "daemon/transport/stdio_transport.h"

namespace mend::cli {

namespace {

// --log-level: one of spdlog's level names.
struct LogLevel {
  spdlog::level::level_enum value = spdlog::level::info;
};

void validate(boost::any& out, const std::vector<std::string>& values, LogLevel*, int) {
  const std::string& text = po::validators::get_single_string(values);
  auto level = spdlog::level::from_str(text);
  if (level == spdlog::level::off && text != "off")
    invalid_value(text, "one of trace, debug, info, warn, error, off");
  out = LogLevel{level};
}

} // namespace

CommandLine lsp_command_line() {
  CommandLine command("lsp", "", {}, 0,
                      "Runs the language server for editors on standard input and output. "
                      "Standard output carries\nthe protocol only; logs go to standard error or "
                      "--log-file.");
  command.options.add_options()("log-file", po::value<std::string>()->value_name("FILE"),
                                "Appends the log to FILE instead of standard error.")(
      "log-level", po::value<LogLevel>()->value_name("LEVEL"),
      "One of trace, debug, info (the default), warn, error, off.")(
      "stdio", "Accepted and ignored: stdio is the only transport, and some clients add it.");
  return command;
}

int lsp_command(const ParsedArgs& args) {
  const std::string log_file = args.get<std::string>("log-file", "");
  const auto level = args.get<LogLevel>("log-level", {}).value;
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
