"""Token overlap between two phrases, for deduplication (abbreviations expanded, accents kept).

>>> round(token_f1("Sở LĐTBXH chưa có sáng kiến", "chưa có sáng kiến"), 2)
0.5
"""

from __future__ import annotations

import re
from collections import Counter

from docmine.normalize import canonical


def tokens(s: str) -> list[str]:
    from extractors.common import ABBREV

    s = canonical(s)
    for short, long in ABBREV.items():
        s = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", long, s)
    return re.findall(r"\w+", s.casefold())


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def contained(a: str, b: str) -> float:
    """Share of the shorter phrase's tokens found in the longer one.

    >>> contained("chưa có sáng kiến", "Năm 2022, Sở chưa có sáng kiến mới")
    1.0
    """
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    small = min(sum(ta.values()), sum(tb.values()))
    return sum((ta & tb).values()) / small if small else 0.0
