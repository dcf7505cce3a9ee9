#!/usr/bin/env bash
# DynamoDB Local has no replicas: for a global table, --target create-table and `local apply`
# build the table of tableConfig.region alone. The request equals the one of the same config
# without its global-table section, and dynalite, given it, holds one table with no replicas.
# usage: local-global.sh DDBSYNTH SOURCE_DIR
DDBSYNTH=$1 SRC=$2
. "$SRC/tests/integration/local-lib.sh"

TABLE='"tableName": "profiles", "partitionKey": "id", "sortKey": null,
  "globalSecondaryIndexes": [{ "indexName": "byEmail", "partitionKey": "email" }]'
GLOBAL='"region": "us-east-1", "multiRegionConsistency": "EVENTUAL",
  "replicas": [
    { "region": "eu-west-1", "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "deletionProtection": false, "tags": { "residency": "eu" } },
    { "region": "ap-southeast-2", "kmsKeyArn": "arn:aws:kms:ap-southeast-2:123456789012:key/mrk-0123456789abcdef0123456789abcdef" }
  ]'
config global "{ \"runtimeConfigKey\": \"Profiles\", \"localDev\": { \"tableName\": \"profiles-local\" },
  \"tableConfig\": { $TABLE, $GLOBAL } }"
config regional "{ \"runtimeConfigKey\": \"Profiles\", \"localDev\": { \"tableName\": \"profiles-local\" },
  \"tableConfig\": { $TABLE } }"

ddb synth "$WORK/global.json" --target create-table --out "$WORK/global" --quiet
expect_rc 0 "create-table of the global table"
ddb synth "$WORK/regional.json" --target create-table --out "$WORK/regional" --quiet
expect_rc 0 "create-table of the regional table"
if ! diff -u "$WORK/regional/profiles-local.create-table.json" "$WORK/global/profiles-local.create-table.json"; then
  fail "the global table's request differs from its region's table alone"
fi
expect_eq "$(q 'd.TableName + " " + Object.keys(d).filter(k => /Replica|Region|SSE/.test(k)).length' \
  <"$WORK/global/profiles-local.create-table.json")" "profiles-local 0" "request names the local table, no replica"

start_dynalite
URL=http://127.0.0.1:$PORT
ddb local apply "$WORK/global.json" --endpoint "$URL"
expect_rc 0 "apply of the global table"
expect_in "$OUT" "created table profiles-local" "apply output"
describe() { call "$URL" DescribeTable '{"TableName":"profiles-local"}'; }
expect_eq "$(describe | q '(d.Table.Replicas || []).length + " " + d.Table.GlobalSecondaryIndexes.map(i => i.IndexName).join(",")')" \
  "0 byEmail" "the local table: no replicas, the index"
expect_eq "$(call "$URL" ListTables '{}' | q 'd.TableNames.join(",")')" "profiles-local" "one table, in no other region"
ddb local apply "$WORK/global.json" --endpoint "$URL"
expect_rc 0 "re-apply"
expect_in "$OUT" "is up to date" "re-apply sees no difference"
finish
