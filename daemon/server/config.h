// mend's settings, from a config file, LSP initializationOptions / workspace/configuration,
// or command-line flags: the ex's name and pronouns, the language, markers, extra template
// folders, and a `today` override for tests.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "daemon/engine/dates.h"

namespace mend::server {

struct Config {
  std::string ex_name;
  std::string pronouns; // "he", "she", "they" (a pack's set name); "" = the pack's default
  std::string language; // "" = detect per note
  bool markers = true;
  // The topic gate (engine/note_analysis.h): off for a folder that holds nothing but the
  // reflection, where even a note that never names the ex is about them.
  bool topic_gate = true;
  std::optional<engine::Date> today;
  std::vector<std::string> template_dirs;
};

// Reads the keys it knows and reports the rest as problems (never throws). Accepts nested
// {"ex": {"name", "pronouns"}} and flat "exName"/"ex_name"/"pronouns" spellings, and a
// top-level {"mend": {...}} wrapper as VS Code sends settings.
Config apply_config(const nlohmann::json& settings, Config base,
                    std::vector<std::string>* problems);

// A config file: JSON, or the YAML subset of template packs (key: value, nested maps).
std::optional<Config> load_config_file(const std::filesystem::path& file, Config base,
                                       std::string* error);

} // namespace mend::server
