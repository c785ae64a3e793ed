#!/usr/bin/env bash
# Checks that `daleel services export` writes a valid HSDS 3.0 data package: the
# `frictionless` Python package (the validator the Open Referral specification's own CI
# runs on its examples) validates the exported datapackage.json and every file it lists
# (required fields, types and formats, unique ids, foreign keys). Three directories: the
# demo's, and the official HSDS example (tests/fixtures/hsds-3.0-example) and a small
# Arabic one (tests/fixtures/hsds-arabic) imported and exported again. Needs python3 with venv and pip, and network access once (it installs
# frictionless into target/hsds-venv). Exit 0: valid; 1: not valid; 77: the tools could
# not be installed here (the script says SKIPPED). Usage: scripts/check-hsds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/hsds-venv
if [ ! -x "$venv/bin/frictionless" ]; then
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet frictionless; } >/dev/null 2>&1; then
    rm -rf "$venv"
    echo "SKIPPED: python3 venv and pip could not install frictionless here."
    exit 77
  fi
fi
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DALEEL_WORKER="HSDS check" DALEEL_PASSPHRASE="hsds check throwaway phrase" DALEEL_TEST_KDF=cheap
daleel() { ./target/debug/daleel --data-dir "$1" "${@:2}"; }
daleel "$work/demo" demo --households 50 >/dev/null
mkdir "$work/demo-hsds" "$work/example-hsds" "$work/arabic-hsds"
daleel "$work/demo" services export --out "$work/demo-hsds" >/dev/null 2>&1
daleel "$work/example" services import tests/fixtures/hsds-3.0-example --yes >/dev/null 2>&1
daleel "$work/example" services export --out "$work/example-hsds" >/dev/null 2>&1
daleel "$work/arabic" services import tests/fixtures/hsds-arabic --yes >/dev/null 2>&1
daleel "$work/arabic" services export --out "$work/arabic-hsds" >/dev/null 2>&1
status=0
for package in demo-hsds example-hsds arabic-hsds; do
  rows=$(($(cat "$work/$package/services.csv" | wc -l) - 1))
  if "$venv/bin/frictionless" validate "$work/$package/datapackage.json" >"$work/$package.log" 2>&1; then
    echo "$package: valid HSDS 3.0 data package ($rows services)"
  else
    echo "$package: NOT VALID"
    cat "$work/$package.log"
    status=1
  fi
done
exit "$status"
