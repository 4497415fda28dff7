// Recognises a line of a note as one of the pack's questions or steps, by its wording.
//
// People write the questions in their own words: "Official reasons", "What did he tell me?",
// "Am I terrified of ending up by myself?", "Qu'est-ce qui ne marchait pas ?". Lines are
// compared as sets of normalised words: case and accents folded, phrases people use for the
// same thing rewritten to one word ("by myself" → "alone", "broke it off" → "leave"), Snowball
// stems per language, pronouns and the ex's name folded into one token, first and second person
// into another, function words dropped, a future of the writer's own ("what I'll tell him") and
// a negation kept as tokens of their own. Words are weighted by how rare they are among the
// pack's questions, so "official" counts for more than "relationship". The score is a weighted
// Dice coefficient against the question's text and each alias, in the alias's own language,
// taken over the whole line and over each of its clauses ("How long were we together, and was
// it timing or something bigger?" matches by its first clause).
//
// Context decides between near-duplicates: the step section a line sits in and the step of the
// question just before it lift that step's questions, and inside a step section a terse item
// ("Chances?", "Diary") matches the one question of the step that owns its word.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "daemon/engine/pack.h"
#include "daemon/engine/word_facts.h"

namespace mend::engine {

// What shows a note is about a relationship (the topic gate). Weak: one everyday word only
// ("travelling alone"). Pronoun: only words that may name the ex ("he", "her").
// PronounAndWeak: both ("he left me alone").
enum class TopicSign { None, Weak, Pronoun, PronounAndWeak, Strong };

struct MatchContext {
  std::string_view section_step;   // the step section the line sits in, "" when none
  std::string_view neighbour_step; // the step of the nearest question above it in the note
  // Loose lines (no "?", no heading): only the whole line counts, never one of its clauses
  // ("gym 7pm, legs. hated it" is no "what I hated").
  bool whole_line_only = false;
};

// Immutable after construction; safe to share between threads.
class QuestionMatcher {
public:
  QuestionMatcher(const Pack& pack, std::string_view ex_name);

  struct Match {
    std::string id; // question id, or step id when `step`
    bool step = false;
    double score = 0;   // 0..1, plus the context bonus
    bool terse = false; // matched only as a terse item of its step section
    // Content words the line shares with the wording it matched ("Hope on" shares one with
    // "Reassurance"): one shared word is weak evidence for a line not posed as a question.
    std::size_t shared_words = 0;
    int variant = -1; // the wording scored (wording()); -1 for a terse match
    double bonus = 0; // the part of `score` its section or the question above it gave
    bool operator==(const Match&) const = default;
  };

  // The pack's wording a match was scored against, for explaining it to the person: the
  // question's own text (or a clause of it), or one of its aliases. nullopt for a terse match.
  struct Wording {
    const std::string& text; // as written in the pack (variables such as {name} unrendered)
    bool alias = false;
  };
  std::optional<Wording> wording(const Match& m) const { return wording(m.variant); }
  // The same by Match::variant, as a NoteAnalysis keeps it (an index, not the text: an analysis
  // and the cache hold no text, and the pack's wording may be what a note says word for word).
  std::optional<Wording> wording(int variant) const;

  // The questions and steps `plain` (a candidate line with Markdown removed) could be, best
  // first, at most `limit` of them, each scoring at least kLowestThreshold. Deterministic: ties
  // go to questions over steps, then to the pack's order.
  std::vector<Match> rank(std::string_view plain, const MatchContext& context,
                          std::size_t limit = 6) const;

  // The best question or step for `plain` when it reaches kThreshold (the bar of a line posed
  // as a question); `section_step` as in MatchContext.
  std::optional<Match> best(std::string_view plain, std::string_view section_step) const;

  // The step whose id, title or alias `plain` is, word for word ("Why", "Us", "My part"):
  // such a title names its step even when its words are too common to match.
  std::optional<std::string> step_named(std::string_view plain) const;

  // True when `plain` could be accepted as a question or a section title in SOME context: a
  // superset of what analysis accepts from rank() (both read the same eligible variants, and
  // this grants every bonus at once), used by question_prefilter.h to prove that a line is no
  // question without knowing where it sits. `with_terse`: also the terse matches of every step
  // section and the context bonus (needed only where the line may sit under a section or a
  // question that is not in view).
  // `question_bar`: the bar of the line's form (kThreshold, or the loose lines' higher one).
  bool could_match(std::string_view plain, bool with_terse = true,
                   double question_bar = kThreshold) const;

  // Unique per matcher (never reused): keys per-thread memos of its results.
  std::uint64_t id() const { return id_; }

  // Normalised words, as compared, in the pack's first language (for tests and guidance).
  std::vector<std::string> words(std::string_view text) const { return words(text, 0); }
  std::vector<std::string> words(std::string_view text, std::size_t language) const;
  // Weighted Dice similarity of two texts' normalised words (the best over the languages).
  double similarity(std::string_view a, std::string_view b) const;

  // Words that refer to the ex (pronouns of every pronoun set, partner words, the ex's name),
  // folded: the rules read them.
  bool refers_to_ex(std::string_view folded_word) const {
    return ex_words_.count(std::string(folded_word)) > 0;
  }
  // Family and others named as such ("mum", "sister", "mère"), folded: never the ex.
  bool is_other_person(std::string_view folded_word) const {
    return other_people_.count(std::string(folded_word)) > 0;
  }

  // The topic gate (design.md): the strongest sign of a relationship in `text`. Strong: a
  // partner word, the ex's name or the pack's relationship vocabulary. Pronoun: only words
  // that may refer to the ex ("he", "her"), which every diary holds: then a note is about the
  // ex only if one of its questions names them (names_ex).
  // `everyday_senses`: false to read the strong words that have an everyday other sense
  // (topic_words_other_senses: a register "reconciled" before an audit) as no sign at all.
  TopicSign topic_sign(std::string_view text, bool everyday_senses = true) const;
  // Does `text` hold a strong sign of the topic that has no everyday other sense (pack key
  // topic_words_other_senses: "relationship" with a supplier, a stock "rupture")?
  bool has_decisive_sign(std::string_view text) const;
  // A partner word, the ex's name or the relationship vocabulary (a word or a prefix of it).
  bool is_strong_word(const std::string& folded_word) const;
  // An unsent letter: the note's first line of text (past front matter and headings) greets
  // someone by name, "Dear Rachel," or "Rachel,", never family ("Dear Mum,"). Its "you" is the
  // addressee, as telling of the topic as "she".
  bool opens_as_letter(std::string_view text) const;
  // Does the line ask about someone else, a parent or a boss named as such ("entre votre père et
  // vous", "my mum's needs")?
  bool asks_about_other_person(std::string_view plain) const;
  // Does the line speak of the writer ("my needs", "I", "you" as the pack's questions say it)?
  bool speaks_of_writer(std::string_view plain) const;
  // Is the line in the writer's own future ("What will I do differently next week?")?
  bool speaks_in_future(std::string_view plain) const;
  // ... in the first person only ("I", "my", "je"): not the "you" of questions put to a friend.
  bool speaks_in_first_person(std::string_view plain) const;
  // ... or of the writer's couple ("we", "our")?
  bool speaks_of_writer_or_couple(std::string_view plain) const;
  // Put to "you" only: a second-person word and no word of the writer or the couple (the
  // questions of a worksheet handed to a client, a reader's letter answered).
  bool put_to_addressee_only(std::string_view plain) const;
  // Of the writer's couple only: a word of we_words.
  bool speaks_of_couple(std::string_view plain) const;
  // Of someone in the third person only ("Were her needs respected?", "Is he afraid of being
  // alone?"): a topic pronoun, and no word of the writer, the couple or the one addressed.
  bool speaks_of_third_person_only(std::string_view plain) const;
  // To someone addressed as French's formal "vous" ("Vos besoins étaient-ils respectés ?",
  // "Quelles erreurs ne voulez-vous plus répéter ?"): the article says "tu" to the writer and
  // "vous" only to the couple ("entre vous", "à deux", "ensemble").
  bool addresses_someone_formally(std::string_view plain) const;
  // Does the line give the relationship it speaks of to others, and never speak of the writer
  // ("What wasn't working in their marriage?", "Est-ce que leur couple a un avenir ?",
  // "Marianne's relationship")?
  bool gives_relationship_to_others(std::string_view plain) const;
  // A note's title (its file name, its first heading) saying whom the note is about, when that
  // is someone else: a pair of people ("Jen and Mark", "Inès et Karim", "ma sœur & kevin"),
  // their couple; or a relative standing as a part of the title ("Mam - session 4", "Therapy
  // worksheet - Mum", "Mom stuff"). Never a title naming the writer ("Me and Tom") or the ex.
  bool titles_a_couple_of_others(std::string_view title) const;
  // Prose telling of a couple of others: two people joined ("Sipho and Anele are done", "Lui et
  // Nathalie, c'est le divorce", "Her and Ross are finished"), each a third person's pronoun or
  // a name nobody configured, the second a name. Never the writer ("Me and Ross") or the ex.
  bool tells_of_a_couple_of_others(std::string_view prose) const;
  bool titles_a_relative(std::string_view title) const;
  // A title naming another subject than the writer's relationship by one of its words ("Ep 14
  // script", "Case study, Client A", "Boulot - démission").
  bool titles_another_subject(std::string_view title) const;
  // Asks why someone left something that is no partner: a group ("Why did Kojo leave the
  // project?", "Pourquoi Ti-Guy a lâché l'équipe ?", the pack's groups_left), anything left by
  // a person named who is not the ex ("Why did Gareth leave the second tenors?") or whom a
  // definite article names ("Why did the contractor leave site?", "Pourquoi le client a quitté
  // l'agence ?"), or a resignation ("Pourquoi Mme Joseph a démissionné ?", "step down"); or the
  // reasons for a decision about a thing ("Official reasons for cutting the Sunday service?").
  // Leaving a home, the children or the relationship ("Why did Sam leave the flat?") is the
  // breakup's.
  bool asks_why_someone_left_a_group(std::string_view plain) const;
  // Does a title name a group someone may leave (pack key groups_left: "Carnaval - groupe",
  // "Choir")?
  bool titles_a_group(std::string_view title) const;
  // Does a title name someone the writer helps (pack key helped_titles: "Client M. - session
  // 4", "Aiman 1-1", "Courrier - Nour de Rabat")?
  bool titles_someone_helped(std::string_view title) const;
  // The writer's own relationship named in `text`: a word of the topic right after "my",
  // "our", "mon", "notre" ("too close to my breakup", "since our separation").
  bool names_writers_relationship(std::string_view text) const;
  // A title that is a first name of its own ("## Pierre", "Kagiso - notes"), as
  // titles_a_couple_of_others reads a name.
  bool titles_a_person(std::string_view title) const;
  // Does the line hold one of the everyday words of the topic ("alone", "seul")?
  bool has_weak_topic_word(std::string_view plain) const;
  // Does the line speak to someone ("what did you tell me")?
  bool speaks_to_someone(std::string_view plain) const;
  // A letter's line as said of its addressee: "what did you tell me" reads as "what did they
  // tell me" (the pack's questions say "you" to the writer).
  std::string said_of_addressee(std::string_view plain) const;
  // Does the line open with a word that asks ("what", "did", "pourquoi")?
  bool opens_question(std::string_view plain) const;
  // Does it open with one of the pack's prompt leads ("Remember the times", "Me souvenir des
  // fois où"), the article's own way of posing a question without asking?
  bool opens_with_prompt_lead(std::string_view plain) const;
  // The two above of plain_text(raw), told without the plain text (an inline parse where the
  // line holds markup) when its first word is enough: false only where they are false, true
  // when they may be (they are then read on the plain text). For the sentences ended by a stop
  // that a diary's lines mostly are (Candidate::stop_ended, LineReading::sentence).
  bool may_open_question(std::string_view raw) const;
  bool may_open_with_prompt_lead(std::string_view raw) const;
  // True when `plain` holds a word of its own in some language: not only function words and
  // persons ("him", "moi").
  bool has_words(std::string_view plain) const;

  // False when no word of `plain` can meet a word of any variant: a cheap proof that nothing
  // matches (could_match reads it first; most diary lines stop here).
  bool may_match(std::string_view plain) const;

  // Does the line name the ex (a pronoun, a partner word, their name, an unknown first name)?
  // `unknown_names`: a capitalised word no pack knows counts as a name ("What did Sam say?");
  // false for prose, where such words are as often places ("Alfama, or Príncipe Real").
  bool names_ex(std::string_view plain, bool unknown_names = true) const;
  // Is `word` (as written) a word no pack knows, nor the writer's, the ex's, a relative's or a
  // date's: a name, when it is capitalised ("Ian's" is someone's; "It's" is nobody's)?
  bool is_unknown_word(std::string_view word) const;
  // A month's or a weekday's name, in any language of the packs ("Nov", "Sunday", "mardi").
  bool is_date_word(std::string_view word) const;

  // A line posed as a question (a "?", a heading, a bold lead) must reach kThreshold; the
  // analysis asks more of weaker forms, never less than kLowestThreshold.
  static constexpr double kThreshold = 0.56;
  // Shared words that make a match on the whole line outweigh one word met in a clause.
  static constexpr std::size_t kBroadMatchWords = 3;
  static constexpr double kLowestThreshold = 0.35; // what rank() returns at all
  static constexpr double kSectionBonus = 0.18;
  // Near-duplicates ("What we'd do differently": wrongs.together after the wrongs questions,
  // reach-out.change in a reach-out plan) are told apart by the question just before.
  static constexpr double kNeighbourBonus = 0.30;
  static constexpr double kMaxBonus = std::max(kSectionBonus, kNeighbourBonus);
  static constexpr double kTerseScore = 0.6;

private:
  bool opens_with_lead(const std::vector<std::string>& folded_words) const;
  struct Variant {
    std::string id;
    bool step = false;
    std::size_t language = 0;
    std::vector<std::string> words;
    double weight = 0;
    std::size_t content = 0;   // content_words(words), counted once idf_ is known
    std::size_t raw_words = 0; // words as written, function words included
    std::size_t key = 0;       // one per (id, step): scores() keeps the best per key
    std::string text;          // the wording as the pack writes it (wording())
    bool alias = false;
    bool said_by_ex = false;     // QuestionSpec::said_by_ex
    bool told_by_writer = false; // QuestionSpec::told_by_writer
  };
  struct Language {
    std::string code;
    // Folded phrase -> the word it stands for ("by myself" -> "alone"), longest first.
    std::vector<std::pair<std::string, std::string>> phrases;
    std::unordered_set<std::string> phrase_starts;         // each phrase's first two words
    std::unordered_map<std::string, std::string> synonyms; // stem -> canonical stem
    std::vector<std::string> future_markers;               // folded words, space separated
    // Each of future_markers split into its words once (words_of() reads them for every line).
    std::vector<std::vector<std::string>> future_marker_words;
    // What a word must be for a line to hold a phrase start or a future marker from it: every
    // w such that some phrase start begins "w " (phrase_starts' texts before each space), and
    // each future marker's first word. Most words are neither (WordFacts).
    std::unordered_set<std::string> phrase_heads, future_heads;
    std::unordered_set<std::string> future_verbs; // one-word markers that are question verbs
    std::unordered_set<std::string> insisting;    // LanguagePack::insisting_words, folded
    // Terse items: per step, word -> the questions of the step whose wording holds it.
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<std::string>>>
        step_words;
    std::unordered_map<std::string, std::unordered_set<std::string>> question_words;
    std::unordered_set<std::string> terse_words; // owned by one question of some step
    // Apostrophe-less spellings -> their words ("didnt" -> "didn", "t"): learn_contractions.
    std::unordered_map<std::string, std::vector<std::string>> contractions;
  };
  void add_variant(const std::string& id, bool step, std::size_t language, std::string_view text,
                   bool alias = false);
  // Calls visit(variant, score) for every variant that passes the wording rules for `words`.
  template <typename Visit>
  void eligible_variants(const std::vector<std::string>& words, std::size_t language,
                         std::size_t raw_words, bool asks, Visit&& visit) const;
  // Scores of every eligible variant for the whole line and each of its clauses; the best per
  // (id, step) kept.
  const std::unordered_map<std::size_t, Match>& scores(std::string_view plain,
                                                       bool with_clauses = true) const;
  std::unordered_map<std::size_t, Match> compute_scores(std::string_view plain,
                                                        bool with_clauses) const;
  // Is `word` French's "je" elided to "j" before a consonant ("jretrouverais")?
  bool elides_je(const std::string& word) const;
  // words() of a text already folded and cut into words.
  std::vector<std::string> words_of(const std::vector<std::string>& folded,
                                    std::size_t language) const;
  // The facts of `word` in languages_[language]: from `memo` once built (start() it first).
  WordFacts facts_of(std::size_t language, const std::string& word) const;
  const WordFacts& facts(WordFactsMemo& memo, std::size_t language, const std::string& word) const {
    return memo.get(language, word, [&] { return facts_of(language, word); });
  }
  // The per-thread memo, started for this matcher: references from it stay valid until the
  // next call (so for one words_of() or may_match()).
  WordFactsMemo& word_facts() const;
  // Questions of `step` that the terse item `plain` names by a word only that question has.
  std::vector<Match> terse_matches(std::string_view plain, std::string_view step) const;
  bool could_be_terse(std::string_view plain) const;
  // A folded word some pack knows, or the writer's, the ex's, a relative's, a date's.
  bool knows_word(const std::string& folded) const;
  double weight_of(const std::string& word) const;
  bool is_content(const std::string& word) const;
  std::size_t content_words(const std::vector<std::string>& words) const;
  std::size_t shared_content(const std::vector<std::string>& a,
                             const std::vector<std::string>& b) const;
  // Names nobody configured: "What did Sam say?" names the ex with a capitalised word that is
  // no known word, in a line where it does not start a sentence.
  std::string with_names(std::string_view text) const;
  std::string canonical(const Language& language, const std::string& stemmed) const;
  // canonical(stem(word)) in languages_[language], memoised per thread.
  const std::string& canonical_stem(std::size_t language, const std::string& word) const;

  std::vector<Language> languages_;
  std::unordered_set<std::string> me_words_, ex_words_, stop_words_, negation_words_;
  std::unordered_set<std::string> first_person_; // me_words_ without the second person
  std::unordered_set<std::string> pronoun_words_, topic_pronouns_; // every set's; the gate's
  std::vector<std::vector<std::string>> question_leads_; // folded words, as question_leads
  std::unordered_set<std::string> question_lead_heads_;  // their first words
  std::unordered_set<std::string> question_openers_;     // first words, folded, every language
  std::unordered_set<std::string> vocabulary_;           // every folded word of the pack
  // The topic gate's words (folded, every language) and word prefixes ("relationship*").
  std::unordered_set<std::string> topic_words_, weak_topic_words_;
  std::vector<std::unordered_set<std::string>> weak_topic_tokens_; // per language, as compared
  std::unordered_set<std::string> other_senses_;      // strong topic words with other senses
  std::unordered_set<std::string> other_people_;      // "Mum", "Dad": capitalised, never the ex
  std::unordered_set<std::string> relative_pronouns_; // "who", "qui": a person told of
  std::unordered_set<std::string> relatives_, couple_joiners_; // titles (titles_a_relative)
  std::vector<std::vector<std::string>> other_subjects_; // titles_another_subject, word by word
  std::vector<std::vector<std::string>> helped_titles_;  // titles_someone_helped, word by word
  std::unordered_set<std::string> groups_left_;          // asks_why_someone_left_a_group
  std::unordered_set<std::string> letter_salutations_;
  std::unordered_set<std::string> we_words_, others_possessives_, relationship_nouns_;
  std::unordered_set<std::string> date_words_; // month and weekday names: "Sunday," greets no one
  // Weekday names written out ("sunday", "samedi"): when a log is kept ("Sunday log", "Carnet
  // du samedi"), never what a question asks, so no word to match.
  std::unordered_set<std::string> weekday_words_;
  std::unordered_map<std::string, std::string> second_person_; // "you" -> "they"
  std::vector<std::string> topic_prefixes_;
  std::vector<Variant> variants_;
  std::unordered_map<std::string, std::vector<std::size_t>> index_; // word -> variants
  std::unordered_map<std::string, double> idf_;
  std::unordered_map<std::string, int> order_;              // id -> the pack's order (ties)
  std::unordered_map<std::string, std::size_t> keys_;       // "step:why" / "why.official" -> key
  std::unordered_map<std::string, std::string> step_names_; // folded words -> step id
  std::uint64_t id_ = 0;
  bool built_ = false; // the constructor has finished: results may be memoised
};

} // namespace mend::engine
