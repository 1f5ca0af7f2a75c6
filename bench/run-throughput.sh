#!/usr/bin/env bash
# Ingest + clean throughput, side by side with Readability (../shared/peers/extract.js) on the same generated corpus.
# Usage: bench/run-throughput.sh [MB of text, default 100] [MB of HTML for the side-by-side, default 20]
# Writes its raw figures to bench/.work/results.txt; docs/PERFORMANCE.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
HTML_MB=${2:-20}
. bench/setup.sh
results="$work/results.txt"
: > "$results"; : > "$results.time"; : > "$results.readability"

# The corpora: the peers' generator recombines our samples/ into MB of text; make-html wraps a part of it in page boilerplate.
rm -rf "$work/text" "$work/html-src" "$work/html"
# Article-sized files (about 5 KB each), as a news corpus has.
node "$work/peers/bench/make-big.js" samples "$work/text" --bytes $((MB * 1000000)) --files $((MB * 200)) >/dev/null
mkdir -p "$work/html-src"
total=0
for f in $(ls "$work/text" | sort); do
  cp "$work/text/$f" "$work/html-src/"
  total=$((total + $(stat -c %s "$work/text/$f")))
  [ "$total" -ge $((HTML_MB * 1000000)) ] && break
done
node "$work/peers/bench/make-html.js" "$work/html-src" "$work/html" >/dev/null

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "$label max_rss_kb=%M wall_s=%e" "$@" 2>>"$results.time" | tail -n 1 >> "$results"
}
for run in 1 2 3; do
  echo "== run $run" >> "$results"
  measure "parallax-text" $parallax bench --corpus "$work/text" --runs 1
  measure "parallax-html" $parallax bench --corpus "$work/html" --runs 1
  /usr/bin/time -f "readability-html max_rss_kb=%M wall_s=%e" node "$work/peers/extract.js" "$work/html" --no-text \
     >/dev/null 2>>"$results.readability"
  tail -n 2 "$results.readability" >> "$results"
done
cat "$results.time" >> "$results"
cat "$results"
