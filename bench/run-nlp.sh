#!/usr/bin/env bash
# Tokens + sentences + named entities, side by side with wink-nlp and compromise (../shared/peers/ner.js) on one corpus.
# Usage: bench/run-nlp.sh [bytes of text, default 1 MiB]. Raw figures: bench/.work/nlp-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
BYTES=${1:-1048576}
work=bench/.work
peers_src=../shared/peers
mkdir -p "$work"
results="$work/nlp-results.txt"
: > "$results"
if [ ! -d "$peers_src" ]; then echo "../shared/peers is missing; the side-by-side needs it." >&2; exit 1; fi
if [ ! -d "$work/peers/node_modules" ]; then
  rm -rf "$work/peers"; cp -r "$peers_src" "$work/peers"
  (cd "$work/peers" && npm ci --no-audit --no-fund >/dev/null)
fi
dotnet build src/Parallax.Cli -c Release -v q -nologo >/dev/null
parallax="dotnet src/Parallax.Cli/bin/Release/net10.0/parallax.dll"
rm -rf "$work/nlp"
node "$work/peers/bench/make-big.js" samples "$work/nlp" --bytes "$BYTES" --files 200 >/dev/null
for run in 1 2 3; do
  echo "== run $run" >> "$results"
  /usr/bin/time -f "parallax max_rss_kb=%M" $parallax bench --stage nlp --corpus "$work/nlp" --runs 3 2>>"$results" | tail -n 1 >> "$results"
  /usr/bin/time -f "wink max_rss_kb=%M" node "$work/peers/ner.js" "$work/nlp" --no-sentence-text >/dev/null 2>>"$results"
  /usr/bin/time -f "compromise max_rss_kb=%M" node "$work/peers/ner.js" "$work/nlp" --compromise --no-sentence-text >/dev/null 2>>"$results"
done
cat "$results"
