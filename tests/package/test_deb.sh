#!/usr/bin/env bash
# The Debian package end to end on this machine (issue 14): build it (the `deb` target), check
# that its Depends come from the libraries bin/mend links, install it with dpkg -i, use what it
# installed the way a person would (mend --version, man -w mend, bash completion of
# `mend ins<TAB>`, Neovim and Vim finding their plugins with no configuration, :checkhealth mend
# without ERROR), then dpkg -r and check that no file of it is left.
#
# Safe on a developer's machine: it skips (exit 77, with the reason) when not root, when dpkg
# stays busy, when a mend package is installed or any file the package would install already
# exists (it would be overwritten, then removed), and whatever happens it removes what it
# installed. Usage: test_deb.sh BUILD_DIR VERSION SANITIZED(0|1)
set -uo pipefail
build=$(cd "${1:?usage: test_deb.sh BUILD_DIR VERSION SANITIZED}" && pwd)
version=${2:?version}
sanitized=${3:-0}

skip() {
  echo "test_deb: SKIPPED: $*"
  exit 77
}
failures=0
fail() {
  echo "test_deb: FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { echo "test_deb: ok: $*"; }

[ "$sanitized" = 1 ] && skip "sanitizer build: the package is made from the release build (make test, make deb)"
[ "$(id -u)" = 0 ] || skip "not root: installing a package needs root (CI runs as root)"
for tool in dpkg dpkg-deb dpkg-query readelf python3 man nvim; do
  command -v "$tool" >/dev/null || skip "$tool is missing (scripts/setup.sh test installs it)"
done
[ -r /usr/share/bash-completion/bash_completion ] ||
  skip "bash-completion is missing (scripts/setup.sh test installs it)"

# dpkg's own locks (fcntl, as dpkg and apt take them). Another apt or dpkg may hold them for a
# while (an upgrade, a test installing Chromium): wait up to a minute, then give up.
dpkg_free() {
  python3 - <<'EOF'
import fcntl, sys
for path in ("/var/lib/dpkg/lock-frontend", "/var/lib/dpkg/lock"):
    try:
        with open(path, "a") as f:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file is closed
    except OSError:
        sys.exit(1)
EOF
}
for ((waited = 0; ; waited += 2)); do
  dpkg_free && break
  ((waited >= 60)) && skip "dpkg is busy (another dpkg or apt holds /var/lib/dpkg/lock) after 60 s"
  sleep 2
done

status_of_mend() { dpkg-query -W -f='${db:Status-Status}' mend 2>/dev/null || echo not-installed; }
before=$(status_of_mend)
[ "$before" = not-installed ] ||
  skip "a mend package is already on this machine (status: $before); this test never touches it"

# The package, as `make deb` makes it.
if ! out=$(cmake --build "$build" --target deb 2>&1); then
  echo "$out" >&2
  echo "test_deb: FAIL: the deb target failed" >&2
  exit 1
fi
deb="$build/mend_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || {
  echo "test_deb: FAIL: $deb was not made" >&2
  exit 1
}
pass "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# Every path of the package; none of its files may exist yet, and the directories that do not
# exist yet must be gone again after dpkg -r. (dpkg-deb -c: mode first, path last.)
paths=() new_dirs=()
while read -r mode _ _ _ _ path; do
  path=${path#.}
  path=${path%/}
  [ -n "$path" ] || continue
  paths+=("$path")
  if [ "${mode:0:1}" = d ]; then
    [ -d "$path" ] || new_dirs+=("$path")
  elif [ -e "$path" ] || [ -L "$path" ]; then
    skip "$path already exists (not from a mend package): dpkg -i would replace it and dpkg -r delete it"
  fi
done < <(dpkg-deb -c "$deb" 2>/dev/null) # (a skip mid-list closes the pipe early)
[ ${#paths[@]} -gt 0 ] || {
  echo "test_deb: FAIL: $deb lists no file" >&2
  exit 1
}

# Whatever happens from here, what was installed goes.
tmp=$(mktemp -d)
cleanup() {
  if [ "$(status_of_mend)" != not-installed ]; then
    dpkg --purge mend >/dev/null 2>&1 || echo "test_deb: could not purge mend: run dpkg --purge mend" >&2
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Depends: computed by dpkg-shlibdeps, so it names, for every shared library mend links directly
# (its NEEDED entries, as ldd resolves them; a library's own dependencies are its package's
# business), the package that holds it or a name that package provides (libspdlog1.10 provides
# the libspdlog1.10-fmt9 its shlibs file asks for).
depends=$(dpkg-deb -f "$deb" Depends)
depended=" $(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$depends" | tr -s ' ') "
checked=0
while read -r lib; do
  checked=$((checked + 1))
  # dpkg knows each file by the path its package ships, with or without /usr (merged /usr).
  real=$(readlink -f "$lib")
  owner=$(dpkg-query -S "$lib" "$real" "${real#/usr}" "/usr$lib" 2>/dev/null | head -n1 | cut -d: -f1)
  if [ -z "$owner" ]; then
    fail "no package owns $lib, which mend links"
    continue
  fi
  names="$owner $(dpkg-query -W -f='${Provides}' "$owner" | sed 's/([^)]*)//g; s/,/ /g')"
  covered=0
  for name in $names; do [[ $depended == *" ${name%%:*} "* ]] && covered=1; done
  [ $covered = 1 ] || fail "Depends ($depends) names none of $names, which hold $lib"
done < <(
  needed=$(readelf -d "$build/mend" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')
  ldd "$build/mend" | while read -r soname _ path _; do
    grep -qxF -- "$soname" <<<"$needed" && echo "$path"
  done
)
[ $checked -gt 0 ] || fail "found none of the libraries mend links (readelf -d, ldd)"
[ $failures = 0 ] && pass "Depends covers the $checked libraries mend links: $depends"

started=$EPOCHREALTIME
if ! out=$(dpkg -i "$deb" 2>&1); then
  echo "$out" >&2
  if grep -qi 'lock' <<<"$out"; then skip "dpkg became busy during the install"; fi
  echo "test_deb: FAIL: dpkg -i" >&2
  exit 1
fi
installed=$(status_of_mend)
[ "$installed" = installed ] && pass "dpkg -i ($(python3 -c "print(f'{$EPOCHREALTIME - $started:.1f}')") s)" ||
  fail "after dpkg -i, mend's status is $installed"

# From here, as a person with no configuration: a clean environment and an empty home.
home="$tmp/home"
mkdir -p "$home"
person=(env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TERM=dumb)

# mend on PATH, with the package's version.
got=$("${person[@]}" mend --version 2>&1)
[ "$got" = "mend $version" ] && pass "mend --version: $got" ||
  fail "mend --version printed '$got', not 'mend $version'"
[ "$("${person[@]}" sh -c 'command -v mend')" = /usr/bin/mend ] || fail "mend on PATH is not /usr/bin/mend"

# The manual page: found, and rendered by man without a warning.
page=$("${person[@]}" man -w mend 2>&1)
[ "$page" = /usr/share/man/man1/mend.1.gz ] && pass "man -w mend: $page" || fail "man -w mend: $page"
warnings=$("${person[@]}" MANWIDTH=80 man --warnings -P cat mend 2>&1 >"$tmp/man.txt")
[ -z "$warnings" ] || fail "man mend warns: $warnings"
grep -q '^EXIT STATUS' "$tmp/man.txt" || fail "man mend shows no EXIT STATUS section"

# bash completion as bash-completion loads it on the first <TAB> (from its completions/ directory,
# never sourced by hand here).
cat >"$tmp/complete.bash" <<'EOF'
source /usr/share/bash-completion/bash_completion
complete_line() { # prints what <TAB> offers after the words given
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$function" mend "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  echo "${COMPREPLY[*]}"
}
_completion_loader mend
spec=$(complete -p mend 2>/dev/null) || { echo "no completion for mend"; exit 1; }
function=$(sed -n 's/.*-F \([^ ]*\) .*/\1/p' <<<"$spec")
echo "ins: $(complete_line mend ins)"
echo "scan: $(complete_line mend scan --no-c)"
echo "insert: $(complete_line mend insert why.o)"
EOF
completion=$(cd "$tmp" && "${person[@]}" bash --norc --noprofile "$tmp/complete.bash" 2>&1)
grep -qx 'ins: insert' <<<"$completion" && pass "mend ins<TAB> → insert" || fail "mend ins<TAB>: $completion"
grep -qx 'scan: --no-cache' <<<"$completion" || fail "mend scan --no-c<TAB>: $completion"
grep -qx 'insert: why.official' <<<"$completion" || fail "mend insert why.o<TAB>: $completion"

# Neovim, with no init file and the default XDG directories: the plugin is in 'packpath', its
# commands exist, :help mend is found and :checkhealth mend reports no ERROR.
cat >"$tmp/check.lua" <<EOF
local out = {}
local function say(line) table.insert(out, line) end
say('health module: ' .. (vim.api.nvim_get_runtime_file('lua/mend/health.lua', false)[1] or 'none'))
say('command: ' .. vim.fn.exists(':MendInsert'))
local found = pcall(vim.cmd, 'help mend')
say('help: ' .. (found and vim.fn.expand('%:p') or 'not found'))
vim.cmd('checkhealth mend')
for _, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do say('| ' .. line) end
vim.fn.writefile(out, '$tmp/nvim.out')
vim.cmd('qa!')
EOF
(cd "$tmp" && timeout 60 "${person[@]}" nvim --headless -i NONE -c "luafile $tmp/check.lua" >/dev/null 2>&1)
plugin=/usr/share/nvim/site/pack/mend/start/mend
if [ ! -s "$tmp/nvim.out" ]; then
  fail "nvim --headless wrote nothing"
else
  grep -qx "health module: $plugin/lua/mend/health.lua" "$tmp/nvim.out" || fail "Neovim did not find the plugin in $plugin"
  grep -qx "command: 2" "$tmp/nvim.out" || fail "Neovim has no :MendInsert (plugin/ not loaded)"
  grep -qx "help: $plugin/doc/mend.txt" "$tmp/nvim.out" || fail ":help mend did not open $plugin/doc/mend.txt"
  grep -q "found /usr/bin/mend" "$tmp/nvim.out" || fail ":checkhealth mend did not find /usr/bin/mend"
  if grep -q "ERROR" "$tmp/nvim.out"; then
    fail ":checkhealth mend reports an ERROR"
  else
    pass "Neovim: plugin loaded from $plugin, :help mend, :checkhealth mend without ERROR"
  fi
  [ $failures = 0 ] || sed 's/^/  nvim: /' "$tmp/nvim.out" >&2
fi

# Vim (when installed): the ALE configuration is in 'runtimepath' and its plugin loaded.
if command -v vim >/dev/null; then
  (cd "$tmp" && timeout 30 "${person[@]}" vim -N -u NORC -i NONE -es \
    -c "call writefile([exists('g:loaded_mend'), globpath(&rtp, 'ale_linters/markdown/mend.vim')], '$tmp/vim.out')" \
    -c 'qa!' </dev/null >/dev/null 2>&1)
  vimfiles=/usr/share/vim/vimfiles/pack/mend/start/mend
  if [ "$(head -n1 "$tmp/vim.out" 2>/dev/null)" = 1 ] && grep -qx "$vimfiles/ale_linters/markdown/mend.vim" "$tmp/vim.out"; then
    pass "Vim: mend's ALE configuration loaded from $vimfiles"
  else
    fail "Vim did not load $vimfiles: $(tr '\n' ' ' <"$tmp/vim.out" 2>/dev/null)"
  fi
fi

# dpkg -r, and nothing of the package is left.
if ! out=$(dpkg -r mend 2>&1); then
  echo "$out" >&2
  fail "dpkg -r mend"
fi
after=$(status_of_mend)
[ "$after" = not-installed ] || fail "after dpkg -r, mend's status is $after"
left=()
for p in "${paths[@]}"; do
  if [ -e "$p" ] || [ -L "$p" ]; then
    # A directory that was there before (/usr/bin, /usr/share/man/man1...) stays.
    [ -d "$p" ] && ! printf '%s\n' "${new_dirs[@]}" | grep -qx -- "$p" && continue
    left+=("$p")
  fi
done
[ ${#left[@]} = 0 ] && pass "dpkg -r mend: nothing of the package's ${#paths[@]} paths is left" ||
  fail "left behind by dpkg -r: ${left[*]}"

if [ $failures -gt 0 ]; then
  echo "test_deb: $failures failure(s)" >&2
  exit 1
fi
echo "test_deb: all passed"
