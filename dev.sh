#!/usr/bin/env bash
# hpascope's one setup script: install what is missing, build, then run the app or the tests.
#   ./dev.sh run [hpascope args...]   build and launch hpascope
#   ./dev.sh test                     build and run the whole test suite
#   ./dev.sh deps                     only install (or, as non-root, print) the missing packages
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages. Keep in sync with what CMakeLists.txt and the tests use.
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libxkbcommon-dev libvulkan-dev
    libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libyaml-cpp-dev
    python3 openssl curl iproute2 procps xvfb xauth fonts-dejavu-core
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

cmd=${1:-}
shift || true
case "$cmd" in
deps) ensure_deps ;;
run)
    ensure_deps
    build release
    exec ./build/release/app/hpascope "$@"
    ;;
test)
    ensure_deps
    build dev
    ctest --preset dev
    ;;
*)
    echo "usage: $0 run [hpascope args...] | test | deps" >&2
    exit 2
    ;;
esac
