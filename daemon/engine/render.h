// Renders the pack's templates into Markdown a person can fill in: variables (the ex's name,
// pronouns, today's date), markers, guidance and placeholders; or as an editor snippet with a
// tab stop on each answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/pack.h"

namespace mend::engine {

struct TemplateVariables {
  std::string name;     // the ex's name; "" → the pack's ex_default_name
  std::string pronouns; // a pronoun set of the pack ("he", "she", "they"); "" → its default
  std::string date;     // today, ISO
};

struct RenderOptions {
  bool markers = true;      // <!-- mend:q id --> after each question
  bool snippet = false;     // LSP snippet syntax: ${n:placeholder} tab stops, `$`/`}` escaped
  bool guidance = true;     // a block quote of guidance under each question
  bool step_heading = true; // the step's heading and introduction first
  int heading_level = 2;    // the step heading; questions one level deeper
};

// The pronoun set a setting names ("he/him", "She", "il / lui"), or nullptr when it names none.
const PronounSet* named_pronoun_set(const LanguagePack& pack, std::string_view setting);

// "{Their} reasons" with he → "His reasons". Unknown variables are left as written.
std::string render_text(std::string_view text, const LanguagePack& pack,
                        const TemplateVariables& vars);

// A whole step, or only the listed questions of it (`only` empty = all).
std::string render_step(const StepSpec& step, const LanguagePack& pack,
                        const TemplateVariables& vars, const RenderOptions& options,
                        const std::vector<std::string>& only = {});

// A dated entry for the action log: "- 2026-11-26 — " (+ placeholder).
std::string render_log_entry(const LanguagePack& pack, const TemplateVariables& vars, bool snippet);

} // namespace mend::engine
