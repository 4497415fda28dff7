// Unit tests for answer_judge.cpp: the facts the article's rules read from one answer
// (catalogue.md, "What counts as an answer" and "Suggestions"), judged on the answer alone.
#include "daemon/engine/answer_judge.h"

#include <catch2/catch.hpp>

#include "daemon/engine/note_analysis.h"
#include "test_support.h"

using namespace mend::engine;

namespace {

const Analyzer& analyzer() {
  static const Analyzer a(mend::test::builtin_pack(), {"", ""});
  return a;
}

const PhraseBook& phrases() {
  static const PhraseBook book(mend::test::builtin_pack());
  return book;
}

// The answer's lines as the analysis hands them over: containers stripped, quotes flagged,
// lines numbered from 1 (the question sits on line 0).
std::vector<AnswerLine> lines_of(std::string_view answer) {
  std::vector<AnswerLine> raw;
  int line = 1;
  for (std::size_t start = 0; start <= answer.size(); ++line) {
    std::size_t end = answer.find('\n', start);
    if (end == std::string_view::npos) end = answer.size();
    bool quoted = false;
    std::string_view text = strip_line_markup(answer.substr(start, end - start), &quoted);
    raw.push_back({std::string(text), line, quoted});
    start = end + 1;
  }
  return clean_answer(raw, phrases());
}

enum class Kind { Ordinary, FaultFinding, OwnWrongs, SelfBlame, Verdict };

AnswerFacts judge(std::string_view answer, Kind kind) {
  QuestionSpec q;
  // The step matters to nil replies: wrongs.scope asks about the writer's own wrongs.
  q.step = kind == Kind::OwnWrongs ? "wrongs" : "why";
  q.id = q.step + ".q";
  if (kind == Kind::OwnWrongs) kind = Kind::FaultFinding;
  q.fault_finding = kind == Kind::FaultFinding;
  q.self_blame_check = kind == Kind::SelfBlame;
  q.verdict = kind == Kind::Verdict;
  return judge_answer(lines_of(answer), q, phrases(), analyzer().matcher());
}

} // namespace

TEST_CASE("a nil reply followed by words that name no fault is still nil", "[answer_judge]") {
  for (const char* a :
       {"Nothing, honestly. He was kind to me.", "Rien du tout, il était parfait avec moi.",
        "Idk really. She was fine I guess.", "Honestly? Nothing. He never did anything wrong.",
        "None.\nShe was always there for me.", "Nothing. No complaints, he treated me well.",
        "Je ne sais pas. Il ne m'a jamais fait de mal.", "Rien à redire, franchement.",
        "Nothing really. Nothing at all.", "je sais pas trop, honnêtement. Elle était géniale.",
        "I don't really know. He was lovely.",
        "Nothing. I don't think there was anything wrong with us.",
        "Aucune idée. On s'entendait bien, vraiment.", "→ Nothing, he was lovely.",
        "Rien, honnêtement. Il m'a jamais manqué de respect.", "Nothing chale.",
        "None of it, mate. She should change first.", "Nothing oo. He was a good guy.",
        // Two nil replies in a row, "rien de rien", "och", "always there".
        "rien jsp il était parfait", "Rien de rien. Elle a toujours été là.",
        "och nothing really. he was aye good to me", "Nah, nothing, he was lovely.",
        "Rien. C'était un brave homme, il m'a jamais manqué de respect.",
        // A raised voice denied clears the ex, in French's idiom as in English's.
        "Rien, franchement. Il était gentil avec moi, jamais un mot plus haut que l'autre.",
        "Rien. Il n'a jamais haussé le ton.",
        // A row (a fight) denied clears as well.
        "nothing really. he was sound. gas craic, never a row",
        // A word of address said to no one ("mun", "frr") is no answer's word.
        "none of it mun. shes the one who moved", "rien frr elle était parfaite, zéro red flag"}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK(f.nil);
    CHECK_FALSE(f.answered); // why.disliked / wrongs.scope: the exercise is not done
    CHECK(judge(a, Kind::Ordinary).answered); // elsewhere a nil reply is an answer
  }
}

TEST_CASE("a nil reply then praise in everyday words stays nil", "[answer_judge]") {
  // "never moaned" clears the ex as "never did anything wrong" does; "o", "oh" only insist.
  for (const char* a :
       {"nothing really, she was lovely to me. Always had a brew on, never moaned",
        "Nothing o. He was a good man, I can't lie.", "Rien. Elle ne râlait jamais.",
        // "never a cross word" clears the ex; "sound", "a gem" praise in everyday words.
        "Not a thing. She was sound, never a harsh word between us.",
        "Nothing really. He's a gem. Never a cross word out of him in ten years."}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK(f.nil);
    CHECK_FALSE(f.answered);
  }
  CHECK(judge("Nothing really, except she moaned about my mates.", Kind::FaultFinding).answered);
  // A negation that praises nothing still criticises: "never a thank you".
  CHECK(judge("Nothing. He was fine. Never a thank you, though.", Kind::FaultFinding).answered);
}

TEST_CASE("a nil reply typed without a stop ends where a new subject starts", "[answer_judge]") {
  // "nothing tbh he was perfect": the nil, then praise of the ex in a clause of its own.
  for (const char* a : {"nothing tbh he was perfect", "nothin she was good to me honestly",
                        "Nowt really. He were good to me, never once raised his voice.",
                        "rien il était parfait avec moi", "nada she's lovely"}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK(f.nil);
    CHECK_FALSE(f.answered);
  }
  // No new subject and verb after it: the nil takes what follows, and names something.
  for (const char* a :
       {"nothing he did was enough", "nothing she said made sense to me",
        "nothing he was perfect except his temper", "nothin she was good to me but she lied"}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK_FALSE(f.nil);
    CHECK(f.answered);
  }
}

TEST_CASE("hurried spellings in an answer read as their words", "[answer_judge]") {
  // "nuthin", "nowt": nothing; "bc" starts a clause as "because" does.
  CHECK(judge("nuthin. she was kind", Kind::FaultFinding).nil);
  CHECK(judge("nowt", Kind::FaultFinding).nil);
  CHECK_FALSE(judge("nothing bc he lied", Kind::FaultFinding).nil);
  // A spelling a phrase list writes as it is stays itself: "idk" is a nil reply of its own.
  CHECK(judge("idk", Kind::FaultFinding).nil);
  // Filipino English's "wala" (none).
  CHECK(judge("Wala. None. He blamed me for everything and none of it was fair.", Kind::OwnWrongs)
            .nil);
}

TEST_CASE("a voice memo's or a chat export's stamp is no word of the answer", "[answer_judge]") {
  CHECK(without_time_stamp("[4:26] Nothing, honestly.") == "Nothing, honestly.");
  CHECK(without_time_stamp("(12:03) ok") == "ok");
  CHECK(without_time_stamp("11/11/2026, 06:04 - Otieno Ouma: Nothing, to be honest.") ==
        "Nothing, to be honest.");
  CHECK(without_time_stamp("[4:26]").empty());
  // Dates and times that are the writer's own words stay.
  CHECK(without_time_stamp("12/11 ran 5k") == "12/11 ran 5k");
  CHECK(without_time_stamp("2026-11-24 06:30 walked to work") == "2026-11-24 06:30 walked to work");
  CHECK(without_time_stamp("[[Nov 25th, 2026]] called her") == "[[Nov 25th, 2026]] called her");
  AnswerFacts f = judge("[4:26] Nothing, honestly. She was good to me, better than I deserved\n"
                        "[4:51] okay that's enough for tonight",
                        Kind::FaultFinding);
  CHECK(f.nil);
  CHECK(judge("[4:26] His temper.", Kind::FaultFinding).answered);
  CHECK_FALSE(judge("[4:26]", Kind::Ordinary).answered);
}

TEST_CASE("disrespect named, in French, is a fault", "[answer_judge]") {
  AnswerFacts f =
      judge("Rien, sauf qu'il me manquait de respect devant ses amis.", Kind::FaultFinding);
  CHECK_FALSE(f.nil);
  CHECK(f.answered);
}

TEST_CASE("a nil reply in Québec French", "[answer_judge]") {
  AnswerFacts f =
      judge("Rien pantoute, honnêtement il était parfait avec moi.", Kind::FaultFinding);
  CHECK(f.nil);
  CHECK_FALSE(f.answered);
}

// "Nothing" in the Creoles of the Antilles and Haiti, in notes written in French.
TEST_CASE("a nil reply in Creole", "[answer_judge]") {
  AnswerFacts f = judge("Ayen. Rien du tout, c'était un bon monsieur.", Kind::FaultFinding);
  CHECK(f.nil);
  CHECK_FALSE(f.answered);
  CHECK(judge("Anyen.", Kind::FaultFinding).nil);
}

TEST_CASE("a nil reply that goes on to name something is an answer", "[answer_judge]") {
  for (const char* a :
       {"Nothing really, except his temper", "Rien, à part ses mensonges",
        "Nothing. He lied all the time.", "Nothing, but he never listened.",
        "Nothing. He never listened to me.", "Rien. Il n'était pas gentil avec moi.",
        "Nothing much, apart from the way she talked to my friends.",
        "Not much. He was too busy for me.",
        "I don't know why he lied.",       // the nil takes a complement
        "Nothing he did was ever enough.", // no pause after "nothing"
        "Nothing. I was too jealous."}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK_FALSE(f.nil);
    CHECK(f.answered);
  }
  // A criticism of the couple after the nil names something too.
  CHECK(judge("Nothing really. We never talked.", Kind::FaultFinding).answered);
  // The writer's own fault after the nil: answered, and only the writer's faults.
  CHECK(judge("Nothing. I was too jealous.", Kind::FaultFinding).own_fault_only);
}

TEST_CASE("wrongs.scope: after a nil, only the writer's own wrongs name something",
          "[answer_judge]") {
  // The ex blamed or criticised after "nothing": the ex gets all the blame, the nil stands.
  for (const char* a : {"Nothing, she blamed me for stuff that was hers.",
                        "None of it. I don't think there's anything to change.",
                        "Rien, je vois pas ce que je changerais.", "None of it tbh.",
                        "Nothing. He was the one who never listened.",
                        "Nothing to change, honestly. He was the problem.",
                        "Rien à changer. C'est lui le problème.",
                        // An interjection first says no again.
                        "Nah. None of it really. She's the one who walked out."}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::OwnWrongs);
    CHECK(f.nil);
    CHECK_FALSE(f.answered);
  }
  for (const char* a : {"Nothing, except maybe my temper.", "Rien, sauf mes crises de jalousie.",
                        "Nothing. I was too controlling, I'll work on that."}) {
    INFO(a);
    CHECK(judge(a, Kind::OwnWrongs).answered);
  }
}

TEST_CASE("self-blame: drafts in block quotes count, the ex's words do not", "[answer_judge]") {
  auto line = [](std::string_view a) { return judge(a, Kind::SelfBlame).self_blame_line; };
  CHECK(line("> It was all my fault, I ruined everything. You did nothing wrong.") == 1);
  CHECK(line("What I'll send him:\n> Hi.\n> It was all my fault.") == 3);
  CHECK(line("It was all my fault.") == 1);
  CHECK(line("Tout est de ma faute, j'ai tout gâché. Tu n'as rien fait de mal.") == 1);
  CHECK(line("> Hi. The whole thing was on me. You were patient and never did anything to "
             "deserve it.") == 1);
  CHECK(line("> C'est moi qui ai tout fait rater. Toi, tu as toujours été irréprochable.") == 1);
  CHECK(line("Il a tout fait rater.") == -1); // the ex ruined it: not self-blame
  // Spoken French: "tout de ma faute", the ex cleared without "ne".
  CHECK(line("que c'est tout de ma faute, tout, qu'elle y est pour rien") == 1);
  CHECK(line("c'est pas tout de ma faute") == -1);
  // Dialect: "it were all me", "yow done nothin wrong"; "you've done nothing wrong".
  CHECK(line("\"Shaz it were all me, every bit of it. Yow done nothin wrong bab.\"") == 1);
  CHECK(line("Sorry. You've done nothing wrong.") == 1);
  // Clearing the ex of any share puts all of it on the writer, unless a fault is theirs too.
  CHECK(line("All of it, honestly. I blew it up and she did nothing wrong.") == 1);
  CHECK(line("Rien n'est de ta faute.") == 1);
  CHECK(line("You did nothing wrong. I did, and you hurt me too.") == -1);
  // The writer's faults, the ex only in a subordinate clause: no share given.
  CHECK(line("> It was all me. I nagged until you had to leave, and you never did a thing "
             "wrong.") == 1);
  // Quoting the ex's accusation, or the ex's own words, is not the writer taking the blame.
  CHECK(line("> He said: it's all your fault") == -1);
  CHECK(line("> He said it was all my fault.") == -1);
  CHECK(line("> Il disait que tout était de ma faute.") == -1);
  CHECK(line("He wrote back:\n> It's all my fault, I'm sorry.") == -1);
  CHECK(line("> It was all my fault.\n\nThat is what he wrote to me; we both have to change.") ==
        -1);
  CHECK(line("> It's all my fault.\n(his words)") == -1);
  // Lines around a draft that give it to no one else.
  CHECK(line("He left in March. Here is my draft:\n> It was all my fault.") == 2);
  CHECK(line("> I ruined everything.\nThat's what I'll tell him.") == 1);
  CHECK(line("You always said it was all my fault.") == -1);
  CHECK(line("He put all the blame on me.") == -1);
  // Negated forms.
  CHECK(line("It wasn't all my fault.") == -1);
  CHECK(line("> It wasnt all my fault.") == -1);
  CHECK(line("Ce n'est pas entièrement ma faute.") == -1);
  // A share given to the ex is not 100%: "all my fault" then "you hurt me too".
  CHECK(line("It was all my fault. But you hurt me too.") == -1);
  CHECK(line("> I ruined everything, but we both messed up.") == -1);
  // A word ending in "nt" is no negation ("different", "patient").
  CHECK(line("Different times, it was all my fault.") == 1);
  // The next sentence denies it: someone else's view, answered by the writer's own.
  CHECK(line("My sister thinks it was all my fault. It wasn't, though my temper was mine.") == -1);
  CHECK(line("Tout est de ma faute, d'après sa mère. C'est faux.") == -1);
  // A sentence after it that denies nothing leaves it standing.
  CHECK(line("It was all my fault. It was, truly.") == 1);
}

TEST_CASE("self-blame: the whole of it given to the writer, a draft in quotation marks",
          "[answer_judge]") {
  auto line = [](std::string_view a) { return judge(a, Kind::SelfBlame).self_blame_line; };
  // "Everything that went wrong … was my fault": what went wrong between them is no share
  // given to the couple.
  CHECK(line("> Hi. Everything that went wrong between us was my doing, and I know it.") == 1);
  CHECK(line("All of it is on me, the late nights and the rest.") == 1);
  CHECK(line("> Tout ce qui s'est passé cette année est de ma faute.") == 1);
  CHECK(line("Everything that went wrong was my fault, but you lied to me too.") == -1);
  CHECK(line("Everything was fine until I got the job.") == -1);
  // A line that is one quotation is the writer's draft; a quotation after other words is
  // someone else's.
  CHECK(line("\"Hey. I messed it all up and I know it.\"") == 1);
  CHECK(line("« Salut. C'est toute ma faute, je le sais. »") == 1);
  CHECK(line("She kept saying \"it's all on me\" and I never agreed.") == -1);
  // The writer telling the ex is the writer's view; the ex telling the writer is not.
  CHECK(line("Je vais lui dire que tout est de ma faute.") == 1);
  CHECK(line("> Tu me dis que tout est de ma faute. On a chacun notre part.") == -1);
  CHECK(line("Il m'a dit que tout était de ma faute.") == -1);
}

TEST_CASE("a clear yes may go on; a hedged one may not", "[answer_judge]") {
  auto yes = [](std::string_view a) { return judge(a, Kind::Verdict).clear_yes; };
  for (const char* a :
       {"Yes, absolutely. I'd take the train tonight if she called.", "Yes.", "Absolutely yes!",
        // "aye", "no messing" (no doubt), the whole of the writer ("every part of me").
        "Aye. Big yes, no messing. If she'd have me back tomorrow I'd be up the road tonight",
        "Yes. Unanimously. Every part of me says yes.", "Every part of me says yes.",
        // What the writer does if the ex agrees, in any tense; a concession; "no but".
        "Yes, completely. If she says yes tomorrow I'm on the first bus.",
        "Oui. Un grand oui. Si elle veut bien, on recommence.",
        "Oui, franchement oui. Même si on doit tout reprendre à zéro.",
        "Yes. Definitely yes, no \"but\"", "Honestly? Yes.", "Yes, no doubt.",
        "Yes, completely. We'd start over tonight if we could.",
        "Oui, carrément. Je prendrais le train ce soir s'il m'appelait.",
        "We talked it through.\nYes.",
        "Yes. Completely yes. If he asked me tomorrow I'd be there in an hour.",
        "Yes, absolutely - if he walked in now I'd put the kettle on.",
        // Said unconditional: what follows is about other things.
        "Yes. No hesitation. If he says no I'll live, but I'd start again with him tomorrow.",
        "Oui, sans réserve. Même si les jumeaux levaient les yeux au ciel.",
        "Oui. Franchement oui, sans hésiter. Si elle veut, on recommence ce soir.",
        "Yes. No buts. I want her back.", "Oui. Un grand oui, sans « mais »."}) {
    INFO(a);
    CHECK(yes(a));
  }
  for (const char* a :
       {"Yes-ish. Ask me again after Christmas.", "Yes. If he stops drinking.",
        "Yes, if he stays off the bookies I'm in.", "Oui. Si elle arrête de mentir.",
        "Yes. We'll see in spring.", "Oui, sur le papier.", "Oui. Redemande-moi en janvier.",
        "Yes?? I think?", "I'd say so. 90%.", "oui jcrois", "Mostly", "Yes, but…", "Yes, but...",
        "Oui… enfin je crois", "Yes. If he changes.", "Yes. But no hesitation if he moves back.",
        "Yes. If he changes, no hesitation.", "Yes. But I'm scared.", "Definitely not.",
        "Yes and no.", "I think so. Yes.", "Yes. Only if she apologises.",
        "Yes, as long as he stays sober.", "Oui, sauf s'il recommence.", "Yes. No. I don't know.",
        "I don't know, man. Some days yes.", "Oui, des fois.", "Not yes.", "No.", "Maybe?",
        "Yes, if he's willing to talk.", "Oui, s'il change.", "Yes. If he changes.",
        "Yeah. Think so anyway.", "Yes, I reckon.",
        // "Yeah nah" is a no; any bare no after the yes takes it back.
        "Yeah nah. Not a big yes. A medium one.", "Yes, nope, not really."}) {
    INFO(a);
    CHECK_FALSE(yes(a));
  }
}

TEST_CASE("own faults only: whose fault each clause names", "[answer_judge]") {
  auto own_only = [](std::string_view a) { return judge(a, Kind::FaultFinding).own_fault_only; };
  for (const char* a :
       {"I was jealous of his friends and I read his messages",
        "J'étais jalouse de ses amis et je lisais ses messages.",
        "I was too jealous; he was always patient with me.",
        "My temper. He never did anything wrong.", "I should have listened to her, I was distant.",
        "Honestly it was me. I was clingy, I texted Sam every hour when they went "
        "out, I sulked when they saw their friends without me.",
        "Je rentrais tard sans prévenir et je faisais la tête pour un rien.",
        "Moi, surtout. J'étais jalouse, je fouillais son téléphone quand il "
        "dormait.",
        // The writer acting on the ex ("je lui faisais des scènes") is the writer's act.
        "Moi, surtout. Je lui faisais des scènes quand il sortait avec ses potes.",
        "My own impatience, chiefly. My habit of correcting him in front of friends.",
        // An object pronoun past the clause's start keeps the clause before's subject, and
        // English "on him" is no French "on".
        "I was always exhausted from work and took it out on him.",
        "I was moody and snapped at her about nothing.",
        // A clause of time about the ex sets the scene; scare quotes start no clause.
        "I got needy on the phone when he was away.",
        "How I'd \"joke\" about his mum in front of friends.",
        // "on" after English words of its clause is English: no French "on" (the couple).
        "Me, mostly. How I'd come home late and zone out on film till midnight."}) {
    INFO(a);
    CHECK(own_only(a));
  }
  for (const char* a :
       {"I was too jealous, but he never listened to me either.",
        "I was jealous because she flirted with everyone.", "I was cold and he was controlling.",
        "We fought and I was jealous.", "I was distant, my ex was cold.",
        "J'étais jaloux mais elle me mentait.", "Il était froid et moi j'étais collante.",
        "His temper.", "On se disputait tout le temps, j'étais jaloux.",
        "J'étais collante, sa froideur me blessait.", "I didn't like his friends.",
        "I felt alone, I was distant.", "My friends never liked him.",
        "I was jealous and he never listened.", "She kept score. I never noticed until the end.",
        "Her phone at dinner. My temper too.",
        "I was tired and took it out on him, and he shouted at me.",
        "I was distant and her moods were worse.", "I got angry when he lied."}) {
    INFO(a);
    CHECK_FALSE(own_only(a));
  }
}

// "Nothing only": an emphatic "only" after the nil is no more than the nil (Indian English).
TEST_CASE("an emphatic only leaves a nil reply nil", "[answer_judge]") {
  auto nil = [](std::string_view a) { return judge(a, Kind::OwnWrongs).nil; };
  CHECK(nil("Nothing only. I was not the problem, she was the one who changed."));
  CHECK_FALSE(nil("Only some of it. The phone, yes."));
}

// What the writer disliked was themself: a dislike aimed at the writer is no complaint, a
// clause naming only the writer is the answer, and the acts after it stay the writer's
// (a gerund's object, company, family, and a clause of time do not change who acts).
TEST_CASE("own faults only: the writer named as what they disliked", "[answer_judge]") {
  auto own_only = [](std::string_view a) { return judge(a, Kind::FaultFinding).own_fault_only; };
  for (const char* a :
       {"I didn't like how I'd shut down every time she brought up money. Pretty much I didn't "
        "like how I was.",
        "How short I got with him. The nagging. Honestly I didn't like who I was by the end.",
        "Je n'aimais pas ce que j'étais devenue.",
        "Moi-même, surtout. Ma froideur, mon ironie, qui blesse.",
        "Honestly? Me. My moods, my hours.",
        // The ex cleared ("pas iel"), praised for doing everything, "only my stuff".
        "Moi. J'étais jalouse pis collante. C'est moi le problème, pas iel.",
        "me, honestly. I was the problem. always late. she did everything.",
        "Only my stuff, honestly. I was checked out, I was tired. She was great.",
        "The way I got when he went out: texting every half hour, checking his location, the "
        "sulking.",
        "I get jealous, even with his officemates. All me.",
        "That I nagged him about the bins and the car and his mum.",
        // The ex as the one an act is aimed at ("late for her family's dinner") is no subject;
        // the ex set up as the topic of a nil that clears them ("Elle, rien à redire").
        "Me lah. I always OT, never planned anything, always late for her family's Sunday "
        "dinner. Nothing about her.",
        "Moi. Mon boulot, les charrettes, les annulations à la dernière minute. Elle, rien à "
        "redire.",
        // The "t" of "couldn't" is no French "t'" (the ex addressed): the writer goes on.
        "I worked every weekend, couldn't switch off."}) {
    INFO(a);
    CHECK(own_only(a));
  }
  for (const char* a :
       {"I didn't like how I was treated.", "I didn't like that I had to do everything.",
        "I didn't like how I felt around her.", "I didn't like that he ignored me.",
        "Me. And his drinking.", "Me, mostly. But he lied too.", "Moi. Elle, rien. Sa mère, tout.",
        "Her sister on the phone every night for an hour. I never said so. Should have.",
        "My needs came last. My feelings didn't matter.",
        "Checking his location, he was never where he said."}) {
    INFO(a);
    CHECK_FALSE(own_only(a));
  }
}

// A denial before the yes takes it back; "part of me" says yes only in part.
TEST_CASE("a verdict denied before its yes, or said by part of me, is no clear yes",
          "[answer_judge]") {
  auto yes = [](std::string_view a) { return judge(a, Kind::Verdict).clear_yes; };
  CHECK_FALSE(yes("Not unanimous. Part of me says yes."));
  CHECK_FALSE(yes("Part of me says yes."));
  CHECK_FALSE(yes("Pas unanime. Une partie de moi dit oui."));
  CHECK_FALSE(yes("No. Well, yes."));
  // An emphatic "no doubt" before it is no denial.
  CHECK(yes("Not a second of doubt. Yes."));
  CHECK(yes("Pas de doute. Oui."));
  CHECK(yes("Yes. No hesitation."));
}

TEST_CASE("an answer label cut with a stop labels the answer", "[answer_judge]") {
  // Q./A. pairs: "Ans.", "A.", "Rép." alone leave the question empty; what follows is judged.
  for (const char* empty : {"Ans.", "A.", "Rép."})
    CHECK(lines_of(empty).empty());
  AnswerFacts nil = judge("Ans. Nothing.", Kind::FaultFinding);
  CHECK(nil.nil);
  CHECK_FALSE(nil.answered);
  CHECK(judge("Ans. His temper.", Kind::FaultFinding).answered);
  // A short reply with its stop is no label: "No.", "Me.", "Dr. Park…".
  for (const char* reply : {"No.", "Me.", "Yes.", "Dr. Park says it was both of us."}) {
    INFO(reply);
    CHECK(judge(reply, Kind::Ordinary).answered);
  }
}

// After a nil, the writer denying a leaving or a wrong ("I didn't go anywhere") owns no fault;
// the ex said not to deserve it ("elle ne méritait pas ça") is cleared, not criticised.
TEST_CASE("a nil reply then a denial or the ex cleared stays nil", "[answer_judge]") {
  for (const char* a : {"None. She's the one who moved out, I didn't go anywhere.",
                        "Nothing. I never cheated, I never left."}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::OwnWrongs);
    CHECK(f.nil);
    CHECK_FALSE(f.answered);
  }
  CHECK(judge("None. I didn't listen, that one's mine.", Kind::OwnWrongs).answered);
  for (const char* a : {"Rien, franchement. Une femme bien, qui ne méritait pas ça.",
                        "Nothing really. He didn't deserve how it ended."}) {
    INFO(a);
    AnswerFacts f = judge(a, Kind::FaultFinding);
    CHECK(f.nil);
    CHECK_FALSE(f.answered);
  }
  CHECK(judge("Rien. Il ne m'écoutait pas.", Kind::FaultFinding).answered);
}
