// The loop, its timers, the worker pool and the parent-process watch.
#include "daemon/transport/event_loop.h"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <csignal>

namespace mend::transport {

EventLoop::EventLoop(unsigned workers, std::chrono::milliseconds parent_poll)
    : parent_timer_(io_), parent_poll_(parent_poll) {
  guard_.emplace(io_.get_executor());
  if (workers > 0) pool_ = std::make_unique<boost::asio::thread_pool>(workers);
}

EventLoop::~EventLoop() {
  if (pool_) pool_->join();
}

void EventLoop::post(std::function<void()> fn) {
  boost::asio::post(io_, std::move(fn));
}

void EventLoop::debounce(const std::string& key, std::chrono::milliseconds delay,
                         std::function<void()> fn) {
  auto& timer = timers_[key];
  if (!timer) timer = std::make_unique<boost::asio::steady_timer>(io_);
  timer->expires_after(delay); // cancels a pending wait
  timer->async_wait([fn = std::move(fn)](const boost::system::error_code& ec) {
    if (!ec) fn();
  });
}

void EventLoop::background(std::function<void()> work) {
  if (!pool_) {
    post(std::move(work));
    return;
  }
  boost::asio::post(*pool_, [work = std::move(work)] {
    try {
      work();
    } catch (const std::exception& e) {
      spdlog::error("background work failed: {}", e.what());
    }
  });
}

void EventLoop::watch_parent(std::int64_t pid) {
  if (pid <= 0) return;
  parent_pid_ = pid;
  poll_parent();
}

void EventLoop::poll_parent() {
  parent_timer_.expires_after(parent_poll_);
  parent_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec || exiting()) return;
    if (::kill(static_cast<pid_t>(parent_pid_), 0) != 0 && errno == ESRCH) {
      spdlog::info("the client process {} is gone: exiting", parent_pid_);
      exit(1);
      return;
    }
    poll_parent();
  });
}

void EventLoop::exit(int code) {
  if (exit_code_) return;
  exit_code_ = code;
  for (auto& [key, timer] : timers_)
    timer->cancel();
  parent_timer_.cancel();
  guard_.reset();
  io_.stop();
}

int EventLoop::run() {
  io_.run();
  return exit_code_.value_or(1);
}

void EventLoop::finish() {
  if (pool_) pool_->join();
  io_.restart();
  io_.poll();
}

} // namespace mend::transport
