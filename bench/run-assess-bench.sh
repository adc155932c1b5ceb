#!/bin/sh
# Times `contactguard-cli assess` on 10,000 conversations of 20 messages (200,000
# messages) on one thread. The input is generated deterministically by
# make-assess-input.py and cached next to the build.
#
#   bench/run-assess-bench.sh [path/to/contactguard-cli] [threads]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-$here/../build/bin/contactguard-cli}
threads=${2:-1}
input=$(dirname "$cli")/assess-bench-input.jsonl
if [ ! -s "$input" ]; then
    python3 "$here/make-assess-input.py" --conversations 10000 --messages 20 --seed 7 > "$input"
fi
lines=$(wc -l < "$input")
start=$(date +%s%N)
"$cli" assess --threads "$threads" < "$input" > /dev/null
end=$(date +%s%N)
seconds=$(awk "BEGIN { printf \"%.2f\", ($end - $start) / 1e9 }")
echo "assess: $lines conversations x 20 messages, --threads $threads: ${seconds} s"
