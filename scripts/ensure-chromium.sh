#!/usr/bin/env bash
# Makes sure headless Chromium is there for the HTML report tests (Debian's `chromium`).
# Installs it when missing and we are root; apt's output goes to a log file (artifacts/apt.log)
# and is summarised in one line, so the test output stays readable. Otherwise says what to do and fails.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
log_dir="${TERTIAL_ARTIFACTS:-artifacts}"

if [ -x "$chromium_path" ]; then
  echo "chromium: $chromium_path"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  mkdir -p "$log_dir"
  apt_log="$log_dir/apt.log"
  started=$(date +%s)
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } >"$apt_log" 2>&1; then
    echo "chromium: apt-get failed; the last lines of $apt_log:" >&2
    tail -n 20 "$apt_log" >&2
    exit 1
  fi
  packages=$(grep -c '^Setting up ' "$apt_log" || true)
  echo "chromium: installed with apt-get ($packages packages, $(( $(date +%s) - started )) s; log in $apt_log)"
  if [ -x "$chromium_path" ]; then
    echo "chromium: $chromium_path"
    exit 0
  fi
  echo "chromium: installed, but not at $chromium_path; set CHROMIUM_PATH to its path" >&2
  exit 1
fi

echo "chromium: not found at $chromium_path. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)" >&2
echo "          or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again." >&2
exit 1
