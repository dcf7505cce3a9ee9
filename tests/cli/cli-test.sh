#!/usr/bin/env bash
# The command line as scripts see it: exit codes, located errors on stderr, nothing written on
# failure, atomic and deterministic output.  usage: cli-test.sh DDBSYNTH
set -uo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'umount "$tmp/mnt" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
run() {  # run ARGS...: sets $rc, $out, $err
  "$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"; rc=$?
  out=$(cat "$tmp/stdout"); err=$(cat "$tmp/stderr")
}
located() { grep -Eq '^[^:]+:[0-9]+:[0-9]+: error: ' <<<"$err"; }
tree() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }

seed=$root/fixtures/configs/seed.json
printf '{\n  "runtimeConfigKey": "t",\n  "tableConfig": { "billingMode": "FAST" }\n}\n' >"$tmp/bad.json"

run --version;                       check "version exits 0" test $rc = 0
check "version names the tool" grep -q '^ddbsynth [0-9]' <<<"$out"
run --help;                          check "help exits 0" test $rc = 0
check "help lists commands" grep -q 'synth' <<<"$out"
run synth --help;                    check "synth help has examples" grep -q 'Examples' <<<"$out"
run;                                 check "no command is a usage error" test $rc = 2
run synth --no-such-flag "$seed";    check "unknown flag is a usage error" test $rc = 2
run targets;                         check "targets lists cloudformation" grep -q '^cloudformation ' <<<"$out"
check "targets lists formats comma-separated" grep -q "^terraform  *hcl,json  " <<<"$out"

mkdir -p "$tmp/out" && echo keep >"$tmp/out/existing.txt"
before=$(tree "$tmp/out")
run synth "$seed" --target nope --out "$tmp/out"
check "unknown target exits 2" test $rc = 2
check "unknown target lists targets" grep -q 'cloudformation' <<<"$err"
run synth "$seed" --format toml --out "$tmp/out"
check "unknown format exits 2" test $rc = 2

run synth "$tmp/bad.json" --out "$tmp/out"
check "invalid config exits 2" test $rc = 2
check "invalid config error is located" located
check "invalid config error points at the value" grep -q "bad.json:3:35: error:" <<<"$err"
run synth "$seed" "$tmp/bad.json" --out "$tmp/out"
check "one bad config of two exits 2" test $rc = 2
check "nothing written on invalid input" test "$(tree "$tmp/out")" = "$before"

run validate "$seed";                check "validate ok" test "$rc:$out" = "0:$seed: ok"
run validate "$tmp/bad.json";        check "validate bad exits 2" test $rc = 2
(cd "$tmp" && "$bin" validate >/dev/null 2>"$tmp/stderr"); rc=$?; err=$(cat "$tmp/stderr")
check "default config.json missing exits 2" test $rc = 2
check "missing default config is located" grep -q '^config.json:1:1: error: cannot read file' <<<"$err"
mkdir -p "$tmp/cwd" && cp "$seed" "$tmp/cwd/config.json"
(cd "$tmp/cwd" && "$bin" synth --quiet --out o); check "default config.json is used" test -f "$tmp/cwd/o/mytableStack.template.json"

run synth "$seed" "$root/examples/config.json" --out "$tmp/clash"
check "two configs writing one file exit 2" test $rc = 2
check "clash names both configs" grep -q 'also produced by' <<<"$err"
check "clash writes nothing" test ! -e "$tmp/clash"

echo file >"$tmp/notadir"
run synth "$seed" --out "$tmp/notadir/sub"
check "output under a file exits 2" test $rc = 2
check "output error says why" grep -q 'ddbsynth: error: cannot create directory' <<<"$err"

run synth "$seed" --out "$tmp/ok"
check "synth lists what it wrote" test "$out" = "wrote $tmp/ok/mytableStack.template.json"
check "no temporary files left" test -z "$(find "$tmp/ok" -name '.*tmp*')"

# Determinism: the same bytes from another directory, locale, time zone and run.
(cd / && LC_ALL=C TZ=Pacific/Kiritimati "$bin" synth "$root"/fixtures/configs/*.json --quiet --out "$tmp/d1")
(cd "$tmp" && LC_ALL=C.UTF-8 TZ=America/St_Johns "$bin" synth "$root"/fixtures/configs/*.json --quiet --out "$tmp/d2")
check "output is deterministic" diff -r "$tmp/d1" "$tmp/d2"

# --jobs: 300 configs (several windows of tables in flight) give the same bytes for any value.
mkdir -p "$tmp/many"
python3 -c "import sys; sys.path.insert(0, '$root/bench'); import run; run.write_configs(300, '$tmp/many')"
for target in cloudformation terraform cdk-ts; do
  for j in 1 2 7; do "$bin" synth "$tmp"/many/*.json --target $target --quiet -j $j --out "$tmp/j$j-$target"; done
  check "$target output is the same for -j 1, 2, 7" \
    test "$(tree "$tmp/j1-$target")" = "$(tree "$tmp/j2-$target")" -a "$(tree "$tmp/j1-$target")" = "$(tree "$tmp/j7-$target")"
done
check "cdk-ts index exports all 300 tables" test "$(grep -c app/dynamodb "$tmp/j7-cdk-ts/packages/common/constructs/src/index.ts")" = 300
# An invalid config late in the list: tables before it were already staged, and are taken back.
cp "$tmp/bad.json" "$tmp/many/table00250.json"
run synth "$tmp"/many/*.json -j 1 --out "$tmp/late"
check "late invalid config exits 2" test $rc = 2
check "late invalid config is located" grep -q "^$tmp/many/table00250.json:3:" <<<"$err"
check "late invalid config writes nothing" test ! -e "$tmp/late"
before=$(tree "$tmp/j1-cloudformation")
run synth "$tmp"/many/*.json -j 2 --out "$tmp/j1-cloudformation"
check "late invalid config leaves existing output as it was" test "$(tree "$tmp/j1-cloudformation")" = "$before"
check "no temporary files left after a failed run" test -z "$(find "$tmp/j1-cloudformation" -name '.*tmp*')"

# Read-only and full output directories (a small tmpfs; skipped where mounting is not allowed).
mkdir -p "$tmp/mnt"
if mount -t tmpfs -o size=64k tmpfs "$tmp/mnt" 2>/dev/null; then
  "$bin" synth "$seed" --quiet --out "$tmp/mnt/out"
  before=$(tree "$tmp/mnt/out")
  dd if=/dev/zero of="$tmp/mnt/filler" bs=4k count=64 2>/dev/null
  run synth "$root"/fixtures/configs/*.json --out "$tmp/mnt/out"
  check "full disk exits 2" test $rc = 2
  check "full disk says so" grep -q 'No space left on device' <<<"$err"
  check "full disk leaves output as it was" test "$(tree "$tmp/mnt/out")" = "$before"
  rm -f "$tmp/mnt/filler"
  mount -o remount,ro "$tmp/mnt"
  run synth "$seed" --out "$tmp/mnt/out"
  check "read-only output exits 2" test $rc = 2
  check "read-only output says so" grep -q 'Read-only file system' <<<"$err"
  umount "$tmp/mnt"
else
  echo "skipped: full and read-only disk (cannot mount tmpfs here)"
fi

echo "$passed passed, $failed failed"
test $failed = 0
