// Building the page's view of one note from its bytes.
#include "daemon/server/note_view.h"

#include <map>
#include <set>
#include <vector>

#include "daemon/engine/render.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/markdown_html.h"
#include "daemon/server/note_path.h"

namespace mend::server {

namespace {

using nlohmann::json;

// The engine's own bar for "this quote is the template's guidance" (note_analysis.cpp).
constexpr double kGuidanceSimilarity = 0.75;

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

const char* form_name(engine::QuestionForm form) {
  switch (form) {
  case engine::QuestionForm::Heading:
    return "heading";
  case engine::QuestionForm::Bold:
    return "bold";
  case engine::QuestionForm::ListItem:
    return "list-item";
  case engine::QuestionForm::Line:
    return "line";
  case engine::QuestionForm::QA:
    return "qa";
  case engine::QuestionForm::Marker:
    return "marker";
  }
  return "line";
}

bool is_comment_line(std::string_view line) {
  line = trim_view(line);
  return line.starts_with("<!--") && line.ends_with("-->");
}

} // namespace

std::string answer_markdown(const engine::Analyzer& analyzer, std::string_view text,
                            const engine::QuestionOccurrence& q) {
  std::size_t from = std::min(q.answer_start, text.size());
  std::size_t to = std::min(std::max(q.answer_end, from), text.size());
  std::string_view region = text.substr(from, to - from);
  std::set<std::string> placeholders;
  for (const auto& lang : analyzer.pack().languages())
    placeholders.insert(lang.placeholder);
  // Lines, split on "\n" ("\r" trimmed), grouped into paragraphs at blank lines.
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= region.size();) {
    std::size_t nl = region.find('\n', start);
    std::string_view line =
        region.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // mend's markers sit right under the question, in the guidance's paragraph, and its
    // placeholder ("_your answer_") is no word of the person's: both dropped first.
    if (!is_comment_line(line) && !placeholders.count(std::string(trim_view(line))))
      lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  std::vector<std::string> guidance;
  for (const auto& lang : analyzer.pack().languages())
    if (const engine::QuestionSpec* spec = lang.question(q.id); spec && !spec->guidance.empty())
      guidance.push_back(spec->guidance);
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < lines.size();) {
    if (trim_view(lines[i]).empty()) {
      kept.push_back(lines[i]);
      ++i;
      continue;
    }
    std::size_t j = i;
    bool all_quoted = true;
    std::string unquoted;
    for (; j < lines.size() && !trim_view(lines[j]).empty(); ++j) {
      std::string_view t = trim_view(lines[j]);
      all_quoted = all_quoted && t.starts_with(">");
      if (t.starts_with(">")) t.remove_prefix(1);
      unquoted += std::string(trim_view(t)) + " ";
    }
    bool is_guidance = false;
    if (all_quoted && unquoted.size() < 2000)
      for (const auto& g : guidance)
        if (analyzer.matcher().similarity(unquoted, g) >= kGuidanceSimilarity) is_guidance = true;
    if (!is_guidance)
      for (std::size_t k = i; k < j; ++k)
        kept.push_back(lines[k]);
    i = j;
  }
  // Indentation common to the lines after the first (a list item's continuation) is dropped,
  // so it does not read as a code block on its own.
  std::size_t common = std::string::npos;
  for (std::size_t k = 1; k < kept.size(); ++k) {
    if (trim_view(kept[k]).empty()) continue;
    std::size_t n = kept[k].find_first_not_of(' ');
    common = std::min(common, n);
  }
  if (common == std::string::npos) common = 0;
  std::string out;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    std::string_view line = kept[k];
    if (k > 0)
      line.remove_prefix(std::min(common, line.size()));
    else
      line = trim_view(line);
    out.append(line).push_back('\n');
  }
  std::size_t first = out.find_first_not_of(" \t\n");
  if (first == std::string::npos) return std::string();
  std::size_t last = out.find_last_not_of(" \t\n");
  return out.substr(first, last - first + 1) + "\n";
}

json note_view_json(const FolderIndex& index, const std::string& path, std::string_view text) {
  const engine::Analyzer& analyzer = index.analyzer();
  engine::NoteAnalysis analysis = analyzer.analyse(text, path);
  const engine::Pack& pack = index.pack();
  const engine::LanguagePack* lang = pack.language(analysis.language);
  if (!lang) lang = &pack.primary();
  engine::TemplateVariables vars;
  vars.name = index.config().ex_name;
  vars.pronouns = index.config().pronouns;
  vars.date = engine::format_iso(index.today());

  json out = json::object();
  put_path(out, "path", path);
  out["hash"] = content_hash(text);
  out["language"] = analysis.language;

  // Steps in the article's order: those the note names or holds a question of.
  std::set<std::string> present;
  std::map<std::string, int> heading_line;
  for (const auto& s : analysis.steps) {
    present.insert(s.id);
    heading_line.emplace(s.id, s.line + 1);
  }
  for (const auto& q : analysis.questions)
    present.insert(q.step);
  json steps = json::array();
  for (const auto& step : lang->steps) {
    if (!present.count(step.id)) continue;
    json s = {{"id", step.id},
              {"order", step.order},
              {"title", engine::render_text(step.title, *lang, vars)},
              {"intro_html", markdown_to_html(engine::render_text(step.intro, *lang, vars))}};
    if (auto it = heading_line.find(step.id); it != heading_line.end()) s["line"] = it->second;
    steps.push_back(std::move(s));
  }
  out["steps"] = std::move(steps);

  json questions = json::array();
  for (const auto& q : analysis.questions) {
    const engine::QuestionSpec* spec = lang->question(q.id);
    if (!spec) spec = pack.question(q.id, analysis.language);
    std::string md = answer_markdown(analyzer, text, q);
    json item = {{"id", q.id},
                 {"step", q.step},
                 {"line", q.line + 1},
                 {"form", form_name(q.form)},
                 {"text", std::string(trim_view(text.substr(q.start, q.end - q.start)))},
                 {"asked", spec ? engine::render_text(spec->text, *lang, vars) : q.id},
                 {"guidance", spec ? engine::render_text(spec->guidance, *lang, vars) : ""},
                 {"answered", q.answered},
                 {"nil", q.nil},
                 {"answer_markdown", md},
                 {"answer_html", markdown_to_html(md)}};
    questions.push_back(std::move(item));
  }
  out["questions"] = std::move(questions);
  return out;
}

} // namespace mend::server
