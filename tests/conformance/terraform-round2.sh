#!/usr/bin/env bash
# The round-2 fixture configs and tests/conformance/cfn-configs through the terraform target:
# terraform-conformance.js (HCL parser, provider schema, agreement with the cloudformation target
# field by field), then `terraform fmt -check` where /usr/local/bin/terraform is installed.
# usage: terraform-round2.sh DDBSYNTH WORKDIR
set -euo pipefail
bin=$1 work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
configs=("$root"/fixtures/round2/{autoscaled,on-demand-caps,table-options,import-csv,import-json}.json
         "$root"/tests/conformance/cfn-configs/*.json)
node "$root/tests/conformance/terraform-conformance.js" "$bin" "$work/conformance" "${configs[@]}"
terraform=${TERRAFORM:-/usr/local/bin/terraform}
[ -x "$terraform" ] || { echo "no $terraform: fmt not checked"; exit 0; }
rm -rf "$work/fmt"
for c in "${configs[@]}"; do
  "$bin" synth "$c" --target terraform --out "$work/fmt/$(basename "$c" .json)" --quiet
done
TF_CLI_CONFIG_FILE=/dev/null "$terraform" fmt -check -recursive -diff "$work/fmt"
echo "terraform fmt: ${#configs[@]} modules unchanged"
