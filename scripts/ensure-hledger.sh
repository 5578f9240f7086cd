#!/usr/bin/env bash
# Makes sure hledger is there for `pnpm bench`, whose report target is a ratio against
# `hledger bal` on the same data. Installs Debian's `hledger` when missing and we are root (apt
# output goes to a log file, one line is printed); otherwise says so, and the bench skips the
# hledger ratios (it never fails for want of them). The test suite does not need it.
set -uo pipefail

if command -v hledger >/dev/null 2>&1; then
  echo "hledger: $(hledger --version | head -n 1)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  mkdir -p artifacts
  apt_log="artifacts/apt-hledger.log"
  echo "hledger: not found; installing Debian's hledger with apt-get (log: $apt_log)"
  if { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends hledger; } >"$apt_log" 2>&1 && command -v hledger >/dev/null 2>&1; then
    echo "hledger: $(hledger --version | head -n 1)"
    exit 0
  fi
  echo "hledger: apt-get install failed (see $apt_log); the bench skips its hledger ratios" >&2
  exit 1
fi

echo "hledger: not installed (Debian/Ubuntu: sudo apt-get install -y hledger); the bench skips its hledger ratios" >&2
exit 1
