// Unit tests for document_store.h and the reuse in workspace.h: a long note opened in parts, or
// held unparsed until used, reads exactly as a note parsed whole, and its analysis is the one
// analyse() gives, also when it comes from the index.
#include "daemon/server/document_store.h"

#include <catch2/catch.hpp>

#include <string>

#include "../engine/test_support.h"
#include "daemon/server/analysis_cache.h"
#include "daemon/server/workspace.h"
#include "server_test_support.h"

using mend::engine::Block;
using mend::engine::Outline;
using mend::server::Document;
using mend::server::DocumentStore;

namespace {

// Every field of every block, in order.
std::string describe(const Outline& outline) {
  std::string out = outline.line_level ? "line-level\n" : "";
  for (const Block& b : outline.blocks)
    out += std::to_string(static_cast<int>(b.kind)) + " " + std::to_string(b.start) + "-" +
           std::to_string(b.end) + " " + std::to_string(b.text_start) + "-" +
           std::to_string(b.text_end) + " l" + std::to_string(b.level) + " d" +
           std::to_string(b.depth) + " p" + std::to_string(b.parent) + (b.in_quote ? " q" : "") +
           (b.task ? " t" : "") + (b.checked ? " x" : "") + (b.item_lead ? " lead" : "") + "\n";
  return out;
}

// Every field of an analysis, through the cache's own serialisation.
std::string bytes_of(const mend::engine::NoteAnalysis& analysis) {
  mend::server::AnalysisCache cache("test");
  cache.put("note.md", {}, analysis);
  return cache.serialize();
}

// The fixtures one after the other until the note is long enough to be opened in parts.
std::string long_note() {
  auto notes = mend::test::fixture_notes({"tests/golden", "examples/notes"});
  std::string text;
  while (text.size() < 3 * DocumentStore::kOpenInPartsBytes)
    for (const auto& n : notes)
      text += n + "\n";
  return text;
}

} // namespace

TEST_CASE("a long note opened in parts, or held unparsed until used, reads as the whole parse") {
  const std::string text = long_note();
  const Outline whole = mend::engine::parse_outline(text);
  const auto& analyzer = *mend::test::server_context().analyzer;
  const std::string analysed = bytes_of(analyzer.analyse(text, whole, "long.md"));
  for (unsigned threads : {0u, 2u, 3u}) {
    for (bool defer : {false, true}) {
      INFO("threads " << threads << (defer ? ", deferred" : ""));
      DocumentStore store;
      store.open_threads = threads;
      Document& doc = store.open("file:///notes/long.md", "long.md", 1, text, defer);
      CHECK(doc.parsed() == !defer);
      CHECK(doc.text() == text);
      CHECK(doc.lines.line_count() == mend::engine::LineIndex(text).line_count());
      REQUIRE(describe(doc.markdown().outline()) == describe(whole));
      CHECK(doc.parsed());
      CHECK(doc.text() == text);
      CHECK(doc.lines.line_start(doc.lines.line_count() - 1) ==
            mend::engine::LineIndex(text).line_start(doc.lines.line_count() - 1));
      CHECK(bytes_of(analyzer.analyse(doc.text(), doc.markdown().outline(), "long.md")) ==
            analysed);
      // An edit right away (the first keystroke, before the deferred parse) parses it first.
      Document& again = store.open("file:///notes/long.md", "long.md", 2, text, defer);
      mend::protocol::TextDocumentContentChangeEvent change;
      change.range = mend::protocol::Range{{3, 0}, {3, 0}};
      change.text = "# A new heading\n";
      DocumentStore::apply(again, 3, {change}, mend::engine::Encoding::Utf16);
      REQUIRE(describe(again.markdown().outline()) ==
              describe(mend::engine::parse_outline(again.text())));
    }
  }
}

TEST_CASE("an opened note takes the index's analysis of its very text, and only that") {
  const std::string text = long_note();
  mend::server::Workspace ws;
  ws.context = mend::server::make_context(mend::server::Config{}, std::nullopt, mend::test::kToday);
  auto fresh = ws.context->analyzer->analyse(text, "long.md");
  ws.indexed["long.md"] = fresh;
  ws.indexed_hash["long.md"] = mend::server::text_hash(text);
  ws.indexed_context = ws.context;
  ws.documents.open_threads = 2;
  Document& doc = ws.documents.open("file:///notes/long.md", "long.md", 1, text, true);
  ws.analyse_stale();
  CHECK_FALSE(doc.parsed()); // answered without the parse
  CHECK(bytes_of(doc.analysis) == bytes_of(fresh));

  // Another text under the same path, another context, or an edit: analysed afresh.
  Document& other = ws.documents.open("file:///notes/long.md", "long.md", 1, text + "x\n", true);
  ws.analyse_stale();
  CHECK(other.parsed());
  CHECK(bytes_of(other.analysis) ==
        bytes_of(ws.context->analyzer->analyse(other.text(), "long.md")));
  ws.indexed_context =
      mend::server::make_context(mend::server::Config{}, std::nullopt, mend::test::kToday);
  Document& third = ws.documents.open("file:///notes/long.md", "long.md", 1, text, true);
  ws.analyse_stale();
  CHECK(third.parsed());
}
