#!/usr/bin/env bash
# The native modules of every fixture config are in `terraform fmt` style: unchanged by
# hclwrite.Format, the formatter `terraform fmt` runs (Terraform itself cannot be installed
# here). Needs Go and HCL's sources from Debian (golang-go, golang-github-hashicorp-hcl-v2-dev);
# exits 77 (skipped) without them.
# usage: terraform-fmt.sh DDBSYNTH SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
gocode=/usr/share/gocode
if ! command -v go >/dev/null || [ ! -d $gocode/src/github.com/hashicorp/hcl/v2/hclwrite ]; then
  echo "SKIP: needs golang-go and golang-github-hashicorp-hcl-v2-dev"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GO111MODULE=off GOPATH=$work/go:$gocode GOCACHE=$work/cache GOFLAGS= \
  go build -o "$work/fmt-check" "$src/tests/conformance/terraform-fmt.go"
"$bin" synth "$src"/fixtures/configs/*.json "$src"/fixtures/configs/*.yaml "$src"/fixtures/configs/terraform/*.json \
  --target terraform --out "$work/out/fixtures" --quiet
for c in "$src"/examples/*.json; do  # examples may share a stack name with a fixture
  "$bin" synth "$c" --target terraform --out "$work/out/$(basename "$c" .json)" --quiet
done
find "$work/out" -name '*.tf' -print0 | sort -z | xargs -0 "$work/fmt-check"
