// Watches a notes folder with inotify, read through the event loop (the inotify descriptor
// wrapped in an asio stream_descriptor), and reports what may have changed.
//
// Why per-directory watches: inotify is not recursive. Every subfolder (except hidden and
// ignored ones, like notes_folder.h's listing) gets its own watch; a new subfolder is watched
// when it appears and reported as Rescan, since files may land in it before its watch exists.
// Editors' rename-on-save shows up as a MOVED_TO of the note's name; sync tools' temporary and
// conflict files are filtered by is_note_name(). Thread-safety: loop thread only.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

namespace mend::transport {

struct WatchEvent {
  enum class Kind {
    Changed,  // a note was created, written, renamed to or from, or deleted: `path`
    Rescan,   // the queue overflowed or a folder appeared / went: list the folder again
    RootGone, // the watched folder itself was deleted or moved away
  };
  Kind kind = Kind::Changed;
  std::string path;      // relative, '/' separated (Changed only)
  bool overflow = false; // Rescan because the kernel's event queue overflowed
};

class FileWatcher {
public:
  using Handler = std::function<void(std::vector<WatchEvent>)>;

  FileWatcher(boost::asio::any_io_executor executor, std::filesystem::path root, Handler handler);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Starts watching (again). Returns false and sets *error when inotify is unavailable.
  bool start(std::string* error);
  void stop();
  std::size_t watch_count() const { return dirs_.size(); }

private:
  void add_tree(const std::filesystem::path& dir);
  void add_one(const std::filesystem::path& dir);
  void read_more();
  void parse(std::size_t bytes);

  boost::asio::any_io_executor executor_;
  std::filesystem::path root_;
  Handler handler_;
  std::unique_ptr<boost::asio::posix::stream_descriptor> stream_;
  std::map<int, std::string> dirs_; // watch descriptor -> folder, relative ("" for the root)
  int root_wd_ = -1;
  std::vector<char> buffer_;
};

} // namespace mend::transport
