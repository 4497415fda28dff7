// LSP basic structures: JSON conversions.
#include "protocol/lsp_basic.h"

#include "protocol/json_read.h"

namespace mend::protocol {
namespace {

void read_non_negative(const json& j, const char* key, std::int64_t& out) {
  read_field(j, key, out);
  if (out < 0) throw InvalidParams(key, "must not be negative, got " + std::to_string(out));
}

} // namespace

void to_json(json& j, const Position& v) {
  j = {{"line", v.line}, {"character", v.character}};
}
void from_json(const json& j, Position& v) {
  expect_object(j);
  read_non_negative(j, "line", v.line);
  read_non_negative(j, "character", v.character);
}

void to_json(json& j, const Range& v) {
  j = {{"start", v.start}, {"end", v.end}};
}
void from_json(const json& j, Range& v) {
  expect_object(j);
  read_field(j, "start", v.start);
  read_field(j, "end", v.end);
}

void to_json(json& j, const Location& v) {
  j = {{"uri", v.uri}, {"range", v.range}};
}
void from_json(const json& j, Location& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_field(j, "range", v.range);
}

void to_json(json& j, const TextDocumentIdentifier& v) {
  j = {{"uri", v.uri}};
}
void from_json(const json& j, TextDocumentIdentifier& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
}

void to_json(json& j, const VersionedTextDocumentIdentifier& v) {
  j = {{"uri", v.uri}, {"version", v.version}};
}
void from_json(const json& j, VersionedTextDocumentIdentifier& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_field(j, "version", v.version);
}

void to_json(json& j, const OptionalVersionedTextDocumentIdentifier& v) {
  j = {{"uri", v.uri}, {"version", v.version ? json(*v.version) : json(nullptr)}};
}
void from_json(const json& j, OptionalVersionedTextDocumentIdentifier& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_optional(j, "version", v.version);
}

void to_json(json& j, const TextDocumentItem& v) {
  j = {{"uri", v.uri}, {"languageId", v.languageId}, {"version", v.version}, {"text", v.text}};
}
void from_json(const json& j, TextDocumentItem& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_field(j, "languageId", v.languageId);
  read_field(j, "version", v.version);
  read_field(j, "text", v.text);
}

void to_json(json& j, const TextDocumentPositionParams& v) {
  j = {{"textDocument", v.textDocument}, {"position", v.position}};
}
void from_json(const json& j, TextDocumentPositionParams& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "position", v.position);
}

void to_json(json& j, const TextEdit& v) {
  j = {{"range", v.range}, {"newText", v.newText}};
}
void from_json(const json& j, TextEdit& v) {
  expect_object(j);
  read_field(j, "range", v.range);
  read_field(j, "newText", v.newText);
}

void to_json(json& j, const TextDocumentEdit& v) {
  j = {{"textDocument", v.textDocument}, {"edits", v.edits}};
}
void from_json(const json& j, TextDocumentEdit& v) {
  expect_object(j);
  read_field(j, "textDocument", v.textDocument);
  read_field(j, "edits", v.edits);
}

void to_json(json& j, const WorkspaceEdit& v) {
  j = json::object();
  write_optional(j, "changes", v.changes);
  write_optional(j, "documentChanges", v.documentChanges);
}
void from_json(const json& j, WorkspaceEdit& v) {
  expect_object(j);
  read_optional(j, "changes", v.changes);
  read_optional(j, "documentChanges", v.documentChanges);
}

void to_json(json& j, const MarkupContent& v) {
  j = {{"kind", v.kind}, {"value", v.value}};
}
void from_json(const json& j, MarkupContent& v) {
  if (j.is_string()) {
    v = MarkupContent{MarkupKind::PlainText, j.get<std::string>()};
    return;
  }
  expect_object(j);
  read_field(j, "kind", v.kind);
  read_field(j, "value", v.value);
}

void to_json(json& j, const Command& v) {
  j = {{"title", v.title}, {"command", v.command}};
  write_optional(j, "arguments", v.arguments);
}
void from_json(const json& j, Command& v) {
  expect_object(j);
  read_field(j, "title", v.title);
  read_field(j, "command", v.command);
  read_optional(j, "arguments", v.arguments);
}

void to_json(json& j, const Diagnostic& v) {
  j = {{"range", v.range}, {"message", v.message}};
  write_optional(j, "severity", v.severity);
  write_optional(j, "code", v.code);
  write_optional(j, "source", v.source);
  write_optional(j, "data", v.data);
}
void from_json(const json& j, Diagnostic& v) {
  expect_object(j);
  read_field(j, "range", v.range);
  read_field(j, "message", v.message);
  read_optional(j, "severity", v.severity);
  if (auto code = j.find("code"); code != j.end() && code->is_number_integer())
    v.code = std::to_string(code->get<std::int64_t>());
  else
    read_optional(j, "code", v.code);
  read_optional(j, "source", v.source);
  read_optional(j, "data", v.data);
}

void to_json(json& j, const WorkspaceFolder& v) {
  j = {{"uri", v.uri}, {"name", v.name}};
}
void from_json(const json& j, WorkspaceFolder& v) {
  expect_object(j);
  read_field(j, "uri", v.uri);
  read_field(j, "name", v.name);
}

} // namespace mend::protocol
