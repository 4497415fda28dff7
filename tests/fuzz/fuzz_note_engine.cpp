// Harness (c): arbitrary bytes as a note (repaired to UTF-8 as read_note does, NULs kept as an
// editor may send them), through the whole engine: Markdown outline, analysis, the folder's
// rules, and byte <-> position conversion. The first byte also picks two neighbouring inputs
// people control: a template override file of the folder (.mend/templates, YAML front matter,
// also read on its own by yaml.h) and template text with placeholders.
//
// Invariant beyond "no crash": LineIndex::offset_of(position_of(o)) == o at every character
// boundary outside a CRLF, in both encodings.
#include <spdlog/spdlog.h>

#include <string>

#include "daemon/engine/folder_report.h"
#include "daemon/engine/front_matter.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/render.h"
#include "daemon/engine/text.h"
#include "daemon/engine/unicode.h"
#include "daemon/engine/yaml.h"
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

// yaml.h's promises on any text: errors name a line of it, the value serialises (JSON needs
// UTF-8), and nothing is expanded past its budget (ASan's memory limit would catch that).
void check_yaml(const std::string& text) {
  const auto front = split_front_matter(text);
  const std::string_view yaml = front ? front->yaml : std::string_view(text);
  const YamlResult result = parse_yaml(yaml);
  const LineIndex lines(yaml);
  for (const YamlError& e : result.errors)
    if (e.line < 0 || static_cast<std::size_t>(e.line) >= lines.line_count())
      mend::fuzz::fail("a YAML error names a line outside the text",
                       std::to_string(e.line) + ": " + e.message);
  // The budget is kMaxYamlWeightFactor times the text once invalid bytes are replaced (3 bytes
  // each at most); a unit of it dumps as 8 bytes at most ("\u0001", quotes, a comma).
  const std::string dumped = result.value.dump();
  if (dumped.size() > 8 * (kMaxYamlWeightFactor * 3 * yaml.size() + 1024))
    mend::fuzz::fail("a YAML value expanded past its budget", std::to_string(dumped.size()));
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
    check_yaml(text);
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
