// Hover on a question line (guidance and state) or a step heading (intro, progress, requires).
#include "daemon/server/hover.h"

#include "daemon/engine/render.h"
#include "daemon/server/corrections.h"

namespace mend::server {

namespace {

// explain_line()'s sentences after the first (which the hover's title already says), one
// paragraph each. In Markdown a marker comment is shown as code: as HTML it would be hidden.
std::string explanation(const NoteContext& note, int line, bool markdown, std::size_t skip) {
  std::vector<std::string> sentences = explain_line(note, line);
  std::string out;
  for (std::size_t i = skip; i < sentences.size(); ++i) {
    std::string s = sentences[i];
    if (markdown) {
      for (std::size_t at = 0; (at = s.find("<!--", at)) != std::string::npos; at += 5)
        s.insert(at, "`");
      for (std::size_t at = 0; (at = s.find("-->", at)) != std::string::npos; at += 4)
        s.insert(at + 3, "`");
    }
    out += (out.empty() ? "" : "\n\n") + s;
  }
  return out;
}

} // namespace

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
    value += "\n" + explanation(note, line, markdown, 1) + "\n";
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
    if (q.form != engine::QuestionForm::Marker)
      value += "\n\n" + explanation(note, line, markdown, 1);
    return protocol::Hover{{kind, value}, note.range(q.start, q.end)};
  }
  // A correction, or a line a correction made no question: say so, and how to undo it.
  const engine::MarkerNote* marker = marker_on_line(note, line);
  bool ignored = false;
  for (const auto& m : note.doc.analysis.markers)
    if (m.target_line == line && m.kind == engine::MarkerNote::Kind::Ignore) ignored = true;
  if (marker || ignored) {
    std::size_t start = note.doc.lines.line_start(static_cast<std::size_t>(line));
    std::size_t end = note.doc.lines.line_end(static_cast<std::size_t>(line));
    return protocol::Hover{{kind, explanation(note, line, markdown, 0)}, note.range(start, end)};
  }
  return std::nullopt;
}

} // namespace mend::server
