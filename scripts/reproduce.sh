#!/usr/bin/env bash
# Every committed result, reproduced bit for bit on this machine (issue 29):
#   seed-tasks  docs/experiments.md: compare --preset seed-tasks --seeds 5 --epochs 30, every epoch of
#               every run against docs/experiments/results.csv (all columns but the seconds);
#   best        the best preset's first epochs (default 2; BEST_EPOCHS=N) of seed 1, trained by
#               `train` with the preset's options for its 200 epochs and stopped with SIGTERM,
#               against docs/experiments/best/results.csv.
# The figures are printed with six decimals, so a match is the same training, float for float.
# Usage: scripts/reproduce.sh [seed-tasks] [best]   (both when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# The columns that do not depend on the machine's speed: all but the last, the seconds (a configuration's
# name may hold commas, so the seconds are cut from the end).
figures() {
  sed 's/,[^,]*$//' "$1"
}

seed_tasks() {
  echo "seed-tasks: compare --preset seed-tasks --seeds 5 --epochs 30 (about 10 minutes on two cores)"
  ./perceptron compare --preset seed-tasks --seeds 5 --epochs 30 --out "$work/seed-tasks" \
    --report "$work/seed-tasks/report.md" </dev/null >"$work/seed-tasks.log"
  if diff <(figures docs/experiments/results.csv) <(figures "$work/seed-tasks/results.csv") >"$work/seed-tasks.diff"; then
    echo "seed-tasks: $(($(wc -l <docs/experiments/results.csv) - 1)) epochs, all the same to six decimals"
  else
    echo "seed-tasks: DIFFERS from docs/experiments/results.csv:"
    head -20 "$work/seed-tasks.diff"
    failed=1
  fi
}

best() {
  local epochs=${BEST_EPOCHS:-2}
  echo "best: the best preset's first $epochs epochs of seed 1 (of 200), stopped with SIGTERM"
  ./perceptron train --layers 784,800,800,10 --activation relu --loss cross-entropy --init he --optimizer nesterov \
    --lr 0.1 --momentum 0.9 --schedule cosine --batch 100 --dropout 0 --augment elastic,shift --seed 1 --epochs 200 \
    --json -o "$work/best.json" </dev/null >"$work/best.jsonl" 2>"$work/best.err" &
  local pid=$!
  # An epoch is its JSON line; stop after the last one wanted (the run saves a checkpoint and exits 143 or 130).
  while kill -0 "$pid" 2>/dev/null && [ "$(grep -c '"event":"epoch"' "$work/best.jsonl" || true)" -lt "$epochs" ]; do
    sleep 1
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  # The run's epochs in the committed CSV's form: configuration, seed, epoch, then the four figures.
  sed -n 's/.*"epoch":\([0-9]*\),"train_loss":\([^,]*\),"train_accuracy":\([^,]*\),"test_loss":\([^,]*\),"test_accuracy":\([^,]*\),.*/\1 \2 \3 \4 \5/p' \
    "$work/best.jsonl" | sed -n "1,${epochs}p" |
    while read -r epoch loss accuracy test_loss test_accuracy; do
      printf '"best: [784,800,800,10] elastic + shift",1,%d,%.6f,%.6f,%.6f,%.6f\n' "$epoch" "$loss" "$accuracy" \
        "$test_loss" "$test_accuracy"
    done >"$work/best.csv"
  # sed reads to the end: with pipefail, head could end the pipeline through SIGPIPE to grep (exit 141).
  grep '^"best: \[784,800,800,10\] elastic + shift",1,' docs/experiments/best/results.csv | sed 's/,[^,]*$//' |
    sed -n "1,${epochs}p" >"$work/best.expected"
  if [ "$(wc -l <"$work/best.csv")" -eq "$epochs" ] && diff "$work/best.expected" "$work/best.csv" >"$work/best.diff"; then
    echo "best: epochs 1..$epochs of seed 1 the same to six decimals"
  else
    echo "best: DIFFERS from docs/experiments/best/results.csv:"
    cat "$work/best.diff" "$work/best.err" | sed -n 1,20p
    failed=1
  fi
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(seed-tasks best)
for target in "${targets[@]}"; do
  case "$target" in
    seed-tasks) seed_tasks ;;
    best) best ;;
    *) echo "unknown target '$target': seed-tasks or best" >&2; exit 2 ;;
  esac
done
exit "$failed"
