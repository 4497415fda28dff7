// Front matter fences: where the YAML block at the top of a note or template starts and ends.
#include "daemon/engine/front_matter.h"

namespace mend::engine {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// One line of `text` from `pos`: its content and where the next line starts. Breaks are "\n",
// "\r\n" and a lone "\r", as in LineIndex, so line numbers agree with the editor's.
struct RawLine {
  std::string_view content;
  std::size_t next = 0;
  bool has_break = false;
};

RawLine line_at(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r')
    ++i;
  RawLine line{text.substr(pos, i - pos), i, false};
  if (i < text.size()) {
    line.has_break = true;
    line.next = i + 1;
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') line.next = i + 2;
  }
  return line;
}

// A fence line: the marker, then only blanks.
bool is_fence(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  for (char c : line.substr(marker.size()))
    if (!is_blank(c)) return false;
  return true;
}

} // namespace

std::optional<FrontMatter> split_front_matter(std::string_view text) {
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  const RawLine first = line_at(text, pos);
  if (!is_fence(first.content, "---") || !first.has_break) return std::nullopt;
  const std::size_t yaml_start = first.next;
  pos = first.next;
  for (int number = 1;; ++number) {
    const RawLine line = line_at(text, pos);
    if (is_fence(line.content, "---") || is_fence(line.content, "...")) {
      FrontMatter fm;
      fm.yaml = text.substr(yaml_start, pos - yaml_start);
      fm.body = text.substr(line.has_break ? line.next : text.size());
      fm.body_line = number + 1;
      return fm;
    }
    if (!line.has_break) return std::nullopt;
    pos = line.next;
  }
}

} // namespace mend::engine
