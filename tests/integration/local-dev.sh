#!/usr/bin/env bash
# ddbsynth local dev: two tables' dev sessions share one container, started once (by whichever
# took the lock first); each creates its table and streams the container's log; `local down`
# refuses while they run, naming them; as the seed's dev, Ctrl+C in a session that did not start
# the container leaves it running, and Ctrl+C in the one that started it removes it even under the
# other session, after a warning naming it, and that one ends saying why; a container `local up`
# started outlives a dev session (SIGTERM); `down --force` ends a session. The engine is
# tests/integration/fake-engine running dynalite. Usage: local-dev.sh DDBSYNTH SOURCE_DIR
DDBSYNTH=$1 SRC=$2
. "$SRC/tests/integration/local-lib.sh"

FREE=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
for t in orders users; do
  config $t "{ \"runtimeConfigKey\": \"${t^}\",
    \"localDev\": { \"port\": $FREE, \"tableName\": \"acme-$t\", \"containerName\": \"acme-dynamodb\" } }"
done
mkdir -p "$WORK/bin" "$WORK/engine" "$WORK/run"
ln -s "$SRC/tests/integration/fake-engine" "$WORK/bin/docker"
export PATH="$WORK/bin:$PATH" FAKE_ENGINE_STATE=$WORK/engine DDBSYNTH_RUN_DIR=$WORK/run
stop_engine() { p=$(cat "$WORK/engine/pid" 2>/dev/null || true); [ -n "$p" ] && { pkill -P "$p"; kill "$p"; } 2>/dev/null; true; }
trap 'stop_engine; cleanup' EXIT
SESSIONS=$WORK/run/ddbsynth-$(id -u)/docker-acme-dynamodb

# dev NAME CONFIG: starts a dev session in the background; its pid in DEV_<NAME>.
dev() {
  "$DDBSYNTH" local dev "$WORK/$2.json" --wait 30 >"$WORK/$1.out" 2>"$WORK/$1.err" &
  PIDS+=($!)
  printf -v "DEV_$1" %s $!
}
# until_in FILE TEXT: waits up to 40 s for TEXT in FILE.
until_in() {
  for _ in $(seq 400); do grep -qF -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  OUT=$(cat "$1"); ERR=$(cat "${1%.out}.err" 2>/dev/null); fail "waited for [$2] in $1"; finish
}
# ended NAME: waits up to 20 s for session NAME to end by itself; sets OUT, ERR, RC.
ended() {
  local pid=DEV_$1
  for _ in $(seq 200); do kill -0 "${!pid}" 2>/dev/null || break; sleep 0.1; done
  kill -0 "${!pid}" 2>/dev/null && { kill -9 "${!pid}"; fail "$1 did not end"; }
  set +e; wait "${!pid}"; RC=$?; set -e
  OUT=$(cat "$WORK/$1.out"); ERR=$(cat "$WORK/$1.err")
}
# signal SIG NAME: sends SIG to session NAME and waits up to 20 s for it to end; sets OUT, ERR, RC.
signal() {
  local pid=DEV_$2
  kill "-$1" "${!pid}"
  ended "$2"
}
container_up() { [ -e "$WORK/engine/pid" ] && kill -0 "$(cat "$WORK/engine/pid")" 2>/dev/null; }
table() { call "http://127.0.0.1:$FREE" DescribeTable "{\"TableName\":\"$1\"}" | q 'd.Table.TableStatus'; }

# Two tables at once: one container, run once; both tables; the log streamed to both.
dev a orders
dev b users
until_in "$WORK/a.out" "Ctrl+C ends this session"
until_in "$WORK/b.out" "Ctrl+C ends this session"
expect_eq "$(grep -c '^run ' "$WORK/engine/log")" 1 "one container run"
grep -q -e optimizeDbBeforeStartup "$WORK/engine/log" && fail "-optimizeDbBeforeStartup corrupts the database"
expect_eq "$(table acme-orders)" ACTIVE "orders table"
expect_eq "$(table acme-users)" ACTIVE "users table"
until_in "$WORK/a.out" "port $FREE"
until_in "$WORK/b.out" "port $FREE"
if grep -q "^started container acme-dynamodb" "$WORK/a.out"; then starter=a other=b; else starter=b other=a; fi
OUT=$(cat "$WORK/$other.out")
expect_in "$OUT" "container acme-dynamodb is running" "the second session reuses the container"

# down refuses while dev sessions use the container, and names them.
ddb local down "$WORK/orders.json"
expect_rc 1 "down under dev sessions"
expect_in "$ERR" "2 \`ddbsynth local dev\` session(s) use container acme-dynamodb: pid " "down names the sessions"
expect_in "$ERR" "(table acme-orders)" "down names the orders session's table"
expect_in "$ERR" "(table acme-users)" "down names the users session's table"
expect_in "$ERR" "or remove it under them with --force" "down says how"
container_up || fail "down removed the container under the sessions"
starter_pid=DEV_$starter
starter_pid=${!starter_pid}
if [ "$starter" = a ]; then starter_table=acme-orders other_table=acme-users; else starter_table=acme-users other_table=acme-orders; fi

# Ctrl+C in the session that did not start it: the container keeps running for the starter.
signal INT $other
expect_rc 0 "Ctrl+C in the session that did not start the container"
expect_in "$OUT" "container acme-dynamodb keeps running: the dev session that started it, pid $starter_pid (table $starter_table), stops it when it ends" "non-starter message"
case $ERR in *warning*) fail "the non-starter warned: $ERR" ;; esac
container_up || fail "a session that did not start the container removed it"
expect_eq "$(table acme-orders)" ACTIVE "orders table after Ctrl+C in the non-starter"
expect_eq "$(grep -c '^rm ' "$WORK/engine/log" || true)" 0 "no rm by the non-starter"

# It comes back (reusing the container); then Ctrl+C in the starter: it warns, naming the other
# session, removes the container, and the other ends by itself, saying why (exit 0, as the seed's).
if [ "$other" = a ]; then config_of_other=orders; else config_of_other=users; fi
dev e $config_of_other
until_in "$WORK/e.out" "Ctrl+C ends this session"
expect_in "$(cat "$WORK/e.out")" "container acme-dynamodb is running" "the returning session reuses the container"
signal INT $starter
expect_rc 0 "Ctrl+C in the starting session"
expect_in "$ERR" "ddbsynth: warning: stopping container acme-dynamodb, which this session started, under 1 other dev session(s) that lose their database: pid $DEV_e (table $other_table)" "starter warns naming the other session"
expect_in "$OUT" "removed container acme-dynamodb; volume acme-dynamodb-data keeps the data" "starter removes"
container_up && fail "the container outlived the session that started it"
expect_eq "$(tail -n 1 "$WORK/engine/log")" "rm --force acme-dynamodb" "removed by rm --force"
ended e
expect_rc 0 "the other session after the starter stopped the container"
expect_in "$ERR" "ddbsynth: warning: container acme-dynamodb was stopped by the dev session that started it, pid $starter_pid (table $starter_table); this session ends" "the other session is told"
expect_eq "$(ls "$SESSIONS" | grep -v '^lock$' || true)" "" "no session, notice or starter file left behind"

# A container `local up` started: a dev session (ended by SIGTERM) leaves it running.
ddb local up "$WORK/orders.json" --wait 30
expect_rc 0 "up"
dev c users
until_in "$WORK/c.out" "Ctrl+C ends this session"
signal TERM c
expect_rc 0 "SIGTERM in a session that did not start the container"
expect_in "$OUT" "container acme-dynamodb keeps running: no dev session started it" "not started by dev"
container_up || fail "a dev session removed the container local up started"
ddb local down "$WORK/orders.json"
expect_rc 0 "down with no sessions"

# down --force removes the container under a session, which then ends saying why.
dev d orders
until_in "$WORK/d.out" "Ctrl+C ends this session"
ddb local down "$WORK/orders.json" --force
expect_rc 0 "down --force"
expect_in "$ERR" "1 \`ddbsynth local dev\` session(s) use container acme-dynamodb: pid $DEV_d (table acme-orders); removing it anyway" "force warns"
for _ in $(seq 100); do kill -0 "$DEV_d" 2>/dev/null || break; sleep 0.1; done
kill -0 "$DEV_d" 2>/dev/null && { kill -9 "$DEV_d"; fail "the session outlived its container"; }
set +e; wait "$DEV_d"; RC=$?; set -e
ERR=$(cat "$WORK/d.err")
expect_rc 1 "session under down --force"
expect_in "$ERR" "the log of container acme-dynamodb ended: the container stopped" "session says why it ended"

finish
