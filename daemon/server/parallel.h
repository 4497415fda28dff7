// The one place that starts worker threads for CPU work (analysing many notes at once).
// The event loop of the daemons lives in daemon/transport/; this is only a fork-join loop.
#pragma once

#include <cstddef>
#include <functional>

namespace mend::server {

// Runs fn(0..n-1) on `threads` workers and returns when all are done. threads == 0 runs
// everything on the calling thread (tests, and single notes). fn must be safe to call
// concurrently for different indices; exceptions it throws are rethrown here (the first one).
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn);

// The default worker count: the machine's cores.
unsigned default_threads();

} // namespace mend::server
