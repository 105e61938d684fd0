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
start=$(date +%s%N)
for _ in $(seq "$runs"); do
  "$bin" "${args[@]}" > /dev/null
done
end=$(date +%s%N)
echo "mean of $runs runs: $(( (end - start) / runs / 1000 )) µs per run"
