#!/usr/bin/env bash
# Benchmark of resource validation, the cost of modelling every type:
#
#   1. `kumactl apply --dry-run` of DOCS mixed, valid documents (11 types: 6 new-style
#      policies checked against Kuma's schemas and validators, 5 legacy types decoded with
#      jsonpb's rules), pinned to one core: documents per second (target >= 20,000/s) and
#      peak RSS (target <= 32 MiB);
#   2. kuma-cp-lite PUT throughput of mixed new-style policies against its ZoneEgress PUT
#      throughput, 32 connections (target: within 1.5x, i.e. ratio >= 0.67). Each round
#      runs both kinds back to back and gives one ratio; the result is the median of the
#      ROUNDS ratios, so load from elsewhere lands on both sides of each ratio alike.
#
#   bench/validation.sh                 # builds the release binaries first
#   NO_BUILD=1 bench/validation.sh      # uses target/release as it is
#
# Environment: DOCS (default 100000), DURATION of each wrk run in seconds (default 3),
# ROUNDS (default 5), PREBUILT requests per wrk thread (default 150000), NO_BUILD=1.
# Needs python3, wrk (`apt-get install -y wrk`) and GNU time (`/usr/bin/time`). Only
# loopback addresses are used.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS="${DOCS:-100000}"
DURATION="${DURATION:-3}"
ROUNDS="${ROUNDS:-5}"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is required: apt-get install -y time" >&2; exit 1; }
KUMACTL="$PWD/target/release/kumactl"
CP="$PWD/target/release/kuma-cp-lite"

WORK="$(mktemp -d)"
CP_PID=""
cleanup() {
  if [[ -n "$CP_PID" ]]; then kill "$CP_PID" 2>/dev/null || true; wait "$CP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The input: DOCS documents cycling through 11 types, each with its own name.
INPUT="$WORK/mixed.yaml"
python3 - "$DOCS" > "$INPUT" <<'PY'
import sys
docs = int(sys.argv[1])
mesh_to = "  targetRef:\n    kind: Mesh\n  to:\n  - targetRef:\n      kind: Mesh\n    default:\n"
templates = [
    "type: MeshTimeout\nmesh: default\nname: mt-{i}\nspec:\n" + mesh_to
    + "      idleTimeout: 20s\n      connectionTimeout: 2s\n      http:\n        requestTimeout: 2s\n",
    "type: MeshRetry\nmesh: default\nname: mr-{i}\nspec:\n" + mesh_to
    + "      http:\n        numRetries: 5\n",
    "type: MeshCircuitBreaker\nmesh: default\nname: mcb-{i}\nspec:\n" + mesh_to
    + "      connectionLimits:\n        maxConnections: 2\n",
    "type: MeshHealthCheck\nmesh: default\nname: mhc-{i}\nspec:\n" + mesh_to
    + "      interval: 10s\n      timeout: 2s\n      unhealthyThreshold: 3\n      healthyThreshold: 1\n"
    + "      http:\n        path: /health\n",
    "type: MeshLoadBalancingStrategy\nmesh: default\nname: mlbs-{i}\nspec:\n" + mesh_to
    + "      loadBalancer:\n        type: RoundRobin\n",
    "type: MeshTrafficPermission\nmesh: default\nname: mtp-{i}\nspec:\n  targetRef:\n    kind: Mesh\n"
    "  from:\n  - targetRef:\n      kind: Mesh\n    default:\n      action: Allow\n",
    "type: TrafficPermission\nmesh: default\nname: tp-{i}\nsources:\n- match:\n    kuma.io/service: '*'\n"
    "destinations:\n- match:\n    kuma.io/service: '*'\n",
    "type: TrafficRoute\nmesh: default\nname: tr-{i}\nsources:\n- match:\n    kuma.io/service: '*'\n"
    "destinations:\n- match:\n    kuma.io/service: '*'\nconf:\n  destination:\n    kuma.io/service: '*'\n",
    "type: ExternalService\nmesh: default\nname: es-{i}\ntags:\n  kuma.io/service: es-{i}\n"
    "  kuma.io/protocol: http\nnetworking:\n  address: example.com:443\n",
    "type: Dataplane\nmesh: default\nname: dp-{i}\nnetworking:\n  address: 10.0.{a}.{b}\n  inbound:\n"
    "  - port: 8080\n    tags:\n      kuma.io/service: backend\n",
    "type: ZoneEgress\nname: ze-{i}\nnetworking:\n  address: 192.168.{a}.{b}\n  port: 10002\n",
]
out = sys.stdout
for i in range(docs):
    if i:
        out.write("---\n")
    out.write(templates[i % len(templates)].format(i=i, a=(i // 250) % 250, b=i % 250 + 1))
PY
INPUT_BYTES=$(stat -c %s "$INPUT")

# 1. apply --dry-run on one core.
/usr/bin/time -f '%e %M' -o "$WORK/time" taskset -c 0 \
  "$KUMACTL" --no-config apply --dry-run -f "$INPUT" > "$WORK/dry-run.out" 2> "$WORK/dry-run.err" \
  || { echo "apply --dry-run failed:" >&2; head -5 "$WORK/dry-run.err" >&2; exit 1; }
read -r SECONDS_USED RSS_KB < "$WORK/time"
PRINTED=$(grep -c '^type: \|^  type: ' "$WORK/dry-run.out" || true)

# 2. PUT throughput on a fresh kuma-cp-lite.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
PORT="$(free_port)"
"$CP" run --address 127.0.0.1 --api-port "$PORT" --api-https-port "$(free_port)" \
  --dp-port "$(free_port)" --quiet >/dev/null 2>&1 &
CP_PID=$!
for _ in $(seq 1 100); do
  python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$PORT" 2>/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"type":"Mesh","name":"default"}' \
  "$BASE/meshes/default" >/dev/null

# Each script PUTs new resources (a distinct name per request of every run) and fails the
# run on any answer that is not 201, so a rejected body cannot pass for throughput. Each
# defines build(i), the i-th request of its thread; the requests are built in init(),
# before wrk starts its clock, so that the client (which shares the two cores with the
# server) does about the same work per request for both kinds. Past the prebuilt ones,
# requests are built as they go.
common_lua='
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local round = os.getenv("ROUND") or "0"
function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    os.exit(1)
  end
end
'
prebuilt_lua='
local prebuilt = tonumber(os.getenv("PREBUILT") or "150000")
local requests = {}
local n = 0
function init(args)
  for i = 1, prebuilt do
    requests[i] = build(i)
  end
end
function request()
  n = n + 1
  return requests[n] or build(n)
end
'
cat > "$WORK/egress.lua" <<LUA
$common_lua
function build(i)
  local name = string.format("ze-%s-%d-%d", round, id, i)
  local body = string.format(
    '{"type":"ZoneEgress","name":"%s","networking":{"address":"10.0.%d.%d","port":%d}}',
    name, math.floor(i / 250) % 250, i % 250 + 1, 10000 + i % 50000)
  return wrk.format("PUT", "/zoneegresses/" .. name, {["Content-Type"] = "application/json"}, body)
end
$prebuilt_lua
LUA
cat > "$WORK/policies.lua" <<LUA
$common_lua
local to = '"targetRef":{"kind":"Mesh"},"to":[{"targetRef":{"kind":"Mesh"},"default":'
local kinds = {
  {"MeshTimeout", "meshtimeouts", to .. '{"idleTimeout":"20s","http":{"requestTimeout":"2s"}}}]'},
  {"MeshRetry", "meshretries", to .. '{"http":{"numRetries":5}}}]'},
  {"MeshCircuitBreaker", "meshcircuitbreakers", to .. '{"connectionLimits":{"maxConnections":2}}}]'},
  {"MeshHealthCheck", "meshhealthchecks", to .. '{"interval":"10s","timeout":"2s","unhealthyThreshold":3,"healthyThreshold":1,"http":{"path":"/health"}}}]'},
  {"MeshTrafficPermission", "meshtrafficpermissions",
   '"targetRef":{"kind":"Mesh"},"from":[{"targetRef":{"kind":"Mesh"},"default":{"action":"Allow"}}]'},
}
function build(i)
  local kind = kinds[i % #kinds + 1]
  local name = string.format("p-%s-%d-%d", round, id, i)
  local body = string.format('{"type":"%s","mesh":"default","name":"%s","spec":{%s}}', kind[1], name, kind[3])
  return wrk.format("PUT", "/meshes/default/" .. kind[2] .. "/" .. name,
    {["Content-Type"] = "application/json"}, body)
end
$prebuilt_lua
LUA

rps() {
  wrk "$@" | awk '/^Requests\/sec:/ {print $2}'
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
E32=""; P32=""
for round in $(seq 1 "$ROUNDS"); do
  E32+=" $(ROUND=$round rps -t2 -c32 -d"$DURATION"s -s "$WORK/egress.lua" "$BASE/")"
  P32+=" $(ROUND=$round rps -t2 -c32 -d"$DURATION"s -s "$WORK/policies.lua" "$BASE/")"
done
EGRESS=$(echo $E32 | median); POLICIES=$(echo $P32 | median)
RATIOS=$(python3 -c 'import sys; print(" ".join(f"{float(p) / float(e):.4f}" for e, p in zip(sys.argv[1].split(), sys.argv[2].split())))' "$E32" "$P32")
RATIO=$(echo $RATIOS | median)

python3 - <<PY
docs, seconds, rss_kb, printed = $DOCS, $SECONDS_USED, $RSS_KB, $PRINTED
egress, policies = $EGRESS, $POLICIES
ok = lambda b: "met" if b else "NOT MET"
rate = docs / max(seconds, 1e-9)
print(f"input: {docs} documents of 11 types, {$INPUT_BYTES / 1e6:.1f} MB; {printed} resources printed")
print(f"[1] apply --dry-run, one core: {rate:,.0f} documents/s (target >= 20,000): {ok(rate >= 20000)}")
print(f"    peak RSS {rss_kb / 1024:.1f} MiB (target <= 32 MiB): {ok(rss_kb <= 32 * 1024)}")
r = $RATIO
rounds = ", ".join(f"{float(x):.2f}" for x in "$RATIOS".split())
print(f"[2] PUT, 32 connections (medians of $ROUNDS rounds): ZoneEgress {egress:,.0f}/s, mixed new-style policies {policies:,.0f}/s")
print(f"    policies / ZoneEgress: {r:.2f}x, median of the rounds (target >= 0.67x, within 1.5x): {ok(r >= 1 / 1.5)}")
print(f"    rounds: {rounds}")
PY
