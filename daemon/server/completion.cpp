// Completion of steps ("/" at the start of a line) and of a section's missing questions ("#").
#include "daemon/server/completion.h"

#include "daemon/engine/render.h"
#include "daemon/server/template_insert.h"

namespace mend::server {

namespace {

std::string with_eol(std::string text, std::string_view eol) {
  if (eol != "\r\n") return text;
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\r\n";
    else
      out += c;
  }
  return out;
}

} // namespace

protocol::CompletionList completion(const NoteContext& note, const protocol::Position& position,
                                    bool snippets) {
  protocol::CompletionList list;
  const std::string& text = note.doc.text();
  std::size_t cursor = note.offset(position);
  std::size_t line = note.doc.lines.line_of(cursor);
  std::size_t start = note.doc.lines.line_start(line), end = note.doc.lines.line_end(line);
  std::string_view prefix = std::string_view(text).substr(start, cursor - start);
  std::string_view eol = line_ending_of(text);
  protocol::Range replace = note.range(start, end);
  const auto format =
      snippets ? protocol::InsertTextFormat::Snippet : protocol::InsertTextFormat::PlainText;

  if (!prefix.empty() && prefix[0] == '/') {
    int order = 0;
    for (const auto& step : note.lang().steps) {
      protocol::CompletionItem item;
      item.label = "/" + step.id;
      item.kind = protocol::CompletionItemKind::Snippet;
      std::string detail = engine::render_text(step.title, note.lang(), note.vars());
      if (const engine::StepProgress* p = note.progress(step.id))
        detail +=
            " (" + std::to_string(p->answered) + "/" + std::to_string(p->total) + " answered)";
      item.detail = detail;
      item.filterText = "/" + step.id;
      item.sortText = std::to_string(10 + order++);
      item.insertTextFormat = format;
      item.insertTextMode = protocol::InsertTextMode::AsIs;
      item.textEdit =
          protocol::TextEdit{replace, with_eol(engine::render_step(step, note.lang(), note.vars(),
                                                                   note.render_options(snippets)),
                                               eol)};
      list.items.push_back(std::move(item));
    }
    return list;
  }

  std::size_t hashes = 0;
  while (hashes < prefix.size() && prefix[hashes] == '#')
    ++hashes;
  if (hashes == 0 || hashes > 6) return list;
  const engine::StepHeading* section = note.step_at(cursor);
  if (!section) return list;
  const engine::StepSpec* step = note.lang().step(section->id);
  if (!step) return list;
  int order = 0;
  for (const auto& id : note.missing_questions(section->id)) {
    const engine::QuestionSpec* q = note.lang().question(id);
    if (!q) continue;
    engine::RenderOptions options = note.render_options(snippets);
    options.step_heading = false;
    options.heading_level = static_cast<int>(hashes) - 1; // questions are one level deeper
    std::string body = engine::render_step(*step, note.lang(), note.vars(), options, {id});
    if (hashes == 1) body = body.substr(1); // render_step's levels start at 2: keep the typed one
    protocol::CompletionItem item;
    item.label = engine::render_text(q->text, note.lang(), note.vars());
    item.kind = protocol::CompletionItemKind::Field;
    item.detail = id;
    item.filterText = std::string(hashes, '#') + " " + item.label;
    item.sortText = std::to_string(10 + order++);
    item.insertTextFormat = format;
    item.insertTextMode = protocol::InsertTextMode::AsIs;
    item.textEdit = protocol::TextEdit{replace, with_eol(body, eol)};
    list.items.push_back(std::move(item));
  }
  return list;
}

} // namespace mend::server
