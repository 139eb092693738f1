#!/usr/bin/env bash
# The portable kernel's speed against the Vector API kernel's, side by side in one run: training
# epochs of the default network ([784,512,10], batch 100, synthetic MNIST-shaped data, through
# `perceptron bench`) on the widest SIMD path and, on x86, on AVX2 (-XX:UseAVX=2), interleaved
# round by round. Prints each configuration's median seconds per epoch with its range, and the
# ratio portable / vector per path. With --no-fma, also the path without an FMA instruction
# (-XX:UseAVX=0, where the portable kernel emulates it; slow, so one round).
# Usage: scripts/portable-speed.sh [--rounds N] [--no-fma]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=5
no_fma=false
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --no-fma) no_fma=true ;;
    *) echo "usage: scripts/portable-speed.sh [--rounds N] [--no-fma]" >&2; exit 2 ;;
  esac
  shift
done

names=("vector, widest" "portable, widest")
options=("" "-Dperceptron.kernel=portable")
case "$(uname -m)" in
  x86_64 | amd64)
    names+=("vector, AVX2" "portable, AVX2")
    options+=("-XX:UseAVX=2" "-XX:UseAVX=2 -Dperceptron.kernel=portable")
    ;;
esac
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

bench() { # name options epochs
  local line
  line="$(PERCEPTRON_JAVA_OPTS="$2" "$root/perceptron" bench --layers 784,512,10 --epochs "$3" --warmup 1 \
    --json </dev/null 2>/dev/null | tail -n 1)"
  seconds="$(printf '%s\n' "$line" | sed -n 's/.*"seconds_per_epoch_median":\([0-9.]*\).*/\1/p')"
  printf '%s\t%s\n' "$1" "$seconds" >>"$results"
  printf '%-20s %s s\n' "$1" "$seconds" >&2
}

"$root/perceptron" --version >/dev/null # build first, outside the timings
grep -o 'avx[^ ]*' /proc/cpuinfo 2>/dev/null | sort -u | tr '\n' ' ' >&2 || true
echo >&2
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for i in "${!names[@]}"; do
    bench "${names[$i]}" "${options[$i]}" 3
  done
done
if $no_fma; then
  bench "portable, no FMA" "-XX:UseAVX=0" 1
fi

# Median and range per configuration, in the order run, then each path's ratio.
echo "| configuration | s/epoch, median of runs | range of runs | runs |"
echo "|---|---|---|---|"
awk -F '\t' '
  !($1 in count) { order[++names] = $1 }
  { count[$1]++; v[$1, count[$1]] = $2 }
  END {
    for (i = 1; i <= names; i++) {
      name = order[i]; n = count[name]
      for (a = 2; a <= n; a++) {            # insertion sort of this configuration'"'"'s values
        x = v[name, a]
        for (b = a - 1; b >= 1 && v[name, b] > x; b--) v[name, b + 1] = v[name, b]
        v[name, b + 1] = x
      }
      median[name] = (n % 2) ? v[name, (n + 1) / 2] : (v[name, n / 2] + v[name, n / 2 + 1]) / 2
      printf "| %s | %.3f | %.3f–%.3f | %d |\n", name, median[name], v[name, 1], v[name, n], n
    }
    for (i = 1; i <= names; i++) {
      name = order[i]
      if (name == "portable, no FMA") {
        printf "| no FMA / vector, widest | %.1f× | | |\n", median[name] / median["vector, widest"]
      } else if (name ~ /^portable, /) {
        path = substr(name, 11)
        printf "| portable / vector, %s | %.2f× | | |\n", path, median[name] / median["vector, " path]
      }
    }
  }' "$results"
