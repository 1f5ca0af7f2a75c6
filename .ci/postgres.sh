#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the store contract tests and exports
# PARALLAX_TEST_POSTGRES (an Npgsql connection string for a role that may create databases).
#
#   . .ci/postgres.sh                 # .ci/run sources it; the variable lands in the caller's shell
#   eval "$(bash .ci/postgres.sh)"    # by hand: prints the export line on stdout
#
# Safe to run twice: it installs PostgreSQL from Debian only when missing, reuses a running server, and
# resets the test role's password. The cluster lives in $PARALLAX_PG_DIR (default /var/tmp/parallax-test-postgres),
# listens on 127.0.0.1:$PARALLAX_PG_PORT (default 54329) only, and is tuned for speed, not durability
# (fsync off): never point it at data you want to keep.
# When sourced it never exits the caller: on failure it says why and leaves the variable unset, so the
# Postgres tests fail with their own message under CI=true.

_px_pg_main() {
  local dir="${PARALLAX_PG_DIR:-/var/tmp/parallax-test-postgres}"
  local port="${PARALLAX_PG_PORT:-54329}"
  local role=parallax_test db=parallax_test
  local bin run_as=()

  _px_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
  bin=$(_px_pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres.sh: PostgreSQL is not installed; run 'sudo apt-get install -y postgresql' first." >&2
      return 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian…" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      echo "postgres.sh: apt-get install postgresql failed." >&2
      return 1
    fi
    bin=$(_px_pg_bin)
    if [ -z "$bin" ]; then echo "postgres.sh: no /usr/lib/postgresql/*/bin after install." >&2; return 1; fi
  fi

  # PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' user the package created.
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then echo "postgres.sh: the 'postgres' user is missing." >&2; return 1; fi
    run_as=(runuser -u postgres --)
  fi

  local sock="$dir/socket"
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    mkdir -p "$dir/data" "$sock"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    chmod 700 "$dir/data" "$sock"
    # Local socket connections are trusted (the socket folder is private to the cluster's owner);
    # TCP connections on 127.0.0.1 need a password.
    if ! "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      echo "postgres.sh: initdb failed; see $dir/initdb.log" >&2
      return 1
    fi
  fi

  # Two tries: a server killed a moment ago may leave processes that make the first start fail.
  local attempt i
  for attempt in 1 2; do
    if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null 2>&1
    fi
    for i in $(seq 1 40); do
      "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break 2
      sleep 0.5
    done
  done
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "postgres.sh: no server answers on 127.0.0.1:$port; see $dir/server.log" >&2
    return 1
  fi

  # A fresh password each run: nothing needs to remember it but the exported variable.
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  local psql=("${run_as[@]}" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres)
  if ! "${psql[@]}" >/dev/null <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role')
\\gexec
ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db')
\\gexec
SQL
  then
    echo "postgres.sh: could not create the test role and database; see $dir/server.log" >&2
    return 1
  fi

  PARALLAX_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$db"
  export PARALLAX_TEST_POSTGRES
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port (data in $dir)" >&2
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _px_pg_main || echo "postgres.sh: PARALLAX_TEST_POSTGRES is not set; the PostgreSQL store tests will fail under CI=true." >&2
  unset -f _px_pg_main _px_pg_bin
else
  set -u
  _px_pg_main || exit 1
  printf 'export PARALLAX_TEST_POSTGRES=%q\n' "$PARALLAX_TEST_POSTGRES"
fi
