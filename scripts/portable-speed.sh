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

# Median and range per configuration, then each path's ratio.
sort -t "$(printf '\t')" -k1,1 -k2,2n "$results" | awk -F '\t' '
  { values[$1] = values[$1] " " $2; count[$1]++ }
  END {
    for (name in values) {
      n = split(substr(values[name], 2), v, " ")
      median = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      medians[name] = median
      printf "| %s | %.3f s | %.3f–%.3f s | %d |\n", name, median, v[1], v[n], n
    }
    for (name in medians) {
      if (name ~ /^portable, / && name != "portable, no FMA") {
        path = substr(name, 11)
        if (("vector, " path) in medians) {
          printf "| portable / vector, %s | %.2f× | | |\n", path, medians[name] / medians["vector, " path]
        }
      }
      if (name == "portable, no FMA" && ("vector, widest" in medians)) {
        printf "| no FMA / vector, widest | %.1f× | | |\n", medians[name] / medians["vector, widest"]
      }
    }
  }' | sort
