#!/bin/sh
# Installs the extension's pinned dependencies when missing or when package-lock.json changed
# (a stamp, as scripts/setup.sh does for the grammar), then builds.
# Usage: build.sh deps | test | package OUT.vsix
#   deps     only the dependencies (npm ci from the lock, reusing npm's cache)
#   test     tsc, eslint, then the unit tests (node --test)
#   package  the installable OUT.vsix (@vscode/vsce)
set -eu
if [ "${1:-}" = package ]; then out=$(realpath -m "${2:?usage: build.sh package OUT.vsix}"); fi
cd "$(dirname "$0")"
stamp=node_modules/.mend-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "vscode: installing the extension's pinned dependencies (npm ci)" >&2
  # --ignore-scripts: none of them needs an install step.
  npm ci --prefer-offline --no-audit --no-fund --ignore-scripts >&2
  cp package-lock.json "$stamp"
fi
case "${1:-deps}" in
  deps) ;;
  test) npm run --silent lint && npm test ;;
  package)
    mkdir -p "$(dirname "$out")"
    npx tsc -p .
    npx vsce package --skip-license --allow-missing-repository --out "$out" >&2
    echo "$out" ;;
  *) echo "usage: build.sh deps | test | package OUT.vsix" >&2; exit 2 ;;
esac
