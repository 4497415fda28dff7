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
//
// A long note may be held unparsed for a moment after it is opened (DocumentStore::open,
// `defer_parse`): markdown() parses it on first use. Why: the editor's first requests after
// didOpen (documentSymbol, diagnostics) need the note's analysis, not its trees, and the index
// often has that analysis for the very text (Workspace::indexed_hash); the parse (~0.2 s for
// 1 MB, on two threads) then comes right after those answers, before the first edit needs it.
struct Document {
  explicit Document(std::string text, unsigned parse_threads = 0, bool defer_parse = false);

  std::string uri;
  std::string path; // the note's path as the folder report knows it (relative to the root)
  std::int64_t version = 0;
  // Over text(); rebuilt after every change. Mutable: rebuilt when the text moves into its
  // MarkdownDocument at the deferred parse (a const use may trigger it).
  mutable engine::LineIndex lines;
  engine::NoteAnalysis analysis;
  bool stale = true;     // text changed since `analysis` was computed
  bool as_opened = true; // no change since didOpen: the text is the one the editor opened
  std::optional<std::vector<protocol::Diagnostic>> published; // what the client shows now
  bool too_large_warned = false;
  // The grammar ran out of its budget on the text, which is read line by line (MarkdownDocument)
  // until it shrinks: logged once each time the document goes line-level.
  bool line_level_warned = false;

  // The parsed note; parses it first if it is still held unparsed.
  engine::MarkdownDocument& markdown();
  const engine::MarkdownDocument& markdown() const;
  bool parsed() const { return markdown_.has_value(); }
  bool too_large() const {
    return markdown_ ? markdown_->over_limit() : unparsed_.size() > kMaxNoteBytes;
  }
  const std::string& text() const { return markdown_ ? markdown_->text() : unparsed_; }

private:
  void parse() const;
  mutable std::optional<engine::MarkdownDocument> markdown_;
  mutable std::string unparsed_; // the text until parse()
  unsigned parse_threads_ = 0;
};

class DocumentStore {
public:
  // A note of at least kOpenInPartsBytes is parsed at open in as many parts as `open_threads`,
  // at once (engine::MarkdownDocument::Parsed, parallel.h): the editor waits for that parse
  // before its first answer. 0 or 1 thread: one part. Edits are unchanged (one segment each).
  static constexpr std::size_t kOpenInPartsBytes = 128 * 1024;
  unsigned open_threads = 0;

  // Opening an already open document replaces it (the client reopened it). `defer_parse`: a
  // note of at least kOpenInPartsBytes is held unparsed until first used (see Document).
  Document& open(const std::string& uri, std::string path, std::int64_t version, std::string text,
                 bool defer_parse = false);
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
