// What counts as an answer (catalogue.md), and the facts the article's rules read from one.
//
// The caller hands over the lines that belong to a question, with Markdown containers already
// removed; this file drops what is not an answer (placeholders, TODO notes, bare labels,
// punctuation), then reads nil replies, own-fault-only answers, 100% self-blame, a clear yes
// and dated log entries, using the phrase lists of every language in the pack.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/dates.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/question_matcher.h"

namespace mend::engine {

struct AnswerLine {
  std::string text;    // one line, containers and list/task markers removed
  int line = 0;        // 0-based line in the note
  bool quoted = false; // inside a block quote (someone else's words)
};

// Phrase lists of every language, split into folded words once.
class PhraseBook {
public:
  explicit PhraseBook(const Pack& pack);
  using Phrase = std::vector<std::string>;
  std::vector<Phrase> nil_replies, fillers, todo_words, labels, own_fault_cues, self_blame,
      negations, clear_yes, hedges, shared_words;
  std::vector<std::string> placeholders; // folded, emphasis and brackets removed
};

// Removes a line's Markdown containers: indentation, "> " quote markers, list markers,
// task boxes and heading marks. Sets *quoted when a quote marker was removed.
std::string_view strip_line_markup(std::string_view line, bool* quoted);

// Keeps only the lines that hold genuine text ("Label:" alone, "A:" prefixes, placeholders,
// TODO notes and punctuation-only lines are removed).
std::vector<AnswerLine> clean_answer(const std::vector<AnswerLine>& raw, const PhraseBook& phrases);

struct AnswerFacts {
  bool answered = false;
  bool nil = false;
  bool own_fault_only = false;
  int self_blame_line = -1;
  bool clear_yes = false;
};

AnswerFacts judge_answer(const std::vector<AnswerLine>& cleaned, const QuestionSpec& question,
                         const PhraseBook& phrases, const QuestionMatcher& matcher);

struct DatedEntry {
  Date date; // year 0 when the entry did not write one
  int line = 0;
};

// Dated entries of a log answer: a date at the start of a line (after list markers) or in a
// heading; a line without one takes `note_date` when the note is a daily note.
std::vector<DatedEntry> log_entries(const std::vector<AnswerLine>& cleaned, const DateNames& names,
                                    const Date* note_date);

} // namespace mend::engine
