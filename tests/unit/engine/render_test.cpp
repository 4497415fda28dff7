// Rendering templates: variables, markers, guidance, snippets.
#include <catch2/catch.hpp>

#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"

using namespace mend::engine;

namespace {
const Pack& builtin() {
  static const Pack pack = Pack::load(builtin_pack_files(), nullptr);
  return pack;
}
} // namespace

TEST_CASE("variables take the ex's name and pronouns", "[render]") {
  const LanguagePack& en = *builtin().language("en");
  CHECK(render_text("{They} left {them}; {their} words, {name}", en, {"Alex", "she", ""}) ==
        "She left her; her words, Alex");
  CHECK(render_text("{They} left", en, {"", "he", ""}) == "He left");
  CHECK(render_text("{name}", en, {"", "", ""}) == en.ex_default_name);
  CHECK(render_text("{date} {unknown}", en, {"", "", "2026-11-26"}) == "2026-11-26 {unknown}");
}

TEST_CASE("pronouns written as people write them name the pack's set", "[render]") {
  const LanguagePack& en = *builtin().language("en");
  const LanguagePack& fr = *builtin().language("fr");
  CHECK(render_text("{They} left {them}", en, {"", "he/him", ""}) == "He left him");
  CHECK(render_text("{They} left {them}", en, {"", "She / Her", ""}) == "She left her");
  CHECK(render_text("{They} left {them}", en, {"", "they/them", ""}) == "They left them");
  CHECK(render_text("{They} left {them}", en, {"", "him", ""}) == "He left him");
  // The other language's set, as a bilingual writer's one setting names it for both packs.
  CHECK(render_text("{They} left {them}", en, {"", "elle", ""}) == "She left her");
  CHECK(render_text("{Il} est parti{e}", fr, {"", "she", ""}) == "Elle est partie");
  CHECK(render_text("{Il} est parti{e}", fr, {"", "il/lui", ""}) == "Il est parti");
  // Nothing recognised: the pack's default, never a mix.
  CHECK(render_text("{They} left {them}", en, {"", "xyz", ""}) == "They left them");
}

TEST_CASE("a rendered step carries markers, guidance and placeholders", "[render]") {
  const LanguagePack& en = *builtin().language("en");
  RenderOptions options;
  std::string text = render_step(*en.step("why"), en, {"Alex", "he", "2026-11-26"}, options);
  CHECK(text.find("<!-- mend:step why -->") != std::string::npos);
  CHECK(text.find("<!-- mend:q why.official -->") != std::string::npos);
  CHECK(text.find("<!-- mend:q why.reversible -->") != std::string::npos);
  CHECK(text.find("{") == std::string::npos);
  CHECK(text.find("_your answer_") != std::string::npos);
  options.markers = false;
  CHECK(render_step(*en.step("why"), en, {}, options).find("mend:q") == std::string::npos);
}

TEST_CASE("snippets have one tab stop per answer and escape $", "[render]") {
  const LanguagePack& en = *builtin().language("en");
  RenderOptions options;
  options.snippet = true;
  std::string text = render_step(*en.step("motives"), en, {"A$ex", "", ""}, options);
  CHECK(text.find("${1:") != std::string::npos);
  CHECK(text.find("${3:") != std::string::npos);
  CHECK(text.find("${4:") == std::string::npos);
  CHECK((text.find("A\\$ex") != std::string::npos || text.find("A$ex") == std::string::npos));
  CHECK(text.ends_with("$0"));
}

TEST_CASE("a freshly rendered template is recognised and entirely unanswered", "[render]") {
  Analyzer analyzer(builtin(), {"Alex", ""});
  for (const auto& lang : builtin().languages()) {
    for (const auto& step : lang.steps) {
      for (bool markers : {true, false}) {
        RenderOptions options;
        options.markers = markers;
        std::string text = render_step(step, lang, {"Alex", "she", "2026-11-26"}, options);
        NoteAnalysis note = analyzer.analyse(text, "note.md");
        INFO(lang.language << " " << step.id << " markers=" << markers << "\n" << text);
        REQUIRE(note.questions.size() == step.questions.size());
        for (std::size_t i = 0; i < step.questions.size(); ++i) {
          CHECK(note.questions[i].id == step.questions[i].id);
          CHECK_FALSE(note.questions[i].answered);
          CHECK(note.questions[i].matched_by == (markers ? MatchedBy::Marker : MatchedBy::Text));
        }
      }
    }
  }
}
