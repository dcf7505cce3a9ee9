#!/usr/bin/env bash
# `ddbsynth plan` end to end: exit codes (0 no error finding, 1 an error, 2 invalid input), the
# three formats, and reading OLD from git (`--against REV`).
set -euo pipefail
BIN=$1 SRC=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
# run WANT_RC CMD...: runs CMD, stdout to out.txt, stderr to err.txt, and checks the exit code.
run() {
  local want=$1
  shift
  set +e
  "$@" >out.txt 2>err.txt
  local rc=$?
  set -e
  [ $rc -eq "$want" ] || fail "exit $rc, want $want: $* :: $(cat out.txt err.txt)"
}
# edit FILE JS: rewrites the JSON config FILE with the statement JS applied to `c`.
edit() {
  node -e '
    const fs = require("fs"), f = process.argv[1], c = JSON.parse(fs.readFileSync(f, "utf8"));
    eval(process.argv[2]);
    fs.writeFileSync(f, JSON.stringify(c, null, 2) + "\n");' "$1" "$2"
}
# js EXPR: evaluates EXPR with `j` = the JSON in out.txt; fails unless it is true.
js() {
  node -e 'const j = JSON.parse(require("fs").readFileSync("out.txt", "utf8")); if (!(eval(process.argv[1]))) process.exit(1)' "$1" ||
    fail "not true of the output: $1 :: $(head -c 2000 out.txt)"
}

cp "$SRC/fixtures/configs/seed.json" old.json

# No change at all.
cp old.json same.json
run 0 "$BIN" plan old.json same.json
[ "$(cat out.txt)" = "no changes" ] || fail "text for no change: $(cat out.txt)"
run 0 "$BIN" plan old.json same.json --format json
js 'j.changes.length === 0 && j.findings.length === 0 && Object.keys(j).join() === "changes,findings"'
run 0 "$BIN" plan old.json same.json --format sarif
js 'j.version === "2.1.0" && j.runs[0].results.length === 0'

# An info only: exit 0.
cp old.json added.json
edit added.json 'c.tableConfig.globalSecondaryIndexes.push({indexName: "gsi3", partitionKey: "g3"})'
run 0 "$BIN" plan old.json added.json --format json
js 'j.changes.length === 1 && j.changes[0].kind === "gsi_added" && j.changes[0].path === "tableConfig.globalSecondaryIndexes[2]"'
js 'j.findings.length === 1 && j.findings[0].code === "GSI_ADDED" && j.findings[0].severity === "info"'
js 'Object.keys(j.findings[0]).join() === "code,severity,message,path,engines" && /"gsi3"/.test(j.findings[0].message)'
js 'JSON.stringify(j.findings[0].engines) === JSON.stringify({cloudformation: "update", cdk: "update", terraform: "update"})'
run 0 "$BIN" plan old.json added.json
grep -q '^added.json:[0-9]*:[0-9]*: info: GSI_ADDED: ' out.txt || fail "text: $(cat out.txt)"
grep -qx '1 change: 0 errors, 0 warnings, 1 info' out.txt || fail "text summary: $(cat out.txt)"

# A warning only: exit 0.
cp old.json weaker.json
edit weaker.json 'c.tableConfig.pointInTimeRecovery = false'
run 0 "$BIN" plan old.json weaker.json --format json
js 'j.findings[0].code === "PITR_DISABLED" && j.findings[0].severity === "warning" && j.findings[0].path === "tableConfig.pointInTimeRecovery"'

# An error: exit 1 in every format; the same finding, located, in each.
cp old.json rekeyed.json
edit rekeyed.json 'c.tableConfig.partitionKey = "id"; c.tableConfig.globalSecondaryIndexes.push({indexName: "byX", partitionKey: "x"}, {indexName: "byY", partitionKey: "y"})'
run 1 "$BIN" plan old.json rekeyed.json
line=$(grep 'error: TABLE_REPLACEMENT' out.txt) || fail "text: $(cat out.txt)"
loc=$(cut -d: -f2,3 <<<"$line")
# At the new value: the "id" after "partitionKey".
want=$(awk '/"partitionKey": "id"/ { print NR ":" index($0, "\"id\"") }' rekeyed.json)
[ "$loc" = "$want" ] || fail "TABLE_REPLACEMENT located at $loc, want $want"
run 1 "$BIN" plan old.json rekeyed.json --format json
js 'j.findings[0].code === "TABLE_REPLACEMENT" && j.findings[0].severity === "error" && j.findings[0].path === "tableConfig.partitionKey"'
js 'Object.values(j.findings[0].engines).every(e => e === "replace")'
js '!j.findings.some(f => f.code === "MULTIPLE_GSI_CHANGES")'  # the new table gets its indexes at once
run 1 "$BIN" plan old.json rekeyed.json --format sarif
js 'j.$schema.includes("sarif-2.1.0") && j.runs[0].tool.driver.name === "ddbsynth"'
js 'j.runs[0].results[0].ruleId === "TABLE_REPLACEMENT" && j.runs[0].results[0].level === "error"'
js 'j.runs[0].results.every(r => r.locations[0].physicalLocation.artifactLocation.uri === "rekeyed.json")'
js 'j.runs[0].results[0].locations[0].physicalLocation.region.startLine === '"${loc%%:*}"
js 'j.runs[0].results.filter(r => r.ruleId === "GSI_ADDED").every(r => r.level === "note")'
js 'j.runs[0].results.every(r => j.runs[0].tool.driver.rules[r.ruleIndex].id === r.ruleId)'

# Two GSI creations in one deploy, on the same table: exit 1 with the sequence.
cp old.json two.json
edit two.json 'c.tableConfig.globalSecondaryIndexes.shift(); c.tableConfig.globalSecondaryIndexes.push({indexName: "gsi3", partitionKey: "g3"})'
run 1 "$BIN" plan old.json two.json
grep -q 'MULTIPLE_GSI_CHANGES: .*deploy 1: remove "gsi1pk-gsi1sk-index"; deploy 2: add "gsi3"' out.txt || fail "sequence: $(cat out.txt)"

# Round-2 fields: autoscaling removed and warm throughput lowered, on a shared fixture.
cp "$SRC/fixtures/round2/autoscaled.json" scaled.json
cp scaled.json unscaled.json
edit unscaled.json 'delete c.tableConfig.autoScaling.read; c.tableConfig.warmThroughput.readUnitsPerSecond = 12000'
run 1 "$BIN" plan scaled.json unscaled.json --format json
js 'j.findings.some(f => f.code === "AUTOSCALING_REMOVED" && f.severity === "warning" && f.path === "tableConfig.autoScaling.read")'
js 'j.findings.some(f => f.code === "WARM_THROUGHPUT_LOWERED" && f.engines.cloudformation === "fail" && f.engines.terraform === "replace")'
# The first replica: an error for CloudFormation, an in-place update for Terraform.
cp "$SRC/fixtures/round2/global.json" global.json
cp global.json regional.json
edit regional.json 'c.tableConfig.replicas = []'
run 1 "$BIN" plan regional.json global.json --format sarif
js 'j.runs[0].results.some(r => r.ruleId === "GLOBAL_TABLE_CONVERSION" && r.level === "error" && r.properties.engines.terraform === "update")'

# YAML works as well as JSON.
run 0 "$BIN" plan "$SRC/fixtures/configs/yaml-table.yaml" "$SRC/fixtures/configs/yaml-table.yaml"

# Invalid input: exit 2, located; usage errors: exit 2.
echo '{"runtimeConfigKey": "my_table", "tableConfig": {"billingMode": "FREE"}}' >bad.json
run 2 "$BIN" plan old.json bad.json
grep -q '^bad.json:1:[0-9]*: error:' err.txt || fail "not located: $(cat err.txt)"
[ ! -s out.txt ] || fail "output despite invalid input: $(cat out.txt)"
run 2 "$BIN" plan old.json missing.json
run 2 "$BIN" plan old.json
run 2 "$BIN" plan old.json added.json weaker.json
run 2 "$BIN" plan old.json added.json --format xml
run 2 "$BIN" plan old.json added.json --against HEAD

# The git form: OLD is the config at a revision, read from the file's directory.
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
mkdir -p repo/pkg/db
git -C repo init -q -b main
cp old.json repo/pkg/db/config.json
git -C repo add pkg/db/config.json
git -C repo commit -q -m base
run 0 "$BIN" plan repo/pkg/db/config.json --against main
[ "$(cat out.txt)" = "no changes" ] || fail "git form, unchanged: $(cat out.txt)"
edit repo/pkg/db/config.json 'c.tableConfig.globalSecondaryIndexes.shift()'
run 0 "$BIN" plan repo/pkg/db/config.json --against main
grep -q '^repo/pkg/db/config.json:[0-9]*:[0-9]*: info: GSI_REMOVED: .*(was at main:pkg/db/config.json:[0-9]*:[0-9]*)' out.txt ||
  fail "git form: $(cat out.txt)"
(cd repo/pkg && run 0 "$BIN" plan db/config.json --against HEAD --format json && js 'j.findings[0].code === "GSI_REMOVED"')
(cd repo/pkg/db && run 0 "$BIN" plan config.json --against HEAD && grep -q '(was at HEAD:pkg/db/config.json:' out.txt) ||
  fail "git form from the file's directory"
run 0 "$BIN" plan "$work/repo/pkg/db/config.json" --against main
# A later commit, compared with the one before it.
git -C repo commit -q -am "drop gsi1"
edit repo/pkg/db/config.json 'c.tableConfig.deletionProtection = false'
run 0 "$BIN" plan repo/pkg/db/config.json --against HEAD~1 --format json
js 'j.findings.map(f => f.code).sort().join() === "DELETION_PROTECTION_DISABLED,GSI_REMOVED"'
# Git's own errors: exit 2 with its message.
run 2 "$BIN" plan repo/pkg/db/config.json --against no-such-branch
grep -q "ddbsynth: error: git show no-such-branch:pkg/db/config.json: fatal: " err.txt || fail "bad revision: $(cat err.txt)"
cp repo/pkg/db/config.json repo/pkg/db/new.json
run 2 "$BIN" plan repo/pkg/db/new.json --against main
grep -q "git show main:pkg/db/new.json: fatal: path 'pkg/db/new.json'" err.txt || fail "file not at revision: $(cat err.txt)"
run 2 "$BIN" plan old.json --against main
grep -q "not a git repository" err.txt || fail "outside a repository: $(cat err.txt)"
run 2 "$BIN" plan repo/pkg/db/config.json --against=--output=x  # never reaches git as an option
grep -q 'is not a git revision' err.txt || fail "option-like revision: $(cat err.txt)"
# An invalid config at the revision is located there.
cp bad.json repo/pkg/db/config.json
git -C repo commit -q -am broken
cp old.json repo/pkg/db/config.json
run 2 "$BIN" plan repo/pkg/db/config.json --against HEAD
grep -q '^HEAD:pkg/db/config.json:1:[0-9]*: error:' err.txt || fail "invalid old config: $(cat err.txt)"
echo ok
