// Text normalisation for matching people's wording against the pack: case, accents, words.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

// Lower case for ASCII and the Latin letters of Unicode's Latin-1 and Latin Extended-A blocks;
// typographic apostrophes (’ ʼ) become "'". Other bytes pass through unchanged.
std::string fold_case(std::string_view text);

// fold_case, then accents removed from Latin letters (é → e, œ → oe, ß → ss) so "été" and "ete"
// meet; typographic quotes and dashes become their ASCII forms.
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

} // namespace mend::engine
