#!/usr/bin/env bash
# Checks that Daleel's coordination exports parse as HXL with the libhxl Python package
# (the Rust tests check the hashtag rows themselves). Needs python3 and network access
# once (it installs libhxl into target/hxl-venv). Usage: scripts/check-hxl.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/hxl-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet libhxl six
fi
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DALEEL_WORKER="HXL check" DALEEL_PASSPHRASE="hxl check throwaway phrase" DALEEL_TEST_KDF=cheap
daleel() { ./target/debug/daleel --data-dir "$work/data" "$@"; }
daleel demo --households 500 >/dev/null
for t in needs referrals services; do
  daleel export "$t" --out "$work/$t.csv" >/dev/null 2>&1
done
daleel report --since 2020-01-01 --until 2030-12-31 --by sector,governorate,org --hxl --out "$work/report.csv" >/dev/null
"$venv/bin/python" - "$work"/*.csv <<'PY'
import sys, hxl
bad = 0
for path in sys.argv[1:]:
    data = hxl.data(path, hxl.InputOptions(allow_local=True))
    columns = data.columns
    untagged = [c.header for c in columns if not c.tag]
    rows = sum(1 for _ in data)
    print(f"{path.rsplit('/', 1)[-1]}: {len(columns)} columns, {rows} rows, tags {' '.join(c.display_tag for c in columns)}")
    if untagged or rows == 0:
        print(f"  NOT VALID: untagged {untagged}, rows {rows}")
        bad += 1
sys.exit(1 if bad else 0)
PY
echo "All exports parse as HXL."
