// Markdown structure from tree-sitter: the note's blocks as a flat outline, and incremental
// reparsing for editors.
//
// The block grammar gives headings, paragraphs, lists, quotes, code, HTML, tables and front
// matter. The inline grammar is run only on the few lines that may hold a question (headings,
// the first line of list items and paragraphs), not on the whole note: inline parsing costs as
// much as block parsing, and answers never need it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct TSTree;
struct TSParser;

namespace mend::engine {

enum class BlockKind {
  Heading,
  Paragraph,
  ListItem,
  BlockQuote,
  Code, // fenced or indented: never a question, its text is kept verbatim
  Html, // HTML block, including comments and mend's markers
  Table,
  FrontMatter,
  Break, // thematic break
  Other, // link reference definitions and what the grammar adds later
};

struct Block {
  BlockKind kind = BlockKind::Other;
  std::size_t start = 0, end = 0; // bytes of the whole block (list items: with children)
  // Headings: the heading text. Paragraphs: the paragraph. List items: the first paragraph
  // after the marker and task box (empty range when the item has none).
  std::size_t text_start = 0, text_end = 0;
  int level = 0;         // heading level 1..6
  int depth = 0;         // nesting in lists and quotes (0 at top level)
  int parent = -1;       // index of the enclosing list item or quote, -1 at top level
  bool in_quote = false; // somewhere inside a block quote
  bool task = false;     // list item with a task box
  bool checked = false;
  bool item_lead = false; // a paragraph that is a list item's own text (its first paragraph)
};

struct Outline {
  std::vector<Block> blocks; // document order (a container before its children)
  // Some part of the text took the grammar longer than its budget (parse_budget.h) and was read
  // by line_outline() instead: the blocks there are a simpler reading.
  bool line_level = false;
};

// A parsed note. Owns the text and its tree-sitter trees; edit() reparses incrementally.
//
// Why segments: an editor reparses after every keystroke, and tree-sitter's incremental reparse
// of a long note still costs ~1 ms (it re-lexes until its external scanner's state matches the
// old tree again), plus a walk of the whole tree to rebuild the outline. So the text is held as
// consecutive segments, each parsed as a document of its own, and an edit reparses and re-walks
// only the segment it falls in. A segment may start only at a line that begins with an ATX
// heading marker at column 0 ("# …"), and only when the segment before it ends clean: nothing
// open that such a line could continue (a fenced code block, an HTML block, front matter, a
// table; see ends_clean in markdown.cpp). Such a heading closes every list, quote and paragraph,
// so the blocks of each segment are exactly the blocks a parse of the whole text gives there;
// tests/unit/engine/markdown_segments_test.cpp checks that against parse_outline() after every
// edit of many notes. Boundaries are re-checked after each edit and segments merged when one no
// longer holds.
//
// A text longer than `max_parse_bytes` is held and edited but not parsed (its outline is
// empty and over_limit() is true): the caller's size rule for notes, so that a 50 MB line in an
// editor costs a copy per edit, not seconds of parsing.
//
// A parse that runs out of its budget (parse_budget.h) puts the whole document in line-level
// mode: its outline is line_outline() of the text, rebuilt after every edit (linear, a few ms
// for MBs), so a hostile note stays editable and every keystroke is answered quickly instead of
// paying the budget again. The grammar is tried again once the text has shrunk to half the size
// that ran out (the hostile part was likely cut).
// Thread-safety: none; one document is used by one thread at a time.
class MarkdownDocument {
  struct Segment; // below, with the other private parts

public:
  // `segment_bytes`: see kSegmentBytes (tests pass a few bytes to cut at every heading).
  explicit MarkdownDocument(std::string text,
                            std::size_t max_parse_bytes = static_cast<std::size_t>(-1),
                            std::size_t segment_bytes = kSegmentBytes);

  // Opening a long note in parts parsed at once, on the caller's threads (the engine starts
  // none). Why: an editor that opens a 1 MB note waits for its whole parse (~0.25 s) before
  // any answer, and segments are documents of their own. open_cuts() cuts the text at segment
  // lines into at most `parts` ranges of about equal size; parse_apart() parses one range into
  // its segments, on the calling thread's own parser (so calls for different ranges may run
  // concurrently); the constructor below joins them and merges and parses again where a cut
  // does not hold, as after an edit. The outline is a whole parse's, as for the constructor
  // above (tests/unit/engine/markdown_segments_test.cpp).
  class Parsed {
  public:
    Parsed();
    ~Parsed();
    Parsed(Parsed&&) noexcept;
    Parsed& operator=(Parsed&&) noexcept;

  private:
    friend class MarkdownDocument;
    std::vector<Segment> segments_;
    bool cut_short_ = false;
  };
  // [0, c1, …, text.size()]: where the ranges start, then the end.
  static std::vector<std::size_t> open_cuts(std::string_view text, std::size_t parts);
  static Parsed parse_apart(std::string_view text, std::size_t from, std::size_t to,
                            std::size_t segment_bytes = kSegmentBytes);
  // `parts`: parse_apart() of every range of open_cuts(text, …), in order.
  MarkdownDocument(std::string text, std::vector<Parsed> parts, std::size_t max_parse_bytes,
                   std::size_t segment_bytes = kSegmentBytes);
  ~MarkdownDocument();
  MarkdownDocument(MarkdownDocument&&) noexcept;
  MarkdownDocument& operator=(MarkdownDocument&&) noexcept;
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  // Replaces bytes [start, old_end) with `replacement` and reparses incrementally.
  void edit(std::size_t start, std::size_t old_end, std::string_view replacement);
  void replace_all(std::string text);

  const std::string& text() const { return text_; }
  const Outline& outline() const { return outline_; }
  bool over_limit() const { return over_limit_; }
  bool line_level() const { return outline_.line_level; }
  // Where the segments start (for tests and benchmarks).
  std::vector<std::size_t> segment_starts() const;

  // A segment is cut at the first heading line at least this many bytes after its start.
  static constexpr std::size_t kSegmentBytes = 512;

private:
  std::vector<Segment> parse_range(std::size_t from, std::size_t to);
  void parse_segment(Segment& segment, bool reuse_tree);
  bool boundary_holds(std::size_t index) const; // may segments_[index] start where it does?
  void merge(std::size_t first, std::size_t last);
  std::size_t settle(std::size_t index, bool& merged);
  void parse_all();
  void enter_line_level();
  void rebuild_outline();

  std::string text_;
  TSParser* parser_ = nullptr;
  std::vector<Segment> segments_;
  std::size_t max_parse_bytes_ = static_cast<std::size_t>(-1);
  std::size_t segment_bytes_ = kSegmentBytes;
  bool over_limit_ = false;
  bool cut_short_ = false;      // a parse since parse_all() began ran out of its budget
  std::size_t retry_below_ = 0; // in line-level mode: parse again at or below this size
  Outline outline_;
};

// One-shot parse of a text, whole (what `mend scan --no-prefilter` uses). A text that runs out
// of its parse budget is read by line_outline().
Outline parse_outline(std::string_view text);
// The same outline, the text parsed in parts of about `part_bytes` cut as MarkdownDocument cuts
// its segments (so equal to parse_outline(): tests/unit/engine/markdown_segments_test.cpp),
// each part's tree freed once its blocks are read. Why: tree-sitter's tree takes ~45 bytes per
// byte of text, and `mend scan` held a 47 MB tree for a 1 MB note; the parts keep the peak at
// a few MB. A text with a part the grammar cannot parse whole is parsed whole (an open note's
// segments are joined instead, which may parse the parts before again). A part that runs out of
// its parse budget is read by line_outline() and the parts after it are parsed as before. What
// `mend scan` uses.
inline constexpr std::size_t kOneShotPartBytes = 64 * 1024;
Outline parse_outline_in_parts(std::string_view text, std::size_t part_bytes = kOneShotPartBytes);

// A part of a note that need not be parsed, from `start` to `end`. With `heading`, it starts
// with a column-0 ATX heading line, which is parsed on its own (its block is kept) and the lines
// after it are not; without, it starts at a line where a segment may start (a letter after a
// blank line, see MarkdownDocument) and yields no block at all.
struct SkippedSection {
  std::size_t start = 0, end = 0;
  bool heading = true;
};
// Adds the piece [start, end) to `skipped` (pieces come in order): joined to the one before
// when it follows it and does not start with a heading.
inline void add_skipped(std::vector<SkippedSection>& skipped, std::size_t start, std::size_t end,
                        bool heading) {
  if (!skipped.empty() && skipped.back().end == start && !heading)
    skipped.back().end = end;
  else
    skipped.push_back({start, end, heading});
}
// Parses `text` except `skipped` (sorted, disjoint). The parts in between are parsed as documents
// of their own, as MarkdownDocument's segments are, and the outline is theirs joined with each
// skipped section's heading. Empty when a boundary would not hold (a part before a skipped section
// does not end clean or does not parse whole or runs out of its budget, or front matter reaches
// into a section): the caller parses the whole text. The caller answers for the skipped bodies
// holding nothing that could continue into the next part (see Analyzer::analyse).
std::optional<Outline> parse_outline_skipping(std::string_view text,
                                              const std::vector<SkippedSection>& skipped);
// Whether a column-0 ATX heading line with its line break starts at `pos` (> 0).
bool starts_heading_line(std::string_view text, std::size_t pos);
// Whether a segment may start at `pos` (> 0): such a heading line, or a line with its line break
// that starts with an ASCII letter after a blank line.
bool starts_segment_line(std::string_view text, std::size_t pos);

// Inline structure of one line of text (a heading or a candidate question line): the plain
// text with emphasis delimiters, link syntax and code-span backticks removed, and whether the
// whole line is strong emphasis (a "bold line").
struct InlineText {
  std::string plain;
  bool all_strong = false;
  // When the line starts with strong emphasis ("**Official reasons:** he said…"): the plain
  // text of that span, and the byte of `line` just after it.
  std::string strong_prefix;
  std::size_t strong_prefix_end = 0;
};
// A line the inline grammar cannot read within its budget (parse_budget.h, at most
// kMaxInlineMicros) is taken as its own plain text; such lines are remembered per thread, so a
// note's analysis pays the budget once per hostile line.
inline constexpr std::uint64_t kMaxInlineMicros = 500'000;
// Only the words of `line` that hold inline syntax are parsed (markdown.cpp says why it is the
// same); inline_text_whole() parses the whole line (memoised per thread), for the tests that
// check that.
InlineText inline_text(std::string_view line);
InlineText inline_text_whole(std::string_view line);

// Whether `s` holds a byte the inline grammar may read as syntax: emphasis and strikethrough
// delimiters, code spans, HTML and autolinks, LaTeX spans, escapes and hard breaks, links and
// images, entities.
bool has_inline_syntax(std::string_view s);
// inline_text(s).plain, without the inline parse when `s` holds no inline syntax and is valid
// UTF-8: such a text is its own plain text (tests/unit/engine/question_prefilter_test.cpp checks
// it on every line of the fixtures).
std::string plain_text(std::string_view s);
// The first HTML line break of `line` ("<br>", "<br/>", "<BR />", "<br class=\"x\">"): where it
// starts and where it ends, or {npos, npos}. plain_text() keeps the words on either side apart;
// question_candidates.cpp cuts a Kanban card's line there.
std::pair<std::size_t, std::size_t> html_line_break(std::string_view line);
// How many bytes at the start of `s` plain_text(s) starts with, as they are in `s`, read
// without the inline parse: all of `s` when it is its own plain text, else the words before
// the one holding its first syntax byte (inline_text() parses only from there), else 0. What a
// reading of a line's first words may test before paying for its plain text.
std::size_t plain_text_kept_prefix(std::string_view s);

} // namespace mend::engine
