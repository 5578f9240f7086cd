#!/usr/bin/env bash
# Makes sure headless Chromium is there for the HTML report tests (Debian's `chromium`).
# Installs it when missing and we are root; otherwise says what to do and fails.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$chromium_path" ]; then
  echo "chromium: $chromium_path"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found at $chromium_path; installing Debian's chromium with apt-get"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
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
