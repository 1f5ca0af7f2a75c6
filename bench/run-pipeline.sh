#!/usr/bin/env bash
# The whole per-document pipeline (clean, language, tokens, time, entities, places, quantities, quotes, events) on one
# thread over generated text, and end to end on the smaller corpus (`parallax analyze`: ingest, pipeline, dedup,
# stories, store, reports).
# Usage: bench/run-pipeline.sh [MB of text, default 100] [MB for the three-run median, default 5]
# Raw figures: bench/.work/pipeline-results.txt; docs/PERFORMANCE.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
SMALL_MB=${2:-5}
. bench/setup.sh
results="$work/pipeline-results.txt"
: > "$results"
gen() { # MB, folder
  rm -rf "$2"
  node "$work/peers/bench/make-big.js" samples "$2" --bytes $(($1 * 1000000)) --files $(($1 * 200)) >/dev/null
}
gen "$SMALL_MB" "$work/pipe-small"
echo "== ${SMALL_MB} MB, three runs in one process (median)" >> "$results"
/usr/bin/time -f "pipeline-small max_rss_kb=%M wall_s=%e" $parallax bench --stage pipeline --corpus "$work/pipe-small" --runs 3 \
  >> "$results" 2>&1
echo "== the nearest peers on the same ${SMALL_MB} MB (no peer runs a whole pipeline; these do part of ours)" >> "$results"
for run in 1 2 3; do
  /usr/bin/time -f "wink-run$run max_rss_kb=%M wall_s=%e" node "$work/peers/ner.js" "$work/pipe-small" --no-sentence-text \
    2>> "$results" >/dev/null
  /usr/bin/time -f "compromise-run$run max_rss_kb=%M wall_s=%e" node "$work/peers/ner.js" "$work/pipe-small" --compromise --no-sentence-text \
    2>> "$results" >/dev/null
done
gen "$MB" "$work/pipe-big"
echo "== ${MB} MB, one run (streaming)" >> "$results"
/usr/bin/time -f "pipeline-big max_rss_kb=%M wall_s=%e" $parallax bench --stage pipeline --corpus "$work/pipe-big" --runs 1 \
  >> "$results" 2>&1
echo "== ${SMALL_MB} MB end to end: parallax analyze into a fresh SQLite data directory (near-duplicates are skipped)" >> "$results"
rm -rf "$work/pipe-data"
/usr/bin/time -f "analyze-small max_rss_kb=%M wall_s=%e" $parallax analyze "$work/pipe-small" --data-dir "$work/pipe-data" \
  > "$work/pipe-analyze.log" 2>> "$results" || true
grep -E "^│ [0-9]" "$work/pipe-analyze.log" | head -n 2 >> "$results" || true
cat "$results"
