#!/usr/bin/env bash
# The same 12-trial tune on MNIST three ways, interleaved over ROUNDS rounds (default 3): one trial
# after another (./perceptron tune, every trial on all the threads), two at once on this machine
# (--parallel-trials 2), and as Spark tasks on local[2] (./perceptron-spark tune --master local[2]).
# Prints each run's wall time, the medians and ranges, and checks that all three searches end with
# the same trials and winner. For the AVX2 path on an AVX-512 machine:
# PERCEPTRON_JAVA_OPTS=-XX:UseAVX=2 scripts/scale-out.sh
#
#   scripts/scale-out.sh [--rounds N] [--epochs N]
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
epochs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--epochs N]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "scale-out: python3 is needed for the medians" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
search=(tune --trials 12 --epochs "$epochs" --param lr=log:0.02:0.3 --param 'dropout=0|0.1|0.2'
        --param 'layers=784,128,10|784,256,10' --json)

./perceptron fetch --dataset mnist >/dev/null
# A first, untimed call of each launcher builds what is missing.
./perceptron --version >/dev/null
./perceptron-spark --version >/dev/null

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores;" \
     "java opts: ${PERCEPTRON_JAVA_OPTS:-none}; $epochs epochs a trial"
for round in $(seq 1 "$rounds"); do
  for way in sequential side-by-side spark-local; do
    case "$way" in
      sequential) command=(./perceptron "${search[@]}") ;;
      side-by-side) command=(./perceptron "${search[@]}" --parallel-trials 2) ;;
      spark-local) command=(./perceptron-spark "${search[@]}" --master 'local[2]') ;;
    esac
    out="$work/$way-$round"
    start=$(date +%s.%N)
    "${command[@]}" --out "$out" >"$out.jsonl" 2>"$out.err" || { cat "$out.err" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$way $(python3 -c "print(round($end - $start, 1))")" | tee -a "$work/times"
  done
done

python3 - "$work" <<'PY'
import json, statistics, sys, glob, os
work = sys.argv[1]
times = {}
for line in open(os.path.join(work, "times")):
    way, seconds = line.split()
    times.setdefault(way, []).append(float(seconds))
base = statistics.median(times["sequential"])
print()
print("| trials run | wall s per run | median | vs one after another |")
print("|---|---|---|---|")
for way, label in [("sequential", "one after another"), ("side-by-side", "--parallel-trials 2"),
                   ("spark-local", "Spark local[2]")]:
    m = statistics.median(times[way])
    print(f"| {label} | {' / '.join(f'{t:.1f}' for t in times[way])} | {m:.1f} | {base / m:.2f}x |")
def search(path):
    events = [json.loads(l) for l in open(path)]
    return [(e["trial"], e["params"], e["validation_accuracy"]) for e in events if e["event"] == "trial"], \
           [(e["best_trial"], e["test_accuracy"]) for e in events if e["event"] == "done"]
results = {os.path.basename(p): search(p) for p in glob.glob(os.path.join(work, "*.jsonl"))}
first = next(iter(results.values()))
same = all(r == first for r in results.values())
print()
print(f"every run: the same 12 trials and winner: {'yes' if same else 'NO'}; best trial {first[1][0][0]}, "
      f"test accuracy {100 * first[1][0][1]:.2f}%")
sys.exit(0 if same else 1)
PY
