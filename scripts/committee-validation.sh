#!/usr/bin/env bash
# The committee-level check of docs/experiments-committee.md: two committees of four members
# (30 epochs each, seeds 1..4), the record recipe with and without label smoothing 0.1, trained on
# the first 50,000 MNIST training images and evaluated on the last 10,000, which they never saw:
# a validation split written as a dataset of its own (scripts/validation_split.py), so that
# `evaluate --data` measures on it and never on the test set. About 25 minutes on two cores.
#   scripts/committee-validation.sh
# Writes docs/experiments/committee/validation/{plain,ls01}.{events,evaluate.json}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/experiments/committee/validation"
data="${PERCEPTRON_DATA:-$HOME/.cache/perceptron}"
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
mkdir -p "$out"
"$root/perceptron" fetch >/dev/null
python3 "$root/scripts/validation_split.py" "$data/mnist" "$split" 50000
recipe=(--layers 784,800,800,10 --activation relu --loss cross-entropy --init he --optimizer nesterov --lr 0.1
        --momentum 0.9 --schedule cosine --batch 100 --dropout 0 --augment elastic,shift --epochs 30 --seed 1
        --committee 4 --data "$split" --json)
for name in plain ls01; do
  extra=()
  [ "$name" = ls01 ] && extra=(--label-smoothing 0.1)
  "$root/perceptron" train "${recipe[@]}" "${extra[@]}" -o "$split/$name.json" > "$out/$name.events"
  "$root/perceptron" evaluate -m "$split/$name.json" --data "$split" --json > "$out/$name.evaluate.json"
done
python3 - "$out" <<'PY'
import json, pathlib, sys
for name in ("plain", "ls01"):
    d = json.loads((pathlib.Path(sys.argv[1]) / f"{name}.evaluate.json").read_text())
    print(f"{name}: committee {100 * d['accuracy']:.2f}%, members "
          + ", ".join(f"{100 * m['accuracy']:.2f}%" for m in d["members"]))
PY
