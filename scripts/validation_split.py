#!/usr/bin/env python3
"""Writes a validation dataset: the first N training images of an MNIST-layout IDX directory as its
training split, the remaining ones as its test split (t10k-*), so that any command run with
`--data OUT` measures on images the training split holds out, never on the test set.
   python3 scripts/validation_split.py SOURCE_DIR OUT_DIR [N=50000]
Standard library only.
"""
import pathlib
import struct
import sys


def split(source, out, kept):
    out.mkdir(parents=True, exist_ok=True)
    images = (source / "train-images-idx3-ubyte").read_bytes()
    labels = (source / "train-labels-idx1-ubyte").read_bytes()
    magic, count, rows, cols = struct.unpack(">IIII", images[:16])
    if magic != 2051 or struct.unpack(">II", labels[:8]) != (2049, count) or not 0 < kept < count:
        sys.exit(f"{source}: not MNIST-layout training files, or N={kept} is not below {count}")
    size = rows * cols
    for name, first, last in (("train", 0, kept), ("t10k", kept, count)):
        n = last - first
        (out / f"{name}-images-idx3-ubyte").write_bytes(struct.pack(">IIII", 2051, n, rows, cols)
                                                        + images[16 + first * size:16 + last * size])
        (out / f"{name}-labels-idx1-ubyte").write_bytes(struct.pack(">II", 2049, n) + labels[8 + first:8 + last])


if __name__ == "__main__":
    split(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 50000)
