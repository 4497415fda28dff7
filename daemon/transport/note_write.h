// The one way `mend serve` changes a note: read it, check the client's base_hash against its
// bytes, compute the new bytes, write them atomically (server/atomic_write.h), index the result.
// mend/insertTemplate and mend/answer both go through here, so a write on a stale base is
// refused the same way whichever button the person pressed.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "protocol/dispatcher.h"

namespace mend::transport {

class ServeState;

// What the edit sees: the note's checked path and its current bytes (nullopt: a new note).
struct NoteBase {
  std::string path;
  std::filesystem::path file;
  std::optional<std::string> current;
};

// Produces the new bytes, or sets `error` (a sentence) and returns nullopt to write nothing.
// `extra` gets fields for the result (e.g. the line where the text landed).
using NoteEdit = std::function<std::optional<std::string>(
    const NoteBase& base, protocol::json& extra, std::string& error)>;

// The note a request names: "path_bytes" (percent-encoded bytes, server/note_path.h) or "path",
// checked to be a note inside the folder. Throws protocol::InvalidParams otherwise.
std::string requested_note(ServeState& state, const protocol::json& params);

// Checks, edits, writes and replies exactly once: {path, hash, ...extra} or -32803 with
// data {path, hash (the current one)} on a stale base / data {path, conflict} on a lost race.
void write_note_checked(ServeState& state, const std::string& path,
                        const std::optional<std::string>& base_hash, const NoteEdit& edit,
                        protocol::Reply reply);

} // namespace mend::transport
