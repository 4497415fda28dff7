// Open documents and the application of didChange events.
#include "daemon/server/document_store.h"

#include <utility>

namespace mend::server {

Document& DocumentStore::open(const std::string& uri, std::string path, std::int64_t version,
                              std::string text) {
  auto doc = std::make_unique<Document>(std::move(text));
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
      doc.markdown.replace_all(change.text);
    } else {
      std::size_t start =
          doc.lines.offset_of({change.range->start.line, change.range->start.character}, encoding);
      std::size_t end =
          doc.lines.offset_of({change.range->end.line, change.range->end.character}, encoding);
      if (end < start) std::swap(start, end);
      doc.markdown.edit(start, end, change.text);
    }
    doc.lines = engine::LineIndex(doc.markdown.text());
  }
  doc.version = version;
  doc.stale = true;
}

} // namespace mend::server
