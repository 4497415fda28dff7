#!/bin/sh
# The VS Code client in a real VS Code: packages the extension (make package's .vsix), installs
# code-server and playwright-core if missing (install.sh), then vscode_test.mjs installs the .vsix
# into code-server and drives it in headless Chromium. Screenshots: BUILD_DIR/test-artifacts/.
# Usage: run_vscode_test.sh path/to/mend BUILD_DIR. Exit 77 (skip) only when install.sh cannot
# install its tools, with the reason.
set -u
MEND=$(realpath "${1:?usage: run_vscode_test.sh MEND BUILD_DIR}")
BUILD=$(realpath "${2:?usage: run_vscode_test.sh MEND BUILD_DIR}")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DEPS="$BUILD/test-deps/vscode"

timeout 900 "$HERE/install.sh" "$DEPS"
rc=$?
if [ $rc -eq 3 ]; then
  echo "SKIP: the VS Code test needs code-server, chromium and ripgrep, and they could not be installed (see above)"
  exit 77
elif [ $rc -ne 0 ]; then
  echo "install.sh failed ($rc)"; exit 1
fi

VSIX="$BUILD/mend.vsix"
timeout 300 "$ROOT/editor-clients/vscode/build.sh" package "$VSIX" >/dev/null || { echo "packaging the extension failed"; exit 1; }

MEND="$MEND" MEND_VSIX="$VSIX" MEND_NOTES="$ROOT/examples/notes" MEND_DEPS="$DEPS" \
  MEND_ARTIFACTS="$BUILD/test-artifacts" timeout 270 node "$HERE/vscode_test.mjs"
