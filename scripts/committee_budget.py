#!/usr/bin/env python3
"""How much training 99.60% would take: committee test error against member-epochs.

Reads the seeds-only committees' figures that scripts/committee-experiment.sh wrote
(docs/experiments/committee/evaluate-SEED.json: the committee of the first k members, each member
130 epochs) and, when present, the committee of longer-trained members in
docs/experiments/committee/long-members/evaluate-1.json (its members' epochs from its events file).
Fits error = c * (member-epochs)^-alpha to the mean error of the first-k committees over the seeds
(least squares on the logarithms), and prints the member-epochs the fit needs for 0.40% error and
what the hour holds on the machine measured: --epochs-per-hour N (default 897: two members of 130
epochs side by side in 1,044 s, one thread each, Zen 3 AVX2, the seeds 2-6 run).
Standard library only.
  python3 scripts/committee_budget.py [docs/experiments/committee] [--epochs-per-hour N]
"""
import json
import math
import pathlib
import statistics
import sys

MEMBER_EPOCHS = 130


def first_k(directory):
    """Mean test error (%) of the committee of the first k members, over the seeds that reached k."""
    by_k = {}
    for path in sorted(directory.glob("evaluate-*.json")):
        figures = json.loads(path.read_text())
        for k, committee in enumerate(figures["first_members"], start=1):
            by_k.setdefault(k, []).append(100 * (1 - committee["accuracy"]))
    return {k: (statistics.mean(errors), len(errors)) for k, errors in sorted(by_k.items())}


def long_members(directory):
    """(member-epochs, members, epochs each, committee error %, members' errors %) of the longer run, or None."""
    figures_path = directory / "long-members" / "evaluate-1.json"
    events_path = directory / "long-members" / "events-1.txt"
    if not figures_path.exists() or not events_path.exists():
        return None
    figures = json.loads(figures_path.read_text())
    events = [json.loads(event) for _, _, event in (line.partition(" ") for line in events_path.read_text().splitlines())
              if event.startswith("{")]
    epochs = [event["kept_epoch"] for event in events if event.get("event") == "member"]
    members = [100 * (1 - m["accuracy"]) for m in figures["members"]]
    return sum(epochs), len(epochs), epochs[0], 100 * (1 - figures["accuracy"]), members


def fit(points):
    """Least squares of log(error) on log(member-epochs): (c, alpha)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my - slope * mx), -slope


def main(argv):
    directory = pathlib.Path("docs/experiments/committee")
    per_hour = 897.0
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--epochs-per-hour":
            per_hour = float(args.pop(0))
        else:
            directory = pathlib.Path(arg)
    committees = first_k(directory)
    print("| members x epochs | member-epochs | committees | mean test error | mean test accuracy |")
    print("|---|---|---|---|---|")
    points = []
    for k, (error, seeds) in committees.items():
        points.append((k * MEMBER_EPOCHS, error))
        print(f"| {k} x {MEMBER_EPOCHS} | {k * MEMBER_EPOCHS} | {seeds} | {error:.3f}% | {100 - error:.2f}% |")
    longer = long_members(directory)
    if longer:
        total, members, each, error, member_errors = longer
        print(f"| {members} x {each} | {total} | 1 | {error:.3f}% | {100 - error:.2f}% "
              f"(members {', '.join(f'{100 - e:.2f}%' for e in member_errors)}) |")
    c, alpha = fit(points)
    print()
    print(f"fit over the {MEMBER_EPOCHS}-epoch committees: error = {c:.3f}% x (member-epochs)^-{alpha:.3f}")
    if longer:
        predicted = c * longer[0] ** -alpha
        print(f"the fit predicts {100 - predicted:.2f}% at {longer[0]} member-epochs; "
              f"{longer[1]} members of {longer[2]} epochs reached {100 - longer[3]:.2f}%")
    needed = (c / 0.40) ** (1 / alpha)
    print(f"by more members of {MEMBER_EPOCHS} epochs, 0.40% error (99.60%) needs about {needed:,.0f} member-epochs "
          f"({needed / MEMBER_EPOCHS:.0f} members): {needed / per_hour:.1f} hours at {per_hour:.0f} member-epochs an hour")
    print(f"the hour holds {per_hour:.0f} member-epochs: {100 - c * per_hour ** -alpha:.2f}% by the fit")


if __name__ == "__main__":
    main(sys.argv[1:])
