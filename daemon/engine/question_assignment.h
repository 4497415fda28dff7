// Stages 2 and 3 of recognition (design.md): which candidate lines open a step section, and
// which are which question.
//
// Sections: a heading, a bold or plain title line, or a list item holding nested items, whose
// wording names a step ("My part", "Us", "Why she left", "# What I'll tell her") opens that
// step's section; so does a heading posed without "?" whose own items are that step's
// questions. A note's title (a level-1 heading without "?") is never a question. Sections are
// never questions themselves.
//
// Questions: every other candidate is ranked against the pack's questions with its section and
// the question just above it as context; a line without "?" (a label, a plain item) must match
// more closely than one posed as a question. Then each question id is given to at most one line
// of the note, best pairs first (ties in document order), so near-duplicates go where they fit
// best. Marker comments decide outright.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/pack.h"
#include "daemon/engine/question_candidates.h"
#include "daemon/engine/question_matcher.h"
#include "daemon/engine/text.h"

namespace mend::engine {

enum class MatchedBy { Marker, Text };

struct StepHeading {
  std::string id;
  int line = 0;
  std::size_t start = 0, end = 0;
  int level = 0;
  std::size_t section_end = 0; // bytes: where the step's section ends
  MatchedBy matched_by = MatchedBy::Text;
  std::size_t candidate = 0; // index in Candidates::lines
};

struct RecognisedQuestion {
  std::size_t candidate = 0; // index in Candidates::lines
  std::string id;
  MatchedBy matched_by = MatchedBy::Text;
  double score = 0;
  // Why, for explaining it (note_analysis.h, MatchEvidence): the match that won (its wording,
  // whether it was terse, its context bonus), or `by_order` when the article's order filled
  // the gap it sits in.
  QuestionMatcher::Match match;
  bool by_order = false;
};

// A marker comment and the candidate it decides (none when nothing sits just above it, or its
// id is not the pack's).
struct MarkerBinding {
  Marker marker;
  bool known = true;                    // the id is one of the pack's (ignore: always)
  std::optional<std::size_t> candidate; // index in Candidates::lines
};

struct Recognition {
  std::vector<StepHeading> sections;         // document order
  std::vector<RecognisedQuestion> questions; // document order
  std::vector<Marker> loose_markers;         // question markers bound to no candidate (marker-only)
  std::vector<MarkerBinding> markers;        // every marker comment, document order
};

// A line without "?", heading, bold or "Q:" must match at least this closely (with the bonus
// of its section, if any): lists and short lines in a diary are mostly not questions.
inline constexpr double kLooseThreshold = 0.68;

// "Proof", "preuves": the article's word for what the log holds (the actions that prove the
// change), a line's one word. Built in, both languages: the pack's log wordings ("Log",
// "Journal", "Progress") name any day's note-taking.
bool names_proof(std::string_view plain);
// Does the line say that word among others ("proof log", "Preuves de la semaine")?
bool mentions_proof(std::string_view plain);

// `shift` moves every bar (calibration: AnalysisOptions::threshold_shift). `about_others`
// (per candidate, may be empty): lines asking about someone else, never questions unless a
// marker says so. `dated_note`: the note is a day's (NoteAnalysis::note_date), where the
// article's word for the log alone ("Proof: called her") is that day's entry.
Recognition recognise(std::string_view text, const Outline& outline, const Candidates& candidates,
                      const QuestionMatcher& matcher, const Pack& pack, const LineIndex& lines,
                      double shift = 0, const std::vector<char>& about_others = {},
                      bool dated_note = false);

} // namespace mend::engine
