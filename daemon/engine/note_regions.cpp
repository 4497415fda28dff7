// The parts of a note a cold analysis may leave unparsed (see the header), and the regions
// design: a note the prefilter cannot skip is proven to hold nothing by parsing only the regions
// around the lines that could be questions or step sections.
#include "daemon/engine/note_regions.h"

#include <algorithm>

#include "daemon/engine/markdown.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/question_assignment.h"
#include "daemon/engine/question_prefilter.h"

namespace mend::engine {

bool inert_lines(std::string_view body) {
  for (std::size_t pos = 0; pos < body.size();) {
    std::size_t nl = body.find('\n', pos);
    std::string_view line =
        body.substr(pos, nl == std::string_view::npos ? body.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    if (line.find('|') != std::string_view::npos) return false;
    std::size_t i = 0;
    for (;;) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
      if (i < line.size() && line[i] == '>') {
        ++i;
        continue;
      }
      if (i + 1 < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') &&
          (line[i + 1] == ' ' || line[i + 1] == '\t')) {
        i += 2;
        continue;
      }
      std::size_t d = i;
      while (d < line.size() && line[d] >= '0' && line[d] <= '9')
        ++d;
      if (d > i && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') &&
          (line[d + 1] == ' ' || line[d + 1] == '\t')) {
        i = d + 2;
        continue;
      }
      break;
    }
    std::string_view rest = line.substr(i);
    if (rest.empty()) continue;
    if (std::string_view("#`~<=").find(rest[0]) != std::string_view::npos) return false;
    if (std::string_view("-*_+").find(rest[0]) != std::string_view::npos &&
        rest.find_first_not_of("-*_+= \t\r") == std::string_view::npos)
      return false;
  }
  return true;
}

namespace {

bool recognises_anything(const Recognition& r) {
  return !r.sections.empty() || !r.questions.empty() || !r.markers.empty() ||
         !r.loose_markers.empty();
}

} // namespace

// Why: in a diary, most notes the prefilter cannot skip hold no question after all: one line
// somewhere could match at the prefilter's loosest reading ("## Plans", "- Sleep: plan"), and
// the whole note was parsed and analysed for it (28% of the 300-note diary vault's bytes).
//
// The note is cut into pieces where a segment of an open note may start (markdown.h: column-0
// headings, and letter lines after a blank line). Every line is read as the prefilter reads it
// (its readings before its verdict are kept in `reads`, so no line is read twice). A piece is
// left out of the parse (past its heading line, if it starts with one) when no line of it or of
// the pieces beside it could match on its own, its lines are inert (inert_lines: nothing in it
// can end a section or leave anything open for the piece after it, which then parses as a
// segment does), and it is neither the first nor the last piece (front matter; the grammar
// reads the end of a text by its own rules). parse_outline_skipping() gives the blocks of the
// other pieces, each the block a whole parse gives, and recognition runs on them without the
// topic gate and with no line set aside as asking about others (both only take questions away).
// When it finds no step section, question or marker, the whole note holds none either: a line
// the whole analysis recognises either could match on its own (then it is in a parsed piece,
// with the pieces around it, read as the whole parse reads it), or is a terse item of a step
// section or a line the article's order places between questions, and both need such a line
// too. The analysis is then the facts of an unparsed note, as for a skipped one. Otherwise
// (something recognised, a boundary that does not hold, too much to parse) std::nullopt, and
// the note is parsed whole: never a different answer, only time.
//
// A note that holds questions would pay for reading all its lines for nothing, so each piece
// holding a candidate line is first analysed on its own as it is found: recognising anything
// there ends the attempt (a guess, not a proof: it only decides to parse whole).
// tests/unit/engine/note_regions_test.cpp compares with the whole analysis.
std::optional<NoteAnalysis> Analyzer::analyse_in_regions(std::string_view text,
                                                         std::string_view path,
                                                         std::vector<LineRead>& reads,
                                                         std::size_t min_bytes, bool probe) const {
  if (text.size() < min_bytes) return std::nullopt;
  // The pieces: where each starts, and the number of its first line.
  std::vector<std::size_t> starts{0};
  std::vector<int> first_lines{0};
  int line = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', nl + 1)) {
    ++line;
    if (starts_segment_line(text, nl + 1)) {
      starts.push_back(nl + 1);
      first_lines.push_back(line);
    }
  }
  const std::size_t count = starts.size();
  if (count < 3) return std::nullopt;
  starts.push_back(text.size());
  auto heading_piece = [&](std::size_t k) { return k > 0 && text[starts[k]] == '#'; };
  auto body_start = [&](std::size_t k) {
    return heading_piece(k) ? text.find('\n', starts[k]) + 1 : starts[k];
  };
  // Bytes that must be parsed: when that reaches half the note, parsing it whole costs less.
  // `whole`: the piece is parsed whole (else only its heading line, if it starts with one).
  const std::size_t budget = text.size() / 2;
  std::vector<char> whole(count, 1), candidate(count, 0);
  std::size_t parsed = text.size();
  for (std::size_t k = 1; k + 1 < count; ++k) {
    std::size_t body = body_start(k);
    if (!inert_lines(text.substr(body, starts[k + 1] - body))) continue;
    whole[k] = 0;
    parsed -= starts[k + 1] - body;
  }
  if (parsed > budget) return std::nullopt;
  // A piece with a candidate line is parsed, and so are the pieces beside it. It is first
  // analysed on its own: false when that recognises anything, or too much is to be parsed.
  auto mark = [&](std::size_t k) {
    if (candidate[k]) return true;
    candidate[k] = 1;
    for (std::size_t j = k > 0 ? k - 1 : 0; j <= k + 1 && j < count; ++j)
      if (!whole[j]) {
        whole[j] = 1;
        parsed += starts[j + 1] - body_start(j);
      }
    if (parsed > budget) return false;
    if (!probe) return true;
    std::string_view piece = text.substr(starts[k], starts[k + 1] - starts[k]);
    Outline outline = parse_outline(piece);
    Candidates candidates = posed_candidates(piece, outline);
    return !recognises_anything(recognise(piece, outline, candidates, matcher_, pack_,
                                          LineIndex(piece), options_.threshold_shift));
  };
  auto piece_of = [&](int number) {
    return static_cast<std::size_t>(
        std::upper_bound(first_lines.begin(), first_lines.end(), number) - first_lines.begin() - 1);
  };
  for (int number = 0; number < static_cast<int>(reads.size()); ++number)
    if (reads[number] == LineRead::Candidate && !mark(piece_of(number))) return std::nullopt;
  if (!read_remaining_lines(text, matcher_, reads,
                            [&](int number, std::size_t) { return mark(piece_of(number)); }))
    return std::nullopt;

  std::vector<SkippedSection> skipped;
  for (std::size_t k = 1; k + 1 < count; ++k) {
    if (whole[k]) continue;
    add_skipped(skipped, starts[k], starts[k + 1], heading_piece(k));
  }
  if (skipped.empty()) return std::nullopt;
  // Quoted questions count only in a note that quotes two or more (find_candidates): a quote in
  // a piece left out, matching nothing itself, makes a quoted question that could match in a
  // parsed piece a candidate of the whole parse, and not of the regions'. So a note with a quote
  // line that could match and a quote in a piece left out is parsed whole (a diary of 10,000
  // notes held one such note). A quoted line that matches nothing is no question of either.
  bool quote_left_out = false, quote_candidate = false;
  int number = 0;
  for (std::size_t pos = 0, s = 0; pos < text.size(); ++number) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    while (s < skipped.size() && skipped[s].end <= pos)
      ++s;
    std::size_t i = text.find_first_not_of(" \t", pos);
    if (i < end && text[i] == '>') {
      if (s < skipped.size() && pos >= skipped[s].start) quote_left_out = true;
      if (reads[static_cast<std::size_t>(number)] == LineRead::Candidate) quote_candidate = true;
      if (quote_left_out && quote_candidate) return std::nullopt;
    }
    pos = end + 1;
  }
  std::optional<Outline> outline = parse_outline_skipping(text, skipped);
  if (!outline) return std::nullopt;
  Candidates candidates = posed_candidates(text, *outline);
  if (matcher_.opens_as_letter(text)) {
    for (auto& c : candidates.lines)
      c.plain = matcher_.said_of_addressee(c.plain);
  } else if (writes_of_self_in_third_person(text, candidates)) {
    return std::nullopt; // its lines read as the writer's: the whole analysis decides
  }
  LineIndex lines(text);
  if (recognises_anything(
          recognise(text, *outline, candidates, matcher_, pack_, lines, options_.threshold_shift)))
    return std::nullopt;
  return note_facts(text, path, lines);
}

} // namespace mend::engine
