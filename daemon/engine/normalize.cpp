// Text normalisation for matching: case, accents and word splitting over UTF-8.
#include "daemon/engine/normalize.h"

#include <cstdint>

namespace mend::engine {
namespace {

// Decodes one UTF-8 code point at `i`; invalid bytes decode as themselves (as Latin-1) and
// advance by one, so folding never loses or reorders bytes it does not understand.
std::uint32_t decode(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFFFFFF; // marker: copy the raw byte
  }
  std::uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void encode(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::uint32_t lower(std::uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32; // À..Þ
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 &&
      cp != 0x17F) {
    // Latin Extended-A alternates upper/lower, with the parity flipping at 0x139..0x148 and
    // 0x179..0x17E.
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
    return cp;
  }
  if (cp == 0x178) return 0xFF; // Ÿ
  return cp;
}

// ASCII base letters for accented Latin-1 / Latin Extended-A lower-case letters.
const char* strip_accent(std::uint32_t cp) {
  switch (cp) {
  case 0xE0:
  case 0xE1:
  case 0xE2:
  case 0xE3:
  case 0xE4:
  case 0xE5:
    return "a";
  case 0xE6:
    return "ae";
  case 0xE7:
    return "c";
  case 0xE8:
  case 0xE9:
  case 0xEA:
  case 0xEB:
    return "e";
  case 0xEC:
  case 0xED:
  case 0xEE:
  case 0xEF:
    return "i";
  case 0xF1:
    return "n";
  case 0xF2:
  case 0xF3:
  case 0xF4:
  case 0xF5:
  case 0xF6:
  case 0xF8:
    return "o";
  case 0xF9:
  case 0xFA:
  case 0xFB:
  case 0xFC:
    return "u";
  case 0xFD:
  case 0xFF:
    return "y";
  case 0xDF:
    return "ss";
  case 0x153:
    return "oe";
  case 0x107:
  case 0x109:
  case 0x10B:
  case 0x10D:
    return "c";
  case 0x113:
  case 0x115:
  case 0x117:
  case 0x119:
  case 0x11B:
    return "e";
  case 0x101:
  case 0x103:
  case 0x105:
    return "a";
  case 0x142:
    return "l";
  case 0x144:
  case 0x146:
  case 0x148:
    return "n";
  case 0x15B:
  case 0x15D:
  case 0x15F:
  case 0x161:
    return "s";
  case 0x17A:
  case 0x17C:
  case 0x17E:
    return "z";
  default:
    return nullptr;
  }
}

template <typename Emit> std::string fold(std::string_view text, Emit emit) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII, most of any note: lower-cased as lower() would, and neither emitter maps ASCII
    // (they only differ above 0x7F), so the byte goes straight out.
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++i;
      continue;
    }
    std::size_t start = i;
    std::uint32_t cp = decode(text, i);
    if (cp == 0xFFFFFFFF) {
      out += text[start];
      continue;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
    emit(out, lower(cp));
  }
  return out;
}

} // namespace

std::string fold_case(std::string_view text) {
  return fold(text, [](std::string& out, std::uint32_t cp) { encode(out, cp); });
}

namespace {

// What fold_for_match writes for one (lower-cased) code point.
void emit_for_match(std::string& out, std::uint32_t cp) {
  if (const char* base = strip_accent(cp)) {
    out += base;
  } else if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) {
    out += '"';
  } else if (cp == 0x2013 || cp == 0x2014) {
    out += '-';
  } else if (cp == 0xA0 || cp == 0x202F) {
    out += ' ';
  } else if (cp == 0x2026) {
    out += "...";
  } else if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) ||
             (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F) {
    // Other punctuation ("•", "‽"), arrows, symbols and emoji ("→", "❓", "💡") end a word,
    // as ASCII punctuation does: "personne…" is "personne".
    out += ' ';
  } else {
    encode(out, cp);
  }
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

} // namespace

std::string fold_for_match(std::string_view text) {
  return fold(text, emit_for_match);
}

// The same steps as split_words(fold_for_match(text)), byte for byte (fold()'s decoding, the
// same emitter, split_words()'s test on each emitted byte), without the folded copy.
void for_each_match_word(std::string_view text,
                         const std::function<void(std::string_view)>& visit) {
  std::string word, piece;
  auto take = [&](char c) {
    if (is_word_byte(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      visit(word);
      word.clear();
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      take(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
      ++i;
      continue;
    }
    std::size_t start = i;
    std::uint32_t cp = decode(text, i);
    if (cp == 0xFFFFFFFF) {
      take(text[start]);
      continue;
    }
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) cp = '\'';
    piece.clear();
    emit_for_match(piece, lower(cp));
    for (char c : piece)
      take(c);
  }
  if (!word.empty()) visit(word);
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  std::string current;
  for (char ch : folded) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool word =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word) {
      current += ch;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
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

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                           text.front() == '\r' || text.front() == '\f' || text.front() == '\v'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r' || text.back() == '\f' || text.back() == '\v'))
    text.remove_suffix(1);
  return text;
}

} // namespace mend::engine
