// Unicode for mend: UTF-8 decoding, encoding, validation and repair, and normalisation. The
// one module that reads code points out of bytes or knows a character's properties.
//
// The tables are utf8proc's (Debian libutf8proc-dev), so every script folds, not only the Latin
// letters mend's first languages use. Two normal forms serve two purposes:
// - display (text mend writes or shows): NFC, so a decomposed "é" typed on one system and a
//   precomposed one from another are the same characters;
// - matching (a writer's words against the pack): NFKC, full case folding, combining marks
//   removed, so "ÉTÉ", "été", "e\u0301te\u0301" and "ete" meet, "ﬁnal" is "final" and "ß" is "ss".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

constexpr char32_t kReplacementCharacter = 0xFFFD;

struct Utf8Char {
  char32_t code_point = kReplacementCharacter; // U+FFFD when !valid
  std::size_t length = 1; // bytes: the whole character, or the invalid prefix when !valid
  bool valid = true;
};

// The character starting at byte `i` (i < text.size()), per Unicode Table 3-7 "well-formed UTF-8
// byte sequences" (no overlongs, surrogates or code points past U+10FFFF). An invalid sequence
// is its maximal subpart, at least one byte: Unicode's recommended unit for one U+FFFD, and
// what editors show, so positions and repairs agree with them.
Utf8Char decode_utf8(std::string_view text, std::size_t i);

// Appends `code_point` encoded as UTF-8; a surrogate or a value past U+10FFFF appends U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

bool is_valid_utf8(std::string_view text);
// Replaces each invalid sequence by U+FFFD so the rest of the note can still be analysed.
std::string sanitize_utf8(std::string_view text);

// NFC, for text mend displays or writes. Invalid UTF-8 is repaired first (U+FFFD).
std::string to_nfc(std::string_view text);

// The two folds below take valid UTF-8 (callers decode first and pass runs of valid characters,
// keeping bytes they cannot decode as they are) and replace `out` with code points rather than
// a string, so the caller can apply its own policy per character (normalize.cpp) without
// decoding again.

// NFC and full case folding ("Straße" → "strasse", "İ" → "i̇", "ΣΟΦΙΑ" → "σοφια"): for comparing
// words case-insensitively while keeping their accents.
void case_fold(std::string_view valid_text, std::vector<std::int32_t>& out);

// Folded for matching: NFKC, full case folding, combining marks (Unicode categories Mn, Mc, Me)
// removed ("ÉTÉ" → "ete", "ﬁ" → "fi", "İ" → "i").
void fold_for_matching(std::string_view valid_text, std::vector<std::int32_t>& out);

// The first character in upper case, the rest as is ("été" → "Été"): for headings built from
// a pack's words. The text is NFC first, so a decomposed initial capitalises too.
std::string upper_first(std::string_view text);

} // namespace mend::engine
