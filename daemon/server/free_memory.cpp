// malloc_trim where glibc provides it.
#include "daemon/server/free_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace mend::server {

void release_free_memory() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

} // namespace mend::server
