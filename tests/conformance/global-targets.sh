#!/usr/bin/env bash
# The global-table configs given: their CloudFormation templates satisfy the resource spec,
# their Terraform modules are in `terraform fmt` style (the real binary, when installed).
# usage: global-targets.sh DDBSYNTH CONFIG...
set -euo pipefail
bin=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" synth "$@" --target cloudformation --out "$tmp/cfn" --quiet
node "$here/cfn-spec.js" "$tmp"/cfn/*.template.json
grep -q '"AWS::DynamoDB::GlobalTable"' "$tmp"/cfn/*.template.json
"$bin" synth "$@" --target terraform --out "$tmp/tf" --quiet
tf=${TERRAFORM:-/usr/local/bin/terraform}
if [ -x "$tf" ]; then
  TF_CLI_CONFIG_FILE=/dev/null "$tf" fmt -check -recursive "$tmp/tf"
  echo "terraform fmt: $(find "$tmp/tf" -name '*.tf' | wc -l) files ok"
fi
echo "spec check: $(ls "$tmp"/cfn/*.template.json | wc -l) global templates ok"
