#!/usr/bin/env bash
# Builds daleel.exe for 64-bit Windows with the MinGW-w64 cross compiler (Debian:
# gcc-mingw-w64-x86-64) and, where Wine is installed (Debian: wine), runs it under Wine:
# --version, demo, stats --json, identity and trust, sync both ways, a removable drive
# letter found, backup and restore, services import of the HSDS example, the CSV
# exports, report --out r.html and check, on paths with spaces and Arabic letters, and the
# %APPDATA% default data directory; with tmux, also the passphrase prompt (nothing echoed),
# the lock against a second window, Ctrl+C in the screens, Arabic shaped by Daleel in the
# console, and the launcher of the release archive (Daleel.cmd:
# its console settings, and a fatal error that waits for Enter). Ends with "Windows smoke
# test passed".
#
# Wine 8 (Debian 12) has no bcryptprimitives.dll, which Rust's standard library (1.78 and
# later) needs for ProcessPrng: the script then builds a stand-in for the test only
# (scripts/windows/bcryptprimitives.c) beside the test's copy of the exe. It never goes
# into a release archive (scripts/release.sh packs target/.../daleel.exe alone).
#
# Usage: scripts/windows-build.sh [--profile dist|release|dev] [--build-only|--no-build]
#   --no-build: test the exe built before, as it is.
#   WINEPREFIX: the Wine prefix to use (default target/wine-prefix, set up on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=dist
build_only=no
build=yes
while [ $# -gt 0 ]; do
  case $1 in
    --profile) profile=${2:?--profile needs a name}; shift 2 ;;
    --build-only) build_only=yes; shift ;;
    --no-build) build=no; shift ;;
    *) echo "usage: scripts/windows-build.sh [--profile dist|release|dev] [--build-only|--no-build]" >&2; exit 2 ;;
  esac
done
rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1 || true
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  echo "The MinGW-w64 cross compiler is missing: apt install gcc-mingw-w64-x86-64" >&2
  exit 1
fi
if [ "$build" = yes ]; then
  cargo build --profile "$profile" --target x86_64-pc-windows-gnu --bin daleel \
    --config 'target.x86_64-pc-windows-gnu.linker="x86_64-w64-mingw32-gcc"'
fi
out_dir=$profile
[ "$profile" = dev ] && out_dir=debug
exe=target/x86_64-pc-windows-gnu/$out_dir/daleel.exe
echo "built $exe ($(stat -c %s "$exe") bytes, $(du -h "$exe" | cut -f1))"
[ "$build_only" = yes ] && exit 0

wine_bin=$(command -v wine64 || command -v wine || ls /usr/lib/wine/wine64 2>/dev/null || true)
if [ -z "$wine_bin" ]; then
  echo "WINDOWS SMOKE TEST NOT RUN: Wine is not installed (apt install wine to run it)."
  exit 0
fi
started=$(date +%s)
export WINEPREFIX=${WINEPREFIX:-$PWD/target/wine-prefix}
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DALEEL_WORKER="Smoke test"
export DALEEL_PASSPHRASE="smoke test throwaway phrase"
unset DALEEL_DATA_DIR NO_COLOR || true
work=$(mktemp -d)
cleanup() {
  [ -n "${tmux_sock:-}" ] && tmux -L "$tmux_sock" kill-server 2>/dev/null
  rm -f "$WINEPREFIX/dosdevices/m:"
  "${wine_bin%wine*}wineserver" -k 2>/dev/null || wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "WINDOWS SMOKE TEST FAILED: $*" >&2; exit 1; }
step() { printf -- '--- %s\n' "$*"; }
# The exe runs from a folder with a space and Arabic letters in its name.
bin="$work/برنامج Daleel"
mkdir -p "$bin"
cp "$exe" "$bin/daleel.exe"
run() { "$wine_bin" "$bin/daleel.exe" "$@"; }
# A Linux path as Windows sees it through Wine's Z: drive, with backslashes.
win() { local p=${1//\//\\}; printf 'Z:%s' "$p"; }

step "daleel.exe --version (Wine $("$wine_bin" --version 2>/dev/null))"
if ! version=$(run --version 2>"$work/err"); then
  why=$(WINEDEBUG=err+module "$wine_bin" "$bin/daleel.exe" --version 2>&1 || true)
  [[ "$why" == *bcryptprimitives* ]] || { cat "$work/err" >&2; fail "daleel.exe --version"; }
  echo "This Wine has no bcryptprimitives.dll: building the test-only stand-in beside the exe."
  x86_64-w64-mingw32-gcc -shared -O2 -s -o "$bin/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives.c -ladvapi32
  version=$(run --version) || fail "daleel.exe --version, even with the stand-in DLL"
fi
echo "$version"
[[ "$version" == daleel* ]] || fail "--version printed: $version"

a="$work/laptop one/دليل"
b="$work/laptop two"
c="$work/restored ج"
stick="$work/USB stick"
mkdir -p "$a" "$b" "$c" "$stick" "$work/backups ن" "$work/exports ت"
A=$(win "$a") B=$(win "$b") C=$(win "$c") STICK=$(win "$stick")
households() { run --data-dir "$1" stats --json | grep -o '"households":[0-9]*' | cut -d: -f2; }

step "demo and stats --json"
run --data-dir "$A" demo --households 20 >/dev/null
[ "$(households "$A")" = 20 ] || fail "stats --json after demo --households 20"

step "identity and trust, both ways"
card_b=$(run --data-dir "$B" identity export --out "$STICK" | tr -d '\r')
run --data-dir "$A" trust add "$card_b" --yes >/dev/null
run --data-dir "$A" identity export --out "$STICK\\a.card" >/dev/null
run --data-dir "$B" trust add "$STICK\\a.card" --yes >/dev/null

step "sync export with a folder written with forward slashes: one separator printed"
# Forward slashes are valid on Windows; the printed bundle path must still be one style.
printed=$(run --data-dir "$A" sync export --out "Z:$stick" | tr -d '\r' | head -1)
echo "$printed"
[[ "$printed" == *'\'* && "$printed" != */* ]] || fail "bundle path printed with mixed separators: $printed"
run --data-dir "$B" sync import "$STICK" >/dev/null
[ "$(households "$B")" = 20 ] || fail "B did not get A's 20 households"

step "services import of the HSDS example, then sync back to A"
run --data-dir "$B" services import "$(win "$PWD/tests/fixtures/hsds-3.0-example")" --yes >/dev/null
services_b=$(run --data-dir "$B" stats --json | grep -o '"services":[0-9]*')
run --data-dir "$B" sync export --out "$STICK" >/dev/null
run --data-dir "$A" sync import "$STICK" >/dev/null
[ "$(run --data-dir "$A" stats --json | grep -o '"services":[0-9]*')" = "$services_b" ] ||
  fail "A did not get B's services ($services_b)"
digest() { run --data-dir "$1" sync status --json | grep -o '"state_digest":"[0-9a-f]*"'; }
[ "$(digest "$A")" = "$(digest "$B")" ] || fail "A and B hold different states after syncing both ways"

step "a drive letter (M:, removable) found by sync drives"
ln -sfn "$stick" "$WINEPREFIX/dosdevices/m:"
"$wine_bin" reg add 'HKLM\Software\Wine\Drives' /v m: /d floppy /f >/dev/null 2>&1
drives=$(run sync drives | tr -d '\r')
echo "$drives"
grep -q 'M:\\' <<<"$drives" || fail "sync drives did not find the removable drive M:"
! grep -q 'C:\\' <<<"$drives" || fail "sync drives listed the system drive C:"

step "backup and restore"
run --data-dir "$A" backup --out "$(win "$work/backups ن")" >/dev/null
backup=$(ls "$work/backups ن"/*.dlbk | head -1)
run --data-dir "$C" restore "$(win "$backup")" --yes >/dev/null
[ "$(households "$C")" = 20 ] || fail "the restored database does not have the 20 households"

step "exports and report --out r.html"
for table in needs referrals services; do
  run --data-dir "$A" export "$table" --out "$(win "$work/exports ت/$table.csv")" >/dev/null
  [ -s "$work/exports ت/$table.csv" ] || fail "export $table wrote nothing"
done
(cd "$work/exports ت" && run --data-dir "$A" report --since 2000-01-01 --until 2100-12-31 --out r.html >/dev/null)
grep -q '<html' "$work/exports ت/r.html" || fail "report --out r.html"

step "check"
for d in "$A" "$B" "$C"; do run --data-dir "$d" check >/dev/null || fail "check of $d"; done

step "the %APPDATA% data directory (no --data-dir)"
rm -rf "$WINEPREFIX/drive_c/users/"*/AppData/Roaming/Daleel
run demo --households 5 >/dev/null
[ "$(run stats --json | grep -o '"households":[0-9]*')" = '"households":5' ] ||
  fail "stats in the default data directory"
ls -d "$WINEPREFIX/drive_c/users/"*/AppData/Roaming/Daleel/daleel/data >/dev/null ||
  fail "the default data directory is not under %APPDATA%\\Daleel"
run check >/dev/null || fail "check of the default data directory"

if command -v tmux >/dev/null; then
  step "the screens in Wine's console: the passphrase not echoed, a second window refused"
  tmux_sock="daleel-wine-$$"
  # A session on the private server, started again while the server of the session
  # just killed is still exiting ("server exited unexpectedly" under load).
  tmux_new() {
    local try
    for try in 1 2 3 4 5; do
      tmux -L "$tmux_sock" new-session -d -x 100 -y 30 "$1" 2>/dev/null && return 0
      sleep 1
    done
    tmux -L "$tmux_sock" new-session -d -x 100 -y 30 "$1"
  }
  screen() { tmux -L "$tmux_sock" capture-pane -p -t 0; }
  # Status 75: the tmux server went away (it has, rarely, under load), which says nothing
  # of Daleel; the step that met it is run once more.
  wait_for() {
    for _ in $(seq 1 120); do
      tmux -L "$tmux_sock" has-session 2>/dev/null || { echo "the tmux server went away" >&2; return 75; }
      screen | grep -q "$1" && return 0
      sleep 0.5
    done
    screen >&2
    fail "the screen never showed \"$1\""
  }
  keys() { tmux -L "$tmux_sock" send-keys -t 0 "$@" || return 75; }
  # In a function called as a condition, `set -e` does not apply: every step says
  # what went wrong itself.
  console_screens() {
    tmux_new "env -u DALEEL_PASSPHRASE WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all '$wine_bin' '$bin/daleel.exe' --data-dir '$A'; echo daleel ended \$?; sleep 60" || return 75
    wait_for assphrase || return
    keys -l "$DALEEL_PASSPHRASE" || return
    sleep 1
    ! screen | grep -q "throwaway" || fail "the passphrase was echoed"
    keys Enter || return
    wait_for F1 || return
    tmux -L "$tmux_sock" has-session 2>/dev/null || return 75
    if second=$(run --data-dir "$A" stats 2>&1); then
      # The window's Daleel ended with the tmux server: the lock went with it.
      tmux -L "$tmux_sock" has-session 2>/dev/null || return 75
      fail "a second instance opened a data directory in use"
    fi
    [[ "$second" == *"in use"* || "$second" == *"open"* ]] || fail "the second instance said: $second"
    echo "second instance: $second" | head -1
    # Ctrl+C is no signal while the screens are open (F10 or Ctrl+Q quits, restoring the
    # console), as on Linux.
    keys C-c || return
    sleep 2
    tmux -L "$tmux_sock" has-session 2>/dev/null || return 75
    ! screen | grep -q "daleel ended" || fail "Ctrl+C ended Daleel at once, leaving the console as it was"
    keys F10 || return
    wait_for "daleel ended 0" || return
    tmux -L "$tmux_sock" kill-server
  }
  for attempt in 1 2; do
    status=0
    console_screens || status=$?
    [ "$status" = 0 ] && break
    [ "$status" = 75 ] && [ "$attempt" = 1 ] || fail "the screens in Wine's console (status $status)"
    echo "note: the tmux server went away; the screens once more"
    tmux -L "$tmux_sock" kill-server 2>/dev/null || true
    sleep 3
  done

  step "Arabic joined and ordered by Daleel in Wine's console (the default on Windows)"
  tmux_new "env WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all '$wine_bin' '$bin/daleel.exe' --lang ar --data-dir '$A' stats; echo stats ended; sleep 60"
  wait_for "stats ended"
  # Joined letters are the Arabic presentation forms (U+FE70-U+FEFF).
  screen | LC_ALL=C.UTF-8 grep -qP '[\x{FE70}-\x{FEFF}]' || fail "the Arabic was not shaped: $(screen)"
  tmux -L "$tmux_sock" kill-server

  step "the launcher (Daleel.cmd): its console settings, and a fatal error waits for Enter"
  sed 's/\r$//; s/$/\r/' scripts/windows/Daleel.cmd >"$bin/Daleel.cmd"
  # Without a display, Wine cannot open the new window the launcher starts; it still
  # writes the console settings for that window, and the part that runs in it is run here.
  "$wine_bin" reg delete 'HKCU\Console\Daleel' /f >/dev/null 2>&1 || true
  (cd "$work" && "$wine_bin" cmd /c "$(win "$bin")\Daleel.cmd" >/dev/null 2>&1) || true
  settings=$("$wine_bin" reg query 'HKCU\Console\Daleel' 2>/dev/null | tr -d '\r')
  grep -q 'FaceName.*Courier New' <<<"$settings" && grep -q 'WindowSize.*0x1e0064' <<<"$settings" ||
    fail "the launcher did not set the Daleel window's font and size: $settings"
  echo not a folder >"$work/not a folder"
  tmux_new "env DALEEL_DATA_DIR='$work/not a folder' WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all '$wine_bin' cmd /c '$(win "$bin")\\Daleel.cmd' --in-window; echo launcher ended \$?; sleep 60"
  wait_for "Press Enter"
  sleep 1
  ! screen | grep -q "launcher ended" || fail "the window did not wait for Enter after a fatal error"
  tmux -L "$tmux_sock" send-keys -t 0 Enter
  wait_for "launcher ended 1"
  tmux -L "$tmux_sock" kill-server
  tmux_sock=
else
  echo "note: tmux is missing: the passphrase prompt and the lock were not checked under Wine."
fi

echo "Windows smoke test passed under Wine in $(($(date +%s) - started)) s ($exe, $(stat -c %s "$exe") bytes)."
