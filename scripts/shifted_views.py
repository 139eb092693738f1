#!/usr/bin/env python3
"""Test-time shifts, measured on a validation split: each member of a committee file (or a single
network) answers with the mean of its probabilities on the image and on copies shifted by one pixel
(`plus`: up, down, left, right; `3x3`: the eight neighbours), and the committee with the mean of
those. It reads the model's weights and runs them in numpy (float32), so it measures the idea before
anything is built; `none` must give what `evaluate --data` gives for the same file.
Members with an input normalisation are left out (this probe does not resample).

   python3 scripts/shifted_views.py MODEL.json DATA_DIR    (DATA_DIR: t10k-* IDX files, as
                                                              scripts/validation_split.py writes)
Needs numpy.
"""
import json
import sys

import numpy as np


def idx(path, offset):
    with open(path, "rb") as f:
        return np.frombuffer(f.read()[offset:], np.uint8)


def probabilities(member, x):
    params = {(p["layer"], p["name"]): np.array(p["values"], np.float32).reshape(p["shape"])
              for p in member["parameters"]}
    layers = sorted({layer for layer, _ in params})
    h = x
    for i, layer in enumerate(layers):
        h = h @ params[(layer, "weights")] + params[(layer, "biases")]
        if i < len(layers) - 1:
            h = np.maximum(h, 0)
    e = np.exp(h - h.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def shifted(images, dx, dy):
    """Each image moved dx right and dy down, the uncovered pixels blank."""
    out = np.zeros_like(images)
    h, w = images.shape[1:]
    src = images[:, max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)]
    out[:, max(0, dy):max(0, dy) + src.shape[1], max(0, dx):max(0, dx) + src.shape[2]] = src
    return out.reshape(len(images), -1).astype(np.float32) / 255


def main(model_path, data):
    model = json.load(open(model_path))
    images = idx(f"{data}/t10k-images-idx3-ubyte", 16).reshape(-1, 28, 28)
    labels = idx(f"{data}/t10k-labels-idx1-ubyte", 8)
    members = [m for m in model.get("members", [model]) if not m["architecture"]["input"].get("normalisation")]
    views = {"none": [(0, 0)],
             "plus": [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)],
             "3x3": [(x, y) for x in (-1, 0, 1) for y in (-1, 0, 1)]}

    def report(name, p):
        accuracy = (p.argmax(1) == labels).mean()
        loss = -np.log(np.maximum(p[np.arange(len(labels)), labels], 1e-12)).mean()
        print(f"{name}: {100 * accuracy:.2f}%, loss {loss:.4f}")

    for view, shifts in views.items():
        each = []
        for k, member in enumerate(members):
            p = sum(probabilities(member, shifted(images, dx, dy)) for dx, dy in shifts) / len(shifts)
            each.append(p)
            report(f"{view}: member {k + 1}", p)
        report(f"{view}: committee of {len(each)}", sum(each) / len(each))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
