#!/usr/bin/env bash
# The committee-level checks of docs/experiments-committee.md: committees of four members (30 epochs
# each, seeds 1..4) of the record recipe, and of variants of it, trained on the first 50,000 MNIST
# training images and evaluated on the last 10,000, which they never saw: a validation split
# written as a dataset of its own (scripts/validation_split.py), so that `evaluate --data` measures
# on it and never on the test set. About 13 minutes a variant on two cores.
#   scripts/committee-validation.sh [VARIANT[:EPOCHS]...]   (default: plain ls01)
# Variants: plain (the recipe), ls01 (label smoothing 0.1), mixed (four architectures of about the
# same cost, one per member: [784,800,800,10], [784,1000,400,10], [784,600,600,600,10] and
# [784,1500,10]), swa (weight averaging of the last 8 epochs, --average-last 8), normalised (each
# member sees the digits its own way: as they are, deskewed, 12 and 16 pixels wide), normalised5
# (five members: those four, then 20 pixels wide; about 19 minutes), deskew (every member
# deskewed, differing by seed alone), alternate (as they are, deskewed, as they are, deskewed),
# long (two members of 60 epochs: the training of four of 30, spent on length instead of count),
# pair (two members of 60 epochs, the preset's first two: as they are, then deskewed), affine (two
# members of 60 epochs, as long, with rotations of ±15° and scaling of ±10% on top of the elastic
# distortions and shifts: Cireşan et al.'s record MLPs trained with both), wide (two members of
# [784,1200,1200,10], 1.9 times the multiply-adds of [784,800,800,10]: wide:80 costs what long:150 does),
# l2 and l2small (two members of 60 epochs, as long, with weight decay λ 0.005 and 0.001: decoupled
# from the momentum, so about what a coupled 5e-4 and 1e-4 would do), deep (two members of
# [784,600,600,600,10]: a third hidden layer at about the weights of [784,800,800,10]), depths (one
# of each: long's first member and deep's second, so a pair that differs by depth as well as seed),
# ciresan (two members of 60 epochs, as long, with Cireşan et al.'s elastic field, alpha 37 and
# sigma 5.5, instead of Simard et al.'s 34 and 4: smoother, and a quarter smaller mid-image), ciresan6
# (the same with alpha 36 and sigma 6, the smooth end of their range), batch50 (two
# members of 60 epochs, as long, in batches of 50: twice the updates at the same rate).
# VARIANT:EPOCHS trains each member that many epochs instead (long:150 normalised5:60 compares two
# members against five at about the same training), and names its files VARIANT-EPOCHS.
# Writes docs/experiments/committee/validation/VARIANT[-EPOCHS].{events,evaluate.json}. With
# --test-too first, each committee is also evaluated on the MNIST test set (VARIANT.test.json): the
# same models on both sets, to see whether the split's verdicts carry over; nothing is chosen on it.
#   scripts/committee-validation.sh [--test-too] [VARIANT[:EPOCHS]...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/experiments/committee/validation"
data="${PERCEPTRON_DATA:-$HOME/.cache/perceptron}"

# Sets name, file, epochs and extra for VARIANT[:EPOCHS], or says what is wrong and exits.
variant() {
  name="${1%%:*}"
  local asked=""
  [ "$1" = "$name" ] || asked="${1#*:}"
  if [ "$1" != "$name" ] && ! [[ "$asked" =~ ^[1-9][0-9]*$ ]]; then
    echo "committee-validation.sh: '$1': the epochs after ':' must be a whole number above 0" >&2
    exit 2
  fi
  epochs=30
  augment=elastic,shift
  layers=784,800,800,10
  batch=100
  case "$name" in
    plain) extra=(--committee 4) ;;
    ls01) extra=(--committee 4 --label-smoothing 0.1) ;;
    mixed) extra=(--committee 4 --committee-layers "784,800,800,10|784,1000,400,10|784,600,600,600,10|784,1500,10") ;;
    swa) extra=(--committee 4 --average-last 8) ;;
    normalised) extra=(--committee 4 --committee-normalise "none|deskew|width12|width16") ;;
    normalised5) extra=(--committee 5 --committee-normalise "none|deskew|width12|width16|width20") ;;
    deskew) extra=(--committee 4 --normalise deskew) ;;
    alternate) extra=(--committee 4 --committee-normalise "none|deskew|none|deskew") ;;
    long) extra=(--committee 2); epochs=60 ;;
    pair) extra=(--committee 2 --committee-normalise "none|deskew"); epochs=60 ;;
    affine) extra=(--committee 2); epochs=60; augment=elastic,shift,rotate,scale ;;
    wide) extra=(--committee 2); epochs=60; layers=784,1200,1200,10 ;;
    l2) extra=(--committee 2 --l2 0.005); epochs=60 ;;
    l2small) extra=(--committee 2 --l2 0.001); epochs=60 ;;
    deep) extra=(--committee 2); epochs=60; layers=784,600,600,600,10 ;;
    depths) extra=(--committee 2 --committee-layers "784,800,800,10|784,600,600,600,10"); epochs=60 ;;
    ciresan) extra=(--committee 2); epochs=60; augment=elastic:37:5.5,shift ;;
    ciresan6) extra=(--committee 2); epochs=60; augment=elastic:36:6,shift ;;
    batch50) extra=(--committee 2); epochs=60; batch=50 ;;
    *) echo "committee-validation.sh: unknown variant '$name' (plain, ls01, mixed, swa, normalised, normalised5, deskew, alternate, long, pair, affine, wide, l2, l2small, deep, depths, ciresan, ciresan6 or batch50)" >&2
       exit 2 ;;
  esac
  epochs="${asked:-$epochs}"
  file="$name${asked:+-$asked}"
}

test_too=false
if [ "${1:-}" = --test-too ]; then
  test_too=true
  shift
fi
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(plain ls01)
# Every variant is checked before anything is fetched or trained: a typo in the last one must not
# wait for the first one's hour.
for spec in "${variants[@]}"; do
  variant "$spec"
done
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
mkdir -p "$out"
"$root/perceptron" fetch >/dev/null
python3 "$root/scripts/validation_split.py" "$data/mnist" "$split" 50000
recipe=(--activation relu --loss cross-entropy --init he --optimizer nesterov --lr 0.1
        --momentum 0.9 --schedule cosine --dropout 0 --seed 1 --data "$split" --json)
for spec in "${variants[@]}"; do
  variant "$spec"
  "$root/perceptron" train "${recipe[@]}" --layers "$layers" --augment "$augment" --batch "$batch" --epochs "$epochs" "${extra[@]}" -o "$split/$file.json" > "$out/$file.events"
  "$root/perceptron" evaluate -m "$split/$file.json" --data "$split" --json > "$out/$file.evaluate.json"
  if $test_too; then
    "$root/perceptron" evaluate -m "$split/$file.json" --data "$data/mnist" --json > "$out/$file.test.json"
  fi
done
python3 - "$out" <<'PY'
import json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.evaluate.json")):
    d = json.loads(path.read_text())
    name = path.name.split('.')[0]
    test = path.with_name(name + ".test.json")  # written by --test-too: the same models on the test set
    also = f"; test set: committee {100 * json.loads(test.read_text())['accuracy']:.2f}%" if test.exists() else ""
    print(f"{name}: committee {100 * d['accuracy']:.2f}%, members "
          + ", ".join(f"{100 * m['accuracy']:.2f}%" for m in d["members"]) + also)
PY
