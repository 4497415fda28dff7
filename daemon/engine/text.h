// Byte offsets <-> LSP positions over a UTF-8 text. The one place that knows about UTF-16.
//
// LSP positions count UTF-16 code units by default (UTF-8 bytes when negotiated). Every other
// part of mend works in byte offsets into the note's UTF-8 text; conversion happens here only.
// Line breaks are "\n", "\r\n" and a lone "\r", as the LSP specification says.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mend::engine {

enum class Encoding { Utf8, Utf16 };

struct TextPos {
  std::int64_t line = 0;
  std::int64_t character = 0;
  friend bool operator==(const TextPos&, const TextPos&) = default;
};

// Immutable index of line starts. Rebuilding is a single memchr-speed pass, so editors rebuild
// it after each change instead of patching it. Thread-safety: const methods are safe.
class LineIndex {
public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return starts_.size(); }
  // Byte offset where `line` starts; line_count() maps to the end of the text.
  std::size_t line_start(std::size_t line) const;
  // Byte offset of the end of `line`'s content, before its line break.
  std::size_t line_end(std::size_t line) const;
  // 0-based line holding `offset` (offsets inside a "\r\n" belong to the line it ends).
  std::size_t line_of(std::size_t offset) const;

  TextPos position_of(std::size_t offset, Encoding encoding) const;
  // Clamps: a negative line or character maps to 0, a line past the end to the end of the text,
  // a character past the end of its line to the line's end. A UTF-16 column inside a surrogate
  // pair, or a UTF-8 column inside a multi-byte sequence, maps to the start of that character:
  // a surrogate pair is never split.
  std::size_t offset_of(TextPos pos, Encoding encoding) const;

  std::string_view text() const { return text_; }

private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// Length of `text` in UTF-16 code units (invalid bytes count as one unit each, as U+FFFD).
std::size_t utf16_length(std::string_view text);

} // namespace mend::engine
