// Reading a subcommand's arguments with Boost.Program_options, and its --help.
#include "daemon/cli/options.h"

#include <ostream>
#include <set>

namespace mend::cli {

namespace {

// The operands reach Boost as one positional option under this name. A name cannot hold '=',
// since Boost splits `--name=value` at the first '=', so no argument can spell it as an option.
const char* const kOperands = "operand=";

// Words on lines of at most `width` columns after `prefix`; a continued line starts below the
// first word after "mend COMMAND".
std::string wrap(const std::vector<std::string>& words, const std::string& prefix,
                 std::size_t width) {
  std::vector<std::string> lines{prefix};
  const std::size_t hanging = prefix.size() + words.at(0).size() + words.at(1).size() + 2;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string& line = lines.back();
    if (i > 2 && line.size() + 1 + words[i].size() > width)
      lines.push_back(std::string(hanging, ' ') + words[i]);
    else
      line += (i == 0 ? "" : " ") + words[i];
  }
  std::string out;
  for (const auto& line : lines)
    out += (out.empty() ? "" : "\n") + line;
  return out;
}

bool is_digits(const std::string& text, std::size_t max_digits) {
  return !text.empty() && text.size() <= max_digits &&
         text.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

CommandLine::CommandLine(std::string name_, std::string operands_usage_,
                         std::vector<std::string> operands_, std::size_t required_,
                         std::string summary_)
    : name(std::move(name_)), operands_usage(std::move(operands_usage_)),
      operands(std::move(operands_)), required(required_), summary(std::move(summary_)),
      options("Options", 100, 50) {
  options.add_options()("help,h", "Prints this help.");
}

std::string CommandLine::synopsis(const std::string& prefix, std::size_t width) const {
  std::vector<std::string> words{"mend", name};
  if (!operands_usage.empty()) words.push_back(operands_usage);
  for (const auto& option : options.options()) {
    const std::string& long_name = option->long_name();
    if (long_name == "help") continue; // every subcommand has it; `mend --help` says so once
    std::string word = "[--" + long_name;
    if (option->semantic()->max_tokens() > 0) word += " " + option->semantic()->name();
    if (auto after = shown_after.find(long_name); after != shown_after.end())
      word += " " + after->second;
    word += "]";
    if (option->semantic()->is_composing()) word += "...";
    words.push_back(word);
  }
  return wrap(words, prefix, width);
}

ParsedArgs parse(const CommandLine& command, const Args& args) {
  po::options_description all;
  all.add(command.options);
  all.add_options()(kOperands, po::value<std::vector<std::string>>()->composing());
  po::positional_options_description positions;
  positions.add(kOperands, -1);
  // No abbreviations (`--js` for `--json`): a new option would silently change what an old
  // abbreviation in someone's script means.
  const int style = po::command_line_style::unix_style & ~po::command_line_style::allow_guessing;
  po::parsed_options parsed =
      po::command_line_parser(args).options(all).positional(positions).style(style).run();

  // The last of a repeated option wins, as before the parser was Boost's (which would refuse
  // the repetition): walk from the end, keeping the first occurrence seen of each.
  std::set<std::string> seen;
  std::vector<po::option> kept;
  for (auto it = parsed.options.rbegin(); it != parsed.options.rend(); ++it) {
    const po::option_description* d = all.find_nothrow(it->string_key, false);
    if (d && !d->semantic()->is_composing() && !seen.insert(it->string_key).second) continue;
    kept.insert(kept.begin(), *it);
  }
  parsed.options = std::move(kept);

  ParsedArgs out;
  po::store(parsed, out.options);
  po::notify(out.options);
  out.operands = out.get<std::vector<std::string>>(kOperands, {});
  if (out.has("help")) return out; // `mend insert --help` needs no TEMPLATE
  if (out.operands.size() < command.required)
    throw UsageError("missing " + command.operands[out.operands.size()] + " (see mend " +
                     command.name + " --help)");
  if (out.operands.size() > command.operands.size())
    throw UsageError("unexpected argument " + out.operands[command.operands.size()]);
  return out;
}

void print_help(std::ostream& out, const CommandLine& command) {
  out << command.synopsis("Usage: ") << "\n\n" << command.summary << "\n\n" << command.options;
}

[[noreturn]] void invalid_value(const std::string& text, const std::string& expected) {
  po::validation_error error(po::validation_error::invalid_option_value);
  error.m_error_template = "%canonical_option% needs " + expected + ", not '%value%'";
  error.set_substitute("value", text);
  throw error;
}

void validate(boost::any& out, const std::vector<std::string>& values, Count*, int) {
  const std::string& text = po::validators::get_single_string(values);
  if (!is_digits(text, 9)) invalid_value(text, "a whole number from 0");
  out = Count{static_cast<unsigned>(std::stoul(text))};
}

void validate(boost::any& out, const std::vector<std::string>& values, LineNumber*, int) {
  const std::string& text = po::validators::get_single_string(values);
  if (!is_digits(text, 18) || std::stoull(text) == 0) invalid_value(text, "a line number from 1");
  out = LineNumber{static_cast<std::size_t>(std::stoull(text))};
}

void validate(boost::any& out, const std::vector<std::string>& values, Port*, int) {
  const std::string& text = po::validators::get_single_string(values);
  if (!is_digits(text, 5) || std::stoul(text) > 65535)
    invalid_value(text, "a port from 0 to 65535 (0: any free port)");
  out = Port{static_cast<unsigned short>(std::stoul(text))};
}

void validate(boost::any& out, const std::vector<std::string>& values, Day*, int) {
  const std::string& text = po::validators::get_single_string(values);
  auto date = engine::parse_iso_date(text);
  if (!date) invalid_value(text, "a date written YYYY-MM-DD");
  out = Day{*date};
}

void add_config_option(po::options_description& options, const std::string& what) {
  options.add_options()("config", po::value<std::string>()->value_name("FILE"), what.c_str());
}

void add_today_option(po::options_description& options, const std::string& what) {
  options.add_options()("today", po::value<Day>()->value_name("YYYY-MM-DD"), what.c_str());
}

void add_threads_option(po::options_description& options, const std::string& what) {
  options.add_options()("threads", po::value<Count>()->value_name("N"), what.c_str());
}

} // namespace mend::cli
