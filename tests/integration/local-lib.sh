# Shared by the tests/integration/local-*.sh scripts: servers on loopback that always stop,
# an independent DynamoDB client, and assertions. Source it after setting DDBSYNTH and SRC.
set -euo pipefail

WORK=$(mktemp -d)
PIDS=()
FAILED=0
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# Whatever the environment says, nothing here goes through a proxy or leaves the machine.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

# start_node SCRIPT ARGS...: starts a node server that prints "port N"; sets PORT and SERVER_PID.
start_node() {
  local out="$WORK/server.$RANDOM.out"
  # Created here, not by the background job's redirection, so the poll below never reads a file
  # that does not exist yet (that race failed the test under load).
  : >"$out"
  node "$@" >>"$out" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 100); do
    PORT=$(sed -n 's/^port //p' "$out")
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "server $* did not start:" >&2
  cat "$out" >&2
  exit 1
}

start_dynalite() { start_node "$SRC/tests/integration/dynalite-server.js" --lifetime 100 "$@"; }

# call ENDPOINT OPERATION JSON: the answer's JSON on stdout.
call() { timeout 20 node "$SRC/tests/integration/dynamodb-call.js" "$@"; }

# q JS-EXPRESSION < JSON: the expression over `d` (the parsed input), printed.
q() {
  node -e "const d = JSON.parse(require('fs').readFileSync(0, 'utf8')); const v = ($1);
           console.log(typeof v === 'string' ? v : JSON.stringify(v))"
}

# ddb ARGS...: ddbsynth with a bound run time; sets OUT, ERR, RC.
ddb() {
  set +e
  timeout 120 "$DDBSYNTH" "$@" >"$WORK/out" 2>"$WORK/err"
  RC=$?
  set -e
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
}

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout:" >&2; echo "$OUT" >&2
  echo "--- stderr:" >&2; echo "$ERR" >&2
  FAILED=1
}
expect_rc() { [ "$RC" = "$1" ] || fail "$2: exit $RC, expected $1"; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: got [$1], expected [$2]"; }
expect_in() { case "$1" in *"$2"*) ;; *) fail "$3: [$2] not found" ;; esac; }

# config NAME JSON: writes $WORK/NAME.json.
config() { printf '%s\n' "$2" >"$WORK/$1.json"; }

finish() {
  if [ "$FAILED" = 0 ]; then echo "all checks passed"; else exit 1; fi
}
