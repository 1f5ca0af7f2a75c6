#!/usr/bin/env bash
# HTTP load test of `parallax serve` (issue 7): fills a store with N generated articles (default 10,000), starts the
# server on loopback, and runs wrk from a second process against the story list and a story page; on SQLite and on
# PostgreSQL. Prints one line per endpoint and store; docs/PERFORMANCE.md quotes them.
#
# Usage: bench/run-load.sh [N] [wrk seconds, default 20] [connections, default 16]
#   PARALLAX_LOAD_DIR   where the articles, the SQLite store and the results go (default /var/tmp/parallax-load)
#   PARALLAX_LOAD_PG    an Npgsql connection string or postgres:// URI for the PostgreSQL store; default: a database
#                       px_load on the server .ci/postgres.sh starts (created when missing)
#   PARALLAX_BIN        the parallax command (default: a Release build of src/Parallax.Cli)
#   PARALLAX_LOAD_FILL  0 to skip the (resuming) ingest when the stores are known to be full
# A store that already holds N articles is reused (ingest resumes and skips stored articles); delete the folder or
# the database to start over. wrk comes from Debian (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
SECONDS_PER_RUN=${2:-20}
CONNECTIONS=${3:-16}
dir=${PARALLAX_LOAD_DIR:-/var/tmp/parallax-load}
mkdir -p "$dir"

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "run-load.sh: wrk is missing; sudo apt-get install -y wrk" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${PARALLAX_BIN:-}" ]; then
  dotnet build src/Parallax.Cli -c Release -v q -nologo >/dev/null
  # A private copy, so rebuilding the repository during a run does not swap the server's assemblies.
  rm -rf "$dir/bin" && cp -r src/Parallax.Cli/bin/Release/net10.0 "$dir/bin"
  PARALLAX_BIN="dotnet $dir/bin/parallax.dll"
fi
parallax=($PARALLAX_BIN)

if [ ! -f "$dir/articles/$(printf '%06d' $((N - 1))).txt" ]; then
  rm -rf "$dir/articles"
  python3 bench/make-articles.py samples "$dir/articles" "$N" >/dev/null
fi

if [ -z "${PARALLAX_LOAD_PG:-}" ]; then
  . .ci/postgres.sh
  [ -n "${PARALLAX_TEST_POSTGRES:-}" ] || { echo "run-load.sh: no PostgreSQL server" >&2; exit 1; }
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  run_as=(); [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$bin/psql" -X -q -h /var/tmp/parallax-test-postgres/socket -p 54329 -U postgres -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = 'px_load'" -t | grep -q 1 ||
    "${run_as[@]}" "$bin/psql" -X -q -h /var/tmp/parallax-test-postgres/socket -p 54329 -U postgres -d postgres \
      -c "CREATE DATABASE px_load OWNER parallax_test"
  PARALLAX_LOAD_PG="${PARALLAX_TEST_POSTGRES/Database=parallax_test/Database=px_load}"
fi

results="$dir/results.txt"
: > "$results"
port=5077

run_store() { # label, store args...
  local label=$1; shift
  if [ "${PARALLAX_LOAD_FILL:-1}" = 1 ]; then
    echo "== $label: filling to $N articles (articles already stored are skipped)" >&2
    "${parallax[@]}" --data-dir "$dir/$label" "$@" ingest "$dir/articles" >"$dir/ingest-$label.log" 2>&1 || true
    tail -n 3 "$dir/ingest-$label.log" >&2
  fi

  "${parallax[@]}" --data-dir "$dir/$label" "$@" serve --urls "http://127.0.0.1:$port" >"$dir/serve-$label.log" 2>&1 &
  local server=$!
  local base="http://127.0.0.1:$port/api/v1"
  for _ in $(seq 1 120); do curl -sf "$base/stories?limit=1" >/dev/null && break; sleep 0.5; done
  local stats story
  stats=$(curl -sf "$base/stories?limit=1")
  # The story page: the first story of the list (the most recently updated one), as the workbench opens it.
  story=$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["items"][0]["id"])' <<<"$stats")
  local total_stories articles
  total_stories=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' <<<"$stats")
  articles=$(curl -sf "$base/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  local story_articles
  story_articles=$(curl -sf "$base/stories/$story" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["articles"]))')
  echo "$label: $articles articles, $total_stories stories; story page $story has $story_articles articles" | tee -a "$results"
  for endpoint in "stories?limit=50" "stories/$story"; do
    curl -sf "$base/$endpoint" >/dev/null   # warm-up
    local out
    out=$(wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_PER_RUN}s" --timeout 30s --latency "$base/$endpoint")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr '\n' ' ' || true)
    echo "$label GET /api/v1/$endpoint: requests/s=$rps p50=$p50 p99=$p99 ${errors}" | tee -a "$results"
  done
  kill -TERM "$server"; wait "$server" || true  # SIGINT is ignored by background jobs of a script
}

run_store sqlite
run_store postgres --store "$PARALLAX_LOAD_PG"
echo "wrk -t 2 -c $CONNECTIONS -d ${SECONDS_PER_RUN}s --timeout 30s --latency; load average $(cut -d" " -f1-3 /proc/loadavg); $(nproc) cores; results in $results" | tee -a "$results"
