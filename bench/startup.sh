#!/usr/bin/env bash
# Start-up cost of kumactl: `kumactl --help` and `kumactl --no-config config view` (both
# parse the whole command line; the second also runs the start-up sequence), release
# build, as a ratio to `/bin/true` measured in the same run (bench/ratio.py: hyperfine
# when installed). Target: <= 2x.
#
# Environment: NO_BUILD=1 skips `cargo build --release`; ROUNDS and RUNS (bench/ratio.py)
# set the length of the measure; TARGET overrides the 2x target.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bin kumactl >&2
fi
bin="$PWD/target/release/kumactl"
bench/ratio.py --target "${TARGET:-2}" /bin/true "$bin --help" "$bin --no-config config view"
