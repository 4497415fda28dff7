// Decides, without tree-sitter's block parse, that a note cannot hold a step heading or a
// question, so that its analysis can be built without parsing it.
//
// Why: `mend scan` and the daemons' cold index are bounded by the block parse, and most journal
// notes hold no reflection question. A wrong "skip" would silently lose a person's question, so
// the test is conservative by construction: it never asks "is this line a question?" the way
// analysis does (that needs the block structure), only "could any reading of this line be a
// candidate that matches?". Every line is read in every way a block could start on it:
//
//  - after every prefix of container markup (indentation, '>', list markers "-", "*", "+",
//    "1." and "1)", task boxes "[ ]"/"[x]"), each one optional, so the candidate text that
//    analysis would take (the text after the block's own markers) is always one of the views;
//  - after an ATX '#' run (a heading's text, which keeps a leading "1." of its own);
//  - for each view: the whole line, the strong-emphasis prefix, the cut after the first '?' or
//    '？', the text after a "Q:"-like prefix, each through inline_text() exactly as analysis
//    reads it, then through QuestionMatcher::could_match() (best() with the section bonus for
//    every question at the lowest threshold);
//  - views are tried only when some candidate form allows them (a superset of each form's own
//    condition: a heading, a bold start, a '?', a ':' at the end, a 'Q' start).
//
// What cannot be read line by line makes the note parsed: markers and HTML ("<!--", "mend:"),
// a line that could underline a setext heading (multi-line heading text), line breaks that
// tree-sitter might read differently from us (a lone '\r', NUL bytes), and lines so nested that
// their views would explode.
//
// Keep in step with Analyzer::analyse(): a new candidate form there needs its view here; the
// differential test (tests/unit/engine/question_prefilter_test.cpp) checks the two agree on
// every fixture note.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "daemon/engine/question_matcher.h"

namespace mend::engine {

// Why a note must be parsed (None: it cannot hold any step heading or question).
enum class ParseReason {
  None,
  Marker,          // "<!--" or "mend:": marker comments, HTML blocks
  OddText,         // a lone '\r' or a NUL byte
  SetextUnderline, // a line of '-' or '=' right after a non-blank line
  Nesting,         // too many container markers on one line to read every view
  Candidate,       // some view of some line could match a question or a step
};

struct PrefilterVerdict {
  ParseReason reason = ParseReason::None;
  // 0-based line that decided it (-1 for the whole text). Heading and '?' lines are read
  // first, so it is not always the first line that would decide.
  int line = -1;
  bool skip() const { return reason == ParseReason::None; }
};

// Pure; safe to call from many threads with the same matcher.
// `whole_note`: `text` is a whole note; false for a part of one
// (Analyzer::analyse_skipping_sections), whose lines may sit in a section opened before it.
// The note's topic is not read: a note with no sign of it holds questions only when it poses
// three of one step in order (poses_a_step_in_order), and one line that could match is as
// needed there as in a note on the topic (the article's order places lines around it, and a
// step section's terse items sit under its title), so the verdict is the same either way.
PrefilterVerdict prefilter_note(std::string_view text, const QuestionMatcher& matcher,
                                bool whole_note = true);

// What the reading found on each line of a whole note (0-based, one entry per line), kept for
// the regions of a note the prefilter could not skip (Analyzer::analyse_in_regions), so that no
// line is read twice. `Candidate`: some view of the line could match on its own (a terse item or
// a line placed by the article's order is never counted: in a whole note, each needs such a
// line too), or the line is too nested to read.
enum class LineRead : std::uint8_t { Unread, Nothing, Candidate };
// The prefilter of a whole note as above, recording in `reads` (resized to the note's lines)
// what it read on each line before its verdict.
PrefilterVerdict prefilter_note(std::string_view text, const QuestionMatcher& matcher,
                                std::vector<LineRead>& reads);
// Reads every line of `text` still Unread in `reads` (as filled above), the prefilter's likely
// candidates first (headings and '?' lines), each pass in order, and calls
// `found(line, offset)` for each new Candidate line (`offset`: its first byte); stops, and
// returns false, when `found` returns false. `end_line` (optional, read before each line):
// the lines from *end_line on are left Unread.
bool read_remaining_lines(std::string_view text, const QuestionMatcher& matcher,
                          std::vector<LineRead>& reads,
                          const std::function<bool(int, std::size_t)>& found,
                          const int* end_line = nullptr);

const char* to_string(ParseReason reason);

} // namespace mend::engine
