// Unit tests for question_prefilter.cpp: every form a question takes makes the note parsed,
// plain diary notes are not, and a differential test over every fixture note (and adversarial
// rewrites of them, and a generated vault) proves that a skipped note's full analysis holds no
// step and no question and the same facts.
#include "daemon/engine/question_prefilter.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <unistd.h>

#include "daemon/engine/markdown.h"
#include "daemon/engine/normalize.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/question_candidates.h"
#include "test_support.h"

using mend::engine::Analyzer;
using mend::engine::NoteAnalysis;
using mend::engine::Pack;
using mend::engine::ParseReason;
using mend::engine::prefilter_note;

namespace fs = std::filesystem;

namespace {

const Pack& pack() {
  return mend::test::builtin_pack();
}

// Line views are tested against the analysis without the topic gate (the notes here are one
// form each); the gated analysis has its own identity test below, through gated_analyzer().
const Analyzer& analyzer() {
  static const Analyzer a(pack(), {"", "", false});
  return a;
}

const Analyzer& gated_analyzer() {
  static const Analyzer a(pack(), {"", ""});
  return a;
}

ParseReason reason(std::string_view note) {
  return prefilter_note(note, analyzer().matcher()).reason;
}

std::size_t found(std::string_view note) {
  NoteAnalysis n = analyzer().analyse(note, "note.md");
  return n.steps.size() + n.questions.size();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Note {
  std::string path; // relative, for messages and the daily note's date
  std::string text;
};

std::vector<Note> notes_under(const fs::path& root) {
  std::vector<Note> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".md")
      out.push_back({fs::relative(e.path(), root).generic_string(), read_file(e.path())});
  std::sort(out.begin(), out.end(), [](const Note& a, const Note& b) { return a.path < b.path; });
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  for (;;) {
    std::size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, const char* eol = "\n") {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += (i ? eol : "") + lines[i];
  return out;
}

// Each non-blank line rewritten by `f`.
std::string rewrite(const std::string& text, const std::function<std::string(std::string)>& f) {
  auto lines = split_lines(text);
  for (auto& l : lines)
    if (!mend::engine::trim(l).empty()) l = f(l);
  return join_lines(lines);
}

// The adversarial variants of a note: its lines in containers, as headings, bold, "Q:" lines,
// with CRLF line breaks, after a byte order mark.
std::vector<std::pair<std::string, std::string>> variants(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out{{"as is", text}};
  auto prefixed = [&](const char* name, const std::string& prefix) {
    out.emplace_back(name, rewrite(text, [&](std::string l) { return prefix + l; }));
  };
  prefixed("bullets", "- ");
  prefixed("quoted", "> ");
  prefixed("numbered", "1. ");
  prefixed("indented", "   ");
  prefixed("tasks", "- [ ] ");
  prefixed("done tasks", "* [x] ");
  prefixed("nested", "  - 2) ");
  prefixed("headings", "## ");
  prefixed("numbered headings", "### 1. ");
  prefixed("headings in items", "- # ");
  prefixed("qa", "Q: ");
  out.emplace_back("bold", rewrite(text, [](std::string l) { return "**" + l + "**"; }));
  out.emplace_back("bold lead", rewrite(text, [](std::string l) { return "- __" + l + "__ so"; }));
  out.emplace_back("colon", rewrite(text, [](std::string l) { return "- " + l + ":"; }));
  out.emplace_back("crlf", join_lines(split_lines(text), "\r\n"));
  out.emplace_back(
      "bullets crlf",
      join_lines(split_lines(rewrite(text, [](std::string l) { return "+ " + l; })), "\r\n"));
  out.emplace_back(
      "headings crlf",
      join_lines(split_lines(rewrite(text, [](std::string l) { return "# " + l; })), "\r\n"));
  out.emplace_back("bom", "\xEF\xBB\xBF" + text);
  out.emplace_back("trailing blanks", rewrite(text, [](std::string l) { return l + "   "; }));
  return out;
}

struct Tally {
  std::size_t notes = 0, skipped = 0;
  std::map<std::string, std::size_t> reasons;
};

// The property: a skipped note's full analysis finds nothing, and the analysis built without
// parsing equals it.
void check_identity_with(const Analyzer& analyzer, const std::string& where,
                         const std::string& path, const std::string& text, Tally& tally) {
  auto verdict = prefilter_note(text, analyzer.matcher());
  ++tally.notes;
  ++tally.reasons[mend::engine::to_string(verdict.reason)];
  auto quick = analyzer.analyse_without_parse(text, path);
  REQUIRE(quick.has_value() == verdict.skip());
  if (!verdict.skip()) return;
  ++tally.skipped;
  NoteAnalysis full = analyzer.analyse(text, path);
  INFO(where << ": " << path);
  CHECK(full.steps.empty());
  CHECK(full.questions.empty());
  for (const auto& q : full.questions)
    UNSCOPED_INFO("lost question " << q.id << " on line " << q.line + 1);
  CHECK(quick->language == full.language);
  CHECK(quick->note_date == full.note_date);
  CHECK(quick->line_count == full.line_count);
  CHECK(quick->steps.empty());
  CHECK(quick->questions.empty());
  // The front matter the prefilter trusts tree-sitter to read as front matter.
  bool lf = text.starts_with("---\n"), crlf = text.starts_with("---\r\n");
  if ((lf && text.find("\n---\n", 3) != std::string::npos) ||
      (crlf && text.find("\n---\r\n", 4) != std::string::npos)) {
    auto outline = mend::engine::parse_outline(text);
    REQUIRE_FALSE(outline.blocks.empty());
    CHECK(outline.blocks.front().kind == mend::engine::BlockKind::FrontMatter);
  }
}

// Both ways: every line view without the gate, and the gate with them.
void check_identity(const std::string& where, const std::string& path, const std::string& text,
                    Tally& tally, Tally* gated_tally = nullptr) {
  check_identity_with(analyzer(), where, path, text, tally);
  Tally ignored;
  check_identity_with(gated_analyzer(), where, path, text, gated_tally ? *gated_tally : ignored);
}

void report(const char* corpus, const Tally& t) {
  std::string reasons;
  for (const auto& [r, n] : t.reasons)
    reasons += " " + r + "=" + std::to_string(n);
  std::printf("prefilter: %-28s %5zu notes, %5zu skipped (%.0f%%);%s\n", corpus, t.notes, t.skipped,
              t.notes ? 100.0 * static_cast<double>(t.skipped) / static_cast<double>(t.notes) : 0.0,
              reasons.c_str());
}

std::vector<Note> fixture_notes() {
  std::vector<Note> out;
  for (const auto& e : fs::directory_iterator(fs::path(MEND_SOURCE_DIR) / "tests" / "golden"))
    if (e.is_directory())
      for (auto& n : notes_under(e.path())) {
        n.path = e.path().filename().string() + "/" + n.path;
        out.push_back(std::move(n));
      }
  for (auto& n : notes_under(fs::path(MEND_SOURCE_DIR) / "examples" / "notes"))
    out.push_back(std::move(n));
  std::sort(out.begin(), out.end(), [](const Note& a, const Note& b) { return a.path < b.path; });
  return out;
}

} // namespace

TEST_CASE("every form of question makes the note parsed", "[question_prefilter]") {
  const char* notes[] = {
      "# Monday\n\n## Why it ended\n\nHe left.\n",                    // step heading
      "# Monday\n\n### What were his official reasons?\n\nSpace.\n",  // question heading
      "Does this relationship have a future?\n=====\n\nNo.\n",        // setext h1
      "Walk.\n\nAm I afraid of being alone?\n---\n\nYes.\n",          // setext h2
      "**What did he tell you?**\n\nThat he needed space.\n",         // bold line
      "**Official reasons:** he needed space.\n",                     // bold prefix
      "Groceries.\n\n- What wasn't working?\n- milk\n",               // list item with '?'
      "- Official reasons:\n  he needed space\n",                     // list item ending ':'
      "1. Were my needs respected? Not really.\n",                    // numbered item, cut
      "- [ ] Is it reversible?\n",                                    // task item
      "Q: What did he tell me?\nA: Nothing.\n",                       // QA line
      "Question 3 - Were my needs respected?\nSometimes.\n",          // QA, long prefix
      "What did he tell me?\n\nNothing at all.\n",                    // line standing alone
      "## 1. What were his official reasons?\n\nSpace.\n",            // numbered heading
      "- ## What wasn't working?\n",                                  // heading in a list item
      "  > - **What did he tell me?**\n",                             // in a quote (skipped
                                                                      // by analysis, still
                                                                      // parsed: conservative)
      "Evening.\n\n<!-- mend:q why.official -->\nHe needed space.\n", // marker comment
      "<div>\n<!-- plain -->\n</div>\n",                              // HTML comment
      "\xEF\xBB\xBF# What wasn't working?\n\nMoney.\n",               // after a BOM
      "# What wasn't working?\r\n\r\nMoney.\r\n",                     // CRLF
      "# Pourquoi est-ce fini ?\n\nIl est parti.\n",                  // French
      "Walk.\rWhat did he tell me?\n",                                // lone CR
      "---\ntitle: x\n---  \n# What wasn't working?\n",               // front matter
      "Walk.\n\nRemember the times I was sure I'd never meet anyone again.\n\nAfter Tom.\n",
      // a prompt's lead opening a sentence ended by a stop
      "- [ ] Remember the times I was sure I'd never meet anyone again.\n", // as a task
      "Walk.\n\nWhat were the reasons he gave me, the official ones he said out\nloud?\n",
      // a question wrapped at a margin, its words on two lines
  };
  for (const char* note : notes) {
    INFO(note);
    CHECK(reason(note) != ParseReason::None);
  }
  // The test above means something: these are real questions to the full analysis.
  for (const char* note : {notes[0], notes[1], notes[2], notes[4], notes[6], notes[10], notes[12],
                           notes[16], notes[18]}) {
    INFO(note);
    CHECK(found(note) > 0);
  }
}

TEST_CASE("a full-width question mark glued to a word", "[question_prefilter]") {
  // The matching form is NFKC (unicode.h), where '？' is '?': "pas？" is "pas" and a question
  // mark, so the heading is recognised, and the prefilter, reading the same words, parses it.
  const char* heading = "## Qu'est-ce qui ne marchait pas？\n\nL'argent.\n";
  CHECK(found(heading) == 1);
  CHECK(reason(heading) == ParseReason::Candidate);
  // FIXME (note_analysis.cpp): analysis cuts a list item one byte past the start of '？', so
  // the item's words end in a broken character and the item is not recognised. The prefilter
  // agrees (it reads the same cut); when analysis learns it, the prefilter follows unchanged.
  const char* item = "- Qu'est-ce qui ne marchait pas？ L'argent.\n";
  CHECK(found(item) == 0);
  CHECK(reason(item) == ParseReason::None);
}

TEST_CASE("why a note is parsed", "[question_prefilter]") {
  CHECK(reason("a\n<!-- x -->\n") == ParseReason::Marker);
  CHECK(reason("a\nmend: b\n") == ParseReason::Marker);
  CHECK(reason("a\rb\n") == ParseReason::OddText);
  CHECK(reason(std::string_view("a\0b\n", 4)) == ParseReason::OddText);
  CHECK(reason("Walk\n===\n") == ParseReason::SetextUnderline);
  CHECK(reason("Walk\n  - - -\n") == ParseReason::SetextUnderline);
  CHECK(reason("> Walk\n> ---\n") == ParseReason::SetextUnderline);
  CHECK(reason("Walk\n\n---\n") == ParseReason::None); // a thematic break
  CHECK(reason("## Why it ended\n") == ParseReason::Candidate);
  CHECK(reason(std::string(200, '>') + " walk\n") == ParseReason::Nesting);
  // Markers with blanks between them: told from the markers alone, before any view is read
  // (each view would build the plain text of all that follows it: seconds for 50,000).
  std::string deep;
  for (int i = 0; i < 50000; ++i)
    deep += i % 2 ? "- " : "> ";
  CHECK(reason(deep + "a\n") == ParseReason::Nesting);
  CHECK(reason("> > - > walk\n") == ParseReason::None); // a few are read
  // The closing "---" of front matter is no underline when tree-sitter surely reads front
  // matter; with blanks after it, or at the end without a line break, the note is parsed.
  CHECK(reason("---\ntitle: walk\n---\nWalk.\n") == ParseReason::None);
  CHECK(reason("---\r\ntitle: walk\r\n---\r\nWalk.\r\n") == ParseReason::None);
  CHECK(reason("---\ntitle: walk\n--- \nWalk.\n") == ParseReason::SetextUnderline);
  CHECK(reason("---\ntitle: walk\n---") == ParseReason::SetextUnderline);
  CHECK(reason("--- \ntitle: walk\n---\n") == ParseReason::SetextUnderline);
}

TEST_CASE("plain diary notes are not parsed", "[question_prefilter]") {
  const char* notes[] = {
      "",
      "\n\n",
      "# Tuesday\n\nWent for a walk. Coffee with Sam, then work.\n",
      "# 2026-11-03\n\n- milk\n- eggs\n- [x] call the bank\n\n1. run\n2. read\n",
      "---\ntitle: Tuesday\ntags: [journal]\n---\n# Tuesday\n\nRain all day.\n",
      "# Tuesday\r\n\r\nRain all day.\r\n\r\n> A quote I liked.\r\n",
      "Why not? The weather was fine. Did a lot: cleaning, cooking, reading.\n",
      "| day | mood |\n| --- | --- |\n| 1 | calm |\n",
      "```\ncode\n```\n\n---\n\nThe end.\n",
      "## Things to do\n\n- Buy **bread** and _jam_\n- See [Sam](https://example.org)\n",
  };
  for (const char* note : notes) {
    INFO(note);
    // As mend runs: the lines (the prefilter reads no topic), and the analysis gated.
    CHECK(prefilter_note(note, gated_analyzer().matcher()).reason == ParseReason::None);
    CHECK(gated_analyzer().analyse(note, "note.md").questions.empty());
  }
  // Line views alone (no gate): prose, lists of errands and tables are still no candidate.
  for (const char* note : {"# 2026-11-03\n\n- milk\n- eggs\n- [x] call the bank\n",
                           "Why not? The weather was fine. Did a lot: cleaning, cooking.\n",
                           "| day | mood |\n| --- | --- |\n| 1 | calm |\n"}) {
    INFO(note);
    CHECK(reason(note) == ParseReason::None);
    CHECK(found(note) == 0);
  }
}

TEST_CASE("could_match is a superset of best over every section", "[question_prefilter]") {
  std::vector<std::string> sections{""};
  for (const auto& lang : pack().languages())
    for (const auto& s : lang.steps)
      sections.push_back(s.id);
  const auto& m = analyzer().matcher();
  std::size_t lines = 0, matched = 0;
  for (const auto& note : fixture_notes())
    for (const auto& raw : split_lines(note.text)) {
      std::string line(mend::engine::trim(raw));
      for (char c : std::string("#>-*+"))
        while (!line.empty() && line[0] == c)
          line = std::string(mend::engine::trim(line.substr(1)));
      std::string plain = mend::engine::inline_text(line).plain;
      bool could = m.could_match(plain);
      ++lines;
      matched += could ? 1 : 0;
      for (const auto& s : sections) {
        INFO(plain << " in " << s);
        if (m.best(plain, s)) CHECK(could);
      }
    }
  CHECK(matched > 50); // the fixtures hold questions
  CHECK(matched < lines);
}

TEST_CASE("a line without inline syntax is its own plain text", "[question_prefilter]") {
  // question_prefilter.cpp skips the inline parse for such lines; and white space around a line
  // never changes its words.
  std::vector<std::string> lines{"see https://example.org/a?b=c#d or www.example.org",
                                 "mail sam@example.org",
                                 "50% off, a || b, x = y; #tag",
                                 "Q1) why: because",
                                 "# 1. Why?",
                                 "  indented   ",
                                 "\t"};
  for (const auto& note : fixture_notes())
    for (auto line : split_lines(note.text)) {
      if (line.ends_with('\r')) line.pop_back();
      lines.push_back(line);
    }
  for (const auto& line : lines) {
    INFO(line);
    std::string padded = "  " + line + " \t";
    if (line.find_first_of("*_~`<>$\\[]!&") == std::string::npos) {
      CHECK(mend::engine::inline_text(line).plain == line);
      CHECK(mend::engine::inline_text(padded).plain == padded);
    }
    CHECK(mend::engine::trim(mend::engine::inline_text(padded).plain) ==
          mend::engine::trim(mend::engine::inline_text(line).plain));
  }
}

TEST_CASE("differential: skipped notes hold nothing, over fixtures, variants and a vault",
          "[question_prefilter][differential]") {
  auto fixtures = fixture_notes();
  REQUIRE(fixtures.size() > 30);
  Tally plain_tally, variant_tally;
  for (const auto& n : fixtures)
    check_identity("fixture", n.path, n.text, plain_tally);
  for (const auto& n : fixtures)
    for (const auto& [name, text] : variants(n.text))
      if (name != "as is") check_identity(name, n.path, text, variant_tally);
  // Random mixtures of the rewrites, line by line (a fixed seed: the same notes every run).
  const char* prefixes[] = {"",     "",       "- ",     "> ",   "1. ",   "10) ", "   ",
                            "\t",   "- [ ] ", "* [x] ", "## ",  "# 2. ", "- # ", ">- ",
                            "  > ", "+ ",     "Q: ",    "Q1) ", "**",    "__",   "> > - "};
  const char* suffixes[] = {"", "", "", ":", "?", "？", "  ", "**", " ##", "\r", "\n===", "\n---"};
  std::mt19937 random(20261126);
  // Each non-blank line rewritten with a chance of one in `odds`.
  auto mix = [&](const std::string& text, unsigned odds) {
    return rewrite(text, [&](std::string l) {
      if (random() % odds != 0) return l;
      return prefixes[random() % std::size(prefixes)] + l +
             suffixes[random() % std::size(suffixes)];
    });
  };
  Tally mixed_tally;
  for (const auto& n : fixtures)
    for (unsigned odds : {1, 2, 4, 8, 16, 32})
      check_identity("mixed", n.path, mix(n.text, odds), mixed_tally);
  report("tests/golden + examples", plain_tally);
  report("their adversarial variants", variant_tally);
  report("random mixtures of them", mixed_tally);
  CHECK(plain_tally.skipped > 0);
  CHECK(plain_tally.skipped < plain_tally.notes);

  // A generated vault (tests/bench/gen_vault.py: deterministic, a fifth of the notes reflective).
  fs::path dir = fs::temp_directory_path() / ("mend-prefilter-vault-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string command = "python3 '" + std::string(MEND_SOURCE_DIR) +
                        "/tests/bench/gen_vault.py' '" + dir.string() + "' --notes 300 --seed 7";
  REQUIRE(std::system(command.c_str()) == 0);
  Tally vault_tally, vault_gated_tally, vault_variant_tally, vault_mixed_tally;
  for (const auto& n : notes_under(dir)) {
    check_identity("vault", n.path, n.text, vault_tally, &vault_gated_tally);
    if (n.text.size() < 20000) {
      for (const char* name : {"bullets", "numbered headings", "qa", "crlf"})
        for (const auto& [vname, text] : variants(n.text))
          if (vname == name) check_identity(name, n.path, text, vault_variant_tally);
      for (unsigned odds : {10, 40})
        check_identity("vault mixed", n.path, mix(n.text, odds), vault_mixed_tally);
    }
  }
  fs::remove_all(dir);
  report("generated vault (300 notes)", vault_tally);
  report("the vault, with the topic gate", vault_gated_tally);
  report("vault variants", vault_variant_tally);
  report("vault random mixtures", vault_mixed_tally);
  CHECK(vault_tally.notes == 300);
  // About four fifths of the vault's notes hold no question. Since short loose items and lines
  // are candidates too (recognition issue), and the generator's vocabulary holds a word of the
  // topic ("cœur") in most notes, about two fifths are skipped here (42% when written); the
  // bench measures what that costs.
  CHECK(vault_gated_tally.skipped > 100);
  CHECK(vault_tally.skipped > 0);
}

TEST_CASE("differential: skipped notes hold nothing, over a generated diary vault",
          "[question_prefilter]") {
  // The diary-heavy profile (gen_vault.py --profile diary, issue 13): everyday prose whose words
  // overlap the questions', "?" lines, labels and bold words in most notes.
  fs::path dir = fs::temp_directory_path() / ("mend-prefilter-diary-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::string command = "python3 '" + std::string(MEND_SOURCE_DIR) +
                        "/tests/bench/gen_vault.py' '" + dir.string() +
                        "' --notes 300 --seed 8 --profile diary";
  REQUIRE(std::system(command.c_str()) == 0);
  Tally tally, gated_tally, variant_tally;
  for (const auto& n : notes_under(dir)) {
    check_identity("diary", n.path, n.text, tally, &gated_tally);
    if (n.text.size() < 8000)
      for (const auto& [vname, text] : variants(n.text))
        if (vname == "bullets" || vname == "crlf")
          check_identity(vname, n.path, text, variant_tally);
  }
  fs::remove_all(dir);
  report("generated diary vault (300 notes)", tally);
  report("the diary vault, with the topic gate", gated_tally);
  report("diary vault variants", variant_tally);
  CHECK(tally.notes == 300);
  CHECK(gated_tally.skipped > 30); // the skipping path was really taken
}

// The sentences ended by a stop (a paragraph's first line, a callout's title, a task item) are
// read on their first words before their plain text is built (QuestionMatcher::
// may_open_question): lines whose markup, entities, escapes or numbering make the plain text's
// first word differ from the raw one are read exactly as before, by the prefilter
// (line_reading) and by the candidates (Analyzer::posed_candidates against find_candidates
// without the gate).
TEST_CASE("a sentence ended by a stop is read on its first words first", "[question_prefilter]") {
  const auto& m = analyzer().matcher();
  const char* lines[] = {
      "Remember the times I thought I'd never meet *anyone* again.",
      "**Remember** the times I thought I'd never meet anyone again.",
      "[Remember](notes/x.md) the times I thought I'd never meet anyone again.",
      "[[Remember]] the times I thought I'd never meet anyone again.",
      "Re*member* the times I thought I'd never meet anyone again.",
      "`Remember` the times I thought I'd never meet anyone again.",
      "\\Remember the times I thought I'd never meet anyone again.",
      "&#82;emember the times I thought I'd never meet anyone again.",
      "&amp; remember the times I thought I'd never meet anyone again.",
      "<b>Remember</b> the times I thought I'd never meet anyone again.",
      "TODO **Remember** the times I thought I'd never meet anyone again.",
      "Part A — *Remember* the times I thought I'd never meet anyone again.",
      "[0:19] The times I thought I'd never meet anyone **again**.",
      "Me souvenir des fois où j'étais *sûre* de ne plus rencontrer personne.",
      "*Me* souvenir des fois où j'étais sûre de ne plus rencontrer personne.",
      "Les fois où j'ai cru que j'allais finir [[seule]].",
      "What did I *really* want from it.",
      "Wh&#97;t did I really want from it.",
      "Walked to the [[park]] with **Anna** after work.",
      "The train was late again and I read on the `platform`.",
      "Went home early, tired.",
  };
  auto no_lead = [&](const mend::engine::Candidate& c) {
    return c.stop_ended && !m.opens_with_prompt_lead(c.plain);
  };
  for (const char* line : lines) {
    INFO(line);
    for (std::string_view view : {std::string_view(line), std::string_view(line).substr(2)}) {
      auto whole = mend::engine::line_reading(view);
      auto gated = mend::engine::line_reading(
          view, [&](std::string_view raw) { return m.may_open_question(raw); });
      if (whole && whole->sentence && m.opens_question(whole->plain)) {
        REQUIRE(gated);
        CHECK(gated->plain == whole->plain);
      }
      if (gated) CHECK((whole && gated->plain == whole->plain));
    }
    for (const std::string& note :
         {std::string("# Tuesday\n\n") + line + "\n", std::string("> [!note] ") + line + "\n",
          std::string("- [ ] ") + line + "\n",
          std::string("Rain.\n\n") + line + "\nMore words after it.\n"}) {
      auto outline = mend::engine::parse_outline(note);
      auto expected = mend::engine::find_candidates(note, outline).lines;
      std::erase_if(expected, no_lead);
      auto posed = analyzer().posed_candidates(note, outline).lines;
      REQUIRE(posed.size() == expected.size());
      for (std::size_t k = 0; k < posed.size(); ++k) {
        CHECK(posed[k].start == expected[k].start);
        CHECK(posed[k].plain == expected[k].plain);
      }
    }
  }
  // Prose is passed over without its plain text.
  CHECK_FALSE(m.may_open_question("Walked to the [[park]] with **Anna** after work"));
  CHECK_FALSE(m.may_open_with_prompt_lead("What did I *really* want from it"));
}

// A note with no sign of the topic holds questions only when it poses three of one step in
// order, one of the writer's (poses_a_step_in_order), but the article's order gives a question
// to a line that matches nothing ("Did I leave the kettle on again?" between the first and
// third of a step's questions): two lines that could match make the three, so the prefilter
// asks for one, as in a note on the topic (found by the twenty-first performance session, when
// it asked for three and skipped this note).
TEST_CASE("a note with no sign of the topic, a step's run made by the article's order",
          "[question_prefilter]") {
  Analyzer analyzer(mend::test::builtin_pack(), {});
  const std::string days =
      "Walked to the market, bought apples and bread.\nRain all afternoon.\n\n"
      "Work was long. The train was late again and I read on the platform.\n\n";
  const std::string text = "# 2026-03-02\n\n" + days +
                           "## Evening\n\nWhat were the official reasons?\n\n"
                           "Did I leave the kettle on again?\n\nWhat wasn't working?\n\n" +
                           days;
  CHECK_FALSE(prefilter_note(text, analyzer.matcher()).skip());
  CHECK(analyzer.analyse(text, "n.md").questions.size() == 3); // the whole parse's answer
  CHECK(analyzer.topic_sign(text) == mend::engine::TopicSign::None);
  CHECK(analyzer.analyse_cold(text, "n.md").questions.size() == 3);
}
