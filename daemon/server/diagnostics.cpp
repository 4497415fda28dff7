// Diagnostics from a note's analysis and the folder report.
#include "daemon/server/diagnostics.h"

#include <nlohmann/json.hpp>

#include "daemon/server/explain.h"

namespace mend::server {

namespace {

std::string question_text(const NoteContext& note, const std::string& id) {
  const engine::QuestionSpec* q = note.lang().question(id);
  if (!q) q = note.ctx.pack.question(id);
  return q ? engine::render_text(q->text, note.lang(), note.vars()) : id;
}

protocol::Range line_range(const NoteContext& note, int line) {
  std::size_t count = note.doc.lines.line_count();
  std::size_t l =
      line < 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(line), count ? count - 1 : 0);
  return note.range(note.doc.lines.line_start(l), note.doc.lines.line_end(l));
}

} // namespace

std::vector<protocol::Diagnostic> note_diagnostics(const NoteContext& note) {
  std::vector<protocol::Diagnostic> out;
  const auto& analysis = note.doc.analysis;
  for (const auto& q : analysis.questions) {
    if (q.answered) continue;
    protocol::Diagnostic d;
    d.range = note.range(q.start, q.end);
    d.severity = protocol::DiagnosticSeverity::Hint;
    d.code = "unanswered";
    d.source = "mend";
    d.message = "Unanswered: " + question_text(note, q.id);
    d.data = nlohmann::json{{"step", q.step}, {"question", q.id}};
    out.push_back(std::move(d));
  }
  // A correction that no longer decides anything (an id the pack does not know, nothing
  // above it): said where it is, with its fixes as code actions (corrections.h).
  for (const auto& m : analysis.markers) {
    std::string problem = marker_problem(m);
    if (problem.empty()) continue;
    protocol::Diagnostic d;
    d.range = note.range(m.start, m.end);
    d.severity =
        m.known ? protocol::DiagnosticSeverity::Information : protocol::DiagnosticSeverity::Warning;
    d.code = "stale-marker";
    d.source = "mend";
    d.message = problem;
    d.data = nlohmann::json{{"marker", m.id}};
    out.push_back(std::move(d));
  }
  auto add = [&](const engine::Suggestion& s, protocol::Range range) {
    protocol::Diagnostic d;
    d.range = range;
    d.severity = protocol::DiagnosticSeverity::Information;
    d.code = s.kind;
    d.source = "mend";
    d.message = s.message;
    d.data =
        nlohmann::json{{"step", s.step},
                       {"question", s.question ? nlohmann::json(*s.question) : nlohmann::json()}};
    out.push_back(std::move(d));
  };
  for (const auto& s : engine::suggestions_for(note.report, note.doc.path)) {
    if (s.kind == "unanswered") continue; // the Hint on the question says it already
    add(s, line_range(note, s.line));
  }
  // The next step stays in sight from every note of the reflection: a `missing-step` placed in
  // another note (or nowhere) is also shown on this note's last line. In its own note it sits
  // where the step would be written (above).
  if (!analysis.questions.empty()) {
    int last = static_cast<int>(note.doc.lines.line_count()) - 1;
    for (const auto& s : note.report.suggestions)
      if (!s.path || (s.kind == "missing-step" && *s.path != note.doc.path))
        add(s, line_range(note, last));
  }
  return out;
}

} // namespace mend::server
