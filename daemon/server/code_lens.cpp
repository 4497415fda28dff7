// A lens on each step heading: progress over the folder and the next step.
#include "daemon/server/code_lens.h"

#include <nlohmann/json.hpp>

namespace mend::server {

std::vector<protocol::CodeLens> code_lenses(const NoteContext& note) {
  std::vector<protocol::CodeLens> out;
  for (const auto& h : note.doc.analysis.steps) {
    const engine::StepProgress* p = note.progress(h.id);
    std::string title;
    if (p && p->total > 0 && p->answered == p->total && note.missing_questions(h.id).empty()) {
      title = "all answered";
    } else {
      title = std::to_string(p ? p->answered : 0) + "/" + std::to_string(p ? p->total : 0) +
              " answered";
      if (note.report.next_step)
        title += " · next: " + note.step_title(*note.report.next_step, true);
    }
    protocol::CodeLens lens;
    lens.range = note.range(h.start, h.end);
    lens.command =
        protocol::Command{title, "mend.insertMissing",
                          std::vector<nlohmann::json>{{{"uri", note.doc.uri}, {"step", h.id}}}};
    out.push_back(std::move(lens));
  }
  return out;
}

} // namespace mend::server
