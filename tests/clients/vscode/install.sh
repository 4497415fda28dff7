#!/bin/sh
# Installs a real VS Code for the test: code-server 4.100.3 (VS Code 1.100.3 on Node 20) and
# playwright-core from the committed package-lock.json into DEST, offline-friendly, plus Debian's
# chromium and ripgrep. Runs only when DEST is missing or the lock changed (a stamp).
#
# code-server's own postinstall (node_modules/code-server/postinstall.sh) cannot run here as is:
# it runs `npm install` inside lib/vscode with scripts on, and @vscode/ripgrep's postinstall then
# downloads rg from GitHub and argon2's tries a prebuilt binary from GitHub first. So everything is
# installed with --ignore-scripts and the postinstall's steps are repeated by hand:
#   1. `npm install --omit=dev` in lib/vscode and lib/vscode/extensions (as postinstall.sh does);
#   2. native modules built from source against /usr/include/node (npm_config_nodedir=/usr):
#      argon2 (code-server imports it at start), @vscode/spdlog, node-pty, native-watchdog;
#      kerberos is left out (needs libkrb5-dev; only loaded for proxy authentication);
#   3. Debian's rg in place of @vscode/ripgrep's download;
#   4. the symlinks (node_modules.asar, bin/remote-cli/code-server, bin/helpers/browser.sh) and
#      extensions/postinstall.mjs.
# Usage: install.sh DEST. Exit 0: ready; exit 3: cannot install (the message says why).
set -u
DEST=${1:?usage: install.sh DEST}
HERE=$(cd "$(dirname "$0")" && pwd)
fail() { echo "install.sh: $*" >&2; exit 3; }

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/rg ] || missing="$missing ripgrep"
[ -f /usr/include/node/node.h ] || missing="$missing libnode-dev"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    fail "missing$missing and this user cannot run apt-get"; fi
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  $SUDO apt-get install -y --no-install-recommends $missing >&2 ||
    { $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends $missing >&2; } ||
    fail "apt-get could not install$missing"
fi
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || fail "node and npm are needed"
case "$(node -v)" in v20.*) ;; *) fail "code-server 4.100.3 needs Node 20, this is $(node -v)" ;; esac

stamp="$DEST/node_modules/.mend-lock"
if [ -f "$stamp" ] && cmp -s "$HERE/package-lock.json" "$stamp"; then
  exit 0
fi
echo "install.sh: installing code-server and playwright-core into $DEST (a few minutes, once)" >&2
rm -rf "$DEST/node_modules"
mkdir -p "$DEST"
cp "$HERE/package.json" "$HERE/package-lock.json" "$DEST/"
export npm_config_nodedir=/usr
NPM="npm --prefer-offline --no-audit --no-fund"
(cd "$DEST" && $NPM ci --ignore-scripts >&2) || fail "npm ci could not install code-server and playwright-core"
(cd "$DEST" && npm_config_build_from_source=true npm rebuild argon2 >&2) || fail "could not build argon2 (code-server's password hashing)"

VSCODE="$DEST/node_modules/code-server/lib/vscode"
(cd "$VSCODE" && $NPM install --omit=dev --ignore-scripts >&2) || fail "npm install in code-server's lib/vscode failed"
(cd "$VSCODE/extensions" && $NPM install --omit=dev --ignore-scripts >&2) || fail "npm install in lib/vscode/extensions failed"
GYP=$(dirname "$(dirname "$(realpath "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js
[ -f "$GYP" ] || fail "npm's bundled node-gyp is missing ($GYP)"
for module in @vscode/spdlog node-pty native-watchdog; do
  (cd "$VSCODE/node_modules/$module" && node "$GYP" rebuild >&2) || fail "could not build $module (python3, make, g++ needed)"
done
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE/bin/helpers/browser.sh"
(cd "$VSCODE/extensions" && node postinstall.mjs >/dev/null) || fail "lib/vscode/extensions/postinstall.mjs failed"

cp "$HERE/package-lock.json" "$stamp"
exit 0
