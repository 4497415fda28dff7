// Open documents and the application of didChange events.
#include "daemon/server/document_store.h"

#include <utility>

#include "daemon/server/parallel.h"

namespace mend::server {

namespace {

// The note parsed whole; a long one in parts at once, one per thread (MarkdownDocument::Parsed).
engine::MarkdownDocument parse_document(std::string text, unsigned threads) {
  using engine::MarkdownDocument;
  if (threads < 2 || text.size() < DocumentStore::kOpenInPartsBytes || text.size() > kMaxNoteBytes)
    return MarkdownDocument(std::move(text), kMaxNoteBytes);
  std::vector<std::size_t> cuts = MarkdownDocument::open_cuts(text, threads);
  std::vector<MarkdownDocument::Parsed> parts(cuts.size() - 1);
  parallel_for(parts.size(), threads, [&](std::size_t k) {
    parts[k] = MarkdownDocument::parse_apart(text, cuts[k], cuts[k + 1]);
  });
  return MarkdownDocument(std::move(text), std::move(parts), kMaxNoteBytes);
}

} // namespace

Document::Document(std::string text, unsigned parse_threads, bool defer_parse)
    : parse_threads_(parse_threads) {
  if (defer_parse && text.size() >= DocumentStore::kOpenInPartsBytes &&
      text.size() <= kMaxNoteBytes)
    unparsed_ = std::move(text);
  else
    markdown_.emplace(parse_document(std::move(text), parse_threads));
  lines = engine::LineIndex(this->text());
}

void Document::parse() const {
  if (markdown_) return;
  markdown_.emplace(parse_document(std::move(unparsed_), parse_threads_));
  unparsed_.clear();
  lines = engine::LineIndex(markdown_->text()); // the text moved: its index must follow
}

engine::MarkdownDocument& Document::markdown() {
  parse();
  return *markdown_;
}

const engine::MarkdownDocument& Document::markdown() const {
  parse();
  return *markdown_;
}

Document& DocumentStore::open(const std::string& uri, std::string path, std::int64_t version,
                              std::string text, bool defer_parse) {
  auto doc = std::make_unique<Document>(std::move(text), open_threads, defer_parse);
  doc->uri = uri;
  doc->path = std::move(path);
  doc->version = version;
  Document& ref = *doc;
  docs_[uri] = std::move(doc);
  return ref;
}

bool DocumentStore::close(const std::string& uri) {
  return docs_.erase(uri) > 0;
}

Document* DocumentStore::find(const std::string& uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : it->second.get();
}

const Document* DocumentStore::find(const std::string& uri) const {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : it->second.get();
}

std::vector<Document*> DocumentStore::all() {
  std::vector<Document*> out;
  for (auto& [uri, doc] : docs_)
    out.push_back(doc.get());
  return out;
}

void DocumentStore::apply(Document& doc, std::int64_t version,
                          const std::vector<protocol::TextDocumentContentChangeEvent>& changes,
                          engine::Encoding encoding) {
  for (const auto& change : changes) {
    if (!change.range) {
      doc.markdown().replace_all(change.text);
    } else {
      std::size_t start =
          doc.lines.offset_of({change.range->start.line, change.range->start.character}, encoding);
      std::size_t end =
          doc.lines.offset_of({change.range->end.line, change.range->end.character}, encoding);
      if (end < start) std::swap(start, end);
      doc.markdown().edit(start, end, change.text);
    }
    doc.lines = engine::LineIndex(doc.markdown().text());
  }
  doc.version = version;
  doc.stale = true;
  doc.as_opened = false;
}

} // namespace mend::server
