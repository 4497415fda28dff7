// A line-by-line reading of a note's blocks (see line_outline.h).
#include "daemon/engine/line_outline.h"

#include <algorithm>
#include <vector>

namespace mend::engine {
namespace {

struct Line {
  std::size_t start = 0, end = 0; // without the line break ('\r' excluded too)
  std::size_t next = 0;           // start of the next line
  std::size_t first = 0;          // first byte that is not a space or tab
  int column = 0;                 // its column (tabs to multiples of 4)
  bool blank() const { return first == end; }
};

Line line_at(std::string_view text, std::size_t start) {
  Line l;
  l.start = start;
  std::size_t nl = text.find('\n', start);
  l.end = nl == std::string_view::npos ? text.size() : nl;
  l.next = nl == std::string_view::npos ? text.size() : nl + 1;
  if (l.end > start && text[l.end - 1] == '\r') --l.end;
  std::size_t i = start;
  int column = 0;
  while (i < l.end && (text[i] == ' ' || text[i] == '\t')) {
    column = text[i] == '\t' ? (column / 4 + 1) * 4 : column + 1;
    ++i;
  }
  l.first = i;
  l.column = column;
  return l;
}

// A run of `c` at `at` and its length.
std::size_t run_of(std::string_view text, std::size_t at, std::size_t end, char c) {
  std::size_t i = at;
  while (i < end && text[i] == c)
    ++i;
  return i - at;
}

bool only_spaces(std::string_view text, std::size_t from, std::size_t end) {
  for (std::size_t i = from; i < end; ++i)
    if (text[i] != ' ' && text[i] != '\t') return false;
  return true;
}

// "#" to "######" then a space, a tab or the end: the level, else 0.
int atx_level(std::string_view text, const Line& l) {
  std::size_t n = run_of(text, l.first, l.end, '#');
  if (n == 0 || n > 6) return 0;
  std::size_t after = l.first + n;
  if (after < l.end && text[after] != ' ' && text[after] != '\t') return 0;
  return static_cast<int>(n);
}

// Three or more of '-', '*' or '_' and nothing else but spaces.
bool thematic_break(std::string_view text, const Line& l) {
  char c = text[l.first];
  if (c != '-' && c != '*' && c != '_') return false;
  int count = 0;
  for (std::size_t i = l.first; i < l.end; ++i) {
    if (text[i] == c)
      ++count;
    else if (text[i] != ' ' && text[i] != '\t')
      return false;
  }
  return count >= 3;
}

// A list marker at the line's first byte: where the item's content starts, else 0.
std::size_t list_marker_end(std::string_view text, const Line& l) {
  std::size_t i = l.first;
  if (i >= l.end) return 0;
  char c = text[i];
  std::size_t after = 0;
  if (c == '-' || c == '*' || c == '+') {
    after = i + 1;
  } else if (c >= '0' && c <= '9') {
    std::size_t d = i;
    while (d < l.end && d - i < 9 && text[d] >= '0' && text[d] <= '9')
      ++d;
    if (d < l.end && (text[d] == '.' || text[d] == ')')) after = d + 1;
  }
  if (after == 0) return 0;
  if (after == l.end) return after; // an empty item
  if (text[after] != ' ' && text[after] != '\t') return 0;
  while (after < l.end && (text[after] == ' ' || text[after] == '\t'))
    ++after;
  return after;
}

// What the pass has open while it walks the lines.
struct Reader {
  std::string_view text;
  Outline outline;
  struct Item {
    int column;        // of its marker
    std::size_t index; // in outline.blocks
  };
  std::vector<Item> items;  // open list items, outermost first
  int quote = -1;           // open block quote
  int paragraph = -1;       // open paragraph (or setext candidate)
  std::size_t last_end = 0; // end of the last line that belonged to an open block

  Block& at(int index) { return outline.blocks[static_cast<std::size_t>(index)]; }

  void close_paragraph() { paragraph = -1; }
  void close_items_from(std::size_t keep) {
    while (items.size() > keep) {
      outline.blocks[items.back().index].end = last_end;
      items.pop_back();
    }
  }
  void close_quote() {
    if (quote >= 0) at(quote).end = last_end;
    quote = -1;
  }
  // Closes the items a line at `column` cannot belong to (those at or right of it).
  void close_items_at(int column) {
    std::size_t keep = items.size();
    while (keep > 0 && items[keep - 1].column >= column)
      --keep;
    close_items_from(keep);
  }
  // A new block in the current container.
  Block& add(BlockKind kind, std::size_t start, std::size_t end) {
    Block b;
    b.kind = kind;
    b.start = start;
    b.end = end;
    if (quote >= 0) {
      b.parent = quote;
      b.depth = at(quote).depth + 1;
      b.in_quote = true;
    } else if (!items.empty()) {
      b.parent = static_cast<int>(items.back().index);
      b.depth = static_cast<int>(items.size());
    }
    outline.blocks.push_back(b);
    return outline.blocks.back();
  }
  int last_index() const { return static_cast<int>(outline.blocks.size()) - 1; }
};

} // namespace

Outline line_outline(std::string_view text) {
  Reader r{text, {}, {}, -1, -1, 0};
  r.outline.line_level = true;
  std::size_t pos = 0;

  // Front matter: "---" or "+++" on the first line, to the same line closing it.
  if (text.starts_with("---") || text.starts_with("+++")) {
    Line first = line_at(text, 0);
    if (run_of(text, 0, first.end, text[0]) == 3 && only_spaces(text, 3, first.end)) {
      for (std::size_t at = first.next; at < text.size();) {
        Line l = line_at(text, at);
        if (run_of(text, l.start, l.end, text[0]) == 3 && only_spaces(text, l.start + 3, l.end)) {
          r.add(BlockKind::FrontMatter, 0, l.next);
          r.last_end = l.next;
          pos = l.next;
          break;
        }
        at = l.next;
      }
    }
  }

  // Fenced code, HTML and indented code run over several lines: what closes the open one.
  enum class Open { None, Fence, Comment, Html, Indented } open = Open::None;
  char fence_char = 0;
  std::size_t fence_length = 0;
  int open_block = -1;

  while (pos < text.size()) {
    Line l = line_at(text, pos);
    pos = l.next;
    if (open == Open::Fence) {
      r.at(open_block).end = l.next;
      std::size_t n = l.column < 4 ? run_of(text, l.first, l.end, fence_char) : 0;
      if (n >= fence_length && only_spaces(text, l.first + n, l.end)) open = Open::None;
      r.last_end = l.next;
      continue;
    }
    if (open == Open::Comment) {
      r.at(open_block).end = l.next;
      r.last_end = l.next;
      if (text.substr(l.start, l.end - l.start).find("-->") != std::string_view::npos)
        open = Open::None;
      continue;
    }
    if (open == Open::Html) {
      if (l.blank()) {
        open = Open::None;
      } else {
        r.at(open_block).end = l.next;
        r.last_end = l.next;
        continue;
      }
    }
    if (open == Open::Indented) {
      if (l.blank() || l.column >= 4) {
        if (!l.blank()) {
          r.at(open_block).end = l.next;
          r.last_end = l.next;
        }
        continue;
      }
      open = Open::None;
    }
    if (l.blank()) {
      r.close_paragraph();
      r.close_quote();
      continue;
    }

    // A quote: its markers stripped, the rest read as a line inside it (one level).
    std::size_t content = l.first;
    int column = l.column;
    if (l.column < 4 && text[l.first] == '>') {
      if (r.quote < 0) {
        r.close_paragraph();
        r.close_items_at(l.column);
        r.add(BlockKind::BlockQuote, l.start, l.next);
        r.quote = r.last_index();
      }
      while (content < l.end &&
             (text[content] == '>' || text[content] == ' ' || text[content] == '\t'))
        ++content;
      r.at(r.quote).end = l.next;
      column = 0;
      if (content == l.end) { // an empty quote line ends its paragraph
        r.close_paragraph();
        r.last_end = l.next;
        continue;
      }
    } else if (r.quote >= 0 && r.paragraph < 0) {
      r.close_quote();
    }
    Line c = l;
    c.first = content;
    c.column = column;

    int level = column < 4 ? atx_level(text, c) : 0;
    if (level > 0) {
      r.close_paragraph();
      if (r.quote < 0) r.close_items_at(column);
      Block& b = r.add(BlockKind::Heading, l.start, l.next);
      b.level = level;
      std::size_t ts = content + static_cast<std::size_t>(level);
      while (ts < l.end && (text[ts] == ' ' || text[ts] == '\t'))
        ++ts;
      std::size_t te = l.end;
      while (te > ts && (text[te - 1] == ' ' || text[te - 1] == '\t'))
        --te;
      b.text_start = ts;
      b.text_end = te;
      r.last_end = l.next;
      continue;
    }
    // A setext underline under an open paragraph makes it a heading.
    if (r.paragraph >= 0 && column < 4 && !r.at(r.paragraph).item_lead &&
        (text[content] == '=' || text[content] == '-')) {
      std::size_t n = run_of(text, content, l.end, text[content]);
      if (only_spaces(text, content + n, l.end)) {
        Block& p = r.at(r.paragraph);
        p.kind = BlockKind::Heading;
        p.level = text[content] == '=' ? 1 : 2;
        p.end = l.next;
        r.close_paragraph();
        r.last_end = l.next;
        continue;
      }
    }
    if (column < 4 && thematic_break(text, c)) {
      r.close_paragraph();
      if (r.quote < 0) r.close_items_at(column);
      r.add(BlockKind::Break, l.start, l.next);
      r.last_end = l.next;
      continue;
    }
    if (column < 4 && (text[content] == '`' || text[content] == '~')) {
      std::size_t n = run_of(text, content, l.end, text[content]);
      std::string_view info = text.substr(content + n, l.end - content - n);
      if (n >= 3 && (text[content] == '~' || info.find('`') == std::string_view::npos)) {
        r.close_paragraph();
        if (r.quote < 0) r.close_items_at(column);
        r.add(BlockKind::Code, l.start, l.next);
        open_block = r.last_index();
        open = Open::Fence;
        fence_char = text[content];
        fence_length = n;
        r.last_end = l.next;
        continue;
      }
    }
    if (column < 4 && text[content] == '<' && content + 1 < l.end &&
        (text[content + 1] == '!' || text[content + 1] == '/' || text[content + 1] == '?' ||
         ((text[content + 1] | 0x20) >= 'a' && (text[content + 1] | 0x20) <= 'z'))) {
      bool comment = text.substr(content).starts_with("<!--");
      r.close_paragraph();
      if (r.quote < 0) r.close_items_at(column);
      r.add(BlockKind::Html, l.start, l.next);
      open_block = r.last_index();
      std::string_view rest = text.substr(content + 4 > l.end ? l.end : content + 4,
                                          l.end - std::min(l.end, content + 4));
      if (comment)
        open = rest.find("-->") == std::string_view::npos ? Open::Comment : Open::None;
      else
        open = Open::Html;
      r.last_end = l.next;
      continue;
    }
    std::size_t item_text = r.quote < 0 ? list_marker_end(text, c) : 0;
    if (item_text > 0) {
      r.close_paragraph();
      r.close_items_at(column);
      Block& item = r.add(BlockKind::ListItem, l.start, l.next);
      std::size_t ts = item_text;
      if (l.end - ts >= 3 && text[ts] == '[' && text[ts + 2] == ']' &&
          (text[ts + 1] == ' ' || text[ts + 1] == 'x' || text[ts + 1] == 'X') &&
          (ts + 3 == l.end || text[ts + 3] == ' ' || text[ts + 3] == '\t')) {
        item.task = true;
        item.checked = text[ts + 1] != ' ';
        ts += 3;
        while (ts < l.end && (text[ts] == ' ' || text[ts] == '\t'))
          ++ts;
      }
      std::size_t index = static_cast<std::size_t>(r.last_index());
      r.items.push_back({column, index});
      if (ts < l.end) {
        Block& lead = r.add(BlockKind::Paragraph, ts, l.next);
        lead.text_start = ts;
        lead.text_end = l.end;
        lead.item_lead = true;
        Block& owner = r.outline.blocks[index];
        owner.text_start = ts;
        owner.text_end = l.end;
        r.paragraph = r.last_index();
      }
      r.last_end = l.next;
      continue;
    }
    if (r.paragraph >= 0) { // a paragraph runs on (lazily, as CommonMark lets it)
      Block& p = r.at(r.paragraph);
      p.end = l.next;
      p.text_end = l.end;
      if (p.item_lead) r.outline.blocks[static_cast<std::size_t>(p.parent)].text_end = l.end;
      r.last_end = l.next;
      continue;
    }
    if (column >= 4 && r.items.empty() && r.quote < 0) {
      r.add(BlockKind::Code, l.start, l.next);
      open_block = r.last_index();
      open = Open::Indented;
      r.last_end = l.next;
      continue;
    }
    if (r.quote < 0) { // a paragraph of the innermost item it is indented into, or top level
      std::size_t keep = r.items.size();
      while (keep > 0 && r.items[keep - 1].column >= column)
        --keep;
      r.close_items_from(keep);
    }
    Block& p = r.add(BlockKind::Paragraph, content, l.next);
    p.text_start = content;
    p.text_end = l.end;
    r.paragraph = r.last_index();
    r.last_end = l.next;
  }
  r.close_items_from(0);
  r.close_quote();
  return r.outline;
}

} // namespace mend::engine
