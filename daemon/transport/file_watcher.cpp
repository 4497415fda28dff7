// inotify through the event loop.
#include "daemon/transport/file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "daemon/server/notes_folder.h"

namespace mend::transport {

namespace fs = std::filesystem;
namespace net = boost::asio;

namespace {
constexpr std::uint32_t kDirMask = IN_CREATE | IN_CLOSE_WRITE | IN_MODIFY | IN_DELETE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                                   IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;
}

FileWatcher::FileWatcher(net::any_io_executor executor, fs::path root, Handler handler)
    : executor_(std::move(executor)), root_(std::move(root)), handler_(std::move(handler)),
      buffer_(64 * 1024) {}

FileWatcher::~FileWatcher() {
  stop();
}

bool FileWatcher::start(std::string* error) {
  stop();
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot watch the folder (inotify): ") + std::strerror(errno);
    return false;
  }
  stream_ = std::make_unique<net::posix::stream_descriptor>(executor_, fd);
  add_tree(root_);
  if (root_wd_ < 0) {
    *error = "cannot watch " + root_.string() + ": " + std::strerror(errno);
    stop();
    return false;
  }
  read_more();
  return true;
}

void FileWatcher::stop() {
  if (stream_) {
    boost::system::error_code ignored;
    stream_->close(ignored); // closes the inotify fd: every watch goes with it
    stream_.reset();
  }
  dirs_.clear();
  root_wd_ = -1;
}

void FileWatcher::add_one(const fs::path& dir) {
  int wd = ::inotify_add_watch(stream_->native_handle(), dir.c_str(), kDirMask);
  if (wd < 0) {
    if (errno == ENOSPC)
      std::cerr << "mend serve: warning: out of inotify watches (fs.inotify.max_user_watches); "
                << dir.string() << " is not watched\n";
    return;
  }
  std::error_code ec;
  std::string rel = dir == root_ ? std::string() : fs::relative(dir, root_, ec).generic_string();
  if (rel == ".") rel.clear();
  dirs_[wd] = rel;
  if (dir == root_) root_wd_ = wd;
}

void FileWatcher::add_tree(const fs::path& dir) {
  add_one(dir);
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_directory(type_ec)) continue;
    if (it->is_symlink(type_ec) || server::is_ignored_dir_name(it->path().filename().string())) {
      it.disable_recursion_pending();
      continue;
    }
    add_one(it->path());
  }
}

void FileWatcher::read_more() {
  if (!stream_) return;
  stream_->async_read_some(net::buffer(buffer_),
                           [this](boost::system::error_code ec, std::size_t bytes) {
                             if (ec) return; // closed (stop) or failed
                             parse(bytes);
                             read_more();
                           });
}

void FileWatcher::parse(std::size_t bytes) {
  std::vector<WatchEvent> events;
  bool rescan = false, overflow = false;
  std::size_t pos = 0;
  while (pos + sizeof(inotify_event) <= bytes) {
    inotify_event ev;
    std::memcpy(&ev, buffer_.data() + pos, sizeof ev);
    std::string name =
        ev.len ? std::string(buffer_.data() + pos + sizeof(inotify_event)) : std::string();
    pos += sizeof(inotify_event) + ev.len;
    if (ev.mask & IN_Q_OVERFLOW) {
      rescan = overflow = true;
      continue;
    }
    if (ev.wd == root_wd_ && (ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))) {
      events.push_back({WatchEvent::Kind::RootGone, {}});
      continue;
    }
    auto dir = dirs_.find(ev.wd);
    if (dir == dirs_.end()) continue;
    if (ev.mask & IN_IGNORED) {
      dirs_.erase(dir);
      continue;
    }
    if (ev.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) continue; // its parent reports it too
    std::string rel = dir->second.empty() ? name : dir->second + "/" + name;
    if (ev.mask & IN_ISDIR) {
      if (server::is_ignored_dir_name(name)) continue;
      if (ev.mask & (IN_CREATE | IN_MOVED_TO)) add_tree(root_ / fs::path(rel));
      if (ev.mask & (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) rescan = true;
      continue;
    }
    if (!server::is_note_name(name)) continue; // temporary, conflict, hidden or non-Markdown files
    events.push_back({WatchEvent::Kind::Changed, rel});
  }
  if (rescan) events.push_back({WatchEvent::Kind::Rescan, {}, overflow});
  if (!events.empty()) handler_(std::move(events));
}

} // namespace mend::transport
