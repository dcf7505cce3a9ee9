#!/usr/bin/env bash
# Colour follows the terminal: on under a pseudo-terminal (script), off with NO_COLOR or
# --color=never, on with --color=always even when piped.
set -euo pipefail
BIN=$1 SRC=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null || { echo "script(1) is missing (util-linux)"; exit 1; }
cp "$SRC/fixtures/configs/seed.json" config.json
"$BIN" synth config.json --out golden -q
sed -i 's/"gsi2sk"/"gsi2sort"/' config.json
cp config.json new.json
# Output is captured before grep reads it: grep -q exiting early would break the pipe.
on_tty() { local out; out=$(script -qec "$*" /dev/null); printf '%s\n' "$out"; }
esc=$'\033['
# Once in a loaded CI run script(1) gave no colour here (its pseudo-terminal, not ddbsynth, is the
# suspect): a colour that is really missing is missing on every try, so three tries are allowed.
tty_has() {  # tty_has TEXT COMMAND
  local text=$1 try out
  shift
  for try in 1 2 3; do
    out=$(on_tty "$*")
    grep -qF "$text" <<<"$out" && return 0
    echo "try $try of '$*' on a terminal gave no colour: $(head -c 300 <<<"$out" | cat -v)" >&2
  done
  return 1
}
tty_has "$esc" "$BIN check --golden golden" || fail "check: no colour on a terminal"
on_tty "NO_COLOR=1 $BIN check --golden golden" | grep -qF "$esc" && fail "check: colour with NO_COLOR"
tty_has "$esc" "NO_COLOR= $BIN check --golden golden" || fail "check: an empty NO_COLOR should not count"
on_tty "$BIN check --golden golden --color=never" | grep -qF "$esc" && fail "check: colour with --color=never"
out=$("$BIN" check --golden golden --color=always 2>/dev/null || true)
grep -qF "$esc" <<<"$out" || fail "check: no colour with --color=always"
out=$("$BIN" check --golden golden 2>/dev/null || true)
grep -qF "$esc" <<<"$out" && fail "check: colour into a pipe"
cp "$SRC/fixtures/configs/seed.json" old.json
tty_has "${esc}1;31merror" "$BIN plan old.json new.json" || fail "plan: no coloured severity on a terminal"
on_tty "NO_COLOR=1 $BIN plan old.json new.json" | grep -qF "$esc" && fail "plan: colour with NO_COLOR"
out=$("$BIN" plan old.json new.json || true)
grep -qF "$esc" <<<"$out" && fail "plan: colour into a pipe"
echo ok
