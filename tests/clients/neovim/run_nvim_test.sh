#!/usr/bin/env bash
# The Neovim client end to end: usage: run_nvim_test.sh /path/to/mend
#
# Copies fixture/ to a temporary notes folder, starts `nvim --headless --clean` with
# minimal_init.lua (this repository's editor-clients/neovim, setup() with the given binary and
# today = 2026-11-26) and runs test_mend.lua in it. Exit 0 when every check passes; otherwise
# non-zero, with the failing checks and the tail of Neovim's LSP log.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)

if [[ $# -ne 1 ]]; then
  echo "usage: $0 /path/to/mend" >&2
  exit 2
fi
bin=$(realpath "$1")
if [[ ! -x $bin ]]; then
  echo "run_nvim_test: $1 is not an executable mend binary" >&2
  exit 2
fi
if ! command -v nvim >/dev/null; then
  echo "run_nvim_test: nvim is not installed (apt-get install neovim)" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/notes"
cp -R "$here/fixture/." "$tmp/notes/"

start=$(date +%s)
status=0
# Neovim's state, cache and log go to the temporary folder, not to $HOME.
env XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" \
  XDG_CACHE_HOME="$tmp/cache" \
  MEND_CLIENT="$repo/editor-clients/neovim" MEND_BIN="$bin" MEND_NOTES="$tmp/notes" \
  MEND_NOTE="$tmp/notes/2026-11-20.md" MEND_TEST_SCRIPT="$here/test_mend.lua" \
  timeout 60 nvim --headless --clean -u "$here/minimal_init.lua" \
  -c 'lua local ok, err = pcall(dofile, os.getenv("MEND_TEST_SCRIPT"))
      if not ok then io.stderr:write("test_mend.lua: " .. tostring(err) .. "\n") vim.cmd("cquit 2") end' \
  </dev/null || status=$?
echo

if [[ $status -ne 0 ]]; then
  if [[ $status -eq 124 ]]; then
    echo "run_nvim_test: FAILED: Neovim did not finish within 60 s" >&2
  else
    echo "run_nvim_test: FAILED (nvim exited with $status)" >&2
  fi
  for log in "$tmp/state/nvim/lsp.log" "$tmp/cache/nvim/lsp.log"; do
    if [[ -s $log ]]; then
      echo "--- last lines of $log:" >&2
      tail -n 40 "$log" >&2
    fi
  done
  exit 1
fi
echo "run_nvim_test: passed in $(($(date +%s) - start)) s"
