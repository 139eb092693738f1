#!/usr/bin/env python3
"""The committee experiment's table and plot, from the files scripts/committee-experiment.sh writes.

For each seed: events-SEED.txt (seconds since the start, then train's JSON events, of every run
that made or grew the committee) and
evaluate-SEED.json (the committee, each member alone, and the committee of the first k members,
on the test set). Prints a markdown table; writes accuracy.svg: test accuracy against the number of
members, and against the minutes of training at which that committee was complete. Seeds listed in
shared-machine.txt (one per line) trained beside other work: their clock is no timing figure, so
their minutes are left out of the table, the median and the time panel.
Standard library only.
"""
import json
import pathlib
import statistics
import sys


def read_seed(directory, seed):
    events = []
    for line in (directory / f"events-{seed}.txt").read_text().splitlines():
        seconds, _, event = line.partition(" ")
        if event.startswith("{"):
            events.append((int(seconds), json.loads(event)))
    figures = json.loads((directory / f"evaluate-{seed}.json").read_text())
    # A committee of the first k members exists once members 1..k are done.
    done_at = {}
    for seconds, event in events:
        if event.get("event") == "member":
            done_at[event["member"]] = seconds
    minutes = []
    for k in range(1, len(figures["first_members"]) + 1):
        minutes.append(max(done_at.get(m, 0) for m in range(1, k + 1)) / 60)
    # The last committee saved (a grown one comes after the first).
    total = [seconds for seconds, event in events if event.get("event") == "done"][-1] / 60
    return figures, minutes, total


def svg(series, path):
    width, height, pad = 900, 360, 50
    panel = (width - 3 * pad) / 2
    accuracies = [100 * a for s in series for a in s["committee"] + s["members"]]
    low, high = min(accuracies) - 0.05, max(accuracies) + 0.05
    max_members = max(len(s["committee"]) for s in series)
    # When every seed shared its machine, the time panel has no points: any scale will do. At least a
    # minute, so that a committee complete within its first minute still has a scale.
    max_minutes = max(1.0, max((max(s["minutes"]) for s in series if not s["shared"]), default=60) * 1.05)

    def y(accuracy):
        return pad + (high - 100 * accuracy) / (high - low) * (height - 2 * pad)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="white"/>']
    for p, (title, label) in enumerate([("test accuracy against members", "members"),
                                        ("test accuracy against training time", "minutes on two cores")]):
        x0 = pad + p * (panel + pad)
        parts.append(f'<text x="{x0 + panel / 2}" y="20" text-anchor="middle">{title}</text>')
        parts.append(f'<text x="{x0 + panel / 2}" y="{height - 10}" text-anchor="middle">{label}</text>')
        parts.append(f'<line x1="{x0}" y1="{height - pad}" x2="{x0 + panel}" y2="{height - pad}" stroke="black"/>')
        parts.append(f'<line x1="{x0}" y1="{pad}" x2="{x0}" y2="{height - pad}" stroke="black"/>')
        for tick in range(int(low * 10), int(high * 10) + 1):
            value = tick / 10
            if low <= value <= high:
                parts.append(f'<text x="{x0 - 5}" y="{y(value / 100) + 4}" text-anchor="end">{value:.1f}%</text>')
                parts.append(f'<line x1="{x0}" y1="{y(value / 100)}" x2="{x0 + panel}" y2="{y(value / 100)}" stroke="#eee"/>')
        for s, colour in zip(series, ["#1f77b4", "#d62728", "#2ca02c"]):
            if p == 0:
                xs = [x0 + (k - 0.5) / max_members * panel for k in range(1, len(s["committee"]) + 1)]
                for k, member in enumerate(s["members"]):
                    parts.append(f'<circle cx="{xs[k]}" cy="{y(member)}" r="3" fill="none" stroke="{colour}"/>')
                for k, x in enumerate(xs):
                    parts.append(f'<text x="{x}" y="{height - pad + 15}" text-anchor="middle">{k + 1}</text>')
            else:
                if s["shared"]:
                    continue
                xs = [x0 + m / max_minutes * panel for m in s["minutes"]]
                for m in range(0, int(max_minutes) + 1, 10):
                    parts.append(f'<text x="{x0 + m / max_minutes * panel}" y="{height - pad + 15}" text-anchor="middle">{m}</text>')
            points = " ".join(f"{x},{y(a)}" for x, a in zip(xs, s["committee"]))
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for x, a in zip(xs, s["committee"]):
                parts.append(f'<circle cx="{x}" cy="{y(a)}" r="3.5" fill="{colour}"/>')
        if p == 0:
            parts.append(f'<text x="{x0 + panel - 5}" y="{pad + 12}" text-anchor="end">line: committee of the first k;'
                         ' rings: member k alone</text>')
            for i, (s, colour) in enumerate(zip(series, ["#1f77b4", "#d62728", "#2ca02c"])):
                parts.append(f'<text x="{x0 + panel - 5}" y="{height - pad - 8 - 14 * (len(series) - 1 - i)}" '
                             f'text-anchor="end" fill="{colour}">'
                             f'seed {s["seed"]}</text>')
        elif any(s["shared"] for s in series):
            parts.append(f'<text x="{x0 + panel - 5}" y="{pad + 12}" text-anchor="end">seeds trained on a shared machine'
                         ' are not drawn</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n")


def main():
    directory = pathlib.Path(sys.argv[1])
    seeds = sorted(int(p.stem.split("-")[1]) for p in directory.glob("evaluate-*.json"))
    listed = directory / "shared-machine.txt"
    shared = {int(line.split()[0]) for line in listed.read_text().splitlines() if line.strip()} if listed.exists() else set()
    series = []
    print("| seed | members | committee of the first k: test accuracy | member k alone | committee complete after |")
    print("|---|---|---|---|---|")
    for seed in seeds:
        figures, minutes, total = read_seed(directory, seed)
        committee = [f["accuracy"] for f in figures["first_members"]]
        members = [f["accuracy"] for f in figures["members"]]
        series.append({"seed": seed, "committee": committee, "members": members, "minutes": minutes,
                       "shared": seed in shared})
        clock = (lambda m: "(machine shared)") if seed in shared else (lambda m: f"{m:.1f} min")
        for k in range(len(committee)):
            print(f"| {seed} | {k + 1} | {100 * committee[k]:.2f}% | {100 * members[k]:.2f}% | {clock(minutes[k])} |")
        print(f"| {seed} | all | **{100 * figures['accuracy']:.2f}%** (best member {100 * max(members):.2f}%) | | "
              f"{clock(total)}, saved |")
    if len(seeds) > 1:
        # Compared at the size every seed reached (the preset's five when one seed was grown to seven).
        size = min(len(s["committee"]) for s in series)
        committees = [100 * s["committee"][size - 1] for s in series]
        best = [100 * max(s["members"][:size]) for s in series]
        gains = [c - b for c, b in zip(committees, best)]
        minutes = [s["minutes"][size - 1] for s in series if not s["shared"]]
        print(f"\nOver {len(seeds)} seeds, committees of {size} (mean ± sample sd): the committee "
              f"{statistics.mean(committees):.2f}% ± {statistics.stdev(committees):.2f}, its best member "
              f"{statistics.mean(best):.2f}% ± {statistics.stdev(best):.2f}, the committee's gain over its best "
              f"member {statistics.mean(gains):+.2f} ± {statistics.stdev(gains):.2f} points (each seed: "
              f"{', '.join(f'{g:+.2f}' for g in gains)})"
              + (f"; complete after {statistics.median(minutes):.1f} min (median of {len(minutes)}; "
                 f"{min(minutes):.1f}-{max(minutes):.1f})" if minutes else "") + ".")
    svg(series, directory / "accuracy.svg")


if __name__ == "__main__":
    main()
