// Analyzer::analyse_in_regions (note_regions.cpp): a note the prefilter cannot skip is proven to
// hold nothing by parsing only the regions around its candidate lines. Whenever it gives an
// analysis, that must be the whole parse's: compared here on every note the prefilter cannot
// skip among the fixtures, the corpus, long notes made of them (spliced with the constructs that
// end answers and sections, and with candidate lines), and generated vaults of both profiles,
// each tried at any size (the scan tries only notes of kRegionsMinBytes or more).
#include <catch2/catch.hpp>

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
  std::size_t tried = 0, proven = 0;
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
  PrefilterVerdict verdict =
      prefilter_note(text, analyzer.matcher(), analyzer.topic_sign(text), reads);
  if (verdict.reason != ParseReason::Candidate) return;
  ++tally.tried;
  // Without the probes, which guess and would hide a hole in the proof.
  std::vector<LineRead> unprobed = reads;
  auto regions = analyzer.analyse_in_regions(text, "n.md", unprobed, 0, false);
  if (!regions) return;
  ++tally.proven;
  std::string whole = mend::test::summary(analyzer.analyse(text, "n.md"));
  INFO(what << "\n" << text.substr(0, 3000));
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
  INFO("notes " << notes.size() << ", tried " << tally.tried << ", proven " << tally.proven);
  CHECK(tally.proven > 20); // the regions path was really taken (most of these hold questions)
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
  INFO("tried " << tally.tried << ", proven " << tally.proven);
  CHECK(tally.proven > 20);
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
