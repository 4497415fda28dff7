#!/bin/sh
# Installs what the page test needs, if missing: Debian's chromium (apt-get) and playwright-core
# (npm ci from the committed package-lock.json into DEST, reusing npm's cache).
# Usage: install.sh DEST. Exit 0: ready; exit 3: cannot install (the test then skips, saying why).
set -u
DEST=${1:?usage: install.sh DEST}
HERE=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install.sh: /usr/bin/chromium is missing and this user cannot run apt-get" >&2; exit 3; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y --no-install-recommends chromium >&2; then
    $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends chromium >&2 || {
      echo "install.sh: apt-get could not install chromium" >&2; exit 3; }
  fi
fi

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install.sh: node and npm are needed for playwright-core" >&2; exit 3
fi
mkdir -p "$DEST"
if ! cmp -s "$HERE/package-lock.json" "$DEST/package-lock.json" || [ ! -d "$DEST/node_modules/playwright-core" ]; then
  cp "$HERE/package.json" "$HERE/package-lock.json" "$DEST/"
  (cd "$DEST" && npm ci --prefer-offline --no-audit --no-fund >&2) || {
    echo "install.sh: npm ci could not install playwright-core" >&2; exit 3; }
fi
exit 0
