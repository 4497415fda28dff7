// The person's corrections to what mend read, and the explanation that leads to them (issue 12).
//
// A correction is a marker comment on its own line just after the line it decides:
// `<!-- mend:q id -->` ("this line is that question"), `<!-- mend:ignore -->` ("no reflection
// question here") and `<!-- mend:step id -->` ("this title opens that step's section"). It is
// stored in the note itself, so it travels with it and every face of mend (scan, lsp, serve,
// the cache) reads the same; it never changes a word the person wrote, and undoing it is
// deleting the comment. Pure functions of a NoteContext: the server never writes a note, the
// editor applies these edits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/server/workspace.h"
#include "protocol/lsp_basic.h"

namespace mend::server {

// What mend can read on one line of a note: a candidate line (a heading, a list item, a label…)
// and what became of it.
struct LineCandidate {
  engine::Candidate candidate;
  int line = 0;
  bool in_quote = false;
  bool can_title = false; // a heading or title-like line that may open a step section
  const engine::QuestionOccurrence* question = nullptr; // the question it is read as
  const engine::StepHeading* section_title = nullptr;   // the section it opens
  const engine::MarkerNote* marker = nullptr;           // the marker that decides it
  std::string section;                                  // the step section it sits in, or ""
  // The questions and steps it could be in its place (its section and the question above it
  // as context), best first.
  std::vector<engine::QuestionMatcher::Match> ranked;
};
// nullopt when mend reads nothing on that line (prose, code, a blank line…).
std::optional<LineCandidate> line_candidate(const NoteContext& note, int line);

// "q why.official", "step why", "ignore": a marker the pack knows, as written after "mend:".
bool valid_marker(const engine::Pack& pack, const std::string& marker);

// Writes `<!-- mend:MARKER -->` just after `line` (past a setext underline), indented so that
// it stays inside the line's list item or quote; a mend marker already there is replaced.
// `candidate`: line_candidate(note, line) when the caller has it (it is not read again).
protocol::TextEdit mark_line_edit(const NoteContext& note, int line, const std::string& marker,
                                  const LineCandidate* candidate = nullptr);

// Whether a marker written by mark_line_edit() would decide `line`. Always for a heading, a
// list item or the first line of a paragraph; a later line of a paragraph is cut from the lines
// above it by the comment, which may change how those are read, so the edit is tried on a copy
// of the note first.
bool marker_would_bind(const NoteContext& note, const LineCandidate& candidate);

// The marker comment on `line` replaced by `<!-- mend:MARKER -->`, or, when `marker` is
// empty, removed (with its line when nothing else is on it). nullopt when no marker is there.
std::optional<protocol::TextEdit> fix_marker_edit(const NoteContext& note, int line,
                                                  const std::string& marker);

// The marker comment on `line`, if any.
const engine::MarkerNote* marker_on_line(const NoteContext& note, int line);

// What a stale marker could say instead, best first: ids of its kind spelled nearly the same
// ("why.officail" → why.official), then, for a question marker, the questions the line above
// matches. At most `limit`.
std::vector<std::string> marker_replacements(const NoteContext& note, const engine::MarkerNote& m,
                                             std::size_t limit = 3);

// Plain sentences on how mend read `line` and how to correct it (mend/explain, hover).
std::vector<std::string> explain_line(const NoteContext& note, int line);

// The question's text rendered for the note ("What were his official reasons…"), shortened
// to `max_chars` (0: whole) with "…".
std::string question_title(const NoteContext& note, const std::string& id,
                           std::size_t max_chars = 0);

} // namespace mend::server
