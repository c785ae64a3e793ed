#!/usr/bin/env bash
# Compares Daleel's service search with `fzf --filter` on the same 10,000 service lines,
# keystroke by keystroke, and prints each one's mean and worst time and their ratio.
# fzf is timed as a whole process per keystroke (start, read the file, filter), which is
# how a shell user would run it; Daleel's figure is in-process, as the Services screen
# runs it. Installs fzf from Debian's packages when it is missing. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v fzf >/dev/null 2>&1; then
  echo "installing fzf (Debian package)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fzf >/dev/null
fi

lines=$(mktemp)
report=$(mktemp)
trap 'rm -f "$lines" "$report"' EXIT

# Daleel's figures, and the same service lines written out for fzf.
DALEEL_BENCH_HOUSEHOLDS=0 cargo bench --bench search -- --dump-services "$lines" 2>/dev/null | tee "$report"
ours=$(grep '10000 services' "$report")
ours_mean=$(echo "$ours" | sed -E 's/.*mean +([0-9.]+) ms.*/\1/')
ours_worst=$(echo "$ours" | sed -E 's/.*worst +([0-9.]+) ms.*/\1/')

# The same queries as benches/search.rs, typed letter by letter.
queries=("legal aid" "health clinic" "shelter repair" "cash" "مساعدة قانونية")
times=()
for q in "${queries[@]}"; do
  prefix=""
  while IFS= read -r -n1 c; do
    [ -z "$c" ] && c=" "
    prefix+="$c"
    start=$(date +%s%N)
    fzf --filter "$prefix" < "$lines" > /dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done < <(printf '%s' "$q")
done
fzf_stats=$(printf '%s\n' "${times[@]}" | awk '{ s += $1; if ($1 > m) m = $1 } END { printf "%.3f %.3f %d", s / NR / 1000, m / 1000, NR }')
read -r fzf_mean fzf_worst n <<< "$fzf_stats"

echo
echo "service search over $(wc -l < "$lines") services, $n keystrokes:"
printf '  daleel (in-process)      mean %8.3f ms   worst %8.3f ms\n' "$ours_mean" "$ours_worst"
printf '  fzf --filter (process)   mean %8.3f ms   worst %8.3f ms\n' "$fzf_mean" "$fzf_worst"
awk -v a="$fzf_mean" -v b="$ours_mean" -v c="$fzf_worst" -v d="$ours_worst" \
  'BEGIN { printf "  ratio fzf / daleel:     mean %.1fx, worst %.1fx\n", a / b, c / d }'
