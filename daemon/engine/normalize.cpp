// Text normalisation for matching: mend's reading of punctuation over unicode.h's folds, and
// word splitting.
#include "daemon/engine/normalize.h"

#include "daemon/engine/unicode.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace mend::engine {
namespace {

enum class Fold { Case, Match };

// mend's own reading of punctuation, applied to a character before Unicode folding (and to what
// NFKC produces): typographic apostrophes are "'" in both folds; for matching, typographic
// quotes and dashes are their ASCII forms and other punctuation, arrows, symbols and emoji end
// a word as ASCII punctuation does ("personne…" is "personne", "💡idée" is "idee"). nullptr:
// the character is Unicode's to fold.
const char* punctuation(char32_t cp, Fold mode) {
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return "'";
  if (mode == Fold::Case) return nullptr;
  if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) return "\"";
  if (cp == 0x2013 || cp == 0x2014) return "-";
  if (cp == 0xA0 || cp == 0x202F) return " ";
  if (cp == 0x2026) return "...";
  if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
      (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F)
    return " ";
  return nullptr;
}

// Letters with no Unicode decomposition that writers spell out without the ligature or stroke
// ("coeur" for "cœur"), so stripping marks alone would not meet them.
const char* spelled_out(char32_t cp) {
  switch (cp) {
  case 0xE6: // æ
    return "ae";
  case 0x153: // œ
    return "oe";
  case 0xF8: // ø
    return "o";
  case 0x142: // ł
    return "l";
  default:
    return nullptr;
  }
}

// Folds `text` and hands the result to `put` (called with string_views, in order). ASCII, most
// of any note, is lower-cased here; runs of other characters (with the ASCII byte before them)
// go to unicode.h's folds; bytes that are not UTF-8 pass through unchanged, so folding never
// loses or reorders them.
template <typename Put> void fold(std::string_view text, Fold mode, Put put) {
  std::vector<std::int32_t> code_points;
  std::string encoded;
  std::size_t run = std::string_view::npos; // start of the pending run of non-ASCII characters
  auto flush = [&](std::size_t end) {
    if (run == std::string_view::npos) return;
    if (mode == Fold::Match) {
      fold_for_matching(text.substr(run, end - run), code_points);
    } else {
      case_fold(text.substr(run, end - run), code_points);
    }
    run = std::string_view::npos;
    encoded.clear();
    for (std::int32_t value : code_points) {
      const auto cp = static_cast<char32_t>(value);
      const char* ascii = mode == Fold::Match ? spelled_out(cp) : nullptr;
      if (!ascii) ascii = punctuation(cp, mode);
      if (ascii) {
        encoded += ascii;
      } else {
        append_utf8(encoded, cp);
      }
    }
    put(std::string_view(encoded));
  };
  // The last ASCII byte is held back: a combining mark after it composes with it ("e" + U+0301
  // is "é" in NFC), so a run starting there must include it.
  std::size_t held = std::string_view::npos;
  auto put_held = [&] {
    if (held == std::string_view::npos) return;
    const auto byte = static_cast<unsigned char>(text[held]);
    const char lower = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
    put(std::string_view(&lower, 1));
    held = std::string_view::npos;
  };
  // A run of ASCII goes out lower-cased in one piece, all but its last byte, which is held.
  std::string lowered;
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      flush(i);
      put_held();
      std::size_t end = i + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80)
        ++end;
      if (end - i > 1) {
        lowered.assign(text.data() + i, end - 1 - i);
        for (char& c : lowered)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        put(std::string_view(lowered));
      }
      held = end - 1;
      i = end;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    const char* ascii = c.valid ? punctuation(c.code_point, mode) : nullptr;
    if (!c.valid || ascii) {
      flush(i);
      put_held();
      put(c.valid ? std::string_view(ascii) : text.substr(i, c.length));
    } else if (run == std::string_view::npos) {
      run = held == std::string_view::npos ? i : held;
      held = std::string_view::npos;
    }
    i += c.length;
  }
  flush(text.size());
  put_held();
}

std::string folded(std::string_view text, Fold mode) {
  std::string out;
  // ASCII alone folds to its lower case in both folds (fold() sends only non-ASCII runs to
  // unicode.h): most lines of most notes, read this way without the pieces.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    out.assign(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  out.reserve(text.size());
  fold(text, mode, [&](std::string_view piece) { out += piece; });
  return out;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

} // namespace

std::string fold_case(std::string_view text) {
  return folded(text, Fold::Case);
}

std::string fold_for_match(std::string_view text) {
  return folded(text, Fold::Match);
}

// split_words(fold_for_match(text)) without the folded copy: the same fold(), with
// split_words()'s test on each byte it produces.
void for_each_match_word(std::string_view text,
                         const std::function<void(std::string_view)>& visit) {
  std::string word;
  fold(text, Fold::Match, [&](std::string_view piece) {
    for (std::size_t k = 0; k < piece.size();) {
      if (!is_word_byte(static_cast<unsigned char>(piece[k]))) {
        if (!word.empty()) {
          visit(word);
          word.clear();
        }
        ++k;
        continue;
      }
      std::size_t end = k + 1; // a word may go on into the next piece
      while (end < piece.size() && is_word_byte(static_cast<unsigned char>(piece[end])))
        ++end;
      word.append(piece.data() + k, end - k);
      k = end;
    }
  });
  if (!word.empty()) visit(word);
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < folded.size();) {
    if (!is_word_byte(static_cast<unsigned char>(folded[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < folded.size() && is_word_byte(static_cast<unsigned char>(folded[end])))
      ++end;
    words.emplace_back(folded.substr(i, end - i));
    i = end;
  }
  return words;
}

bool has_no_word(std::string_view text) {
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    // Non-ASCII: letters of other scripts count as words, but typographic punctuation
    // (…, “ ”, – —, NBSP) does not: those are all in the E2 80 xx / C2 xx ranges.
    if (c >= 0x80) {
      if (c == 0xE2 || c == 0xC2) continue;
      if (c >= 0xC3) return false;
    }
  }
  return true;
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r' || text.back() == '\f' || text.back() == '\v'))
    text.remove_suffix(1);
  return text;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r' || text.front() == '\f' || text.front() == '\v'))
    text.remove_prefix(1);
  return trim_end(text);
}

// A voice memo's transcript stamps its lines: "[0:19] Am I just afraid…", "(12:05) …".
std::size_t after_time_stamp(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ')
    ++i;
  if (i < text.size() && (text[i] == '[' || text[i] == '(')) {
    char close = text[i] == '[' ? ']' : ')';
    std::size_t end = text.find(close, i);
    if (end != std::string_view::npos && end - i <= 9) {
      std::string_view stamp = text.substr(i + 1, end - i - 1);
      bool clock = stamp.find(':') != std::string_view::npos &&
                   stamp.find_first_not_of("0123456789:") == std::string_view::npos;
      if (clock && end + 1 < text.size() && text[end + 1] == ' ') return end + 2;
    }
  }
  // The same stamp once Markdown has read "[0:19]" as a link's text: "0:19 Am I just…".
  {
    std::size_t j = i, colons = 0;
    while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == ':'))
      colons += text[j++] == ':';
    if (colons >= 1 && colons <= 2 && j > i + 2 && j < text.size() && text[j] == ' ' &&
        text[j - 1] != ':' && text[i] != ':')
      return j + 1;
  }
  return 0;
}

namespace {

// after_numbering()'s words, each with the space after it.
constexpr std::string_view kTaskStates[] = {"TODO ", "DONE ",    "DOING ",    "NOW ",      "LATER ",
                                            "NEXT ", "WAITING ", "CANCELED ", "CANCELLED "};
// Roam writes its task states as macros ("{{[[TODO]]}} How do we both change…"), which a
// line's plain text holds with one pair of brackets ("{{[TODO]}}").
constexpr std::string_view kTaskMacros[] = {"{{[[TODO]]}} ", "{{[[DONE]]}} ", "{{[TODO]}} ",
                                            "{{[DONE]}} "};
constexpr std::string_view kPartWords[] = {"part ",   "step ",  "section ", "chapter ",
                                           "partie ", "étape ", "etape ",   "chapitre "};

} // namespace

// "2/ Ce qu'elle n'a pas dit", "Q3. What did he say?", "2.3 Early days?": a number opening a
// line counts the writer's questions, it is none of their words. Returns where the words start
// (0 when the line opens with no such number; a date's or a table's numbers stay).
std::size_t after_numbering(std::string_view text) {
  if (std::size_t words = after_time_stamp(text)) return words;
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ')
    ++i;
  // An outliner's task state in capitals: org-mode's and Logseq's "TODO What will I tell
  // him?", "DONE Ce que je lui dis". Never a word of the question.
  for (std::string_view state : kTaskStates)
    if (text.substr(i).starts_with(state)) return i + state.size();
  if (i < text.size() && text[i] == '{')
    for (std::string_view macro : kTaskMacros)
      if (text.substr(i).starts_with(macro)) return i + macro.size();
  // A worksheet's parts: "Part A — Why it ended", "Step 2: …", "Partie B : …". The word, a
  // letter or number, then a stop; "Part of me…" has no stop and stays.
  for (std::string_view word : kPartWords) {
    if (text.size() < i + word.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < word.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(text[i + k])) ==
             static_cast<unsigned char>(word[k]);
    if (!same) continue;
    std::size_t j = i + word.size(), label = j;
    while (j < text.size() && j - label < 4 && std::isalnum(static_cast<unsigned char>(text[j])))
      ++j;
    if (j == label) break;
    std::size_t stop = j;
    while (stop < text.size() && text[stop] == ' ')
      ++stop;
    for (std::string_view mark : {"\xE2\x80\x94", "\xE2\x80\x93", "-", ":", "."}) {
      if (text.substr(stop).starts_with(mark) && stop + mark.size() < text.size() &&
          text[stop + mark.size()] == ' ')
        return stop + mark.size() + 1;
    }
    break;
  }
  std::size_t start = i;
  // A worksheet's lettered parts: "a) …", "B) …" (one letter, a closing bracket, a space).
  if (i + 2 < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) &&
      text[i + 1] == ')' && text[i + 2] == ' ')
    return i + 2;
  if (i < text.size() && (text[i] == 'Q' || text[i] == 'q')) ++i;
  std::size_t digits = i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (text[i] == '.' && i > digits)))
    ++i;
  if (i == digits || !(text[digits] >= '0' && text[digits] <= '9')) return 0;
  // French ordinals: "1° Les raisons…", "2º …" (the degree sign or the ordinal indicator).
  if (text.substr(i).starts_with("\xC2\xB0") || text.substr(i).starts_with("\xC2\xBA"))
    i += 2;
  else if (i < text.size() &&
           (text[i] == '/' || text[i] == ')' || text[i] == ':' || text[i] == '-'))
    ++i;
  if (i >= text.size() || text[i] != ' ' || i == start) return 0;
  return i;
}

// Read against after_numbering() above, for a text `head` opens (its first byte a letter):
// no time stamp (which opens with '[', '(' or a digit); a task state only when the whole word,
// in its case, is one (a state is a word then a space); a part word likewise, in any case (and
// what follows it is not read here, so the word alone makes this false); no "Q" then a digit
// (the byte after the word is none). So after_numbering() is 0.
bool opens_unnumbered(std::string_view head) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t j = 0;
  while (j < head.size() && letter(head[j]))
    ++j;
  if (j == 0 || j >= head.size()) return false;
  if (j == 1 && head[j] == ')') return false; // "a) …", a lettered part
  const auto next = static_cast<unsigned char>(head[j]);
  if (next >= 0x80 || std::isalnum(next)) return false;
  const std::string_view word = head.substr(0, j);
  for (std::string_view state : kTaskStates)
    if (word == state.substr(0, state.size() - 1)) return false;
  for (std::string_view part : kPartWords) {
    if (part.size() - 1 != j) continue;
    bool same = true;
    for (std::size_t k = 0; k < j && same; ++k)
      same =
          std::tolower(static_cast<unsigned char>(word[k])) == static_cast<unsigned char>(part[k]);
    if (same) return false;
  }
  return true;
}

std::string without_quoted(std::string_view folded) {
  std::string out;
  bool inside = false;
  for (char c : folded) {
    if (c == '"') {
      inside = !inside;
      continue;
    }
    if (!inside) out += c;
  }
  return out;
}

} // namespace mend::engine
