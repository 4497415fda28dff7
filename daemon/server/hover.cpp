// Hover on a question line (guidance and state) or a step heading (intro, progress, requires).
#include "daemon/server/hover.h"

#include "daemon/engine/render.h"

namespace mend::server {

std::optional<protocol::Hover> hover(const NoteContext& note, const protocol::Position& position,
                                     bool markdown) {
  auto bold = [&](const std::string& s) { return markdown ? "**" + s + "**" : s; };
  auto code = [&](const std::string& s) { return markdown ? "`" + s + "`" : s; };
  const char* kind = markdown ? protocol::MarkupKind::Markdown : protocol::MarkupKind::PlainText;
  std::size_t cursor = note.offset(position);
  int line = static_cast<int>(note.doc.lines.line_of(cursor));
  const engine::LanguagePack& lang = note.lang();
  for (const auto& h : note.doc.analysis.steps) {
    if (static_cast<int>(note.doc.lines.line_of(h.start)) != line) continue;
    const engine::StepSpec* step = lang.step(h.id);
    if (!step) continue;
    std::string value = bold(note.step_title(h.id)) + "\n\n";
    if (!step->intro.empty()) value += engine::render_text(step->intro, lang, note.vars()) + "\n\n";
    if (const engine::StepProgress* p = note.progress(h.id))
      value += "Progress: " + std::to_string(p->answered) + "/" + std::to_string(p->total) +
               " answered over the folder" + (p->done ? " (done)" : "") + "\n\n";
    if (!step->requires_.empty()) {
      value += "Requires: ";
      for (std::size_t i = 0; i < step->requires_.size(); ++i) {
        const engine::StepProgress* r = note.progress(step->requires_[i]);
        value += (i ? ", " : "") + note.step_title(step->requires_[i]) +
                 (r && r->done ? " ✓" : " (not done)");
      }
      value += "\n";
    } else {
      value += "Requires: nothing\n";
    }
    return protocol::Hover{{kind, value}, note.range(h.start, h.end)};
  }
  for (const auto& q : note.doc.analysis.questions) {
    if (q.line != line) continue;
    const engine::QuestionSpec* spec = lang.question(q.id);
    if (!spec) spec = note.ctx.pack.question(q.id);
    if (!spec) continue;
    std::string value = bold(engine::render_text(spec->text, lang, note.vars())) + "\n\n";
    if (!spec->guidance.empty())
      value += engine::render_text(spec->guidance, lang, note.vars()) + "\n\n";
    value += std::string("State: ") + (q.answered ? "answered" : "not answered yet") + " · " +
             code(q.id);
    return protocol::Hover{{kind, value}, note.range(q.start, q.end)};
  }
  return std::nullopt;
}

} // namespace mend::server
