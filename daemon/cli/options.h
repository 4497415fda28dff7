// The command line of each subcommand, read with Boost.Program_options.
//
// Each subcommand describes its options once, in a CommandLine. The same description parses the
// arguments, prints `mend COMMAND --help` and writes the synopsis of `mend --help`, so no help
// text can list an option the parser does not know, or leave out one it does. Values are checked
// as they are read (the types below), so a bad value is refused before a command starts, in one
// line that names the option.
#pragma once

#include <boost/program_options.hpp>
#include <cstddef>
#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "daemon/engine/dates.h"

namespace mend::cli {

namespace po = boost::program_options;

using Args = std::vector<std::string>; // the arguments after the subcommand's name

// What one subcommand accepts. Every subcommand also takes -h/--help.
struct CommandLine {
  CommandLine(std::string name, std::string operands_usage, std::vector<std::string> operands,
              std::size_t required, std::string summary);

  std::string name;                  // "scan"
  std::string operands_usage;        // the operands as the synopsis shows them: "DIR", "[DIR]"
  std::vector<std::string> operands; // their names in order, for errors: {"DIR", "NOTE"}
  std::size_t required;              // how many operands must be given
  std::string summary;               // what the command does, for --help
  po::options_description options;
  // Written after an option in the synopsis: scan's "--explain [NOTE]" (NOTE is an operand).
  std::map<std::string, std::string> shown_after;

  // prefix + "mend scan DIR [--json] [--today YYYY-MM-DD]...", wrapped at `width` columns.
  std::string synopsis(const std::string& prefix, std::size_t width = 100) const;
};

// The arguments as read: options by long name, operands in order.
struct ParsedArgs {
  po::variables_map options;
  std::vector<std::string> operands;

  bool has(const std::string& name) const { return options.count(name) > 0; }
  template <class T> T get(const std::string& name, T fallback) const {
    return has(name) ? options[name].as<T>() : fallback;
  }
  std::string operand(std::size_t i) const { return i < operands.size() ? operands[i] : ""; }
};

// Reads `args` for `command`: options anywhere among the operands, `--opt value` and
// `--opt=value`, `--` ending the options. A repeated option keeps its last value (as getopt does),
// except a composing one (--var), which collects them all. Throws po::error or UsageError, whose
// what() is one line naming the option or argument at fault.
ParsedArgs parse(const CommandLine& command, const Args& args);

// `mend COMMAND --help`: the synopsis, the summary and every option with what it does.
void print_help(std::ostream& out, const CommandLine& command);

// An argument mend cannot use (exit status 2), for checks the parser cannot make itself.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Refuses `text` as the value of the option being stored: "the argument ('x') for option
// '--port' is invalid: <expected>". For validate() overloads, which Boost calls while storing.
[[noreturn]] void invalid_value(const std::string& text, const std::string& expected);

// Option values checked as they are read. Boost finds validate() by argument-dependent lookup.
struct Count { // --threads: a whole number from 0 (std::stoul took "-1" as 2^64-1)
  unsigned value = 0;
};
struct LineNumber { // --line: from 1
  std::size_t value = 1;
};
struct Port { // --port: 0 (any free port) to 65535
  unsigned short value = 0;
};
struct Day { // --today: YYYY-MM-DD, a real date
  engine::Date value;
};
void validate(boost::any& out, const std::vector<std::string>& values, Count*, int);
void validate(boost::any& out, const std::vector<std::string>& values, LineNumber*, int);
void validate(boost::any& out, const std::vector<std::string>& values, Port*, int);
void validate(boost::any& out, const std::vector<std::string>& values, Day*, int);

// The options several subcommands share, worded once.
void add_config_option(po::options_description& options, const std::string& what);
void add_today_option(po::options_description& options, const std::string& what);
void add_threads_option(po::options_description& options, const std::string& what);

} // namespace mend::cli
