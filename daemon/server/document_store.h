// The documents the editor has open: their text (the editor's, never re-read from disk), parse
// tree, line index and latest analysis.
//
// Changes are applied exactly as LSP 3.17 describes: each content change applies to the text
// the previous one produced; a change with a range edits the tree-sitter tree in place, so only
// the changed region is reparsed. Positions are converted to bytes by engine::LineIndex, which
// clamps positions past the end and never splits a surrogate pair; a reversed range is
// normalised. Thread-safety: none; the event loop thread owns the store.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/engine/markdown.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/text.h"
#include "daemon/server/notes_folder.h"
#include "protocol/lsp_basic.h"
#include "protocol/lsp_document.h"

namespace mend::server {

// A document over kMaxNoteBytes is held and edited but not analysed, as `mend scan` skips such
// notes: its analysis stays empty and the server tells the user once (too_large_warned).
struct Document {
  explicit Document(std::string text)
      : markdown(std::move(text), kMaxNoteBytes), lines(markdown.text()) {}

  std::string uri;
  std::string path; // the note's path as the folder report knows it (relative to the root)
  std::int64_t version = 0;
  engine::MarkdownDocument markdown;
  engine::LineIndex lines; // over markdown.text(); rebuilt after every change
  engine::NoteAnalysis analysis;
  bool stale = true; // text changed since `analysis` was computed
  std::optional<std::vector<protocol::Diagnostic>> published; // what the client shows now
  bool too_large_warned = false;
  // The grammar ran out of its budget on the text, which is read line by line (MarkdownDocument)
  // until it shrinks: logged once each time the document goes line-level.
  bool line_level_warned = false;

  bool too_large() const { return markdown.over_limit(); }

  const std::string& text() const { return markdown.text(); }
};

class DocumentStore {
public:
  // Opening an already open document replaces it (the client reopened it).
  Document& open(const std::string& uri, std::string path, std::int64_t version, std::string text);
  bool close(const std::string& uri);
  Document* find(const std::string& uri);
  const Document* find(const std::string& uri) const;

  // Applies the changes in order. Never fails: ranges are clamped and normalised.
  static void apply(Document& doc, std::int64_t version,
                    const std::vector<protocol::TextDocumentContentChangeEvent>& changes,
                    engine::Encoding encoding);

  std::vector<Document*> all();

private:
  // unique_ptr: a Document's LineIndex points into its own text, so it must never move.
  std::map<std::string, std::unique_ptr<Document>> docs_;
};

} // namespace mend::server
