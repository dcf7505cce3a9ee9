#!/usr/bin/env bash
# ddbsynth connect on a generated workspace: a FastAPI-like source project (as the seed's
# py#fast-api lays it out: project.json with a dev target, a uv pyproject.toml) and two tables
# from `ddbsynth new`. The source then depends on each table package as a uv workspace member and
# its dev on each table's dev; a second run changes nothing; bad input exits 2 and writes nothing.
# Usage: generate-connect.sh DDBSYNTH SOURCE_DIR
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out.txt err=$work/err.txt
mkdir "$work/ws" && cd "$work/ws"
fail() { echo "FAIL: $*" >&2; exit 1; }
sums() { find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum; }
expect_rc() {
  local want=$1; shift
  set +e; "$@" >"$out" 2>"$err"; local rc=$?; set -e
  [ "$rc" = "$want" ] || { cat "$out" "$err" >&2; fail "exit $rc, expected $want: $*"; }
}

echo '{"name": "@acme/source", "private": true}' >package.json
"$bin" new orders --infra none -q
"$bin" new users --infra none -q
mkdir -p packages/api/acme_api
cat >packages/api/project.json <<'JSON'
{
  "name": "acme.api",
  "root": "packages/api",
  "targets": {
    "serve": { "executor": "nx:run-commands", "options": { "command": "uv run fastapi dev" } },
    "dev": { "executor": "nx:run-commands", "continuous": true, "options": { "command": "uv run fastapi dev" } }
  }
}
JSON
cat >packages/api/pyproject.toml <<'TOML'
[project]
name = "acme-api"
version = "1.0.0"
requires-python = ">=3.12"
# The API's own dependencies.
dependencies = [
  "fastapi[standard]>=0.115",
  "aws-lambda-powertools"
]

[tool.uv]
dev-dependencies = []

[tool.ruff]
line-length = 120
TOML

expect_rc 0 "$bin" connect acme.api orders
grep -q "dev depends on orders:dev" "$out" || fail "no note: $(cat "$out")"
expect_rc 0 "$bin" connect packages/api packages/users
python3 - <<'PY' || fail "pyproject.toml or project.json after connect"
import json, tomllib
py = tomllib.load(open('packages/api/pyproject.toml', 'rb'))
assert py['project']['dependencies'] == ['fastapi[standard]>=0.115', 'aws-lambda-powertools',
                                         'acme-orders', 'acme-users'], py['project']
assert py['tool']['uv']['sources'] == {'acme-orders': {'workspace': True}, 'acme-users': {'workspace': True}}, py['tool']
assert py['tool']['ruff'] == {'line-length': 120} and py['tool']['uv']['dev-dependencies'] == [], py['tool']
# The names are the table packages' own [project].name.
for t in ('orders', 'users'):
    assert tomllib.load(open(f'packages/{t}/pyproject.toml', 'rb'))['project']['name'] == f'acme-{t}'
dev = json.load(open('packages/api/project.json'))['targets']['dev']
assert dev['dependsOn'] == [{'projects': ['orders'], 'target': 'dev'}, {'projects': ['users'], 'target': 'dev'}], dev
assert dev['continuous'] is True and dev['options']['command'] == 'uv run fastapi dev', dev
PY
grep -q "^# The API's own dependencies.$" packages/api/pyproject.toml || fail "a comment was lost"

# Idempotent: a second run writes nothing.
before=$(sums)
expect_rc 0 "$bin" connect acme.api orders
grep -q "already depends on acme-orders" "$out" || fail "second run note: $(cat "$out")"
[ "$before" = "$(sums)" ] || fail "a second connect changed files"

# A one-line dependencies array, and a source without a dev target (left as is, as the seed does).
mkdir -p packages/mcp
echo '{"name": "acme.mcp", "targets": {}}' >packages/mcp/project.json
printf '[project]\nname = "acme-mcp"\ndependencies = ["mcp"]\n' >packages/mcp/pyproject.toml
expect_rc 0 "$bin" connect acme.mcp orders
grep -q "has no dev target" "$out" || fail "no dev target note: $(cat "$out")"
python3 -c "
import tomllib; py = tomllib.load(open('packages/mcp/pyproject.toml', 'rb'))
assert py['project']['dependencies'] == ['mcp', 'acme-orders'], py
assert py['tool']['uv']['sources'] == {'acme-orders': {'workspace': True}}, py" || fail "one-line array"
[ "$(cat packages/mcp/project.json)" = '{"name": "acme.mcp", "targets": {}}' ] || fail "project.json without dev changed"

# Bad input: exit 2, a message, nothing written.
echo 'not json' >packages/users/broken.txt
mkdir -p packages/nopy && echo '{"name": "acme.nopy", "targets": {"dev": {}}}' >packages/nopy/project.json
mkdir -p packages/twin1 packages/twin2
echo '{"name": "twin"}' >packages/twin1/project.json; echo '{"name": "twin"}' >packages/twin2/project.json
before=$(sums)
while IFS='|' read -r src table message; do
  expect_rc 2 "$bin" connect "$src" "$table"
  grep -qF "$message" "$err" || fail "connect $src $table: expected [$message] in: $(cat "$err")"
  grep -q "nothing was written" "$err" || fail "connect $src $table does not say nothing was written"
done <<'CASES'
acme.api|nosuch|no project "nosuch"
nosuch|orders|no project "nosuch"
acme.api|acme.api|are the same project
orders|acme.api|packages/api is not a DynamoDB project: it has no config.json
acme.nopy|orders|packages/nopy has no pyproject.toml
acme.api|twin|2 projects are named "twin"
CASES
[ "$before" = "$(sums)" ] || fail "a refused connect wrote files"
expect_rc 2 "$bin" connect acme.api
echo "all checks passed"
