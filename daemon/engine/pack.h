// The template pack: the article's steps and questions as data, in one or more languages.
//
// Built from the Markdown files of templates/ (embedded at build time) and any override files a
// notes folder keeps in .mend/templates/. The rules' phrase lists (nil replies, self-blame, hedged
// yes...) live here too, so a pack in another language brings its own. See templates/README.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/engine/dates.h"

namespace mend::engine {

struct QuestionSpec {
  std::string id;   // catalogue id, "why.official"
  std::string step; // "why"
  std::string text; // with variables, "What were {their} official reasons…"
  std::string guidance;
  std::vector<std::string> aliases;
  bool fault_finding = false;    // a nil reply is not an answer (why.disliked, wrongs.scope)
  bool self_blame_check = false; // reach-out answers: 100% self-blame raises `self-blame`
  bool verdict = false;          // evaluate.verdict: not a clear yes raises `conditional`
  bool log = false;              // new-start.log: dated entries, `log-overdue`
  // Asks of the writer's own feelings or ways ("Am I afraid…", "Were my needs…"): asked of
  // someone else ("Is Marianne afraid…") it is not the article's question.
  bool of_writer = false;
  // Asked by any debrief as well ("What went wrong?", "Is it reversible?", "What would I do
  // differently?", "Lessons for next time"): alone, in a note whose only signs of a
  // relationship are a pronoun or an everyday word, they show a work retro, not the article.
  bool any_debrief = false;
  // Asked by its step's title posed with "?" and answered right under it ("What if she says
  // no?" over "Her choice. At least I tried."): if-no.accept, whose wording opens with it, and
  // why.official ("Why did she leave?" over her words).
  bool asked_by_step_title = false;
  // What the ex said or left unsaid (why.official, why.unofficial): a line where the writer is
  // the one telling ("What I'll say to him", "Ce que je lui ai dit") never asks it.
  bool said_by_ex = false;
  // What the writer will tell the ex (reach-out.share): a line telling what the ex says about
  // the writer ("What he says about me: …") never asks it.
  bool told_by_writer = false;
};

struct StepSpec {
  std::string id;
  int order = 0;
  std::string title;
  std::string short_title;
  std::string intro; // the file's body
  std::vector<std::string> requires_;
  std::vector<std::string> aliases;
  std::string condition; // a verdict question id: the step is expected when it is not a yes
  int log_overdue_days = 7;
  std::vector<QuestionSpec> questions;
  std::string source; // "builtin:en/why.md" or the override file's path
};

using PronounSet = std::map<std::string, std::string>; // variable -> word ("their" -> "his")

// One language's pack. Phrases are stored lower case.
struct LanguagePack {
  std::string language; // "en"
  std::string name;     // "English"
  std::string placeholder = "_your answer_";
  std::vector<std::string> placeholders;
  std::string default_pronouns = "they";
  std::map<std::string, PronounSet> pronouns;
  // Other ways a person names a set in the settings: another language's set ("il" for "he"),
  // or a word of it written as a set's name ("him", "her"). Set name -> lower-case words.
  std::map<std::string, std::vector<std::string>> pronoun_aliases;
  std::string ex_default_name;
  std::string addressee_as; // how a letter's "you" is read: "they" (letter_salutations below)
  std::vector<std::string> stopwords, first_person, second_person, partner_words, nil_replies,
      fillers, todo_words, labels, own_fault_cues, self_blame, negations, clear_yes, hedges,
      shared_words;
  // Recognition: words that say a question is about the writer's own future act ("will",
  // "going to": what I'll tell them is reach-out, what they told me is why), and the
  // vocabulary that shows a note is about a relationship at all (the topic gate).
  // topic_pronouns: the personal pronouns that may name the ex in a note with no other sign
  // ("him", "elle"), never the ones every other note holds too ("they", "la", "il").
  // weak_topic_words: everyday words that show the topic only twice over ("alone", "love": a
  // trip note says "travelling alone" once); one alone is a sign as weak as a pronoun.
  // other_people: family and others a note may name with a capital ("Mum", "Dad", "Maman"):
  // never the ex, although no pack knows them as a name.
  // letter_salutations: an unsent letter ("Dear Rachel," or "Rachel," opening
  // the note) speaks to the ex, who is "you" in it.
  // we_words: the writer's couple ("we", "our"), as much the writer's own as "I".
  // others_possessives, relationship_nouns: a relationship given to others ("their marriage",
  // "leur couple") is someone else's, as in a note on a friend's marriage or a novel.
  std::vector<std::string> future_markers, topic_words, topic_pronouns, weak_topic_words,
      other_people, letter_salutations, we_words, others_possessives, relationship_nouns;
  // relative_pronouns: "who", "qui" after a person ("my aunt who keeps asking") tell of them:
  // the question only brings them in, it is not about them.
  std::vector<std::string> relative_pronouns;
  // relatives: family a note may be titled after ("Mam - session 4"): it is about them.
  // couple_joiners: what joins a pair of people in a title ("Jen and Mark", "Inès & Karim").
  // other_subjects: words of a title naming another subject ("Redundancy: what happened",
  // "Book club", "Boulot - démission"): the note asks the article's questions of it.
  // helped_titles: words of a title naming someone the writer helps ("Client M.", "Aiman 1-1",
  // "Courrier - Nour"): the article's questions put to them in the second person are theirs.
  std::vector<std::string> relatives, couple_joiners, other_subjects, helped_titles;
  // groups_left: what someone may leave that is no partner ("Why did Kojo leave the project?",
  // "Pourquoi Kévin a quitté le groupe ?"): the question asks of a team, not of the breakup.
  std::vector<std::string> groups_left;
  // person_objects: where pronouns may stand for things (pronouns_name_people false), the
  // words after which one names a person all the same ("il m'a dit", "elle t'a donné").
  std::vector<std::string> person_objects;
  // unconditional: what says a yes has no condition ("no hesitation", "sans réserve").
  std::vector<std::string> unconditional;
  // topic_words_other_senses: strong topic words with an everyday other sense ("relationship"
  // with a supplier, "rupture" de stock): alone, they do not make a debrief about the topic.
  std::vector<std::string> topic_words_other_senses;
  // Whether topic_pronouns stand for people only (English "he", "her"), so that a question
  // asked only with another person's pronouns is about someone else; or as often for nouns
  // (French "elle" is "la relation", "il" nobody in "il faut"), so that they never count alone.
  bool pronouns_name_people = true;
  // Words that open a question ("what", "did", "pourquoi"): a list item or line starting with
  // one is posed as a question even without its "?" ("1. What went wrong").
  std::vector<std::string> question_openers;
  // Phrases that open a line posing one of the article's prompts without asking: its
  // imperative ("Remember the times…") and the noun phrase people make of it ("The times I
  // thought I'd never meet anyone", "Les fois où…"). Such a line is posed as an opener's is.
  std::vector<std::string> question_leads;
  // Words as typed in a hurry, and the words they stand for ("koi" -> "quoi", "jvé" -> "je
  // vais", "abt" -> "about"): read as those words wherever the pack's questions are matched.
  std::map<std::string, std::string> spellings;
  std::vector<std::vector<std::string>> months, weekdays;
  // Words people use for the same thing ("left", "dumped", "broke up"): matched as the first.
  std::vector<std::vector<std::string>> synonyms;
  // Words speech drops from a phrase without changing it (French "ne": "personne voudrait de
  // moi" is "personne ne voudrait de moi"): a synonym phrase holding one is matched without it
  // too.
  std::vector<std::string> droppable_words;
  // Adverbs that only insist, which people slip in after a negation ("he never really said",
  // "she didn't quite say", "pas vraiment dit"): read without them, a phrase of the synonyms
  // ("never said") is still found.
  std::vector<std::string> insisting_words;
  std::vector<StepSpec> steps; // sorted by order
  std::string source;

  const StepSpec* step(std::string_view id) const;
  const QuestionSpec* question(std::string_view id) const;
};

struct PackProblem {
  std::string source; // file
  int line = 0;       // 0-based, -1 when not known
  std::string message;
};

// A file of a pack: "en/why.md" or "en/_pack.md" relative to a templates root.
struct PackFile {
  std::string name; // "en/why.md"; override files may also be flat ("why.md" → language from front
                    // matter, else "en")
  std::string text;
  std::string source; // how `mend templates` shows where it came from
};

// The step a question id belongs to: "why.official" is "why" (catalogue.md's ids).
std::string step_of_question(std::string_view id);

// All languages. Step ids and order come from the first language (English); every language
// must use the same ids (catalogue.md), checked when loading.
class Pack {
public:
  // Later files win over earlier ones with the same (language, step id): pass the built-in
  // files first, then a folder's overrides. Problems are collected, never thrown.
  static Pack load(const std::vector<PackFile>& files, std::vector<PackProblem>* problems);

  const std::vector<LanguagePack>& languages() const { return languages_; }
  const LanguagePack* language(std::string_view code) const;
  const LanguagePack& primary() const { return languages_.front(); }
  bool empty() const { return languages_.empty(); }

  // Step ids in the article's order, the union over languages.
  const std::vector<std::string>& step_ids() const { return step_ids_; }
  const StepSpec* step(std::string_view id, std::string_view language = "en") const;
  const QuestionSpec* question(std::string_view id, std::string_view language = "en") const;
  // Question ids of a step in order.
  std::vector<std::string> question_ids(std::string_view step) const;
  // Every month / weekday name of every language, for the date reader.
  const DateNames& date_names() const { return date_names_; }

private:
  std::vector<LanguagePack> languages_;
  std::vector<std::string> step_ids_;
  DateNames date_names_;
};

// The pack compiled into the binary (templates/ at build time).
const std::vector<PackFile>& builtin_pack_files();

} // namespace mend::engine
