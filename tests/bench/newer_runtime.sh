#!/usr/bin/env bash
# Does a newer tree-sitter runtime parse our Markdown markedly faster than Debian's 0.20?
#
# mend links Debian's libtree-sitter 0.20.7. The npm package `tree-sitter` (the Node bindings)
# vendors the runtime's C source (vendor/tree-sitter/lib), so this script fetches it with
# `npm pack` (no install scripts run), builds the runtime's lib.c together with the same grammar
# mend links (@tree-sitter-grammars/tree-sitter-markdown, ABI 14) and tests/bench/floor.cpp
# into a second floor program, then times both floors alternately on the same inputs and prints
# a Markdown table of medians and ratios. It measures only: mend's build is not touched.
#
#   tests/bench/newer_runtime.sh [--runs N] [--check] [VERSION...]
#
#   VERSION   npm versions of `tree-sitter` to compare with Debian's (default: 0.25.1). Give
#             0.20.6 as well for a control: the old runtime built the same way as the new one,
#             which separates "newer runtime" from "static, single-file build".
#   --runs N  rounds of the four measurements (default 3); the sides alternate within a round
#             and their order rotates between rounds.
#   --check   instead of timing, build a small tree-dump program per runtime and compare the
#             trees: block and inline trees of every note of vault-1k, and the tree after the
#             200 incremental edits of the keystroke scenario (and a fresh parse of that text).
#
# Needs `make bench` to have run once (build/tests/bench/mend_bench_floor, build/bench/vault-1k,
# build/bench/single/note-100k.md, build/bench/edit-offsets.txt). Writes only under
# build/bench/ts-runtime/. Compiles sequentially, one file at a time (BUILD=... to relocate).
set -euo pipefail

RUNS=3
CHECK=0
VERSIONS=()
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --check) CHECK=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) VERSIONS+=("$1"); shift ;;
  esac
done
((${#VERSIONS[@]})) || VERSIONS=(0.25.1)

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$SRC/build}
OUT=$BUILD/bench/ts-runtime
GRAMMAR=$SRC/third_party/markdown-grammar/node_modules/@tree-sitter-grammars/tree-sitter-markdown
DEBIAN_FLOOR=$BUILD/tests/bench/mend_bench_floor
VAULT=$BUILD/bench/vault-1k
NOTE=$BUILD/bench/single/note-100k.md
OFFSETS=$BUILD/bench/edit-offsets.txt
for f in "$DEBIAN_FLOOR" "$VAULT" "$NOTE" "$OFFSETS" "$GRAMMAR/tree-sitter-markdown/src/parser.c"; do
  [[ -e $f ]] || { echo "missing $f (run make bench once)" >&2; exit 1; }
done
mkdir -p "$OUT"

# The grammar as mend_markdown_grammar builds it (daemon/engine/CMakeLists.txt: C11 with GNU
# extensions, -O2, -w); the runtime as its package's binding.gyp and upstream Makefile do.
GRAMMAR_CFLAGS=(-O2 -DNDEBUG -std=gnu11 -fPIC -w)
RUNTIME_CFLAGS=(-O2 -DNDEBUG -std=c11 -D_POSIX_C_SOURCE=200112L -D_DEFAULT_SOURCE -fPIC -w)
CXXFLAGS=(-O2 -DNDEBUG -std=c++20)

step() { echo "+ $*" >&2; "$@"; }

# The four grammar objects, shared by every binary built here.
GRAMMAR_OBJS=()
for g in tree-sitter-markdown tree-sitter-markdown-inline; do
  for f in parser scanner; do
    o=$OUT/grammar/$g-$f.o
    [[ -f $o ]] || { mkdir -p "$OUT/grammar"
      step gcc "${GRAMMAR_CFLAGS[@]}" -I"$GRAMMAR/$g/src" -c "$GRAMMAR/$g/src/$f.c" -o "$o"; }
    GRAMMAR_OBJS+=("$o")
  done
done

# fetch_runtime V: $OUT/tree-sitter-V/{include,src} from the npm tarball, and its lib.o.
fetch_runtime() {
  local v=$1 dir=$OUT/tree-sitter-$1
  if [[ ! -f $OUT/tree-sitter-$v.tgz ]]; then
    (cd "$OUT" && step npm pack --ignore-scripts --silent "tree-sitter@$v" >/dev/null)
  fi
  if [[ ! -f $dir/src/lib.c ]]; then
    mkdir -p "$dir"
    tar -xzf "$OUT/tree-sitter-$v.tgz" -C "$dir" --strip-components=4 package/vendor/tree-sitter/lib
  fi
  [[ -f $dir/lib.o ]] ||
    step gcc "${RUNTIME_CFLAGS[@]}" -I"$dir/src" -I"$dir/include" -c "$dir/src/lib.c" -o "$dir/lib.o"
}

# link_against V SOURCE OUTPUT: a C++ program with the grammar and runtime V ("debian" = the
# system library and headers, as mend links them).
link_against() {
  local v=$1 src=$2 out=$3
  [[ -f $out && $out -nt $src ]] && return 0
  if [[ $v == debian ]]; then
    step g++ "${CXXFLAGS[@]}" "$src" "${GRAMMAR_OBJS[@]}" -ltree-sitter -pthread -o "$out"
  else
    # floor.cpp uses only the public API, whose signatures 0.21-0.25 kept: no shim needed.
    step g++ "${CXXFLAGS[@]}" -I"$OUT/tree-sitter-$v/include" "$src" "${GRAMMAR_OBJS[@]}" \
      "$OUT/tree-sitter-$v/lib.o" -pthread -o "$out"
  fi
}

for v in "${VERSIONS[@]}"; do
  fetch_runtime "$v"
  link_against "$v" "$SRC/tests/bench/floor.cpp" "$OUT/floor-$v"
done

if ((CHECK)); then
  # One line per tree: a 64-bit FNV-1a hash of its pre-order walk (type, field, named, missing,
  # extra, error, byte range, points): equal hashes = identical trees, as ts_node_string shows.
  cat >"$OUT/treehash.cpp" <<'CPP'
#include <tree_sitter/api.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
extern "C" const TSLanguage* tree_sitter_markdown(void);
extern "C" const TSLanguage* tree_sitter_markdown_inline(void);
namespace fs = std::filesystem;
struct Hash {
  unsigned long long h = 1469598103934665603ull;
  void add(const void* p, size_t n) {
    for (size_t i = 0; i < n; ++i) h = (h ^ static_cast<const unsigned char*>(p)[i]) * 1099511628211ull;
  }
  void num(uint32_t v) { add(&v, sizeof v); }
  void str(const char* s) { s ? add(s, std::strlen(s) + 1) : num(0xffffffffu); }
};
static std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// Walks TREE; if INL is set, also parses every `inline` node with it (as floor.cpp does) and
// hashes those trees into *INLINE_HASH.
static unsigned long long walk(TSNode root, TSParser* inl, const std::string* text,
                               Hash* inline_hash) {
  TSSymbol inline_sym = ts_language_symbol_for_name(tree_sitter_markdown(), "inline", 6, true);
  Hash h;
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (bool down = true;;) {
    if (down) {
      TSNode n = ts_tree_cursor_current_node(&c);
      h.str(ts_node_type(n));
      h.str(ts_tree_cursor_current_field_name(&c));
      h.num(ts_node_is_named(n) | ts_node_is_missing(n) << 1 | ts_node_is_extra(n) << 2 |
            ts_node_has_error(n) << 3);
      TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
      for (uint32_t v : {ts_node_start_byte(n), ts_node_end_byte(n), s.row, s.column, e.row, e.column})
        h.num(v);
      if (inl && ts_node_symbol(n) == inline_sym) {
        TSTree* t = ts_parser_parse_string(inl, nullptr, text->data() + ts_node_start_byte(n),
                                           ts_node_end_byte(n) - ts_node_start_byte(n));
        unsigned long long ih = walk(ts_tree_root_node(t), nullptr, nullptr, nullptr);
        inline_hash->add(&ih, sizeof ih);
        ts_tree_delete(t);
      }
    }
    if (down && ts_tree_cursor_goto_first_child(&c)) continue;
    if (ts_tree_cursor_goto_next_sibling(&c)) { down = true; continue; }
    if (!ts_tree_cursor_goto_parent(&c)) break;
    down = false;
  }
  ts_tree_cursor_delete(&c);
  return h.h;
}
int main(int argc, char** argv) {
  if (argc != 4) return 2;
  TSParser* block = ts_parser_new();
  ts_parser_set_language(block, tree_sitter_markdown());
  TSParser* inl = ts_parser_new();
  ts_parser_set_language(inl, tree_sitter_markdown_inline());
  std::vector<fs::path> files;
  for (auto& e : fs::recursive_directory_iterator(argv[1]))
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (auto& f : files) {
    std::string text = slurp(f);
    TSTree* t = ts_parser_parse_string(block, nullptr, text.data(), text.size());
    Hash ih;
    unsigned long long bh = walk(ts_tree_root_node(t), inl, &text, &ih);
    std::printf("%s block %016llx inline %016llx\n",
                fs::relative(f, argv[1]).c_str(), bh, ih.h);
    ts_tree_delete(t);
  }
  // The keystroke scenario: 200 one-byte insertions, each an edit + incremental reparse.
  std::string text = slurp(argv[2]);
  std::ifstream in(argv[3]);
  TSTree* tree = ts_parser_parse_string(block, nullptr, text.data(), text.size());
  for (uint32_t at; in >> at;) {
    TSInputEdit e{};
    e.start_byte = e.old_end_byte = at;
    e.new_end_byte = at + 1;
    uint32_t row = 0, col = 0;
    for (uint32_t i = 0; i < at; ++i) text[i] == '\n' ? (++row, col = 0) : ++col;
    e.start_point = e.old_end_point = {row, col};
    e.new_end_point = {row, col + 1};
    text.insert(at, 1, 'x');
    ts_tree_edit(tree, &e);
    TSTree* next = ts_parser_parse_string(block, tree, text.data(), text.size());
    ts_tree_delete(tree);
    tree = next;
  }
  TSTree* fresh = ts_parser_parse_string(block, nullptr, text.data(), text.size());
  std::printf("incremental-after-edits %016llx fresh-parse-of-same-text %016llx\n",
              walk(ts_tree_root_node(tree), nullptr, nullptr, nullptr),
              walk(ts_tree_root_node(fresh), nullptr, nullptr, nullptr));
  ts_tree_delete(tree);
  ts_tree_delete(fresh);
  ts_parser_delete(block);
  ts_parser_delete(inl);
}
CPP
  status=0
  for v in debian "${VERSIONS[@]}"; do
    link_against "$v" "$OUT/treehash.cpp" "$OUT/treehash-$v"
    "$OUT/treehash-$v" "$VAULT" "$NOTE" "$OFFSETS" >"$OUT/trees-$v.txt"
  done
  echo "trees: $(grep -c ' block ' "$OUT/trees-debian.txt") notes of $VAULT, block + inline; incremental: $(wc -l <"$OFFSETS") edits of $NOTE"
  echo "debian: $(tail -1 "$OUT/trees-debian.txt")"
  for v in "${VERSIONS[@]}"; do
    if cmp -s "$OUT/trees-debian.txt" "$OUT/trees-$v.txt"; then
      echo "$v: identical to debian"
    else
      echo "$v: DIFFERENT from debian ($(diff "$OUT/trees-debian.txt" "$OUT/trees-$v.txt" | grep -c '^>') lines; diff $OUT/trees-{debian,$v}.txt)"
      status=1
    fi
  done
  exit $status
fi

# Timing: per round, each measurement on every side in turn, the order rotating per round.
SIDES=(debian "${VERSIONS[@]}")
declare -A BIN=([debian]=$DEBIAN_FLOOR)
for v in "${VERSIONS[@]}"; do BIN[$v]=$OUT/floor-$v; done
BENCHES=("block-1t|block $VAULT" "block-2t|block --threads 2 $VAULT" "inline|inline $VAULT"
         "incremental|incremental $NOTE $OFFSETS")
RESULTS=$OUT/results.jsonl
: >"$RESULTS"
echo "load before: $(uptime)" >&2
for ((run = 0; run < RUNS; ++run)); do
  for b in "${BENCHES[@]}"; do
    name=${b%%|*}
    read -ra args <<<"${b#*|}"
    for ((i = 0; i < ${#SIDES[@]}; ++i)); do
      side=${SIDES[(i + run) % ${#SIDES[@]}]}
      out=$("${BIN[$side]}" "${args[@]}")
      echo "{\"run\": $run, \"side\": \"$side\", \"bench\": \"$name\", \"out\": $out}" >>"$RESULTS"
      echo "  run $((run + 1))/$RUNS $name $side" >&2
    done
  done
done
echo "load after:  $(uptime)" >&2

python3 - "$RESULTS" "$(dpkg-query -W -f='${Version}' libtree-sitter0 2>/dev/null || echo '?')" \
  "${SIDES[@]}" <<'PY'
import json, statistics, sys
path, debian_version, sides = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [json.loads(l) for l in open(path)]
def p95(v):
    s = sorted(v)
    return s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
def cell(bench, side):
    got = [r["out"] for r in rows if r["bench"] == bench and r["side"] == side]
    if bench == "incremental":  # every reparse of every run, pooled
        us = [u for o in got for u in o["us"]]
        return statistics.median(us), p95(us)
    ms = [o["seconds"] * 1000 for o in got]
    return statistics.median(ms), min(ms)
runs = len({r["run"] for r in rows})
labels = {"debian": f"Debian {debian_version} (.so)"}
head = ["measurement"] + [labels.get(s, f"npm tree-sitter@{s} (static)") for s in sides]
head += [f"debian / {s}" for s in sides[1:]]
print(f"\nmedians of {runs} runs [vault: best run; incremental: p95 of all reparses];"
      " ratio > 1 means faster than Debian's\n")
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
what = [("block-1t", "block parse vault-1k, 1 thread (ms)"),
        ("block-2t", "block parse vault-1k, 2 threads (ms)"),
        ("inline", "block + inline parse vault-1k (ms)"),
        ("incremental", "incremental reparse 100 KB note, median [p95] (µs)")]
for bench, label in what:
    v = [cell(bench, s) for s in sides]  # (median, best) or, incremental, (median, p95)
    print("| " + " | ".join([label] + [f"{a:.0f} [{b:.0f}]" for a, b in v] +
                            [f"{v[0][0] / a:.2f}× [{v[0][1] / b:.2f}×]" for a, b in v[1:]]) + " |")
PY
echo "raw results: $RESULTS" >&2
