// Unit tests for symbols.h's workspace_symbols: what matches, the limit, and the order.
#include "daemon/server/symbols.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "server_test_support.h"

using namespace mend;

namespace {

constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();

// A note whose steps and questions markers pin (no wording to recognise).
std::string note_asking(const std::vector<std::string>& ids) {
  std::string text = "# Why it ended\n<!-- mend:step why -->\n\n";
  for (const auto& id : ids)
    text += "## A question\n<!-- mend:q " + id + " -->\nAn answer.\n\n";
  return text;
}

// A folder of `count` indexed notes, n000.md…, each asking the questions of `ids`.
server::Workspace folder(std::size_t count, const std::vector<std::string>& ids) {
  server::Workspace ws;
  ws.context =
      server::make_context(server::Config{}, std::filesystem::path("/notes"), test::kToday);
  for (std::size_t i = 0; i < count; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "n%03zu.md", i);
    ws.indexed[name] = ws.context->analyzer->analyse(note_asking(ids), name);
  }
  return ws;
}

std::vector<std::string> names(const std::vector<protocol::SymbolInformation>& symbols) {
  std::vector<std::string> out;
  for (const auto& s : symbols)
    out.push_back(s.name + " @ " + s.location.uri);
  return out;
}

} // namespace

TEST_CASE("workspace_symbols answers at most the limit, the first of the whole list") {
  const std::vector<std::string> ids = {"why.official", "why.unofficial", "why.not-working",
                                        "why.disliked"};
  auto ws = folder(200, ids); // 200 notes × (1 step + 4 questions): 1,000 symbols
  auto& analysis = ws.indexed.begin()->second;
  REQUIRE(analysis.steps.size() == 1);
  REQUIRE(analysis.questions.size() == ids.size());
  for (std::string query : {"", "w", "why", "WHY.OFF", "wynot"}) {
    INFO("query '" << query << "'");
    auto all = server::workspace_symbols(ws, query, engine::Encoding::Utf16, kAll);
    auto capped = server::workspace_symbols(ws, query, engine::Encoding::Utf16);
    REQUIRE(!all.empty());
    CHECK(capped.size() == std::min(all.size(), server::kWorkspaceSymbolLimit));
    // The limit keeps the best: the first of the whole, ordered, list.
    CHECK(names(capped) == names({all.begin(), all.begin() + capped.size()}));
    CHECK(names(server::workspace_symbols(ws, query, engine::Encoding::Utf16, 7)) ==
          names({all.begin(), all.begin() + 7}));
  }
  // A query that matches everything: every symbol, only the first of them answered.
  CHECK(server::workspace_symbols(ws, "", engine::Encoding::Utf16, kAll).size() == 1000);
  CHECK(server::workspace_symbols(ws, "", engine::Encoding::Utf16).size() ==
        server::kWorkspaceSymbolLimit);
  CHECK(server::workspace_symbols(ws, "zzz", engine::Encoding::Utf16).empty());
}

TEST_CASE("workspace_symbols: the best matches first, however late their note") {
  auto ws = folder(300, {"why.unofficial"});
  // The last note alone asks why.official: its id is the whole query, where the 300 others
  // match only as a subsequence ("why.unofficial" holds w-h-y-.-o-f-f-i-c-i-a-l).
  ws.indexed["zz.md"] = ws.context->analyzer->analyse(note_asking({"why.official"}), "zz.md");
  auto found = server::workspace_symbols(ws, "why.official", engine::Encoding::Utf16);
  REQUIRE(found.size() == server::kWorkspaceSymbolLimit);
  CHECK(found[0].location.uri == "file:///notes/zz.md");
  CHECK(found[0].containerName == std::optional<std::string>("why"));
  for (std::size_t i = 1; i < found.size(); ++i)
    CHECK(found[i].location.uri != "file:///notes/zz.md");
  // Among equals, the notes in path order (here the 301 steps, whose id is the whole query).
  auto why = server::workspace_symbols(ws, "why", engine::Encoding::Utf16);
  REQUIRE(why.size() == server::kWorkspaceSymbolLimit);
  CHECK(why[0].location.uri == "file:///notes/n000.md");
  for (std::size_t i = 1; i < why.size(); ++i)
    CHECK(why[i - 1].location.uri <= why[i].location.uri);
}
