// Recognises a line of a note as one of the pack's questions or steps, by its wording.
//
// People write the questions in their own words: "Official reasons", "What did he tell me?",
// "Qu'est-ce qui ne marchait pas ?". Lines are compared as sets of normalised words (case and
// accents folded, light stemming, pronouns and the ex's name folded into one token, first and
// second person into another, function words dropped), weighted by how rare each word is among
// the pack's questions, so "official" counts for more than "relationship". The score is a
// weighted Dice coefficient against the question's text and each alias, in every language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "daemon/engine/pack.h"

namespace mend::engine {

// Immutable after construction; safe to share between threads.
class QuestionMatcher {
public:
  QuestionMatcher(const Pack& pack, std::string_view ex_name);

  struct Match {
    std::string id; // question id, or step id when `step`
    bool step = false;
    double score = 0; // 0..1 (a bonus for the enclosing step's questions may lift it)
  };

  // The best question or step for `plain` (a candidate line with Markdown removed). Questions
  // of `section_step` (the step whose heading the line sits under, "" when none) are favoured.
  std::optional<Match> best(std::string_view plain, std::string_view section_step) const;

  // True when best(plain, S) could return a match (a step or a question) for SOME section step
  // S: the section bonus is granted to every question at once. A superset of best() by
  // construction (both share eligible_variants()), used by question_prefilter.h to prove that a
  // line is no question without knowing which section it sits in.
  bool could_match(std::string_view plain) const;

  // Normalised words, as compared (for tests and for guidance matching).
  std::vector<std::string> words(std::string_view text) const;
  // Weighted Dice similarity of two texts' normalised words.
  double similarity(std::string_view a, std::string_view b) const;

  // Words that refer to the ex (pronouns of every pronoun set, partner words, the ex's name),
  // folded, and the person's own words (first/second person): the rules read them.
  bool refers_to_ex(std::string_view folded_word) const {
    return ex_words_.count(std::string(folded_word)) > 0;
  }

  static constexpr double kThreshold = 0.56;

private:
  struct Variant {
    std::string id;
    bool step = false;
    std::vector<std::string> words;
    double weight = 0;
    std::size_t raw_words = 0; // words as written, function words included
  };
  void add_variant(const std::string& id, bool step, std::string_view text);
  // Calls visit(variant, score) for every variant that passes best()'s rules for `plain`
  // (coverage, content words), with its score before any section bonus. Defined in the .cpp,
  // its only user.
  template <typename Visit> void eligible_variants(std::string_view plain, Visit&& visit) const;
  double weight_of(const std::string& word) const;
  // A word that tells questions apart: not the person's or the ex's token, not a word most
  // questions use. Words no question uses count (they make a line less like any question).
  bool is_content(const std::string& word) const;
  std::size_t content_words(const std::vector<std::string>& words) const;
  std::size_t shared_content(const std::vector<std::string>& a,
                             const std::vector<std::string>& b) const;

  // Names nobody configured: "What did Sam say?" names the ex with a capitalised word that is
  // no known word, in a line where it does not start a sentence.
  std::vector<std::string> words_with_names(std::string_view text) const;
  std::string canonical(const std::string& stemmed) const;

  std::unordered_set<std::string> me_words_, ex_words_, stop_words_, negation_words_;
  std::unordered_map<std::string, std::string> synonyms_; // stemmed word -> stemmed canonical
  std::unordered_set<std::string> vocabulary_;            // every folded word of the pack
  std::vector<Variant> variants_;
  std::unordered_map<std::string, std::vector<std::size_t>> index_; // word -> variants
  std::unordered_map<std::string, double> idf_;
};

} // namespace mend::engine
