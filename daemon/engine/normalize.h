// Text normalisation for matching people's wording against the pack: case, accents, words.
// The Unicode itself (decoding, normal forms, case folding) is unicode.h's.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

// NFC and full Unicode case folding (unicode.h: "ÉTÉ" → "été", "Straße" → "strasse");
// typographic apostrophes (’ ʼ) become "'". Bytes that are not UTF-8 pass through unchanged.
std::string fold_case(std::string_view text);

// The matching form (unicode.h: NFKC, case folding, combining marks removed, so "été", "ÉTÉ",
// a decomposed "été" and "ete" meet, "ﬁ" is "fi"), with œ → oe, æ → ae, ø → o, ł → l;
// typographic quotes and dashes become their ASCII forms, other punctuation, arrows, symbols
// and emoji a space. Bytes that are not UTF-8 pass through unchanged.
std::string fold_for_match(std::string_view text);
// Folded text without what it holds between double quotes (fold_for_match makes every quote
// mark one): someone else's words ("you said it was all my fault").
std::string without_quoted(std::string_view folded);
// Each word of split_words(fold_for_match(text)), in order, without building the folded text
// (language detection reads 32 KB of every note).
void for_each_match_word(std::string_view text, const std::function<void(std::string_view)>& visit);
// The same, the ASCII words read without folding. Why: the topic sign, language detection and
// the matcher read every word of every note this way, and a diary is ASCII but for an emoji or
// an apostrophe here and there; folding each word byte by byte through std::function calls was
// 6.6% of a diary scan. The text is cut at ASCII bytes that are no word bytes and are not right
// before a non-ASCII byte (which folding may compose with it): folding never carries anything
// across such a byte (it goes out as itself, and a pending non-ASCII run ends before it), so the
// words are those of each chunk in turn. A chunk of ASCII alone is one word, lower-cased; any
// other chunk is folded by the function above. tests/unit/engine/normalize_test.cpp compares
// the two with split_words(fold_for_match()).
template <typename Visit> void for_each_match_word(std::string_view text, Visit&& visit) {
  auto word_byte = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  };
  const std::size_t n = text.size();
  std::string lowered;
  for (std::size_t k = 0; k < n;) {
    const auto c = static_cast<unsigned char>(text[k]);
    const bool before_other = k + 1 < n && static_cast<unsigned char>(text[k + 1]) >= 0x80;
    if (c < 0x80 && !word_byte(c) && !before_other) {
      ++k; // a separator
      continue;
    }
    std::size_t e = k;
    bool ascii = true, upper = false;
    for (; e < n; ++e) {
      const auto b = static_cast<unsigned char>(text[e]);
      if (b >= 0x80) {
        ascii = false;
      } else if (!word_byte(b)) {
        if (e + 1 >= n || static_cast<unsigned char>(text[e + 1]) < 0x80) break;
        ascii = false; // held with the non-ASCII byte after it: folded together
      } else if (b <= 'Z' && b >= 'A') {
        upper = true;
      }
    }
    const std::string_view chunk = text.substr(k, e - k);
    if (!ascii) {
      const std::function<void(std::string_view)> folding = std::ref(visit);
      for_each_match_word(chunk, folding); // the overload above (an exact match, no template)
    } else if (!upper) {
      visit(chunk);
    } else {
      lowered.assign(chunk);
      for (char& ch : lowered)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      visit(std::string_view(lowered));
    }
    k = e;
  }
}

// Maximal runs of letters and digits (bytes >= 0x80 count as letters, so other scripts stay
// whole words). Apostrophes split words: "didn't" → "didn", "t"; "qu'il" → "qu", "il".
std::vector<std::string> split_words(std::string_view folded);

// True when `text` holds no letter or digit (only punctuation, symbols, white space).
bool has_no_word(std::string_view text);

std::string_view trim(std::string_view text);
// The same at the end only: what stays keeps its start, so offsets into `text` hold.
std::string_view trim_end(std::string_view text);

// Where a line's words start after a voice memo's time stamp ("[0:19] …", "(12:05) …", or
// "0:19 …" as Markdown leaves "[0:19]"); 0 when there is none.
std::size_t after_time_stamp(std::string_view text);

// Where a line's words start after a number that counts the writer's questions ("2/", "Q3.",
// "2.3", "1°"), a letter that does ("b) …"), a voice memo's time stamp ("[0:19]") or an outliner's
// task state ("TODO", "DONE"): none of their words. 0 when there is none.
std::size_t after_numbering(std::string_view text);
// Whether after_numbering() is 0 for every text that starts with `head`, told from `head`
// alone: it opens with a word of ASCII letters ended, within `head`, by an ASCII byte that is
// no letter or digit, and that word is neither a task state nor a worksheet's part word
// ("Part A — …", whose numbering lies past the word). False when it cannot be told so.
bool opens_unnumbered(std::string_view head);

} // namespace mend::engine
