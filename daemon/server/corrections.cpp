// Corrections by marker comments, and the explanation of a line (corrections.h).
#include "daemon/server/corrections.h"

#include <algorithm>

#include "daemon/engine/normalize.h"
#include "daemon/server/explain.h"
#include "daemon/server/template_insert.h"

namespace mend::server {

namespace {

using engine::MarkerNote;

std::string_view line_text(const NoteContext& note, int line) {
  const auto& lines = note.doc.lines;
  auto l = static_cast<std::size_t>(line);
  return std::string_view(note.doc.text())
      .substr(lines.line_start(l), lines.line_end(l) - lines.line_start(l));
}

int line_count(const NoteContext& note) {
  return static_cast<int>(note.doc.lines.line_count());
}

std::string comment(const std::string& marker) {
  return "<!-- mend:" + marker + " -->";
}

// What a marker line needs before its comment to stay in the container of `line`: the quote
// markers and indentation, and for a list item's own line the width of its list marker
// ("- ", "1. ", "-   ") in spaces.
std::string container_prefix(std::string_view line, bool list_item) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>'))
    ++i;
  std::string prefix(line.substr(0, i));
  if (!list_item) return prefix;
  std::size_t j = i;
  if (j < line.size() && (line[j] == '-' || line[j] == '*' || line[j] == '+')) {
    ++j;
  } else {
    while (j < line.size() && line[j] >= '0' && line[j] <= '9')
      ++j;
    if (j == i || j >= line.size() || (line[j] != '.' && line[j] != ')')) return prefix;
    ++j;
  }
  std::size_t spaces = 0;
  while (j + spaces < line.size() && line[j + spaces] == ' ')
    ++spaces;
  // Five spaces or more after the marker: the item's content starts after the first
  // (CommonMark), the rest is an indented code block.
  if (spaces == 0 || spaces >= 5) spaces = 1;
  return prefix + std::string(j - i + spaces, ' ');
}

bool setext_underline(std::string_view line) {
  std::string_view t = engine::trim(line);
  return !t.empty() && (t.find_first_not_of('=') == std::string_view::npos ||
                        t.find_first_not_of('-') == std::string_view::npos);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The line a marker for `line` is written after: past a heading's setext underline.
int marker_anchor_line(const NoteContext& note, int line, const LineCandidate* candidate) {
  if (candidate && candidate->candidate.form == engine::QuestionForm::Heading &&
      line + 1 < line_count(note) && setext_underline(line_text(note, line + 1)))
    return line + 1;
  return line;
}

} // namespace

std::string question_title(const NoteContext& note, const std::string& id, std::size_t max_chars) {
  const engine::QuestionSpec* q = note.lang().question(id);
  if (!q) q = note.ctx.pack.question(id);
  std::string text = q ? engine::render_text(q->text, note.lang(), note.vars()) : id;
  if (max_chars == 0 || text.size() <= max_chars) return text;
  std::size_t cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) // a whole character
    --cut;
  while (cut > 0 && text[cut - 1] == ' ')
    --cut;
  return text.substr(0, cut) + "…";
}

std::optional<LineCandidate> line_candidate(const NoteContext& note, int line) {
  if (note.doc.too_large() || line < 0 || line >= line_count(note)) return std::nullopt;
  const std::string& text = note.doc.text();
  const engine::Outline& outline = note.doc.markdown().outline();
  engine::Candidates candidates = note.ctx.analyzer->posed_candidates(text, outline);
  const engine::NoteAnalysis& analysis = note.doc.analysis;
  for (auto& c : candidates.lines) {
    if (static_cast<int>(note.doc.lines.line_of(c.start)) != line) continue;
    LineCandidate out;
    out.line = line;
    out.in_quote = outline.blocks[static_cast<std::size_t>(c.block)].in_quote;
    switch (c.form) {
    case engine::QuestionForm::Heading:
      out.can_title = true;
      break;
    case engine::QuestionForm::Bold:
      out.can_title = c.title_like;
      break;
    case engine::QuestionForm::Line:
      out.can_title = c.title_like && c.loose && !c.label;
      break;
    case engine::QuestionForm::ListItem:
      out.can_title = c.title_like && c.has_children && !c.label && !c.question_mark;
      break;
    default:
      break;
    }
    for (const auto& q : analysis.questions)
      if (q.line == line && q.form != engine::QuestionForm::Marker) out.question = &q;
    for (const auto& s : analysis.steps)
      if (s.line == line) out.section_title = &s;
    for (const auto& m : analysis.markers)
      if (m.target_line == line) out.marker = &m;
    for (const auto& s : analysis.steps)
      if (s.start < c.start && c.start < s.section_end) out.section = s.id;
    std::string neighbour;
    for (const auto& q : analysis.questions)
      if (q.line < line) neighbour = q.step;
    out.ranked = note.ctx.analyzer->matcher().rank(
        c.plain, engine::MatchContext{out.section, neighbour, false}, 8);
    out.candidate = std::move(c);
    return out;
  }
  return std::nullopt;
}

bool valid_marker(const engine::Pack& pack, const std::string& marker) {
  if (marker == "ignore") return true;
  if (marker.starts_with("q ")) return pack.question(marker.substr(2)) != nullptr;
  if (marker.starts_with("step ")) return pack.step(marker.substr(5)) != nullptr;
  return false;
}

const MarkerNote* marker_on_line(const NoteContext& note, int line) {
  for (const auto& m : note.doc.analysis.markers)
    if (m.line == line) return &m;
  return nullptr;
}

protocol::TextEdit mark_line_edit(const NoteContext& note, int line, const std::string& marker,
                                  const LineCandidate* candidate) {
  std::optional<LineCandidate> read;
  if (!candidate && (read = line_candidate(note, line))) candidate = &*read;
  const std::string& text = note.doc.text();
  int anchor = marker_anchor_line(note, line, candidate);
  // A marker already decides this line: it is replaced, never stacked (a second one would be
  // a marker-only question of its own).
  if (const MarkerNote* there = marker_on_line(note, anchor + 1))
    return {note.range(there->start, there->end), comment(marker)};
  bool list_item = candidate && candidate->candidate.form == engine::QuestionForm::ListItem;
  std::string prefix = container_prefix(line_text(note, line), list_item);
  std::string eol(line_ending_of(text));
  if (anchor + 1 < line_count(note)) {
    std::size_t at = note.doc.lines.line_start(static_cast<std::size_t>(anchor) + 1);
    return {note.range(at, at), prefix + comment(marker) + eol};
  }
  return {note.range(text.size(), text.size()), eol + prefix + comment(marker) + eol};
}

bool marker_would_bind(const NoteContext& note, const LineCandidate& candidate) {
  const LineCandidate* lc = &candidate;
  int line = lc->line;
  const engine::Block& block =
      note.doc.markdown().outline().blocks[static_cast<std::size_t>(lc->candidate.block)];
  if (static_cast<int>(note.doc.lines.line_of(block.text_start)) == line) return true;
  protocol::TextEdit edit = mark_line_edit(note, line, "ignore", lc);
  std::string text = note.doc.text();
  std::size_t from = note.offset(edit.range.start), to = note.offset(edit.range.end);
  text.replace(from, to - from, edit.newText);
  engine::NoteAnalysis tried = note.ctx.analyzer->analyse(text, note.doc.path);
  return std::any_of(tried.markers.begin(), tried.markers.end(),
                     [&](const MarkerNote& m) { return m.target_line == line; });
}

std::optional<protocol::TextEdit> fix_marker_edit(const NoteContext& note, int line,
                                                  const std::string& marker) {
  const MarkerNote* m = marker_on_line(note, line);
  if (!m) return std::nullopt;
  if (!marker.empty()) return protocol::TextEdit{note.range(m->start, m->end), comment(marker)};
  const auto& lines = note.doc.lines;
  auto l = static_cast<std::size_t>(line);
  std::string_view whole = line_text(note, line);
  std::size_t from = lines.line_start(l);
  std::string_view before = whole.substr(0, m->start - from);
  std::string_view after = whole.substr(std::min(whole.size(), m->end - from));
  bool alone =
      before.find_first_not_of(" \t>") == std::string_view::npos && engine::trim(after).empty();
  if (!alone) return protocol::TextEdit{note.range(m->start, m->end), ""};
  std::size_t to = l + 1 < lines.line_count() ? lines.line_start(l + 1) : note.doc.text().size();
  if (l + 1 >= lines.line_count() && l > 0) from = lines.line_end(l - 1); // the last line
  return protocol::TextEdit{note.range(from, to), ""};
}

std::vector<std::string> marker_replacements(const NoteContext& note, const MarkerNote& m,
                                             std::size_t limit) {
  std::vector<std::string> out;
  if (m.kind == MarkerNote::Kind::Ignore) return out;
  bool step = m.kind == MarkerNote::Kind::Step;
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& s : note.ctx.pack.step_ids()) {
    if (step)
      near.emplace_back(edit_distance(m.id, s), s);
    else
      for (const auto& q : note.ctx.pack.question_ids(s))
        near.emplace_back(edit_distance(m.id, q), q);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t close = std::max<std::size_t>(2, m.id.size() / 4);
  for (const auto& [distance, id] : near)
    if (distance <= close && out.size() < limit) out.push_back(id);
  if (auto above = line_candidate(note, m.line - 1))
    for (const auto& r : above->ranked)
      if (r.step == step && out.size() < limit &&
          std::find(out.begin(), out.end(), r.id) == out.end())
        out.push_back(r.id);
  return out;
}

std::vector<std::string> explain_line(const NoteContext& note, int line) {
  std::vector<std::string> out;
  if (const MarkerNote* m = marker_on_line(note, line)) {
    out.push_back("A correction of yours: " + marker_comment(*m) + ".");
    std::string problem = marker_problem(*m);
    if (!problem.empty())
      out.push_back(problem + " Fix it with a code action on this line, or delete it.");
    else if (m->target_line >= 0)
      out.push_back("It decides line " + std::to_string(m->target_line + 1) +
                    "; delete the comment to undo it.");
    else
      out.push_back("It asks the question here, with no line of its own above it.");
    return out;
  }
  auto lc = line_candidate(note, line);
  if (!lc) {
    out.push_back("mend reads no question on this line: only headings, list items, labels, bold "
                  "leads, \"Q:\" lines and short lines standing alone can pose one.");
    return out;
  }
  std::string form = form_words(form_of(lc->candidate, lc->in_quote));
  std::string in_section =
      lc->section.empty() ? "" : ", in the section \"" + note.step_title(lc->section) + "\"";
  if (lc->question) {
    const engine::QuestionOccurrence& q = *lc->question;
    auto matched = note.ctx.analyzer->matcher().wording(q.wording);
    std::string wording =
        matched ? engine::render_text(matched->text, note.lang(), note.vars()) : "";
    out = explain_question(q, question_title(note, q.id),
                           q.section.empty() ? "" : note.step_title(q.section), wording);
    out.push_back("Not this question? Code actions on this line: \"mend: this is the question "
                  "…\" or \"mend: not a reflection question\".");
    return out;
  }
  if (lc->section_title) {
    const engine::StepHeading& s = *lc->section_title;
    out.push_back("Read as: the section of the step \"" + note.step_title(s.id) + "\" (" + s.id +
                  ").");
    out.push_back("How: " + form + ", named by " +
                  (s.matched_by == engine::MatchedBy::Marker
                       ? "your marker <!-- mend:step " + s.id + " --> (delete it to undo)."
                       : std::string("its words.")));
    out.push_back("Not this step? Code actions on this line: \"mend: this section is the step "
                  "…\" or \"mend: not a reflection question\".");
    return out;
  }
  if (lc->marker && lc->marker->kind == MarkerNote::Kind::Ignore) {
    out.push_back("Not read as a question: you marked it " + comment("ignore") + " (line " +
                  std::to_string(lc->marker->line + 1) + "; delete the comment to undo).");
    return out;
  }
  out.push_back("Not read as a question: mend reads this line as " + form + in_section +
                ", but no question of the article was given to it.");
  const engine::QuestionMatcher::Match* best = nullptr;
  for (const auto& r : lc->ranked)
    if (!r.step && !best) best = &r;
  if (best) {
    double bar =
        lc->candidate.loose ? engine::kLooseThreshold : engine::QuestionMatcher::kThreshold;
    std::string closest = "Closest: \"" + question_title(note, best->id, 70) + "\" (" + best->id +
                          "), " + score_text(best->score);
    const engine::QuestionOccurrence* taken = nullptr;
    for (const auto& q : note.doc.analysis.questions)
      if (q.id == best->id) taken = &q;
    if (best->score < bar)
      closest += "; " + form + " needs " + score_text(bar) + ".";
    else if (taken)
      closest += ", but line " + std::to_string(taken->line + 1) + " is that question already.";
    else
      closest += ", but too little of it to tell here (one shared word, or a line this short "
                 "outside its step's section).";
    out.push_back(closest);
  } else {
    out.push_back("Its words match no question of the article.");
  }
  out.push_back("If it is one, use the code action \"mend: this is the question …\" on this line.");
  return out;
}

} // namespace mend::server
