// Answering a question in place: where a person's answer goes in a note, and the exact bytes
// that go there, for every form of question the engine recognises (headings, bold leads, list
// and label items, tasks, "Q:" lines, plain lines, marker-only questions).
//
// Why a plan and not a write: the caller (mend serve's mend/answer) owns the base_hash check and
// the atomic write, exactly as mend/insertTemplate does. The plan only ever inserts: every byte
// of the note stays where it was, so the result is the old note with one run of new bytes.
// It is checked before it is offered: the note with the answer inserted is analysed again, and
// the plan is refused unless the engine reads the new text as this question's answer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "daemon/engine/note_analysis.h"

namespace mend::server {

struct AnswerPlan {
  bool ok = false;
  std::string error;     // a sentence for the person when !ok
  std::size_t at = 0;    // byte offset of the insertion
  std::string bytes;     // what is inserted there
  bool answered = false; // the engine reads the question as answered afterwards
  int line = 0;          // 0-based line where the answer's first line lands
};

// `answer`: what the person typed (any line endings; written with the note's own). Leading and
// trailing blank lines are dropped; an answer with no text is refused.
AnswerPlan plan_answer(const engine::Analyzer& analyzer, std::string_view note,
                       std::string_view path, const std::string& question_id,
                       std::string_view answer);

} // namespace mend::server
