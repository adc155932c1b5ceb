#!/usr/bin/env bash
# Installs what ContactGuard needs to build, test and run, from Debian 12's
# packages. Idempotent: it asks apt only when something is missing.
#
#   scripts/install-deps.sh            build and test dependencies
#   scripts/install-deps.sh --display  also a virtual display and tools to drive it
set -euo pipefail

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libre2-dev libsqlite3-dev libphonenumber-dev libprotobuf-dev libtcmalloc-minimal4
    fonts-dejavu-core sqlite3
    clang libclang-rt-14-dev
)
if [[ "${1:-}" == "--display" ]]; then
    packages+=(xvfb xdotool imagemagick x11-utils)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "ContactGuard needs these Debian packages: ${missing[*]}" >&2
        echo "Install them as root (apt-get install ${missing[*]}) and run this again." >&2
        exit 1
    fi
fi
echo "Installing: ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
