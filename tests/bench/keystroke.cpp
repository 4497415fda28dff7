// The keystroke path without the LSP around it: what mend's engine spends on one typed
// character in an open note, split into its phases, on the same file and edits as the
// benchmark's keystroke scenario (run_bench.py writes them to BUILD/bench/edit-offsets.txt).
//
//   mend_bench_keystroke FILE OFFSETS [ROUNDS]
//
// For each offset (in order) inserts "x" and times MarkdownDocument::edit (incremental reparse
// and outline) and Analyzer::analyse (what documentSymbol and diagnostics need). Prints one
// JSON object of per-phase medians and p95s in microseconds. Profiling this loop
// (perf record -g) shows the engine's share of the keystroke without process or pipe noise.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "daemon/engine/markdown.h"
#include "daemon/engine/note_analysis.h"
#include "daemon/engine/pack.h"

using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FILE OFFSETS [ROUNDS]\n", argv[0]);
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::vector<std::size_t> offsets;
  std::ifstream in(argv[2]);
  for (std::size_t o; in >> o;)
    offsets.push_back(o);
  int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;

  std::vector<mend::engine::PackProblem> problems;
  mend::engine::Pack pack = mend::engine::Pack::load(mend::engine::builtin_pack_files(), &problems);
  mend::engine::Analyzer analyzer(pack, {});
  std::vector<double> edit_us, analyse_us, total_us;
  std::size_t questions = 0;
  for (int r = 0; r < rounds; ++r) {
    mend::engine::MarkdownDocument doc(buffer.str());
    (void)analyzer.analyse(doc.text(), doc.outline(), "note.md"); // as after didOpen
    for (std::size_t at : offsets) {
      auto t0 = Clock::now();
      doc.edit(at, at, "x");
      auto t1 = Clock::now();
      auto analysis = analyzer.analyse(doc.text(), doc.outline(), "note.md");
      auto t2 = Clock::now();
      questions = analysis.questions.size();
      edit_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      analyse_us.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
      total_us.push_back(std::chrono::duration<double, std::micro>(t2 - t0).count());
    }
  }
  std::printf("{\"bytes\": %zu, \"edits\": %zu, \"questions\": %zu, "
              "\"edit_us\": {\"median\": %.1f, \"p95\": %.1f}, "
              "\"analyse_us\": {\"median\": %.1f, \"p95\": %.1f}, "
              "\"total_us\": {\"median\": %.1f, \"p95\": %.1f}}\n",
              buffer.str().size(), edit_us.size(), questions, percentile(edit_us, 0.5),
              percentile(edit_us, 0.95), percentile(analyse_us, 0.5), percentile(analyse_us, 0.95),
              percentile(total_us, 0.5), percentile(total_us, 0.95));
  return 0;
}
