"""Vietnamese numbers and dates.

>>> parse_number("92,35"), parse_number("1.670"), parse_number("1.44"), parse_number("08")
(92.35, 1670, 1.44, 8)
>>> parse_pair("3/18"), parse_date("ngày 08 tháng 01 năm 2025"), parse_date("ngày   tháng  năm 2023")
((3, 18), '2025-01-08', '2023')
"""

from __future__ import annotations

import re
from datetime import date

NUMBER_RE = r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?"
# NUMBER_RE as one digit then the rest: a pattern that opens with it lets the regex engine skip ahead to
# digits (one that opens with a repeat or a look-ahead is tried at every position)
NUMBER_AT_DIGIT = r"\d(?:\d{0,2}(?:\.\d{3})+(?!\d)(?:,\d+)?|\d*(?:[.,]\d+)?)"
_SIGNED_NUMBER = re.compile(r"[+-]?(?:" + NUMBER_RE + ")")


def parse_number(s: str, *, max_value: float | None = None) -> int | float | None:
    """Read a Vietnamese-written number; ints stay ints.

    ``92,35`` is 92.35; ``1.670`` is 1670 (a dot before exactly three digits groups thousands)
    unless ``max_value`` says the number is a score with a smaller maximum; ``1.44`` and
    ``11.5`` are decimals; ``1.234.567`` and ``1.670,5`` group thousands.

    >>> parse_number("1.670", max_value=100), parse_number("11.5"), parse_number("1.234.567")
    (1.67, 11.5, 1234567)
    >>> parse_number("abc") is None
    True
    """
    s = s.strip().replace(" ", "")
    if s.isdigit() and s.isascii():
        return int(s)
    if not _SIGNED_NUMBER.fullmatch(s):
        return None
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    if "," in s and "." in s:  # 1.670,5
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    elif "." in s:
        head, tail = s.split(".")
        if len(tail) == 3 and not (max_value is not None and float(s) <= max_value < float(head + tail)):
            s = head + tail
    elif s.count(",") == 1:
        s = s.replace(",", ".")
    else:
        s = s.replace(",", "")
    v = float(s) * sign
    return int(v) if v.is_integer() and "." not in s else v


def parse_pair(s: str) -> tuple[int, int] | None:
    """``3/18`` -> (3, 18); ``01/09`` -> (1, 9); a date-like ``12/2023`` is not a pair.

    >>> parse_pair("01/09"), parse_pair("07/06/2023")
    ((1, 9), None)
    """
    m = re.fullmatch(r"\s*(\d{1,4})\s*/\s*(\d{1,4})\s*", s)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if b == 0 or len(m.group(2)) == 4 and b >= 1900:
        return None
    return a, b


_MONTH_YEAR = r"(?:tháng\s*(\d{1,2}|\s*)\s*(?:năm|/)\s*(\d{4}))"
DATE_RE = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"  # 07/06/2023
    r"|ngày\s*(\d{1,2}|\s*)\s*tháng\s*(\d{1,2}|\s*)\s*năm\s*(\d{4})"  # ngày 08 tháng 01 năm 2025 / blanks
    r"|ngày\s*/\s*(\d{1,2})\s*/\s*(\d{4})"  # ngày /4/2022
    r"|tháng\s*(\d{1,2})\s*(?:năm|/)\s*(\d{4})",  # tháng 4 năm 2022
    re.IGNORECASE,
)


def _iso(y: str, m: str | None = None, d: str | None = None) -> str | None:
    yi = int(y)
    if not 1900 <= yi <= 2100:
        return None
    mi = int(m) if m and m.strip() else None
    di = int(d) if d and d.strip() else None
    if mi is None or not 1 <= mi <= 12:
        return f"{yi:04d}"
    if di is None:
        return f"{yi:04d}-{mi:02d}"
    try:
        return date(yi, mi, di).isoformat()
    except ValueError:
        return f"{yi:04d}-{mi:02d}"


def date_from_match(m: re.Match[str]) -> str | None:
    g = m.groups()
    if g[0]:
        return _iso(g[2], g[1], g[0])
    if g[5]:
        return _iso(g[5], g[4], g[3])
    if g[7]:
        return _iso(g[7], g[6])
    if g[9]:
        return _iso(g[9], g[8])
    return None


def parse_date(s: str) -> str | None:
    """First date in ``s`` as an ISO string, as precise as the text allows.

    >>> parse_date("ngày 07/06/2023"), parse_date("ngày /4/2022"), parse_date("Hà Nội")
    ('2023-06-07', '2022-04', None)
    """
    m = DATE_RE.search(s)
    return date_from_match(m) if m else None
