// The page's view of a note (daemon/server/note_view.h) and its Markdown rendering
// (markdown_html.h): the answer as written, without mend's markers and the template's
// guidance, and HTML from a note never reaching the page as HTML.
#include <catch2/catch.hpp>

#include "daemon/server/markdown_html.h"
#include "daemon/server/note_view.h"
#include "server_test_support.h"

using namespace mend;

namespace {

std::string answer_of(const std::string& note, const std::string& id) {
  const auto& analyzer = *test::server_context().analyzer;
  engine::NoteAnalysis a = analyzer.analyse(note, "why.md");
  for (const auto& q : a.questions)
    if (q.id == id) return server::answer_markdown(analyzer, note, q);
  FAIL("no question " << id);
  return "";
}

} // namespace

TEST_CASE("note view: the answer drops the marker and the template's guidance, keeps the rest") {
  std::string note = "## Understand why the separation happened\n"
                     "<!-- mend:step why -->\n\n"
                     "### What were his official reasons for ending it?\n"
                     "<!-- mend:q why.official -->\n"
                     "> Write down what Sam said, as close to his own words as you can, before "
                     "interpreting anything.\n\n"
                     "He said he *couldn't breathe*.\n\n"
                     "> a quote of his text that is mine to keep\n\n"
                     "### What wasn't working between the two of you?\n";
  CHECK(answer_of(note, "why.official") ==
        "He said he *couldn't breathe*.\n\n> a quote of his text that is mine to keep\n");
  std::string placeholder = note;
  const std::string said = "He said he *couldn't breathe*.";
  placeholder.replace(placeholder.find(said), said.size(), "_your answer_");
  CHECK(answer_of(placeholder, "why.official") == "> a quote of his text that is mine to keep\n");
}

TEST_CASE("note view: a list item's continuation loses only the indentation that kept it inside") {
  std::string note = "# Why Sam left\n\n"
                     "1. What were his official reasons for ending it? space\n"
                     "   and time\n"
                     "2. What wasn't working between the two of you?\n";
  CHECK(answer_of(note, "why.official") == "space\nand time\n");
}

TEST_CASE("markdown html: md4c renders Markdown, and raw HTML from a note arrives as text") {
  CHECK(server::markdown_to_html("He said *space*.\n") == "<p>He said <em>space</em>.</p>\n");
  std::string html = server::markdown_to_html("<script>alert(1)</script>\n\nhi <img src=x "
                                              "onerror=alert(1)> <b>bold</b>\n");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(server::markdown_to_html("- [x] done\n").find("checkbox") != std::string::npos);
}
