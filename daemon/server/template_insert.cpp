// Rendering a template for insertion at a point of a note.
#include "daemon/server/template_insert.h"

namespace mend::server {

std::string_view line_ending_of(std::string_view note) {
  std::size_t nl = note.find('\n');
  return (nl != std::string_view::npos && nl > 0 && note[nl - 1] == '\r') ? "\r\n" : "\n";
}

std::optional<std::string> render_insertion(const engine::Pack& pack, const std::string& language,
                                            const std::string& template_id,
                                            const engine::TemplateVariables& vars,
                                            const engine::RenderOptions& options,
                                            std::string_view note, std::size_t at) {
  const engine::LanguagePack* lang = pack.language(language);
  if (!lang) lang = &pack.primary();
  std::string body;
  if (template_id == "log") {
    body = engine::render_log_entry(*lang, vars, options.snippet);
  } else if (const engine::StepSpec* step = lang->step(template_id)) {
    body = engine::render_step(*step, *lang, vars, options);
  } else if (const engine::QuestionSpec* q = lang->question(template_id)) {
    const engine::StepSpec* owner = lang->step(q->step);
    engine::RenderOptions only = options;
    only.step_heading = false;
    body = engine::render_step(*owner, *lang, vars, only, {q->id});
  } else {
    return std::nullopt;
  }
  // Blank lines around the block, unless the note already has them there.
  at = std::min(at, note.size());
  std::string before, after;
  std::string_view head = note.substr(0, at);
  if (!head.empty() && !head.ends_with("\n"))
    before = "\n\n";
  else if (!head.empty() && !head.ends_with("\n\n") && !head.ends_with("\r\n\r\n") &&
           template_id != "log")
    before = "\n";
  std::string_view tail = note.substr(at);
  if (!tail.empty() && !tail.starts_with("\n") && !tail.starts_with("\r\n") && template_id != "log")
    after = "\n";
  std::string out = before + body + after;
  std::string_view eol = line_ending_of(note);
  if (eol == "\r\n") {
    std::string converted;
    for (char c : out) {
      if (c == '\n')
        converted += "\r\n";
      else
        converted += c;
    }
    out = converted;
  }
  return out;
}

} // namespace mend::server
