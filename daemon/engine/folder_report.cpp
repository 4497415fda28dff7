// The article's rules (catalogue.md, "Suggestions") over a folder's note analyses.
#include "daemon/engine/folder_report.h"

#include <algorithm>
#include <compare>
#include <map>
#include <tuple>

#include "daemon/engine/render.h"

namespace mend::engine {
namespace {

struct Occurrence {
  const NoteRef* note;
  const QuestionOccurrence* q;
};

struct QuestionState {
  bool present = false;
  bool answered = false;
  std::vector<Occurrence> occurrences;
};

std::string quoted(const std::string& title) {
  return "\u201c" + title + "\u201d";
}

// A note and a 0-based line in it.
struct Place {
  std::string path;
  int line = 0;
  auto operator<=>(const Place&) const = default;
};

// Where a step that is not started would be written; the rule is documented on `missing-step`
// in folder_report.h. std::nullopt when the folder holds no question and no step heading.
std::optional<Place> place_for_step(const Pack& pack, const std::string& step_id,
                                    const std::vector<NoteRef>& notes,
                                    const std::map<std::string, QuestionState>& state) {
  auto occurrences = [&](const std::string& id) {
    std::vector<Occurrence> out;
    for (const auto& q : pack.question_ids(id))
      if (auto it = state.find(q); it != state.end())
        out.insert(out.end(), it->second.occurrences.begin(), it->second.occurrences.end());
    return out;
  };
  auto heading_places = [&](const std::string& id) {
    std::vector<Place> out;
    for (const auto& note : notes)
      if (note.analysis)
        for (const auto& h : note.analysis->steps)
          if (h.id == id) out.push_back({note.path, h.line});
    return out;
  };
  // 1. The step's own heading, else its own (unanswered) questions: the writer made room.
  std::vector<Place> own = heading_places(step_id);
  if (own.empty())
    for (const auto& o : occurrences(step_id))
      own.push_back({o.note->path, o.q->line});
  if (!own.empty()) return *std::min_element(own.begin(), own.end());

  const auto& order = pack.step_ids();
  auto at = std::find(order.begin(), order.end(), step_id);
  if (at == order.end()) return std::nullopt;
  // 2. After the nearest earlier step with a question: the line after the last answer of its
  //    last question (path order, then line), where the article's next step begins.
  for (auto it = at; it != order.begin();) {
    auto found = occurrences(*--it);
    if (found.empty()) continue;
    const Occurrence* last = &found.front();
    for (const auto& o : found)
      if (std::tie(o.note->path, o.q->answer_last_line) >
          std::tie(last->note->path, last->q->answer_last_line))
        last = &o;
    int line = std::max(last->q->answer_last_line, last->q->line) + 1;
    int line_count = last->note->analysis->line_count;
    if (line_count > 0) line = std::min(line, line_count - 1);
    return Place{last->note->path, line};
  }
  // 3. Before the nearest later step with a question: its first question, or that step's
  //    heading when the heading comes first in the same note.
  for (auto it = at + 1; it != order.end(); ++it) {
    auto found = occurrences(*it);
    if (found.empty()) continue;
    Place first{found.front().note->path, found.front().q->line};
    for (const auto& o : found)
      first = std::min(first, Place{o.note->path, o.q->line});
    for (const auto& h : heading_places(*it))
      if (h.path == first.path && h.line < first.line) first = h;
    return first;
  }
  return std::nullopt;
}

} // namespace

std::vector<StepProgress> note_steps(const Pack& pack, const NoteAnalysis& note) {
  std::vector<StepProgress> out;
  for (const auto& step_id : pack.step_ids()) {
    auto ids = pack.question_ids(step_id);
    int answered = 0;
    bool present = false;
    for (const auto& id : ids) {
      bool any = false, ok = false;
      for (const auto& q : note.questions)
        if (q.id == id) {
          any = true;
          ok = ok || q.answered;
        }
      present = present || any;
      answered += ok ? 1 : 0;
    }
    if (!present) continue;
    StepProgress p;
    p.id = step_id;
    p.answered = answered;
    p.total = static_cast<int>(ids.size());
    p.started = answered > 0;
    p.done = p.total > 0 && answered == p.total;
    out.push_back(p);
  }
  return out;
}

FolderReport judge_folder(const Pack& pack, const std::vector<NoteRef>& notes, const Date& today,
                          const std::string& language) {
  FolderReport report;
  report.notes = static_cast<int>(notes.size());
  const LanguagePack* lang = pack.language(language);
  if (!lang && !pack.empty()) lang = &pack.primary();
  TemplateVariables vars; // messages speak of "your ex" / "they": no name in reports
  auto title_of = [&](const std::string& step_id) {
    const StepSpec* s = pack.step(step_id, language);
    return s ? quoted(lang ? render_text(s->title, *lang, vars) : s->title) : quoted(step_id);
  };
  auto question_text = [&](const std::string& id) {
    const QuestionSpec* q = pack.question(id, language);
    return q ? (lang ? render_text(q->text, *lang, vars) : q->text) : id;
  };

  std::map<std::string, QuestionState> state;
  for (const auto& note : notes) {
    if (!note.analysis) continue;
    for (const auto& q : note.analysis->questions) {
      QuestionState& s = state[q.id];
      s.present = true;
      s.answered = s.answered || q.answered;
      s.occurrences.push_back({&note, &q});
    }
  }
  std::map<std::string, StepProgress> progress;
  for (const auto& step_id : pack.step_ids()) {
    StepProgress p;
    p.id = step_id;
    auto ids = pack.question_ids(step_id);
    p.total = static_cast<int>(ids.size());
    for (const auto& id : ids) {
      auto it = state.find(id);
      if (it != state.end() && it->second.answered) ++p.answered;
    }
    p.started = p.answered > 0;
    p.done = p.total > 0 && p.answered == p.total;
    progress[step_id] = p;
    report.steps.push_back(p);
  }
  for (const auto& [id, s] : state) {
    if (!pack.question(id)) continue;
    if (s.present) ++report.questions;
    if (s.answered) ++report.answered;
  }
  auto started = [&](const std::string& id) { return progress.count(id) && progress[id].started; };
  auto done = [&](const std::string& id) { return progress.count(id) && progress[id].done; };
  auto add = [&](std::string kind, std::string step, std::optional<std::string> question,
                 const Occurrence* at, int line, std::string message) {
    Suggestion s;
    s.kind = std::move(kind);
    s.step = std::move(step);
    s.question = std::move(question);
    if (at) {
      s.path = at->note->path;
      s.line = line >= 0 ? line : at->q->line;
    }
    s.message = std::move(message);
    report.suggestions.push_back(std::move(s));
  };
  // The first answered occurrence of a step in path order: where a step "is started".
  auto first_answered = [&](const std::string& step_id) -> std::optional<Occurrence> {
    std::optional<Occurrence> best;
    for (const auto& id : pack.question_ids(step_id)) {
      auto it = state.find(id);
      if (it == state.end()) continue;
      for (const auto& o : it->second.occurrences) {
        if (!o.q->answered) continue;
        if (!best || std::tie(o.note->path, o.q->line) < std::tie(best->note->path, best->q->line))
          best = o;
      }
    }
    return best;
  };

  for (const auto& step_id : pack.step_ids()) {
    const StepSpec* step = pack.step(step_id, language);
    if (!step) continue;

    // unanswered: present but not answered anywhere in the folder.
    for (const auto& qspec : step->questions) {
      auto it = state.find(qspec.id);
      if (it == state.end() || it->second.answered) continue;
      for (const auto& o : it->second.occurrences)
        add("unanswered", step_id, qspec.id, &o, -1,
            "Not answered yet: " + question_text(qspec.id));
    }

    // shared-blame: the fault-finding questions (why.disliked, wrongs.scope).
    for (std::size_t k = 0; k < step->questions.size(); ++k) {
      const QuestionSpec& qspec = step->questions[k];
      if (!qspec.fault_finding) continue;
      auto it = state.find(qspec.id);
      if (it == state.end()) continue;
      const QuestionState& s = it->second;
      if (!s.answered) {
        const Occurrence* nil = nullptr;
        for (const auto& o : s.occurrences)
          if (o.q->nil && !nil) nil = &o;
        if (nil) {
          add("shared-blame", step_id, qspec.id, nil, -1,
              step_id == "why" ? "A nil reply is not enough here: the blame is always shared. Do "
                                 "the exercise again and "
                                 "name what you did not like, your partner's faults included."
                               : "Your partner cannot carry all the blame: choose what you want to "
                                 "change of what you "
                                 "are blamed for.");
          continue;
        }
        // Skipped: left empty while a later question of the step is answered.
        bool later_answered = false;
        for (std::size_t l = k + 1; l < step->questions.size(); ++l) {
          auto later = state.find(step->questions[l].id);
          later_answered = later_answered || (later != state.end() && later->second.answered);
        }
        if (step_id == "why" && later_answered && !s.occurrences.empty())
          add("shared-blame", step_id, qspec.id, &s.occurrences.front(), -1,
              "You moved on without saying what you did not like in the relationship: the blame is "
              "always "
              "shared, so do this exercise before the next ones.");
      } else if (step_id == "why") {
        bool any_shared = false;
        const Occurrence* own = nullptr;
        for (const auto& o : s.occurrences) {
          if (!o.q->answered) continue;
          if (o.q->own_fault_only) {
            if (!own) own = &o;
          } else {
            any_shared = true;
          }
        }
        if (own && !any_shared)
          add("shared-blame", step_id, qspec.id, own, -1,
              "You listed only your own faults: the blame is always shared. Do the exercise again "
              "and name "
              "your partner's part too.");
      }
    }

    // self-blame: a reach-out answer that takes 100% of the failure.
    for (const auto& qspec : step->questions) {
      if (!qspec.self_blame_check) continue;
      auto it = state.find(qspec.id);
      if (it == state.end()) continue;
      for (const auto& o : it->second.occurrences)
        if (o.q->self_blame_line >= 0)
          add("self-blame", step_id, qspec.id, &o, o.q->self_blame_line,
              "Don't take 100% of the failure on yourself: the blame is always shared, and coming "
              "back on "
              "those terms would bring back the same relationship.");
    }

    // order: started before a step it requires.
    if (started(step_id)) {
      std::vector<std::string> missing;
      for (const auto& r : step->requires_)
        if (!started(r)) missing.push_back(r);
      if (!missing.empty()) {
        auto at = first_answered(step_id);
        std::string names;
        for (std::size_t i = 0; i < missing.size(); ++i)
          names += (i ? " and " : "") + title_of(missing[i]);
        add("order", step_id, std::nullopt, at ? &*at : nullptr, -1,
            "You started " + title_of(step_id) + " before " + names +
                ": the article asks for that first.");
      }
    }

    // conditional: the verdict is not a clear, unanimous yes, and the step is not started.
    if (!step->condition.empty() && !started(step_id)) {
      auto it = state.find(step->condition);
      if (it != state.end() && it->second.answered) {
        const Occurrence* not_yes = nullptr;
        for (const auto& o : it->second.occurrences)
          if (o.q->answered && !o.q->clear_yes && !not_yes) not_yes = &o;
        if (not_yes)
          add("conditional", step_id, step->condition, not_yes, -1,
              "Your evaluation is not a big, unanimous yes: look at your patterns in love (" +
                  title_of(step_id) + ") before going back.");
      }
    }

    // log-overdue: the newest dated entry of the log is more than N days old.
    if (started(step_id)) {
      for (const auto& qspec : step->questions) {
        if (!qspec.log) continue;
        auto it = state.find(qspec.id);
        if (it == state.end()) continue;
        std::optional<Date> newest;
        const Occurrence* newest_at = nullptr;
        int newest_line = -1;
        for (const auto& o : it->second.occurrences) {
          for (const auto& e : o.q->log_entries) {
            Date d = e.date;
            if (!d.has_year()) {
              const auto& nd = o.note->analysis->note_date;
              d.year = nd ? nd->year : today.year;
              // "27 Dec" written in January belongs to last year.
              if (!nd && is_valid_date(d.year, d.month, d.day) &&
                  days_since_epoch(d) > days_since_epoch(today))
                d.year -= 1;
            }
            if (!is_valid_date(d.year, d.month, d.day)) continue;
            if (!newest || days_since_epoch(d) > days_since_epoch(*newest)) {
              newest = d;
              newest_at = &o;
              newest_line = e.line;
            }
          }
        }
        if (newest) {
          long age = days_since_epoch(today) - days_since_epoch(*newest);
          if (age > step->log_overdue_days)
            add("log-overdue", step_id, qspec.id, newest_at, newest_line,
                "Your last logged action is from " + format_iso(*newest) + " (" +
                    std::to_string(age) +
                    " days ago): write down, every week, what you did that shows the change.");
        }
      }
    }

    // missing-step: every step it requires is done, and it is not started. A conditional step
    // is suggested by its own rule instead.
    if (!started(step_id) && step->condition.empty()) {
      bool ready = std::all_of(step->requires_.begin(), step->requires_.end(),
                               [&](const std::string& r) { return done(r); });
      if (ready) {
        add("missing-step", step_id, std::nullopt, nullptr, -1,
            "Next step: " + title_of(step_id) + ".");
        if (auto place = place_for_step(pack, step_id, notes, state)) {
          report.suggestions.back().path = place->path;
          report.suggestions.back().line = place->line;
        }
        if (!report.next_step) report.next_step = step_id;
      }
    }
  }

  // The order folder_report.h promises: step order, then note and line (a suggestion about the
  // step as a whole, with no note, first). Stable, so kinds found on one line keep rule order.
  std::map<std::string, std::size_t> step_rank;
  for (std::size_t i = 0; i < pack.step_ids().size(); ++i)
    step_rank[pack.step_ids()[i]] = i;
  std::stable_sort(report.suggestions.begin(), report.suggestions.end(),
                   [&](const Suggestion& a, const Suggestion& b) {
                     auto key = [&](const Suggestion& s) {
                       auto rank = step_rank.find(s.step);
                       return std::make_tuple(rank == step_rank.end() ? step_rank.size()
                                                                      : rank->second,
                                              s.path.has_value(), s.path.value_or(""), s.line);
                     };
                     return key(a) < key(b);
                   });
  return report;
}

std::vector<Suggestion> suggestions_for(const FolderReport& report, const std::string& path) {
  std::vector<Suggestion> out;
  for (const auto& s : report.suggestions)
    if (s.path && *s.path == path) out.push_back(s);
  return out;
}

} // namespace mend::engine
