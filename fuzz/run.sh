#!/usr/bin/env bash
# Builds the fuzzer with clang (ASan+UBSan+libFuzzer) and runs it for a bounded time on a seed
# corpus made from fixtures/ and examples/. usage: [FUZZ_BUILD=DIR] [JOBS=N] fuzz/run.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${FUZZ_BUILD:-$root/build-fuzz}
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDDBSYNTH_FUZZ=ON -DDDBSYNTH_SANITIZE=ON -DDDBSYNTH_TESTS=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target config_fuzzer
corpus=$build/corpus
mkdir -p "$corpus"
# Seeds: a leading byte picks the reader (even = JSON, odd = YAML).
for f in "$root"/fixtures/configs/*.json "$root"/examples/*.json "$root"/tests/schema-invalid/*.json; do
  { printf '\x00'; cat "$f"; } > "$corpus/$(basename "$f").seed"
done
for f in "$root"/fixtures/configs/*.yaml; do
  { printf '\x01'; cat "$f"; } > "$corpus/$(basename "$f").seed"
done
cp "$root"/fuzz/corpus/* "$corpus"/ 2>/dev/null || true
"$build/fuzz/config_fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=1024 \
  -artifact_prefix="$build/" "$corpus"
