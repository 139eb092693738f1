#!/usr/bin/env bash
# Data-parallel training by parameter averaging, measured on MNIST (see docs/scale-out.md).
#
#   scripts/data-parallel.sh accuracy [--seeds N] [--epochs N]
#       Test accuracy of ordinary training against P = 4 shards averaged every K = 1, 10 and 150
#       mini-batches (150 = one local epoch of 15,000 images), and K = 1 at four times the learning
#       rate (averaging every step is one step on a 4x larger batch), over N seeds (default 3), on
#       the shards here (the bits are those of any cluster: the tests prove it).
#   scripts/data-parallel.sh rounds [--master URL]
#       What a round costs on Spark: one epoch of P = 2 shards with K = 300 (one round), 30 (10
#       rounds) and 3 (100 rounds) on --master (default local[2]), three times each, interleaved;
#       the slope of epoch time against rounds is the cost of a round, the rest the compute.
#
# Prints the CPU and a Markdown table. For the AVX2 path on an AVX-512 machine:
# PERCEPTRON_JAVA_OPTS=-XX:UseAVX=2 scripts/data-parallel.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-}"; shift || true
seeds=3; epochs=10; master='local[2]'
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    *) echo "usage: $0 accuracy|rounds [--seeds N] [--epochs N] [--master URL]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "data-parallel: python3 is needed for the tables" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./perceptron fetch --dataset mnist >/dev/null
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores; java opts: ${PERCEPTRON_JAVA_OPTS:-none}"

case "$what" in
  accuracy)
    recipe=(train --layers 784,256,10 --optimizer momentum --momentum 0.9 --schedule cosine
            --dropout 0 --augment none --epochs "$epochs" --json)
    for seed in $(seq 1 "$seeds"); do
      for way in ordinary P4-K1 P4-K10 P4-K150 P4-K1-lr4x; do
        case "$way" in
          ordinary) extra=(--lr 0.05) ;;
          P4-K1-lr4x) extra=(--lr 0.2 --shards 4 --local-steps 1) ;;
          P4-K*) extra=(--lr 0.05 --shards 4 --local-steps "${way#P4-K}") ;;
        esac
        ./perceptron "${recipe[@]}" --seed "$seed" "${extra[@]}" -o "$work/$way-$seed.json" >"$work/$way-$seed.jsonl"
        echo "$way seed $seed: $(tail -n 1 "$work/$way-$seed.jsonl" | python3 -c 'import json,sys; print(round(100*json.load(sys.stdin)["test_accuracy"], 2))')%"
      done
    done
    python3 - "$work" "$epochs" <<'PY'
import json, statistics, sys, glob, os
work, epochs = sys.argv[1], sys.argv[2]
print()
print(f"| training ({epochs} epochs) | test accuracy per seed | mean ± sd | s per epoch (median) |")
print("|---|---|---|---|")
for way, label in [("ordinary", "ordinary (one run)"), ("P4-K1", "P = 4, K = 1"), ("P4-K10", "P = 4, K = 10"),
                   ("P4-K150", "P = 4, K = 150 (one local epoch)"), ("P4-K1-lr4x", "P = 4, K = 1, learning rate 0.2 (4x)")]:
    accs, secs = [], []
    for path in sorted(glob.glob(os.path.join(work, f"{way}-[0-9]*.jsonl"))):
        events = [json.loads(l) for l in open(path)]
        accs.append(100 * events[-1]["test_accuracy"])
        secs += [e["seconds"] for e in events if e["event"] == "epoch"]
    sd = statistics.stdev(accs) if len(accs) > 1 else 0
    print(f"| {label} | {' / '.join(f'{a:.2f}' for a in accs)} | {statistics.mean(accs):.2f} ± {sd:.2f} | "
          f"{statistics.median(secs):.2f} |")
PY
    ;;
  rounds)
    for round in 1 2 3; do
      for k in 300 30 3; do
        ./perceptron-spark train --layers 784,256,10 --augment none --dropout 0 --epochs 1 --shards 2 \
            --local-steps "$k" --master "$master" --json -o "$work/k$k-$round.json" >"$work/k$k-$round.jsonl" 2>"$work/k$k-$round.err" \
          || { cat "$work/k$k-$round.err" >&2; exit 1; }
        echo "K = $k run $round: $(grep '"event":"epoch"' "$work/k$k-$round.jsonl" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["seconds"], 2))') s"
      done
    done
    python3 - "$work" "$master" <<'PY'
import json, statistics, sys, glob, os
work, master = sys.argv[1], sys.argv[2]
def seconds(k):
    return [json.loads([l for l in open(p) if '"event":"epoch"' in l][0])["seconds"]
            for p in sorted(glob.glob(os.path.join(work, f"k{k}-*.jsonl")))]
t = {k: seconds(k) for k in (300, 30, 3)}
m = {k: statistics.median(v) for k, v in t.items()}
per_round = (m[3] - m[300]) / 99
print()
print(f"| K (rounds an epoch), {master} | epoch s per run | median |")
print("|---|---|---|")
for k, rounds in ((300, 1), (30, 10), (3, 100)):
    print(f"| {k} ({rounds}) | {' / '.join(f'{s:.2f}' for s in t[k])} | {m[k]:.2f} |")
print()
print(f"a round costs {1000 * per_round:.1f} ms (slope, 1 to 100 rounds); the epoch's compute {m[300] - per_round:.2f} s")
PY
    ;;
  *) echo "usage: $0 accuracy|rounds [--seeds N] [--epochs N] [--master URL]" >&2; exit 2 ;;
esac
