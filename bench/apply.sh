#!/usr/bin/env bash
# Benchmark of `kumactl apply` against the wire's floor: one file of N ZoneEgress documents
# applied to a fresh local kuma-cp-lite (release builds) by `kumactl apply`, and the same
# documents sent by a minimal client (Python, one raw HTTP/1.1 keep-alive socket, one GET
# and one PUT per document with the exact JSON body kumactl sends, nothing else: no YAML,
# no validation, no process start-up in its time). Prints both throughputs, their ratio
# (target: kumactl >= 0.8x the floor) and kumactl's peak memory.
#
# Each round runs the floor then kumactl, back to back, and gives one ratio; the result
# is the median of the rounds' ratios. On a shared machine the speed of both sides moves
# by several times within a minute (other tenants), so only runs close in time are
# compared with each other.
#
#   bench/apply.sh                            # 10,000 documents
#   DOCS=100000 DOC_BYTES=500 bench/apply.sh  # ~50 MB input: peak memory must stay flat
#
# Environment: DOCS (default 10000), DOC_BYTES (pad each document with a comment to about
# this many bytes; default 0 = no padding), ROUNDS (default 7: floor and kumactl run in
# turn, each against its own fresh control plane), NO_BUILD=1 to
# skip `cargo build --release`, KUMACTL to time another kumactl binary. Only loopback
# addresses are used.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS="${DOCS:-10000}"
DOC_BYTES="${DOC_BYTES:-0}"
ROUNDS="${ROUNDS:-7}"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
# KUMACTL=/path/to/another/kumactl compares another build against the same floor.
KUMACTL="${KUMACTL:-$PWD/target/release/kumactl}"
CP="$PWD/target/release/kuma-cp-lite"

WORK="$(mktemp -d)"
CP_PID=""
stop_cp() {
  if [[ -n "$CP_PID" ]]; then kill "$CP_PID" 2>/dev/null || true; wait "$CP_PID" 2>/dev/null || true; fi
  CP_PID=""
}
cleanup() {
  stop_cp
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A fresh, empty control plane on free ports; sets PORT.
start_cp() {
  PORT="$(free_port)"
  "$CP" run --address 127.0.0.1 --api-port "$PORT" --api-https-port "$(free_port)" \
    --dp-port "$(free_port)" --quiet >/dev/null 2>&1 &
  CP_PID=$!
  for _ in $(seq 1 100); do
    if python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$PORT" 2>/dev/null; then
      return
    fi
    sleep 0.1
  done
  echo "kuma-cp-lite did not start" >&2
  exit 1
}

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

# The floor client: what kumactl sends on the wire for these documents, and nothing more.
FLOOR="$WORK/floor.py"
cat > "$FLOOR" <<'PY'
import json, socket, sys, time

port, docs = int(sys.argv[1]), int(sys.argv[2])
user_agent = sys.argv[3]
host = f"127.0.0.1:{port}"

def body(i):
    name = f"zoneegress-{i:06d}"
    return json.dumps({
        "type": "ZoneEgress", "name": name,
        "creationTime": "0001-01-01T00:00:00Z", "modificationTime": "0001-01-01T00:00:00Z",
        "kri": f"kri_ze____{name}_",
        "networking": {"address": f"192.168.{(i // 250) % 250}.{i % 250 + 1}",
                       "port": 10000 + i % 50000},
    }, separators=(",", ":")).encode()

# Prepared before the clock starts: the floor is the wire, not Python's JSON.
requests = []
for i in range(docs):
    path = f"/zoneegresses/zoneegress-{i:06d}"
    b = body(i)
    get = (f"GET {path} HTTP/1.1\r\naccept: application/json\r\nuser-agent: {user_agent}\r\n"
           f"host: {host}\r\n\r\n").encode()
    put = (f"PUT {path} HTTP/1.1\r\naccept: application/json\r\ncontent-type: application/json\r\n"
           f"user-agent: {user_agent}\r\nhost: {host}\r\ncontent-length: {len(b)}\r\n\r\n").encode() + b
    requests.append((get, put))

buf = b""
def response(sock):
    """Reads one response; returns its status."""
    global buf
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit("connection closed")
        buf += chunk
    head, buf = buf.split(b"\r\n\r\n", 1)
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, chunked = 0, False
    for line in lines[1:]:
        key, _, value = line.partition(b":")
        key = key.strip().lower()
        if key == b"content-length":
            length = int(value)
        elif key == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while b"\r\n0\r\n\r\n" not in b"\r\n" + buf:
            buf += sock.recv(65536)
        end = (b"\r\n" + buf).index(b"\r\n0\r\n\r\n") + 5
        buf = buf[end:]
    else:
        while len(buf) < length:
            buf += sock.recv(65536)
        buf = buf[length:]
    return status

start = time.perf_counter()
sock = socket.create_connection(("127.0.0.1", port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for get, put in requests:
    sock.sendall(get)
    if response(sock) != 404:
        raise SystemExit("GET: expected 404")
    sock.sendall(put)
    if response(sock) != 201:
        raise SystemExit("PUT: expected 201")
elapsed = time.perf_counter() - start
print(f"{elapsed:.6f}")
PY

# A User-Agent of the length kumactl's has.
USER_AGENT="kumactl/2.14.3 (linux; amd64; Kuma/0000000)"
export HOME="$WORK"
CONFIG="$WORK/kumactl-config"

FLOOR_TIMES=()
KUMACTL_TIMES=()
PEAKS=()
for round in $(seq 1 "$ROUNDS"); do
  start_cp
  FLOOR_TIMES+=("$(python3 "$FLOOR" "$PORT" "$DOCS" "$USER_AGENT")")
  stop_cp

  start_cp
  "$KUMACTL" --config-file "$CONFIG" config control-planes add --name "bench-$round" \
    --address "http://127.0.0.1:$PORT" --overwrite >/dev/null
  STATS="$WORK/time.txt"
  START=$(date +%s.%N)
  /usr/bin/time -v -o "$STATS" "$KUMACTL" --config-file "$CONFIG" apply -f "$INPUT" > "$WORK/out.txt"
  END=$(date +%s.%N)
  stop_cp
  APPLIED=$(grep -c ' Created$' "$WORK/out.txt" || true)
  if [[ "$APPLIED" != "$DOCS" ]]; then
    echo "expected $DOCS documents applied, got $APPLIED" >&2
    exit 1
  fi
  KUMACTL_TIMES+=("$(python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$START" "$END")")
  PEAKS+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$STATS")")
done

python3 - "$DOCS" "$INPUT_BYTES" "${FLOOR_TIMES[*]}" "${KUMACTL_TIMES[*]}" "${PEAKS[*]}" <<'PY'
import statistics, sys
docs, size = int(sys.argv[1]), int(sys.argv[2])
floor = [float(x) for x in sys.argv[3].split()]
kumactl = [float(x) for x in sys.argv[4].split()]
peaks = [int(x) for x in sys.argv[5].split()]
f, k = statistics.median(floor), statistics.median(kumactl)
ratios = [a / b for a, b in zip(floor, kumactl)]
print(f"documents:            {docs} ({size / 1e6:.1f} MB), {len(floor)} rounds")
print(f"floor client:         median {docs / f:.0f} documents/second "
      f"(runs: {', '.join(f'{docs / x:.0f}' for x in floor)})")
print(f"kumactl apply:        median {docs / k:.0f} documents/second "
      f"(runs: {', '.join(f'{docs / x:.0f}' for x in kumactl)})")
print(f"ratio kumactl/floor:  {statistics.median(ratios):.2f}x, median of the rounds "
      f"(target >= 0.80x; rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
print(f"kumactl peak memory:  {max(peaks) / 1024:.1f} MiB (max RSS, highest of the rounds)")
PY
