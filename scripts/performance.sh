#!/usr/bin/env bash
# Measures perceptron on this machine against the notebooks' algorithm in numpy
# (scripts/reference/notebook_numpy.py), against PyTorch's CPU build training the same network
# (scripts/reference/torch_mlp.py, when `python3 -c 'import torch'` works) and against the
# machine's own float32 GEMM rate (scripts/reference/sgemm.py, with OpenBLAS's kernel for this
# CPU), side by side in one run, and writes docs/performance.md.
# Every path the CPU has is measured: on an AVX-512 machine the AVX-512 kernel and the AVX2 one
# (the JVM started with -XX:UseAVX=2, OpenBLAS with its Haswell kernels), elsewhere the native one.
# Needs python3 with numpy; fetches MNIST if it is missing.
# Usage: scripts/performance.sh [epochs]   (default 5: numpy's epochs; ours measures one fewer after
# `bench`'s three warm-up epochs, in which the JIT is still compiling)
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-5}"
data="${PERCEPTRON_DATA:-$HOME/.cache/perceptron}/mnist"
./perceptron fetch >/dev/null

flags=$(grep -m1 -E '^(flags|Features)' /proc/cpuinfo | cut -d: -f2-)
has() { [[ " $flags " == *" $1 "* ]]; }
# name | JVM options | OpenBLAS core type (empty: its own choice)
paths=()
if has avx512f; then
  paths+=("AVX-512||" "AVX2 (-XX:UseAVX=2)|-XX:UseAVX=2|Haswell")
elif has avx2; then
  paths+=("AVX2||")
elif has asimd; then
  paths+=("NEON (128-bit)||")
else
  paths+=("native||")
fi

# PyTorch's CPU build, when it is installed (pip install torch).
torch=""
if python3 -c 'import torch' 2>/dev/null; then
  torch=$(python3 -c 'import torch; print(torch.__version__)')
fi

json_field() { python3 -c 'import sys,json; print(json.loads(sys.stdin.readlines()[-1])[sys.argv[1]])' "$1"; }

sections=()
for path in "${paths[@]}"; do
  IFS='|' read -r name jvm coretype <<<"$path"
  blas_env=(env)
  [ -n "$coretype" ] && blas_env=(env OPENBLAS_CORETYPE="$coretype")
  declare -A sgemm=()
  for threads in 1 2; do
    # The yardstick is OpenBLAS's own kernel for this CPU, whatever the environment forces elsewhere.
    sgemm[$threads]=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$threads \
      python3 scripts/reference/sgemm.py)
  done
  rows=()
  declare -A ours_median=()
  for layers in 784,30,10 784,100,30,10 784,512,10; do
    for threads in 1 2; do
      numpy_runs=()
      torch_runs=()
      ours_runs=()
      # Three interleaved runs of each side, each after a pause: a 2-vCPU machine's speed drifts
      # between runs (a neighbour, the clock), and right after a run it is slower for some seconds.
      for run in 1 2 3; do
        sleep 3
        numpy_runs+=("$("${blas_env[@]}" OPENBLAS_NUM_THREADS=$threads python3 scripts/reference/notebook_numpy.py \
          --data "$data" --layers "$layers" --epochs "$epochs" | json_field seconds_per_epoch_median)")
        if [ -n "$torch" ]; then
          sleep 3
          torch_runs+=("$(python3 scripts/reference/torch_mlp.py --data "$data" --layers "$layers" \
            --epochs $((epochs - 1)) --threads "$threads" | json_field seconds_per_epoch_median)")
        fi
        sleep 3
        ours_runs+=("$(PERCEPTRON_JAVA_OPTS="$jvm" ./perceptron bench --layers "$layers" --batch 100 \
          --epochs $((epochs - 1)) --threads "$threads" --json | tail -1)")
      done
      row=$(python3 - "$layers" "$threads" "${sgemm[$threads]}" "${ours_median[$layers]:-}" "${numpy_runs[*]}" \
        "${torch_runs[*]:--}" "${ours_runs[@]}" <<'PY'
import json, statistics, sys
layers, threads, sgemm, one_thread = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
numpy = [float(v) for v in sys.argv[5].split()]
torch = [float(v) for v in sys.argv[6].split() if v != "-"]
ours = [json.loads(run) for run in sys.argv[7:]]
m = statistics.median(o["seconds_per_epoch_median"] for o in ours)
n = statistics.median(numpy)
low, high = min(o["seconds_per_epoch_min"] for o in ours), max(o["seconds_per_epoch_max"] for o in ours)
gflops = statistics.median(o["gflops"] for o in ours)
inference = statistics.median(o["inference_ms_10000"] for o in ours)
scaling = f"{float(one_thread) / m:.2f}×" if one_thread else "—"
if torch:
    p = statistics.median(torch)
    pytorch = f"{p:.3f} ({min(torch):.3f}–{max(torch):.3f}) | {p / m:.2f}×"
else:
    pytorch = "— | —"
print(f"{m}\t| [{layers}] | {threads} | {n:.3f} ({min(numpy):.3f}–{max(numpy):.3f}) | {pytorch} | {m:.3f} ({low:.3f}–{high:.3f}) "
      f"| {n / m:.2f}× | {scaling} | {gflops:.1f} | {100 * gflops / sgemm:.0f}% | {inference:.1f} |")
PY
)
      [ "$threads" = 1 ] && ours_median[$layers]="${row%%$'\t'*}"
      rows+=("${row#*$'\t'}")
    done
  done
  # The default recipe's augmentation (shifts) and dropout against none, through `train`: three
  # interleaved runs of each, medians compared.
  shift_runs=()
  none_runs=()
  for run in 1 2 3; do
    for augment in shift none; do
      sleep 3
      seconds=$(PERCEPTRON_JAVA_OPTS="$jvm" ./perceptron train --epochs 4 --augment "$augment" -o /tmp/perceptron-aug.json \
        2>/dev/null | sed -n 's/.*, \([0-9.]*\)s per epoch (median).*/\1/p')
      if [ "$augment" = shift ]; then shift_runs+=("$seconds"); else none_runs+=("$seconds"); fi
    done
  done
  read -r shift_median none_median augment_ratio < <(python3 -c 'import statistics, sys
s = statistics.median(float(v) for v in sys.argv[1].split()); n = statistics.median(float(v) for v in sys.argv[2].split())
print(f"{s:.2f} {n:.2f} {s / n:.2f}")' "${shift_runs[*]}" "${none_runs[*]}")
  # The default recipe on one thread against two, through `train`: three interleaved runs each.
  one_runs=()
  two_runs=()
  for run in 1 2 3; do
    for threads in 1 2; do
      sleep 3
      seconds=$(PERCEPTRON_JAVA_OPTS="$jvm" ./perceptron train --epochs 4 --threads "$threads" -o /tmp/perceptron-threads.json \
        2>/dev/null | sed -n 's/.*, \([0-9.]*\)s per epoch (median).*/\1/p')
      if [ "$threads" = 1 ]; then one_runs+=("$seconds"); else two_runs+=("$seconds"); fi
    done
  done
  read -r one_median two_median threads_ratio < <(python3 -c 'import statistics, sys
o = statistics.median(float(v) for v in sys.argv[1].split()); t = statistics.median(float(v) for v in sys.argv[2].split())
print(f"{o:.2f} {t:.2f} {t / o:.2f}")' "${one_runs[*]}" "${two_runs[*]}")
  vector_bits=$(PERCEPTRON_JAVA_OPTS="$jvm" ./perceptron bench --layers 784,10 --epochs 1 --warmup-epochs 0 --json \
    | json_field vector_bits)
  # The portable kernel (a JVM without the incubator module) against the vector one, interleaved.
  portable_runs=()
  vector_runs=()
  for run in 1 2 3; do
    for kernel in portable vector; do
      sleep 3
      seconds=$(PERCEPTRON_JAVA_OPTS="$jvm -Dperceptron.kernel=$kernel" ./perceptron bench --layers 784,100,30,10 \
        --epochs $((epochs - 1)) --threads 2 --json | json_field seconds_per_epoch_median)
      if [ "$kernel" = portable ]; then portable_runs+=("$seconds"); else vector_runs+=("$seconds"); fi
    done
  done
  portable=$(python3 -c 'import statistics, sys; p = [float(v) for v in sys.argv[1].split()]; v = [float(v) for v in sys.argv[2].split()]
print(f"{statistics.median(p):.3f} s per epoch against {statistics.median(v):.3f} s: {statistics.median(p) / statistics.median(v):.2f}× slower")' \
    "${portable_runs[*]}" "${vector_runs[*]}")
  default_run=$(python3 -c 'import sys; print(f"{60 * float(sys.argv[1]):.0f}")' "$shift_median")
  sections+=("$(
    echo "## $name: ${vector_bits}-bit vectors"
    echo
    echo "float32 GEMM through numpy's OpenBLAS with its own kernel for this CPU (2048³, best of five) in the"
    echo "same run: ${sgemm[1]} GFLOP/s on one core, ${sgemm[2]} on two.${coretype:+ The numpy notebook ran with OPENBLAS_CORETYPE=$coretype.}"
    echo
    echo "| layers | threads | numpy s/epoch | PyTorch s/epoch | ours vs PyTorch | perceptron s/epoch | ours vs numpy | 2 threads / 1 | GFLOP/s | % of sgemm | inference of 10,000 (ms) |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "The default recipe ([784,512,10], dropout 0.2, ±2 px shifts), 4 epochs of \`train\`, three interleaved runs"
    echo "each: ${shift_median} s per epoch (runs: ${shift_runs[*]}), against ${none_median} s with \`--augment none\`"
    echo "(${none_runs[*]}): augmentation costs ${augment_ratio}× the epoch. Its 60 epochs train in about ${default_run} s."
    echo "On one thread against two (\`--threads 1\` and \`--threads 2\`, 4 epochs, three interleaved runs each):"
    echo "${one_median} s per epoch (${one_runs[*]}) against ${two_median} s (${two_runs[*]}): two threads take ${threads_ratio}× one's epoch."
    echo
    echo "The portable kernel (\`-Dperceptron.kernel=portable\`, what a JVM without the incubator module"
    echo "runs), [784,100,30,10] on two threads, three interleaved runs each: ${portable}."
  )")
  unset sgemm ours_median
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

# The kernels alone (JMH, widest path): the three products of one layer per batch of 100, as
# percentiles of single calls, since this kind of machine's speed drifts within a run.
(mvn -B -q -DskipTests -Dmaven.javadoc.skip=true package -pl benchmarks -am >/dev/null)
java -jar benchmarks/target/benchmarks.jar ProductBenchmark -p kernel=vector -p shape=784x100,784x512,800x800 \
  -wi 3 -w 1 -i 5 -r 1 -f 1 -bm sample -tu us -rf json -rff /tmp/perceptron-jmh.json >/dev/null
kernels=$(python3 - <<'PY'
import json
rows = []
for r in json.load(open("/tmp/perceptron-jmh.json")):
    p = r["params"]; m = r["primaryMetric"]
    k, n = map(int, p["shape"].split("x"))
    pct = m["scorePercentiles"]
    median, low, high = pct["50.0"], pct["0.0"], pct["90.0"]
    gflops = 2 * 100 * k * n / (median * 1e-6) / 1e9
    rows.append((p["shape"], r["benchmark"].rsplit(".", 1)[1], int(p["threads"]), median, low, high, gflops))
for shape, product, threads, median, low, high, g in sorted(rows):
    print(f"| {shape} | {product} | {threads} | {median:.1f} ({low:.1f}–{high:.1f}) | {g:.1f} |")
PY
)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)
{
  echo "# Performance"
  echo
  echo "Produced by \`scripts/performance.sh\` on $(date -u +%Y-%m-%d), $cpu, $(nproc) processors"
  echo "(SIMD: $(for f in avx2 avx512f asimd; do has "$f" && printf '%s ' "$f"; done)), Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)."
  echo "One training epoch is 60,000 images in batches of 100, softmax + cross-entropy, momentum."
  echo "numpy is the notebooks' algorithm (\`scripts/reference/notebook_numpy.py\`, which mirrors the"
  echo "notebooks' final network: float64, sigmoid hidden layers, momentum 0.95, the same layer sizes and"
  echo "batch; its median over $epochs epochs); ours is \`perceptron bench\` (float32, ReLU, synthetic"
  echo "MNIST-shaped data with MNIST's 19% non-zero pixels, median of $((epochs - 1)) epochs after three"
  echo "warm-up ones). PyTorch is \`scripts/reference/torch_mlp.py\` (${torch:-not installed here: \`pip install torch\`}):"
  echo "its CPU build training the network \`bench\` trains (float32, ReLU, softmax + cross-entropy, momentum 0.9"
  echo "at 0.01, batches of 100) on real MNIST, median of $((epochs - 1)) epochs after one warm-up; \"ours vs PyTorch\""
  echo "is its time over ours. Each side ran three times, interleaved: the table gives the median of the three"
  echo "medians, in brackets the range of the three medians (numpy, PyTorch) or of every epoch (ours). \"% of"
  echo "sgemm\" compares our GFLOP/s (the dense arithmetic of an epoch over its time; the zero-skipping"
  echo "of blank pixels can lift it above what is computed) with numpy's float32 GEMM on as many cores."
  echo
  printf '%s\n\n' "${sections[@]}"
  echo "Peak RSS of \`perceptron train\` on MNIST (default model, 2 epochs): $rss."
  echo
  echo "\`perceptron predict\` on one image with that model, wall time through the launcher: median $predict s"
  echo "of five runs (${predict_runs[*]} s)."
  echo
  echo "## The kernels (${paths[0]%%|*})"
  echo
  echo "JMH (\`benchmarks\` module, \`ProductBenchmark\`, vector kernel): one product of a batch of 100 at"
  echo "each layer shape \`in×out\`; the 784-wide input is MNIST-sparse (19% non-zero). Median of single"
  echo "calls over 5 one-second iterations, in brackets the fastest and the 90th percentile."
  echo
  echo "| shape | product | threads | µs | GFLOP/s |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "$kernels"
  echo
  echo "## The training step, and more cores"
  echo
  echo "A training step is one parallel region (\`Network.trainStep\`): each thread gathers, distorts, passes"
  echo "forward and back its own block of the batch's rows, reading the weights and waiting for no one; at the"
  echo "one barrier it turns to its block of every weight matrix's rows and bias columns, computes their"
  echo "gradients over the whole batch in row order and updates them while they are in its cache; the region's"
  echo "end is the second barrier. Nothing is allocated per step, and the bits are those of any other thread"
  echo "count (\`OneRegionStepTest\`). A network too small to pay for a second thread (under about half a"
  echo "million multiply-adds a step per thread, measured) runs on fewer."
  echo
  echo "On 8 or 16 cores we expect the step to keep gaining, with less each core: every hand-off is one"
  echo "thread to one barrier, never all to all, and each thread's data is its own block of rows, then its own"
  echo "block of weights. What limits it is the batch: 100 rows cut at multiples of four give at most 25"
  echo "blocks, and 16 threads get 6 or 7 rows each, where the row tiles (four rows) and the vector width"
  echo "leave part of each product's tile empty; the weight blocks (784 inputs) stay large. Each thread"
  echo "also reads every weight matrix in the forward pass, so past the last-level cache's share per core a"
  echo "larger batch (\`--batch 256\`) is the way to more cores. We have measured two cores only."
  echo
  echo "Reproduce: \`scripts/performance.sh\`. Where a goal is not met, [performance-analysis.md](performance-analysis.md)"
  echo "says what stands in the way, from profiles."
} > docs/performance.md
cat docs/performance.md
