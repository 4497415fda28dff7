#!/usr/bin/env bash
# mend in a real Emacs (Debian's emacs-nox + elpa-eglot): hints reach flymake, a code action applies.
# Usage: eglot_smoke.sh MEND
set -euo pipefail
mend=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/../../examples/notes" "$tmp/notes"
cd "$tmp/notes"
timeout 90 emacs --batch -q -l "$here/eglot_smoke.el" "$mend" "$tmp/notes/what-i-keep-coming-back-to.md"
