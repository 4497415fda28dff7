// Document symbols (steps → questions) and workspace symbols over the whole folder.
#include "daemon/server/symbols.h"

#include <algorithm>
#include <cctype>

#include "daemon/engine/render.h"
#include "protocol/uri.h"

namespace mend::server {

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Every character of `query` in order in `text`, case-insensitively ("fuzzy-ish").
bool matches(const std::string& query, const std::string& text) {
  if (query.empty()) return true;
  std::string q = lower(query), t = lower(text);
  if (t.find(q) != std::string::npos) return true;
  if (t.find(' ') != std::string::npos) return false; // prose: substrings only; ids: subsequences
  std::size_t i = 0;
  for (char c : t)
    if (i < q.size() && c == q[i]) ++i;
  return i == q.size();
}

protocol::Range cover(protocol::Range a, const protocol::Range& b) {
  if (b.start < a.start) a.start = b.start;
  if (a.end < b.end) a.end = b.end;
  return a;
}

} // namespace

std::vector<protocol::DocumentSymbol> document_symbols(const NoteContext& note) {
  std::vector<protocol::DocumentSymbol> out;
  const auto& a = note.doc.analysis;
  const std::string& text = note.doc.text();
  std::vector<bool> placed(a.questions.size(), false);
  auto question_symbol = [&](const engine::QuestionOccurrence& q) {
    protocol::DocumentSymbol s;
    s.name = text.substr(q.start, q.end - q.start);
    if (s.name.empty()) s.name = q.id;
    s.detail = q.answered ? "answered" : "unanswered";
    s.kind = protocol::SymbolKind::Field;
    s.selectionRange = note.range(q.start, q.end);
    s.range = cover(note.range(q.start, std::max(q.end, q.answer_end)), s.selectionRange);
    return s;
  };
  for (const auto& h : a.steps) {
    protocol::DocumentSymbol step;
    step.name = note.step_title(h.id);
    step.kind = protocol::SymbolKind::Namespace;
    step.selectionRange = note.range(h.start, h.end);
    step.range = cover(note.range(h.start, std::max(h.end, h.section_end)), step.selectionRange);
    int answered = 0, total = 0;
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
      const auto& q = a.questions[i];
      if (placed[i] || q.step != h.id || q.start < h.start ||
          q.start >= std::max(h.end, h.section_end))
        continue;
      placed[i] = true;
      auto child = question_symbol(q);
      step.range = cover(step.range, child.range);
      step.children.push_back(std::move(child));
      ++total;
      answered += q.answered ? 1 : 0;
    }
    step.detail = std::to_string(answered) + "/" + std::to_string(total) + " answered";
    out.push_back(std::move(step));
  }
  // Questions outside their step's heading: grouped under a synthetic parent per step.
  std::vector<std::string> order;
  for (std::size_t i = 0; i < a.questions.size(); ++i)
    if (!placed[i] && std::find(order.begin(), order.end(), a.questions[i].step) == order.end())
      order.push_back(a.questions[i].step);
  for (const auto& step_id : order) {
    protocol::DocumentSymbol step;
    step.name = note.step_title(step_id);
    step.kind = protocol::SymbolKind::Namespace;
    int answered = 0, total = 0;
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
      if (placed[i] || a.questions[i].step != step_id) continue;
      auto child = question_symbol(a.questions[i]);
      if (step.children.empty()) {
        step.selectionRange = child.selectionRange;
        step.range = child.range;
      }
      step.range = cover(step.range, child.range);
      step.children.push_back(std::move(child));
      ++total;
      answered += a.questions[i].answered ? 1 : 0;
    }
    step.detail = std::to_string(answered) + "/" + std::to_string(total) + " answered";
    out.push_back(std::move(step));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& x, const auto& y) { return x.range.start < y.range.start; });
  return out;
}

std::vector<protocol::SymbolInformation>
flatten_symbols(const std::vector<protocol::DocumentSymbol>& tree, const std::string& uri) {
  std::vector<protocol::SymbolInformation> out;
  auto add = [&](const protocol::DocumentSymbol& s, const std::optional<std::string>& container,
                 auto& self) -> void {
    out.push_back({s.name, s.kind, {uri, s.range}, container});
    for (const auto& child : s.children)
      self(child, s.name, self);
  };
  for (const auto& s : tree)
    add(s, std::nullopt, add);
  return out;
}

std::vector<protocol::SymbolInformation>
workspace_symbols(Workspace& workspace, const std::string& query, engine::Encoding encoding) {
  std::vector<protocol::SymbolInformation> out;
  const Context& ctx = *workspace.context;
  const engine::LanguagePack& primary = ctx.pack.primary();
  engine::TemplateVariables vars{ctx.config.ex_name, ctx.config.pronouns,
                                 engine::format_iso(ctx.today)};
  std::map<std::string, const Document*> open;
  for (const Document* d : workspace.documents.all())
    open[d->path] = d;
  for (const auto& ref : workspace.note_refs()) {
    auto it = open.find(ref.path);
    const Document* doc = it == open.end() ? nullptr : it->second;
    std::string uri;
    if (doc) {
      uri = doc->uri;
    } else {
      std::filesystem::path p(ref.path);
      if (p.is_relative() && ctx.root) p = *ctx.root / p;
      if (!p.is_absolute()) continue;
      uri = protocol::path_to_uri(p.generic_string());
    }
    const engine::LanguagePack* lang = ctx.pack.language(ref.analysis->language);
    if (!lang) lang = &primary;
    auto range_of = [&](int line, std::size_t start, std::size_t end) {
      if (doc) {
        NoteContext note{*doc, ctx, workspace.report, encoding};
        return note.range(start, end);
      }
      return protocol::Range{{line, 0}, {line + 1, 0}};
    };
    for (const auto& h : ref.analysis->steps) {
      const engine::StepSpec* step = lang->step(h.id);
      std::string name = step ? engine::render_text(step->title, *lang, vars) : h.id;
      if (!matches(query, name) && !matches(query, h.id)) continue;
      out.push_back({name,
                     protocol::SymbolKind::Namespace,
                     {uri, range_of(h.line, h.start, h.end)},
                     std::nullopt});
    }
    for (const auto& q : ref.analysis->questions) {
      const engine::QuestionSpec* spec = lang->question(q.id);
      std::string name = spec ? engine::render_text(spec->text, *lang, vars) : q.id;
      if (!matches(query, name) && !matches(query, q.id)) continue;
      out.push_back(
          {name, protocol::SymbolKind::Field, {uri, range_of(q.line, q.start, q.end)}, q.step});
    }
  }
  return out;
}

} // namespace mend::server
