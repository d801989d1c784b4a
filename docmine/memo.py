"""A function's values kept per word: a page's or a text's words repeat, so each is worked out once.

>>> lengths = PerWord(len)
>>> lengths["sở"], lengths["sở"], len(lengths)
(2, 2, 1)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class PerWord(dict, Generic[V]):
    """``fn`` of each word looked up, kept; all forgotten once more than ``limit`` are kept (a batch of
    thousands of documents must not grow it without end)."""

    def __init__(self, fn: Callable[[str], V], limit: int = 200_000) -> None:
        super().__init__()
        self.fn, self.limit = fn, limit

    def __missing__(self, word: str) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value
