// base_hash check, edit, atomic write, re-index: shared by every write mend serve makes.
#include "daemon/transport/note_write.h"

#include "daemon/server/atomic_write.h"
#include "daemon/server/folder_index.h"
#include "daemon/server/note_path.h"
#include "daemon/server/notes_folder.h"
#include "daemon/transport/serve_state.h"
#include "protocol/json_read.h"
#include "protocol/uri.h"

namespace mend::transport {

namespace fs = std::filesystem;
using protocol::ErrorCode;
using protocol::json;

namespace {

json with_path(const std::string& path, json fields) {
  server::put_path(fields, "path", path);
  return fields;
}

} // namespace

std::string requested_note(ServeState& state, const json& params) {
  std::optional<std::string> bytes, path;
  protocol::read_optional(params, "path_bytes", bytes);
  if (bytes) {
    path = protocol::percent_decode(*bytes);
  } else {
    std::string p;
    protocol::read_field(params, "path", p);
    path = p;
  }
  std::string why;
  auto checked = state.index().normalise_path(*path, &why);
  if (!checked) throw protocol::InvalidParams(bytes ? "path_bytes" : "path", why);
  return *checked;
}

void write_note_checked(ServeState& state, const std::string& path,
                        const std::optional<std::string>& base_hash, const NoteEdit& edit,
                        protocol::Reply reply) {
  const std::string shown = server::path_for_people(path); // in messages
  server::FolderIndex& index = state.index();
  NoteBase base;
  base.path = path;
  base.file = index.root() / fs::path(path);
  std::error_code ec;
  if (!fs::is_directory(base.file.parent_path(), ec)) {
    reply.error(ErrorCode::RequestFailed, "cannot write " + shown + ": its folder does not exist");
    return;
  }
  if (fs::exists(fs::symlink_status(base.file, ec))) {
    if (!fs::is_regular_file(base.file, ec)) {
      reply.error(ErrorCode::RequestFailed, shown + " is not a regular file");
      return;
    }
    base.current = server::read_file_bytes(base.file, server::kMaxNoteBytes);
    if (!base.current) {
      reply.error(ErrorCode::RequestFailed,
                  "cannot read " + shown + " (unreadable, or larger than a note may be)");
      return;
    }
  }
  if (base.current && (!base_hash || *base_hash != server::content_hash(*base.current))) {
    std::string now = server::content_hash(*base.current);
    reply.error(ErrorCode::RequestFailed,
                shown + " changed since you last saw it (its hash is now " + now + ", you sent " +
                    (base_hash ? *base_hash : std::string("null")) +
                    "): nothing was written; read it again with mend/progress and retry",
                with_path(path, {{"hash", now}}));
    return;
  }
  if (!base.current && base_hash) {
    reply.error(ErrorCode::RequestFailed,
                shown + " no longer exists: nothing was written; send base_hash null to create it",
                with_path(path, {{"hash", nullptr}}));
    return;
  }
  json extra = json::object();
  std::string error;
  std::optional<std::string> updated = edit(base, extra, error);
  if (!updated) {
    reply.error(ErrorCode::RequestFailed, error);
    return;
  }
  server::WriteOutcome outcome = server::write_note_atomically(base.file, *updated, base.current);
  if (!outcome.ok) {
    reply.error(ErrorCode::RequestFailed, outcome.error,
                with_path(path, {{"conflict", outcome.conflict}}));
    return;
  }
  // Index the write now (the watcher will see it too, and find nothing new).
  if (index.refresh(path)) state.notes_changed({path});
  json result = with_path(path, {{"hash", server::content_hash(*updated)}});
  for (auto& [key, value] : extra.items())
    result[key] = value;
  reply(std::move(result));
}

} // namespace mend::transport
