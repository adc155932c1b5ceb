#!/usr/bin/env bash
# Configures (once) and builds ContactGuard into build/. Extra arguments go to
# CMake's configure step, e.g. -DCONTACTGUARD_WERROR=ON.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$root/build" --parallel "$(nproc)"
