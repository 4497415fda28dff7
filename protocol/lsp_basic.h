// LSP 3.17 basic structures: positions, ranges, documents, edits, diagnostics, commands.
//
// One struct per LSP type, members named as on the wire, each with ADL to_json/from_json.
// from_json throws InvalidParams naming the bad field; unknown fields are ignored; optional
// fields are std::optional and omitted from the output when empty. Types are added when mend
// uses them, not for completeness.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mend::protocol {

using json = nlohmann::json;

/// A place between two characters of a document: zero-based line, and character offset in the
/// line. The character offset counts UTF-16 code units unless the negotiated positionEncoding
/// is "utf-8" (then bytes); converting is the engine's business, not this struct's. The fields
/// are int64 so that a negative value from a client is reported (from_json rejects it) rather
/// than wrapped into a huge unsigned number.
struct Position {
  std::int64_t line = 0;
  std::int64_t character = 0;
  bool operator==(const Position&) const = default;
  auto operator<=>(const Position&) const = default;
};
void to_json(json& j, const Position& v);
void from_json(const json& j, Position& v);

/// Half-open [start, end).
struct Range {
  Position start;
  Position end;
  bool operator==(const Range&) const = default;
};
void to_json(json& j, const Range& v);
void from_json(const json& j, Range& v);

struct Location {
  std::string uri;
  Range range;
  bool operator==(const Location&) const = default;
};
void to_json(json& j, const Location& v);
void from_json(const json& j, Location& v);

struct TextDocumentIdentifier {
  std::string uri;
  bool operator==(const TextDocumentIdentifier&) const = default;
};
void to_json(json& j, const TextDocumentIdentifier& v);
void from_json(const json& j, TextDocumentIdentifier& v);

struct VersionedTextDocumentIdentifier {
  std::string uri;
  std::int64_t version = 0;
  bool operator==(const VersionedTextDocumentIdentifier&) const = default;
};
void to_json(json& j, const VersionedTextDocumentIdentifier& v);
void from_json(const json& j, VersionedTextDocumentIdentifier& v);

/// version null means "the file on disk" (no open version).
struct OptionalVersionedTextDocumentIdentifier {
  std::string uri;
  std::optional<std::int64_t> version; // written as null when absent: the field is required
  bool operator==(const OptionalVersionedTextDocumentIdentifier&) const = default;
};
void to_json(json& j, const OptionalVersionedTextDocumentIdentifier& v);
void from_json(const json& j, OptionalVersionedTextDocumentIdentifier& v);

struct TextDocumentItem {
  std::string uri;
  std::string languageId;
  std::int64_t version = 0;
  std::string text;
  bool operator==(const TextDocumentItem&) const = default;
};
void to_json(json& j, const TextDocumentItem& v);
void from_json(const json& j, TextDocumentItem& v);

struct TextDocumentPositionParams {
  TextDocumentIdentifier textDocument;
  Position position;
  bool operator==(const TextDocumentPositionParams&) const = default;
};
void to_json(json& j, const TextDocumentPositionParams& v);
void from_json(const json& j, TextDocumentPositionParams& v);

struct TextEdit {
  Range range;
  std::string newText;
  bool operator==(const TextEdit&) const = default;
};
void to_json(json& j, const TextEdit& v);
void from_json(const json& j, TextEdit& v);

struct TextDocumentEdit {
  OptionalVersionedTextDocumentIdentifier textDocument;
  std::vector<TextEdit> edits;
  bool operator==(const TextDocumentEdit&) const = default;
};
void to_json(json& j, const TextDocumentEdit& v);
void from_json(const json& j, TextDocumentEdit& v);

/// Either form may be used; mend prefers documentChanges (versioned) when the client supports
/// it. File create/rename/delete operations are not modelled.
struct WorkspaceEdit {
  std::optional<std::map<std::string, std::vector<TextEdit>>> changes; // uri -> edits
  std::optional<std::vector<TextDocumentEdit>> documentChanges;
  bool operator==(const WorkspaceEdit&) const = default;
};
void to_json(json& j, const WorkspaceEdit& v);
void from_json(const json& j, WorkspaceEdit& v);

namespace MarkupKind {
inline constexpr const char* PlainText = "plaintext";
inline constexpr const char* Markdown = "markdown";
} // namespace MarkupKind

struct MarkupContent {
  std::string kind = MarkupKind::Markdown;
  std::string value;
  bool operator==(const MarkupContent&) const = default;
};
void to_json(json& j, const MarkupContent& v);
/// Also accepts a bare string (the pre-3.x form), read as plaintext.
void from_json(const json& j, MarkupContent& v);

struct Command {
  std::string title;
  std::string command;
  std::optional<std::vector<json>> arguments;
  bool operator==(const Command&) const = default;
};
void to_json(json& j, const Command& v);
void from_json(const json& j, Command& v);

enum class DiagnosticSeverity : int { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct Diagnostic {
  Range range;
  std::optional<DiagnosticSeverity> severity;
  std::optional<std::string> code; // a number on the wire is read as its decimal string
  std::optional<std::string> source;
  std::string message;
  std::optional<json> data; // preserved between publishDiagnostics and codeAction
  bool operator==(const Diagnostic&) const = default;
};
void to_json(json& j, const Diagnostic& v);
void from_json(const json& j, Diagnostic& v);

struct WorkspaceFolder {
  std::string uri;
  std::string name;
  bool operator==(const WorkspaceFolder&) const = default;
};
void to_json(json& j, const WorkspaceFolder& v);
void from_json(const json& j, WorkspaceFolder& v);

} // namespace mend::protocol
