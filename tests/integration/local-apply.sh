#!/usr/bin/env bash
# ddbsynth local apply against dynalite: create, idempotent re-run, GSI removal, addition and
# change, refusals, and the errors for an unreachable, stuck or foreign endpoint. Checked with
# DescribeTable through an independent client. Usage: local-apply.sh DDBSYNTH SOURCE_DIR
DDBSYNTH=$1 SRC=$2
. "$SRC/tests/integration/local-lib.sh"

gsi() { printf '{ "indexName": "%s", "partitionKey": %s%s }' "$1" "$2" "${3:+, $3}"; }
table_config() {  # NAME GSI-JSON-LIST [TABLE-EXTRA]
  config "$1" "{ \"runtimeConfigKey\": \"orders\", \"localDev\": { \"tableName\": \"orders-local\" },
    \"tableConfig\": { ${3:+$3,} \"globalSecondaryIndexes\": [ $2 ] } }"
}
G1=$(gsi gsi1pk-gsi1sk-index '"gsi1pk"' '"sortKey": "gsi1sk"')
G2=$(gsi gsi2pk-gsi2sk-index '"gsi2pk"' '"sortKey": "gsi2sk"')
G3=$(gsi byAmount '{ "name": "amount", "type": "N" }' '"projectionType": "KEYS_ONLY"')
table_config two "$G1, $G2"
table_config one "$G1"
table_config added "$G1, $G3"
table_config changed "$(gsi gsi1pk-gsi1sk-index '"gsi1pk"' '"sortKey": "gsi1sk", "projectionType": "INCLUDE", "nonKeyAttributes": ["total"]'), $G3"
table_config rekeyed "$G1" '"partitionKey": "id", "sortKey": null'

start_dynalite --gsi-updates
URL=http://127.0.0.1:$PORT
describe() { call "$URL" DescribeTable '{"TableName":"orders-local"}'; }
gsis() { describe | q 'd.Table.GlobalSecondaryIndexes.map(i => i.IndexName + ":" + i.IndexStatus).sort().join(" ")'; }
items() { call "$URL" Scan '{"TableName":"orders-local","Select":"COUNT"}' | q 'd.Count'; }

# Create.
ddb local apply "$WORK/two.json" --endpoint "$URL"
expect_rc 0 "create"
expect_eq "$OUT" "created table orders-local (pk (S), sk (S))
created GSI gsi1pk-gsi1sk-index
created GSI gsi2pk-gsi2sk-index
table orders-local at $URL matches $WORK/two.json" "create output"
expect_eq "$(describe | q 'd.Table.KeySchema.map(k => k.AttributeName + ":" + k.KeyType).join(" ")')" "pk:HASH sk:RANGE" "key schema"
expect_eq "$(describe | q 'd.Table.BillingModeSummary.BillingMode')" "PAY_PER_REQUEST" "billing"
expect_eq "$(gsis)" "gsi1pk-gsi1sk-index:ACTIVE gsi2pk-gsi2sk-index:ACTIVE" "GSIs after create"
call "$URL" PutItem '{"TableName":"orders-local","Item":{"pk":{"S":"o#1"},"sk":{"S":"o#1"},"gsi2pk":{"S":"x"},"gsi2sk":{"S":"y"},"amount":{"N":"3"}}}' >/dev/null

# Idempotent re-run: nothing changes, not even the description.
before=$(describe)
ddb local apply "$WORK/two.json" --endpoint "$URL"
expect_rc 0 "re-run"
expect_eq "$OUT" "table orders-local at $URL is up to date" "re-run output"
expect_eq "$(describe)" "$before" "description after re-run"

# GSI removal.
ddb local apply "$WORK/one.json" --endpoint "$URL"
expect_rc 0 "removal"
expect_eq "$OUT" "deleted GSI gsi2pk-gsi2sk-index (no longer in the config)
table orders-local at $URL matches $WORK/one.json" "removal output"
expect_eq "$(gsis)" "gsi1pk-gsi1sk-index:ACTIVE" "GSIs after removal"
expect_eq "$(items)" "1" "items after removal"

# GSI addition, with a number key.
ddb local apply "$WORK/added.json" --endpoint "$URL"
expect_rc 0 "addition"
expect_eq "$OUT" "created GSI byAmount
table orders-local at $URL matches $WORK/added.json" "addition output"
expect_eq "$(gsis)" "byAmount:ACTIVE gsi1pk-gsi1sk-index:ACTIVE" "GSIs after addition"
expect_eq "$(describe | q 'd.Table.AttributeDefinitions.find(a => a.AttributeName === "amount").AttributeType')" "N" "amount type"
expect_eq "$(describe | q 'd.Table.GlobalSecondaryIndexes.find(i => i.IndexName === "byAmount").Projection.ProjectionType')" "KEYS_ONLY" "projection"
ddb local apply "$WORK/added.json" --endpoint "$URL"
expect_eq "$OUT" "table orders-local at $URL is up to date" "re-run after addition"

# A GSI whose projection changed is recreated.
ddb local apply "$WORK/changed.json" --endpoint "$URL"
expect_rc 0 "change"
expect_in "$OUT" "deleted GSI gsi1pk-gsi1sk-index (to recreate it: it is gsi1pk (S), gsi1sk (S), projection ALL, the config wants gsi1pk (S), gsi1sk (S), projection INCLUDE (total))" "change: delete"
expect_in "$OUT" "created GSI gsi1pk-gsi1sk-index" "change: create"
expect_eq "$(describe | q 'd.Table.GlobalSecondaryIndexes.find(i => i.IndexName === "gsi1pk-gsi1sk-index").Projection.NonKeyAttributes')" '["total"]' "changed projection"

# A different key is refused with the way to recreate the table; the table and items stay.
ddb local apply "$WORK/rekeyed.json" --endpoint "$URL"
expect_rc 1 "rekeyed"
expect_in "$ERR" "table orders-local at $URL cannot be changed to match $WORK/rekeyed.json" "rekeyed message"
expect_in "$ERR" "the table's key is pk (S), sk (S) but the config's is id (S)" "rekeyed difference"
expect_in "$ERR" "aws dynamodb delete-table --region us-east-1 --table-name orders-local --endpoint-url $URL" "rekeyed advice"
expect_eq "$(items)" "1" "items after refusal"

# No localDev: a located error, exit 2.
config nolocal '{ "runtimeConfigKey": "orders" }'
ddb local apply "$WORK/nolocal.json" --endpoint "$URL"
expect_rc 2 "no localDev"
expect_eq "$ERR" "$WORK/nolocal.json:1:1: error: no localDev, so no local table: add \"localDev\": {\"tableName\": \"<name>\"} to use ddbsynth local" "no localDev message"
ddb local apply "$WORK/one.json" --endpoint "localhost:$PORT"
expect_rc 2 "bad endpoint"

# Plain dynalite accepts GSI changes and never makes them: a bounded wait, then a clear error.
start_dynalite
PLAIN=http://127.0.0.1:$PORT
ddb local apply "$WORK/two.json" --endpoint "$PLAIN"
expect_rc 0 "plain create"
ddb local apply "$WORK/one.json" --endpoint "$PLAIN" --wait 1
expect_rc 1 "plain removal"
expect_in "$ERR" "gave up after" "plain removal message"
expect_in "$ERR" "waiting for GSI gsi2pk-gsi2sk-index to be deleted on table orders-local at $PLAIN (last seen: GSI gsi2pk-gsi2sk-index still there, ACTIVE)" "plain removal detail"

# Unreachable: the URL and what to run.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
ddb local apply "$WORK/one.json" --endpoint "$PLAIN"
expect_rc 1 "unreachable"
expect_in "$ERR" "ddbsynth: error: cannot reach $PLAIN (" "unreachable message"
expect_in "$ERR" "is DynamoDB Local running? Start it with \`ddbsynth local up $WORK/one.json\`" "unreachable advice"

# A server that never answers: the request times out.
start_node "$SRC/tests/integration/fake-endpoint.js" hang
ddb local apply "$WORK/one.json" --endpoint "http://127.0.0.1:$PORT" --request-timeout 1
expect_rc 1 "timeout"
expect_in "$ERR" "http://127.0.0.1:$PORT did not answer DescribeTable in time" "timeout message"

# A refused request: the service's own message.
start_node "$SRC/tests/integration/fake-endpoint.js" refuse
ddb local apply "$WORK/one.json" --endpoint "http://127.0.0.1:$PORT"
expect_rc 1 "refused"
expect_eq "$ERR" "ddbsynth: error: http://127.0.0.1:$PORT refused DescribeTable on table orders-local: UnrecognizedClientException: The security token included in the request is invalid." "refused message"

# Something else listens there.
start_node "$SRC/tests/integration/fake-endpoint.js" html
ddb local apply "$WORK/one.json" --endpoint "http://127.0.0.1:$PORT"
expect_rc 1 "not DynamoDB"
expect_in "$ERR" "answered DescribeTable with HTTP 404 with a body that is not DynamoDB's JSON" "not DynamoDB message"

finish
