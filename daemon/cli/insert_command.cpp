// `mend insert TEMPLATE NOTE`: renders a template into a note on disk, atomically.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/commands.h"
#include "daemon/cli/options.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/template_insert.h"

namespace mend::cli {

namespace fs = std::filesystem;

int insert_command(const Args& args) {
  std::string template_id, note_arg, config_file, line_text, error, today_text, language;
  std::vector<std::string> vars;
  bool no_markers = false;
  for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
    const std::string& a = args[i];
    std::string value;
    if (a.rfind("--line", 0) == 0) {
      take_value(args, i, "--line", &line_text, &error);
    } else if (a.rfind("--var", 0) == 0) {
      if (take_value(args, i, "--var", &value, &error)) vars.push_back(value);
    } else if (a.rfind("--config", 0) == 0) {
      take_value(args, i, "--config", &config_file, &error);
    } else if (a.rfind("--today", 0) == 0) {
      take_value(args, i, "--today", &today_text, &error);
    } else if (a.rfind("--language", 0) == 0) {
      take_value(args, i, "--language", &language, &error);
    } else if (a == "--no-markers") {
      no_markers = true;
    } else if (!a.empty() && a[0] == '-') {
      error = "unknown option " + a;
    } else if (template_id.empty()) {
      template_id = a;
    } else if (note_arg.empty()) {
      note_arg = a;
    } else {
      error = "unexpected argument " + a;
    }
  }
  if (error.empty() && (template_id.empty() || note_arg.empty()))
    error = "usage: mend insert TEMPLATE NOTE [--line N] [--var name=value]...";
  if (!error.empty()) {
    std::cerr << "mend insert: " << error << "\n";
    return kExitUsage;
  }
  fs::path note(note_arg);
  fs::path folder = note.parent_path().empty() ? fs::path(".") : note.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    std::cerr << "mend insert: " << folder.string() << ": no such folder\n";
    return kExitUsage;
  }
  server::remove_stale_temporaries(folder);
  const fs::path root = notes_folder_of(note);
  auto config = folder_config(&root, config_file, &error);
  if (!config) {
    std::cerr << "mend insert: " << error << "\n";
    return kExitUsage;
  }
  engine::TemplateVariables variables;
  variables.name = config->ex_name;
  variables.pronouns = config->pronouns;
  engine::Date today = config->today ? *config->today : today_local();
  if (!today_text.empty()) {
    auto d = engine::parse_iso_date(today_text);
    if (!d) {
      std::cerr << "mend insert: --today must be YYYY-MM-DD\n";
      return kExitUsage;
    }
    today = *d;
  }
  variables.date = engine::format_iso(today);
  for (const auto& v : vars) {
    auto eq = v.find('=');
    std::string key = v.substr(0, eq), value = eq == std::string::npos ? "" : v.substr(eq + 1);
    if (eq == std::string::npos) {
      std::cerr << "mend insert: --var needs name=value, not '" << v << "'\n";
      return kExitUsage;
    }
    if (key == "name" || key == "ex" || key == "ex.name")
      variables.name = value;
    else if (key == "pronouns" || key == "ex.pronouns")
      variables.pronouns = value;
    else if (key == "date")
      variables.date = value;
    else {
      std::cerr << "mend insert: unknown variable '" << key << "' (known: name, pronouns, date)\n";
      return kExitUsage;
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
  if (!line_text.empty()) {
    long line = 0;
    try {
      line = std::stol(line_text);
    } catch (...) {
      line = 0;
    }
    engine::LineIndex index(text);
    if (line < 1) {
      std::cerr << "mend insert: --line must be a line number from 1\n";
      return kExitUsage;
    }
    at = static_cast<std::size_t>(line) - 1 >= index.line_count()
             ? text.size()
             : index.line_start(static_cast<std::size_t>(line) - 1);
  }
  engine::RenderOptions render;
  render.markers = config->markers && !no_markers;
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
