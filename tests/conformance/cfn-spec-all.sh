#!/usr/bin/env bash
# Every fixture and example, synthesized for the cloudformation target (JSON), must satisfy the
# CloudFormation resource specification; a template broken on purpose must not.
set -euo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" synth "$root"/fixtures/configs/*.json "$root"/fixtures/configs/*.yaml \
  --target cloudformation --out "$tmp/out" --quiet
"$bin" synth "$root"/examples/*.json --target cloudformation --out "$tmp/examples" --quiet
node "$root/tests/conformance/cfn-spec.js" "$tmp"/out/*.template.json "$tmp"/examples/*.template.json
# The checker itself must catch a bad property and a dangling reference.
first=$(ls "$tmp"/out/*.template.json | head -n 1)
node -e '
const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
t.Resources.Table.Properties.BillingModee = "PAY_PER_REQUEST";
t.Resources.RuntimeConfigEnvironment.Properties.ApplicationId = { Ref: "Nope" };
require("fs").writeFileSync(process.argv[2], JSON.stringify(t));' "$first" "$tmp/broken.json"
if node "$root/tests/conformance/cfn-spec.js" "$tmp/broken.json" 2>"$tmp/err"; then
  echo "spec check accepted a broken template"; exit 1
fi
grep -q "unknown property BillingModee" "$tmp/err" && grep -q "Ref to unknown Nope" "$tmp/err"
echo "spec check: $(ls "$tmp"/out/*.template.json | wc -l) templates ok"
