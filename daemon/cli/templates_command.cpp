// `mend templates [DIR]`: the templates a folder sees, and where each comes from.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "daemon/cli/commands.h"
#include "daemon/cli/settings.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/report_json.h"

namespace mend::cli {

namespace fs = std::filesystem;

CommandLine templates_command_line() {
  CommandLine command("templates", "[DIR]", {"DIR"}, 0,
                      "Lists the templates DIR sees (the built-in pack without it): id, language, "
                      "questions, title\nand the file each comes from.");
  command.options.add_options()("json", "Prints the list as JSON, with each template's questions.");
  add_config_option(command.options,
                    "Reads settings from FILE, over the folder's .mend/config.yaml.");
  return command;
}

int templates_command(const ParsedArgs& args) {
  const std::string dir = args.operand(0), config_file = args.get<std::string>("config", "");
  const bool json_output = args.has("json");
  std::string error;
  std::error_code ec;
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    std::cerr << "mend templates: " << dir << ": no such folder\n";
    return kExitUsage;
  }
  fs::path root(dir);
  auto config = folder_config(dir.empty() ? nullptr : &root, config_file, &error);
  if (!config) {
    std::cerr << "mend templates: " << error << "\n";
    return kExitUsage;
  }
  std::vector<engine::PackProblem> problems;
  engine::Pack pack =
      server::load_pack(dir.empty() ? nullptr : &root, config->template_dirs, &problems);
  for (const auto& p : problems)
    std::cerr << "mend templates: warning: " << p.source
              << (p.line >= 0 ? ":" + std::to_string(p.line + 1) : "") << ": " << p.message << "\n";
  engine::TemplateVariables vars{config->ex_name, config->pronouns, ""};
  nlohmann::json list = server::templates_json(pack, vars);
  if (json_output) {
    std::cout << list.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& t : list) {
    std::string id = t["id"].get<std::string>();
    std::printf("%-10s %-3s %2zu questions  %-45s %s\n", id.c_str(),
                t["language"].get<std::string>().c_str(), t["questions"].size(),
                t["title"].get<std::string>().c_str(), t["source"].get<std::string>().c_str());
  }
  return kExitOk;
}

} // namespace mend::cli
