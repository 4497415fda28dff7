// Gives the memory malloc holds free back to the system, after the daemons' large, short-lived
// work: the first index of a folder, and a large answer once it is written.
//
// Why: glibc keeps what is freed in its arenas for reuse, and the first index frees most of what
// it allocated (file buffers, parse trees, the cache file and its entries) on worker threads
// whose arenas nothing else uses. Measured on a warm `mend serve` of 100k notes: 290 MB held,
// 61 MB of it in use; malloc_trim(0) took VmRSS from 291 MB to 111 MB (docs/performance.md,
// "100k notes"). Not on every request: a trim walks every arena (milliseconds at that size).
#pragma once

#include <cstddef>

namespace mend::server {

// An answer or notification this large (serialised) is followed by release_free_memory() once
// written: the complete mend/progress of a 10k-note folder is ~3 MB, of 100k ~30 MB.
inline constexpr std::size_t kLargeMessageBytes = std::size_t{4} << 20;

// malloc_trim(0) where the C library has it (glibc); nothing elsewhere.
void release_free_memory();

} // namespace mend::server
