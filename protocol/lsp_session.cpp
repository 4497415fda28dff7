// LSP session-level messages: JSON conversions and client capability accessors.
#include "protocol/lsp_session.h"

#include <initializer_list>

#include "protocol/json_read.h"

namespace mend::protocol {
namespace {

// The value at a path of object keys, or nullptr when any step is missing or not an object.
const json* lookup(const json& root, std::initializer_list<const char*> path) {
  const json* at = &root;
  for (const char* key : path) {
    if (!at->is_object()) return nullptr;
    auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

bool flag(const json& root, std::initializer_list<const char*> path) {
  const json* v = lookup(root, path);
  return v && v->is_boolean() && v->get<bool>();
}

void read_token(const json& j, json& token) {
  read_field(j, "token", token);
  if (!token.is_number_integer() && !token.is_string())
    throw InvalidParams("token", "expected an integer or a string, got " +
                                     std::string(json_type_name(token)));
}

void expect_kind(const json& j, const char* kind) {
  std::string actual;
  read_field(j, "kind", actual);
  if (actual != kind)
    throw InvalidParams("kind", std::string("expected \"") + kind + "\", got \"" + actual + "\"");
}

} // namespace

std::vector<std::string> ClientCapabilities::position_encodings() const {
  std::vector<std::string> out;
  if (const json* list = lookup(raw, {"general", "positionEncodings"}); list && list->is_array())
    for (const json& item : *list)
      if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}
bool ClientCapabilities::apply_edit() const {
  return flag(raw, {"workspace", "applyEdit"});
}
bool ClientCapabilities::document_changes() const {
  return flag(raw, {"workspace", "workspaceEdit", "documentChanges"});
}
bool ClientCapabilities::watched_files_dynamic_registration() const {
  return flag(raw, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
}
bool ClientCapabilities::configuration() const {
  return flag(raw, {"workspace", "configuration"});
}
bool ClientCapabilities::work_done_progress() const {
  return flag(raw, {"window", "workDoneProgress"});
}
bool ClientCapabilities::inlay_hint() const {
  const json* v = lookup(raw, {"textDocument", "inlayHint"});
  return v && v->is_object();
}

bool ClientCapabilities::code_lens_refresh() const {
  return flag(raw, {"workspace", "codeLens", "refreshSupport"});
}
bool ClientCapabilities::inlay_hint_refresh() const {
  return flag(raw, {"workspace", "inlayHint", "refreshSupport"});
}
bool ClientCapabilities::snippet_support() const {
  return flag(raw, {"textDocument", "completion", "completionItem", "snippetSupport"});
}
bool ClientCapabilities::hover_markdown() const {
  const json* formats = lookup(raw, {"textDocument", "hover", "contentFormat"});
  if (!formats || !formats->is_array()) return false;
  for (const json& f : *formats) {
    if (f == "markdown") return true;
    if (f == "plaintext") return false;
  }
  return false;
}
bool ClientCapabilities::code_action_literals() const {
  const json* v = lookup(raw, {"textDocument", "codeAction", "codeActionLiteralSupport"});
  return v && v->is_object();
}
bool ClientCapabilities::hierarchical_document_symbols() const {
  return flag(raw, {"textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"});
}

void to_json(json& j, const ClientCapabilities& v) {
  j = v.raw;
}
void from_json(const json& j, ClientCapabilities& v) {
  expect_object(j);
  v.raw = j;
}

void to_json(json& j, const ClientInfo& v) {
  j = {{"name", v.name}};
  write_optional(j, "version", v.version);
}
void from_json(const json& j, ClientInfo& v) {
  expect_object(j);
  read_field(j, "name", v.name);
  read_optional(j, "version", v.version);
}

void to_json(json& j, const InitializeParams& v) {
  j = {{"processId", v.processId ? json(*v.processId) : json(nullptr)},
       {"rootUri", v.rootUri ? json(*v.rootUri) : json(nullptr)},
       {"capabilities", v.capabilities}};
  write_optional(j, "clientInfo", v.clientInfo);
  write_optional(j, "rootPath", v.rootPath);
  write_optional(j, "initializationOptions", v.initializationOptions);
  write_optional(j, "trace", v.trace);
  write_optional(j, "workspaceFolders", v.workspaceFolders);
}
void from_json(const json& j, InitializeParams& v) {
  expect_object(j);
  // processId and rootUri are required-but-nullable in the spec; clients that omit them are
  // common enough that absence is read as null.
  read_optional(j, "processId", v.processId);
  read_optional(j, "clientInfo", v.clientInfo);
  read_optional(j, "rootUri", v.rootUri);
  read_optional(j, "rootPath", v.rootPath);
  read_optional(j, "initializationOptions", v.initializationOptions);
  read_field(j, "capabilities", v.capabilities);
  read_optional(j, "trace", v.trace);
  read_optional(j, "workspaceFolders", v.workspaceFolders);
}

void to_json(json& j, const ServerInfo& v) {
  j = {{"name", v.name}};
  write_optional(j, "version", v.version);
}
void from_json(const json& j, ServerInfo& v) {
  expect_object(j);
  read_field(j, "name", v.name);
  read_optional(j, "version", v.version);
}

void to_json(json& j, const InitializeResult& v) {
  j = {{"capabilities", v.capabilities}};
  write_optional(j, "serverInfo", v.serverInfo);
}
void from_json(const json& j, InitializeResult& v) {
  expect_object(j);
  read_field(j, "capabilities", v.capabilities);
  expect_object(v.capabilities);
  read_optional(j, "serverInfo", v.serverInfo);
}

void to_json(json& j, const Registration& v) {
  j = {{"id", v.id}, {"method", v.method}};
  write_optional(j, "registerOptions", v.registerOptions);
}
void from_json(const json& j, Registration& v) {
  expect_object(j);
  read_field(j, "id", v.id);
  read_field(j, "method", v.method);
  read_optional(j, "registerOptions", v.registerOptions);
}

void to_json(json& j, const RegistrationParams& v) {
  j = {{"registrations", v.registrations}};
}
void from_json(const json& j, RegistrationParams& v) {
  expect_object(j);
  read_field(j, "registrations", v.registrations);
}

void to_json(json& j, const WorkDoneProgressCreateParams& v) {
  j = {{"token", v.token}};
}
void from_json(const json& j, WorkDoneProgressCreateParams& v) {
  expect_object(j);
  read_token(j, v.token);
}

void to_json(json& j, const WorkDoneProgressBegin& v) {
  j = {{"kind", "begin"}, {"title", v.title}};
  write_optional(j, "cancellable", v.cancellable);
  write_optional(j, "message", v.message);
  write_optional(j, "percentage", v.percentage);
}
void from_json(const json& j, WorkDoneProgressBegin& v) {
  expect_object(j);
  expect_kind(j, "begin");
  read_field(j, "title", v.title);
  read_optional(j, "cancellable", v.cancellable);
  read_optional(j, "message", v.message);
  read_optional(j, "percentage", v.percentage);
}

void to_json(json& j, const WorkDoneProgressReport& v) {
  j = {{"kind", "report"}};
  write_optional(j, "cancellable", v.cancellable);
  write_optional(j, "message", v.message);
  write_optional(j, "percentage", v.percentage);
}
void from_json(const json& j, WorkDoneProgressReport& v) {
  expect_object(j);
  expect_kind(j, "report");
  read_optional(j, "cancellable", v.cancellable);
  read_optional(j, "message", v.message);
  read_optional(j, "percentage", v.percentage);
}

void to_json(json& j, const WorkDoneProgressEnd& v) {
  j = {{"kind", "end"}};
  write_optional(j, "message", v.message);
}
void from_json(const json& j, WorkDoneProgressEnd& v) {
  expect_object(j);
  expect_kind(j, "end");
  read_optional(j, "message", v.message);
}

void to_json(json& j, const ProgressParams& v) {
  j = {{"token", v.token}, {"value", v.value}};
}
void from_json(const json& j, ProgressParams& v) {
  expect_object(j);
  read_token(j, v.token);
  read_field(j, "value", v.value);
}

void to_json(json& j, const LogMessageParams& v) {
  j = {{"type", v.type}, {"message", v.message}};
}
void from_json(const json& j, LogMessageParams& v) {
  expect_object(j);
  read_field(j, "type", v.type);
  read_field(j, "message", v.message);
}

void to_json(json& j, const ShowMessageParams& v) {
  j = {{"type", v.type}, {"message", v.message}};
}
void from_json(const json& j, ShowMessageParams& v) {
  expect_object(j);
  read_field(j, "type", v.type);
  read_field(j, "message", v.message);
}

} // namespace mend::protocol
