#!/usr/bin/env python3
"""The lab notebooks' training algorithm in numpy, to time perceptron against it on the same machine.

This mirrors the notebooks' final network ("notebook 000"), written afresh for this project: float64
matrices with one column per example, sigmoid hidden layers, a softmax output trained on
cross-entropy (output delta p - y), N(0, 1) initial weights and biases, mini-batches of 100, and
momentum 0.95 with the notebooks' L2 term inside the velocity:
    v <- 0.95 v - (eta / batch) * grad - 3e-6 * w,   w <- w + v,   eta = 3.0.
It reads MNIST's IDX files (raw or .gz) from --data and prints one JSON line with the seconds of
every epoch and their median. Only the speed is of interest here; accuracy is not reported.

usage: notebook_numpy.py --data DIR [--layers 784,100,30,10] [--epochs 6] [--seed 1]
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
    def __init__(self, sizes, rng):
        self.weights = [rng.standard_normal((n, m)) for m, n in zip(sizes[:-1], sizes[1:])]
        self.biases = [rng.standard_normal((n, 1)) for n in sizes[1:]]
        self.velocity_w = [np.zeros_like(w) for w in self.weights]
        self.velocity_b = [np.zeros_like(b) for b in self.biases]

    def step(self, x, y, eta=3.0, l2=3e-6, momentum=0.95):
        # Forward, keeping every layer's activation (columns are examples).
        activations = [x]
        for w, b in zip(self.weights[:-1], self.biases[:-1]):
            activations.append(sigmoid(w @ activations[-1] + b))
        p = softmax(self.weights[-1] @ activations[-1] + self.biases[-1])
        # Backward: softmax with cross-entropy gives p - y at the output.
        delta = p - y
        grads_w = [None] * len(self.weights)
        grads_b = [None] * len(self.biases)
        for layer in range(len(self.weights) - 1, -1, -1):
            grads_w[layer] = delta @ activations[layer].T
            grads_b[layer] = delta.sum(axis=1, keepdims=True)
            if layer > 0:
                a = activations[layer]
                delta = (self.weights[layer].T @ delta) * a * (1 - a)
        scale = eta / x.shape[1]
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
    args = parser.parse_args()
    sizes = [int(s) for s in args.layers.split(",")]
    images = read_idx(args.data, "train-images-idx3-ubyte").reshape(-1, 784).T / 255.0
    labels = read_idx(args.data, "train-labels-idx1-ubyte")
    targets = np.zeros((10, labels.size))
    targets[labels, np.arange(labels.size)] = 1.0
    rng = np.random.default_rng(args.seed)
    net = Network(sizes, rng)
    seconds = []
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = rng.permutation(labels.size)
        for i in range(0, labels.size, args.batch):
            batch = order[i:i + args.batch]
            net.step(images[:, batch], targets[:, batch])
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"layers": sizes, "epochs": args.epochs, "seconds_per_epoch": seconds,
                      "seconds_per_epoch_median": statistics.median(seconds)}))


if __name__ == "__main__":
    main()
