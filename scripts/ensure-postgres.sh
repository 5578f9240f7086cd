#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries (initdb, pg_ctl) are there for the store tests, which
# start a throwaway cluster of their own. Installs Debian's `postgresql` when missing and we are
# root (apt output goes to a log file, one line is printed); otherwise says what to do and fails.
# A developer without root can instead point TERTIAL_TEST_PG_URL at an existing server.
set -euo pipefail

find_bindir() {
  if [ -n "${TERTIAL_PG_BINDIR:-}" ] && [ -x "$TERTIAL_PG_BINDIR/initdb" ]; then echo "$TERTIAL_PG_BINDIR"; return 0; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

if [ -n "${TERTIAL_TEST_PG_URL:-}" ]; then
  echo "postgresql: using the existing server in TERTIAL_TEST_PG_URL"
  exit 0
fi

if bindir="$(find_bindir)"; then
  echo "postgresql: $bindir"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  mkdir -p artifacts
  apt_log="artifacts/apt-postgresql.log"
  echo "postgresql: not found; installing Debian's postgresql with apt-get (log: $apt_log)"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; } >"$apt_log" 2>&1; then
    echo "postgresql: apt-get install failed; see $apt_log" >&2
    exit 1
  fi
  if bindir="$(find_bindir)"; then
    echo "postgresql: $bindir"
    exit 0
  fi
  echo "postgresql: installed, but no initdb found under /usr/lib/postgresql/*/bin; set TERTIAL_PG_BINDIR" >&2
  exit 1
fi

echo "postgresql: no initdb/pg_ctl found. Install PostgreSQL (Debian/Ubuntu: sudo apt-get install -y postgresql)," >&2
echo "            or set TERTIAL_TEST_PG_URL to a server the tests may create tables in, then run the tests again." >&2
exit 1
