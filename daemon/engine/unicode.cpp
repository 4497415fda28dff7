// UTF-8 decoding, encoding, validation and repair; NFC, case folding and matching forms, all
// over utf8proc.
//
// utf8proc_iterate decides what is valid; what it does not say is how many bytes an invalid
// sequence spans, so `invalid_length` computes the maximal subpart (Unicode 3.9, "U+FFFD
// substitution of maximal subparts"). Normalisation runs utf8proc_decompose into a reused
// buffer and utf8proc_normalize_utf32 over it, which is utf8proc_map without its allocation per
// call: matching folds every line of every note.
#include "daemon/engine/unicode.h"

#include <utf8proc.h>

#include <cstring>
#include <stdexcept>

namespace mend::engine {
namespace {

// Bytes of the longest prefix of a well-formed sequence at `i` (Table 3-7), at least 1. Only
// called where utf8proc_iterate has refused the sequence.
std::size_t invalid_length(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t got = 1;
  while (got < need && i + got < text.size()) {
    const auto b = static_cast<unsigned char>(text[i + got]);
    const bool ok = got == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) break;
    ++got;
  }
  return got;
}

const utf8proc_uint8_t* bytes(std::string_view text) {
  return reinterpret_cast<const utf8proc_uint8_t*>(text.data());
}

// Decomposes valid UTF-8 `text` with `options` into `out` and composes it in place:
// utf8proc_map's two steps, into a buffer the caller keeps.
void normalize_into(std::string_view text, utf8proc_option_t options,
                    std::vector<std::int32_t>& out) {
  out.resize(text.size() + 8);
  const auto n = static_cast<utf8proc_ssize_t>(text.size());
  for (;;) {
    const utf8proc_ssize_t needed = utf8proc_decompose(
        bytes(text), n, out.data(), static_cast<utf8proc_ssize_t>(out.size()), options);
    if (needed < 0) throw std::invalid_argument(utf8proc_errmsg(needed)); // a caller's bug
    if (static_cast<std::size_t>(needed) <= out.size()) {
      out.resize(static_cast<std::size_t>(needed));
      break;
    }
    out.resize(static_cast<std::size_t>(needed));
  }
  const utf8proc_ssize_t length =
      utf8proc_normalize_utf32(out.data(), static_cast<utf8proc_ssize_t>(out.size()), options);
  if (length < 0) throw std::invalid_argument(utf8proc_errmsg(length));
  out.resize(static_cast<std::size_t>(length));
}

std::string encode_all(const std::vector<std::int32_t>& code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (std::int32_t cp : code_points)
    append_utf8(out, static_cast<char32_t>(cp));
  return out;
}

std::string normalized(std::string_view text, utf8proc_option_t options) {
  const std::string repaired = is_valid_utf8(text) ? std::string() : sanitize_utf8(text);
  std::vector<std::int32_t> code_points;
  normalize_into(repaired.empty() ? text : repaired, options, code_points);
  return encode_all(code_points);
}

} // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return {b0, 1, true};
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return {kReplacementCharacter, invalid_length(text, i), false};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(n), true};
}

void append_utf8(std::string& out, char32_t code_point) {
  auto cp = static_cast<utf8proc_int32_t>(code_point);
  if (code_point > 0x10FFFF || !utf8proc_codepoint_valid(cp)) cp = kReplacementCharacter;
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Eight ASCII bytes at a time: every note is checked on every scan, warm ones included.
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    if (!c.valid) return false;
    i += c.length;
  }
  return true;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (c.valid) {
      out.append(text.substr(i, c.length));
    } else {
      append_utf8(out, kReplacementCharacter);
    }
    i += c.length;
  }
  return out;
}

std::string to_nfc(std::string_view text) {
  return normalized(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
}

void case_fold(std::string_view valid_text, std::vector<std::int32_t>& out) {
  normalize_into(
      valid_text,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD), out);
}

void fold_for_matching(std::string_view valid_text, std::vector<std::int32_t>& out) {
  // STRIPMARK removes the marks while decomposing, before composition, so the result does not
  // depend on where the caller cut its runs: a mark never composes with what precedes it.
  normalize_into(valid_text,
                 static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                UTF8PROC_STRIPMARK),
                 out);
}

std::string upper_first(std::string_view text) {
  std::string nfc = to_nfc(text);
  if (nfc.empty()) return nfc;
  const Utf8Char first = decode_utf8(nfc, 0);
  std::string out;
  append_utf8(out,
              static_cast<char32_t>(utf8proc_toupper(static_cast<std::int32_t>(first.code_point))));
  out.append(std::string_view(nfc).substr(first.length));
  return out;
}

} // namespace mend::engine
