#!/usr/bin/env bash
# Makes the release archives: daleel-VERSION-linux-x86_64.tar.gz and
# daleel-VERSION-windows-x86_64.zip, each with the binary, README, docs and licences,
# built with the dist profile (Cargo.toml). The Windows one also carries Daleel.cmd (a
# double-click opens the screens in a console window of 100x30 with a font that has
# Arabic letters; a fatal error waits for Enter) and README-Windows.txt (English and
# Arabic: unpacking, and a shortcut on the desktop), both with Windows line ends. The
# test-only bcryptprimitives.dll of scripts/windows-build.sh never goes in.
# Prints each binary's and archive's size (budget: 10 MiB each).
# Usage: scripts/release.sh [--only linux|windows] [--no-build] [OUTDIR]
#   --no-build: pack the dist binaries built before, as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
only=both
build=yes
while [ $# -gt 0 ]; do
  case $1 in
    --only) only=${2:?--only needs linux or windows}; shift 2 ;;
    --no-build) build=no; shift ;;
    *) break ;;
  esac
done
out=${1:-target/release-archives}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
mkdir -p "$out"
stage() {
  local dir=$1 bin=$2
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$bin" README.md LICENSE-MIT LICENSE-APACHE "$dir/"
  cp -r docs "$dir/docs"
}
# Prints a file's size against the 10 MiB budget; an archive over it stops the release.
size() {
  local bytes
  bytes=$(stat -c %s "$1")
  echo "$1: $bytes bytes ($(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB; budget 10 MiB)"
  if [ "$bytes" -ge $((10 * 1048576)) ]; then
    case $1 in
      *.zip | *.tar.gz) echo "over the 10 MiB budget: $1" >&2; exit 1 ;;
      *) echo "note: the binary is over the 10 MiB budget (docs/performance.md)" >&2 ;;
    esac
  fi
}
if [ "$only" != windows ]; then
  [ "$build" = no ] || cargo build --profile dist
  linux="daleel-$version-linux-x86_64"
  stage "$out/$linux" target/dist/daleel
  tar -C "$out" -czf "$out/$linux.tar.gz" "$linux"
  size target/dist/daleel
  size "$out/$linux.tar.gz"
fi
if [ "$only" != linux ]; then
  [ "$build" = no ] || scripts/windows-build.sh --profile dist --build-only
  windows="daleel-$version-windows-x86_64"
  stage "$out/$windows" target/x86_64-pc-windows-gnu/dist/daleel.exe
  # Windows line ends: cmd.exe misreads a batch file's labels without them.
  for f in Daleel.cmd README-Windows.txt; do
    sed 's/\r$//; s/$/\r/' "scripts/windows/$f" >"$out/$windows/$f"
  done
  if find "$out/$windows" -iname '*.dll' | grep -q .; then
    echo "a DLL is in the Windows archive: the bcryptprimitives.dll stand-in is for tests only" >&2
    exit 1
  fi
  (cd "$out" && rm -f "$windows.zip" && zip -qr "$windows.zip" "$windows")
  size target/x86_64-pc-windows-gnu/dist/daleel.exe
  size "$out/$windows.zip"
fi
ls -l "$out"/*.tar.gz "$out"/*.zip 2>/dev/null || true
