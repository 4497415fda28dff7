// Crash-safe writes to notes: a temporary file in the same folder, fsync, rename. A note is
// always either its old or its new version, and a write refuses to clobber a note that changed
// since it was read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace mend::server {

struct WriteOutcome {
  bool ok = false;
  bool conflict = false; // the note changed on disk since it was read: nothing was written
  std::string error;     // a clear sentence when !ok
};

// Replaces `file` with `content`, provided its current bytes are still `expected`
// (`expected` = nullopt: the file must not exist yet, and is created without ever
// truncating one that appeared meanwhile). Keeps the original's permission bits.
WriteOutcome write_note_atomically(const std::filesystem::path& file, std::string_view content,
                                   const std::optional<std::string>& expected);

// Removes temporary files a killed writer left in `folder` (mend's prefix). A temporary that a
// live writer still holds (its flock) is left alone, so concurrent writers never break each other.
int remove_stale_temporaries(const std::filesystem::path& folder);

// A content fingerprint (FNV-1a 64, hex): clients send it back to prove what they last saw.
std::string content_hash(std::string_view content);
// The same as a number, and written as content_hash() writes it.
std::uint64_t content_hash_value(std::string_view content);
std::string format_content_hash(std::uint64_t hash);

} // namespace mend::server
