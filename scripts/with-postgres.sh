#!/usr/bin/env bash
# Runs a command with LEARNCITY_TEST_DATABASE_URL pointing at a PostgreSQL server.
# Uses LEARNCITY_TEST_DATABASE_URL or DATABASE_URL when given; otherwise starts a private server
# from Debian's postgresql package (own data directory and port, stopped afterwards).
# Without PostgreSQL it skips loudly — unless CI is set, where a skip is a failure.
set -euo pipefail

if [[ -n "${LEARNCITY_TEST_DATABASE_URL:-}" || -n "${DATABASE_URL:-}" ]]; then
  export LEARNCITY_TEST_DATABASE_URL="${LEARNCITY_TEST_DATABASE_URL:-$DATABASE_URL}"
  exec "$@"
fi

# --optional: without PostgreSQL, run the command anyway (its PostgreSQL tests skip themselves).
optional=0
if [[ "${1:-}" == "--optional" ]]; then optional=1; shift; fi

skip() {
  echo "!!!!!!!! SKIPPED: PostgreSQL — $1 !!!!!!!!" >&2
  if [[ -n "${CI:-}" ]]; then echo "CI is set: a skipped suite is a failure." >&2; exit 1; fi
  if [[ $optional -eq 1 ]]; then exec "$@"; fi
  exit 0
}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[[ -x "$bindir/initdb" ]] || skip "no PostgreSQL server binaries (apt-get install postgresql)"

run_as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || skip "no postgres system user"
  run_as_pg=(runuser -u postgres --)
fi

datadir=$(mktemp -d /tmp/learncity-pg.XXXXXX)
chmod 755 "$datadir"
[[ $(id -u) -eq 0 ]] && chown postgres "$datadir"
port=$(( 20000 + RANDOM % 20000 ))
cleanup() {
  "${run_as_pg[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap cleanup EXIT

"${run_as_pg[@]}" "$bindir/initdb" -D "$datadir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$datadir/initdb.log" 2>&1 \
  || { cat "$datadir/initdb.log" >&2; exit 1; }
"${run_as_pg[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w \
  -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$datadir/server.log" >&2; exit 1; }
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres learncity_test

echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (private, stopped afterwards)"
export LEARNCITY_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/learncity_test"
"$@"
