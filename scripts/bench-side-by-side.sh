#!/usr/bin/env bash
# Two builds' `bench` at the same time, one thread each, round after round, so that both see the
# same machine: on a virtual machine whose speed drifts from minute to minute, the ratio within a
# round is the figure, never a time against an earlier run's.
#   scripts/bench-side-by-side.sh CHECKOUT_A CHECKOUT_B ROUNDS [bench options...]
# CHECKOUT_A and CHECKOUT_B are two clones (or `git worktree`s) at the commits to compare; the
# bench options default to a committee member's shape. Prints each round's two medians and B/A.
set -euo pipefail
if [ $# -lt 3 ] || ! [[ "$3" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/bench-side-by-side.sh CHECKOUT_A CHECKOUT_B ROUNDS [bench options...]" >&2
  exit 2
fi
a="$1" b="$2" rounds="$3"
shift 3
for checkout in "$a" "$b"; do
  [ -x "$checkout/perceptron" ] || { echo "bench-side-by-side.sh: '$checkout' has no ./perceptron" >&2; exit 2; }
  "$checkout/perceptron" --version >/dev/null   # builds it now, not inside a round
done
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--layers 784,800,800,10 --augment elastic,shift --epochs 3 --warmup 1 --momentum 0.9)
median() { sed -n 's/^training: \([0-9.]*\) s per epoch.*/\1/p' "$1"; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  "$a/perceptron" bench "${options[@]}" --threads 1 > "$out/a" 2>&1 &
  "$b/perceptron" bench "${options[@]}" --threads 1 > "$out/b" 2>&1 &
  wait
  ta="$(median "$out/a")" tb="$(median "$out/b")"
  [ -n "$ta" ] && [ -n "$tb" ] || { echo "bench-side-by-side.sh: a bench failed:" >&2; cat "$out/a" "$out/b" >&2; exit 1; }
  echo "round $round: A $ta s, B $tb s per epoch, B/A $(awk -v x="$tb" -v y="$ta" 'BEGIN { printf "%.2f", x / y }')"
done
