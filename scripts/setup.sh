#!/usr/bin/env bash
# Installs what mend needs to build and test on Debian 12, and nothing that is already there.
# Usage: scripts/setup.sh [build|deb|test]   ("deb" adds what `make deb` needs; "test" adds that and
# the tools the test suite drives: neovim, emacs, vim + ALE, man, bash-completion...)
# Idempotent and quiet when everything is present, so `make run` / `make test` can call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

want=(build-essential cmake pkg-config libtree-sitter-dev nlohmann-json3-dev libspdlog-dev
      catch2 libboost-dev libboost-program-options-dev libstemmer-dev libmd4c-dev libmd4c-html0-dev libyaml-cpp-dev libutf8proc-dev)
mode=${1:-build}
# CPack's DEB generator runs dpkg-shlibdeps (dpkg-dev, with build-essential) on the ELF files it
# finds with file(1).
if [ "$mode" = deb ] || [ "$mode" = test ]; then
  want+=(file)
fi
if [ "$mode" = test ]; then
  want+=(neovim python3 emacs-nox elpa-eglot elpa-lsp-mode elpa-markdown-mode vim-ale)
  # tests/package/test_deb.sh: `man -w mend` and `mend ins<TAB>` on the installed package.
  want+=(man-db bash-completion)
  # Any Vim with jobs will do for tests/clients/vim (vim-nox, vim-gtk3…): Debian's vim only when none is.
  case "$(vim --version 2>/dev/null || true)" in *+job*) ;; *) want+=(vim) ;; esac
fi
command -v node >/dev/null 2>&1 || want+=(nodejs)
command -v npm >/dev/null 2>&1 || want+=(npm)

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Markdown grammar, pinned by package-lock.json. --ignore-scripts: we compile its C sources
# ourselves and never run the package's native build.
grammar=third_party/markdown-grammar
stamp=$grammar/node_modules/.mend-lock
if [ ! -f "$stamp" ] || ! cmp -s "$grammar/package-lock.json" "$stamp"; then
  echo "setup: installing the pinned tree-sitter Markdown grammar" >&2
  (cd "$grammar" && npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund --prefer-offline >/dev/null)
  cp "$grammar/package-lock.json" "$stamp"
fi
