// Settings from JSON or YAML files (yaml.h) and LSP options.
#include "daemon/server/config.h"

#include <fstream>
#include <sstream>

#include "daemon/engine/yaml.h"

namespace mend::server {

using nlohmann::json;

namespace {

// A language as people write it: "fr", "FR", "fr-CA", "en_GB", "French", "français" → the
// pack's code ("fr"). Anything else is kept (lower case) for the pack loader to judge.
std::string language_code(std::string value) {
  for (auto& ch : value)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  const auto is_letter = [](char ch) { return ch >= 'a' && ch <= 'z'; };
  if (value.size() > 2 && is_letter(value[0]) && is_letter(value[1]) &&
      (value[2] == '-' || value[2] == '_'))
    return value.substr(0, 2);
  if (value == "english" || value == "anglais") return "en";
  if (value == "french" ||
      value == "fran\xc3\xa7"
               "ais" ||
      value == "francais")
    return "fr";
  return value;
}

} // namespace

Config apply_config(const json& input, Config config, std::vector<std::string>* problems,
                    std::vector<std::string>* unknown) {
  const json* settings = &input;
  if (input.is_object() && input.contains("mend") && input["mend"].is_object())
    settings = &input["mend"];
  if (!settings->is_object()) return config;
  auto problem = [&](const std::string& message) {
    if (problems) problems->push_back(message);
  };
  auto string_of = [&](const json& value, const std::string& key, std::string& into) {
    if (value.is_string()) {
      into = value.get<std::string>();
    } else if (!value.is_null()) {
      problem("setting '" + key + "' must be a string");
    }
  };
  for (const auto& [key, value] : settings->items()) {
    if (key == "ex" && value.is_object()) {
      if (value.contains("name")) string_of(value["name"], "ex.name", config.ex_name);
      if (value.contains("pronouns")) string_of(value["pronouns"], "ex.pronouns", config.pronouns);
    } else if (key == "ex" || key == "exName" || key == "ex_name" || key == "ex.name" ||
               key == "name") {
      // `ex: Alex` is how a person writes the name when the ex has nothing else to set.
      string_of(value, key, config.ex_name);
    } else if (key == "pronouns" || key == "ex.pronouns" || key == "ex_pronouns" ||
               key == "exPronouns") {
      string_of(value, key, config.pronouns);
    } else if (key == "language" || key == "lang") {
      string_of(value, key, config.language);
      config.language = language_code(config.language);
      if (config.language == "auto") config.language.clear();
    } else if (key == "markers") {
      if (value.is_boolean())
        config.markers = value.get<bool>();
      else
        problem("setting 'markers' must be true or false");
    } else if (key == "topic_gate" || key == "topicGate") {
      if (value.is_boolean())
        config.topic_gate = value.get<bool>();
      else
        problem("setting '" + key + "' must be true or false");
    } else if (key == "today") {
      if (value.is_null()) {
        config.today.reset();
      } else if (auto d = value.is_string() ? engine::parse_iso_date(value.get<std::string>())
                                            : std::nullopt) {
        config.today = d;
      } else {
        problem("setting 'today' must be a date written YYYY-MM-DD");
      }
    } else if (key == "templates" || key == "templateDirs" || key == "template_dirs") {
      if (value.is_string()) {
        config.template_dirs.push_back(value.get<std::string>());
      } else if (value.is_array()) {
        for (const auto& d : value)
          if (d.is_string()) config.template_dirs.push_back(d.get<std::string>());
      } else {
        problem("setting 'templates' must be a folder or a list of folders");
      }
    } else if (key == "trace" || key == "path") {
      // Client-side settings (mend.trace.server, mend.path): not the server's business.
    } else if (unknown) {
      unknown->push_back("unknown setting '" + key + "' (ignored)");
    } else {
      problem("unknown setting '" + key + "'");
    }
  }
  return config;
}

std::optional<Config> load_config_file(const std::filesystem::path& file, Config base,
                                       std::string* error, std::vector<std::string>* warnings) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot read config file " + file.string();
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  json settings;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    settings = json::parse(text, nullptr, false);
    if (settings.is_discarded()) {
      if (error) *error = "config file " + file.string() + " is not valid JSON";
      return std::nullopt;
    }
  } else {
    engine::YamlResult yaml = engine::parse_yaml(text);
    if (!yaml.errors.empty()) {
      if (error)
        *error = "config file " + file.string() + ":" +
                 std::to_string(yaml.errors.front().line + 1) + ": " + yaml.errors.front().message;
      return std::nullopt;
    }
    settings = yaml.value;
  }
  std::vector<std::string> problems, unknown;
  Config config = apply_config(settings, std::move(base), &problems, &unknown);
  if (warnings)
    for (const auto& w : unknown)
      warnings->push_back("config file " + file.string() + ": " + w);
  if (!problems.empty()) {
    if (error) *error = "config file " + file.string() + ": " + problems.front();
    return std::nullopt;
  }
  return config;
}

} // namespace mend::server
