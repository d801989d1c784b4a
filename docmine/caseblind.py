"""Case-blind words found fast: a pattern compiled with ``re.IGNORECASE`` is tried by the regex
engine at every offset of a text (it cannot skip ahead to a letter that has cases); one that opens
with the class of its words' first letters is tried only where such a letter is.

>>> [m.group(0) for m in blind_words(["ký bởi", "thời gian ký"]).finditer("KÝ BỞI: ..., Thời Gian Ký: ...")]
['KÝ BỞI', 'Thời Gian Ký']
"""

from __future__ import annotations

import re

# what re.IGNORECASE takes each of these lower-case letters for (a test checks them over the BMP)
CASES = {"a": "aA", "b": "bB", "c": "cC", "d": "dD", "đ": "đĐ", "g": "gG", "h": "hH", "i": "iI\u0130\u0131",
         "k": "kK\u212a", "l": "lL", "m": "mM", "n": "nN", "p": "pP", "q": "qQ", "s": "sS\u017f", "t": "tT",
         "v": "vV", "x": "xX", "y": "yY", "ứ": "ứỨ"}  # fmt: skip


def blind_words(words: list[str]) -> re.Pattern[str]:
    """``re.compile("|".join(words), re.IGNORECASE)`` for words (patterns without a top-level ``|``) that
    open with a letter of :data:`CASES`, written to open with the class of their first letters: a
    pattern case-blind as a whole is tried at every offset of a text, this one only where such a
    letter is. At an offset the words are tried in their order, as the alternation tries them.

    >>> [m.group(0) for m in blind_words(["hạn chế", "tồn tại"]).finditer("Tồn tại, HẠN CHẾ và hạn")]
    ['Tồn tại', 'HẠN CHẾ']
    """
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0].lower(), []).append(w[1:])
    branches = "|".join(f"(?<=[{CASES[c]}])(?i:{'|'.join(rest)})" for c, rest in by_first.items())
    return re.compile(f"[{''.join(CASES[c] for c in by_first)}](?:{branches})")
