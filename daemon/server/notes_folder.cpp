// Listing and reading the notes of a folder.
#include "daemon/server/notes_folder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/engine/unicode.h"
#include "daemon/server/note_path.h"

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
  for (std::string_view marker : {".sync-conflict-", "(conflicted copy", "(Conflicted copy",
                                  ".syncthing.", "~$", ".tmp.", "(conflict"})
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
      listing.warnings.push_back(path_for_people(it->path().string()) + ": " + ec.message());
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
      listing.warnings.push_back(path_for_people(entry.path().string()) + ": " +
                                 std::strerror(errno));
      continue;
    }
    NoteFile f;
    f.absolute = entry.path();
    // Lexically: fs::relative() resolves symlinks, which named a linked note after its target
    // (two notes with one path).
    f.path = entry.path().lexically_relative(root).generic_string();
    if (f.path.empty() || f.path.rfind("..", 0) == 0) f.path = entry.path().generic_string();
    f.size = static_cast<std::uintmax_t>(st.st_size);
    f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    f.inode = static_cast<std::uint64_t>(st.st_ino);
    listing.files.push_back(std::move(f));
  }
  std::sort(listing.files.begin(), listing.files.end(),
            [](const NoteFile& a, const NoteFile& b) { return a.path < b.path; });
  return listing;
}

NoteText read_note(const fs::path& file, std::uintmax_t max_bytes, bool check_utf8) {
  NoteText result;
  // O_NONBLOCK, then fstat: a FIFO or a device named like a note (mkfifo note.md, a link to
  // /dev/zero) must neither block the open nor be read forever.
  int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    result.warning = "cannot read: " + std::string(std::strerror(errno));
    return result;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    result.warning = "cannot read: not a regular file";
    return result;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    ::close(fd);
    result.warning = "skipped: " + std::to_string(st.st_size >> 20) + " MiB is larger than the " +
                     std::to_string(max_bytes >> 20) + " MiB a note may have";
    return result;
  }
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < text.size()) { // a file that shrank meanwhile is read as it is now
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      result.warning = "cannot read: " + std::string(std::strerror(e));
      return result;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(done);
  if (text.find('\0') != std::string::npos) {
    result.warning = "skipped: binary content (NUL bytes), not a text note";
    return result;
  }
  result.text = std::move(text);
  if (check_utf8) repair_utf8(result);
  return result;
}

bool repair_utf8(NoteText& note) {
  if (!note.text || engine::is_valid_utf8(*note.text)) return false;
  note.warning = "invalid UTF-8: analysed with the bad bytes replaced (the file is not changed)";
  note.text = engine::sanitize_utf8(*note.text);
  return true;
}

} // namespace mend::server
