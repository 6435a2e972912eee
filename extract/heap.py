"""Giving freed memory back to the operating system.

Parsing a batch of sentences makes large short-lived arrays (the parser's activations, the
Docs of a batch). glibc's allocator keeps what they freed inside the process: the heap only
shrinks from its top, and one small object still alive above a freed stretch pins it. A long
document's batches then each leave their peak behind, and a 20 MB file's resident memory
climbed batch by batch (a 6 MB text: 237 MB before its first batch, 407 MB after its fifth,
though the Python objects alive after each batch were the same few MB). `release()` after a
batch asks the allocator to return every free page (malloc_trim), so each batch starts from
what is really alive."""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release() -> bool:
    """Return the allocator's free memory to the operating system; False where it cannot."""
    trim = _malloc_trim()
    return bool(trim is not None and trim(0) >= 0)
