// Stage 1 of recognition (design.md, "Recognising questions and answers"): the lines of a note
// where a person may pose a question or open a step section, and mend's marker comments.
//
// People pose questions in every form Markdown notes allow: headings (ATX and setext), bold
// leads ("**What did he say?** He said…"), list items of every kind (bullets, "1." and "1)",
// task items, label items such as "- Reasons she gave: …", items without a "?", Logseq's
// outline bullets), "Q:" lines, lines standing alone ("What went wrong?", or a short title-like
// "My part" above items) and Obsidian callouts ("> [!question] What did she say?"). Never code,
// tables, front matter, non-marker HTML, sentences inside prose, or other block-quoted text.
// Which candidates really are questions or sections is decided later, by their wording.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/markdown.h"

namespace mend::engine {

// How the question is written: a heading, a bold line, a list item, a line standing alone as a
// question, a "Q:" line, or only a marker comment.
enum class QuestionForm { Heading, Bold, ListItem, Line, QA, Marker };

struct Candidate {
  int block = -1;
  QuestionForm form = QuestionForm::Heading;
  std::string plain;              // the question's own text, Markdown removed
  std::size_t start = 0, end = 0; // bytes of the question's own text
  std::size_t answer_start = 0;   // where the content that may answer it starts
  std::size_t item_end = 0;       // list items: the end of the item (children included)
  int level = 0;                  // headings: 1..6
  int depth = 0;                  // nesting in lists and quotes
  bool question_mark = false;     // posed with a "?"
  bool label = false;             // "Label: answer" (the label is the question)
  bool loose = false;             // no "?", no heading, no bold, no "Q:": a plain item or line
  bool title_like = false;        // short, no sentence punctuation: may name a step section
  bool has_children = false;      // a list item holding nested blocks
  bool task = false;              // a task item ("- [ ] what bothered me"): posed to be answered
  // A question only when it opens asking ("what", "est-ce"): a loose line read up to its first
  // sentence break, its answer after it on the line ("does it have a real chance. if one of us
  // moves, yes"), or a label as long as a sentence.
  bool must_ask = false;
  // A short question opening its paragraph, prose after it on the line rather than a reply
  // ("Her official reasons? « I don't feel at home. »", "What would Mum say? Probably: eat"):
  // read as closely as a loose line, and never by one shared word alone.
  bool prose_after = false;
  // The last sentence of a line that opens with prose ("Maybe yes. At 42, who wants this?",
  // "Ellie's home on the 18th. Need to:").
  bool after_prose = false;
  // A question quoted on its own and answered under the quote (quoted_question): the
  // writer's line, though in a quote, and no callout's title.
  bool quoted = false;
  // A paragraph's first line written as one sentence ended by a stop ("Me souvenir des fois où
  // j'étais sûre de ne plus rencontrer personne."): posed only when it opens with one of the
  // pack's prompt leads, the article's way of asking without a question (never a wh-word:
  // "What a week." asks nothing).
  bool stop_ended = false;
  // ... unless it is a numbered item with its answer under it, as a formal writer numbers her
  // questions ("1. His official reasons, what he told me." over "He said…"): posed by its form.
  bool numbered_over_answer = false;
  // ... or the first line of a message under its sender and time (a transcript's, a chat's),
  // where a stop ends a question as speech-to-text writes it: posed when it opens asking.
  bool in_message = false;
  // A paragraph's last line after prose, short and titled like a heading ("Journal de la
  // semaine"): read only when a list follows the paragraph with no blank line between, the
  // list it titles.
  bool over_list = false;
  // A further question of a line after the answer to its first ("… Oui. Besoins respectés ?
  // Oui."): a question only when that first one is (`head_start`: where the first starts).
  bool further = false;
  // Marked as added later ("update 20/10: …", after_revision_mark): a question asked again
  // once its first asking was left open, which may recur in its note.
  bool revised = false;
  // Dictated, its marks spoken: "question two the times I thought … answer after Liam …"
  // (spoken_question).
  bool spoken = false;
  std::size_t head_start = 0;
};

struct Marker {
  int block = -1;
  bool step = false;
  std::string id;
  // <!-- mend:ignore -->: the line above is no question and no section, whatever its words
  // (the person's correction; `id` is empty).
  bool ignore = false;
  std::size_t start = 0, end = 0; // bytes of the comment in the note
};

struct Candidates {
  std::vector<Candidate> lines; // document order
  // <!-- mend:q id -->, <!-- mend:step id --> and <!-- mend:ignore -->, document order
  std::vector<Marker> markers;
};

// Which first lines written as one sentence ended by a stop (Candidate::stop_ended: a
// paragraph's, a callout's title) are read: `may_pose`, when given, is asked about each (its
// text as written, without the stop) before its plain text is built, and must say yes to every
// one the caller keeps (Analyzer::posed_candidates: QuestionMatcher::may_open_with_prompt_lead);
// `owner` names it in the per-thread memo of paragraphs (QuestionMatcher::id(); 0 for none).
// `opens_asking`, when given, tells a paragraph's line that opens with a word that asks
// (QuestionMatcher::opens_question): lines that alternate such questions and their answers are
// written one thought a line, stops or none.
struct SentenceGate {
  std::uint64_t owner = 0;
  std::function<bool(std::string_view)> may_pose;
  std::function<bool(std::string_view)> opens_asking;
};

Candidates find_candidates(std::string_view text, const Outline& outline,
                           const SentenceGate& gate = {});

// What a candidate form reads on a line that starts a block and is no heading: the bold lead,
// the question up to its "?", the label before its colon, or the whole short line; nothing
// when the line is prose. question_prefilter.h reads lines through this very function, so that
// a line it passes over can never be a candidate.
struct LineReading {
  std::string plain;
  bool loose = false; // as Candidate::loose
  bool label = false;
  bool question_mark = false;
  bool strong = false;   // a bold lead
  bool must_ask = false; // as Candidate::must_ask
  // One sentence ended by a stop, read without it: a task item's or a paragraph's first line
  // (Candidate::stop_ended), posed only when it opens asking.
  bool sentence = false;
};
// `may_ask`, when given, is asked first about a sentence ended by a stop (its text as written,
// without the stop), whose plain text is built only when it says yes: it must say yes to
// every sentence the caller would take (QuestionMatcher::may_open_question).
std::optional<LineReading>
line_reading(std::string_view line, const std::function<bool(std::string_view)>& may_ask = nullptr);

// The colon that ends a label ("Reasons she gave: …"), or npos (question_prefilter.h reads
// the same label).
std::size_t label_colon(std::string_view line);
// Where the label's answer starts: past its colon, both of a field's "::".
inline std::size_t label_end(std::string_view line, std::size_t colon) {
  return colon + 1 < line.size() && line[colon + 1] == ':' ? colon + 2 : colon + 1;
}
// The byte after an Obsidian callout's "[!type]" (and its fold sign), or npos.
std::size_t callout_title(std::string_view line);
// The title of a Python-Markdown (MkDocs) admonition's opening line, "!!! question "Was it…"",
// "??? note "…"", "???+ quote "…"": where its text starts, its length, and whether its type
// asks (as asking_callout()). Nothing without a title in quotes.
struct AdmonitionTitle {
  std::size_t start = 0, size = 0;
  bool asking = false;
};
std::optional<AdmonitionTitle> admonition_title(std::string_view line);
// "[!question] …", "[!faq]", "[!help]": a callout whose type says it poses a question.
bool asking_callout(std::string_view line);

// "A", "R", "Answer", "Réponse" (any case): the label of the answer half of a Q/A pair
// ("A: …"), never a question.
// Words in `text` as the candidates count them (letters and digits; typographic punctuation
// is none), without a folded copy.
std::size_t count_words(std::string_view text);

// A question wrapped at a margin: how much of `following` (the lines after `line`) to read
// with `line`, up to the end of the line holding its "?", or 0 when `line` stands alone.
std::size_t wrapped_question_end(std::string_view line, std::string_view following);

bool is_answer_label(std::string_view label);
// "Ans: …", "A. …", "Réponse : …": a line opening with an answer's label, its words after it.
bool opens_with_answer_label(std::string_view text);
// A label that opens with a reason ("Since it's not a clear yes:"): prose, not a question.
bool opens_with_a_reason(std::string_view label);
// A label reporting what someone said ("Elle m'a dit en partant", "He told me"): prose.
bool reports_speech(std::string_view label);

// Where the text of an HTML block opened by a line "<aside>" alone starts (the next line), or
// the block's end when it is no such block or holds nothing else: Notion exports a callout so,
// and its text is the writer's own.
std::size_t aside_body(std::string_view text, const Block& b);

// "Q: …", "Q1: …", "Question 3 - …" → the byte where the question after the prefix starts.
std::optional<std::size_t> qa_prefix(std::string_view line);
// A line of a dialogue written down, "**Chi:** what did he say when he ended it?" or "Chi: …":
// the speaker's name (one capitalised word) and the byte where what they said starts.
struct Speaker {
  std::string_view name;
  std::size_t text = 0;
};
std::optional<Speaker> speaker_prefix(std::string_view line);
// A message of a chat app's export, "12/10/2026 23:42 - Nadège: …" (Android) or
// "[12/10/2026, 23:42:10] Nadège: …" (iOS), or a note-to-self app's "[04/11 23:44] …" with no
// sender (its name then empty): the sender and the byte where the message starts.
// nullopt for any other line, and for the app's own lines ("12/10/2026 23:40 - Messages are
// end-to-end encrypted.").
std::optional<Speaker> chat_message(std::string_view line);

// "Idéal ? Oui. Besoins respectés ? Oui. Un avenir ? Oui.": in `rest`, what follows a
// question's "?" on its line, each further question opening a sentence after some answer, as
// [start, end) offsets in `rest` (end just past its "?"). Never a question quoted or in
// brackets ("she said \"why?\" and left"), nor one of more than a few words.
std::vector<std::pair<std::size_t, std::size_t>> further_questions(std::string_view rest);

// A transcript's or a message's time stamp standing alone: "00:31", "[1:02:15]", "(12:03)".
bool is_clock_stamp(std::string_view text);
// "Wanjiru Kamau, [01.11.2026 19:22]": a message's sender and stamp on a line of their own over
// the message, as Telegram's export and a copy of its messages write them; or a transcript's
// time stamp alone ("00:31", "[1:02:15]") over what was said.
bool chat_header(std::string_view line);
// Where "Q: What did she say? A: that I never listen" has its answer on the question's own
// line: the offset of that " A:" in `rest` (the text after the "Q:" prefix), or npos.
std::size_t qa_inline_answer(std::string_view rest);

} // namespace mend::engine
