// Template rendering: variables, markers, guidance, placeholders, snippets.
#include "daemon/engine/render.h"

#include "daemon/engine/normalize.h"
#include "daemon/engine/unicode.h"

#include <algorithm>
#include <cctype>

namespace mend::engine {
namespace {

// Escapes what LSP snippet syntax treats as special in plain text.
std::string snippet_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '$' || c == '}' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The set a setting names. People write pronouns as "he/him", "She", "il / lui" or in the
// other language's words, so each part of the setting is tried, first as a set's name, then
// as one of its aliases, then as one of its words; nothing recognised → the pack's default.
const PronounSet* named_set(const LanguagePack& pack, std::string_view part) {
  if (auto it = pack.pronouns.find(std::string(part)); it != pack.pronouns.end())
    return &it->second;
  for (const auto& [name, aliases] : pack.pronoun_aliases)
    if (std::find(aliases.begin(), aliases.end(), part) != aliases.end())
      if (auto it = pack.pronouns.find(name); it != pack.pronouns.end()) return &it->second;
  for (const auto& [name, set] : pack.pronouns)
    for (const auto& [variable, word] : set)
      if (!word.empty() && word == part) return &set;
  return nullptr;
}

const PronounSet* pronoun_set(const LanguagePack& pack, std::string_view setting) {
  if (const PronounSet* set = named_pronoun_set(pack, setting)) return set;
  auto it = pack.pronouns.find(pack.default_pronouns);
  if (it != pack.pronouns.end()) return &it->second;
  return pack.pronouns.empty() ? nullptr : &pack.pronouns.begin()->second;
}

} // namespace

const PronounSet* named_pronoun_set(const LanguagePack& pack, std::string_view setting) {
  std::string folded = fold_case(setting);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find_first_of("/,;| \t", start);
    if (end == std::string::npos) end = folded.size();
    if (end > start)
      if (const PronounSet* set =
              named_set(pack, std::string_view(folded).substr(start, end - start)))
        return set;
    start = end + 1;
  }
  return nullptr;
}

std::string render_text(std::string_view text, const LanguagePack& pack,
                        const TemplateVariables& vars) {
  const PronounSet* set = pronoun_set(pack, vars.pronouns);
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') {
      out += text[i];
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string_view::npos || close - i > 32) {
      out += text[i];
      continue;
    }
    std::string key(text.substr(i + 1, close - i - 1));
    bool upper = !key.empty() && key[0] >= 'A' && key[0] <= 'Z';
    std::string lower = key;
    if (upper) lower[0] = static_cast<char>(lower[0] + 32);
    std::string value;
    bool known = true;
    if (lower == "name") {
      value = vars.name.empty() ? pack.ex_default_name : vars.name;
    } else if (lower == "date") {
      value = vars.date;
    } else if (set && set->count(lower)) {
      value = set->at(lower);
    } else {
      known = false;
    }
    if (!known) {
      out.append(text.substr(i, close - i + 1));
    } else {
      // The name comes from the person's settings, possibly typed decomposed: the note gets
      // the NFC form every other tool shows the same way.
      out += upper ? upper_first(value) : to_nfc(value);
    }
    i = close;
  }
  return out;
}

std::string render_step(const StepSpec& step, const LanguagePack& pack,
                        const TemplateVariables& vars, const RenderOptions& options,
                        const std::vector<std::string>& only) {
  auto text = [&](std::string_view s) {
    std::string r = render_text(s, pack, vars);
    return options.snippet ? snippet_escape(r) : r;
  };
  int level = std::clamp(options.heading_level, 1, 5);
  std::string out;
  if (options.step_heading) {
    out += std::string(static_cast<std::size_t>(level), '#') + " " + text(step.title) + "\n";
    if (options.markers) out += "<!-- mend:step " + step.id + " -->\n";
    if (options.guidance && !step.intro.empty()) {
      out += "\n";
      std::string intro = text(step.intro);
      std::size_t start = 0;
      while (start <= intro.size()) {
        std::size_t nl = intro.find('\n', start);
        std::string_view line = std::string_view(intro).substr(
            start, nl == std::string::npos ? std::string::npos : nl - start);
        out += line.empty() ? ">\n" : "> " + std::string(line) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
    }
  }
  int stop = 1;
  for (const auto& q : step.questions) {
    if (!only.empty() && std::find(only.begin(), only.end(), q.id) == only.end()) continue;
    if (!out.empty()) out += "\n";
    out += std::string(static_cast<std::size_t>(level + 1), '#') + " " + text(q.text) + "\n";
    if (options.markers) out += "<!-- mend:q " + q.id + " -->\n";
    if (options.guidance && !q.guidance.empty()) out += "> " + text(q.guidance) + "\n";
    out += "\n";
    if (q.log) {
      out += "- " + vars.date + " — ";
      out += options.snippet
                 ? "${" + std::to_string(stop++) + ":" + snippet_escape(pack.placeholder) + "}"
                 : pack.placeholder;
      out += "\n";
    } else if (options.snippet) {
      out += "${" + std::to_string(stop++) + ":" + snippet_escape(pack.placeholder) + "}\n";
    } else {
      out += pack.placeholder + "\n";
    }
  }
  if (options.snippet) out += "$0";
  return out;
}

std::string render_log_entry(const LanguagePack& pack, const TemplateVariables& vars,
                             bool snippet) {
  std::string out = "- " + vars.date + " — ";
  out += snippet ? "${1:" + snippet_escape(pack.placeholder) + "}" : pack.placeholder;
  return out + "\n";
}

} // namespace mend::engine
