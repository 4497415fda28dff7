// Case, accent and word normalisation.
#include <catch2/catch.hpp>

#include "daemon/engine/normalize.h"

using namespace mend::engine;

TEST_CASE("folding lowers case and removes accents", "[normalize]") {
  CHECK(fold_case("ÉTÉ Œuvre ABC") == "été œuvre abc");
  CHECK(fold_for_match("Été, Œuvre — qu’il") == "ete, oeuvre - qu'il");
  CHECK(fold_case("\xff\xfe ok") == "\xff\xfe ok"); // bytes it does not understand pass through
}

TEST_CASE("words split on punctuation and apostrophes", "[normalize]") {
  CHECK(split_words("didn't you, 100%?") == std::vector<std::string>{"didn", "t", "you", "100"});
}

TEST_CASE("stemming meets related forms", "[normalize]") {
  CHECK(stem("reasons") == stem("reason"));
  CHECK(stem("leaving") == stem("leave"));
  CHECK(stem("disliked") == stem("dislike"));
  CHECK(stem("less") == "less");
}

TEST_CASE("punctuation-only text has no word", "[normalize]") {
  CHECK(has_no_word("... ? — …"));
  CHECK_FALSE(has_no_word("No."));
  CHECK_FALSE(has_no_word("é"));
  CHECK_FALSE(has_no_word("😢"));
}
