// Step sections and question assignment (question_assignment.h).
#include "daemon/engine/question_assignment.h"

#include "daemon/engine/answer_judge.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "daemon/engine/normalize.h"
#include "daemon/engine/thread_memo.h"

namespace mend::engine {
namespace {

std::string step_of(const std::string& id) {
  return step_of_question(id);
}

const std::vector<QuestionMatcher::Match>&
ranked(const QuestionMatcher& matcher, const std::string& plain, const MatchContext& context) {
  thread_local ThreadMemo<std::vector<QuestionMatcher::Match>> memo;
  std::string key =
      memo_key(std::string(context.section_step) + "/" + std::string(context.neighbour_step) +
                   (context.whole_line_only ? "/whole" : ""),
               plain);
  return memo.get(matcher.id(), std::move(key), [&] { return matcher.rank(plain, context); });
}

// A loose line longer than this may be prose wrapped at a margin (question_candidates.cpp).
constexpr std::size_t kLongLineWords = 10;

// A heading matching a question this closely is worded as that question.
constexpr double kWordedAsQuestion = 0.95;
// A long line standing alone is worded as a question too when it meets this many of one's
// words, this closely.
constexpr int kWordedSharedWords = 4;
constexpr double kWordedNearly = 0.8;

// "Mum asked was I…", "elle m'a demandé si…": someone's question, reported.
bool reports_asking(std::string_view plain) {
  static const std::unordered_set<std::string> asking = {
      "asked", "asks", "ask", "asking", "wondered", "demande", "demandait", "demandé", "demandais"};
  bool found = false;
  for_each_match_word(
      plain, [&](std::string_view w) { found = found || asking.count(std::string(w)) > 0; });
  return found;
}

// "Mistakes I'm not repeating, and what I do instead", "Les erreurs que je ne referai plus, et
// quoi à la place": a long line whose only stops are commas, each joining another part that
// asks ("and what", "et quoi", "or how"). As the article words its prompts, unlike a diary's
// prose, whose commas go on telling.
bool commas_join_asking_parts(std::string_view plain, const QuestionMatcher& matcher) {
  if (plain.find_first_of(";:") != std::string_view::npos) return false;
  bool any = false;
  for (std::size_t comma = plain.find(','); comma != std::string_view::npos;
       comma = plain.find(',', comma + 1)) {
    std::string_view rest = trim(plain.substr(comma + 1));
    for (std::string_view joint : {"and ", "et ", "or ", "ou ", "but ", "mais "})
      if (rest.starts_with(joint)) {
        rest.remove_prefix(joint.size());
        break;
      }
    if (!matcher.opens_question(rest)) return false;
    any = true;
  }
  return any;
}

// The bar a candidate's match must reach, by how the line is written.
bool passes(const Candidate& c, const QuestionMatcher::Match& m, double shift) {
  if (m.terse) return true; // only offered inside the question's own step section
  return m.score >= (c.loose ? kLooseThreshold : QuestionMatcher::kThreshold) + shift;
}

// The question a step's title asks when posed with "?" and answered right under it.
const QuestionSpec* question_asked_by_title(const Pack& pack, const std::string& step) {
  for (const auto& id : pack.question_ids(step))
    if (const QuestionSpec* q = pack.question(id); q && q->asked_by_step_title) return q;
  return nullptr;
}

// Could this candidate title a section at all (a heading, a bold or plain title line, or an
// item holding nested items), rather than only pose a question?
bool can_title_section(const Candidate& c) {
  switch (c.form) {
  case QuestionForm::Heading:
    return true;
  case QuestionForm::Bold:
    return c.title_like;
  case QuestionForm::Line:
    return c.title_like && c.loose && !c.label;
  case QuestionForm::ListItem:
    return c.title_like && c.has_children && !c.label && !c.question_mark;
  default:
    return false;
  }
}

struct Binding {
  std::string id;
  bool step = false;
  bool ignore = false; // <!-- mend:ignore -->: no question, no section
};

// Each marker binds to the candidate written just before it (the heading or line above, with
// at most the rest of its line between them); the others are marker-only questions (an ignore
// marker with nothing to bind to decides nothing). Every marker is listed in `all`.
std::unordered_map<std::size_t, Binding> bind_markers(std::string_view text, const Outline& outline,
                                                      const Candidates& candidates,
                                                      const Pack& pack, std::vector<Marker>& loose,
                                                      std::vector<MarkerBinding>& all) {
  const auto& blocks = outline.blocks;
  std::unordered_map<int, std::size_t> candidate_at; // block -> candidate index
  for (std::size_t k = 0; k < candidates.lines.size(); ++k)
    candidate_at[candidates.lines[k].block] = k;
  std::unordered_map<std::size_t, Binding> bound;
  for (const auto& m : candidates.markers) {
    bool known = m.ignore || (m.step ? pack.step(m.id) != nullptr : pack.question(m.id) != nullptr);
    all.push_back({m, known, std::nullopt});
    if (!known) continue;
    int p = m.block - 1;
    if (p >= 0 && blocks[static_cast<std::size_t>(p)].item_lead)
      p = blocks[static_cast<std::size_t>(p)].parent;
    bool attached = false;
    if (p >= 0) {
      auto it = candidate_at.find(p);
      if (it != candidate_at.end() && !bound.count(it->second)) {
        const Block& prev = blocks[static_cast<std::size_t>(p)];
        std::size_t from = std::min(candidates.lines[it->second].end, prev.end);
        std::size_t to = blocks[static_cast<std::size_t>(m.block)].start;
        std::string_view between = from < to ? text.substr(from, to - from) : std::string_view{};
        // Only the rest of the question's line (an inline answer is allowed for list items).
        bool adjacent = between.find("\n\n") == std::string_view::npos &&
                        between.find("\r\n\r\n") == std::string_view::npos;
        if (adjacent) {
          bound[it->second] = {m.id, m.step, m.ignore};
          all.back().candidate = it->second;
          attached = true;
        }
      }
    }
    if (!attached && !m.step && !m.ignore) loose.push_back(m);
  }
  return bound;
}

// Where a section titled by candidate k ends: a heading's at the next heading of its level or
// above; a title line's at the next heading or title line; an item's with the item.
std::size_t section_end(std::string_view text, const Outline& outline, const Candidates& candidates,
                        std::size_t k, const std::vector<char>& is_title) {
  const Candidate& c = candidates.lines[k];
  if (c.form == QuestionForm::ListItem) return c.item_end;
  // A heading inside a list item ("- ## Why it ended" in Logseq, or a setext underline that
  // an empty "-" item makes) titles only what that item holds.
  std::size_t limit = text.size();
  if (c.form == QuestionForm::Heading) {
    int parent = outline.blocks[static_cast<std::size_t>(c.block)].parent;
    if (parent >= 0) limit = outline.blocks[static_cast<std::size_t>(parent)].end;
  }
  for (std::size_t j = static_cast<std::size_t>(c.block) + 1; j < outline.blocks.size(); ++j) {
    const Block& b = outline.blocks[j];
    if (b.start >= limit) return limit;
    if (b.kind != BlockKind::Heading || b.in_quote) continue;
    if (c.form != QuestionForm::Heading || b.level <= c.level) return b.start;
  }
  if (limit < text.size()) return limit;
  if (c.form != QuestionForm::Heading)
    for (std::size_t j = k + 1; j < candidates.lines.size(); ++j)
      if (is_title[j] && candidates.lines[j].form != QuestionForm::ListItem &&
          candidates.lines[j].depth <= c.depth)
        return candidates.lines[j].start;
  return text.size();
}

// Stage 3b: the article's order. People answer a step's questions in the order the article
// asks them; a line posed between two recognised questions of one step, where exactly as many
// of that step's questions are missing as there are such lines, is those questions in order,
// however it is worded ("What got on my nerves about us?" between the official reasons and
// what wasn't working). So is a line after the last (or before the first) recognised question
// of a step section, when the counts agree the same way.
// "Sep 10", "2026-11-24", "**Mon 19 Oct**": a line that is a date and nothing more.
// So is a heading that opens with one: a diary entry's ("## 21 Nov 2026, Saturday, 23:15",
// "### 2026-10-20 21:30 Rain. Site flooded."), whatever follows the date.
bool is_date_title(const Candidate& c, const Pack& pack) {
  return (count_words(c.plain) <= 4 || c.form == QuestionForm::Heading) &&
         entry_date(c.plain, pack.date_names());
}

// A heading underlined with "===" or "---" rather than opened with "#".
bool is_setext(std::string_view text, const Candidate& c) {
  // The end of the heading text's last line (its range may or may not hold that newline).
  std::size_t eol = text.find('\n', c.end > c.start ? c.end - 1 : c.start);
  if (eol == std::string_view::npos) return false;
  std::size_t next = text.find('\n', eol + 1);
  std::string_view underline =
      trim(text.substr(eol + 1, (next == std::string_view::npos ? text.size() : next) - eol - 1));
  return !underline.empty() && (underline.find_first_not_of('=') == std::string_view::npos ||
                                underline.find_first_not_of('-') == std::string_view::npos);
}

bool could_be_gap(const Candidate& c, bool opens_asking) {
  if (count_words(c.plain) > 16) return false; // a sentence, not a question
  if ((c.question_mark && !c.prose_after) || c.form == QuestionForm::Heading ||
      c.form == QuestionForm::Bold || c.form == QuestionForm::QA)
    return true;
  // An item holding its answer in nested items is posed by its shape ("- staying when i'm
  // not ok" over "  - did with Craig for 3 yrs").
  if (c.form == QuestionForm::ListItem && c.has_children && !c.must_ask) return true;
  // "what make me calm" over its answer: asked without the "?" (never an aside in brackets,
  // "(do the rest next weekend)").
  if (opens_asking && !c.must_ask && !trim(c.plain).starts_with("(")) return true;
  // "- the stuff she didn't say: …", or a line ending at its colon; not a paragraph's
  // "I told her: …".
  return c.label && (c.form == QuestionForm::ListItem || !c.loose);
}

void fill_run(const std::vector<std::size_t>& lines, const std::vector<std::string>& ids,
              std::vector<std::optional<RecognisedQuestion>>& chosen,
              std::unordered_set<std::string>& claimed) {
  if (lines.empty() || lines.size() != ids.size() || lines.size() > 3) return;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    chosen[lines[i]] = RecognisedQuestion{lines[i], ids[i], MatchedBy::Text, 0, {}, true};
    claimed.insert(ids[i]);
  }
}

void fill_gaps(const std::vector<Candidate>& cs, const std::vector<char>& is_title,
               const std::vector<char>& no_gap, const QuestionMatcher& matcher, const Pack& pack,
               const std::vector<StepHeading>& sections,
               std::vector<std::optional<RecognisedQuestion>>& chosen,
               std::unordered_set<std::string>& claimed) {
  auto position = [&](const std::string& id, const std::vector<std::string>& ids) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  // A further question of a line ("… Oui. Besoins respectés ? Oui.") is one by its words only:
  // in a paragraph of prose, its place says nothing.
  auto open_lines = [&](std::size_t from, std::size_t to) { // candidates strictly between
    std::vector<std::size_t> out;
    for (std::size_t k = from; k < to; ++k)
      if (!is_title[k] && !chosen[k] && !no_gap[k] && !cs[k].further) out.push_back(k);
    return out;
  };
  auto open_ids = [&](const std::vector<std::string>& ids, std::size_t from, std::size_t to) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < to && i < ids.size(); ++i)
      if (!claimed.count(ids[i])) out.push_back(ids[i]);
    return out;
  };
  // Between two recognised questions, in the article's order (across a step's end too).
  std::vector<std::string> all_ids;
  for (const auto& step : pack.step_ids())
    for (auto& id : pack.question_ids(step))
      all_ids.push_back(std::move(id));
  std::vector<std::size_t> known;
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (chosen[k]) known.push_back(k);
  // A heading that does not ask, over the next recognised question, titles its section ("## La
  // suite (on s'est retrouvés le 8 novembre)" over the log's label): no question of its own.
  // So does a heading over the next question's own heading a level down, with its "?" or
  // not: "## Back to him?" over "### Was it what I wanted?" is the evaluation's section.
  auto titles_next = [&](std::size_t k, std::size_t next) {
    if (cs[k].form != QuestionForm::Heading) return false;
    for (std::size_t j = k + 1; j <= next; ++j)
      if (cs[j].form == QuestionForm::Heading && cs[j].level <= cs[k].level) return false;
    if (cs[next].form == QuestionForm::Heading && cs[next].level > cs[k].level) return true;
    if (cs[k].question_mark) return false;
    return !matcher.opens_question(cs[k].plain); // read only for a heading in a run
  };
  for (std::size_t i = 0; i + 1 < known.size(); ++i) {
    std::size_t pa = position(chosen[known[i]]->id, all_ids);
    std::size_t pb = position(chosen[known[i + 1]]->id, all_ids);
    if (pa >= pb || pb >= all_ids.size()) continue;
    auto lines = open_lines(known[i] + 1, known[i + 1]);
    if (std::any_of(lines.begin(), lines.end(),
                    [&](std::size_t k) { return titles_next(k, known[i + 1]); }))
      continue;
    // Across a step's end, a heading posed without "?" right over the next step's question
    // opens that step's section ("## Was it right" over "> Was it what I'd wanted?").
    if (!lines.empty() && step_of(chosen[known[i]]->id) != step_of(chosen[known[i + 1]]->id) &&
        cs[lines.back()].form == QuestionForm::Heading && !cs[lines.back()].question_mark &&
        lines.back() + 1 == known[i + 1])
      continue;
    // So does any line worded as that step's title ("S'il avait dit non :" over the if-no's
    // items): the step's opening, not the last step's question left (it may be the step's
    // first question: "- if Chris had said no: their right").
    const std::vector<std::string> ids = open_ids(all_ids, pa + 1, pb);
    if (!lines.empty() && step_of(chosen[known[i]]->id) != step_of(chosen[known[i + 1]]->id) &&
        !ids.empty() && step_of(ids.back()) != step_of(chosen[known[i + 1]]->id)) {
      const std::string next_step = step_of(chosen[known[i + 1]]->id);
      const auto& r = ranked(matcher, cs[lines.back()].plain, MatchContext{});
      if (std::any_of(r.begin(), r.end(), [&](const QuestionMatcher::Match& m) {
            return m.step && m.id == next_step && m.score >= kWordedAsQuestion;
          }))
        continue;
    }
    fill_run(lines, ids, chosen, claimed);
  }
  // After the last and before the first recognised question of a step section.
  for (const auto& s : sections) {
    auto ids = pack.question_ids(s.id);
    std::size_t first = cs.size(), last = cs.size(), end = s.candidate + 1;
    for (std::size_t k = s.candidate + 1; k < cs.size() && cs[k].start < s.section_end; ++k) {
      end = k + 1;
      if (!chosen[k] || step_of(chosen[k]->id) != s.id) continue;
      if (first == cs.size()) first = k;
      last = k;
    }
    if (last == cs.size()) continue;
    std::size_t pl = position(chosen[last]->id, ids), pf = position(chosen[first]->id, ids);
    fill_run(open_lines(last + 1, end), open_ids(ids, pl + 1, ids.size()), chosen, claimed);
    fill_run(open_lines(s.candidate + 1, first), open_ids(ids, 0, pf), chosen, claimed);
  }
  // After the note's last recognised question, when the note has walked through its step
  // (two of its questions or more) and the posed lines left match its questions left.
  std::size_t last = cs.size();
  for (std::size_t k = cs.size(); k-- > 0;)
    if (chosen[k]) {
      last = k;
      break;
    }
  if (last == cs.size()) return;
  std::string step = step_of(chosen[last]->id);
  int walked = 0;
  for (std::size_t k = 0; k <= last; ++k)
    if (chosen[k] && step_of(chosen[k]->id) == step) ++walked;
  if (walked < 2) return;
  auto ids = pack.question_ids(step);
  // Past the last question nothing bounds the run: a lone word ("draft:", over the message
  // the steps led to) names no question unless posed with its "?".
  auto tail = open_lines(last + 1, cs.size());
  if (std::any_of(tail.begin(), tail.end(), [&](std::size_t k) {
        return !cs[k].question_mark && count_words(cs[k].plain) < 2;
      }))
    return;
  fill_run(std::move(tail), open_ids(ids, position(chosen[last]->id, ids) + 1, ids.size()), chosen,
           claimed);
}

// A candidate line and a question (or step) it matches well enough to be.
struct Pair {
  std::size_t candidate;
  QuestionMatcher::Match match;
};

// Each line's best pair, by score (the first of equals).
std::unordered_map<std::size_t, const Pair*>
best_pair_of_each_line(const std::vector<Pair>& pairs) {
  std::unordered_map<std::size_t, const Pair*> best;
  for (const auto& p : pairs) {
    auto [it, added] = best.try_emplace(p.candidate, &p);
    if (!added && p.match.score > it->second->match.score) it->second = &p;
  }
  return best;
}

// A question split over two lines: "She blames me for: the hours, …" lists the reproaches that
// "Change all of it, or only some?" then asks about. The line posed with "?" just after takes
// the question the unposed line before it also matches.
void give_split_questions_to_posed_lines(std::vector<Pair>& pairs,
                                         const std::vector<Candidate>& cs) {
  // Posed: with its "?", or as a choice without one ("- all of it or just some - some").
  auto choice = [&](std::size_t k) {
    std::string folded = " " + fold_case(cs[k].plain) + " ";
    return folded.find(" or ") != std::string::npos || folded.find(" ou ") != std::string::npos;
  };
  auto posed = [&](std::size_t k) {
    return (cs[k].question_mark || choice(k)) && !cs[k].prose_after;
  };
  // Only the question the posed line takes, its best: "what makes me think i won't end up
  // alone??" is the reassurance, and leaves the fear to "am i scared of being alone" above it.
  std::set<std::pair<std::size_t, std::string>> posed_pairs;
  for (const auto& [candidate, best] : best_pair_of_each_line(pairs))
    if (posed(candidate)) posed_pairs.emplace(candidate, best->match.id);
  std::erase_if(pairs, [&](const Pair& p) {
    if (posed(p.candidate) || p.match.terse) return false;
    for (std::size_t j = p.candidate + 1; j <= p.candidate + 2 && j < cs.size(); ++j)
      if (posed_pairs.count({j, p.match.id})) return true;
    return false;
  });
}

// The clauses of a line that may each pose a question: cut at a "?" with more after it, at
// "; " and dashes, and at "and" / "et" when what follows opens asking ("Was it my ideal, and
// were my needs respected?"); never inside "my needs and limits".
std::vector<std::string> question_clauses(const std::string& plain,
                                          const QuestionMatcher& matcher) {
  std::vector<std::string> out;
  std::size_t from = 0;
  auto cut = [&](std::size_t end, std::size_t next) {
    std::string_view clause = trim(std::string_view(plain).substr(from, end - from));
    if (!clause.empty()) out.emplace_back(clause);
    from = next;
  };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    std::string_view rest = std::string_view(plain).substr(i);
    if (rest.starts_with("? ") || rest.starts_with("; ")) {
      cut(i, i + 2);
    } else if (rest.starts_with(" \xE2\x80\x94 ") || rest.starts_with(" \xE2\x80\x93 ") ||
               rest.starts_with(" - ")) {
      cut(i, i + (rest[1] == '-' ? 3 : 5));
    } else {
      for (std::string_view joint : {", and ", " and ", ", et ", " et "}) {
        if (!rest.starts_with(joint)) continue;
        std::string_view after = rest.substr(joint.size());
        if (matcher.opens_question(after)) cut(i, i + joint.size());
        break;
      }
    }
  }
  cut(plain.size(), plain.size());
  return out;
}

// "- Ideal? near enough" / "- Needs? yes" / "- Future? yes if…" / "- YES? YES.", or
// "💭 idéal → oui" / "💭 besoins → oui" / "💭 avenir → oui": a run of lines of a word or three,
// one after another (each `free` to join: outside any section, no title, not chosen yet), that
// read as three questions of one step or more, each a later one of the article's order, is that
// step's list, titled or not: read as in its section, where a terse word counts. Per candidate,
// that step, or nothing.
std::vector<std::string> steps_of_terse_runs(const std::vector<Candidate>& cs,
                                             const std::function<bool(std::size_t)>& free,
                                             const QuestionMatcher& matcher, const Pack& pack,
                                             double shift) {
  constexpr std::size_t kMostRunWords = 3;
  constexpr std::size_t kLeastRun = 3;
  std::vector<std::string> run_step(cs.size());
  auto terse_line = [&](std::size_t k) {
    return free(k) && cs[k].form != QuestionForm::Heading &&
           (cs[k].loose || cs[k].label || cs[k].question_mark) &&
           count_words(cs[k].plain) <= kMostRunWords;
  };
  for (std::size_t from = 0; from < cs.size();) {
    std::size_t to = from;
    while (to < cs.size() && terse_line(to))
      ++to;
    if (to - from >= kLeastRun)
      for (const std::string& step : pack.step_ids()) {
        const std::vector<std::string> order = pack.question_ids(step);
        // The longest stretches of the run, each line a later question of the step.
        std::size_t start = from;
        long last = -1;
        for (std::size_t k = from; k <= to; ++k) {
          long at = -1;
          if (k < to)
            for (const auto& m : ranked(matcher, cs[k].plain, MatchContext{step, step, false}))
              if (!m.step && passes(cs[k], m, shift)) {
                if (step_of(m.id) == step)
                  at = std::find(order.begin(), order.end(), m.id) - order.begin();
                break;
              }
          if (at > last) {
            last = at;
            continue;
          }
          if (k - start >= kLeastRun)
            for (std::size_t j = start; j < k; ++j)
              if (run_step[j].empty()) run_step[j] = step;
          start = at >= 0 ? k : k + 1;
          last = at;
        }
      }
    from = to + 1;
  }
  return run_step;
}

// "# Journal — October 2026", "# Diary 2026": a title naming the log by its one word and
// dated by a month or a year names a diary, not the article's log: no section, no question.
bool names_a_diary(const Pack& pack, std::string_view title, const QuestionMatcher::Match& m) {
  bool log = false;
  if (m.step) {
    if (const StepSpec* step = pack.primary().step(m.id))
      for (const auto& q : step->questions)
        log = log || q.log;
  } else if (const QuestionSpec* spec = pack.question(m.id)) {
    log = spec->log;
  }
  if (!log || m.shared_words > 1 || names_proof(title) || mentions_proof(title)) return false;
  bool dated = false;
  for_each_match_word(title, [&](std::string_view w) {
    if (dated) return;
    dated = w.size() == 4 && std::all_of(w.begin(), w.end(), [](char ch) {
              return std::isdigit(static_cast<unsigned char>(ch));
            });
    for (const auto& month : pack.date_names().months)
      dated = dated || std::find(month.begin(), month.end(), w) != month.end();
  });
  return dated;
}

// A plain line, no "?", that opens the note (nothing but blanks before it) and stands alone
// over a blank line: a plain-text note's title.
bool titles_plain_note(std::string_view text, const Candidate& c) {
  if (c.form != QuestionForm::Line || c.question_mark || !c.loose || c.label) return false;
  std::size_t first = text.find_first_not_of(" \t\r\n");
  std::size_t line_start = text.rfind('\n', c.start == 0 ? 0 : c.start - 1);
  line_start = line_start == std::string_view::npos || c.start == 0 ? 0 : line_start + 1;
  if (first == std::string_view::npos || first != line_start) return false;
  std::size_t eol = text.find('\n', c.end);
  if (eol == std::string_view::npos) return false;
  std::size_t next_eol = text.find('\n', eol + 1);
  std::string_view next =
      text.substr(eol + 1, (next_eol == std::string_view::npos ? text.size() : next_eol) - eol - 1);
  return trim(next).empty();
}

// Best pairs first (`pairs` is sorted), each line and each question once.
// A plain line or a label telling of the question another line is best read as, asked with a
// "?" ("**So: massive, no-doubt YES?**" above "Clear yes → skipping the patterns", "Conclusion :
// je ne vais pas lui écrire"), comes after every other pair: it tells of the question the "?"
// asks, and takes it only when that line goes to another question or to none.
void assign_pairs(const std::vector<Pair>& pairs, const std::vector<Candidate>& cs,
                  const Pack& pack, std::vector<std::optional<RecognisedQuestion>>& chosen,
                  std::unordered_set<std::string>& claimed) {
  auto unposed = [&](const Pair& p) {
    const Candidate& c = cs[p.candidate];
    return !c.question_mark && (c.loose || c.label) && !c.revised;
  };
  // The questions some line with a "?" is best read as (`pairs` is sorted: its first pair).
  std::unordered_set<std::string> asked_with_mark;
  std::vector<char> seen(cs.size(), 0);
  for (const auto& p : pairs) {
    if (seen[p.candidate]) continue;
    seen[p.candidate] = 1;
    if (cs[p.candidate].question_mark) asked_with_mark.insert(p.match.id);
  }
  std::vector<const Pair*> ordered;
  ordered.reserve(pairs.size());
  for (const auto& p : pairs)
    if (!(unposed(p) && asked_with_mark.count(p.match.id))) ordered.push_back(&p);
  for (const auto& p : pairs)
    if (unposed(p) && asked_with_mark.count(p.match.id)) ordered.push_back(&p);
  for (const Pair* pp : ordered) {
    const Pair& p = *pp;
    // The log is written again every week ("**This week's proof:**" in a running note): it
    // may recur, when each entry is posed as one (a label, a heading, a bold lead).
    const QuestionSpec* spec = pack.question(p.match.id);
    // So may a question asked again in a note's later update ("update 20/10: the unofficial
    // reason, the thing he never said?").
    bool recurs = (spec && spec->log && !p.match.terse &&
                   !(cs[p.candidate].loose && !cs[p.candidate].label) &&
                   count_words(cs[p.candidate].plain) >= 2) ||
                  cs[p.candidate].revised;
    if (chosen[p.candidate] || (claimed.count(p.match.id) && !recurs)) continue;
    chosen[p.candidate] =
        RecognisedQuestion{p.candidate, p.match.id, MatchedBy::Text, p.match.score, p.match};
    // (Taken again in an update, the question is still the first asking's to take.)
    if (!cs[p.candidate].revised) claimed.insert(p.match.id);
  }
}

// Under a heading that poses a question, the unposed line its answer opens with (a label, a
// plain line: the next candidate, when no heading comes first) is that answer when another
// step took it ("## What I'll tell her…" then "She told me, the night she left:"), not the next
// question: such lines, by candidate.
std::vector<char> answer_openers(const std::vector<Candidate>& cs,
                                 const std::vector<std::optional<RecognisedQuestion>>& chosen,
                                 const std::vector<char>& is_title,
                                 const std::vector<const Pair*>& best) {
  std::vector<char> openers(cs.size(), 0);
  auto by_text = [&](std::size_t k) {
    return chosen[k] && chosen[k]->matched_by != MatchedBy::Marker;
  };
  for (std::size_t k = 0; k + 1 < cs.size(); ++k) {
    std::size_t j = k + 1;
    if (cs[k].form != QuestionForm::Heading || cs[j].form == QuestionForm::Heading || is_title[k] ||
        !by_text(j) || !(cs[j].loose || cs[j].label) || cs[j].question_mark || cs[j].task ||
        is_title[j])
      continue;
    if (by_text(k) && step_of(chosen[j]->id) != step_of(chosen[k]->id)) openers[j] = 1;
    // "What were his official reasons for leaving?" over "He said: …": the answer's opener
    // took the very question the heading asks.
    if (!chosen[k] && cs[k].question_mark && best[k] && best[k]->match.id == chosen[j]->id)
      openers[j] = 1;
  }
  return openers;
}

} // namespace

namespace {

// "A big yes for the tournament?", "un grand oui pour la deuxième équipe ?": the yes given to
// a thing named after "for" / "to" / "pour" / "à" and an article, no word of the topic, the ex
// or the couple in it ("a big yes for us?", "oui pour notre couple ?" stay the verdict's).
bool yes_for_something_else(std::string_view plain, const QuestionMatcher& matcher) {
  static const std::unordered_set<std::string> yes = {"yes", "oui"};
  static const std::unordered_set<std::string> to = {"for", "to", "on", "pour", "a"};
  static const std::unordered_set<std::string> article = {
      "the", "a", "an", "this", "that", "le", "la", "les", "l", "un", "une", "ce", "cette", "au"};
  std::vector<std::string> words = split_words(fold_for_match(plain));
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    if (!yes.count(words[i])) continue;
    // One word may qualify the yes first ("a big unanimous yes on the parade", "un oui unanime
    // pour le concert").
    std::size_t at = i + 1;
    if (!to.count(words[at]) && at + 2 < words.size() && to.count(words[at + 1])) ++at;
    if (!to.count(words[at]) || at + 1 >= words.size() || !article.count(words[at + 1])) continue;
    std::string rest;
    for (std::size_t j = at + 1; j < words.size(); ++j)
      rest += words[j] + " ";
    return matcher.topic_sign(rest) == TopicSign::None && !matcher.names_ex(rest) &&
           !matcher.speaks_of_couple(rest);
  }
  return false;
}

} // namespace

namespace {
const std::unordered_set<std::string> kProofWords = {"proof", "proofs", "preuve", "preuves"};
} // namespace

bool names_proof(std::string_view plain) {
  std::vector<std::string> words = split_words(fold_for_match(plain));
  return words.size() == 1 && kProofWords.count(words.front()) > 0;
}

bool mentions_proof(std::string_view plain) {
  bool found = false;
  for_each_match_word(
      plain, [&](std::string_view w) { found = found || kProofWords.count(std::string(w)) > 0; });
  return found;
}

namespace {

// Built in, both languages (the pack has no key for verbs yet): "skip", "skipping", "je la
// saute", "je zappe", "je passe" (after "je" only: "passe" is also a past, a pass).
bool tells_of_skipping(std::string_view plain) {
  static const std::unordered_set<std::string> skipping = {
      "skip", "skipping", "skipped", "skips", "saute", "sauter", "zappe", "zapper"};
  bool found = false;
  std::string previous;
  for_each_match_word(plain, [&](std::string_view w) {
    std::string word(w);
    found = found || skipping.count(word) > 0 ||
            (word == "passe" && (previous == "je" || previous == "j"));
    previous = std::move(word);
  });
  return found;
}

} // namespace

Recognition recognise(std::string_view text, const Outline& outline, const Candidates& candidates,
                      const QuestionMatcher& matcher, const Pack& pack, const LineIndex& lines,
                      double shift, const std::vector<char>& about_others, bool dated_note) {
  Recognition out;
  const auto& cs = candidates.lines;
  auto bound = bind_markers(text, outline, candidates, pack, out.loose_markers, out.markers);
  // Lines the person marked <!-- mend:ignore -->: never a question, a section or a gap.
  std::vector<char> ignored(cs.size(), 0);
  for (const auto& [k, b] : bound)
    ignored[k] = b.ignore;
  for (std::size_t k = 0; k < about_others.size() && k < cs.size(); ++k)
    if (about_others[k] && !bound.count(k)) ignored[k] = 1;
  // "La partie « peur d'être seul », je la saute : pas mon sujet", "Skipping the fear bit":
  // the writer telling they skip a part names it and asks nothing.
  // So does a label answered so, in a few words ("La peur d'être seule, les fois d'avant : aita,
  // je saute.").
  auto skipped_in_reply = [&](const Candidate& c) {
    if (!c.label || c.answer_start >= text.size()) return false;
    std::string_view rest = text.substr(c.answer_start);
    rest = rest.substr(0, std::min(rest.find('\n'), rest.find_first_of(".!;")));
    return count_words(rest) <= 4 && tells_of_skipping(rest);
  };
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (!cs[k].question_mark && (tells_of_skipping(cs[k].plain) || skipped_in_reply(cs[k])))
      ignored[k] = 1;
  // Which lines open asking ("what", "pourquoi"), read once per candidate. A loose line is
  // read whole, never by one of its clauses ("gym 7pm, legs. hated it" is no "what I
  // hated"), unless it opens asking ("What didn't I like about us (his faults too)").
  std::vector<char> opens(cs.size(), 0);
  for (std::size_t k = 0; k < cs.size(); ++k)
    opens[k] = (cs[k].loose || cs[k].must_ask) && matcher.opens_question(cs[k].plain);
  auto whole_only = [&](std::size_t k) { return cs[k].loose && !cs[k].label && !opens[k]; };
  // A long line (not one cut at its first stop) that does not open asking is posed when the
  // whole of it is worded as one of the questions ("times i thought i'll never meet anyone again
  // and then did" over its answer). One holding a comma or a colon is a diary's prose: not
  // ranked (a diary holds many long lines, and ranking each costs), unless its commas join
  // parts that ask (commas_join_asking_parts).
  std::vector<char> worded(cs.size(), 0);
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (cs[k].must_ask && !opens[k] && count_words(cs[k].plain) > kLongLineWords &&
        (cs[k].plain.find_first_of(",;:") == std::string::npos ||
         commas_join_asking_parts(cs[k].plain, matcher))) {
      const auto& r = ranked(matcher, cs[k].plain, MatchContext{{}, {}, true});
      // Or a line standing alone, whole, meeting four words of one of them or more, near enough
      // ("tellin her i still love her n want to start again proper"), unless it reports someone
      // asking ("Mum asked was I feart of ending up on my own"). Never a sentence of prose: a
      // line going on after its first stop poses only what is worded as a question.
      std::size_t eol = std::min(text.find('\n', cs[k].end), text.size());
      bool whole_line = !cs[k].after_prose && trim(text.substr(cs[k].end, eol - cs[k].end)).empty();
      worded[k] = !r.empty() && !r.front().step &&
                  (r.front().score >= kWordedAsQuestion ||
                   (whole_line && r.front().shared_words >= kWordedSharedWords &&
                    r.front().score >= kWordedNearly && !reports_asking(cs[k].plain)));
      // Or its first clause is, and the line goes on with the same question ("Lui dire que je
      // l'aime encore et que je veux recommencer", "Tell him I still love him and that I want
      // to try again").
      if (!worded[k] && !r.empty() && !r.front().step) {
        const std::string whole_id = r.front().id; // a copy: ranked() below may clear its memo
        const std::string& plain = cs[k].plain;
        std::size_t cut = std::string::npos;
        for (std::string_view joint : {" and ", " et "})
          cut = std::min(cut, plain.find(joint));
        if (cut != std::string::npos && count_words(std::string_view(plain).substr(0, cut)) >= 3) {
          const auto& head = ranked(matcher, plain.substr(0, cut), MatchContext{{}, {}, true});
          worded[k] = !head.empty() && !head.front().step && head.front().id == whole_id &&
                      head.front().score >= kWordedAsQuestion;
        }
      }
    }
  // A line cut at its first stop, or a label as long as a sentence, poses nothing unless it
  // opens asking: otherwise it is prose ("2019 in Lyon, lonely — then I met Tom").
  // The block under a marker that stands alone ("<!-- mend:q why.unofficial -->" over the
  // answer, the question's words deleted) is that question's answer: a line of it that is not
  // posed as a question is none.
  std::unordered_set<int> marker_answers;
  for (const auto& m : out.loose_markers)
    for (std::size_t b = static_cast<std::size_t>(m.block) + 1; b < outline.blocks.size(); ++b)
      if (outline.blocks[b].kind != BlockKind::Html) {
        marker_answers.insert(static_cast<int>(b));
        break;
      }
  auto unposed = [&](std::size_t k) {
    // A line opening with its question and its "?" ("Afraid to be alone? Is that what is
    // making me want her back") poses it, however long the line runs on.
    if (cs[k].must_ask && !opens[k] && !worded[k] && !(cs[k].question_mark && !cs[k].after_prose))
      return true;
    return marker_answers.count(cs[k].block) > 0 && !cs[k].question_mark &&
           cs[k].form != QuestionForm::Heading && cs[k].form != QuestionForm::QA;
  };

  // Sections: candidates whose wording names a step better than any question.
  std::vector<std::string> title_step(cs.size());
  std::vector<char> is_title(cs.size(), 0);
  std::vector<std::optional<QuestionMatcher::Match>> plain_best(cs.size());
  std::unordered_map<std::size_t, QuestionMatcher::Match> titled_question;
  // "Preuves, chaque dimanche" standing alone over "25/10 : appel d'une heure": a line (or a
  // bold lead) of two words or more, worded as the log and its step's title alike, is the log
  // when the line under it opens with a date, as a heading is over its items.
  auto titles_dated_log = [&](std::size_t k, const QuestionMatcher::Match* question) {
    // One word alone ("Preuves :") is any note-taking, dated or not, unless the question posed
    // last above it is its step's ("Les erreurs que je ne referai pas…" answered, then "Journal :"
    // over the days).
    if ((cs[k].form != QuestionForm::Line && cs[k].form != QuestionForm::Bold) || !question)
      return false;
    if (count_words(cs[k].plain) < 2) {
      std::size_t j = k;
      while (j > 0 && !(plain_best[j - 1] && !plain_best[j - 1]->step))
        --j;
      if (j == 0 || step_of(plain_best[j - 1]->id) != step_of(question->id)) return false;
    }
    const QuestionSpec* spec = pack.question(question->id);
    if (!spec || !spec->log) return false;
    std::size_t eol = text.find('\n', cs[k].end);
    if (eol == std::string_view::npos) return false;
    std::size_t next = eol + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t'))
      ++next;
    if (next + 1 < text.size() && (text[next] == '-' || text[next] == '*' || text[next] == '+') &&
        text[next + 1] == ' ')
      next += 2;
    std::size_t end = std::min(text.find('\n', next), text.size());
    return entry_date(text.substr(next, end - next), pack.date_names()).has_value();
  };
  std::size_t first_top_heading = cs.size();
  for (std::size_t k = 0; k < cs.size() && first_top_heading == cs.size(); ++k)
    if (cs[k].form == QuestionForm::Heading && cs[k].level == 1) first_top_heading = k;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const Candidate& c = cs[k];
    if (auto it = bound.find(k); it != bound.end()) {
      if (it->second.step) {
        title_step[k] = it->second.id;
        is_title[k] = 1;
      }
      continue;
    }
    if (unposed(k)) continue;
    // Copies, not references into ranked()'s memo: the calls to ranked() below (for this line
    // in another context, for the next line) may clear it.
    std::optional<QuestionMatcher::Match> step_match, question_match;
    for (const auto& m : ranked(matcher, c.plain, MatchContext{{}, {}, whole_only(k)})) {
      if (m.step && !step_match) step_match = m;
      if (!m.step && !question_match && passes(c, m, shift)) question_match = m;
    }
    const QuestionMatcher::Match* step = step_match ? &*step_match : nullptr;
    const QuestionMatcher::Match* question = question_match ? &*question_match : nullptr;
    if (question) plain_best[k] = *question;
    // A step's title asking its question names the step by the whole line ("worth it y/n", "If
    // he says no, what do I get from having tried?"), not by one clause of an item about
    // something else ("one weekend away every season, just us — Porto again?").
    auto titles_whole_line = [&](const std::string& step_id) {
      for (const auto& m : ranked(matcher, c.plain, MatchContext{{}, {}, true}))
        if (m.step && m.id == step_id) return m.score >= QuestionMatcher::kThreshold;
      return false;
    };
    // "## Et s'il dit non ?" over "C'est son droit. J'aurai essayé…", "**If he says no?** His
    // call.": a step's title posed with "?" and answered right under it or on its line asks the
    // question the title opens (QuestionSpec::asked_by_step_title). So does one without "?"
    // among headings of that step's questions ("## if he says no", then "## what this stops me
    // repeating"), and a title worded as much as one of its step's questions ("### Proof" over
    // the week's acts is the log, and so is an outliner's "- Proof log" over its items). Worded as
    // the title ("What if his family says no to the date?" is not): kept when answered and posed by
    // no other line, see below.
    if (step && step->score >= kWordedAsQuestion &&
        (c.question_mark || c.form == QuestionForm::Heading ||
         (c.form == QuestionForm::ListItem && c.has_children) || titles_dated_log(k, question)) &&
        !(c.form == QuestionForm::Heading && c.level == 1 && k == first_top_heading)) {
      if (question && question->score >= step->score && step_of(question->id) == step->id) {
        titled_question[k] = *question;
      } else if (const QuestionSpec* asked = question_asked_by_title(pack, step->id);
                 asked && (!question || step->score > question->score) &&
                 (c.question_mark || step->shared_words >= 2) && // "## Plans" asks nothing
                 titles_whole_line(step->id)) {
        QuestionMatcher::Match m = *step;
        m.id = asked->id;
        m.step = false;
        titled_question[k] = m;
      }
    }
    // A label ending its line over a list of its step's questions ("Me in love:" over "- [x] Do I
    // cling on when she pushes me away — yeah") titles that step, as a heading would.
    auto label_over_its_questions = [&] {
      if (!c.label || c.loose || c.question_mark ||
          (c.form != QuestionForm::Line && c.form != QuestionForm::Bold) || !step ||
          k + 1 >= cs.size() || cs[k + 1].form != QuestionForm::ListItem)
        return false;
      std::size_t eol = text.find('\n', c.end);
      if (eol == std::string_view::npos || cs[k + 1].start > text.find('\n', eol + 1)) return false;
      for (const auto& m :
           ranked(matcher, cs[k + 1].plain, MatchContext{{}, {}, whole_only(k + 1)}))
        if (!m.step) return step_of(m.id) == step->id && passes(cs[k + 1], m, shift);
      return false;
    };
    if (!can_title_section(c) && !label_over_its_questions()) continue;
    // "Why", "Us": a title that is a step's name, however common its words.
    if (auto named = matcher.step_named(c.plain); named && !c.question_mark) {
      title_step[k] = *named;
      is_title[k] = 1;
      continue;
    }
    // The note's title is its first top-level heading: later ones are the writer's sections
    // or questions (underlined "===" headings are all top-level).
    bool note_title = c.form == QuestionForm::Heading && c.level == 1 && !c.question_mark &&
                      k == first_top_heading;
    // A line posed with "?" is a question when one fits it about as well as a step does
    // ("Everything he blames me for, or just part?"), a section title when a step fits it far
    // better ("What if he says no?", "Is it worth it?"). A title without "?" is a section when
    // a step fits it better than any question, so that a tie ("Log", "Journal") stays the
    // question.
    // A loose item over its answer that fits no question well enough ("How do we work it
    // between us") titles a step only as well as a loose line poses a question.
    bool step_fits = step && step->score >= (c.loose && c.form == QuestionForm::ListItem
                                                 ? kLooseThreshold
                                                 : QuestionMatcher::kThreshold) +
                                                shift;
    // In a note without one, a plain first line set off by a blank line that names a step is
    // the note's title ("POURQUOI ELLE EST PARTIE" over "1° Les raisons qu'elle m'a données"),
    // as plain-text notes are titled; a prompt that names none ("Les fois où j'ai cru…" over
    // its answer) stays a question.
    if (k == 0 && first_top_heading == cs.size() && step_fits && titles_plain_note(text, c))
      note_title = true;
    double margin = c.question_mark ? 0.25 : 0.02;
    // A diary's title ("# Journal — October 2026") is the note's name, no step's and no question.
    if (note_title && ((step && names_a_diary(pack, c.plain, *step)) ||
                       (question && names_a_diary(pack, c.plain, *question)))) {
      ignored[k] = 1;
      continue;
    }
    bool section = step_fits && (note_title || !question || step->score > question->score + margin);
    if (section) {
      title_step[k] = step->id;
      is_title[k] = 1;
    } else if (note_title && question) {
      title_step[k] = step_of(question->id); // "# What I'll tell her": the note's step
      is_title[k] = 1;
    }
  }
  // A question posed by its step's title is posed by no other line ("## Et si elle dit non ?"
  // over a paragraph, then "### Si elle dit non : qu'est-ce que d'avoir essayé m'évite ?").
  std::erase_if(titled_question, [&](const auto& entry) {
    std::size_t k = entry.first;
    // Inside another step's section, a question of that step fitting as well, with the
    // section's weight, is the line's ("- Why she left" over "- What'd she tell me", which
    // reads as well as the reach-out's "What I'll tell them").
    for (std::size_t j = k; j-- > 0;) {
      if (!is_title[j] || cs[k].start >= section_end(text, outline, candidates, j, is_title))
        continue;
      if (title_step[j] == step_of(entry.second.id)) break;
      const auto& in_section = ranked(matcher, cs[k].plain, MatchContext{title_step[j], {}, false});
      for (const auto& m : in_section)
        if (!m.step && step_of(m.id) == title_step[j] && m.score >= entry.second.score &&
            passes(cs[k], m, shift))
          return true;
      break;
    }
    // Answered on its line ("**If he says no?** His call."), or by prose right under it: not a
    // table or HTML holding the step's questions ("## Pourquoi c'est fini" over a table).
    std::size_t line_end = std::min(text.find('\n', cs[k].start), text.size());
    bool answered = cs[k].answer_start < line_end &&
                    !trim(text.substr(cs[k].answer_start, line_end - cs[k].answer_start)).empty();
    std::size_t next = k + 1 < cs.size() ? cs[k + 1].start : text.size();
    std::size_t first = line_end;
    while (first < text.size() && std::isspace(static_cast<unsigned char>(text[first])))
      ++first;
    if (!answered && first < text.size()) {
      std::size_t first_end = std::min(text.find('\n', first), text.size());
      if (k + 1 >= cs.size() || next >= first_end) { // a line that is no candidate: what holds it?
        const Block* holder = nullptr;
        for (const Block& b : outline.blocks)
          if (b.start <= first && first < b.end) holder = &b;
        answered = holder &&
                   (holder->kind == BlockKind::Paragraph || holder->kind == BlockKind::BlockQuote ||
                    holder->kind == BlockKind::ListItem);
      } else { // the next candidate's line: prose or an item that asks nothing ("Réponse :
               // son choix", "- went to his mum's for tea")
        answered = cs[k + 1].form != QuestionForm::Heading && !cs[k + 1].question_mark &&
                   !plain_best[k + 1];
      }
    }
    if (!answered) return true;
    // Without its "?", a heading over nothing but its answer: the step's other questions follow
    // beside it, not under it.
    // So are labels under it that name the step's questions in its section only ("## What
    // I'll tell her" over "Share: …", "Love: …", "Change: …").
    if (!cs[k].question_mark) {
      const std::string step = step_of(entry.second.id);
      for (std::size_t j = k + 1;
           j < cs.size() && cs[j].start < section_end(text, outline, candidates, k, is_title);
           ++j) {
        if (plain_best[j] || is_title[j]) return true;
        if (!cs[j].label) continue;
        for (const auto& m : ranked(matcher, cs[j].plain, MatchContext{step, {}, false})) {
          if (m.step) continue;
          if (step_of(m.id) == step && passes(cs[j], m, shift)) return true;
          break;
        }
      }
    }
    for (std::size_t j = 0; j < cs.size(); ++j)
      if (j != entry.first && plain_best[j] && plain_best[j]->id == entry.second.id) return true;
    return false;
  });
  for (const auto& [k, m] : titled_question) {
    is_title[k] = 0;
    title_step[k].clear();
    plain_best[k] = m;
  }
  // A heading without "?" whose own items are its step's questions titles that step's section
  // ("## What I'll tell her" over "- my share: …", "- that I still love him").
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const Candidate& c = cs[k];
    if (is_title[k] || bound.count(k) || c.form != QuestionForm::Heading || c.question_mark ||
        !plain_best[k])
      continue;
    std::string step = step_of(plain_best[k]->id);
    std::size_t end = section_end(text, outline, candidates, k, is_title);
    int others = 0, same = 0;
    bool items = false; // a list item or heading of its step follows it: a section's parts
    std::map<std::string, int> other_steps; // the items' steps when not the heading's
    bool first = true, prose_first = false; // is the first line under it no question?
    bool prose_right_under = false;         // ... not even another step's?
    for (std::size_t j = k + 1; j < cs.size() && cs[j].start < end; ++j) {
      if (is_title[j]) break; // a section of its own starts: what follows is its
      bool was_first = std::exchange(first, false);
      if (bound.count(j) || unposed(j)) {
        prose_first = prose_first || was_first;
        prose_right_under = prose_right_under || (was_first && !bound.count(j));
        continue;
      }
      // Underlined headings have two levels, and notes written in them alternate "===" and
      // "---" with no nesting meant: a setext heading under a setext heading is its sibling.
      if (cs[j].form == QuestionForm::Heading && is_setext(text, cs[k]) && is_setext(text, cs[j]))
        continue;
      const auto& ranking = ranked(matcher, cs[j].plain, MatchContext{step, {}, whole_only(j)});
      // A label of a word naming one of the step's questions only in its section ("Share: …"
      // under "## What I'll tell her", though "share" names the wrongs step too).
      const QuestionMatcher::Match* best = ranking.empty() ? nullptr : &ranking.front();
      if (best && best->step && cs[j].label)
        for (const auto& m : ranking)
          if (!m.step) {
            if (m.terse) best = &m;
            break;
          }
      if (!best || best->step || step_of(best->id) != step || !passes(cs[j], *best, shift)) {
        prose_first = prose_first || was_first;
        const auto& alone = ranked(matcher, cs[j].plain, MatchContext{{}, {}, whole_only(j)});
        if (!alone.empty() && !alone.front().step && passes(cs[j], alone.front(), shift))
          ++other_steps[step_of(alone.front().id)];
        else
          prose_right_under = prose_right_under || was_first;
        continue;
      }
      (best->id == plain_best[k]->id ? same : others)++;
      items = items || cs[j].form == QuestionForm::ListItem || cs[j].form == QuestionForm::Heading;
    }
    // Answered in prose right under it ("## What I did not like" over "Her habit of…", then
    // "How long were we together?"), a heading is a question, unless several follow.
    std::size_t next = k + 1 < cs.size() ? std::min(cs[k + 1].start, end) : end;
    bool answered_first =
        prose_first || (next > c.answer_start &&
                        !trim(text.substr(c.answer_start, next - c.answer_start)).empty());
    // Prose written between it and the next line that could pose something (not its marks:
    // "### " or "- " of the next line are none).
    std::size_t next_line = next;
    if (std::size_t nl = text.substr(0, next).rfind('\n');
        nl != std::string_view::npos && nl >= c.answer_start)
      next_line = nl + 1;
    bool prose_under = prose_right_under ||
                       (next_line > c.answer_start &&
                        !trim(text.substr(c.answer_start, next_line - c.answer_start)).empty());
    // Worded as one of the step's questions and answered right under it ("### what I didn't
    // like" over a paragraph, then the step's next questions as lines of their own, no list
    // of them), it is that question, however many follow.
    bool asked_and_answered = answered_first && !items && !plain_best[k]->step &&
                              plain_best[k]->score >= kWordedAsQuestion;
    if ((others >= 1 && !answered_first) || (same + others >= 2 && !asked_and_answered)) {
      title_step[k] = step;
      is_title[k] = 1;
    } else if (same == 0 && other_steps.size() == 1 && other_steps.begin()->second >= 2 &&
               !(prose_under && !plain_best[k]->step &&
                 plain_best[k]->score >= kLooseThreshold + shift &&
                 (plain_best[k]->shared_words >= 2 ||
                  plain_best[k]->score >= kWordedAsQuestion + shift))) {
      // A heading over questions of one other step only ("Mes vraies raisons" over the three
      // questions on the writer's motives): its questions say which section it titles; a
      // question holds no questions of its own. Worded as a question and answered in prose
      // first ("Times I was sure I'd never find someone" over a paragraph, then the why's
      // questions), it is that question and they are the next ones; so is one worded as a
      // question of one word ("## Qu'est-ce qui me rassure").
      title_step[k] = other_steps.begin()->first;
      is_title[k] = 1;
    }
    other_steps.clear();
  }
  // A line or item naming the step of the section it sits in ("## Us" then "- Worth it") is
  // one of that section's items, not a section of its own.
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!is_title[k] || bound.count(k) || cs[k].form == QuestionForm::Heading) continue;
    for (std::size_t j = k; j-- > 0;) {
      if (!is_title[j]) continue;
      if (cs[k].start < section_end(text, outline, candidates, j, is_title) &&
          title_step[j] == title_step[k])
        is_title[k] = 0;
      break;
    }
  }
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!is_title[k]) continue;
    StepHeading s;
    s.id = title_step[k];
    s.line = static_cast<int>(lines.line_of(cs[k].start));
    s.start = cs[k].start;
    s.end = cs[k].end;
    s.level = cs[k].level;
    s.matched_by = bound.count(k) ? MatchedBy::Marker : MatchedBy::Text;
    s.section_end = section_end(text, outline, candidates, k, is_title);
    s.candidate = k;
    out.sections.push_back(std::move(s));
  }

  // Questions: every pair that passes its bar, with its section and neighbour as context.
  std::vector<Pair> pairs;
  std::unordered_set<std::string> claimed;
  std::vector<std::optional<RecognisedQuestion>> chosen(cs.size());
  for (auto& [k, b] : bound)
    if (!b.step && !b.ignore) {
      chosen[k] = RecognisedQuestion{k, b.id, MatchedBy::Marker, 1.0};
      claimed.insert(b.id);
    }
  for (const auto& m : out.loose_markers)
    claimed.insert(m.id);
  // The step of the question above, and where the section holding that question ends: a line
  // past that end has left it ("## Why she went", its items, then "## What I'll say to her"),
  // and the question above says nothing about it any more.
  std::string neighbour;
  std::size_t neighbour_until = std::string::npos;
  auto innermost_section = [&](std::size_t k) -> const StepHeading* {
    const StepHeading* innermost = nullptr;
    for (const auto& s : out.sections)
      if (s.start < cs[k].start && cs[k].start < s.section_end) innermost = &s;
    return innermost;
  };
  std::size_t neighbour_line = cs.size(); // the line of the question above
  auto set_neighbour = [&](std::size_t k, std::string step) {
    neighbour = std::move(step);
    neighbour_line = k;
    const StepHeading* holder = innermost_section(k);
    neighbour_until = holder ? holder->section_end : std::string::npos;
  };
  // The step of the next line below that matches a question on its own: a diary's first
  // question ("What did she actually say? She said…") opens the step the ones after it are of.
  // Read once, from the end up (a section title stops it).
  std::vector<std::string> below(cs.size());
  for (std::size_t k = cs.size(); k-- > 1;) {
    if (is_title[k])
      below[k - 1].clear();
    else if (plain_best[k] && !plain_best[k]->step && !unposed(k) && !ignored[k] &&
             (cs[k].question_mark || !whole_only(k)))
      below[k - 1] = step_of(plain_best[k]->id); // posed: "Hope on" opens nothing below it
    else
      below[k - 1] = below[k];
  }
  auto step_below = [&](std::size_t k) -> const std::string& { return below[k]; };
  auto no_answer_on_line = [&](std::size_t k) {
    std::size_t eol = text.find('\n', cs[k].end);
    return trim(text.substr(cs[k].end,
                            (eol == std::string_view::npos ? text.size() : eol) - cs[k].end))
        .empty();
  };
  // Something written after the question above, on its line or under it, before line k: not
  // the question itself wrapped onto k ("… ce qu'elle n'a pas dit mais que j'ai" / "senti ?").
  auto answered_above = [&](std::size_t k) {
    if (neighbour_line >= cs.size()) return false;
    std::size_t line_start = text.rfind('\n', cs[k].start);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::size_t from = cs[neighbour_line].end;
    if (from >= line_start || trim(text.substr(from, line_start - from)).empty()) return false;
    // "2.6 Est-ce réversible ? Que faudrait-il changer, de mon côté ou du" / "sien ?": the
    // line's second question wrapped, no answer.
    std::size_t eol = text.find('\n', from); // the end of the question's line
    if (eol + 1 < line_start) return true;   // lines between: its answer
    return wrapped_question_end(text.substr(from, eol - from), text.substr(line_start)) == 0;
  };
  // A heading without "?" whose first line under it asks, with its "?", a question of the same
  // step ("## Ce qu'il a dit" over "Quelles étaient ses raisons officielles ?"): the heading
  // names what the line asks; only the line poses it.
  auto heading_over_its_question = [&](std::size_t k) {
    if (cs[k].form != QuestionForm::Heading || cs[k].question_mark || k + 1 >= cs.size() ||
        !cs[k + 1].question_mark || cs[k + 1].form == QuestionForm::Heading)
      return false;
    std::size_t eol = text.find('\n', cs[k].end);
    if (eol == std::string_view::npos || !trim(text.substr(eol, cs[k + 1].start - eol)).empty())
      return false;
    auto best_question = [&](std::size_t j) -> const QuestionMatcher::Match* {
      for (const auto& m : ranked(matcher, cs[j].plain, MatchContext{}))
        if (!m.step) return passes(cs[j], m, shift) ? &m : nullptr;
      return nullptr;
    };
    const QuestionMatcher::Match* line = best_question(k + 1);
    const QuestionMatcher::Match* heading = best_question(k);
    return line && heading && step_of(line->id) == step_of(heading->id);
  };
  // A run of terse lines outside any section, read as the list of the step it asks in order
  // (steps_of_terse_runs).
  const std::vector<std::string> run_step = steps_of_terse_runs(
      cs,
      [&](std::size_t k) {
        return !is_title[k] && !ignored[k] && !chosen[k] && innermost_section(k) == nullptr;
      },
      matcher, pack, shift);
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (is_title[k] || ignored[k]) continue;
    if (chosen[k]) {
      set_neighbour(k, step_of(chosen[k]->id));
      continue;
    }
    if (unposed(k)) continue;
    if (cs[k].start >= neighbour_until) {
      neighbour.clear();
      neighbour_until = std::string::npos;
    }
    if (heading_over_its_question(k)) continue;
    // The innermost section holding the line.
    const StepHeading* holder = innermost_section(k);
    std::string section = holder ? holder->id : run_step[k];
    // A word or three asked alone right after an answered question of a step ("future?" after
    // "did he respect what i need -> mostly", "On my own?" after "Change all she blames me for
    // or only part? part."), outside any section, is read as in that step's section: its terse
    // words count.
    constexpr std::size_t kMostTerseAskedWords = 3;
    bool asked_after_its_step =
        section.empty() && !neighbour.empty() && cs[k].question_mark && neighbour_line + 1 == k &&
        count_words(cs[k].plain) <= kMostTerseAskedWords && answered_above(k);
    const auto& r =
        ranked(matcher, cs[k].plain,
               MatchContext{asked_after_its_step ? neighbour : section, neighbour, whole_only(k)});
    // A loose line of one word ("Work: …", "Date: …") is a question only inside its step's
    // section: alone, it is any note-taking.
    bool one_word = (cs[k].loose || cs[k].label) && count_words(cs[k].plain) <= 1;
    // So is a loose line that shares one content word with the question ("Hope on" and
    // "Reassurance", "Work her really" and "Self-work"), unless it sits in that step's section
    // or under a question of it: diary lists are full of such words. A task item was
    // written to be answered ("- [ ] ce que je n'aimais pas").
    // So is a label announcing what follows after a sentence of its line ("Ellie's home on the
    // 18th. Need to:" over a to-do list).
    bool weak_form = (whole_only(k) && !cs[k].question_mark && !cs[k].task) || cs[k].prose_after ||
                     (cs[k].label && cs[k].after_prose && !opens[k]);
    bool any = false;
    if (auto it = titled_question.find(k); it != titled_question.end()) {
      set_neighbour(k, step_of(it->second.id));
      pairs.push_back({k, it->second});
      continue;
    }
    for (const auto& m : r) {
      if (m.step || !passes(cs[k], m, shift)) continue;
      // "Un grand oui pour le tournoi de Pâques ?", "A big yes for the new rota?": a verdict on
      // something else.
      if (const QuestionSpec* spec = pack.question(m.id);
          spec && spec->verdict && yes_for_something_else(cs[k].plain, matcher))
        continue;
      // Right under a question of its step, a one-word label announcing what follows ("Preuves :"
      // over dated items, after the mistakes) or answered on its line ("Preuve : appelée tous
      // les soirs") is that step's next question.
      // Not in the answer of a heading ("## What went wrong?" over "Reasons:").
      // Not under that same question ("proof log, every week" over "proof: called him"): an
      // entry of it.
      auto neighbour_asks_it = [&] {
        return std::any_of(pairs.rbegin(), pairs.rend(), [&](const Pair& p) {
          return p.candidate == neighbour_line && p.match.id == m.id;
        });
      };
      // So is a one-word line asking with its "?" after labels of its step ("Réversible ? Ce qui
      // doit changer : oui, si…" closing "Raison officielle : …" and the step's other labels).
      bool after_its_step = (cs[k].label || (cs[k].question_mark && answered_above(k))) &&
                            step_of(m.id) == neighbour && neighbour_line < cs.size() &&
                            cs[neighbour_line].form != QuestionForm::Heading &&
                            cs[neighbour_line].form != QuestionForm::Bold && !neighbour_asks_it();
      // So is a loose one-word line closing a run of loose lines of its step, each over its
      // answer ("What I didn't like" / …, then "Reversible" over "Yes if…").
      bool closes_its_run = cs[k].loose && !cs[k].label && step_of(m.id) == neighbour &&
                            no_answer_on_line(k) && neighbour_line + 1 == k &&
                            cs[neighbour_line].loose && !cs[neighbour_line].label &&
                            cs[neighbour_line].form == cs[k].form;
      // In a day's note, the article's own word for the log's entries, answered on its line
      // or under it ("Proof: asked about his pitch first", "Preuve : soirée avec lui", "Proof:"
      // over "- closed at 6 even on Friday"), is that day's entry.
      // (Once the note has posed the log above, such lines are its entries.)
      // Read last, and only for a one-word line outside its section: rare.
      auto days_proof = [&] {
        const QuestionSpec* spec = pack.question(m.id);
        return dated_note && cs[k].label && spec && spec->log && names_proof(cs[k].plain) &&
               std::none_of(pairs.begin(), pairs.end(), [&](const Pair& p) {
                 return p.match.id == m.id && !names_proof(cs[p.candidate].plain);
               });
      };
      if (one_word && (section.empty() || step_of(m.id) != section) && !after_its_step &&
          !closes_its_run && !days_proof())
        continue;
      if (weak_form && !m.terse && m.shared_words < 2 && step_of(m.id) != section &&
          step_of(m.id) != neighbour && step_of(m.id) != step_below(k))
        continue;
      // A loose line of sentences ("she said she'd think. [[kayla]]") meets one word of a
      // question only by chance, whatever question sits above it; its section may still pose
      // it.
      if (weak_form && !m.terse && m.shared_words < 2 && step_of(m.id) != section && cs[k].loose &&
          !cs[k].label && cs[k].plain.find(". ") != std::string::npos)
        continue;
      if (!any) set_neighbour(k, step_of(m.id));
      any = true;
      pairs.push_back({k, m});
    }
  }
  give_split_questions_to_posed_lines(pairs, cs);
  // An item nested under an item posed with its "?" is that question's answer, however
  // closely it echoes a question ("- Deux ans et demi : début ou problème de fond ?" over
  // "  - on n'était plus au début, donc problème de fond"), unless it asks with a "?" itself.
  {
    std::vector<char> answer_item(cs.size(), 0);
    for (std::size_t k = 0; k < cs.size(); ++k) {
      if (cs[k].form != QuestionForm::ListItem || !cs[k].question_mark || !cs[k].has_children ||
          is_title[k])
        continue;
      for (std::size_t j = k + 1; j < cs.size() && cs[j].start < cs[k].item_end; ++j)
        if (cs[j].form == QuestionForm::ListItem && !cs[j].question_mark) answer_item[j] = 1;
    }
    // So is an item nested under an item posing the same question without its "?" ("- What
    // I'm going to tell him, my bit included" over "  - That I've worked out my share: …"):
    // it echoes the question it answers, and the question above lends it the score to win.
    // Under an item that reads as well as its step's name ("- What I'll say to him" over
    // "  - **What I tell him, my share included:** …"), the child is the question, its
    // item a title.
    auto names_its_step = [&](std::size_t k, const std::string& id) {
      for (const auto& m : ranked(matcher, cs[k].plain, MatchContext{}))
        if (m.step && m.id == step_of(id)) return true;
      return false;
    };
    {
      const auto best_of_line = best_pair_of_each_line(pairs);
      for (const auto& [k, parent] : best_of_line) {
        if (cs[k].form != QuestionForm::ListItem || cs[k].question_mark || !cs[k].has_children ||
            is_title[k])
          continue;
        for (std::size_t j = k + 1; j < cs.size() && cs[j].start < cs[k].item_end; ++j) {
          auto child = best_of_line.find(j);
          if (cs[j].form == QuestionForm::ListItem && !cs[j].question_mark &&
              child != best_of_line.end() && child->second->match.id == parent->match.id &&
              !names_its_step(k, parent->match.id))
            answer_item[j] = 1;
        }
      }
    }
    // So are the plain items of the list a posed label announces ("**Mistakes I stop repeating,
    // and what I do instead:**" over "- Not telling feelings → one feeling a day"): neither
    // asking with a "?" nor a label of their own. Under a loose line ("times i figured id never
    // meet nobody" over "- after the army. then met kay"), those that echo its question.
    const auto best_of_line = best_pair_of_each_line(pairs);
    for (const Pair& p : pairs) {
      const Candidate& c = cs[p.candidate];
      std::size_t list = static_cast<std::size_t>(c.block) + 1;
      const bool loose_line =
          !c.label && c.loose && !c.question_mark && c.form == QuestionForm::Line;
      if ((!c.label && !loose_line) || c.question_mark || c.block < 0 ||
          c.form == QuestionForm::ListItem || list >= outline.blocks.size() ||
          outline.blocks[list].kind != BlockKind::ListItem)
        continue;
      if (loose_line && (outline.blocks[list].start < c.end ||
                         !trim(text.substr(c.end, outline.blocks[list].start - c.end)).empty()))
        continue; // the list is not right under the line
      // "pourquoi elle est partie" over "1. ce qu'elle m'a dit": a line that reads as its step's
      // name titles the questions listed under it.
      if (loose_line && names_its_step(p.candidate, p.match.id)) continue;
      std::size_t eol = text.find('\n', c.end);
      if (!trim(text.substr(c.end, (eol == std::string_view::npos ? text.size() : eol) - c.end))
               .empty())
        continue; // answered on its line
      std::size_t list_end = outline.blocks[list].end;
      for (std::size_t b = list + 1; b < outline.blocks.size(); ++b)
        if (outline.blocks[b].kind == BlockKind::ListItem &&
            outline.blocks[b].parent == outline.blocks[list].parent &&
            outline.blocks[b].start <= list_end + 1)
          list_end = outline.blocks[b].end;
        else if (outline.blocks[b].start >= list_end)
          break;
      // "What I will say:" over "- What I tell her, my part also", "- How I say I still love
      // her", "- How we change how we are together": items asking two other questions or more
      // are the list of questions the label titles.
      std::set<std::string> others_asked;
      for (std::size_t j = p.candidate + 1; j < cs.size() && cs[j].start < list_end; ++j)
        if (auto best = best_of_line.find(j);
            best != best_of_line.end() && best->second->match.id != p.match.id)
          others_asked.insert(best->second->match.id);
      if (others_asked.size() >= 2) continue;
      for (std::size_t j = p.candidate + 1; j < cs.size() && cs[j].start < list_end; ++j) {
        if (cs[j].form != QuestionForm::ListItem || cs[j].question_mark || cs[j].label) continue;
        auto echo = best_of_line.find(j);
        if (!loose_line || (echo != best_of_line.end() && echo->second->match.id == p.match.id))
          answer_item[j] = 1;
      }
    }
    // So are the plain items under a heading posed as the log ("### Proof log — what I did that
    // shows the change" over "- [x] Didn't say one word about camp when he went Saturday"):
    // the log's entries are the writer's deeds, whatever question one of them echoes.
    for (const Pair& p : pairs) {
      const QuestionSpec* spec = pack.question(p.match.id);
      if (cs[p.candidate].form != QuestionForm::Heading || !spec || !spec->log) continue;
      for (std::size_t j = p.candidate + 1; j < cs.size() && cs[j].form != QuestionForm::Heading;
           ++j)
        if (cs[j].form == QuestionForm::ListItem && !cs[j].question_mark && !cs[j].label)
          answer_item[j] = 1;
    }
    // So are the items nested under a posed item that are written as a change, "this → that"
    // ("- [x] Mistakes I'm stopping, and what I do instead" over "- Deciding farm stuff alone →
    // we decide on Sunday night together"), whatever one of their words also asks.
    for (const Pair& p : pairs) {
      const Candidate& c = cs[p.candidate];
      if (c.form != QuestionForm::ListItem || !c.has_children || c.question_mark) continue;
      for (std::size_t j = p.candidate + 1; j < cs.size() && cs[j].start < c.item_end; ++j) {
        if (cs[j].form != QuestionForm::ListItem || cs[j].question_mark) continue;
        std::size_t eol = std::min(text.find('\n', cs[j].start), text.size());
        std::string_view line = text.substr(cs[j].start, eol - cs[j].start);
        for (std::string_view arrow : {" \u2192 ", " -> ", " => "})
          if (line.find(arrow) != std::string_view::npos) answer_item[j] = 1;
      }
    }
    std::erase_if(pairs, [&](const Pair& p) { return answer_item[p.candidate] != 0; });
  }
  // A line of prose under a heading posed with its "?", echoing that heading's question, is its
  // answer ("## Qu'est-ce que je lui dis, ma part comprise ?" over "Ce que je vais vraiment
  // dire : ma mauvaise humeur, …"), not the question again.
  {
    std::set<std::pair<std::size_t, std::string>> heading_pairs;
    for (const auto& p : pairs)
      if (cs[p.candidate].form == QuestionForm::Heading && cs[p.candidate].question_mark)
        heading_pairs.emplace(p.candidate, p.match.id);
    // The line's best pair decides: echoing the heading, all of its pairs go.
    const auto best_of_line = best_pair_of_each_line(pairs);
    std::vector<char> echo(cs.size(), 0);
    for (const auto& [k, p] : best_of_line) {
      if (cs[k].form != QuestionForm::Line || cs[k].question_mark) continue;
      for (std::size_t h = k; h-- > 0;)
        if (cs[h].form == QuestionForm::Heading) {
          echo[k] = heading_pairs.count({h, p->match.id}) > 0;
          break;
        }
    }
    std::erase_if(pairs, [&](const Pair& p) { return echo[p.candidate] != 0; });
  }
  // Ties go to the line posed as a question: "What he blames me for: the hours, …" lists the
  // reproaches that "Do I want to change all of it, or only some?" then asks about.
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
    if (std::abs(a.match.score - b.match.score) > 1e-9) return a.match.score > b.match.score;
    if (cs[a.candidate].question_mark != cs[b.candidate].question_mark)
      return cs[a.candidate].question_mark;
    return a.candidate < b.candidate;
  });
  // Two rounds: the lines that open an answer under a question heading, found in the first,
  // lose their pairs before the second.
  {
    auto first_chosen = chosen;
    auto first_claimed = claimed;
    assign_pairs(pairs, cs, pack, first_chosen, first_claimed);
    std::vector<const Pair*> best(cs.size(), nullptr); // `pairs` is sorted: the first is best
    for (const auto& p : pairs)
      if (!best[p.candidate]) best[p.candidate] = &p;
    auto openers = answer_openers(cs, first_chosen, is_title, best);
    std::erase_if(pairs, [&](const Pair& p) { return openers[p.candidate] != 0; });
  }
  assign_pairs(pairs, cs, pack, chosen, claimed);
  // An item holding questions of another step posed with their "?", itself posed without one
  // and no task, titles them ("- [[Karthik]] reflection, part 1" over the motives' items).
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!chosen[k] || chosen[k]->matched_by == MatchedBy::Marker ||
        cs[k].form != QuestionForm::ListItem || !cs[k].has_children || cs[k].question_mark ||
        cs[k].task)
      continue;
    for (std::size_t j = k + 1; j < cs.size() && cs[j].start < cs[k].item_end; ++j)
      if (chosen[j] && cs[j].question_mark && step_of(chosen[j]->id) != step_of(chosen[k]->id)) {
        claimed.erase(chosen[k]->id);
        chosen[k].reset();
        break;
      }
  }
  // Lines that fill no gap: those not posed as a question (could_be_gap); "- him: …",
  // "- me: …", a label of persons only, which says who, never which question; a date
  // ("## Sep 10"), which says when.
  std::vector<char> no_gap(cs.size(), 0);
  for (std::size_t k = 0; k < cs.size(); ++k)
    no_gap[k] = !could_be_gap(cs[k], opens[k]) ||
                (!chosen[k] && !is_title[k] &&
                 (!matcher.has_words(cs[k].plain) || is_date_title(cs[k], pack)));
  // An ignored line fills no gap either (fill_gaps passes over no_gap lines), nor does one
  // that poses nothing ("The one-evening rule. And the move: together, by March").
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (ignored[k] || unposed(k)) no_gap[k] = 1;
  // Nor does a question ending a line of prose that answers the question right above it in
  // its paragraph ("Am I scared to be alone?" / "Maybe yes. At 42, who wants this? …"): a
  // rhetorical question inside an answer.
  for (std::size_t k = 1; k < cs.size(); ++k)
    if (cs[k].after_prose && chosen[k - 1] && cs[k - 1].block == cs[k].block) no_gap[k] = 1;
  // Nor does a line worded as a step's title, posed without "?" ("Pourquoi elle est partie"
  // over the why's items): it titles what follows, as a heading would.
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (no_gap[k] || chosen[k] || is_title[k] || cs[k].question_mark || !cs[k].title_like) continue;
    // The context-free ranking read above for titles (memoised), not a second one.
    const auto& r = ranked(matcher, cs[k].plain, MatchContext{{}, {}, whole_only(k)});
    if (std::any_of(r.begin(), r.end(),
                    [](const QuestionMatcher::Match& m) { return m.step && m.score >= 1.0; }))
      no_gap[k] = 1;
  }
  // Nor does an item holding recognised questions: it titles them ("- Matty #[[Breakup]]",
  // "- talk to her"), whatever its shape.
  for (std::size_t k = 0; k < cs.size(); ++k)
    if (!chosen[k] && cs[k].form == QuestionForm::ListItem && cs[k].has_children)
      for (std::size_t j = k + 1; j < cs.size() && cs[j].start < cs[k].item_end; ++j)
        if (chosen[j]) {
          no_gap[k] = 1;
          break;
        }
  // Nor does an item nested under a question's item: it is that question's answer
  // ("- do I stick around…" over "  - yes (see: all of 2023)"), as outliners write them.
  std::vector<std::size_t> open_items; // chosen list items whose children are still being read
  for (std::size_t k = 0; k < cs.size(); ++k) {
    while (!open_items.empty() && cs[open_items.back()].item_end <= cs[k].start)
      open_items.pop_back();
    if (!open_items.empty() && cs[k].form == QuestionForm::ListItem && !chosen[k]) no_gap[k] = 1;
    // So is one under an item that may fill a gap itself ("- staying when i'm not ok" over
    // "  - did with Craig for 3 yrs").
    if ((chosen[k] || (!no_gap[k] && !is_title[k])) && cs[k].form == QuestionForm::ListItem &&
        cs[k].has_children)
      open_items.push_back(k);
  }
  fill_gaps(cs, is_title, no_gap, matcher, pack, out.sections, chosen, claimed);
  // A line posing two of a step's questions at once ("Was it my ideal, and were my needs and
  // limits respected?", "Can I change this alone — and if not, how do we change together?")
  // is both, when one clause is the question it was read as and another is, on its own,
  // another question of that step that no line of the note poses.
  std::vector<std::optional<RecognisedQuestion>> second(cs.size());
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!chosen[k] || chosen[k]->matched_by == MatchedBy::Marker || chosen[k]->by_order) continue;
    std::vector<std::string> clauses = question_clauses(cs[k].plain, matcher);
    if (clauses.size() < 2) continue;
    const StepHeading* holder = nullptr;
    for (const auto& s : out.sections)
      if (s.start < cs[k].start && cs[k].start < s.section_end) holder = &s;
    MatchContext context{holder ? std::string_view(holder->id) : std::string_view{}, {}, true};
    const std::string step = step_of(chosen[k]->id);
    bool itself = false;
    std::optional<QuestionMatcher::Match> other;
    for (const auto& clause : clauses) {
      const auto& r = ranked(matcher, clause, context);
      if (r.empty() || r.front().step || !passes(cs[k], r.front(), shift)) continue;
      if (r.front().id == chosen[k]->id)
        itself = true;
      else if (!other && step_of(r.front().id) == step && !claimed.count(r.front().id))
        other = r.front();
    }
    if (!itself || !other) continue;
    claimed.insert(other->id);
    second[k] = RecognisedQuestion{k, other->id, MatchedBy::Text, other->score, *other};
  }
  const auto order = [&](const std::string& id) {
    std::vector<std::string> ids = pack.question_ids(step_of(id));
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!chosen[k]) continue;
    if (second[k] && order(second[k]->id) < order(chosen[k]->id)) std::swap(chosen[k], second[k]);
    out.questions.push_back(std::move(*chosen[k]));
    if (second[k]) out.questions.push_back(std::move(*second[k]));
  }
  return out;
}

} // namespace mend::engine
