// The template pack: the built-in files load without problems and carry the catalogue.
#include <catch2/catch.hpp>

#include <set>

#include "daemon/engine/pack.h"

using namespace mend::engine;

namespace {

const Pack& builtin() {
  static std::vector<PackProblem> problems;
  static const Pack pack = Pack::load(builtin_pack_files(), &problems);
  return pack;
}

} // namespace

TEST_CASE("the built-in pack loads without a problem", "[pack]") {
  std::vector<PackProblem> problems;
  Pack pack = Pack::load(builtin_pack_files(), &problems);
  for (const auto& p : problems)
    INFO(p.source << ":" << p.line << " " << p.message);
  CHECK(problems.empty());
  REQUIRE(pack.languages().size() == 2);
  CHECK(pack.primary().language == "en");
  CHECK(pack.language("fr") != nullptr);
}

TEST_CASE("every catalogue step and question is in both languages, in order", "[pack]") {
  const std::vector<std::string> steps = {"motives",  "why",       "wrongs",    "evaluate",
                                          "patterns", "reach-out", "new-start", "if-no"};
  CHECK(builtin().step_ids() == steps);
  const std::vector<std::string> questions = {
      "motives.fear",       "motives.past",    "motives.reassure", "why.official",
      "why.unofficial",     "why.not-working", "why.disliked",     "why.stage",
      "why.reversible",     "wrongs.scope",    "wrongs.alone",     "wrongs.together",
      "evaluate.ideal",     "evaluate.needs",  "evaluate.future",  "evaluate.verdict",
      "patterns.cling",     "patterns.stay",   "patterns.abandon", "patterns.addicted",
      "patterns.perfect",   "reach-out.share", "reach-out.love",   "reach-out.change",
      "new-start.mistakes", "new-start.log",   "if-no.accept",     "if-no.lessons",
      "if-no.self-work"};
  for (const auto& lang : builtin().languages()) {
    std::vector<std::string> ids;
    for (const auto& s : lang.steps)
      for (const auto& q : s.questions) {
        ids.push_back(q.id);
        CHECK_FALSE(q.guidance.empty());
        CHECK(q.aliases.size() >= 2);
      }
    INFO(lang.language);
    CHECK(ids == questions);
  }
}

TEST_CASE("requirements and rule flags follow the catalogue", "[pack]") {
  const Pack& pack = builtin();
  CHECK(pack.step("reach-out")->requires_ == std::vector<std::string>{"why", "wrongs", "evaluate"});
  CHECK(pack.step("wrongs")->requires_ == std::vector<std::string>{"why"});
  CHECK(pack.step("motives")->requires_.empty());
  CHECK(pack.step("patterns")->condition == "evaluate.verdict");
  CHECK(pack.question("why.disliked")->fault_finding);
  CHECK(pack.question("wrongs.scope")->fault_finding);
  CHECK_FALSE(pack.question("why.official")->fault_finding);
  CHECK(pack.question("evaluate.verdict")->verdict);
  CHECK(pack.question("new-start.log")->log);
  CHECK(pack.question("reach-out.share")->self_blame_check);
  CHECK(pack.step("new-start")->log_overdue_days == 7);
}

TEST_CASE("phrase lists live in the pack, per language", "[pack]") {
  const LanguagePack* en = builtin().language("en");
  const LanguagePack* fr = builtin().language("fr");
  auto has = [](const std::vector<std::string>& list, const std::string& p) {
    return std::find(list.begin(), list.end(), p) != list.end();
  };
  CHECK(has(en->nil_replies, "idk"));
  CHECK(has(en->nil_replies, "nothing"));
  CHECK(has(fr->nil_replies, "rien"));
  CHECK(has(en->self_blame, "all my fault"));
  CHECK(en->pronouns.at("she").at("their") == "her");
  CHECK(en->pronouns.at("he").at("them") == "him");
  CHECK(builtin().date_names().months.size() == 12);
}

TEST_CASE("a later file with the same language and step id overrides the built-in one", "[pack]") {
  std::vector<PackFile> files = builtin_pack_files();
  files.push_back(
      {"why.md",
       "---\nstep: why\norder: 2\ntitle: My own why\nrequires: []\nquestions:\n"
       "  - id: why.official\n    text: What did they say?\n    guidance: Their words.\n"
       "    aliases: [their words]\n---\nIntro.\n",
       "/notes/.mend/templates/why.md"});
  std::vector<PackProblem> problems;
  Pack pack = Pack::load(files, &problems);
  REQUIRE(pack.step("why") != nullptr);
  CHECK(pack.step("why")->title == "My own why");
  CHECK(pack.step("why")->source == "/notes/.mend/templates/why.md");
  CHECK(pack.step("why")->questions.size() == 1);
  CHECK(pack.step("why", "fr")->title != "My own why"); // French keeps its own
}

TEST_CASE("broken pack files are reported, not thrown", "[pack]") {
  std::vector<PackProblem> problems;
  Pack pack = Pack::load({{"en/x.md", "no front matter here", "x"},
                          {"en/y.md", "---\nstep: y\nquestions: [\n---\n", "y"}},
                         &problems);
  CHECK(problems.size() >= 2);
}

// Found by the note_engine fuzzer: `order: x` made nlohmann's value() throw out of Pack::load.
TEST_CASE("settings of the wrong type keep their defaults instead of throwing", "[pack]") {
  std::vector<PackProblem> problems;
  Pack pack;
  REQUIRE_NOTHROW(
      pack = Pack::load({{"en/odd.md",
                          "---\nstep: odd\norder: first\nlog_overdue_days: [1]\nquestions:\n"
                          "  - id: odd.q\n    text: Why?\n---\n",
                          "odd"}},
                        &problems));
  REQUIRE(pack.step("odd") != nullptr);
  CHECK(pack.step("odd")->order == 0);
  CHECK(pack.step("odd")->log_overdue_days == 7);
}
