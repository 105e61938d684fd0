#!/usr/bin/env bash
# Benchmark of offline token signing: `kumactl generate zone-token --signing-key-path K
# --kid 1 --zone z --valid-for 24h` (release build, whole process) against the floor
# `openssl dgst -sha256 -sign K` of an input of a token's size (the same RSA 2048 PKCS#1
# key). Target: kumactl <= 0.7x the openssl time. Nothing listens where the config points:
# offline signing must not contact a control plane.
#
#   bench/token.sh
#
# Environment: RUNS (default 50), NO_BUILD=1 to skip `cargo build --release`. Uses
# hyperfine if installed (`apt-get install -y hyperfine`), else a Python loop of runs.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-50}"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bins >&2
fi
KUMACTL="$PWD/target/release/kumactl"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK"
CONFIG="$WORK/kumactl-config"
KEY="$WORK/key.pem"
"$KUMACTL" --config-file "$CONFIG" generate signing-key --format pem > "$KEY"
chmod 600 "$KEY"
# What openssl signs: a header and claims of a zone token's size.
INPUT="$WORK/input.txt"
"$KUMACTL" --config-file "$CONFIG" generate zone-token --signing-key-path "$KEY" --kid 1 \
  --zone z --valid-for 24h | cut -d. -f1,2 > "$INPUT"

KUMACTL_CMD="$KUMACTL --config-file $CONFIG generate zone-token --signing-key-path $KEY --kid 1 --zone z --valid-for 24h"
OPENSSL_CMD="openssl dgst -sha256 -sign $KEY -out $WORK/signature $INPUT"

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$WORK/times.json" \
    --command-name kumactl "$KUMACTL_CMD" --command-name openssl "$OPENSSL_CMD" >&2
  python3 - "$WORK/times.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
k, o = results["kumactl"], results["openssl"]
print(f"kumactl generate zone-token (offline): median {k['median'] * 1e3:.2f} ms, mean {k['mean'] * 1e3:.2f} ms")
print(f"openssl dgst -sha256 -sign:            median {o['median'] * 1e3:.2f} ms, mean {o['mean'] * 1e3:.2f} ms")
print(f"ratio kumactl/openssl (medians):       {k['median'] / o['median']:.2f}x (target <= 0.70x)")
PY
else
  python3 - "$RUNS" "$KUMACTL_CMD" "$OPENSSL_CMD" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
def times(cmd):
    out = []
    for i in range(runs + 5):
        start = time.perf_counter()
        subprocess.run(cmd.split(), check=True, stdout=subprocess.DEVNULL)
        if i >= 5:
            out.append(time.perf_counter() - start)
    return out
k, o = statistics.median(times(sys.argv[2])), statistics.median(times(sys.argv[3]))
print(f"kumactl generate zone-token (offline): median {k * 1e3:.2f} ms")
print(f"openssl dgst -sha256 -sign:            median {o * 1e3:.2f} ms")
print(f"ratio kumactl/openssl (medians):       {k / o:.2f}x (target <= 0.70x)")
PY
fi
