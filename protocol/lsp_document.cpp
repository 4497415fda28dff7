// LSP document synchronisation: JSON conversions.
#include "protocol/lsp_document.h"

#include "protocol/json_read.h"

namespace mend::protocol {

void to_json(json& j, const TextDocumentContentChangeEvent& v) {
  j = {{"text", v.text}};
  write_optional(j, "range", v.range);
}
void from_json(const json& j, TextDocumentContentChangeEvent& v) {
  expect_object(j);
  read_optional(j, "range", v.range);
  read_field(j, "text", v.text);
}

void to_json(json& j, const DidOpenTextDocumentParams& v) {
  j = {{"textDocument", v.textDocument}};
}
void from_json(const json& j, DidOpenTextDocumentParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
}

void to_json(json& j, const DidChangeTextDocumentParams& v) {
  j = {{"textDocument", v.textDocument}, {"contentChanges", v.contentChanges}};
}
void from_json(const json& j, DidChangeTextDocumentParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "contentChanges", v.contentChanges);
}

void to_json(json& j, const DidCloseTextDocumentParams& v) {
  j = {{"textDocument", v.textDocument}};
}
void from_json(const json& j, DidCloseTextDocumentParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
}

void to_json(json& j, const DidSaveTextDocumentParams& v) {
  j = {{"textDocument", v.textDocument}};
  write_optional(j, "text", v.text);
}
void from_json(const json& j, DidSaveTextDocumentParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_optional(j, "text", v.text);
}

void to_json(json& j, const PublishDiagnosticsParams& v) {
  j = {{"uri", v.uri}, {"diagnostics", v.diagnostics}};
  write_optional(j, "version", v.version);
}
void from_json(const json& j, PublishDiagnosticsParams& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_optional(j, "version", v.version);
  read_field(j, "diagnostics", v.diagnostics);
}

void to_json(json& j, const FileEvent& v) {
  j = {{"uri", v.uri}, {"type", v.type}};
}
void from_json(const json& j, FileEvent& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_field(j, "type", v.type);
}

void to_json(json& j, const DidChangeWatchedFilesParams& v) {
  j = {{"changes", v.changes}};
}
void from_json(const json& j, DidChangeWatchedFilesParams& v) {
  expect_object(j);
  read_field(j, "changes", v.changes);
}

} // namespace mend::protocol
