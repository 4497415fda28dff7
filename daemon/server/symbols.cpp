// Document symbols (steps → questions) and workspace symbols over the whole folder.
#include "daemon/server/symbols.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <utility>

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

namespace {

// How well a symbol's name or id answers the query, 0 when it does not (matches()); higher is
// better: the whole name or id, then a prefix of it, then a substring, then an id's subsequence.
int match_rank(const std::string& query, const std::string& name, const std::string& id) {
  if (query.empty()) return 1;
  std::string n = lower(name), i = lower(id);
  if (n == query || i == query) return 5;
  if (n.rfind(query, 0) == 0 || i.rfind(query, 0) == 0) return 4;
  if (n.find(query) != std::string::npos || i.find(query) != std::string::npos) return 3;
  return matches(query, name) || matches(query, id) ? 2 : 0;
}

// Calls `fn(path, analysis, open document or nullptr)` for every note, by path: the indexed
// notes with the open documents over them (Workspace::note_refs, without copying every path).
template <typename Fn> void for_each_note(Workspace& workspace, Fn&& fn) {
  std::map<std::string, const Document*> open;
  for (const Document* d : workspace.documents.all())
    open[d->path] = d;
  auto o = open.begin();
  for (const auto& [path, analysis] : workspace.indexed) {
    for (; o != open.end() && o->first < path; ++o)
      fn(o->first, o->second->analysis, o->second);
    if (o != open.end() && o->first == path) {
      fn(o->first, o->second->analysis, o->second);
      ++o;
    } else {
      fn(path, analysis, nullptr);
    }
  }
  for (; o != open.end(); ++o)
    fn(o->first, o->second->analysis, o->second);
}

} // namespace

std::vector<protocol::SymbolInformation> workspace_symbols(Workspace& workspace,
                                                           const std::string& query,
                                                           engine::Encoding encoding,
                                                           std::size_t limit) {
  const Context& ctx = *workspace.context;
  const engine::LanguagePack& primary = ctx.pack.primary();
  engine::TemplateVariables vars{ctx.config.ex_name, ctx.config.pronouns,
                                 engine::format_iso(ctx.today)};
  const std::string q = lower(query);
  // A step's or question's title, and how well it matches, once per language and id (not once
  // per note: 100k notes ask the same few dozen questions).
  struct Title {
    std::string name;
    int rank = 0;
  };
  std::map<std::pair<const engine::LanguagePack*, std::string>, Title> titles;
  auto title = [&](const engine::LanguagePack* lang, const std::string& id,
                   bool step) -> const Title& {
    auto [it, fresh] = titles.try_emplace({lang, (step ? "s:" : "q:") + id});
    if (fresh) {
      if (step) {
        const engine::StepSpec* spec = lang->step(id);
        it->second.name = spec ? engine::render_text(spec->title, *lang, vars) : id;
      } else {
        const engine::QuestionSpec* spec = lang->question(id);
        it->second.name = spec ? engine::render_text(spec->text, *lang, vars) : id;
      }
      it->second.rank = match_rank(q, it->second.name, id);
    }
    return it->second;
  };
  // The best `limit` matches, found in one pass: ranked by match, then in the order of the
  // notes (by path) and of their steps and questions. `seen` counts every match, so a later one
  // of equal rank never displaces an earlier one.
  struct Hit {
    int rank;
    std::size_t order;
    const std::string* path;
    const engine::NoteAnalysis* analysis;
    const Document* doc;
    const Title* title;
    bool step;
    std::size_t index; // in the analysis's steps or questions
  };
  auto better = [](const Hit& a, const Hit& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.order < b.order;
  };
  std::vector<Hit> best; // a heap ordered by `better`: its top is the worst kept
  std::size_t seen = 0;
  auto offer = [&](Hit hit) {
    if (limit == 0) return;
    if (best.size() == limit && hit.rank <= best.front().rank) return; // no better than the worst
    best.push_back(hit);
    std::push_heap(best.begin(), best.end(), better);
    if (best.size() > limit) {
      std::pop_heap(best.begin(), best.end(), better);
      best.pop_back();
    }
  };
  for_each_note(workspace, [&](const std::string& path, const engine::NoteAnalysis& analysis,
                               const Document* doc) {
    const engine::LanguagePack* lang = ctx.pack.language(analysis.language);
    if (!lang) lang = &primary;
    for (std::size_t k = 0; k < analysis.steps.size(); ++k) {
      const Title& t = title(lang, analysis.steps[k].id, true);
      if (t.rank) offer({t.rank, seen++, &path, &analysis, doc, &t, true, k});
    }
    for (std::size_t k = 0; k < analysis.questions.size(); ++k) {
      const Title& t = title(lang, analysis.questions[k].id, false);
      if (t.rank) offer({t.rank, seen++, &path, &analysis, doc, &t, false, k});
    }
  });
  std::sort(best.begin(), best.end(), better);
  std::vector<protocol::SymbolInformation> out;
  out.reserve(best.size());
  for (const Hit& hit : best) {
    std::string uri;
    if (hit.doc) {
      uri = hit.doc->uri;
    } else {
      std::filesystem::path p(*hit.path);
      if (p.is_relative() && ctx.root) p = *ctx.root / p;
      if (!p.is_absolute()) continue;
      uri = protocol::path_to_uri(p.generic_string());
    }
    auto range_of = [&](int line, std::size_t start, std::size_t end) {
      if (hit.doc) {
        NoteContext note{*hit.doc, ctx, workspace.report, encoding};
        return note.range(start, end);
      }
      return protocol::Range{{line, 0}, {line + 1, 0}};
    };
    if (hit.step) {
      const auto& h = hit.analysis->steps[hit.index];
      out.push_back({hit.title->name,
                     protocol::SymbolKind::Namespace,
                     {uri, range_of(h.line, h.start, h.end)},
                     std::nullopt});
    } else {
      const auto& q = hit.analysis->questions[hit.index];
      out.push_back({hit.title->name,
                     protocol::SymbolKind::Field,
                     {uri, range_of(q.line, q.start, q.end)},
                     q.step});
    }
  }
  return out;
}

} // namespace mend::server
