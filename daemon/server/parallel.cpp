// Fork-join parallel loop over std::thread.
#include "daemon/server/parallel.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace mend::server {

unsigned default_threads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn) {
  if (threads == 0 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i)
      fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  unsigned count = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  for (unsigned t = 1; t < count; ++t)
    pool.emplace_back(work);
  work();
  for (auto& t : pool)
    t.join();
  if (error) std::rethrow_exception(error);
}

} // namespace mend::server
