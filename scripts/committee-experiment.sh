#!/usr/bin/env bash
# The committee experiments of docs/experiments-committee.md: trains `--preset committee-five` (five
# members) with each seed given (default: 1), then grows it to seven members (the same command with
# --committee 7 trains only members 6 and 7), timing every member as it ends on one clock; then
# evaluates each committee against its members and the committees of its first k members, and
# writes the table and the plot.
#   scripts/committee-experiment.sh [--five] [--seeds-only] [--long EPOCHS [--deep|--ciresan]] [SEED...]
# --five trains the preset's five members only, without the growth to seven: the spread over whole
# committees (scripts/committee-experiment.sh --five 101 201, beside seed 1's run) compares fives.
# The preset's members see the digits as they are, deskewed, and 12, 16 and 20 pixels wide; its
# figures go to docs/experiments/committee/normalised/. --seeds-only trains the earlier preset,
# whose members differ by seed alone (--normalise none), into docs/experiments/committee/.
# Member k of the committee of seed S has seed S+k-1, so committees of seeds closer than their size
# share members: for the spread over whole committees give seeds far apart, e.g. 1 101 201.
# --long EPOCHS trains two seeds-only members of EPOCHS epochs each instead (the cosine schedule
# spread over them), into docs/experiments/committee/long-members/: what longer members give
# (scripts/committee_budget.py sets it against the 130-epoch committees); --long 300 takes about
# 50 minutes on two cores. --deep, after --long, makes those two members [784,600,600,600,10] (a third
# hidden layer at about the same weights), into docs/experiments/committee/deep-members/. --ciresan,
# after --long, gives those two members Cireşan et al.'s elastic field (alpha 37, sigma 5.5, with the
# shifts) instead of Simard et al.'s 34 and 4, into docs/experiments/committee/ciresan-members/:
# --long 300 --ciresan trains what `--preset committee` does.
# One seed takes about 70 minutes on two cores (a Zen 3 with AVX2: 51 for the five, 18 for two
# more). The label-smoothing recipe that lost (label-smoothing/) ran as --committee 8
# --label-smoothing 0.1 --epochs 90, without the growth. Models go to models/committee-SEED.json;
# the figures to docs/experiments/committee/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/experiments/committee/normalised"
extra=()
name=committee
sizes=(5 7)
five=false
# Says that the experiment was already chosen by an earlier option, and exits: a later one must not
# silently replace it (--long 300 --seeds-only would train the 70-minute preset instead).
one_experiment() {
  echo "committee-experiment.sh: $1 and an earlier --seeds-only or --long are two experiments; give one" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --five) sizes=(5); five=true ;;
    --seeds-only) [ "$name" = committee ] || one_experiment "$1"
                  out="$root/docs/experiments/committee"; extra=(--normalise none); name=committee-seeds ;;
    --long) [ "$name" = committee ] || one_experiment "$1"
            if ! [[ "${2:-}" =~ ^[1-9][0-9]*$ ]]; then
              echo "committee-experiment.sh: --long takes the members' epochs, a whole number above 0, as --long 300" >&2
              exit 2
            fi
            out="$root/docs/experiments/committee/long-members"; extra=(--normalise none --epochs "$2"); sizes=(2)
            name=committee-long; shift ;;
    --deep|--ciresan)
            if [ "$name" != committee-long ]; then
              echo "committee-experiment.sh: $1 comes after --long EPOCHS, once (--deep and --ciresan are two experiments)" >&2
              exit 2
            fi
            if [ "$1" = --deep ]; then
              out="$root/docs/experiments/committee/deep-members"; extra+=(--layers 784,600,600,600,10)
              name=committee-deep
            else
              out="$root/docs/experiments/committee/ciresan-members"; extra+=(--augment elastic:37:5.5,shift)
              name=committee-ciresan
            fi ;;
    *) break ;;
  esac
  shift
done
if $five && [ "$name" != committee ] && [ "$name" != committee-seeds ]; then
  echo "committee-experiment.sh: --five is the preset's five; --long trains two" >&2
  exit 2
fi
mkdir -p "$out" "$root/models"
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1)
"$root/perceptron" --version >/dev/null   # builds first, so that the clock times training only
for seed in "${seeds[@]}"; do
  model="$root/models/$name-$seed.json"
  start=$(date +%s)
  # Each line of events-SEED.txt: the seconds since the start, then train's JSON event.
  for members in "${sizes[@]}"; do
    "$root/perceptron" train --preset committee-five ${extra[@]+"${extra[@]}"} --committee "$members" --seed "$seed" --json \
      -o "$model" \
      | while IFS= read -r line; do echo "$(( $(date +%s) - start )) $line"; done
  done > "$out/events-$seed.txt"
  "$root/perceptron" evaluate -m "$model" --json > "$out/evaluate-$seed.json"
done
python3 "$root/scripts/committee_report.py" "$out" > "$out/table.md"
echo "wrote $out/table.md and $out/accuracy.svg"
