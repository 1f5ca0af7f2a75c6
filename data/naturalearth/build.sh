#!/usr/bin/env bash
# Rebuilds data/naturalearth/countries.bin.gz (the HTML report map's country outlines) from the pinned npm
# package world-atlas (Natural Earth 1:50m admin-0 countries, public domain). Deterministic (gzip -n).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent)
node "$here/build.js" "$work/node_modules/world-atlas/countries-50m.json" "$work/countries.bin"
gzip -n -9 -c "$work/countries.bin" > "$here/countries.bin.gz"
ls -l "$here/countries.bin.gz"
