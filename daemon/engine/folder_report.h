// The article's rules over a whole notes folder: step progress and suggestions.
//
// Per-note analyses are combined by question id (a step spread over several notes counts
// once): a question is present if any note asks it and answered if any note answers it. Then
// each rule of catalogue.md is judged and attached to the note and line where it applies.
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
  std::optional<std::string> path; // the note it concerns, if one
  int line = -1;                   // 0-based, -1 when none
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
// messages. Deterministic: suggestions come sorted by step order, then path and line.
FolderReport judge_folder(const Pack& pack, const std::vector<NoteRef>& notes, const Date& today,
                          const std::string& language = "en");

// Progress of the steps that one note touches (steps with a question present in it).
std::vector<StepProgress> note_steps(const Pack& pack, const NoteAnalysis& note);

// Suggestions of a folder report that concern one note.
std::vector<Suggestion> suggestions_for(const FolderReport& report, const std::string& path);

} // namespace mend::engine
