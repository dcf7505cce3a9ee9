#!/usr/bin/env bash
# `ddbsynth model` and the design review through validate and synth, as scripts see them:
# exit codes, formats, located findings.  usage: model-cli-test.sh DDBSYNTH
set -uo pipefail
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$root/tests/cli/check-lib.sh"
example=$root/examples/single-table-design.json

run model "$example"
check "model of the seed's design exits 0" test $rc = 0
check "model prints the table header" grep -q '^ENTITY  *PATTERN  *OPERATION' <<<"$out"
check "model shows list_by_user's condition" grep -q 'OrderModel  *list_by_user  *Query  *gsi1pk-gsi1sk-index  *gsi1pk = "USER#<userId>" AND begins_with(gsi1sk, "ORDER#")' <<<"$out"
check "model summarises" grep -q '^14 access patterns; 0 errors, 0 warnings, 0 notes$' <<<"$out"
run model "$example" --format json
check "json exits 0" test $rc = 0
check "json parses and matches the spec's example" python3 -c '
import json, sys
d = json.loads(sys.argv[1])
p = [x for x in d["patterns"] if x["entity"] == "OrderModel" and x["name"] == "list_by_user"][0]
assert p == {**p, "operation": "query", "index": "gsi1pk-gsi1sk-index", "parameters": ["userId"], "alsoReads": [],
             "keyCondition": "gsi1pk = \"USER#<userId>\" AND begins_with(gsi1sk, \"ORDER#\")"}, p
assert d["findings"] == []' "$out"
run model "$example" --format markdown
check "markdown has a table" grep -q '^| Entity | Pattern | Operation | Index | Key condition |' <<<"$out"
run model "$example" --format yaml
check "unknown format is a usage error" test $rc = 2

# A planted collision: model exits 1 and names it; validate and synth exit 2 with a located error.
python3 - "$example" "$tmp/collide.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["entities"]["InvoiceModel"] = {"attributes": {"id": "S"}, "keys": {"table": {"pk": "ORDER#{id}", "sk": "{id}"}}}
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
run model "$tmp/collide.json" --format json
check "collision: model exits 1" test $rc = 1
check "collision: json names the code, entities and witness" python3 -c '
import json, sys
f = json.loads(sys.argv[1])["findings"]
assert [x["code"] for x in f] == ["PRIMARY_KEY_COLLISION"], f
assert f[0]["entities"] == ["OrderModel", "InvoiceModel"] and f[0]["witness"] == {"pk": "ORDER#x", "sk": "ORDER#x"}, f
assert f[0]["line"] > 1 and f[0]["pattern"] is None' "$out"
run validate "$tmp/collide.json"
check "collision: validate exits 2" test $rc = 2
check "collision: validate's error is located" grep -Eq "collide.json:[0-9]+:[0-9]+: error: OrderModel and InvoiceModel" <<<"$err"
run synth "$tmp/collide.json" --out "$tmp/out"
check "collision: synth exits 2" test $rc = 2
check "collision: synth wrote nothing" test ! -e "$tmp/out"

# An unisolated query is a warning: validate prints it and still passes; model exits 0.
python3 - "$example" "$tmp/warn.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["entities"]["NoteModel"] = {"attributes": {"noteId": "S", "at": "S"},
    "keys": {"table": {"pk": "NOTE#{noteId}", "sk": "NOTE#{noteId}"}, "gsi2pk-gsi2sk-index": {"pk": "USER", "sk": "{at}"}}}
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
run validate "$tmp/warn.json"
check "warning: validate exits 0" test $rc = 0
check "warning: validate prints it located" grep -Eq "warn.json:[0-9]+:[0-9]+: warning: UserModel.list_recent .* also reads items of NoteModel" <<<"$err"
run model "$tmp/warn.json"
check "warning: model exits 0" test $rc = 0
check "warning: model's table says what else it reads" grep -Eq 'UserModel +list_recent .*NoteModel' <<<"$out"

# YAML reads the same: the review of entities.yaml equals its JSON twin's but for the file name.
run model "$root/tests/design/entities.yaml" --format json; yaml_out=$out
run model "$root/tests/design/entities.json" --format json
check "yaml and json give the same review" python3 -c '
import json, sys
a, b = json.loads(sys.argv[1]), json.loads(sys.argv[2])
a.pop("file"); b.pop("file")
assert a == b and len(a["patterns"]) == 5, (a, b)' "$yaml_out" "$out"

# Without entities: model says so; everything else unchanged.
run model "$root/fixtures/configs/seed.json"
check "no entities: exit 0" test $rc = 0
check "no entities: says so" grep -q 'no entities' <<<"$out"
run model "$tmp/missing.json"
check "missing config: exit 2" test $rc = 2
run model --help
check "help teaches the codes" grep -q 'PRIMARY_KEY_COLLISION' <<<"$out"

summary
