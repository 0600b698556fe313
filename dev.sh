#!/usr/bin/env bash
# hpascope's one setup script: install what is missing, build, then run the app or the tests.
#   ./dev.sh run [hpascope args...]   build and launch hpascope (no args: on the demo cluster)
#   ./dev.sh test                     build and run the whole test suite (unit, GUI, fuzz smoke,
#                                     asan, package, e2e)
#   ./dev.sh deps                     only install (or, as non-root, print) the missing packages
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages. Keep in sync with what CMakeLists.txt and the tests use.
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk libqt6opengl6-dev libqt6sql6-sqlite libxkbcommon-dev libvulkan-dev
    libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libyaml-cpp-dev zlib1g-dev
    python3 openssl curl iproute2 procps xvfb xauth fonts-dejavu-core poppler-utils
    ccache dpkg-dev desktop-file-utils appstream
    clang libclang-rt-14-dev
)

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

ensure_deps() {
    local missing
    missing=$(missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "hpascope needs these Debian packages. Install them, then run this again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
        exit 1
    fi
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

# The end-to-end tier: a real control plane (tests/cluster, built from the Go module proxy) in a
# private network namespace, and the e2e tests run inside it.
run_e2e() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "e2e tier: needs root for its network namespace (ip netns); run ./dev.sh test as root" >&2
        exit 1
    fi
    if ! command -v go >/dev/null; then
        echo "e2e tier: needs Go 1.26 (go.dev/dl) to build the control plane from the Go module proxy" >&2
        exit 1
    fi
    export HPASCOPE_CLUSTER_DIR="${HPASCOPE_CLUSTER_DIR:-/tmp/hpascope-e2e-$$}"
    trap 'tests/cluster/down >/dev/null 2>&1 || true' EXIT
    # With kube-state-metrics and Prometheus, for test_prometheus_e2e (+7 min to build cold,
    # cached after); HPASCOPE_CLUSTER_PROMETHEUS=0 ./dev.sh test leaves them out (that test then
    # skips itself).
    export HPASCOPE_CLUSTER_PROMETHEUS="${HPASCOPE_CLUSTER_PROMETHEUS:-1}"
    tests/cluster/up
    local kubeconfig="$HPASCOPE_CLUSTER_DIR/kubeconfig"
    # The seed scenario (set up with the cluster's kubectl; the tests use hpascope's own client).
    tests/cluster/exec-in kubectl apply -f resources/examples/web-deployment.yaml \
        -f resources/examples/web-hpa-object.yaml -f resources/examples/worker-deployment.yaml \
        -f resources/examples/worker-hpa-pods.yaml
    if ! tests/cluster/exec-in env HPASCOPE_E2E_KUBECONFIG="$kubeconfig" QT_QPA_PLATFORM=offscreen \
        ctest --preset e2e; then
        echo "e2e tier failed; component logs (tails):" >&2
        for f in "$HPASCOPE_CLUSTER_DIR"/logs/*.log; do
            echo "--- $f" >&2
            tail -n 15 "$f" >&2
        done
        exit 1
    fi
    # No secret in any output: everything the tests wrote (logs, reports, screenshots, history
    # databases, settings) searched for the kubeconfig's client key, tokens and passwords.
    python3 tests/e2e/scan_secrets.py --kubeconfig "$kubeconfig" build/dev/tests build/dev/Testing "$HOME/.qttest"
}

cmd=${1:-}
shift || true
case "$cmd" in
deps) ensure_deps ;;
run)
    ensure_deps
    build release
    # No cluster named (nothing but --lang): the embedded simulated cluster, which works with no
    # cluster and no kubeconfig. ./dev.sh run --lang ja is the demo in Japanese.
    only_lang=1
    prev=
    for a in "$@"; do
        case "$a" in --lang | --lang=*) ;; *) [ "$prev" = --lang ] || only_lang=0 ;; esac
        prev=$a
    done
    if [ "$only_lang" = 1 ]; then
        set -- --demo "$@"
    fi
    exec ./build/release/app/hpascope "$@"
    ;;
test)
    ensure_deps
    build dev
    ctest --preset dev
    # The parsers of untrusted bytes under libFuzzer (ASan + UBSan), about 30 s each from their
    # seed corpora, from a fixed seed: the same inputs on every run. The unit and GUI tiers under the sanitizers (`build asan; ctest --preset asan`) join
    # this once they are green on the merged tree (a cold asan build is a second full build).
    tests/fuzz/run --smoke
    # The .deb extracted into a scratch root and run; packaged from the dev tree just built (the
    # release tree would be a second, optimized build: ~20 min cold).
    HPASCOPE_PACKAGE_PRESET=dev tests/package/check
    run_e2e
    ;;
*)
    echo "usage: $0 run [hpascope args...] | test | deps" >&2
    exit 2
    ;;
esac
