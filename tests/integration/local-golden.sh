#!/usr/bin/env bash
# Golden test of the local issue's deterministic output: --target create-table for every fixture
# config with a localDev, and `local up|down --dry-run` for two of them, against
# fixtures/golden/create-table/ and fixtures/golden/local/. The create-table files are also what
# local-awscli.sh feeds to the AWS CLI. usage: local-golden.sh DDBSYNTH SOURCE_DIR [--update]
set -euo pipefail
bin=$1 root=$2 update=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"  # the dry runs name the config as given: keep it relative
configs=(fixtures/configs/seed.json fixtures/configs/everything.json fixtures/configs/yaml-table.yaml
         fixtures/configs/local/projections.json fixtures/configs/local/provisioned.json)
"$bin" synth "${configs[@]}" --target create-table --out "$tmp/create-table" --quiet
mkdir "$tmp/local"
for c in fixtures/configs/seed.json fixtures/configs/everything.json fixtures/configs/local/provisioned.json; do
  name=$(basename "$c" .json)
  "$bin" local up "$c" --dry-run >"$tmp/local/$name.up.txt"
  "$bin" local down "$c" --dry-run >"$tmp/local/$name.down.txt"
done
status=0
for dir in create-table local; do
  golden=fixtures/golden/$dir
  if [ "$update" = --update ]; then
    rm -rf "$golden" && cp -r "$tmp/$dir" "$golden" && echo "updated $golden"
  elif diff -ru "$golden" "$tmp/$dir"; then
    echo "golden $dir: identical"
  else
    echo "golden $dir: drift (refresh with: tests/integration/local-golden.sh $bin $root --update)"
    status=1
  fi
done
exit $status
