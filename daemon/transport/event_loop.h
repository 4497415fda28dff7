// The event loop of `mend lsp`: one Boost.Asio io_context on one thread owns all protocol and
// server state. Other threads (the stdin reader, index workers) only post() to it.
//
// Thread-safety: post() may be called from any thread; everything else from the loop thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "daemon/server/lsp_server.h"

namespace mend::transport {

class EventLoop : public server::Loop {
public:
  // `workers`: threads for background work; 0 runs it on the loop thread (tests).
  explicit EventLoop(unsigned workers,
                     std::chrono::milliseconds parent_poll = std::chrono::seconds(1));
  ~EventLoop() override;

  void post(std::function<void()> fn) override;
  void debounce(const std::string& key, std::chrono::milliseconds delay,
                std::function<void()> fn) override;
  void background(std::function<void()> work) override;
  void watch_parent(std::int64_t pid) override;
  void exit(int code) override;

  // Runs until exit(); returns its code.
  int run();
  // After run() has returned and whatever posts to this loop is gone: waits for the background
  // work, then runs what it and others posted since exit() (each checks that its owner is
  // alive), so that only the stdin reader's chunks, which hold nothing, are left to destroy
  // on whichever thread drops the loop last.
  void finish();
  boost::asio::io_context& io() { return io_; }
  bool exiting() const { return exit_code_.has_value(); }

private:
  void poll_parent();

  boost::asio::io_context io_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard_;
  std::unique_ptr<boost::asio::thread_pool> pool_;
  std::map<std::string, std::unique_ptr<boost::asio::steady_timer>> timers_;
  boost::asio::steady_timer parent_timer_;
  std::chrono::milliseconds parent_poll_;
  std::int64_t parent_pid_ = 0;
  std::optional<int> exit_code_;
};

} // namespace mend::transport
