// Listing and reading the notes of a folder.
#include "daemon/server/notes_folder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <sys/stat.h>

#include "daemon/engine/text.h"

namespace mend::server {

namespace fs = std::filesystem;

bool is_ignored_dir_name(std::string_view name) {
  return name.empty() || name[0] == '.' || name == "node_modules" || name == "__pycache__";
}

bool is_note_name(std::string_view name) {
  if (name.empty() || name[0] == '.' || name[0] == '~') return false;
  auto lower_ends = [&](std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      char c = name[name.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != suffix[i]) return false;
    }
    return true;
  };
  if (!lower_ends(".md") && !lower_ends(".markdown")) return false;
  // Sync tools' conflict copies and editors' temporary files.
  for (std::string_view marker : {".sync-conflict-", "(conflicted copy", "(Conflicted copy", ".syncthing.", "~$", ".tmp.", "(conflict"})
    if (name.find(marker) != std::string_view::npos) return false;
  return true;
}

NoteListing list_notes(const fs::path& root) {
  NoteListing listing;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    listing.warnings.push_back(root.string() + ": " + ec.message());
    return listing;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      listing.warnings.push_back(it->path().string() + ": " + ec.message());
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      if (is_ignored_dir_name(name) || entry.is_symlink(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_note_name(name) || !entry.is_regular_file(type_ec)) continue;
    struct stat st {};
    if (::stat(entry.path().c_str(), &st) != 0) {
      listing.warnings.push_back(entry.path().string() + ": " + std::strerror(errno));
      continue;
    }
    NoteFile f;
    f.absolute = entry.path();
    f.path = fs::relative(entry.path(), root, type_ec).generic_string();
    if (type_ec || f.path.empty()) f.path = entry.path().generic_string();
    f.size = static_cast<std::uintmax_t>(st.st_size);
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    listing.files.push_back(std::move(f));
  }
  std::sort(listing.files.begin(), listing.files.end(), [](const NoteFile& a, const NoteFile& b) { return a.path < b.path; });
  return listing;
}

NoteText read_note(const fs::path& file, std::uintmax_t max_bytes) {
  NoteText result;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    result.warning = "cannot read: " + std::string(std::strerror(errno));
    return result;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) {
    result.warning = "cannot read: not a regular file";
    return result;
  }
  if (static_cast<std::uintmax_t>(size) > max_bytes) {
    result.warning = "skipped: " + std::to_string(size >> 20) + " MiB is larger than the " +
                     std::to_string(max_bytes >> 20) + " MiB a note may have";
    return result;
  }
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(text.data(), size)) {
    result.warning = "cannot read: " + std::string(std::strerror(errno));
    return result;
  }
  if (text.find('\0') != std::string::npos) {
    result.warning = "skipped: binary content (NUL bytes), not a text note";
    return result;
  }
  if (!engine::is_valid_utf8(text)) {
    result.warning = "invalid UTF-8: analysed with the bad bytes replaced (the file is not changed)";
    text = engine::sanitize_utf8(text);
  }
  result.text = std::move(text);
  return result;
}

}  // namespace mend::server
