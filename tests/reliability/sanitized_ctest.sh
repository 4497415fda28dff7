#!/usr/bin/env bash
# Runs the whole ctest suite of a sanitizer build (make sanitize, CI) with ASan + UBSan + LSan
# reporting to files, then fails if any process (including ones a test killed or whose exit
# code it ignores) left a report. Usage: sanitized_ctest.sh BUILD_DIR [ctest args...]
set -uo pipefail
build=$(cd "$1" && pwd)
shift
logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:strict_string_checks=1:check_initialization_order=1:log_path=$logs/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
export LSAN_OPTIONS="log_path=$logs/lsan"
# Editors and browsers the client tests download are shared with the main build when it has them.
shared_deps="${MEND_SHARED_TEST_DEPS:-$(dirname "$build")/build/test-deps}"
if [ ! -e "$build/test-deps" ] && [ -d "$shared_deps" ]; then
  ln -s "$shared_deps" "$build/test-deps"
fi
cd "$build"
ctest --output-on-failure -j "${JOBS:-$(nproc)}" "$@"
status=$?
# LeakSanitizer writes "Unable to get registers from thread N" when a thread of a process it is
# checking exits mid-check (killed processes, detached readers): no finding, so such files, and
# empty ones, are noted and not counted. Anything else in a log fails the run.
for f in $(find "$logs" -type f | sort); do
  if ! grep -qv -E '^==[0-9]+==Unable to get registers from thread [0-9]+\.$|^[[:space:]]*$' "$f"; then
    echo "sanitizers: ignoring $(basename "$f"): $(head -c 200 "$f" | tr '\n' ' ')"
    rm -f "$f"
  fi
done
reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
  echo "sanitizer reports:"
  for f in $reports; do
    echo "=== $f"
    head -c 20000 "$f"
  done
  status=1
fi
[ $status -eq 0 ] && echo "sanitizers: clean ($(date -u +%FT%TZ))"
exit $status
