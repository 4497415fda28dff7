// What counts as an answer (catalogue.md), and the facts the article's rules read from one.
//
// The caller hands over the lines that belong to a question, with Markdown containers already
// removed; this file drops what is not an answer (placeholders, TODO notes, bare labels,
// punctuation), then reads nil replies, own-fault-only answers, 100% self-blame, a clear yes
// and dated log entries, using the phrase lists of every language in the pack.
//
// Why clauses: the rules ask *whose* fault an answer names, and whether it names one at all.
// "Nothing, honestly. He was kind to me." is a nil reply (the rest names no fault) while
// "Nothing really, except his temper" is not; "I was jealous of his friends" names only the
// writer's fault although it mentions him. So an answer is cut into clauses (at punctuation and
// at conjunctions such as "and", "but", "because", "et", "mais"), and each clause is read for
// its subject (the first word naming the writer, the ex, or the couple: the one doing what the
// clause says), whether it names a fault, praises, or negates (a negated fault, "he never did
// anything wrong", is no fault). No parser: word lists and word order, tested in
// tests/unit/engine/answer_judge_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/engine/dates.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/question_matcher.h"

namespace mend::engine {

struct AnswerLine {
  std::string text;    // one line, containers and list/task markers removed
  int line = 0;        // 0-based line in the note
  bool quoted = false; // inside a block quote (someone else's words, or a draft of the writer's)
  // For a quoted line: the lines just before and after its quote ("He wrote:", "That is what
  // he wrote to me."), set by clean_answer. Self-blame reads them to tell the ex's words.
  std::string quote_intro, quote_outro;
};

// Phrase lists of every language, split into folded words once. A phrase word ending in '*'
// matches any word it starts ("jealous*" matches "jealousy").
class PhraseBook {
public:
  explicit PhraseBook(const Pack& pack);
  using Phrase = std::vector<std::string>;
  // From the pack's _pack.md files.
  std::vector<Phrase> nil_replies, fillers, todo_words, labels, own_fault_cues, self_blame,
      negations, clear_yes, hedges, shared_words, first_person, second_person;
  // A yes said to be unconditional ("no hesitation", "sans réserve"): what follows it is
  // about something else ("If he says no I'll live").
  std::vector<Phrase> unconditional;
  std::vector<std::string> placeholders; // folded, emphasis and brackets removed
  // Built in, English and French (answer_judge.cpp says why they are not pack keys yet):
  // "except", "à part" (what follows names something); words naming a fault ("lies",
  // "temper", "mensonges") and praise ("kind", "parfait"); the writer's feelings and dislikes
  // ("I felt", "je détestais"), the dislikes among them apart; conjunctions that start a clause,
  // and those of time that make it a circumstance ("when he slept"); conditionals that do not hedge
  // a yes when a conditional main clause goes with them ("I'd go tonight if she called").
  std::vector<Phrase> exceptions, fault_words, praise_words, complaints, dislikes, conjunctions,
      circumstances, conditionals;
  // Every language's hurried spellings ("nuthin" -> "nothing"), but none a list above writes.
  std::unordered_map<std::string, std::vector<std::string>> spellings;
};

// Removes a line's Markdown containers: indentation, "> " quote markers, list markers,
// task boxes and heading marks. Sets *quoted when a quote marker was removed.
std::string_view strip_line_markup(std::string_view line, bool* quoted);

// The words after a voice memo's or a chat export's stamp ("[4:26] Nothing.", "11/11/2026,
// 06:04 - Ana: Nothing."); the text itself when it has none.
std::string_view without_time_stamp(std::string_view text);

// "TODO", "todo: ask Sam": a note to self (the pack's todo_words), never an answer.
bool is_todo_note(std::string_view text, const PhraseBook& phrases);
// A template's placeholder, in any of the pack's spellings ("_your answer_", "[fill in later]").
bool is_placeholder(std::string_view text, const PhraseBook& phrases);

// Keeps only the lines that hold genuine text ("Label:" alone, "A:" prefixes, placeholders,
// TODO notes and punctuation-only lines are removed). With `first_line_decides`, an answer
// whose first written line is the writer's own mark of "not yet" ("...", "??", "TODO: ask
// Ana", "A. TODO") is no answer at all, whatever follows it: the mark holds the answer's
// place, and the lines after it are the writer's other thoughts (the next chat message, a
// remark under a letter's last question). The template's own placeholder is no such mark: a
// person may write under "_your answer_" without deleting it.
std::vector<AnswerLine> clean_answer(const std::vector<AnswerLine>& raw, const PhraseBook& phrases,
                                     bool first_line_decides = false);

struct AnswerFacts {
  bool answered = false;
  // A nil reply ("I don't know", "nothing"), alone or followed by words that name no fault
  // ("Nothing, honestly. He was kind to me."); not when they name one ("Nothing, except his
  // temper", "Rien, à part ses mensonges").
  bool nil = false;
  // Fault-finding questions: the writer's faults named (an own-fault cue, or only clauses of
  // the writer acting), and no clause about the couple, none about the ex other than praise
  // or a circumstance ("when he slept"), none complaining ("I felt alone"). "I was jealous of
  // his friends and I read his messages" names only the writer's faults.
  bool own_fault_only = false;
  // Questions with self_blame_check: the line of an unnegated 100% self-blame in the writer's
  // own words (block-quoted drafts included; the ex's words quoted or reported are not), when
  // no clause gives the ex or the couple a fault. -1 when none.
  int self_blame_line = -1;
  // Verdict questions: a yes with no hedge, no "?" and no trailing "…" on it. An "if" that goes
  // with what the writer would do is no hedge ("Yes, absolutely. I'd take the train tonight if
  // she called."); "Yes, if he changes" is.
  bool clear_yes = false;
};

AnswerFacts judge_answer(const std::vector<AnswerLine>& cleaned, const QuestionSpec& question,
                         const PhraseBook& phrases, const QuestionMatcher& matcher);

struct DatedEntry {
  Date date; // year 0 when the entry did not write one
  int line = 0;
};

// The date a log entry's line starts with ("12 Nov", "**Mon 19 Oct**", "<2026-11-10 Tue>"), or
// nothing; year 0 when the line writes none. Also read of headings and titles ("### Nov 1").
std::optional<Date> entry_date(std::string_view text, const DateNames& names);
// The same, with how a numeric date was read (DateMatch::either_order, month_first).
std::optional<DateMatch> entry_date_match(std::string_view text, const DateNames& names);

// Dated entries of a log answer: a date at the start of a line (after list markers) or in a
// heading; a line without one takes `note_date` when the note is a daily note. A log with an
// entry only month first can be ("11/16/26") is written month first: its entries that read
// either way ("11/2/26") are read so too.
std::vector<DatedEntry> log_entries(const std::vector<AnswerLine>& cleaned, const DateNames& names,
                                    const Date* note_date);

} // namespace mend::engine
