#!/usr/bin/env bash
# Fuzzes Daleel's readers of untrusted files (docs/fuzzing.md).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Builds the targets of fuzz/ with cargo-fuzz (installed when missing), copies each
# target's seeds (fuzz/seeds/NAME/) into its working corpus (fuzz/corpus/NAME/, not
# committed), runs the target's binary as `cargo fuzz run` would for the time given
# (without building again), and copies every crash libFuzzer leaves in
# fuzz/artifacts/NAME/ to tests/fuzz-regressions/NAME/, where `cargo test --test integration
# fuzz_regressions::` replays it. libFuzzer stops at a crash: the target is started again
# for the rest of its time (at most 5 crashes per target). Prints a table at the end;
# exits non-zero when a crash, out-of-memory or timeout was found.
#
# cargo-fuzz needs nightly flags: RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

SECONDS_PER_TARGET=${1:-60}
if ! [[ $SECONDS_PER_TARGET =~ ^[0-9]+$ ]] || [ "$SECONDS_PER_TARGET" -lt 1 ]; then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
fi
shift || true

ALL_TARGETS=$(cd fuzz/fuzz_targets && ls -- *.rs | sed 's/\.rs$//')
if [ $# -gt 0 ]; then
    TARGETS="$*"
    for t in $TARGETS; do
        if ! grep -qx -- "$t" <<<"$ALL_TARGETS"; then
            echo "no fuzz target named $t; the targets are:" $ALL_TARGETS >&2
            exit 2
        fi
    done
else
    TARGETS=$ALL_TARGETS
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz..." >&2
    cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
# The fuzz build has debug assertions: a worker missing from a backup's keyring then
# costs Argon2's least, not a second per input.
export DALEEL_TEST_KDF=cheap
# More code generation units than cargo-fuzz's 1: a much faster build on a small
# machine, for a slightly slower fuzzer. Address Sanitizer is on (cargo-fuzz's default).
BUILD_FLAGS=(--codegen-units 16)
# What libFuzzer is told for every run (besides the time left).
# Leak detection is off: sled's background threads (a backup is verified into a
# temporary database) outlive an input, which LeakSanitizer reports as a leak at random.
# A leak that matters grows until -rss_limit_mb stops it.
LIBFUZZER_FLAGS=(-rss_limit_mb=2048 -timeout=60 -detect_leaks=0 -print_final_stats=1)
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
MAX_CRASHES_PER_TARGET=5

echo "building the fuzz targets..." >&2
cargo fuzz build "${BUILD_FLAGS[@]}" >&2
BIN=fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release

mkdir -p fuzz/logs
found_any=0
table=()
for t in $TARGETS; do
    corpus=fuzz/corpus/$t
    artifacts=fuzz/artifacts/$t
    mkdir -p "$corpus" "$artifacts"
    for f in fuzz/seeds/"$t"/*; do
        if [ -e "$f" ] && [ ! -e "$corpus/$(basename "$f")" ]; then
            cp -- "$f" "$corpus"/
        fi
    done
    before=$(ls -- "$artifacts")
    log=fuzz/logs/$t.log
    : >"$log"
    start=$(date +%s)
    executions=0
    runs=0
    crashes_before=0
    while :; do
        left=$((SECONDS_PER_TARGET - ($(date +%s) - start)))
        [ "$left" -ge 1 ] || break
        runs=$((runs + 1))
        echo "fuzzing $t for ${left}s..." >&2
        status=0
        lines=$(wc -l <"$log")
        # What `cargo fuzz run "${BUILD_FLAGS[@]}" $t -- ...` runs, without building again
        # (the library may change under a long run in a shared checkout).
        "$BIN/$t" -artifact_prefix="$ROOT/$artifacts/" -max_total_time="$left" \
            "${LIBFUZZER_FLAGS[@]}" "$corpus" >>"$log" 2>&1 || status=$?
        # Executions: the final statistics, or the last "#N" status line.
        this_run=$(tail -n +"$((lines + 1))" "$log")
        n=$(awk '/^stat::number_of_executed_units:/ {n=$2} END {print n}' <<<"$this_run")
        if [ -z "$n" ]; then
            n=$(grep -aoE '^#[0-9]+' <<<"$this_run" | tail -n 1 | tr -d '#')
        fi
        executions=$((executions + ${n:-0}))
        echo "---- end of run $runs (exit $status) ----" >>"$log"
        [ "$status" -ne 0 ] || break
        crashes_now=$(comm -13 <(echo "$before" | sort) <(ls -- "$artifacts" | sort) | grep -cE '^(crash|oom|timeout|leak)-' || true)
        if [ "$crashes_now" -eq 0 ]; then
            echo "$t failed without leaving a crash: see $log" >&2
            tail -n 30 "$log" >&2
            exit 1
        fi
        # The same input again (a crash file is named by its content's hash): stop.
        [ "$crashes_now" -gt "$crashes_before" ] || break
        crashes_before=$crashes_now
        [ "$crashes_now" -lt "$MAX_CRASHES_PER_TARGET" ] || break
    done
    seconds=$(($(date +%s) - start))
    new=$(comm -13 <(echo "$before" | sort) <(ls -- "$artifacts" | sort) | grep -E '^(crash|oom|timeout|leak)-' || true)
    crashes=0
    # Every crash file there (earlier runs' too) goes into the regression test.
    for f in "$artifacts"/crash-* "$artifacts"/oom-* "$artifacts"/timeout-* "$artifacts"/leak-*; do
        [ -e "$f" ] || continue
        dest=tests/fuzz-regressions/$t/$(basename "$f")
        mkdir -p "tests/fuzz-regressions/$t"
        if [ ! -e "$dest" ]; then
            cp -- "$f" "$dest"
            echo "$t: copied $f to $dest" >&2
        fi
    done
    if [ -n "$new" ]; then
        crashes=$(echo "$new" | wc -l)
        found_any=1
        echo "$t: $crashes new crash(es); the libFuzzer log is $log" >&2
        grep -aE -A3 '^==[0-9]+==ERROR|panicked at|^SUMMARY' "$log" | head -n 40 >&2 || true
    fi
    table+=("$(printf '%-12s %8s %12s %8s' "$t" "$seconds" "$executions" "$crashes")")
done

echo
printf '%-12s %8s %12s %8s\n' target seconds executions crashes
for row in "${table[@]}"; do
    echo "$row"
done
if [ "$found_any" -ne 0 ]; then
    echo
    echo "crashes were found: they are in tests/fuzz-regressions/ (run cargo test --test integration fuzz_regressions::)"
    exit 1
fi
