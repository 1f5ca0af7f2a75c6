#!/usr/bin/env bash
# Tokens + sentences + named entities, side by side with wink-nlp and compromise (../shared/peers/ner.js) on one corpus.
# Usage: bench/run-nlp.sh [bytes of text, default 1 MiB]. Raw figures: bench/.work/nlp-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${1:-1048576}
. bench/setup.sh
results="$work/nlp-results.txt"
: > "$results"
rm -rf "$work/nlp"
node "$work/peers/bench/make-big.js" samples "$work/nlp" --bytes "$BYTES" --files 200 >/dev/null
for run in 1 2 3; do
  echo "== run $run" >> "$results"
  /usr/bin/time -f "parallax max_rss_kb=%M" $parallax bench --stage nlp --corpus "$work/nlp" --runs 3 2>>"$results" | tail -n 1 >> "$results"
  /usr/bin/time -f "wink max_rss_kb=%M" node "$work/peers/ner.js" "$work/nlp" --no-sentence-text >/dev/null 2>>"$results"
  /usr/bin/time -f "compromise max_rss_kb=%M" node "$work/peers/ner.js" "$work/nlp" --compromise --no-sentence-text >/dev/null 2>>"$results"
done
cat "$results"
