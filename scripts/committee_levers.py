#!/usr/bin/env python3
"""The lever table of docs/experiments-committee.md from the NAME.events files of
scripts/committee-levers.sh: each run's validation accuracy and loss at its last epoch, the mean of
its last five epochs' validation accuracy, and the difference from the base run. Standard library only.
"""
import json
import pathlib
import sys

LEVERS = {
    "base": "elastic + shift (the record recipe)",
    "affine": "+ rotations ±15° and scaling ±10%",
    "ls01": "+ label smoothing 0.1",
    "ls02": "+ label smoothing 0.2",
    "swa10": "+ weight averaging of the last 10 epochs",
    "ls01swa10": "+ label smoothing 0.1 and weight averaging of the last 10",
}


def epochs(path):
    return [e for e in (json.loads(line) for line in path.read_text().splitlines() if line.startswith("{"))
            if e.get("event") == "epoch"]


def main(directory):
    runs = {name: epochs(directory / f"{name}.events") for name in LEVERS if (directory / f"{name}.events").exists()}
    base = runs["base"][-1]["validation_accuracy"]
    print("| lever | validation accuracy, last epoch | mean of the last 5 | validation loss (plain cross-entropy) | vs base |")
    print("|---|---|---|---|---|")
    for name, history in runs.items():
        last = history[-1]
        tail = sum(e["validation_accuracy"] for e in history[-5:]) / len(history[-5:])
        print(f"| {LEVERS[name]} | {100 * last['validation_accuracy']:.2f}% | {100 * tail:.2f}% "
              f"| {last['validation_loss']:.4f} | {100 * (last['validation_accuracy'] - base):+.2f} |")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
