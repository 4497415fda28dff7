// LSP language features: JSON conversions.
#include "protocol/lsp_features.h"

#include "protocol/json_read.h"

namespace mend::protocol {

void to_json(json& j, const CodeActionContext& v) {
  j = {{"diagnostics", v.diagnostics}};
  write_optional(j, "only", v.only);
  write_optional(j, "triggerKind", v.triggerKind);
}
void from_json(const json& j, CodeActionContext& v) {
  expect_object(j);
  read_field(j, "diagnostics", v.diagnostics);
  read_optional(j, "only", v.only);
  read_optional(j, "triggerKind", v.triggerKind);
}

void to_json(json& j, const CodeActionParams& v) {
  j = {{"textDocument", v.textDocument}, {"range", v.range}, {"context", v.context}};
}
void from_json(const json& j, CodeActionParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "range", v.range);
  read_field(j, "context", v.context);
}

void to_json(json& j, const CodeAction& v) {
  j = {{"title", v.title}};
  write_optional(j, "kind", v.kind);
  write_optional(j, "diagnostics", v.diagnostics);
  write_optional(j, "edit", v.edit);
  write_optional(j, "command", v.command);
  write_optional(j, "isPreferred", v.isPreferred);
  write_optional(j, "data", v.data);
}
void from_json(const json& j, CodeAction& v) {
  expect_object(j);
  read_field(j, "title", v.title);
  read_optional(j, "kind", v.kind);
  read_optional(j, "diagnostics", v.diagnostics);
  read_optional(j, "edit", v.edit);
  read_optional(j, "command", v.command);
  read_optional(j, "isPreferred", v.isPreferred);
  read_optional(j, "data", v.data);
}

void to_json(json& j, const CompletionItem& v) {
  j = {{"label", v.label}};
  write_optional(j, "kind", v.kind);
  write_optional(j, "detail", v.detail);
  write_optional(j, "documentation", v.documentation);
  write_optional(j, "insertText", v.insertText);
  write_optional(j, "insertTextFormat", v.insertTextFormat);
  write_optional(j, "insertTextMode", v.insertTextMode);
  write_optional(j, "textEdit", v.textEdit);
  write_optional(j, "filterText", v.filterText);
  write_optional(j, "sortText", v.sortText);
  write_optional(j, "data", v.data);
}
void from_json(const json& j, CompletionItem& v) {
  expect_object(j);
  read_field(j, "label", v.label);
  read_optional(j, "kind", v.kind);
  read_optional(j, "detail", v.detail);
  read_optional(j, "documentation", v.documentation);
  read_optional(j, "insertText", v.insertText);
  read_optional(j, "insertTextFormat", v.insertTextFormat);
  read_optional(j, "insertTextMode", v.insertTextMode);
  read_optional(j, "textEdit", v.textEdit);
  read_optional(j, "filterText", v.filterText);
  read_optional(j, "sortText", v.sortText);
  read_optional(j, "data", v.data);
}

void to_json(json& j, const CompletionList& v) {
  j = {{"isIncomplete", v.isIncomplete}, {"items", v.items}};
}
void from_json(const json& j, CompletionList& v) {
  expect_object(j);
  read_field(j, "isIncomplete", v.isIncomplete);
  read_field(j, "items", v.items);
}

void to_json(json& j, const CompletionContext& v) {
  j = {{"triggerKind", v.triggerKind}};
  write_optional(j, "triggerCharacter", v.triggerCharacter);
}
void from_json(const json& j, CompletionContext& v) {
  expect_object(j);
  read_field(j, "triggerKind", v.triggerKind);
  read_optional(j, "triggerCharacter", v.triggerCharacter);
}

void to_json(json& j, const CompletionParams& v) {
  j = {{"textDocument", v.textDocument}, {"position", v.position}};
  write_optional(j, "context", v.context);
}
void from_json(const json& j, CompletionParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "position", v.position);
  read_optional(j, "context", v.context);
}

void to_json(json& j, const Hover& v) {
  j = {{"contents", v.contents}};
  write_optional(j, "range", v.range);
}
void from_json(const json& j, Hover& v) {
  expect_object(j);
  read_field(j, "contents", v.contents);
  read_optional(j, "range", v.range);
}

void to_json(json& j, const CodeLensParams& v) {
  j = {{"textDocument", v.textDocument}};
}
void from_json(const json& j, CodeLensParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
}

void to_json(json& j, const CodeLens& v) {
  j = {{"range", v.range}};
  write_optional(j, "command", v.command);
  write_optional(j, "data", v.data);
}
void from_json(const json& j, CodeLens& v) {
  expect_object(j);
  read_field(j, "range", v.range);
  read_optional(j, "command", v.command);
  read_optional(j, "data", v.data);
}

void to_json(json& j, const InlayHintParams& v) {
  j = {{"textDocument", v.textDocument}, {"range", v.range}};
}
void from_json(const json& j, InlayHintParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "range", v.range);
}

void to_json(json& j, const InlayHint& v) {
  j = {{"position", v.position}, {"label", v.label}};
  write_optional(j, "kind", v.kind);
  write_optional(j, "paddingLeft", v.paddingLeft);
  write_optional(j, "paddingRight", v.paddingRight);
}
void from_json(const json& j, InlayHint& v) {
  expect_object(j);
  read_field(j, "position", v.position);
  read_field(j, "label", v.label);
  read_optional(j, "kind", v.kind);
  read_optional(j, "paddingLeft", v.paddingLeft);
  read_optional(j, "paddingRight", v.paddingRight);
}

void to_json(json& j, const DocumentSymbolParams& v) {
  j = {{"textDocument", v.textDocument}};
}
void from_json(const json& j, DocumentSymbolParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
}

void to_json(json& j, const DocumentSymbol& v) {
  j = {
      {"name", v.name}, {"kind", v.kind}, {"range", v.range}, {"selectionRange", v.selectionRange}};
  write_optional(j, "detail", v.detail);
  if (!v.children.empty()) j["children"] = v.children;
}
void from_json(const json& j, DocumentSymbol& v) {
  expect_object(j);
  read_field(j, "name", v.name);
  read_optional(j, "detail", v.detail);
  read_field(j, "kind", v.kind);
  read_field(j, "range", v.range);
  read_field(j, "selectionRange", v.selectionRange);
  std::optional<std::vector<DocumentSymbol>> children;
  read_optional(j, "children", children);
  v.children = children ? std::move(*children) : std::vector<DocumentSymbol>{};
}

void to_json(json& j, const SymbolInformation& v) {
  j = {{"name", v.name}, {"kind", v.kind}, {"location", v.location}};
  write_optional(j, "containerName", v.containerName);
}
void from_json(const json& j, SymbolInformation& v) {
  expect_object(j);
  read_field(j, "name", v.name);
  read_field(j, "kind", v.kind);
  read_field(j, "location", v.location);
  read_optional(j, "containerName", v.containerName);
}

void to_json(json& j, const WorkspaceSymbolParams& v) {
  j = {{"query", v.query}};
}
void from_json(const json& j, WorkspaceSymbolParams& v) {
  expect_object(j);
  read_field(j, "query", v.query);
}

void to_json(json& j, const ExecuteCommandParams& v) {
  j = {{"command", v.command}};
  write_optional(j, "arguments", v.arguments);
}
void from_json(const json& j, ExecuteCommandParams& v) {
  expect_object(j);
  read_field(j, "command", v.command);
  read_optional(j, "arguments", v.arguments);
}

void to_json(json& j, const ApplyWorkspaceEditParams& v) {
  j = {{"edit", v.edit}};
  write_optional(j, "label", v.label);
}
void from_json(const json& j, ApplyWorkspaceEditParams& v) {
  expect_object(j);
  read_optional(j, "label", v.label);
  read_field(j, "edit", v.edit);
}

void to_json(json& j, const ApplyWorkspaceEditResult& v) {
  j = {{"applied", v.applied}};
  write_optional(j, "failureReason", v.failureReason);
}
void from_json(const json& j, ApplyWorkspaceEditResult& v) {
  expect_object(j);
  read_field(j, "applied", v.applied);
  read_optional(j, "failureReason", v.failureReason);
}

} // namespace mend::protocol
