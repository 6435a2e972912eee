"""Which matrix multiplication the trained pipeline runs on.

Most of the time spent parsing goes to the tok2vec layer's matrix products. Thinc computes
them with its bundled BLIS by default; NumPy's OpenBLAS wheel has kernels for more processors
(AVX-512 among them), and on the benchmark machine it multiplies tok2vec's matrices 2.8x faster
on one thread. Neither wins everywhere, so the pipeline is loaded with whichever is faster on
the machine it runs on, measured once per process on matrices of tok2vec's shape.

BLAS threads are held to one: extraction runs in one process per core, and a threaded BLAS
in each would fight the others for the same cores."""
from __future__ import annotations

import time
from functools import lru_cache

import numpy
from threadpoolctl import threadpool_limits
from thinc.api import NumpyOps

# a batch of tokens through one maxout layer of en_core_web_sm's tok2vec: 96 wide, window 1
# (3 x 96 inputs), 3 pieces (3 x 96 outputs)
PROBE_SHAPE = (2_000, 288, 288)
PROBE_RUNS = 5
MARGIN = 0.9  # NumPy must be at least 10% faster to be chosen over thinc's default


def _best_time(ops: NumpyOps, x: numpy.ndarray, w: numpy.ndarray) -> float:
    best = float("inf")
    for _ in range(PROBE_RUNS):
        started = time.perf_counter()
        ops.gemm(x, w, trans2=True)
        best = min(best, time.perf_counter() - started)
    return best


@lru_cache(maxsize=1)
def one_blas_thread() -> None:
    """Hold NumPy's BLAS to one thread in this process, once."""
    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def use_blis() -> bool:
    """True when thinc's BLIS multiplies tok2vec-shaped matrices about as fast as NumPy's
    BLAS on one thread on this machine, else False. The process keeps to one BLAS thread from
    then on."""
    one_blas_thread()
    rows, inputs, outputs = PROBE_SHAPE
    rng = numpy.random.default_rng(0)
    x = rng.random((rows, inputs), dtype="float32")
    w = rng.random((outputs, inputs), dtype="float32")
    with_blis = _best_time(NumpyOps(use_blis=True), x, w)
    with_numpy = _best_time(NumpyOps(use_blis=False), x, w)
    return not with_numpy < MARGIN * with_blis
