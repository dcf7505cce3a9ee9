#!/usr/bin/env bash
# ddbsynth local up|down with a stand-in `docker` on PATH that logs its arguments and, for
# `run`, starts dynalite on the published port: up pulls, runs, waits for the server and
# creates the table; the commands it ran are the ones --dry-run prints; a second up changes
# nothing; down removes the container only. Usage: local-up-down.sh DDBSYNTH SOURCE_DIR
DDBSYNTH=$1 SRC=$2
. "$SRC/tests/integration/local-lib.sh"

FREE=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
config dev "{ \"runtimeConfigKey\": \"shop\",
  \"localDev\": { \"port\": $FREE, \"tableName\": \"shop-local\", \"containerName\": \"shop-ddb\" },
  \"tableConfig\": { \"globalSecondaryIndexes\": [ { \"indexName\": \"byCustomer\", \"partitionKey\": \"customer\" } ] } }"

mkdir -p "$WORK/bin" "$WORK/engine"
cat >"$WORK/bin/docker" <<FAKE
#!/usr/bin/env bash
# A stand-in engine: state in $WORK/engine, every call in $WORK/engine/log.
state=$WORK/engine
printf '%s\n' "\$*" >>"\$state/log"
case "\$1 \$2" in
  "image inspect") [ -e "\$state/image" ] ;;
  "pull "*) touch "\$state/image" ;;
  "container inspect")
    [ -e "\$state/pid" ] && kill -0 "\$(cat "\$state/pid")" 2>/dev/null || exit 1
    if [ "\$4" = '{{json .Args}}' ]; then cat "\$state/args"; else echo true; fi ;;
  "run "*)
    printf '["%s"]\n' "\$*" >"\$state/args"
    [ -e "\$state/no-server" ] && exit 0
    port=\$(printf '%s\n' "\$@" | sed -n '/^-port\$/{n;p}')
    # Started late on purpose: up must wait for the server.
    (sleep 1; exec node "$SRC/tests/integration/dynalite-server.js" --port "\$port" --lifetime 100) >"\$state/server.out" 2>&1 &
    echo \$! >"\$state/pid" ;;
  "rm --force") kill "\$(cat "\$state/pid")" && rm "\$state/pid" ;;
  *) echo "unexpected: \$*" >&2; exit 9 ;;
esac
FAKE
chmod +x "$WORK/bin/docker"
export PATH="$WORK/bin:$PATH"
engine_pid() { cat "$WORK/engine/pid" 2>/dev/null || true; }
stop_engine() { p=$(engine_pid); [ -n "$p" ] && pkill -P "$p" 2>/dev/null; [ -n "$p" ] && kill "$p" 2>/dev/null; true; }
trap 'stop_engine; cleanup' EXIT

ddb local up "$WORK/dev.json" --dry-run
expect_rc 0 "dry run"
dry=$(printf '%s\n' "$OUT" | grep -v '^#' | grep -v '^ddbsynth ')
: >"$WORK/engine/log"
ddb local up "$WORK/dev.json" --wait 30
expect_rc 0 "up"
expect_eq "$OUT" "pulled image public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest
started container shop-ddb on 127.0.0.1:$FREE (data in volume shop-ddb-data)
created table shop-local (pk (S), sk (S))
created GSI byCustomer
table shop-local at http://localhost:$FREE matches $WORK/dev.json" "up output"
# The engine saw the dry run's commands, between its probes.
ran=$(grep -v -e '^image inspect' -e '^container inspect' "$WORK/engine/log" | sed 's/^/docker /')
expect_eq "$ran" "$(printf '%s\n' "$dry" | sed 's/'"'"'//g')" "commands run = dry run"
grep -q -e optimizeDbBeforeStartup "$WORK/engine/log" && fail "-optimizeDbBeforeStartup corrupts the database"
expect_in "$dry" "docker run --detach --name shop-ddb --user root --workdir /home/dynamodblocal --publish 127.0.0.1:$FREE:$FREE --volume shop-ddb-data:/home/dynamodblocal/data public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest -jar DynamoDBLocal.jar -sharedDb -dbPath ./data -port $FREE" "run command"
expect_eq "$(call "http://127.0.0.1:$FREE" DescribeTable '{"TableName":"shop-local"}' | q 'd.Table.GlobalSecondaryIndexes[0].IndexName')" "byCustomer" "table in the container"

ddb local up "$WORK/dev.json"
expect_rc 0 "second up"
expect_eq "$OUT" "image public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest is present
container shop-ddb is running
table shop-local at http://localhost:$FREE is up to date" "second up output"

ddb local down "$WORK/dev.json" --dry-run
expect_eq "$OUT" "docker rm --force shop-ddb
# keeps volume shop-ddb-data; to delete the data as well: docker volume rm shop-ddb-data" "down dry run"
ddb local down "$WORK/dev.json"
expect_rc 0 "down"
expect_eq "$OUT" "removed container shop-ddb; volume shop-ddb-data keeps the data (delete it with: docker volume rm shop-ddb-data)" "down output"
expect_eq "$(tail -n 1 "$WORK/engine/log")" "rm --force shop-ddb" "down command"
ddb local down "$WORK/dev.json"
expect_rc 0 "second down"
expect_eq "$OUT" "no container shop-ddb: nothing to remove" "second down output"
grep -q '^volume' "$WORK/engine/log" && fail "the volume was touched"

# A container an earlier version started with -optimizeDbBeforeStartup is refused, not reused.
ddb local up "$WORK/dev.json" --wait 30
expect_rc 0 "up again"
printf '["-jar","DynamoDBLocal.jar","-sharedDb","-optimizeDbBeforeStartup"]\n' >"$WORK/engine/args"
ddb local up "$WORK/dev.json"
expect_rc 1 "container with the corrupting flag"
expect_in "$ERR" "container shop-ddb runs DynamoDB Local with -optimizeDbBeforeStartup, which lets it write duplicate rows for one key: recreate it with \`ddbsynth local down $WORK/dev.json\`" "corrupting flag message"
ddb local down "$WORK/dev.json"
expect_rc 0 "down after the refusal"

# A container whose server never answers: a bounded wait, then where to look.
touch "$WORK/engine/no-server"
ddb local up "$WORK/dev.json" --wait 1
expect_rc 1 "silent container"
expect_in "$ERR" "ddbsynth: error: DynamoDB Local did not answer at http://localhost:$FREE within 1 s of starting (" "silent container message"
expect_in "$ERR" "see its log with \`docker logs shop-ddb\`" "silent container advice"

# An engine that is not installed.
config podman "{ \"runtimeConfigKey\": \"shop\", \"localDev\": { \"tableName\": \"shop-local\", \"containerEngine\": \"finch\" } }"
PATH="$WORK/bin:/usr/bin:/bin" ddb local down "$WORK/podman.json"
command -v finch >/dev/null || {
  expect_rc 1 "missing engine"
  expect_in "$ERR" "finch is not on PATH: install it, or set localDev.containerEngine (docker, podman or finch) in $WORK/podman.json" "missing engine message"
}

finish
