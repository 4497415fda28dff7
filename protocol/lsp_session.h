// LSP 3.17 session-level messages: initialize, client capabilities, dynamic registration,
// work-done progress, and window/logMessage and window/showMessage.
//
// Client capabilities are a large, growing tree of which mend reads a handful of flags, so they
// are kept as raw JSON with one accessor per flag mend acts on, rather than mirrored as structs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/lsp_basic.h"

namespace mend::protocol {

struct ClientCapabilities {
  json raw = json::object();

  /// general.positionEncodings, in the client's order of preference. Empty means the client
  /// did not say, which LSP defines as "utf-16 only".
  std::vector<std::string> position_encodings() const;
  /// workspace.applyEdit: the client accepts workspace/applyEdit requests.
  bool apply_edit() const;
  /// workspace.workspaceEdit.documentChanges: versioned edits are understood.
  bool document_changes() const;
  /// workspace.didChangeWatchedFiles.dynamicRegistration.
  bool watched_files_dynamic_registration() const;
  /// workspace.configuration: the client answers workspace/configuration.
  bool configuration() const;
  /// window.workDoneProgress: the client shows $/progress started by
  /// window/workDoneProgress/create.
  bool work_done_progress() const;
  /// textDocument.inlayHint is present at all.
  bool inlay_hint() const;
  /// workspace.codeLens.refreshSupport / workspace.inlayHint.refreshSupport: the client
  /// re-asks for lenses / hints when the server sends workspace/codeLens/refresh (inlayHint).
  bool code_lens_refresh() const;
  bool inlay_hint_refresh() const;
  /// textDocument.completion.completionItem.snippetSupport: `${1:…}` tab stops are expanded.
  bool snippet_support() const;
  /// textDocument.hover.contentFormat: true when the client prefers markdown to plaintext (the
  /// first of the two it lists is markdown); false when it lists neither or prefers plaintext.
  bool hover_markdown() const;
  /// textDocument.codeAction.codeActionLiteralSupport: CodeAction literals are understood;
  /// without it a client only understands Command objects.
  bool code_action_literals() const;
  /// textDocument.documentSymbol.hierarchicalDocumentSymbolSupport: DocumentSymbol trees are
  /// understood; without it only a flat SymbolInformation list.
  bool hierarchical_document_symbols() const;

  bool operator==(const ClientCapabilities&) const = default;
};
void to_json(json& j, const ClientCapabilities& v);
void from_json(const json& j, ClientCapabilities& v);

struct ClientInfo {
  std::string name;
  std::optional<std::string> version;
  bool operator==(const ClientInfo&) const = default;
};
void to_json(json& j, const ClientInfo& v);
void from_json(const json& j, ClientInfo& v);

struct InitializeParams {
  std::optional<std::int64_t> processId; // null: not started by another process
  std::optional<ClientInfo> clientInfo;
  std::optional<std::string> rootUri;  // deprecated in favour of workspaceFolders; may be null
  std::optional<std::string> rootPath; // deprecated in favour of rootUri
  std::optional<json> initializationOptions;
  ClientCapabilities capabilities;
  std::optional<std::string> trace;                             // "off" | "messages" | "verbose"
  std::optional<std::vector<WorkspaceFolder>> workspaceFolders; // null: no folder open
  bool operator==(const InitializeParams&) const = default;
};
void to_json(json& j, const InitializeParams& v);
void from_json(const json& j, InitializeParams& v);

struct ServerInfo {
  std::string name;
  std::optional<std::string> version;
  bool operator==(const ServerInfo&) const = default;
};
void to_json(json& j, const ServerInfo& v);
void from_json(const json& j, ServerInfo& v);

/// The server builds its capabilities as JSON; this only wraps them.
struct InitializeResult {
  json capabilities = json::object();
  std::optional<ServerInfo> serverInfo;
  bool operator==(const InitializeResult&) const = default;
};
void to_json(json& j, const InitializeResult& v);
void from_json(const json& j, InitializeResult& v);

// --- Dynamic registration ------------------------------------------------------------------

struct Registration {
  std::string id; // used to unregister
  std::string method;
  std::optional<json> registerOptions;
  bool operator==(const Registration&) const = default;
};
void to_json(json& j, const Registration& v);
void from_json(const json& j, Registration& v);

struct RegistrationParams {
  std::vector<Registration> registrations;
  bool operator==(const RegistrationParams&) const = default;
};
void to_json(json& j, const RegistrationParams& v);
void from_json(const json& j, RegistrationParams& v);

// --- Work-done progress ----------------------------------------------------------------------

/// A progress token is an integer or a string, like a request id.
struct WorkDoneProgressCreateParams {
  json token;
  bool operator==(const WorkDoneProgressCreateParams&) const = default;
};
void to_json(json& j, const WorkDoneProgressCreateParams& v);
void from_json(const json& j, WorkDoneProgressCreateParams& v);

struct WorkDoneProgressBegin { // "kind": "begin"
  std::string title;
  std::optional<bool> cancellable;
  std::optional<std::string> message;
  std::optional<std::int64_t> percentage; // 0..100
  bool operator==(const WorkDoneProgressBegin&) const = default;
};
void to_json(json& j, const WorkDoneProgressBegin& v);
void from_json(const json& j, WorkDoneProgressBegin& v);

struct WorkDoneProgressReport { // "kind": "report"
  std::optional<bool> cancellable;
  std::optional<std::string> message;
  std::optional<std::int64_t> percentage;
  bool operator==(const WorkDoneProgressReport&) const = default;
};
void to_json(json& j, const WorkDoneProgressReport& v);
void from_json(const json& j, WorkDoneProgressReport& v);

struct WorkDoneProgressEnd { // "kind": "end"
  std::optional<std::string> message;
  bool operator==(const WorkDoneProgressEnd&) const = default;
};
void to_json(json& j, const WorkDoneProgressEnd& v);
void from_json(const json& j, WorkDoneProgressEnd& v);

/// $/progress. `value` is one of the WorkDoneProgress* above, already converted.
struct ProgressParams {
  json token;
  json value;
  bool operator==(const ProgressParams&) const = default;
};
void to_json(json& j, const ProgressParams& v);
void from_json(const json& j, ProgressParams& v);

// --- Messages to the user --------------------------------------------------------------------

enum class MessageType : int { Error = 1, Warning = 2, Info = 3, Log = 4, Debug = 5 };

struct LogMessageParams {
  MessageType type = MessageType::Log;
  std::string message;
  bool operator==(const LogMessageParams&) const = default;
};
void to_json(json& j, const LogMessageParams& v);
void from_json(const json& j, LogMessageParams& v);

struct ShowMessageParams {
  MessageType type = MessageType::Info;
  std::string message;
  bool operator==(const ShowMessageParams&) const = default;
};
void to_json(json& j, const ShowMessageParams& v);
void from_json(const json& j, ShowMessageParams& v);

} // namespace mend::protocol
