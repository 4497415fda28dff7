#!/usr/bin/env bash
# mend in a real Vim with ALE (Debian 12's vim 9.0 + vim-ale 3.3), headless: usage:
# run_vim_test.sh /path/to/mend
#
# Copies fixture/ to a temporary notes folder and runs `vim -es` with vimrc (Debian's ALE package,
# this repository's editor-clients/vim, mend as the Markdown linter) and test_mend.vim, which
# drives ALE's own functions: hints, hover, a code action and completion after `/`. Exit 0 when
# every check passes, 77 (skipped) when vim or vim-ale is missing (`scripts/setup.sh test`
# installs both), 1 otherwise with the failing checks.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)

if [[ $# -ne 1 ]]; then
  echo "usage: $0 /path/to/mend" >&2
  exit 2
fi
bin=$(realpath "$1")
if [[ ! -x $bin ]]; then
  echo "run_vim_test: $1 is not an executable mend binary" >&2
  exit 2
fi
if ! command -v vim >/dev/null; then
  echo "run_vim_test: vim is not installed (scripts/setup.sh test installs vim and vim-ale): skipped" >&2
  exit 77
fi
if ! vim -N -u NONE -i NONE -es -c 'packadd ale' -c 'if !exists("g:loaded_ale") | cquit 1 | endif' \
     -c 'qall!' </dev/null >/dev/null 2>&1; then
  echo "run_vim_test: ALE does not load: vim-ale is missing or this vim has no +job (scripts/setup.sh test installs both): skipped" >&2
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/notes" "$tmp/home"
cp -R "$here/fixture/." "$tmp/notes/"
log="$tmp/test.log"
: >"$log"

start=$(date +%s)
status=0
# HOME points at an empty folder so no ~/.vim or ~/.vimrc takes part.
env HOME="$tmp/home" MEND_BIN="$bin" MEND_CLIENT="$repo/editor-clients/vim" \
  MEND_NOTE="$tmp/notes/2026-11-20.md" MEND_LOG="$log" \
  timeout 60 vim -N -u "$here/vimrc" -i NONE -es -S "$here/test_mend.vim" </dev/null >/dev/null 2>&1 || status=$?
cat "$log"

if [[ $status -ne 0 ]]; then
  if [[ $status -eq 124 ]]; then
    echo "run_vim_test: FAILED: Vim did not finish within 60 s" >&2
  else
    echo "run_vim_test: FAILED (vim exited with $status)" >&2
  fi
  exit 1
fi
echo "run_vim_test: passed in $(($(date +%s) - start)) s"
