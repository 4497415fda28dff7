// The analysis is memoised for editors (note_analysis.cpp: the matcher's answers per line, the
// guidance check per block, the language counts updated from the last prefix). A memo must
// return what a fresh computation returns: here one Analyzer follows a note through many
// edits (its memos warm, the language counted incrementally) and each state is analysed again
// by a fresh Analyzer (nothing remembered) for comparison.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "daemon/engine/note_analysis.h"
#include "test_support.h"

using namespace mend::engine;

namespace {

const Pack& pack() {
  return mend::test::builtin_pack();
}

// Edits that move the language, the matches and the answers: typed letters, whole lines of
// either language's function words, questions, guidance-like lines, deletions.
const std::vector<std::string> kInserts = {"x",
                                           " ",
                                           "\n",
                                           "é",
                                           "?",
                                           "le la les de des et je tu il elle ne pas\n",
                                           "the and of to I you he she it not\n",
                                           "## Why did it end?\n",
                                           "## Pourquoi c'est fini ?\n",
                                           "- What were the official reasons?\n",
                                           "I don't know\n",
                                           "Nothing.\n",
                                           "**What did I do wrong?** I was never there.\n",
                                           "\n---\n",
                                           "2026-11-20 — called her\n"};

} // namespace

TEST_CASE("memoised analysis equals a fresh one after every edit", "[analysis][memo]") {
  auto notes = mend::test::fixture_notes({"tests/golden", "examples/notes"});
  REQUIRE(notes.size() > 20);
  std::mt19937 rng(42);
  Analyzer warm(pack(), {});
  std::size_t states = 0, languages_changed = 0;
  for (std::size_t n = 0; n < notes.size(); ++n) {
    std::string text = notes[n];
    // Long enough that the language prefix (32 KB) is cut mid-note in some states.
    if (n % 8 == 0)
      while (text.size() < 40 * 1024)
        text += notes[(n + text.size()) % notes.size()];
    std::vector<std::string> states_of_note{text};
    for (int e = 0; e < 12; ++e) {
      std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(rng);
      if (rng() % 4 == 0) {
        std::size_t len = std::uniform_int_distribution<std::size_t>(1, 200)(rng);
        text.erase(at, len);
      } else {
        text.insert(at, kInserts[rng() % kInserts.size()]);
      }
      states_of_note.push_back(text);
    }
    // First the warm Analyzer over the whole sequence (so its memos follow the edits), then a
    // fresh Analyzer per state (a new Analyzer never reuses another's memo).
    std::vector<std::string> warm_results;
    for (const auto& s : states_of_note)
      warm_results.push_back(mend::test::summary(warm.analyse(s, "note.md")));
    for (std::size_t i = 0; i < states_of_note.size(); ++i) {
      Analyzer fresh(pack(), {});
      std::string want = mend::test::summary(fresh.analyse(states_of_note[i], "note.md"));
      INFO("note " << n << ", state " << i);
      REQUIRE(warm_results[i] == want);
      if (i > 0 && warm_results[i].substr(0, 2) != warm_results[i - 1].substr(0, 2))
        ++languages_changed;
      ++states;
    }
  }
  CHECK(states > 300);
  CHECK(languages_changed > 0); // the incremental language count really had to follow
}

TEST_CASE("the language follows edits that join or split words across lines", "[analysis][memo]") {
  // French leads by one "le"; joining two "le" lines makes "lele", no word of either language.
  std::string before = "the the the\nle\nle\nle\nle\n";
  std::string joined = "the the the\nlele\nle\nle\n";
  Analyzer warm(pack(), {});
  CHECK(warm.detect_language(before) == "fr");
  CHECK(warm.detect_language(joined) == "en");
  CHECK(warm.detect_language(before) == "fr");
  // A note longer than the 32 KB read: an edit near the start shifts the cut line.
  std::string filler;
  while (filler.size() < 40 * 1024)
    filler += "le la les de des et\n";
  std::string english = std::string(3000, 'x') + "\n" + std::string(400, ' ');
  for (int i = 0; i < 2000; ++i)
    english += "the and of ";
  std::string text = english + "\n" + filler;
  std::string edited = text;
  edited.insert(10, "the the\n");
  std::vector<std::string> want;
  for (const std::string* t : {&text, &edited, &text}) {
    Analyzer fresh(pack(), {}); // a new Analyzer remembers nothing
    want.push_back(fresh.detect_language(*t));
  }
  CHECK(warm.detect_language(text) == want[0]);   // counted afresh (fresh ones came between)
  CHECK(warm.detect_language(edited) == want[1]); // from the remembered lines
  CHECK(warm.detect_language(text) == want[2]);
}
