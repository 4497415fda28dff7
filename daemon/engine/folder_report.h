// The article's rules over a whole notes folder: step progress and suggestions.
//
// Per-note analyses are combined by question id (a step spread over several notes counts
// once): a question is present if any note asks it and answered if any note answers it. Then
// each rule of catalogue.md is judged and attached to the note and line where it applies, so an
// editor or page can show every suggestion where it can be acted on:
//   unanswered, shared-blame, conditional  the question's line (of the note holding it);
//   self-blame                             the line that takes all the blame;
//   log-overdue                            the newest dated entry of the log;
//   order                                  the first answered question of the step started
//                                          too early (path order, then line);
//   missing-step                           where the missing step would be written, the first
//                                          of these that exists:
//     1. a heading of the step itself (the writer made room for it), else one of its questions
//        (present, unanswered): the first in path order, then line;
//     2. after the nearest earlier step, in the pack's order, with a question in the folder:
//        in the note holding that step's last question (path order, then the line of its last
//        answer), the line after that answer (the note's last line at most);
//     3. before the nearest later step with a question: its first question (path order, then
//        line), or that step's heading in the same note when the heading comes first.
// Only when the folder holds no question and no step heading does a suggestion (then only
// missing-step) carry no note: there is nowhere to show it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "daemon/engine/dates.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"

namespace mend::engine {

struct NoteRef {
  std::string path; // relative to the folder, '/' separated
  const NoteAnalysis* analysis = nullptr;
};

struct Suggestion {
  std::string kind; // catalogue kinds: shared-blame, self-blame, order, conditional, log-overdue,
                    // missing-step, unanswered
  std::string step;
  std::optional<std::string> question;
  std::optional<std::string> path; // the note where it applies (see above for each kind)
  int line = -1;                   // 0-based, -1 when no note
  std::string message;
};

struct StepProgress {
  std::string id;
  int answered = 0;
  int total = 0;
  bool started = false;
  bool done = false;
};

struct FolderReport {
  std::vector<StepProgress> steps; // every step of the pack, in order
  std::vector<Suggestion> suggestions;
  int notes = 0;
  int questions = 0;                    // distinct question ids present
  int answered = 0;                     // distinct question ids answered
  std::optional<std::string> next_step; // the first step a `missing-step` names
};

// Rules judged over `notes` (one person's folder). `language` picks the pack's wording of
// messages. Deterministic: suggestions come sorted by step order, then path and line (one with
// no note first).
FolderReport judge_folder(const Pack& pack, const std::vector<NoteRef>& notes, const Date& today,
                          const std::string& language = "en");

// Progress of the steps that one note touches (steps with a question present in it).
std::vector<StepProgress> note_steps(const Pack& pack, const NoteAnalysis& note);

// Suggestions of a folder report that concern one note.
std::vector<Suggestion> suggestions_for(const FolderReport& report, const std::string& path);

} // namespace mend::engine
