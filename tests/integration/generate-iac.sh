#!/usr/bin/env bash
# `ddbsynth new --iac cdk|terraform`: the backend's files placed in the seed's packages/common
# layout, byte for byte what `ddbsynth synth` gives, and valid for their tool.
# Usage: generate-iac.sh DDBSYNTH SOURCE_DIR cdk|terraform
# Exits 77 (skipped) when this build's backend for the IaC produces nothing yet.
set -euo pipefail
bin=$1 src=$2 iac=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ws=$work/ws
mkdir "$ws" && cd "$ws"
fail() { echo "FAIL: $*" >&2; exit 1; }

# Besides core/ and app/dynamodb/, the constructs project has its index.ts and tsconfig.json.
case $iac in
cdk) backend=cdk-ts common=packages/common/constructs/src extra='^packages/common/constructs/\(src/index.ts\|tsconfig.json\)$' ;;
terraform) backend=terraform common=packages/common/terraform/src extra='^$' ;;
*) fail "unknown iac $iac" ;;
esac

set +e
"$bin" new my-table --iac "$iac" >"$work/out.txt" 2>"$work/err.txt"
rc=$?
set -e
if grep -q "no $iac infrastructure was generated" "$work/err.txt"; then
  [ "$rc" = 1 ] || fail "exit $rc with the $backend backend missing, expected 1"
  [ -f packages/my_table/my_table/entities/base.py ] || fail "the Python project was not written"
  echo "SKIP: the $backend backend produces no files in this build: $(cat "$work/err.txt")"
  exit 77
fi
[ "$rc" = 0 ] || { cat "$work/out.txt" "$work/err.txt" >&2; fail "new --iac $iac exited $rc"; }

# Every IaC file is in the common project, and they are exactly the backend's files.
iac_files=$(find packages -type f | grep -v '^packages/my_table/' | LC_ALL=C sort)
[ -n "$iac_files" ] || fail "no IaC files"
if grep -v "^$common/\(core\|app/dynamodb\)/" <<<"$iac_files" | grep -v "$extra"; then
  fail "IaC outside $common/{core,app/dynamodb}"
fi
"$bin" synth packages/my_table/config.json --target "$backend" --out "$work/synth" -q
[ "$(cd "$work/synth" && find . -type f | wc -l)" = "$(wc -l <<<"$iac_files")" ] || fail "file count differs from synth"
(cd "$work/synth" && find . -type f -exec sha256sum {} + | awk '{print $1}' | LC_ALL=C sort) >"$work/synth.sums"
xargs sha256sum <<<"$iac_files" | awk '{print $1}' | LC_ALL=C sort >"$work/placed.sums"
diff "$work/synth.sums" "$work/placed.sums" || fail "placed files differ from ddbsynth synth --target $backend"

# A second table's project shares core/ (identical files are left alone) and adds its own app/.
"$bin" new orders --iac "$iac" -q || fail "a second project next to the first"
[ "$(find packages/common -type f | wc -l)" -gt "$(wc -l <<<"$iac_files")" ] || fail "the second project added no IaC"
if [ "$iac" = cdk ]; then
  # The index exports both tables' constructs.
  grep -q "app/dynamodb/my-table.js" "$common/index.ts" && grep -q "app/dynamodb/orders.js" "$common/index.ts" ||
    fail "index.ts does not export both tables: $(cat "$common/index.ts")"
fi

# The project's infra target rewrites the same files in place, and picks up a config change.
infra=$(python3 -c "import json; print(json.load(open('packages/my_table/project.json'))['targets']['infra']['options']['command'])")
# Nx runs it from the workspace root (the target sets no cwd).
run_infra() { (PATH="$(dirname "$bin"):$PATH" sh -c "$infra") || fail "infra target: $infra"; }
before=$(find packages -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
files_before=$(find "$common" -type f | LC_ALL=C sort)
run_infra
[ "$before" = "$(find packages -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)" ] || fail "infra target changed files"
python3 - <<'PY'
import json
c = json.load(open('packages/my_table/config.json'))
c['tableConfig']['globalSecondaryIndexes'].append({'indexName': 'byStatus', 'partitionKey': 'status'})
json.dump(c, open('packages/my_table/config.json', 'w'), indent=2)
PY
run_infra
# Terraform modules carry the indexes; the CDK constructs read config.json at synth time
# (tests/conformance/cdk-ts-check.js synthesizes them), so their sources stay as they are.
if [ "$iac" = terraform ]; then grep -rq byStatus "$common" || fail "the infra target did not pick up the new GSI"; fi
[ "$files_before" = "$(find "$common" -type f | LC_ALL=C sort)" ] || fail "the infra target wrote other files"

case $iac in
terraform)
  # Each placed module parses with HashiCorp's HCL parser and matches the AWS provider schema,
  # by the terraform target's own conformance check (tests/conformance/terraform-module.js).
  find "$common" -name main.tf -printf '%h\0' | xargs -0 node -e '
    const conformance = process.argv[1] + "/tests/conformance";
    const { readModule, checkModule } = require(conformance + "/terraform-module");
    const { ProviderSchema } = require(conformance + "/terraform-schema");
    (async () => {
      const providers = new ProviderSchema();
      for (const dir of process.argv.slice(2)) {
        const errors = checkModule(await readModule(dir, "hcl"), providers, "hcl");
        if (errors.length) throw new Error(dir + ":\n  " + errors.join("\n  "));
        console.log("ok " + dir + " (AWS provider " + providers.version + ")");
      }
    })().catch((e) => { console.error(e.message || e); process.exit(1); });' "$src" || fail "HCL or provider schema"
  ;;
cdk)
  # Compiles with tsc against the pinned aws-cdk-lib.
  # Compiles both tables' constructs with the project's own tsconfig (strict, NodeNext).
  ln -s "$src/tests/node_modules" node_modules
  node node_modules/typescript/bin/tsc -p packages/common/constructs --noEmit || fail "tsc"
  ;;
esac
echo "ok: $iac"
