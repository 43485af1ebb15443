#!/usr/bin/env bash
# Postroom quick start for Debian 12: installs what is missing (apt-get, idempotent),
# builds, then either runs the daemon in the current directory or runs the test suite.
#
#   bash resources/dev.sh run     build and start postroomd in the foreground here
#   bash resources/dev.sh test    build and run the whole test suite
#   bash resources/dev.sh install PKG...   apt-get install the packages that are missing (CI scripts)
#
# Environment: BUILD_DIR (default <repo>/build), JOBS (default: number of cores).
set -euo pipefail

MODE="${1:-run}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
JOBS="${JOBS:-$(nproc)}"

BUILD_PACKAGES=(cmake g++ make pkg-config qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
                qt6-tools-dev qt6-l10n-tools libssl-dev libargon2-dev)
# Real peers the integration tests talk to, and fonts for the GUI tests.
TEST_PACKAGES=(python3 python3-aiosmtpd swaks libnet-ssleay-perl libio-socket-ssl-perl isync curl openssl fonts-dejavu-core
               dovecot-core dovecot-imapd)

install_missing() {
    local missing=()
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "==> installing: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    cmake -S "$REPO" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "$MODE" in
run)
    install_missing "${BUILD_PACKAGES[@]}"
    build
    echo "==> starting postroomd in $(pwd) (config.json here; Ctrl-C stops it)"
    exec "$BUILD_DIR/daemon/postroomd"
    ;;
test)
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build
    cd "$BUILD_DIR"
    ctest --output-on-failure -j "${CTEST_JOBS:-2}" --timeout 900
    ;;
install)
    shift
    install_missing "$@"
    ;;
*)
    echo "usage: $0 run|test|install PKG..." >&2
    exit 2
    ;;
esac
