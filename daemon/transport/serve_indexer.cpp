// mend serve's first index: the scan on the loop's worker, its notes handed over in batches.
#include "daemon/transport/serve_indexer.h"

#include <atomic>
#include <mutex>
#include <vector>

#include "daemon/server/folder_index.h"
#include "daemon/server/free_memory.h"
#include "daemon/transport/event_loop.h"
#include "daemon/transport/serve_state.h"

namespace mend::transport {

// What the scan's workers and the loop thread share.
struct ServeIndexer::Feed {
  std::mutex mutex;
  std::vector<server::ScannedNote> notes; // done since the last hand-over
  std::size_t done = 0, total = 0;
  bool posted = false; // a hand-over is queued on the loop
  std::chrono::steady_clock::time_point last_post;
  std::shared_ptr<server::FolderScan> scan; // the whole result, once the scan has ended
  std::atomic<bool> stop{false};
  std::chrono::steady_clock::time_point started;
};

ServeIndexer::ServeIndexer(EventLoop& loop, ServeState& state, unsigned threads,
                           std::function<void(const std::string&)> say)
    : loop_(loop), state_(state), threads_(threads), say_(std::move(say)),
      feed_(std::make_shared<Feed>()) {}

ServeIndexer::~ServeIndexer() {
  stop();
}

void ServeIndexer::stop() {
  feed_->stop = true;
}

void ServeIndexer::start() {
  state_.index().begin_indexing();
  feed_->started = feed_->last_post = std::chrono::steady_clock::now();
  // The job holds the feed, the loop and the index, never `this`: the loop's destructor joins
  // its worker after the indexer is gone, and the index outlives the loop (serve_daemon.cpp).
  // Hand-overs it queues run on the loop thread, which ends before any of them is destroyed.
  auto feed = feed_;
  EventLoop* loop = &loop_;
  const server::FolderIndex* index = &state_.index();
  unsigned threads = threads_;
  ServeIndexer* self = this;
  loop_.background([feed, loop, index, threads, self] {
    server::ScanExtras extras;
    extras.stop = &feed->stop;
    extras.on_note = [&feed](const server::ScannedNote& note) {
      std::lock_guard<std::mutex> lock(feed->mutex);
      feed->notes.push_back(note);
    };
    server::ScanProgress progress = [&](std::size_t done, std::size_t total) {
      std::lock_guard<std::mutex> lock(feed->mutex);
      feed->done = done;
      feed->total = total;
      auto now = std::chrono::steady_clock::now();
      if (feed->posted || now - feed->last_post < kBatchEvery) return;
      feed->posted = true;
      loop->post([self] { self->hand_over(false); });
    };
    auto scan = std::make_shared<server::FolderScan>(index->scan(threads, extras, progress));
    if (feed->stop) return;
    {
      std::lock_guard<std::mutex> lock(feed->mutex);
      feed->scan = std::move(scan);
    }
    loop->post([self] { self->hand_over(true); });
  });
}

void ServeIndexer::hand_over(bool last) {
  std::vector<server::ScannedNote> notes;
  std::size_t done = 0, total = 0;
  std::shared_ptr<server::FolderScan> scan;
  {
    std::lock_guard<std::mutex> lock(feed_->mutex);
    notes.swap(feed_->notes);
    done = feed_->done;
    total = feed_->total;
    feed_->posted = false;
    feed_->last_post = std::chrono::steady_clock::now();
    if (last) scan = std::move(feed_->scan);
  }
  if (feed_->stop) return;
  server::FolderIndex& index = state_.index();
  if (!last) {
    index.add_indexed(std::move(notes), done, total);
    say_("indexed " + std::to_string(done) + "/" + std::to_string(total) + " notes");
    state_.index_progress(done, total);
    return;
  }
  std::size_t from_cache = scan->from_cache, not_parsed = scan->not_parsed,
              not_read = scan->not_read;
  index.add_indexed(std::move(notes), done, total); // the last batch
  index.finish_indexing(std::move(*scan));          // and whatever the batches did not bring
  scan.reset();
  for (const auto& w : index.take_warnings())
    say_("warning: " + w);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  feed_->started)
                .count();
  std::size_t count = index.notes().size();
  say_("indexed " + std::to_string(count) + " notes in " + std::to_string(ms) + " ms (" +
       std::to_string(from_cache) + " from the cache, " +
       std::to_string(count - std::min(count, from_cache)) + " analysed, " +
       std::to_string(not_parsed) + " of them without parsing, " + std::to_string(not_read) +
       " not read: stat unchanged)");
  state_.notes_changed({}); // clients holding partial results read them again
  // The scan's buffers, the cache file and its entries, the notes' copies in the batches: freed
  // on the workers' arenas, and kept by malloc unless given back.
  server::release_free_memory();
}

} // namespace mend::transport
