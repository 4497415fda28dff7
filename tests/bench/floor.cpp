// The floor of the benchmarks: what reading the notes and parsing them with tree-sitter alone
// costs, on the same files and the same grammar build mend links (mend_markdown_grammar).
//
//   mend_bench_floor read   [--threads N] DIR...   read every note (*.md, hidden folders skipped)
//   mend_bench_floor block  [--threads N] DIR...   + parse each with the block grammar
//   mend_bench_floor inline [--threads N] DIR...   + parse every inline node with the inline
//   grammar mend_bench_floor incremental FILE OFFSETS      insert "x" at each byte offset (one per
//   line of
//                                                  OFFSETS, in order) and reparse incrementally
// Prints one JSON object: {"mode", "files", "bytes", "seconds"} or, for incremental, the
// microseconds of each reparse (ts_tree_edit + ts_parser_parse with the old tree).
#include <tree_sitter/api.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern "C" const TSLanguage* tree_sitter_markdown(void);
extern "C" const TSLanguage* tree_sitter_markdown_inline(void);

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  in.seekg(0, std::ios::end);
  std::string s(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(s.data(), static_cast<std::streamsize>(s.size()));
  return s;
}

void collect(const fs::path& root, std::vector<fs::path>& out) {
  if (fs::is_regular_file(root)) {
    out.push_back(root);
    return;
  }
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory()) {
      if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".md") out.push_back(it->path());
  }
}

void parse_inlines(TSParser* inline_parser, TSNode node, const std::string& text,
                   TSSymbol inline_sym) {
  // Depth-first over the block tree with a cursor: no recursion limit to worry about.
  TSTreeCursor c = ts_tree_cursor_new(node);
  bool down = true;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    if (down && ts_node_symbol(n) == inline_sym) {
      uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
      TSTree* t = ts_parser_parse_string(inline_parser, nullptr, text.data() + s, e - s);
      ts_tree_delete(t);
      down = false;
    }
    if (down && ts_tree_cursor_goto_first_child(&c)) continue;
    if (ts_tree_cursor_goto_next_sibling(&c)) {
      down = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&c)) break;
    down = false;
  }
  ts_tree_cursor_delete(&c);
}

int run_folder(const std::string& mode, unsigned threads, const std::vector<std::string>& dirs) {
  std::vector<fs::path> files;
  for (const auto& d : dirs)
    collect(d, files);
  std::atomic<std::size_t> next{0}, bytes{0};
  TSSymbol inline_sym = ts_language_symbol_for_name(tree_sitter_markdown(), "inline", 6, true);
  auto started = Clock::now();
  auto work = [&] {
    TSParser* block = ts_parser_new();
    ts_parser_set_language(block, tree_sitter_markdown());
    TSParser* inl = ts_parser_new();
    ts_parser_set_language(inl, tree_sitter_markdown_inline());
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::string text = read_file(files[i]);
      bytes += text.size();
      if (mode == "read") continue;
      TSTree* tree =
          ts_parser_parse_string(block, nullptr, text.data(), static_cast<uint32_t>(text.size()));
      if (mode == "inline") parse_inlines(inl, ts_tree_root_node(tree), text, inline_sym);
      ts_tree_delete(tree);
    }
    ts_parser_delete(block);
    ts_parser_delete(inl);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& t : pool)
    t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf(
      "{\"mode\": \"%s\", \"threads\": %u, \"files\": %zu, \"bytes\": %zu, \"seconds\": %.6f}\n",
      mode.c_str(), threads, files.size(), bytes.load(), seconds);
  return 0;
}

TSPoint point_at(const std::string& text, std::size_t offset) {
  TSPoint p{0, 0};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++p.row;
      line_start = i + 1;
    }
  p.column = static_cast<uint32_t>(offset - line_start);
  return p;
}

int run_incremental(const std::string& file, const std::string& offsets_file) {
  std::string text = read_file(file);
  std::vector<std::size_t> offsets;
  std::ifstream in(offsets_file);
  for (std::size_t o; in >> o;)
    offsets.push_back(o);
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_markdown());
  TSTree* tree =
      ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  std::printf("{\"mode\": \"incremental\", \"bytes\": %zu, \"us\": [", text.size());
  for (std::size_t k = 0; k < offsets.size(); ++k) {
    std::size_t at = offsets[k];
    TSInputEdit e{};
    e.start_byte = e.old_end_byte = static_cast<uint32_t>(at);
    e.new_end_byte = static_cast<uint32_t>(at + 1);
    e.start_point = e.old_end_point = point_at(text, at); // not timed: an editor knows its point
    e.new_end_point = {e.start_point.row, e.start_point.column + 1};
    text.insert(at, 1, 'x');
    auto t0 = Clock::now();
    ts_tree_edit(tree, &e);
    TSTree* next =
        ts_parser_parse_string(parser, tree, text.data(), static_cast<uint32_t>(text.size()));
    double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
    ts_tree_delete(tree);
    tree = next;
    std::printf("%s%.1f", k ? ", " : "", us);
  }
  std::printf("]}\n");
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s read|block|inline [--threads N] DIR... | incremental FILE OFFSETS\n",
                 argv[0]);
    return 2;
  }
  std::string mode = argv[1];
  if (mode == "incremental") return argc == 4 ? run_incremental(argv[2], argv[3]) : 2;
  if (mode != "read" && mode != "block" && mode != "inline") return 2;
  unsigned threads = 1;
  std::vector<std::string> dirs;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    else
      dirs.push_back(argv[i]);
  }
  return run_folder(mode, threads, dirs);
}
