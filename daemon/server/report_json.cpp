// Engine values to the public report JSON.
#include "daemon/server/report_json.h"

#include <cmath>

#include "daemon/server/explain.h"
#include "daemon/server/note_path.h"

namespace mend::server {

using nlohmann::json;

json suggestion_json(const engine::Suggestion& s, bool with_path) {
  json j = {{"kind", s.kind}, {"step", s.step}};
  j["question"] = s.question ? json(*s.question) : json(nullptr);
  if (with_path) {
    if (s.path)
      put_path(j, "path", *s.path);
    else
      j["path"] = nullptr;
  }
  j["line"] = s.line >= 0 ? json(s.line + 1) : json(nullptr);
  j["message"] = s.message;
  return j;
}

std::string dump_compact(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string dump_with_array(json object, const std::string& key,
                            const std::function<void(std::string&)>& write_items,
                            std::size_t reserve) {
  // A placeholder where the array goes: nlohmann::json sorts an object's keys, so it sits where
  // the array would, and the text `"key":"<placeholder>"` can only be that key and its value
  // (inside a string, quotes and control characters are escaped).
  const json placeholder = "\x01" + key + "\x01";
  object[key] = placeholder;
  const std::string head = dump_compact(object), value = dump_compact(placeholder);
  const std::string named = dump_compact(json(key)) + ":";
  const std::size_t at = head.find(named + value) + named.size();
  std::string text;
  text.reserve(std::max(reserve, head.size()));
  text.append(head, 0, at);
  text += '[';
  write_items(text);
  text += ']';
  text.append(head, at + value.size());
  return text;
}

json note_json(const engine::Pack& pack, const std::string& path, const engine::NoteAnalysis& note,
               const engine::FolderReport& report, bool line_level) {
  json questions = json::array();
  for (const auto& q : note.questions) {
    questions.push_back({{"id", q.id},
                         {"step", q.step},
                         {"line", q.line + 1},
                         {"answered", q.answered},
                         {"matched_by", evidence_id(q.evidence)},
                         {"form", form_id(form_of(q))},
                         {"score", std::round(q.score * 100) / 100},
                         {"section", q.section.empty() ? json(nullptr) : json(q.section)}});
  }
  json steps = json::array();
  for (const auto& s : engine::note_steps(pack, note))
    steps.push_back({{"id", s.id}, {"answered", s.answered}, {"total", s.total}});
  json suggestions = json::array();
  for (const auto& s : engine::suggestions_for(report, path))
    suggestions.push_back(suggestion_json(s, false));
  json j = {{"questions", questions}, {"steps", steps}, {"suggestions", suggestions}};
  put_path(j, "path", path);
  if (line_level) j["line_level"] = true;
  j["language"] = note.language;
  if (note.note_date) j["date"] = engine::format_iso(*note.note_date);
  return j;
}

json summary_json(const engine::FolderReport& report) {
  json steps = json::array();
  for (const auto& s : report.steps)
    steps.push_back({{"id", s.id},
                     {"answered", s.answered},
                     {"total", s.total},
                     {"started", s.started},
                     {"done", s.done}});
  json suggestions = json::array();
  for (const auto& s : report.suggestions)
    suggestions.push_back(suggestion_json(s, true));
  json j = {{"notes", report.notes},
            {"questions", report.questions},
            {"answered", report.answered},
            {"steps", steps},
            {"suggestions", suggestions}};
  j["next_step"] = report.next_step ? json(*report.next_step) : json(nullptr);
  return j;
}

json templates_json(const engine::Pack& pack, const engine::TemplateVariables& vars) {
  json out = json::array();
  for (const auto& lang : pack.languages()) {
    for (const auto& step : lang.steps) {
      json questions = json::array();
      for (const auto& q : step.questions)
        questions.push_back({{"id", q.id}, {"text", engine::render_text(q.text, lang, vars)}});
      out.push_back({{"id", step.id},
                     {"language", lang.language},
                     {"order", step.order},
                     {"title", engine::render_text(step.title, lang, vars)},
                     {"requires", step.requires_},
                     {"questions", questions},
                     {"source", step.source}});
    }
  }
  return out;
}

} // namespace mend::server
