// LSP 3.17 document synchronisation: open/change/save/close, watched files, diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/lsp_basic.h"

namespace mend::protocol {

/// With a range: replace that range (incremental sync). Without: the whole new text.
struct TextDocumentContentChangeEvent {
  std::optional<Range> range;
  std::string text;
  bool operator==(const TextDocumentContentChangeEvent&) const = default;
};
void to_json(json& j, const TextDocumentContentChangeEvent& v);
void from_json(const json& j, TextDocumentContentChangeEvent& v);

struct DidOpenTextDocumentParams {
  TextDocumentItem textDocument;
  bool operator==(const DidOpenTextDocumentParams&) const = default;
};
void to_json(json& j, const DidOpenTextDocumentParams& v);
void from_json(const json& j, DidOpenTextDocumentParams& v);

/// Changes apply in order, each to the text the previous one produced.
struct DidChangeTextDocumentParams {
  VersionedTextDocumentIdentifier textDocument;
  std::vector<TextDocumentContentChangeEvent> contentChanges;
  bool operator==(const DidChangeTextDocumentParams&) const = default;
};
void to_json(json& j, const DidChangeTextDocumentParams& v);
void from_json(const json& j, DidChangeTextDocumentParams& v);

struct DidCloseTextDocumentParams {
  TextDocumentIdentifier textDocument;
  bool operator==(const DidCloseTextDocumentParams&) const = default;
};
void to_json(json& j, const DidCloseTextDocumentParams& v);
void from_json(const json& j, DidCloseTextDocumentParams& v);

struct DidSaveTextDocumentParams {
  TextDocumentIdentifier textDocument;
  std::optional<std::string> text; // only if the server asked for includeText
  bool operator==(const DidSaveTextDocumentParams&) const = default;
};
void to_json(json& j, const DidSaveTextDocumentParams& v);
void from_json(const json& j, DidSaveTextDocumentParams& v);

struct PublishDiagnosticsParams {
  std::string uri;
  std::optional<std::int64_t> version; // the document version the diagnostics were computed for
  std::vector<Diagnostic> diagnostics; // empty clears the document's diagnostics
  bool operator==(const PublishDiagnosticsParams&) const = default;
};
void to_json(json& j, const PublishDiagnosticsParams& v);
void from_json(const json& j, PublishDiagnosticsParams& v);

enum class FileChangeType : int { Created = 1, Changed = 2, Deleted = 3 };

struct FileEvent {
  std::string uri;
  FileChangeType type = FileChangeType::Changed;
  bool operator==(const FileEvent&) const = default;
};
void to_json(json& j, const FileEvent& v);
void from_json(const json& j, FileEvent& v);

struct DidChangeWatchedFilesParams {
  std::vector<FileEvent> changes;
  bool operator==(const DidChangeWatchedFilesParams&) const = default;
};
void to_json(json& j, const DidChangeWatchedFilesParams& v);
void from_json(const json& j, DidChangeWatchedFilesParams& v);

} // namespace mend::protocol
