// Harness (c): arbitrary bytes as a note (repaired to UTF-8 as read_note does, NULs kept as an
// editor may send them), through the whole engine: Markdown outline, analysis, the folder's
// rules, and byte <-> position conversion. The first byte also picks two neighbouring inputs
// people control: a template override file of the folder (.mend/templates, YAML front matter)
// and template text with placeholders.
//
// Invariant beyond "no crash": LineIndex::offset_of(position_of(o)) == o at every character
// boundary outside a CRLF, in both encodings.
#include <spdlog/spdlog.h>

#include <string>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/engine/unicode.h"
#include "fuzz_input.h"

namespace {

using namespace mend::engine;

const Pack& builtin() {
  static const Pack pack = Pack::load(builtin_pack_files(), nullptr);
  return pack;
}

void check_positions(const std::string& text) {
  LineIndex index(text);
  std::size_t step = text.size() / 97 + 1;
  for (std::size_t o = 0; o <= text.size(); o += step) {
    while (o < text.size() && (static_cast<unsigned char>(text[o]) & 0xC0) == 0x80)
      ++o; // a boundary
    if (o > 0 && o < text.size() && text[o - 1] == '\r' && text[o] == '\n') continue;
    for (Encoding enc : {Encoding::Utf8, Encoding::Utf16}) {
      TextPos p = index.position_of(o, enc);
      std::size_t back = index.offset_of(p, enc);
      if (back != o)
        mend::fuzz::fail("offset -> position -> offset does not round-trip",
                         "offset " + std::to_string(o) + " -> " + std::to_string(p.line) + ":" +
                             std::to_string(p.character) + " -> " + std::to_string(back));
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  builtin();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string text =
      sanitize_utf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  Date today{2026, 11, 26};
  switch (data[0] % 4) {
  case 0:
  case 1: { // a note
    static const Analyzer analyzers[4] = {{builtin(), {"", ""}},
                                          {builtin(), {"Alex", ""}},
                                          {builtin(), {"", "fr"}},
                                          {builtin(), {"Alex", "fr"}}};
    const Analyzer& analyzer = analyzers[(data[0] >> 2) & 3];
    std::string path = data[0] & 16 ? "2026/2026-11-02.md" : "why.md";
    NoteAnalysis analysis = analyzer.analyse(text, path);
    NoteAnalysis other =
        analyzer.analyse("## What did he tell me?\n\nThat he needed space.\n", "other.md");
    judge_folder(builtin(), {NoteRef{path, &analysis}, NoteRef{"other.md", &other}}, today, "en");
    check_positions(text);
    break;
  }
  case 2: { // a template override in the folder
    std::vector<PackFile> files = builtin_pack_files();
    files.push_back(PackFile{data[0] & 4 ? "en/why.md" : "custom.md", text, "fuzz"});
    std::vector<PackProblem> problems;
    Pack pack = Pack::load(files, &problems);
    if (!pack.empty()) {
      Analyzer analyzer(pack, {});
      NoteAnalysis a =
          analyzer.analyse("## What did he tell me?\n\nThat he needed space.\n", "why.md");
      judge_folder(pack, {NoteRef{"why.md", &a}}, today, "en");
    }
    break;
  }
  default: // template text with placeholders
    render_text(text, builtin().primary(),
                TemplateVariables{"Alex", data[0] & 4 ? "they" : "he", "2026-11-26"});
    break;
  }
  return 0;
}
