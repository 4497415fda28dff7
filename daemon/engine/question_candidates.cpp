// Candidate lines and marker comments of a note (question_candidates.h).
#include "daemon/engine/question_candidates.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>
#include <utility>

#include "daemon/engine/normalize.h"
#include "daemon/engine/text.h"
#include "daemon/engine/thread_memo.h"

namespace mend::engine {

std::size_t count_words(std::string_view s) {
  // Runs of letters and digits, read on every keystroke without a folded copy. A byte of a
  // multi-byte character is a letter unless the character is typographic punctuation ("’",
  // "…", "«", "—", a no-break space: the C2 and E2 lead bytes, as has_no_word() reads them).
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool word;
    std::size_t length = 1;
    if (c < 0x80) {
      word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    } else {
      length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      word = c != 0xC2 && c != 0xE2;
    }
    if (word && !in_word) ++words;
    in_word = word;
    i += length;
  }
  return words;
}

namespace {

// A stand-alone question line longer than this is prose.
constexpr std::size_t kMaxQuestionLine = 300;
// A label ("Reasons she gave: …") or a plain item or line without "?" is a few words; longer,
// it is a sentence someone wrote, not a question they posed.
constexpr std::size_t kMaxLabelWords = 16;
// A follow-up question after the first on its line ("… respected? My limits?").
constexpr std::size_t kMaxFollowUpWords = 6;
// A label that asks may be a whole question before its colon ("Est-ce que je veux tout changer
// de ce qu'il me reproche, ou seulement une partie : Tout.").
constexpr std::size_t kMaxLabelQuestionWords = 24;
// A further question on a line after an answer ("… Oui. Besoins respectés ? Oui.") is short.
constexpr std::size_t kMaxFurtherWords = 16;
// ... after an answer of at most this many words.
constexpr std::size_t kMaxFurtherAnswerWords = 40;
constexpr std::size_t kMaxLooseWords = 18;
// Short: a question someone posed without "?" ("what did he tell me"), not a line of prose.
constexpr std::size_t kMaxLooseLineWords = 10;

std::string_view first_line(std::string_view text, std::size_t start, std::size_t end) {
  std::string_view s = text.substr(start, end - start);
  // A plain loop: string_view::find_first_of with a set calls memchr on the set per byte.
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || s[i] == '\r') return s.substr(0, i);
  return s;
}

// Where a yes-or-no marker ending the line starts ("worth it y/n", "(o/n)", "yes/no"), after
// the space before it; npos when the line ends otherwise.
std::size_t yes_no_marker(std::string_view line) {
  std::string_view t = trim_end(line);
  bool bracketed = t.ends_with(")") || t.ends_with("]");
  if (bracketed) t.remove_suffix(1);
  for (std::string_view marker : {"y/n", "o/n", "yes/no", "oui/non"}) {
    if (t.size() <= marker.size() + (bracketed ? 1 : 0)) continue;
    std::string_view end = t.substr(t.size() - marker.size());
    bool same = std::equal(end.begin(), end.end(), marker.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
    if (!same) continue;
    std::size_t at = t.size() - marker.size();
    if (bracketed) {
      if (t[at - 1] != '(' && t[at - 1] != '[') continue;
      --at;
    }
    if (at == 0 || t[at - 1] != ' ') continue;
    return at;
  }
  return std::string_view::npos;
}

// A line opening in bold ("**Big yes?** No.") or with an Org-style heading's stars ("** What I
// tell her") sets off a thought of its own, even after a line that ran on ("* Talking to her").
bool opens_in_bold(std::string_view line) {
  std::string_view t = trim(line);
  return t.starts_with("**") || t.starts_with("__");
}

bool ends_with_question_mark(std::string_view s) {
  s = trim(s);
  if (s.ends_with("?")) return true;
  // "Are you afraid? **" or "…?*": emphasis closing after the mark.
  while (!s.empty() && (s.back() == '*' || s.back() == '_' || s.back() == ' '))
    s.remove_suffix(1);
  return s.ends_with("?") || s.ends_with("？") || yes_no_marker(s) != std::string_view::npos;
}

// "incl", "e.g", "vs", "Dr", a single letter: the word before a "." that ends no sentence.
bool ends_with_abbreviation(std::string_view before_stop) {
  std::size_t i = before_stop.size();
  // Any byte of a UTF-8 sequence is part of a word: "sûr." is no "r." abbreviation.
  while (i > 0 &&
         (std::isalpha(static_cast<unsigned char>(before_stop[i - 1])) ||
          static_cast<unsigned char>(before_stop[i - 1]) >= 0x80 || before_stop[i - 1] == '.'))
    --i;
  std::string word(before_stop.substr(i));
  for (char& ch : word)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (word.size() == 1) return true;
  for (std::string_view abbreviation :
       {"incl", "e.g", "i.e", "vs", "esp", "approx", "cf", "mr", "mrs", "ms", "dr"})
    if (word == abbreviation) return true;
  return false;
}

// Where the last sentence of `s` starts: after the last ". ", "! " or "? " before its end.
std::size_t last_sentence_start(std::string_view s) {
  std::string_view body = s;
  while (!body.empty() && (body.back() == '?' || body.back() == ' ' || body.back() == ':'))
    body.remove_suffix(1);
  for (std::size_t i = body.size(); i-- > 1;)
    if (body[i] == ' ' && (body[i - 1] == '.' || body[i - 1] == '!' || body[i - 1] == '?') &&
        !(body[i - 1] == '.' && ends_with_abbreviation(body.substr(0, i - 1)))) {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ')
        ++j;
      return j;
    }
  return 0;
}

// A word that asks what, why, how…: "what", "wht", "qu" (of "qu'est-ce"), "pourquoi".
bool is_asking_word(const std::string& word) {
  static const std::unordered_set<std::string> asking = {
      "what",   "whats", "wht",     "wat",     "wot",      "whit",   "how",  "why",
      "which",  "who",   "when",    "where",   "qu",       "que",    "quoi", "quel",
      "quelle", "quels", "quelles", "comment", "pourquoi", "combien"};
  return asking.count(word) > 0;
}

// "what must change", "and how long", "qu'est-ce qui", "pourquoi": a fragment that asks.
bool opens_with_a_wh_word(std::string_view text) {
  std::vector<std::string> words = split_words(fold_for_match(text.substr(0, 40)));
  std::size_t i = 0;
  if (i < words.size() && (words[i] == "and" || words[i] == "et" || words[i] == "or" ||
                           words[i] == "ou" || words[i] == "but" || words[i] == "mais"))
    ++i;
  if (i >= words.size()) return false;
  if (words[i] == "est") return i + 1 < words.size() && words[i + 1] == "ce"; // "est-ce que"
  // "qu'elle en avait marre", "que je rentrais tard", "que sa sœur…": a clause of what was
  // said or felt, as answers open, not "que faire", "qu'est-ce", "que veut-il".
  if ((words[i] == "qu" || words[i] == "que") && i + 1 < words.size()) {
    static const std::unordered_set<std::string> said_of = {
        "il",  "elle", "on", "ils", "elles", "je", "j",   "tu", "nous", "vous", "sa",
        "son", "ses",  "le", "la",  "les",   "l",  "mon", "ma", "mes",  "c",    "ca"};
    if (said_of.count(words[i + 1])) return false;
  }
  return is_asking_word(words[i]);
}

// "and is any of it fixable": `text` without the "and", "or" or "but" (or French's) it opens
// with, as a question going on from the one before opens.
std::string_view without_leading_conjunction(std::string_view text) {
  std::string_view t = trim(text);
  for (std::string_view c : {"and ", "or ", "but ", "et ", "ou ", "mais "})
    if (t.size() > c.size() && std::equal(c.begin(), c.end(), t.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        }))
      return trim(t.substr(c.size()));
  return t;
}

// "were my needs respected", "is it reversible", "est-ce que": a yes-or-no question's inverted
// opening, which no statement has.
bool opens_inverted(std::string_view text) {
  std::vector<std::string> words = split_words(fold_for_match(text.substr(0, 40)));
  if (words.size() < 2) return false;
  static const std::unordered_set<std::string> auxiliaries = {
      "is",  "was",   "were", "are",  "am",  "do",   "does",  "did",
      "can", "could", "has",  "have", "had", "will", "would", "should"};
  static const std::unordered_set<std::string> subjects = {
      "i",   "it",    "he",  "she",  "they", "we",  "you",   "my", "his",
      "her", "their", "our", "this", "that", "the", "there", "me"};
  if (words[0] == "est") return words[1] == "ce";
  return auxiliaries.count(words[0]) && subjects.count(words[1]);
}

// Ends like a sentence someone wrote ("I went to the gym.") rather than a title or a label.
bool ends_like_sentence(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '*' || s.back() == '_'))
    s.remove_suffix(1);
  return s.ends_with(".") || s.ends_with("!") || s.ends_with("…") || s.ends_with(";") ||
         s.ends_with(",");
}

// "Shona says look at how I am in love, so:", "… alors voilà, donc :": a sentence running on
// into what follows, no label.
bool runs_on_into_what_follows(std::string_view label) {
  std::vector<std::string> words = split_words(fold_for_match(label));
  return words.size() >= 3 && (words.back() == "so" || words.back() == "donc");
}

// "Yes??", "I think?", "Oui ? Je pense ?", "maybe?": words that reply, however unsure, rather
// than ask on.
bool opens_with_a_reply(std::string_view text) {
  static const char* const replies[] = {"yes",   "yeah",    "yep",      "yup",    "aye", "no",
                                        "nope",  "nah",     "oui",      "ouais",  "non", "si",
                                        "maybe", "perhaps", "probably", "mostly", "i",   "je",
                                        "j",     "idk",     "dunno",    "bof",    "peut"};
  std::string folded = fold_for_match(text.substr(0, std::min<std::size_t>(text.size(), 24)));
  std::vector<std::string> words = split_words(folded);
  return !words.empty() && std::any_of(std::begin(replies), std::end(replies),
                                       [&](const char* r) { return words.front() == r; });
}

// "? no. i wanted a partner", "? Oui, au début": the text after a question starts with a
// reply, not with more prose ("Did he even love me? I keep wondering.").
// The question may be asked again in other words first ("was he what i wanted? the marriage i
// wanted? no.").
bool replies_at(std::string_view rest, bool again = true) {
  std::string first;
  for (char ch : trim(rest)) {
    if (!std::isalpha(static_cast<unsigned char>(ch))) break;
    first += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  for (std::string_view reply : {"yes", "yeah", "yep", "no", "nope", "nah", "maybe", "not", "never",
                                 "oui", "ouais", "non", "bof", "jamais", "pas"})
    if (first == reply) return true;
  std::size_t q = rest.find('?');
  return again && q != std::string_view::npos && count_words(rest.substr(0, q)) <= 6 &&
         replies_at(rest.substr(q + 1), false);
}

// Only a closing quote, spaces or stops after `at`: a quoted question that ends its line ends
// the line's own ("… avec ma tante qui me demande « w fin l3rees ? »").
bool ends_the_line(std::string_view line, std::size_t at) {
  std::string_view rest = line.substr(at + 1);
  std::size_t i = 0;
  while (i < rest.size()) {
    if (rest[i] == ' ' || rest[i] == '"' || rest[i] == '?' || rest[i] == '!' || rest[i] == '.') {
      ++i;
    } else if (rest.compare(i, 3, "\u201d") == 0) {
      i += 3;
    } else if (rest.compare(i, 2, "\u00bb") == 0 || rest.compare(i, 2, "\u00a0") == 0) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// The line's first "?" (or fullwidth "？") outside brackets and outside someone's quoted speech:
// "tell me what he wants (Kenora?)" asks nothing of the writer, the aside does.
std::size_t question_mark_of(std::string_view line) {
  // Most lines hold no "?" and no bracket or quote before it: memchr finds that out.
  std::size_t q = line.find('?');
  if (q == std::string_view::npos) q = line.find("？");
  if (q == std::string_view::npos) return q;
  std::string_view before = line.substr(0, q);
  if (before.find('(') == std::string_view::npos && before.find('"') == std::string_view::npos &&
      before.find("\u201c") == std::string_view::npos &&
      before.find("\u00ab") == std::string_view::npos)
    return q;
  // A "?" in brackets is an aside; one in quotes opened after the line's first words is someone's
  // speech ("Rewriting her stuff → I say “do you want notes?”"), not the line asking.
  int depth = 0;
  bool words_before = false;
  bool in_straight = false, straight_speech = false; // "…"
  bool curly_speech = false;                         // “…”, «…»
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '(') {
      ++depth;
    } else if (line[i] == ')' && depth > 0) {
      --depth;
    } else if (line[i] == '"') {
      in_straight = !in_straight;
      straight_speech = in_straight && words_before;
    } else if (line.compare(i, 3, "\u201c") == 0 || line.compare(i, 2, "\u00ab") == 0) {
      curly_speech = words_before;
    } else if (line.compare(i, 3, "\u201d") == 0 || line.compare(i, 2, "\u00bb") == 0) {
      curly_speech = false;
    } else if (depth == 0 && (line[i] == '?' || line.compare(i, 3, "？") == 0) &&
               ((!straight_speech && !curly_speech) || ends_the_line(line, i))) {
      return i;
    }
    if (std::isalpha(static_cast<unsigned char>(line[i]))) words_before = true;
  }
  return std::string_view::npos;
}

// Where a line's first thought ends, when something follows it on the line: the first ". "
// that ends a sentence (not "Dr. "), or a dash or an arrow set off by spaces ("stuff i didnt
// like - his temper", "-> a weekly talk", "what he said >> …"), which sets a thought off from
// its answer.
struct LineBreak {
  std::size_t at = std::string_view::npos; // npos: none
  bool dash = false;
  bool arrow = false;     // "->", "=>", "→", "➜", ">>": never inside a label, as a dash may be
  bool long_dash = false; // "—", "–": a typed label's ("Unofficial — he didn't want…")
};
LineBreak first_break(std::string_view line) {
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    std::size_t after = std::string_view::npos;
    bool dash = false, arrow = false, long_dash = false;
    if (line[i] == '.' && line[i + 1] == ' ' && i > 0 && line[i - 1] != '.' &&
        !ends_with_abbreviation(line.substr(0, i))) {
      after = i + 1;
    } else if (line[i] == ' ' &&
               std::string_view("-=>;\xE2").find(line[i + 1]) != std::string_view::npos) {
      // ">>" and ";;" set a flashcard's answer off from its question (RemNote's cards). Only
      // after a blank followed by a mark's first byte: a line has many blanks and few marks.
      // "--" is the long dash as typed without one ("… finir tout seul -- Mon chum Ti-Guy").
      for (std::string_view mark : {"-> ", "--> ", "=> ", "→ ", "⇒ ", "➜ ", "➔ ", "➡ ", "— ", "– ",
                                    "-- ", "- ", ">> ", ";; "})
        if (line.substr(i + 1, mark.size()) == mark) {
          after = i + 1 + mark.size();
          dash = true;
          long_dash = mark == "— " || mark == "– " || mark == "-- ";
          arrow = !long_dash && mark != "- " && mark != ";; ";
          break;
        }
    }
    // "What tells me I won't end up alone TODO ask Mum": a to-do in capitals sets itself off
    // as a dash does, the question left for later.
    if (after == std::string_view::npos && line[i] == ' ' && line.substr(i + 1, 4) == "TODO" &&
        (i + 5 >= line.size() || line[i + 5] == ' ' || line[i + 5] == ':')) {
      after = i + 1;
      dash = true;
    }
    if (after == std::string_view::npos) continue;
    if (trim(line.substr(after)).empty()) return {};
    return {i, dash, arrow, long_dash};
  }
  return {};
}

// <!-- mend:q why.official -->, <!-- mend:step why --> and <!-- mend:ignore --> in an HTML
// block that starts at byte `base` of the note.
void markers_in(std::string_view html, int block, std::size_t base, std::vector<Marker>& out) {
  std::size_t pos = 0;
  while ((pos = html.find("mend:", pos)) != std::string_view::npos) {
    std::size_t open = html.rfind("<!--", pos);
    std::size_t p = pos + 5;
    bool step = false;
    if (html.substr(p, 6) == "ignore") {
      std::size_t close = html.find("-->", p + 6);
      if (open != std::string_view::npos && close != std::string_view::npos &&
          trim(html.substr(p + 6, close - p - 6)).empty())
        out.push_back({block, false, "", true, base + open, base + close + 3});
      pos = p + 6;
      continue;
    }
    if (html.substr(p, 2) == "q " || html.substr(p, 2) == "q\t") {
      p += 2;
    } else if (html.substr(p, 5) == "step " || html.substr(p, 5) == "step\t") {
      step = true;
      p += 5;
    } else {
      pos = p;
      continue;
    }
    while (p < html.size() && html[p] == ' ')
      ++p;
    std::size_t id_start = p;
    while (p < html.size() && (std::isalnum(static_cast<unsigned char>(html[p])) ||
                               html[p] == '.' || html[p] == '-' || html[p] == '_'))
      ++p;
    std::string id(html.substr(id_start, p - id_start));
    std::size_t close = html.find("-->", p);
    if (open != std::string_view::npos && close != std::string_view::npos && !id.empty() &&
        trim(html.substr(p, close - p)).empty())
      out.push_back({block, step, id, false, base + open, base + close + 3});
    pos = p;
  }
}

// Does list item `i` hold blocks of its own under its first line (a nested list, a paragraph)?
bool nests_items(const std::vector<Block>& blocks, std::size_t i) {
  if (i + 1 < blocks.size() && blocks[i + 1].parent == static_cast<int>(i) &&
      !blocks[i + 1].item_lead)
    return true;
  for (std::size_t j = i + 1; j < blocks.size() && blocks[j].start < blocks[i].end; ++j)
    if (!blocks[j].item_lead) return true;
  return false;
}

// Is list item `i` numbered ("1.", "2)") and does it hold more under its first line: its
// paragraph's next lines, or blocks of its own (an answer written under the item)?
bool numbered_item_over_answer(std::string_view text, const std::vector<Block>& blocks,
                               std::size_t i) {
  const Block& item = blocks[i];
  std::string_view marker = trim(text.substr(item.start, item.text_start - item.start));
  std::size_t digits = 0;
  while (digits < marker.size() && std::isdigit(static_cast<unsigned char>(marker[digits])))
    ++digits;
  if (digits == 0 || digits >= marker.size() || (marker[digits] != '.' && marker[digits] != ')'))
    return false;
  std::size_t nl = text.find('\n', item.text_start);
  if (nl != std::string_view::npos && nl < item.text_end &&
      !trim(text.substr(nl, item.text_end - nl)).empty())
    return true;
  return item.end > item.text_end &&
         !trim(text.substr(item.text_end, item.end - item.text_end)).empty();
}

// "#reflection #conor": a line of tags (Obsidian, Bear), no words of its own.
bool only_tags(std::string_view t) {
  bool any = false;
  for (std::size_t i = 0; i < t.size();) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t'))
      ++i;
    if (i >= t.size()) break;
    if (t[i] != '#' || i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '#') return false;
    while (i < t.size() && t[i] != ' ' && t[i] != '\t')
      ++i;
    any = true;
  }
  return any;
}

// The writer's words of a line: a question's number or a voice memo's time stamp ("2/", "[0:19]")
// is none of them, so it counts against no length limit.
std::size_t own_words(std::string_view line) {
  return count_words(line.substr(after_numbering(line)));
}

// Words as their writer counts them when judging a line's length: an apostrophe inside a word
// joins it ("I'm", "qu'il", "j’ai" are one each; count_words reads them as two).
std::size_t written_words(std::string_view line) {
  std::size_t joins = 0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    std::size_t length = line[i] == '\'' ? 1 : line.substr(i).starts_with("\u2019") ? 3 : 0;
    if (length == 0 || i + length >= line.size()) continue;
    auto letter = [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= 0x80 && c != 0xC2 && c != 0xE2);
    };
    // The byte before: the last byte of a letter (a continuation byte of "é" is >= 0x80).
    if (letter(static_cast<unsigned char>(line[i - 1])) &&
        letter(static_cast<unsigned char>(line[i + length])))
      ++joins;
  }
  std::size_t words = own_words(line);
  return words > joins ? words - joins : words;
}

// "[Change log](Breakup/Change log.md)", "[[my patterns]]": a line that only links to another
// note points there; it asks nothing itself.
bool only_link(std::string_view t) {
  if (t.starts_with("[[") && t.ends_with("]]")) return t.find("]]") == t.size() - 2;
  if (!t.starts_with("[") || !t.ends_with(")")) return false;
  std::size_t middle = t.find("](");
  return middle != std::string_view::npos && t.find(']') == middle && t.find(')') == t.size() - 1;
}

// "TODO ", "DONE ": an Org state keyword opening `t` (people keep their Org habits in
// Markdown headings too): its length with its space, or 0.
std::size_t org_state_keyword(std::string_view t) {
  for (std::string_view state : {"TODO ", "DONE ", "NEXT ", "WAITING ", "WAIT ", "CANCELLED "})
    if (t.starts_with(state)) return state.size();
  return 0;
}

// "** Les erreurs que je ne répète plus": an Org-mode headline in a note saved as Markdown (two
// stars or more, then a space: never a Markdown list item nor emphasis). The byte after its
// stars and space, or 0.
// Org's state keyword ("** TODO Le travail sur moi-même") is none of the headline's words.
std::size_t org_headline(std::string_view t) {
  std::size_t stars = 0;
  while (stars < t.size() && t[stars] == '*')
    ++stars;
  if (stars < 2 || stars >= t.size() || t[stars] != ' ') return 0;
  return stars + 1 + org_state_keyword(t.substr(stars + 1));
}

// "question", "note", "prompt" (a callout's types, as people bold them).
bool is_type_word(std::string_view bold) {
  bold = trim(bold);
  if (bold.empty() || bold.size() > 10) return false; // most bold leads: no fold needed
  std::string word = fold_for_match(bold);
  while (!word.empty() && (word.back() == ':' || word.back() == ' '))
    word.pop_back();
  return word == "question" || word == "note" || word == "prompt" || word == "q";
}

// An Org drawer's line (":PROPERTIES:", ":CREATED: [2026-10-11 Sun]", ":END:"): the note
// tool's metadata, never the writer's words.
bool org_drawer_line(std::string_view t) {
  if (t.size() < 3 || t.front() != ':') return false;
  std::size_t close = t.find(':', 1);
  if (close == std::string_view::npos || close == 1) return false;
  for (std::size_t i = 1; i < close; ++i)
    if (!std::isalnum(static_cast<unsigned char>(t[i])) && t[i] != '_' && t[i] != '-') return false;
  return close + 1 == t.size() || t[close + 1] == ' ' || t[close + 1] == '\t';
}

bool read_line_whole(std::string_view line, std::size_t base, Candidate& c);

// "Early choice or something underneath", "Tout ou une partie": a few words weighing one thing
// against another, with words on both sides of the "or".
bool weighs_alternatives(std::string_view label) {
  for (std::string_view joint : {" or ", " ou "}) {
    std::size_t at = label.find(joint);
    if (at != std::string_view::npos && count_words(label.substr(0, at)) >= 1 &&
        count_words(label.substr(at + joint.size())) >= 1 && count_words(label) <= 8)
      return true;
  }
  return false;
}

} // namespace

// A transcript's or a message's time stamp: "00:31", "[1:02:15]", "(12:03)".
bool is_clock_stamp(std::string_view time) {
  time = trim(time);
  if (time.size() < 4 || time.size() > 10) return false;
  if ((time.front() == '[' && time.back() == ']') || (time.front() == '(' && time.back() == ')'))
    time = time.substr(1, time.size() - 2);
  std::size_t colon = time.find(':');
  return colon != std::string_view::npos && colon >= 1 && colon <= 2 &&
         time.find_first_not_of("0123456789:") == std::string_view::npos &&
         (time.size() == colon + 3 || (time.size() == colon + 6 && time[colon + 3] == ':'));
}

namespace {

// A candidate from one line of text that is no heading: a bold lead, a "?" cut, a label, or
// the whole line when it is short and loose. `base` is the line's first byte in the note.
// Returns false when the line is none of these. A note tool's comment ending the line
// (Logseq's block id, "… <!-- {"uuid":"5b0e…"} -->") holds none of the writer's words and is
// no answer; a marker ("<!-- mend:… -->") is read as one elsewhere.
// "update 20/10: the unofficial reason, the thing he never said? …", "EDIT: …", "màj 3/11 :
// …": a note revised later marks what it added; the mark, its date and colon are none of the
// line's words. Where the words start, or 0.
std::size_t after_revision_mark(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ')
    ++i;
  std::size_t word_end = i;
  while (word_end < line.size() && line[word_end] != ' ' && line[word_end] != ':' &&
         line[word_end] != '(')
    ++word_end;
  static const std::unordered_set<std::string> marks = {
      "update", "updated", "upd", "edit", "edited", "later", "addendum", "maj", "ajout", "relu"};
  // (Read past a word of their length opening with one of their letters only: every line of
  // every note comes here.)
  if (word_end - i < 3 || word_end - i > 8 ||
      std::string_view("uUeElLaAmMrR").find(line[i]) == std::string_view::npos)
    return 0;
  std::string word = fold_for_match(line.substr(i, word_end - i));
  if (!marks.count(word)) return 0;
  // Its date or number, in any spelling of digits ("20/10", "(3.11)", "2026-11-03").
  std::size_t k = word_end;
  while (k < line.size() && k - word_end <= 14 &&
         (line[k] == ' ' || line[k] == '(' || line[k] == ')' || line[k] == '/' || line[k] == '-' ||
          line[k] == '.' || std::isdigit(static_cast<unsigned char>(line[k]))))
    ++k;
  if (k >= line.size() || line[k] != ':' || k + 1 >= line.size() || line[k + 1] != ' ') return 0;
  k += 2;
  while (k < line.size() && line[k] == ' ')
    ++k;
  return k < line.size() ? k : 0;
}

// A note dictated to the phone speaks its marks: "question two the times I thought I'd never
// meet anyone again answer after Liam at college…", "Official reason what Dean actually said
// when he went answer that he couldn't do my shifts": the word "answer" ("réponse") parts the
// question from its answer, and "question" (with its number) opens it, when spoken.
struct SpokenQuestion {
  std::size_t start = 0, end = 0, answer = 0;
  bool marked = false; // "question" said before it
};
std::optional<SpokenQuestion> spoken_question(std::string_view line) {
  // Cheap first: most lines hold neither word.
  if (line.find("nswer") == std::string_view::npos && line.find("ponse") == std::string_view::npos)
    return std::nullopt;
  auto next_word = [&](std::size_t& i) {
    while (i < line.size() && line[i] == ' ')
      ++i;
    std::size_t from = i;
    while (i < line.size() && line[i] != ' ')
      ++i;
    return std::pair{from, i};
  };
  // The mark: the first word "answer" ("réponse"), as written, a colon or comma after it.
  std::size_t mark = std::string_view::npos, mark_end = 0;
  for (std::size_t i = 0; i < line.size() && mark == std::string_view::npos;) {
    auto [from, to] = next_word(i);
    std::string_view w = line.substr(from, to - from);
    while (!w.empty() && (w.back() == ':' || w.back() == ','))
      w.remove_suffix(1);
    if (w.size() < 6 || w.size() > 8) continue;
    const std::string folded = fold_for_match(w);
    if (folded == "answer" || folded == "reponse") mark = from, mark_end = to;
  }
  if (mark == std::string_view::npos || mark == 0) return std::nullopt;
  // Spoken, its question is unpunctuated and holds no markup: a stop, colon or "?" before the
  // word is written prose's ("Reversible? … side: Yes, if I answer the kids question").
  const std::string_view asked = line.substr(0, mark);
  if (asked.find_first_of("?:!.[]*`|#_") != std::string_view::npos ||
      asked.find("\u2026") != std::string_view::npos)
    return std::nullopt;
  struct Word {
    std::size_t start, end;
    std::string folded;
  };
  std::vector<Word> words;
  for (std::size_t i = 0; i < asked.size();) {
    auto [from, to] = next_word(i);
    if (to > from && from < mark)
      words.push_back({from, to, fold_for_match(line.substr(from, to - from))});
  }
  if (words.empty()) return std::nullopt;
  static const std::unordered_set<std::string> numbers = {
      "one",   "two",  "three", "four",   "five",   "six",      "seven",    "eight", "nine", "ten",
      "un",    "une",  "deux",  "trois",  "quatre", "cinq",     "sept",     "huit",  "neuf", "dix",
      "first", "next", "last",  "number", "numero", "premiere", "suivante", "1",     "2",    "3",
      "4",     "5",    "6",     "7",      "8",      "9",        "10"};
  // "an answer", "the answer", "sa réponse": the noun, said in prose; "doesn't answer", "we
  // both answer it": the verb.
  static const std::unordered_set<std::string> not_a_mark = {
      "an",      "the",     "no",       "my",     "his",    "her",      "their",    "your",
      "any",     "of",      "to",       "i",      "we",     "you",      "they",     "both",
      "doesn't", "don't",   "didn't",   "can't",  "won't",  "will",     "would",    "could",
      "should",  "must",    "never",    "cannot", "can",    "couldn't", "wouldn't", "shouldn't",
      "wouldnt", "couldnt", "shouldnt", "not",    "doesnt", "dont",     "didnt",    "cant",
      "wont",    "une",     "la",       "sa",     "ma",     "ta",       "leur",     "notre",
      "votre",   "cette",   "aucune",   "pas",    "sans"};
  const std::size_t a = words.size(); // the words before the mark
  SpokenQuestion s;
  std::size_t first = 0;
  for (std::size_t q = a; q-- > 0;)
    if (words[q].folded == "question") {
      s.marked = true;
      first = q + 1;
      while (first < a && numbers.count(words[first].folded))
        ++first;
      break;
    }
  // After a spoken "question", a possessive ends the question ("… on my side or his answer
  // I go down…"); unmarked, it makes a noun of the word.
  static const std::unordered_set<std::string> possessives = {"my", "his", "her", "their", "your",
                                                              "sa", "ma",  "ta",  "leur"};
  if (not_a_mark.count(words[a - 1].folded) &&
      !(s.marked && possessives.count(words[a - 1].folded)))
    return std::nullopt;
  constexpr std::size_t kLeastWords = 3, kMostWords = 32;
  if (a - first < kLeastWords || a - first > kMostWords) return std::nullopt;
  s.start = words[first].start;
  s.end = words[a - 1].end;
  s.answer = mark_end;
  return s;
}

// A "?" dictated and written out as words, as speech-to-text leaves it ("why did he say he
// was leaving question mark he said…", "… ou pas point d'interrogation"): where the words start
// and end, after at least two words of the question.
std::optional<std::pair<std::size_t, std::size_t>> spoken_question_mark(std::string_view line) {
  static constexpr std::string_view kMarks[] = {"question mark", "point d'interrogation",
                                                "point d\u2019interrogation"};
  // Every line read comes here: compared in place, ASCII letters in either case (the marks'
  // other bytes as written), nothing built.
  auto same = [](std::string_view written, std::string_view mark) {
    for (std::size_t i = 0; i < mark.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(written[i])) !=
          static_cast<unsigned char>(mark[i]))
        return false;
    return true;
  };
  for (std::size_t at = line.find(' '); at != std::string_view::npos; at = line.find(' ', at + 1)) {
    const std::size_t from = at + 1;
    if (from >= line.size() || ((line[from] | 0x20) != 'q' && (line[from] | 0x20) != 'p')) continue;
    for (std::string_view mark : kMarks) {
      if (line.size() - from < mark.size() || !same(line.substr(from, mark.size()), mark)) continue;
      const std::size_t after = from + mark.size();
      if (after < line.size() && std::isalnum(static_cast<unsigned char>(line[after]))) continue;
      if (count_words(line.substr(0, at)) < 2) continue;
      return std::make_pair(at, after);
    }
  }
  return std::nullopt;
}

// "est-ce que je m'accroche quand il me repousse → oui grave": the head read as the question
// (`c`, read from `line` at `base`) is answered after an arrow on its line.
bool answered_after_arrow(std::string_view line, std::size_t base, const Candidate& c) {
  std::string_view after = trim(line.substr(std::min(c.end - base, line.size())));
  return after.starts_with("\u2192") || after.starts_with("->") || after.starts_with("=>");
}

bool read_line(std::string_view line, std::size_t base, Candidate& c) {
  if (auto mark = spoken_question_mark(line);
      mark && line.substr(0, mark->first).find('?') == std::string_view::npos) {
    if (!read_line(line.substr(0, mark->first), base, c)) return false;
    c.question_mark = true;
    c.loose = c.must_ask = c.title_like = false;
    if (c.answer_start >= base + mark->first) c.answer_start = base + mark->second;
    return true;
  }
  if (auto spoken = spoken_question(line)) {
    c.start = base + spoken->start;
    c.end = base + spoken->end;
    c.answer_start = base + spoken->answer;
    c.plain = plain_text(line.substr(spoken->start, spoken->end - spoken->start));
    c.spoken = true;
    // Unmarked, it meets the bar of a loose line (prose says "answer" too).
    c.loose = !spoken->marked;
    return true;
  }
  if (std::size_t words = after_revision_mark(line)) {
    c.revised = true;
    return read_line(line.substr(words), base + words, c);
  }
  // "- [ ] can i fix it myself?<br>half me half them": a card of Obsidian's Kanban board (and
  // a Notion export's item) keeps its lines on one Markdown line, broken by "<br>". What comes
  // before the first break is the line the writer posed; what follows it answers.
  if (auto [br, br_end] = html_line_break(line); br != std::string_view::npos) {
    if (!read_line(line.substr(0, br), base, c)) return false;
    if (c.answer_start >= base + br) c.answer_start = base + br_end;
    return true;
  }
  // "What will this help me to avoid?\": a hard line break (a backslash ending the line) is no
  // word of the line.
  if (std::string_view t = trim_end(line); t.ends_with('\\') && !t.ends_with("\\\\")) {
    const std::size_t cut = t.size() - 1;
    if (!read_line(line.substr(0, cut), base, c)) return false;
    if (c.answer_start >= base + cut) c.answer_start = base + line.size();
    if (c.end > base + cut) c.end = base + cut;
    return true;
  }
  // "What work on masel' now ...": a question left trailing off, its "?" not yet written, the
  // ellipsis holding the answer's place.
  if (std::string_view t = trim_end(line); t.ends_with("...") || t.ends_with("\u2026")) {
    std::string_view head = t;
    for (bool cut = true; cut;) { // "now ...", "now…", "now …"
      cut = head.ends_with(".") || head.ends_with(" ") || head.ends_with("\u2026");
      if (cut) head.remove_suffix(head.ends_with("\u2026") ? 3 : 1);
    }
    if (!head.empty() && std::isalnum(static_cast<unsigned char>(head.back())) &&
        count_words(head) >= 3 && opens_with_a_wh_word(trim(head)) &&
        head.find_first_of("?:") == std::string_view::npos) {
      if (!read_line(head, base, c)) return false;
      if (c.answer_start >= base + head.size()) c.answer_start = base + head.size();
      return true;
    }
  }
  if (trim(line).ends_with("-->")) {
    std::size_t open = line.rfind("<!--");
    if (open != std::string_view::npos && open > 0 &&
        line.substr(open).find("mend:") == std::string_view::npos &&
        line.substr(open + 4).find("<!--") == std::string_view::npos) {
      if (!read_line_whole(line.substr(0, open), base, c)) return false;
      if (c.answer_start >= base + open) c.answer_start = base + line.size();
      return true;
    }
  }
  return read_line_whole(line, base, c);
}

// read_line() of a line with no such comment.
bool read_line_whole(std::string_view line, std::size_t base, Candidate& c) {
  std::string_view t = trim(line);
  if (t.empty() || only_tags(t) || only_link(t) || org_drawer_line(t)) return false;
  // An Org headline is posed like a heading, whatever its length: read after its stars.
  if (std::size_t after = org_headline(t); after > 0) {
    const std::size_t offset = static_cast<std::size_t>(t.data() - line.data()) + after;
    if (!read_line(line.substr(offset), base + offset, c)) return false;
    c.must_ask = false;
    c.loose = c.label && c.loose;
    return true;
  }
  // "(Write or call? Call. …)": an aside the writer put in brackets poses nothing.
  if (t.starts_with("(") && t.ends_with(")")) return false;
  bool strong = t.starts_with("**") || t.starts_with("__");
  std::size_t qmark = question_mark_of(line);
  // "all in all is it a big YES — yeah... mostly? on a good day": a "?" after a dash that sets
  // a reply off is the reply's, unsure of itself; the question is the head (read below). A
  // dash inside a question goes on with it ("Seven years — a timing thing or deeper?").
  if (qmark != std::string_view::npos)
    if (LineBreak cut = first_break(line);
        cut.dash && cut.at < qmark && count_words(line.substr(0, cut.at)) >= 2) {
      std::string_view after = trim(line.substr(cut.at + 1));
      while (!after.empty() && !std::isalnum(static_cast<unsigned char>(after.front())) &&
             static_cast<unsigned char>(after.front()) < 0x80 && after.front() != '"')
        after.remove_prefix(1);
      if (after.starts_with("\u2014") || after.starts_with("\u2013") || after.starts_with("\u2192"))
        after = trim(after.substr(3));
      std::vector<std::string> first = split_words(fold_for_match(after.substr(0, 12)));
      // Not "i", "je": "my fault - i want change all or only some?" goes on asking.
      if (opens_with_a_reply(after) && !first.empty() && first[0] != "i" && first[0] != "je" &&
          first[0] != "j")
        qmark = std::string_view::npos;
      // "What tells me I won't end up alone - my cousin Bríd, married again at 56. If Bríd can,
      // amn't I as good?": a head asking before the dash, and a "?" in a later sentence of
      // what the dash sets off, the answer's own.
      std::string_view head = line.substr(0, cut.at);
      if (qmark != std::string_view::npos && opens_with_a_wh_word(trim(head)) &&
          count_words(head) >= 3 &&
          line.substr(cut.at, qmark - cut.at).find(". ") != std::string_view::npos)
        qmark = std::string_view::npos;
    }
  c.start = base;
  if (strong) {
    InlineText inl = inline_text(line);
    // "> **question** Chu-tu juste scared…", "**Note** …": a type word in bold, as a callout's
    // "[!question]" is, and the line after it is read as it is written.
    // "**21:09** so why she say she leaving?": a saved message's time stamp in bold, as Telegram
    // exports them, is no lead either.
    if ((is_type_word(inl.strong_prefix) || is_clock_stamp(inl.strong_prefix)) && !inl.all_strong) {
      std::size_t after = inl.strong_prefix_end;
      while (after < line.size() && (line[after] == ' ' || line[after] == ':'))
        ++after;
      return after < line.size() && read_line(line.substr(after), base + after, c);
    }
    if (!inl.strong_prefix.empty()) {
      c.plain = inl.strong_prefix;
      c.question_mark = ends_with_question_mark(inl.strong_prefix);
      std::string_view p = trim(inl.strong_prefix);
      c.label = p.ends_with(":");
      c.title_like = inl.all_strong && !c.question_mark && !ends_like_sentence(p) &&
                     count_words(p) <= kMaxLabelWords;
      c.end = base + (inl.all_strong ? line.size() : inl.strong_prefix_end);
      c.answer_start = c.end;
      // "- **what didn't I like** about us": a question in bold that runs on after its bold
      // part for a few words, in lower case and without a stop or a reply, is asked whole.
      if (!inl.all_strong && !c.question_mark && !c.label && opens_with_a_wh_word(p)) {
        std::string_view rest = trim(line.substr(inl.strong_prefix_end));
        std::size_t words = count_words(rest);
        if (words >= 1 && words <= 4 && rest.front() >= 'a' && rest.front() <= 'z' &&
            rest.find_first_of(".,;:!?-\u2014\u2013\"()[]*_") == std::string_view::npos &&
            !opens_with_a_reply(rest)) {
          c.plain = plain_text(line);
          c.end = base + line.size();
          c.answer_start = c.end;
          c.title_like = false;
        }
      }
      return true;
    }
  }
  std::size_t colon = label_colon(line);
  // "Verdict: a big, unanimous yes? Yes.", "All things considered: big unanimous YES? Yes." —
  // up to five words of label before the question ("Neuf ans, deux gosses : un problème de
  // départ ou de fond ? De fond."), no sentence between: the question is posed, and its answer
  // is what follows the "?".
  bool labelled_question = colon != std::string_view::npos && qmark != std::string_view::npos &&
                           colon < qmark && count_words(line.substr(0, colon)) <= 5 &&
                           last_sentence_start(line.substr(colon + 1, qmark - colon)) == 0 &&
                           count_words(line.substr(colon + 1, qmark - colon - 1)) >= 2 &&
                           !is_answer_label(line.substr(0, colon));
  // "Everything Alex blames me for: change all of it, or just part?": a label leading into the
  // question that ends the line is part of it, never its answer; sentences after the label
  // ("Unofficial: his mum. She wanted… Kwani I'm blind?") are its answer.
  if (colon != std::string_view::npos && qmark != std::string_view::npos && colon < qmark &&
      trim(line.substr(qmark + 1)).find_first_not_of("?") == std::string_view::npos &&
      count_words(line.substr(colon + 1, qmark - colon - 1)) >= 2 &&
      last_sentence_start(line.substr(colon + 1, qmark - colon)) == 0 &&
      count_words(line.substr(0, colon)) <= kMaxLabelWords &&
      !is_answer_label(line.substr(0, colon)))
    labelled_question = true;
  if (qmark != std::string_view::npos &&
      (colon == std::string_view::npos || qmark < colon || labelled_question)) {
    std::string_view head = line.substr(0, qmark + 1);
    // "Reasons, short version. What did he say?": the question is the last sentence.
    std::size_t from = last_sentence_start(head);
    // "Were my needs respected? My limits?": a short follow-up that asks too, with no stop of
    // its own, goes on with the question; it is no answer. A reply unsure of itself ("Yes?? I
    // think?", "Oui… je crois ?") is one, and so is what a dash or an arrow sets off ("Un
    // grand OUI ? — Plutôt oui ?").
    auto set_off = [](std::string_view rest) {
      for (std::string_view mark : {"\u2014", "\u2013", "-", "\u2192", "=>", ">"})
        if (rest.starts_with(mark)) return true;
      return false;
    };
    if (std::string_view rest = trim(line.substr(qmark + 1));
        (colon == std::string_view::npos || colon > qmark) && rest.ends_with('?') &&
        !set_off(rest) && rest.find_first_not_of('?') != std::string_view::npos &&
        count_words(rest) <= kMaxFollowUpWords &&
        rest.find_first_of(".!:") == std::string_view::npos &&
        rest.find("\u2026") == std::string_view::npos && !opens_with_a_reply(rest)) {
      qmark = static_cast<std::size_t>(rest.data() - line.data()) + rest.size() - 1;
      head = line.substr(0, qmark + 1);
    }
    // "reversible?? what must change, me or him", "stage? how long": a word or two asked, then
    // the question it stands for, opening with a word that asks and no stop of its own, goes
    // on with it up to a label's colon ("reversible? wht needs to change: only if …").
    std::size_t follow_end = std::string_view::npos;
    bool own_mark = false; // the follow-up question ends with its own "?"
    if (from == 0 && count_words(head) <= 2 && qmark + 1 < line.size()) {
      std::string_view rest = line.substr(qmark + 1);
      std::size_t own_colon = rest.find(':');
      std::string_view follow = trim(rest.substr(0, own_colon));
      follow = follow.substr(follow.find_first_not_of('?') == std::string_view::npos
                                 ? follow.size()
                                 : follow.find_first_not_of('?'));
      follow = trim(follow);
      // "Réversible ? Qu'est-ce qui doit changer, moi ou elle ? → si je lâche le soir": the
      // question may end with a "?" of its own, its answer after it.
      if (std::size_t q = follow.find('?'); q != std::string_view::npos && q > 0) {
        std::string_view body = trim(follow.substr(0, q));
        if (!body.empty() && body.find_first_of(".!") == std::string_view::npos) {
          follow = follow.substr(0, q + 1);
          own_mark = true;
        }
      }
      std::string_view body = own_mark ? trim(follow.substr(0, follow.size() - 1)) : follow;
      if (!body.empty() && written_words(body) <= kMaxFollowUpWords + 2 &&
          body.find_first_of(".!?") == std::string_view::npos &&
          body.find("\u2026") == std::string_view::npos && opens_with_a_wh_word(body))
        follow_end = static_cast<std::size_t>(follow.data() - line.data()) + follow.size();
    }
    head.remove_prefix(from);
    if (follow_end != std::string_view::npos) {
      c.start = base;
      // A follow-up asked with its own "?" restates the word asked: that word is the question
      // read ("Reversible?"), its restatement no answer either.
      c.plain = plain_text(own_mark ? head : line.substr(0, follow_end));
      c.question_mark = true;
      c.end = base + follow_end;
      std::size_t colon_after = own_mark ? std::string_view::npos : line.find(':', follow_end);
      c.answer_start = colon_after == std::string_view::npos ? c.end : base + colon_after + 1;
      return true;
    }
    // A question cut from the end of prose is a few words at least ("… progress??" is not).
    if (head.size() > kMaxQuestionLine || count_words(head) < (from > 0 ? 3u : 1u)) return false;
    // "- What did she say? She said…" or a question line alone.
    c.start = base + from;
    c.plain = plain_text(head);
    c.question_mark = true;
    c.after_prose = from > 0;
    c.end = base + qmark + (line.substr(qmark, 1) == "?" ? 1 : 3);
    c.answer_start = c.end;
    return true;
  }
  // A phone note's "worth it y/n", "ça vaut le coup o/n": a yes-or-no question, posed as one
  // ending in "?" is.
  if (std::size_t marker = yes_no_marker(line); marker != std::string_view::npos) {
    std::string_view head = line.substr(0, marker);
    std::size_t from = last_sentence_start(head);
    head = trim(head.substr(from));
    if (!head.empty() && head.size() <= kMaxQuestionLine) {
      std::size_t lead = from;
      while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t'))
        ++lead;
      c.start = base + lead;
      c.plain = plain_text(head);
      c.question_mark = true;
      c.after_prose = from > 0;
      c.end = base + trim_end(line).size();
      c.answer_start = c.end;
      return true;
    }
  }
  // "Est-ce que je peux changer seule → c'est en réaction : il faisait rien": an arrow before
  // the colon sets the thought off first (read below); a dash may sit inside a label ("still
  // love her — how to say it: …").
  if (colon != std::string_view::npos)
    if (LineBreak cut = first_break(line); cut.dash && cut.at < colon && cut.arrow)
      colon = std::string_view::npos;
  if (colon != std::string_view::npos) {
    std::string_view label = line.substr(0, colon);
    // "Okay. What he said, word for word:": the label is the last sentence.
    std::size_t from = last_sentence_start(label);
    label.remove_prefix(from);
    if (count_words(label) == 0 || count_words(label) > kMaxLabelQuestionWords ||
        ends_like_sentence(label) || is_answer_label(label) || opens_with_a_reason(label) ||
        reports_speech(label) || runs_on_into_what_follows(label))
      return false;
    c.start = base + from;
    c.plain = plain_text(label);
    c.label = true;
    c.after_prose = from > 0;
    // Longer than a label, a sentence before a colon ("Not sure it's a clear yes, so my
    // therapist wants me to look at this first:") unless it asks.
    // "Label: answer" may be any note-taking; a line ending at its colon poses what follows.
    const std::size_t after = label_end(line, colon);
    c.loose = !trim(line.substr(after)).empty();
    // After a sentence, a label answered on its line is prose going on ("Four years. Not an
    // early problem: a deep one", "Waiting for her to ask. Instead: I say it first") unless it
    // asks; ending at its colon, it announces what follows.
    // A label weighing two things is asked, whatever comes before it ("Nineteen years. Early
    // choice or something underneath: underneath").
    c.must_ask =
        count_words(label) > kMaxLabelWords || (from > 0 && c.loose && !weighs_alternatives(label));
    c.end = base + after;
    c.answer_start = c.end;
    return true;
  }
  // A question's number or a voice memo's time stamp ("[0:19] Am I just afraid…") is none of
  // its words: the length limits below count the writer's words only.
  std::size_t words = own_words(t);
  if (words == 0) return false;
  // A label set off by a dash ("stuff i didnt like - his temper"), or "does it have a real
  // shot going forward. if one of us moves, yes": a question posed without "?", answered on
  // its line after a stop. A line too long or too finished to be posed whole is read up to
  // that stop; the analysis keeps it only when it opens asking.
  if (LineBreak cut = first_break(line); cut.at != std::string_view::npos) {
    std::string_view head = line.substr(0, cut.at);
    std::size_t head_words = own_words(head);
    // Set off by a dash, the head is read as a loose line, never a label (those take a colon):
    // "Working Saturdays → Saturdays are ours" is a list of changes, not a question. One word
    // alone before a long dash ("Unofficial — …"; not "4 years — …"): "gym - legs" is a diary's;
    // the assignment keeps a one-word line only in its step's context.
    std::string_view bare_head = trim(head.substr(after_numbering(head)));
    std::string_view numbering = trim(head.substr(0, bare_head.data() - head.data()));
    bool one_word_head = head_words == 1 && cut.long_dash &&
                         (numbering.empty() || numbering.ends_with('.') ||
                          numbering.ends_with(')')) && // "4 years" is no numbering
                         bare_head.find_first_of(" 0123456789") == std::string_view::npos;
    bool dashed = cut.dash && (head_words >= 2 || one_word_head) && head_words <= kMaxLabelWords;
    // "12 yrs - early-stage thing or something underneath": a span of time set off before the
    // question that weighs it is the question's lead, no label answered by it.
    if (dashed && !cut.arrow && head_words == 2 &&
        std::isdigit(static_cast<unsigned char>(bare_head.front())) &&
        weighs_alternatives(line.substr(cut.at + 1)))
      dashed = false;
    // Short, a line whose first sentence is a yes-or-no question ("were my needs + limits
    // respected. mostly.") is read up to its stop too, unless a question goes on after it
    // ("can it be fixed tho. what wd have to change").
    bool must_ask =
        (ends_like_sentence(t) || words > kMaxLooseLineWords ||
         (!cut.dash && opens_inverted(head) && !opens_with_a_wh_word(line.substr(cut.at + 1)))) &&
        head_words >= 3 && head_words <= kMaxLooseWords;
    if ((dashed || must_ask) && label_colon(head) == std::string_view::npos) {
      c.plain = plain_text(head);
      c.loose = true;
      c.must_ask = !dashed;
      c.end = base + cut.at;
      c.answer_start = c.end;
      return true;
    }
  }
  // Counted as written: "est ce que c'est juste la peur d'etre tout seul" is ten words. A line
  // that opens asking may run on as a long question does ("how do I tell her I still love
  // her and want to start again, a new go not the old one").
  // So may one that opens as a yes-or-no question ("am i mostly just terrified of being by
  // myself / never finding anybody, and is that the thing making the call").
  // Or whose last part, after a condition, does ("If it is partly because of her, how do we
  // both change the way we deal with each other").
  // (Asked only of a line too long for a loose one: most lines of a diary are not.)
  if (ends_like_sentence(t)) return false;
  if (words > kMaxLooseWords && written_words(t) > kMaxLooseWords) {
    std::size_t last_comma = t.rfind(", ");
    bool asks =
        opens_with_a_wh_word(t) || opens_inverted(without_leading_conjunction(t)) ||
        (last_comma != std::string_view::npos && opens_with_a_wh_word(t.substr(last_comma + 2)));
    if (!asks || (words > kMaxLabelQuestionWords && written_words(t) > kMaxLabelQuestionWords))
      return false;
  }
  c.plain = plain_text(line);
  c.loose = true;
  c.title_like = words <= kMaxLabelWords;
  c.end = base + line.size();
  c.answer_start = c.end;
  return true;
}

} // namespace

// The colon that ends a label: "Reasons she gave: she wanted…", "Official reasons :" (French
// spacing), the first colon of a field's "key:: value" (Logseq, Dataview), never a time
// ("10:30"), a link ("https://") or an emoji shortcode.
std::size_t label_colon(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != ':') continue;
    // "scope:: most of it" (a Logseq or Dataview field, "key:: value"; "what he said :: …") is
    // a label too, read to its second colon (label_end); "std::move" and "C::D" are not.
    if (i + 1 < line.size() && line[i + 1] == ':') {
      if (i > 0 && line[i - 1] != ':' &&
          (i + 2 == line.size() || line[i + 2] == ' ' || line[i + 2] == '\t'))
        return i;
      return std::string_view::npos;
    }
    if (i + 1 < line.size() && line[i + 1] == '/') return std::string_view::npos;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1])) && i + 1 < line.size() &&
        std::isdigit(static_cast<unsigned char>(line[i + 1])))
      continue;
    if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t' && line[i + 1] != '*' &&
        line[i + 1] != '_')
      continue; // "ratio:2", ":smile:"
    // "Chase Faith re: the onboarding numbers": "re:" is "about", no label of its own.
    if (i >= 2 && (line[i - 1] == 'e' || line[i - 1] == 'E') &&
        (line[i - 2] == 'r' || line[i - 2] == 'R') && (i == 2 || line[i - 3] == ' '))
      continue;
    return i;
  }
  return std::string_view::npos;
}

// `may_ask`: as line_reading()'s, asked before the plain text is built.
bool read_task_sentence(std::string_view line, std::size_t base, Candidate& c,
                        std::size_t most_words = kMaxLooseWords,
                        const std::function<bool(std::string_view)>& may_ask = nullptr);
// A prompt's lead may open a longer sentence ("Me rappeler les fois où j'ai cru ne plus jamais
// rencontrer personne, et où c'est arrivé quand même.").
constexpr std::size_t kMaxPromptSentenceWords = 24;

// A question wrapped at a margin ("What were the reasons he gave me, the official ones he said
// out" / "loud in the kitchen?"; "1. Est-ce que j'ai peur de rester seule, et" / "est-ce que
// c'est cette peur qui décide ?"): `line` opens asking and runs on, without a stop, into
// the lines after it (`following`, a line or two), which go on in lower case up to a "?".
// Returns how much of `following` to read with `line` (up to the end of the line holding the
// "?", its answer included), or 0 when `line` stands alone.
std::size_t wrapped_question_end(std::string_view line, std::string_view following) {
  auto runs_on_from = [](std::string_view t) {
    return !t.empty() && t.find('?') == std::string_view::npos &&
           t.find("\xEF\xBC\x9F") == std::string_view::npos && !ends_like_sentence(t) &&
           !t.ends_with(":") && !t.ends_with(";") && !t.ends_with("\u2026");
  };
  // The next line goes on in lower case (read again below): told first, before the scans of
  // this one, for most lines are followed by none such.
  {
    std::string_view next = following.substr(0, following.find('\n'));
    std::size_t lead = next.find_first_not_of(" \t>");
    if (lead == std::string_view::npos || next[lead] < 'a' || next[lead] > 'z') return 0;
  }
  // The line holds nothing but the question's start: no stop, dash, arrow or label inside it,
  // and it ends on a word ("…he said out", "…toute seule, et"), never on a dash or a bracket.
  std::string_view t = trim(line);
  if (!runs_on_from(t) || first_break(t).at != std::string_view::npos ||
      label_colon(t) != std::string_view::npos ||
      !(std::isalnum(static_cast<unsigned char>(t.back())) || t.back() == ',' ||
        static_cast<unsigned char>(t.back()) >= 0x80))
    return 0;
  // The lines the question goes on over: in lower case, no stop before the "?" (at most two).
  std::string_view rest;
  std::size_t end = 0;
  bool short_end = false; // a word or two, then the "?"
  bool over_two = false;  // the "?" on the second line under it
  for (int read = 0; read < 2; ++read) {
    std::size_t nl = following.find('\n', end);
    std::string_view next =
        following.substr(end, (nl == std::string_view::npos ? following.size() : nl) - end);
    if (!next.empty() && next.back() == '\r') next.remove_suffix(1);
    std::size_t lead = next.find_first_not_of(" \t>");
    if (lead == std::string_view::npos || next[lead] < 'a' || next[lead] > 'z') return 0;
    std::string_view words = next.substr(lead);
    // "q: is being scared … for me" over "a: not really? maybe": the answer's own label.
    if (std::size_t colon = label_colon(words);
        colon != std::string_view::npos && is_answer_label(words.substr(0, colon)))
      return 0;
    std::size_t q = words.find('?');
    if (first_break(words.substr(0, q == std::string_view::npos ? words.size() : q)).at !=
        std::string_view::npos)
      return 0;
    if (rest.empty()) rest = words;
    end += next.size();
    if (q != std::string_view::npos && read == 0 && count_words(words.substr(0, q)) < 3)
      short_end = true;
    // A line the question runs over is no longer than the margin its first line was cut at,
    // the one holding the "?" included: a short line ("whats gonna reassure me i wont die
    // alone") over a long one that ends a sentence of its own with "??" is a question and its
    // answer, and a dictated answer under a question without its "?" is far longer still.
    if (trim(words).size() > t.size() * 3 / 2 + 8) return 0;
    if (q != std::string_view::npos) {
      over_two = read == 1;
      break;
    }
    if (read == 1 || !runs_on_from(trim(words)) || nl == std::string_view::npos) return 0;
    end = nl + 1;
  }
  // The question opens the line, after its number: "1. Est-ce que…", "what were…", "am I…".
  // (or its last clause: "Si ça vient de lui, comment on change notre").
  std::string_view head = t.substr(after_numbering(t));
  std::vector<std::string> words = split_words(fold_for_match(head.substr(0, 40)));
  static const std::unordered_set<std::string> yes_no = {
      "am",  "is",    "are",   "was",    "were", "do",   "does", "did",
      "can", "could", "would", "should", "will", "have", "has",  "had"};
  std::size_t comma = head.rfind(", ");
  if (words.empty() ||
      !(opens_with_a_wh_word(head) || yes_no.count(words.front()) ||
        (comma != std::string_view::npos && opens_with_a_wh_word(head.substr(comma + 2)))))
    return 0;
  // "kind of?", "yeah mostly?? …" under a line in lower case: a reply unsure of itself, as
  // people who write without capitals reply; a capitalised question goes on ("Qu'est-ce qui
  // me rassure que je finirai pas" / "toute seule?").
  if (short_end && head.front() >= 'a' && head.front() <= 'z') return 0;
  // A line ending on a word that cannot end a question ("et", "the", "just") runs on whatever
  // follows; otherwise a next line that asks of its own ("what wasnt working" / "why did she
  // go?") is a question of its own, and a short line ("is it reversible" / "maybe?") no wrap.
  std::vector<std::string> all = split_words(fold_for_match(t));
  static const std::unordered_set<std::string> joining = {
      "and",  "or",    "but",   "the",  "a",   "an",  "of",  "to",   "in",  "on",   "for",
      "with", "about", "that",  "if",   "is",  "was", "am",  "are",  "be",  "just", "my",
      "his",  "her",   "their", "your", "our", "et",  "ou",  "mais", "de",  "du",   "des",
      "le",   "la",    "les",   "un",   "une", "que", "qui", "a",    "au",  "aux",  "en",
      "pour", "avec",  "sur",   "mon",  "ma",  "mes", "son", "sa",   "ses", "ce",   "cette"};
  bool runs_on = !all.empty() && joining.count(all.back());
  std::vector<std::string> next_words = split_words(fold_for_match(rest.substr(0, 40)));
  bool next_asks =
      opens_with_a_wh_word(rest) || (!next_words.empty() && yes_no.count(next_words.front()) > 0);
  if (!runs_on && (next_asks || written_words(t) < 6)) return 0;
  // Over two lines, a first one that replies ("were my needs and limits respected" / "not
  // always" / "real chance in the future?") answers: the "?" below is the next question's.
  if (!runs_on && over_two && replies_at(rest, false)) return 0;
  return end;
}

// A question's words read over the lines it was wrapped on, as one line.
std::string one_line_of_words(std::string_view plain) {
  std::string one;
  for (char ch : plain) {
    bool blank = ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ';
    if (!blank || (!one.empty() && one.back() != ' ')) one += blank ? ' ' : ch;
  }
  while (!one.empty() && one.back() == ' ')
    one.pop_back();
  return one;
}

// A line this short, before a paragraph's last, was ended by its writer, not by a margin.
constexpr std::size_t kMaxShortLineWords = 5;

// "Me", "Moi": the writer's own lines in a dialogue written down.
bool is_writer_name(std::string_view name) {
  std::string folded = fold_for_match(name);
  return folded == "me" || folded == "moi" || folded == "i" || folded == "je" || folded == "myself";
}

// The lines of a paragraph that pose something. People write one thought a line without blank
// lines between: "**What did he say?** He said…" on each line, "Q: …" then "A: …", or
// "what did he tell me" then the answer on the next line. A line counts when it is a bold
// lead, a "Q:" line, a label, a question standing alone ("?" at its end, or a long question
// with its answer after it on the line), or a short loose line over more text; and, after the
// first line, only when the line before ended a sentence (never the end of a wrapped
// sentence of prose).
void paragraph_lines(std::string_view text, const Block& b, int block, std::vector<Candidate>& out,
                     bool skip_first, const SentenceGate& gate, bool message = false) {
  std::string_view para = text.substr(b.text_start, b.text_end - b.text_start);
  // Messages copied with their sender and stamp over each ("Wanjiru Kamau, [01.11.2026
  // 19:22]" then the message, no blank line between), a transcript's stamp over what was said
  // ("00:31" or "Roland  0:02" then the words): each message is read as a paragraph of its own, its
  // first line first. (Cheap first: the paragraph opens with such a line, so a sender's ", [" or a
  // stamp's ':' within its first bytes, after a speaker's name.)
  if (!skip_first && (para.find(", [") != std::string_view::npos || para.find(':') < 48)) {
    std::vector<std::pair<std::size_t, std::size_t>> messages; // (start, end) in para
    std::size_t message_start = std::string_view::npos;
    for (std::size_t from = 0; from < para.size();) {
      std::size_t nl = para.find('\n', from);
      std::size_t stop = nl == std::string_view::npos ? para.size() : nl;
      if (chat_header(para.substr(from, stop - from))) {
        if (message_start != std::string_view::npos && from > message_start)
          messages.emplace_back(message_start, from - 1);
        message_start = stop + 1;
      } else if (message_start == std::string_view::npos && from == 0) {
        break; // text before any header: no export's paragraph
      }
      from = stop + 1;
    }
    if (message_start != std::string_view::npos) {
      if (message_start < para.size()) messages.emplace_back(message_start, para.size());
      for (auto [start, end] : messages) {
        Block message = b;
        message.text_start = b.text_start + start;
        message.text_end = b.text_start + end;
        paragraph_lines(text, message, block, out, false, gate, true);
      }
      return;
    }
  }
  // How the paragraph is written, read once over its lines:
  // - "Mes besoins respectés ? je sais pas trop" / "Un avenir ? Peut-être.": several lines that
  //   each ask, then answer on the line, are a list of questions, however short (qa_lines);
  // - "what she said\nthat she needed space\nwhat i felt\nlonely": lines written one thought
  //   each, none ended by a stop, are a list, not prose wrapped at a margin. Prose wrapped at a
  //   margin has long lines but its last; a paragraph whose lines are all short, or with a very
  //   short line before its last, was broken by its writer (one_thought_lines).
  bool qa_lines = false, one_thought_lines = false;
  // A chat app's export: one message a line, each read after its time stamp and sender.
  bool chat = false;
  // A dialogue written down ("**Chi:** …?" / "**Me:** …"): two speakers or more, three lines
  // of theirs. What the other person asks is posed as a "Q:" line is; the writer's lines answer.
  bool dialogue = false;
  {
    std::string_view first_speaker;
    int speaker_lines = 0, chat_lines = 0, line_count = 0;
    for (std::size_t from = 0; from < para.size();) {
      std::size_t nl = para.find('\n', from);
      std::string_view line =
          para.substr(from, nl == std::string_view::npos ? para.size() - from : nl - from);
      from = nl == std::string_view::npos ? para.size() : nl + 1;
      ++line_count;
      if (chat_message(line)) ++chat_lines;
      if (auto sp = speaker_prefix(line)) {
        ++speaker_lines;
        if (first_speaker.empty())
          first_speaker = sp->name;
        else if (sp->name != first_speaker)
          dialogue = true;
      }
    }
    dialogue = dialogue && speaker_lines >= 3;
    chat = chat_lines >= 1 && chat_lines * 2 >= line_count;
  }
  {
    int asking = 0, labelled = 0, opening = 0, lines = 0;
    int stamped = 0; // lines opened by a time stamp ("[09:40] mistakes me stop repeating")
    bool all_short = true, short_inside = false;
    bool asks_in_turn = true; // lines that ask and lines that do not, one after the other
    int asked_before = -1;    // whether the line before asked (-1: no line yet)
    int asked_so_far = 0;
    for (std::size_t from = 0; from < para.size();) {
      std::size_t nl = para.find('\n', from);
      std::string_view line =
          trim(para.substr(from, nl == std::string_view::npos ? para.size() - from : nl - from));
      from = nl == std::string_view::npos ? para.size() : nl + 1;
      ++lines;
      if (after_time_stamp(line) > 0) ++stamped;
      std::size_t q = line.find('?');
      // Asks, then answers on the line: the "?" early, or ending the line's first sentence.
      if (q != std::string_view::npos && q + 1 < line.size() &&
          (q < line.size() / 2 + 8 || last_sentence_start(line.substr(0, q + 1)) == 0))
        ++asking;
      else if (std::size_t colon = label_colon(line);
               colon != std::string_view::npos &&
               count_words(line.substr(0, colon)) <= kMaxLabelWords)
        ++labelled;
      else if (LineBreak cut = first_break(line); // "where it went wrong - money, mostly"
               cut.dash && count_words(line.substr(0, cut.at)) >= 2 &&
               count_words(line.substr(0, cut.at)) <= kMaxLabelWords)
        ++labelled;
      else if (gate.opens_asking && gate.opens_asking(line))
        ++opening; // "what tells me i wont end up alone"
      else if (ends_with_question_mark(line) && count_words(line) <= kMaxLooseWords)
        ++opening; // "4 years - early stage choice or a real problem underneath?"
      const int asks_here = asking + labelled + opening > asked_so_far ? 1 : 0;
      asked_so_far = asking + labelled + opening;
      if (asked_before == asks_here) asks_in_turn = false;
      asked_before = asks_here;
      std::size_t words = count_words(line);
      // written_words() is never more than count_words(): read only when it may matter.
      if (words > kMaxLooseLineWords && written_words(line) > kMaxLooseLineWords) all_short = false;
      bool last = from >= para.size() || trim(para.substr(from)).empty();
      if (!last && words > 0 && words <= kMaxShortLineWords) short_inside = true;
    }
    qa_lines = !chat && lines >= 3 && asking * 2 >= lines + 1;
    // "she blames me for: …" / "all or some?: …" / "alone or a reaction: …": lines that each
    // open with a label or a question are one thought each, however long.
    // Half the lines asking is enough when the others answer them, one question and one
    // answer in turn ("what he ain say but I feel it" / "he did want to be free").
    // Messages saved to oneself, each under its time ("[20:50] …", "[20:52] …"), are one
    // thought each, as a chat's are, whatever their length.
    one_thought_lines =
        chat || (lines >= 2 && stamped * 2 >= lines + 1) ||
        (lines >= 3 &&
         (all_short || short_inside || (asking + labelled + opening) * 2 >= lines + 1 ||
          (lines >= 4 && (asking + labelled + opening) * 2 >= lines && asks_in_turn)));
  }
  std::string_view previous;
  std::size_t start = 0;
  // Past the `w` bytes of the lines a wrapped question went on over (wrapped_question_end):
  // they were read with the line above, the last of them is the line before the next.
  auto go_past_wrap = [&](std::size_t w) {
    previous = para.substr(start, w);
    start = para.find('\n', start + w);
    start = start == std::string_view::npos ? para.size() + 1 : start + 1;
  };
  while (start <= para.size()) {
    std::size_t nl = para.find('\n', start);
    std::size_t stop = nl == std::string_view::npos ? para.size() : nl;
    std::string_view line = para.substr(start, stop - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool first = start == 0;
    bool more = nl != std::string_view::npos && !trim(para.substr(nl + 1)).empty();
    if (first && skip_first) { // a list item's own line, read as the item
      previous = line;
      start = nl == std::string_view::npos ? para.size() + 1 : nl + 1;
      // Its question wrapped onto the next line was read with it (find_candidates).
      if (nl != std::string_view::npos)
        if (std::size_t w = wrapped_question_end(line, para.substr(start))) {
          go_past_wrap(w);
        }
      continue;
    }
    std::size_t base = b.text_start + start;
    std::string_view before = trim(previous);
    previous = line;
    start = nl == std::string_view::npos ? para.size() + 1 : nl + 1;
    if (chat) {
      // Each message is a thought of its own; a line without a stamp continues the message
      // above it (its answer) or is the app's own.
      auto message = chat_message(line);
      if (!message) continue;
      line.remove_prefix(message->text);
      base += message->text;
      before = {};
    }
    // "- after shelby in hs too" then "what tells me i wont end up alone" typed under it at the
    // margin, not under the item's text (CommonMark's lazy continuation): a line of its own
    // when it opens asking, the item's words above it told.
    // (An item's text starts two columns in or more: a line of it at the margin is lazy.)
    const bool lazy_asking = skip_first && !line.empty() && line.front() != ' ' &&
                             line.front() != '\t' && gate.opens_asking && gate.opens_asking(line);
    bool after_break = first || before.empty() || one_thought_lines || qa_lines || lazy_asking ||
                       before.ends_with(".") || before.ends_with("?") || before.ends_with("!") ||
                       before.ends_with(":") || before.ends_with("\"") || before.ends_with("»") ||
                       before.ends_with("\u201d") || before.ends_with("…") ||
                       before.ends_with(")") || before.ends_with("**") || opens_in_bold(line);
    Candidate c;
    c.block = block;
    c.depth = b.depth;
    if (!after_break) {
      // People who write one thought a line often end none of them with a stop ("whats not
      // been working: …", "how long were we together? 2 yrs"): a line after one that ran on
      // is still read when it starts with a label of its own or a question posed from its
      // first word, never a wrapped sentence's middle.
      if (qa_prefix(line) || !read_line(line, base, c) || (c.start != base && !c.spoken)) continue;
      // ... or a question that opens asking and is answered after an arrow on its line.
      const bool asked_and_pointed = answered_after_arrow(line, base, c) &&
                                     (opens_with_a_wh_word(c.plain) || opens_inverted(c.plain));
      if (!(c.label || c.spoken || asked_and_pointed ||
            (c.question_mark && count_words(c.plain) >= 4)))
        continue;
      c.form = QuestionForm::Line;
      out.push_back(std::move(c));
      continue;
    }
    if (auto sp = dialogue ? speaker_prefix(line) : std::nullopt;
        sp && !is_writer_name(sp->name) && line.find('?', sp->text) != std::string_view::npos) {
      std::string_view said = line.substr(sp->text);
      c.form = QuestionForm::QA;
      c.start = base + sp->text;
      c.end = base + line.size();
      c.answer_start = c.end;
      c.plain = plain_text(said);
      c.question_mark = true;
      out.push_back(std::move(c));
      continue;
    }
    // ("Question can it be turned round … answer I go down …": spoken, read below.)
    if (auto prefix = qa_prefix(line); prefix && !spoken_question(line)) {
      c.form = QuestionForm::QA;
      std::string_view posed = line.substr(*prefix);
      // "Q : Est-ce que je veux changer tout ce qu'il me" / "reproche ou juste une partie ?"
      bool wrapped = false;
      if (nl != std::string_view::npos && qa_inline_answer(posed) == std::string_view::npos)
        if (std::size_t w = wrapped_question_end(posed, para.substr(start))) {
          std::size_t from = base - b.text_start;
          line = para.substr(from, start + w - from);
          posed = line.substr(*prefix);
          go_past_wrap(w);
          wrapped = true;
        }
      std::size_t inline_answer = qa_inline_answer(posed);
      c.start = base + *prefix;
      c.end = base + line.size();
      c.answer_start = c.end;
      if (inline_answer != std::string_view::npos) {
        c.answer_start = c.start + inline_answer + 3; // after " A:"
        posed = trim(posed.substr(0, inline_answer));
        c.end = c.start + posed.size();
      }
      c.plain = plain_text(posed);
      if (wrapped) c.plain = one_line_of_words(c.plain);
      c.question_mark = ends_with_question_mark(posed);
      out.push_back(std::move(c));
      continue;
    }
    // A question wrapped at a margin is read with its rest on the next line.
    bool wrapped = false;
    if (nl != std::string_view::npos && !chat)
      if (std::size_t w = wrapped_question_end(line, para.substr(start))) {
        std::size_t from = base - b.text_start;
        line = para.substr(from, start + w - from);
        go_past_wrap(w);
        more = start < para.size() && !trim(para.substr(start)).empty();
        wrapped = true;
      }
    std::string_view t = trim(line);
    bool strong = t.starts_with("**") || t.starts_with("__");
    if (!read_line(line, base, c)) {
      // Or any line over an answer's label ("Remember the times I was sure." / "Ans: 2015."),
      // a Q/A pair without its "Q:".
      // A message dictated or sent to oneself puts a stop after its question as speech-to-text
      // does ("What wasn't working between us."): one that opens asking is read too.
      // So does a voice memo's line opened by its time stamp ("[00:05] Do I want to change
      // everything she's blamed me for, or just some of it.").
      std::function<bool(std::string_view)> may_pose = gate.may_pose;
      const bool stamped = after_time_stamp(line) > 0;
      const bool dictated = message || stamped;
      if (dictated && gate.may_pose && gate.opens_asking)
        may_pose = [&gate](std::string_view raw) {
          raw.remove_prefix(after_time_stamp(raw));
          return gate.may_pose(raw) || gate.opens_asking(raw);
        };
      // (Each stamped line is a message of its own, whatever line of the paragraph it is.)
      if (!(first || stamped ||
            (nl != std::string_view::npos && opens_with_answer_label(para.substr(start)))) ||
          strong || !read_task_sentence(line, base, c, kMaxPromptSentenceWords, may_pose))
        continue;
      c.form = QuestionForm::Line;
      c.stop_ended = true;
      c.in_message = dictated;
      out.push_back(std::move(c));
      continue;
    }
    if (wrapped) c.plain = one_line_of_words(c.plain);
    if (strong) {
      c.form = QuestionForm::Bold;
    } else {
      c.form = QuestionForm::Line;
      // "Did he? I think so." is prose; "How long were we together, and was it early days?
      // Two years." is a question with its answer after it; so is "was he what i wanted? no."
      // when it opens asking and a reply follows it. A head of a word or three is a question
      // only when a yes or a no answers it ("Reversible? Yes, if I stop disappearing").
      // The words posed on the line: a follow-up restating the question is posed too.
      std::size_t posed_words =
          std::max(own_words(c.plain), own_words(line.substr(c.start - base, c.end - c.start)));
      if (c.question_mark && !ends_with_question_mark(t) && posed_words < 6 && !qa_lines) {
        std::string_view rest = line.substr(c.end - base);
        bool replied = posed_words < 4 ? replies_at(rest, false) : replies_at(rest);
        // Opening its paragraph, a short question followed by prose on its line may be a
        // question with its answer, or prose asking nothing of the pack (Candidate::
        // prose_after).
        // Among lines written one thought each ("said: …", "fixable? if i go to days."), a
        // short question answered after it on its line is one of them.
        if (!replied && !(first && posed_words >= 2) && !one_thought_lines) continue;
        c.loose = c.prose_after = !replied;
        c.must_ask = posed_words >= 4 && replied;
      }
      // A definition list's term ("How I tell her I still love her\n: a letter first") is
      // posed by the ": " line under it, however long.
      std::string_view next =
          nl == std::string_view::npos ? std::string_view{} : trim(para.substr(nl + 1));
      bool defined = next.starts_with(": ") || next.starts_with(":\t");
      // Among lines written one thought each, a longer line is still one thought.
      std::size_t most = one_thought_lines ? kMaxLooseWords : kMaxLooseLineWords;
      // Longer, it may be prose wrapped at a margin: a question only when it opens asking ("how
      // long were we together and was it early days or something deeper" over its answer). A
      // chat's message is never wrapped: it is one thought, however long.
      std::size_t line_words = 0;
      if (c.loose && !c.label && !c.must_ask && more && !defined && !chat)
        line_words = written_words(t);
      // So is one after a line its writer ended with a stop ("rain. J's stuff still in the hall
      // closet." then "am I doing this bc I'm scared of being alone").
      bool after_stop = !first && (before.ends_with(".") || before.ends_with("!") ||
                                   before.ends_with("?") || before.ends_with("…"));
      // Among lines written one thought each, a head answered after it on the line ("what she
      // actually said - \"i cant do the shifts\" …", "how we change together -> …") is as
      // long as its head: the answer is no part of it.
      bool answered_on_line = one_thought_lines && c.end - base < trim(line).size();
      // So is a head an arrow answers ("est-ce que je m'accroche quand il me repousse → oui
      // grave. en septembre…"): prose wrapped at a margin points at nothing.
      if (answered_after_arrow(line, base, c)) answered_on_line = true;
      if (c.loose && !c.label && !c.must_ask && more && line_words > most && !defined &&
          !answered_on_line) {
        if ((!first && !after_stop) || line_words > kMaxLooseWords) continue;
        c.must_ask = true;
      }
      // The last line of prose, unless, among lines written one thought each, it is a head
      // answered after it, or one that opens asking, left unanswered ("am i scared of being by
      // myself??\nlowkey yes.\nwhat tells me i wont end up alone").
      if (c.loose && !c.label && !first && !more && !answered_on_line && !chat) {
        if (one_thought_lines) {
          c.must_ask = true;
        } else {
          // Unless it titles a list right under it, no blank line between ("Les erreurs…" /
          // "Journal de la semaine" / "- 9/11 : billets pris"): paragraph_lines_memo, which
          // sees what follows the paragraph, decides (Candidate::over_list).
          // Not an item's own lines (the list after it is its siblings), unless written at the
          // margin, outside the item as its writer sees it ("- …Tous les deux." then "Comment
          // lui dire que je l'aime toujours" then "- « Mi, mwen toujou enmé-w »"); never a
          // sentence.
          bool at_margin = !line.empty() && line.front() != ' ' && line.front() != '\t';
          if ((skip_first && !at_margin) || !c.title_like || written_words(t) > kMaxLabelWords ||
              t.find_first_of(".!?") != std::string_view::npos)
            continue;
          c.over_list = true;
        }
      }
    }
    out.push_back(std::move(c));
  }
}

// "[!question] What did she say?" (Obsidian callouts; "[!note]-" folds): the byte after the
// type, or npos when the line is no callout title.
std::size_t callout_title(std::string_view line) {
  // "> 💭 Am I just scared of being on my own?": a journaling app's prompt, set off by the
  // pictograph it opens with (U+2600-U+27BF, U+1F300 and above).
  if (line.size() > 4 && ((static_cast<unsigned char>(line[0]) == 0xF0 &&
                           static_cast<unsigned char>(line[1]) == 0x9F) ||
                          (static_cast<unsigned char>(line[0]) == 0xE2 &&
                           static_cast<unsigned char>(line[1]) >= 0x98 &&
                           static_cast<unsigned char>(line[1]) <= 0x9E))) {
    std::size_t i = static_cast<unsigned char>(line[0]) == 0xF0 ? 4 : 3;
    if (line.substr(i, 3) == "\xEF\xB8\x8F") i += 3; // the emoji presentation selector
    if (i < line.size() && line[i] == ' ') return i + 1;
    return std::string_view::npos;
  }
  // GitHub's older admonition, "> **Note** …", and its like ("> **question** …").
  if (line.starts_with("**")) {
    std::size_t close = line.find("**", 2);
    if (close == std::string_view::npos || close > 16 || !is_type_word(line.substr(2, close - 2)))
      return std::string_view::npos;
    std::size_t i = close + 2;
    while (i < line.size() && (line[i] == ' ' || line[i] == ':'))
      ++i;
    return i;
  }
  if (!line.starts_with("[!")) return std::string_view::npos;
  std::size_t close = line.find(']');
  if (close == std::string_view::npos || close > 32) return std::string_view::npos;
  std::size_t i = close + 1;
  if (i < line.size() && (line[i] == '-' || line[i] == '+')) ++i;
  while (i < line.size() && line[i] == ' ')
    ++i;
  return i;
}

// Is block `i` in the body of an Obsidian callout (a block quote whose first line is
// "[!type] …"), past its title? A callout is the writer's own styled block: its lists are
// theirs, unlike other quoted text.
bool in_callout_body(const std::vector<Block>& blocks, std::string_view text, int i) {
  for (int j = blocks[static_cast<std::size_t>(i)].parent; j >= 0;
       j = blocks[static_cast<std::size_t>(j)].parent) {
    const Block& quote = blocks[static_cast<std::size_t>(j)];
    if (quote.kind != BlockKind::BlockQuote) continue;
    const std::size_t title = static_cast<std::size_t>(j) + 1;
    if (title >= blocks.size() || static_cast<int>(title) == i ||
        blocks[title].kind != BlockKind::Paragraph || blocks[title].parent != j)
      return false;
    return callout_title(first_line(text, blocks[title].text_start, blocks[title].text_end)) !=
           std::string_view::npos;
  }
  return false;
}

std::optional<AdmonitionTitle> admonition_title(std::string_view line) {
  std::size_t i = 0;
  if (line.starts_with("!!!") || line.starts_with("???")) i = 3;
  if (i == 0) return std::nullopt;
  if (line[0] == '?' && i < line.size() && line[i] == '+') ++i; // opened when shown
  if (i >= line.size() || line[i] != ' ') return std::nullopt;
  auto skip_spaces = [&] {
    while (i < line.size() && line[i] == ' ')
      ++i;
  };
  auto word = [&] {
    std::size_t from = i;
    while (i < line.size() &&
           (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '-' || line[i] == '_'))
      ++i;
    return line.substr(from, i - from);
  };
  skip_spaces();
  const std::string type = fold_for_match(word());
  if (type.empty()) return std::nullopt;
  skip_spaces();
  // "!!! tip inline end "…"": where it floats, none of its title.
  for (std::size_t at = i; at < line.size() && line[at] != '"'; at = i) {
    std::string_view modifier = word();
    if (modifier != "inline" && modifier != "end") return std::nullopt;
    skip_spaces();
  }
  std::size_t close = line.rfind('"');
  if (i >= line.size() || line[i] != '"' || close <= i || !trim(line.substr(close + 1)).empty())
    return std::nullopt;
  return AdmonitionTitle{i + 1, close - i - 1,
                         type == "question" || type == "questions" || type == "faq" ||
                             type == "help" || type == "q"};
}

bool asking_callout(std::string_view line) {
  if (!line.starts_with("[!")) return false;
  std::size_t close = line.find(']');
  if (close == std::string_view::npos) return false;
  std::string type = fold_for_match(line.substr(2, close - 2));
  return type == "question" || type == "questions" || type == "faq" || type == "help" ||
         type == "q";
}

std::optional<LineReading> line_reading(std::string_view line,
                                        const std::function<bool(std::string_view)>& may_ask) {
  Candidate c;
  if (!read_line(line, 0, c)) {
    // As long as any sentence read_task_sentence() takes, for a task or a paragraph.
    if (!read_task_sentence(line, 0, c, kMaxPromptSentenceWords, may_ask)) return std::nullopt;
    return LineReading{std::move(c.plain), c.loose, false, false, false, c.must_ask, true};
  }
  std::string_view t = trim(line);
  return LineReading{std::move(c.plain),
                     c.loose,
                     c.label,
                     c.question_mark,
                     t.starts_with("**") || t.starts_with("__"),
                     c.must_ask,
                     false};
}

bool opens_with_answer_label(std::string_view text) {
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 12));
  std::size_t cut = head.find_first_of(":.");
  return cut != std::string_view::npos && cut > 0 && cut + 1 < text.size() &&
         (text[cut + 1] == ' ' || text[cut + 1] == '\t') && is_answer_label(head.substr(0, cut));
}

bool is_answer_label(std::string_view label) {
  std::string folded = fold_for_match(trim(label));
  return folded == "a" || folded == "r" || folded == "answer" || folded == "reponse" ||
         folded == "ans" || folded == "response";
}

bool opens_with_a_reason(std::string_view label) {
  std::string folded = fold_for_match(trim(label));
  for (std::string_view opener :
       {"since ", "because ", "cause ", "comme ", "puisque ", "vu que ", "parce que ", "parce qu"})
    if (folded.starts_with(opener)) return true;
  return false;
}

// "Elle m'a dit en partant", "Samedi, au Nektar, elle a dit", "He told me": a report of what
// someone said, its words after the colon, never a label posing a question (that asks what:
// "What she said", "Ce qu'elle m'a dit", "Elle a dit quoi, officiellement"). Read in the
// label's last part set off by commas, which opens with the one speaking.
bool reports_speech(std::string_view label) {
  std::vector<std::string> all = split_words(fold_for_match(label));
  // Asking what, or whether ("if", "si"; Doric's "fit" is "what").
  if (std::any_of(all.begin(), all.end(), [](const std::string& w) {
        return is_asking_word(w) || w == "whether" || w == "if" || w == "si" || w == "fit";
      }))
    return false;
  std::size_t comma = label.rfind(',');
  std::vector<std::string> words = split_words(
      fold_for_match(comma == std::string_view::npos ? label : label.substr(comma + 1)));
  static const std::unordered_set<std::string> speakers = {"she",  "he", "they",
                                                           "elle", "il", "iel"};
  if (words.size() < 2 || !speakers.count(words[0])) return false;
  // Object pronouns and "a" of the compound past sit between the one speaking and the verb.
  static const std::unordered_set<std::string> between = {"m",   "me",   "l", "la",   "le",
                                                          "lui", "nous", "a", "just", "then"};
  static const std::unordered_set<std::string> verbs = {
      "said", "says", "told", "tells", "dit", "sorti", "sortie", "balance", "lache"};
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (verbs.count(words[i])) return true;
    if (!between.count(words[i])) return false;
  }
  return false;
}

std::size_t qa_inline_answer(std::string_view rest) {
  for (std::size_t at = rest.find(" A:"); at != std::string_view::npos;
       at = rest.find(" A:", at + 1))
    if (at > 0 && (rest[at - 1] == '?' || rest[at - 1] == '.' || rest[at - 1] == ' ')) return at;
  return std::string_view::npos;
}

std::optional<std::size_t> qa_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
    ++i;
  std::string_view rest = line.substr(i);
  // "Q:", "Q3.", "Question 4 —", and a worksheet's "Prompt:" (journaling apps and therapy
  // worksheets pose their questions so).
  auto word = [&](std::string_view w) {
    if (rest.size() < w.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(rest[k])) != w[k]) return false;
    return true;
  };
  std::size_t len = 0;
  if (word("question"))
    len = 8;
  else if (word("prompt"))
    len = 6;
  else if (!rest.empty() && (rest[0] == 'Q' || rest[0] == 'q'))
    len = 1;
  else
    return std::nullopt;
  std::size_t j = len;
  while (j < rest.size() && (rest[j] == ' ' || (rest[j] >= '0' && rest[j] <= '9')))
    ++j;
  std::size_t after = 0; // the separator's length
  if (j < rest.size() && (rest[j] == ':' || rest[j] == '.' || rest[j] == '-' || rest[j] == ')'))
    after = 1;
  else if (rest.substr(j).starts_with("\u2014") || rest.substr(j).starts_with("\u2013"))
    after = 3; // "—", "–"
  if (after == 0) return std::nullopt;
  if (len == 1 && j == len && rest[j] == '.') {
    // "Q." must be followed by a space: "Q.E.D" is not a question.
    if (j + 1 >= rest.size() || rest[j + 1] != ' ') return std::nullopt;
  }
  j += after;
  while (j < rest.size() && rest[j] == ' ')
    ++j;
  return i + j;
}

std::optional<Speaker> speaker_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
    ++i;
  const bool bold = line.substr(i).starts_with("**");
  if (bold) i += 2;
  const std::size_t name_start = i;
  if (i >= line.size() ||
      !((line[i] >= 'A' && line[i] <= 'Z') || static_cast<unsigned char>(line[i]) >= 0xC3))
    return std::nullopt;
  while (i < line.size() && i - name_start <= 20 &&
         (std::isalpha(static_cast<unsigned char>(line[i])) ||
          static_cast<unsigned char>(line[i]) >= 0x80))
    ++i;
  std::string_view name = line.substr(name_start, i - name_start);
  if (name.empty() || i - name_start > 20) return std::nullopt;
  std::string_view rest = line.substr(i);
  std::size_t after = 0;
  if (bold && (rest.starts_with(":**") || rest.starts_with("**:")))
    after = 3;
  else if (!bold && rest.starts_with(":"))
    after = 1;
  if (after == 0 || i + after >= line.size() || line[i + after] != ' ') return std::nullopt;
  i += after;
  while (i < line.size() && line[i] == ' ')
    ++i;
  return Speaker{name, i};
}

namespace {

// A chat export's date and time from `line[i]` on ("12/10/2026, 23:42:10", "1/11/26 7:22 PM",
// "01.11.2026 19:22"): where they end, or npos when none is there.
std::size_t after_date_and_time(std::string_view line, std::size_t i) {
  constexpr std::size_t none = std::string_view::npos;
  auto digits = [&](std::size_t most) {
    std::size_t from = i;
    while (i < line.size() && i - from < most && std::isdigit(static_cast<unsigned char>(line[i])))
      ++i;
    return i - from;
  };
  // The date: three groups of digits joined by '/', '.' or '-' ("12/10/2026", "10/12/26",
  // "2026-10-05"), or a day and a month alone ("04/11", as a note-to-self app stamps this
  // year's messages).
  for (int group = 0; group < 3; ++group) {
    if (digits(4) == 0) return none;
    if (group < 2) {
      if (i >= line.size() || (line[i] != '/' && line[i] != '.' && line[i] != '-')) {
        if (group == 1) break;
        return none;
      }
      ++i;
    }
  }
  if (i < line.size() && line[i] == ',') ++i;
  if (i >= line.size() || line[i] != ' ') return none;
  ++i;
  // The time: "23:42", "23:42:10", "11:42 PM", "11:42 p. m.".
  if (digits(2) == 0 || i >= line.size() || line[i] != ':') return none;
  ++i;
  if (digits(2) != 2) return none;
  if (i < line.size() && line[i] == ':') {
    ++i;
    if (digits(2) != 2) return none;
  }
  for (std::string_view meridiem :
       {" AM", " PM", " am", " pm", " a.m.", " p.m.", " a. m.", " p. m."})
    if (line.substr(i, meridiem.size()) == meridiem) return i + meridiem.size();
  return i;
}

} // namespace

namespace {

// A chat app's user handle ("enzo.mrz", "kez_92"): one word of letters and digits with a dot,
// an underscore or a digit in it, a letter first; never a message's word ("oui", "?").
bool is_handle(std::string_view word) {
  return !word.empty() && word.size() <= 32 &&
         std::isalpha(static_cast<unsigned char>(word.front())) &&
         word.find_first_of("._0123456789") != std::string_view::npos &&
         std::all_of(word.begin(), word.end(), [](char ch) {
           return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_';
         });
}

} // namespace

std::optional<Speaker> chat_message(std::string_view line) {
  const bool bracket = line.starts_with("[");
  std::size_t i = after_date_and_time(line, bracket ? 1 : 0);
  if (i == std::string_view::npos) return std::nullopt;
  if (bracket) {
    if (line.substr(i, 2) != "] ") return std::nullopt;
    i += 2;
    // A note-to-self app may name no sender ("[04/11 23:44] pq elle est partie"): a sender is
    // a name, capitalised ("Moi", "Nadège (vous)", "+33 6 12…"), of a few words. A stamp over
    // a name alone ("[08/11/2026 23:40] enzo.mrz", Discord's export) heads the message under
    // it: no message of its own.
    std::size_t colon = line.find(": ", i);
    std::string_view name =
        colon == std::string_view::npos ? std::string_view{} : line.substr(i, colon - i);
    const unsigned char first = name.empty() ? 0 : static_cast<unsigned char>(name.front());
    if (name.empty() || name.size() > 40 || count_words(name) > 3 ||
        name.find_first_of(".!?,") != std::string_view::npos ||
        !(std::isupper(first) || first == '+' || first == '~' || first >= 0x80)) {
      while (i < line.size() && line[i] == ' ')
        ++i;
      if (is_handle(trim(line.substr(i)))) return std::nullopt;
      return Speaker{{}, i};
    }
  } else {
    if (line.substr(i, 3) != " - ") return std::nullopt;
    i += 3;
  }
  // The sender: a name of a few words ("Nadège", "Nadège (vous)", "+33 6 12 34 56 78").
  std::size_t colon = line.find(": ", i);
  if (colon == std::string_view::npos || colon == i || colon - i > 40) return std::nullopt;
  std::string_view name = line.substr(i, colon - i);
  if (name.find_first_of(".!?") != std::string_view::npos) return std::nullopt;
  std::size_t text = colon + 2;
  while (text < line.size() && line[text] == ' ')
    ++text;
  return Speaker{name, text};
}

// A saved message's day and time, as a note-to-self export heads each ("**Tue 14 Jul 2026,
// 21:12**"): a few words, one of them a number, then the time.
bool saved_message_stamp(std::string_view line) {
  for (std::string_view mark : {"**", "__"})
    if (line.size() > 4 && line.starts_with(mark) && line.ends_with(mark))
      line = trim(line.substr(2, line.size() - 4));
  std::size_t space = line.rfind(' ');
  if (space == std::string_view::npos || !is_clock_stamp(line.substr(space + 1))) return false;
  std::string_view day = trim(line.substr(0, space));
  while (!day.empty() && (day.back() == ',' || day.back() == '-' || day.back() == ' '))
    day.remove_suffix(1);
  std::size_t tokens = 0;
  bool number = false;
  for (std::size_t i = 0; i < day.size();) {
    std::size_t j = day.find(' ', i);
    if (j == std::string_view::npos) j = day.size();
    std::string_view token = day.substr(i, j - i);
    while (!token.empty() && (token.back() == ',' || token.back() == '.'))
      token.remove_suffix(1);
    bool word = !token.empty() && token.size() <= 10 &&
                std::all_of(token.begin(), token.end(), [](char ch) {
                  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '-' ||
                         ch == '.' || static_cast<unsigned char>(ch) >= 0x80;
                });
    if (!word) return false;
    number = number || std::any_of(token.begin(), token.end(), [](char ch) {
               return std::isdigit(static_cast<unsigned char>(ch));
             });
    ++tokens;
    i = day.find_first_not_of(' ', j);
    if (i == std::string_view::npos) break;
  }
  return number && tokens >= 1 && tokens <= 5;
}

std::vector<std::pair<std::size_t, std::size_t>> further_questions(std::string_view rest) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t from = 0;     // just past the last "?"
  bool after_marks = false; // the span before was marks alone, the answer "??" of a question
  for (std::size_t q = rest.find('?'); q != std::string_view::npos;
       from = q + 1, q = rest.find('?', q + 1)) {
    std::string_view span = rest.substr(from, q + 1 - from); // an answer, then a question
    // Marks set apart by a space ("fait ? ??") answer; glued to the "?" ("Why??") they ask.
    bool marks = trim(span).find_first_not_of('?') == std::string_view::npos;
    bool answered_by_marks =
        std::exchange(after_marks, marks && (span.front() == ' ' || after_marks));
    if (marks) continue;
    std::size_t start = last_sentence_start(span);
    // An ellipsis left as the answer ("… personne ? … Qu'est-ce qui me rassure ?") answers as
    // marks do: the question after it starts past it.
    if (start == 0) {
      std::size_t lead = span.find_first_not_of(' ');
      std::size_t past = lead;
      for (bool cut = true; cut && past != std::string_view::npos;) {
        cut = false;
        for (std::string_view dots : {"\u2026", "..."})
          if (span.substr(past).starts_with(dots)) {
            past += dots.size();
            cut = true;
          }
      }
      if (past != lead && past < span.size() && span[past] == ' ') {
        answered_by_marks = true;
        start = span.find_first_not_of(' ', past);
      }
    }
    // No answer before it ("Is it reversible? What must change?"), unless marks left as one
    // ("… ce qu'elle fait ? ?? Et comment on change … ?").
    if (start == 0 && !answered_by_marks) continue;
    std::string_view answer = answered_by_marks && trim(span.substr(0, start)).empty()
                                  ? std::string_view("??")
                                  : span.substr(0, start);
    std::string_view asked = trim(span.substr(start, span.size() - 1 - start));
    // A short answer between: past a few sentences, the line is prose that happens to ask.
    if ((count_words(answer) == 0 && !answered_by_marks) ||
        written_words(answer) > kMaxFurtherAnswerWords)
      continue;
    if (written_words(asked) == 0 || written_words(asked) > kMaxFurtherWords ||
        answer.find_first_of("\"()") != std::string_view::npos ||
        asked.find_first_of("\"()") != std::string_view::npos ||
        answer.find("\u00ab") != std::string_view::npos ||
        answer.find("\u201c") != std::string_view::npos)
      continue;
    out.emplace_back(from + start, q + 1);
  }
  return out;
}

bool chat_header(std::string_view line) {
  line = trim(line);
  if (is_clock_stamp(line)) return true;
  if (saved_message_stamp(line)) return true;
  // Discord's export, its stamp in brackets then the sender's handle alone over the message:
  // "[08/11/2026 23:42] enzo.mrz" (a handle: one word of letters with a dot, an underscore or a
  // digit, never a message's word).
  if (line.starts_with("["))
    if (std::size_t i = after_date_and_time(line, 1); i != std::string_view::npos &&
                                                      line.substr(i, 2) == "] " &&
                                                      is_handle(trim(line.substr(i + 2))))
      return true;
  // A transcript's speaker over what they said, as Otter.ai exports it: "Roland  0:02", a name
  // of a word or three (each with its capital) then the stamp.
  if (std::size_t space = line.rfind(' '); space != std::string_view::npos && space > 0 &&
                                           space <= 40 && is_clock_stamp(line.substr(space + 1))) {
    std::string_view name = trim(line.substr(0, space));
    // "**Declan** 0:15": the speaker's name in bold, as some exports set it.
    if (name.size() > 4 && ((name.starts_with("**") && name.ends_with("**")) ||
                            (name.starts_with("__") && name.ends_with("__"))))
      name = trim(name.substr(2, name.size() - 4));
    std::size_t words = 0;
    bool names = !name.empty();
    for (std::size_t i = 0; names && i < name.size();) {
      std::size_t j = name.find(' ', i);
      if (j == std::string_view::npos) j = name.size();
      unsigned char first = static_cast<unsigned char>(name[i]);
      names = ((first >= 'A' && first <= 'Z') || first >= 0x80) &&
              name.substr(i, j - i).find_first_of(".,;:!?()[]*_#") == std::string_view::npos;
      ++words;
      i = name.find_first_not_of(' ', j);
      if (i == std::string_view::npos) break;
    }
    if (names && words <= 3) return true;
  }
  std::size_t open = line.rfind(", [");
  if (open == std::string_view::npos || open == 0 || open > 40 || !line.ends_with("]"))
    return false;
  if (line.substr(0, open).find_first_of(".!?:") != std::string_view::npos) return false;
  std::string_view stamp = line.substr(open + 3, line.size() - open - 4);
  std::size_t i = after_date_and_time(stamp, 0);
  return i == stamp.size();
}

// A candidate read at offset 0 of its own text, moved to where that text sits in the note.
void shift_to(Candidate& c, std::size_t base) {
  c.start += base;
  c.end += base;
  c.answer_start += base;
  if (c.item_end) c.item_end += base;
}

// A task item is posed to be answered, even written as one sentence with a stop ("- [x] Les
// fois où je me suis dit que je rencontrerais plus jamais personne... et puis si."): read
// without its stop, and posed only when it opens asking, as a line's first sentence is. So is a
// paragraph's first line (Candidate::stop_ended), posed only by a prompt's lead.
bool read_task_sentence(std::string_view line, std::size_t base, Candidate& c,
                        std::size_t most_words,
                        const std::function<bool(std::string_view)>& may_ask) {
  std::string_view bare = trim_end(line);
  while (!bare.empty() && (bare.back() == '*' || bare.back() == '_'))
    bare.remove_suffix(1);
  if (!bare.ends_with('.') || first_break(bare).at != std::string_view::npos ||
      label_colon(bare) != std::string_view::npos)
    return false;
  std::size_t words = own_words(bare);
  if (words < 3 || words > most_words) return false;
  // Its first words before its plain text: most of a diary's sentences open with neither a
  // lead nor a word that asks. (Asked after the scans above, which turn most lines away for
  // less: asked before them it cost more on the diary vault, performance.md.)
  if (may_ask && !may_ask(bare.substr(0, bare.size() - 1))) return false;
  c.plain = plain_text(bare.substr(0, bare.size() - 1));
  c.loose = true;
  c.must_ask = true;
  c.start = base;
  c.end = base + bare.size();
  c.answer_start = c.end;
  return true;
}

// read_line() of a list item's line, memoised per thread as paragraph_lines_memo() is.
bool read_line_memo(std::string_view line, std::size_t base, Candidate& c) {
  thread_local ThreadMemo<std::optional<Candidate>> memo;
  const auto& read = memo.get(1, std::string(line), [&]() -> std::optional<Candidate> {
    Candidate relative;
    if (!read_line(line, 0, relative)) return std::nullopt;
    return relative;
  });
  if (!read) return false;
  int block = c.block, depth = c.depth;
  c = *read;
  c.block = block;
  c.depth = depth;
  shift_to(c, base);
  return true;
}

// paragraph_lines() depends only on the paragraph's own text (and whether its first line is a
// list item's): an editor analyses the note again after every keystroke, and all paragraphs but
// the edited one are the same text, at other offsets. A per-thread memo of their candidates,
// kept relative to the paragraph's text, returns what a call would (with the same gate: its
// owner keys the memo).
void paragraph_lines_memo(std::string_view text, const Block& b, int block,
                          std::vector<Candidate>& out, bool skip_first, const SentenceGate& gate) {
  thread_local ThreadMemo<std::vector<Candidate>> memo;
  std::string_view para = text.substr(b.text_start, b.text_end - b.text_start);
  const auto& found = memo.get(gate.owner, memo_key(skip_first ? "item" : "para", para), [&] {
    std::vector<Candidate> lines;
    Block alone = b;
    alone.text_start = 0;
    alone.text_end = para.size();
    paragraph_lines(para, alone, 0, lines, skip_first, gate);
    return lines;
  });
  // A list right under the paragraph, no blank line between: what its last line may title.
  auto list_follows = [&] {
    std::size_t at = b.text_end; // the paragraph's last line break, or the line after it
    if (at == 0 || text[at - 1] != '\n') {
      if (at < text.size() && text[at] == '\r') ++at;
      if (at >= text.size() || text[at] != '\n') return false;
      ++at;
    }
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
      ++at;
    if (at + 1 < text.size() && (text[at] == '-' || text[at] == '*' || text[at] == '+') &&
        text[at + 1] == ' ')
      return true;
    std::size_t digits = at;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
      ++digits;
    return digits > at && digits + 1 < text.size() &&
           (text[digits] == '.' || text[digits] == ')') && text[digits + 1] == ' ';
  };
  for (const Candidate& relative : found) {
    if (relative.over_list && !list_follows()) continue;
    Candidate c = relative;
    c.block = block;
    c.depth = b.depth;
    shift_to(c, b.text_start);
    out.push_back(std::move(c));
  }
}

std::size_t aside_body(std::string_view text, const Block& b) {
  std::size_t eol = text.find('\n', b.start);
  if (eol == std::string_view::npos || eol + 1 >= b.end) return b.end;
  std::string_view first = trim(text.substr(b.start, eol - b.start));
  if (first.size() != 7 || fold_case(first) != "<aside>") return b.end;
  std::string_view rest = text.substr(eol + 1, b.end - eol - 1);
  if (trim(rest).empty() || trim(rest).starts_with("<")) return b.end;
  return eol + 1;
}

// A question copied into a note as a quote and answered under it ("> What were his official
// reasons for leaving you?" then the writer's own paragraph), as people do with an article's or a
// book's questions: a top-level quote holding one line and nothing else, followed by the
// writer's unquoted text (or by a heading or the note's end: unanswered). Read as a line of the
// writer's; other quoted text stays someone else's words (a draft, what the ex wrote).
std::optional<Candidate> quoted_question(std::string_view text, const std::vector<Block>& blocks,
                                         int i, const SentenceGate& gate) {
  const Block& b = blocks[static_cast<std::size_t>(i)];
  int quote = b.parent;
  // An email's reply quotes a numbered question ("> 2. What reasons did he give?") as a list
  // of one item: the item's own text, the quote's only content, is read as a quoted line.
  if (b.item_lead && quote >= 0 &&
      blocks[static_cast<std::size_t>(quote)].kind == BlockKind::ListItem) {
    const int item = quote;
    quote = blocks[static_cast<std::size_t>(item)].parent;
    if (quote < 0 || quote + 1 != item || item + 1 != i) return std::nullopt;
  } else if (quote < 0 || quote + 1 != i) {
    return std::nullopt;
  }
  const Block& q = blocks[static_cast<std::size_t>(quote)];
  if (q.kind != BlockKind::BlockQuote || q.parent != -1) return std::nullopt;
  const std::size_t next = static_cast<std::size_t>(i) + 1;
  if (next < blocks.size() && blocks[next].start < q.end) return std::nullopt; // more inside
  // Answered under it, or left unanswered before a heading or the note's end; never a quote
  // after a quote (a conversation).
  if (next < blocks.size() &&
      (blocks[next].in_quote ||
       (blocks[next].kind != BlockKind::Paragraph && blocks[next].kind != BlockKind::ListItem &&
        blocks[next].kind != BlockKind::Heading)))
    return std::nullopt;
  // Under a question ("### Is it reversible?" then its guidance or its answer quoted, or "how
  // do i say i still love them" posed without its "?" then the words drafted), a quote is what
  // answers it, never a question of its own. Markers and comments are passed over.
  // (Up an item's blocks, only its own line: an item above it answered under it, "- Un avenir
  // possible ?" over "  - Je ne crois pas.", is no question over the quote.)
  const char* nearest_line = nullptr;
  for (int j = quote - 1; j >= 0; --j) {
    const Block& before = blocks[static_cast<std::size_t>(j)];
    if (before.kind == BlockKind::Html) continue;
    if (before.text_end > before.text_start) {
      std::string_view above = first_line(text, before.text_start, before.text_end);
      if (nearest_line == nullptr)
        nearest_line = above.data();
      else if (above.data() != nearest_line)
        break;
      // (A paragraph of questions and their answers, "Q : … ?" then "R : …", is answered
      // already: a quote after it is the next question.)
      const bool answered_in_its_block =
          before.kind == BlockKind::Paragraph &&
          trim(text.substr(before.text_start, before.text_end - before.text_start)).size() >
              trim(above).size();
      if ((ends_with_question_mark(above) && !answered_in_its_block) ||
          (j + 1 == quote && before.kind == BlockKind::Paragraph &&
           trim(text.substr(before.text_start, before.text_end - before.text_start)).size() ==
               trim(above).size() &&
           above.find_first_of(".!") == std::string_view::npos && opens_with_a_wh_word(above)))
        return std::nullopt;
    }
    if (before.parent < 0 || before.kind == BlockKind::Heading) break;
  }
  std::string_view line = first_line(text, b.text_start, b.text_end);
  if (!trim(text.substr(b.text_start + line.size(), b.text_end - b.text_start - line.size()))
           .empty())
    return std::nullopt; // one line only
  // "> **Daily Prompt:** What made you smile today?": a journaling app's labelled prompt.
  if (std::string_view t = trim(line); t.starts_with("**") || t.starts_with("__")) {
    std::size_t close = t.find(t.substr(0, 2), 2);
    if (close != std::string_view::npos && close > 2 && t[close - 1] == ':' &&
        !trim(t.substr(close + 2)).empty())
      return std::nullopt;
  }
  Candidate c;
  c.block = i;
  c.depth = b.depth;
  if (!read_line(line, b.text_start, c)) {
    // "> Les fois où j'ai cru ne plus rencontrer personne… et puis si." over its answer: one
    // sentence with a stop, posed by a prompt's lead, as an item's may be.
    if (!read_task_sentence(line, b.text_start, c, kMaxPromptSentenceWords, gate.may_pose))
      return std::nullopt;
    c.stop_ended = true;
  }
  c.form = QuestionForm::Line;
  c.answer_start = q.end;
  c.quoted = true;
  return c;
}

namespace {

// A top-level quote's paragraph `i` whose first line `line` has more of the quote after it (its
// answer, on the quote's next lines).
bool first_line_of_quote_over_more(std::string_view text, const std::vector<Block>& blocks, int i,
                                   std::string_view line) {
  const Block& b = blocks[static_cast<std::size_t>(i)];
  const int quote = b.parent;
  if (quote < 0 || quote + 1 != i || blocks[static_cast<std::size_t>(quote)].parent != -1)
    return false;
  std::size_t after = static_cast<std::size_t>(line.data() - text.data()) + line.size();
  return after < b.text_end && !trim(text.substr(after, b.text_end - after)).empty();
}

// "> **Big one: is it a whole-hearted YES?**" over "> Yes, but I'm scared.": a top-level
// quote opening with a line wholly in bold, its answer on the quote's next lines, is the
// writer's question set apart as a callout is (when it asks: see find_candidates); someone's
// quoted words are not written so.
bool bold_question_over_answer(std::string_view text, const std::vector<Block>& blocks, int i,
                               std::string_view line) {
  std::string_view t = trim(line);
  return ((t.starts_with("**") && t.ends_with("**")) ||
          (t.starts_with("__") && t.ends_with("__"))) &&
         t.size() > 4 && first_line_of_quote_over_more(text, blocks, i, line);
}

// `t` without the emphasis and quotation marks around it ("*", "_", '"', "«", "»", "“", "”",
// and the spaces French puts inside guillemets).
std::string_view without_marks_around(std::string_view t) {
  static constexpr std::string_view marks[] = {"*",      "_",      "\"",     " ",      "\u00AB",
                                               "\u00BB", "\u201C", "\u201D", "\u00A0", "\u202F"};
  for (bool cut = true; cut && !t.empty();) {
    cut = false;
    for (std::string_view m : marks) {
      if (t.starts_with(m)) t.remove_prefix(m.size()), cut = true;
      if (t.ends_with(m)) t.remove_suffix(m.size()), cut = true;
    }
  }
  return t;
}

// "> Was it what I'd wanted, us two?" over "> Aye, at the start.": a top-level quote whose
// first line is a question and nothing else, its answer on the quote's next lines. Quoted
// questions count only in a note that quotes two or more (find_candidates).
bool question_over_answer_in_quote(std::string_view text, const std::vector<Block>& blocks, int i,
                                   std::string_view line) {
  // In italics or quotation marks as a whole ("> *Is that something you can change by
  // yourself?*", "> « Ces raisons sont-elles réversibles ? »"), as a counsellor's question is
  // copied.
  std::string_view t = without_marks_around(trim(line));
  if (!t.ends_with("?") || t.find('?') + 1 != t.size()) return false;
  // A letter's greeting ("> Dear Tom, what were your reasons?"): a draft to someone, not a
  // question set apart.
  std::string first = fold_for_match(t.substr(0, std::min<std::size_t>(t.size(), 12)));
  for (std::string_view greeting :
       {"dear ", "hi ", "hey ", "hello ", "cher ", "chere ", "salut ", "coucou ", "bonjour "})
    if (first.starts_with(greeting)) return false;
  return first_line_of_quote_over_more(text, blocks, i, line);
}

// Where the text of the line starting at `at` begins past its quote marker ("> ", up to three
// spaces before it), or npos when the line is not marked as quoted (a lazy line).
std::size_t after_quote_marker(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t k = at;
  while (k < end && k - at < 4 && text[k] == ' ')
    ++k;
  if (k >= end || text[k] != '>') return std::string_view::npos;
  ++k;
  if (k < end && text[k] == ' ') ++k;
  return k;
}

// A quote's paragraph runs on over lines written without "> " (CommonMark's lazy
// continuation): "> it was all on me" then "How I'll tell her I still love her:" then "> I love
// you, come home". Such a line is the writer's own, typed between the quotes, as the editor
// shows it: each run of them is read as a paragraph's lines.
void lazy_lines_of_quote(std::string_view text, const Block& b, int block,
                         std::vector<Candidate>& out, const SentenceGate& gate) {
  auto quoted_line = [&](std::size_t at) {
    return after_quote_marker(text, at, b.text_end) != std::string_view::npos;
  };
  std::size_t run = std::string_view::npos; // where the current run of lazy lines starts
  for (std::size_t nl = text.find('\n', b.text_start);; nl = text.find('\n', nl + 1)) {
    std::size_t at = nl == std::string_view::npos || nl >= b.text_end ? b.text_end : nl + 1;
    bool lazy = at < b.text_end && !quoted_line(at);
    if (run != std::string_view::npos && !lazy) {
      Block inner = b;
      inner.in_quote = false;
      inner.text_start = run;
      inner.text_end = at;
      while (inner.text_end > run &&
             (text[inner.text_end - 1] == '\n' || text[inner.text_end - 1] == '\r'))
        --inner.text_end;
      paragraph_lines_memo(text, inner, block, out, false, gate);
      run = std::string_view::npos;
    }
    if (lazy && run == std::string_view::npos) run = at;
    if (at >= b.text_end) break;
  }
}

// "> « Et celles qu'elle n'a pas dites ? »" then "Qu'elle s'ennuyait avec moi." typed under it
// without "> ", then the next quoted question: a top-level quote's paragraph alternating a
// counsellor's questions and the writer's lazy lines holds each question over its answer, as
// its first line does (question_over_answer_in_quote). Those after its first line, as quoted
// candidates (counted only in a note quoting two or more).
void quoted_questions_over_lazy_lines(std::string_view text, const std::vector<Block>& blocks,
                                      int i, std::vector<Candidate>& quoted) {
  const Block& b = blocks[static_cast<std::size_t>(i)];
  const int quote = b.parent;
  if (quote < 0 || quote + 1 != i || blocks[static_cast<std::size_t>(quote)].parent != -1) return;
  auto quote_mark = [&](std::size_t at) { return after_quote_marker(text, at, b.text_end); };
  std::size_t nl = text.find('\n', b.text_start);
  while (nl != std::string_view::npos && nl + 1 < b.text_end) {
    const std::size_t at = nl + 1;
    const std::size_t next_nl = std::min(text.find('\n', at), static_cast<std::size_t>(b.text_end));
    const std::size_t words = quote_mark(at);
    nl = next_nl < b.text_end ? next_nl : std::string_view::npos;
    if (words == std::string_view::npos || nl == std::string_view::npos) continue;
    const std::size_t after = nl + 1;
    const std::size_t after_end =
        std::min(text.find('\n', after), static_cast<std::size_t>(b.text_end));
    if (quote_mark(after) != std::string_view::npos ||
        trim(text.substr(after, after_end - after)).empty())
      continue; // the next line is quoted too, or nothing
    std::string_view line = text.substr(words, next_nl - words);
    std::string_view t = without_marks_around(trim(line));
    if (!t.ends_with("?") || t.find('?') + 1 != t.size()) continue;
    Candidate c;
    if (!read_line(line, words, c) || !c.question_mark ||
        !without_marks_around(trim(text.substr(c.answer_start, next_nl - c.answer_start))).empty())
      continue;
    c.block = i;
    c.depth = b.depth;
    c.form = QuestionForm::Line;
    c.quoted = true;
    c.answer_start = after;
    quoted.push_back(std::move(c));
  }
}

// A label this short may tell what it names, then ask of it on the same line.
constexpr std::size_t kMaxSideLabelWords = 3;

// "> [!question] Were my needs respected" typed inside the callout above it, no blank line
// between: the writer's next callout, its title posed as the first one's is (find_candidates).
void later_callout_titles(std::string_view text, const Block& b, int block,
                          std::vector<Candidate>& out, const SentenceGate& gate) {
  for (std::size_t nl = text.find('\n', b.text_start);
       nl != std::string_view::npos && nl < b.text_end; nl = text.find('\n', nl + 1)) {
    std::size_t at = nl + 1;
    const std::size_t end = std::min(text.find('\n', at), static_cast<std::size_t>(b.text_end));
    while (at < end && (text[at] == ' ' || text[at] == '>'))
      ++at;
    std::string_view line = text.substr(at, end - at);
    const std::size_t title = callout_title(line);
    if (title == std::string_view::npos || title >= line.size()) continue;
    Candidate c;
    c.block = block;
    c.depth = b.depth;
    if (!read_line(line.substr(title), at + title, c)) {
      if (!read_task_sentence(line.substr(title), at + title, c, kMaxPromptSentenceWords,
                              gate.may_pose))
        continue;
      c.stop_ended = true;
    }
    c.form = QuestionForm::Line;
    c.loose = c.loose && !c.label && !asking_callout(line);
    c.must_ask = c.must_ask && c.loose;
    out.push_back(std::move(c));
  }
}

// After each question answered on its line, the further questions of that line
// (further_questions), each a candidate of the same block and form, answered up to the next.
void add_further_questions(std::string_view text, std::vector<Candidate>& lines) {
  std::vector<Candidate> more;
  for (const Candidate& c : lines) {
    if (c.form == QuestionForm::Heading || c.form == QuestionForm::QA ||
        c.answer_start >= text.size())
      continue;
    std::size_t eol = std::min(text.find('\n', c.answer_start), text.size());
    std::string_view rest = text.substr(c.answer_start, eol - c.answer_start);
    if (rest.find('?') == std::string_view::npos) continue;
    std::vector<std::pair<std::size_t, std::size_t>> asked_after;
    if (c.question_mark) {
      asked_after = further_questions(rest);
    } else if (c.label && count_words(c.plain) <= kMaxSideLabelWords) {
      // "her side: I put the boat before her. do I change all of that, or some?": a short
      // label, what it tells, then the question it raises, ending the line (its answer below).
      std::string_view told = trim_end(rest);
      if (told.ends_with("?") && told.find('?') + 1 == told.size())
        if (std::size_t start = last_sentence_start(told); start > 0) {
          while (start < told.size() && told[start] == ' ')
            ++start;
          if (count_words(told.substr(start)) >= 3) asked_after.emplace_back(start, told.size());
        }
    }
    for (const auto& [from, to] : asked_after) {
      std::string_view asked = rest.substr(from, to - from);
      std::size_t lead = 0;
      while (lead < asked.size() && (asked[lead] == ' ' || asked[lead] == '\t'))
        ++lead;
      Candidate f;
      f.block = c.block;
      f.form = c.form;
      f.depth = c.depth;
      f.level = c.level;
      f.item_end = c.item_end;
      f.task = c.task;
      f.quoted = c.quoted;
      f.start = c.answer_start + from + lead;
      f.end = c.answer_start + to;
      f.answer_start = f.end;
      f.plain = plain_text(trim(asked.substr(lead, asked.size() - lead - 1)));
      f.question_mark = true;
      f.after_prose = true;
      f.further = c.question_mark; // a side label's question stands on its own
      f.head_start = c.start;
      more.push_back(std::move(f));
    }
  }
  if (more.empty()) return;
  lines.insert(lines.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
}

} // namespace

Candidates find_candidates(std::string_view text, const Outline& outline,
                           const SentenceGate& gate) {
  Candidates out;
  const auto& blocks = outline.blocks;
  // Quoted questions count only in a note that quotes two or more (a reading note's habit),
  // never one quote alone (an epigraph, a draft's closing question).
  std::vector<Candidate> quoted;
  std::vector<Candidate> later_titles; // later_callout_titles
  for (int i = 0; i < static_cast<int>(blocks.size()); ++i) {
    const Block& b = blocks[static_cast<std::size_t>(i)];
    if (b.kind == BlockKind::Html) {
      markers_in(text.substr(b.start, b.end - b.start), i, b.start, out.markers);
      // Notion exports a callout as "<aside>", its text, a blank line, "</aside>": the text is
      // the person's own, read as a paragraph's lines.
      if (std::size_t body = aside_body(text, b); body < b.end) {
        Block inner = b;
        inner.kind = BlockKind::Paragraph;
        inner.text_start = body;
        inner.text_end = b.end;
        while (inner.text_end > body &&
               (text[inner.text_end - 1] == '\n' || text[inner.text_end - 1] == '\r' ||
                text[inner.text_end - 1] == ' '))
          --inner.text_end;
        // "</aside>" on the last line, when no blank line came before it.
        std::size_t last = text.rfind('\n', inner.text_end == 0 ? 0 : inner.text_end - 1);
        if (last != std::string_view::npos && last >= body &&
            fold_case(trim(text.substr(last + 1, inner.text_end - last - 1))) == "</aside>")
          inner.text_end = last;
        if (inner.text_end > body) paragraph_lines_memo(text, inner, i, out.lines, false, gate);
      }
      continue;
    }
    Candidate c;
    c.block = i;
    c.depth = b.depth;
    if (b.kind == BlockKind::Heading) {
      if (b.in_quote || b.text_end <= b.text_start) continue;
      std::string_view raw = text.substr(b.text_start, b.text_end - b.text_start);
      std::string joined;
      for (char ch : raw)
        joined += (ch == '\n' || ch == '\r') ? ' ' : ch;
      c.form = QuestionForm::Heading;
      c.plain = inline_text(joined).plain;
      // "## DONE Qu'est-ce qui ne fonctionnait pas ?": an Org state keyword (people keep
      // their Org habits in Markdown) is none of the heading's words.
      if (std::size_t state = org_state_keyword(c.plain); state < c.plain.size())
        c.plain.erase(0, state);
      c.start = b.text_start;
      c.end = b.text_end;
      c.answer_start = b.end;
      c.level = b.level;
      c.question_mark = ends_with_question_mark(joined);
      c.title_like = !c.question_mark;
      out.lines.push_back(std::move(c));
    } else if (b.kind == BlockKind::ListItem) {
      if (b.text_end <= b.text_start || (b.in_quote && !in_callout_body(blocks, text, i))) continue;
      std::string_view line = first_line(text, b.text_start, b.text_end);
      // Its question wrapped onto the item's next line is read with it.
      bool wrapped = false;
      if (std::size_t after = b.text_start + line.size();
          after < b.text_end &&
          (text.substr(after).starts_with("\n") || text.substr(after).starts_with("\r\n"))) {
        after += text[after] == '\r' ? 2 : 1;
        if (std::size_t w = wrapped_question_end(line, text.substr(after, b.text_end - after))) {
          line = text.substr(b.text_start, after + w - b.text_start);
          wrapped = true;
        }
      }
      // "- #proof" over nested items (Logseq, Obsidian): a block tagged with one word names what
      // its children are, as "- Proof:" does. Read as that label, "#proof" as "proof:" (the
      // same length, so every offset holds).
      std::string tag_as_label;
      if (std::string_view t = trim(line); only_tags(t) && t.find_first_of(" \t") == t.npos &&
                                           nests_items(blocks, static_cast<std::size_t>(i))) {
        tag_as_label = std::string(line);
        std::size_t hash = tag_as_label.find('#');
        tag_as_label.erase(hash, 1);
        tag_as_label.insert(hash + t.size() - 1, ":");
      }
      // "* DONE what wasn't working": an Org state keyword opening an item is none of its words.
      std::size_t state = org_state_keyword(line);
      if (!tag_as_label.empty()) {
        if (!read_line_memo(tag_as_label, b.text_start, c)) continue;
      } else if (state > 0 && state < line.size()) {
        if (!read_line_memo(line.substr(state), b.text_start + state, c)) continue;
      } else if (!read_line_memo(line, b.text_start, c) &&
                 !(b.task && read_task_sentence(line, b.text_start, c))) {
        // "2. Me souvenir des fois où j'ai cru ne plus rencontrer personne." over its answer:
        // an item written as one sentence with a stop, posed only by a prompt's lead, as a
        // paragraph's first line is (Candidate::stop_ended).
        const bool over_answer = !wrapped && numbered_item_over_answer(text, blocks, i);
        if (wrapped || !read_task_sentence(line, b.text_start, c, kMaxPromptSentenceWords,
                                           over_answer ? nullptr : gate.may_pose))
          continue;
        c.stop_ended = true;
        c.numbered_over_answer = over_answer;
        if (over_answer) c.must_ask = false; // posed by its form, as a "?" would pose it
      }
      if (wrapped) c.plain = one_line_of_words(c.plain);
      c.form = QuestionForm::ListItem;
      c.task = b.task;
      c.item_end = b.end;
      c.has_children = nests_items(blocks, static_cast<std::size_t>(i));
      out.lines.push_back(std::move(c));
    } else if (b.kind == BlockKind::Paragraph && !b.item_lead) {
      std::string_view line = first_line(text, b.text_start, b.text_end);
      std::size_t base = b.text_start;
      if (b.in_quote) {
        // Only a callout's title: other quoted text is someone else's words.
        std::size_t title = callout_title(line);
        if (title != std::string_view::npos) later_callout_titles(text, b, i, later_titles, gate);
        if (title == std::string_view::npos) {
          lazy_lines_of_quote(text, b, i, out.lines, gate);
          quoted_questions_over_lazy_lines(text, blocks, i, quoted);
          if (auto q = quoted_question(text, blocks, i, gate)) {
            q->block = i;
            quoted.push_back(std::move(*q));
          } else if (bold_question_over_answer(text, blocks, i, line) && read_line(line, base, c) &&
                     (c.question_mark || (gate.may_pose && gate.may_pose(c.plain)) ||
                      (gate.opens_asking && gate.opens_asking(c.plain)))) {
            // Posed as a callout's title is: the writer's own question and answer set apart,
            // with its "?" or as the article's prompts are ("> **Les fois où je pensais ne
            // jamais retrouver quelqu'un, et puis si**").
            c.form = QuestionForm::Line;
            c.must_ask = false;
            out.lines.push_back(std::move(c));
          } else if (question_over_answer_in_quote(text, blocks, i, line) &&
                     read_line(line, base, c) && c.question_mark &&
                     (c.answer_start >= base + trim_end(line).size() ||
                      without_marks_around(
                          trim(text.substr(c.answer_start,
                                           base + trim_end(line).size() - c.answer_start)))
                          .empty())) {
            // "> Has it got a proper future?" over "> No.": read as a quoted question is, in a
            // note that quotes two or more.
            c.form = QuestionForm::Line;
            c.quoted = true;
            quoted.push_back(std::move(c));
          } else if (first_line_of_quote_over_more(text, blocks, i, line) &&
                     read_line(line, base, c) && c.loose && !c.label && !c.question_mark &&
                     c.answer_start >= base + trim_end(line).size() &&
                     !(gate.opens_asking && gate.opens_asking(c.plain))) {
            // "> Les erreurs que j'arrête de répéter, et ce que je fais à la place" over "> Ne
            // parler que de la récolte…": a quote opening with a line that asks nothing, posed
            // only when worded as one of the article's questions, whole (Candidate::must_ask),
            // set apart with its answer. Someone's quoted words are seldom worded so.
            c.form = QuestionForm::Line;
            c.must_ask = true;
            out.lines.push_back(std::move(c));
          }
          continue;
        }
        if (title >= line.size()) {
          // "> [!NOTE]" alone on its line: the callout's first line of text is its title.
          std::size_t nl = text.find('\n', b.text_start);
          if (nl == std::string_view::npos || nl + 1 >= b.text_end) continue;
          line = first_line(text, nl + 1, b.text_end);
          base = nl + 1;
          while (!line.empty() && (line.front() == '>' || line.front() == ' ')) {
            line.remove_prefix(1);
            ++base;
          }
          if (trim(line).empty()) continue;
        } else {
          line = line.substr(title);
          base += title;
        }
        if (!read_line(line, base, c)) {
          if (!read_task_sentence(line, base, c, kMaxPromptSentenceWords, gate.may_pose)) continue;
          c.form = QuestionForm::Line;
          c.stop_ended = true;
          out.lines.push_back(std::move(c));
          continue;
        }
        c.form = QuestionForm::Line;
        // A callout's title is posed, like a heading; in a "question" callout (Obsidian's
        // question, help and faq types), however it is worded.
        c.loose =
            c.loose && !c.label && !asking_callout(first_line(text, b.text_start, b.text_end));
        c.must_ask = c.must_ask && c.loose;
        out.lines.push_back(std::move(c));
        continue;
      }
      // "!!! question "What was not working?"" over its body, indented: the admonition's title
      // is posed as a callout's is, its body the answer (its lines read as a paragraph's).
      if (auto title = admonition_title(line); title && title->size > 0) {
        std::string_view t = line.substr(title->start, title->size);
        const std::size_t at = b.text_start + title->start;
        bool read = read_line(t, at, c);
        if (!read && read_task_sentence(t, at, c, kMaxPromptSentenceWords, gate.may_pose))
          read = c.stop_ended = true;
        if (read) {
          c.form = QuestionForm::Line;
          c.loose = c.loose && !c.label && !title->asking;
          c.must_ask = c.must_ask && c.loose;
          // Unless the title holds its own answer ("Reversible? Yes"), the body answers it.
          const std::size_t title_end = at + t.size();
          if (c.answer_start >= title_end ||
              trim(text.substr(c.answer_start, title_end - c.answer_start)).empty())
            c.answer_start = b.text_start + line.size(); // past the closing quote
          out.lines.push_back(std::move(c));
        }
        paragraph_lines_memo(text, b, i, out.lines, true, gate);
        continue;
      }
      paragraph_lines_memo(text, b, i, out.lines, false, gate);
    } else if (b.kind == BlockKind::Paragraph && b.item_lead && b.in_quote &&
               !in_callout_body(blocks, text, i)) {
      if (auto q = quoted_question(text, blocks, i, gate)) {
        q->block = i;
        quoted.push_back(std::move(*q));
      }
    } else if (b.kind == BlockKind::Paragraph && b.item_lead && !b.in_quote) {
      // The lines a list item's paragraph runs on with ("- gym\nproof log (what I did):"):
      // read as a paragraph's lines, past the item's own.
      paragraph_lines_memo(text, b, i, out.lines, true, gate);
    }
  }
  if (quoted.size() < 2) quoted.clear();
  if (!quoted.empty() || !later_titles.empty()) {
    out.lines.insert(out.lines.end(), quoted.begin(), quoted.end());
    out.lines.insert(out.lines.end(), later_titles.begin(), later_titles.end());
    std::stable_sort(out.lines.begin(), out.lines.end(),
                     [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
  }
  add_further_questions(text, out.lines);
  return out;
}

} // namespace mend::engine
