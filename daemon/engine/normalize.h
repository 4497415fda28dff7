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
// Each word of split_words(fold_for_match(text)), in order, without building the folded text
// (language detection reads 32 KB of every note).
void for_each_match_word(std::string_view text, const std::function<void(std::string_view)>& visit);

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
// "2.3"), a voice memo's time stamp ("[0:19]") or an outliner's task state ("TODO", "DONE"):
// none of their words. 0 when there is none.
std::size_t after_numbering(std::string_view text);

} // namespace mend::engine
