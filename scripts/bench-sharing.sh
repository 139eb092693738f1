#!/usr/bin/env bash
# What a committee member's epoch costs on two cores, shared three ways, in one run: one member alone
# on two threads, two members at once on one thread each, three at once on one thread each. Prints,
# per round, the wall-clock seconds one member's epoch costs each way (an epoch's median divided by
# the members running at once): the figures of "Tried and not kept: members taking turns" in
# docs/experiments-committee.md.
#   scripts/bench-sharing.sh [ROUNDS]
set -euo pipefail
rounds="${1:-2}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/bench-sharing.sh [ROUNDS]" >&2; exit 2; }
cd "$(dirname "$0")/.."
./perceptron --version >/dev/null   # builds it now, not inside a round
options=(--layers 784,800,800,10 --augment elastic,shift --epochs 2 --warmup 1 --momentum 0.9)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
median() { sed -n 's/^training: \([0-9.]*\) s per epoch.*/\1/p' "$1"; }
# Runs `at_once` benches together on `threads` threads each; prints the mean of their medians / at_once.
share() {
  local at_once="$1" threads="$2" i
  for i in $(seq 1 "$at_once"); do
    ./perceptron bench "${options[@]}" --threads "$threads" > "$out/$i" 2>&1 &
  done
  wait
  for i in $(seq 1 "$at_once"); do
    [ -n "$(median "$out/$i")" ] || { echo "bench-sharing.sh: a bench failed:" >&2; cat "$out/$i" >&2; exit 1; }
    median "$out/$i"
  done | awk -v n="$at_once" '{ s += $1 } END { printf "%.2f", s / NR / n }'
}
for round in $(seq 1 "$rounds"); do
  # One assignment each: in one line, a failing share would run the others and its status be lost.
  alone="$(share 1 2)"
  two="$(share 2 1)"
  three="$(share 3 1)"
  echo "round $round: s a member's epoch costs: alone on two threads $alone, two at once $two, three at once $three"
done
