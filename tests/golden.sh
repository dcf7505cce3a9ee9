#!/usr/bin/env bash
# Golden test: synthesizes every fixture config (fixtures/configs, and the round-2 sections'
# fixtures/round2) for one target and requires the result to equal
# fixtures/golden/<target>[-<format>]/ byte for byte. With --update, rewrites the golden files.
# usage: golden.sh DDBSYNTH TARGET FORMAT [--update]
set -euo pipefail
bin=$1 target=$2 format=$3 update=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
golden=$root/fixtures/golden/$target${format:+-$format}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" synth "$root"/fixtures/configs/*.json "$root"/fixtures/configs/*.yaml "$root"/fixtures/round2/*.json --target "$target" \
  ${format:+--format "$format"} --out "$tmp/out" --quiet
if [ "$update" = --update ]; then
  rm -rf "$golden" && mkdir -p "$(dirname "$golden")" && cp -r "$tmp/out" "$golden"
  echo "updated $golden"
  exit 0
fi
if diff -ru "$golden" "$tmp/out"; then
  echo "golden $target${format:+ $format}: identical"
else
  echo "golden $target${format:+ $format}: drift (refresh with: tests/golden.sh $bin $target '$format' --update)"
  exit 1
fi
