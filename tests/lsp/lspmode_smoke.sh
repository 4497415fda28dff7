#!/usr/bin/env bash
# mend in a real Emacs with lsp-mode 8.0 (Debian's elpa-lsp-mode) and its default capabilities:
# plain-text completion inserted as is, and shutdown/exit with params null. Skips (77) when
# lsp-mode is not installed (`scripts/setup.sh test` installs it).
# Usage: lspmode_smoke.sh MEND
set -euo pipefail
mend=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! emacs --batch -q --eval "(progn (require 'package) (package-initialize) (require 'lsp-mode))" >/dev/null 2>&1; then
  echo "lsp-mode smoke: lsp-mode is not installed (scripts/setup.sh test installs elpa-lsp-mode): skipped" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/../../examples/notes" "$tmp/notes"
cd "$tmp/notes"
HOME="$tmp" timeout 90 emacs --batch -q -l "$here/lspmode_smoke.el" "$mend" "$tmp/notes/what-i-keep-coming-back-to.md"
