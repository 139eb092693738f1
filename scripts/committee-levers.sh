#!/usr/bin/env bash
# The lever runs of docs/experiments-committee.md: one member of the committee recipe per lever,
# trained for 40 epochs on 50,000 training images and measured on the other 10,000 (a stratified
# validation split drawn with seed 1): the test set is never looked at to choose. Two runs go side
# by side on one thread each; about 40 minutes on two cores (a Zen 3 with AVX2).
#   scripts/committee-levers.sh [EPOCHS]
# Writes docs/experiments/committee/levers/NAME.events (train --json) and levers.md (the table).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/experiments/committee/levers"
epochs="${1:-40}"
mkdir -p "$out"
"$root/perceptron" --version >/dev/null   # builds once, before the runs start side by side
record=(--layers 784,800,800,10 --activation relu --loss cross-entropy --init he --optimizer nesterov --lr 0.1
        --momentum 0.9 --schedule cosine --batch 100 --dropout 0 --seed 1 --validation 10000 --threads 1 --json)
lever() {
  local name="$1"; shift
  "$root/perceptron" train "${record[@]}" --epochs "$epochs" -o "$out/$name.json" "$@" > "$out/$name.events"
  rm -f "$out/$name.json"
}
lever base --augment elastic,shift & lever affine --augment elastic,shift,rotate,scale & wait
lever ls01 --augment elastic,shift --label-smoothing 0.1 & lever swa10 --augment elastic,shift --average-last 10 & wait
lever ls02 --augment elastic,shift --label-smoothing 0.2 & lever ls01swa10 --augment elastic,shift --label-smoothing 0.1 --average-last 10 & wait
python3 "$root/scripts/committee_levers.py" "$out" > "$out/levers.md"
echo "wrote $out/levers.md"
