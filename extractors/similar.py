"""Token overlap between two phrases, for deduplication; the same tokens ``docmine eval`` compares.

>>> round(token_f1("Sở LĐTBXH chưa có sáng kiến", "chưa có sáng kiến"), 2)
0.5
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from docmine.evaluate import overlap as token_f1
from docmine.evaluate import tokens


def contained(a: str, b: str) -> float:
    """Share of the shorter phrase's tokens found in the longer one.

    >>> contained("chưa có sáng kiến", "Năm 2022, Sở chưa có sáng kiến mới")
    1.0
    """
    (ta, na), (tb, nb) = _counts(a), _counts(b)
    small = min(na, nb)
    return shared(ta, tb) / small if small else 0.0


def dice(a: str, b: str) -> float:
    """Token F1 of two phrases from their kept counts (``token_f1`` without re-reading them).

    >>> dice("chưa có sáng kiến", "Sở chưa có sáng kiến")
    0.8888888888888888
    """
    (ta, na), (tb, nb) = _counts(a), _counts(b)
    common = shared(ta, tb)
    return 2 * common / (na + nb) if common else 0.0


def shared(ca: Counter[str], cb: Counter[str]) -> int:
    """How many tokens two counts have in common (``sum((ca & cb).values())``, without building it).

    >>> shared(Counter("sở sở nội".split()), Counter("sở nội nội vụ".split()))
    2
    """
    if len(ca) > len(cb):
        ca, cb = cb, ca
    return sum(min(n, cb[k]) for k, n in ca.items() if k in cb)


@lru_cache(maxsize=8192)
def _counts(s: str) -> tuple[Counter[str], int]:
    """A phrase's tokens counted (never changed by callers), kept: one phrase is compared with many."""
    c = Counter(tokens(s))
    return c, sum(c.values())


__all__ = ["contained", "dice", "shared", "token_f1"]
