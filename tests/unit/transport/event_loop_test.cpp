// The loop's end: no background work outlives finish(), whatever it posted after exit().
#include "daemon/transport/event_loop.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using mend::transport::EventLoop;

TEST_CASE("finish waits for background work still running at exit and drains what it posted") {
  EventLoop loop(1);
  std::atomic<bool> release{false};
  std::atomic<bool> work_done{false};
  bool result_handled = false;
  loop.background([&] {
    // Still working when the loop exits, as the index is when `exit` arrives early.
    while (!release)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    loop.post([&] { result_handled = true; });
    work_done = true;
  });
  loop.post([&] { loop.exit(0); });
  REQUIRE(loop.run() == 0);
  CHECK_FALSE(work_done);
  release = true;
  loop.finish();
  CHECK(work_done);
  CHECK(result_handled); // posted after exit(): run by finish(), not left to the last owner
}

TEST_CASE("finish after exit with no background work returns at once and runs cancelled timers") {
  EventLoop loop(1);
  bool fired = false;
  loop.debounce("later", std::chrono::hours(1), [&] { fired = true; });
  loop.post([&] { loop.exit(3); });
  REQUIRE(loop.run() == 3);
  loop.finish();
  CHECK_FALSE(fired); // a cancelled timer's function does not run
}
