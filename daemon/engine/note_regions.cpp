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

// The pieces a note is cut into where a segment of an open note may start (markdown.h:
// column-0 headings, and letter lines after a blank line): where each starts, then the text's
// end, and the number of each one's first line.
struct Pieces {
  std::vector<std::size_t> starts{0};
  std::vector<int> first_lines{0};
  std::size_t count() const { return first_lines.size(); }
  // Does piece k (never the first) open with a heading line; where its text after it starts.
  bool heading(std::string_view text, std::size_t k) const {
    return k > 0 && text[starts[k]] == '#';
  }
  std::size_t body_start(std::string_view text, std::size_t k) const {
    return heading(text, k) ? text.find('\n', starts[k]) + 1 : starts[k];
  }
};

// Is a line between `from` and `to` quoted? A quoted question may ask without a '?' (a quote
// opening with a line worded as the article's question, find_candidates), so any quote counts.
bool quotes_between(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t pos = from; pos < to;) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = std::min(nl == std::string_view::npos ? text.size() : nl, to);
    std::size_t i = text.find_first_not_of(" \t", pos);
    if (i < end && text[i] == '>') return true;
    pos = end + 1;
  }
  return false;
}

Pieces pieces_of(std::string_view text) {
  Pieces pieces;
  int line = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', nl + 1)) {
    ++line;
    if (starts_segment_line(text, nl + 1)) {
      pieces.starts.push_back(nl + 1);
      pieces.first_lines.push_back(line);
    }
  }
  pieces.starts.push_back(text.size());
  return pieces;
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
// When the regions recognise something, the note may still hold nothing: its only questions
// may be asked of someone else (asks_of_others_only: 15 notes, 376 KB, of the 300-note diary
// vault). The regions cannot tell (they set no line aside), so the note is parsed again from
// the piece before the last heading piece that comes before its first line that could match,
// the inert pieces before that left out (but the first piece holding a line that looks asked
// of someone else, and quoted questions as below), and asks_of_others_only_in_regions() decides
// (note_analysis.cpp, where the proof is). That costs a second parse of the part kept, so it is
// tried only when no question recognised speaks of the writer, a line of the note looks asked
// of someone else, and it leaves out a quarter of the note or more.
//
// A note that holds questions would pay for reading all its lines for nothing, so each piece
// holding a candidate line is first analysed on its own as it is found: recognising anything
// the writer asks there ends the attempt (a guess, not a proof: it only decides to parse
// whole); recognising only what the writer does not ask parses the note as just said, at once,
// and its lines from there on are not read.
// tests/unit/engine/note_regions_test.cpp compares with the whole analysis.
std::optional<NoteAnalysis> Analyzer::analyse_in_regions(std::string_view text,
                                                         std::string_view path,
                                                         std::vector<LineRead>& reads,
                                                         std::size_t min_bytes, bool probe) const {
  if (text.size() < min_bytes) return std::nullopt;
  // A day's note (recognise()'s `dated_note`), read as the whole analysis reads it.
  const bool dated = note_facts(text, path, LineIndex(text)).note_date.has_value();
  Pieces pieces = pieces_of(text);
  const std::size_t count = pieces.count();
  if (count < 3) return std::nullopt;
  const std::vector<std::size_t>& starts = pieces.starts;
  const std::vector<int>& first_lines = pieces.first_lines;
  auto heading_piece = [&](std::size_t k) { return pieces.heading(text, k); };
  auto body_start = [&](std::size_t k) { return pieces.body_start(text, k); };
  // Bytes that must be parsed: when that reaches half the note, parsing it whole costs less.
  // `whole`: the piece is parsed whole (else only its heading line, if it starts with one).
  const std::size_t budget = text.size() / 2;
  std::vector<char> inert(count, 0), whole(count, 1), candidate(count, 0);
  std::size_t parsed = text.size();
  for (std::size_t k = 1; k + 1 < count; ++k) {
    std::size_t body = body_start(k);
    if (!inert_lines(text.substr(body, starts[k + 1] - body))) continue;
    inert[k] = 1;
    whole[k] = 0;
    parsed -= starts[k + 1] - body;
  }
  if (parsed > budget) return std::nullopt;
  // `others`: a piece analysed on its own recognised something, and none of its questions
  // speaks of the writer: the note may ask of others only (asks_of_others_only_in_regions).
  // Then every piece from the one before the first candidate line's on is parsed, and the
  // lines from there on (`read_end`) need no reading.
  bool others = false;
  std::size_t first_candidate = count;
  int read_end = static_cast<int>(reads.size());
  auto others_from = [&] { return first_lines[first_candidate > 0 ? first_candidate - 1 : 0]; };
  // A line posing a question that names someone else, read without the block's structure (its
  // last sentence before the '?'): a guess at where a candidate asking of someone else is (the
  // proof reads the candidates). A note holding none is not tried (the proof would find no
  // such candidate, or seldom); the first piece that would be left out holding one is parsed.
  auto looks_asked_of_others = [&](std::size_t from, std::size_t to) {
    for (std::size_t q = text.find('?', from); q < to; q = text.find('?', q + 1)) {
      std::size_t nl = text.rfind('\n', q);
      std::size_t start = nl == std::string_view::npos || nl < from ? from : nl + 1;
      std::size_t stop = text.substr(start, q - start).find_last_of(".!?");
      if (stop != std::string_view::npos) start += stop + 1;
      std::string_view asked = text.substr(start, q + 1 - start);
      if (matcher_.asks_about_other_person(asked) || matcher_.gives_relationship_to_others(asked))
        return true;
      q = std::min(text.find('\n', q), text.size());
    }
    return false;
  };
  std::optional<bool> any_asked_of_others;
  auto may_ask_of_others = [&] {
    if (!any_asked_of_others) any_asked_of_others = looks_asked_of_others(0, text.size());
    return *any_asked_of_others;
  };
  // The bytes kept from the piece before the first candidate line's on: a quarter of the note
  // at least must be left out (below), and that piece only moves up as lines are read.
  auto others_fit = [&] {
    std::size_t from = starts[first_candidate > 1 ? first_candidate - 1 : 0];
    return (text.size() - from) * 4 <= text.size() * 3;
  };
  // A guess that a note holds questions (the whole analysis decides): a marker, or a question
  // recognised that speaks of the writer.
  auto asked_by_writer = [&](const Recognition& r, const Candidates& candidates) {
    return !r.markers.empty() || !r.loose_markers.empty() ||
           std::any_of(r.questions.begin(), r.questions.end(), [&](const RecognisedQuestion& q) {
             return matcher_.speaks_of_writer_or_couple(candidates.lines[q.candidate].plain);
           });
  };
  // A piece with a candidate line is parsed, and so are the pieces beside it. It is first
  // analysed on its own: false when that recognises anything the writer asks, or too much is
  // to be parsed.
  auto mark = [&](std::size_t k) {
    first_candidate = std::min(first_candidate, k);
    if (others) {
      read_end = others_from();
      return others_fit();
    }
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
    Recognition r = recognise(piece, outline, candidates, matcher_, pack_, LineIndex(piece),
                              options_.threshold_shift, {}, dated);
    if (!recognises_anything(r)) return true;
    if (asked_by_writer(r, candidates)) return false;
    others = true;
    read_end = others_from();
    return others_fit() && may_ask_of_others();
  };
  auto piece_of = [&](int number) {
    return static_cast<std::size_t>(
        std::upper_bound(first_lines.begin(), first_lines.end(), number) - first_lines.begin() - 1);
  };
  for (int number = 0; number < static_cast<int>(reads.size()); ++number)
    if (reads[number] == LineRead::Candidate && !mark(piece_of(number))) return std::nullopt;
  if (!read_remaining_lines(
          text, matcher_, reads, [&](int number, std::size_t) { return mark(piece_of(number)); },
          &read_end))
    return std::nullopt;

  LineIndex lines(text);
  // The regions parsed with `skipped` left out: their outline and candidates, as the whole
  // analysis reads them (std::nullopt when it must decide).
  struct Regions {
    Outline outline;
    Candidates candidates;
  };
  auto parse_regions = [&](const std::vector<SkippedSection>& skipped) -> std::optional<Regions> {
    std::optional<Outline> outline = parse_outline_skipping(text, skipped);
    if (!outline) return std::nullopt;
    Candidates candidates = posed_candidates(text, *outline);
    set_aside_questions_put_to_someone_helped(text, path, candidates);
    if (matcher_.opens_as_letter(text)) {
      for (auto& c : candidates.lines)
        c.plain = matcher_.said_of_addressee(c.plain);
    } else if (writes_of_self_in_third_person(text, candidates)) {
      return std::nullopt; // its lines read as the writer's: the whole analysis decides
    }
    return Regions{std::move(*outline), std::move(candidates)};
  };
  auto recognition_of = [&](const Regions& r) {
    return recognise(text, r.outline, r.candidates, matcher_, pack_, lines,
                     options_.threshold_shift, {}, dated);
  };
  if (!others) {
    std::vector<SkippedSection> skipped;
    for (std::size_t k = 1; k + 1 < count; ++k) {
      if (whole[k]) continue;
      add_skipped(skipped, starts[k], starts[k + 1], heading_piece(k));
    }
    if (skipped.empty()) return std::nullopt;
    // Quoted questions count only in a note that quotes two or more (find_candidates): a quote
    // in a piece left out, matching nothing itself, makes a quoted question that could match in
    // a parsed piece a candidate of the whole parse, and not of the regions'. So a note with a
    // quote line that could match and a quote in a piece left out is parsed whole (a diary of
    // 10,000 notes held one such note). A quoted line that matches nothing is no question of
    // either.
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
    std::optional<Regions> regions = parse_regions(skipped);
    if (!regions) return std::nullopt;
    Recognition recognition = recognition_of(*regions);
    if (!recognises_anything(recognition)) return note_facts(text, path, lines);
    if (asked_by_writer(recognition, regions->candidates)) return std::nullopt;
  }

  // Something recognised (or a piece's own analysis did): the note may still ask of others
  // only. Parsed: every piece from the one before the last heading piece that comes before the
  // first line that could match (or was not read) on, and the piece of one line asking of
  // someone else when no line from there on looks like one; left out: the inert pieces before.
  int open = 0;
  while (open < static_cast<int>(reads.size()) && reads[open] == LineRead::Nothing)
    ++open;
  if (open == static_cast<int>(reads.size())) return std::nullopt;
  std::size_t h = piece_of(open);
  while (h > 0 && !heading_piece(h))
    --h;
  if (h < 3 || !may_ask_of_others()) return std::nullopt;
  // Quoted questions count only in a note that quotes two or more (find_candidates): with a
  // quote left out, the whole parse may count one more. That changes nothing before h (a
  // candidate there is none the recognition reads, and one fewer asking of someone else only
  // proves less), so when a quote lies from the piece before h on, the pieces holding one are
  // parsed.
  const bool quote_parsed = quotes_between(text, starts[h - 1], text.size());
  bool witness = false;
  std::vector<SkippedSection> skipped;
  std::size_t kept = text.size();
  for (std::size_t k = 1; k + 1 < h; ++k) {
    if (!inert[k]) continue;
    std::size_t body = body_start(k);
    if (!witness && looks_asked_of_others(body, starts[k + 1])) {
      witness = true;
      continue;
    }
    if (quote_parsed && quotes_between(text, body, starts[k + 1])) continue;
    add_skipped(skipped, starts[k], starts[k + 1], heading_piece(k));
    kept -= starts[k + 1] - body;
  }
  if (skipped.empty() || kept * 4 > text.size() * 3) return std::nullopt;
  std::optional<Regions> regions = parse_regions(skipped);
  if (!regions) return std::nullopt;
  if (!recognises_anything(recognition_of(*regions)) ||
      asks_of_others_only_in_regions(text, regions->outline, regions->candidates, lines, reads,
                                     skipped.back().end, dated))
    return note_facts(text, path, lines);
  return std::nullopt;
}

} // namespace mend::engine

namespace mend::engine {

// Why: a note holding questions was parsed whole for its analysis, and in a diary most of it
// is days written before them (the 300-note diary vault: 1.48 MB of the 1.76 MB parsed whole
// is in notes holding questions, 3.8 G of the cold scan's 8.0 G instructions in all).
//
// With h the last heading piece at or before the piece of the note's first line that could
// match on its own (question_prefilter.h; every line before it read), the inert pieces from the
// second to the one two before h are left out of the parse (inert_lines: the piece after each
// parses as a segment does, parse_outline_skipping; a heading piece keeps its heading line),
// and the whole analysis runs on the rest. It is the whole parse's when:
//  - recognition: every line the whole recognition gives an id or a section lies at h or after
//    it, nothing a candidate before h is reaches a decision about a line from h on, and no
//    heading before h titles a couple of others or announces questions for them (checked), so
//    the recognition and the lines set aside as asking of others are the whole's from h on:
//    the argument of asks_of_others_only_in_regions (note_analysis.cpp), which needs h to be
//    a heading of the whole parse (checked: a '#' line may sit in a fence);
//  - quoted questions count only in a note quoting two or more: as there, no quote line posing
//    a question is left out when one lies from the piece before h on;
//  - the readers of every candidate: whether the note asks of others only (one candidate
//    asking of someone else, anywhere, and no question of the writer's) is proven only when a
//    question the recognition gives out speaks of the writer (`writers_question`); a note whose
//    lines put to someone helped may be set aside (by its path), and a note of the writer in the
//    third person (the ex's name configured), are not tried; the lines that pose (`poses`) and
//    the title-like ones are read only inside answers;
//  - the titles: titles_of reads the path and the first block, parsed (checked); the headings'
//    lines are parsed in the pieces left out, and an inert body holds none;
//  - answers, sections, anchors and the parts a debrief is read in start at or after h, or are
//    bounded by headings; the topic sign, the language and the date are read from the text.
// tests/unit/engine/note_regions_test.cpp compares with the whole analysis.
std::optional<NoteAnalysis> Analyzer::analyse_past_inert_prefix(std::string_view text,
                                                                std::string_view path,
                                                                std::vector<LineRead>& reads,
                                                                TopicSign sign, bool gates) const {
  if (gates && text.size() < kRegionsMinBytes) return std::nullopt;
  if (!third_person_to_first_.empty() && !options_.ex_name.empty()) return std::nullopt;
  if (may_set_aside_put_to_someone(text, path)) return std::nullopt;
  Pieces pieces = pieces_of(text);
  const std::size_t count = pieces.count();
  if (count < 4) return std::nullopt;
  const std::vector<std::size_t>& starts = pieces.starts;
  const std::vector<int>& first_lines = pieces.first_lines;
  auto heading_piece = [&](std::size_t k) { return pieces.heading(text, k); };
  auto body_start = [&](std::size_t k) { return pieces.body_start(text, k); };
  auto first_candidate = [&] {
    int number = 0;
    while (number < static_cast<int>(reads.size()) && reads[number] != LineRead::Candidate)
      ++number;
    return number;
  };
  // The last heading piece at or before the piece of line `open`.
  auto heading_before = [&](int open) {
    auto h = static_cast<std::size_t>(
        std::upper_bound(first_lines.begin(), first_lines.end(), open) - first_lines.begin() - 1);
    while (h > 0 && !heading_piece(h))
      --h;
    return h;
  };
  std::vector<char> inert(count, 0);
  auto left_out_before = [&](std::size_t h) {
    std::size_t bytes = 0;
    for (std::size_t k = 1; k + 1 < h; ++k)
      if (inert[k]) bytes += starts[k + 1] - body_start(k);
    return bytes;
  };
  // Less than an eighth of the note left out: parsing in pieces costs about as much.
  auto worth_it = [&](std::size_t bytes) { return !gates || bytes * 8 >= text.size(); };
  int open = first_candidate();
  if (open >= static_cast<int>(reads.size())) return std::nullopt;
  std::size_t h = heading_before(open);
  if (h < 3) return std::nullopt;
  for (std::size_t k = 1; k + 1 < h; ++k) {
    std::size_t body = body_start(k);
    inert[k] = inert_lines(text.substr(body, starts[k + 1] - body));
  }
  // Reading the lines before the first line that could match only moves it up: that bound
  // first, and a guess that the proof will hold (it needs a question of the writer's).
  if (!worth_it(left_out_before(h))) return std::nullopt;
  bool writer_asks = !gates;
  for (std::size_t number = 0, pos = 0; number < reads.size() && !writer_asks; ++number) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (reads[number] == LineRead::Candidate)
      writer_asks = matcher_.speaks_of_writer_or_couple(text.substr(pos, end - pos));
    pos = end + 1;
  }
  if (!writer_asks) return std::nullopt;
  // Every line before the first that could match on its own is read (the prefilter read the
  // likely candidates first, and stopped at one).
  read_remaining_lines(
      text, matcher_, reads,
      [&](int number, std::size_t) {
        open = std::min(open, number);
        return true;
      },
      &open);
  h = heading_before(open);
  if (h < 3) return std::nullopt;
  const bool quote_parsed = quotes_between(text, starts[h - 1], text.size());
  std::vector<SkippedSection> skipped;
  std::size_t left_out = 0;
  for (std::size_t k = 1; k + 1 < h; ++k) {
    if (!inert[k]) continue;
    std::size_t body = body_start(k);
    if (quote_parsed && quotes_between(text, body, starts[k + 1])) continue;
    add_skipped(skipped, starts[k], starts[k + 1], heading_piece(k));
    left_out += starts[k + 1] - body;
  }
  if (skipped.empty() || !worth_it(left_out)) return std::nullopt;
  std::optional<Outline> outline = parse_outline_skipping(text, skipped);
  if (!outline) return std::nullopt;
  // The note's title is its first block after front matter: one parsed before the first piece
  // left out, or that piece's heading line (parsed on its own), is the whole parse's.
  for (const Block& b : outline->blocks) {
    if (b.kind == BlockKind::FrontMatter) continue;
    if (b.start > skipped.front().start ||
        (b.start == skipped.front().start && !skipped.front().heading))
      return std::nullopt;
    break;
  }
  // h is a heading of the whole parse (its line could sit in a fence opened before it; from the
  // piece before h on, the blocks are the whole parse's), and none before it titles others.
  if (std::none_of(
          outline->blocks.begin(), outline->blocks.end(),
          [&](const Block& b) { return b.kind == BlockKind::Heading && b.start == starts[h]; }) ||
      titles_others_before(text, *outline, starts[h]))
    return std::nullopt;
  bool writers_question = false;
  NoteAnalysis analysis = analyse(text, *outline, path, sign, &writers_question);
  if (!writers_question) return std::nullopt;
  return analysis;
}

} // namespace mend::engine
