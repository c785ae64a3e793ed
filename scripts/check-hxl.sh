#!/usr/bin/env bash
# Checks Daleel's coordination files against libhxl, the HXL standard's reference library
# (the Rust tests check the hashtag rows and numeric columns themselves, in
# tests/integration/fourw.rs): the needs, referrals and services exports (with and
# without a coordinator's detail), the report (by sector, governorate and organization,
# and by district and sub-district) and the 4W table of a demo caseload. Each file must
# parse as HXL with every column tagged, and pass libhxl's default schema with no error:
# dates in #date, numbers only in #affected, #reached, #indicator +num and every other
# +num column (a suppressed cell is empty, never "<5"). Warnings (rare spellings,
# outliers) are counted, not failed.
#
# Needs python3 with venv and pip, and network access once (libhxl is installed into
# target/hxl-venv). Usage: scripts/check-hxl.sh   (exit 1 when a file does not validate)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/hxl-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import hxl' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet libhxl six
fi
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DALEEL_WORKER="HXL check" DALEEL_PASSPHRASE="hxl check throwaway phrase" DALEEL_TEST_KDF=cheap
daleel() { ./target/debug/daleel --data-dir "$work/data" "$@"; }
daleel demo --households 500 >/dev/null 2>&1
for t in needs referrals services; do
  daleel export "$t" --out "$work/$t.csv" >/dev/null 2>&1
  daleel export "$t" --detail district --with-case-codes --sensitive-subsectors --out "$work/$t-detailed.csv" >/dev/null 2>&1
done
period=(--since 2020-01-01 --until 2030-12-31)
daleel report "${period[@]}" --by sector,governorate,org --hxl --out "$work/report.csv" >/dev/null
daleel report "${period[@]}" --by district,subdistrict --hxl --out "$work/report-places.csv" >/dev/null
daleel export 4w "${period[@]}" --out "$work/4w.csv" >/dev/null 2>&1
daleel export 4w "${period[@]}" --sensitive-subsectors --out "$work/4w-sensitive.csv" >/dev/null 2>&1
"$venv/bin/python" - "$work"/*.csv <<'PY'
import sys, hxl
from hxl.datatypes import is_number

bad = 0
for path in sys.argv[1:]:
    name = path.rsplit('/', 1)[-1]
    problems = []
    data = hxl.data(path, hxl.InputOptions(allow_local=True))
    columns = data.columns
    untagged = [c.header for c in columns if not c.tag]
    if untagged:
        problems.append(f"untagged columns {untagged}")
    rows = list(data)
    if not rows:
        problems.append("no rows")
    # Numbers only in a +num column, whatever its hashtag.
    for i, c in enumerate(columns):
        if c.tag and c.has_attribute('num'):
            for r in rows:
                v = r.values[i] if i < len(r.values) else ''
                if v not in (None, '') and not is_number(v):
                    problems.append(f"{c.display_tag}: {v!r} is not a number")
                    break
    # libhxl's default schema: errors fail, warnings and notes are counted.
    counts = {'error': 0, 'warning': 0, 'info': 0}
    errors = []
    def seen(e):
        severity = e.rule.severity if e.rule else 'error'
        counts[severity] = counts.get(severity, 0) + 1
        if severity == 'error' and len(errors) < 5:
            errors.append(f"{e.message} ({e.column.display_tag if e.column else ''}: {e.value!r})")
    hxl.schema(callback=seen).validate(hxl.data(path, hxl.InputOptions(allow_local=True)))
    problems.extend(errors)
    print(f"{name}: {len(columns)} columns, {len(rows)} rows; schema: {counts['error']} errors, "
          f"{counts['warning']} warnings, {counts['info']} notes")
    if problems or counts['error']:
        for p in problems:
            print(f"  NOT VALID: {p}")
        bad += 1
sys.exit(1 if bad else 0)
PY
echo "All coordination files are valid HXL."
