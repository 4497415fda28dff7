// LSP 3.17 language features mend serves: code actions, completion, hover, code lens, inlay
// hints, symbols, commands, and workspace/applyEdit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/lsp_basic.h"

namespace mend::protocol {

// --- Code actions --------------------------------------------------------------------------

namespace CodeActionKind {
inline constexpr const char* QuickFix = "quickfix";
inline constexpr const char* Refactor = "refactor";
inline constexpr const char* RefactorRewrite = "refactor.rewrite";
inline constexpr const char* Source = "source";
} // namespace CodeActionKind

struct CodeActionContext {
  std::vector<Diagnostic> diagnostics;          // the client's diagnostics overlapping the range
  std::optional<std::vector<std::string>> only; // requested kinds (prefix match)
  std::optional<std::int64_t> triggerKind;      // 1 invoked, 2 automatic
  bool operator==(const CodeActionContext&) const = default;
};
void to_json(json& j, const CodeActionContext& v);
void from_json(const json& j, CodeActionContext& v);

struct CodeActionParams {
  TextDocumentIdentifier textDocument;
  Range range;
  CodeActionContext context;
  bool operator==(const CodeActionParams&) const = default;
};
void to_json(json& j, const CodeActionParams& v);
void from_json(const json& j, CodeActionParams& v);

/// If both edit and command are set, the client applies the edit, then runs the command.
struct CodeAction {
  std::string title;
  std::optional<std::string> kind;
  std::optional<std::vector<Diagnostic>> diagnostics;
  std::optional<WorkspaceEdit> edit;
  std::optional<Command> command;
  std::optional<bool> isPreferred;
  std::optional<json> data;
  bool operator==(const CodeAction&) const = default;
};
void to_json(json& j, const CodeAction& v);
void from_json(const json& j, CodeAction& v);

// --- Completion ------------------------------------------------------------------------------

enum class CompletionItemKind : int {
  Text = 1,
  Method,
  Function,
  Constructor,
  Field,
  Variable,
  Class,
  Interface,
  Module,
  Property,
  Unit,
  Value,
  Enum,
  Keyword,
  Snippet,
  Color,
  File,
  Reference,
  Folder,
  EnumMember,
  Constant,
  Struct,
  Event,
  Operator,
  TypeParameter
};

enum class InsertTextFormat : int { PlainText = 1, Snippet = 2 };
/// How the client treats the inserted text's whitespace (LSP 3.16). AsIs: exactly as sent;
/// AdjustIndentation: re-indented to the cursor's line (some clients also run their indenter).
enum class InsertTextMode : int { AsIs = 1, AdjustIndentation = 2 };

struct CompletionItem {
  std::string label;
  std::optional<CompletionItemKind> kind;
  std::optional<std::string> detail;
  std::optional<MarkupContent> documentation;
  std::optional<std::string> insertText;
  std::optional<InsertTextFormat> insertTextFormat;
  std::optional<InsertTextMode> insertTextMode;
  std::optional<TextEdit> textEdit; // overrides insertText; must be on the request's line
  std::optional<std::string> filterText;
  std::optional<std::string> sortText;
  std::optional<json> data;
  bool operator==(const CompletionItem&) const = default;
};
void to_json(json& j, const CompletionItem& v);
void from_json(const json& j, CompletionItem& v);

struct CompletionList {
  bool isIncomplete = false;
  std::vector<CompletionItem> items;
  bool operator==(const CompletionList&) const = default;
};
void to_json(json& j, const CompletionList& v);
void from_json(const json& j, CompletionList& v);

struct CompletionContext {
  std::int64_t triggerKind = 1; // 1 invoked, 2 trigger character, 3 incomplete re-trigger
  std::optional<std::string> triggerCharacter;
  bool operator==(const CompletionContext&) const = default;
};
void to_json(json& j, const CompletionContext& v);
void from_json(const json& j, CompletionContext& v);

struct CompletionParams {
  TextDocumentIdentifier textDocument;
  Position position;
  std::optional<CompletionContext> context;
  bool operator==(const CompletionParams&) const = default;
};
void to_json(json& j, const CompletionParams& v);
void from_json(const json& j, CompletionParams& v);

// --- Hover, code lens, inlay hints -------------------------------------------------------

using HoverParams = TextDocumentPositionParams;

struct Hover {
  MarkupContent contents;
  std::optional<Range> range;
  bool operator==(const Hover&) const = default;
};
void to_json(json& j, const Hover& v);
void from_json(const json& j, Hover& v);

struct CodeLensParams {
  TextDocumentIdentifier textDocument;
  bool operator==(const CodeLensParams&) const = default;
};
void to_json(json& j, const CodeLensParams& v);
void from_json(const json& j, CodeLensParams& v);

struct CodeLens {
  Range range;
  std::optional<Command> command; // absent: to be filled by codeLens/resolve
  std::optional<json> data;
  bool operator==(const CodeLens&) const = default;
};
void to_json(json& j, const CodeLens& v);
void from_json(const json& j, CodeLens& v);

enum class InlayHintKind : int { Type = 1, Parameter = 2 };

struct InlayHintParams {
  TextDocumentIdentifier textDocument;
  Range range;
  bool operator==(const InlayHintParams&) const = default;
};
void to_json(json& j, const InlayHintParams& v);
void from_json(const json& j, InlayHintParams& v);

/// The label is a plain string (label parts are not used by mend).
struct InlayHint {
  Position position;
  std::string label;
  std::optional<InlayHintKind> kind;
  std::optional<bool> paddingLeft;
  std::optional<bool> paddingRight;
  bool operator==(const InlayHint&) const = default;
};
void to_json(json& j, const InlayHint& v);
void from_json(const json& j, InlayHint& v);

// --- Symbols ---------------------------------------------------------------------------------

enum class SymbolKind : int {
  File = 1,
  Module,
  Namespace,
  Package,
  Class,
  Method,
  Property,
  Field,
  Constructor,
  Enum,
  Interface,
  Function,
  Variable,
  Constant,
  String,
  Number,
  Boolean,
  Array,
  Object,
  Key,
  Null,
  EnumMember,
  Struct,
  Event,
  Operator,
  TypeParameter
};

struct DocumentSymbolParams {
  TextDocumentIdentifier textDocument;
  bool operator==(const DocumentSymbolParams&) const = default;
};
void to_json(json& j, const DocumentSymbolParams& v);
void from_json(const json& j, DocumentSymbolParams& v);

struct DocumentSymbol {
  std::string name;
  std::optional<std::string> detail;
  SymbolKind kind = SymbolKind::String;
  Range range;                          // the whole section
  Range selectionRange;                 // the heading itself; inside range
  std::vector<DocumentSymbol> children; // written only when non-empty
  bool operator==(const DocumentSymbol&) const = default;
};
void to_json(json& j, const DocumentSymbol& v);
void from_json(const json& j, DocumentSymbol& v);

/// SymbolInformation; also what mend answers workspace/symbol with (a WorkspaceSymbol with a
/// full location has the same fields).
struct SymbolInformation {
  std::string name;
  SymbolKind kind = SymbolKind::String;
  Location location;
  std::optional<std::string> containerName;
  bool operator==(const SymbolInformation&) const = default;
};
void to_json(json& j, const SymbolInformation& v);
void from_json(const json& j, SymbolInformation& v);
using WorkspaceSymbol = SymbolInformation;

struct WorkspaceSymbolParams {
  std::string query;
  bool operator==(const WorkspaceSymbolParams&) const = default;
};
void to_json(json& j, const WorkspaceSymbolParams& v);
void from_json(const json& j, WorkspaceSymbolParams& v);

// --- Commands and edits the server asks the client to apply ------------------------------

struct ExecuteCommandParams {
  std::string command;
  std::optional<std::vector<json>> arguments;
  bool operator==(const ExecuteCommandParams&) const = default;
};
void to_json(json& j, const ExecuteCommandParams& v);
void from_json(const json& j, ExecuteCommandParams& v);

struct ApplyWorkspaceEditParams {
  std::optional<std::string> label; // shown in the client's undo stack
  WorkspaceEdit edit;
  bool operator==(const ApplyWorkspaceEditParams&) const = default;
};
void to_json(json& j, const ApplyWorkspaceEditParams& v);
void from_json(const json& j, ApplyWorkspaceEditParams& v);

struct ApplyWorkspaceEditResult {
  bool applied = false;
  std::optional<std::string> failureReason;
  bool operator==(const ApplyWorkspaceEditResult&) const = default;
};
void to_json(json& j, const ApplyWorkspaceEditResult& v);
void from_json(const json& j, ApplyWorkspaceEditResult& v);

} // namespace mend::protocol
