#!/usr/bin/env bash
# The native modules of every fixture config and example are in `terraform fmt` style: checked
# with the real `terraform fmt -check` (/usr/local/bin/terraform, or $TERRAFORM). Without it, with
# hclwrite.Format (the formatter `terraform fmt` runs) where Go and HCL's sources from Debian are
# installed (golang-go, golang-github-hashicorp-hcl-v2-dev); with neither, exits 77 (skipped).
# usage: terraform-fmt.sh DDBSYNTH SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tf=${TERRAFORM:-/usr/local/bin/terraform}
gocode=/usr/share/gocode
if [ ! -x "$tf" ] && { ! command -v go >/dev/null || [ ! -d $gocode/src/github.com/hashicorp/hcl/v2/hclwrite ]; }; then
  echo "SKIP: needs terraform ($tf), or golang-go and golang-github-hashicorp-hcl-v2-dev"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" synth "$src"/fixtures/configs/*.json "$src"/fixtures/configs/*.yaml "$src"/fixtures/configs/terraform/*.json \
  --target terraform --out "$work/out/fixtures" --quiet
for c in "$src"/examples/*.json; do  # examples may share a stack name with a fixture
  "$bin" synth "$c" --target terraform --out "$work/out/$(basename "$c" .json)" --quiet
done
files=$(find "$work/out" -name '*.tf' | wc -l)
if [ -x "$tf" ]; then
  TF_CLI_CONFIG_FILE=/dev/null "$tf" fmt -check -recursive -diff "$work/out"
  echo "terraform fmt -check: $files files unchanged"
  exit 0
fi
GO111MODULE=off GOPATH=$work/go:$gocode GOCACHE=$work/cache GOFLAGS= \
  go build -o "$work/fmt-check" "$src/tests/conformance/terraform-fmt.go"
find "$work/out" -name '*.tf' -print0 | sort -z | xargs -0 "$work/fmt-check"
