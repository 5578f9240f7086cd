#!/usr/bin/env bash
# Makes sure the browser tests have what they need: headless Chromium (Debian's `chromium`) and
# poppler-utils (`pdftotext`, `pdfinfo`, `pdftoppm`: the PDF's text per page, its metadata, page images).
# Installs what is missing when we are root; apt's output goes to a log file (artifacts/apt.log)
# and is summarised in one line, so the test output stays readable. Otherwise says what to do and fails.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
log_dir="${TERTIAL_ARTIFACTS:-artifacts}"

missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "chromium: $chromium_path; poppler-utils: $(command -v pdftotext)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  mkdir -p "$log_dir"
  apt_log="$log_dir/apt.log"
  started=$(date +%s)
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; } >"$apt_log" 2>&1; then
    echo "apt-get failed installing ${missing[*]}; the last lines of $apt_log:" >&2
    tail -n 20 "$apt_log" >&2
    exit 1
  fi
  if [ ! -x "$chromium_path" ]; then
    echo "chromium: installed, but not at $chromium_path; set CHROMIUM_PATH to its path" >&2
    exit 1
  fi
  packages=$(grep -c '^Setting up ' "$apt_log" || true)
  echo "chromium: $chromium_path; poppler-utils: $(command -v pdftotext) (installed ${missing[*]} with apt-get: $packages packages, $(( $(date +%s) - started )) s; log in $apt_log)"
  exit 0
fi

echo "missing: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})" >&2
echo "         or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again." >&2
exit 1
