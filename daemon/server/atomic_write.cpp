// Temp file + fsync + rename, with a re-check of the original just before the rename.
//
// Fault injection for tests: MEND_FAULT=write|fsync|rename makes that step fail with EIO
// (MEND_FAULT=enospc makes the write fail with ENOSPC), so tests can prove the original
// survives. It is read at each call; production never sets it.
#include "daemon/server/atomic_write.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mend::server {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempPrefix = ".mend-write-";

bool fault(const char* step) {
  const char* f = std::getenv("MEND_FAULT");
  return f && std::strcmp(f, step) == 0;
}

std::optional<std::string> read_all(const fs::path& file, bool* exists) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *exists = errno != ENOENT;
    return std::nullopt;
  }
  *exists = true;
  std::string out;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

std::string errno_text(int e) {
  return std::strerror(e);
}

bool write_all(int fd, std::string_view content, int* err) {
  if (fault("enospc")) {
    *err = ENOSPC;
    return false;
  }
  if (fault("write")) {
    *err = EIO;
    return false;
  }
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// mkstemp, then an exclusive flock held until the temporary is renamed or removed: the lock
// tells remove_stale_temporaries() that a live writer owns it (the kernel drops it when the
// writer dies). A cleaner that unlinked the file between mkstemp and flock is seen in its link
// count, and another name is tried.
int make_locked_temp(const std::string& temp_template, fs::path* temp) {
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<char> name(temp_template.begin(), temp_template.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) return -1;
    int rc;
    do
      rc = ::flock(fd, LOCK_EX);
    while (rc != 0 && errno == EINTR);
    (void)rc; // no flock on this filesystem (some FUSE mounts): written unlocked, as before
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_nlink > 0) {
      *temp = name.data();
      return fd;
    }
    ::close(fd);
  }
  errno = EEXIST;
  return -1;
}

void fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

std::uint64_t content_hash_value(std::string_view content) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string format_content_hash(std::uint64_t hash) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string content_hash(std::string_view content) {
  return format_content_hash(content_hash_value(content));
}

WriteOutcome write_note_atomically(const fs::path& file, std::string_view content,
                                   const std::optional<std::string>& expected) {
  WriteOutcome outcome;
  fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  struct stat original {};
  bool had_original = ::stat(file.c_str(), &original) == 0;
  if (expected && !had_original) {
    outcome.conflict = true;
    outcome.error = file.string() + " was removed since it was read; nothing written";
    return outcome;
  }
  if (!expected && had_original) {
    outcome.conflict = true;
    outcome.error = file.string() + " appeared since it was read; nothing written";
    return outcome;
  }
  std::string temp_template = (dir / (kTempPrefix + file.filename().string() + ".XXXXXX")).string();
  fs::path temp;
  int fd = make_locked_temp(temp_template, &temp);
  if (fd < 0) {
    outcome.error = "cannot create a temporary file in " + dir.string() + ": " + errno_text(errno);
    return outcome;
  }
  // The descriptor (and its lock) stays open until the temporary is renamed or removed.
  struct CloseAtEnd {
    int& fd;
    ~CloseAtEnd() {
      if (fd >= 0) ::close(fd);
    }
  } close_at_end{fd};
  auto fail = [&](const std::string& what, int e) {
    ::unlink(temp.c_str());
    outcome.error = what + ": " + errno_text(e) + "; " + file.string() + " is unchanged";
    return outcome;
  };
  int err = 0;
  if (!write_all(fd, content, &err)) return fail("cannot write " + file.string(), err);
  ::fchmod(fd, had_original ? (original.st_mode & 07777) : 0644);
  if (fault("fsync")) return fail("cannot flush " + file.string() + " to disk", EIO);
  if (::fsync(fd) != 0) return fail("cannot flush " + file.string() + " to disk", errno);

  // The last look before replacing: did someone else write the note meanwhile?
  bool exists = false;
  std::optional<std::string> current = read_all(file, &exists);
  bool changed = expected ? (!current || *current != *expected) : exists;
  if (changed) {
    ::unlink(temp.c_str());
    outcome.conflict = true;
    outcome.error = file.string() + " changed on disk since it was read; nothing written";
    return outcome;
  }
  if (fault("rename")) {
    ::unlink(temp.c_str());
    outcome.error = "cannot replace " + file.string() + ": " + errno_text(EIO) + "; " +
                    file.string() + " is unchanged";
    return outcome;
  }
  if (expected) {
    if (::rename(temp.c_str(), file.c_str()) != 0) {
      int e = errno;
      ::unlink(temp.c_str());
      outcome.error =
          "cannot replace " + file.string() + ": " + errno_text(e) + "; it is unchanged";
      return outcome;
    }
  } else {
    // Creating: link() fails if the name exists, so a note that appeared is never clobbered.
    if (::link(temp.c_str(), file.c_str()) != 0) {
      int e = errno;
      ::unlink(temp.c_str());
      outcome.conflict = e == EEXIST;
      outcome.error = "cannot create " + file.string() + ": " + errno_text(e);
      return outcome;
    }
    ::unlink(temp.c_str());
  }
  fsync_dir(dir);
  outcome.ok = true;
  return outcome;
}

int remove_stale_temporaries(const fs::path& folder) {
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind(kTempPrefix, 0) != 0 || !it->is_regular_file(ec)) continue;
    // A temporary whose lock is held belongs to a live writer (see make_locked_temp).
    int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) continue;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(it->path().c_str()) == 0) ++removed;
    ::close(fd);
  }
  return removed;
}

} // namespace mend::server
