// A per-thread memo of a pure function's results, keyed by the function's owner and arguments.
//
// Why: an editor's note is analysed again after every keystroke, and every candidate line but
// the edited one is unchanged. The matcher's rank() and similarity() are pure functions of the
// matcher (fixed for its lifetime) and their arguments, so a per-thread memo keyed by the
// matcher's id and the arguments returns the very value a call would. Bounded: cleared when
// full (a scan of many notes mostly misses, and pays a hash per candidate).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mend::engine {

template <typename Value> class ThreadMemo {
public:
  explicit ThreadMemo(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  template <typename Compute>
  const Value& get(std::uint64_t owner, std::string key, Compute compute) {
    if (owner_ != owner || map_.size() >= max_entries_) {
      map_.clear();
      owner_ = owner;
    }
    auto it = map_.find(key);
    if (it == map_.end()) it = map_.emplace(std::move(key), compute()).first;
    return it->second;
  }

private:
  std::size_t max_entries_;
  std::uint64_t owner_ = 0;
  std::unordered_map<std::string, Value> map_;
};

// Arguments joined by a separator that no note text holds.
inline std::string memo_key(std::string_view a, std::string_view b) {
  std::string key;
  key.reserve(a.size() + b.size() + 1);
  key.append(a).push_back('\x1f');
  key.append(b);
  return key;
}

} // namespace mend::engine
