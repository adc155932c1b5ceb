#!/usr/bin/env bash
# Starts the real app on a fresh demo database under a virtual X display, drives it
# with key presses only (xdotool), saves screenshots into docs/, and checks that
# the decision it made through the keyboard is in the database.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh" --display
"$root/scripts/build.sh"

work=$(mktemp -d)
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export DISPLAY=:${CONTACTGUARD_SCREENSHOT_DISPLAY:-78}
db="$work/cases.sqlite"
app_pid=""
xvfb_pid=""
cleanup() {
    [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$root/build/bin/contactguard-cli" demo --out "$db" --conversations 400 --seed 1 >/dev/null
Xvfb "$DISPLAY" -screen 0 1500x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

"$root/build/bin/contactguard" --moderator kim "$db" >/dev/null 2>&1 &
app_pid=$!
window=""
for _ in $(seq 100); do
    window=$(xdotool search --onlyvisible --name "ContactGuard" 2>/dev/null | head -1 || true)
    [[ -n "$window" ]] && break
    sleep 0.1
done
[[ -n "$window" ]] || { echo "screenshot.sh: the ContactGuard window did not appear" >&2; exit 1; }
xdotool windowmove "$window" 0 0 windowsize "$window" 1500 900
xdotool windowfocus --sync "$window"
sleep 1

keys() { for key in "$@"; do xdotool key --clearmodifiers "$key"; sleep 0.25; done; }
# The screen area of the window, so tooltips and popups (windows of their own) are in it.
shot() { sleep 0.8; import -window root -crop 1500x900+0+0 "$root/docs/$1"; echo "docs/$1"; }

keys j                                   # first case of the queue: the policy suggests a violation
shot screenshot-main.png
keys s                                   # the first highlighted detail, with what was found
shot screenshot-span.png
keys ctrl+l                              # the decision log dock
shot screenshot-log.png
keys ctrl+l ctrl+e                       # hide it again; the export dialog
sleep 0.5
dialog=$(xdotool search --onlyvisible --name "Export Decisions" | head -1)
[[ -n "$dialog" ]] && import -window "$dialog" "$root/docs/screenshot-export.png" && echo docs/screenshot-export.png
keys Escape
xdotool windowfocus --sync "$window"     # no window manager here to hand focus back
keys 1 n                                 # violation, then write a note
xdotool type --delay 20 "Phone number shared before the contract started."
keys Escape ctrl+Return                  # leave the note, submit and go to the next case
shot screenshot-decided.png

decided=$(sqlite3 "$db" "SELECT COUNT(*) FROM decisions d JOIN moderators m ON m.id = d.moderator_id
    JOIN audit_log a ON a.action = 'decision' AND a.entity_id = CAST(d.conversation_id AS TEXT) AND a.actor = 'kim'
    WHERE m.name = 'kim' AND d.verdict = 'violation' AND d.note = 'Phone number shared before the contract started.'")
if [[ "$decided" != "1" ]]; then
    echo "screenshot.sh: the keyboard decision was not found in the database" >&2
    exit 1
fi
echo "The decision made with the keyboard is in the database, with its audit entry."
