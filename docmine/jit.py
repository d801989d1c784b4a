"""Compiled loops (numba) for the few places where Python per element is the cost: a PDF page's
glyphs, paths and words. Compiled code is cached on disk beside the module, or in the user's cache
folder; where neither can be written (a read-only install and home) each process compiles anew
(about 2 s) instead of failing.

>>> jit(lambda a, b: a + b)(2, 3)
5
"""

from __future__ import annotations

from collections.abc import Callable

import numba


def jit(fn: Callable) -> Callable:
    """``fn`` compiled by numba (no Python objects inside), cached on disk where it can be."""
    try:
        return numba.njit(cache=True)(fn)
    except RuntimeError:  # "cannot cache function ...: no locator available for file ..."
        return numba.njit(fn)
