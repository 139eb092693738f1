#!/usr/bin/env bash
# Measures perceptron against the notebooks' numpy code (../shared/reference/seed_numpy.py) in one
# run on this machine and writes docs/performance.md. Needs python3 with numpy and MNIST in the cache.
# Usage: scripts/performance.sh [epochs]      (default 6: numpy's epochs; ours measures one fewer after
# `bench`'s three warm-up epochs, in which the JIT is still compiling)
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-6}"
reference="../shared/reference/seed_numpy.py"
data="${PERCEPTRON_DATA:-$HOME/.cache/perceptron}/mnist"
[ -f "$reference" ] || { echo "missing $reference" >&2; exit 1; }
./perceptron fetch >/dev/null

median_json() { python3 -c 'import sys,json; print(json.loads(sys.stdin.readlines()[-1])[sys.argv[1]])' "$1"; }

rows=()
# Three interleaved runs of each side per configuration: a 2-vCPU machine's speed drifts between
# runs (a neighbour, the clock), and one run's median can land far from the usual figure.
for layers in 784,30,10 784,100,30,10; do
  for threads in 1 2; do
    numpy_runs=()
    ours_runs=()
    for run in 1 2 3; do
      # A pause before each run: right after a run of either side this machine is measurably
      # slower for some seconds (0.167 vs 0.138 s per epoch), which would favour whoever goes first.
      sleep 5
      numpy_runs+=("$(OPENBLAS_NUM_THREADS=$threads python3 "$reference" --data "$data" --notebook 000 --layers "$layers" \
        --epochs "$epochs" | median_json seconds_per_epoch_median)")
      sleep 5
      ours_runs+=("$(./perceptron bench --layers "$layers" --batch 100 --epochs $((epochs - 1)) --threads "$threads" --json | tail -1)")
    done
    rows+=("$(python3 - "$layers" "$threads" "${numpy_runs[*]}" "${ours_runs[@]}" <<'PY'
import json, statistics, sys
layers, threads = sys.argv[1], sys.argv[2]
numpy = [float(v) for v in sys.argv[3].split()]
ours = [json.loads(run) for run in sys.argv[4:]]
m = statistics.median(o["seconds_per_epoch_median"] for o in ours)
n = statistics.median(numpy)
low, high = min(o["seconds_per_epoch_min"] for o in ours), max(o["seconds_per_epoch_max"] for o in ours)
gflops = statistics.median(o["gflops"] for o in ours)
inference = statistics.median(o["inference_ms_10000"] for o in ours)
print(f"| [{layers}] | {threads} | {n:.3f} ({min(numpy):.3f}–{max(numpy):.3f}) | {m:.3f} ({low:.3f}–{high:.3f}) "
      f"| {n / m:.2f}× | {gflops:.1f} | {inference:.1f} |")
PY
)")
  done
done

rss="not measured (needs /usr/bin/time)"
if [ -x /usr/bin/time ]; then
  kb=$( { /usr/bin/time -f '%M' ./perceptron train --epochs 2 -q -o /tmp/perceptron-rss.json >/dev/null; } 2>&1 | tail -1)
  rss="$((kb / 1024)) MB"
fi

# Start-up: predict on one 28x28 PNG with that model (the default [784,512,10]), wall time of five
# runs after one that lets the launcher record its class-data archive.
python3 - /tmp/perceptron-digit.png <<'PY'
import struct, sys, zlib
rows = b''.join(b'\0' + bytes(255 if 10 < x < 18 and 5 < y < 23 else 0 for x in range(28)) for y in range(28))
chunk = lambda kind, data: struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 28, 28, 8, 0, 0, 0, 0))
                            + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
PY
./perceptron predict --model /tmp/perceptron-rss.json /tmp/perceptron-digit.png >/dev/null
predict_runs=()
for run in 1 2 3 4 5; do
  start=$(date +%s.%N)
  ./perceptron predict --model /tmp/perceptron-rss.json /tmp/perceptron-digit.png >/dev/null
  predict_runs+=("$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")")
done
predict=$(printf '%s\n' "${predict_runs[@]}" | sort -n | sed -n 3p)

# The kernels alone (JMH): the three products of one layer per batch of 100, at [784,100,30,10]'s shapes.
(mvn -B -q -DskipTests package -pl benchmarks -am >/dev/null)
java -jar benchmarks/target/benchmarks.jar ProductBenchmark -p kernel=vector -p shape=784x100,100x30,784x30 \
  -wi 3 -w 1 -i 5 -r 1 -f 1 -rf json -rff /tmp/perceptron-jmh.json >/dev/null
kernels=$(python3 - <<'PY'
import json
rows = []
for r in json.load(open("/tmp/perceptron-jmh.json")):
    p = r["params"]; m = r["primaryMetric"]
    k, n = map(int, p["shape"].split("x"))
    us = m["score"]; lo, hi = m["scoreConfidence"]
    gflops = 2 * 100 * k * n / (us * 1e-6) / 1e9
    rows.append((p["shape"], r["benchmark"].rsplit(".", 1)[1], int(p["threads"]), us, lo, hi, gflops))
for shape, product, threads, us, lo, hi, g in sorted(rows):
    print(f"| {shape} | {product} | {threads} | {us:.1f} ({lo:.1f}–{hi:.1f}) | {g:.1f} |")
PY
)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)
{
  echo "# Performance"
  echo
  echo "Produced by \`scripts/performance.sh\` on $(date -u +%Y-%m-%d), $cpu, $(nproc) processors,"
  echo "Java $(java -version 2>&1 | head -1 | cut -d'"' -f2). One training epoch is 60,000 images in batches of 100,"
  echo "softmax + cross-entropy, momentum; numpy is the notebooks' own code (float64, OpenBLAS, its"
  echo "median over $epochs epochs); ours is \`perceptron bench\` (float32, ReLU, synthetic MNIST-shaped data"
  echo "with MNIST's 19% non-zero pixels, median of $((epochs - 1)) epochs after three warm-up ones, while the JIT compiles). Each side ran three"
  echo "times, interleaved: the table gives the median of the three medians, in brackets the range of the"
  echo "three medians (numpy) or of every epoch (ours)."
  echo
  echo "| layers | threads | numpy s/epoch | perceptron s/epoch | speed-up | GFLOP/s | inference of 10,000 (ms) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Peak RSS of \`perceptron train\` on MNIST (default model, 2 epochs): $rss."
  echo
  echo "\`perceptron predict\` on one image with that model, wall time through the launcher: median $predict s"
  echo "of five runs (${predict_runs[*]} s)."
  echo
  echo "## The kernels"
  echo
  echo "JMH (\`benchmarks\` module, \`ProductBenchmark\`, vector kernel): one product of a batch of 100 at"
  echo "each layer shape \`in×out\`; the 784-wide input is MNIST-sparse (19% non-zero), so its GFLOP/s"
  echo "count the dense arithmetic the zero-skipping avoids. Mean of 5 one-second iterations, 99.9%"
  echo "confidence interval in brackets."
  echo
  echo "| shape | product | threads | µs | GFLOP/s |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "$kernels"
  echo
  echo "Reproduce: \`scripts/performance.sh\`."
} > docs/performance.md
cat docs/performance.md
