# Shared by the command-line test scripts: `check NAME CONDITION...` counts a pass or prints the
# failure; `run ARGS...` runs $bin, setting $rc, $out and $err; `summary` prints the closing line
# and fails when anything failed. Needs $bin and $tmp.
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
run() {
  "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"; rc=$?
  out=$(cat "$tmp/stdout"); err=$(cat "$tmp/stderr")
}
summary() {
  echo "$passed passed, $failed failed"
  test "$failed" = 0
}
