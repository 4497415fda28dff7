// Unit tests for note_analysis.cpp and answer_judge.cpp through one note at a time: where
// questions are found, and answered / unanswered as catalogue.md defines it.
#include "daemon/engine/note_analysis.h"

#include <catch2/catch.hpp>

#include "daemon/engine/pack.h"
#include "daemon/engine/question_candidates.h"

using mend::engine::Analyzer;
using mend::engine::NoteAnalysis;
using mend::engine::Pack;

namespace {

const Analyzer& analyzer() {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  // One form at a time, in notes too short to name the ex: the topic gate has its own tests.
  static const Analyzer a(pack, {"", "", false});
  return a;
}

const Analyzer& gated_analyzer() {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  static const Analyzer a(pack, {"Sam", ""});
  return a;
}

std::string gated_questions(std::string_view note, std::string_view path = "note.md") {
  NoteAnalysis n = gated_analyzer().analyse(note, path);
  std::string out;
  for (const auto& q : n.questions)
    out += (out.empty() ? "" : " ") + q.id + "@" + std::to_string(q.line + 1);
  for (const auto& s : n.steps)
    out += (out.empty() ? "" : " ") + std::string("step:") + s.id;
  return out;
}

// The note's questions as "id@line+" (answered) or "id@line-" (1-based lines), space separated.
std::string questions(std::string_view note, std::string_view path = "note.md") {
  NoteAnalysis n = analyzer().analyse(note, path);
  std::string out;
  for (const auto& q : n.questions)
    out += (out.empty() ? "" : " ") + q.id + "@" + std::to_string(q.line + 1) +
           (q.answered ? "+" : "-");
  return out;
}

// The note's step sections, "id id …" in document order.
std::string steps_of(std::string_view note) {
  std::string out;
  for (const auto& s : analyzer().analyse(note, "note.md").steps)
    out += (out.empty() ? "" : " ") + s.id;
  return out;
}

void check(std::string_view note, std::string_view expected) {
  INFO(note);
  CHECK(questions(note) == expected);
}

// One answer under a fixed question: answered?
bool answered(std::string_view question, std::string_view answer) {
  std::string note = "## " + std::string(question) + "\n\n" + std::string(answer) + "\n";
  NoteAnalysis n = analyzer().analyse(note, "note.md");
  REQUIRE(n.questions.size() == 1);
  return n.questions[0].answered;
}

// The ids of the questions the topic-gated analyzer finds in `note`, space separated.
std::string gated_ids(std::string_view note, std::string_view path) {
  std::string out;
  for (const auto& q : gated_analyzer().analyse(note, path).questions)
    out += (out.empty() ? "" : " ") + q.id;
  return out;
}

// The log entries' dates of every question of `note`, "month/day " each.
std::string log_dates(std::string_view note, std::string_view path = "note.md") {
  std::string out;
  for (const auto& q : analyzer().analyse(note, path).questions)
    for (const auto& e : q.log_entries)
      out += std::to_string(e.date.month) + "/" + std::to_string(e.date.day) + " ";
  return out;
}

} // namespace

// "Remember the times you thought you'd never meet anyone again" is an imperative: people
// write its noun phrase, long and without "?", over the answer.
TEST_CASE("the times lead poses the prompt of past times", "[note_analysis]") {
  check("the times i thought nobody else would ever come along and then someone did\n"
        "after Jo in 2019. then Sam.\n",
        "motives.past@1+");
  check("Les fois où j'ai cru que j'allais plus jamais trouver personne, et puis si\n\n"
        "Après Marc. Puis Théo.\n",
        "motives.past@1+");
  // Prose opening with the same words asks nothing.
  check("The times we went to the lake were the best of that summer, and I miss them.\n", "");
}

// A task item is posed to be answered: one sentence with a stop asks when it opens asking.
TEST_CASE("a task item ended by a stop", "[note_analysis]") {
  check("- [x] Les fois où je me suis dit que je rencontrerais plus jamais personne... et puis "
        "si.\n  Après le divorce, en 2009.\n",
        "motives.past@1+");
  check("- [ ] What weren't working between us.\n  Nowt, by the end.\n", "why.not-working@1+");
  // A task that does not open asking is a task.
  check("- [ ] Buy milk and call the plumber about the boiler.\n", "");
}

TEST_CASE("a paragraph's first line ended by a stop poses a prompt's lead only",
          "[note_analysis]") {
  check("# Olivier\n\nEst-ce que j'ai peur de finir seule ?\nOui.\n\nMe souvenir des fois où "
        "j'étais sûre de ne plus jamais rencontrer personne.\n\nAprès Julien, en 2019.\n",
        "motives.fear@3+ motives.past@6+");
  check("> [!NOTE]\n> Remember the times I was sure I'd never meet anyone again.\n>\n> After "
        "Tom, 2019.\n",
        "motives.past@2+");
  // So is a list item's: the question is the item, not the answer nested under it.
  check("## 1. Motivations\n\n1. Est-ce que j'ai peur d'être seul ?\n   - Non.\n2. Me souvenir des "
        "fois où j'ai cru ne plus jamais rencontrer personne.\n   - Après Thomas, en 2020 : "
        "j'étais certain que c'était fini.\n3. Qu'est-ce qui me rassure ?\n   - Les chiffres.\n",
        "motives.fear@3+ motives.past@5+ motives.reassure@7+");
  check("- Tidy the garage before the weekend.\n  - Done.\n- Times are hard at work.\n", "");
  // Prose: a wh-word opening a sentence ended by a stop asks nothing, nor does a line inside
  // a paragraph.
  check("Am I scared of being alone?\nYes.\n\nWhat a week it was for being alone.\n\nWork "
        "again. Remember the times I thought I'd never meet anyone again.\n",
        "motives.fear@1+");
}

TEST_CASE("a question wrapped at a margin is read over its lines", "[note_analysis]") {
  // A hard-wrapped paragraph: the question goes on, in lower case, to its "?".
  check("# Marc\n\nWhat were the reasons he gave me, the official ones he said out\nloud in the "
        "kitchen?\nThat he was tired.\n\nWhat wasn't working between us?\nMoney.\n",
        "why.official@3+ why.not-working@7+");
  // A numbered item, a "Q :" line and three lines of a notebook read by OCR.
  check("1. Est-ce que j'ai peur de rester toute seule, et\n   est-ce que c'est cette peur qui "
        "décide à ma place ?\n   Oui, un peu.\n2. Qu'est-ce qui ne marchait pas entre nous ?\n   "
        "Tout.\n",
        "motives.fear@1+ why.not-working@4+");
  check("Q : Est-ce que je veux changer tout ce qu'il me\nreproche ou juste une partie ?\nR : Une "
        "partie.\n",
        "wrongs.scope@1+");
  check("Qu'est-ce qui me rassure que je finirai pas\ntoute seule?\nJosiane, remariée à 64 "
        "ans.\n",
        "motives.reassure@1+");
  // Lines written one thought each, in lower case: a short reply unsure of itself, or a
  // question of its own, is no rest of the line above.
  check("was it what i wanted in a relationship tho\nkind of?\n\nwere my needs respected\nnot "
        "really\n",
        "evaluate.ideal@1+ evaluate.needs@4+");
  check("Am I scared of being alone\nwhat am I afraid of?\n", "motives.fear@1+");
  // A dictated answer far longer than the question above it is no line it wraps over.
  check("# Sam\n\nwhat did he tell me when he left\nhe say the job in Leeds pay better and "
        "he need to be near his mum and he can't do the commute again\nwhat are the reasons he "
        "never say but I feel?\nsomebody else maybe\n",
        "why.official@3+ why.unofficial@5+");
  // A French answer opens on what was said ("qu'elle en avait marre…, que sa sœur…"): no
  // question's start, though "que" may open one ("que faire ?").
  check("pourquoi elle est partie ce qu'elle m'a dit elle ?\nqu'elle en avait marre de "
        "m'attendre, que je rentrais tard, que sa sœur avait besoin d'elle\net ce qu'elle a pas "
        "dit mais que j'ai senti ?\nqu'elle s'ennuyait avec moi\n",
        "why.official@1+ why.unofficial@3+");
}

TEST_CASE("someone who left a team is asked of, not the ex", "[note_analysis]") {
  // A group left, someone named leaving something, a resignation: another subject's why.
  for (const char* asked :
       {"Why did Kojo leave the project, what he told Prof and what we all know?",
        "Why did Gareth leave the second tenors - what he told the committee?",
        "Pourquoi Ti-Guy a lâché l'équipe? Ce qu'il a dit, pis la vraie raison",
        "Pourquoi Mama Odile a quitté la tontine ? Ce qu'elle a dit et la vraie raison",
        "Pourquoi Mme Joseph a démissionné, la raison officielle et la vraie ?",
        "Why did Brother Hollis step down from the board - what he told Pastor?",
        // Someone a definite article names, in a word or two.
        "Why did the contractor leave site early - official reason vs real reason?",
        "Pourquoi le sous-traitant a quitté la zone — raison officielle vs vraie raison ?"}) {
    INFO(asked);
    CHECK(questions(std::string(asked) + "\nHe said his back.\n") == "");
  }
  // As a heading too, and its follow-up on the line with it.
  CHECK(questions("Pourquoi Ti-Guy a lâché l'équipe? Ce qu'il a dit, pis la vraie raison\n"
                  "---------------------\n\nSon genou.\n") == "");
  // A log's entry tells of leaving a lab; it asks nothing.
  check("### Proof it's different\n- Left the lab at 6:45. Made her soup.\n", "new-start.log@1+");
  // Leaving a home, or leaving with nothing named, is the breakup's.
  check("Why did Sam leave the flat, what did he tell me?\nHis job.\n", "why.official@1+");
  check("Why did she leave, and what did the group think?\nShe was tired.\n", "why.official@1+");
  check("Why did the ex leave, what did he tell me?\nHis job.\n", "why.official@1+");
  check("Q: What she told me is the reason for leave?\nA: Her job.\n", "why.official@1+");
  // The club's point opens the entry; the writer's own questions follow it.
  check("pourquoi Momo il a quitté l'équipe, ce qu'il a dit ?\nson dos\n\nEst-ce que j'ai "
        "peur de rester seul ?\nun peu\nQu'est-ce qui ne marchait pas entre nous ?\nles "
        "horaires\n",
        "motives.fear@4+ why.not-working@6+");
}

TEST_CASE("an item without '?' that opens asking may run on", "[note_analysis]") {
  // Nineteen words: longer than a loose item may be, but it asks from its first word.
  check("- ringing her tonight\n    - what do I tell her about all this thinking, my bit and "
        "all\n        - that I was never home.\n    - how do I tell her I still love her and "
        "want to start again, a new go not the old one\n        - just say it.\n",
        "reach-out.share@2+ reach-out.love@4+");
  // As long, but telling, not asking: a line of the diary.
  check("- ringing her tonight\n    - what do I tell her about all this thinking, my bit and "
        "all\n        - that I was never home.\n    - I told her I still love her and want to "
        "start again, a new go not the old one at all\n        - she cried.\n",
        "reach-out.share@2+");
  // So may one that opens as a yes-or-no question (twenty-one words), "and" before it or not.
  check("- first bit: the scared part\n- am i mostly just terrified of being by myself / never "
        "finding anybody, and is that the thing making the call\n\t- kind of, at 1am\n",
        "motives.fear@2+");
  // As long, opening as a statement: a line of the diary.
  check("- first bit: the scared part\n- i am mostly just terrified of being by myself / never "
        "finding anybody, and that is the thing making the call\n\t- kind of, at 1am\n",
        "");
}

TEST_CASE("a log kept on a day of the week is the log", "[note_analysis]") {
  // The day a log is kept on names no question: "Carnet du samedi" is the journal.
  for (const char* title : {"Carnet du samedi\n----------------", "## Sunday log",
                            "### Saturday journal", "## Journal du dimanche"}) {
    std::string note = "## Starting over\n\n" + std::string(title) +
                       "\n\n- 7 Nov: kept the Sunday free.\n- 14 Nov: asked what was wrong.\n";
    INFO(note);
    NoteAnalysis n = analyzer().analyse(note, "note.md");
    REQUIRE(n.questions.size() == 1);
    CHECK(n.questions[0].id == "new-start.log");
    CHECK(n.questions[0].line == 2);
  }
  // A day alone heads an entry, never the log.
  check("## Starting over\n\n### Sunday\n\nKept the day free.\n", "");
}

TEST_CASE("what is not an answer", "[note_analysis]") {
  for (const char* a : {"", "   ", "_your answer_", "TODO", "todo: ask Sam first", "TODO — later",
                        "...", "…", "?", "Reasons:", "A:", "- [x]", "> _your answer_"}) {
    INFO(a);
    CHECK_FALSE(answered("What went wrong?", a));
  }
}

TEST_CASE("a first line that marks the answer as still to come holds its place",
          "[note_analysis]") {
  // The writer's "not yet" first, then other thoughts: a remark under a letter's last
  // question, the next chat message, a reminder under a bare label.
  for (const char* a :
       {"...\n\nMum rang while I was writing this, so that's that for tonight.",
        "??\nAnd I still haven't booked the dentist.", "TODO - after Thursday's session\n\nOk.",
        "A: …\n\nThe rest of the evening was quiet.", "A. TODO\nWalked the dog."}) {
    INFO(a);
    CHECK_FALSE(answered("How could we change the way we are together?", a));
  }
  // A line of chat export messages: the "..." message answers nothing.
  check("# Sam\n\n12/10/2026, 21:24 - Me: How could we change the way we are together?\n"
        "12/10/2026, 21:25 - Me: ...\n12/10/2026, 21:31 - Me: Rain again, the bus was late.\n",
        "reach-out.change@3-");
  // The marks must open the answer: under a real first line they are only more of it; a
  // template's placeholder left above the writer's words is no mark of theirs; dashes rule.
  CHECK(answered("How could we change the way we are together?", "Talk on Sundays.\n\n..."));
  CHECK(answered("How could we change the way we are together?", "_your answer_\nTalk more."));
  // A question's own doubled marks are its punctuation, not a placeholder after it.
  check("# Sam\n\nam I just scared of being alone??\nYes, mostly.\n", "motives.fear@3+");
  // A log may open with a reminder over its entries.
  CHECK(answered("Log, week by week", "TODO: every Sunday\n- 2026-11-29 cooked for Mum"));
}

TEST_CASE("any genuine text is an answer, nil replies too on ordinary questions",
          "[note_analysis]") {
  for (const char* a :
       {"Yes.", "No, never.", "Probably.", "> \"I need space.\"", "- [x] talked to him",
        "I don't know.", "idk", "n/a", "Nothing.", "None", "A: communication"}) {
    INFO(a);
    CHECK(answered("What went wrong?", a));
  }
}

TEST_CASE("a nil reply does not answer a fault-finding question", "[note_analysis]") {
  CHECK_FALSE(answered("What didn't I like about us?", "Nothing, really."));
  CHECK_FALSE(answered("Do I want to change everything he blames me for?", "None."));
  CHECK(answered("What didn't I like about us?", "His silences."));
}

TEST_CASE("questions are never read in code, tables, HTML or front matter", "[note_analysis]") {
  check("---\ntitle: Why did he leave me?\n---\n```\n## What went wrong?\n```\n\n"
        "| Is it a big yes? |\n|---|\n| yes |\n\n<div>\nWhat didn't I like about us?\n</div>\n",
        "");
}

TEST_CASE("forms a question takes", "[note_analysis]") {
  check("# Why did he leave me?\nHe was bored.\n", "why.official@1+");
  check("Is it reversible?\n================\n\nNo.\n", "why.reversible@1+");
  check("**What went wrong?**\n\nEverything.\n", "why.not-working@1+");
  check("Q: Is it a big yes?\nA:\n", "evaluate.verdict@1-");
  check("1. What went wrong?\n2. We stopped talking.\n3. Is it a big yes?\n",
        "why.not-working@1+ evaluate.verdict@3-");
  check("- What went wrong?\n  - We stopped talking.\n- Is it reversible?\n",
        "why.not-working@1+ why.reversible@3-");
  check("## What went wrong?\r\n\r\nTODO\r\n\r\n## Is it reversible?\r\n\r\nYes.\r\n",
        "why.not-working@1- why.reversible@5+");
}

TEST_CASE("prose with a question mark is not a question", "[note_analysis]") {
  check("Did he even love me? I keep wondering.\n\nWhat should I cook tonight?\n\n- Call Mum?\n",
        "");
}

TEST_CASE("self-blame: the writer's own words only", "[answer_judge]") {
  auto self_blame = [](std::string_view answer) {
    std::string note = "## What do I want to tell him?\n\n" + std::string(answer) + "\n";
    NoteAnalysis n = analyzer().analyse(note, "note.md");
    REQUIRE(n.questions.size() == 1);
    return n.questions[0].self_blame_line >= 0;
  };
  CHECK(self_blame("It was all my fault."));
  CHECK(self_blame("I won't repeat that. It was all my fault."));
  CHECK_FALSE(self_blame("It wasn't all my fault."));
  CHECK_FALSE(self_blame("He said \"it was all my fault\"."));
  CHECK_FALSE(self_blame("He always said it was all my fault."));
  // Someone named, no setting saying who: the accusation is theirs, never the writer's view.
  CHECK_FALSE(self_blame("Marcus thinks it was all my fault."));
  CHECK(self_blame("Deep down I kinda think it was all my fault."));
  // Around a quoted draft, a friend's opinion of it gives the draft to nobody else.
  CHECK(self_blame("For Joan to read first:\n\n> It was all my fault.\n\nJoan says it is too "
                   "much."));
  // A draft in a block quote is the writer's own words (catalogue.md, self-blame).
  CHECK(self_blame("> It was all my fault."));
}

TEST_CASE("shared blame: only the writer's faults", "[answer_judge]") {
  auto own_only = [](std::string_view answer) {
    std::string note = "## What didn't I like about us?\n\n" + std::string(answer) + "\n";
    NoteAnalysis n = analyzer().analyse(note, "note.md");
    REQUIRE(n.questions.size() == 1);
    return n.questions[0].own_fault_only;
  };
  CHECK(own_only("I was too jealous, I should have listened."));
  CHECK_FALSE(own_only("I was too jealous, but he never listened to me either."));
  CHECK_FALSE(own_only("His temper."));
  // "when he goes out", "when we fight" only set the scene of the writer's acts; "and then"
  // opens the writer's next one, not his.
  CHECK(own_only("- I sulk when he goes out and then I go quiet for days\n- I bring up the past "
                 "when we fight"));
  CHECK_FALSE(own_only("I sulk when he goes out and then he lies about it."));
}

TEST_CASE("a verdict is a clear yes only without a hedge", "[answer_judge]") {
  auto clear_yes = [](std::string_view answer) {
    std::string note = "## Is it a big yes?\n\n" + std::string(answer) + "\n";
    NoteAnalysis n = analyzer().analyse(note, "note.md");
    REQUIRE(n.questions.size() == 1);
    return n.questions[0].clear_yes;
  };
  CHECK(clear_yes("Yes, absolutely."));
  CHECK_FALSE(clear_yes("Mostly yes, but…"));
  CHECK_FALSE(clear_yes("Yes?"));
  CHECK_FALSE(clear_yes("No."));
  // After the yes, a condition with its own main clause speaks of something else...
  CHECK(clear_yes("Yes. No doubt about it. If she says no I'll still know I tried."));
  CHECK(clear_yes("Yes. Absolutely. I've never been surer, even if it takes her months."));
  // ...but a condition standing alone puts one on the yes.
  CHECK_FALSE(clear_yes("Yes. If he stops drinking and finally gets some help."));
  CHECK_FALSE(clear_yes("Yes, if he changes."));
}

TEST_CASE("the topic gate: a note about something else holds no question", "[note_analysis]") {
  // Off-topic notes whose questions share the catalogue's words.
  CHECK(gated_questions("# Quarterly review\n\n## What didn't go well?\nThe launch slipped.\n\n"
                        "## What went wrong?\nStaging was down.\n") == "");
  CHECK(gated_questions(
            "# Schema change\n\n## Can this be undone?\nYes, with the down migration.\n") == "");
  CHECK(gated_questions("# Trip debrief\n\n## What would I change next time?\nBook earlier.\n") ==
        "");
  // A note titled after another subject (a job, a book club, a show) asks them of it, though
  // its words are the topic's ("take him back", "the blame"), unless a title or a question
  // names the topic.
  CHECK(gated_questions("# Redundancy: what actually happened\n\nofficial reason they gave:\n"
                        "\"Restructure.\"\n\nwhat wasn't working for me there anyway?\n- on-call "
                        "every third week\n\ndid I do anything wrong?\nprobably gobby.\n") == "");
  CHECK(gated_questions("1. Fintan leaves Nuala. What reason does he give her?\n2. Whose fault "
                        "is it? Does she take too much of the blame?\n3. Should she take him "
                        "back? Is it a big yes?\n",
                        "Book club - The Salt Year.md") == "");
  // An employee leaving is asked the same questions in an exit interview or a one-on-one.
  CHECK(gated_questions("# Exit interview - Dale\n\n**Why are you leaving? Official reason:** "
                        "a regional job.\n**What wasn't working for you here?** His loads kept "
                        "changing.\n**Is this reversible?** Maybe.\n") == "");
  CHECK(gated_questions("- Real reason she left, we think? Burned out.\n- Is it reversible, can "
                        "we still counter-offer? No, her last day is Friday.\n",
                        "Work/1on1 - Ben.md") == "");
  // A customer's complaint; a note filed under another subject ("Band/").
  CHECK(gated_questions("# Complaint - Mr MacIver, car deck\n\nWhat was his official reason for "
                        "the complaint?\nRefused boarding.\nIs it reversible - can we keep him "
                        "as a regular?\nProbably.\n") == "");
  CHECK(gated_questions("What did Dai actually say?\nThat he's moving to Cardiff.\nIs it "
                        "reversible? Would I have him back?\nNo.\n",
                        "Band/Pentre Boys - after Saturday.md") == "");
  CHECK(gated_questions("# Comité de thèse\n\n- As-tu peur de ne pas finir dans les temps ?\n"
                        "  - Oui.\n- Est-ce réversible ?\n  - Oui si on resoumet.\n") == "");
  // A grief journal, a work coach's session.
  CHECK(gated_questions("# Journal de deuil\n\nEst-ce que j'ai peur de rester seul maintenant "
                        "qu'il est parti ? Oui.\nQu'est-ce qui me rassure ? Le chœur.\n") == "");
  CHECK(gated_questions("# Coaching - session 2\n\n- Are you scared of going it alone? Yes.\n- "
                        "What wasn't working between you and Tom? He took the credit.\n") == "");
  // A staff meeting, a competition's debrief.
  CHECK(gated_questions("# Réunion de service\n\n- Pourquoi Mme Roy est partie ? La raison "
                        "officielle et la vraie ?\n- Les collègues ont peur de rester seules la "
                        "nuit ?\n") == "");
  CHECK(gated_questions("# Choir competition - how it went\n\n- Why did Alun leave the "
                        "tenors, the real reason?\n- Are we scared of ending up alone in the "
                        "second division?\n") == "");
  // A note named or filed after someone the writer helps: the article's questions put to them
  // as "you" are theirs, though they name the topic...
  const char* worksheet = "1. Are you afraid of being on your own?\n\n2. What reasons did he give "
                          "you for leaving?\n\n3. Hand on heart: is going back a big YES?\n";
  CHECK(gated_questions(worksheet, "After a breakup - client worksheet.md") == "");
  CHECK(gated_questions(std::string(worksheet) + "<!-- mend:q evaluate.verdict -->\n",
                        "After a breakup - client worksheet.md") != ""); // a marker decides
  CHECK(gated_questions("Quelles raisons t'a-t-il données, avec ses mots à lui ?\n\nAs-tu peur "
                        "de rester seule ?\n",
                        "Courrier/Nour de Rabat.md") == "");
  // ...unless they are answered as "I" (a pastor's worksheet the writer fills in)...
  CHECK(gated_questions("Q: Are you afraid of being by yourself?\nA: Yes. I have not slept alone "
                        "in thirty years.\n\nQ: What reasons did he give you for leaving?\nA: He "
                        "said \"I'm tired\". I think it was the layoff.\n",
                        "Pastor Jim worksheet.md") == "motives.fear@1 why.official@4");
  // ...or under a form's "Your response:", whoever the answer speaks of.
  CHECK(gated_questions("**B1. What were their official reasons for leaving — what they told "
                        "you?**\n\nYour response: His family moved to Fresno.\n\n**B2. Are you "
                        "afraid of being alone?**\n\nYour response: Yes, kind of.\n",
                        "Worksheet 3 - After a breakup.md") == "why.official@1 motives.fear@5");
  // ...and the writer's own questions after them get their ids.
  CHECK(gated_questions("Read aloud, then five minutes of writing:\n- Do you stay even when "
                        "your needs aren't met?\n- Are you afraid of being abandoned?\n\nMy "
                        "turn, not for the circle.\n\nQ: Do I stay with him when my needs "
                        "aren't respected?\nA: Two years too long.\n\nQ: Am I afraid of being "
                        "abandoned?\nA: Yes. Dad left when I was nine.\n",
                        "Circle/Week 5 plan.md") == "patterns.stay@7 patterns.abandon@10");
  // The same questions in the writer's own note, in the article's "you", are the writer's;
  // French's "-t-il" is no "you", "m'" is the writer.
  CHECK(gated_questions(worksheet, "Breakup notes.md") != "");
  CHECK(gated_questions("1) Quelles raisons Marc m'a-t-il données pour partir ?\nLe travail.\n",
                        "Carnet/Fiche 1 - le pourquoi.md") == "why.official@1");
  // A question asked of someone else first decides for the ones after it, but not for the
  // writer's own, asked as "I" or "we" (a Logseq journal's blocks)...
  CHECK(gated_questions("- Coffee with my sister.\n\t- What were my sister's official reasons "
                        "for leaving him? The drinking.\n- Drafting what I'd say to Sam\n\t- What "
                        "will I tell Sam of all this, including my bit?\n\t\t- That I let us go "
                        "flat.\n\t- How could we change how we are with each other?\n\t\t- "
                        "Sundays.\n") == "reach-out.share@4 reach-out.change@6");
  // ...unless quoted from someone ("we" in an editor's words on a novel).
  CHECK(gated_questions("Notes for my sister:\n\n- What were my sister's official reasons for "
                        "leaving him?\n- \"Can the marriage be saved, or are we pretending?\"\n") ==
        "");
  // A supplier's "partner" in a question names no relationship.
  CHECK(gated_questions("# Sprint 41 retro\n\n### What went wrong?\nThe vendor's API.\n\n### What "
                        "has to change – on our side or the partner's?\nTheir SLA.\n") == "");
  CHECK(gated_questions("# Claire / postmortem\n\n* Cause\n** What did she say when she left: "
                        "\"not happy.\"\n** What wasn't working: no shared time.\n",
                        "breakup.md") == "why.official@4 why.not-working@5");
  // A partner word, the ex's configured name or the vocabulary of a relationship opens it.
  CHECK(gated_questions("## What went wrong?\nMy ex never listened.\n") == "why.not-working@1");
  CHECK(gated_questions("## What went wrong?\nSam never listened.\n") == "why.not-working@1");
  CHECK(gated_questions("## What went wrong?\nWe stopped talking after the breakup.\n") ==
        "why.not-working@1");
  // Only pronouns: a note about the ex when a question or the first line under it names them,
  // not when only prose elsewhere does.
  CHECK(gated_questions("## What didn't I like about him?\nHis silences.\n") == "why.disliked@1");
  CHECK(gated_questions("## Change log\n\n- Asked him how his day was.\n") == "new-start.log@1");
  CHECK(gated_questions("# Team notes\n\nShe joined in May.\n\n## What went wrong?\n"
                        "Staging was down.\n") == "");
  // One everyday word ("alone", "love") is a weak sign: a trip note travelled alone holds no
  // question; twice over, beside a pronoun, in a note posing several of the article's questions
  // or holding the log of the change, it is the topic.
  CHECK(gated_questions("# Lisbon debrief\n\n- Travelling alone: easy.\n\n## What didn't work?\n"
                        "Rain.\n\n## What would I do differently next time?\nPack shoes.\n") == "");
  CHECK(gated_questions("## Am I afraid of being alone?\nYes, alone at night mostly.\n") ==
        "motives.fear@1");
  CHECK(gated_questions("## Am I afraid of being alone?\nYes. He was my whole week.\n") ==
        "motives.fear@1");
  CHECK(gated_questions("## Am I scared of being alone?\nYes.\n## Official reasons\nBored.\n"
                        "## What wasn't working?\nMoney.\n") ==
        "motives.fear@1 why.official@3 why.not-working@5");
  CHECK(gated_questions("## Change log\n\n- Cooked for the two of us, with love.\n") ==
        "new-start.log@1");
  // A pronoun and one everyday word are the topic only when a question names the ex or the
  // note holds the log: a retro's "she's right" and "a single form" are not.
  CHECK(gated_questions("# Q3 retro\n\nPriti said it kindly, but she's right.\n\n## What wasn't "
                        "working?\n- handovers\n\n## Were the team's needs and limits "
                        "respected?\nNo.\n\n## What will we stop repeating, and what will we do "
                        "instead?\n- a single form for requests\n") == "");
  // Only a pronoun in prose: a dated note holding the log of the change is on the topic.
  CHECK(gated_questions("---\ndate: 2026-11-21\n---\n## Journal du changement\n- premier point "
                        "du dimanche, calme.\n\nIl a choisi les vacances.\n") == "new-start.log@4");
  CHECK(gated_questions("## Journal du changement\n- premier point du dimanche, calme.\n\nIl a "
                        "choisi les vacances.\n") == "");
  // "Mum" is capitalised but names no ex: a worksheet about her holds no question.
  CHECK(gated_questions("# Worksheet (Mum)\n\n1. What did I need from Mum that I didn't get?\n"
                        "Attention.\n\n2. What did I do to be loved?\nBe good.\n") == "");
  CHECK(gated_questions("## What did I need from him that I didn't get?\nAttention.\n") ==
        "evaluate.needs@1");
  // No sign at all: three questions of one step in the article's order are the article's
  // (a short note that names no one); two, or three of different steps out of order, are not.
  CHECK(gated_questions("was it ever the ideal? no.\nmy needs respected? not really\n"
                        "a real chance later? no\n") ==
        "evaluate.ideal@1 evaluate.needs@2 evaluate.future@3");
  CHECK(gated_questions("was it ever the ideal? no.\nmy needs respected? not really\n") == "");
  CHECK(gated_questions("a real chance later? no\nmy needs respected? not really\n"
                        "was it ever the ideal? no.\n") == "");
  CHECK(gated_questions("# Migration 42\n\n## What changes?\nThe sessions table goes.\n\n"
                        "## Can this be undone?\nFrom the backup.\n\n## What could go wrong?\n"
                        "Locks.\n\n## Timing\nTuesday.\n") == "");
  CHECK(gated_questions("# Postmortem\n\n- What were the official reasons given in the change "
                        "request?\n  - load\n- What were the unofficial reasons, the ones nobody "
                        "wrote down?\n  - cost\n- Is this reversible, and what must change so it "
                        "doesn't happen again?\n  - yes, a canary\n") == "");
  // A therapist's questions about a parent, copied into a note that names the ex too: the
  // first names the father, and the ones after it under that heading are about him as well.
  CHECK(gated_questions("# Séance — papa\n\nPas Pierre, mon ex. Papa.\n\n"
                        "- Qu'est-ce qui ne fonctionnait pas entre votre père et vous ?\n"
                        "  - il ne parlait pas\n- Qu'est-ce que vous n'aimiez pas chez lui ?\n"
                        "  - « on verra »\n\n## Pierre\n\n- Qu'est-ce qui ne fonctionnait pas "
                        "entre nous ?\n  - les horaires\n") == "why.not-working@12");
  // Someone else's relationship (a novel, a friend's marriage): a question gives the
  // relationship to others, or asks the writer's own question of someone else, and none speaks
  // of the writer. One that does keeps the note the writer's.
  CHECK(gated_questions("# Book club\n\nWhy did Moushumi leave Gogol, officially?\nAn affair.\n\n"
                        "What was not working in their marriage?\nNostalgia.\n") == "");
  CHECK(gated_questions("# Book club\n\nWhat were Connell's official reasons for breaking it "
                        "off?\nNone.\n\nIs Marianne afraid of being abandoned?\nYes.\n") == "");
  // French "elle" is as often a noun ("la peur", "la relation"): no one else by itself.
  CHECK(gated_questions("# Samedi\n\nSam est passé.\n\n- Peur d'être seule, et c'est elle qui "
                        "décide ? Non.\n") == "motives.fear@5");
  CHECK(gated_questions("Awa m'a appelée.\n\nPourquoi Cheikh est parti, d'après elle ?\nIl "
                        "étouffe.\n\nEst-ce que leur couple a un vrai avenir ?\nNon.\n") == "");
  CHECK(gated_questions("# Book club\n\nToo close to my breakup.\n\nWhat were Connell's "
                        "official reasons for breaking it off?\nNone.\n\nAm I afraid of being "
                        "abandoned, like Marianne?\nYes.\n") ==
        "why.official@5 patterns.abandon@8");
  CHECK(gated_questions("## Why did Sam leave, officially?\nHe was tired.\n\n## Was our "
                        "relationship my ideal?\nNo.\n") == "why.official@1 evaluate.ideal@4");
  CHECK(gated_questions("## What wasn't working?\nHe never listened.\n\n## Am I afraid of "
                        "being alone, like my mum?\nA bit.\n") ==
        "why.not-working@1 motives.fear@4"); // a heading the writer gave is their own question
  CHECK(gated_questions("- je reste-tu même quand mes besoins sont pas respectés\n  - oui, "
                        "il le savait\n") == "patterns.stay@1");
  // An unsent letter ("Rachel," or "Dear Rachel," first) speaks to the ex: its "you" is them,
  // so what you told me is why.official, never what I will tell them. Not a letter to family,
  // nor a journal opening "Sunday," or "Okay,".
  const char* letter_body = "\n\nI won't send this.\n\nSo what did you actually tell me, when you "
                            "left?\nThat we were roommates.\n\nAnd what didn't you say?\nThat "
                            "you were bored.\n";
  CHECK(gated_questions(std::string("Rachel,") + letter_body) == "why.official@5 why.unofficial@8");
  CHECK(gated_questions(std::string("---\ndate: 2026-10-03\n---\n# Letter 1\n\nDear Rachel,") +
                        letter_body) == "why.official@10 why.unofficial@13");
  CHECK(gated_questions(std::string("Chère Inès,\n\nQu'est-ce que tu m'as dit, le soir où tu es "
                                    "partie ?\nQue tu étouffais.\n")) == "why.official@3");
  CHECK(gated_questions(std::string("Dear Mum,") + letter_body) == "");
  CHECK(gated_questions(std::string("Sunday,") + letter_body) == "");
  // A label after a sentence of its line announces a list ("Need to:" over a to-do list), not
  // a question sharing one word with it; so does a to-do list's label alone.
  CHECK(questions("Ellie's home on the 18th. Need to:\n- [ ] wash the spare sheets\n") == "");
  CHECK(questions("Need to:\n- [ ] wash the spare sheets\n") == "");
  // A marker decides outright.
  CHECK(gated_questions("## Can this be undone?\n<!-- mend:q why.reversible -->\nNo.\n") ==
        "why.reversible@1");
}

// The forms of the recognition issue (classes A–F), one note each.
TEST_CASE("questions in the forms people write them", "[note_analysis][recognition]") {
  // A: label items, answered and empty; a task item; a numbered item with a nested answer.
  check("- Reasons she gave: she wanted to move abroad.\n- Early days or something deeper: \n",
        "why.official@1+ why.stage@2-");
  check("1. What went wrong\n   We stopped talking.\n", "why.not-working@1+");
  // Lines of one paragraph, each a question over its answer.
  check("What did he say when he left?\nThat he needed space.\nWhat didn't I like about us?\n"
        "His silences.\n",
        "why.official@1+ why.disliked@3+");
  // Obsidian callouts and Logseq properties.
  check("> [!question] What did she tell me when she left?\n> That she was tired.\n",
        "why.official@1+");
  check("- official-reasons:: he was tired of us\n", "why.official@1+");
  // The list in a callout's body is the writer's own; a list quoted plainly is someone else's.
  check("> [!note] Reaching out to him\n> - **My reflection and my share:** I withdrew.\n"
        "> - **How we could change the way we interact:** a weekly check-in.\n",
        "reach-out.share@2+ reach-out.change@3+");
  check("> - **My reflection and my share:** I withdrew.\n", "");
  // An Org headline saved as Markdown is posed like a heading, however long.
  check("* Recommencer\n** Les erreurs que je ne répète plus, et ce que je fais à la place\n"
        "Décider seul, on en parle.\n",
        "new-start.mistakes@2+");
  // Lines written one thought each: a terse label and a short question answered on its line.
  check("## Why he went\nsaid: \"you're never here.\"\nnot working: nights vs his 9-5.\n"
        "how long: 3 yrs.\nfixable? if i go to days. if he stops keeping score.\n",
        "why.official@2+ why.not-working@3+ why.stage@4+ why.reversible@5+");
  // A heading answered in prose right under it is a question, though another question of its
  // step follows; over its own items, it titles the step.
  check("# My ex\n\n## What I did not like, if I am honest\n\nHer silences, for days.\n\n"
        "How long were we together, and was it early days?\n\nNine years. Deeper.\n",
        "why.disliked@3+ why.stage@7+");
  // The question above breaks ties, never an exact wording of another question.
  check("**Were my needs and limits respected?** Mostly.\n\n**Big unanimous yes?** Mostly.\n\n"
        "**Do I stay even when my needs aren't respected?** Yes, I stay.\n",
        "evaluate.needs@1+ evaluate.verdict@3+ patterns.stay@5+");
  // A line that only links to another note asks nothing.
  check("## Starting again\n\n[Change log](Breakup/Change%20log.md)\n\n- [[Change log]]\n", "");
  // A Q/A pair whose "A:" is empty is unanswered, whatever follows the pair.
  check("Q: What did he tell me when he left?\nA:\n\nSome other thought.\n", "why.official@1-");
  check("Q: What did he tell me when he left?\nA: that he needed space\n\nMore.\n",
        "why.official@1+");
  // A dialogue written down: what the other person asks is posed, the writer's lines answer;
  // a lone speaker's line is a label, and the writer's own questions ask nothing.
  check("**Chi:** what did he actually say when he ended it?\n**Me:** that he wasn't ready.\n"
        "**Chi:** and the real reason, the one he didn't say?\n**Me:** his mum. I felt it.\n",
        "why.official@1+ why.unofficial@3+");
  check("**Chi:** what did he actually say when he ended it?\n", "");
  check("**Me:** what did he actually say when he ended it?\n**Chi:** no idea.\n**Me:** ok?\n", "");
  // A worksheet's "Prompt:" and "Question 4 —" pose what follows them; "Response:" answers.
  check("Prompt: What didn't I like about the relationship, his stuff too\nResponse: his "
        "silences\n\nQuestion 5 — What will this help me avoid in my next relationship?\n",
        "why.disliked@1+ if-no.lessons@4-");
  check("Prompted by the rain, I walked home.\n", "");
  // Questions quoted from an article and answered under each quote; one quote alone (an
  // epigraph, a draft's last line) stays someone else's words.
  check("## Why\n\n> What were his official reasons for leaving you?\n\nThat he was tired.\n\n"
        "> What do you think wasn't working in your relationship?\n\n",
        "why.official@3+ why.not-working@7-");
  check("My ex, again.\n\n> What do you think wasn't working in your relationship?\n\n"
        "We never talked.\n",
        "");
  // A quoted prompt's lead over its answer asks though it ends with a stop.
  check("> Est-ce que j'ai peur d'être seule ?\n\nUn peu.\n\n> Les fois où j'ai cru que je "
        "rencontrerais plus jamais personne… et puis si.\n\nEn terminale, après Erwan.\n",
        "motives.fear@1+ motives.past@5+");
  // Under a question, quotes are its guidance or its answer.
  check("## What did he tell me?\n\n> What were his official reasons?\n\nTired.\n\n"
        "## What wasn't working?\n\n> Did it stop working, and why?\n\nTime.\n",
        "why.official@1+ why.not-working@7+");
  check("Notes on my ex.\n\n> Dear Tom, what were your official reasons for leaving?\n> I "
        "never knew.\n\nNot sent.\n\n> And what wasn't working?\n> Tell me.\n\nNot sent.\n",
        "");
  // A line its writer set apart with a stop before it, over its answer, is read whole.
  check("My ex J.\n\nrain. J's stuff still in the hall closet.\nam I doing this bc I'm scared "
        "of being alone\nprobably. yes.\n",
        "motives.fear@4+");
  // HTML is no question, Notion's toggles (<summary>) included; Notion's callouts are the one
  // exception: an "<aside>" alone on its line, then the person's own text (the corpora's
  // writers pose questions in them, and their labellers count them).
  check("<aside>\n❓ What did he tell me when he left?\n\nThat he needed space.\n</aside>\n",
        "why.official@2+");
  check("<details>\n<summary>What did he tell me when he left?</summary>\n</details>\n", "");
  check("<div>\nWhat did he tell me when he left?\n</div>\n", "");
  // B: a known wording with a second clause.
  check("## How long were we together, and was it timing or something bigger?\n\nTwo years.\n",
        "why.stage@1+");
  // E: the writer's own future is reach-out, not what the ex said.
  check("## What I'm going to tell her, my share included\n\nThat I was jealous.\n",
        "reach-out.share@1+");
  // ...never a "my share" section by its last clause.
  check("## What I'll tell her of all this, and my share\n\nThat I was jealous.\n",
        "reach-out.share@1+");
}

TEST_CASE("loose lines need more than one shared word outside their step",
          "[note_analysis][recognition]") {
  // A diary list shares words with the questions ("hope", "work"): one word is no question.
  check("Morning pages\n\n- Hope on\n- Work her really\n- And so hope\n", "");
  // The same word does it under a question of the step, or opening with a question word.
  check("## What did he tell me?\n\nSpace.\n\n- what wasnt working: the silences\n",
        "why.official@1+ why.not-working@5+");
  check("1. What went wrong\n   We stopped talking.\n", "why.not-working@1+");
}

TEST_CASE("lines written one thought each, without stops", "[note_analysis][recognition]") {
  // The line before runs on (no stop), yet each line starts a label or a question of its own.
  check("feeling weird today, went for a run with Sam\nwhat he said when he left: that he "
        "needed space\nhow long were we together and was it something deeper? 2 yrs\n",
        "why.official@2+ why.stage@3+");
  // A definition list's term, however long, posed by the ": " line under it.
  check("How I tell her I still love her and want us to start again\n: a letter first\n",
        "reach-out.love@1+");
  // Short lines with no stops, one thought each (Apple Notes): each may pose a question.
  check("monday\nwhat she told me when she left\nthat she needed space\nhow long we lasted\ntwo "
        "years\n",
        "why.official@2+ why.stage@4+");
  // A very short line before a paragraph's last: its writer broke the lines, not a margin.
  check("Interview prep, again, and then a long walk by the river with Sam\nwhat she told me "
        "when she left\nthat she needed space and time to think about all of it\nwhat i didnt "
        "like\nhis silences, mostly, and the money thing\n",
        "why.official@2+ why.disliked@4+");
  // The lines a list item's paragraph runs on with.
  check("- gym\nwhat she told me when she left: that she needed space\n", "why.official@2+");
  // A wrapped sentence's middle is never one.
  check("I kept wondering all week about the reasons and\nwhat he said when he left, which I "
        "cannot recall\n",
        "");
  check("I walked by the river for a long time this morning and\nwhat she told me when she left "
        "kept coming back to me\nall the way home, and I could not stop it at all today\n",
        "");
  // Lines that each ask, then answer: a list of questions, however short.
  check("Was it my ideal? Not really.\nDid it respect my needs? no\nIs there a future? maybe\n",
        "evaluate.ideal@1+ evaluate.needs@2+ evaluate.future@3+");
}

TEST_CASE("more readings of a line", "[note_analysis][recognition]") {
  // A loose line that opens asking is read by its clauses too.
  check("- What didn't I like about us (his faults too, not just mine)\n  His silences.\n",
        "why.disliked@1+");
  // A label may be a whole question (up to 24 words) before its colon.
  check("- Est-ce que je veux tout changer de ce qu'il me reproche, ou seulement une partie : "
        "tout, je crois\n",
        "wrongs.scope@1+");
  // The same words, told apart by the question just before them (no section around).
  check("## What I'll tell him about my part\n\nThat I nagged.\n\n## What we'd do "
        "differently\n\nTalk weekly.\n",
        "reach-out.share@1+ reach-out.change@5+");
}

// An email's reply answering between the quoted questions, numbered as the first email wrote
// them: each quote holds one numbered item.
TEST_CASE("numbered questions quoted in a reply are answered under each quote", "[note_analysis]") {
  check("# Re: Sam\n\nAnswering in between.\n\n> 2. What reasons did he give me, the official "
        "ones?\n\nThat he needed air.\n\n> 3. What did he not say, but I felt?\n\nThat he "
        "was bored.\n",
        "why.official@5+ why.unofficial@9+");
  // A numbered list quoted with more in the quote is someone else's words.
  check("# Sam\n\n> 2. What reasons did he give?\n> 3. What did he not say?\n\nNo idea.\n", "");
}

// What the ex holds against the writer is the matter of their own wrongs, not the reasons the
// ex gave for leaving.
TEST_CASE("what the ex says about the writer is no reason given", "[note_analysis]") {
  check("# Sam - my part\n\nWhat he says about me: I'm never home, I plan everything.\n\n- "
        "Change all of it, or only some? Some.\n",
        "wrongs.scope@5+");
  check("# Sam - pourquoi\n\nCe qu'il pense de moi : que je suis froide.\n\n- Tout changer ou "
        "une partie ? Une partie.\n",
        "wrongs.scope@5+");
  check("# Sam - why\n\nWhat he said when he left: that he needed air.\n", "why.official@3+");
}

// A prompt written as a sentence with a stop, inside a paragraph, over an answer's label.
TEST_CASE("a prompt's sentence over an answer's label is posed", "[note_analysis]") {
  check("# Sam - why\n\nAm I afraid of being alone?\nAns: A bit.\nRemember the times I was sure "
        "nobody else would come along.\nAns: After Jo, in 2019.\n",
        "motives.fear@3+ motives.past@5+");
  // Without the label under it, the same sentence inside a paragraph is prose.
  check("# Sam - why\n\nAm I afraid of being alone?\nAns: A bit.\nRemember the times I was sure "
        "nobody else would come along.\nAfter Jo, in 2019.\n",
        "motives.fear@3+");
}

TEST_CASE("a question answered on its own line after a stop, a dash or an \"or\"",
          "[note_analysis][recognition]") {
  // Posed without "?", answered after the first stop: read up to it when it opens asking.
  check("Evaluating tonight.\n\ndoes it have a real shot going forward. if one of us moves, yes, "
        "i think so, we talked\n",
        "evaluate.future@3+");
  // The same shape that opens with no question word is a sentence of prose.
  check("Evaluating tonight.\n\na real shot going forward for the two of us. if one of us "
        "moves, yes, we talked\n",
        "");
  // Lines that each ask, then answer on the line, are a list of questions however short.
  check("was it what i wanted, the relationship i dreamed about? yes, mostly it was\n"
        "did my boundaries get respected? mostly, he never pushed\n"
        "big unanimous yes? ... no. its a maybe\n",
        "evaluate.ideal@1+ evaluate.needs@2+ evaluate.verdict@3+");
  // A short question answered after its "?" on the line: kept when it opens asking.
  check("the evaluate bit.\nwas he what i wanted? no. i wanted a partner, i got a third kid\n"
        "and that was the whole of it, really\n",
        "evaluate.ideal@2+");
  check("the evaluate bit.\nmy ideal man? no. i wanted a partner, i got a third kid\nand that "
        "was the whole of it, really\n",
        "");
  check("the evaluate bit.\nwas he what i wanted? I keep wondering about it, all the time\nand "
        "that was the whole of it, really\n",
        "");
  // A long first line over its answer: a question when it opens asking, else wrapped prose.
  check("how long were we together and was it early days or something deeper underneath\n"
        "Four years, and deeper.\n",
        "why.stage@1+");
  check("the whole four years we were together it was early days or something deeper underneath\n"
        "and I never saw it.\n",
        "");
  // Either side of an "or" joining two questions.
  check("1. is there actually a future here or am i just nostalgic\n   no idea\n",
        "evaluate.future@1+");
  // An Obsidian question callout poses its title however it is worded.
  check("> [!question] stuff i didnt like (her stuff too, be honest)\n> her temper\n",
        "why.disliked@1+");
  check("> [!note] stuff i didnt like\n> her temper\n", "");
}

TEST_CASE("a task item is posed; an aside in brackets is read past",
          "[note_analysis][recognition]") {
  // One shared content word: enough for a task item, as it would be inside the step.
  check("- [ ] ce que moi j'aimais pas (lui compris)\n  rien\n", "why.disliked@1-");
  check("- les trucs que moi j'aimais pas\n  rien\n", "");
  // "Ce que", "ce qui" open asking as "what" does.
  check("- ce que moi j'aimais pas\n  rien\n", "why.disliked@1-");
  check("- [ ] what i didnt like (his stuff too)\n  his temper\n", "why.disliked@1+");
}

TEST_CASE("labels past an abbreviation; a label as long as a sentence must ask",
          "[note_analysis][recognition]") {
  // "incl." ends no sentence: the label is the whole line before its colon.
  check("- what i didnt like, incl. about her: she kept score\n", "why.disliked@1+");
  // A sentence before a colon that does not open asking poses nothing.
  check("Not sure it's a clear yes with Dev, so Dr. K wants me to look at this first, before "
        "anything else:\n\n- the clinging\n",
        "");
}

TEST_CASE("among lines written one thought each, a longer line is one thought",
          "[note_analysis][recognition]") {
  check("am i scared of ending up alone\nyeah a lot\nthe times i was sure id never meet anyone "
        "again and then did\nafter uni. after tom. both times i was wrong within a year\n",
        "motives.fear@1+ motives.past@3+");
}

TEST_CASE("a line set off by a dash reads its head as a loose line",
          "[note_analysis][recognition]") {
  // Its answer after the dash; a loose line needs two shared words outside its step.
  check("## Why it ended\n\nthe things i didnt love about us - his silences, his temper\n",
        "why.disliked@3+");
  check("- so how do we change how we work as a pair -> a weekly talk, ten minutes\n",
        "wrongs.together@1+");
  // A change listed under its question is no question of its own ("Working" is no self-work).
  check("### Mistakes I will stop repeating, and what instead\n- Working Saturdays → Saturdays "
        "are ours.\n",
        "new-start.mistakes@1+");
}

TEST_CASE("a label of persons only fills no gap in the article's order",
          "[note_analysis][recognition]") {
  check("## Everything he blames me for, or only part of it?\nThe admin.\n\n- him: wants to stay\n"
        "\n## What do we change as a couple?\nTalk weekly.\n",
        "wrongs.scope@1+ wrongs.together@6+");
  // A label with words of its own there is the question between them.
  check("## Everything he blames me for, or only part of it?\nThe admin.\n\n- alone or a "
        "reaction: wants to stay\n\n## What do we change as a couple?\nTalk weekly.\n",
        "wrongs.scope@1+ wrongs.alone@4+ wrongs.together@6+");
}

TEST_CASE("a quote under a Q/A pair's answer is the answer's", "[note_analysis][recognition]") {
  check("Q: what will I tell him, my part included?\nA:\n> It was all my fault.\n",
        "reach-out.share@1+");
  check("Q: what will I tell him, my part included?\nA: my draft:\n\n> It was all my fault.\n\n"
        "Q: how do I tell him I still love him?\nA:\n",
        "reach-out.share@1+ reach-out.love@6-");
  check("Q: what will I tell him, my part included?\n\nA:\n\n> It was all my fault.\n",
        "reach-out.share@1+");
}

TEST_CASE("French in the writer's own words", "[note_analysis][recognition]") {
  check(
      "Q : Elle m'a dit quoi, officiellement, pour justifier de partir ?\nA : qu'elle étouffait\n",
      "why.official@1+");
  check("## Qu'est-ce qui tournait pas rond chez nous ?\n\nLes horaires.\n", "why.not-working@1+");
  check("## Et ce qu'elle a pas dit mais que j'ai capté ?\n\nLa jalousie.\n", "why.unofficial@1+");
  check("- est-ce que c'est juste la trouille de finir seule qui me fait vouloir qu'il revienne ?\n"
        "  un peu\n",
        "motives.fear@1+");
}

TEST_CASE("the candidates remembered per paragraph move with the note's text",
          "[note_analysis][recognition]") {
  // An editor's keystroke above every paragraph: the memoised candidates of the unchanged
  // paragraphs must land on their new lines.
  const std::string note = "Q: What did he tell me when he left?\nA: space\n\nsome text\n\n"
                           "- what wasnt working: money\n";
  check(note, "why.official@1+ why.not-working@6+");
  check("Monday.\n\n" + note, "why.official@3+ why.not-working@8+");
  check("Monday, late.\n\n\n" + note, "why.official@4+ why.not-working@9+");
}

TEST_CASE("the log's dates in the forms people write them", "[note_analysis]") {
  // org-mode timestamps, bold dates and dates in brackets.
  CHECK(log_dates("## Proof log\n- <2026-11-10 Tue> told her\n- **12 Nov** asked\n- (2026-11-18) "
                  "check in\n") == "11/10 11/12 11/18 ");
  // Days under a month title; a time or a weight is no day.
  CHECK(log_dates(
            "## Proof log\nNovember\n- Monday 2nd: deleted the app\n- Fri 13th (lol): dry week\n"
            "- 9am run\n\n**Décembre 2026**\n- 1er : appelé ma soeur\n") == "11/2 11/13 12/1 ");
  // A weekly log's entries, dated by the week's first day.
  CHECK(log_dates("## Proof log\n- Week of Nov 2, 2026: cooked\n- Semaine du 9 novembre : "
                  "appelé\n- weekly chores\n") == "11/2 11/9 ");
  // French weekdays in two letters before a numeric date, and German dotted dates.
  CHECK(log_dates("## Preuves, chaque semaine\n- lu 9/11 : GSM dans la cuisine\n- ve 20/11 : "
                  "demandé le service de jour\n") == "11/9 11/20 ");
  CHECK(log_dates("## Proof log\n- Sun 15.11. – no laptop\n- Thu 26.11. – real talk\n") ==
        "11/15 11/26 ");
  // An org export's timestamps in HTML, escaped or not.
  CHECK(log_dates("## Proof log\n- <span class=\"timestamp\">&lt;2026-11-10 Tue&gt;</span> "
                  "told her\n- &lt;2026-11-12 Thu&gt; asked\n") == "11/10 11/12 ");
}

TEST_CASE("the log recurs in a running note", "[note_analysis][recognition]") {
  // Each weekly entry posed as one is the log; a one-word "Date:" is none of them.
  check("Date: 4 November 2026\n\n**Proof of change, this week:** cooked twice\n\n"
        "Date: 11 November 2026\n\n**Proof of change, this week:** called my sister\n",
        "new-start.log@3+ new-start.log@7+");
}

TEST_CASE("step sections in the writer's words", "[note_analysis][recognition]") {
  NoteAnalysis n = analyzer().analyse(
      "My part\n- What I'd change of what he blames me for: the nagging\n\n# Why\n\nnothing\n",
      "note.md");
  REQUIRE(n.steps.size() == 2);
  CHECK(n.steps[0].id == "wrongs");
  CHECK(n.steps[0].line == 0);
  CHECK(n.steps[1].id == "why");
  REQUIRE(n.questions.size() == 1);
  CHECK(n.questions[0].id == "wrongs.scope");
  // D: a terse item is its section's question.
  check("## Evaluate the relationship\n\n- Chances? slim\n", "evaluate.future@3+");
  // F: the same words, told apart by the section they sit in.
  check("## My part\n\n- What we'd do differently: talk weekly\n", "wrongs.together@3+");
  check("## Going back to him\n\n- What we'd do differently: talk weekly\n", "reach-out.change@3+");
  // "Fonctionner ensemble" is "interagir": after what I'll tell her, the reach-out's question.
  check("1) Comment lui dire que je l'aime encore ?\nSimplement.\n\n2) Comment est-ce qu'on "
        "pourrait changer notre façon de fonctionner ensemble ?\nLe samedi pour nous deux.\n",
        "reach-out.love@1+ reach-out.change@4+");
  check("1) Est-ce que je peux changer ça seul, ou était-ce une réaction ?\nUne réaction.\n\n2) "
        "Comment est-ce qu'on pourrait changer notre façon de fonctionner ensemble ?\nParler.\n",
        "wrongs.alone@1+ wrongs.together@4+");
}

TEST_CASE("the article's order fills a question worded past recognition",
          "[note_analysis][recognition]") {
  // Between the official reasons and what wasn't working, one question of `why` is missing:
  // the unofficial reasons, however they are worded.
  check("## What did he tell me?\n\nSpace.\n\n## And the stuff underneath it all?\n\nBoredom.\n\n"
        "## What wasn't working?\n\nTalking.\n",
        "why.official@1+ why.unofficial@5+ why.not-working@9+");
  // Never for a line posed as nothing ("Boredom." is no question).
  check("## What did he tell me?\n\nSpace.\n\nBoredom, mostly\n\n## What wasn't "
        "working?\n\nTalking.\n",
        "why.official@1+ why.not-working@7+");
}

TEST_CASE("one question, two lines: the line posed as a question takes it",
          "[note_analysis][recognition]") {
  // The list of reproaches matches wrongs.scope as closely as the question about it; the
  // question is the line with the "?", whichever comes first.
  check("# My part\n\nWhat he blamed me for: the hours, forgetting things.\n\n"
        "**Do I want to change everything he blamed me for, or only part of it?**\nSome of it.\n",
        "wrongs.scope@5+");
}

TEST_CASE("a short question head answered yes or no on its line", "[note_analysis][recognition]") {
  check("# why\n\nReversible? Yes, if I stop disappearing when things get hard.\n",
        "why.reversible@3+");
  // Without a yes or a no after it, a word and a "?" is prose ("Reversible? I keep asking").
  check("# why\n\nReversible? I keep asking myself that at night, with him gone.\n", "");
}

TEST_CASE("an undated log entry is dated by its heading", "[note_analysis]") {
  // The front matter's date is the day the running note was started.
  CHECK(log_dates(
            "---\ndate: 2026-09-13\n---\n# log\n\n### Oct 25\n- this week's log: cooked twice\n\n"
            "### Nov 1\n- this week's log: called my sister\n") == "10/25 11/1 ");
  // Under an undated heading, the front matter's date is all there is.
  CHECK(
      log_dates("---\ndate: 2026-09-13\n---\n# log\n\n### Evening\n- this week's log: cooked\n") ==
      "9/13 ");
}

TEST_CASE("a label after a sentence is prose going on, unless it asks",
          "[note_analysis][recognition]") {
  // "Three years. Not a timing problem: …" answers the heading; it poses nothing itself, so the
  // heading keeps its question.
  check("# why\n\n## How long were we together, and was it early days or deeper?\n"
        "Three years. Not an early-days problem: a deep one, we stopped choosing each other.\n",
        "why.stage@3+");
  auto read = mend::engine::line_reading("Three years. Not an early-days problem: a deep one.");
  REQUIRE(read);
  CHECK(read->must_ask);
  // Ending at its colon, a label after a sentence still announces what follows.
  check("# why\n\nLong day. What he said, word for word:\nthat he needed room.\n",
        "why.official@3+");
}

TEST_CASE("a line that opens asking fills the article's order without a '?'",
          "[note_analysis][recognition]") {
  // Between the fear and the past times, then after them: "what keeps me steady" is worded past
  // recognition, but it opens asking where exactly motives.reassure is missing.
  check("# motives\n\nAm I scared of being alone?\nyes.\n\nTimes I thought I'd never meet anyone "
        "again\nat 22, then Tom.\n\nwhat keeps me steady\nmy aunt, married at 45.\n",
        "motives.fear@3+ motives.past@6+ motives.reassure@9+");
  // An aside in brackets that starts with "do" asks nothing.
  check("# motives\n\nAm I scared of being alone?\nyes.\n\nTimes I thought I'd never meet anyone "
        "again\nat 22, then Tom.\n\n(do the rest on sunday)\n",
        "motives.fear@3+ motives.past@6+");
}

TEST_CASE("a short question opening its paragraph, prose after it",
          "[note_analysis][recognition]") {
  // The answer is a quotation, not a yes or a no: still the question and its answer.
  check("# why\n\nHis official reasons? \"I can't breathe here.\" In the car, on the way back.\n",
        "why.official@3+");
  // One shared word is not enough for such a line ("say"): a diary asking what Mum would say.
  CHECK(gated_questions("# Sunday\n\nSam left in March.\n\nWhat would Mum say? Probably: eat "
                        "something first, then decide.\n") == "");
}

TEST_CASE("a heading inside a list item titles only its item", "[note_analysis][recognition]") {
  // Logseq: "- ## Why it ended" holds its questions; the list after it is another page's.
  std::string note = "- ## Why it ended\n\t- what he actually said\n\t\t- that he wanted "
                     "another life\n- ## Links\n\t- what wasn't working\n\t\t- \n";
  NoteAnalysis n = analyzer().analyse(note, "note.md");
  REQUIRE(n.steps.size() >= 1);
  CHECK(n.steps[0].id == "why");
  CHECK(n.steps[0].section_end <= note.find("- ## Links"));
}

TEST_CASE("what I'd tell him is the writer's own future", "[note_analysis][recognition]") {
  // "I'd tell" is reach-out, never "what did he tell me".
  check("# talk\n\n- What I'd tell him about all this, my part included: that I shut down.\n",
        "reach-out.share@3+");
  check("# talk\n\n- what I'd tell him: that I'm sorry for the silences\n", "reach-out.share@3+");
}

TEST_CASE("the line an answer opens with under a question heading",
          "[note_analysis][recognition]") {
  // "She said, the night she left:" opens the answer to the reach-out heading; it is not
  // why.official.
  check("# talk\n\n## What I'll tell her about all this, and my share\nShe said, the night she "
        "left:\n> You were never here.\n\nShe's right about the hours, and I'll say so.\n",
        "reach-out.share@3+");
}

TEST_CASE("a label answered on its line holds its answer", "[note_analysis][recognition]") {
  // "TODO (…)" after the label is no answer, and the paragraph after the list is not its.
  check("# my part\n\n- What I'd change with him, the two of us: TODO (ask my sister)\n\n"
        "Bring the charger on Thursday, and the keys.\n",
        "wrongs.together@3-");
  // A callout's answer is its own body: the tip after it answers nothing.
  check("# motives\n\n> [!question] What reassures me that I won't end up alone?\n> \n\n"
        "> [!tip] Ask Ana how she did it.\n",
        "motives.reassure@3-");
}

TEST_CASE("a word of label before a question", "[note_analysis][recognition]") {
  // "Verdict: …?" poses the question; its answer is what follows the "?", a clear yes here.
  NoteAnalysis n = analyzer().analyse(
      "# us\n\nVerdict: a big, unanimous yes from all of me? Yes, without hesitation.\n",
      "note.md");
  REQUIRE(n.questions.size() == 1);
  CHECK(n.questions[0].id == "evaluate.verdict");
  CHECK(n.questions[0].clear_yes);
}

TEST_CASE("an aside in brackets poses nothing", "[note_analysis][recognition]") {
  check("# why\n\n(What did he tell me when he left? That he needed space.)\n", "");
  check("# why\n\nWhat did he tell me when he left? That he needed space.\n", "why.official@3+");
  check("# talk\n\nLetter or call, how will I change the way we interact? Call, weekly.\n",
        "reach-out.change@3+");
  // A "?" in brackets inside an answer asks nothing of the writer.
  check("# Why he left\n\n## Is it reversible?\nMaybe. Him: stay in the room, and tell me what "
        "he wants (the move?). Me: work less.\n",
        "why.reversible@3+");
}

TEST_CASE("lines that each open with a label or a question are one thought each",
          "[note_analysis][recognition]") {
  // No line ends with a stop, yet none is prose wrapped at a margin: the last one, a head
  // answered after its arrow, is read too.
  check("# my part\n\nwhat he blames me for: the phone, the nights out, the jealousy\n"
        "all of it or only some?: the phone yes, the nights no, i need that money\n"
        "alone or a reaction to him: the phone alone, the jealousy is a reaction to his secrets\n"
        "how we change together -> he shows me, i stop checking, we both say where we go\n",
        "wrongs.scope@4+ wrongs.alone@5+ wrongs.together@6+");
}

TEST_CASE("the question above gives no context past the end of its section",
          "[note_analysis][recognition]") {
  // "## What I'll say to him" follows the why section's items: it is the reach-out question,
  // not the why question that "the question above" would have favoured.
  check("# Sam\n\n## Why he left\n\n- What he said: that he needed air\n"
        "- What wasn't working: the hours\n\n## What I'll say to him\n\nThat I get it now.\n",
        "why.official@5+ why.not-working@6+ reach-out.share@8+");
}

TEST_CASE("outliner answers stay inside the item that holds them", "[note_analysis][recognition]") {
  // The nested "- ?" is no answer, and the next top-level item is the day going on; the
  // nested "- yes (…)" under a question fills no gap in the article's order.
  check("- my patterns, from the article\n\t- do I cling when someone pulls away?\n"
        "\t\t- yes (see: every ex, and him)\n\t- do I think I have to be perfect to be loved\n"
        "\t\t- ?\n- rang my sister about it, and about him\n",
        "patterns.cling@2+ patterns.perfect@4-");
  // A question holding its own items keeps its answer there: the sibling after it is the day
  // going on, even when the items hold nothing yet.
  check("- #breakup\n    - was it even what I wanted?\n        - at the start yes. kind\n"
        "    - real chance in the future?\n        - ...\n    - makan with Xin Yi Sat\n",
        "evaluate.ideal@2+ evaluate.future@4-");
}

TEST_CASE("a checklist's last box holds its answer in its item", "[note_analysis][recognition]") {
  check("## Us\n\n- [x] was it my ideal?\n\t- not really\n- [ ] a big unanimous yes?\n\n"
        "Draft for him: see the other note.\n",
        "evaluate.ideal@3+ evaluate.verdict@5-");
  // A plain next item of the same list may be the answer ("4." after "3.").
  check("## Us\n\n1. Is it a big yes?\n2. No, I don't think so.\n", "evaluate.verdict@3+");
  // Another bullet starts another list: the checklist ended at its last "-" box.
  check("## Us\n\n- [x] was it my ideal?\n\t- not really\n- [ ] a big unanimous yes?\n\n"
        "* Talking to him\n",
        "evaluate.ideal@3+ evaluate.verdict@5-");
  // A second question after the first on its line answers nothing.
  check("## Why he left\n\n- [ ] Is it reversible? What would have to change, and on whose side?\n",
        "why.reversible@3-");
}

TEST_CASE("a Q: line with its A: on the same line", "[note_analysis][recognition]") {
  check("# him\n\nQ: What did he actually say when he ended it? A: that he was done trying.\n",
        "why.official@3+");
  check("# him\n\nQ: What did he actually say when he ended it? A:\n", "why.official@3-");
}

TEST_CASE("Notion's callouts are the person's own lines", "[note_analysis][recognition]") {
  check("# My motives\n\n<aside>\n💡 Am I just scared of being alone, and is that fear deciding "
        "for me?\n\n</aside>\n\nPartly, yes. Sunday nights most of all.\n",
        "motives.fear@4+");
}

TEST_CASE("a setext heading under a setext heading is its sibling",
          "[note_analysis][recognition]") {
  // The first heading asks a question of its own; the one after it does not make it the
  // reach-out section.
  check(
      "note to Robin\n=============\n\nHow I tell them I still love them and want to start again\n"
      "=========================================================\n\nSimply, over coffee.\n\n"
      "How we'd do things differently together\n---------------------------------------\n\n"
      "Weekly check-ins.\n",
      "reach-out.love@4+ reach-out.change@9+");
}

TEST_CASE("the block under a marker standing alone is its answer", "[note_analysis][recognition]") {
  check(
      "## Why it ended\n\n<!-- mend:q why.unofficial -->\nThat he wanted children soon and thought "
      "I did not, and it was what I wanted too.\n",
      "why.unofficial@3+");
}

TEST_CASE("a contracted negation reads as its verb and a 'not'", "[note_analysis][recognition]") {
  // "shouldn't" is "should" + "not", as "should not" is: no unknown word "shouldn".
  check("## My patterns\n\nDo I stay when I shouldn't\nYes, for years.\n", "patterns.stay@3+");
  check("## My patterns\n\nDo I stay when I should not\nYes, for years.\n", "patterns.stay@3+");
}

TEST_CASE("a number opening a line counts the questions", "[note_analysis][recognition]") {
  check(
      "# Léa\n\n1/ Pourquoi elle est partie (officiellement) : elle dit que je ne l'écoutais pas\n"
      "2/ Ce qu'elle n'a pas dit : la distance avec sa famille\n",
      "why.official@3+ why.unofficial@4+");
}

TEST_CASE("a Day One entry's metadata ends the answer before it", "[note_analysis][recognition]") {
  // "9° Partly Cloudy" is the weather of the next entry, no hedge on the writer's yes.
  NoteAnalysis n = analyzer().analyse(
      "# Sam\n\nSeeing my ex Thursday.\n\n## All things considered, a big unanimous yes?\n"
      "Yes. A big one.\n\n\tDate:\t15 November 2026 at 16:48:55 GMT\n\tWeather:\t9° Partly "
      "Cloudy\n\nBefore work.\n",
      "note.md");
  REQUIRE(n.questions.size() == 1);
  CHECK(n.questions[0].id == "evaluate.verdict");
  CHECK(n.questions[0].clear_yes);
}

TEST_CASE("a heading over another step's questions titles that step",
          "[note_analysis][recognition]") {
  // "My real reasons" reads like the why step's unofficial reasons; the questions under it are
  // all on the writer's motives, so it is that section, and no question.
  const char* note = "# Sam\n\nMy ex left in October.\n\n## My real reasons\n\n"
                     "### Am I just scared of being alone?\n\nA bit.\n\n"
                     "### What reassures me that I won't end up alone?\n\nMy aunt.\n";
  CHECK(steps_of(note) == "motives");
  check(note, "motives.fear@7+ motives.reassure@11+");
}

TEST_CASE("tags file a line; they are none of its words", "[note_analysis][recognition]") {
  CHECK(steps_of("# Jordan #breakup\n\n## 💔 Why he left #reflection\n\n"
                 "- What he said: that he needed space\n") == "why");
}

TEST_CASE("an item naming its own section's step is an item of it",
          "[note_analysis][recognition]") {
  // "- Worth it" under "## Us" is the verdict, asked tersely; its "- no" is the reply.
  check("# Jordan\n\nMy ex.\n\n## Us\n- Worth it\n  - no\n", "evaluate.verdict@6+");
}

TEST_CASE("lines set off by a dash are one thought each", "[note_analysis][recognition]") {
  check("# Alex\n\nAlex and I split in September.\n\n"
        "What he told me when he ended it - that he was done\n"
        "What I sensed he wasn't saying - that there was someone else\n"
        "Where it went wrong - money, mostly\n",
        "why.official@5+ why.unofficial@6+ why.not-working@7+");
  // The choice is the question; the line listing the reproaches before it is what it is about.
  check("# Alex\n\nMy ex.\n\nMy part\n- what he blames me for - being cold\n"
        "- all of it or just some - some\n",
        "wrongs.scope@7+");
  // However long the answer after the dash: the head is the line's question.
  check("# Alex\n\nAlex and I split in September.\n\n"
        "what he actually said - \"i cant do this anymore, i never see you\" and that im \"not "
        "going anywhere\". that one stung\n"
        "what he didnt say but i could tell - his mates were in his ear. and maybe someone at "
        "work, the lad from the gym, dunno, just a feeling\n"
        "what wasnt working - the rota. me on lates him on earlies, weekends gone, ships in the "
        "night\n",
        "why.official@5+ why.unofficial@6+ why.not-working@7+");
}

TEST_CASE("'y compris' includes; it is no 'compris' (understood)", "[note_analysis][recognition]") {
  // A note titled "Réflexion sur Hugo" is no section of "ce que je n'aimais pas, y compris chez
  // Hugo"; "Nous deux" titles the evaluation.
  CHECK(steps_of("# Réflexion sur Hugo\n\nHugo est parti en août.\n\n## Nous deux\n"
                 "Est-ce que c'était mon idéal ? Non.\nUn grand oui ? Non.\n") == "evaluate");
}

TEST_CASE("a voice memo's time stamps are none of its words", "[note_analysis][recognition]") {
  check("# Voice memo about my ex\n\n[3:40] What wasn't working\n\n[3:45] the money, mostly\n\n"
        "(4:20) Can it be turned round, what's got to change, me or her\n\n[4:30] me, mostly\n",
        "why.not-working@3+ why.reversible@7+");
  // Nor do they count against the length of a line that asks whole, without a "?" (17 words).
  check("# Voice memo about my ex\n\n[0:19] Am I just afraid of being on my own and is that "
        "what's doing the deciding\n\n[0:24] well yes, the evenings\n",
        "motives.fear@3+");
  check("# Voice memo about my ex\n\n[0:19] Am I just afraid of being on my own and is that "
        "what's doing the deciding now, all of it, honestly\n\n[0:24] well yes\n",
        "");
  // A short question answered on its line is as short with its stamp.
  check("# Voice memo about my ex\n\n[02:22] Big unanimous yes? Yes. Honestly, yes.\n",
        "evaluate.verdict@3+");
}

TEST_CASE("a question ending a line of prose that answers the one above fills no gap",
          "[note_analysis][recognition]") {
  // Between two questions of the step, the answer's rhetorical "who wants this?" is still the
  // first question's answer, not the question the article asks between them.
  check("# After my ex\n\nAm I scared to be alone, and is this fear deciding for me?\n"
        "Maybe yes. At 42, with two kids, who wants this? I must be careful.\n\n"
        "What reassures me that I won't end up alone?\nMy cousin Ana.\n",
        "motives.fear@3+ motives.reassure@6+");
}

TEST_CASE("a line posing two of a step's questions is both", "[note_analysis][recognition]") {
  check("## Was it my ideal, and were my needs and limits respected?\nClose. Mostly yes.\n",
        "evaluate.ideal@1+ evaluate.needs@1+");
  check("Q: Was it my ideal? And were my needs and limits respected?\nA: not quite; yes.\n",
        "evaluate.ideal@1+ evaluate.needs@1+");
  check("**Mes besoins et mes limites étaient-ils respectés, et est-ce qu'on a un vrai avenir ?**\n"
        "Oui, et non.\n",
        "evaluate.needs@1+ evaluate.future@1+");
  // Unanswered, both are.
  check("## Was it my ideal, and were my needs and limits respected?\n\n## Next\n",
        "evaluate.ideal@1- evaluate.needs@1-");
  // One question in two clauses stays one; "needs and limits" is no second question.
  check("## How long were we together, and was it timing or something deeper?\nTwo years.\n",
        "why.stage@1+");
  check("## Were my needs and limits respected?\nYes.\n", "evaluate.needs@1+");
  // The second question posed on a line of its own elsewhere in the note keeps that line.
  check("## Was it my ideal, and were my needs and limits respected?\nClose.\n\n"
        "## Were my needs respected?\nYes.\n",
        "evaluate.ideal@1+ evaluate.needs@4+");
}

TEST_CASE("a label leading into the question that ends its line is part of the question",
          "[note_analysis][recognition]") {
  check("> [!question] Everything Sam blames me for: change all of it, or just part?\n"
        "> n/a. don't think I did much wrong tbh\n",
        "wrongs.scope@1-");
  check("- Everything he blames me for: change all of it, or just part?\n  - part: the hours\n",
        "wrongs.scope@1+");
  // A short label before a question answered on its line keeps its answer.
  check("- Verdict: a big, unanimous yes? Yes.\n", "evaluate.verdict@1+");
  // Three words of label too: the answer is what follows the "?", never the question's end.
  std::string note = "# Greg\n\n- All things considered: big unanimous YES? Yes. No hesitation.\n";
  auto analysis = analyzer().analyse(note, "greg.md");
  REQUIRE(analysis.questions.size() == 1);
  const auto& q = analysis.questions.front();
  CHECK(q.id == "evaluate.verdict");
  CHECK(note.substr(q.answer_start, q.answer_end - q.answer_start).find("Yes. No hesitation.") < 3);
  // Up to five words of label ("Neuf ans, deux gosses : …").
  check("# Aurélie\n\nAurélie est partie.\n\n- Neuf ans, deux gosses : un problème de départ ou "
        "un vrai problème de fond ? Un problème de fond.\n",
        "why.stage@5+");
  // A sentence between the label and the "?" is prose: the label is no question's lead there.
  std::string week = "# Week\n\nMy ex texted.\n\n- Henderson rehab plan: client wants to go back "
                     "in Feb. Is it reversible, the graft creep? Not really.\n";
  for (const auto& c : mend::engine::find_candidates(week, mend::engine::parse_outline(week)).lines)
    CHECK(c.plain.find("Henderson rehab plan: client") == std::string::npos);
}

TEST_CASE("an item nested under a posed question is its answer", "[note_analysis][recognition]") {
  check("- ## Pourquoi\n\t- Deux ans et demi : un choix de début de relation ou un vrai problème "
        "de fond ?\n\t\t- on n'était plus au début, donc problème de fond je pense\n",
        "why.stage@2+");
  // A nested item asking with its own "?" is still a question.
  check("- What went wrong?\n  - What did she tell me when she left?\n    - That she was tired.\n",
        "why.not-working@1- why.official@2+");
}

TEST_CASE("an item nested under an item posing the same question is its answer",
          "[note_analysis][recognition]") {
  // Without a "?": the child echoes the question ("my share") and would win by the bonus the
  // question above lends it.
  check("- Meeting Hemi at 4.\n\t- What I'm going to tell him about all this thinking, my bit "
        "included\n\t\t- That I've worked out my share: the shifts, the shutting down. It was "
        "both of us.\n",
        "reach-out.share@2+");
  // An item reading as well as its step's name titles the question nested under it.
  check("- What I will say to him\n\t- My reflection, including my part:: that I made every "
        "problem an emergency\n",
        "reach-out.share@2+");
}

TEST_CASE("a worksheet's part numbers are none of its section's words", "[note_analysis]") {
  CHECK(steps_of(
            "## Part A — Why the relationship ended\n\nQ: What did she say when she left?\n"
            "A: Tired.\n\n## Part B — My own part\n\nQ: Can I change it on my own?\nA: Yes.\n") ==
        "why wrongs");
  CHECK(questions("## Step 2: What did she say when she left?\nThat she was tired.\n") ==
        "why.official@1+");
}

TEST_CASE("the line opening a question heading's answer is its answer", "[note_analysis]") {
  check("What were his official reasons for leaving?\n-------------------------------------------"
        "\n\nHe said: \"I don't want to be managed.\" And that he needed time.\n",
        "why.official@1+");
}

TEST_CASE("a heading worded as a question and answered in prose stays a question",
          "[note_analysis]") {
  check("### what I didn't like\n\nMe, mostly. How he planned every holiday.\n\n"
        "Were we still in the early stage, or is this a deeper thing?\n\nFive years. Deeper.\n\n"
        "Is any of this reversible, and who'd have to change what?\n\nMaybe.\n",
        "why.disliked@1+ why.stage@5+ why.reversible@9+");
}

// With the ex's pronouns configured, a question asked with only someone else's ("Did I cling to
// her…" when the ex is "he") is about someone else: a mother, a friend. Not in French, whose
// "elle" is as often the relationship, nor in a question quoted from a book.
TEST_CASE("a question asked with pronouns that are not the ex's", "[note_analysis][topic]") {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  const Analyzer he(pack, {"Cian", "", true, "he/him"});
  const Analyzer unset(pack, {"Cian", "", true});
  auto ids = [](const Analyzer& a, std::string_view note) {
    std::string out;
    for (const auto& q : a.analyse(note, "note.md").questions)
      out += (out.empty() ? "" : " ") + q.id;
    return out;
  };
  auto lines = [](const Analyzer& a, std::string_view note) {
    std::string out;
    for (const auto& q : a.analyse(note, "note.md").questions)
      out += (out.empty() ? "" : " ") + q.id + "@" + std::to_string(q.line + 1);
    return out;
  };
  const char* mam = "# Cian\n\n- Am I afraid of being abandoned? Yes.\n- Did I cling to her when "
                    "she pushed me away? Yes.\n";
  CHECK(lines(he, mam) == "patterns.abandon@3");
  CHECK(lines(unset, mam) == "patterns.abandon@3 patterns.cling@4");
  CHECK(ids(he, "# Cian\n\n- Était-elle conforme à mon idéal ? Oui.\n") == "evaluate.ideal");
  CHECK(ids(he, "# Cian, from the book\n\n> What were her official reasons for leaving you?\n\n"
                "Tired.\n\n> What wasn't working in your relationship?\n\nTime.\n") ==
        "why.official why.not-working");
}

// A writer may write of themself in the third person, as a case note does: several questions
// with another set's pronoun, one with the ex's too, none in the first person, the ex named as
// configured. A friend's couple, not naming the ex, stays someone else's.
TEST_CASE("a note written of the writer in the third person", "[note_analysis][topic]") {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  const Analyzer he(pack, {"Craig", "", true, "he"});
  auto lines = [&](std::string_view note) {
    std::string out;
    for (const auto& q : he.analyse(note, "note.md").questions)
      out += (out.empty() ? "" : " ") + q.id + "@" + std::to_string(q.line + 1);
    return out;
  };
  const char* self = "Craig - what next\n\nDoes she cling on when he pushes her away?\nShe did "
                     "in August.\n\nDoes she stay when her needs aren't met?\nFifteen years "
                     "of it.\n\nIs she afraid of being left, or cheated on?\nBoth.\n";
  CHECK(lines(self) == "patterns.cling@3 patterns.stay@6 patterns.abandon@9");
  const char* friends = "Anna and Tom\n\nDoes she cling on when he pushes her away?\nShe did "
                        "in August.\n\nDoes she stay when her needs aren't met?\nYears.\n";
  CHECK(lines(friends).empty());
  // One question of hers in the writer's own note is someone else's (a mother's, a friend's).
  const char* mixed = "Craig\n\nDo I cling on when he pushes me away?\nYes.\n\nDoes she stay "
                      "when her needs aren't met?\nYears.\n\nIs she afraid of being left?\n"
                      "Yes.\n";
  CHECK(lines(mixed) == "patterns.cling@3");
}

// French pronouns may stand for things ("elle" for the relationship), but not before an object
// pronoun: "il m'a données" is a person's giving, someone else's when the ex is "elle".
TEST_CASE("a French pronoun before an object pronoun names a person", "[note_analysis][topic]") {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  const Analyzer elle(pack, {"Camille", "", true, "elle"});
  const Analyzer il(pack, {"Karim", "", true, "il"});
  auto ids = [](const Analyzer& a, std::string_view note) {
    std::string out;
    for (const auto& q : a.analyse(note, "note.md").questions)
      out += (out.empty() ? "" : " ") + q.id;
    return out;
  };
  const char* supervisor = "# notes 3\n\nHollender part à Montréal.\n\nQuelles raisons il m'a "
                           "données ?\nUne chaire.\n\nEt ce qu'il ne m'a pas dit ?\nLa fusion "
                           "des labos.\n";
  CHECK(ids(elle, supervisor).empty());
  CHECK(ids(il, supervisor) == "why.official why.unofficial");
  // "elle" alone may be the relationship: no person's pronoun there.
  CHECK(ids(il, "# Karim\n\nÉtait-elle conforme à mon idéal ?\nPresque.\n") == "evaluate.ideal");
}

// A chat app's export of messages to oneself: every message is read after its time stamp and
// sender, one thought a line; the app's own lines and the stamps are none of the words.
TEST_CASE("a chat export's messages are read one a line", "[note_analysis][forms]") {
  check("14/09/2026 21:02 - Messages to yourself are end-to-end encrypted.\n"
        "14/09/2026 21:03 - Priya: what did he tell me when he left\n"
        "14/09/2026 21:04 - Priya: that he needed to find himself. in Goa apparently\n"
        "14/09/2026 21:06 - Priya: what wasn't working between us\n"
        "14/09/2026 21:07 - Priya: we only ever talked about money\n",
        "why.official@2+ why.not-working@4+");
  check("[14/09/2026, 21:03:10] Priya: what did he tell me when he left\n"
        "[14/09/2026, 21:04:55] Priya: that he needed space\n"
        "[14/09/2026, 21:06:01] Priya: what wasn't working between us\n",
        "why.official@1+ why.not-working@3-");
  // A message is one thought, never prose wrapped at a margin: a long one is read whole.
  check("[2026-10-26 21:18] Moi: Juste une partie.\n[2026-10-26 21:20] Moi: Est-ce que je peux "
        "changer ça toute seule, ou ben c'est à cause de ce qu'il faisait, lui\n[2026-10-26 "
        "21:22] Moi: Un peu les deux.\n",
        "wrongs.alone@2+");
  // Not a chat: a log line with a time is read as it is written.
  CHECK(mend::engine::chat_message("14/09/2026 21:03 - walked to work") == std::nullopt);
  CHECK(mend::engine::chat_message("Priya: what did he say?") == std::nullopt);
  // A note-to-self app stamps this year's messages with the day and month, and no sender; an
  // ISO date is a date too.
  check("[04/11 23:44] pq elle est partie, ce qu'elle m'a dit\n[04/11 23:45] elle a dit "
        "que c'était fini.\n[04/11 23:46] ce qui marchait pas entre nous\n[04/11 23:47] ?\n",
        "why.official@1+ why.not-working@3-");
  check("[2026-10-05 21:42] Moi: what did he tell me when he left\n[2026-10-05 21:43] Moi: that "
        "he needed space\n",
        "why.official@1+");
  // Discord's export heads each message with its stamp and the sender's handle alone: the
  // message is the line under it.
  CHECK(mend::engine::chat_message("[08/11/2026 23:40] enzo.mrz") == std::nullopt);
  CHECK(mend::engine::chat_message("[04/11 23:44] pq elle est partie")->text == 14);
  CHECK(mend::engine::chat_message("[04/11 23:44] raisons off: le boulot")->name.empty());
  // ... and each message under its stamp and handle is read as a paragraph's first line.
  check("[08/11/2026 23:42] enzo.mrz\nles raisons qu'elle m'a données, elle\n\n[08/11/2026 "
        "23:44] enzo.mrz\nelle étouffait à Morez, elle a dit.\n\n[08/11/2026 23:50] "
        "enzo.mrz\nqu'est ce "
        "qui marchait pas entre nous\n",
        "why.official@2+ why.not-working@8-");
}

// Speech-to-text writes a spoken "?" out as words, where the question ends.
TEST_CASE("a question mark dictated as words ends the question", "[note_analysis][forms]") {
  check("why did he say he was leaving question mark he said the money is out west\n",
        "why.official@1+");
  check("Am I just scared of being by myself question mark\nA bit.\n", "motives.fear@1+");
  check("Est-ce que j'ai peur de rester toute seule point d'interrogation\nUn peu.\n",
        "motives.fear@1+");
  // Words about the key are no question.
  check("I typed a question mark at the end of the message\n", "");
}

// "Elle a dit : « … »" reports what she said: the words after the colon are hers, the label
// asks nothing. "Ce qu'elle m'a dit :" and "Elle a dit quoi :" ask what.
TEST_CASE("a label reporting speech poses no question", "[note_analysis][forms]") {
  check("# Élo\n\nElle m'a dit en partant : « t'as jamais de plan, Noah ». Fair.\n\n"
        "Samedi, au Nektar, elle a dit : « on essaie, mais pour vrai cette fois ».\n",
        "");
  check("# Élo\n\nCe qu'elle m'a dit en partant : « t'as jamais de plan ».\n", "why.official@3+");
  CHECK(mend::engine::reports_speech("He told me"));
  CHECK(mend::engine::reports_speech("Samedi, au Nektar, elle a dit"));
  CHECK_FALSE(mend::engine::reports_speech("Elle a dit quoi, officiellement"));
  CHECK_FALSE(mend::engine::reports_speech("Reasons he said out loud"));
  CHECK_FALSE(mend::engine::reports_speech("What she said"));
}

// Telegram's export writes the sender and stamp on a line of their own over each message.
TEST_CASE("messages under their sender's stamp are read one a message", "[note_analysis][forms]") {
  check("Wanjiru Kamau, [01.11.2026 19:22]\nwhat I tell him from all this (my part too)\n\n"
        "Wanjiru Kamau, [01.11.2026 19:27]\nthat I saw my part, and his part. 50 50\n\n"
        "Wanjiru Kamau, [01.11.2026 19:28]\nhow to say I still love him + want to start new\n\n"
        "Wanjiru Kamau, [01.11.2026 19:31]\nhow we change how we interact\n",
        "reach-out.share@2+ reach-out.love@8- reach-out.change@11-");
  // A transcript's time stamps, each alone over what was said.
  check("Recording 14 Oct\n\n00:31\nfirst one am I scared of being on my own is that what's "
        "making me want him back\n\n00:39\naye probably if I'm honest. forty seven in a room "
        "and kitchen wi a cat\n\n01:25\nwhat tells me I won't end up on my own. I don't know, "
        "my sister maybe, she met Davie at fifty one\n",
        "motives.fear@4+ motives.reassure@10+");
  CHECK(mend::engine::chat_header("00:31"));
  CHECK(mend::engine::chat_header("[1:02:15]"));
  CHECK_FALSE(mend::engine::chat_header("10:30 gym"));
  CHECK(mend::engine::chat_header("Wanjiru Kamau, [01.11.2026 19:22]"));
  CHECK(mend::engine::chat_header("Me, [1/11/26, 7:22 PM]"));
  CHECK_FALSE(mend::engine::chat_header("Went to Nairobi, [see map]"));
  CHECK_FALSE(mend::engine::chat_header("what did she say, [01.11.2026 19:22] then?"));
}

// RemNote's cards set the answer off with ">>" or ";;"; Org's state keyword is no word of its
// headline.
TEST_CASE("flashcard separators and org state keywords", "[note_analysis][forms]") {
  check("- what he told me when it ended >> that he was tired\n"
        "- what I didn't like ;; his silences\n",
        "why.official@1+ why.disliked@2+");
  check("* Notes\n** TODO What work on myself will I do now\nTherapy in January.\n",
        "if-no.self-work@2+");
}

// A diary entry's heading opens with its date: never a question by the article's order,
// whatever its words, though it sits between two questions of a step.
TEST_CASE("a dated entry heading fills no gap in the article's order", "[note_analysis]") {
  check("## What did she say when she left?\n\nThat she was tired.\n\n"
        "## 12 Oct 2026, Monday, 22:40\n\nRain all day.\n\n"
        "## What wasn't working between us?\n\nTime.\n",
        "why.official@1+ why.not-working@9+");
}

// Only the questions any debrief asks ("What went wrong?", "Is it reversible?", "What would we
// do differently?"), in a note whose only signs of a relationship are a pronoun or an everyday
// word, are a shift report or a group project, however many; one naming the ex, or the log in
// a daily note, is the article's.
TEST_CASE("a debrief's questions alone need a clear sign of the topic", "[note_analysis][topic]") {
  auto found = [](std::string_view note, std::string_view path) {
    std::string out;
    for (const auto& q : gated_analyzer().analyse(note, path).questions)
      out += (out.empty() ? "" : " ") + q.id;
    return out;
  };
  CHECK(found("Forklift incident\n\nWhat went wrong?\n- The rota had him in aisle 9.\n\n"
              "What we do differently?\n- Sign-off first.\n\nIs it reversible?\n- No.\n",
              "incident-2026-11-03.md") == "");
  CHECK(found("Group project debrief\n\nwhat went wrong: Tom ghosts us after week 2\n"
              "what I'd do differently: a shared doc\nis it reversible: no, graded\n",
              "debrief.md") == "");
  CHECK(found("What went wrong with him?\n- He never listened.\n", "note.md") == "why.not-working");
  // One strong word that may mean something else ("relationship" with a supplier) is not
  // enough either; two are.
  CHECK(found("Peak review\n\nWhat went wrong?\n- Late trucks. Relationship with the depot "
              "strained.\n\nIs it reversible?\n- Yes.\n",
              "review.md") == "");
  // A line the article's order fills between them is no sign of the topic either.
  CHECK(found("U10s, lost by 40 runs\n\n- what went wrong? fielding.\n- can we turn it round "
              "before Christmas? reckon so\n- were the kids' needs looked after? the little "
              "ones never got a bat.\n- what'd I do different? rotate the order.\n",
              "cricket.md") == "");
  CHECK(found("Near miss\n\nWhat went wrong?\n- Two strengths on one shelf.\n\nIs it "
              "reversible?\n- Yes. Ours: separate the strengths onto two bays.\n",
              "review.md") == "");
  CHECK(found("After the breakup\n\nWhat went wrong?\n- Our relationship had gone quiet.\n\n"
              "Is it reversible?\n- Maybe.\n",
              "note.md") == "why.not-working why.reversible");
  CHECK(found("Rain again. He called.\n\n## Change log\n- Called without being asked.\n",
              "2026-11-03.md") == "new-start.log");
}

// A compound first name names the ex whole or by its first part: "Pierre" alone is someone
// else (here a rose), and a garden note that says so is no note about the ex.
// A mixed note's part that is another topic's debrief ("## Work / ### Retro", "- #work")
// holds none of its questions; beside it, or titled by the topic, the same questions stay.
TEST_CASE("a debrief part of a mixed note is another topic's", "[note_analysis][topic]") {
  auto found = [](std::string_view note) { return gated_ids(note, "week.md"); };
  CHECK(found("# Week 46\n\n## Work\n### Release retro\n- What went wrong? a missed flag\n"
              "- What would I do differently? a config diff\n- Is it reversible? yes\n\n"
              "## Sam\n- The relationship I wanted? No.\n- Real future? Not unless Sam "
              "changes.\n") == "evaluate.ideal evaluate.future");
  CHECK(found("- #work\n    - stocktake\n        - what went wrong? sheets missing\n"
              "        - is it reversible? recount Tuesday\n- #breakup\n"
              "    - was it even what I wanted?\n        - at the start yes, Sam was kind\n") ==
        "evaluate.ideal");
  CHECK(found("# Breakup with Sam\n\n## Thinking\n- What went wrong? money, mostly\n"
              "- Is it reversible? no\n\n## Later\n- The relationship I wanted? No.\n") ==
        "why.not-working why.reversible evaluate.ideal");
  CHECK(found("# Week 46\n\n## Why\n- What went wrong? money, mostly\n- Is it reversible? "
              "no\n\n## Sam\n- The relationship I wanted? No.\n") ==
        "why.not-working why.reversible evaluate.ideal");
  // The note need ask nothing else: the ex named in the day's other items is not the part's
  // topic, and a register "reconciled" before an audit is no relationship.
  CHECK(found("- Peak debrief with the shift leads:\n    - What went wrong?\n        - the sorter "
              "jammed\n    - Is it reversible?\n        - the backlog, yes\n- Sam texted. "
              "Replied \"ta\". My boyfriend of six years, and that's all I had.\n") == "");
  CHECK(found("# Week 46\n\n## Clinic\n- Got the register reconciled before the audit\n\n"
              "### What went wrong\n- Double-booked the surgery again.\n\n## Me\n- Sam "
              "texted about the dog. My ex, and I answered like an adult.\n") == "");
  // A question asking with a word of the topic is no other topic's debrief.
  CHECK(found("# Week 46\n\n## Clinic\n- Got the register reconciled\n\n### Later\n"
              "**What will this help me avoid in my next relationship?**\nRushing.\n\n## Sam\n"
              "- The relationship I wanted? No.\n") == "if-no.lessons evaluate.ideal");
  // A question met by one word ("What would I do different?": "change") that a debrief's
  // question meets as well is a debrief's, whichever the article's order gave it.
  CHECK(found("# Sunday\n\n## Friday service post-mortem\nWhat went wrong? The walk-in died.\n"
              "Is it reversible? The stock, no.\nWhat would I do different? Log the temp.\n\n"
              "## Sam, tonight\nHow do I tell him I still love him and want something new? I "
              "just say it.\n") == "reach-out.love");
  // A weekly review's plan ("What will I do differently next week?") is no log of the change.
  CHECK(found("# Week 42\n\n## Cian\n**What did he actually tell me?** That he was bored.\n\n"
              "## Reflection\n**What went well this week?** Work.\n**What will I do differently "
              "next week?** No wine midweek. Block Friday morning.\n") == "why.official");
  // Under a step of the article's, a part is the writer's: "## Not doing again" under
  // "# Starting again" holds the mistakes question, though its words show no relationship.
  CHECK(found("# Starting again\n\nSam, my ex, said yes. Trial till Christmas.\n\n"
              "## Not doing again\nWhich mistakes I am stopping, and what instead:\n"
              "- Fridays on autopilot -> the Tuesday thing\n- Drinking at work dos -> two max\n"
              "\n## Proof\n- 2026-10-27 First Tuesday: Ethiopian in Footscray.\n") ==
        "new-start.mistakes new-start.log");
  // A part that tells of the ex keeps them.
  CHECK(found("- Sam moved out, my boyfriend of six years.\n- Thinking it over\n    - What went "
              "wrong? he stopped talking to me\n    - Is it reversible? no\n") ==
        "why.not-working why.reversible");
}

// A work retro's "what would we do differently?" took the mistakes question while it was read
// with the note; dropped as another topic's, it claimed it still, and the writer's own line,
// placed by the article's order, went unread. Its lines are set aside and the note read again.
// A pronoun after someone else's name in its sentence is theirs: no sign of the topic.
TEST_CASE("a pronoun after another person's name is theirs", "[note_analysis][topic]") {
  auto found = [](std::string_view note) { return gated_ids(note, "club.md"); };
  CHECK(found("Club AGM\n\nIs it reversible? The money is lost.\n\nDoes the club have a real "
              "future? Aye, if the young ones come. Ian's grandson and his pals came to the open "
              "day.\n") == "");
  CHECK(found("Club AGM\n\nIs it reversible? The money is lost.\n\nDoes the club have a real "
              "future? Aye. Ian\u2019s grandson and his pals came to the open day.\n") == "");
  // Written first in its sentence, a capitalised word may be anything: the pronoun counts.
  CHECK(gated_ids("Notes\n\nWas it what I wanted? Sam said he was done.\n\nDoes it have a "
                  "real future? No.\n",
                  "notes.md") == "evaluate.ideal evaluate.future");
}

TEST_CASE("another topic's debrief claims none of the article's questions",
          "[note_analysis][topic]") {
  std::string ids =
      gated_ids("- #work\n    - retro with the team\n        - what went wrong? the deploy\n"
                "        - what would we do differently? a checklist\n- #sam\n"
                "    - what I tell him, my part included: that I went quiet\n"
                "    - how we would do it differently, the two of us: a Sunday walk\n"
                "    - he said yes\n        - stuff I am not doing again: going quiet\n"
                "        - proof log, dated\n            - 1 Dec: said I was tired\n",
                "week.md");
  CHECK(ids == "reach-out.share reach-out.change new-start.mistakes new-start.log");
}

TEST_CASE("a lone word past the last question fills no gap", "[note_analysis][recognition]") {
  check("What do I tell him. Including my bit.\nThat I checked out, and he went quiet.\n\n"
        "How do I tell him I still love him and want another go\nNot by text.\n\n"
        "draft:\nSam it's me. Can we talk Sunday.\n",
        "reach-out.share@1+ reach-out.love@4+");
}

TEST_CASE("prose under a question heading that echoes it is its answer",
          "[note_analysis][recognition]") {
  check("# Lui parler\n\n## Qu'est-ce que je lui dis de tout ça, ma part comprise ?\n"
        "Premier brouillon :\n\n> Sam, tout est de ma faute.\n\nCe que je vais vraiment "
        "dire : ma mauvaise humeur, mon silence.\n\n## Comment lui dire que je l'aime encore "
        "et que je veux recommencer ?\nSimplement.\n",
        "reach-out.share@3+ reach-out.love@10+");
}

TEST_CASE("a task's app tags are no answer", "[note_analysis][recognition]") {
  check("## My wrongs\n* [x] Do I want to change everything he blames me for, or just part of "
        "it? @done(2026-10-20 21:42)\n",
        "wrongs.scope@2-");
  check("## My wrongs\n* [x] Do I want to change everything he blames me for, or just part of "
        "it? Part. @done(2026-10-20 21:42)\n",
        "wrongs.scope@2+");
}

TEST_CASE("a label's item answers it though the next label continues the item",
          "[note_analysis][recognition]") {
  // "How I say …:" continues the item's paragraph lazily (no blank line before it).
  check("# talk to him\n\nWhat I tell him:\n- we talk on sunday about it.\n"
        "How I say I still love him:\n- say it in Vietnamese\n",
        "reach-out.share@3+ reach-out.love@5+");
}

TEST_CASE("an item holding its answer's items fills a gap; its items do not",
          "[note_analysis][recognition]") {
  check("## me in relationships\n- clingy when he pulls away?\n  - yes. 14 texts\n"
        "- staying when i'm not ok\n  - did with Craig for 3 yrs\n"
        "- scared of being left or cheated on?\n  - left, yes\n",
        "patterns.cling@2+ patterns.stay@4+ patterns.abandon@6+");
  // An item over recognised questions titles them.
  check("- Sam #breakup\n  - what he said when he ended it >> not fair on either of us\n"
        "  - what he meant but didn't say >> he felt second to work\n"
        "  - what wasn't working >> we texted like colleagues\n",
        "why.official@2+ why.unofficial@3+ why.not-working@4+");
}

TEST_CASE("a label giving a reason poses nothing", "[note_analysis][recognition]") {
  check("### moi en amour\ncomme c'est pas un gros oui clair :\n"
        "#### Je m'accroche quand il me repousse ?\noui, trente textos.\n",
        "patterns.cling@3+");
  check("## Me in love\nSince it's not a clear yes:\n- Do I cling when he pulls away? yes\n",
        "patterns.cling@3+");
  CHECK(steps_of("## Me in love\n- Do I cling when he pulls away? yes\n") == "patterns");
  CHECK(steps_of("## My end\n- on my own? the TV is on me\n") == "wrongs");
}

TEST_CASE("a pronoun is the topic of a note posing the log and another question",
          "[note_analysis][topic]") {
  CHECK(gated_questions("## Mistakes I'm done repeating, and what instead\n- Slack after 6 → "
                        "phone away.\n\n## Proof log\n- 2026-11-09: Said no to the deploy. "
                        "She cried, I stayed.\n") == "new-start.mistakes@1 new-start.log@4");
  // One of the article's questions with a pronoun, not naming the ex, is not enough.
  CHECK(gated_questions("## Mistakes I'm done repeating, and what instead\n- Slack after 6 → "
                        "phone away. She was right.\n") == "");
}

TEST_CASE("a part of the ex's compound name is someone else", "[note_analysis][topic]") {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  const Analyzer a(pack, {"Jean-Pierre", "fr"});
  auto found = [&](std::string_view note) {
    std::string out;
    for (const auto& q : a.analyse(note, "roses.md").questions)
      out += (out.empty() ? "" : " ") + q.id;
    return out;
  };
  CHECK(found("Rosiers\n\nLe « Pierre de Ronsard » a souffert.\n\nEst-ce réversible ?\n"
              "Oui, avec du purin.\n") == "");
  CHECK(found("Jean-Pierre\n\nEst-ce réversible ?\nOui, s'il parle.\n") == "why.reversible");
}

// A person a relative clause tells of only comes into the question ("…, with my aunt who asks
// at every wedding"): it is still the writer's own, and so are the ones after it.
TEST_CASE("a person told of in a relative clause", "[note_analysis][topic]") {
  check("- is it just the fear of ending up alone, with my aunt who asks at every wedding? a bit\n"
        "- what wasn't working between us? money\n",
        "motives.fear@1+ why.not-working@2+");
  check("- What wasn't working between my mum and me? Everything.\n"
        "- What didn't I like about her? Her silences.\n",
        "");
}

// GitHub's older admonition ("> **Note** …") titles a callout as "[!note]" does; an arrow
// before a label's colon sets the thought off first; a loose line's length is counted in the
// words its writer wrote ("c'est", "d'etre" are one each).
TEST_CASE("bold callout types, arrows before colons, words as written", "[note_analysis][forms]") {
  check("> **question** Am I just scared of being alone, and is that deciding for me?\n"
        "> Partly.\n",
        "motives.fear@1+");
  check("- Can I change this on my own, or is it a reaction to him → a reaction: he did "
        "nothing, so I did everything\n",
        "wrongs.alone@1+");
  check("est ce que c'est juste la peur d'etre tout seul qui me fait vouloir qu'elle revienne\n"
        "ouais, un peu\n",
        "motives.fear@1+");
}

// Org habits kept in Markdown ("## DONE Qu'est-ce qui ne fonctionnait pas ?"); a journaling
// app's prompt set off by its pictograph ("> 💭 …"); a callout whose type stands alone on its
// line ("> [!NOTE]") titled by its first line of text.
TEST_CASE("state keywords in headings, pictograph prompts, untitled callouts",
          "[note_analysis][forms]") {
  check("## DONE Qu'est-ce qui ne fonctionnait pas ?\n\nOn ne se parlait plus.\n",
        "why.not-working@1+");
  check("> 💭 Am I just scared of being on my own?\n> A bit, yes.\n\n"
        "> 💭 What wasn't working between us?\n> Money.\n",
        "motives.fear@1+ why.not-working@4+");
  check("> [!NOTE]\n> What wasn't working between us?\n> Money, mostly.\n", "why.not-working@2+");
  // A prompt that is all its quote holds is answered below it, as the apps lay it out; an
  // Obsidian callout's title is not (what follows is the note going on).
  check("# Bilan\n\n> 🤔 Conforme à mon idéal ?\n\nOui, à 80 %.\n\n"
        "> [!important]\n> Mes besoins et mes limites respectés ?\n\nOui, sauf sur le boulot.\n",
        "evaluate.ideal@3+ evaluate.needs@8+");
  check("# us\n\n> [!question] If I talk to him, what do I tell him, my part included?\n\n"
        "Therapist on the 24th.\n",
        "reach-out.share@3-");
}

// A formal writer numbers her questions and ends them with a stop, each answered under its
// item: the numbered item poses its question by its form; a numbered sentence of a diary
// stays a sentence.
TEST_CASE("numbered questions ended by a stop over their answers", "[note_analysis][forms]") {
  check("Now the harder part.\n\n1. His official reasons, what he told me.\n   He said Boston was "
        "nearer his son.\n2. What he did not say but I felt.\n   That he felt he lived by my "
        "rules.\n",
        "why.official@3+ why.unofficial@5+");
  check("1. Went to the gym at seven.\n   Legs, then the sauna.\n2. Called Mum.\n   She's fine.\n",
        "");
  // Not numbered, or with nothing under it, it is a sentence.
  check("- His official reasons, what he told me.\n", "");
}

// A diary's first question, short and answered in prose on its line ("What did she actually
// say? She said…"), opens the step the questions after it are of.
TEST_CASE("a short first question takes its step from the questions below it",
          "[note_analysis][recognition]") {
  check("Going to write it down straight.\n\n"
        "What did she actually say? She said she'd been lonely for years.\n\n"
        "What didn't she say but I could feel? That she wanted the coast.\n",
        "why.official@3+ why.unofficial@5+");
  check("What did she actually say? She said she'd been lonely for years.\n", "");
}

// A note its title gives to others: a couple ("Jen and Mark.md", "# Lerato & Kagiso") when no
// question speaks of the writer ("Pros and Cons" reads as two names too); a relative ("Mom stuff
// - session 6.md") when nothing in it is a strong sign of the writer's relationship.
TEST_CASE("a note titled after someone else is about them", "[note_analysis][topic]") {
  const std::string friends = "What went wrong?\nHe moved to Joburg and she found out online.\n\n"
                              "Is it reversible?\nShe says no.\n\n"
                              "What would she do differently?\nHe must phone.\n";
  CHECK(gated_questions(friends, "Lerato & Kagiso.md") == "");
  CHECK(gated_questions("Lerato & Kagiso\n===============\n\n" + friends, "friends.md") == "");
  CHECK(gated_questions(friends, "Notes/2026-11-02.md") != "");
  CHECK(gated_questions(friends, "Sam & Lucy.md") != ""); // the ex's
  const std::string pros = "Should I go back to him? Not yet.\n\n"
                           "Am I only scared of being alone? Partly.\n";
  CHECK(gated_questions(pros, "Pros and Cons.md") == gated_questions(pros, "note.md"));
  CHECK(gated_questions(pros, "Pros and Cons.md") != "");
  // Questions put to a friend say "you": still their couple's.
  CHECK(gated_questions("1. Are you afraid of being alone, or do you really like him?\n"
                        "2. Are your needs respected? Does he come when he says he will?\n",
                        "Keisha and Andre.md") == "");

  const std::string session = "## Am I afraid of being abandoned?\nYes, since she left us.\n\n"
                              "## Do I think I had to be perfect for her to love me?\nYes.\n";
  CHECK(gated_questions(session, "Mom stuff - session 6.md") == "");
  CHECK(gated_questions(session, "Therapy/session 6.md") != "");
  CHECK(gated_questions(session + "\nShe wore her wedding dress to my graduation.\n",
                        "Mom stuff - session 6.md") == "");
  CHECK(gated_questions(session + "\n## Did I chase Sam when he pulled away?\nYes.\n",
                        "Mom stuff - session 6.md") != "");
}

// Only one of the article's questions asked of someone else speaks for the questions after it:
// a diary's opening "why she tell my mother first before me?" is none.
TEST_CASE("a question about someone else that is none of the article's decides nothing",
          "[note_analysis][topic]") {
  check("why she tell my mother first before me? who do this.\n\n"
        "am i want her back only because i am afraid to be alone?\n- maybe yes.\n",
        "motives.fear@3+");
  check("- What wasn't working between my mum and me? Everything.\n"
        "- What didn't I like about her? Her silences.\n",
        "");
}

// A question lazily continuing its answer's item ("- she said…" then "what she dont say?")
// leaves the lines above it to the question before; a section's title so continued does not.
TEST_CASE("a question lazily continuing the item above leaves it to the question before",
          "[note_analysis][answers]") {
  check("what she tell me, official?\n- \"you are never here\" and she say she need space\n"
        "what she dont say but i feel?\n- her ex come back in picture\n",
        "why.official@1+ why.unofficial@3+");
  check("** Les fois où j'ai cru que c'était fini pour moi\nÀ 24 ans, après Claire.\n"
        "** TODO Ce qui me rassure sur le fait de ne pas finir seul\n\n"
        "* Pourquoi elle est partie\n:PROPERTIES:\n:END:\n** Ses raisons officielles\n"
        "« Tu n'es plus là. »\n",
        "motives.past@1+ motives.reassure@3- why.official@8+");
}

// A "?" in quotes opened after the line's first words is someone's speech, not the line asking;
// a quoted question that ends the line ends the line's own.
TEST_CASE("a quoted question inside a line is speech", "[note_analysis][forms]") {
  check("**Which mistakes am I going to stop repeating, and what do I do instead?**\n\n"
        "- Rewriting her stuff → I say “do you want notes?” and take no for an answer.\n"
        "- Planning the weekend alone → we plan it together.\n",
        "new-start.mistakes@1+");
  check("est-ce que c'est juste la peur de finir seule qui parle, avec ma tante qui me demande "
        "« alors, ce mariage ? »\nun peu.\n",
        "motives.fear@1+");
}

// Daily notes named in words (Reflect, Amplenote, Roam) are dated by their name.
TEST_CASE("a daily note named in words is dated by its name", "[note_analysis][dates]") {
  for (const char* path :
       {"November 12th, 2026.md", "Journal/Mon, November 30th, 2026.md", "12 novembre 2026.md"}) {
    INFO(path);
    NoteAnalysis n = analyzer().analyse("Nothing much.\n", path);
    REQUIRE(n.note_date);
    CHECK(n.note_date->year == 2026);
    CHECK(n.note_date->month == 11);
  }
  CHECK_FALSE(analyzer().analyse("Nothing much.\n", "Sunday 22 November.md").note_date);
  CHECK_FALSE(analyzer().analyse("Nothing much.\n", "November 12th, 2026 with Sam.md").note_date);
}

// People leave their own placeholder ("_ma réponse ici_", "my answer here"): no answer.
TEST_CASE("the writer's own placeholder is no answer", "[note_analysis][answers]") {
  CHECK_FALSE(answered("Ce qui me rassure que je finirai pas seul ?", "_ma réponse ici_"));
  CHECK_FALSE(answered("What reassures me I won't end up alone?", "*my answer here*"));
  CHECK(answered("What reassures me I won't end up alone?", "My answer: my sister's story."));
  // A to-do written after the question on its line: the diary going on is no answer.
  check("What work on myself will I do now? TODO ask Dr. Salinas\n\n"
        "Thanksgiving at Lupe's. The kids were fine.\n",
        "if-no.self-work@1-");
}

// "What if she says no?" titles its step's section, unless it is answered right under it or on
// its line and no other line asks the question: then it is that question (if-no.accept).
TEST_CASE("a step's title answered under it is the question it opens", "[note_analysis][titles]") {
  check("## Et s'il dit non ?\nC'est son droit. J'aurai essayé.\n\n"
        "## Ce que tout ça m'évitera la prochaine fois\nDe laisser pourrir un sujet.\n",
        "if-no.accept@1+ if-no.lessons@4+");
  check("**If he says no?** Then that's his call, and I'll have tried.\n\n"
        "**What will this help me avoid next time?** Staying quiet.\n",
        "if-no.accept@1+ if-no.lessons@3+");
  // Without "?", among headings of the step's questions.
  check("## if he says no\nHis choice, his right. At least I tried.\n\n"
        "## lessons for next time\nComparing him to others.\n",
        "if-no.accept@1+ if-no.lessons@4+");
  // A title over the step's questions, or over a paragraph before the question itself.
  CHECK(steps_of("## What if she says no?\n\n- Lessons for next time: talk sooner.\n"
                 "- Work on myself: therapy.\n") == "if-no");
  check("## Et si elle dit non ?\nJ'y pense beaucoup.\n\n"
        "### Si elle dit non : qu'est-ce que d'avoir essayé m'évite de regretter ?\nTout.\n",
        "if-no.accept@4+");
  // "Proof" over the acts that prove the change is the log, not the step's title.
  check("## Jase\n### Proof\n- went to his mum's for tea, no scene\n- said sorry first\n",
        "new-start.log@2+");
  CHECK(steps_of("## Proof\n\n- Mistakes I won't repeat: sulking.\n") == "new-start");
  check("- [[Sam]]\n    - Proof log\n        - Closed the laptop at eight.\n"
        "        - Said it the same evening.\n",
        "new-start.log@2+");
  // The note's last line, with no newline after it.
  check("## Et s'il dit non ?\nC'est son droit, j'aurai essayé.", "if-no.accept@1+");
  check("## if he says no\nHis choice, his right.", "if-no.accept@1+");
  // A title of one word without "?" asks nothing ("## Plans" is no "Plan B").
  check("## Plans\nCinema on Friday, then the market.\n", "");
  // Someone else's no is not the step's title.
  check("## What if his family says no to the date?\nThen 9 January.\n", "");
  // "Why she left" asks her reasons; over a table (never questions) it titles its section.
  check("# Tasha\n\n### why did she leave?\nShe needed space, she said.\n\n"
        "### what didn't i like about it\nThe silences.\n",
        "why.official@3+ why.disliked@6+");
  CHECK(steps_of("# Erwan\n\n## Pourquoi c'est fini\n\n| Question | Réponse |\n|---|---|\n"
                 "| Ce qu'il m'a dit | « J'ai besoin d'air. » |\n") == "why");
}

// A debrief whose only strong words have an everyday sense ("paid separately", "the accounts
// were never reconciled") holds no question; "feart" and "fraid" are afraid.
TEST_CASE("everyday senses of topic words and dialect fears", "[note_analysis][topic]") {
  CHECK(gated_questions(
            "Bake sale debrief\n\nWhat went wrong?\nCash and card were counted "
            "separately and never reconciled.\n\nIs it reversible?\nYes, next week.\n") == "");
  CHECK(gated_questions("Year-end close retro\n\nWhat went wrong?\n- partner review squeezed into "
                        "a weekend\n\nWhat would we do differently?\n- book it in June\n") == "");
  // A note titled after a couple of others, "y" joining them as in Spanish.
  CHECK(gated_questions("- What were his reasons? He says she never has time.\n"
                        "- Is it reversible? She thinks so.\n",
                        "Cami y Tom.md") == "");
  CHECK(questions("Am I just feart of being on my own?\nA bit.\n") == "motives.fear@1+");
  CHECK(questions("**Est-ce la peur de rester seul qui me fait vouloir la récupérer ?**\nNon.\n") ==
        "motives.fear@1+");
  CHECK(questions("## Ce que j'arrête de refaire\nBouder.\n") == "new-start.mistakes@1+");
}

// A long line that does not open asking may be prose wrapped at a margin, unless all of it is
// worded as one of the questions; a short line cut at its first stop stays prose.
TEST_CASE("a long line worded as a question is posed", "[note_analysis][forms]") {
  check("notes\n\ntimes i thought i would never meet anyone again and then did\n"
        "after uni, for two years. then Sam at a barbecue.\n",
        "motives.past@3+");
}

// A log announced by a bold label keeps its entries under dated headings; the first heading
// that is no date ends it.
TEST_CASE("a log's entries under dated headings", "[note_analysis][dates]") {
  const char* note = "# Sam\n\n**Change log (weekly, dated)**\n\n### 2026-11-17 (Tue)\n"
                     "- closed the laptop at 7.30\n\n### 2026-11-22\n- first Sunday coffee\n\n"
                     "## Groceries\n- 2026-11-25 eggs\n";
  CHECK(questions(note) == "new-start.log@3+");
  CHECK(log_dates(note) == "11/17 11/22 ");
  // A diary's next day at the level of the day holding the log is no entry of it.
  CHECK(log_dates("## Saturday 4 April 2026\n\n**This week's proof that I'm changing:**\n"
                  "- 2 April: told him I was hurt.\n\n## Monday 29 June 2026\n"
                  "Haven't written for a while.\n") == "4/2 ");
}

// A friend's couple told of before a question on its line, or in the paragraph announcing the
// list of questions: the questions are about them.
TEST_CASE("a friend's couple told of in prose", "[note_analysis][topic]") {
  CHECK(questions("Braai at Jabu's. Jabu and Anele are done for real. Is it reversible for them? "
                  "No idea.\n") == "");
  CHECK(questions("Kirsty came round. Her and Ross are finished. She made me go through it:\n\n"
                  "- What did he say when he left? He says she is too intense.\n"
                  "- What wasn't working? He's in Dundee four nights a week.\n") == "");
  CHECK(questions("- What did he say when he left? He needed space.\n"
                  "- What wasn't working? The distance.\n") ==
        "why.official@1+ why.not-working@2+");
  // The item a list is nested in announces it as well; it decides for that list only.
  CHECK(questions("- Ceri came round. Her and Jonno are finished, so we did the questions for "
                  "them:\n    - what were his official reasons? needs space\n    - is it "
                  "reversible for them? no\n- Sam\n    - Has it got a real future, us?\n"
                  "        - not sure\n") == "evaluate.future@5+");
}

// A section titled as a couple of others ("## Clara & Théo") holds their questions, labels
// too; one whose lines speak of the writer ("## Moé pis Kev") is the writer's.
TEST_CASE("a section titled as a couple of others", "[note_analysis][topic]") {
  CHECK(questions("# 2026.11.03\n\n## Clara & Théo\nOn a fait ses questions à elle :\n"
                  "- ses raisons officielles : il veut partir à Montréal\n"
                  "- est-ce que c'est réversible ? pour eux oui\n\n## Moi\n"
                  "- Qu'est-ce que je n'aimais pas dans notre relation ? Le silence.\n") ==
        "why.disliked@9+");
  CHECK(questions("# Tom & Ana\n\n- What did I not like about the relationship? The silence.\n"
                  "- Is it reversible? No.\n") == "why.disliked@3+ why.reversible@4+");
}

// Among lines written one thought each, the last one may still ask, left unanswered.
TEST_CASE("a paragraph's last line that asks", "[note_analysis][recognition]") {
  check("am i just scared of being by myself?? is that whats making me want him back\n"
        "lowkey yes.\nwhat tells me i wont end up alone\n",
        "motives.fear@1+ motives.reassure@3-");
  // Lines that alternate questions opening with a word that ask and their answers are one
  // thought each, without a stop between.
  check("am i just scared of being by myself?? is that whats making me want him back\n"
        "lowkey yes everybody got somebody and im 21 w my grandmama as my date to every cookout\n"
        "what tells me i wont end up alone\nmy aunt tee, married at 50 and happy\n"
        "was it what i actually wanted tho\n",
        "motives.fear@1+ motives.reassure@3+ evaluate.ideal@5-");
  // Prose's last line stays prose.
  check("Am I scared of being alone? Some nights, when the house is quiet and the heating ticks "
        "and I can hear the neighbours laughing through the wall at something on the telly, "
        "what tells me I won't end up alone\n",
        "motives.fear@1+");
}

// A section titled after another subject that no word of its title ties to the topic
// ("## Compte rendu client") holds someone else's questions; only what asks there is set
// aside, so a weekly note's "Boulot" log keeps the note's own questions.
TEST_CASE("a section titled after another subject", "[note_analysis][topic]") {
  CHECK(questions("# 1 déc.\n\nElle a dit non, le 20.\n\n"
                  "**Qu'est-ce que d'avoir essayé m'évite de regretter ?**\nDe me demander toute "
                  "ma vie si un appel aurait suffi.\n\n## Compte rendu client Ben Arous\n"
                  "Pourquoi le client a quitté l'agence — la raison officielle, et la vraie ?\n"
                  "Les honoraires.\n") == "if-no.accept@5+");
  CHECK(questions("Semaine 47\n==========\n\nBoulot\n------\n- lundi : tableau à refaire\n\n"
                  "Julie\n-----\nEt si elle dit non ? Qu'est-ce que j'aurai gagné à avoir "
                  "essayé ?\n-> Au moins j'aurai essayé.\n") == "if-no.accept@10+");
  // A heading that asks titles no subject, whatever word of another language it holds
  // ("these" is French "thèse" folded).
  CHECK(questions("## Identify your mechanisms in love\n\n### Are these reasons reversible?\n\n"
                  "_your answer_\n\n- Does this relationship stand a real chance in the "
                  "future?\n\n_your answer_\n") == "why.reversible@3- evaluate.future@7-");
  CHECK(questions("# Nov 3\n\n## Staff meeting\n- What wasn't working? The rota.\n\n## Grief and "
                  "the breakup\n- What did I not like about us? The silences.\n") ==
        "why.disliked@7+");
}

// A top-level quote opening with a question wholly in bold, answered on its next lines, is the
// writer's question set apart; quoted words that do not open so stay someone else's.
TEST_CASE("a bold question over its answer in a quote", "[note_analysis][recognition]") {
  CHECK(questions("# Us\n\n> **Big one: is it a whole-hearted, no-question YES?**\n"
                  "> Yes, but I'm scared.\n") == "evaluate.verdict@3+");
  CHECK(questions("# Us\n\n> He asked: **is it a big, unanimous yes?**\n> I said nothing.\n") ==
        "");
}

// An Org drawer's lines are the tool's metadata, and "re:" in a to-do is "about": neither
// poses anything.
TEST_CASE("Org drawers and a to-do's re: pose nothing", "[note_analysis][recognition]") {
  CHECK(questions("* Motives\n** Is it the fear of being on my own doing the deciding?\nSome.\n\n"
                  "* Why\n:PROPERTIES:\n:CREATED: [2026-10-11 Sun 21:40]\n:END:\n"
                  "** What he said when he left\n\"I can't keep doing this.\"\n") ==
        "motives.fear@2+ why.official@9+");
  CHECK(questions("# Dec 2\n\n- [ ] Chase Faith re: the onboarding numbers\n- [ ] Book flights\n\n"
                  "## Sam\n- Mistakes I'm not repeating: going cold.\n") ==
        "new-start.mistakes@7+");
}

// A label's question ending the line is part of the label; sentences after the label, the last
// of them asking, are its answer.
TEST_CASE("a label answered in sentences that end asking", "[note_analysis][answers]") {
  CHECK(questions("## Why it ended\n\n- Unofficial, what I felt: his mum. She never liked me. "
                  "Kwani I'm blind?\n") == "why.unofficial@3+");
  CHECK(questions("## My part\n\n- Everything he blames me for: change all of it, or just "
                  "part?\n") == "wrongs.scope@3-");
}

// The plain items of a list a posed label announces are its answer, however they echo another
// question; items asking with a "?" or labelled stay questions of their own.
TEST_CASE("a posed label's list is its answer", "[note_analysis][answers]") {
  CHECK(questions("# Change myself\n\n**Mistakes I stop repeating, and what I do instead:**\n"
                  "- Not telling feelings → tell one feeling per day\n"
                  "- Working till 11pm → leave at 7\n") == "new-start.mistakes@3+");
  CHECK(questions("# Sam\n\n**Mistakes I stop repeating:**\n- going cold\n"
                  "- What didn't I like about the relationship? His silences.\n") ==
        "new-start.mistakes@3+ why.disliked@5+");
}

// A heading that does not ask, over the next recognised question, titles its section: the
// article's order fills no gap with it. One that asks without its "?" still fills one.
TEST_CASE("a heading over the next question titles it, filling no gap", "[note_analysis][order]") {
  CHECK(questions("# Sam\n\n**How could the two of us change the way we interact:** Sunday "
                  "walks.\n\n"
                  "## Since then (back together on the 8th)\n\n"
                  "**Proof log, week by week:**\n- 2026-11-10: called instead of texting\n") ==
        "reach-out.change@3+ new-start.log@7+");
  // A heading over the next question's own heading a level down is its section, "?" or not.
  CHECK(questions("# Sam\n\n## My part\n- Everything he blames me for, or only some? — Some.\n"
                  "- Can I fix that alone, or is it partly a reaction to him? — Partly.\n\n"
                  "## Back to him?\n### Was it what I wanted?\nMostly.\n### Were my needs "
                  "respected?\nYes.\n") ==
        "wrongs.scope@4+ wrongs.alone@5+ evaluate.ideal@8+ evaluate.needs@10+");
}

// A note tool's comment ending the line (Logseq's block ids) holds none of the writer's words
// and is no answer.
TEST_CASE("a block id's comment is neither words nor answer", "[note_analysis][recognition]") {
  CHECK(questions("## Talking to Sam\n\n- [x] How I tell him I still love him and want to start "
                  "again <!-- {\"uuid\":\"a2c4f6e8-1b3d-4f5a-8c7e-9d0b2e4f6a81\"} -->\n"
                  "  Just say it, over coffee.\n") == "reach-out.love@3+");
  CHECK(questions("- [ ] What makes me calm that I won't end up alone?<!-- {\"uuid\":\"3c9e7d21-"
                  "5a6b-4f0c\"} -->\n") == "motives.reassure@1-");
}

// An outliner's empty bullet under an item ("\t-") underlines its line as a heading, in
// Markdown's reading: that heading's answer is inside its item, and the next top-level item is
// the day going on.
TEST_CASE("a heading inside a list item is answered inside it", "[note_analysis][answers]") {
  check("- Patterns, from the book\n\t- Do I cling when someone pulls away?\n\t\t- Always.\n"
        "\t- Do I think I have to be perfect to be loved?\n\t\t-\n- Lunch with Jo, tacos.\n",
        "patterns.cling@2+ patterns.perfect@4-");
  // A heading at the start of its line is no part of the item above it, whatever the grammar
  // nests it in.
  check("- Do I cling when someone pulls away?\n\n    Always, since school.\n\n## Do I think I "
        "have to be perfect to be loved?\n\n- yes, at work too\n",
        "patterns.cling@1+ patterns.perfect@5+");
}

// Only pronouns in the note: the words leading into a question on its line may name the ex.
TEST_CASE("a question's lead-in on its line may name the ex", "[note_analysis][topic]") {
  auto found = [](std::string_view note) { return gated_ids(note, "after.md"); };
  CHECK(found("After\n\nRain all week. Gerry came round.\n\nIt's her call. What does having "
              "tried spare me from regretting?\nThe what-ifs.\n\nWhat do I work on in me now?\n"
              "Drinking less.\n") == "if-no.accept if-no.self-work");
  // "It’s" opening the sentence is nobody's possessive.
  CHECK(found("After\n\nRain all week.\n\nIt\u2019s her call. What does having tried spare "
              "me from regretting?\nThe what-ifs.\n\nWhat do I work on in me now?\nSleep.\n") ==
        "if-no.accept if-no.self-work");
  CHECK(found("After\n\nRain all week. Gerry came round.\n\nIt's raining. What does having "
              "tried spare me from regretting?\nThe what-ifs.\n\nWhat do I work on in me now?\n"
              "Drinking less.\n") == "");
}

// A heading worded as a question and answered in prose first is that question, though the
// questions after it are another step's: it is no title of their section.
TEST_CASE("a heading answered in prose before another step's questions is a question",
          "[note_analysis][recognition]") {
  check("Times I was sure I'd never find someone\n---\n\nAfter uni, two years alone. Then Sam."
        "\n\n**What did she actually tell me?** Work, always work.\n\n**What did she never say "
        "but I could feel?** Boredom.\n",
        "motives.past@1+ why.official@6+ why.unofficial@8+");
}

// Several bold leads in one paragraph, each answered on its line: what follows the paragraph is
// the note going on, not the last one's answer.
TEST_CASE("a bold lead among others holds its answer on its line", "[note_analysis][answers]") {
  auto verdict_clear = [](std::string_view after) {
    std::string note = "**Was it what I wanted?** At first.\n**Is it a big unanimous yes?** Yes.\n"
                       "\n" +
                       std::string(after) + "\n";
    NoteAnalysis n = analyzer().analyse(note, "note.md");
    REQUIRE(n.questions.size() == 2);
    return n.questions[1].clear_yes;
  };
  CHECK(verdict_clear("Mum thinks I am too soft, I guess."));
  CHECK(verdict_clear("Lunch with Ana."));
}

// A phone note's "y/n" poses a yes-or-no question as a "?" does; and the evaluation's title
// asked and answered right under it ("worth it y/n" then "y?? idk") is its verdict. A clause
// naming the step in an item about something else asks nothing.
TEST_CASE("y/n poses a question; the evaluation's title asked is the verdict",
          "[note_analysis][recognition]") {
  check("Sam stuff\n\nwhat did he tell me y/n\n\nworth it y/n\nyeah probably\n",
        "why.official@3- evaluate.verdict@5+");
  check("Sam stuff\n\nça vaut le coup (o/n)\nnon\n", "evaluate.verdict@3+");
  check("#### How to tell him I still love him and want to start again\n\nPlainly.\n\n#### How "
        "do we change the way we are together?\n\n- the Sunday walk\n- a weekend away every "
        "spring, just us — Lisbon again?\n",
        "reach-out.love@1+ reach-out.change@5+");
}

// A question asked of someone else's ("the resident's needs"): the pronouns of its answer are
// theirs, no sign of the ex in a work debrief.
TEST_CASE("the answer to a question of someone else's speaks of them", "[note_analysis][topic]") {
  auto found = [](std::string_view note) { return gated_ids(note, "incident.md"); };
  CHECK(found("# Room 4 incident\n\nWhat went wrong?\nThe resident walked alone to the lift.\n\n"
              "Were the resident's needs respected?\nPartly. He asked twice for help.\n") == "");
  CHECK(found("# Notes\n\nWhat went wrong?\nI walked alone, always.\n\nWere my needs "
              "respected?\nPartly. He never asked.\n") == "why.not-working evaluate.needs");
}

// Right under a question of its step, a one-word label over what follows is its next question;
// alone, a one-word label is any note-taking.
TEST_CASE("a one-word label under its step's question", "[note_analysis][recognition]") {
  check("Semaine 46\n\nLes erreurs que j'arrête, et ce que je fais à la place :\n- me taire → le "
        "dire\n\nPreuves :\n- mar. 10.11 — café ensemble\n",
        "new-start.mistakes@3+ new-start.log@6+");
  check("Semaine 46\n\nBoulot :\n- livraison\n\nPreuves :\n- mar. 10.11 — café\n", "");
}

// What the writer struck out is taken back: no part of the answer.
TEST_CASE("struck-out text is no part of an answer", "[note_analysis][answers]") {
  CHECK(answered("What didn't I like about us?", "~~Nothing, he was fine.~~ EDIT: his weekends "
                                                 "away, every month."));
  CHECK_FALSE(answered("What didn't I like about us?", "~~His weekends away.~~"));
  CHECK(answered("What went wrong?", "~~ unclosed, kept as written"));
}

// Org-style headings in a Markdown file: "** …" lines continue the paragraph of the "* …" item
// above them, yet each opens a thought of its own, as a bold lead does.
TEST_CASE("a line opening in bold after a line that ran on", "[note_analysis][recognition]") {
  check("* New start\n** Mistakes I stop repeating, and what I do instead\n- silence -> say it\n"
        "\n* Since then\n** Proof log, every week\n- 2026-11-13 closed the laptop at seven\n",
        "new-start.mistakes@2+ new-start.log@6+");
}

TEST_CASE("a short follow-up question on the question's line is no answer", "[analysis]") {
  // "My limits?" asks on; a reply however unsure ("Yes?? I think?") answers.
  CHECK(questions("# Evaluate the relationship\n\nWere my needs respected? My limits?\n\n"
                  "Is there a real future here?\n\nYes.\n") ==
        "evaluate.needs@3- evaluate.future@5+");
  CHECK(questions("# Evaluate the relationship\n\n- Big unanimous YES? Yes?? I think?\n") ==
        "evaluate.verdict@3+");
  CHECK(questions("# Évaluer la relation\n\n- Un grand OUI unanime ? Oui… je crois ?\n") ==
        "evaluate.verdict@3+");
  // A word asked, then the question it stands for: one question, whose answer is below it or
  // after a label's colon.
  CHECK(questions("Telegram\n\nreversible?? what must change, me or him\n\nif he goes to "
                  "counselling\n") == "why.reversible@3+");
  CHECK(questions("- reversible? wht needs to change:\n- how long + early or deeper: 3 yrs\n") ==
        "why.reversible@1- why.stage@2+");
  // A reply after the word asked is its answer, as before.
  CHECK(questions("- reversible? yes, if he stops drinking\n") == "why.reversible@1+");
}

TEST_CASE("a Notion callout's text under a question is its answer", "[analysis]") {
  // Notion exports a callout as "<aside>", its text, a blank line, "</aside>".
  CHECK(questions("# Reaching out\n\nWhat am I going to tell her, my part included?\n\n<aside>\n"
                  "💬 I've had a proper think. My part was the silences.\n\n</aside>\n") ==
        "reach-out.share@3+");
  CHECK(questions("# Reaching out\n\nWhat am I going to tell her, my part included?\n\n<aside>\n"
                  "</aside>\n") == "reach-out.share@3-");
  // Other HTML answers nothing.
  CHECK(questions("# Reaching out\n\nWhat am I going to tell her, my part included?\n\n"
                  "<div class=\"x\">\nsome markup\n</div>\n") == "reach-out.share@3-");
}

TEST_CASE("questions announced for someone else are not the writer's", "[analysis]") {
  // A list announced as questions for a guest, a heading of questions for a friend, a note of
  // questions to ask on a date: none is the writer's reflection.
  CHECK(questions("# Episode 14\n\nQuestions for Moana:\n\n"
                  "* What's the difference between the official reasons and the real ones?\n"
                  "* Are you afraid of being alone?\n") == "");
  CHECK(questions("# Samedi\n\n## Questions pour Juju\n\nJe l'aide, ses réponses pas les "
                  "miennes :\n\n* T'as peur d'être tout seul ?\n  « Les deux. »\n"
                  "* C'est réversible, ou c'est mort ?\n  Mort.\n") == "");
  // (The note's titles are read where the topic is: with the topic gate.)
  CHECK(gated_questions("- are you scared of being alone since your breakup?\n- were your "
                        "needs met in your last relationship\n",
                        "first date questions.md") == "");
  CHECK(questions("# Questions à poser au prochain date\n\n- Tu penses qu'il faut être parfait "
                  "pour être aimé ?\n") == "");
  // An outline's item announcing what to ask someone holds their questions.
  CHECK(questions("- stuff to ask Ellie when she's ready\n    - what did he actually tell her "
                  "when he left?\n    - does she want to change everything he blamed her for or "
                  "only some of it?\n- what wasn't working for me\n    - the hours\n") ==
        "why.not-working@4+");
  // Questions for a first date, however announced.
  CHECK(questions("# Profil\n\nQuestions que Jérôme dit de poser au premier rendez-vous :\n"
                  "- T'as peur d'être seule, ou tu cherches vraiment quelqu'un ?\n"
                  "- Qu'est-ce qui marchait pas avec ton ex ?\n") == "");
  CHECK(questions("# Sunday\n\nAmmi's questions for a first meet:\n\n- Are you afraid of "
                  "ending up on your own, or are you actually ready?\n") == "");
  // The writer's own: questions for themselves, or for a time.
  CHECK(questions("Questions for me:\n\n- Am I afraid of being alone?\n  Yes.\n") ==
        "motives.fear@3+");
  CHECK(questions("## Questions for next week\n\n- Am I afraid of being alone?\n  Yes.\n") ==
        "motives.fear@3+");
  // A question the writer asks of themselves in a date note stays theirs.
  CHECK(gated_questions("- am I scared of being alone since the breakup?\n  yes\n",
                        "first date questions.md") == "motives.fear@1");
}

TEST_CASE("a question of the writer's own asked of someone in the third person is theirs",
          "[analysis]") {
  // The article asks these of the writer: asked of "her" or "she", they are someone else's.
  CHECK(questions("- Were her needs respected?\n  Yes, the staff rang her family.\n") == "");
  CHECK(questions("- Is she just afraid of being alone?\n  She says no.\n") == "");
  CHECK(questions("- Were my needs respected?\n  Mostly.\n") == "evaluate.needs@1+");
  // An object pronoun, French's impersonal "il", or an answer in the first person leave it
  // the writer's.
  CHECK(questions("## Motives\n\n- Is it fear of being alone talking? Is that what wants him "
                  "back?\n  Yes.\n- What reassures me I will not end up alone?\n  My sister.\n") ==
        "motives.fear@3+ motives.reassure@5+");
  CHECK(questions("## Mes mécanismes en amour\n\n1. Faut-il être parfaite pour être aimée ?\n"
                  "2. Est-ce que je reste quand mes besoins ne sont pas respectés ?\n") ==
        "patterns.perfect@3- patterns.stay@4-");
  CHECK(questions("## My patterns\n\n- Do I cling when he pulls away? Yes.\n- Does he stay when "
                  "his needs are not respected? — No. I am stubborn.\n") ==
        "patterns.cling@3+ patterns.stay@4+");
  CHECK(questions("## My patterns\n\n- Do I cling when he pulls away? Yes.\n- Does he stay when "
                  "his needs are not respected? — No. Stubborn.\n") == "patterns.cling@3+");
  CHECK(questions("## Evaluate\n\n- Was it my ideal? No.\n- Were her needs respected? Yes, the "
                  "staff rang.\n") == "evaluate.ideal@3+");
  // Owned by someone else: "the patient's needs", "the members' needs", "ses besoins", "les
  // besoins des vendangeurs".
  for (const char* other :
       {"Were the patient's needs respected?", "Were the members' needs respected?",
        "Were their needs respected?", "Ses besoins sont-ils respectés ?",
        "Les besoins des bénévoles ont-ils été respectés ?"}) {
    INFO(other);
    CHECK(questions(std::string("## Evaluate\n\n- Was it my ideal? No.\n- ") + other +
                    " Not really.\n") == "evaluate.ideal@3+");
  }
  // "it's", "that's" own nothing.
  CHECK(questions("## Evaluate\n\n- Was it my ideal? No.\n- Were the needs respected, that's the "
                  "question? Not really.\n") == "evaluate.ideal@3+ evaluate.needs@4+");
}

TEST_CASE("quoted questions answered inside their quotes, and a heading opening the next step",
          "[analysis]") {
  // "> question" over "> answer" in two quotes or more: the writer's questions set apart.
  CHECK(questions("## Evaluate\n\n> Was it what I wanted, us two?\n> Aye.\n\n"
                  "> Did she respect my needs, my limits?\n> Not really.\n") ==
        "evaluate.ideal@3+ evaluate.needs@6+");
  // One quote alone may be anyone's words (an epigraph, a message).
  CHECK(questions("## Evaluate\n\n> Did she respect my needs, my limits?\n> Not really.\n") == "");
  // "## Was it right" between the wrongs' questions and the evaluation's titles the evaluation:
  // the article's order does not make it the missing wrongs.together.
  CHECK(questions("## My share\n\n- [x] Do I change everything she blamed me for, or just some?\n"
                  "  The drink.\n- [x] Can I do it on my own, or is it because of what she does?\n"
                  "  Mine.\n\n## Was it right\n\n> Was it what I had wanted, us two?\n"
                  "> At the start.\n\n> Did she respect my needs, my limits?\n> No.\n") ==
        "wrongs.scope@3+ wrongs.alone@5+ evaluate.ideal@10+ evaluate.needs@13+");
}

TEST_CASE("what the writer tells the ex is never what the ex said", "[analysis]") {
  // The writer is the one telling: a plan or a report of their own words, never the ex's
  // official or unofficial reasons.
  for (const char* told : {"## What I tell her (24.10., café)", "## Ce que je lui ai dit",
                           "## Ce que je lui ai dit (préparé la veille)"}) {
    INFO(told);
    std::string found = questions(std::string("# Sam\n\n") + told + "\n\nThat I am sorry.\n");
    CHECK(found.find("why.") == std::string::npos);
  }
  CHECK(questions("# Sam\n\n- What I will say to him\n") == "reach-out.share@3-");
  // The ex telling, or what the writer sensed, stay the ex's.
  CHECK(questions("# Sam\n\n- What did she tell me when she left?\n") == "why.official@3-");
  CHECK(questions("# Sam\n\n- what she didnt say but i could tell\n") == "why.unofficial@3-");
  CHECK(questions("# Sam\n\n- What did I feel that she never said?\n") == "why.unofficial@3-");
  CHECK(questions("# Sam\n\n- what J said: \"we want different things\"\n") == "why.official@3+");
}

TEST_CASE("a log is what proves the change", "[analysis]") {
  // "prove" is the log's word as "proof" is ("Every week: what I did that proves it").
  CHECK(questions("# Changing\n\n## What I did this week that proves it\n- 3 Nov: let him "
                  "choose the restaurant.\n") == "new-start.log@3+");
}

TEST_CASE("a third person asked of past a clause of time, or with Québec's -tu, is someone else",
          "[analysis]") {
  // Past "since", "depuis", the writer is only told of: the question is the daughter's.
  CHECK(
      questions("## Mes mécanismes\n\n- Est-ce que je m'accroche quand l'autre me repousse ? Oui.\n"
                "- Est-ce qu'elle a peur qu'on l'abandonne, depuis que sa mère et moi on s'est "
                "séparés ?\n") == "patterns.cling@3+");
  // Québec's particle "-tu" ("ont-tu", "c'est-tu") is no "tu"; "as-tu", "peux-tu" are.
  CHECK(questions("## Évaluer\n\n- C'était mon idéal ? Non.\n- Les besoins du chat ont-tu été "
                  "respectés ? Non.\n") == "evaluate.ideal@3+");
  CHECK(questions("## Évaluer\n\n- C'était mon idéal ? Non.\n- Tes besoins ont-ils été respectés, "
                  "dis-tu ? Non.\n") == "evaluate.ideal@3+ evaluate.needs@4+");
}

TEST_CASE("a question put to someone as French's formal vous is not the writer's", "[analysis]") {
  // An interview's prep or a client's session: "vous" to one person, the line only.
  CHECK(questions("# Entretien\n\nVos besoins étaient-ils respectés ? Pas vraiment.\n\n"
                  "Qu'est-ce que vous feriez autrement ? Le contrat écrit.\n\n"
                  "Est-ce que c'est la peur d'être seul qui me fait la vouloir ? Oui.\n") ==
        "motives.fear@7+");
  // The article's "vous" is the couple's: "entre vous", "à deux", "ensemble".
  CHECK(questions(
            "## Pourquoi\n\n- Qu'est-ce qui ne fonctionnait pas entre vous ? Les horaires.\n") ==
        "why.not-working@3+");
  CHECK(questions("## Reprendre contact\n\n- Comment pourriez-vous, à deux, changer votre façon "
                  "d'interagir ? Parler le dimanche.\n") == "reach-out.change@3+");
  // A writer who says "vous" to himself: his one such question, answered under it as "je".
  CHECK(questions("# Nouveau départ\n\nQuelles erreurs cesserez-vous, sciemment, de répéter — et "
                  "que ferez-vous à la place ?\nJ'accepterai une invitation sur deux, au "
                  "minimum.\n") == "new-start.mistakes@3+");
  // Answered on its line, told by the one asked, it is an interview's.
  CHECK(questions("# Entretien avec l'apprenti\n\n- Voulez-vous changer tout ce qu'on vous "
                  "reproche ou une partie ? (je lui ai demandé) il a dit une partie\n") == "");
}

TEST_CASE("every week is the log's, and for real only insists", "[analysis]") {
  CHECK(questions("# Sandrine\n\n## Chaque semaine, ce que j'ai fait pour de vrai\n- 22/11 : "
                  "rentré à 19 h.\n") == "new-start.log@3+");
  CHECK(questions("# Sam\n\n## Every week, what I did\n- 22 Nov: home by 7.\n") ==
        "new-start.log@3+");
  // The real reasons stay the unofficial ones.
  CHECK(questions("# Sam\n\n## What were the real reasons?\nHer job.\n") == "why.unofficial@3+");
}

TEST_CASE("French's ce que, ce qui open a question as what does", "[analysis]") {
  // An item holding its answer in nested items, worded "Ce qu'il m'a dit" as "What he told me".
  CHECK(questions("## Pourquoi\n\n1. Ce qu'il m'a dit, officiellement\n    - Qu'il avait besoin "
                  "de calme.\n") == "why.official@3+");
}

TEST_CASE("a relative after a preposition is a place or company, not who is asked of",
          "[analysis]") {
  // "au cabanon de mon père": the writer's fear, and the questions after it stay the writer's.
  CHECK(questions("## La peur\n\n- peur de me retrouver tout seul, au cabanon de mon père, et "
                  "c'est ça qui choisit pour moi ?\n  Un peu.\n- ce qui me rassure : quelqu'un "
                  "comme moi qui s'en est sorti\n  Momo.\n") ==
        "motives.fear@3+ motives.reassure@5+");
  // The relative as the one asked of stays someone else's.
  CHECK(questions("## La peur\n\n- ma mère a-t-elle peur de finir seule ?\n  Oui.\n") == "");
}

TEST_CASE("a list of what to ask someone else holds none of the writer's questions", "[analysis]") {
  CHECK(questions("# Lou\n\nCe que je veux demander à la dame du PMS :\n- Est-ce qu'elle a peur "
                  "qu'on l'abandonne ?\n- Qu'est-ce que je peux faire autrement, les week-ends ?\n")
            .find("wrongs.") == std::string::npos);
  CHECK(questions("# Sam\n\nWhat I want to ask the counsellor:\n- Is he afraid of being alone?\n"
                  "- Could I have fixed it alone?\n") == "");
  // Asking oneself: "à me demander", "to ask myself".
  CHECK(questions("# Après Hugo\n\nTrucs à me demander AVANT de lui écrire :\n\n- Est-ce que "
                  "c'est juste la trouille d'être toute seule ?\n\t- oui.\n") == "motives.fear@5+");
}

// The writer's own question before a section for someone else, under a heading of its own,
// stays the writer's; in that section, or with no heading between, it goes with them.
// A note filed under the topic, or named after it, is on it whatever its own words say.
TEST_CASE("the note's folders and name are read for the topic", "[analysis]") {
  const char* note = "# December\n\nQ: So. Big unanimous yes?\nA: Not sure yet.\n\nStill "
                     "can't sleep.\n";
  CHECK(gated_ids(note, "Journal/December.md") == "");
  CHECK(gated_ids(note, "Breakup/December.md") == "evaluate.verdict");
  CHECK(gated_ids(note, "Journal/december - after the breakup.md") == "evaluate.verdict");
  // Only a word that always names the topic: a sales team's "Relationships" is not.
  CHECK(gated_ids(note, "Relationships/December.md") == "");
}

TEST_CASE("a question of no one's before a section for someone else", "[analysis]") {
  const char* note = "# December\n\nQ: Honestly, a big unanimous yes?\nA: …\n\n## Noelani\n"
                     "She rang about Brandon. What I'll ask her on Sunday:\n- What did he say, "
                     "his reasons?\n- Is she scared of being alone, is that why she texts him?\n";
  CHECK(gated_ids(note, "Breakup/December.md") == "evaluate.verdict");
  std::string together = note;
  together.erase(together.find("## Noelani\n"), 11);
  CHECK(gated_ids(together, "Breakup/December.md") == "");
}

// Obsidian's Kanban board keeps a card's lines on one Markdown line, broken by "<br>": the
// card's first line is posed, what follows the break answers it. Its lanes are statuses of one
// board, not parts about other subjects.
TEST_CASE("a Kanban card broken by <br>", "[note_analysis][recognition]") {
  check("- [ ] do i want to change everything they blame me for or just some of it<br>some. not "
        "the thesis\n- [x] what wasn't working<br>we never saw each other\n",
        "wrongs.scope@1+ why.not-working@2+");
  // Unanswered: nothing after the break.
  check("- [x] what wasn't working<br>\n", "why.not-working@1-");
  CHECK(gated_questions("---\nkanban-plugin: basic\n---\n\n## still chewing on\n\n- [ ] is it "
                        "reversible? what would have to change, me or them?\n\n## done\n\n- [x] "
                        "what did Sam actually say<br>that the winters were too long\n") ==
        "why.reversible@7 why.official@11");
}

// "**21:09** so why she say she leaving?": a saved message's time stamp in bold is no lead.
TEST_CASE("a bold clock stamp leads no question", "[note_analysis][recognition]") {
  check("**21:09** what did he say when he left?\n\n**21:11** the job in Toronto.\n",
        "why.official@1+");
  CHECK(mend::engine::is_clock_stamp("21:09"));
  CHECK(mend::engine::is_clock_stamp("[1:02:15]"));
  CHECK_FALSE(mend::engine::is_clock_stamp("2026"));
  CHECK_FALSE(mend::engine::is_clock_stamp("Note:"));
}

// "Réversible ? Qu'est-ce qui doit changer, moi ou elle ? → …": a word asked, then the
// question it stands for with its own "?", the answer after it.
TEST_CASE("a follow-up question with its own question mark", "[note_analysis][recognition]") {
  check("Ce qu'il m'a dit → le boulot\nCe qui marchait pas → les horaires\nRéversible ? "
        "Qu'est-ce qui doit changer, moi ou lui ? → si je lâche le soir, oui\n",
        "why.official@1+ why.not-working@2+ why.reversible@3+");
}

// Lines that ask in turn with the lines that answer them are one thought a line, though half
// of them only ask; and a reply under a question without its "?" ends it ("not always").
TEST_CASE("questions and answers in turn, one a line", "[note_analysis][recognition]") {
  check("what he say when he left\nFlorida is opportunity\nwhat wasn't working with us\nwe was "
        "living like roommates the last year\nwhat I didn't like about it, bout him\nhis boys "
        "every weekend and never home\n",
        "why.official@1+ why.not-working@3+ why.disliked@5+");
  check("were my needs and limits respected\nnot always\nreal chance in the future?\nI don't "
        "know\n",
        "evaluate.needs@1+ evaluate.future@3+");
}

// A line worded as the log over a dated line is the log; one word alone ("Preuves :") is any
// note-taking (see "a one-word label under its step's question").
TEST_CASE("a line worded as the log over dated entries", "[note_analysis][recognition]") {
  check("Preuves, chaque dimanche\n25/10 : appel d'une heure.\n01/11 : refusé deux élèves.\n",
        "new-start.log@1+");
  CHECK(log_dates("Proof log, every Sunday\n25/10 : an hour on the phone.\n") == "10/25 ");
}

// A log whose writer dates its entries ("ma 24.11 : …", as Swiss writers date after a
// weekday) leaves a remark under them undated, not dated by the note.
TEST_CASE("a dated log's undated remark", "[note_analysis][log]") {
  CHECK(log_dates("### Preuves\n- ma 24.11 : appel d'une heure.\n- je 26.11 : souper.\n\n(Gardes "
                  "en série depuis. Rien noté.)\n",
                  "2026-11-29.md") == "11/24 11/26 ");
}

// "[^1]: …", a footnote's text at the note's end, answers no question it sits under.
TEST_CASE("a footnote answers nothing", "[note_analysis][recognition]") {
  check("## What reassures me I won't end up alone?\n\n[^1]: the article calls it the reptile "
        "brain\n",
        "motives.reassure@1-");
}

// "- **what didn't I like** about us": a bold question running on for a few words in lower
// case is asked whole; its answer is nested, not the words after the bold.
TEST_CASE("a bold question that runs on after its bold part", "[note_analysis][recognition]") {
  check("- **what didn't I like** about us\n    - \n- **what wasn't working**\n    - the hours\n",
        "why.disliked@1- why.not-working@3+");
  // A reply after a bold lead is its answer.
  check("**What wasn't working** no idea really\n", "why.not-working@1+");
}

// "Lui dire que je l'aime encore et que je veux recommencer": a long line that does not open
// asking is posed when its first clause is worded as the question the whole line matches.
TEST_CASE("a long line worded as a question in its first clause", "[note_analysis][recognition]") {
  check("# Notes\n\nLui dire que je l'aime encore et que je veux recommencer sans pression\n« Je "
        "t'aime encore. »\n",
        "reach-out.love@3+");
  // Prose whose first clause is no wording of the pack poses nothing.
  check("# Notes\n\nWent to the market with my sister and bought far too many apples for one\n"
        "Then home.\n",
        "");
}

// A paragraph's last line, short and titled like a heading, titles the list right under it
// ("Journal de la semaine" over dated items); over a blank line, or as a sentence, it does not.
TEST_CASE("a paragraph's last line over a list", "[note_analysis][recognition]") {
  check("## Preuves\nLes erreurs que je ne refais plus : dire non à tout. À la place, je pose mes "
        "congés.\nJournal de la semaine\n- 2/11 : appel vidéo tous les soirs.\n",
        "new-start.mistakes@2+ new-start.log@3+");
  check("## Preuves\nLes erreurs que je ne refais plus : dire non à tout. À la place, je pose mes "
        "congés.\nJournal de la semaine\n\n- 2/11 : appel vidéo tous les soirs.\n",
        "new-start.mistakes@2+");
}

// A note titled after a club, a committee or a shop's staff asks the article's questions of
// that subject; the same lines in a note titled otherwise are the writer's.
TEST_CASE("a note titled after a club or a shop's staff", "[note_analysis][topic]") {
  std::string note = "June wants to step down.\n\nQ: What were her official reasons?\nA: Her "
                     "knees.\n\nQ: What wasn't working?\nA: The plant sale.\n";
  CHECK(gated_ids(note, "Garden club.md") == "");
  CHECK(gated_ids(note, "Staff - June leaving.md") == "");
  CHECK(gated_ids(note, "Church softball.md") == "");
  CHECK(gated_ids(note, "Bilan de la kermesse.md") == "");
  CHECK(gated_ids(note, "June.md") == "why.official why.not-working");
}

// Under a heading that titles a subject, the first question asking why someone left a group
// decides for the questions after it; under a day's heading it decides for its own line only.
TEST_CASE("a subject's heading opened by someone leaving a group", "[note_analysis][topic]") {
  std::string part = "- What were the official reasons the mayordomo quit? His back.\n- What "
                     "wasn't working? Nobody cleaning the ditch.\n- Is it reversible? Yes.\n";
  CHECK(gated_ids("## Sam - why\n1. What did he tell me? Denver.\n\n## Tía's acequia meeting\n" +
                      part,
                  "week.md") == "why.official");
  CHECK(gated_ids("## Sat 24 Oct\n" + part + "\nSam again. What did he tell me? Denver.\n",
                  "week.md") == "why.not-working why.reversible why.official");
}

// "Carnaval - groupe" telling, before its questions, that someone leaves the group: the
// group's note. Told of the ex ("Il a quitté le groupe"), or titled after no group, it is not.
TEST_CASE("a group's note telling of someone leaving it", "[note_analysis][topic]") {
  std::string questions = "Ses raisons officielles ? Le boulot.\nQu'est-ce qui ne marchait pas "
                          "? Les répétitions.\nC'est réversible ? Oui.\n";
  CHECK(gated_ids("Fabrice quitte le groupe après le mardi gras.\n" + questions,
                  "Carnaval - groupe.md") == "");
  CHECK(gated_ids("Il a quitté le groupe, puis moi.\n" + questions, "Carnaval - groupe.md") ==
        "why.official why.not-working why.reversible");
  CHECK(gated_ids("Fabrice quitte le groupe après le mardi gras.\n" + questions, "Fabrice.md") ==
        "why.official why.not-working why.reversible");
}

// One everyday word of the topic ("seule") in a note of two of the article's questions, none a
// debrief's, one asking with that word: the topic. One question alone is not.
TEST_CASE("two of the article's questions asked with an everyday word", "[note_analysis][topic]") {
  CHECK(gated_ids("Peur\nEst-ce que j'ai peur d'être seule ? Un peu.\n\nQu'est-ce qui me rassure "
                  "?\nRien.\n",
                  "Peur.md") == "motives.fear motives.reassure");
  CHECK(gated_ids("Peur\nEst-ce que j'ai peur d'être seule ? Un peu.\n", "Peur.md") == "");
}

// A run of loose lines of a step, each over its answer, closed by a one-word line of the same
// step ("Reversible"): that line is its question too. Alone, one word is any note-taking.
TEST_CASE("a one-word loose line closing its step's run", "[note_analysis][recognition]") {
  check("# Notes\n\nWhat wasn't working\nWe wasn't talking.\n\nWhat I didn't like\nThe "
        "comparing.\n\nReversible\nYes if I come off the boat.\n",
        "why.not-working@3+ why.disliked@6+ why.reversible@9+");
  check("# Notes\n\nReversible\nYes if I come off the boat.\n", "");
}

// "Unofficial — he didn't want…": one word before a long dash is a loose line, kept in its
// step's section; before a hyphen ("gym - legs") or as "4 years — …" it is not read so.
TEST_CASE("one word alone before a long dash", "[note_analysis][recognition]") {
  check("# Why Tavita left\n\nOfficial reason — the contract in Kobe.\nUnofficial — he didn't "
        "want to be the boy from Lalomanu.\nWhat wasn't working — the distance.\n",
        "why.official@3+ why.unofficial@4+ why.not-working@5+");
  check("# Why Tavita left\n\nOfficial reason — the contract in Kobe.\nUnofficial - he didn't "
        "want to be the boy from Lalomanu.\nWhat wasn't working — the distance.\n",
        "why.official@3+ why.not-working@5+");
}

// A quote's paragraph running on over lines typed without "> " (lazy continuation): those
// lines are the writer's own, between the quotes.
TEST_CASE("lines a quote runs on with are the writer's", "[note_analysis][recognition]") {
  check("What I'll tell her about all this, my share in it:\n> it was all on me.\nHow I'll tell "
        "her I still love her and want to start over:\n> I love you. Come home.\nHow we'd "
        "change how we get on:\n> Sunday mornings we talk.\n",
        "reach-out.share@1+ reach-out.love@3+ reach-out.change@5+");
}

// A quote right under a one-line question posed without its "?" is its answer, not a quoted
// question; under prose (a sentence with its stop) it may still be one.
TEST_CASE("a quote under a question posed without its mark", "[note_analysis][recognition]") {
  check("## message\nwhat do I tell them of all this, my part\n> it was 100% me.\n\nhow do i say "
        "i still love them + want to go again\n> i still love you and i want us to start over\n",
        "reach-out.share@2+ reach-out.love@5+");
}

// The template's placeholder stays where mend put it; the answer typed in the paragraph
// after it is the answer (mend's own answering inserts it there, keeping every byte).
TEST_CASE("a placeholder left as an answer's first line", "[note_analysis][answers]") {
  check("## Qu'est-ce qui me rassure ?\n_à compléter_\n\nMa cousine Laetitia.\n",
        "motives.reassure@1+");
  check("## Qu'est-ce qui me rassure ?\n_à compléter_\n", "motives.reassure@1-");
}

// After a question's "?", what a dash sets off is its answer, even a reply unsure of itself
// ending in "?"; a short follow-up without the dash asks on.
TEST_CASE("a dashed reply ending in a question mark", "[note_analysis][answers]") {
  check("## Évaluer\nUn grand OUI unanime ? — Plutôt oui ?\n", "evaluate.verdict@2+");
}

// "A:" alone over a list starting on its next line: the list is the answer; after a blank
// line, "A:" is left empty (catalogue.md).
TEST_CASE("an empty answer label over a list", "[note_analysis][answers]") {
  check("Q: What mistakes won't I repeat?\nA:\n- sulking by text\n", "new-start.mistakes@1+");
  check("Q: What mistakes won't I repeat?\nA:\n\n- sulking by text\n", "new-start.mistakes@1-");
}

// A log with an entry only month first can be ("11/16/26") is written month first: its entries
// that read either way ("11/2/26") are read so too; a log without one reads them day first.
TEST_CASE("a log written month first", "[note_analysis][log]") {
  CHECK(log_dates("## Proof log\n- 11/2/26 booked March myself\n- 11/16/26 called Sunday\n") ==
        "11/2 11/16 ");
  CHECK(log_dates("## Proof log\n- 11/2/26 booked March myself\n- 12/2/26 called Sunday\n") ==
        "2/11 2/12 ");
}

// An Otter.ai transcript: the speaker and a stamp ("Roland  0:02") over what was said, no
// blank line between; each utterance is read as a paragraph's first line. A name line with
// punctuation or more than three words is no speaker's.
TEST_CASE("a transcript's speaker over what was said", "[note_analysis][recognition]") {
  check("# Yvette thinking 2\n\nRoland  0:02\nWas it the relationship I wanted, was it my ideal. "
        "Close to it.\n\nRoland  1:15\nWere my needs and my limits respected. Mostly.\n",
        "evaluate.ideal@4+ evaluate.needs@7+");
  check("# Notes\n\nwe left at 0:02\nWere my needs and my limits respected. Mostly.\n", "");
  // The speaker in bold; a question dictated with a stop, answered in the next utterance.
  check("**Declan** 3:02\nWhat wasn't working between us.\n\n**Declan** 3:06\nWe never talked "
        "about anything real.\n",
        "why.not-working@2+");
  // A voice memo's stamped lines are messages too, each on its line.
  check("[00:00] My part now.\n[00:05] Do I want to change everything she's blamed me for, or "
        "just some of it.\n[00:12] Some of it.\n",
        "wrongs.scope@2+");
  // Outside a message, a sentence opening with "what" is a sentence.
  check("What wasn't working between us.\n\nWe never talked about anything real.\n", "");
}

// "Is Papa afraid of being alone?": a relative named as such, the subject asked about, makes
// the questions after it theirs; "Is my fear deciding?" stays the writer's.
TEST_CASE("a relative named as the subject asked about", "[note_analysis][topic]") {
  CHECK(gated_ids("sunday\n\nIs Papa afraid of being alone, and is that what's deciding for him?\n"
                  "Probably.\nWere his needs ever respected with Mummy? I don't know.\n",
                  "sunday.md") == "");
  CHECK(gated_ids("sunday\n\nAm I afraid of being alone, and is that what's deciding for me?\n"
                  "Probably. Sam was my whole week.\n",
                  "sunday.md") == "motives.fear");
}

// A paragraph whose first line announces questions put to someone else ("what I'll ask him
// when he comes:") holds theirs on its later lines.
TEST_CASE("a paragraph announcing questions for someone else", "[note_analysis][topic]") {
  CHECK(gated_ids("Kerry's left our Darren.\n\nWrote down what I'll ask him when he comes for his "
                  "tea:\nWhat reasons did she give you?\nWhat wasn't working between yous?\n",
                  "page 9.md") == "");
  CHECK(gated_ids("Sam left.\n\nWrote down what I felt today:\nWhat reasons did he give me? His "
                  "job.\nWhat wasn't working between us? The hours.\n",
                  "page 9.md") == "why.official why.not-working");
}

// A posed line just below takes a question from an unposed line above only when that is the
// question it takes: "what makes me think i won't end up alone??" is the reassurance, and
// leaves the fear to the line above it.
TEST_CASE("a posed line below takes only its own best question", "[note_analysis][recognition]") {
  check("am i scared of being alone and is that what's deciding for me — not deciding\n\ntimes i "
        "swore i'd never meet anyone again and then did — idk\n\nwhat makes me think i won't end "
        "up alone?? tash\n",
        "motives.fear@1+ motives.past@3+ motives.reassure@5+");
}

// A short line whose first sentence is a yes-or-no question is read up to its stop, the rest
// its answer; a question going on after the stop is no answer.
TEST_CASE("a short line opening with an inverted question", "[note_analysis][answers]") {
  check("# Sam\n\nwere my needs + limits respected. mostly. except the sulking\n",
        "evaluate.needs@3+");
  check("# Sam\n\ncan it be fixed tho. what wd have to change\n", "why.reversible@3-");
}

// A part titled after another subject or a group ("- Finke volunteers meeting") holds that
// subject's questions, debriefs or not, unless one names the ex or a pronoun of the topic.
TEST_CASE("a part titled after a meeting or a group", "[note_analysis][topic]") {
  std::string part =
      "- Finke volunteers meeting\n    - what went wrong at the start line? marshals "
      "late\n    - what didn't we like? the dust\n";
  CHECK(gated_ids("- [[Sam]] my part\n    - Can I change it on me own or is it cos of her?\n"
                  "        - on me own\n" +
                      part,
                  "November 14th, 2026.md") == "wrongs.alone");
  CHECK(gated_ids("- [[Sam]] my part\n    - Can I change it on me own or is it cos of her?\n"
                  "        - on me own\n- Sam and me, volunteers meeting\n    - what didn't I like "
                  "about her? the dust\n",
                  "November 14th, 2026.md") == "wrongs.alone why.disliked");
}

// A line worded as a step's title ("Pourquoi elle est partie" over the why's items) fills no
// gap of the article's order between the motives and the why.
TEST_CASE("a step's title line fills no gap", "[note_analysis][recognition]") {
  check("• J'ai peur d'être seul ? jsp\n• Les fois où je pensais plus jamais trouver quelqu'un : "
        "après le cyclone.\n\nPourquoi elle est partie\n• Ce qu'elle m'a dit : sa tante "
        "malade.\n",
        "motives.fear@1+ motives.past@2+ why.official@5+");
}

// How the two of them would change the way they are together is asked in the writer's part
// and in the message: the line is the one of the step it is written in.
TEST_CASE("the twin questions of the part and of the message", "[note_analysis][recognition]") {
  check("## My part\n\nCan I change this on my own? No.\n\nHow would we change the way we are "
        "together, the two of us?\nSundays.\n",
        "wrongs.alone@3+ wrongs.together@5+");
  check("## The message\n\nHow I'll tell him I still love him and want to start over:\nJust say "
        "it.\n\nHow would we change the way we are together, the two of us?\nSundays.\n",
        "reach-out.love@3+ reach-out.change@6+");
}

// The writer telling they skip a part ("je la saute", "je passe", "skipping") names it and
// asks nothing.
TEST_CASE("a line telling the writer skips a part", "[note_analysis][recognition]") {
  check("# Pourquoi\n\nLa partie « peur d'être seule », je la saute : pas mon sujet.\n", "");
  check("# Why\n\nSkipping the fear of being alone bit: I know it's her.\n", "");
  check("# Why\n\nThe fear of being alone bit: I know it's her.\n", "motives.fear@3+");
}

// A loose line of sentences meeting one word of a question ("she said she'd think.") takes no
// question from the one above it.
TEST_CASE("a loose line of sentences meeting one word", "[note_analysis][recognition]") {
  check("notes from before:\n- what I tell her about my thinking, my part too: I was gone too "
        "much\n- how I tell her I love her and want to start over: just say it\n- how we change "
        "how we talk: ...\n\nshe said she'd think. [[kayla]]\n",
        "reach-out.share@2+ reach-out.love@3+ reach-out.change@4-");
}

// Right under the mistakes, a one-word label answered on its line is the log.
TEST_CASE("a one-word label answered on its line after its step", "[note_analysis][log]") {
  check("Les erreurs que je ne refais pas, et ce que je fais à la place\n- Tout décider → on "
        "choisit ensemble.\n\nPreuve : appelée tous les soirs cette semaine.\n",
        "new-start.mistakes@1+ new-start.log@4+");
}

// A "?" after a dash setting off a reply is the reply's; a dash inside a question goes on with
// it.
TEST_CASE("a reply set off by a dash and unsure of itself", "[note_analysis][answers]") {
  check("# Would it work\n\n- [ ] all in all is it a big YES — yeah... mostly? on a good day\n",
        "evaluate.verdict@3+");
  check("# Sam\n\nSeven years — a timing thing or something underneath? Underneath.\n",
        "why.stage@3+");
}

// An item over questions of another step posed with their "?" titles them; it is no question.
TEST_CASE("an item titling questions of another step", "[note_analysis][recognition]") {
  check("- [[Karthik]] reflection, part 1 (Revathi's idea)\n    - Am I scared of being single "
        "forever?\n        - a little\n    - What tells me I won't be alone?\n        - "
        "Statistics\n",
        "motives.fear@2+ motives.reassure@4+");
}

// A paragraph opening on why someone left a group holds the group's questions on its next
// lines; the writer's log above it stays theirs.
TEST_CASE("a paragraph opening on someone leaving a group", "[note_analysis][topic]") {
  CHECK(gated_ids("Proof log: let him go to Kakadu without a single sulk.\n\nNetball - end of "
                  "season. Why did Tahlia leave the team? She said uni.\nWhat wasn't working for "
                  "us as a team? No one at training.\nWas the season a big yes? Nah.\n",
                  "2026-11-21.md") == "new-start.log");
  // A label asks as a "?" does: "official reason Maura left the group" is the group's; and
  // the reasons for a decision about a thing are its own.
  CHECK(gated_ids("swim gang\n\n- official reason maura left the group: her shoulder\n",
                  "swim.md") == "");
  CHECK(gated_ids("# 2026-11-16\n\nDepot meeting. Official reasons for cutting the Sunday "
                  "service? Numbers, they said. Unofficial ones? Nobody wants the overtime.\n",
                  "2026-11-16.md") == "");
}

// A note opening with a line of tags filing it under another subject ("#boulot") asks the
// article's questions of that subject; so does one titled after orders ("Tourments commandes").
TEST_CASE("a note tagged or titled after work", "[note_analysis][topic]") {
  std::string note = "# Mercredi 2 décembre 2026\n#boulot\n\nQu'est-ce qui n'a pas marché sur la "
                     "ligne 2 ? Le sertisseur.\nEst-ce que je peux régler ça seule ? Non.\n";
  CHECK(gated_ids(note, "Conserverie.md") == "");
  CHECK(gated_ids("Qu'est-ce qui n'a pas marché à la Toussaint ? Plus de coco.\nJe peux tout "
                  "faire seule ou il faut Steeve ? Steeve.\n",
                  "Tourments commandes.md") == "");
}

// "On my own" is "alone" in other words: a note saying only "she" whose question asks with it
// is read as one saying "alone".
TEST_CASE("an everyday word of the topic in other words", "[note_analysis][topic]") {
  const std::string note = "# sunday\n\nshe replied thurs. ok. thats not a no\n\n- still scared "
                           "of being on my own? less. been out w the lads every weekend\n";
  CHECK(gated_ids(note, "2026-11-15.md") == "motives.fear");
}

// A diary's title ("# Journal — October 2026") names the note, not the article's log: the
// questions under it are read for what they ask.
TEST_CASE("a diary's dated title is no log", "[note_analysis][recognition]") {
  check("# Journal — October 2026\n\n## Sunday, 4 October\n\n**Reversible? And what has to "
        "change:** yes, I think. Me: stop putting the shop first.\n",
        "why.reversible@5+");
}

// A journal's dated entry keeping the article's proof is the writer's log, though the note
// says only "he"; undated, a "Proof" heading alone in such a note is not enough.
TEST_CASE("a journal entry keeping the proof", "[note_analysis][topic]") {
  const std::string log = "#### Proof, week of 30 Nov\n- Tue 01/12: said I was annoyed instead of "
                          "going quiet.\n- Fri 04/12: he did the Friday shop, first time ever.\n";
  CHECK(gated_ids("# journal (December)\n\n### 06.12.2026\n\n" + log, "journal-december.md") ==
        "new-start.log");
  CHECK(gated_ids("# journal (December)\n\n" + log, "journal-december.md") == "");
}

// Filed under "Work/", or titled after a business partnership, a note asks the article's
// questions of that subject ("partnership" is no partner word).
TEST_CASE("a note filed under work or a partnership", "[note_analysis][topic]") {
  const std::string note = "- official reason: \"operator error\"\n- what wasn't working: the "
                           "cue sheet on paper\n- can it be fixed? one sheet, on the tablet\n";
  CHECK(gated_ids(note, "Work/panto get-out - what went wrong.md") == "");
  CHECK(gated_ids("**Why is she leaving?** Part-time, her mum's care.\n**What stopped working?** "
                  "The Monday meeting.\n",
                  "Curds and Co/Bev - dissolving the partnership.md") == "");
  CHECK(gated_ids("**Why is she leaving?** Part-time, her mum's care.\n**What stopped working?** "
                  "The Monday meeting.\n",
                  "Personal/Bev.md") != "");
}

// A practice's notes ("Cabinet/", a physiotherapist's or a lawyer's) are its clients', though
// "il" is the ex's pronoun.
TEST_CASE("a note filed under a practice", "[note_analysis][topic]") {
  static const Pack pack = [] {
    std::vector<mend::engine::PackProblem> problems;
    return Pack::load(mend::engine::builtin_pack_files(), &problems);
  }();
  const Analyzer il(pack, {"Jordi", "fr", true, "il"});
  const std::string note = "# M. Roig - bilan genou\n\n- ce qui ne fonctionnait pas : la rééduc "
                           "à domicile, il faisait pas les exercices\n- réversible ? oui si 3 "
                           "séances par semaine\n- il veut changer tout ce que le chirurgien lui "
                           "reproche ou juste une partie ? juste le poids\n";
  CHECK(il.analyse(note, "Cabinet/M. Roig - bilan genou.md").questions.empty());
  CHECK(il.analyse(note, "Perso/M. Roig - bilan genou.md").questions.size() == 3);
}

// A saved message's day and time in bold over what was written ("**Tue 14 Jul 2026, 21:15**"
// then "What she tell me when she went?"): each message is read as a paragraph's first line.
TEST_CASE("a note to self's dated messages", "[note_analysis][recognition]") {
  check("# Note to Self\n\n**Tue 14 Jul 2026, 21:15**\nWhat she tell me when she went?\n\n**Tue 14 "
        "Jul 2026, 21:19**\nShe say the grandchild need her in London.\n\n**Wed 15 Jul 2026, "
        "06:02**\nWhat wasn't working between us?\n\n**Wed 15 Jul 2026, 06:05**\nWe never talk.\n",
        "why.official@4+ why.not-working@10+");
}

// A subject's part may say "he" of its people; the writer asking as "I" under a title with a
// work word ("- [[Cian]] stuff, after the shift") asks their own questions.
TEST_CASE("a subject's part with people's pronouns", "[note_analysis][topic]") {
  CHECK(
      gated_ids("# Fishermen coop meeting Sat\n\nOfficial reasons they give for cutting the ice "
                "allowance? Fuel cost.\nThe unofficial reasons: the new manager want his "
                "brother-in-law boats first.\nIt reversible? Only if the Ministry send the part.\n",
                "coop.md") == "");
  CHECK(gated_ids("- [[Sam]] stuff, after the shift\n    - am I only holding on cos I'm scared of "
                  "being on my own??\n        - kind of, yeah\n",
                  "November 3rd, 2026.md") == "motives.fear");
}

// A line opening with its question and its "?" poses it, however long it runs on.
TEST_CASE("a long line opening with its question", "[note_analysis][recognition]") {
  check("Losana 1\n\nAfraid to be alone? Is that what is making me want her back\nA little. But "
        "no, it is not the main thing.\n",
        "motives.fear@3+");
}

// A meeting with the ex is the reach-out's, not another subject's.
TEST_CASE("a part titled after meeting the ex", "[note_analysis][topic]") {
  CHECK(gated_ids("## Meeting him Saturday\n\nWhat will I tell him about my part? That I went "
                  "quiet.\nHow would we change the way we are together? Sundays.\n",
                  "Sam.md") == "reach-out.share reach-out.change");
}

// A log line ending in four characters that are no year ("Proof log, week -W48") is no month
// title, and reading it throws nothing.
TEST_CASE("a log line ending in a code that is no year", "[note_analysis][log]") {
  CHECK_NOTHROW(log_dates("## Proof log\nsemaine -W48\n- 12/11 : appelé.\n"));
  CHECK(log_dates("## Proof log\nnovembre 2026\n- 12 : appelé.\n") == "11/12 ");
}

// Messages saved to oneself, each under its time, are one thought a line, however long the
// line before ("… on Saturday 🙏" ends with no stop).
TEST_CASE("messages each under a time stamp", "[note_analysis][recognition]") {
  check("## 1 November 2026\n[09:12] she said yes to coffee on Saturday 🙏\n[09:40] mistakes I "
        "won't make again and what I do instead\n[09:45] no more going silent on a bad day. say "
        "it, then go for a walk\n[09:50] my proof log, every single week\n[09:51] 1 Nov: said it "
        "out loud\n",
        "new-start.mistakes@3+ new-start.log@5+");
}

// Wordings of the catalogue's questions in other words than the pack's.
TEST_CASE("idioms of the catalogue's questions", "[note_analysis][recognition]") {
  // Left on the shelf is ending up alone, not someone leaving.
  check("## What tells me I won't be left on the shelf?\nMy aunt Ros, married at 52.\n",
        "motives.reassure@1+");
  check("# Her\n\n- change all or part? the drinking, not the money\n", "wrongs.scope@3+");
  check("# Her\n\n- can I fix it alone or is it because of how she acted? some of both\n",
        "wrongs.alone@3+");
  check("# Her\n\nWas it what I'd call my ideal? Close.\n", "evaluate.ideal@3+");
  check("# Her\n\n- Why did she say she was going? The job.\n", "why.official@3+");
  check("# Her\n\n- Was it like I always wanted? Mostly.\n", "evaluate.ideal@3+");
  check("# Her\n\n- was it what id want? yes\n", "evaluate.ideal@3+");
  // "mi a go tell him": what the writer is going to tell, not what the ex said.
  check("## What mi a go tell him\nThat mi sorry for the shop hours.\n", "reach-out.share@1+");
}

// After a sentence, a label weighing two things asks ("Six years. Early days or something
// deeper: deeper"); one that weighs nothing is prose going on.
TEST_CASE("a label weighing two things after a sentence", "[note_analysis][recognition]") {
  check("# Her\n\n- Six years. Early days or something deeper: deeper\n", "why.stage@3+");
  check("# Her\n\n- Six years. Not an early problem: a deep one\n", "");
}

// A label answered by the writer skipping it asks nothing.
TEST_CASE("a label answered by skipping it", "[note_analysis][recognition]") {
  check("# Why\n\nLa peur d'être seule, les fois d'avant : je saute.\n", "");
  check("# Why\n\nLa peur d'être seule, les fois d'avant : un peu, oui.\n", "motives.fear@3+");
}

// The article's step split in two parts of a weekly note, in its order, is the writer's; an
// exit interview's "Is anything reversible?" before the writer's own why is another topic's.
TEST_CASE("a step split in parts in the article's order", "[note_analysis][topic]") {
  CHECK(gated_ids("---\nweek: 2026-W46\n---\n# Week 46\n\nThey said yes.\n\n## Not again\n- "
                  "Mistakes I'm stopping and what I do instead:\n  - sulking -> say it\n\n## "
                  "Proof it's changing\n- Sun 8 Nov: said it\n",
                  "Weekly/2026-W46.md") == "new-start.mistakes new-start.log");
  CHECK(gated_ids("- Exit interview, Sanjay, 6 yrs\n\t- What were your official reasons for "
                  "leaving?\n\t\t- \"Progression.\"\n\t- Is anything reversible?\n\t\t- No. "
                  "Signed already.\n- [[Sam]]\n\t- What did Sam tell me, his official "
                  "reason?\n\t\t- Exeter.\n\t- What wasn't working, with us?\n\t\t- "
                  "Weekends.\n\t- Reversible? What would have to change, me or him?\n\t\t- "
                  "Maybe.\n",
                  "journals/2026_10_21.md") == "why.official why.not-working why.reversible");
}

// A line standing alone meeting four words or more of a question, near enough, poses it; a
// sentence of prose does not ("I made myself remember the times…" then more sentences), nor
// someone's question reported ("Mum asked me whether…").
TEST_CASE("a line worded nearly as a question", "[note_analysis][recognition]") {
  check("# K\n\ntellin her i still love her n want to start again proper\njust say it\n",
        "reach-out.love@3+");
  check("# K\n\nI made myself remember the times I thought I'd never meet anyone again. After "
        "uni, for a year, and then Kieren came along.\n",
        "");
  check("# K\n\nMum asked me whether I was afraid of ending up on my own at my age\nTold her "
        "I'm 46, not 86.\n",
        "");
}

// Inside a step's section, a line reading as well as another step's title ("What'd she tell
// me" and the reach-out's "What I'll tell them") is the section's question.
TEST_CASE("a step's title inside another step's section", "[note_analysis][recognition]") {
  check("- Why she left\n    - What'd she tell me\n        - Her daughter's new baby, up "
        "north.\n    - What she didn't say but I felt\n        - The plane.\n",
        "why.official@2+ why.unofficial@4+");
}

// A loose item over its answer that fits no question well enough titles no step either.
TEST_CASE("a loose item fitting a step weakly titles nothing", "[note_analysis][recognition]") {
  check("- My part\n    - Can I fix it myself or is it a reaction to her?\n        - Myself.\n    "
        "- How do we work it between us\n        - Book the holiday in January.\n",
        "wrongs.alone@2+ wrongs.together@4+");
}

// A sentence running on into the list under it ("…, so:") is no label.
TEST_CASE("a sentence running on into a list", "[note_analysis][recognition]") {
  check("Not a clear yes then. Mo says look at how I am in love, so:\n\n1. Do I cling when he "
        "pulls away? Yes.\n",
        "patterns.cling@3+");
  check("**Was it close to what I always wanted?** Yes.\n", "evaluate.ideal@1+");
}

// Between two steps' questions, a line worded as the next step's title opens that step: it is
// not the last step's question left ("S'il avait dit non :" after the mistakes is no log).
TEST_CASE("a step's title between two steps fills no gap", "[note_analysis][order]") {
  check("**Erreurs à ne plus répéter** : dire oui à tout. À la place, je choisis.\n\nS'il avait "
        "dit non :\n- c'est son droit ; avoir essayé m'évite quel regret ? Celui de ne pas avoir "
        "osé.\n- le travail sur moi : la chorale.\n",
        "new-start.mistakes@1+ if-no.accept@4+ if-no.self-work@5+");
}

// A line of several questions, each answered after it ("Idéal ? Oui. Besoins respectés ?
// Oui."), poses each; a question quoted in an answer poses nothing, and one restating the
// line's first question is that question.
TEST_CASE("several questions on one line", "[note_analysis][recognition]") {
  check("# Us\n\nIdéal ? Oui. Besoins respectés ? Oui. Un avenir ? Pas sûr. Un grand oui unanime "
        "? Non.\n",
        "evaluate.ideal@3+ evaluate.needs@3+ evaluate.future@3+ evaluate.verdict@3+");
  check("- Was it my ideal? Mostly. She asked \"were your needs respected?\" once.\n",
        "evaluate.ideal@1+");
  check("scared of being alone? at 4am yes. so fear talking, not love? half and half.\n",
        "motives.fear@1+");
  // Past a few sentences of answer, the line is prose that happens to ask.
  check("- Was it my ideal? Mostly, though the winters were long and the farm took every hour "
        "we had, and his mother rang each night at supper, and the dog needed the vet, and the "
        "roof leaked, and the car broke down twice in a week. Were my needs respected? Yes.\n",
        "evaluate.ideal@1+");
  // In prose, a further question's place says nothing: it fills no gap of the article's order.
  check("## Why\n\n### What did he say when he left?\n\nThe bus was late. Why did she laugh at "
        "the garden? Rain all day. Was the park open? Never.\n\n### What didn't I like about "
        "us?\nHis silences.\n",
        "why.official@3+ why.disliked@7+");
  // A longer one, and one after marks left as an answer ("? ??").
  check("Est-ce que je veux changer tout ce qu'elle me reproche, ou seulement une partie ? Une "
        "partie : le carnaval. Est-ce que je peux le faire seul, ou c'est une conséquence de ce "
        "qu'elle fait ? ?? Et comment on change notre manière de fonctionner à deux ? Un "
        "week-end sur deux.\n",
        "wrongs.scope@1+ wrongs.alone@1- wrongs.together@1+");
}

// In a day's note, the article's word for the log alone, answered on its line, is that day's
// entry; a club's debrief in the same day is the club's, and the log's own step stands with it.
TEST_CASE("a day's proof line", "[note_analysis][log]") {
  CHECK(gated_ids("# 2026-12-04\n\nproof: off-call Saturday, took her to the museum\n",
                  "journal/2026-12-04.md") == "new-start.log");
  CHECK(gated_ids("# Notes\n\nproof: off-call Saturday, took her to the museum\n", "notes.md") ==
        "");
  CHECK(gated_ids("# 2026-12-04\n\nlog: off-call Saturday, took her to the museum\n",
                  "journal/2026-12-04.md") == "");
  CHECK(gated_ids("---\ndate: 2026-11-24\n---\n# 24 novembre\n\nPreuve : week-end à Lausanne "
                  "avec lui.\n\nUnihockey — bilan du premier tour :\n- Je peux changer ça seule ? "
                  "Non, c'est toute la ligne.\n- Un grand oui pour la deuxième équipe ? Bof.\n",
                  "Daily/2026-11-24.md") == "new-start.log");
  CHECK(gated_ids("---\ndate: 2026-11-09\n---\n# 9 novembre\n\nLes erreurs que je ne refais pas, "
                  "et ce que je fais à la place\n- Trois jours sans appeler → un appel par "
                  "soir.\n\nPreuve : appelée tous les soirs.\n",
                  "Daily/2026-11-09.md") == "new-start.mistakes new-start.log");
}

// Placeholders left to fill in later are no answer.
TEST_CASE("placeholders to fill in later", "[note_analysis][answers]") {
  CHECK_FALSE(answered("What work am I going to do on myself now?", "_fill this in_"));
  CHECK_FALSE(answered("Quel travail sur moi ?", "_à compléter plus tard_"));
  CHECK(answered("What work am I going to do on myself now?", "Fill in the forms for therapy."));
}

// A heading worded as a step's question over labels naming that step's questions in its
// section ("Share:", "Love:", "Change:") titles the section.
TEST_CASE("a heading over one-word labels of its step", "[note_analysis][recognition]") {
  check("# Alisha\n\n## What I'll tell her\n\nShare: the hours were my doing, but she stopped "
        "telling me.\nLove: that I still love her.\nChange: Sundays only ours.\n",
        "reach-out.share@5+ reach-out.love@6+ reach-out.change@7+");
}

// A big yes for something else ("pour le tournoi", "for the new rota") is no verdict on the
// relationship; a big yes for us is.
TEST_CASE("a big yes for something else", "[note_analysis][recognition]") {
  check("# Samedi\n\nLe soir, pelote. Un grand oui pour le tournoi de Pâques ? Oui !\n", "");
  check("# Team\n\n- A big unanimous yes for the new rota? Mostly.\n", "");
  check("# Us\n\n- A big unanimous yes for us? Yes.\n", "evaluate.verdict@3+");
  // "on" the thing, and a word qualifying the yes before it.
  check("# Club\n\n- big unanimous yes on the Christmas parade? nope, 4 to 3\n", "");
  check("# Harmonie\n\n### Un grand oui unanime pour le concert de printemps ?\nNon.\n", "");
  check("# Sam\n\n### Un grand oui unanime pour notre couple ?\nOui.\n", "evaluate.verdict@3+");
}

// A to-do list's label holds what the writer has to do, whatever question's word it holds.
TEST_CASE("a to-do list's label poses nothing", "[note_analysis][recognition]") {
  check("# Sun 6 Dec\n\nNeed to: ring the council, pay the wholesaler.\n", "");
  check("# Dimanche\n\n- À faire : appeler le notaire\n", "");
  check("# Us\n\n- Needs and limits: respected, mostly.\n", "evaluate.needs@3+");
}

// Under the log itself, a one-word label answered on its line is an entry of it, not the log
// again ("proof log, every week" over "proof: called him").
TEST_CASE("a proof line under the log is its entry", "[note_analysis][log]") {
  check("mistakes I stop repeating: taking extra nights. instead I call him\nproof log, every "
        "week, what I do different\nproof: turned down two extra nights\n",
        "new-start.mistakes@1+ new-start.log@2+");
}

// A template's placeholder alone on its line poses nothing: the heading above it is the
// question, unanswered ("### Le travail sur moi que je fais maintenant" over "_ta réponse_").
TEST_CASE("a placeholder alone on its line", "[note_analysis][recognition]") {
  check("## Et si elle dit non ?\n\n### Qu'est-ce que cette réflexion m'aidera à éviter la "
        "prochaine fois ?\nLe boulot.\n\n### Le travail sur moi que je fais maintenant\n_ta "
        "réponse_\n",
        "if-no.lessons@3+ if-no.self-work@6-");
  check("# Max\n\n- Qu'est-ce que j'aimais pas de nous deux? Ses silences.\n", "why.disliked@3+");
}

// A one-word question with its "?" right after labels of its step asks that step's question,
// its answer on the line ("Réversible ? Ce qui doit changer : oui, si…"); alone, with no step
// around it, the word is any note-taking.
TEST_CASE("a one-word question closing labels of its step", "[note_analysis][recognition]") {
  check("Raison officielle : le boulot.\nCe qui ne marchait pas : les horaires.\nRéversible ? "
        "Ce qui doit changer, de mon côté ou du sien : oui, si je lâche un peu.\n",
        "why.official@1+ why.not-working@2+ why.reversible@3+");
  check("# Courses\n\nRéversible ? Le ticket dit oui.\n", "");
}

// An Irish way of saying "complains": "gives out about".
TEST_CASE("everything he gives out about", "[note_analysis][recognition]") {
  check("# Declan\n\nQ: Everything he gives out about, or only some of it?\nA: Only some.\n",
        "wrongs.scope@3+");
}

// A day's part titled "work" alone holds the shift's questions; the day's other part keeps
// the writer's. A part titled "Work on me" is the writer's own.
TEST_CASE("a day's part titled work", "[note_analysis][topic]") {
  CHECK(gated_ids("# Mon 16/11\n\n## work\nShift debrief:\n- what wasn't working: conveyor 3 "
                  "trips out\n- real chance of the new sampler by Jan? nah\n\n## Sam\n- what "
                  "wasn't working between us? the hours\n",
                  "journal/2026-11-16.md") == "why.not-working");
  CHECK(gated_ids("# Sam\n\n## Work on me\n- what wasn't working? I never said what I "
                  "needed\n",
                  "Sam.md") == "if-no.self-work why.not-working");
  // The shift's questions asked as "I", and a colleague named, once the ex's name is known.
  CHECK(gated_ids("---\ndate: 2026-12-03\n---\n## proof it's different\n- went to Sam's potluck "
                  "and was nice the whole time\n## work\n- did I give the new kids enough warning "
                  "about the rips? not really\n- what wasn't working: the rental sheet\n- can "
                  "we change it on our own or does Mike have to sign off? Mike.\n",
                  "Daily/2026-12-03.md") == "new-start.log");
}

// A note filed as a market stall's asks the article's questions of the stall.
TEST_CASE("a stall's note", "[note_analysis][topic]") {
  std::string note = "Wrap-up\nOfficial reason he gave for not renewing the pitch: the "
                     "council.\nWhat wasn't working: the traffic in July.\n";
  CHECK(gated_ids(note, "stall.md") == "");
  CHECK(gated_ids(note, "Sam.md") == "why.official why.not-working");
  // The other subjects' words are read in every language: French "stand" (a stall) is no
  // English "where we stand".
  CHECK(gated_ids(note, "Sam - my part and where we stand.md") == "why.official why.not-working");
}

// "- #proof" over nested entries (Logseq, Obsidian) names them as "- Proof:" does: the day's
// log, or the log after the mistakes.
TEST_CASE("a block tagged as proof over its entries", "[note_analysis][log]") {
  check("- mistakes i stop repeating, and what i do instead\n\t- not deciding for both -> ask "
        "first\n- #proof\n\t- 21/11 cooked, called her 2 hours\n",
        "new-start.mistakes@1+ new-start.log@3+");
  // A tag alone with nothing under it is a tag.
  check("- mistakes i stop repeating, and what i do instead\n\t- ask first\n- #proof\n",
        "new-start.mistakes@1+");
}

// The line announcing a list ("Not getting him back. But:") names the ex for its items, as a
// line leading into a question does.
TEST_CASE("a list's lead naming the ex", "[note_analysis][topic]") {
  std::string items = "- what I'll avoid next time: moving in before we've talked money\n- work "
                      "on myself: the counsellor, Thursdays\n";
  CHECK(gated_ids("# next time\n\nNot getting him back. But:\n\n" + items, "next time.md") ==
        "if-no.lessons if-no.self-work");
  CHECK(gated_ids("# next time\n\nThe shed again. But:\n\n" + items, "next time.md") == "");
}

// The writer telling, "I'm" written "im": what they will tell, never what the ex said.
TEST_CASE("im telling him", "[note_analysis][recognition]") {
  check("what im telling him, my bit included -> i was never around, and he checked out too\n",
        "reach-out.share@1+");
  check("# Siobhra\n\nWhat I'll tell her of all of this, my own part and all\n> it was both of "
        "us.\n",
        "reach-out.share@3+");
}

// A word asked alone right after an answered question of its step reads as in that step's
// section ("future? -> yes"); the end of a question wrapped onto its own line does not.
TEST_CASE("a word asked after its step's question", "[note_analysis][recognition]") {
  check("was it what i wanted -> ya\ndid he respect what i need -> mostly ya\nfuture? -> yes, "
        "galway isnt the moon\n",
        "evaluate.ideal@1+ evaluate.needs@2+ evaluate.future@3+");
  check("2.5 Choix du début ou problème de fond ?\n   Problème de fond.\n\n2.6 Est-ce réversible ? "
        "Que faudrait-il changer, de mon côté ou du\n    sien ?\n   Oui, si je me trouve une "
        "vie.\n",
        "why.stage@1+ why.reversible@4+");
}

// A placeholder after the dash or arrow that leads an answer on the question's line is no
// answer.
TEST_CASE("a placeholder after a dash on the question's line", "[note_analysis][answers]") {
  check("1. Do I want to change everything he holds against me? — _to be written_\n2. Can I "
        "manage it on my own? -> yes\n",
        "wrongs.scope@1- wrongs.alone@2+");
}

// A heading worded as a question of one word, answered in prose right under it, is that
// question, though the lines after it pose another step's questions.
TEST_CASE("a heading of one word's question over prose, then another step", "[note_analysis]") {
  check("## Qu'est-ce qui me rassure\nMa sœur : remariée à 48 ans.\n\nCe qu'il m'a dit, la "
        "raison officielle\n→ Le poste à Limoges.\nCe qui ne marchait pas\n→ On ne se parlait "
        "plus.\n",
        "motives.reassure@1+ why.official@4+ why.not-working@6+");
}

// An ellipsis left as the answer between two questions of a line: the one before it is
// unanswered, the one after it asks.
TEST_CASE("an ellipsis as the answer between two questions", "[note_analysis][recognition]") {
  check("# Romain\n\nEst-ce la peur d'être seule qui parle ? Oui, en partie. Et les fois où "
        "j'étais sûre de ne plus rencontrer personne ? … Qu'est-ce qui me rassure ? Audrey, "
        "mariée à 33 ans.\n",
        "motives.fear@3+ motives.past@3- motives.reassure@3+");
}

// "Ne … plus faire": the mistakes not made again, as "won't make again".
TEST_CASE("les erreurs que je ne ferai plus", "[note_analysis][recognition]") {
  check("Les erreurs que je ne vais plus faire, et à la place :\nle café après le service → je "
        "rentre direct.\n",
        "new-start.mistakes@1+");
  check("# Julie\n\n- les erreurs que je ne fais plus ? bouder\n", "new-start.mistakes@3+");
}

// A day's note with no sign of the topic at all keeps its proof of the change ("## proof
// log", "Preuve : …"): the article's word; the day's other questions are another topic's.
TEST_CASE("a day's proof in a note with no sign of the topic", "[note_analysis][log]") {
  CHECK(gated_ids("## proof log\n- turned down the Sunday patrol shift\n- cooked, no phones\n",
                  "daily.journal.2026.11.30.md") == "new-start.log");
  CHECK(gated_ids("Preuve : week-end à Zurich sans emporter le cornet.\n\nFanfare, comité : "
                  "qu'est-ce qui ne jouait pas au concert annuel ? Les basses.\n",
                  "journal.2026.11.26.md") == "new-start.log");
  // A day's work log names no proof.
  CHECK(gated_ids("## log\n- deployed the fix\n- reviewed two PRs\n",
                  "daily.journal.2026.11.30.md") == "");
}

// "In an ideal world" asks after the ideal.
TEST_CASE("in an ideal world", "[note_analysis][recognition]") {
  check("# Her\n\nwas it what id want in an ideal world\nmostly\n", "evaluate.ideal@3+");
}

// A note whose front matter files it under another subject ("tags: travail", "title: …
// visites scolaires") asks the article's questions of that subject; a week tagged "weekly,
// work" is the writer's week, its work one part.
TEST_CASE("a note filed by its front matter", "[note_analysis][topic]") {
  std::string body = "Ce qui ne marchait pas : les cars qui arrivent en retard.\nQu'est-ce qu'on "
                     "n'a pas aimé ? Les marches avec les CP, Sam les trouvait longues.\n";
  CHECK(gated_ids("---\ntags: travail\n---\n\n" + body, "Phare.md") == "");
  CHECK(gated_ids("---\ntitle: Visites scolaires\n---\n\n" + body, "Phare.md") == "");
  CHECK(gated_ids("---\ntags: [weekly, work]\n---\n\n" + body, "Phare.md") ==
        "why.not-working why.disliked");
}

// "What does having tried let me stop regretting" asks what trying spares.
TEST_CASE("what having tried lets me stop regretting", "[note_analysis][recognition]") {
  check("# After\n\n- Her choice, her right. What does having tried let me stop regretting: the "
        "not-asking. I asked.\n",
        "if-no.accept@3+");
}

// A label ending its line over a list of its step's questions titles that step ("Me in love:"
// over the patterns), though its words also read as another step's question.
TEST_CASE("a label titling its step's list of questions", "[note_analysis][recognition]") {
  check("# Tayla\n\nMe in love:\n- [x] Do I cling on when she pushes me away — yeah heaps\n- [ ] "
        "Am I addicted to love\n",
        "patterns.cling@4+ patterns.addicted@5-");
}

// "TODO" in capitals after a question leaves it for later: unanswered.
TEST_CASE("a question left with a TODO on its line", "[note_analysis][answers]") {
  check("# Tayla\n\nWhat tells me I won't end up alone TODO ask Mum about aunty Bev\n",
        "motives.reassure@3-");
}

// Org habits in a Markdown outline: "* DONE" is none of an item's words, and a span of time
// set off before the question weighing it leads the question.
TEST_CASE("Org state keywords and a span of time before the question", "[note_analysis]") {
  check("* why\n  * DONE what wasn't working\n    no weekends\n  * DONE 12 yrs - early-stage "
        "thing or something underneath\n    underneath\n",
        "why.not-working@2+ why.stage@4+");
}

// The log's nested entries say who the acts were for ("took her to Boggabilla"): the topic.
TEST_CASE("the log's entries naming the ex", "[note_analysis][topic]") {
  CHECK(gated_ids("* proof log - what did I actually do different this week?\n  * <2026-11-16 "
                  "Mon>\n    home by 6. cooked snags\n  * <2026-11-20 Fri>\n    took her to "
                  "Boggabilla for the drive\n",
                  "journal.md") == "new-start.log");
}

// "Remember the other times…" leads a question as "Remember the times" does.
TEST_CASE("remember the other times", "[note_analysis][recognition]") {
  check("# Tayla\n\nAm I only wanting her back cos I'm scared of being alone? A bit.\n\nRemember "
        "the other times I thought no one else would ever come along. Yeah, after Brooke I was "
        "sure.\n",
        "motives.fear@3+ motives.past@5+");
}

// A day's note with no sign of the topic keeps a log worded as the article's beyond its one
// word ("Log of what I'm doing different").
TEST_CASE("a day's log worded as the article's", "[note_analysis][log]") {
  CHECK(gated_ids("# Friday, 27 November 2026\n\nLog of what I'm doing different:\n- walked "
                  "Belleek woods Mon, Wed and today\n",
                  "2026-11-27.md") == "new-start.log");
}

// French "aimer" denied is disliking ("Ce qu'on n'a pas aimé ?"): no sign of love, so a
// debrief's four questions stay the debrief's; "je l'aime encore" is the topic.
TEST_CASE("a French dislike is no sign of love", "[note_analysis][topic]") {
  std::string debrief = "## Ce qui ne marchait pas\nLe planning des navettes.\n\n## Ce qu'on n'a "
                        "pas aimé ?\nLes bracelets.\n\n## Réversible ?\nOui.\n\n## Est-ce que les "
                        "besoins de chacun étaient respectés ?\nPas au camping.\n";
  CHECK(gated_ids("# Bilan 2026\n\n" + debrief, "Bilan.md") == "");
  CHECK(gated_ids("# Bilan 2026\n\nJe l'aime encore, seule le soir.\n\n" + debrief, "Bilan.md") ==
        "why.not-working why.disliked why.reversible evaluate.needs");
}

// A note tool's stamp of an edit under a question ("Modifié le 12 oct. 2026") is no answer;
// "Updated my CV for 2 jobs" is one.
TEST_CASE("an edit stamp under a question", "[note_analysis][answers]") {
  check("Qu'est-ce qui me rassure ?\n_à remplir_\n\nModifié le 12 oct. 2026\n",
        "motives.reassure@1-");
  CHECK(answered("What work am I doing on myself now?", "Updated my CV for 2 jobs."));
  CHECK_FALSE(answered("What work am I doing on myself now?", "Last edited 3/11/2026"));
}

// "Hang on" when pushed away is clinging.
TEST_CASE("hanging on when pushed off", "[note_analysis][recognition]") {
  check("## Then, my ways in love\n1. Do I hang on when she pushes me off? I did, for a year.\n",
        "patterns.cling@2+");
}

// A few words asked right after an answered question of their step read as in its section:
// "On my own?" and "Together?" after the wrongs' first question.
TEST_CASE("a few words asked after their step's question", "[note_analysis][recognition]") {
  check("- Change all she blames me for or only part? part. The choir stays.\n- On my own? the "
        "nights, yes.\n- Together? we plan holidays at the table.\n",
        "wrongs.scope@1+ wrongs.alone@2+ wrongs.together@3+");
  // Alone, they ask nothing.
  check("# Sunday\n\n- On my own? the nights, yes.\n", "");
}

// A heading without "?" over a line asking, with its "?", a question of the same step: the
// heading names it, the line poses it ("## Ce qu'il a dit" / "Quelles étaient ses raisons
// officielles ?").
TEST_CASE("a heading over the question it names", "[note_analysis][recognition]") {
  check("# Mehdi\n\n## Ce qu'il a dit\nQuelles étaient ses raisons officielles ?\nUn poste à "
        "Limoges.\n\n## Ce qu'il n'a pas dit\nEt les raisons qu'il n'a pas dites, mais que j'ai "
        "senties ?\nQu'il s'ennuyait.\n",
        "why.official@4+ why.unofficial@8+");
}

// "it's", "that's" are "it is", "that is": nobody's possessive, so "so if it's no" asks of the
// writer's ex, whose pronoun its answer holds.
TEST_CASE("it's is no possessive", "[note_analysis][topic]") {
  CHECK(gated_ids("- so if it's no\n  - his choice, his right.\n", "2026-12-01.md") ==
        "if-no.accept");
  CHECK(gated_ids("- so if it’s no\n  - his choice, his right.\n", "2026-12-01.md") ==
        "if-no.accept");
}

// "C'est la peur … qui parle": the fear deciding, as "qui décide".
TEST_CASE("la peur qui parle", "[note_analysis][recognition]") {
  check("# Nathalie\n\nEst-ce que c'est la peur de rester seul qui parle ?\nOui, un peu.\n",
        "motives.fear@3+");
}

// A mark of "not yet" ("??", "…") then an answer marked as added later ("(26 Nov) …", "edit 20
// Nov: …") is answered; other lines after the mark are other thoughts.
TEST_CASE("an answer added later under a mark of not yet", "[note_analysis][answers]") {
  check("- three years: early stage thing, or something underneath?\n\t- ??\n\t- (26 Nov) "
        "underneath. it was never timing.\n",
        "why.stage@1+");
  check("**Six years — early-stage thing or something deeper?** …\nedit 20 Nov: deeper.\n",
        "why.stage@1+");
  check("**Six years — early-stage thing or something deeper?** …\nThe kettle's broken again.\n",
        "why.stage@1-");
}

// Items written as a change, "this → that", under a posed item are its answer, whatever one of
// their words also asks ("alone").
TEST_CASE("changes nested under the mistakes", "[note_analysis][answers]") {
  check("## Not doing again\n- [x] Mistakes I'm stopping, and what I do instead\n  - Deciding "
        "farm stuff alone → we decide on Sunday night together\n",
        "new-start.mistakes@2+");
}

// A month or a weekday in capitals is nobody: the pronoun after it is still the ex's ("Sun 8
// Nov — asked him what he wanted for tea").
TEST_CASE("a date before the ex's pronoun", "[note_analysis][topic]") {
  CHECK(gated_ids("# Proof\n\nEvery week, what I did differently\n\n- Sun 8 Nov — asked him what "
                  "he wanted for tea before I shopped\n",
                  "Terry - proof.md") == "new-start.log");
}

// Only a pronoun of the topic ("Il a dit non"), and a step posed in order: the writer's, as a
// note with no sign at all posing it would be. A single question of that kind stays out.
TEST_CASE("a step in order under a pronoun of the topic", "[note_analysis][topic]") {
  CHECK(gated_ids("# Après\n\nIl a dit non le 28 novembre.\n\n- [x] C'est son choix. Qu'est-ce "
                  "que d'avoir essayé m'évite de regretter ?\n    - de me demander « et si »\n- "
                  "[x] Ce que ça m'apprend pour la prochaine fois ?\n    - rien\n- [ ] Le "
                  "travail sur moi maintenant\n",
                  "Après.md") == "if-no.accept if-no.lessons if-no.self-work");
  CHECK(gated_ids("# Après\n\nIl a dit non.\n\n- Ce que ça m'apprend pour la prochaine fois ?\n"
                  "    - rien\n",
                  "Après.md") == "");
}

// A line of prose opening with a to-do in capitals is the writer's task, no question: the
// heading above it stays the question it leaves unanswered.
TEST_CASE("a to-do line under a question", "[note_analysis][answers]") {
  check("# Motives\n\n## The other times I was sure that was it for me\nAfter Seán in '98. Then "
        "Declan.\n\n## What tells me I won't end up on my own\nTODO ask Máire about her sister, "
        "she met someone at 55\n",
        "motives.past@3+ motives.reassure@6-");
  // A to-do of asking or taking up a prompt is the question left to do.
  check("# Motives\n\nTODO Remember the times I thought I'd never meet anyone again.\n",
        "motives.past@3-");
}

// A long line whose commas only join parts that ask ("…, et quoi à la place") is read whole
// when worded as a question, over its answer on the next line; one going on telling is not.
TEST_CASE("a prompt's comma joining another ask", "[note_analysis][recognition]") {
  check("# Après\n\nLes erreurs que je ne referai plus, et quoi à la place\nDire « on verra » pour "
        "les vacances. Je réserve, point.\n",
        "new-start.mistakes@3+");
  check("# Après\n\nLes erreurs que je ne referai plus, je les connais par cœur maintenant\nDire "
        "« on verra » pour les vacances.\n",
        "");
}

// A quote opening with the article's wording of a question, whole, over its answer on the
// quote's next line, poses it; a quote of someone's words does not.
TEST_CASE("a quote opening with a question's wording", "[note_analysis][recognition]") {
  check("# Depuis le 10 novembre\n\n> Les erreurs que j'arrête de répéter, et ce que je fais à "
        "la place\n> Ne parler que de la récolte. Je lui demande sa journée.\n",
        "new-start.mistakes@3+");
  check("# Nadia\n\n> Je ne sais pas si je pourrai revenir un jour, tu comprends\n> Bises.\n", "");
}

// A counsellor's questions copied in her words, in italics in quotes, the writer's answers
// typed under them: theirs, "you" being the writer, even beside a question about a parent.
TEST_CASE("a counsellor's quoted questions answered as I", "[note_analysis][topic]") {
  const char* note =
      "# Session 2 — homework\n\nSian gave me these. Writing them as she said them.\n\n> *When "
      "you picture yourself on your own this winter, is it fear that's making the decision?*\n\n"
      "Some of it, yes. Mostly the evenings.\n\n> *Think back to other times you were certain "
      "you'd never meet anyone else. What happened next?*\nWhen Gethin left I thought that was "
      "it. Met Sam later.\n\n> *What evidence would reassure you that you won't be alone?*\nMy "
      "cousin Nia. Married again at 38.\n\n> *What wasn't working between you and your mother "
      "when you lived at home?*\n\nEverything, honestly.\n";
  CHECK(gated_ids(note, "Session 2 - homework.md") == "motives.fear motives.past motives.reassure");
}

// French counsellors say "vous": a quoted "vous" question answered under it is the writer's;
// an interview's prep, unquoted, with the answers to give, is not.
TEST_CASE("a quoted vous answered by the one asked", "[note_analysis][topic]") {
  check("# Séance 2\n\n> « Quelles raisons vous a-t-elle données ? »\nQue Digoin était trop "
        "petit.\n> « Qu'est-ce qui ne fonctionnait pas dans votre couple ? »\nOn ne sortait "
        "plus.\n",
        "why.official@3+ why.not-working@5+");
  check("# Entretien\n\n☐ Vos besoins étaient-ils respectés ? → Dire oui.\n", "");
}

// "you'd", "you're": only "you" is the second person, not the "d" of "d'Élisabeth".
TEST_CASE("a contracted you gives only you", "[note_analysis][topic]") {
  CHECK(gated_ids("Je relis Kamouraska avec mes élèves.\n\nQuelles étaient les vraies raisons "
                  "d'Élisabeth de quitter Antoine ?\n\nLa violence, évidemment. Mes élèves "
                  "trouvent ça « pas assez ».\n\nSes besoins étaient-ils respectés, dans l'un ou "
                  "l'autre mariage ?\n\nJamais.\n",
                  "relire-kamouraska.md") == "");
}

// "Peur d'être seule, c'est elle qui décide ?": "elle" takes up the fear, nobody else.
TEST_CASE("a pronoun taking up the fear", "[note_analysis][recognition]") {
  CHECK(gated_ids("# Tamatea\n\n**La peur d'être seule, c'est elle qui décide ?** Un peu.\n**Les "
                  "fois où je croyais ne plus rencontrer personne :** après le père de Moana.\n",
                  "Tamatea.md") == "motives.fear motives.past");
  CHECK(gated_ids("# Notes\n\nEst-ce qu'elle a peur d'être seule à Saint-Denis ? Un peu.\n",
                  "Journey.md") == "");
}

// A "?" after a dash, in a later sentence of the answer, is the answer's: the head asks.
TEST_CASE("a question in the answer after a dash", "[note_analysis][answers]") {
  check("- [x] What tells me I won't end up alone - my cousin Bríd, married again at 56. If "
        "Bríd can, amn't I as good?\n",
        "motives.reassure@1+");
  // Asked after the dash in the same sentence, the "?" is the question's.
  check("- Seven years - was it a timing thing or something deeper?\n", "why.stage@1-");
}

// A backslash ending a line is Markdown's hard line break, no word of the question.
TEST_CASE("a hard line break after a question", "[note_analysis][recognition]") {
  check("# After\n\nWhat does having tried spare me from regretting?\\\nWondering for years.\n",
        "if-no.accept@3+");
}

// A coach's worksheet, her questions quoted word for word and answered under them: the
// writer's, even where an answer says no "I". A role-play's questions, answered by the one
// playing, are not.
TEST_CASE("a coach's worksheet and a role-play", "[note_analysis][topic]") {
  CHECK(gated_ids("# Lorraine worksheet\n\nLorraine (EAP coach) said write it in my own time.\n\n"
                  "1. \"Remember the times you were sure you'd never meet anyone — and then "
                  "did.\"\n   After the divorce in 2012. Met Sam two years on.\n2. \"What were "
                  "her stated reasons for leaving?\"\n   Said I'd checked out.\n",
                  "Lorraine worksheet.md") == "motives.past why.official");
  CHECK(gated_ids("Entretien simulé\n\nMes questions (vouvoiement) :\nQ : Quelles raisons vous "
                  "a-t-il données pour partir ?\nR (Inès / Mme L.) : « Il a dit qu'il "
                  "étouffait. »\nQ : Avez-vous peur de rester seule ?\nR : Elle a pleuré.\n",
                  "stage - entretien simulé.md") == "");
}

// The ex named in the clause setting a scene ("clingy when he pulls away?") asks of the
// writer; asked of someone as the subject ("is she afraid of being abandoned?"), of them.
TEST_CASE("the ex in a clause setting the scene", "[note_analysis][topic]") {
  CHECK(gated_ids("# Sam - me\n\n## me in love\n- clingy when he pulls away? yes, texts x10\n- "
                  "scared of being left? always, since dad\n- love addict? no\n",
                  "Sam - me.md") == "patterns.cling patterns.abandon patterns.addicted");
  CHECK(gated_ids("# Marianne\n\n- is Marianne afraid of being abandoned? yes\n- does she cling "
                  "when he pulls away? yes\n",
                  "Marianne.md") == "");
}

// A question trailing off in an ellipsis, its "?" not yet written: posed, unanswered.
TEST_CASE("a question trailing off", "[note_analysis][answers]") {
  check("# After\n\n- What does having tried let me stop going over? Sleep.\n- What work on "
        "masel' now ...\n",
        "if-no.accept@3+ if-no.self-work@4-");
  check("# After\n\n- What work on myself now…\n", "if-no.self-work@3-");
}

// A short label, what it tells, then the question it raises on the same line: the question is
// posed ("her side: I put the boat before her. do I change all of that, or some?").
TEST_CASE("a side's label then its question", "[note_analysis][recognition]") {
  check("# Kirsty\n\nher side: I put the boat before her. do I change all of that, or some?\nsome "
        "of it.\n",
        "wrongs.scope@3+");
  // A longer label's line is what it tells, whatever it asks at its end.
  check("# Kirsty\n\nwhat the people at the club kept saying: she left. was that ever going to "
        "be all of it, or some?\n",
        "");
}

// "> [!question] …" lines typed inside the callout above, no blank line between: each is a
// callout of its own, its title posed.
TEST_CASE("callouts typed one inside the other", "[note_analysis][recognition]") {
  check("> [!question] Was it my ideal\n> It was.\n> [!question] Were my needs respected\n> "
        "Yes.\n> [!question] Big unanimous YES?\n> Yes. No doubt about it.\n",
        "evaluate.ideal@1+ evaluate.needs@3+ evaluate.verdict@5+");
}

// A quoted question after a paragraph of questions answered in it ("Q : … ?" / "R : …") is
// the next question, not that paragraph's answer; a journaling app's labelled prompt quoted
// ("> **Daily Prompt:** …") is none of the writer's.
TEST_CASE("a quoted question after answered ones", "[note_analysis][recognition]") {
  check("# 21 octobre\n\nQ : Comment changer à deux notre façon de fonctionner ?\nR : Deux mois "
        "fermés par an.\n\n> La relation était-elle conforme à mon idéal ?\n\nOui, presque.\n\n> "
        "Une vraie chance pour l'avenir ?\n\nOui.\n",
        "wrongs.together@3+ evaluate.ideal@6+ evaluate.future@10+");
  check("# Journal\n\nIs it the being-alone thing that's making me want her back?\nSome.\n\n> "
        "**Daily Prompt:** What made you smile today?\n\nMy nephew.\n\n> **Daily Prompt:** What "
        "are you grateful for?\n\nCoffee.\n",
        "motives.fear@3+");
}

// One word over the days' acts ("Proof", "Journal :") is the log right after the mistakes
// question its step asks; alone it is any note-taking.
TEST_CASE("one word over the days after the mistakes", "[note_analysis][recognition]") {
  check("# After\n\nWhat mistakes am I going to stop making, and what instead?\nStop planning for "
        "both of us.\n\nProof\n- Nov 9: he booked the hike, I said nothing\n- Nov 14: asked "
        "before inviting Deb\n",
        "new-start.mistakes@3+ new-start.log@6+");
  check("# Tuesday\n\nProof\n- Nov 9: booked the hike\n- Nov 14: the dentist\n", "");
}

// A part whose titles and words say nothing of the topic ("## After — we're back") still poses
// the article's next step when the note went through the steps just before it; a weekly
// review's "What will I do differently?" after a note's motives and reasons stays the week's.
TEST_CASE("a last part taking the article up where the note left it",
          "[note_analysis][topic_gate]") {
  const std::string steps =
      "# Troy - the whole thing\n\n## Why he went\n- Official reason: the mill job\n- What he "
      "didn't say: my mom at every supper\n\n## My part\n- Do I want to change all he blames me "
      "for, or some? Some.\n- Can I change on my own? Yes.\n\n## Talking to him\n- What I'm "
      "telling him, my part too: that I nagged.\n- How I say I love him: on the phone.\n\n";
  CHECK(gated_ids(steps + "## After — we're back\n- [x] Mistakes I'm quitting, and what "
                          "instead\n    - Nagging about camp. Instead I say what I want, once.\n",
                  "Troy.md")
            .ends_with("reach-out.love new-start.mistakes"));
  CHECK(gated_ids("# Week 42\n\n## Him\n- Am I scared of being alone, is that it? A bit.\n- "
                  "What tells me I won't end up alone? My friends.\n- What did he say when he "
                  "left? That he was bored.\n- What did he not say? That he wanted Amsterdam.\n\n"
                  "## Reflection\n- What went well this week? Work.\n- What will I do "
                  "differently next week? No wine midweek.\n",
                  "Weekly/2026-W42.md")
            .find("new-start") == std::string::npos);
}

// "what tells me i wont end up alone" typed at the margin right under an item (CommonMark
// makes it the item's lazy line): a line of its own when it opens asking.
TEST_CASE("a question typed at the margin under an item", "[note_analysis][recognition]") {
  check("kay\nscared of bein alone? nah not really\ntimes i figured id never meet nobody\n- "
        "after the army. then met kay\n- after shelby in hs too\nwhat tells me i wont end up "
        "alone\n- my buddy cody found someone\n",
        "motives.fear@2+ motives.past@3+ motives.reassure@6+");
  // Wrapped prose of an item at the margin is still the item's.
  check("# kay\n\n- I remember thinking I would never meet anyone again after the army,\nand "
        "then I met kay at the rodeo\n",
        "");
}

// The items under a heading posed as the log are its entries, whatever question one echoes.
TEST_CASE("the items under the log are its entries", "[note_analysis][recognition]") {
  check("# November 28th\n\n### Proof log — what I did that shows the change\n- [x] Didn't say "
        "one word about camp when he went Saturday\n- [x] Asked him what he wanted to do "
        "Sunday\n",
        "new-start.log@3+");
}

// A quote after a list whose question item is answered under it is no answer to that item.
TEST_CASE("quoted questions after an answered item", "[note_analysis][recognition]") {
  check("# Gérard\n\n- Un avenir possible ?\n    - Je ne crois pas.\n\n> Est-ce que je "
        "m'accroche quand il me repousse ?\n\nOui, tous les soirs en avril.\n\n> Ai-je peur "
        "d'être abandonnée ou trahie ?\n\nAbandonnée, oui.\n",
        "patterns.cling@6+ patterns.abandon@10+");
}

// Logseq and Dataview fields, "key:: value", are labels; so are the catalogue's ids.
TEST_CASE("a field's key and value", "[note_analysis][recognition]") {
  check("## My share\n\nscope:: most of it, not all.\non my own?:: yes, I can do that bit\n"
        "together:: a proper night a week\n",
        "wrongs.scope@3+ wrongs.alone@4+ wrongs.together@5+");
  CHECK(mend::engine::label_colon("std::move(x) here") == std::string_view::npos);
  CHECK(mend::engine::label_colon("needs:: mine were") == 5);
}

// Lines of a word or three, in a row outside any section, reading as the questions of one step
// in the article's order: that step's list.
TEST_CASE("a run of terse questions of one step", "[note_analysis][recognition]") {
  check("# Me\n\n- Ideal? near enough\n- Needs? yes\n- Future? yes if the kids thing's settled\n"
        "- YES? YES.\n",
        "evaluate.ideal@3+ evaluate.needs@4+ evaluate.future@5+ evaluate.verdict@6+");
  check("# moi\n\n💭 idéal → oui\n💭 besoins → oui\n💭 avenir → oui\n",
        "evaluate.ideal@3+ evaluate.needs@4+ evaluate.future@5+");
  // Out of the article's order, the words are a diary's.
  check("# Tuesday\n\n- future: gym plans\n- needs: milk\n- ideal: rain\n", "");
}

// A Python-Markdown (MkDocs) admonition's title is posed as a callout's, its indented body (on
// the next line or after a blank one) the answer; a titled "note" asks only in a question's
// words, and one without a title poses nothing.
TEST_CASE("admonitions", "[note_analysis][recognition]") {
  check("# Reasons\n\n!!! question \"What was not working?\"\n\n    We did not laugh any more.\n\n"
        "??? question \"What did I not like in the relationship?\"\n    Her sister.\n\n!!! "
        "question \"Is it reversible?\"\n",
        "why.not-working@3+ why.disliked@7+ why.reversible@10-");
  check("# Letter\n\n!!! quote \"That I still love her and want a new beginning\"\n    I love "
        "you still.\n",
        "reach-out.love@3+");
  check("# Notes\n\n!!! note\n    What did she say when she left?\n", "why.official@4-");
  CHECK_FALSE(mend::engine::admonition_title("!!! note").has_value());
  CHECK(mend::engine::admonition_title("???+ faq inline end \"Was it good?\"")->asking);
}

// A label over a list asking two other questions of its own titles them: they are no answers.
TEST_CASE("a label over a list of questions", "[note_analysis][recognition]") {
  check("# Nov 8\n\nMeeting Hannah at the café on Wednesday. What I will say:\n- What I tell her "
        "from my reflection, my part also\n  - that I worked too much\n- How I say I still love "
        "her and want new start\n  - plainly\n- How we change how we are together\n  - Sunday "
        "walks\n",
        "reach-out.share@4+ reach-out.love@6+ reach-out.change@8+");
}

// "Proof:" in a day's note, over the day's deeds listed under it, is that day's log entry.
TEST_CASE("a day's proof over a list", "[note_analysis][recognition]") {
  CHECK(questions("# Tue, November 24th, 2026\n\nProof:\n- parents' evening, both of us\n",
                  "2026-11-24.md") == "new-start.log@3+");
  CHECK(questions("# Notes\n\nProof:\n- parents' evening, both of us\n", "Notes.md") == "");
}

// "update 20/10: …" marks what a running note added later: its words start after the mark,
// and a question left open above may be asked (and answered) again there.
TEST_CASE("a question asked again in an update", "[note_analysis][recognition]") {
  check("# Padraig\n\n- What he said, the official line: \"I need space.\"\n- What he didn't say "
        "but I felt:\n- What wasn't working: we never went anywhere\n\nupdate 20/10: the "
        "unofficial reason, the thing he never said out loud? I think he felt second to the "
        "shop.\n",
        "why.official@3+ why.unofficial@4- why.not-working@5+ why.unofficial@7+");
  // Asked once, an update's question is read as any line is.
  check("# Arnaud\n\nmàj 3/11 : ce qui ne marchait pas, enfin ? On ne faisait plus rien à deux.\n",
        "why.not-working@3+");
}

// A dictated note speaks its marks: "answer" ("réponse") parts a question from its answer, and
// "question" (with its number) opens it. Said in prose, "answer" is a noun or a verb.
TEST_CASE("questions dictated with their marks spoken", "[note_analysis][recognition]") {
  check("# Capstone walk\n\nquestion two the times I thought I'd never meet anyone again and "
        "then I did answer after Liam at college\nwhat he never said but I could feel it answer "
        "that he was bored of me\n",
        "motives.past@3+ why.unofficial@4+");
  check("# Dean\n\nQuestion what didn't I like about it answer his moods\n\nquestion trois mes "
        "besoins ils étaient respectés réponse la plupart du temps\n",
        "why.disliked@3+ evaluate.needs@5+");
  check("# Sipho\n\nWhat I didn't like was that he never once gave me an answer about Durban\n"
        "She is tired of waiting and her mother asks her questions she cannot answer\n",
        "");
}

// A worksheet's questions put as "vous", each answered on the form ("Réponse : …"), are the
// writer's own; put as "vous" and answered without the form's label, a counsellor's.
TEST_CASE("a worksheet filled in on its form", "[note_analysis][recognition]") {
  check("# Fiche 3\n\n- Voulez-vous changer tout ce qu'elle vous reproche, ou seulement une "
        "partie ?\n  Réponse : seulement les horaires\n- Pouvez-vous changer seul, ou est-ce une "
        "conséquence de son comportement ?\n  Réponse : seul. les horaires c'est moi\n",
        "wrongs.scope@3+ wrongs.alone@5+");
  check("# Fiche 3\n\n- Voulez-vous changer tout ce qu'elle vous reproche, ou seulement une "
        "partie ?\n  Il faudra en parler en séance.\n",
        "");
}

// Markup before the word is written text's, never a dictated question's: the line is read
// whole, its "answer" no mark parting an answer from it.
TEST_CASE("no spoken question in marked-up text", "[note_analysis][recognition]") {
  check("# Notes\n\n- At worst [[just]] airport talked afraid of being alone answer film\n",
        "motives.fear@3-");
}

// A questionnaire copied as it was put ("vous") and answered as "je" twice or more is the
// writer's, "votre partenaire" and "ce qu'il vous a dit" included.
TEST_CASE("a questionnaire answered as je", "[note_analysis][recognition]") {
  const std::string two_as_je =
      "# Questionnaire - Alain\n\n**Quelles étaient ses raisons officielles de partir (ce qu'il "
      "vous a dit) ?**\nQue je vivais pour la mairie.\n\n**Voulez-vous changer tout ce que votre "
      "partenaire vous reproche, ou seulement une partie ?**\nUne partie : je garde mon métier.\n";
  check(two_as_je, "why.official@3+ wrongs.scope@6+");
  check("# Séance\n\n**Voulez-vous changer tout ce que votre partenaire vous reproche, ou "
        "seulement une partie ?**\nÀ voir la semaine prochaine.\n",
        "");
}

// French "si" opens an indirect question ("whether"): "Si ça a un avenir" over its answer.
TEST_CASE("si opens an indirect question", "[note_analysis][recognition]") {
  check("# Le bilan\n\nSi c'était l'idéal pour moi\nNon.\nSi mes besoins, mes limites étaient "
        "respectés\nPas toujours.\nSi ça a un avenir\nJe ne crois pas.\nSi au bout du compte "
        "c'est un grand oui\nNon.\n",
        "evaluate.ideal@3+ evaluate.needs@5+ evaluate.future@7+ evaluate.verdict@9+");
}

// The evaluation in other words: the life one wanted or hoped for is the ideal, the road ahead
// the future, every part of oneself the unanimous yes.
TEST_CASE("the evaluation's questions in other words", "[note_analysis][recognition]") {
  check("## Was it the kind of life I'd wanted for myself?\n\nMostly.\n", "evaluate.ideal@1+");
  check("**Was it what I'd always hoped a relationship would be?** Not quite.\n",
        "evaluate.ideal@1+");
  check("- Is there a road ahead for us, honestly? Maybe.\n", "evaluate.future@1+");
  check("4. A yes from every part of me?\n   Yes.\n", "evaluate.verdict@1+");
  check("- C'est un oui de tout mon cœur ? Oui.\n", "evaluate.verdict@1+");
  // The road ahead of a trip is no future of the couple's.
  check("- Road ahead for the trip: the A9 to Inverness.\n", "");
}

// The catalogue's own unofficial reasons in the first person: what the ex did not say, and
// the writer felt.
TEST_CASE("the unofficial reasons in the first person", "[note_analysis][recognition]") {
  check("# Pourquoi\n\n## Les vraies raisons qu'il a pas dites, mais que j'ai senties\n\nSa "
        "jeunesse lui manquait.\n",
        "why.unofficial@3+");
  check("# Pourquoi\n\n- Les raisons qu'elle a pas dites mais que moi j'ai senti : sa mère.\n",
        "why.unofficial@3+");
}

// Lines that each ask and point at their answer with an arrow are a list of questions, however
// long their answers run: prose wrapped at a margin points at nothing.
TEST_CASE("questions answered after an arrow on their lines", "[note_analysis][recognition]") {
  check("# Hugo\n\nest-ce que je m'accroche quand il me repousse → oui grave. en septembre je lui "
        "envoyais des vocaux de 4 min\nest-ce que j'ai peur d'être abandonnée ou trompée → "
        "abandonnée oui. depuis que mon père est parti quand j'avais 8 ans\n",
        "patterns.cling@3+ patterns.abandon@4+");
  // Without the arrow, the second line goes on the first one's sentence.
  check("# Hugo\n\nest-ce que je m'accroche quand il me repousse, oui grave, en septembre je lui "
        "envoyais des vocaux de 4 min et\nest-ce que j'ai peur d'être abandonnée ou trompée, "
        "abandonnée oui depuis que mon père est parti\n",
        "");
}

// French in other words: what she said "officiellement", the relationship one wants (present
// tense), a future relationship as the next one.
TEST_CASE("French questions in other words", "[note_analysis][recognition]") {
  check("## Ce qu'elle m'a dit officiellement\n\nQu'elle partait à Rouyn.\n", "why.official@1+");
  check("## Notre couple, c'était le couple que je veux vraiment ?\n\nPresque.\n",
        "evaluate.ideal@1+");
  check("## Qu'est-ce que toute cette réflexion m'évitera dans une relation future ?\n\nDe me "
        "taire.\n",
        "if-no.lessons@1+");
}

// A question never runs on into its answer's label: "a: not really? maybe" answers it.
TEST_CASE("a question does not run on into its answer's label", "[note_analysis][recognition]") {
  check("q: is being scared of ending up alone the thing making decisions for me\na: not "
        "really? maybe a bit at 3am\n",
        "motives.fear@1+");
}

// A short line over a long one ending a sentence of its own with "??" is a question and its
// answer, not a question wrapped at a margin: a margin cuts every line at about one width.
TEST_CASE("a question over a longer answer is not wrapped", "[note_analysis][recognition]") {
  check("whats gonna reassure me i wont die alone\ncensus says like half the ppl my age are "
        "single?? so im literally normal. also my cousin found her person at 29\n",
        "motives.reassure@1+");
  // Cut at a margin, the question runs over its lines.
  check("1. Est-ce que j'ai peur de rester seule, et\nest-ce que c'est cette peur qui décide ?\n"
        "Un peu.\n",
        "motives.fear@1+");
}

// A plain line or a label telling of a question the note asks with a "?" elsewhere does not
// take it from the line that asks.
TEST_CASE("the line that asks with a '?' takes its question first",
          "[note_analysis][recognition]") {
  check("## Is it worth it\n\n**Is there an actual future here?**\n\nYes.\n\n**So: massive, "
        "no-doubt YES?**\n\nYes. Yoh, yes.\n\nClear yes → skipping the love habits page.\n",
        "evaluate.future@3+ evaluate.verdict@7+");
  check("## Bilan\n\n- [x] Au bout du compte, c'est un OUI énorme et unanime ? — Non.\n\n"
        "Conclusion : je ne vais pas lui écrire. Pas maintenant.\n",
        "evaluate.verdict@3+");
}

// "--" typed for a long dash sets the answer off as "—" does.
TEST_CASE("a double hyphen sets an answer off", "[note_analysis][recognition]") {
  check("Est-ce que j'ai peur d'être seul ? -- Un peu.\n\nQu'est-ce qui me rassure que je vais pas "
        "finir tout seul -- Mon chum, veuf à 58, s'est remis avec quelqu'un.\n",
        "motives.fear@1+ motives.reassure@3+");
}

// Roam's task macro is no word of the question, and a long line whose last part asks after a
// condition may run on as a question does.
TEST_CASE("Roam's task macro, a condition before the question", "[note_analysis][recognition]") {
  check("- Can I change it on my own?\n    - partly\n- {{[[TODO]]}} If it is partly because of "
        "her, how do we both change the way we deal with each other\n    - one evening a week, "
        "no phones\n",
        "wrongs.alone@1+ wrongs.together@3+");
  // As long and telling, not asking: a line of the diary.
  check("- Can I change it on my own?\n    - partly\n- {{[[TODO]]}} If it is partly because of "
        "her, we both change the way we deal with each other at her mum's\n    - one evening a "
        "week, no phones\n",
        "wrongs.alone@1+");
}

// A plain-text note's first line, set off by a blank line, is its title: it names the step
// ("POURQUOI ELLE EST PARTIE"), and the question under it is asked by the line that asks it.
TEST_CASE("a plain first line over a blank line titles the note", "[note_analysis][recognition]") {
  check("POURQUOI ELLE EST PARTIE\n\n1° Les raisons qu'elle m'a données, de sa bouche\nQu'elle "
        "voulait se rapprocher de sa fille.\n\n2° Ce qui n'allait plus entre nous\nOn ne sortait "
        "plus.\n",
        "why.official@3+ why.not-working@6+");
  // Posed with its "?", the first line is a question.
  check("Pourquoi est-elle partie ?\n\nElle voulait se rapprocher de sa fille.\n",
        "why.official@1+");
}

// "I boss him around" is the writer's doing, not a boss's: the question it leads stays the
// writer's, and so do the questions after it.
TEST_CASE("a bold question led by what the ex says of the writer", "[note_analysis][recognition]") {
  check("# My share\n\n**He says I boss him around. Do I want to change all of it, or only "
        "some?** Only some.\n\n**Can I fix it by myself, or is it because of how he acted?** "
        "Kinda both.\n",
        "wrongs.scope@3+ wrongs.alone@5+");
}
