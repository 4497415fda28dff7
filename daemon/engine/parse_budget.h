// How long tree-sitter may spend on one parse, and a count of the parses that ran out of time.
//
// The budget is the parsing thread's CPU time (markdown.cpp: bounded_parse), so a loaded machine
// does not cut an honest note short.
//
// Why a budget: tree-sitter's Markdown scanners are super-linear on some inputs CommonMark reads
// in linear time (a line of growing backtick or emphasis runs: ~14 s of block parsing for 2 MB;
// deep nesting), so one hostile note could stall `mend scan`, an editor or `mend serve`. Every
// parse is given a time proportional to its bytes, far above what the grammar needs for an
// honest note (the bench's 1 MB note, block grammar and outline, takes ~0.2 s of its 1.2 s
// budget), so no honest note is cut short and results do not change. A part that runs out
// is read by line_outline() instead (blocks) or taken verbatim (inline text).
//
// Why a per-thread count: the engine does no I/O and has no logger, and the analysis API need
// not change for this. The daemon reads parses_cut_short() on its own thread before and after
// analysing a note, and names the note in a warning when the count moved.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mend::engine {

// A sanitized build (`make sanitize`, `make fuzz`) parses several times slower: its budget is
// scaled so that the same honest notes are parsed whole there too.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr std::uint64_t kParseBudgetScale = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr std::uint64_t kParseBudgetScale = 5;
#else
inline constexpr std::uint64_t kParseBudgetScale = 1;
#endif
#else
inline constexpr std::uint64_t kParseBudgetScale = 1;
#endif

struct ParseBudget {
  // Any parse gets `base_micros` plus `micros_per_kib` for each KiB of its text (CPU time).
  std::uint64_t base_micros = 250'000 * kParseBudgetScale;
  // ~1 s per MB; the bench's 1 MB note needs ~0.2 s.
  std::uint64_t micros_per_kib = 1'000 * kParseBudgetScale;

  std::uint64_t micros_for(std::size_t bytes) const {
    return base_micros + micros_per_kib * (static_cast<std::uint64_t>(bytes) / 1024);
  }
};

// The budget of every parse in the process (unit tests shrink it to force a fallback on a small
// text; set it before parsing starts).
ParseBudget parse_budget();
void set_parse_budget(ParseBudget budget);

// How many parses on this thread ran out of their budget since the thread started.
std::size_t parses_cut_short();

namespace detail {
void count_parse_cut_short();
} // namespace detail

} // namespace mend::engine
