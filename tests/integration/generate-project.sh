#!/usr/bin/env bash
# `ddbsynth new` and `ddbsynth gen pynamodb` end to end, in a scratch workspace.
# Usage: generate-project.sh DDBSYNTH SOURCE_DIR CASE
#   tree     the generated tree, config.json and project.json for --infra none
#   python   every .py compiles, base.py matches config.json, the package imports (stub PynamoDB)
#   refuse   a second `new` (or any file in the way) fails with 2 and changes nothing; --force
#   names    invalid names and table names exit 2 and write nothing
#   ports    every new project shares the port of the existing DynamoDB projects (8000 if none)
#   gen      `gen pynamodb` picks up an added GSI, touches nothing else, --check reports drift
#   escapes  base.py from fixtures/configs/escapes.json keeps every string exactly
set -euo pipefail
bin=$1 src=$2 case=$3
here=$src/tests/integration
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ws=$work/ws out=$work/out.txt err=$work/err.txt  # the workspace holds only what ddbsynth writes
mkdir "$ws" && cd "$ws"

fail() { echo "FAIL: $*" >&2; exit 1; }
tree() { (cd "${1:-.}" && find . -type f | LC_ALL=C sort); }
sums() { (cd "${1:-.}" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }
expect_rc() {  # expect_rc CODE CMD...: runs CMD, its output in $out and $err
  local want=$1; shift
  set +e; "$@" >"$out" 2>"$err"; local rc=$?; set -e
  [ "$rc" = "$want" ] || { cat "$out" "$err" >&2; fail "exit $rc, expected $want: $*"; }
}
check_base() { python3 "$here/generate-check-base-py.py" "$1" "$2" || fail "base.py does not match $1"; }

python_tree() {  # the files of project $1 with package $2, relative to the workspace
  printf '%s\n' "./$1/config.json" "./$1/project.json" "./$1/pyproject.toml" "./$1/$2/__init__.py" "./$1/$2/client.py" \
    "./$1/$2/entities/__init__.py" "./$1/$2/entities/base.py" "./$1/$2/entities/example.py"
}

case $case in
tree)
  expect_rc 0 "$bin" new my-table --infra none
  diff <(python_tree packages/my_table my_table | LC_ALL=C sort) <(tree) || fail "unexpected tree"
  python3 - packages/my_table <<'PY' || fail "config.json or project.json"
import json, sys
root = sys.argv[1]
config = json.load(open(f'{root}/config.json'))
assert config == {
    'runtimeConfigKey': 'MyTable',
    'localDev': {'port': 8000, 'tableName': 'monorepo-my-table',
                 'image': 'public.ecr.aws/aws-dynamodb-local/aws-dynamodb-local:latest',
                 'containerName': 'monorepo-dynamodb'},
    'tableConfig': {'globalSecondaryIndexes': [
        {'indexName': 'gsi1pk-gsi1sk-index', 'partitionKey': 'gsi1pk', 'sortKey': 'gsi1sk'},
        {'indexName': 'gsi2pk-gsi2sk-index', 'partitionKey': 'gsi2pk', 'sortKey': 'gsi2sk'}]},
}, config
project = json.load(open(f'{root}/project.json'))
targets = project['targets']
assert set(targets) == {'build', 'test', 'dev'}, targets
assert targets['dev']['options']['command'] == 'ddbsynth local dev', targets['dev']
assert targets['dev']['continuous'] is True, targets['dev']
assert all(t['options']['cwd'] == '{projectRoot}' for t in targets.values())
assert project['sourceRoot'] == 'packages/my_table/my_table', project
import tomllib
py = tomllib.load(open(f'{root}/pyproject.toml', 'rb'))
assert py['project']['name'] == 'monorepo-my-table', py
assert py['project']['dependencies'] == ['pynamodb', 'boto3'], py
assert py['build-system']['build-backend'] == 'hatchling.build', py
assert py['tool']['hatch']['build']['targets']['wheel']['packages'] == ['my_table'], py
PY
  "$bin" validate packages/my_table/config.json >/dev/null || fail "the generated config.json is not valid"
  # The dev target's command works on the generated config, from the project root.
  (cd packages/my_table && "$bin" local up --dry-run) >"$out" 2>"$err" || fail "local up --dry-run: $(cat "$err")"
  grep -q "monorepo-dynamodb" "$out" || fail "local up does not use the workspace's container"
  # Options: --directory, --sub-directory, --table-name (also the local table), an absolute directory.
  expect_rc 0 "$bin" new Orders --directory "$ws/libs" --sub-directory data/orders --table-name orders-prod --infra none
  diff <(python_tree libs/data/orders orders | LC_ALL=C sort) <(tree | grep '^./libs/') || fail "tree with options"
  python3 -c "
import json; c = json.load(open('libs/data/orders/config.json'))
assert c['runtimeConfigKey'] == 'Orders' and c['tableConfig']['tableName'] == 'orders-prod', c
assert c['localDev']['tableName'] == 'monorepo-orders-prod', c" || fail "config.json with --table-name"
  # The npm scope of the workspace root's package.json names the local table and the container.
  mkdir "$work/scoped" && cd "$work/scoped" && echo '{"name": "@acme/source"}' > package.json
  expect_rc 0 "$bin" new my-table --infra none --table-name Orders_V2
  python3 -c "
import json, tomllib; c = json.load(open('packages/my_table/config.json'))['localDev']
assert (c['tableName'], c['containerName']) == ('acme-orders-v-2', 'acme-dynamodb'), c
assert tomllib.load(open('packages/my_table/pyproject.toml', 'rb'))['project']['name'] == 'acme-my-table'" || fail "scope"
  cd "$ws"
  # The same inputs give the same bytes.
  mkdir "$work/again" && (cd "$work/again" && "$bin" new my-table --infra none -q)
  diff -r packages/my_table "$work/again/packages/my_table" || fail "output is not deterministic"
  ;;
python)
  expect_rc 0 "$bin" new my-table --infra none
  for f in $(find . -name '*.py'); do python3 -m py_compile "$f" || fail "$f does not compile"; done
  check_base packages/my_table/config.json packages/my_table/my_table/entities/base.py
  # Import the package as an application would, against a stand-in PynamoDB, locally.
  (cd packages/my_table && LOCAL_DEV=true PYTHONPATH="$here/generate-stub" python3 - <<'PY') || fail "import"
import my_table
from my_table import BaseModel, ExampleModel
from my_table.client import get_table_name, is_local, runtime_config_key
assert is_local() and runtime_config_key == 'MyTable'
assert get_table_name() == 'monorepo-my-table'
assert BaseModel.Meta.host == 'http://localhost:8000' and BaseModel.Meta.region == 'us-east-1'
assert BaseModel._get_connection() == ('connection', 'monorepo-my-table', 'http://localhost:8000', 'us-east-1')
assert issubclass(ExampleModel, BaseModel)
assert BaseModel.gsi1_index.Meta.index_name == 'gsi1pk-gsi1sk-index'
assert BaseModel.gsi2_index.Meta.index_name == 'gsi2pk-gsi2sk-index'
assert BaseModel.pk.hash_key and BaseModel.sk.range_key and BaseModel.gsi2sk.null
assert ExampleModel.list_created_between.__func__ is not None
PY
  # Deployed: no config.json read, and the AppConfig application id is required.
  (cd packages/my_table && PYTHONPATH="$here/generate-stub" python3 - <<'PY') || fail "deployed client"
from my_table.client import get_table_name, is_local
from my_table import BaseModel
assert not is_local() and BaseModel.Meta.host is None and BaseModel.Meta.aws_access_key_id is None
try:
    get_table_name()
except ValueError as e:
    assert 'RUNTIME_CONFIG_APP_ID' in str(e), e
else:
    raise AssertionError('expected a ValueError without RUNTIME_CONFIG_APP_ID')
PY
  ;;
refuse)
  expect_rc 0 "$bin" new my-table --infra none
  before=$(sums)
  expect_rc 2 "$bin" new my-table --infra none
  grep -q "already exist" "$err" || fail "no explanation: $(cat "$err")"
  grep -q "packages/my_table/config.json" "$err" || fail "does not name the files in the way"
  [ "$before" = "$(sums)" ] || fail "a refused new changed files"
  # One file in the way is enough, and nothing else is written.
  mkdir -p packages/other && echo '{}' > packages/other/project.json
  before=$(sums)
  expect_rc 2 "$bin" new other --infra none
  [ "$before" = "$(sums)" ] || fail "a refused new wrote some files"
  # --force overwrites.
  expect_rc 0 "$bin" new other --infra none --force
  grep -q '"name": "other"' packages/other/project.json || fail "--force did not overwrite"
  ;;
names)
  # One invocation per line, arguments separated by '|'.
  while IFS='|' read -ra args; do
    expect_rc 2 "$bin" new "${args[@]}"
    grep -q "error" "$err" || fail "no error message for: ${args[*]}"
  done <<'CASES'
1table
class
my table
_private
a/b
naïve
ok|--table-name|ab
ok|--table-name|bad!name
ok|--sub-directory|../out
ok|--iac|pulumi
ok|--infra|s3
ok|--framework|boto
CASES
  [ -z "$(ls -A)" ] || fail "invalid names wrote files: $(ls -A)"
  expect_rc 2 "$bin" new class
  grep -q "Python keyword" "$err" || fail "keyword message: $(cat "$err")"
  ;;
ports)
  # One port for every DynamoDB project (their dev targets share one container): the existing one.
  mkdir -p packages/legacy/node_modules/x
  echo '{"runtimeConfigKey":"b","localDev":{"port":8001,"tableName":"bbb"}}' > packages/legacy/config.json
  echo '{"localDev":{"port":7000}}' > packages/legacy/node_modules/x/config.json                # not a project
  expect_rc 0 "$bin" new second --infra none
  expect_rc 0 "$bin" new third --infra none
  python3 -c "
import json
ports = [json.load(open(f'packages/{n}/config.json'))['localDev']['port'] for n in ('second', 'third')]
assert ports == [8001, 8001], ports" || fail "ports"
  ;;
gen)
  expect_rc 0 "$bin" new my-table --infra none
  cd packages/my_table
  expect_rc 0 "$bin" gen pynamodb --check
  before=$(sums)
  expect_rc 0 "$bin" gen pynamodb
  grep -q "up to date" "$out" || fail "no 'up to date'"
  [ "$before" = "$(sums)" ] || fail "gen rewrote an up-to-date base.py"
  python3 - <<'PY'
import json
c = json.load(open('config.json'))
c['tableConfig']['globalSecondaryIndexes'].append(
    {'indexName': 'byStatus', 'partitionKey': 'status', 'sortKey': {'name': 'updatedAt', 'type': 'N'},
     'projectionType': 'INCLUDE', 'nonKeyAttributes': ['title']})
json.dump(c, open('config.json', 'w'), indent=2)
PY
  before=$(sums | grep -v entities/base.py)
  expect_rc 1 "$bin" gen pynamodb --check
  grep -q "out of date" "$out" || fail "--check gave no reason"
  expect_rc 0 "$bin" gen pynamodb
  [ "$before" = "$(sums | grep -v entities/base.py)" ] || fail "gen touched files other than base.py"
  check_base config.json my_table/entities/base.py
  grep -q "by_status_index = ByStatusIndex()" my_table/entities/base.py || fail "no by_status_index"
  expect_rc 0 "$bin" gen pynamodb --check
  # From elsewhere, with the config named; an invalid config is located and exits 2.
  cd "$ws"
  expect_rc 0 "$bin" gen pynamodb packages/my_table/config.json -q
  echo '{"runtimeConfigKey": "x", "tableConfig": {"globalSecondaryIndexes": [{"indexName": "i"}]}}' > bad.json
  expect_rc 2 "$bin" gen pynamodb bad.json
  grep -q "^bad.json:[0-9]*:[0-9]*: error:" "$err" || fail "unlocated error: $(cat "$err")"
  ;;
escapes)
  mkdir -p proj/pkg/entities
  cp "$src/fixtures/configs/escapes.json" proj/config.json
  expect_rc 0 "$bin" gen pynamodb proj/config.json --package pkg
  check_base proj/config.json proj/pkg/entities/base.py
  ;;
*) fail "unknown case $case" ;;
esac
echo "ok: $case"
