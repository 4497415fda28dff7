// The outline of a note read line by line, without the grammar: the fallback for a note (or a
// part of one) that took tree-sitter longer than its budget (parse_budget.h).
//
// Why a second reader: tree-sitter's Markdown scanners are super-linear on some inputs (growing
// backtick or emphasis runs, deep nesting), so a hostile note could stall mend. This pass looks
// at each line once (linear time, no recursion) and recognises what matters for questions and
// answers: ATX and setext headings, list items (bullets, numbers, task boxes) with their
// nesting by indentation, block quotes (one level), fenced and indented code, HTML blocks
// (mend's marker comments among them), front matter, thematic breaks, and paragraphs. It is
// simpler than CommonMark (no lazy continuation rules beyond paragraphs, no tables, quotes are
// never nested), so an honest note is always read by the grammar; this only keeps a hostile one
// readable. It only reads: the text is never changed.
#pragma once

#include <string_view>

#include "daemon/engine/markdown.h"

namespace mend::engine {

// The outline of `text`, its offsets into `text`, `line_level` set.
Outline line_outline(std::string_view text);

} // namespace mend::engine
