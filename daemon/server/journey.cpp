// Collecting the log's dated entries from the indexed analyses.
#include "daemon/server/journey.h"

#include <algorithm>
#include <tuple>

#include "daemon/engine/dates.h"
#include "daemon/server/note_path.h"

namespace mend::server {

using nlohmann::json;

json journey_log_json(const FolderIndex& index) {
  const engine::LanguagePack& lang = index.pack().primary();
  const engine::StepSpec* log_step = nullptr;
  const engine::QuestionSpec* log_question = nullptr;
  for (const auto& step : lang.steps)
    for (const auto& q : step.questions)
      if (q.log && !log_question) {
        log_step = &step;
        log_question = &q;
      }
  engine::Date today = index.today();
  json out = {{"today", engine::format_iso(today)},
              {"step", log_step ? log_step->id : ""},
              {"question", log_question ? log_question->id : ""},
              {"rhythm_days", log_step ? log_step->log_overdue_days : 7},
              {"last_entry", nullptr},
              {"days_since_last", nullptr}};
  struct Entry {
    engine::Date date;
    std::string path;
    int line;
  };
  std::vector<Entry> entries;
  for (const auto& [path, note] : index.notes()) {
    for (const auto& q : note.analysis.questions) {
      if (!log_question || q.id != log_question->id) continue;
      for (const auto& e : q.log_entries) {
        engine::Date d = e.date;
        // As the log-overdue rule reads it (catalogue.md): a date without a year takes the
        // daily note's year, or this year unless that puts it in the future.
        if (!d.has_year()) {
          const auto& nd = note.analysis.note_date;
          d.year = nd ? nd->year : today.year;
          if (!nd && engine::is_valid_date(d.year, d.month, d.day) &&
              engine::days_since_epoch(d) > engine::days_since_epoch(today))
            d.year -= 1;
        }
        if (!engine::is_valid_date(d.year, d.month, d.day)) continue;
        entries.push_back({d, path, e.line});
      }
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::make_tuple(engine::days_since_epoch(a.date), a.path, a.line) <
           std::make_tuple(engine::days_since_epoch(b.date), b.path, b.line);
  });
  json list = json::array();
  for (const auto& e : entries) {
    json item = {{"date", engine::format_iso(e.date)}, {"line", e.line + 1}};
    put_path(item, "path", e.path);
    list.push_back(std::move(item));
  }
  if (!entries.empty()) {
    out["last_entry"] = engine::format_iso(entries.back().date);
    out["days_since_last"] =
        engine::days_since_epoch(today) - engine::days_since_epoch(entries.back().date);
  }
  out["entries"] = std::move(list);
  return out;
}

} // namespace mend::server
