#!/usr/bin/env bash
# Installs what is missing, builds, and opens ContactGuard. With no arguments it
# opens a demo case database (created on first run in the app-data folder);
# arguments go to the app, e.g. ./scripts/run.sh path/to/cases.sqlite
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

display_args=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    display_args=(--display)
fi
"$root/scripts/install-deps.sh" "${display_args[@]}"
"$root/scripts/build.sh"

args=("$@")
if [[ ${#args[@]} -eq 0 ]]; then
    demo=$("$root/build/bin/contactguard-cli" demo --if-missing --conversations 400)
    echo "Demo case database: $demo"
    args=("$demo")
fi

if [[ ${#display_args[@]} -gt 0 ]]; then
    # No screen here (a server or container): run on a virtual display so the app
    # still starts for real; look at it with a screenshot.
    export DISPLAY=:${CONTACTGUARD_DISPLAY:-77}
    if ! xdpyinfo >/dev/null 2>&1; then
        Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
        for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    echo "No display was set: ContactGuard runs on the virtual display $DISPLAY."
    echo "See it with: import -display $DISPLAY -window root contactguard.png"
fi
exec "$root/build/bin/contactguard" "${args[@]}"
