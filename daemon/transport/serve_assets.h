// The dashboard page's files (editor-clients/web/), embedded into the binary at build time by
// cmake/embed_files.cmake, so `mend serve` needs no files beside it and works offline.
#pragma once

#include <string>
#include <vector>

namespace mend::transport {

struct WebAsset {
  std::string name; // "index.html"
  std::string bytes;
  std::string source; // "builtin:index.html"
};

const std::vector<WebAsset>& web_assets();

} // namespace mend::transport
