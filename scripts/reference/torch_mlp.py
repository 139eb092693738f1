#!/usr/bin/env python3
"""PyTorch's CPU build training the network `perceptron bench` trains, to time it beside ours.

The same work per step as `bench`'s defaults: float32, ReLU hidden layers, a softmax output on
cross-entropy, classical momentum 0.9 at a learning rate of 0.01 (torch.optim.SGD), no L2, no
dropout, no augmentation, mini-batches of 100 drawn from the 60,000 training images of MNIST,
reshuffled every epoch. Pixels are scaled to [0, 1] once, up front, as a PyTorch user would; ours
scale each batch as they gather it (so this side does a little less). The first epoch warms up
(and is not counted); the others are timed.

It reads MNIST's IDX files (raw or .gz) from --data and prints one JSON line: the seconds of
every timed epoch, their median, the threads and torch's version.

usage: torch_mlp.py --data DIR [--layers 784,100,30,10] [--epochs 5] [--threads 2] [--seed 1]
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notebook_numpy import read_idx  # noqa: E402  (the same IDX reader as the notebook's mirror)


def network(sizes):
    layers = []
    for i, (m, n) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(m, n))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--layers", default="784,100,30,10")
    parser.add_argument("--epochs", type=int, default=5, help="timed epochs, after one warm-up epoch")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    sizes = [int(s) for s in args.layers.split(",")]
    images = read_idx(args.data, "train-images-idx3-ubyte")
    labels = read_idx(args.data, "train-labels-idx1-ubyte")
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))
    if x.shape[1] != sizes[0]:
        raise SystemExit(f"--layers starts with {sizes[0]} inputs, the images have {x.shape[1]} pixels")

    model = network(sizes)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_of = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    seconds = []
    for epoch in range(args.epochs + 1):
        start = time.perf_counter()
        order = torch.randperm(len(x), generator=generator)
        for first in range(0, len(x) - args.batch + 1, args.batch):
            batch = order[first:first + args.batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_of(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
        if epoch > 0:
            seconds.append(time.perf_counter() - start)
    print(json.dumps({"layers": sizes, "threads": args.threads, "torch": torch.__version__,
                      "seconds_per_epoch": [round(s, 4) for s in seconds],
                      "seconds_per_epoch_median": round(statistics.median(seconds), 4)}))


if __name__ == "__main__":
    main()
