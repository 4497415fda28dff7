// tree-sitter Markdown (block + inline grammars) to mend's flat outline.
#include "daemon/engine/markdown.h"
#include "daemon/engine/line_outline.h"
#include "daemon/engine/parse_budget.h"
#include "daemon/engine/unicode.h"

#include <tree_sitter/api.h>

#include <time.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

extern "C" const TSLanguage* tree_sitter_markdown(void);
extern "C" const TSLanguage* tree_sitter_markdown_inline(void);

namespace mend::engine {
namespace {

// Symbol ids of the node types mend reads, looked up once: comparing ids is cheaper than
// comparing type names on every node of a large note.
struct BlockSymbols {
  TSSymbol atx_heading, setext_heading, paragraph, list, list_item, block_quote, fenced_code,
      indented_code, html_block, pipe_table, minus_metadata, plus_metadata, thematic_break, section,
      document, inline_node, setext_h1, task_checked, task_unchecked, link_reference_definition,
      fence_delimiter;
  TSSymbol atx_markers[6];

  static const BlockSymbols& get() {
    static const BlockSymbols symbols = [] {
      const TSLanguage* lang = tree_sitter_markdown();
      auto sym = [lang](const char* name) {
        return ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)),
                                           true);
      };
      BlockSymbols s{};
      s.atx_heading = sym("atx_heading");
      s.setext_heading = sym("setext_heading");
      s.paragraph = sym("paragraph");
      s.list = sym("list");
      s.list_item = sym("list_item");
      s.block_quote = sym("block_quote");
      s.fenced_code = sym("fenced_code_block");
      s.indented_code = sym("indented_code_block");
      s.html_block = sym("html_block");
      s.pipe_table = sym("pipe_table");
      s.minus_metadata = sym("minus_metadata");
      s.plus_metadata = sym("plus_metadata");
      s.thematic_break = sym("thematic_break");
      s.section = sym("section");
      s.document = sym("document");
      s.inline_node = sym("inline");
      s.setext_h1 = sym("setext_h1_underline");
      s.task_checked = sym("task_list_marker_checked");
      s.task_unchecked = sym("task_list_marker_unchecked");
      s.link_reference_definition = sym("link_reference_definition");
      s.fence_delimiter = sym("fenced_code_block_delimiter");
      const char* markers[6] = {"atx_h1_marker", "atx_h2_marker", "atx_h3_marker",
                                "atx_h4_marker", "atx_h5_marker", "atx_h6_marker"};
      for (int i = 0; i < 6; ++i)
        s.atx_markers[i] = sym(markers[i]);
      return s;
    }();
    return symbols;
  }
};

// The named children of `node`, in order, through `cursor` (reset here, reused: no allocation).
// ts_node_named_child(node, i) walks the children from the first on every call, so looping over
// i is quadratic in a node with many children; a cursor visits each child once. Same children,
// same order: the cursor and ts_node_named_child both see visible nodes only.
void named_children(TSTreeCursor& cursor, TSNode node, std::vector<TSNode>& out) {
  out.clear();
  ts_tree_cursor_reset(&cursor, node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(c)) out.push_back(c);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
}

// Where a node sits: the enclosing list item or quote, the nesting, whether inside a quote.
struct Context {
  int parent;
  int depth;
  bool in_quote;
};

// Walks the block tree in document order with one tree cursor (no recursion: a 1000-deep list
// must not exhaust the stack; no per-node child lists: a 1 MB note has ~100k nodes). Containers
// (document, section, list, list item, quote) are entered; every other block is read from its
// node and its children are skipped. Anonymous nodes are skipped.
Outline build_outline(TSNode root) {
  const BlockSymbols& S = BlockSymbols::get();
  Outline outline;
  std::vector<TSNode> children;
  std::vector<Context> contexts{{-1, 0, false}}; // of the cursor's node and its siblings
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  TSTreeCursor aux = ts_tree_cursor_new(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    const Context f = contexts.back();
    bool enter = false;
    Context inner = f;
    TSSymbol sym = ts_node_symbol(node);
    if (!ts_node_is_named(node)) {
      // punctuation and markers: nothing to read
    } else if (sym == S.document || sym == S.section || sym == S.list) {
      enter = true;
    } else if (std::strcmp(ts_node_type(node), "ERROR") == 0) {
      // The grammar gives up on some HTML inside a list item (an item's paragraph, then
      // "<div>…" and "</div>" after a blank line, as Notion exports its callouts): the blocks
      // it did recognise inside are the note's still, the item's own line first.
      enter = true;
    } else {
      Block b;
      b.start = ts_node_start_byte(node);
      b.end = ts_node_end_byte(node);
      b.parent = f.parent;
      b.depth = f.depth;
      b.in_quote = f.in_quote;
      if (sym == S.atx_heading) {
        b.kind = BlockKind::Heading;
        b.text_start = b.text_end = b.end;
        named_children(aux, node, children);
        for (TSNode c : children) {
          TSSymbol cs = ts_node_symbol(c);
          for (int k = 0; k < 6; ++k)
            if (cs == S.atx_markers[k]) b.level = k + 1;
          if (cs == S.inline_node) {
            b.text_start = ts_node_start_byte(c);
            b.text_end = ts_node_end_byte(c);
          }
        }
        outline.blocks.push_back(b);
      } else if (sym == S.setext_heading) {
        b.kind = BlockKind::Heading;
        b.level = 2;
        named_children(aux, node, children);
        for (TSNode c : children) {
          TSSymbol cs = ts_node_symbol(c);
          if (cs == S.setext_h1) b.level = 1;
          if (cs == S.paragraph) {
            b.text_start = ts_node_start_byte(c);
            b.text_end = ts_node_end_byte(c);
          }
        }
        outline.blocks.push_back(b);
      } else if (sym == S.paragraph) {
        b.kind = BlockKind::Paragraph;
        b.text_start = b.start;
        b.text_end = b.end;
        if (f.parent >= 0) {
          Block& parent = outline.blocks[static_cast<std::size_t>(f.parent)];
          if (parent.kind == BlockKind::ListItem && parent.text_start == parent.text_end &&
              outline.blocks.size() == static_cast<std::size_t>(f.parent) + 1) {
            // The item's first block, right after its marker: the item's own text.
            parent.text_start = b.start;
            parent.text_end = b.end;
            b.item_lead = true;
          }
        }
        outline.blocks.push_back(b);
      } else if (sym == S.list_item) {
        b.kind = BlockKind::ListItem;
        int index = static_cast<int>(outline.blocks.size());
        named_children(aux, node, children);
        for (TSNode c : children) {
          TSSymbol cs = ts_node_symbol(c);
          if (cs == S.task_checked || cs == S.task_unchecked) {
            b.task = true;
            b.checked = cs == S.task_checked;
          }
        }
        outline.blocks.push_back(b);
        enter = true;
        inner = {index, f.depth + 1, f.in_quote};
      } else if (sym == S.block_quote) {
        b.kind = BlockKind::BlockQuote;
        int index = static_cast<int>(outline.blocks.size());
        outline.blocks.push_back(b);
        enter = true;
        inner = {index, f.depth + 1, true};
      } else if (sym == S.fenced_code || sym == S.indented_code) {
        b.kind = BlockKind::Code;
        outline.blocks.push_back(b);
      } else if (sym == S.html_block) {
        b.kind = BlockKind::Html;
        outline.blocks.push_back(b);
      } else if (sym == S.pipe_table) {
        b.kind = BlockKind::Table;
        outline.blocks.push_back(b);
      } else if (sym == S.minus_metadata || sym == S.plus_metadata) {
        b.kind = BlockKind::FrontMatter;
        outline.blocks.push_back(b);
      } else if (sym == S.thematic_break) {
        b.kind = BlockKind::Break;
        outline.blocks.push_back(b);
      } else if (sym != S.inline_node &&
                 std::strcmp(ts_node_type(node), "block_continuation") != 0 &&
                 std::strncmp(ts_node_type(node), "list_marker", 11) != 0 &&
                 sym != S.task_checked && sym != S.task_unchecked &&
                 std::strcmp(ts_node_type(node), "block_quote_marker") != 0) {
        b.kind = BlockKind::Other;
        outline.blocks.push_back(b);
      }
    }
    if (enter && ts_tree_cursor_goto_first_child(&cursor)) {
      contexts.push_back(inner);
      continue;
    }
    // The next node in document order: a sibling, else the next sibling of an ancestor.
    bool done = false;
    while (!done) {
      if (contexts.size() == 1)
        done = true; // back at the root
      else if (ts_tree_cursor_goto_next_sibling(&cursor))
        break;
      else {
        ts_tree_cursor_goto_parent(&cursor);
        contexts.pop_back();
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&aux);
  ts_tree_cursor_delete(&cursor);
  return outline;
}

// The grammar's external scanner keeps its open blocks (quotes, list items) in a one-byte
// count: past 255 nested containers it corrupts memory (seen: "> " * 256, "- " * 300, 300
// indented list levels). No note written by a person nests that deep, so lines that would
// are defused before parsing: their container markers beyond kMaxNesting become letters,
// which keeps every byte offset in place and turns the excess into plain text.
constexpr int kMaxNesting = 120;

// Nesting a line opens: its container markers plus its indentation (2 columns a level).
bool defuse_line(char* line, std::size_t size, bool write) {
  std::size_t i = 0;
  int depth = 0, columns = 0;
  bool over = false;
  while (i < size) {
    char c = line[i];
    if (c == ' ') {
      ++columns;
      ++i;
      continue;
    }
    if (c == '\t') {
      columns += 4;
      ++i;
      continue;
    }
    std::size_t marker = 0;
    if (c == '>') {
      marker = 1;
    } else if ((c == '-' || c == '*' || c == '+') && i + 1 < size &&
               (line[i + 1] == ' ' || line[i + 1] == '\t')) {
      marker = 1;
    } else if (c >= '0' && c <= '9') {
      std::size_t d = i;
      while (d < size && d - i < 9 && line[d] >= '0' && line[d] <= '9')
        ++d;
      if (d < size && (line[d] == '.' || line[d] == ')') && d + 1 < size &&
          (line[d + 1] == ' ' || line[d + 1] == '\t'))
        marker = d + 1 - i;
    }
    if (marker == 0) break;
    ++depth;
    if (depth + columns / 2 > kMaxNesting) {
      over = true;
      if (!write) return true;
      for (std::size_t k = i; k < i + marker; ++k)
        line[k] = 'x';
    }
    i += marker;
  }
  return over;
}

// Returns the text to parse: `text` itself, or a defused copy in *storage.
std::string_view guarded(std::string_view text, std::string& storage) {
  bool needed = false;
  for (std::size_t start = 0; start < text.size() && !needed;) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    needed = defuse_line(const_cast<char*>(text.data() + start), end - start, false);
    start = end + 1;
  }
  if (!needed) return text;
  storage.assign(text);
  for (std::size_t start = 0; start < storage.size();) {
    char* base = storage.data();
    const void* nl = std::memchr(base + start, '\n', storage.size() - start);
    std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : storage.size();
    defuse_line(base + start, end - start, true);
    start = end + 1;
  }
  return storage;
}

struct ParserDelete {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
// A thread's own parser: parse_outline() and inline_text() run on index worker threads, which
// a raw thread_local pointer would leak one parser each, every scan.
using ParserPtr = std::unique_ptr<TSParser, ParserDelete>;

TSParser* new_block_parser() {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_markdown());
  return parser;
}

// This thread's CPU time. The budget is CPU time, not wall time: on a loaded machine a thread
// waits for a core, and an honest note must not be cut short for that.
std::uint64_t thread_cpu_micros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000u +
         static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
}

// ts_parser_parse_string within the parse budget for `text` (at most `cap_micros`). tree-sitter
// times out on the wall clock; when it does before this thread has used its budget of CPU time
// (it was waiting for a core), the parse resumes where it stopped (same parser, same input).
// Null when the budget ran out: the parser is reset (else its next parse would resume this one)
// and the thread's count of parses cut short goes up.
TSTree* bounded_parse(TSParser* parser, const TSTree* old, std::string_view text,
                      std::uint64_t cap_micros = UINT64_MAX) {
  const std::uint64_t budget = std::min(parse_budget().micros_for(text.size()), cap_micros);
  const std::uint64_t started = thread_cpu_micros();
  std::uint64_t left = budget;
  for (;;) {
    ts_parser_set_timeout_micros(parser, std::max<std::uint64_t>(left, 1));
    TSTree* tree =
        ts_parser_parse_string(parser, old, text.data(), static_cast<uint32_t>(text.size()));
    if (tree) return tree;
    std::uint64_t used = thread_cpu_micros() - started;
    if (used >= budget) break;
    left = std::max<std::uint64_t>(budget - used, 1000);
  }
  ts_parser_reset(parser);
  detail::count_parse_cut_short();
  return nullptr;
}

TSPoint point_at(std::string_view text, std::size_t offset) {
  TSPoint p{0, 0};
  std::size_t line_start = 0;
  const char* data = text.data();
  std::size_t i = 0;
  while (i < offset) {
    const void* nl = std::memchr(data + i, '\n', offset - i);
    if (!nl) break;
    i = static_cast<std::size_t>(static_cast<const char*>(nl) - data) + 1;
    ++p.row;
    line_start = i;
  }
  p.column = static_cast<uint32_t>(offset - line_start);
  return p;
}

TSPoint advance(TSPoint start, std::string_view inserted) {
  TSPoint p = start;
  for (char c : inserted) {
    if (c == '\n') {
      ++p.row;
      p.column = 0;
    } else {
      ++p.column;
    }
  }
  return p;
}

} // namespace

// --- Segments (see MarkdownDocument in markdown.h) -------------------------------------------

namespace {

// Where a segment may start: a line that nothing before it can continue once the block
// before it ends clean (ends_clean), and that reads the same at the start of a document:
//  - an ATX heading at column 0 ("#" to "######", then a space, a tab or the line break): it
//    closes every list, quote and paragraph;
//  - a line starting with an ASCII letter after a blank line: the blank line ends paragraphs,
//    tables and HTML blocks of kinds 6 and 7, and a line at column 0 after it continues no
//    list item, quote or indented code (a letter is no list marker, quote, fence, HTML, table
//    or thematic break either).
// Only a line with its line break: the grammar reads a last line without one differently
// depending on what precedes it ("#" alone at the very end continues a paragraph).
bool boundary_line_at(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos >= text.size() || text[pos - 1] != '\n') return false;
  std::size_t i = pos;
  char first = text[pos];
  if (first == '#') {
    while (i < text.size() && i - pos < 7 && text[i] == '#')
      ++i;
    std::size_t level = i - pos;
    if (level > 6 || i == text.size()) return false;
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') return false;
  } else if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
    // The line before is blank: only spaces, tabs or a carriage return, back to a line break
    // (not the start of the text: a segment never starts on the second line of a note).
    std::size_t j = pos - 1; // the '\n' ending the line before
    while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\r'))
      --j;
    if (j == 0 || text[j - 1] != '\n') return false;
  } else {
    return false;
  }
  return std::memchr(text.data() + i, '\n', text.size() - i) != nullptr;
}

// The first line starting at or after `from` and before `to` where a segment may start, else
// `to`.
std::size_t next_boundary_line(std::string_view text, std::size_t from, std::size_t to) {
  if (from < to && boundary_line_at(text, from)) return from;
  std::size_t i = from;
  while (i < to) {
    const void* nl = std::memchr(text.data() + i, '\n', to - i);
    if (!nl) return to;
    i = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    if (i < to && boundary_line_at(text, i)) return i;
  }
  return to;
}

// Front matter is recognised only at the very start of a note and runs to its closing line:
// no segment may start before that line. The close is what the grammar's scanner accepts:
// exactly three of the opening's delimiters, then spaces or tabs, then a line break. With no
// close, no segment may start at all (conservative: the note is one segment).
std::size_t first_segment_start(std::string_view text) {
  if (!(text.starts_with("---") || text.starts_with("+++"))) return 0;
  char delimiter = text[0];
  auto closes = [&](std::size_t line) {
    std::size_t i = line;
    while (i < text.size() && i - line < 4 && text[i] == delimiter)
      ++i;
    if (i - line != 3) return false;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    return i < text.size() && (text[i] == '\r' || text[i] == '\n');
  };
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', nl + 1)) {
    if (closes(nl + 1)) {
      std::size_t end = text.find('\n', nl + 1);
      return end == std::string_view::npos ? text.size() : end + 1;
    }
  }
  return text.size();
}

// Whether `text` holds a line of only white space after its first line (a blank line ends an
// HTML block of kinds 6 and 7 and a table, whatever follows).
bool blank_line_after_first(std::string_view text) {
  std::size_t nl = text.find('\n');
  while (nl != std::string_view::npos) {
    std::size_t start = nl + 1;
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos && end != std::string_view::npos)
      return true;
    nl = end;
  }
  return false;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// An HTML block that has surely met its end condition (CommonMark 4.6): a comment that holds
// its "-->", or a block of kinds 6 and 7 (a tag that is none of the special ones) followed by a
// blank line. The other kinds (<script>, <pre>, <style>, <textarea>, "<?", "<!X", CDATA) are
// taken as open: the grammar's idea of their end differs from the specification's in places
// ("<!DOCTYPE html>" runs on), and they are rare in notes. `block` runs from the block's start
// to the end of the segment.
bool html_block_closed(std::string_view block) {
  std::size_t lead = block.find_first_not_of(' ');
  if (lead == std::string_view::npos || lead > 3) return false;
  std::string_view b = block.substr(lead);
  if (b.starts_with("<!--")) return b.find("-->", 4) != std::string_view::npos;
  if (b.starts_with("<?") || b.starts_with("<!")) return false;
  for (std::string_view tag : {"<script", "<pre", "<style", "<textarea"})
    if (starts_with_ci(b, tag)) return false;
  return blank_line_after_first(b);
}

// Whether a parse of a segment leaves nothing open at its end that the heading line after it
// could continue. Follows the chain of last named children down from the root: the deepest
// last block decides. Lists, quotes and paragraphs are closed by a heading at column 0, and so
// is indented code; front matter exists only closed. A fenced code block is open unless it has
// its closing fence; an HTML block unless it met its end condition; a table unless a blank line
// follows it. Anything the grammar could not parse counts as open. Open means the segments are
// merged: it costs time, never a difference.
bool ends_clean(TSNode root, std::string_view text) {
  if (ts_node_has_error(root)) return false;
  const BlockSymbols& S = BlockSymbols::get();
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool clean = true;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    TSSymbol sym = ts_node_symbol(node);
    std::string_view rest =
        text.substr(std::min<std::size_t>(ts_node_start_byte(node), text.size()));
    if (sym == S.fenced_code) {
      int fences = 0;
      uint32_t n = ts_node_child_count(node);
      for (uint32_t i = 0; i < n; ++i)
        fences += ts_node_symbol(ts_node_child(node, i)) == S.fence_delimiter ? 1 : 0;
      clean = fences >= 2;
      break;
    }
    if (sym == S.html_block) {
      clean = html_block_closed(rest);
      break;
    }
    if (sym == S.pipe_table) {
      clean = blank_line_after_first(rest);
      break;
    }
    if (sym == S.indented_code || sym == S.minus_metadata || sym == S.plus_metadata) break;
    if (!ts_tree_cursor_goto_first_child(&cursor)) break;
    // The last named child, found with one pass of the cursor over the children.
    TSNode last{};
    bool found = false;
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(c)) {
        last = c;
        found = true;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
    if (!found) break;
    ts_tree_cursor_reset(&cursor, last);
  }
  ts_tree_cursor_delete(&cursor);
  return clean;
}

// Appends the blocks of a part parsed on its own, which starts at byte `offset` of the note:
// offsets shifted, parents re-indexed into `outline`.
void append_shifted(Outline& outline, const std::vector<Block>& blocks, std::size_t offset) {
  int base = static_cast<int>(outline.blocks.size());
  for (Block b : blocks) {
    b.start += offset;
    b.end += offset;
    if (b.text_start != 0 || b.text_end != 0) { // [0, 0) is "no text" (Block's default)
      b.text_start += offset;
      b.text_end += offset;
    }
    if (b.parent >= 0) b.parent += base;
    outline.blocks.push_back(b);
  }
}

struct TreeDelete {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

} // namespace

struct MarkdownDocument::Segment {
  std::size_t start = 0, size = 0; // bytes of text_
  std::unique_ptr<TSTree, TreeDelete> tree;
  bool guarded = false;      // the tree is of a defused copy (see guarded())
  bool clean_end = false;    // see ends_clean()
  bool has_error = false;    // the grammar could not parse it all: it may not stand alone
  bool unsplittable = false; // cutting it again was tried and found no boundary that holds
  bool cut_short = false;    // its parse ran out of its budget
  std::vector<Block> blocks; // offsets from `start`, parents indexed within the segment
};

MarkdownDocument::MarkdownDocument(std::string text, std::size_t max_parse_bytes,
                                   std::size_t segment_bytes)
    : text_(std::move(text)), parser_(new_block_parser()), max_parse_bytes_(max_parse_bytes),
      segment_bytes_(std::max<std::size_t>(segment_bytes, 1)) {
  parse_all();
}

MarkdownDocument::~MarkdownDocument() {
  segments_.clear();
  if (parser_) ts_parser_delete(parser_);
}

MarkdownDocument::MarkdownDocument(MarkdownDocument&& other) noexcept
    : text_(std::move(other.text_)), parser_(std::exchange(other.parser_, nullptr)),
      segments_(std::move(other.segments_)), max_parse_bytes_(other.max_parse_bytes_),
      segment_bytes_(other.segment_bytes_), over_limit_(other.over_limit_),
      cut_short_(other.cut_short_), retry_below_(other.retry_below_),
      outline_(std::move(other.outline_)) {}

MarkdownDocument& MarkdownDocument::operator=(MarkdownDocument&& other) noexcept {
  if (this != &other) {
    segments_ = std::move(other.segments_);
    if (parser_) ts_parser_delete(parser_);
    text_ = std::move(other.text_);
    parser_ = std::exchange(other.parser_, nullptr);
    max_parse_bytes_ = other.max_parse_bytes_;
    segment_bytes_ = other.segment_bytes_;
    over_limit_ = other.over_limit_;
    cut_short_ = other.cut_short_;
    retry_below_ = other.retry_below_;
    outline_ = std::move(other.outline_);
  }
  return *this;
}

std::vector<std::size_t> MarkdownDocument::segment_starts() const {
  std::vector<std::size_t> starts;
  for (const auto& s : segments_)
    starts.push_back(s.start);
  return starts;
}

namespace {

// Parses `part` of `text` as a document of its own: its blocks, whether it ends clean and
// whether it parsed without error. `Part` is MarkdownDocument::Segment or OneShotPart. The tree
// is kept (for an incremental reparse) only with `keep_tree`.
template <typename Part>
void parse_part(TSParser* parser, std::string_view text, Part& part, bool reuse_tree,
                bool keep_tree) {
  std::string_view own = text.substr(part.start, part.size);
  std::string storage;
  std::string_view parse_text = guarded(own, storage);
  bool guard = parse_text.data() != own.data();
  // A tree of a defused copy cannot be reused for the real text, nor the other way round.
  TSTree* reuse = (reuse_tree && !guard && !part.guarded) ? part.tree.get() : nullptr;
  TSTree* tree = bounded_parse(parser, reuse, parse_text);
  part.tree.reset(tree);
  part.guarded = guard;
  part.cut_short = !tree;
  if (tree) {
    TSNode root = ts_tree_root_node(tree);
    part.blocks = build_outline(root).blocks;
    part.clean_end = ends_clean(root, parse_text);
    part.has_error = ts_node_has_error(root);
  } else {
    part.blocks.clear();
    part.clean_end = false;
    part.has_error = true;
  }
  if (!keep_tree) part.tree.reset();
}

// Cuts [from, to) of `text` into parts of about `part_bytes` and parses each. A part that does
// not end clean grows to the next heading line at least twice as far, until it does or reaches
// `to`: a long unclosed block costs a few parses, not one per heading. With `gave_up`, a part
// that does not parse whole stops it all (true, nothing returned) instead of being joined to
// the parts before it, which may cost a parse of them all again per such part. A part that runs
// out of its parse budget sets `cut_short`; without `keep_trees` its blocks are line_outline()'s.
template <typename Part>
std::vector<Part> parse_parts(TSParser* parser, std::string_view text, std::size_t from,
                              std::size_t to, std::size_t part_bytes, bool keep_trees,
                              bool* gave_up = nullptr, bool* cut_short = nullptr) {
  std::vector<Part> out;
  std::size_t earliest = first_segment_start(text);
  std::size_t start = from;
  do {
    std::size_t want = std::max(start + part_bytes, earliest);
    std::size_t cut = want >= to ? to : next_boundary_line(text, want, to);
    Part part;
    part.start = start;
    part.size = cut - start;
    parse_part(parser, text, part, false, keep_trees);
    while (cut < to && !part.clean_end && !part.cut_short) {
      std::size_t further = std::max(start + 2 * (cut - start), cut + 1);
      cut = further >= to ? to : next_boundary_line(text, further, to);
      part.size = cut - start;
      parse_part(parser, text, part, false, keep_trees);
    }
    if (part.cut_short) {
      if (cut_short) *cut_short = true;
      if (keep_trees) return out; // a document goes line-level as a whole: parse no further
      // Read line by line; the part stands alone (a simpler reading costs no joins).
      part.blocks = line_outline(text.substr(part.start, part.size)).blocks;
      out.push_back(std::move(part));
      start = cut;
      continue;
    }
    if (gave_up && part.has_error) {
      *gave_up = true;
      return {};
    }
    // The grammar's error recovery depends on what came before: a part it cannot parse
    // whole is joined to the one before it (e.g. a last line "## " without its line break).
    while (part.has_error && !out.empty()) {
      Part joined = std::move(out.back());
      out.pop_back();
      joined.size = cut - joined.start;
      parse_part(parser, text, joined, false, keep_trees);
      part = std::move(joined);
    }
    out.push_back(std::move(part));
    start = cut;
  } while (start < to);
  return out;
}

// A part of parse_outline_in_parts(): a segment without its tree.
struct OneShotPart {
  std::size_t start = 0, size = 0;
  std::unique_ptr<TSTree, TreeDelete> tree; // only while the part is read
  bool guarded = false, clean_end = false, has_error = false, cut_short = false;
  std::vector<Block> blocks;
};

} // namespace

MarkdownDocument::Parsed::Parsed() = default;
MarkdownDocument::Parsed::~Parsed() = default;
MarkdownDocument::Parsed::Parsed(Parsed&&) noexcept = default;
MarkdownDocument::Parsed& MarkdownDocument::Parsed::operator=(Parsed&&) noexcept = default;

std::vector<std::size_t> MarkdownDocument::open_cuts(std::string_view text, std::size_t parts) {
  std::vector<std::size_t> cuts{0};
  std::size_t earliest = first_segment_start(text);
  for (std::size_t k = 1; k < parts; ++k) {
    std::size_t want = std::max({text.size() / parts * k, earliest, cuts.back() + 1});
    if (want >= text.size()) break;
    std::size_t cut = next_boundary_line(text, want, text.size());
    if (cut >= text.size()) break;
    cuts.push_back(cut);
  }
  cuts.push_back(text.size());
  return cuts;
}

MarkdownDocument::Parsed MarkdownDocument::parse_apart(std::string_view text, std::size_t from,
                                                       std::size_t to, std::size_t segment_bytes) {
  thread_local ParserPtr owner(new_block_parser()); // freed when the thread ends
  Parsed parsed;
  if (from >= to) return parsed;
  parsed.segments_ =
      parse_parts<Segment>(owner.get(), text, from, to, std::max<std::size_t>(segment_bytes, 1),
                           true, nullptr, &parsed.cut_short_);
  return parsed;
}

MarkdownDocument::MarkdownDocument(std::string text, std::vector<Parsed> parts,
                                   std::size_t max_parse_bytes, std::size_t segment_bytes)
    : text_(std::move(text)), parser_(new_block_parser()), max_parse_bytes_(max_parse_bytes),
      segment_bytes_(std::max<std::size_t>(segment_bytes, 1)) {
  for (Parsed& part : parts) {
    cut_short_ = cut_short_ || part.cut_short_;
    for (Segment& segment : part.segments_)
      segments_.push_back(std::move(segment));
  }
  // Anything but ranges covering the text in order (a caller's mistake) is parsed afresh.
  bool covered = !segments_.empty() && segments_.front().start == 0 &&
                 segments_.back().start + segments_.back().size == text_.size();
  for (std::size_t k = 1; covered && k < segments_.size(); ++k)
    covered = segments_[k].start == segments_[k - 1].start + segments_[k - 1].size;
  if (text_.size() > max_parse_bytes_ || (!covered && !cut_short_)) {
    parse_all();
    return;
  }
  // Where a cut does not hold, its two segments are merged and parsed again, as settle() does
  // after an edit; the merged segment's boundary with the one before is checked again. Only
  // the cuts between ranges can fail (parse_parts keeps those inside a range), but the pass is
  // over every boundary: a merge may reach past the next cut.
  for (std::size_t k = 1; k < segments_.size() && !cut_short_;) {
    if (boundary_holds(k)) {
      ++k;
      continue;
    }
    merge(k - 1, k);
    k = std::max<std::size_t>(k - 1, 1);
  }
  if (cut_short_) { // as parse_all(): a document goes line-level as a whole
    enter_line_level();
    return;
  }
  rebuild_outline();
}

void MarkdownDocument::parse_segment(Segment& segment, bool reuse_tree) {
  parse_part(parser_, text_, segment, reuse_tree, true);
  cut_short_ = cut_short_ || segment.cut_short;
}

std::vector<MarkdownDocument::Segment> MarkdownDocument::parse_range(std::size_t from,
                                                                     std::size_t to) {
  return parse_parts<Segment>(parser_, text_, from, to, segment_bytes_, true, nullptr, &cut_short_);
}

void MarkdownDocument::parse_all() {
  segments_.clear();
  over_limit_ = text_.size() > max_parse_bytes_;
  bool line_level = outline_.line_level && text_.size() > retry_below_;
  if (!over_limit_ && !line_level) {
    cut_short_ = false;
    segments_ = parse_range(0, text_.size());
  }
  if (!over_limit_ && (line_level || cut_short_)) {
    enter_line_level();
    return;
  }
  rebuild_outline();
}

void MarkdownDocument::enter_line_level() {
  if (!outline_.line_level || cut_short_) retry_below_ = text_.size() / 2;
  cut_short_ = false;
  segments_.clear();
  outline_ = line_outline(text_);
}

bool MarkdownDocument::boundary_holds(std::size_t index) const {
  if (index == 0) return true;
  const Segment& before = segments_[index - 1];
  std::size_t at = segments_[index].start;
  return before.clean_end && !segments_[index].has_error && boundary_line_at(text_, at) &&
         at >= first_segment_start(text_);
}

// Segments [first, last] become one, parsed afresh (their trees cannot be joined).
void MarkdownDocument::merge(std::size_t first, std::size_t last) {
  Segment& into = segments_[first];
  into.size = segments_[last].start + segments_[last].size - into.start;
  segments_.erase(segments_.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                  segments_.begin() + static_cast<std::ptrdiff_t>(last) + 1);
  parse_segment(into, false);
}

// Merges segments_[k] with its neighbours until the boundaries on both sides hold; returns the
// index of the segment holding what segments_[k] held. Sets `merged` when it merged any.
std::size_t MarkdownDocument::settle(std::size_t k, bool& merged) {
  for (;;) {
    if (cut_short_) return k; // the document goes line-level: no more parses to pay for
    if (k > 0 && !boundary_holds(k)) {
      merge(k - 1, k);
      --k;
    } else if (k + 1 < segments_.size() && !boundary_holds(k + 1)) {
      merge(k, k + 1);
    } else {
      return k;
    }
    merged = true;
  }
}

void MarkdownDocument::edit(std::size_t start, std::size_t old_end, std::string_view replacement) {
  if (start > text_.size()) start = text_.size();
  if (old_end > text_.size()) old_end = text_.size();
  if (old_end < start) old_end = start;
  std::size_t new_size = text_.size() - (old_end - start) + replacement.size();
  if (over_limit_ || segments_.empty() || new_size > max_parse_bytes_) {
    text_.replace(start, old_end - start, replacement);
    parse_all(); // held, not parsed; in line-level mode; or back under the limit: parsed afresh
    return;
  }
  cut_short_ = false;
  // The segments the edit touches: the one holding `start` (an insertion where a segment
  // begins belongs to that segment) through the one holding the last removed byte.
  auto holding = [&](std::size_t offset) {
    auto after = std::upper_bound(segments_.begin() + 1, segments_.end(), offset,
                                  [](std::size_t o, const Segment& s) { return o < s.start; });
    return static_cast<std::size_t>(after - segments_.begin()) - 1;
  };
  std::size_t first = holding(start);
  std::size_t last = old_end > start ? holding(old_end - 1) : first;
  if (last < first) last = first;
  Segment& segment = segments_[first];
  std::size_t segment_end = segments_[last].start + segments_[last].size;
  std::string_view old_text =
      std::string_view(text_).substr(segment.start, segment_end - segment.start);
  TSInputEdit e;
  e.start_byte = static_cast<uint32_t>(start - segment.start);
  e.old_end_byte = static_cast<uint32_t>(old_end - segment.start);
  e.new_end_byte = static_cast<uint32_t>(start - segment.start + replacement.size());
  e.start_point = point_at(old_text, start - segment.start);
  e.old_end_point = point_at(old_text, old_end - segment.start);
  e.new_end_point = advance(e.start_point, replacement);

  // Whether the edit may change where blocks open and close (else it cannot make a new
  // boundary hold): line breaks and the characters that open or close what ends_clean refuses.
  auto structural_in = [](std::string_view bytes) {
    return bytes.find_first_of("\n#`~<>|-+") != std::string_view::npos;
  };
  bool structural = structural_in(replacement) ||
                    structural_in(std::string_view(text_).substr(start, old_end - start));
  text_.replace(start, old_end - start, replacement);
  std::ptrdiff_t delta = static_cast<std::ptrdiff_t>(replacement.size()) -
                         static_cast<std::ptrdiff_t>(old_end - start);
  for (std::size_t k = last + 1; k < segments_.size(); ++k)
    segments_[k].start =
        static_cast<std::size_t>(static_cast<std::ptrdiff_t>(segments_[k].start) + delta);
  std::size_t edited_size =
      static_cast<std::size_t>(static_cast<std::ptrdiff_t>(segment_end - segment.start) + delta);
  if (first == last) {
    segment.size = edited_size;
    if (segment.tree) ts_tree_edit(segment.tree.get(), &e);
    parse_segment(segment, true);
  } else { // an edit across a boundary: one segment, parsed afresh
    segments_.erase(segments_.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                    segments_.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    segments_[first].size = edited_size;
    parse_segment(segments_[first], false);
  }
  if (cut_short_) { // no merging and cutting again: each would pay the budget once more
    enter_line_level();
    return;
  }

  // The edit may have broken the boundary before or after the edited segment (its heading
  // line edited away, a fence opened at its end, front matter grown): merge until both hold.
  std::size_t k = settle(first, structural);
  if (cut_short_) {
    enter_line_level();
    return;
  }
  // A segment grown far past its size (a paste, merges) is cut again where it can be. Tried
  // once per shape: typing letters cannot make a boundary hold that did not.
  Segment& grown = segments_[k];
  if (structural) grown.unsplittable = false;
  if (grown.size > 8 * segment_bytes_ && !grown.unsplittable) {
    std::size_t from = grown.start, to = from + grown.size;
    std::vector<Segment> pieces = parse_range(from, to);
    if (cut_short_) {
      enter_line_level();
      return;
    }
    std::size_t count = pieces.size();
    if (count > 1) {
      segments_.erase(segments_.begin() + static_cast<std::ptrdiff_t>(k));
      segments_.insert(segments_.begin() + static_cast<std::ptrdiff_t>(k),
                       std::make_move_iterator(pieces.begin()),
                       std::make_move_iterator(pieces.end()));
      // The cuts between the pieces hold (parse_range); the outer two are checked again.
      bool merged = false;
      std::size_t first_piece = settle(k, merged);
      settle(first_piece + count - 1, merged);
    } else {
      grown.unsplittable = true;
    }
  }
  if (cut_short_) {
    enter_line_level();
    return;
  }
  rebuild_outline();
}

void MarkdownDocument::replace_all(std::string text) {
  text_ = std::move(text);
  parse_all();
}

void MarkdownDocument::rebuild_outline() {
  outline_.blocks.clear();
  outline_.line_level = false;
  for (const Segment& segment : segments_) {
    append_shifted(outline_, segment.blocks, segment.start);
  }
}

bool starts_heading_line(std::string_view text, std::size_t pos) {
  return pos > 0 && pos < text.size() && text[pos] == '#' && boundary_line_at(text, pos);
}

bool starts_segment_line(std::string_view text, std::size_t pos) {
  return boundary_line_at(text, pos);
}

std::optional<Outline> parse_outline_skipping(std::string_view text,
                                              const std::vector<SkippedSection>& skipped) {
  thread_local ParserPtr owner(new_block_parser());
  TSParser* parser = owner.get();
  std::size_t earliest = first_segment_start(text);
  Outline outline;
  // Parses [from, to) on its own and appends its blocks; `must_end_clean` when a skipped
  // section follows. False when the part cannot stand alone.
  auto append = [&](std::size_t from, std::size_t to, bool must_end_clean) {
    std::string_view part = text.substr(from, to - from);
    std::string storage;
    std::string_view parse_text = guarded(part, storage);
    std::unique_ptr<TSTree, TreeDelete> tree(bounded_parse(parser, nullptr, parse_text));
    if (!tree) return false; // cut short: the whole text is parsed (and falls back) instead
    TSNode root = ts_tree_root_node(tree.get());
    if (ts_node_has_error(root)) return false;
    if (must_end_clean && !ends_clean(root, parse_text)) return false;
    append_shifted(outline, build_outline(root).blocks, from);
    return true;
  };
  std::size_t at = 0;
  for (const SkippedSection& section : skipped) {
    if (section.start < at || section.start < std::max<std::size_t>(earliest, 1) ||
        section.end > text.size() ||
        !(section.heading ? starts_heading_line(text, section.start)
                          : boundary_line_at(text, section.start)))
      return std::nullopt;
    if (!append(at, section.start, true)) return std::nullopt;
    if (section.heading) {
      std::size_t line_end = text.find('\n', section.start) + 1; // boundary lines have one
      std::size_t before = outline.blocks.size();
      if (!append(section.start, line_end, false)) return std::nullopt;
      if (outline.blocks.size() != before + 1 || outline.blocks.back().kind != BlockKind::Heading)
        return std::nullopt;
    }
    at = section.end;
  }
  if (!append(at, text.size(), false)) return std::nullopt;
  return outline;
}

Outline parse_outline_in_parts(std::string_view text, std::size_t part_bytes) {
  thread_local ParserPtr owner(new_block_parser()); // freed when the worker thread ends
  bool gave_up = false, cut_short = false;
  std::vector<OneShotPart> parts = parse_parts<OneShotPart>(
      owner.get(), text, 0, text.size(), part_bytes, false, &gave_up, &cut_short);
  // Text the grammar cannot parse whole (rare) is parsed whole: at most twice the parse.
  if (gave_up) return parse_outline(text);
  Outline outline;
  outline.line_level = cut_short;
  for (const OneShotPart& part : parts)
    append_shifted(outline, part.blocks, part.start);
  return outline;
}

Outline parse_outline(std::string_view text) {
  thread_local ParserPtr owner(new_block_parser()); // freed when the worker thread ends
  TSParser* parser = owner.get();
  std::string storage;
  std::string_view parse_text = guarded(text, storage);
  TSTree* tree = bounded_parse(parser, nullptr, parse_text);
  if (!tree) return line_outline(text);
  Outline outline = build_outline(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  return outline;
}

namespace {

struct InlineSymbols {
  TSSymbol emphasis_delimiter, code_span_delimiter, html_tag, backslash_escape, hard_line_break,
      strong_emphasis, link_text, image_description, latex_span_delimiter;
  TSSymbol links[5];
  static const InlineSymbols& get() {
    static const InlineSymbols symbols = [] {
      const TSLanguage* lang = tree_sitter_markdown_inline();
      auto sym = [lang](const char* name) {
        return ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)),
                                           true);
      };
      InlineSymbols s{};
      s.emphasis_delimiter = sym("emphasis_delimiter");
      s.code_span_delimiter = sym("code_span_delimiter");
      s.html_tag = sym("html_tag");
      s.backslash_escape = sym("backslash_escape");
      s.hard_line_break = sym("hard_line_break");
      s.strong_emphasis = sym("strong_emphasis");
      s.link_text = sym("link_text");
      s.image_description = sym("image_description");
      s.latex_span_delimiter = sym("latex_span_delimiter");
      const char* links[5] = {"inline_link", "full_reference_link", "collapsed_reference_link",
                              "shortcut_link", "image"};
      for (int i = 0; i < 5; ++i)
        s.links[i] = sym(links[i]);
      return s;
    }();
    return symbols;
  }
};

void plain_of(TSNode node, std::string_view text, std::string& out, int depth) {
  const InlineSymbols& S = InlineSymbols::get();
  std::size_t pos = ts_node_start_byte(node);
  std::size_t end = ts_node_end_byte(node);
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(node, i);
    std::size_t cs = ts_node_start_byte(c), ce = ts_node_end_byte(c);
    if (cs > pos) out.append(text.substr(pos, cs - pos));
    TSSymbol sym = ts_node_symbol(c);
    bool is_link = false;
    for (TSSymbol l : S.links)
      is_link = is_link || sym == l;
    if (sym == S.html_tag && html_line_break(text.substr(cs, ce - cs)).first == 0) {
      out += ' '; // "<br>" breaks the line: the words on either side stay apart
    } else if (sym == S.emphasis_delimiter || sym == S.code_span_delimiter || sym == S.html_tag ||
               sym == S.latex_span_delimiter) {
      // dropped
    } else if (sym == S.backslash_escape) {
      if (ce > cs + 1) out.append(text.substr(cs + 1, ce - cs - 1));
    } else if (sym == S.hard_line_break) {
      out += ' ';
    } else if (is_link) {
      uint32_t m = ts_node_named_child_count(c);
      for (uint32_t k = 0; k < m; ++k) {
        TSNode lc = ts_node_named_child(c, k);
        TSSymbol ls = ts_node_symbol(lc);
        if ((ls == S.link_text || ls == S.image_description) && depth < 64)
          plain_of(lc, text, out, depth + 1);
      }
    } else if (depth < 64 && ts_node_child_count(c) > 0) {
      plain_of(c, text, out, depth + 1);
    } else {
      out.append(text.substr(cs, ce - cs));
    }
    pos = std::max(pos, ce);
  }
  if (end > pos) out.append(text.substr(pos, end - pos));
}

} // namespace

std::pair<std::size_t, std::size_t> html_line_break(std::string_view line) {
  for (std::size_t at = line.find('<'); at != std::string_view::npos; at = line.find('<', at + 1)) {
    if (at + 3 >= line.size() || (line[at + 1] != 'b' && line[at + 1] != 'B') ||
        (line[at + 2] != 'r' && line[at + 2] != 'R'))
      continue;
    const char next = line[at + 3]; // "<br>", "<br/>", "<br …>", never "<bring>"
    if (next != '>' && next != '/' && next != ' ' && next != '\t') continue;
    std::size_t close = line.find('>', at + 3);
    if (close == std::string_view::npos) return {std::string_view::npos, std::string_view::npos};
    return {at, close + 1};
  }
  return {std::string_view::npos, std::string_view::npos};
}

namespace {

InlineText parse_inline_text(std::string_view line) {
  thread_local ParserPtr owner([] { // freed when the thread ends (LeakSanitizer found them)
    TSParser* p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_markdown_inline());
    return p;
  }());
  TSParser* parser = owner.get();
  InlineText result;
  TSTree* tree = bounded_parse(parser, nullptr, line, kMaxInlineMicros * kParseBudgetScale);
  if (!tree) { // cut short: the line is its own plain text
    result.plain = std::string(line);
    return result;
  }
  TSNode root = ts_tree_root_node(tree);
  plain_of(root, line, result.plain, 0);
  // A bold line: one strong emphasis covering everything but surrounding white space (and a
  // trailing colon, as in "**What did he tell me?**:" people sometimes write).
  std::size_t first = line.find_first_not_of(" \t");
  std::size_t last = line.find_last_not_of(" \t\r\n:");
  uint32_t n = ts_node_named_child_count(root);
  if (n >= 1 && first != std::string_view::npos) {
    TSNode c = ts_node_named_child(root, 0);
    if (ts_node_symbol(c) == InlineSymbols::get().strong_emphasis &&
        ts_node_start_byte(c) == first) {
      if (n == 1 && ts_node_end_byte(c) >= last + 1) result.all_strong = true;
      plain_of(c, line, result.strong_prefix, 0);
      result.strong_prefix_end = ts_node_end_byte(c);
    }
  }
  ts_tree_delete(tree);
  return result;
}

} // namespace

// Why a memo: an editor's note is analysed again after every keystroke, and all its candidate
// lines but the edited one are unchanged. parse_inline_text is a pure function of `line`, so
// a per-thread memo of the recent short lines returns the very value a parse would, without the
// parse. Bounded: cleared when full (a scan of many notes mostly misses, and costs a hash).
InlineText inline_text_whole(std::string_view line) {
  constexpr std::size_t kMaxLine = 512, kMaxEntries = 4096;
  if (line.size() > kMaxLine) {
    // Long lines the grammar ran out of time on, by hash and size: a note's analysis reads the
    // same line several times, and each would pay the budget again.
    thread_local std::vector<std::pair<std::size_t, std::size_t>> cut_short;
    std::pair<std::size_t, std::size_t> key{std::hash<std::string_view>{}(line), line.size()};
    if (std::find(cut_short.begin(), cut_short.end(), key) != cut_short.end())
      return InlineText{std::string(line)};
    std::size_t before = parses_cut_short();
    InlineText result = parse_inline_text(line);
    if (parses_cut_short() != before) {
      if (cut_short.size() >= 16) cut_short.erase(cut_short.begin());
      cut_short.push_back(key);
    }
    return result;
  }
  thread_local std::unordered_map<std::string, InlineText> memo;
  std::string key(line);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  if (memo.size() >= kMaxEntries) memo.clear();
  InlineText result = parse_inline_text(line);
  memo.emplace(std::move(key), result);
  return result;
}

// The bytes that may start or end inline syntax (has_inline_syntax()).
constexpr std::string_view kInlineSyntax = "*_~`<>$\\[]!&";

bool has_inline_syntax(std::string_view s) {
  return s.find_first_of(kInlineSyntax) != std::string_view::npos;
}

// Why only the words holding inline syntax are parsed: each inline parse costs about 2,000
// instructions a byte (more around delimiters), and the prefilter and the candidates read many
// texts that differ only in the words around their markup (a line at every offset its
// container markers reach: "- [ ] x **y**" at " [ ] x **y**", "[ ] x **y**", " x **y**"…; a
// heading line read whole and as a heading; a question's head cut at its "?").
// - Before the first syntax byte, up to a space: words, punctuation and spaces that open
//   nothing, and nothing after them reaches back into them but the emphasis scanner's look at
//   the last token, which after a space is "whitespace", as at the start of the text
//   (tree-sitter-markdown-inline's grammar.js: `inline` and `_whitespace` both allow
//   _last_token_whitespace).
// - After the last syntax byte, from a space: words, punctuation and spaces that close
//   nothing (no ')' either, which could end a link's destination), and the only look ahead
//   into them is the scanners' at the character after a delimiter run, which is whitespace
//   there as at the end of the text (scanner.c: line_end).
// Both are their own plain text; only the middle is parsed (and memoised, so every reading
// sharing it shares its parse). tests/unit/engine/plain_text_test.cpp checks it against the
// whole parse on every line of the fixtures and of the development corpus, and their suffixes.
namespace {

struct InlineCut {
  std::size_t from = 0, to = 0; // the part parsed
};

InlineCut inline_cut(std::string_view s) {
  InlineCut cut{0, s.size()};
  const std::size_t first = s.find_first_of(kInlineSyntax);
  if (first == std::string_view::npos) return cut;
  const std::size_t space = s.rfind(' ', first);
  if (space != std::string_view::npos && s[space + 1] != ' ' && s[space + 1] != '\t') {
    const std::string_view before = s.substr(0, space + 1);
    if (before.find_first_of("\r\n") == std::string_view::npos && is_valid_utf8(before))
      cut.from = space + 1;
  }
  // Only a rest holding more than blanks and colons is set aside: inline_text() reads a line
  // ending in those as a whole bold line or not.
  const std::size_t after = s.find(' ', s.find_last_of(kInlineSyntax));
  if (after != std::string_view::npos &&
      s.find_first_of(")\r\n", after) == std::string_view::npos &&
      s.find_first_not_of(" \t:", after) != std::string_view::npos &&
      is_valid_utf8(s.substr(after)))
    cut.to = after;
  return cut;
}

// A word that is exactly a link, then sentence punctuation, read as the inline grammar reads
// it: a wiki link ("[[museum]]", "[[2011]].": "[[", ASCII letters and digits, "]]") as "[a]",
// an inline link ("[museum](https://example.com/9)": "[", ASCII letters and digits, "](", a
// destination of ASCII letters, digits and ":/.-", ")") as "a". Appends its plain text to
// `plain` and returns true; false (appending nothing) for any other word.
bool link_word(std::string_view word, std::string& plain) {
  auto alnum_end = [&](std::size_t from) {
    while (from < word.size() &&
           ((word[from] >= 'a' && word[from] <= 'z') || (word[from] >= 'A' && word[from] <= 'Z') ||
            (word[from] >= '0' && word[from] <= '9')))
      ++from;
    return from;
  };
  auto punctuation_from = [&](std::size_t from) {
    return from <= word.size() && word.find_first_not_of(".,;:!?", from) == std::string_view::npos;
  };
  if (word.starts_with("[[")) {
    const std::size_t close = alnum_end(2);
    if (close == 2 || word.substr(close, 2) != "]]" || !punctuation_from(close + 2)) return false;
    plain.append(word.substr(1, close)).append(word.substr(close + 2)); // "[a]" and after
    return true;
  }
  if (!word.starts_with("[")) return false;
  const std::size_t close = alnum_end(1);
  if (close == 1 || word.substr(close, 2) != "](") return false;
  std::size_t dest = close + 2;
  while (dest < word.size() &&
         ((word[dest] >= 'a' && word[dest] <= 'z') || (word[dest] >= 'A' && word[dest] <= 'Z') ||
          (word[dest] >= '0' && word[dest] <= '9') || word[dest] == ':' || word[dest] == '/' ||
          word[dest] == '.' || word[dest] == '-'))
    ++dest;
  if (dest >= word.size() || word[dest] != ')' || !punctuation_from(dest + 1)) return false;
  plain.append(word.substr(1, close - 1)).append(word.substr(dest + 1));
  return true;
}

// Why: a diary's marked-up words are mostly single words in emphasis ("**hopeful** **team**
// with", "Quiet _will_ **new**"), and their parse cost ~0.2 M instructions a line. A text whose
// words hold no inline syntax but for '!' and for words that are exactly a run of one to two
// '*' or '_', an ASCII letter or digit run, the same run again, and sentence punctuation
// ("**team**", "_will_", "**done**!") reads as the parse reads it, without the parse
// (CommonMark's emphasis rules, which the inline grammar's scanner.c follows): the opening run
// has a space or the start before it and a letter after it, so it is left-flanking and not
// right-flanking (it may open, even as '_'); the closing run has a letter before it and a
// space, the end or punctuation after it, so it may close and not open; nothing between them
// is a delimiter, so each pair is one emphasis (one '*' or '_') or strong emphasis (two), and
// the plain text is the words without the runs. The same holds for a run opening one word and
// closing a later one with plain words between ("**On should** You"). Where the grammar's
// scanner departs from CommonMark, the parse decides: an '_' run after a digit never closes
// there ("_28_" stays as written). Links whose word is exactly a link
// (link_word()) read as the grammar reads them: a wiki link "[[a]]" as "[a]", an inline link
// "[a](https://x.org/1)" as "a"; a text holding no other '[' or ']', no bracket pairs with
// theirs. A '!' opens an image only right before a '[', which such a text never holds (a
// link's word starts after a space or the start): it is punctuation. The root's named
// children are the emphases and links, in order (a word without syntax is no node): a strong
// word first in the text is its bold lead, and a bold line when it is the only word but for
// blanks and colons. Tabs, line breaks and text that is not valid UTF-8 are left to the parse.
// tests/unit/engine/plain_text_test.cpp compares it with the parse on generated texts and every
// fixture line.
std::optional<InlineText> emphasised_words(std::string_view s) {
  if (s.find_first_of("\t\r\n") != std::string_view::npos || !is_valid_utf8(s)) return std::nullopt;
  auto is_alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  InlineText out;
  out.plain.reserve(s.size());
  std::size_t emphases = 0;
  bool strong_first = false;
  std::size_t first_end = 0;
  // An emphasis opened by a word and closed by a later one ("**On should**"): its run, and
  // whether it is the text's first word.
  std::string_view open;
  bool open_first = false;
  auto punctuation_from = [](std::string_view word, std::size_t from) {
    return word.find_first_not_of(".,;:!?", from) == std::string_view::npos;
  };
  // The grammar's scanner never closes an '_' run after a digit ("_28_", "_a 2026_" stay as
  // written), as CommonMark would: left to the parse.
  auto closes_after_digit = [](char d, std::string_view word, std::size_t close) {
    return d == '_' && word[close - 1] >= '0' && word[close - 1] <= '9';
  };
  for (std::size_t pos = 0; pos <= s.size();) {
    std::size_t end = std::min(s.find(' ', pos), s.size());
    std::string_view word = s.substr(pos, end - pos);
    const std::size_t syntax = word.find_first_of(kInlineSyntax);
    if (syntax == std::string_view::npos ||
        word.find_first_not_of('!', syntax) == std::string_view::npos) {
      out.plain.append(word); // '!' opens an image only before '[', which no word here holds
    } else if (!open.empty()) {
      // The word closing the open emphasis: letters and digits, its run, sentence punctuation.
      std::size_t close = 0;
      while (close < word.size() && is_alnum(word[close]))
        ++close;
      if (close == 0 || word.substr(close, open.size()) != open ||
          !punctuation_from(word, close + open.size()) || closes_after_digit(open[0], word, close))
        return std::nullopt;
      if (open_first) {
        strong_first = open.size() == 2;
        first_end = pos + close + open.size();
      }
      out.plain.append(word.substr(0, close)).append(word.substr(close + open.size()));
      open = {};
    } else if (link_word(word, out.plain)) {
      // a link's word: its plain text appended
    } else {
      // An emphasised word: a run, letters and digits, the same run, sentence punctuation; or
      // a run and letters and digits, opening an emphasis a later word closes.
      const char d = word[0];
      std::size_t run = 0;
      while (run < word.size() && run < 3 && word[run] == d)
        ++run;
      if ((d != '*' && d != '_') || run > 2) return std::nullopt;
      std::size_t close = run;
      while (close < word.size() && is_alnum(word[close]))
        ++close;
      if (close == run) return std::nullopt;
      const bool first = emphases++ == 0 && pos == s.find_first_not_of(' ');
      if (close == word.size()) {
        open = word.substr(0, run);
        open_first = first;
        out.plain.append(word.substr(run));
      } else {
        if (word.substr(close, run) != word.substr(0, run) ||
            !punctuation_from(word, close + run) || closes_after_digit(d, word, close))
          return std::nullopt;
        if (first) {
          strong_first = run == 2;
          first_end = pos + close + run;
        }
        out.plain.append(word.substr(run, close - run)).append(word.substr(close + run));
      }
    }
    if (end == s.size()) break;
    out.plain += ' ';
    pos = end + 1;
  }
  if (!open.empty()) return std::nullopt; // never closed: the parse decides
  if (strong_first) {
    const std::size_t last = s.find_last_not_of(" \t\r\n:");
    out.all_strong = emphases == 1 && first_end >= last + 1;
    const std::size_t first = s.find_first_not_of(' ');
    out.strong_prefix = std::string(s.substr(first + 2, first_end - first - 4));
    out.strong_prefix_end = first_end;
  }
  return out;
}

} // namespace

InlineText inline_text(std::string_view line) {
  const InlineCut cut = inline_cut(line);
  if (cut.from == 0 && cut.to == line.size()) {
    if (auto fast = emphasised_words(line)) return *std::move(fast);
    return inline_text_whole(line);
  }
  const std::string_view middle = line.substr(cut.from, cut.to - cut.from);
  std::optional<InlineText> fast = emphasised_words(middle);
  InlineText part = fast ? *std::move(fast) : inline_text_whole(middle);
  InlineText result;
  result.plain.reserve(line.size());
  result.plain.append(line.substr(0, cut.from)).append(part.plain).append(line.substr(cut.to));
  // A bold lead starts at the line's first non-blank byte: in the part when only blanks come
  // before it. A whole bold line ends at the last byte but blanks and colons: never in a part
  // with words after it.
  if (line.find_first_not_of(" \t") >= cut.from && part.strong_prefix_end != 0) {
    result.strong_prefix = std::move(part.strong_prefix);
    result.strong_prefix_end = part.strong_prefix_end + cut.from;
    result.all_strong = part.all_strong && cut.to == line.size();
  }
  return result;
}

std::string plain_text(std::string_view s) {
  if (!has_inline_syntax(s) && is_valid_utf8(s)) return std::string(s);
  return inline_text(s).plain;
}

std::size_t plain_text_kept_prefix(std::string_view s) {
  if (!has_inline_syntax(s) && is_valid_utf8(s)) return s.size();
  // inline_text(): the bytes before the part it parses are appended as they are.
  const InlineCut cut = inline_cut(s);
  return cut.from == 0 && cut.to == s.size() ? 0 : cut.from;
}

} // namespace mend::engine
