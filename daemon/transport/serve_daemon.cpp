// The `mend serve` run: lock, listen, watch, publish the token, index while serving, serve until
// a signal.
#include "daemon/transport/serve_daemon.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <mutex>
#include <set>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include "daemon/server/analysis_cache.h"
#include "daemon/server/atomic_write.h"
#include "daemon/server/folder_index.h"
#include "daemon/transport/event_loop.h"
#include "daemon/transport/file_watcher.h"
#include "daemon/transport/serve_indexer.h"
#include "daemon/transport/serve_listener.h"
#include "daemon/transport/serve_state.h"

namespace mend::transport {

namespace fs = std::filesystem;
namespace net = boost::asio;

namespace {

void say(const std::string& line) {
  std::cerr << "mend serve: " << line << "\n" << std::flush;
}

// The folder lock: DIR/.mend/serve.lock, flock(LOCK_EX|LOCK_NB), our pid inside. The kernel
// drops the lock when the process dies, so a killed daemon's lock is simply taken over.
class FolderLock {
public:
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool acquire(const fs::path& folder, std::string* error) {
    fs::path dir = folder / ".mend";
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::path file = dir / "serve.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0) {
      *error = "cannot create the lock file " + file.string() + ": " + std::strerror(errno);
      return false;
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      char buf[32] = {0};
      ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
      std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
        pid.pop_back();
      *error = "another mend serve" + (pid.empty() ? std::string() : " (pid " + pid + ")") +
               " is already serving this folder; stop it first (lock: " + file.string() + ")";
      return false;
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
      // The lock holds even if the pid could not be written.
    }
    return true;
  }

private:
  int fd_ = -1;
};

std::string random_token() {
  unsigned char bytes[32];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("cannot read random bytes for the token: ") +
                               std::strerror(errno));
    }
    got += static_cast<std::size_t>(n);
  }
  static const char* hex = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token.push_back(hex[b >> 4]);
    token.push_back(hex[b & 15]);
  }
  return token;
}

// Writes the token file with mode 0600 from the start (never readable by others, even briefly).
bool write_token_file(const fs::path& file, const std::string& content, std::string* error) {
  std::error_code ec;
  fs::path dir = file.parent_path();
  if (!fs::exists(dir, ec)) {
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      *error = "cannot create " + dir.string() + ": " + std::strerror(errno);
      return false;
    }
  }
  fs::path tmp = file;
  tmp += ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    *error = "cannot write " + tmp.string() + ": " + std::strerror(errno);
    return false;
  }
  ::fchmod(fd, 0600);
  bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ok = ::fsync(fd) == 0 && ok;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), file.c_str()) != 0) {
    *error = "cannot write " + file.string() + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

engine::Date local_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  return engine::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Gathers watcher events for a short while, then applies them to the index at once.
class ChangeBatcher {
public:
  ChangeBatcher(net::io_context& ioc, ServeState& state, FileWatcher& watcher, fs::path root)
      : timer_(ioc), root_timer_(ioc), state_(state), watcher_(watcher), root_(std::move(root)) {}

  void add(std::vector<WatchEvent> events) {
    for (auto& e : events) {
      if (e.kind == WatchEvent::Kind::Changed)
        paths_.insert(e.path);
      else if (e.kind == WatchEvent::Kind::Rescan) {
        rescan_ = true;
        if (e.overflow)
          say("the watch queue overflowed (too many changes at once); listing the folder again");
      } else
        root_gone_ = true;
    }
    if (armed_) return;
    armed_ = true;
    timer_.expires_after(std::chrono::milliseconds(80));
    timer_.async_wait([this](boost::system::error_code ec) {
      armed_ = false;
      if (!ec) apply();
    });
  }

  void cancel() {
    timer_.cancel();
    root_timer_.cancel();
  }

private:
  void apply() {
    server::FolderIndex& index = state_.index();
    std::set<std::string> changed;
    std::error_code ec;
    if (root_gone_ || !fs::is_directory(root_, ec)) {
      root_gone_ = false;
      paths_.clear();
      rescan_ = false;
      if (!state_.folder_missing()) {
        say("the folder " + root_.string() +
            " was removed or moved away; serving an empty folder until it is back");
        state_.set_folder_missing(true);
        watcher_.stop();
        auto removed = index.clear();
        state_.notes_changed(removed);
        poll_root();
      }
      return;
    }
    if (rescan_) {
      rescan_ = false;
      for (auto& p : index.rescan())
        changed.insert(p);
    }
    for (const auto& p : paths_)
      if (index.refresh(p)) changed.insert(p);
    paths_.clear();
    for (const auto& w : index.take_warnings())
      say("warning: " + w);
    if (!changed.empty())
      state_.notes_changed(std::vector<std::string>(changed.begin(), changed.end()));
  }

  void poll_root() {
    root_timer_.expires_after(std::chrono::seconds(1));
    root_timer_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      std::error_code fs_ec;
      if (!fs::is_directory(root_, fs_ec)) {
        poll_root();
        return;
      }
      std::string error;
      if (!watcher_.start(&error)) {
        say(error);
        poll_root();
        return;
      }
      say("the folder " + root_.string() + " is back; indexing it again");
      state_.set_folder_missing(false);
      state_.notes_changed(state_.index().rescan());
    });
  }

  net::steady_timer timer_, root_timer_;
  ServeState& state_;
  FileWatcher& watcher_;
  fs::path root_;
  std::set<std::string> paths_;
  bool rescan_ = false, root_gone_ = false, armed_ = false;
};

} // namespace

fs::path token_file_path(const fs::path& folder) {
  std::string name = "serve-" + server::content_hash(folder.string()) + ".json";
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::error_code ec;
  if (runtime && *runtime && fs::path(runtime).is_absolute() && fs::is_directory(runtime, ec))
    return fs::path(runtime) / "mend" / name;
  return folder / ".mend" / name;
}

int run_serve(const ServeOptions& options) {
  std::error_code ec;
  fs::path root = fs::canonical(options.folder, ec);
  if (ec) {
    say(options.display_folder + ": " + ec.message());
    return 2;
  }
  FolderLock lock;
  std::string error;
  if (!lock.acquire(root, &error)) {
    say(error);
    return 1;
  }
  server::remove_stale_temporaries(root);

  auto today = options.today ? std::function<engine::Date()>([d = *options.today] { return d; })
                             : std::function<engine::Date()>(local_today);
  server::FolderIndex index(root, options.display_folder, options.config, today);
  for (const auto& p : index.pack_problems())
    say("warning: " + p.source + (p.line >= 0 ? ":" + std::to_string(p.line + 1) : "") + ": " +
        p.message);

  if (options.cache)
    if (auto dir = server::default_cache_dir())
      index.use_cache(server::ScanCacheOptions{
          server::cache_file_for(*dir, root),
          server::analysis_identity(&root, options.config, options.version)});

  // The loop, and one worker for the first index (which starts its own, parallel.h). Declared
  // after the index, so its destructor joins the worker while the index is still there.
  EventLoop loop(1);
  net::io_context& ioc = loop.io();
  AccessPolicy policy;
  policy.token = random_token();
  auto state = std::make_shared<ServeState>(policy, ServeLimits{}, index);
  auto listener = std::make_shared<ServeListener>(ioc, state);
  if (!listener->open(options.port, &error)) {
    say(error);
    return 1;
  }
  unsigned short port = listener->port();
  state->set_port(port); // Host and Origin must name the port we really got

  ChangeBatcher* batcher_ptr = nullptr;
  FileWatcher watcher(ioc.get_executor(), root, [&](std::vector<WatchEvent> events) {
    if (batcher_ptr) batcher_ptr->add(std::move(events));
  });
  ChangeBatcher batcher(ioc, *state, watcher, root);
  batcher_ptr = &batcher;
  if (!watcher.start(&error)) {
    say(error);
    return 1;
  }
  // The watch runs before the first listing, so every change after it is seen: a note the
  // watcher refreshes while the index is built keeps what refresh() read (folder_index.h).

  fs::path token_file = token_file_path(root);
  nlohmann::json info = {{"port", port},
                         {"token", policy.token},
                         {"pid", ::getpid()},
                         {"folder", root.string()},
                         {"url", "http://127.0.0.1:" + std::to_string(port) + "/"}};
  if (!write_token_file(token_file, info.dump(2) + "\n", &error)) {
    say(error);
    return 1;
  }
  listener->run();
  say("indexing " + options.display_folder + " …");
  ServeIndexer indexer(loop, *state, options.threads, say);
  indexer.start();
  say("serving " + options.display_folder + " on 127.0.0.1:" + std::to_string(port) +
      " (connection details in " + token_file.string() + ")");
  say("open http://127.0.0.1:" + std::to_string(port) + "/?token=" + policy.token);

  // A new day changes what the rules say (an action log becomes overdue): re-judge at midnight.
  net::steady_timer day_timer(ioc);
  engine::Date judged_on = index.today();
  std::function<void()> watch_the_date = [&] {
    day_timer.expires_after(std::chrono::seconds(30));
    day_timer.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      if (!(index.today() == judged_on)) {
        judged_on = index.today();
        say("a new day (" + engine::format_iso(judged_on) + "): judging the folder again");
        state->notes_changed({});
      }
      watch_the_date();
    });
  };
  if (!options.today) watch_the_date();

  net::signal_set signals(ioc, SIGINT, SIGTERM);
  net::steady_timer deadline(ioc);
  int exit_code = 0;
  std::chrono::steady_clock::time_point until;
  std::function<void()> wait_for_sessions = [&] {
    if (state->session_count() == 0 || std::chrono::steady_clock::now() >= until) {
      loop.exit(0);
      return;
    }
    deadline.expires_after(std::chrono::milliseconds(20));
    deadline.async_wait([&](boost::system::error_code) { wait_for_sessions(); });
  };
  signals.async_wait([&](boost::system::error_code ec, int signal) {
    if (ec) return;
    say(std::string("stopping (") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ")");
    listener->stop();
    indexer.stop();
    watcher.stop();
    batcher.cancel();
    day_timer.cancel();
    state->shutdown(); // each WebSocket closes after its queued messages are written
    // HTTP keep-alive connections and slow closes get a short grace period, then the loop ends.
    until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    wait_for_sessions();
  });
  loop.run();
  ::unlink(token_file.c_str());
  say("stopped");
  return exit_code;
}

} // namespace mend::transport
