// Analyzer::analyse_in_regions (note_regions.cpp): a note the prefilter cannot skip is proven to
// hold nothing by parsing only the regions around its candidate lines. Whenever it gives an
// analysis, that must be the whole parse's: compared here on every note the prefilter cannot
// skip among the fixtures, the corpus, long notes made of them (spliced with the constructs that
// end answers and sections, and with candidate lines), and generated vaults of both profiles,
// each tried at any size (the scan tries only notes of kRegionsMinBytes or more). So must
// Analyzer::analyse_past_inert_prefix's (the whole parse but for the inert pieces before the
// first line that could match), tried on the same notes without its gates.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "daemon/engine/markdown.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/question_prefilter.h"
#include "test_support.h"

using namespace mend::engine;
namespace fs = std::filesystem;

namespace {

struct Tally {
  std::size_t tried = 0, proven = 0, past_prefix = 0;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> notes_under(const fs::path& root) {
  std::vector<fs::path> paths;
  if (fs::exists(root))
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.path().extension() == ".md" &&
          fs::file_size(e.path()) < 200 * 1024) // the ~1 MB notes: minutes under sanitizers
        paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths)
    out.push_back(read_file(p));
  return out;
}

// The property, for a note the prefilter cannot skip for a candidate line: the regions'
// analysis, when there is one, is the whole parse's; so is analyse_cold()'s.
void check_same(const Analyzer& analyzer, const std::string& text, const std::string& what,
                Tally& tally) {
  std::vector<LineRead> reads;
  PrefilterVerdict verdict = prefilter_note(text, analyzer.matcher(), reads);
  if (verdict.reason != ParseReason::Candidate) return;
  ++tally.tried;
  std::string whole = mend::test::summary(analyzer.analyse(text, "n.md"));
  INFO(what << "\n" << text.substr(0, 3000));
  // The whole parse but for an inert prefix (analyse_past_inert_prefix), without its gates.
  std::vector<LineRead> prefix_reads = reads;
  if (auto prefix = analyzer.analyse_past_inert_prefix(text, "n.md", prefix_reads,
                                                       analyzer.topic_sign(text), false)) {
    ++tally.past_prefix;
    REQUIRE(mend::test::summary(*prefix) == whole);
  }
  // Without the probes, which guess and would hide a hole in the proof.
  std::vector<LineRead> unprobed = reads;
  auto regions = analyzer.analyse_in_regions(text, "n.md", unprobed, 0, false);
  if (!regions) return;
  ++tally.proven;
  REQUIRE(mend::test::summary(*regions) == whole);
  if (auto probed = analyzer.analyse_in_regions(text, "n.md", reads, 0))
    REQUIRE(mend::test::summary(*probed) == whole);
  REQUIRE(mend::test::summary(analyzer.analyse_cold(text, "n.md")) == whole);
}

// Paragraphs of a day (no candidate line) around `note`, so that most of it can be left out.
std::string in_a_diary(const std::string& note, std::mt19937& rng) {
  static const std::vector<std::string> days = {
      "Walked to the market, bought apples and bread.\nRain all afternoon.\n\n",
      "Work was long. The train was late again and I read on the platform.\n\n",
      "- groceries\n- call the bank\n- laundry\n\n",
      "Slept badly. Coffee with Ana, we talked about her new flat.\n\n",
      "> a quote from the book I am reading\n\n"};
  std::string text;
  for (int i = 0; i < 12; ++i)
    text += days[rng() % days.size()];
  text += note + "\n\n";
  for (int i = 0; i < 12; ++i)
    text += days[rng() % days.size()];
  return text;
}

} // namespace

TEST_CASE("prefilter: a note analysed in regions equals the whole parse: fixtures and corpus, "
          "alone, in a diary and spliced",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  std::vector<std::string> notes;
  for (const char* folder : {"tests/golden", "examples/notes", "tests/corpus"})
    for (auto& n : notes_under(fs::path(MEND_SOURCE_DIR) / folder))
      notes.push_back(std::move(n));
  std::mt19937 rng(17);
  Tally tally;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const std::string& text = notes[i];
    if (text.empty()) continue;
    check_same(analyzer, text, "note " + std::to_string(i), tally);
    std::string diary = in_a_diary(text, rng);
    check_same(analyzer, diary, "in a diary " + std::to_string(i), tally);
    check_same(analyzer, mend::test::spliced(diary, rng, 4), "spliced " + std::to_string(i), tally);
  }
  INFO("notes " << notes.size() << ", tried " << tally.tried << ", proven " << tally.proven
                << ", past a prefix " << tally.past_prefix);
  CHECK(tally.proven > 20); // the regions path was really taken (most of these hold questions)
  CHECK(tally.past_prefix > 100);
}

TEST_CASE("prefilter: a note analysed in regions equals the whole parse: generated vaults of "
          "both profiles (diary)",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  Tally tally;
  std::mt19937 rng(23);
  for (const char* profile : {"bench", "diary"}) {
    fs::path dir = fs::temp_directory_path() /
                   ("mend-regions-" + std::string(profile) + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    std::string command = "python3 '" + std::string(MEND_SOURCE_DIR) +
                          "/tests/bench/gen_vault.py' '" + dir.string() +
                          "' --notes 300 --seed 13 --profile " + profile + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    auto notes = notes_under(dir);
    for (std::size_t i = 0; i < notes.size(); ++i) {
      check_same(analyzer, notes[i], std::string(profile) + " " + std::to_string(i), tally);
      if (notes[i].size() > 4096)
        check_same(analyzer, mend::test::spliced(notes[i], rng, 6),
                   std::string(profile) + " spliced " + std::to_string(i), tally);
    }
    fs::remove_all(dir);
  }
  INFO("tried " << tally.tried << ", proven " << tally.proven << ", past a prefix "
                << tally.past_prefix);
  CHECK(tally.proven > 20);
  CHECK(tally.past_prefix > 20);
}

// Quoted questions count only in a note that quotes two or more (find_candidates): a quoted
// question far from the one that matches, in a piece the regions leave out, makes that one a
// candidate of the whole parse. Found in a generated diary of 10,000 notes (the regions said
// "nothing", the whole parse a question by alias); the regions now parse such a note whole.
TEST_CASE("prefilter: a note analysed in regions equals the whole parse: quoted questions apart",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  const std::vector<std::string> days = {
      "Walked to the market, bought apples and bread. Rain all afternoon.",
      "Work was long. The train was late again and I read on the platform.",
      "Slept badly. Coffee with Ana, we talked about her new flat."};
  auto some_days = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
      out += days[static_cast<std::size_t>(i) % days.size()] + "\n\n";
    return out;
  };
  const std::string text =
      "# Places\n\n" + some_days(6) +
      "> Why did she laugh at the winter?\n> Plan summer lesson cloud square sad last for "
      "neighbour balcony answer pasta cold love slow holiday respect repair dentist.\n\n" +
      some_days(8) +
      "### Restless first\n\n> Small brother could restless and maybe lonely weekend "
      "[talked](https://example.org/673) kitchen always so?\n\n1. Rent "
      "[warm](https://example.org/811) called tea music\n2. Library bills idea light often "
      "forest of\n\n" +
      some_days(8);
  REQUIRE(analyzer.analyse(text, "n.md").questions.size() == 1); // the quoted one, by alias
  Tally tally;
  check_same(analyzer, text, "quoted questions apart", tally);
  CHECK(tally.tried == 1);
}

// A note whose only questions are asked of someone else holds none (asks_of_others_only), and
// the regions, which set no line aside, recognise something in it: the proof from the regions
// (Analyzer::asks_of_others_only_in_regions) must then agree with the whole parse. Notes built
// of a diary's days, then a heading and what may be questions: lines asking of someone else,
// the article's questions without the writer, and lines around them that turn the whole parse's
// answer, the article's order placing a line of the writer's between two questions ("Did I
// leave the kettle on again?"), a question of the couple, a first question under a heading
// that tells nothing, quoted questions, a couple's heading; before the heading too. Most
// notes name the breakup (else the topic gate empties nearly all of them).
TEST_CASE("prefilter: a note analysed in regions equals the whole parse: asked of others only",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  const std::vector<std::string> days = {
      "Walked to the market, bought apples and bread.\nRain all afternoon.\n\n",
      "Work was long. The train was late again and I read on the platform.\n\n",
      "Slept badly. Coffee with Ana, we talked about her new flat.\n\n",
      "- groceries\n- call the bank\n\n"};
  // Lines no reading matches on its own: the whole parse may still give them a part.
  const std::vector<std::string> asides = {
      "Did the bus come late again?\n\n",         // a first question under a heading
      "Did I leave the kettle on again?\n\n",     // the writer's, placed by the article's order
      "Why did my sister leave her husband?\n\n", // asked of someone else
      "She left him in May, my sister says. Was she happy there?\n\n",
      "> Why did she laugh at the winter?\n> said the book, and no more.\n\n",
      "## Clara & Théo\n\n",
      "### Later\n\n"};
  // The article's questions, none of the writer's, then one of the couple's.
  const std::vector<std::string> questions = {
      "What were the official reasons?\n\n",
      "What were the unofficial reasons?\n\n",
      "What wasn't working?\n\n",
      "Are these reasons reversible?\n\n",
      "What wasn't working between us?\n\n",
      "## Plans\n\n",
      "> What wasn't working between us?\n> Too much work, too little time.\n\n"};
  std::mt19937 rng(29);
  Tally tally;
  std::size_t of_others = 0; // proven by the new proof: the whole parse recognises before
                             // setting aside the lines asked of others
  std::size_t kept = 0;      // a line asks of someone else, and the note keeps its questions
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  for (int n = 0; n < 1200; ++n) {
    std::string text =
        rng() % 4 ? "# 2026-03-02, a month after the breakup\n\n" : "# 2026-03-02\n\n";
    for (int i = 0, count = 6 + static_cast<int>(rng() % 10); i < count; ++i)
      text += rng() % 3 ? pick(days) : rng() % 8 ? pick(asides) : pick(questions);
    text += rng() % 4 ? (rng() % 2 ? "## Evening\n\n" : "### Evening\n\n") : "Evening\n\n";
    for (int i = 0, count = 2 + static_cast<int>(rng() % 6); i < count; ++i)
      text += rng() % 4 == 0 ? pick(days) : rng() % 2 ? pick(asides) : pick(questions);
    text += days[0];
    std::size_t proven = tally.proven;
    check_same(analyzer, text, "note " + std::to_string(n), tally);
    Outline outline = parse_outline(text);
    Candidates candidates = find_candidates(text, outline);
    Recognition recognition =
        recognise(text, outline, candidates, analyzer.matcher(), analyzer.pack(), LineIndex(text));
    bool recognised = !recognition.questions.empty() || !recognition.sections.empty();
    if (tally.proven > proven && recognised) ++of_others;
    std::vector<char> about = analyzer.questions_about_others(text, outline, candidates);
    if (std::count(about.begin(), about.end(), 1) > 0 &&
        !analyzer.analyse(text, "n.md").questions.empty())
      ++kept;
  }
  INFO("tried " << tally.tried << ", proven " << tally.proven << ", of them asked of others only "
                << of_others << "; kept with a line asked of others " << kept);
  CHECK(of_others > 50);
  CHECK(kept > 50);
}

// Days of a diary that ask nothing, and a title naming the topic: the filler of the notes below.
const char* const kUneventfulDays =
    "Walked to the market, bought apples and bread.\nRain all afternoon.\n\n"
    "Work was long. The train was late again and I read on the platform.\n\n"
    "Slept badly. Coffee with Ana, we talked about her new flat.\n\n";
const char* const kMonthAfterTitle = "# 2026-03-02, a month after the breakup\n\n";

// The same, on notes built so that a proof reading less than it must would be wrong: each
// holds a line asking of someone else and keeps its questions in the whole parse, by a line
// the regions could leave out.
TEST_CASE("prefilter: a note analysed in regions equals the whole parse: asked of others only, "
          "the lines that keep the questions",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  const std::string days = kUneventfulDays;
  const std::string title = kMonthAfterTitle;
  const std::vector<std::pair<std::string, std::string>> notes = {
      // The article's order gives the writer's line between two questions the question
      // between them.
      {"order", title + days + days + "## Evening\n\nWhy did my sister leave her husband?\n\n" +
                    days + "What were the official reasons?\n\n" + days +
                    "Did I leave the kettle on again?\n\n" + days + "What wasn't working?\n\n" +
                    days},
      // A quote far before the heading makes the one under it a question (two quoted), and
      // the article's order gives it the question between the two around it.
      {"quotes", title + days +
                     "> Why did she laugh at the winter?\n> said the book, and no more.\n\n" +
                     days + days +
                     "## Evening\n\nWhy did my sister leave her husband?\n\nWhat were the "
                     "official reasons?\n\n> Did I leave the kettle on again?\n> Probably.\n\n"
                     "What wasn't working?\n\n" +
                     days},
      // A couple's heading over the writer's line: their section is the writer's, and the
      // questions under it are not asked of the couple.
      {"couple", title + days + "## Clara & Théo\n\n" + days +
                     "Did I leave the kettle on again?\n\n" + days + days +
                     "### Evening\n\nWhat were the official reasons?\n\nWhat wasn't working?\n\n" +
                     days}};
  for (const auto& [what, text] : notes) {
    INFO(what);
    REQUIRE_FALSE(analyzer.analyse(text, "n.md").questions.empty());
    Tally tally;
    check_same(analyzer, text, what, tally);
    CHECK(tally.tried == 1);
  }
}

// The whole parse but for an inert prefix (Analyzer::analyse_past_inert_prefix), on notes built
// so that a proof reading less than it must would be wrong: a line asking of someone else in
// the days left out empties a note whose questions do not speak of the writer (so the proof
// needs one that does), and a quote posing a question left out makes the one under the heading
// a question (two quoted).
TEST_CASE("prefilter: a note analysed past an inert prefix equals the whole parse",
          "[analysis][regions]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  const std::string days = kUneventfulDays;
  const std::string title = kMonthAfterTitle;
  const std::string sister = "Why did my sister leave her husband?\n\n";
  struct Case {
    std::string what, text;
    bool holds, proven; // the whole parse holds questions; the prefix is left out
  };
  const std::vector<Case> cases = {
      {"others before, none of the writer's",
       title + days + sister + days + days +
           "## Evening\n\nWhat were the official reasons?\n\nWhat wasn't working?\n\n" + days,
       false, false},
      {"others before, the writer's",
       title + days + sister + days + days +
           "## Evening\n\nWhat were the official reasons?\n\nWhat wasn't working for me?\n\n" +
           days,
       true, true},
      {"a quote before",
       title + days + "> Why did she laugh at the winter?\n> said the book, and no more.\n\n" +
           days + days +
           "## Evening\n\nWhat were my official reasons?\n\n> Did I leave the kettle on "
           "again?\n> Probably.\n\nWhat wasn't working for me?\n\n" +
           days,
       true, true},
      // A client's session note in a diary: the heading past the prefix opens no note (the whole
      // parse sees the days first), so its client's title and tags set nothing aside.
      {"a heading past the prefix",
       days + days + days +
           read_file(fs::path(MEND_SOURCE_DIR) /
                     "tests/corpus/holdout-bc/bc01-morag/notes/Client M - session 4.md") +
           "\n\n" + days,
       true, true},
      // A quote left out before, one parsed after that asks nothing but heads a question: the
      // whole parse counts both (quoted questions count in a note that quotes two or more), so
      // the first is parsed too.
      {"quotes on both sides",
       days + "> a quote from the book I am reading\n\n" + days + days +
           read_file(fs::path(MEND_SOURCE_DIR) /
                     "tests/corpus/holdout-ca/ca08-darren/notes/Shelley - motives.md") +
           "\n\n> a quote from the book I am reading\n- **What did I do wrong?** Nothing.\n\n" +
           days,
       true, true}};
  for (const auto& c : cases) {
    INFO(c.what);
    NoteAnalysis whole = analyzer.analyse(c.text, "n.md");
    CHECK(whole.questions.empty() != c.holds);
    std::vector<LineRead> reads;
    REQUIRE(prefilter_note(c.text, analyzer.matcher(), reads).reason == ParseReason::Candidate);
    auto prefix = analyzer.analyse_past_inert_prefix(c.text, "n.md", reads,
                                                     analyzer.topic_sign(c.text), false);
    CHECK(prefix.has_value() == c.proven);
    if (prefix) CHECK(mend::test::summary(*prefix) == mend::test::summary(whole));
    CHECK(mend::test::summary(analyzer.analyse_cold(c.text, "n.md")) == mend::test::summary(whole));
  }
}
