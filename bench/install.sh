#!/usr/bin/env bash
# Wall time of `kumactl install control-plane --egress-enabled`, end to end (process start
# included), release build, as a ratio to `/bin/true` measured in the same run
# (bench/ratio.py: hyperfine when installed). Targets: <= 4x with the 54 CRDs (their
# schemas make most of the output), <= 3x with `--skip-kinds CustomResourceDefinition`.
#
#   bench/install.sh             # user-provided TLS secret: the render alone, no key generation
#   bench/install.sh --generate  # also generating the CA and serving certificate (no target)
#
# Environment: NO_BUILD=1 skips `cargo build --release`; ROUNDS and RUNS (bench/ratio.py)
# set the length of the measure; TARGET_CRDS and TARGET override the 4x and 3x targets.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${NO_BUILD:-0}" != 1 ]]; then
  cargo build --release --locked --bin kumactl >&2
fi
bin="$PWD/target/release/kumactl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
install="$bin --config-file $work/config install control-plane --egress-enabled"

if [[ "${1:-}" == "--generate" ]]; then
  # Two RSA 2048 keys per run: 0.2 to 0.5 s by themselves, so no ratio target.
  $install > /dev/null
  exec bench/ratio.py --target 1000 --rounds 1 --runs 10 /bin/true "$install"
fi

install="$install --tls-general-secret general-tls-secret --tls-general-ca-bundle XYZ --without-kubernetes-connection"
$install > /dev/null   # writes the config file once, outside the measure
status=0
bench/ratio.py --target "${TARGET_CRDS:-4}" /bin/true "$install" || status=1
bench/ratio.py --target "${TARGET:-3}" /bin/true "$install --skip-kinds CustomResourceDefinition" || status=1
exit $status
