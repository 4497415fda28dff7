// Harness (b): random incremental edits, as an editor sends them in didChange. After each
// batch, the document must hold exactly the text an independent model of LSP 3.17's rules gives
// (the same as full-text sync), its incrementally reparsed outline must equal a fresh parse of
// that text, and analysing it must not crash.
//
// The model (below) is written from the specification, not from daemon/engine/text.cpp: lines
// end at "\n", "\r\n" or a lone "\r"; a character is counted in UTF-16 code units (or bytes when
// utf-8 was negotiated); positions past a line's end clamp to it, lines past the end to the end
// of the text, negative values to 0; a column inside a character maps to its start; a
// reversed range is normalised.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>

#include "daemon/engine/markdown.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"
#include "daemon/engine/text.h"
#include "daemon/engine/unicode.h"
#include "daemon/server/document_store.h"
#include "fuzz_input.h"

namespace {

using mend::engine::Encoding;

std::size_t char_len(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

std::size_t model_offset(const std::string& text, std::int64_t line, std::int64_t character,
                         Encoding enc) {
  line = std::max<std::int64_t>(line, 0);
  character = std::max<std::int64_t>(character, 0);
  std::size_t pos = 0;
  for (std::int64_t l = 0; l < line; ++l) {
    std::size_t brk = text.find_first_of("\r\n", pos);
    if (brk == std::string::npos) return text.size();
    pos = (text[brk] == '\r' && brk + 1 < text.size() && text[brk + 1] == '\n') ? brk + 2 : brk + 1;
  }
  std::size_t end = text.find_first_of("\r\n", pos);
  if (end == std::string::npos) end = text.size();
  std::int64_t units = 0;
  for (std::size_t i = pos; i < end;) {
    std::size_t n = char_len(static_cast<unsigned char>(text[i]));
    std::int64_t width = enc == Encoding::Utf8 ? static_cast<std::int64_t>(n) : (n == 4 ? 2 : 1);
    if (units + width > character) return i;
    units += width;
    i += n;
  }
  return end;
}

bool same_block(const mend::engine::Block& a, const mend::engine::Block& b) {
  return a.kind == b.kind && a.start == b.start && a.end == b.end && a.text_start == b.text_start &&
         a.text_end == b.text_end && a.level == b.level && a.depth == b.depth &&
         a.parent == b.parent && a.in_quote == b.in_quote && a.task == b.task &&
         a.checked == b.checked && a.item_lead == b.item_lead;
}

std::string describe(const mend::engine::Outline& o) {
  std::string out;
  for (const auto& b : o.blocks)
    out += std::to_string(static_cast<int>(b.kind)) + "[" + std::to_string(b.start) + "," +
           std::to_string(b.end) + ") d" + std::to_string(b.depth) + " p" +
           std::to_string(b.parent) + "\n";
  return out;
}

const mend::engine::Analyzer& analyzer() {
  static const mend::engine::Pack pack =
      mend::engine::Pack::load(mend::engine::builtin_pack_files(), nullptr);
  static const mend::engine::Analyzer a(pack, {});
  return a;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  analyzer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mend::fuzz::Input in(data, size);
  Encoding enc = in.flag() ? Encoding::Utf8 : Encoding::Utf16;
  // Document text comes from JSON, so it is always valid UTF-8.
  std::string model = mend::engine::sanitize_utf8(in.bytes(255));
  mend::server::DocumentStore store;
  mend::server::Document& doc = store.open("file:///fuzz.md", "fuzz.md", 1, model);
  std::int64_t version = 1;
  while (!in.empty()) {
    std::vector<mend::protocol::TextDocumentContentChangeEvent> changes;
    int count = 1 + in.byte() % 3;
    for (int i = 0; i < count && !in.empty(); ++i) {
      mend::protocol::TextDocumentContentChangeEvent change;
      bool full = in.byte() < 8;
      if (!full) {
        mend::protocol::Range r;
        r.start.line = in.number();
        r.start.character = in.number();
        r.end.line = in.flag() ? r.start.line : in.number();
        r.end.character = in.number();
        change.range = r;
      }
      change.text = mend::engine::sanitize_utf8(in.bytes(64));
      // The model applies the same change.
      if (full) {
        model = change.text;
      } else {
        std::size_t a =
            model_offset(model, change.range->start.line, change.range->start.character, enc);
        std::size_t b =
            model_offset(model, change.range->end.line, change.range->end.character, enc);
        if (b < a) std::swap(a, b);
        model.replace(a, b - a, change.text);
      }
      changes.push_back(std::move(change));
    }
    mend::server::DocumentStore::apply(doc, ++version, changes, enc);
    if (doc.text() != model)
      mend::fuzz::fail("incremental sync differs from the model", doc.text() + "\n----\n" + model);
  }
  mend::engine::Outline fresh = mend::engine::parse_outline(model);
  const auto& inc = doc.markdown().outline().blocks;
  bool same = inc.size() == fresh.blocks.size();
  for (std::size_t i = 0; same && i < inc.size(); ++i)
    same = same_block(inc[i], fresh.blocks[i]);
  if (!same)
    mend::fuzz::fail("the incrementally parsed outline differs from a fresh parse",
                     "text: " + model + "\nincremental:\n" + describe(doc.markdown().outline()) +
                         "fresh:\n" + describe(fresh));
  analyzer().analyse(doc.text(), doc.markdown().outline(), doc.path);
  return 0;
}
