#!/usr/bin/env bash
# Wall time of `kumactl install control-plane --egress-enabled`, end to end (process
# start included), with the release build. Uses hyperfine when installed, else a loop.
#
#   bench/install.sh            # the deterministic render (user-provided TLS secret)
#   bench/install.sh --generate # also generating the CA and serving certificate
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bin kumactl >&2
bin=target/release/kumactl
config=$(mktemp -d)/config
args=(--config-file "$config" install control-plane --egress-enabled)
if [ "${1:-}" != "--generate" ]; then
  args+=(--tls-general-secret general-tls-secret --tls-general-ca-bundle XYZ --without-kubernetes-connection)
fi
"$bin" "${args[@]}" > /dev/null   # writes the config file once, outside the measure

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 5 --runs 200 -N "$bin ${args[*]}"
  exit 0
fi
runs=200
# Bash's $EPOCHREALTIME: no extra process per measure. Each run is timed alone so a
# loaded machine shows in the spread (the minimum is the closest to an idle machine).
times=()
for _ in $(seq "$runs"); do
  start=$EPOCHREALTIME
  "$bin" "${args[@]}" > /dev/null
  end=$EPOCHREALTIME
  times+=($(( (${end/./} - ${start/./}) )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
  { t[NR] = $1; sum += $1 }
  END { printf "%d runs: mean %.2f ms, median %.2f ms, min %.2f ms, max %.2f ms\n",
        runs, sum / runs / 1000, t[int((runs + 1) / 2)] / 1000, t[1] / 1000, t[runs] / 1000 }'
