#!/usr/bin/env python3
"""The lab notebooks' training algorithms in numpy, to measure perceptron against them on the same machine.

Written afresh for this project, mirroring the notebooks' two networks. Both use float64 matrices with
one column per example, sigmoid hidden layers, N(0, 1) initial weights and biases and mini-batches of 100.
- "000" (the default; for speed): a softmax output trained on cross-entropy (output delta p - y), the
  examples reshuffled every epoch, and momentum 0.95 with the notebooks' L2 term inside the velocity:
      v <- 0.95 v - (eta / batch) * grad - 3e-6 * w,   w <- w + v,   eta = 3.0.
- "004" (the baseline; for accuracy): a sigmoid output trained on half squared error (output delta
  (a - y) a (1 - a)), plain SGD at eta = 3.0, batches in the data's own order.
It reads MNIST's IDX files (raw or .gz) from --data and prints one JSON line with the seconds of every
epoch, their median and, with --accuracy, the test accuracy after every epoch.

usage: notebook_numpy.py --data DIR [--notebook 000|004] [--layers 784,100,30,10] [--epochs 6] [--seed 1] [--accuracy]
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import time

import numpy as np


def read_idx(directory, stem):
    for name, opener in ((stem, open), (stem + ".gz", gzip.open)):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            with opener(path, "rb") as f:
                data = f.read()
            dims = data[3]
            shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    raise SystemExit(f"{os.path.join(directory, stem)}: not found (nor .gz)")


def sigmoid(z):
    # exp overflows to inf for very negative z, which gives the right limit, 0: no warning needed.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


class Network:
    def __init__(self, sizes, rng, notebook="000"):
        self.notebook = notebook
        self.weights = [rng.standard_normal((n, m)) for m, n in zip(sizes[:-1], sizes[1:])]
        self.biases = [rng.standard_normal((n, 1)) for n in sizes[1:]]
        self.velocity_w = [np.zeros_like(w) for w in self.weights]
        self.velocity_b = [np.zeros_like(b) for b in self.biases]

    def output(self, z):
        return softmax(z) if self.notebook == "000" else sigmoid(z)

    def predict(self, x):
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            x = sigmoid(w @ x + b)
        return self.output(self.weights[-1] @ x + self.biases[-1]).argmax(axis=0)

    def step(self, x, y, eta=3.0, l2=3e-6, momentum=0.95):
        # Forward, keeping every layer's activation (columns are examples).
        activations = [x]
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            activations.append(sigmoid(w @ activations[-1] + b))
        p = self.output(self.weights[-1] @ activations[-1] + self.biases[-1])
        # Backward: softmax with cross-entropy gives p - y at the output; a sigmoid output under
        # half squared error gives (p - y) p (1 - p).
        delta = p - y if self.notebook == "000" else (p - y) * p * (1 - p)
        grads_w = [None] * len(self.weights)
        grads_b = [None] * len(self.biases)
        for layer in range(len(self.weights) - 1, -1, -1):
            grads_w[layer] = delta @ activations[layer].T
            grads_b[layer] = delta.sum(axis=1, keepdims=True)
            if layer > 0:
                a = activations[layer]
                delta = (self.weights[layer].T @ delta) * a * (1 - a)
        scale = eta / x.shape[1]
        if self.notebook == "004":
            for i in range(len(self.weights)):
                self.weights[i] -= scale * grads_w[i]
                self.biases[i] -= scale * grads_b[i]
            return
        for i in range(len(self.weights)):
            self.velocity_w[i] = momentum * self.velocity_w[i] - scale * grads_w[i] - l2 * self.weights[i]
            self.velocity_b[i] = momentum * self.velocity_b[i] - scale * grads_b[i]
            self.weights[i] += self.velocity_w[i]
            self.biases[i] += self.velocity_b[i]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--layers", default="784,100,30,10")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--notebook", choices=["000", "004"], default="000")
    parser.add_argument("--accuracy", action="store_true", help="measure the test set after every epoch")
    args = parser.parse_args()
    sizes = [int(s) for s in args.layers.split(",")]
    images = read_idx(args.data, "train-images-idx3-ubyte").reshape(-1, 784).T / 255.0
    labels = read_idx(args.data, "train-labels-idx1-ubyte")
    targets = np.zeros((10, labels.size))
    targets[labels, np.arange(labels.size)] = 1.0
    rng = np.random.default_rng(args.seed)
    net = Network(sizes, rng, args.notebook)
    if args.accuracy:
        test_images = read_idx(args.data, "t10k-images-idx3-ubyte").reshape(-1, 784).T / 255.0
        test_labels = read_idx(args.data, "t10k-labels-idx1-ubyte")
    seconds = []
    accuracy = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = rng.permutation(labels.size) if args.notebook == "000" else np.arange(labels.size)
        for i in range(0, labels.size, args.batch):
            batch = order[i:i + args.batch]
            net.step(images[:, batch], targets[:, batch])
        seconds.append(time.perf_counter() - start)
        if args.accuracy:
            accuracy.append(float((net.predict(test_images) == test_labels).mean()))
    result = {"notebook": args.notebook, "layers": sizes, "epochs": args.epochs, "seed": args.seed,
              "seconds_per_epoch": seconds, "seconds_per_epoch_median": statistics.median(seconds)}
    if args.accuracy:
        result["test_accuracy"] = accuracy
    print(json.dumps(result))


if __name__ == "__main__":
    main()
