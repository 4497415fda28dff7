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
  // A pack's set name ("he", "elle"), or any way of writing one ("he/him", "She", "il/lui",
  // another language's name): engine/render.h resolves it; "" = the pack's default.
  std::string pronouns;
  std::string language; // "" = detect per note
  bool markers = true;
  // The topic gate (engine/note_analysis.h): off for a folder that holds nothing but the
  // reflection, where even a note that never names the ex is about them.
  bool topic_gate = true;
  std::optional<engine::Date> today;
  std::vector<std::string> template_dirs;
};

// Reads the keys it knows and reports values of the wrong kind as problems (never throws).
// Accepts nested {"ex": {"name", "pronouns"}}, `ex: NAME`, and flat "exName"/"ex_name"/
// "pronouns"/"ex_pronouns" spellings, and a top-level {"mend": {...}} wrapper as VS Code
// sends settings. Unknown keys go to *unknown when given (a file's extra keys are a warning),
// else to *problems.
Config apply_config(const nlohmann::json& settings, Config base, std::vector<std::string>* problems,
                    std::vector<std::string>* unknown = nullptr);

// A config file: JSON or YAML. nullopt (and *error, naming the file and line) when it cannot
// be read or parsed or a known setting has a value of the wrong kind; a key mend does not know
// is ignored and named in *warnings, so a note tool's own keys or a typo never stop a scan.
std::optional<Config> load_config_file(const std::filesystem::path& file, Config base,
                                       std::string* error,
                                       std::vector<std::string>* warnings = nullptr);

} // namespace mend::server
