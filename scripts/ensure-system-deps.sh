#!/usr/bin/env bash
# Makes sure the Debian packages the tests need are present: Chromium (Playwright),
# PostgreSQL (the API integration suite on a real server), poppler-utils (PDF checks) and a
# Japanese font. Installs them when missing and this
# user may (root with apt-get); otherwise explains how and fails.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
# poppler-utils: the PDF tests read generated documents back with pdftotext and pdffonts.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# A Japanese font so screenshots and PDFs render Japanese text.
if ! fc-list 2>/dev/null | grep -qi 'noto sans cjk'; then missing+=(fonts-noto-cjk); fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
The tests need these Debian packages: ${missing[*]}
Install them with:
  sudo apt-get install -y --no-install-recommends ${missing[*]}
(or set CHROMIUM_PATH to another Chromium binary).
MSG
exit 1
