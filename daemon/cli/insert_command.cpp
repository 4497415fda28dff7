// `mend insert TEMPLATE NOTE`: renders a template into a note on disk, atomically.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/commands.h"
#include "daemon/cli/settings.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/template_insert.h"

namespace mend::cli {

namespace fs = std::filesystem;

CommandLine insert_command_line() {
  CommandLine command("insert", "TEMPLATE NOTE", {"TEMPLATE", "NOTE"}, 2,
                      "Renders the template TEMPLATE into the file NOTE (created if missing), at "
                      "its end or before\n--line N. The templates and settings are those of the "
                      "notes folder: the nearest folder,\nfrom the note's upwards, holding .mend/ "
                      "(else the note's own), then --config FILE.");
  command.options.add_options()("line", po::value<LineNumber>()->value_name("N"),
                                "Inserts before line N (from 1); past the last line, at the end.")(
      "var", po::value<std::vector<std::string>>()->value_name("name=value")->composing(),
      "Fills a variable of the template: name (also ex, ex.name), pronouns (also ex.pronouns) or "
      "date. May be given more than once.")(
      "language", po::value<std::string>()->value_name("LANG"),
      "Inserts the template in LANG (en or fr); default: the setting language, else the note's.");
  add_today_option(command.options, "The date written into a dated template (the action log's).");
  add_config_option(command.options,
                    "Reads settings from FILE, over the notes folder's .mend/config.yaml.");
  command.options.add_options()(
      "no-markers", "Leaves out the <!-- mend:q id --> comment after each inserted question.");
  return command;
}

int insert_command(const ParsedArgs& args) {
  const std::string template_id = args.operand(0), note_arg = args.operand(1);
  std::string language = args.get<std::string>("language", ""), error;
  fs::path note(note_arg);
  fs::path folder = note.parent_path().empty() ? fs::path(".") : note.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    std::cerr << "mend insert: " << folder.string() << ": no such folder\n";
    return kExitUsage;
  }
  server::remove_stale_temporaries(folder);
  const fs::path root = notes_folder_of(note);
  auto config = folder_config(&root, args.get<std::string>("config", ""), &error);
  if (!config) {
    std::cerr << "mend insert: " << error << "\n";
    return kExitUsage;
  }
  engine::TemplateVariables variables;
  variables.name = config->ex_name;
  variables.pronouns = config->pronouns;
  const engine::Date today =
      args.get<Day>("today", {config->today ? *config->today : today_local()}).value;
  variables.date = engine::format_iso(today);
  for (const auto& v : args.get<std::vector<std::string>>("var", {})) {
    auto eq = v.find('=');
    std::string key = v.substr(0, eq), value = eq == std::string::npos ? "" : v.substr(eq + 1);
    if (eq == std::string::npos) {
      throw UsageError("--var needs name=value, not '" + v + "'");
    }
    if (key == "name" || key == "ex" || key == "ex.name")
      variables.name = value;
    else if (key == "pronouns" || key == "ex.pronouns")
      variables.pronouns = value;
    else if (key == "date")
      variables.date = value;
    else {
      throw UsageError("--var: unknown variable '" + key + "' (known: name, pronouns, date)");
    }
  }

  // Read the note as it is now: this exact content is what the write will insist on.
  std::optional<std::string> original;
  if (fs::exists(note, ec)) {
    if (!fs::is_regular_file(note, ec)) {
      std::cerr << "mend insert: " << note_arg << ": not a regular file\n";
      return kExitUsage;
    }
    std::ifstream in(note, std::ios::binary);
    if (!in) {
      std::cerr << "mend insert: cannot read " << note_arg << "\n";
      return kExitFailed;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    original = buffer.str();
  }
  std::vector<engine::PackProblem> problems;
  engine::Pack pack = server::load_pack(&root, config->template_dirs, &problems);
  if (language.empty()) language = config->language;
  engine::Analyzer analyzer(pack, {config->ex_name, language});
  if (language.empty())
    language = original ? analyzer.detect_language(*original) : pack.primary().language;

  std::string text = original.value_or("");
  std::size_t at = text.size();
  if (args.has("line")) {
    const std::size_t line = args.get<LineNumber>("line", {}).value;
    engine::LineIndex index(text);
    at = line - 1 >= index.line_count() ? text.size() : index.line_start(line - 1);
  }
  engine::RenderOptions render;
  render.markers = config->markers && !args.has("no-markers");
  auto block = server::render_insertion(pack, language, template_id, variables, render, text, at);
  if (!block) {
    std::cerr << "mend insert: unknown template '" << template_id << "' (see mend templates)\n";
    return kExitUsage;
  }
  std::string updated = text.substr(0, at) + *block + text.substr(at);
  server::WriteOutcome outcome = server::write_note_atomically(note, updated, original);
  if (!outcome.ok) {
    std::cerr << "mend insert: " << outcome.error << "\n";
    return kExitFailed;
  }
  std::cout << "mend insert: " << template_id << " → " << note_arg << "\n";
  return kExitOk;
}

} // namespace mend::cli
