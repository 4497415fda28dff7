// Line index and UTF-8 / UTF-16 position conversion.
//
// Every conversion walks the text with unicode.h's decoder, as validation and repair do, so
// that lengths, positions and sanitizing agree on where a character starts. Invalid bytes are
// single characters of one UTF-16 unit each (what an editor shows after replacing them with
// U+FFFD).
#include "daemon/engine/text.h"

#include "daemon/engine/unicode.h"

#include <algorithm>
#include <cstring>

namespace mend::engine {
namespace {

// UTF-16 units of one step of the walk: a 4-byte character is a surrogate pair; an invalid
// byte is one unit and the walk advances by one byte.
struct Step {
  std::size_t bytes;
  std::size_t units16;
};

Step step_at(std::string_view text, std::size_t i) {
  if (static_cast<unsigned char>(text[i]) < 0x80) return {1, 1};
  const Utf8Char c = decode_utf8(text, i);
  if (!c.valid) return {1, 1};
  return {c.length, c.length == 4 ? std::size_t{2} : std::size_t{1}};
}

} // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  // Two memchr streams, one per break character, merged in order: a note with only "\n" breaks
  // searches for "\r" once.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const auto find = [end](const char* from, char c) {
    if (from >= end) return end;
    const void* hit = std::memchr(from, c, static_cast<std::size_t>(end - from));
    return hit == nullptr ? end : static_cast<const char*>(hit);
  };
  const char* next_lf = find(begin, '\n');
  const char* next_cr = find(begin, '\r');
  while (next_lf != end || next_cr != end) {
    const char* line_end = next_lf;
    if (next_cr < next_lf) {
      line_end =
          (next_lf != end && next_cr + 1 == next_lf) ? next_lf : next_cr; // "\r\n" or a lone "\r"
      next_cr = find(next_cr + 1, '\r');
    }
    if (line_end == next_lf) next_lf = find(next_lf + 1, '\n');
    starts_.push_back(static_cast<std::size_t>(line_end + 1 - begin));
  }
}

std::size_t LineIndex::line_start(std::size_t line) const {
  if (line >= starts_.size()) return text_.size();
  return starts_[line];
}

std::size_t LineIndex::line_end(std::size_t line) const {
  if (line + 1 >= starts_.size()) return text_.size();
  std::size_t end = starts_[line + 1];
  // The next line starts after a "\n", "\r" or "\r\n": step back over it.
  if (end > starts_[line] && text_[end - 1] == '\n') --end;
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  if (starts_.empty()) return 0;
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin()) - 1;
}

TextPos LineIndex::position_of(std::size_t offset, Encoding encoding) const {
  if (starts_.empty()) return {};
  const std::size_t line = line_of(offset);
  const std::size_t start = starts_[line];
  // An offset inside the line break, or past the text, is the end of the line's content.
  const std::size_t target = std::min(std::min(offset, text_.size()), line_end(line));
  // Walk from the line start so an offset inside a character maps to that character's start.
  std::size_t i = start;
  std::size_t units = 0;
  while (i < target) {
    const Step step = step_at(text_, i);
    if (i + step.bytes > target) break;
    i += step.bytes;
    units += encoding == Encoding::Utf16 ? step.units16 : step.bytes;
  }
  return {static_cast<std::int64_t>(line), static_cast<std::int64_t>(units)};
}

std::size_t LineIndex::offset_of(TextPos pos, Encoding encoding) const {
  if (starts_.empty()) return 0;
  const std::size_t line = pos.line < 0 ? 0 : static_cast<std::size_t>(pos.line);
  if (line >= starts_.size()) return text_.size();
  const std::size_t wanted = pos.character < 0 ? 0 : static_cast<std::size_t>(pos.character);
  const std::size_t end = line_end(line);
  std::size_t i = starts_[line];
  std::size_t units = 0;
  while (i < end) {
    const Step step = step_at(text_, i);
    const std::size_t width = encoding == Encoding::Utf16 ? step.units16 : step.bytes;
    // A column inside this character (or at its start) resolves to its start.
    if (units + width > wanted) return i;
    units += width;
    i += step.bytes;
  }
  return end;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Step step = step_at(text, i);
    i += step.bytes;
    units += step.units16;
  }
  return units;
}

} // namespace mend::engine
