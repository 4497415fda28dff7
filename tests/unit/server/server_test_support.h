// What several server tests share: a context with the built-in pack and a fixed today, and an
// open note analysed as an editor would hold it.
#pragma once

#include <memory>
#include <string>

#include "daemon/server/document_store.h"
#include "daemon/server/workspace.h"

namespace mend::test {

inline const engine::Date kToday{2026, 11, 26};

inline const server::Context& server_context() {
  static const auto ctx = server::make_context(server::Config{}, std::nullopt, kToday);
  return *ctx;
}

// An open note at `path` (file:///notes/<path>), analysed, not stale.
inline std::unique_ptr<server::Document> open_note(const std::string& path, const std::string& text,
                                                   int version = 0) {
  auto doc = std::make_unique<server::Document>(text);
  doc->path = path;
  doc->uri = "file:///notes/" + path;
  doc->version = version;
  doc->analysis = server_context().analyzer->analyse(doc->text(), path);
  doc->stale = false;
  return doc;
}

} // namespace mend::test
