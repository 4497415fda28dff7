// Tests of the LSP types: every to_json/from_json pair round-trips to the wire shape, and bad
// shapes are reported with the path of the field.
#include "protocol/lsp_types.h"

#include <catch2/catch.hpp>

#include <string>

#include "protocol/invalid_params.h"

using namespace mend::protocol;

namespace {

// v → JSON equals `wire`, and `wire` → T equals v.
template <class T> void round_trip(const T& v, const json& wire) {
  json j = v;
  CHECK(j == wire);
  CHECK(wire.get<T>() == v);
  CHECK(json::parse(j.dump()).get<T>() == v);
}

// Reading `wire` as T fails with InvalidParams at `path`.
template <class T> std::string bad(const json& wire, const std::string& path) {
  try {
    (void)wire.get<T>();
  } catch (const InvalidParams& e) {
    CHECK(e.path() == path);
    return e.what();
  }
  FAIL("no InvalidParams for " << wire.dump());
  return "";
}

const Range kRange{{1, 2}, {3, 4}};
const json kRangeJson = {{"start", {{"line", 1}, {"character", 2}}},
                         {"end", {{"line", 3}, {"character", 4}}}};

} // namespace

TEST_CASE("basic structures round-trip") {
  round_trip(Position{5, 7}, json{{"line", 5}, {"character", 7}});
  round_trip(kRange, kRangeJson);
  round_trip(Location{"file:///a.md", kRange},
             json{{"uri", "file:///a.md"}, {"range", kRangeJson}});
  round_trip(TextDocumentIdentifier{"file:///a"}, json{{"uri", "file:///a"}});
  round_trip(VersionedTextDocumentIdentifier{"file:///a", 3},
             json{{"uri", "file:///a"}, {"version", 3}});
  round_trip(OptionalVersionedTextDocumentIdentifier{"file:///a", 4},
             json{{"uri", "file:///a"}, {"version", 4}});
  round_trip(OptionalVersionedTextDocumentIdentifier{"file:///a", std::nullopt},
             json{{"uri", "file:///a"}, {"version", nullptr}});
  round_trip(
      TextDocumentItem{"file:///a", "markdown", 1, "# Hi\n"},
      json{{"uri", "file:///a"}, {"languageId", "markdown"}, {"version", 1}, {"text", "# Hi\n"}});
  round_trip(TextDocumentPositionParams{{"file:///a"}, {1, 2}},
             json{{"textDocument", {{"uri", "file:///a"}}},
                  {"position", {{"line", 1}, {"character", 2}}}});
  round_trip(TextEdit{kRange, "x"}, json{{"range", kRangeJson}, {"newText", "x"}});
  round_trip(MarkupContent{MarkupKind::Markdown, "**b**"},
             json{{"kind", "markdown"}, {"value", "**b**"}});
  round_trip(Command{"Insert", "mend.insertStep", std::vector<json>{json("q1"), json(2)}},
             json{{"title", "Insert"}, {"command", "mend.insertStep"}, {"arguments", {"q1", 2}}});
  round_trip(Command{"T", "c", std::nullopt}, json{{"title", "T"}, {"command", "c"}});
  round_trip(WorkspaceFolder{"file:///n", "notes"}, json{{"uri", "file:///n"}, {"name", "notes"}});
}

TEST_CASE("workspace edits in both forms") {
  WorkspaceEdit changes;
  changes.changes =
      std::map<std::string, std::vector<TextEdit>>{{"file:///a", {TextEdit{kRange, "x"}}}};
  round_trip(changes,
             json{{"changes", {{"file:///a", {{{"range", kRangeJson}, {"newText", "x"}}}}}}});

  WorkspaceEdit versioned;
  versioned.documentChanges =
      std::vector<TextDocumentEdit>{TextDocumentEdit{{"file:///a", 7}, {TextEdit{kRange, "y"}}}};
  round_trip(versioned, json{{"documentChanges",
                              {{{"textDocument", {{"uri", "file:///a"}, {"version", 7}}},
                                {"edits", {{{"range", kRangeJson}, {"newText", "y"}}}}}}}});
  round_trip(WorkspaceEdit{}, json::object());
  round_trip(ApplyWorkspaceEditParams{"Insert step", versioned},
             json{{"label", "Insert step"}, {"edit", json(versioned)}});
  round_trip(ApplyWorkspaceEditResult{false, "stale"},
             json{{"applied", false}, {"failureReason", "stale"}});
  round_trip(ApplyWorkspaceEditResult{true, std::nullopt}, json{{"applied", true}});
}

TEST_CASE("diagnostics") {
  Diagnostic full{kRange,        DiagnosticSeverity::Hint, "unanswered", "mend",
                  "Answer this", json{{"question", "q3"}}};
  round_trip(full, json{{"range", kRangeJson},
                        {"severity", 4},
                        {"code", "unanswered"},
                        {"source", "mend"},
                        {"message", "Answer this"},
                        {"data", {{"question", "q3"}}}});
  Diagnostic minimal{kRange, std::nullopt, std::nullopt, std::nullopt, "m", std::nullopt};
  round_trip(minimal, json{{"range", kRangeJson}, {"message", "m"}});
  // A numeric code from another server is read as a string.
  CHECK(json{{"range", kRangeJson}, {"message", "m"}, {"code", 42}}.get<Diagnostic>().code == "42");

  round_trip(PublishDiagnosticsParams{"file:///a", 3, {minimal}},
             json{{"uri", "file:///a"}, {"version", 3}, {"diagnostics", {json(minimal)}}});
  round_trip(PublishDiagnosticsParams{"file:///a", std::nullopt, {}},
             json{{"uri", "file:///a"}, {"diagnostics", json::array()}});
}

TEST_CASE("document synchronisation") {
  round_trip(TextDocumentContentChangeEvent{kRange, "new"},
             json{{"range", kRangeJson}, {"text", "new"}});
  TextDocumentContentChangeEvent full{std::nullopt, "all of it"};
  round_trip(full, json{{"text", "all of it"}});
  CHECK(!json{{"text", "t"}}.get<TextDocumentContentChangeEvent>().range); // full replacement

  TextDocumentItem item{"file:///a", "markdown", 1, "x"};
  round_trip(DidOpenTextDocumentParams{item}, json{{"textDocument", json(item)}});
  round_trip(DidChangeTextDocumentParams{{"file:///a", 2}, {full}},
             json{{"textDocument", {{"uri", "file:///a"}, {"version", 2}}},
                  {"contentChanges", {{{"text", "all of it"}}}}});
  round_trip(DidCloseTextDocumentParams{{"file:///a"}},
             json{{"textDocument", {{"uri", "file:///a"}}}});
  round_trip(DidSaveTextDocumentParams{{"file:///a"}, "saved"},
             json{{"textDocument", {{"uri", "file:///a"}}}, {"text", "saved"}});
  round_trip(DidSaveTextDocumentParams{{"file:///a"}, std::nullopt},
             json{{"textDocument", {{"uri", "file:///a"}}}});
  round_trip(FileEvent{"file:///a", FileChangeType::Deleted},
             json{{"uri", "file:///a"}, {"type", 3}});
  round_trip(DidChangeWatchedFilesParams{{{"file:///a", FileChangeType::Created}}},
             json{{"changes", {{{"uri", "file:///a"}, {"type", 1}}}}});
}

TEST_CASE("code actions") {
  Diagnostic d{kRange, DiagnosticSeverity::Warning, std::nullopt, std::nullopt, "m", std::nullopt};
  round_trip(
      CodeActionParams{{"file:///a"}, kRange, {{d}, std::vector<std::string>{"quickfix"}, 1}},
      json{{"textDocument", {{"uri", "file:///a"}}},
           {"range", kRangeJson},
           {"context", {{"diagnostics", {json(d)}}, {"only", {"quickfix"}}, {"triggerKind", 1}}}});
  CodeActionContext empty_context{{}, std::nullopt, std::nullopt};
  round_trip(empty_context, json{{"diagnostics", json::array()}});

  WorkspaceEdit edit;
  edit.changes =
      std::map<std::string, std::vector<TextEdit>>{{"file:///a", {TextEdit{kRange, "z"}}}};
  CodeAction action{"Insert the next step",
                    CodeActionKind::QuickFix,
                    std::vector<Diagnostic>{d},
                    edit,
                    Command{"t", "c", std::nullopt},
                    true,
                    json{{"k", 1}}};
  round_trip(action, json{{"title", "Insert the next step"},
                          {"kind", "quickfix"},
                          {"diagnostics", {json(d)}},
                          {"edit", json(edit)},
                          {"command", {{"title", "t"}, {"command", "c"}}},
                          {"isPreferred", true},
                          {"data", {{"k", 1}}}});
  round_trip(CodeAction{"only a title"}, json{{"title", "only a title"}});
}

TEST_CASE("completion") {
  CompletionItem item{"What went wrong?",
                      CompletionItemKind::Snippet,
                      "step 3",
                      MarkupContent{MarkupKind::Markdown, "Describe it"},
                      "## What went wrong?\n$0",
                      InsertTextFormat::Snippet,
                      InsertTextMode::AsIs,
                      TextEdit{kRange, "## What went wrong?\n$0"},
                      "what went wrong",
                      "03",
                      json{{"id", "q3"}}};
  json wire = {{"label", "What went wrong?"},
               {"kind", 15},
               {"detail", "step 3"},
               {"documentation", {{"kind", "markdown"}, {"value", "Describe it"}}},
               {"insertText", "## What went wrong?\n$0"},
               {"insertTextFormat", 2},
               {"insertTextMode", 1},
               {"textEdit", {{"range", kRangeJson}, {"newText", "## What went wrong?\n$0"}}},
               {"filterText", "what went wrong"},
               {"sortText", "03"},
               {"data", {{"id", "q3"}}}};
  round_trip(item, wire);
  round_trip(CompletionItem{"x"}, json{{"label", "x"}});
  // Legacy string documentation is read as plaintext.
  CHECK(json{{"label", "x"}, {"documentation", "plain"}}.get<CompletionItem>().documentation ==
        MarkupContent{MarkupKind::PlainText, "plain"});
  round_trip(CompletionList{true, {item}}, json{{"isIncomplete", true}, {"items", {wire}}});
  round_trip(CompletionParams{{"file:///a"}, {1, 2}, CompletionContext{2, "#"}},
             json{{"textDocument", {{"uri", "file:///a"}}},
                  {"position", {{"line", 1}, {"character", 2}}},
                  {"context", {{"triggerKind", 2}, {"triggerCharacter", "#"}}}});
  round_trip(CompletionParams{{"file:///a"}, {0, 0}, std::nullopt},
             json{{"textDocument", {{"uri", "file:///a"}}},
                  {"position", {{"line", 0}, {"character", 0}}}});
}

TEST_CASE("hover, code lens, inlay hints") {
  round_trip(
      Hover{{MarkupKind::Markdown, "**3/6**"}, kRange},
      json{{"contents", {{"kind", "markdown"}, {"value", "**3/6**"}}}, {"range", kRangeJson}});
  round_trip(Hover{{MarkupKind::PlainText, "p"}, std::nullopt},
             json{{"contents", {{"kind", "plaintext"}, {"value", "p"}}}});
  round_trip(CodeLensParams{{"file:///a"}}, json{{"textDocument", {{"uri", "file:///a"}}}});
  round_trip(CodeLens{kRange, Command{"3/6 answered", "mend.next", std::nullopt}, json{{"n", 3}}},
             json{{"range", kRangeJson},
                  {"command", {{"title", "3/6 answered"}, {"command", "mend.next"}}},
                  {"data", {{"n", 3}}}});
  round_trip(CodeLens{kRange, std::nullopt, std::nullopt}, json{{"range", kRangeJson}});
  round_trip(InlayHintParams{{"file:///a"}, kRange},
             json{{"textDocument", {{"uri", "file:///a"}}}, {"range", kRangeJson}});
  round_trip(InlayHint{{2, 0}, "answered", InlayHintKind::Parameter, true, false},
             json{{"position", {{"line", 2}, {"character", 0}}},
                  {"label", "answered"},
                  {"kind", 2},
                  {"paddingLeft", true},
                  {"paddingRight", false}});
  round_trip(InlayHint{{2, 0}, "x", std::nullopt, std::nullopt, std::nullopt},
             json{{"position", {{"line", 2}, {"character", 0}}}, {"label", "x"}});
}

TEST_CASE("symbols") {
  DocumentSymbol child{"Child", std::nullopt, SymbolKind::String, kRange, kRange, {}};
  DocumentSymbol parent{"Parent", "step 1", SymbolKind::Namespace, kRange, kRange, {child}};
  json child_wire = {
      {"name", "Child"}, {"kind", 15}, {"range", kRangeJson}, {"selectionRange", kRangeJson}};
  round_trip(parent, json{{"name", "Parent"},
                          {"detail", "step 1"},
                          {"kind", 3},
                          {"range", kRangeJson},
                          {"selectionRange", kRangeJson},
                          {"children", {child_wire}}});
  round_trip(DocumentSymbolParams{{"file:///a"}}, json{{"textDocument", {{"uri", "file:///a"}}}});
  round_trip(SymbolInformation{"Note", SymbolKind::File, {"file:///a", kRange}, "notes"},
             json{{"name", "Note"},
                  {"kind", 1},
                  {"location", {{"uri", "file:///a"}, {"range", kRangeJson}}},
                  {"containerName", "notes"}});
  round_trip(WorkspaceSymbol{"N", SymbolKind::Key, {"file:///b", kRange}, std::nullopt},
             json{{"name", "N"},
                  {"kind", 20},
                  {"location", {{"uri", "file:///b"}, {"range", kRangeJson}}}});
  round_trip(WorkspaceSymbolParams{"wro"}, json{{"query", "wro"}});
}

TEST_CASE("commands") {
  round_trip(ExecuteCommandParams{"mend.insertStep", std::vector<json>{json{{"uri", "file:///a"}}}},
             json{{"command", "mend.insertStep"}, {"arguments", {{{"uri", "file:///a"}}}}});
  round_trip(ExecuteCommandParams{"c", std::nullopt}, json{{"command", "c"}});
}

TEST_CASE("initialize and client capabilities") {
  json caps = {{"general", {{"positionEncodings", {"utf-8", "utf-16", 5}}}},
               {"workspace",
                {{"applyEdit", true},
                 {"workspaceEdit", {{"documentChanges", true}}},
                 {"didChangeWatchedFiles", {{"dynamicRegistration", true}}},
                 {"configuration", false}}},
               {"window", {{"workDoneProgress", true}}},
               {"textDocument", {{"inlayHint", json::object()}}}};
  json wire = {{"processId", 1234},
               {"clientInfo", {{"name", "Neovim"}, {"version", "0.10"}}},
               {"rootUri", "file:///notes"},
               {"rootPath", "/notes"},
               {"initializationOptions", {{"today", "2024-05-01"}}},
               {"capabilities", caps},
               {"trace", "off"},
               {"workspaceFolders", {{{"uri", "file:///notes"}, {"name", "notes"}}}},
               {"locale", "en"}}; // unknown to mend: ignored
  auto p = wire.get<InitializeParams>();
  CHECK(p.processId == 1234);
  CHECK(p.clientInfo == ClientInfo{"Neovim", "0.10"});
  CHECK(p.rootUri == "file:///notes");
  CHECK(p.rootPath == "/notes");
  CHECK(p.initializationOptions == json{{"today", "2024-05-01"}});
  CHECK(p.workspaceFolders == std::vector<WorkspaceFolder>{{"file:///notes", "notes"}});
  CHECK(p.capabilities.position_encodings() == std::vector<std::string>{"utf-8", "utf-16"});
  CHECK(p.capabilities.apply_edit());
  CHECK(p.capabilities.document_changes());
  CHECK(p.capabilities.watched_files_dynamic_registration());
  CHECK(!p.capabilities.configuration());
  CHECK(p.capabilities.work_done_progress());
  CHECK(p.capabilities.inlay_hint());
  json back = p;
  wire.erase("locale");
  CHECK(back == wire);
  CHECK(back.get<InitializeParams>() == p);

  // Nulls and absences: the minimal client.
  auto minimal =
      json{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}
          .get<InitializeParams>();
  CHECK(!minimal.processId);
  CHECK(!minimal.rootUri);
  CHECK(!minimal.workspaceFolders);
  CHECK(minimal.capabilities.position_encodings().empty());
  CHECK(!minimal.capabilities.apply_edit());
  CHECK(!minimal.capabilities.work_done_progress());
  CHECK(!minimal.capabilities.inlay_hint());
  round_trip(minimal,
             json{{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});

  // Odd shapes inside capabilities never throw: the flag is simply off.
  ClientCapabilities odd{json{{"workspace", {{"applyEdit", "yes"}}}, {"general", 3}}};
  CHECK(!odd.apply_edit());
  CHECK(odd.position_encodings().empty());

  bad<InitializeParams>(json{{"processId", 1}}, "capabilities");
  bad<InitializeParams>(json{{"capabilities", json::object()}, {"processId", "1"}}, "processId");
  bad<InitializeParams>(json{{"capabilities", json::array()}}, "capabilities");

  round_trip(InitializeResult{json{{"hoverProvider", true}}, ServerInfo{"mend", "0.1.0"}},
             json{{"capabilities", {{"hoverProvider", true}}},
                  {"serverInfo", {{"name", "mend"}, {"version", "0.1.0"}}}});
}

TEST_CASE("client capabilities: each flag mend acts on, on, off and oddly shaped") {
  ClientCapabilities none{json::object()};
  CHECK(!none.snippet_support());
  CHECK(!none.hover_markdown());
  CHECK(!none.code_action_literals());
  CHECK(!none.hierarchical_document_symbols());
  CHECK(!none.code_lens_refresh());
  CHECK(!none.inlay_hint_refresh());

  ClientCapabilities all{json::parse(R"({
    "textDocument": {
      "completion": {"completionItem": {"snippetSupport": true}},
      "hover": {"contentFormat": ["markdown", "plaintext"]},
      "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
      "documentSymbol": {"hierarchicalDocumentSymbolSupport": true}},
    "workspace": {"codeLens": {"refreshSupport": true}, "inlayHint": {"refreshSupport": true}}})")};
  CHECK(all.snippet_support());
  CHECK(all.hover_markdown());
  CHECK(all.code_action_literals());
  CHECK(all.hierarchical_document_symbols());
  CHECK(all.code_lens_refresh());
  CHECK(all.inlay_hint_refresh());

  // snippetSupport false is off; the client's order of hover formats is its preference.
  CHECK(!ClientCapabilities{
      json::parse(R"({"textDocument":{"completion":{"completionItem":{"snippetSupport":false}}}})")}
             .snippet_support());
  CHECK(!ClientCapabilities{
      json::parse(R"({"textDocument":{"hover":{"contentFormat":["plaintext","markdown"]}}})")}
             .hover_markdown());
  CHECK(!ClientCapabilities{json::parse(R"({"textDocument":{"hover":{"contentFormat":[]}}})")}
             .hover_markdown());
  CHECK(ClientCapabilities{
      json::parse(R"({"textDocument":{"hover":{"contentFormat":["markdown"]}}})")}
            .hover_markdown());
  // Odd shapes are off, never an exception.
  ClientCapabilities odd{json::parse(R"({"textDocument":{"hover":{"contentFormat":"markdown"},
    "codeAction":{"codeActionLiteralSupport":true},"completion":{"completionItem":[]}}})")};
  CHECK(!odd.hover_markdown());
  CHECK(!odd.code_action_literals());
  CHECK(!odd.snippet_support());
}

TEST_CASE("registration, progress and messages") {
  json watchers = json::parse(R"({"watchers":[{"globPattern":"**/*.md"}]})");
  round_trip(RegistrationParams{{Registration{"w1", "workspace/didChangeWatchedFiles", watchers}}},
             json::parse(R"({"registrations":[{"id":"w1","method":"workspace/didChangeWatchedFiles",
                              "registerOptions":{"watchers":[{"globPattern":"**/*.md"}]}}]})"));
  round_trip(Registration{"r", "m", std::nullopt}, json{{"id", "r"}, {"method", "m"}});

  round_trip(WorkDoneProgressCreateParams{"index"}, json{{"token", "index"}});
  round_trip(WorkDoneProgressCreateParams{7}, json{{"token", 7}});
  bad<WorkDoneProgressCreateParams>(json{{"token", true}}, "token");

  round_trip(WorkDoneProgressBegin{"Indexing", false, "0/10", 0}, json{{"kind", "begin"},
                                                                       {"title", "Indexing"},
                                                                       {"cancellable", false},
                                                                       {"message", "0/10"},
                                                                       {"percentage", 0}});
  round_trip(WorkDoneProgressReport{std::nullopt, "5/10", 50},
             json{{"kind", "report"}, {"message", "5/10"}, {"percentage", 50}});
  round_trip(WorkDoneProgressEnd{"done"}, json{{"kind", "end"}, {"message", "done"}});
  round_trip(WorkDoneProgressEnd{}, json{{"kind", "end"}});
  CHECK(bad<WorkDoneProgressEnd>(json{{"kind", "begin"}}, "kind") ==
        "kind: expected \"end\", got \"begin\"");
  bad<WorkDoneProgressBegin>(json{{"title", "x"}}, "kind");

  round_trip(ProgressParams{"index", json(WorkDoneProgressEnd{})},
             json{{"token", "index"}, {"value", {{"kind", "end"}}}});

  round_trip(LogMessageParams{MessageType::Warning, "careful"},
             json{{"type", 2}, {"message", "careful"}});
  round_trip(ShowMessageParams{MessageType::Error, "broken"},
             json{{"type", 1}, {"message", "broken"}});
  // Values outside the enum are kept, not rejected (LSP lets both sides add values).
  CHECK(json{{"type", 9}, {"message", "m"}}.get<LogMessageParams>().type ==
        static_cast<MessageType>(9));
}

TEST_CASE("bad shapes name the field") {
  CHECK(bad<TextDocumentPositionParams>(
            json{{"textDocument", json::object()}, {"position", {{"line", 0}, {"character", 0}}}},
            "textDocument.uri") == "textDocument.uri: required field is missing");
  CHECK(bad<TextDocumentPositionParams>(
            json{{"textDocument", {{"uri", "u"}}}, {"position", {{"line", 0}, {"character", 1.5}}}},
            "position.character") == "position.character: expected an integer, got number");
  bad<TextDocumentPositionParams>(json{{"textDocument", {{"uri", "u"}}}}, "position");
  bad<Position>(json{{"line", 0}, {"character", -3}}, "character");
  bad<Position>(json{{"line", 18446744073709551615ull}, {"character", 0}}, "line");
  CHECK(bad<Position>(json::array(), "") == "expected an object, got array");
  bad<TextDocumentItem>(json{{"uri", "u"}, {"languageId", "md"}, {"version", 1}}, "text");
  bad<TextDocumentItem>(json{{"uri", 5}, {"languageId", "md"}, {"version", 1}, {"text", ""}},
                        "uri");

  json change = json::parse(R"({"textDocument":{"uri":"u","version":1},"contentChanges":[
      {"text":"a"},
      {"text":"b","range":{"start":{"line":0,"character":0},"end":{"line":"x"}}}]})");
  CHECK(bad<DidChangeTextDocumentParams>(change, "contentChanges[1].range.end.line") ==
        "contentChanges[1].range.end.line: expected an integer, got string");
  bad<DidChangeTextDocumentParams>(
      json::parse(R"({"textDocument":{"uri":"u","version":1},"contentChanges":{}})"),
      "contentChanges");

  bad<WorkspaceEdit>(json::parse(R"({"changes":{"file:///a":[{"newText":"x"}]}})"),
                     "changes.file:///a[0].range");
  json action_params = {{"textDocument", {{"uri", "u"}}}, {"range", kRangeJson}};
  action_params["context"] = json::parse(R"({"only":["quickfix"]})");
  bad<CodeActionParams>(action_params, "context.diagnostics");
  bad<CompletionItem>(json{{"label", "x"}, {"kind", "snippet"}}, "kind");
  json symbol = {{"name", "p"}, {"kind", 3}, {"range", kRangeJson}, {"selectionRange", kRangeJson}};
  symbol["children"] = json::array({json{{"name", "c"}, {"kind", 3}, {"range", kRangeJson}}});
  bad<DocumentSymbol>(symbol, "children[0].selectionRange");
  bad<Diagnostic>(json{{"range", kRangeJson}, {"message", "m"}, {"severity", "error"}}, "severity");
  bad<DidChangeWatchedFilesParams>(json{{"changes", {{{"uri", "u"}}}}}, "changes[0].type");
}

TEST_CASE("unknown fields are ignored and null optionals are absent") {
  auto d = json{{"range", kRangeJson}, {"message", "m"}, {"tags", {1}}, {"source", nullptr}}
               .get<Diagnostic>();
  CHECK(d.message == "m");
  CHECK(!d.source);
  auto pos = json{{"line", 1}, {"character", 2}, {"extra", "x"}}.get<Position>();
  CHECK(pos == Position{1, 2});
}

TEST_CASE("positions order by line, then character") {
  CHECK(Position{1, 5} < Position{2, 0});
  CHECK(Position{2, 0} < Position{2, 1});
  CHECK(!(Position{2, 1} < Position{2, 1}));
}
