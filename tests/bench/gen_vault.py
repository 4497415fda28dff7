#!/usr/bin/env python3
"""A deterministic generator of journaling vaults for the benchmarks (tests/bench/README.md).

    gen_vault.py OUT_DIR --notes 1000 [--seed 1]   # a vault: OUT_DIR/journal/..., OUT_DIR/notes/...
    gen_vault.py OUT_DIR --notes 1000 --profile diary   # the diary-heavy profile (below)
    gen_vault.py OUT_DIR --single                  # OUT_DIR/note-10k.md, note-100k.md, note-1m.md

The same arguments always give the same bytes (random.Random(seed), no clock). Notes are
200 B-50 KB (log-uniform), with a few ~1 MB ones; they hold headings, lists, quotes, tasks,
links, code, tables, non-ASCII text; one in eight is written with CRLF; about a fifth hold
reflection questions (the pack's wording, aliases or a person's own), some answered.

The "diary" profile (issue 13) is a vault unlike the one above (whose filler is drawn from the
questions' own words): years of daily journals in rich everyday vocabulary that shares many words
with the questions (he, she, relationship, change, afraid, needs, week...), with bold words,
links, lists, label items ("- Mood: tired"), everyday lines ending in "?", topic notes (people,
books, projects) and a few ~1 MB notes; a fifth are written with a reflection, and about a
quarter of its notes hold a catalogue question as mend recognises them, the rest none. Notes are
500 B-50 KB (log-uniform): ~13 KB on average.
"""
import argparse
import math
import os
import random

WORDS = ("the a of and to in was it that he she I we my me his her not but so with for on at as "
         "this had been would could really felt feel think thought always never sometimes again "
         "morning evening walk coffee work friends family call message silence distance weekend "
         "trip apartment music train rain letter dinner argument laugh tired hope afraid angry calm "
         "remember tomorrow yesterday week month year moving plans trust space time change habit "
         "café naïve déjà-vu cœur über façade jalapeño niño smörgåsbord").split()
EMOJI = ["🙂", "😢", "☕", "🌧️", "❤️", "🚆", "✨"]

QUESTIONS = [
    "What did he say when he left?",
    "What were his official reasons for ending it: what did he actually tell you?",
    "What were the unofficial reasons: what did he never say clearly, yet you could feel?",
    "What wasn't working between the two of you?",
    "What didn't you like about the relationship?",
    "Are these reasons reversible?",
    "Do you want to change everything he blamed you for, or only part of it?",
    "Can you change this on your own?",
    "Did the relationship match your ideal?",
    "Did the relationship respect your needs and your limits?",
    "Does this relationship stand a real chance in the future?",
    "Are you afraid of being alone?",
    "Do you tend to hold on tighter when a partner pushes you away?",
    "Does the fear of being abandoned or betrayed weigh on you?",
    "What will this reflection help you avoid in your next relationship?",
    "What did you do this week that shows the change?",
    "Which mistakes will you consciously stop repeating?",
    "How could the two of you change the way you interact?",
]
STEP_TITLES = ["Why it ended", "Understand your real motives", "Assess your own wrongs",
               "Evaluate the relationship itself", "Identify your mechanisms in love", "Log of the change"]


class Writer:
    def __init__(self, rng):
        self.rng = rng

    def words(self, lo, hi):
        r = self.rng
        n = r.randint(lo, hi)
        out = [r.choice(WORDS) for _ in range(n)]
        if r.random() < 0.05:
            out.insert(r.randrange(len(out) + 1), r.choice(EMOJI))
        if r.random() < 0.1:
            k = r.randrange(len(out))
            out[k] = f"[{out[k]}](https://example.org/{r.randint(1, 999)})"
        if r.random() < 0.1:
            k = r.randrange(len(out))
            out[k] = f"**{out[k]}**" if r.random() < 0.5 else f"_{out[k]}_"
        if r.random() < 0.05:
            k = r.randrange(len(out))
            out[k] = f"[[note {r.randint(1, 300)}]]"
        s = " ".join(out)
        return s[0].upper() + s[1:]

    def sentence(self):
        return self.words(5, 18) + self.rng.choice([".", ".", ".", "!", "…"])

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 5)))

    def block(self):
        r = self.rng
        k = r.random()
        if k < 0.45:
            return self.paragraph()
        if k < 0.60:
            return "\n".join(f"- {self.words(3, 12)}" for _ in range(r.randint(2, 6)))
        if k < 0.68:
            return "\n".join(f"{i + 1}. {self.words(3, 10)}" for i in range(r.randint(2, 5)))
        if k < 0.76:
            return "\n".join(f"- [{'x' if r.random() < 0.4 else ' '}] {self.words(2, 8)}" for _ in range(r.randint(2, 5)))
        if k < 0.84:
            return "\n".join(f"> {self.sentence()}" for _ in range(r.randint(1, 3)))
        if k < 0.88:
            return "- " + self.words(3, 8) + "\n  - " + self.words(3, 8) + "\n    - " + self.words(2, 6)
        if k < 0.91:
            return "```\n" + "\n".join(self.words(2, 6) for _ in range(r.randint(1, 4))) + "\n```"
        if k < 0.93:
            return "| day | mood |\n| --- | --- |\n" + "\n".join(f"| {r.randint(1, 28)} | {r.choice(WORDS)} |" for _ in range(3))
        if k < 0.95:
            return "---"
        return f"[ref{r.randint(1, 9)}]: https://example.org/{r.randint(1, 99)}"

    def heading(self, level=None):
        level = level or self.rng.choice([1, 2, 2, 2, 3, 3])
        return "#" * level + " " + self.words(1, 5)

    def reflection(self):
        """A section with the pack's questions (or close wording), some answered."""
        r = self.rng
        out = [f"## {r.choice(STEP_TITLES)}"] if r.random() < 0.6 else []
        for q in r.sample(QUESTIONS, r.randint(1, 5)):
            form = r.random()
            if form < 0.6:
                out.append(f"### {q}")
            elif form < 0.8:
                out.append(f"**{q}**")
            else:
                out.append(f"- {q}")
            if r.random() < 0.7:
                out.append(self.paragraph())
            elif r.random() < 0.5:
                out.append("_your answer_")
        return "\n\n".join(out)

    # How a note is laid out: the share of notes with front matter, where the reflection goes
    # (after this share of the note, or earlier by this chance per block), headings per block.
    FRONT_MATTER, REFLECT_AFTER, REFLECT_CHANCE, HEADING_CHANCE = 0.3, 0.3, 0.1, 0.12

    def front_matter(self, title):
        return f"---\ntitle: {title}\ntags: [journal]\n---"

    def note(self, size, reflective, title):
        r = self.rng
        parts = []
        if r.random() < self.FRONT_MATTER:
            parts.append(self.front_matter(title))
        parts.append(f"# {title}")
        total = sum(len(p) + 2 for p in parts)
        asked = False
        while total < size:
            if reflective and not asked and (total > size * self.REFLECT_AFTER or
                                             r.random() < self.REFLECT_CHANCE):
                p = self.reflection()
                asked = True
            elif r.random() < self.HEADING_CHANCE:
                p = self.heading()
            else:
                p = self.block()
            parts.append(p)
            total += len(p.encode()) + 2
        if reflective and not asked:
            parts.append(self.reflection())
        return "\n\n".join(parts) + "\n"


DIARY_WORDS = (
    "the a an of and to in was is it that he she I we you they my me his her him our their not "
    "but so with for on at as this had have been would could should will really felt feel think "
    "thought always never sometimes often again still already just maybe perhaps almost quite "
    "morning afternoon evening night noon breakfast lunch dinner coffee tea bread soup pasta "
    "garden kitchen balcony office desk window door street market bakery library station bus "
    "train bike car tram airport river park forest beach hill lake bridge square village city "
    "rain sun wind snow fog cloud storm heat cold spring summer autumn winter weather light "
    "work meeting project deadline email report client colleague manager team plan budget "
    "friends family mother father sister brother cousin neighbour child children dog cat "
    "distance space time habit week month year "
    "talk talked call called message wrote letter laugh cried smiled argued listened waited "
    "walk walked ran cooked read watched cleaned fixed bought sold painted planted slept woke "
    "tired happy sad angry anxious grateful proud bored restless curious "
    "book film music song concert museum exhibition game match class lesson course exam "
    "doctor dentist appointment pharmacy groceries laundry rent bills taxes repair paint "
    "remember tomorrow yesterday today tonight later soon weekend holiday trip journey visit "
    "idea question answer feeling moment memory dream plan promise decision choice "
    "small big short quiet loud warm slow quick early late new old first last best worst "
    "café naïve déjà-vu über façade jalapeño").split()
# The questions' own words, drawn now and then: a diary speaks of love and change, but mostly of
# everything else.
DIARY_OVERLAP = ("partner relationship love trust needs limits change changes reasons future ideal "
                 "alone afraid fear together apart mistakes lesson blamed reversible abandoned "
                 "betrayed working respect chance calm hopeful lonely reason long").split()
DIARY_SECTIONS = ["Morning", "Afternoon", "Evening", "Night", "Work", "Today", "Gratitude",
                  "Notes", "Health", "Food", "Reading", "Ideas", "To do", "Done", "Weather",
                  "People", "Plans", "Thoughts", "Dreams", "Highlights"]
DIARY_LABELS = ["Mood", "Sleep", "Weather", "Energy", "Steps", "Read", "Ate", "Watched",
                "Grateful for", "Win of the day", "Worry", "Tomorrow", "Met", "Spent"]
DIARY_ASKS = ["What should I cook {w}?", "Why is the {w} always late?", "Did I {w} enough today?",
              "Is it too late to call {w}?", "Where did I put the {w}?",
              "Should we go to the {w} on the weekend?", "What time is the {w} tomorrow?",
              "How long does {w} take?", "Who was at the {w} yesterday?",
              "Can I finish the {w} by Friday?", "Was it the {w} or the weather?",
              "Why did she laugh at the {w}?", "What did he mean about the {w}?",
              "Are we out of {w} again?"]


OVERLAP_RATE = 0.02


class DiaryWriter(Writer):
    """The diary-heavy profile: prose of everyday life whose words overlap the questions'."""

    def words(self, lo, hi):
        r = self.rng
        out = [r.choice(DIARY_OVERLAP) if r.random() < OVERLAP_RATE else r.choice(DIARY_WORDS)
               for _ in range(r.randint(lo, hi))]
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            k = r.randrange(len(out))
            t = r.random()
            if t < 0.45:
                out[k] = f"**{out[k]}**"
            elif t < 0.6:
                out[k] = f"_{out[k]}_"
            elif t < 0.8:
                out[k] = f"[[{out[k]}]]"
            elif t < 0.9:
                out[k] = f"[{out[k]}](https://example.org/{r.randint(1, 999)})"
            else:
                out[k] = f"#{out[k]}"
        if r.random() < 0.03:
            out.insert(r.randrange(len(out) + 1), r.choice(EMOJI))
        s = " ".join(out)
        return s[0].upper() + s[1:]

    def ask(self):
        return self.rng.choice(DIARY_ASKS).format(w=self.rng.choice(DIARY_WORDS))

    def sentence(self):
        r = self.rng
        if r.random() < 0.06:
            return self.ask()
        return self.words(6, 22) + r.choice([".", ".", ".", ".", "!", "…", "?"])

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 7)))

    def block(self):
        r = self.rng
        k = r.random()
        if k < 0.52:
            return self.paragraph()
        if k < 0.64:
            return "\n".join(f"- {self.words(2, 10)}" for _ in range(r.randint(2, 7)))
        if k < 0.70:
            return "\n".join(f"- {r.choice(DIARY_LABELS)}: {self.words(1, 6).lower()}"
                             for _ in range(r.randint(2, 5)))
        if k < 0.76:
            return "\n".join(f"- [{'x' if r.random() < 0.6 else ' '}] {self.words(2, 7)}"
                             for _ in range(r.randint(2, 6)))
        if k < 0.80:
            return "\n".join(f"{i + 1}. {self.words(3, 10)}" for i in range(r.randint(2, 5)))
        if k < 0.85:
            return self.ask()
        if k < 0.90:
            return "\n".join(f"> {self.sentence()}" for _ in range(r.randint(1, 3)))
        if k < 0.93:
            return f"**{self.words(1, 4)}** {self.words(5, 15)}."
        if k < 0.95:
            return "- " + self.words(3, 8) + "\n  - " + self.words(3, 8) + "\n  - " + self.words(2, 6)
        if k < 0.965:
            return "```\n" + "\n".join(self.words(2, 6) for _ in range(r.randint(1, 3))) + "\n```"
        if k < 0.98:
            return "| time | what |\n| --- | --- |\n" + "\n".join(
                f"| {r.randint(6, 22)}:00 | {self.words(1, 4)} |" for _ in range(r.randint(2, 4)))
        return "---"

    def heading(self, level=None):
        r = self.rng
        level = level or r.choice([2, 2, 2, 3, 3])
        return "#" * level + " " + (r.choice(DIARY_SECTIONS) if r.random() < 0.7 else self.words(1, 4))

    FRONT_MATTER, REFLECT_AFTER, REFLECT_CHANCE, HEADING_CHANCE = 0.4, 0.4, 0.05, 0.15

    def front_matter(self, title):
        r = self.rng
        if title[:2] == "20":
            return f"---\ndate: {title}\ntags: [{r.choice(['daily', 'journal', 'log'])}]\n---"
        return f"---\ntags: [{r.choice(['people', 'books', 'ideas'])}]\n---"


def diary_vault(out, count, seed):
    rng = random.Random(seed)
    w = DiaryWriter(rng)
    big = max(1, count // 2000)
    for i in range(count):
        reflective = rng.random() < 0.2
        if i % (count // big) == count // big - 1:
            size = 1_000_000 + rng.randint(0, 50_000)
        else:
            size = int(math.exp(rng.uniform(math.log(500), math.log(50_000))))
        if rng.random() < 0.75:
            day = i % 28 + 1
            month = (i // 28) % 12 + 1
            year = 2011 + (i // 336) % 15
            rel = f"journal/{year}/{month:02d}/{year}-{month:02d}-{day:02d}-{i}.md"
            title = f"{year}-{month:02d}-{day:02d}"
        else:
            kind = rng.choice(["people", "books", "projects", "places", "ideas"])
            rel = f"topics/{kind}/{kind}-{i:05d}.md"
            title = w.words(1, 4)
        write(os.path.join(out, rel), w.note(size, reflective, title), crlf=rng.random() < 0.05)


def note_size(rng):
    # 200 B - 50 KB, log-uniform: most notes are short, a few are long.
    return int(math.exp(rng.uniform(math.log(200), math.log(50_000))))


def write(path, text, crlf):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.replace("\n", "\r\n") if crlf else text
    with open(path, "wb") as f:
        f.write(data.encode("utf-8"))


def vault(out, count, seed):
    rng = random.Random(seed)
    w = Writer(rng)
    big = max(1, count // 2000)  # a few ~1 MB notes: 1 per 1k... 5 per 10k
    for i in range(count):
        reflective = rng.random() < 0.2
        size = 1_000_000 + rng.randint(0, 50_000) if i % (count // big) == count // big - 1 else note_size(rng)
        if rng.random() < 0.5:
            day = i % 28 + 1
            month = (i // 28) % 12 + 1
            year = 2024 + (i // 336) % 3
            rel = f"journal/{year}/{month:02d}/{year}-{month:02d}-{day:02d}-{i}.md"
            title = f"{year}-{month:02d}-{day:02d}"
        else:
            rel = f"notes/{rng.choice(['people', 'thoughts', 'letters', 'misc'])}/note-{i:05d}.md"
            title = w.words(2, 6)
        write(os.path.join(out, rel), w.note(size, reflective, title), crlf=rng.random() < 0.125)


def singles(out, seed):
    rng = random.Random(seed)
    w = Writer(rng)
    for name, size in (("note-10k.md", 10_000), ("note-100k.md", 100_000), ("note-1m.md", 1_000_000)):
        write(os.path.join(out, name), w.note(size, True, name[:-3]), crlf=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--single", action="store_true")
    ap.add_argument("--profile", choices=["bench", "diary"], default="bench",
                    help="bench: the suite's own vault; diary: the diary-heavy one (issue 13)")
    a = ap.parse_args()
    if a.single:
        singles(a.out, a.seed)
    elif a.profile == "diary":
        diary_vault(a.out, a.notes, a.seed)
    else:
        vault(a.out, a.notes, a.seed)


if __name__ == "__main__":
    main()
