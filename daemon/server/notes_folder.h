// A notes folder on disk: which files are notes, and reading one safely.
//
// Notes are Markdown files (.md, .markdown) anywhere under the folder, except in hidden
// folders (.git, .mend, .obsidian, .trash…) and except the temporary and conflict files that
// editors and sync tools leave beside them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mend::server {

struct NoteFile {
  std::string path; // relative to the folder, '/' separated
  std::filesystem::path absolute;
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0; // with size and mtime, what a warm scan trusts (analysis_cache.h)
};

struct NoteListing {
  std::vector<NoteFile> files; // sorted by path
  std::vector<std::string> warnings;
};

// Walks `root` recursively. Directory symlinks are not followed (no loops); file symlinks are.
NoteListing list_notes(const std::filesystem::path& root);

// A note by its file name: Markdown, not hidden, not a sync tool's temporary or conflict copy
// ("note.sync-conflict-20261101-…md", "note (conflicted copy).md", "~note.md", ".#note.md").
bool is_note_name(std::string_view file_name);
bool is_ignored_dir_name(std::string_view dir_name);

struct NoteText {
  std::optional<std::string> text; // nullopt when the file was skipped
  std::string warning;             // set when something was wrong (skipped or repaired)
};

constexpr std::uintmax_t kMaxNoteBytes = 8u << 20;

// Reads a note: a file over `max_bytes` or holding NUL bytes (binary) is skipped with a
// warning; invalid UTF-8 is repaired (U+FFFD) with a warning, so the rest is still analysed.
// `check_utf8` false leaves that to a later repair_utf8() (a warm scan finds most notes in its
// cache by the hash of their bytes, which proves them valid without a validation pass).
NoteText read_note(const std::filesystem::path& file, std::uintmax_t max_bytes = kMaxNoteBytes,
                   bool check_utf8 = true);
// What read_note does when `check_utf8`: invalid UTF-8 replaced, with its warning. Returns
// whether the text changed.
bool repair_utf8(NoteText& note);

} // namespace mend::server
