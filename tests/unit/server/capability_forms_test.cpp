// Unit tests of the two forms each feature answers in, by what the client supports: completion
// (snippet or plain text), hover (markdown or plain text), code actions (literals or commands,
// documentChanges or changes) and document symbols (tree or flat list). The protocol-level
// tests of the same flags are tests/lsp/test_capabilities.py.
#include <catch2/catch.hpp>

#include <algorithm>

#include "daemon/server/code_actions.h"
#include "daemon/server/completion.h"
#include "daemon/server/edits.h"
#include "daemon/server/hover.h"
#include "daemon/server/symbols.h"
#include "server_test_support.h"

using namespace mend;
using server::Document;
using server::NoteContext;

namespace {

const server::Context& context() {
  return test::server_context();
}

std::unique_ptr<Document> open_note(const std::string& text) {
  return test::open_note("why.md", text, 3);
}

// Markers pin the step and its questions, so these tests do not depend on recognising wording.
const std::string kNote = "# Why Sam left\n"
                          "<!-- mend:step why -->\n"
                          "\n"
                          "## What did Sam say?\n"
                          "<!-- mend:q why.official -->\n"
                          "He said he needed space.\n"
                          "\n"
                          "## What went unsaid?\n"
                          "<!-- mend:q why.unofficial -->\n"
                          "\n"
                          "/\n";

protocol::Position pos(int line, int character) {
  return {line, character};
}

} // namespace

TEST_CASE("completion: snippets only for a client with snippetSupport, always asIs") {
  auto doc = open_note(kNote);
  engine::FolderReport report;
  NoteContext note{*doc, context(), report};

  auto snippets = server::completion(note, pos(10, 1), true);
  REQUIRE(!snippets.items.empty());
  for (const auto& item : snippets.items) {
    CHECK(item.insertTextFormat == protocol::InsertTextFormat::Snippet);
    CHECK(item.insertTextMode == protocol::InsertTextMode::AsIs);
    CHECK(item.textEdit->newText.find("${1:") != std::string::npos);
  }

  auto plain = server::completion(note, pos(10, 1), false);
  REQUIRE(plain.items.size() == snippets.items.size());
  for (std::size_t i = 0; i < plain.items.size(); ++i) {
    const auto& item = plain.items[i];
    INFO(item.label);
    CHECK(item.label == snippets.items[i].label);
    CHECK(item.insertTextFormat == protocol::InsertTextFormat::PlainText);
    CHECK(item.insertTextMode == protocol::InsertTextMode::AsIs);
    const std::string& text = item.textEdit->newText;
    CHECK(text.find("${") == std::string::npos);
    CHECK(text.find("$0") == std::string::npos);
    CHECK(text.find("_your answer_") != std::string::npos);
    // The same range is replaced in both forms.
    CHECK(item.textEdit->range == snippets.items[i].textEdit->range);
  }
}

TEST_CASE("hover: markdown or plain text, the same words") {
  auto doc = open_note(kNote);
  engine::FolderReport report;
  NoteContext note{*doc, context(), report};
  auto markdown = server::hover(note, pos(3, 5), true);
  auto plain = server::hover(note, pos(3, 5), false);
  REQUIRE(markdown);
  REQUIRE(plain);
  CHECK(markdown->contents.kind == "markdown");
  CHECK(plain->contents.kind == "plaintext");
  CHECK(markdown->contents.value.find("`why.official`") != std::string::npos);
  CHECK(plain->contents.value.find('`') == std::string::npos);
  CHECK(plain->contents.value.find("**") == std::string::npos);
  CHECK(plain->contents.value.find("State: answered · why.official") != std::string::npos);
  CHECK(plain->range == markdown->range);
  // A step heading, too.
  auto step = server::hover(note, pos(0, 3), false);
  REQUIRE(step);
  CHECK(step->contents.kind == "plaintext");
  CHECK(step->contents.value.find("**") == std::string::npos);
}

TEST_CASE("code actions: literals carry their edit, commands name the same insertion") {
  auto doc = open_note(kNote);
  engine::FolderReport report;
  NoteContext note{*doc, context(), report};
  protocol::CodeActionParams params;
  params.textDocument.uri = doc->uri;
  params.range = {pos(9, 0), pos(9, 0)};

  auto literals = server::code_actions(note, params, {true, true});
  auto commands = server::code_actions(note, params, {false, true});
  REQUIRE(!literals.empty());
  REQUIRE(literals.size() == commands.size());
  for (std::size_t i = 0; i < literals.size(); ++i) {
    INFO(literals[i].title);
    CHECK(literals[i].edit);
    CHECK(!literals[i].command);
    CHECK(!commands[i].edit);
    REQUIRE(commands[i].command);
    CHECK(commands[i].command->title == literals[i].title);
    CHECK(commands[i].command->arguments->at(0)["uri"] == doc->uri);
  }
  // "Insert step: X" at a point: the command carries that point, and executing it (what
  // mend.insertTemplate does with it) gives the literal's edit.
  auto it = std::find_if(literals.begin(), literals.end(), [](const protocol::CodeAction& a) {
    return a.title.rfind("Insert step: ", 0) == 0;
  });
  REQUIRE(it != literals.end());
  const auto& command = *commands[static_cast<std::size_t>(it - literals.begin())].command;
  CHECK(command.command == "mend.insertTemplate");
  const auto& arg = command.arguments->at(0);
  REQUIRE(arg.contains("position"));
  auto at = note.offset(arg["position"].get<protocol::Position>());
  auto edit = server::insert_template_edit(note, arg["template"].get<std::string>(), at);
  REQUIRE(edit);
  CHECK(it->edit->documentChanges->at(0).edits.at(0) == *edit);
  CHECK(it->edit->documentChanges->at(0).textDocument.version == 3);

  // Without documentChanges: the `changes` map.
  auto changes = server::code_actions(note, params, {true, false});
  REQUIRE(changes[0].edit);
  CHECK(!changes[0].edit->documentChanges);
  CHECK(changes[0].edit->changes->count(doc->uri) == 1);
}

TEST_CASE("document symbols flattened: steps, then their questions naming them") {
  auto doc = open_note(kNote);
  engine::FolderReport report;
  NoteContext note{*doc, context(), report};
  auto tree = server::document_symbols(note);
  REQUIRE(tree.size() == 1);
  REQUIRE(tree[0].children.size() == 2);
  auto flat = server::flatten_symbols(tree, doc->uri);
  REQUIRE(flat.size() == 3);
  CHECK(flat[0].name == tree[0].name);
  CHECK(!flat[0].containerName);
  CHECK(flat[0].location.range == tree[0].range);
  CHECK(flat[1].containerName == tree[0].name);
  CHECK(flat[1].kind == protocol::SymbolKind::Field);
  CHECK(flat[2].location.range == tree[0].children[1].range);
  for (const auto& s : flat)
    CHECK(s.location.uri == doc->uri);
  CHECK(server::flatten_symbols({}, doc->uri).empty());
}
