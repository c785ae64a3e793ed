#!/usr/bin/env bash
# Renders the printed pages as a person would see them: builds Daleel, makes a demo
# database, writes a referral slip and the coordination report in English, Arabic and
# Kurdish (and Arabic once more with Arabic-Indic digits), and prints each with headless
# Chromium to a PNG screenshot and a PDF under target/pages/ (the report's PDF pages as
# PNGs too). Checks that every slip is one A4 page and that every page says its language
# and direction. Then LOOK at the PNGs.
#
#   scripts/pages.sh            # debug build
#   PROFILE=release scripts/pages.sh
#
# Needs the Debian packages chromium and poppler-utils (and fonts-noto-core for Arabic
# and Kurdish letters); run as root with apt-get, it installs the missing ones, otherwise
# it writes the HTML pages and says that it skipped the rendering.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${PROFILE:-debug}
out=target/pages
if [ "$profile" = release ]; then
  cargo build --release --quiet
else
  cargo build --quiet
fi
bin="target/$profile/daleel"

rm -rf "$out"
mkdir -p "$out"
data="$out/demo-data"
# A throwaway demo database: its worker and passphrase are for training only.
export DALEEL_WORKER="Amal" DALEEL_PASSPHRASE="for training only"
unset DALEEL_DATA_DIR DALEEL_LANG
# Daleel on the demo database, its messages kept in daleel.log (shown if it fails).
daleel() {
  "$bin" --data-dir "$data" "$@" 2>>"$out/daleel.log" \
    || { echo "pages: daleel $* failed:" >&2; tail -5 "$out/daleel.log" >&2; return 1; }
}
daleel demo --households 300 --seed 1 >/dev/null

# The slip with the most on it (the most details shared, the most focal points).
ids=$(daleel referral list --json | python3 -c 'import json,sys; [print(r["id"]) for r in json.load(sys.stdin)[:40]]')
best="" size=0
for id in $ids; do
  daleel --lang en referral slip "$id" --out "$out/try.html" >/dev/null || continue
  s=$(wc -c <"$out/try.html")
  if [ "$s" -gt "$size" ]; then best=$id size=$s; fi
done
rm -f "$out/try.html"
[ -n "$best" ] || { echo "pages: no referral in the demo database" >&2; exit 1; }
echo "pages: the slip of referral $best"

since=2020-01-01
until=$(date -u -d '+1 year' +%F)
pages=()
write() { # name lang digits
  local name=$1 lang=$2 digits=$3
  # The centre's name and phone as a centre would set them for its slips.
  printf 'digits = "%s"\ncentre_name = "CRC Mosul (IOM)"\ncentre_phone = "0750 111 2222"\n' \
    "$digits" >"$data/config.toml"
  daleel --lang "$lang" referral slip "$best" --out "$out/slip-$name.html" >/dev/null
  daleel --lang "$lang" report --since "$since" --until "$until" --by sector,governorate \
    --out "$out/report-$name.html" >/dev/null
  pages+=("slip-$name" "report-$name")
}
write en en western
write ar ar western
write ckb ckb western
write ar-indic ar arabic-indic
rm -f "$data/config.toml"

fail=0
for name in ar ckb ar-indic; do
  lang=${name%-indic}
  for page in slip report; do
    grep -q "<html lang=\"$lang\" dir=\"rtl\">" "$out/$page-$name.html" \
      || { echo "pages: $page-$name.html does not say lang=\"$lang\" dir=\"rtl\"" >&2; fail=1; }
  done
done

# Chromium, installed when missing and possible.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
fc-list :lang=ar 2>/dev/null | grep -qi noto || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "pages: installing ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") \
    >"$out/apt.log" 2>&1 || echo "pages: could not install ${missing[*]} (see $out/apt.log)" >&2
fi
if ! command -v chromium >/dev/null; then
  echo "pages: SKIPPED the rendering: no chromium (apt-get install chromium poppler-utils fonts-noto-core); the HTML pages are in $out/"
  exit "$fail"
fi

profile_dir=$(mktemp -d)
trap 'rm -rf "$profile_dir"' EXIT
chrome() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$profile_dir" --no-first-run "$@" >>"$out/chromium.log" 2>&1
}
count_pages() {
  if command -v pdfinfo >/dev/null; then
    pdfinfo "$1" | awk '/^Pages:/ {print $2}'
  else
    grep -a -c '/Type */Page[^s]' "$1"
  fi
}
for page in "${pages[@]}"; do
  url="file://$PWD/$out/$page.html"
  # An A4 sheet's width and height in CSS pixels (794x1123), shot at 1240x1754 (150
  # dots an inch).
  chrome --window-size=794,1123 --force-device-scale-factor=1.5617 \
    --screenshot="$PWD/$out/$page.png" "$url"
  chrome --no-pdf-header-footer --print-to-pdf="$PWD/$out/$page.pdf" "$url"
  n=$(count_pages "$out/$page.pdf")
  echo "pages: $out/$page.pdf: $n page(s), $out/$page.png"
  case $page in
    slip-*) [ "$n" = 1 ] || { echo "pages: $page is $n pages, not one A4 page" >&2; fail=1; } ;;
    report-*) command -v pdftoppm >/dev/null && pdftoppm -r 60 -png "$out/$page.pdf" "$out/$page-page" ;;
  esac
done
if [ "$fail" = 0 ]; then
  echo "pages: done; look at $out/*.png"
else
  echo "pages: FAILED (above)" >&2
fi
exit "$fail"
