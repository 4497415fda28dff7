// Parser for the YAML subset of templates/README.md, and the front matter fence splitter.
//
// The parser works on significant lines (blank and comment-only lines dropped), each with its
// indentation. A block is the run of lines at one indentation; "- key: v" is handled by
// rewriting the line in place as "key: v" indented past the dash, so maps inside lists and
// lists inside lists need no special case. Errors are recorded and the offending line (with
// anything indented under it) is skipped. Depth is capped so fuzzed input cannot overflow the
// stack. Invalid UTF-8 is replaced (and reported) line by line, because nlohmann::json throws
// when it serialises a string that is not UTF-8.
#include "daemon/engine/yaml_lite.h"

#include "daemon/engine/unicode.h"

#include <charconv>
#include <cstdint>
#include <deque>

namespace mend::engine {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
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

struct Line {
  int number = 0;           // 0-based line in the text
  std::size_t indent = 0;   // leading spaces; may grow when "- " is consumed
  std::string_view content; // after the indentation, trailing blanks trimmed
};

bool is_list_item(std::string_view content) {
  return !content.empty() && content[0] == '-' && (content.size() == 1 || is_blank(content[1]));
}

// A '#' starts a comment at the start of the value or after a blank.
std::string_view strip_comment(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || is_blank(s[i - 1]))) return trim(s.substr(0, i));
  }
  return trim(s);
}

bool read_hex(std::string_view s, std::size_t pos, std::size_t digits, std::uint32_t& value) {
  if (pos + digits > s.size()) return false;
  value = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const char c = s[pos + k];
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    value = value * 16 + d;
  }
  return true;
}

// A plain scalar's value: integers, booleans and null are typed, the rest is a string.
json plain_value(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  std::string_view digits = s;
  if (digits[0] == '+' || digits[0] == '-') digits.remove_prefix(1);
  if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t n = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), n);
    if (ec == std::errc() && ptr == s.data() + s.size()) return n;
  }
  return std::string(s);
}

class Parser {
public:
  Parser(std::string_view text, std::vector<YamlError>& errors) : errors_(errors) {
    split_lines(text);
  }

  json parse_document() {
    if (lines_.empty()) return nullptr;
    json root = parse_block(lines_[0].indent, 0);
    // Lines left over sit left of the document's indentation or after a list document.
    while (i_ < lines_.size()) {
      error(lines_[i_].number, "bad indentation");
      json more = parse_block(lines_[i_].indent, 0);
      if (root.is_object() && more.is_object()) {
        for (auto& [key, value] : more.items()) {
          if (!root.contains(key)) root[key] = std::move(value);
        }
      }
    }
    return root;
  }

private:
  void error(int line, std::string message) { errors_.push_back({line, std::move(message)}); }

  void split_lines(std::string_view text) {
    std::size_t pos = 0;
    int number = 0;
    bool first = true;
    for (;; ++number) {
      const RawLine raw = line_at(text, pos);
      std::string_view content = raw.content;
      if (!is_valid_utf8(content)) {
        error(number, "invalid UTF-8, replaced by U+FFFD");
        content = repaired_.emplace_back(sanitize_utf8(content));
      }
      std::size_t indent = 0;
      while (indent < content.size() && content[indent] == ' ')
        ++indent;
      std::string_view rest = trim(content.substr(indent));
      const bool tab_indent = indent < content.size() && content[indent] == '\t';
      if (!rest.empty() && rest[0] != '#') {
        if (tab_indent) {
          error(number, "tab indentation");
        } else if (!(first && indent == 0 && rest == "---")) { // a document start marker
          lines_.push_back({number, indent, rest});
        }
        first = false;
      }
      if (!raw.has_break) break;
      pos = raw.next;
    }
  }

  // Skips the lines indented deeper than `indent`.
  void skip_deeper(std::size_t indent) {
    while (i_ < lines_.size() && lines_[i_].indent > indent)
      ++i_;
  }

  // Skips the current line and everything indented deeper than `indent`.
  void skip_under(std::size_t indent) {
    ++i_;
    skip_deeper(indent);
  }

  json parse_block(std::size_t indent, int depth) {
    if (depth > kMaxDepth) {
      error(lines_[i_].number, "nesting too deep");
      skip_under(indent);
      while (i_ < lines_.size() && lines_[i_].indent >= indent)
        skip_under(lines_[i_].indent);
      return nullptr;
    }
    if (is_list_item(lines_[i_].content)) return parse_list(indent, depth);
    return parse_map(indent, depth);
  }

  // The key of a "key: value" line and the offset of its value, if the line is one.
  struct KeyPart {
    std::string key;
    std::size_t value_at = 0;
  };

  std::optional<KeyPart> key_of(const Line& line) {
    const std::string_view c = line.content;
    if (c.empty() || c[0] == '[' || c[0] == '{') return std::nullopt;
    if (c[0] == '"' || c[0] == '\'') {
      std::size_t end = 0;
      std::string key;
      if (!read_quoted(c, 0, key, end)) return std::nullopt;
      std::size_t k = end;
      while (k < c.size() && is_blank(c[k]))
        ++k;
      if (k < c.size() && c[k] == ':' && (k + 1 == c.size() || is_blank(c[k + 1]))) {
        return KeyPart{key, k + 1};
      }
      return std::nullopt;
    }
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (c[k] == '#' && k > 0 && is_blank(c[k - 1])) return std::nullopt;
      if (c[k] == ':' && (k + 1 == c.size() || is_blank(c[k + 1]))) {
        return KeyPart{std::string(trim(c.substr(0, k))), k + 1};
      }
    }
    return std::nullopt;
  }

  json parse_map(std::size_t indent, int depth) {
    json map = json::object();
    while (i_ < lines_.size() && lines_[i_].indent >= indent) {
      const Line line = lines_[i_];
      if (line.indent > indent) {
        error(line.number, "bad indentation");
        skip_under(indent);
        continue;
      }
      if (is_list_item(line.content)) {
        error(line.number, "list item where a key was expected");
        skip_under(indent);
        continue;
      }
      const std::optional<KeyPart> key = key_of(line);
      if (!key) {
        error(line.number, "expected 'key: value'");
        skip_under(indent);
        continue;
      }
      if (key->key.empty()) error(line.number, "empty key");
      const std::string_view rest = trim(line.content.substr(key->value_at));
      ++i_;
      json value;
      if (rest.empty() || rest[0] == '#') {
        if (i_ < lines_.size() && lines_[i_].indent > indent) {
          value = parse_block(lines_[i_].indent, depth + 1);
        } else if (i_ < lines_.size() && lines_[i_].indent == indent &&
                   is_list_item(lines_[i_].content)) {
          value = parse_list(indent, depth + 1); // "key:" then "- item" at the key's column
        }
      } else {
        value = inline_value(rest, line.number, depth + 1);
        if (i_ < lines_.size() && lines_[i_].indent > indent) {
          error(lines_[i_].number, "bad indentation");
          skip_deeper(indent);
        }
      }
      if (map.contains(key->key)) {
        error(line.number, "duplicate key '" + key->key + "'");
      } else {
        map[key->key] = std::move(value);
      }
    }
    return map;
  }

  json parse_list(std::size_t indent, int depth) {
    json list = json::array();
    while (i_ < lines_.size() && lines_[i_].indent >= indent) {
      Line& line = lines_[i_];
      if (line.indent > indent) {
        error(line.number, "bad indentation");
        skip_under(indent);
        continue;
      }
      if (!is_list_item(line.content)) break; // the enclosing map's next key
      std::size_t k = 1;
      while (k < line.content.size() && is_blank(line.content[k]))
        ++k;
      const std::string_view rest = line.content.substr(k);
      if (rest.empty() || rest[0] == '#') {
        ++i_;
        if (i_ < lines_.size() && lines_[i_].indent > indent) {
          list.push_back(parse_block(lines_[i_].indent, depth + 1));
        } else {
          list.push_back(nullptr);
        }
        continue;
      }
      // "- key: v" and "- - x": the rest is a block of its own, starting past the dash.
      Line nested = line;
      nested.indent = indent + k;
      nested.content = rest;
      if (is_list_item(rest) || key_of(nested)) {
        line = nested;
        list.push_back(parse_block(line.indent, depth + 1));
        continue;
      }
      ++i_;
      list.push_back(inline_value(rest, line.number, depth + 1));
      if (i_ < lines_.size() && lines_[i_].indent > indent) {
        error(lines_[i_].number, "bad indentation");
        skip_deeper(indent);
      }
    }
    return list;
  }

  // A value on one line: flow collection, quoted or plain scalar, then only a comment.
  json inline_value(std::string_view s, int line, int depth) {
    if (s[0] == '[' || s[0] == '{') {
      flow_aborted_ = false;
      std::size_t pos = 0;
      json value = flow_value(s, pos, line, depth);
      check_trailing(s, pos, line);
      return value;
    }
    if (s[0] == '"' || s[0] == '\'') {
      std::string out;
      std::size_t end = 0;
      if (!read_quoted(s, 0, out, end, line)) return out;
      check_trailing(s, end, line);
      return out;
    }
    return plain_value(strip_comment(s));
  }

  void check_trailing(std::string_view s, std::size_t pos, int line) {
    const std::string_view rest = trim(s.substr(std::min(pos, s.size())));
    if (!rest.empty() && rest[0] != '#') error(line, "unexpected text after value");
  }

  // Reads a quoted scalar starting at s[pos]; `end` is past the closing quote. Reports an
  // unterminated quote or a bad escape when `line` is given.
  bool read_quoted(std::string_view s, std::size_t pos, std::string& out, std::size_t& end,
                   int line = -1) {
    const char quote = s[pos];
    std::size_t k = pos + 1;
    while (k < s.size()) {
      const char c = s[k];
      if (quote == '\'') {
        if (c == '\'') {
          if (k + 1 < s.size() && s[k + 1] == '\'') {
            out += '\'';
            k += 2;
            continue;
          }
          end = k + 1;
          return true;
        }
        out += c;
        ++k;
        continue;
      }
      if (c == '"') {
        end = k + 1;
        return true;
      }
      if (c != '\\' || k + 1 >= s.size()) {
        out += c;
        ++k;
        continue;
      }
      const char e = s[k + 1];
      k += 2;
      std::uint32_t cp = 0;
      switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '0':
        out += '\0';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case ' ':
        out += ' ';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (!read_hex(s, k, digits, cp)) {
          if (line >= 0) error(line, "invalid escape");
          out += '\\';
          out += e;
          break;
        }
        k += digits;
        std::uint32_t low = 0;
        // "\ud83d\ude00": a surrogate pair written as two escapes.
        if (cp >= 0xD800 && cp <= 0xDBFF && k + 6 <= s.size() && s[k] == '\\' && s[k + 1] == 'u' &&
            read_hex(s, k + 2, 4, low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          k += 6;
        }
        append_utf8(out, static_cast<char32_t>(cp));
        break;
      }
      default:
        if (line >= 0) error(line, "invalid escape");
        out += '\\';
        out += e;
      }
    }
    if (line >= 0) error(line, "unterminated quote");
    end = s.size();
    return false;
  }

  static void skip_blanks(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && is_blank(s[pos]))
      ++pos;
  }

  // A plain scalar inside a flow collection ends at ',', ']', '}' or, for keys, ": ".
  std::string_view flow_plain(std::string_view s, std::size_t& pos, bool key) {
    const std::size_t start = pos;
    while (pos < s.size()) {
      const char c = s[pos];
      if (c == ',' || c == ']' || c == '}') break;
      if (key && c == ':' &&
          (pos + 1 == s.size() || is_blank(s[pos + 1]) || s[pos + 1] == ',' || s[pos + 1] == '}'))
        break;
      if (c == '#' && pos > start && is_blank(s[pos - 1])) break;
      ++pos;
    }
    return trim(s.substr(start, pos - start));
  }

  json flow_value(std::string_view s, std::size_t& pos, int line, int depth) {
    skip_blanks(s, pos);
    if (pos >= s.size()) return nullptr;
    if (depth > kMaxDepth) {
      error(line, "nesting too deep");
      flow_aborted_ = true; // the enclosing collections are not reported as unterminated
      pos = s.size();
      return nullptr;
    }
    const char c = s[pos];
    if (c == '[') return flow_list(s, pos, line, depth);
    if (c == '{') return flow_map(s, pos, line, depth);
    if (c == '"' || c == '\'') {
      std::string out;
      std::size_t end = 0;
      read_quoted(s, pos, out, end, line);
      pos = end;
      return out;
    }
    return plain_value(flow_plain(s, pos, false));
  }

  // Consumes ',' or the closing bracket after an entry; false when the collection is over.
  bool flow_next(std::string_view s, std::size_t& pos, char close, int line, bool& closed) {
    skip_blanks(s, pos);
    if (pos < s.size() && s[pos] == ',') {
      ++pos;
      skip_blanks(s, pos);
      if (pos < s.size() && s[pos] == close) { // trailing comma
        ++pos;
        closed = true;
        return false;
      }
      return true;
    }
    if (pos < s.size() && s[pos] == close) {
      ++pos;
      closed = true;
      return false;
    }
    if (pos < s.size() && s[pos] != '#') {
      error(line, std::string("expected ',' or '") + close + "'");
      // Resynchronise after the next separator.
      while (pos < s.size() && s[pos] != ',' && s[pos] != close)
        ++pos;
      return flow_next(s, pos, close, line, closed);
    }
    return false;
  }

  json flow_list(std::string_view s, std::size_t& pos, int line, int depth) {
    json list = json::array();
    ++pos; // '['
    bool closed = false;
    skip_blanks(s, pos);
    if (pos < s.size() && s[pos] == ']') {
      ++pos;
      return list;
    }
    do {
      skip_blanks(s, pos);
      if (pos < s.size() && s[pos] == ',') {
        error(line, "empty entry in flow list");
        continue;
      }
      list.push_back(flow_value(s, pos, line, depth + 1));
    } while (flow_next(s, pos, ']', line, closed));
    if (!closed && !flow_aborted_) error(line, "unterminated flow list");
    return list;
  }

  json flow_map(std::string_view s, std::size_t& pos, int line, int depth) {
    json map = json::object();
    ++pos; // '{'
    bool closed = false;
    skip_blanks(s, pos);
    if (pos < s.size() && s[pos] == '}') {
      ++pos;
      return map;
    }
    do {
      skip_blanks(s, pos);
      std::string key;
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        std::size_t end = 0;
        read_quoted(s, pos, key, end, line);
        pos = end;
      } else {
        key = std::string(flow_plain(s, pos, true));
      }
      skip_blanks(s, pos);
      json value;
      if (pos < s.size() && s[pos] == ':') {
        ++pos;
        value = flow_value(s, pos, line, depth + 1);
      }
      if (key.empty()) {
        error(line, "empty key");
      } else if (map.contains(key)) {
        error(line, "duplicate key '" + key + "'");
      } else {
        map[key] = std::move(value);
      }
    } while (flow_next(s, pos, '}', line, closed));
    if (!closed && !flow_aborted_) error(line, "unterminated flow map");
    return map;
  }

  std::vector<YamlError>& errors_;
  std::vector<Line> lines_;
  std::deque<std::string> repaired_; // sanitized copies of invalid lines; `lines_` views them
  std::size_t i_ = 0;
  bool flow_aborted_ = false;
};

// A fence line: the marker, then only blanks.
bool is_fence(std::string_view line, std::string_view marker) {
  if (line.substr(0, marker.size()) != marker) return false;
  return trim(line.substr(marker.size())).empty();
}

} // namespace

YamlResult parse_yaml_lite(std::string_view text) {
  YamlResult result;
  Parser parser(text, result.errors);
  result.value = parser.parse_document();
  return result;
}

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
