// The failure report shared by the harnesses.
#include "fuzz_input.h"

#include <cstdio>
#include <cstdlib>

namespace mend::fuzz {

void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "FUZZ INVARIANT BROKEN: %s\n%s\n", what, detail.c_str());
  std::abort();
}

} // namespace mend::fuzz
