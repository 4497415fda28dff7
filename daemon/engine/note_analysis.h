// One note in, its questions and their answers out: where each question of the pack appears,
// how it was recognised, whether it is answered, and the facts the article's rules need.
//
// A NoteAnalysis holds no text of the note (only ids, lines, flags and dates), so it can be
// cached on disk and judged with the rest of the folder without re-reading the note.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "daemon/engine/answer_judge.h"
#include "daemon/engine/dates.h"
#include "daemon/engine/markdown.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/question_assignment.h"
#include "daemon/engine/question_candidates.h"
#include "daemon/engine/question_matcher.h"
#include "daemon/engine/question_prefilter.h"
#include "daemon/engine/text.h"

namespace mend::engine {

// Why a line was read as its question, as the person is told (hover, `mend scan --explain`,
// the JSON's "matched_by"): a marker comment, the question's own wording in the pack (or a
// clause of it), one of its aliases, a terse item inside the question's step section, or the
// article's order (a line posed where exactly this question of the step is missing).
enum class MatchEvidence : std::uint8_t { Marker, Wording, Alias, Section, Order };

struct QuestionOccurrence {
  std::string id;
  std::string step;
  int line = 0;                                 // 0-based line of the question
  std::size_t start = 0, end = 0;               // bytes of the question's own text
  std::size_t answer_start = 0, answer_end = 0; // bytes of the content that belongs to it
  int answer_last_line = 0; // last line holding answer content (or the question's)
  MatchedBy matched_by = MatchedBy::Text;
  QuestionForm form = QuestionForm::Heading;
  int heading_level = 0; // for headings
  // Explain (see MatchEvidence): how closely the line matched (its context bonus included; 1
  // for a marker, 0 when placed by the article's order), the part of it that its section or
  // the question above gave, the pack's wording it matched (QuestionMatcher::wording(): an
  // index, -1 when none; the analysis holds no text), the
  // step section the line sits in ("" when none), and the finer form of the line.
  MatchEvidence evidence = MatchEvidence::Wording;
  double score = 0;
  double bonus = 0;
  int wording = -1;
  std::string section;
  bool label = false;   // "Label: answer", the label posing the question
  bool task = false;    // a task item
  bool callout = false; // an Obsidian callout's title

  bool answered = false;
  bool nil = false;                    // a nil reply ("I don't know", "nothing")
  bool own_fault_only = false;         // fault-finding answer names only the writer's faults
  int self_blame_line = -1;            // reach-out: line of an unnegated, unquoted 100% self-blame
  bool clear_yes = false;              // verdict: a clear, unhedged yes
  std::vector<DatedEntry> log_entries; // log: dated entries (year 0 when not written)
};

// A mend marker comment in the note and what it decides: the person's corrections, reported so
// that a stale one (an id the pack does not know, nothing above it to decide) can be shown and
// fixed.
struct MarkerNote {
  enum class Kind : std::uint8_t { Question, Step, Ignore };
  Kind kind = Kind::Question;
  std::string id;                 // "" for ignore
  int line = 0;                   // 0-based line of the comment
  std::size_t start = 0, end = 0; // bytes of the comment
  bool known = true;              // the id is one of the pack's (ignore: always)
  int target_line = -1;           // the line it decides, -1 when none
};

struct NoteAnalysis {
  std::string language;          // detected or configured pack language
  std::optional<Date> note_date; // a daily note's date (file name or front matter)
  std::vector<StepHeading> steps;
  std::vector<QuestionOccurrence> questions; // document order
  std::vector<MarkerNote> markers;           // document order
  int line_count = 0;
};

struct AnalysisOptions {
  std::string ex_name;
  std::string language; // "" = detect per note
  // The topic gate (Analyzer::topic_sign); off for a folder that holds nothing else, and in
  // tests of one form at a time.
  bool topic_gate = true;
  // The ex's pronouns as configured ("he/him"); "" when not set.
  std::string pronouns;
  // Calibration only: moves every acceptance bar of question_assignment.h by this much.
  double threshold_shift = 0;
};

// Immutable after construction; analyse() may run on many threads at once.
class Analyzer {
public:
  Analyzer(const Pack& pack, AnalysisOptions options);

  // `path` is the note's path relative to its folder (used only for a daily note's date).
  NoteAnalysis analyse(std::string_view text, std::string_view path) const;
  NoteAnalysis analyse(std::string_view text, const Outline& outline, std::string_view path) const;
  // The analysis without parsing the parts of the note that provably cannot matter; empty when
  // that cannot be proven for this note. Exact (tested against the whole parse), but not used
  // by analyse() for now: see the FIXME there.
  std::optional<NoteAnalysis> analyse_skipping_sections(std::string_view text,
                                                        std::string_view path) const;
  // The note's analysis without parsing it, when question_prefilter.h proves it holds no step
  // heading and no question: then it equals analyse(text, path) (no steps, no questions, the
  // same language, date and line count). std::nullopt when the note must be parsed.
  std::optional<NoteAnalysis> analyse_without_parse(std::string_view text,
                                                    std::string_view path) const;
  // The analysis of a note the prefilter could not skip, when parsing only the regions around
  // its candidate lines proves it holds no step, question or marker, or that all it holds is
  // asked of others only (note_regions.cpp): then it equals analyse(text, path). `reads`: the
  // prefilter's readings of the note's lines (question_prefilter.h), completed here as far as
  // the proof needs. std::nullopt when the note must be parsed whole. `min_bytes`: a shorter
  // note is left to the whole parse, which costs it less. `probe`: give up as soon as a
  // candidate line's piece, analysed on its own, holds a question the writer asks (a guess that
  // saves a note holding questions the reading of all its lines). Tests pass 0 and false.
  std::optional<NoteAnalysis> analyse_in_regions(std::string_view text, std::string_view path,
                                                 std::vector<LineRead>& reads,
                                                 std::size_t min_bytes = kRegionsMinBytes,
                                                 bool probe = true) const;
  static constexpr std::size_t kRegionsMinBytes = 4096;
  // The analysis of a note parsed whole, but for inert pieces before the heading above its
  // first line that could match on its own (note_regions.cpp, where the proof is): equal to
  // analyse(text, path) when it returns one; std::nullopt when that is not proven. `reads`: as
  // analyse_in_regions() (completed here up to that line); `sign`: topic_sign(text). `gates`:
  // not tried on a note under kRegionsMinBytes, nor when less than an eighth of it would be
  // left out, nor when no line that could match speaks of the writer (a guess at what the
  // proof needs). Tests pass false.
  std::optional<NoteAnalysis> analyse_past_inert_prefix(std::string_view text,
                                                        std::string_view path,
                                                        std::vector<LineRead>& reads,
                                                        TopicSign sign, bool gates = true) const;
  // What a cold scan does with a note (server/folder_scan.cpp): analyse_without_parse() when
  // it applies, else analyse_in_regions() when it applies, else analyse_past_inert_prefix()
  // when it applies, else analyse() (the note's topic read only for those two). `parsed`
  // (optional) tells whether the note was parsed (whole, or past an inert prefix).
  NoteAnalysis analyse_cold(std::string_view text, std::string_view path,
                            bool* parsed = nullptr) const;

  const Pack& pack() const { return pack_; }
  const QuestionMatcher& matcher() const { return matcher_; }
  const AnalysisOptions& options() const { return options_; }
  // The topic gate (design.md): a note with no marker and no sign of a relationship holds no
  // question and no step section ("# Quarterly review / ## What didn't go well?"). A note whose
  // only signs are pronouns ("he", "her") is about the ex when one of its recognised questions
  // or sections names them (QuestionMatcher::topic_sign).
  // The note's candidate lines (find_candidates()), without the paragraphs' sentences ended by
  // a stop that no prompt's lead opens (Candidate::stop_ended): those are no candidate at all,
  // for corrections, sections or where an answer ends.
  Candidates posed_candidates(std::string_view text, const Outline& outline) const;
  // Candidates that ask about someone else (recognise()'s `about_others`).
  std::vector<char> questions_about_others(std::string_view text, const Outline& outline,
                                           const Candidates& candidates) const;
  // A note about someone else's relationship (a friend's marriage, a novel's couple): a
  // question gives the relationship to others, or asks one of the writer's own questions of
  // someone else, and none of its questions speaks of the writer.
  // A question speaking of no one that comes before them all, under a heading of its own,
  // is the writer's ("Q: Big unanimous yes?" over "## Noelani" and the questions for her); so
  // is one put to "you" and answered as "I" (a counsellor's question, in her words).
  bool asks_of_others_only(std::string_view text, const Outline& outline,
                           const Candidates& candidates, const Recognition& recognition,
                           const std::vector<char>& about_others) const;
  // A note its title gives to someone else: a pair of people ("Jen and Mark.md", "# Inès et
  // Karim") when none of its questions speaks of the writer; a relative ("Mam - session 4",
  // "Therapy worksheet - Mum") when nothing in it is a strong sign of the writer's relationship.
  bool titled_after_someone_else(std::string_view text, const Outline& outline,
                                 std::string_view path, const Candidates& candidates,
                                 const Recognition& recognition, TopicSign sign,
                                 bool put_to_someone_set_aside) const;
  // The topic gate's test for a note with no sign of the topic (kUntopicalStepRun).
  bool poses_a_step_in_order(const Candidates& candidates, const Recognition& recognition) const;
  TopicSign topic_sign(std::string_view text) const;
  // The note's sign, its file's name and folders read too: a note filed under "Breakup/" or
  // named "divorce - week 3" is on the topic whatever its own words ("December", "Big yes?").
  TopicSign topic_sign(std::string_view text, std::string_view path) const;
  // The language whose function words are most frequent in `text`.
  std::string detect_language(std::string_view text) const;

private:
  void count_stopwords(std::string_view text, std::vector<long>& counts, long sign) const;
  bool names_ex_in(std::string_view text, const Candidates& candidates,
                   const Recognition& recognition) const;
  // A question any debrief asks (QuestionSpec::any_debrief, or the log kept by a team), not
  // naming the ex.
  bool asked_by_any_debrief(const Candidates& candidates, const RecognisedQuestion& r) const;
  // Every question recognised is one any debrief asks (QuestionSpec::any_debrief), none
  // naming the ex, and no step section: nothing of the article but its generic questions.
  bool only_debrief_questions(const Candidates& candidates, const Recognition& recognition) const;
  // Drops the questions of a part of a mixed note that is another topic's debrief; returns
  // their candidates.
  std::vector<std::size_t> drop_debriefs_of_other_topics(std::string_view text,
                                                         const Outline& outline,
                                                         const Candidates& candidates,
                                                         Recognition& recognition) const;
  // Does an answer name the ex, a pronoun after someone else's name in its sentence aside?
  bool names_ex_in_answer(std::string_view answer) const;
  // Does a question ask of someone else's ("the patient's needs"), not the ex's?
  bool asks_of_someone_elses(std::string_view plain) const;
  // A log question asked by a group, not the writer ("What we do differently?").
  bool kept_by_a_team(std::string_view plain) const;

  // analyse(text, outline, path) for a note whose topic_sign() is `sign`. `writers_question`
  // (optional): set to whether a question the first recognition gives out speaks of the writer
  // or the couple (then asks_of_others_only() is false whatever the other candidates are).
  NoteAnalysis analyse(std::string_view text, const Outline& outline, std::string_view path,
                       TopicSign sign, bool* writers_question = nullptr) const;
  // What every analysis starts with: line count, language, the daily note's date.
  NoteAnalysis note_facts(std::string_view text, std::string_view path,
                          const LineIndex& lines) const;

  const Pack& pack_;
  AnalysisOptions options_;
  QuestionMatcher matcher_;
  // With the ex's pronouns configured ("he/him"), the gendered pronouns that are not theirs
  // ("she", "her", "elle"), folded: a question asked with only those is about someone else.
  std::unordered_set<std::string> others_pronouns_, ex_pronouns_;
  // Where pronouns may stand for things: another person's pronoun, and the words after which it
  // names a person (Pack::person_objects): "Quelles raisons il m'a données ?" of an ex "elle".
  std::unordered_set<std::string> others_pronouns_before_objects_, person_objects_;
  // Pronouns of languages whose nouns have a gender ("elle" is the relationship as often as a
  // person: "Peur d'être seule, et c'est elle qui décide ?"), folded.
  std::unordered_set<std::string> noun_pronouns_;
  // `plain` as its folded words, those pronouns left out.
  std::string without_gendered_nouns_pronouns(std::string_view plain) const;
  // Does the line ask with a pronoun that is not the ex's, and nothing that names the ex?
  // An of_writer question asked of someone in the third person only ("Were her needs
  // respected?"): someone else's, not the writer's.
  bool asks_of_writer_about_someone_else(std::string_view plain) const;
  // Is the answer written right after the question (on its line, or else the first line under
  // it) in the first person, outside what it quotes?
  bool answered_in_first_person(std::string_view text, const Candidate& c) const;
  // Is a question put to "you" answered by the one it asks: in the first person, or, quoted or
  // a "Q :" (a counsellor's question, copied), in words that ask nothing and speak to no one?
  bool answered_by_the_one_asked(std::string_view text, const Candidate& c) const;
  // Drops the lines put to someone the writer helps, in a note filed or named after them;
  // true when it dropped one.
  bool set_aside_questions_put_to_someone_helped(std::string_view text, std::string_view path,
                                                 Candidates& candidates) const;
  // The rest of the candidate's line, its answer there, says "I" / "je".
  bool answered_in_first_person_on_its_line(std::string_view text, const Candidate& c) const;
  bool asks_with_others_pronoun(std::string_view plain) const;
  // Do the candidate's own words name someone else as the one asked about (another person,
  // the relationship given to others, another's pronoun, the writer's question asked in the
  // third person and not answered as "I" on its line)?
  bool names_someone_else(std::string_view text, const Candidate& c) const;
  // A candidate posed as a question (not a heading) that asks of someone else by its own
  // words, or any candidate asking why someone left a team (left_a_group_on_its_line):
  // questions_about_others() says so of it in any note, whatever surrounds it.
  bool asked_of_someone_else(std::string_view text, const Candidate& c) const;
  bool left_a_group_on_its_line(std::string_view text, const Candidate& c) const;
  // A heading that titles a subject: no day ("## Sat 14", "## Monday"), no step or question of
  // the article, no sign of the topic ("## Tía's acequia meeting", "## Choir").
  bool titles_a_subject(std::string_view heading) const;
  // From the regions of a note (note_regions.cpp, the pieces left out ending by
  // `left_out_end`): true when the whole analysis would find that it asks of others only
  // (asks_of_others_only), and so holds no step and no question. False when that is not
  // proven.
  bool asks_of_others_only_in_regions(std::string_view text, const Outline& outline,
                                      const Candidates& candidates, const LineIndex& lines,
                                      const std::vector<LineRead>& reads, std::size_t left_out_end,
                                      bool dated) const;
  // A heading before `before` titles others (titles_others: a couple of others, questions
  // announced for them, another subject); questions_about_others reads those for the lines
  // under them, however far.
  bool titles_others_before(std::string_view text, const Outline& outline,
                            std::size_t before) const;
  bool titles_others(std::string_view heading, int level) const;
  // The note's candidates put to someone the writer helps may be set aside
  // (set_aside_questions_put_to_someone_helped: its path and its opening decide).
  bool may_set_aside_put_to_someone(std::string_view text, std::string_view path) const;
  // With the ex's pronouns configured, the other sets' words of languages whose pronouns name
  // people, folded, each to the first person's word in its place ("she" -> "i", "her" ->
  // "my"): a writer may write of themself in the third person.
  std::unordered_map<std::string, std::string> third_person_to_first_;
  // A note written of the writer in the third person, as a case note is ("Is she frightened of
  // being on her own?", "Does she want to change everything he blames her for?"): several of
  // its questions ask with another set's pronoun, one of them with the ex's too, none asks in
  // the first person, and the note names the ex by the configured name (a friend's couple would
  // not).
  bool writes_of_self_in_third_person(std::string_view text, const Candidates& candidates) const;
  // `plain` with the third person's pronouns said in the first person.
  std::string said_of_writer(std::string_view plain) const;
  PhraseBook phrases_;
  // Per language of the pack (same order): its folded stopwords (detect_language).
  struct WordHash { // FNV-1a: the words hashed are short, and a note has thousands of them
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      std::uint64_t h = 1469598103934665603ull;
      for (unsigned char c : s)
        h = (h ^ c) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  std::vector<std::unordered_set<std::string, WordHash, std::equal_to<>>> stopwords_;
  // Every language's folded stopwords: word -> bit l set when language l has it.
  std::unordered_map<std::string, std::uint64_t, WordHash, std::equal_to<>> stopword_languages_;
  std::size_t longest_stopword_ = 0;
  std::uint64_t id_; // unique per Analyzer: keys detect_language's per-thread memo
};

} // namespace mend::engine
