// Settings from JSON or YAML files (yaml.h) and LSP options.
#include "daemon/server/config.h"

#include <fstream>
#include <sstream>

#include "daemon/engine/normalize.h"
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
  // "English, naturally": the first word names it.
  std::size_t word = 0;
  while (word < value.size() &&
         (is_letter(value[word]) || static_cast<unsigned char>(value[word]) >= 0x80))
    ++word;
  const std::string first = value.substr(0, word);
  if (first == "english" || first == "anglais") return "en";
  if (first == "french" ||
      first == "fran\xc3\xa7"
               "ais" ||
      first == "francais")
    return "fr";
  return value;
}

// The keys apply_config() knows.
bool is_setting(std::string_view key) {
  static const char* const keys[] = {"ex",           "exName",        "ex_name",     "ex.name",
                                     "name",         "pronouns",      "ex.pronouns", "ex_pronouns",
                                     "exPronouns",   "language",      "lang",        "markers",
                                     "topic_gate",   "topicGate",     "today",       "templates",
                                     "templateDirs", "template_dirs", "trace",       "path"};
  for (const char* k : keys)
    if (key == k) return true;
  return false;
}

// The setting a key in the writer's own words names: "pronom", "Pronouns of my ex" →
// "pronouns"; "langue" → "language"; "prenom de mon ex", "Name of ex-husband", "ex-wife" →
// "ex"; "" when it names none of them.
std::string meant_setting(std::string_view written) {
  std::string key(written);
  for (auto& ch : key)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  if (key.find("pronoun") != std::string::npos || key.find("pronom") != std::string::npos)
    return "pronouns";
  if (key.find("lang") != std::string::npos) return "language";
  if (key == "ex" || key.find("name") != std::string::npos ||
      key.find("nom") != std::string::npos || key.starts_with("ex ") || key.starts_with("ex-") ||
      key.starts_with("ex_") || key.ends_with(" ex") || key.find(" ex ") != std::string::npos)
    return "ex";
  return "";
}

// Trimmed of spaces and quotes, in lower case.
std::string lower_trimmed(std::string_view text) {
  std::size_t b = text.find_first_not_of(" \t\r\"'");
  if (b == std::string_view::npos) return "";
  std::size_t e = text.find_last_not_of(" \t\r\"'");
  std::string out(text.substr(b, e - b + 1));
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// A configuration that is not YAML, read the way its writer meant it, line by line: "Name of
// ex-husband: Gerald", "Language - English", "He / him". Only the ex's name, the pronouns and
// the language are taken: the settings a person writes by hand.
json settings_read_leniently(const std::string& text) {
  json out = json::object();
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (std::size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::size_t cut = line.find(':'), width = 1;
    if (cut == std::string::npos) cut = line.find(" - "), width = 3;
    if (cut == std::string::npos) cut = line.find('='), width = 1;
    if (cut == std::string::npos) {
      // A line alone that is a set of pronouns: "He / him", "she/her".
      const std::string bare = lower_trimmed(line);
      for (const char* set : {"he", "she", "they", "il", "elle", "iel"})
        if (bare == set || bare.starts_with(std::string(set) + " /") ||
            bare.starts_with(std::string(set) + "/"))
          out["pronouns"] = bare;
      continue;
    }
    const std::string key = lower_trimmed(std::string_view(line).substr(0, cut));
    std::string value(line.substr(cut + width));
    // Without the quotes, spaces and stray brackets of a YAML attempt ("ex: [Sam").
    const char* const strip = " \t\r\"'[]{}";
    const std::size_t b = value.find_first_not_of(strip);
    value = b == std::string::npos ? "" : value.substr(b, value.find_last_not_of(strip) - b + 1);
    if (key.empty() || value.empty()) continue;
    if (std::string meant = meant_setting(key); !meant.empty()) out[meant] = value;
  }
  return out;
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
  for (const auto& [written_as, value_as_written] : settings->items()) {
    // "language:fr" with no space after the colon is one YAML key with no value: the writer
    // meant the setting and its value.
    std::string written = written_as;
    json value = value_as_written;
    if (std::size_t colon = written.find(':');
        value.is_null() && colon != std::string::npos && colon + 1 < written.size()) {
      value = std::string(engine::trim(std::string_view(written).substr(colon + 1)));
      written = std::string(engine::trim(std::string_view(written).substr(0, colon)));
    }
    // A key in the writer's own words ("prenom de mon ex", "Name of ex-husband") is read as
    // the setting it names, and said so.
    std::string key = written;
    if (!is_setting(written) && value.is_string()) {
      if (std::string meant = meant_setting(written); !meant.empty()) {
        key = meant;
        if (unknown) unknown->push_back("setting '" + written + "' read as '" + meant + "'");
      }
    }
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
    if (yaml.errors.empty()) {
      settings = yaml.value;
    } else {
      // Written by hand, not as YAML: what can be read is read, and the scan goes on.
      settings = settings_read_leniently(text);
      std::string understood;
      for (const auto& item : settings.items())
        understood += (understood.empty() ? "" : ", ") + item.key();
      if (warnings)
        warnings->push_back(
            "config file " + file.string() + ":" + std::to_string(yaml.errors.front().line + 1) +
            ": " + yaml.errors.front().message + ": not YAML, read line by line (" +
            (understood.empty() ? "nothing understood" : "read: " + understood) + ")");
    }
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
