#!/usr/bin/env bash
# Runs the core tests under valgrind's memcheck: no invalid access and no
# definite leak may remain.
#   tests/valgrind.sh [BUILD_DIR] [TEST…]     (default: build, every core test)
# Needs valgrind (apt-get install valgrind). Exits non-zero on the first
# test that memcheck faults, and prints its log.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
shift || true

tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
  tests=(id-number date table-reader rules db evidence document roster-import
         hours-import progress claim-store notice-rules permissions certificate)
fi

supp=()
for s in /usr/share/glib-2.0/valgrind/glib.supp "$top/tests/valgrind.supp"; do
  [ -f "$s" ] && supp+=("--suppressions=$s")
done

export G_TEST_SRCDIR="$top/tests" G_TEST_BUILDDIR="$build/tests"
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8
export GSETTINGS_BACKEND=memory XUESHI_SHARED_DIR="$top/../shared"

logs=$(mktemp -d)
status=0
for t in "${tests[@]}"; do
  exe="$build/tests/test-$t"
  log="$logs/$t.log"
  if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
       --errors-for-leak-kinds=definite --show-leak-kinds=definite \
       --track-origins=yes --num-callers=30 "${supp[@]}" \
       --log-file="$log" "$exe" >/dev/null 2>&1; then
    echo "ok $t"
  else
    echo "not ok $t (memcheck log: $log)"
    grep -E "Invalid|definitely|uninitialised|==[0-9]+== +at|ERROR SUMMARY" "$log" | head -40
    status=1
  fi
done
[ $status -eq 0 ] && rm -rf "$logs"
exit $status
