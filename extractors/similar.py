"""Token overlap between two phrases, for deduplication; the same tokens ``docmine eval`` compares.

>>> round(token_f1("Sở LĐTBXH chưa có sáng kiến", "chưa có sáng kiến"), 2)
0.5
"""

from __future__ import annotations

from collections import Counter

from docmine.evaluate import overlap as token_f1
from docmine.evaluate import tokens


def contained(a: str, b: str) -> float:
    """Share of the shorter phrase's tokens found in the longer one.

    >>> contained("chưa có sáng kiến", "Năm 2022, Sở chưa có sáng kiến mới")
    1.0
    """
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    small = min(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / small if small else 0.0


__all__ = ["contained", "token_f1"]
