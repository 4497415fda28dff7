// A mark after each question line: answered or not yet.
#include "daemon/server/inlay_hints.h"

namespace mend::server {

std::vector<protocol::InlayHint> inlay_hints(const NoteContext& note,
                                             const protocol::Range& range) {
  std::vector<protocol::InlayHint> out;
  for (const auto& q : note.doc.analysis.questions) {
    if (q.line < range.start.line || q.line > range.end.line) continue;
    protocol::InlayHint hint;
    hint.position = note.position(note.doc.lines.line_end(static_cast<std::size_t>(q.line)));
    hint.label = q.answered ? "✓" : "…";
    hint.paddingLeft = true;
    out.push_back(std::move(hint));
  }
  return out;
}

} // namespace mend::server
