// The settings files of a notes folder, and the local date.
#include "daemon/cli/settings.h"

#include <ctime>
#include <iostream>

namespace mend::cli {

namespace fs = std::filesystem;

std::optional<server::Config> folder_config(const fs::path* folder, const std::string& config_file,
                                            std::string* error) {
  server::Config config;
  std::vector<std::string> warnings;
  auto report_warnings = [&warnings] {
    for (const auto& w : warnings)
      std::cerr << "mend: warning: " << w << "\n";
    warnings.clear();
  };
  if (folder) {
    for (const char* name : {"config.yaml", "config.yml", "config.json"}) {
      fs::path candidate = *folder / ".mend" / name;
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) {
        auto loaded = server::load_config_file(candidate, config, error, &warnings);
        report_warnings();
        if (!loaded) return std::nullopt;
        config = *loaded;
        break;
      }
    }
  }
  if (!config_file.empty()) {
    auto loaded = server::load_config_file(config_file, config, error, &warnings);
    report_warnings();
    if (!loaded) return std::nullopt;
    config = *loaded;
  }
  return config;
}

fs::path notes_folder_of(const fs::path& note) {
  const fs::path own = note.parent_path().empty() ? fs::path(".") : note.parent_path();
  std::error_code ec;
  fs::path folder = fs::absolute(own, ec);
  if (ec) return own;
  for (folder = folder.lexically_normal(); !folder.empty(); folder = folder.parent_path()) {
    if (fs::is_directory(folder / ".mend", ec)) {
      // Named as the note was (relative stays relative) when that folder is the note's own.
      return fs::equivalent(folder, own, ec) ? own : folder;
    }
    if (folder == folder.parent_path()) break;
  }
  return own;
}

engine::Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return engine::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace mend::cli
