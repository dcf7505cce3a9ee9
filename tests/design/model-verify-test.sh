#!/usr/bin/env bash
# model verify against dynalite: the run agrees with the static review. A clean design passes
# with nothing filtered; a planted collision fails exactly in the colliding entities' patterns; an
# unisolated query reads and filters others exactly where `model` says it does. The scratch table
# is always deleted, also on SIGTERM.  usage: model-verify-test.sh DDBSYNTH
set -uo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
node "$root/tests/integration/dynalite-server.js" --lifetime 120 >"$tmp/dynalite" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do grep -q '^port ' "$tmp/dynalite" && break; sleep 0.1; done
url=http://127.0.0.1:$(awk '/^port /{print $2}' "$tmp/dynalite")
. "$root/tests/cli/check-lib.sh"
# DeleteTable is asynchronous (the table is DELETING for a while): wait up to 3 s for none.
tables_gone() { for _ in $(seq 30); do test "$(tables)" = 0 && return 0; sleep 0.1; done; return 1; }
tables() { node "$root/tests/integration/dynamodb-call.js" "$url" ListTables '{}' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["TableNames"]))'; }

# Patterns by verify's verdict: "failed" (RESULT FAIL) or "filtered" (FILTERED > 0).
verdict() {
  python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.split()[1:2] and l.split()[1].isdigit()]
want = sys.argv[2]
print(" ".join(sorted(r[0] for r in rows if (r[5] == "FAIL" if want == "failed" else int(r[4]) > 0))))' "$1" "$2"
}
# Patterns the review says read others, and entities in error findings.
review() {
  "$bin" model "$1" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
if sys.argv[1] == "filtered":
    print(" ".join(sorted((p["entity"] + "." if p["entity"] else "") + p["name"] for p in d["patterns"] if p["alsoReads"])))
else:
    print(" ".join(sorted({e for f in d["findings"] if f["severity"] == "error" for e in f["entities"]})))' "$2"
}

example=$root/examples/single-table-design.json
"$bin" model verify "$example" --endpoint "$url" >"$tmp/clean" 2>&1; rc=$?
check "clean design: exit 0" test $rc = 0
check "clean design: every pattern passes" grep -q '^14 patterns, 0 failed$' "$tmp/clean"
check "clean design: nothing read and filtered, as model says" test "$(verdict "$tmp/clean" filtered)" = ""
check "clean design: scratch table deleted" test "$(tables)" = 0

python3 - "$example" "$tmp/collide.json" "$tmp/unisolated.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = json.loads(json.dumps(d))
c["entities"]["InvoiceModel"] = {"attributes": {"orderId": "S"},
    "keys": {"table": {"pk": "ORDER#{orderId}", "sk": "ORDER#{orderId}"}}, "accessPatterns": {"get_by_id": {"get": "table"}}}
json.dump(c, open(sys.argv[2], "w"), indent=2)
u = json.loads(json.dumps(d))
u["entities"]["NoteModel"] = {"attributes": {"noteId": "S", "at": {"type": "S", "default": "now"}},
    "keys": {"table": {"pk": "NOTE#{noteId}", "sk": "NOTE#{noteId}"}, "gsi2pk-gsi2sk-index": {"pk": "USER", "sk": "{at}"}}}
json.dump(u, open(sys.argv[3], "w"), indent=2)
PY

"$bin" model verify "$tmp/collide.json" --endpoint "$url" >"$tmp/collide" 2>&1; rc=$?
check "collision: exit 1" test $rc = 1
check "collision: model names OrderModel and InvoiceModel" test "$(review "$tmp/collide.json" errors)" = "InvoiceModel OrderModel"
failing=$(verdict "$tmp/collide" failed)
check "collision: verify fails" test -n "$failing"
check "collision: only patterns of the colliding entities fail ($failing)" python3 -c '
import sys
for p in sys.argv[1].split():
    assert p.startswith(("OrderModel.", "InvoiceModel.")) or p == "user_activity", p' "$failing"
check "collision: scratch table deleted" test "$(tables)" = 0

"$bin" model verify "$tmp/unisolated.json" --endpoint "$url" >"$tmp/unisolated" 2>&1; rc=$?
check "unisolated: exit 0 (reading others is not a failure)" test $rc = 0
check "unisolated: filtered exactly where model says" test "$(verdict "$tmp/unisolated" filtered)" = "$(review "$tmp/unisolated.json" filtered)"
check "unisolated: model says UserModel.list_recent" test "$(review "$tmp/unisolated.json" filtered)" = "UserModel.list_recent"

# SIGTERM while it runs: the server is paused mid-run so the signal surely lands before the end;
# verify finishes the call in flight, deletes the scratch table and exits 130.
"$bin" model verify "$example" --endpoint "$url" --items 100 >"$tmp/term" 2>&1 &
run=$!
for _ in $(seq 200); do grep -q '^scratch table' "$tmp/term" && break; sleep 0.02; done
kill -STOP $server; kill -TERM $run; sleep 0.3; kill -CONT $server
wait $run; rc=$?
check "SIGTERM: exit 130" test $rc = 130
check "SIGTERM: says the table was deleted" grep -q 'interrupted; the scratch table was deleted' "$tmp/term"
check "SIGTERM: no warning that the delete failed" sh -c "! grep -q 'could not delete' '$tmp/term'"
check "SIGTERM: scratch table deleted" tables_gone

"$bin" model verify "$example" --endpoint http://127.0.0.1:1 >"$tmp/down" 2>&1; rc=$?
check "no server: exit 2" test $rc = 2
check "no server: says what to do" grep -q 'local up' "$tmp/down"

summary
