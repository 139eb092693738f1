#!/usr/bin/env python3
"""The machine's float32 matrix-multiply rate through numpy's BLAS: the yardstick for "% of peak".

Prints GFLOP/s of the best of five 2048x2048x2048 products (set OPENBLAS_NUM_THREADS for the threads).
"""
import time

import numpy as np

n = 2048
a = np.random.default_rng(0).standard_normal((n, n), dtype=np.float32)
b = np.random.default_rng(1).standard_normal((n, n), dtype=np.float32)
a @ b  # warm-up: thread start, page faults
times = []
for _ in range(5):
    start = time.perf_counter()
    a @ b
    times.append(time.perf_counter() - start)
print(f"{2 * n ** 3 / min(times) / 1e9:.1f}")
