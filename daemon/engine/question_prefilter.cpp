// The conservative line-by-line test that a note holds no candidate question (see the header).
#include "daemon/engine/question_prefilter.h"

#include "daemon/engine/question_assignment.h"
#include "daemon/engine/question_candidates.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "daemon/engine/markdown.h"
#include "daemon/engine/normalize.h"
#include "daemon/engine/text.h"

namespace mend::engine {
namespace {

// More views than this on one line ("> > > - - 1. [ ] …") and the note is simply parsed: the
// views of a line grow with its container markers, and a crafted line must not cost more than
// the parse it avoids.
constexpr std::size_t kMaxViews = 48;

// White space at the start of a line. CommonMark counts only ' ' and '\t'; '\f' and '\v' are
// stripped too, which only adds views.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

bool marker_end(std::string_view line, std::size_t at) {
  return at >= line.size() || is_blank(line[at]);
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

// "# Why did it end? ##": the heading's text without its closing sequence.
std::string_view without_closing_hashes(std::string_view s) {
  s = rtrim(s);
  std::size_t k = s.size();
  while (k > 0 && s[k - 1] == '#')
    --k;
  if (k == s.size() || (k > 0 && !is_blank(s[k - 1]))) return s;
  return rtrim(s.substr(0, k));
}

// The texts after a "Q:"-like prefix (at most two: after "Q" and after "Question"; or after
// "Prompt"): question_candidates.cpp's qa_prefix, loosened (any letter case, and "Q." without the
// space it requires) so that every prefix it accepts is found here. Returns how many were found.
std::size_t qa_rests(std::string_view line, std::string_view (&out)[2]) {
  std::size_t found = 0;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
    ++i;
  std::string_view rest = line.substr(i);
  if (rest.empty()) return 0;
  for (std::string_view word :
       {std::string_view("q"), std::string_view("question"), std::string_view("prompt")}) {
    if (found == 2) break;
    if (rest.size() < word.size() || fold_case(rest.substr(0, word.size())) != word) continue;
    std::size_t j = word.size();
    while (j < rest.size() && (rest[j] == ' ' || (rest[j] >= '0' && rest[j] <= '9')))
      ++j;
    std::size_t after = 0;
    if (j < rest.size() && (rest[j] == ':' || rest[j] == '.' || rest[j] == '-' || rest[j] == ')'))
      after = 1;
    else if (rest.substr(j).starts_with("\u2014") || rest.substr(j).starts_with("\u2013"))
      after = 3;
    if (after == 0) continue;
    j += after;
    while (j < rest.size() && rest[j] == ' ')
      ++j;
    out[found++] = line.substr(i + j);
  }
  return found;
}

struct LineReader {
  const QuestionMatcher& matcher;
  // A terse item ("- Chances?") is a question only inside its step's section, whose title is
  // itself a candidate line: in a whole note, that title already makes it parsed. A part of a
  // note (Analyzer::analyse_skipping_sections) may sit in a section opened before it, and
  // between questions found before and after it.
  bool terse_possible = true;
  // A sentence ended by a stop is read only when its first words may open asking (below): most
  // lines of a diary are such sentences, and their plain text (an inline parse where they hold
  // markup) is then not built.
  std::function<bool(std::string_view)> may_ask = [&m = matcher](std::string_view raw) {
    return m.may_open_question(raw);
  };

  // `loose`: read as a loose item or line, whose questions must reach kLooseThreshold.
  bool matches(std::string_view plain, bool loose = false) const {
    double bar = loose ? kLooseThreshold : QuestionMatcher::kThreshold;
    return matcher.could_match(plain, terse_possible, bar);
  }

  // A sentence ended by a stop is posed only when it opens asking (a task item) or with a
  // prompt's lead (a paragraph's first line), both read by opens_question().
  bool reading_matches(const LineReading& r) const {
    return (!r.sentence || matcher.opens_question(r.plain)) && matches(r.plain, r.loose);
  }

  // One view: the text a candidate block could start with, read in every way
  // question_candidates.cpp may read it: the whole line (headings, loose items and lines), the
  // strong prefix (bold leads), the cut after the first '?' or '？', the label before its
  // colon, the rest after a "Q:" prefix, a callout's title after its "[!type]" and an
  // admonition's in its quotes.
  bool view_could_match(std::string_view v, bool heading, bool crlf) const {
    if (trim(v).empty()) return false;
    // A question wrapped at a margin ends on a line in lower case holding its "?"
    // (question_candidates.cpp, wrapped_question_end): whatever its words, such a line makes
    // the note parsed, for the line above it is read with it.
    if (!heading && v.front() >= 'a' && v.front() <= 'z' && v.find('?') != std::string_view::npos)
      return true;
    // In a part of a note, any line posed as a question may fill a gap in the article's order
    // between questions found around it (question_assignment.h), whatever its words.
    if (terse_possible && (heading || qa_prefix(v))) return true;
    if (terse_possible)
      if (auto r = line_reading(v, may_ask); r && (r->question_mark || r->label || r->strong))
        return true;
    if (heading) {
      if (matches(plain_text(v))) return true; // a heading's text, read whole
      // A CRLF heading's text may keep its '\r', which analysis turns into a space.
      return crlf && has_inline_syntax(v) && matches(inline_text(std::string(v) + " ").plain);
    }
    // The block's first line, read as question_candidates.cpp reads it (every paragraph and
    // list item form), as the rest after a "Q:" prefix, and as a callout's title.
    if (auto r = line_reading(v, may_ask); r && reading_matches(*r)) return true;
    std::string_view qa[2];
    std::size_t qa_count = qa_rests(v, qa); // "Q:" lines
    for (std::size_t k = 0; k < qa_count; ++k) {
      if (matches(plain_text(qa[k]))) return true;
      // "Q: … ? A: …" on one line: the question is read up to its " A:".
      if (std::size_t a = qa_inline_answer(qa[k]);
          a != std::string_view::npos && matches(plain_text(trim(qa[k].substr(0, a)))))
        return true;
    }
    // A chat export's message ("12/10/2026 23:42 - Nadège: …"), read as a line of its own.
    if (auto message = chat_message(v); message && message->text < v.size())
      if (auto r = line_reading(v.substr(message->text), may_ask); r && reading_matches(*r))
        return true;
    // A dialogue's line ("**Chi:** what did he say?"): what the speaker said, read whole.
    if (auto sp = speaker_prefix(v);
        sp && sp->text < v.size() && matches(plain_text(v.substr(sp->text))))
      return true;
    // An admonition's title, "!!! question "…"", read as a callout's.
    if (auto title = admonition_title(v); title && title->size > 0)
      if (auto r = line_reading(v.substr(title->start, title->size), may_ask);
          r && (!r->sentence || matcher.opens_question(r->plain)) &&
          matches(r->plain, r->loose && !r->label && !title->asking))
        return true;
    std::size_t callout = callout_title(v);
    if (callout != std::string_view::npos && callout < v.size())
      if (auto r = line_reading(v.substr(callout), may_ask);
          r && (!r->sentence || matcher.opens_question(r->plain)) &&
          matches(r->plain, r->loose && !r->label && !asking_callout(v)))
        return true;
    return false;
  }

  // A view and its variants: without trailing white space (a block may end before it), and for
  // headings without the closing '#' sequence.
  bool could_match(std::string_view v, bool heading, bool crlf) const {
    if (view_could_match(v, heading, crlf)) return true;
    std::string_view r = rtrim(v);
    if (r.size() != v.size() && view_could_match(r, heading, crlf)) return true;
    if (heading) {
      std::string_view c = without_closing_hashes(v);
      if (c.size() != r.size() && view_could_match(c, heading, crlf)) return true;
    }
    return false;
  }

  // Every offset of `line` reachable through optional container markers, each view read;
  // after an ATX '#' run, the heading's text. Returns Candidate, Nesting or None.
  ParseReason read(std::string_view line, bool crlf) const {
    // A line opening with more container markers than the views can hold is parsed, not
    // read: each view of "> > > … a" (50,000 markers) would build the plain text of all that
    // follows it. The loop below ends so too, after reading the views it holds.
    std::size_t markers = 0;
    for (std::size_t p = 0; p < line.size() && markers <= kMaxViews; ++p) {
      if (line[p] == '>' ||
          ((line[p] == '-' || line[p] == '*' || line[p] == '+') && marker_end(line, p + 1)))
        ++markers;
      else if (!is_blank(line[p]))
        break;
    }
    if (markers > kMaxViews) return ParseReason::Nesting;
    std::size_t starts[kMaxViews];
    std::size_t count = 0;
    auto reach = [&](std::size_t at) {
      for (std::size_t k = 0; k < count; ++k)
        if (starts[k] == at) return true;
      if (count == kMaxViews) return false;
      starts[count++] = at;
      return true;
    };
    reach(0);
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t p = starts[k];
      // A bullet or quote marker with text after it always opens its container (it interrupts
      // a paragraph), so no block's text starts at it: only the text after it is read. (An
      // ordered marker not starting at 1 may continue a paragraph, and is read as is.)
      bool opens_container = false;
      if (p < line.size() &&
          (line[p] == '>' ||
           ((line[p] == '-' || line[p] == '*' || line[p] == '+') && marker_end(line, p + 1))))
        opens_container = !trim(line.substr(p + 1)).empty();
      if (!opens_container && could_match(line.substr(p), false, crlf))
        return ParseReason::Candidate;
      if (p >= line.size()) continue;
      const char c = line[p];
      bool ok = true;
      if (is_blank(c)) {
        std::size_t q = p;
        while (q < line.size() && is_blank(line[q]))
          ++q;
        ok = reach(q);
      } else if (c == '>') {
        ok = reach(p + 1);
      } else if ((c == '-' || c == '*' || c == '+') && marker_end(line, p + 1)) {
        ok = reach(p + 1);
      } else if (c >= '0' && c <= '9') {
        std::size_t q = p;
        while (q < line.size() && line[q] >= '0' && line[q] <= '9')
          ++q;
        if (q < line.size() && (line[q] == '.' || line[q] == ')') && marker_end(line, q + 1)) {
          ok = reach(q + 1);
          // A numbered item written as a sentence with a stop is posed by its form when its
          // answer is under it (Candidate::numbered_over_answer), whatever its first words.
          std::string_view item = line.substr(q + 1);
          item.remove_prefix(std::min(item.size(), item.find_first_not_of(" \t")));
          if (auto r = line_reading(item); r && r->sentence && matches(r->plain, r->loose))
            return ParseReason::Candidate;
        }
      } else if (c == '[' && p + 3 <= line.size() &&
                 (line.substr(p, 3) == "[ ]" || line.substr(p, 3) == "[x]" ||
                  line.substr(p, 3) == "[X]") &&
                 marker_end(line, p + 3)) {
        ok = reach(p + 3);
      } else if (c == '#') {
        std::size_t q = p;
        while (q < line.size() && line[q] == '#')
          ++q;
        if (marker_end(line, q)) {
          // A heading's text: what follows the run, with or without the blanks after it. No
          // more container markers: "# 1. Why…" keeps its "1.".
          std::size_t r = q;
          while (r < line.size() && is_blank(line[r]))
            ++r;
          if (could_match(line.substr(q), true, crlf)) return ParseReason::Candidate;
          if (r != q && could_match(line.substr(r), true, crlf)) return ParseReason::Candidate;
        }
      }
      if (!ok) return ParseReason::Nesting;
    }
    return ParseReason::None;
  }
};

// A line that could underline a setext heading: after blanks and '>' markers, only '-' or '='
// (and blanks). Looser than CommonMark (mixed runs, inner blanks, any indentation), on purpose.
bool setext_like(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (is_blank(line[i]) || line[i] == '>'))
    ++i;
  bool any = false;
  for (; i < line.size(); ++i) {
    if (line[i] == '-' || line[i] == '=')
      any = true;
    else if (!is_blank(line[i]))
      return false;
  }
  return any;
}

// Blank for the setext rule: nothing but ' ' and '\t'. Anything else counts as text that a
// following underline could make a heading of.
bool is_blank_line(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// The line closing front matter, when tree-sitter's block grammar surely reads one (its
// minus_metadata, scanner.c parse_minus): "---" alone on the very first line, closed by the
// first later line of exactly three '-' then blanks then a line break. Only a closing line that
// is exactly "---" with a line break after it is returned; otherwise -1 and that line, which
// follows YAML text, counts as a possible setext underline.
int front_matter_close(std::string_view text) {
  std::size_t pos;
  if (text.starts_with("---\n"))
    pos = 4;
  else if (text.starts_with("---\r\n"))
    pos = 5;
  else
    return -1;
  for (int number = 1; pos < text.size(); ++number) {
    std::size_t nl = text.find('\n', pos);
    bool has_break = nl != std::string_view::npos;
    std::string_view line = text.substr(pos, (has_break ? nl : text.size()) - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.starts_with("---") && (line.size() == 3 || line[3] != '-')) {
      bool closes = true;
      for (std::size_t k = 3; k < line.size(); ++k)
        closes = closes && (line[k] == ' ' || line[k] == '\t');
      if (closes) return (line.size() == 3 && has_break) ? number : -1;
    }
    if (!has_break) break;
    pos = nl + 1;
  }
  return -1;
}

// Calls visit(number, line, crlf) for each line of `text` (0-based number, the line without its
// "\n" or "\r\n"; a lone '\r' was refused before) until a verdict says to parse; returns it.
template <typename Visit> PrefilterVerdict for_each_line(std::string_view text, Visit&& visit) {
  int number = 0;
  for (std::size_t pos = 0;; ++number) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    bool crlf = line.ends_with('\r');
    if (crlf) line.remove_suffix(1);
    PrefilterVerdict verdict = visit(number, line, crlf);
    if (!verdict.skip()) return verdict;
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
}

// The lines read in the first pass: they may be headings or pose with a '?' (ASCII or full
// width), the candidates that decide most notes.
bool likely_candidate(std::string_view line) {
  return line.find_first_of("#?") != std::string_view::npos ||
         line.find("\xEF\xBC\x9F") != std::string_view::npos;
}

// Reads one line of a whole note (or of a part, with `reader` built for one); the first line
// also without a byte order mark, which tree-sitter skips. Candidate, Nesting or None.
ParseReason read_line(const LineReader& reader, int number, std::string_view line, bool crlf) {
  ParseReason reason = reader.read(line, crlf);
  if (reason == ParseReason::None && number == 0 && line.starts_with("\xEF\xBB\xBF"))
    reason = reader.read(line.substr(3), crlf);
  return reason;
}

// `reads`: where to record each line's reading (may be null).
PrefilterVerdict prefilter(std::string_view text, const QuestionMatcher& matcher, bool whole_note,
                           std::vector<LineRead>* reads = nullptr) {
  // Marker comments bind to the candidate before them, or stand alone as questions; HTML
  // blocks are read for them. Not attempted line by line.
  if (text.find("<!--") != std::string_view::npos || text.find("mend:") != std::string_view::npos)
    return {ParseReason::Marker, -1};
  // Line breaks are "\n" and "\r\n" here. A lone '\r' (which the grammar may read as a break)
  // or a NUL byte (which it may read as the end) would make our lines differ from its.
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) return {ParseReason::OddText, -1};
  for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1))
    if (i + 1 >= text.size() || text[i + 1] != '\n') return {ParseReason::OddText, -1};

  const int close = front_matter_close(text);
  // With only pronouns, analysis keeps a note whose question or first answer line names the ex:
  // a line alone cannot tell, so every candidate line counts as in a note on the topic.
  const LineReader reader{matcher, !whole_note};
  if (reads) reads->assign(std::count(text.begin(), text.end(), '\n') + 1, LineRead::Unread);
  auto read = [&](int number, std::string_view line, bool crlf) -> PrefilterVerdict {
    ParseReason reason = read_line(reader, number, line, crlf);
    if (reads)
      (*reads)[number] = reason == ParseReason::None ? LineRead::Nothing : LineRead::Candidate;
    return {reason, reason == ParseReason::None ? -1 : number};
  };
  // Two passes, the likely candidates first. Why: a note that must be parsed is mostly told by a
  // heading or a '?' line (a template's "## Why it ended"), often far into the note, and
  // reading every plain line before it (loose items and short lines: an inline parse and a
  // match each) cost more than the parse it decides on. Every line is still read before a note
  // is skipped, so skip() is the same; only the line named, and the reason when a note has
  // several, may differ.
  bool previous_text = false, deferred = false;
  PrefilterVerdict verdict = for_each_line(text, [&](int number, std::string_view line, bool crlf) {
    // Setext headings span lines: never read line by line.
    if (previous_text && number != close && setext_like(line))
      return PrefilterVerdict{ParseReason::SetextUnderline, number};
    previous_text = !is_blank_line(line);
    if (likely_candidate(line)) return read(number, line, crlf);
    deferred = true;
    return PrefilterVerdict{};
  });
  if (!verdict.skip() || !deferred) return verdict;
  return for_each_line(text, [&](int number, std::string_view line, bool crlf) {
    return likely_candidate(line) ? PrefilterVerdict{} : read(number, line, crlf);
  });
}

} // namespace

PrefilterVerdict prefilter_note(std::string_view text, const QuestionMatcher& matcher,
                                bool whole_note) {
  return prefilter(text, matcher, whole_note);
}

PrefilterVerdict prefilter_note(std::string_view text, const QuestionMatcher& matcher,
                                std::vector<LineRead>& reads) {
  return prefilter(text, matcher, true, &reads);
}

bool read_remaining_lines(std::string_view text, const QuestionMatcher& matcher,
                          std::vector<LineRead>& reads,
                          const std::function<bool(int, std::size_t)>& found, const int* end_line) {
  const LineReader reader{matcher, false};
  // As the prefilter: the likely candidates first, so that a note holding questions is told
  // (by `found`) before its other lines are read.
  for (bool likely : {true, false}) {
    int number = 0;
    for (std::size_t pos = 0;
         number < static_cast<int>(reads.size()) && (!end_line || number < *end_line); ++number) {
      std::size_t nl = text.find('\n', pos);
      std::size_t end = nl == std::string_view::npos ? text.size() : nl;
      std::string_view line = text.substr(pos, end - pos);
      if (reads[number] == LineRead::Unread && likely_candidate(line) == likely) {
        bool crlf = line.ends_with('\r');
        if (crlf) line.remove_suffix(1);
        bool candidate = read_line(reader, number, line, crlf) != ParseReason::None;
        reads[number] = candidate ? LineRead::Candidate : LineRead::Nothing;
        if (candidate && !found(number, pos)) return false;
      }
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
  }
  return true;
}

const char* to_string(ParseReason reason) {
  switch (reason) {
  case ParseReason::None:
    return "none";
  case ParseReason::Marker:
    return "marker";
  case ParseReason::OddText:
    return "odd-text";
  case ParseReason::SetextUnderline:
    return "setext-underline";
  case ParseReason::Nesting:
    return "nesting";
  case ParseReason::Candidate:
    return "candidate";
  }
  return "?";
}

} // namespace mend::engine
