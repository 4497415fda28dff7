// Case, accent and word normalisation.
#include <catch2/catch.hpp>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "daemon/engine/normalize.h"
#include "daemon/engine/stemmer.h"
#include "test_support.h"

using namespace mend::engine;

TEST_CASE("folding lowers case and removes accents", "[normalize]") {
  CHECK(fold_case("ÉTÉ Œuvre ABC") == "été œuvre abc");
  CHECK(fold_for_match("Été, Œuvre — qu’il") == "ete, oeuvre - qu'il");
  CHECK(fold_case("\xff\xfe ok") == "\xff\xfe ok"); // bytes it does not understand pass through
}

TEST_CASE("words split on punctuation and apostrophes", "[normalize]") {
  CHECK(split_words("didn't you, 100%?") == std::vector<std::string>{"didn", "t", "you", "100"});
}

TEST_CASE("typographic punctuation, arrows and emoji end a word", "[normalize]") {
  using W = std::vector<std::string>;
  CHECK(split_words(fold_for_match("personne… et où si")) == W{"personne", "et", "ou", "si"});
  CHECK(split_words(fold_for_match("porter→demander")) == W{"porter", "demander"});
  CHECK(split_words(fold_for_match("❓Au final 💡idée • fin")) == W{"au", "final", "idee", "fin"});
  // Letters of other scripts stay words (their folding is the Unicode issue's).
  CHECK(split_words(fold_for_match("Ζωή жизнь")).size() == 2);
}

TEST_CASE("Snowball stems meet related forms in each language", "[normalize]") {
  CHECK(stem("reasons", "en") == stem("reason", "en"));
  CHECK(stem("leaving", "en") == stem("leave", "en"));
  CHECK(stem("disliked", "en") == stem("dislike", "en"));
  CHECK(stem("relationships", "en") == stem("relationship", "en"));
  CHECK(stem("less", "en") == "less");
  CHECK(stem("quitter", "fr") == stem("quitte", "fr"));
  CHECK(stem("raisons", "fr") == stem("raison", "fr"));
  CHECK(stem("anything", "xx") == "anything"); // a language Snowball lacks: the word itself
}

TEST_CASE("punctuation-only text has no word", "[normalize]") {
  CHECK(has_no_word("... ? — …"));
  CHECK_FALSE(has_no_word("No."));
  CHECK_FALSE(has_no_word("é"));
  CHECK_FALSE(has_no_word("😢"));
}

TEST_CASE("for_each_match_word cuts the words split_words(fold_for_match) cuts", "[normalize]") {
  auto words_of = [](std::string_view text) {
    std::vector<std::string> out;
    mend::engine::for_each_match_word(text, [&](std::string_view w) { out.emplace_back(w); });
    return out;
  };
  std::vector<std::string> texts = mend::test::fixture_notes({"tests/golden", "examples/notes"});
  texts.push_back(
      "l’homme — «citation» d'elle  ÉTÉ Straße ŒUVRE naïve\xc3\xa0x \xff\xfe bad \xe2\x82");
  // Random bytes, weighted towards the code points folding treats specially.
  const std::vector<std::string> pieces = {
      "a", "Z", "9", " ", "-", "'", "\xe2\x80\x99", "\xe2\x80\x9c", "\xc2\xab", "\xc2\xa0",
      "\xe2\x80\x94", "\xc3\xa9", "\xc3\x89", "\xc5\x93", "\xff", "\xe2", "\x80", "\n",
      // ASCII words, and what folding composes with the ASCII byte before it (combining
      // marks; "=" and "<" with U+0338), emoji
      "word", "Word", "e", "=", "<", ".", "\xcc\x81", "\xcc\xb8", "\xf0\x9f\x92\xa1",
      "\xef\xb8\x8f"};
  std::mt19937 rng(3);
  for (int n = 0; n < 20000; ++n) {
    std::string t;
    for (int k = 0, len = 1 + static_cast<int>(rng() % 40); k < len; ++k)
      t += pieces[rng() % pieces.size()];
    texts.push_back(t);
  }
  for (const auto& t : texts) {
    INFO(t.substr(0, 200));
    std::vector<std::string> folded_words;
    const std::function<void(std::string_view)> collect = [&](std::string_view w) {
      folded_words.emplace_back(w);
    };
    mend::engine::for_each_match_word(t, collect); // the overload that folds every word
    const auto expected = mend::engine::split_words(mend::engine::fold_for_match(t));
    CHECK(words_of(t) == expected);
    CHECK(folded_words == expected);
  }
}

// folded(): ASCII alone is its lower case in both folds (normalize.cpp reads it so without
// unicode.h).
TEST_CASE("ASCII folds to its lower case", "[normalize]") {
  std::mt19937 rng(5);
  for (int n = 0; n < 2000; ++n) {
    std::string t;
    for (int k = 0, len = static_cast<int>(rng() % 60); k < len; ++k)
      t += static_cast<char>(rng() % 0x80);
    std::string lower = t;
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    CHECK(fold_case(t) == lower);
    CHECK(fold_for_match(t) == lower);
    // The same bytes before a non-ASCII letter, folded by unicode.h's path.
    CHECK(fold_case(t + "\xc3\xa9") == lower + "\xc3\xa9");
    CHECK(fold_for_match(t + "\xc3\xa9") == lower + "e");
  }
}

// org-mode's and Logseq's task states are none of a question's words; a word that only
// begins like one, or one in lower case, is the writer's.
TEST_CASE("an outliner's task state is no word of the line", "[normalize]") {
  CHECK(after_numbering("TODO What will I tell him?") == 5);
  CHECK(after_numbering("DONE Ce que je lui dis") == 5);
  CHECK(after_numbering("WAITING Big yes?") == 8);
  CHECK(after_numbering("TODOS los días") == 0);
  CHECK(after_numbering("done with it?") == 0);
}

// French ordinals and a worksheet's lettered parts number the writer's questions too; a letter
// without its bracket, or a word, is the writer's.
TEST_CASE("a French ordinal and a lettered part are numbering", "[normalize]") {
  CHECK(after_numbering("1° Les raisons qu'elle m'a données") == 3);
  CHECK(after_numbering("2º Ce qu'elle n'a pas dit") == 3);
  CHECK(after_numbering("b) Ce que tout ce travail m'évitera") == 2);
  CHECK(after_numbering("B) What I'll tell him") == 2);
  CHECK(after_numbering("a plan for the weekend") == 0);
  CHECK(after_numbering("ab) not a part") == 0);
  CHECK(after_numbering("20° outside today") == 4); // a temperature too: harmless
  CHECK_FALSE(opens_unnumbered("b) Ce que"));
  CHECK(opens_unnumbered("Be honest"));
}
