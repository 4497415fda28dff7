// A lens per step of the note: progress over the folder and the next step.
#include "daemon/server/code_lens.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

namespace mend::server {

namespace {

protocol::CodeLens step_lens(const NoteContext& note, const std::string& step,
                             protocol::Range range) {
  const engine::StepProgress* p = note.progress(step);
  std::string title;
  if (p && p->total > 0 && p->answered == p->total && note.missing_questions(step).empty()) {
    title = "all answered";
  } else {
    title =
        std::to_string(p ? p->answered : 0) + "/" + std::to_string(p ? p->total : 0) + " answered";
    if (note.report.next_step) title += " · next: " + note.step_title(*note.report.next_step, true);
  }
  protocol::CodeLens lens;
  lens.range = range;
  lens.command =
      protocol::Command{title, "mend.insertMissing",
                        std::vector<nlohmann::json>{{{"uri", note.doc.uri}, {"step", step}}}};
  return lens;
}

} // namespace

std::vector<protocol::CodeLens> code_lenses(const NoteContext& note) {
  const auto& analysis = note.doc.analysis;
  std::vector<std::pair<std::size_t, protocol::CodeLens>> placed; // byte offset, lens
  std::set<std::string> with_heading;
  for (const auto& h : analysis.steps) {
    with_heading.insert(h.id);
    placed.emplace_back(h.start, step_lens(note, h.id, note.range(h.start, h.end)));
  }
  // Questions are in document order, so the first one seen of a step is its first question.
  std::set<std::string> seen;
  for (const auto& q : analysis.questions) {
    if (with_heading.count(q.step) || !seen.insert(q.step).second) continue;
    placed.emplace_back(q.start, step_lens(note, q.step, note.range(q.start, q.end)));
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<protocol::CodeLens> out;
  for (auto& [offset, lens] : placed)
    out.push_back(std::move(lens));
  return out;
}

} // namespace mend::server
