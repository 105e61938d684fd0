#!/usr/bin/env bash
# Benchmark of kuma-cp-lite's list pages, memory and PUT throughput. Every target is a
# ratio between figures measured in this one run, so a slow or loaded machine moves both
# sides alike:
#
#   1. a 100-item list page costs O(page + log n): p50 with 100k stored <= 2x p50 with 1k
#      stored (first page and a page from the middle), and <= 10x the p50 of a single GET
#      (p50s over one connection, medians of ROUNDS interleaved runs after a warm-up);
#   2. list-page throughput does not collapse from 2 to 32 connections: 32 >= 0.8x of 2
#      (the same ratio for `GET /`, the cheapest route, is printed for comparison);
#   3. RSS growth per stored ZoneEgress <= 2x the bytes of its JSON (compact, as served);
#   4. PUT throughput (distinct new names) >= 0.6x `GET /` throughput, 32 connections:
#      each round runs the two back to back and gives one ratio, and the result is the
#      median of the rounds' ratios.
#
# Throughputs are medians of ROUNDS interleaved runs (2, 8 and 32 connections, then the
# next round), so a burst of load from elsewhere does not land on one side only.
#
#   bench/cp-lite.sh                 # builds the release binaries first
#   NO_BUILD=1 bench/cp-lite.sh      # uses target/release as it is
#
# Environment: SMALL (default 1000) and LARGE (default 100000) stored ZoneEgresses,
# DURATION of each wrk run in seconds (default 3), ROUNDS of throughput runs (default 5),
# PREBUILT PUT requests per wrk thread (default 150000). Needs python3 and wrk
# (`apt-get install -y wrk`). Only loopback addresses are used; every loop is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL="${SMALL:-1000}"
LARGE="${LARGE:-100000}"
DURATION="${DURATION:-3}"
ROUNDS="${ROUNDS:-5}"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
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
PORT="$(free_port)"
HTTPS_PORT="$(free_port)"
DP_PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"

"$CP" run --address 127.0.0.1 --api-port "$PORT" --api-https-port "$HTTPS_PORT" --dp-port "$DP_PORT" --quiet &
CP_PID=$!
for _ in $(seq 1 100); do
  if curl -fsS "$BASE/" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$CP_PID/status"; }

# Stores ZoneEgresses zoneegress-FROM .. zoneegress-(TO-1) with PUTs over kept-alive
# connections, from 4 processes.
fill() {
  python3 - "$PORT" "$1" "$2" <<'PY'
import http.client, sys
from multiprocessing import Pool
port, start, end = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def body(i):
    return (f'{{"type":"ZoneEgress","name":"zoneegress-{i:06d}","networking":'
            f'{{"address":"192.168.{(i // 250) % 250}.{i % 250 + 1}","port":{10000 + i % 50000}}}}}')
def load(chunk):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in chunk:
        conn.request("PUT", f"/zoneegresses/zoneegress-{i:06d}", body(i),
                     {"Content-Type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        if resp.status not in (200, 201):
            raise SystemExit(f"PUT zoneegress-{i:06d}: {resp.status}")
    return len(chunk)
procs = 4
with Pool(procs) as pool:
    done = sum(pool.map(load, [range(start + k, end, procs) for k in range(procs)]))
assert done == end - start
PY
}

# The median of the numbers on standard input.
median() { tr -s ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# p50 latency in microseconds of GET PATH over one connection.
p50_us() {
  wrk -t1 -c1 -d"$DURATION"s --latency "$BASE$1" | awk '
    $1 == "50%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                  f = (u == "ms") ? 1000 : (u == "s") ? 1000000 : 1; printf "%.1f\n", v * f }'
}

# p50 (median of ROUNDS runs, interleaved) of the first page, a middle page and a single
# GET with N stored, after a warm-up run; sets FIRST, MIDDLE and ONE.
latencies() {
  local n=$1 first="" middle="" one=""
  wrk -t1 -c1 -d1s "$BASE$(page_at 0)" >/dev/null
  for _ in $(seq 1 "$ROUNDS"); do
    first+=" $(p50_us "$(page_at 0)")"
    middle+=" $(p50_us "$(page_at $((n / 2)))")"
    one+=" $(p50_us "/zoneegresses/zoneegress-$(printf %06d $((n / 2)))")"
  done
  FIRST=$(echo $first | median); MIDDLE=$(echo $middle | median); ONE=$(echo $one | median)
}

# Requests per second of wrk with ARGS.
rps() {
  wrk "$@" | awk '/^Requests\/sec:/ {print $2}'
}

page_at() { echo "/zoneegresses?size=100&offset=$1"; }

fill 0 "$SMALL"
sleep 1
RSS_SMALL=$(rss_kb)
latencies "$SMALL"
SMALL_FIRST=$FIRST; SMALL_MID=$MIDDLE; SMALL_ONE=$ONE

START=$(date +%s.%N)
fill "$SMALL" "$LARGE"
END=$(date +%s.%N)
sleep 1
RSS_LARGE=$(rss_kb)
latencies "$LARGE"
LARGE_FIRST=$FIRST; LARGE_MID=$MIDDLE; GET_ONE=$ONE
JSON_BYTES=$(curl -fsS "$BASE$(page_at 0)" | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
print(sum(len(json.dumps(i, separators=(",", ":"))) for i in items) / len(items))')

cat > "$WORK/put.lua" <<'LUA'
-- PUTs of new ZoneEgresses, a distinct name for every request of every run. The requests
-- are built in init(), before wrk starts its clock: wrk shares the two cores with the
-- server, and building each request in Lua while the run goes (two string.format and a
-- wrk.format) cost wrk about twice its per-request CPU for `GET /`, which measured the
-- client as much as the server. Past the prebuilt ones, requests are built as they go.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
local round = os.getenv("ROUND") or "0"
local prebuilt = tonumber(os.getenv("PREBUILT") or "150000")
local requests = {}
local function build(i)
  local name = string.format("put-%s-%d-%d", round, id, i)
  local body = string.format(
    '{"type":"ZoneEgress","name":"%s","networking":{"address":"10.0.%d.%d","port":%d}}',
    name, math.floor(i / 250) % 250, i % 250 + 1, 10000 + i % 50000)
  return wrk.format("PUT", "/zoneegresses/" .. name, {["Content-Type"] = "application/json"}, body)
end
function init(args)
  for i = 1, prebuilt do
    requests[i] = build(i)
  end
end
function request()
  n = n + 1
  return requests[n] or build(n)
end
LUA

L2=""; L8=""; L32=""; I2=""; I32=""; P32=""; J32=""
for round in $(seq 1 "$ROUNDS"); do
  L2+=" $(rps -t2 -c2 -d"$DURATION"s "$BASE$(page_at 0)")"
  I2+=" $(rps -t2 -c2 -d"$DURATION"s "$BASE/")"
  L8+=" $(rps -t2 -c8 -d"$DURATION"s "$BASE$(page_at 0)")"
  L32+=" $(rps -t2 -c32 -d"$DURATION"s "$BASE$(page_at 0)")"
  I32+=" $(rps -t2 -c32 -d"$DURATION"s "$BASE/")"
  P32+=" $(ROUND=$round rps -t2 -c32 -d"$DURATION"s -s "$WORK/put.lua" "$BASE/")"
done
LIST_2=$(echo $L2 | median); LIST_8=$(echo $L8 | median); LIST_32=$(echo $L32 | median)
INDEX_2=$(echo $I2 | median); INDEX_32=$(echo $I32 | median); PUT_32=$(echo $P32 | median)
PUT_RATIOS=$(python3 -c 'import sys; print(" ".join(f"{float(p) / float(g):.4f}" for g, p in zip(sys.argv[1].split(), sys.argv[2].split())))' "$I32" "$P32")
PUT_RATIO=$(echo $PUT_RATIOS | median)
CREATED=$(curl -fsS "$BASE/zoneegresses?size=1&name=put-" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

python3 - <<PY
small, large = $SMALL, $LARGE
fill_rate = (large - small) / ($END - $START)
per_item = ($RSS_LARGE - $RSS_SMALL) * 1024 / (large - small)
json_bytes = $JSON_BYTES
ok = lambda c: "ok" if c else "MISSED"
print("kuma-cp-lite on this machine ({} cores), release build".format(__import__("os").cpu_count()))
print(f"fill: {large - small} ZoneEgress PUTs at {fill_rate:.0f}/s from 4 Python clients")
print(f"p50 100-item page, first:  {$SMALL_FIRST:9.1f} us at {small}, {$LARGE_FIRST:9.1f} us at {large}")
print(f"p50 100-item page, middle: {$SMALL_MID:9.1f} us at {small}, {$LARGE_MID:9.1f} us at {large}")
print(f"p50 single GET:            {$SMALL_ONE:9.1f} us at {small}, {$GET_ONE:9.1f} us at {large}")
r1 = max($LARGE_FIRST / $SMALL_FIRST, $LARGE_MID / $SMALL_MID)
print(f"[1] page at {large} / page at {small}: {$LARGE_FIRST / $SMALL_FIRST:.2f}x first, "
      f"{$LARGE_MID / $SMALL_MID:.2f}x middle (target <= 2x): {ok(r1 <= 2)}")
r1b = max($LARGE_FIRST, $LARGE_MID) / $GET_ONE
print(f"[1] page at {large} / single GET: {r1b:.2f}x (target <= 10x): {ok(r1b <= 10)}")
print(f"list page throughput at {large} (median of $ROUNDS): {$LIST_2:.0f}/s with 2 connections, "
      f"{$LIST_8:.0f}/s with 8, {$LIST_32:.0f}/s with 32")
print(f"GET / throughput (median of $ROUNDS): {$INDEX_2:.0f}/s with 2 connections, {$INDEX_32:.0f}/s with 32")
r2 = $LIST_32 / $LIST_2
print(f"[2] list 32/2 connections: {r2:.2f}x (8/2: {$LIST_8 / $LIST_2:.2f}x; GET / 32/2: "
      f"{$INDEX_32 / $INDEX_2:.2f}x) (target: no collapse, >= 0.8x): {ok(r2 >= 0.8)}")
print(f"RSS growth {($RSS_LARGE - $RSS_SMALL) / 1024:.1f} MiB for {large - small} ZoneEgress: "
      f"{per_item:.0f} B each, JSON {json_bytes:.0f} B")
r3 = per_item / json_bytes
print(f"[3] memory / JSON: {r3:.2f}x (target <= 2x): {ok(r3 <= 2)}")
print(f"32 connections (median of $ROUNDS): GET / {$INDEX_32:.0f}/s, PUT {$PUT_32:.0f}/s ({$CREATED} created)")
r4 = $PUT_RATIO
rounds = ", ".join(f"{float(x):.2f}" for x in "$PUT_RATIOS".split())
print(f"[4] PUT / GET /: {r4:.2f}x, median of the rounds' ratios (target >= 0.6x): {ok(r4 >= 0.6)}; rounds: {rounds}")
PY
