#!/usr/bin/env bash
# Temporal expressions side by side with chrono-node (../shared/peers/dates.js): throughput per core and peak memory on one
# generated corpus, then both scored on the TimeML bench (../shared/bench/timeml) with the same TempEval-3 scorer.
# Usage: bench/run-time.sh [bytes of text, default 1 MiB]. Raw figures: bench/.work/time-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${1:-1048576}
. bench/setup.sh
results="$work/time-results.txt"
: > "$results"
corpus="$work/time"
rm -rf "$corpus"
node "$work/peers/bench/make-big.js" samples "$corpus" --bytes "$BYTES" --files 200 >/dev/null
# The same reference day for both: a sidecar NAME.date next to every file (dates.js and `parallax bench --stage time` read it).
for f in "$corpus"/*.txt; do echo 2018-06-01 > "${f%.txt}.date"; done
for run in 1 2 3; do
  echo "== run $run" >> "$results"
  /usr/bin/time -f "parallax max_rss_kb=%M" $parallax bench --stage time --corpus "$corpus" --runs 3 2>>"$results" | tail -n 1 >> "$results"
  /usr/bin/time -f "chrono max_rss_kb=%M" node "$work/peers/dates.js" "$corpus" >/dev/null 2>>"$results"
done
echo "== TimeML (../shared/bench/timeml): ours, then chrono-node" >> "$results"
tml=../shared/bench/timeml
rm -rf "$work/timeml-text"
$parallax eval timeml "$tml" --export-text "$work/timeml-text" >/dev/null
node "$work/peers/dates.js" "$work/timeml-text" > "$work/chrono-timeml.jsonl" 2>/dev/null
$parallax eval timeml "$tml" >> "$results"
$parallax eval timeml "$tml" --predictions "$work/chrono-timeml.jsonl" >> "$results"
cat "$results"
