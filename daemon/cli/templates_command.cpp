// `mend templates [DIR]`: the templates a folder sees, and where each comes from.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "daemon/cli/commands.h"
#include "daemon/cli/options.h"
#include "daemon/server/pack_loader.h"
#include "daemon/server/report_json.h"

namespace mend::cli {

namespace fs = std::filesystem;

int templates_command(const Args& args) {
  std::string dir, error, config_file;
  bool json_output = false;
  for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
    if (args[i] == "--json")
      json_output = true;
    else if (args[i].rfind("--config", 0) == 0)
      take_value(args, i, "--config", &config_file, &error);
    else if (!args[i].empty() && args[i][0] == '-')
      error = "unknown option " + args[i];
    else if (dir.empty())
      dir = args[i];
    else
      error = "unexpected argument " + args[i];
  }
  std::error_code ec;
  if (error.empty() && !dir.empty() && !fs::is_directory(dir, ec)) error = dir + ": no such folder";
  if (!error.empty()) {
    std::cerr << "mend templates: " << error << "\n";
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
