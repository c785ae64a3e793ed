#!/usr/bin/env bash
# Makes the release archives: daleel-VERSION-linux-x86_64.tar.gz and
# daleel-VERSION-windows-x86_64.zip, each with the binary, README, docs and licences,
# built with the dist profile (Cargo.toml). Prints each binary's size (budget: 10 MiB).
# Usage: scripts/release.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/release-archives}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
mkdir -p "$out"
cargo build --profile dist
scripts/windows-build.sh --profile dist
stage() {
  local dir=$1 bin=$2
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$bin" README.md LICENSE-MIT LICENSE-APACHE "$dir/"
  cp -r docs "$dir/docs"
}
linux="daleel-$version-linux-x86_64"
windows="daleel-$version-windows-x86_64"
stage "$out/$linux" target/dist/daleel
stage "$out/$windows" target/x86_64-pc-windows-gnu/dist/daleel.exe
tar -C "$out" -czf "$out/$linux.tar.gz" "$linux"
(cd "$out" && rm -f "$windows.zip" && zip -qr "$windows.zip" "$windows")
for f in target/dist/daleel target/x86_64-pc-windows-gnu/dist/daleel.exe; do
  bytes=$(stat -c %s "$f")
  echo "$f: $bytes bytes ($(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MiB; budget 10 MiB)"
done
ls -l "$out"/*.tar.gz "$out"/*.zip
