#!/usr/bin/env bash
# Benchmark of `kumactl apply`: one file of N ZoneEgress documents applied to a local
# kuma-cp-lite (release builds). Reports documents per second and kumactl's peak memory.
#
#   bench/apply.sh                          # 10,000 documents
#   DOCS=100000 DOC_BYTES=500 bench/apply.sh  # ~50 MB input: memory must not grow with it
#
# Environment: DOCS (default 10000), DOC_BYTES (pad each document with a comment to about
# this many bytes; default 0 = no padding), PORT (default: a free port), NO_BUILD=1 to
# skip `cargo build --release`. Only loopback addresses are used.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS="${DOCS:-10000}"
DOC_BYTES="${DOC_BYTES:-0}"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
KUMACTL="$PWD/target/release/kumactl"
CP="$PWD/target/release/kuma-cp-lite"

WORK="$(mktemp -d)"
CP_PID=""
cleanup() {
  if [[ -n "$CP_PID" ]]; then kill "$CP_PID" 2>/dev/null || true; wait "$CP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT="${PORT:-$(free_port)}"
HTTPS_PORT="$(free_port)"
DP_PORT="$(free_port)"

# The input: DOCS ZoneEgress documents, each padded to about DOC_BYTES bytes.
INPUT="$WORK/zoneegresses.yaml"
python3 - "$DOCS" "$DOC_BYTES" > "$INPUT" <<'PY'
import sys
docs, doc_bytes = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout
for i in range(docs):
    doc = (f"type: ZoneEgress\nname: zoneegress-{i:06d}\nnetworking:\n"
           f"  address: 192.168.{(i // 250) % 250}.{i % 250 + 1}\n  port: {10000 + i % 50000}\n")
    if doc_bytes > len(doc):
        doc = "# " + "x" * (doc_bytes - len(doc) - 3) + "\n" + doc
    if i:
        out.write("---\n")
    out.write(doc)
PY
INPUT_BYTES=$(stat -c %s "$INPUT")

"$CP" run --address 127.0.0.1 --api-port "$PORT" --api-https-port "$HTTPS_PORT" --dp-port "$DP_PORT" --quiet &
CP_PID=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

export HOME="$WORK"
CONFIG="$WORK/kumactl-config"
"$KUMACTL" --config-file "$CONFIG" config control-planes add --name bench \
  --address "http://127.0.0.1:$PORT" >/dev/null

# Peak resident memory: GNU time if present, else the highest VmHWM seen in /proc.
STATS="$WORK/time.txt"
START=$(date +%s.%N)
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$STATS" "$KUMACTL" --config-file "$CONFIG" apply -f "$INPUT" > "$WORK/out.txt"
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$STATS")
else
  "$KUMACTL" --config-file "$CONFIG" apply -f "$INPUT" > "$WORK/out.txt" &
  PID=$!
  PEAK_KB=0
  while kill -0 "$PID" 2>/dev/null; do
    HWM=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
    if [[ "${HWM:-0}" -gt "$PEAK_KB" ]]; then PEAK_KB=$HWM; fi
    sleep 0.05
  done
  wait "$PID"
fi
END=$(date +%s.%N)

APPLIED=$(grep -c ' Created$' "$WORK/out.txt" || true)
if [[ "$APPLIED" != "$DOCS" ]]; then
  echo "expected $DOCS documents applied, got $APPLIED" >&2
  exit 1
fi
python3 - "$DOCS" "$INPUT_BYTES" "$START" "$END" "$PEAK_KB" <<'PY'
import sys
docs, size, start, end, peak = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
elapsed = end - start
print(f"documents:        {docs}")
print(f"input size:       {size / 1e6:.1f} MB")
print(f"elapsed:          {elapsed:.2f} s")
print(f"documents/second: {docs / elapsed:.0f}")
print(f"peak memory:      {peak / 1024:.1f} MiB (kumactl max RSS)")
PY
