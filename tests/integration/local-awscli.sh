#!/usr/bin/env bash
# The create-table target's JSON, as the AWS CLI takes it: `aws dynamodb create-table
# --cli-input-json` against dynalite creates the table, and `ddbsynth local apply` then finds it
# up to date. Uses Debian's awscli (/usr/bin/aws) or else the aws on PATH; exit 77 (skipped)
# when there is none. Usage: local-awscli.sh DDBSYNTH SOURCE_DIR
DDBSYNTH=$1 SRC=$2
. "$SRC/tests/integration/local-lib.sh"

AWS=/usr/bin/aws
[ -x "$AWS" ] || AWS=$(command -v aws || true)
if [ -z "$AWS" ]; then
  echo "SKIP: no AWS CLI (apt-get install awscli)"
  exit 77
fi
# Dummy credentials and an empty configuration: nothing from the user's profile, no instance
# metadata lookups; every request goes to the loopback endpoint given.
aws_local() {
  AWS_ACCESS_KEY_ID=UNUSED AWS_SECRET_ACCESS_KEY=UNUSED AWS_DEFAULT_REGION=us-east-1 AWS_PAGER= \
    AWS_CONFIG_FILE="$WORK/no-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/no-credentials" AWS_EC2_METADATA_DISABLED=true \
    timeout 60 "$AWS" --endpoint-url "$URL" --output json --cli-connect-timeout 5 --cli-read-timeout 20 dynamodb "$@"
}

start_dynalite
URL=http://127.0.0.1:$PORT
for config in seed.json everything.json yaml-table.yaml local/projections.json local/provisioned.json; do
  path="$SRC/fixtures/configs/$config"
  ddb synth "$path" --target create-table --out "$WORK/ct/$config" --quiet
  expect_rc 0 "$config: synth"
  file=$(ls "$WORK/ct/$config"/*.create-table.json)
  name=$(basename "$file" .create-table.json)
  if ! aws_local create-table --cli-input-json "file://$file" >"$WORK/created.json" 2>"$WORK/aws.err"; then
    OUT=$(cat "$WORK/created.json") ERR=$(cat "$WORK/aws.err")
    fail "$config: aws dynamodb create-table refused $file"
    continue
  fi
  expect_eq "$(q 'd.TableDescription.TableName' <"$WORK/created.json")" "$name" "$config: created table name"
  aws_local describe-table --table-name "$name" >"$WORK/described.json"
  expect_eq "$(q '(d.Table.GlobalSecondaryIndexes || []).length + "/" + (d.Table.LocalSecondaryIndexes || []).length' <"$WORK/described.json")" \
    "$(q '(d.GlobalSecondaryIndexes || []).length + "/" + (d.LocalSecondaryIndexes || []).length' <"$file")" "$config: index counts"
  # What the CLI created from the file is exactly what apply wants.
  ddb local apply "$path" --endpoint "$URL"
  expect_rc 0 "$config: apply after the CLI"
  expect_eq "$OUT" "table $name at $URL is up to date" "$config: apply after the CLI"
done

finish
