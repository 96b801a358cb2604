#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the event-store tests, and print the variable they read.
#
#   eval "$(bash scripts/ci_postgres.sh)"      # then: pytest -m postgres tests/store
#   bash scripts/ci_postgres.sh --installed-only   # the same, but exit 3 (no install) when PostgreSQL is absent
#   bash scripts/ci_postgres.sh --stop DIR     # stop a cluster started earlier (DIR is printed as a comment)
#
# Looks for server binaries in Debian's /usr/lib/postgresql/*/bin, then on PATH, then in the `pgserver` wheel
# of the dev extra (PostgreSQL built as a Python wheel: `make test`'s venv has it, so a plain clone tests the
# PostgreSQL store without a system server; CASUS_PYTHON names that venv's python). Installs Debian's
# `postgresql` package when none is found (running `apt-get update` first
# only if the package is not known yet; never with --installed-only), runs initdb into a fresh temporary
# folder — as the `postgres` user when run as root (root cannot run a cluster), else as the caller — starts it
# on a free port of 127.0.0.1 with `pg_ctl`, creates the database `casus_test`, and prints
# `export CASUS_TEST_PG_URL=postgresql://postgres@127.0.0.1:PORT/casus_test`. Everything else goes to stderr,
# so the output can be eval'ed. `make test` uses it through scripts/with_postgres.sh.
set -euo pipefail

log() { printf 'ci_postgres: %s\n' "$*" >&2; }

as_pg() {
  if [[ "$(id -u)" != 0 ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [[ "${1:-}" == "--stop" ]]; then
  dir="${2:?usage: ci_postgres.sh --stop DIR}"
  bindir="$(cat "$dir/bindir")"
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  rm -rf "$dir"
  exit 0
fi
installed_only=0
if [[ "${1:-}" == "--installed-only" ]]; then installed_only=1; fi

find_bindir() {  # Debian's newest /usr/lib/postgresql/*/bin, else the folder of `initdb` on PATH
  local d found
  found="$(for d in /usr/lib/postgresql/*/bin; do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
  done | sort -V | tail -n 1)"
  if [[ -z "$found" ]] && command -v initdb >/dev/null 2>&1; then
    d="$(dirname "$(command -v initdb)")"
    if [[ -x "$d/pg_ctl" && -x "$d/createdb" ]]; then found="$d"; fi
  fi
  echo "$found"
}

pgserver_dir() {  # site-packages/pgserver of the `pgserver` wheel (dev extra), when CASUS_PYTHON has it
  "${CASUS_PYTHON:-python3}" -c 'import pathlib, pgserver; print(pathlib.Path(pgserver.__file__).parent)' 2>/dev/null
}

bindir="$(find_bindir || true)"
wheel=""
if [[ -z "$bindir" ]]; then
  wheel="$(pgserver_dir || true)"
  if [[ -n "$wheel" && -x "$wheel/pginstall/bin/initdb" ]]; then bindir="$wheel/pginstall/bin"; else wheel=""; fi
fi
if [[ -z "$bindir" && "$installed_only" == 1 ]]; then
  log "the PostgreSQL server binaries (initdb, pg_ctl) are not installed"
  exit 3
fi
if [[ -z "$bindir" ]]; then
  if [[ "$(id -u)" != 0 ]]; then log "PostgreSQL is not installed and this is not root"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show postgresql >/dev/null 2>&1; then
    log "apt-get update (the postgresql package is not known yet)"
    apt-get update -qq >&2
  fi
  log "installing postgresql"
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bindir="$(find_bindir || true)"
  [[ -n "$bindir" ]] || { log "postgresql installed but no initdb found under /usr/lib/postgresql"; exit 1; }
fi
log "using $("$bindir/postgres" --version)"

if [[ "$(id -u)" == 0 ]]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

dir="$(mktemp -d /tmp/casus-pg.XXXXXX)"
chown postgres:postgres "$dir" 2>/dev/null || true
if [[ -n "$wheel" ]]; then
  # The wheel's binaries find their libraries at $ORIGIN/../../../pgserver.libs; copied into the cluster's
  # folder (34 MB) so that the `postgres` user can run them wherever the venv is (e.g. under /root).
  mkdir -p "$dir/wheel"
  cp -a "$wheel" "$dir/wheel/"
  if [[ -d "$wheel.libs" ]]; then cp -a "$wheel.libs" "$dir/wheel/"; fi
  chmod -R a+rX "$dir/wheel"
  bindir="$dir/wheel/$(basename "$wheel")/pginstall/bin"
fi
echo "$bindir" > "$dir/bindir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres casus_test

log "cluster in $dir (stop it with: bash scripts/ci_postgres.sh --stop $dir)"
echo "# PostgreSQL data and logs: $dir"
echo "export CASUS_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/casus_test"
