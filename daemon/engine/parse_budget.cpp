// The process's parse budget and the per-thread count of parses cut short (see parse_budget.h).
#include "daemon/engine/parse_budget.h"

#include <atomic>

namespace mend::engine {
namespace {
std::atomic<std::uint64_t> base{ParseBudget{}.base_micros};
std::atomic<std::uint64_t> per_kib{ParseBudget{}.micros_per_kib};
thread_local std::size_t cut_short = 0;
} // namespace

ParseBudget parse_budget() {
  return {base.load(std::memory_order_relaxed), per_kib.load(std::memory_order_relaxed)};
}

void set_parse_budget(ParseBudget b) {
  base.store(b.base_micros, std::memory_order_relaxed);
  per_kib.store(b.micros_per_kib, std::memory_order_relaxed);
}

std::size_t parses_cut_short() {
  return cut_short;
}
void detail::count_parse_cut_short() {
  ++cut_short;
}

} // namespace mend::engine
