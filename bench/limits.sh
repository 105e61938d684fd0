#!/usr/bin/env bash
# Peak memory of kumactl on oversized and endless input (release build), against the
# 64 MiB bound on one document. Each case must fail with one `Error:` line, exit 1, and
# stay under 4x the bound. No control plane is needed: the input is refused first.
#
#   bench/limits.sh            # NO_BUILD=1 to skip `cargo build --release`
#
# Cases: `apply -f /dev/zero` (a line that never ends), endless stdin (spooled, then
# refused at the bound), a 128 MiB single document in a file (twice the bound; newline-
# separated lines, no `---`), a document just under the bound that is read whole and
# parsed (dry run), and `install control-plane --values /dev/zero`. For information, with
# no ceiling: a document just under the bound made of a million small map entries, whose
# parse trees (YAML, then JSON) take about ten times its size.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
KUMACTL="$PWD/target/release/kumactl"
BOUND_KB=$((64 * 1024))
CEILING_KB=$((4 * BOUND_KB))

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CONFIG="$WORK/config"

# 128 MiB of `key: value` lines, one document.
python3 - "$WORK/big.yaml" $((128 << 20)) <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
line = b"k: " + b"v" * 60 + b"\n"
with open(path, "wb") as f:
    f.write(b"type: Mesh\nname: big\n")
    f.write(line * (size // len(line)))
PY
# Just under 64 MiB: a million small entries, accepted (parse trees dominate).
python3 - "$WORK/entries.yaml" $(((64 << 20) - 4096)) <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as f:
    f.write(b"type: Mesh\nname: entries\nmetrics:\n")
    written, n = 0, 0
    while written < size - 64:
        line = b"  k%09d: %s\n" % (n, b"v" * 40)
        f.write(line)
        written, n = written + len(line), n + 1
PY
# Just under 64 MiB: one Mesh with a long comment, accepted.
python3 - "$WORK/fits.yaml" $(((64 << 20) - 4096)) <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
line = b"# " + b"x" * 60 + b"\n"
with open(path, "wb") as f:
    f.write(b"type: Mesh\nname: fits\n")
    f.write(line * (size // len(line)))
PY

status=0
# measure NAME EXPECTED_EXIT CMD...: runs CMD under /usr/bin/time -v, prints peak RSS.
# CEILING_KB=0 in the environment of one call disables the ceiling.
measure() {
  local name="$1" expected="$2" ceiling="${CEILING_KB}"
  shift 2
  local code=0
  /usr/bin/time -v -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || code=$?
  local rss secs
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time")
  local verdict=ok
  if [[ "$code" != "$expected" ]]; then verdict="FAIL (exit $code, want $expected)"; status=1; fi
  if (( ceiling > 0 && rss > ceiling )); then verdict="FAIL (over ${ceiling} KiB)"; status=1; fi
  if (( ceiling == 0 )); then verdict="(information, no ceiling)"; fi
  printf '%-34s peak %7d KiB (%4d%% of the bound)  %s  %s\n' \
    "$name" "$rss" $((100 * rss / BOUND_KB)) "$secs" "$verdict"
  if [[ "$expected" != 0 ]]; then sed 's/^/    stderr: /' "$WORK/err" | tail -1; fi
}

measure "apply -f /dev/zero" 1 "$KUMACTL" --config-file "$CONFIG" apply -f /dev/zero
measure "apply -f - < /dev/zero" 1 sh -c "exec '$KUMACTL' --config-file '$CONFIG' apply -f - < /dev/zero"
measure "apply -f 128MiB.yaml" 1 "$KUMACTL" --config-file "$CONFIG" apply -f "$WORK/big.yaml"
measure "apply -f - < 128MiB.yaml" 1 sh -c "exec '$KUMACTL' --config-file '$CONFIG' apply -f - < '$WORK/big.yaml'"
measure "apply --dry-run 64MiB-4KiB.yaml" 0 "$KUMACTL" --config-file "$CONFIG" apply --dry-run -f "$WORK/fits.yaml"
measure "install --values /dev/zero" 1 "$KUMACTL" --config-file "$CONFIG" install control-plane --values /dev/zero
CEILING_KB=0 measure "apply --dry-run 1M-entries.yaml" 0 "$KUMACTL" --config-file "$CONFIG" apply --dry-run -f "$WORK/entries.yaml"
exit "$status"
