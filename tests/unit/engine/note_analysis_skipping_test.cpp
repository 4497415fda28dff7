// Analyzer::analyse(text, path) first tries to leave out of the parse the parts of a note that
// provably cannot matter (note_analysis.cpp, analyse_skipping_sections). Whenever it does, the
// analysis must be the one a parse of the whole note gives: compared here over long notes made
// of the fixtures, rewrites of them, random mixtures with the constructs that end answers and
// sections, and generated vaults of both profiles. The cold path (analyse_cold: the prefilter,
// the regions of note_regions.cpp, then the whole parse) is checked on the same notes.
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
#include "test_support.h"

using namespace mend::engine;
namespace fs = std::filesystem;

namespace {

struct Tally {
  std::size_t notes = 0, skipped = 0;
};

void check_same(const Analyzer& analyzer, const std::string& text, const std::string& what,
                Tally& tally) {
  ++tally.notes;
  std::string whole = mend::test::summary(analyzer.analyse(text, parse_outline(text), "n.md"));
  auto partial = analyzer.analyse_skipping_sections(text, "n.md");
  if (partial) {
    ++tally.skipped;
    INFO(what << "\n" << text.substr(0, 3000));
    REQUIRE(mend::test::summary(*partial) == whole);
  }
  INFO(what);
  REQUIRE(mend::test::summary(analyzer.analyse(text, "n.md")) == whole);
  REQUIRE(mend::test::summary(analyzer.analyse_cold(text, "n.md")) == whole);
}

std::string long_note(const std::vector<std::string>& notes, std::mt19937& rng) {
  std::string text;
  while (text.size() < 12 * 1024)
    text += notes[rng() % notes.size()] + "\n";
  return text;
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

} // namespace

TEST_CASE("a note analysed without its inert parts equals the whole parse: long notes from the "
          "fixtures, spliced and CRLF",
          "[analysis][skipping]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  auto notes = mend::test::fixture_notes({"tests/golden", "examples/notes"});
  std::mt19937 rng(11);
  Tally tally;
  for (int n = 0; n < 60; ++n) {
    std::string text = long_note(notes, rng);
    check_same(analyzer, text, "long note " + std::to_string(n), tally);
    check_same(analyzer, mend::test::spliced(text, rng, 12), "spliced " + std::to_string(n), tally);
    check_same(analyzer, crlf(text), "crlf " + std::to_string(n), tally);
  }
  INFO("notes " << tally.notes << ", analysed with parts skipped " << tally.skipped);
  CHECK(tally.skipped > tally.notes / 4); // the skipping path was really taken
}

namespace {

// Every note of a vault gen_vault.py writes (`profile`: "bench" or "diary"), whole, and spliced.
Tally check_vault(const std::string& profile, int notes, int seed) {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  fs::path dir =
      fs::temp_directory_path() / ("mend-skipping-" + profile + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string command = "python3 '" + std::string(MEND_SOURCE_DIR) +
                        "/tests/bench/gen_vault.py' '" + dir.string() + "' --notes " +
                        std::to_string(notes) + " --seed " + std::to_string(seed) + " --profile " +
                        profile + " > /dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  std::mt19937 rng(static_cast<unsigned>(seed));
  Tally tally;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    if (fs::file_size(e.path()) > 200 * 1024) continue; // the ~1 MB notes: minutes under sanitizers
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    check_same(analyzer, text, e.path().string(), tally);
    if (text.size() > 4096)
      check_same(analyzer, mend::test::spliced(text, rng, 6), "spliced " + e.path().string(),
                 tally);
  }
  fs::remove_all(dir);
  return tally;
}

} // namespace

TEST_CASE("a note analysed without its inert parts equals the whole parse: a generated vault",
          "[analysis][skipping]") {
  Tally tally = check_vault("bench", 400, 5);
  INFO("notes " << tally.notes << ", analysed with parts skipped " << tally.skipped);
  CHECK(tally.skipped > 20);
}

TEST_CASE("a note analysed without its inert parts equals the whole parse: a generated diary "
          "vault",
          "[analysis][skipping]") {
  Tally tally = check_vault("diary", 300, 9);
  INFO("notes " << tally.notes << ", analysed with parts skipped " << tally.skipped);
  CHECK(tally.skipped > 20);
}
