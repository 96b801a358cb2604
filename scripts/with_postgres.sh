#!/usr/bin/env bash
# Run a command (the test suite) with a throwaway PostgreSQL for the event-store tests, when one can be had.
#
#   bash scripts/with_postgres.sh .venv/bin/python -m pytest -n 2 -q      # what `make test` runs
#
# * CASUS_TEST_PG_URL already set (CI's .ci/run, or your own server): the command runs as it is.
# * PostgreSQL's server binaries installed (initdb, pg_ctl) — Debian's, or the `pgserver` wheel that the dev
#   extra installs into the venv: scripts/ci_postgres.sh --installed-only starts a
#   cluster on 127.0.0.1 in a temporary folder, the command runs with CASUS_TEST_PG_URL pointing at it, and the
#   cluster is stopped and deleted afterwards, however the command ends.
# * Otherwise, or if the cluster does not start: one line on stderr, and the command runs anyway; the store
#   tests then skip with their one-line reason. This script never installs anything and never fails on its own.
#
# CASUS_TEST_PG=off skips the attempt.
set -uo pipefail

if [[ -n "${CASUS_TEST_PG_URL:-}" || "${CASUS_TEST_PG:-}" == "off" ]]; then
  exec "$@"
fi
here="$(cd "$(dirname "$0")" && pwd)"
errlog="$(mktemp)"
# The command's python (make test: .venv/bin/python) may hold the `pgserver` wheel's PostgreSQL (dev extra).
if [[ "$(basename "$1")" == python* ]]; then export CASUS_PYTHON="$1"; fi
if pg_env="$(bash "$here/ci_postgres.sh" --installed-only 2>"$errlog")"; then
  pg_dir="$(printf '%s\n' "$pg_env" | sed -n 's/^# PostgreSQL data and logs: //p')"
  trap 'bash "$here/ci_postgres.sh" --stop "$pg_dir" >/dev/null 2>&1 || true' EXIT
  trap 'exit 130' INT TERM
  eval "$pg_env"
  export CASUS_TEST_PG_URL
  echo "with_postgres: a throwaway PostgreSQL for the store tests at $CASUS_TEST_PG_URL" >&2
else
  echo "with_postgres: no throwaway PostgreSQL ($(tail -n 1 "$errlog" | sed 's/^ci_postgres: //')); the store tests will skip" >&2
fi
rm -f "$errlog"
"$@"
