// Markdown → HTML through md4c-html with raw HTML disabled.
#include "daemon/server/markdown_html.h"

#include <md4c-html.h>

namespace mend::server {

std::string markdown_to_html(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  auto append = [](const MD_CHAR* text, MD_SIZE size, void* user) {
    static_cast<std::string*>(user)->append(text, size);
  };
  unsigned parser_flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
  int failed = md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &out,
                       parser_flags, MD_HTML_FLAG_SKIP_UTF8_BOM);
  // md4c fails only when out of memory; then nothing half-rendered is shown.
  if (failed != 0) return std::string();
  return out;
}

} // namespace mend::server
