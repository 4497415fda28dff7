// mend serve's first index, built while the daemon already serves.
//
// Why: indexing 10k notes cold takes seconds, and a daemon that listens only afterwards leaves
// its page and clients with a refused connection meanwhile. The scan (FolderIndex::scan, which
// is scan_folder: the warm cache, the prefilter and the section skipping of `mend scan`) runs
// on the event loop's worker (event_loop.h); the notes it has done are handed to the loop
// thread in batches, at most every kBatchEvery, so requests are answered from the first moment,
// marked "partial" until the last note is in (protocol/README.md, "mend serve").
// Why batches: one post to the loop per batch, not per note. A hand-over does not judge the
// folder: the index judges when a report is read (FolderIndex::report()), so the work of a start
// stays linear in the notes however many batches it takes.
//
// Thread-safety: start() and stop() on the loop thread. The batches in between are shared with
// the scan's workers under a mutex; the index is touched only on the loop thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace mend::transport {

class EventLoop;
class ServeState;

class ServeIndexer {
public:
  static constexpr std::chrono::milliseconds kBatchEvery{100};

  // `say` prints one line for the person who started the daemon (loop thread only).
  ServeIndexer(EventLoop& loop, ServeState& state, unsigned threads,
               std::function<void(const std::string&)> say);
  ~ServeIndexer();

  // Starts the first index: the index is partial until the scan's last batch is in, then
  // subscribers get mend/didChangeProgress with "changed": [].
  void start();
  // The scan takes no more notes and what it has done is dropped (the daemon is stopping).
  void stop();

private:
  struct Feed;
  void hand_over(bool last);

  EventLoop& loop_;
  ServeState& state_;
  unsigned threads_;
  std::function<void(const std::string&)> say_;
  std::shared_ptr<Feed> feed_;
};

} // namespace mend::transport
