#!/usr/bin/env bash
# `ddbsynth check` on every registered target: fresh goldens pass and nothing is written; a new
# GSI fails with a unified diff (the same bytes as `diff -u`) whose `+` lines name it and a hint
# that refreshes the goldens; missing and extra files are drift; the diff applies with patch -p0.
set -euo pipefail
BIN=$1 SRC=$2
ONLY=${3:-}  # optional space-separated targets, for debugging one backend
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
snapshot() { (cd "$1" && find . -type f -exec sha256sum {} + | sort); }
add_gsi() {
  node -e '
    const fs = require("fs"), c = JSON.parse(fs.readFileSync("config.json", "utf8"));
    c.tableConfig.globalSecondaryIndexes.push({indexName: "gsi3-by-status-index", partitionKey: "status"});
    fs.writeFileSync("config.json", JSON.stringify(c, null, 2) + "\n");'
}

targets=${ONLY:-$("$BIN" targets | awk '{print $1}')}
[ -n "$targets" ] || fail "ddbsynth targets lists nothing"
for t in $targets; do
  rm -rf golden fresh ./*.txt
  cp "$SRC/fixtures/configs/seed.json" config.json
  "$BIN" synth config.json --target "$t" --out golden -q
  n=$(find golden -type f | wc -l)
  [ "$n" -gt 0 ] || fail "$t: synth wrote no files for the seed config"
  before=$(snapshot golden) listing=$(ls -A)

  # Fresh goldens: exit 0, nothing written anywhere.
  "$BIN" check config.json --target "$t" --golden golden >out.txt 2>err.txt || fail "$t: fresh goldens drift: $(cat out.txt err.txt)"
  grep -q "up to date" out.txt || fail "$t: no up-to-date note: $(cat out.txt)"
  [ "$(snapshot golden)" = "$before" ] || fail "$t: check changed the goldens"
  rm -f out.txt err.txt
  [ "$(ls -A)" = "$listing" ] || fail "$t: check wrote files: $(ls -A)"

  # A new GSI: exit 1, a plain (not a terminal) unified diff naming it, the refresh hint. A
  # target whose output reads config.json when it runs (cdk-ts) embeds no index at all: for it
  # the goldens stay valid and check must say so.
  add_gsi
  "$BIN" synth config.json --target "$t" --out fresh -q
  if diff -r golden fresh >/dev/null; then
    ! grep -rq 'gsi1pk-gsi1sk-index' golden || fail "$t: output names the seed's GSIs but not the new one"
    "$BIN" check config.json --target "$t" --golden golden >/dev/null 2>err.txt ||
      fail "$t: drift reported for output that did not change: $(cat err.txt)"
    echo "note: $t output does not embed the indexes (it reads config.json when run)"
  else
    set +e
    "$BIN" check config.json --target "$t" --golden golden >diff.txt 2>err.txt
    rc=$?
    set -e
    [ $rc -eq 1 ] || fail "$t: drift exit $rc, want 1: $(cat err.txt)"
    grep -q '^+.*gsi3-by-status-index' diff.txt || fail "$t: no + line names the new GSI"
    grep -q '^--- golden/' diff.txt && grep -q '^+++ golden/' diff.txt && grep -q '^@@ -[0-9]' diff.txt ||
      fail "$t: not a unified diff: $(head -5 diff.txt)"
    ! grep -q $'\033' diff.txt || fail "$t: colour when stdout is not a terminal"
    grep -qF "refresh with: ddbsynth synth config.json --target $t --out golden" err.txt || fail "$t: hint: $(cat err.txt)"
    [ "$(snapshot golden)" = "$before" ] || fail "$t: check changed the goldens"
    # Byte for byte what GNU diff prints for each changed file.
    : >gnu.txt
    (cd golden && find . -type f | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
      diff -u --label "golden/$f" --label "golden/$f" "golden/$f" "fresh/$f" >>gnu.txt || true
    done
    cmp -s diff.txt gnu.txt || fail "$t: diff differs from diff -u: $(diff diff.txt gnu.txt | head -20)"
    "$BIN" check config.json --target "$t" --golden golden --color=always >color.txt 2>/dev/null || true
    grep -q $'^\033\\[32m+' color.txt || fail "$t: --color=always gives no coloured + lines"
  fi

  # Missing and extra files.
  victim=$(cd golden && find . -type f | sed 's|^\./||' | LC_ALL=C sort | head -1)
  mv "golden/$victim" "$work/victim"
  echo stale >golden/stale.txt
  set +e
  "$BIN" check config.json --target "$t" --golden golden >drift.txt 2>err.txt
  rc=$?
  set -e
  [ $rc -eq 1 ] || fail "$t: missing/extra exit $rc"
  grep -qx -- '--- /dev/null' drift.txt && grep -qxF "+++ golden/$victim" drift.txt || fail "$t: missing file not shown"
  grep -qx -- '--- golden/stale.txt' drift.txt && grep -qx -- '+++ /dev/null' drift.txt || fail "$t: extra file not shown"
  grep -q 'delete from golden: stale.txt' err.txt || fail "$t: hint does not name the extra file: $(cat err.txt)"

  # The diff is a patch: applying it brings the goldens up to date.
  patch -s -p0 <drift.txt || fail "$t: patch -p0 rejected the diff"
  "$BIN" check config.json --target "$t" --golden golden >/dev/null || fail "$t: still drifting after patch"
  rm -f "$work/victim"
done

# A directory that does not exist holds no files: all missing, and check still creates nothing.
cp "$SRC/fixtures/configs/seed.json" config.json
set +e
"$BIN" check config.json --golden "not yet" >out.txt 2>err.txt
rc=$?
set -e
[ $rc -eq 1 ] || fail "absent golden directory: exit $rc"
[ ! -e "not yet" ] || fail "check created its golden directory"
grep -q '^--- /dev/null' out.txt || fail "absent golden directory: $(head -3 out.txt)"
grep -qF "refresh with: ddbsynth synth config.json --target cloudformation --out 'not yet'" err.txt ||
  fail "hint does not quote for the shell: $(cat err.txt)"

# Usage and input errors: exit 2, nothing compared.
expect2() {
  set +e
  "$@" >/dev/null 2>err.txt
  local rc=$?
  set -e
  [ $rc -eq 2 ] || fail "exit $rc, want 2: $*"
}
expect2 "$BIN" check config.json --target nope --golden golden
expect2 "$BIN" check config.json --golden config.json   # a file, not a directory
expect2 "$BIN" check config.json                         # --golden is required
echo '{"runtimeConfigKey": "x", "tableConfig": {"billingMode": "FREE"}}' >bad.json
expect2 "$BIN" check bad.json --golden golden
grep -q '^bad.json:1:[0-9]*: error:' err.txt || fail "invalid config not located: $(cat err.txt)"
echo "ok: check on $(echo $targets | wc -w) targets"
