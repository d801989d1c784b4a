"""When a task is due: a date, a month, a quarter, a year, a span of days, or how often it recurs.

Deadlines are ISO where the date is whole (``trước ngày 20/02/2025`` is ``2025-02-20``, ``trong tháng
8/2025`` is ``2025-08``, ``trong năm 2026`` is ``2026``), else as written (``trong Quý I năm 2026``,
``trước ngày 30/6``, ``hằng tuần``, ``trước 16 giờ ngày thứ Sáu hằng tuần``, ``trong thời hạn 30 ngày
làm việc``, ``thường xuyên``). Of several in one text, a date goes before a recurrence and a
recurrence before ``thường xuyên``/``định kỳ``.

>>> find_deadline("Hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.").value
'2025-02-20'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_DATE_RE = re.compile(_DATE)
_DAY_MONTH = r"\d{1,2}\s*/\s*\d{1,2}(?!\s*[/\d])"
_CLOCK = r"\d{1,2}\s*(?:giờ|g|h)\s*(?:\d{2}\s*(?:phút|’|')?)?"
_BY = r"(?:trước|chậm nhất(?:\s+(?:là|vào))?)"
# by kind, in order of precedence
_DEADLINES: list[tuple[str, re.Pattern[str]]] = [
    ("monthly", re.compile(rf"{_BY}\s+ngày\s+\d{{1,2}}\s+(?:hằng|hàng)\s+tháng", re.I)),
    (
        "date",
        re.compile(
            rf"(?:{_BY}|hạn chót|không quá|đến hết|vào|trong)\s+(?:{_CLOCK}\s*,?\s*)?ngày\s+(?:{_DATE})"
            rf"|{_BY}\s+(?:{_CLOCK}\s*,?\s*)?(?:{_DATE})",
            re.I,
        ),
    ),
    ("day", re.compile(rf"{_BY}\s+(?:ngày\s+)?{_DAY_MONTH}", re.I)),
    (
        "month",
        re.compile(
            r"(?:trong|trước|chậm nhất trong|hoàn thành trong|cuối|hết)\s+tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})",
            re.I,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"(?:trong|trước|hoàn thành trong|cuối|hết)\s+quý\s+(?:[IV]{1,3}|\d)\s*(?:/|năm)\s*\d{4}", re.I
        ),
    ),
    (  # ``trong 03 tháng cuối năm 2024 và những tháng đầu năm 2025``
        "period",
        re.compile(
            r"trong\s+(?:(?:\d{1,2}|những|các)\s+)?tháng\s+(?:cuối|đầu)\s+năm\s+\d{4}"
            r"(?:\s+và\s+(?:(?:\d{1,2}|những|các)\s+)?tháng\s+(?:cuối|đầu)\s+năm\s+\d{4})?",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            r"(?:trong|trước|hoàn thành trong|cuối|hết|ngay trong)\s+năm\s+(\d{4})(?!\s*(?:[-–]\s*\d|và|đến|,\s*\d))",
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            r"(?:trong(?:\s+thời hạn|\s+vòng)?|sau|chậm nhất sau)\s+\d{1,3}\s+ngày(?:\s+làm việc)?"
            r"(?:\s+kể từ(?:\s+ngày)?\s+[^,.;:]{3,60})?",
            re.I,
        ),
    ),
    (
        "weekly",
        re.compile(
            rf"(?:(?:hằng|hàng)\s+tuần\s*,?\s*)?trước\s+{_CLOCK}\s*(?:,?\s*(?:ngày\s+)?thứ\s+(?:\w+|\d))?"
            r"(?:\s+(?:hằng|hàng)\s+tuần)?",
            re.I,
        ),
    ),
    (
        "recurring",
        re.compile(r"(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)(?:\s*\((?:vào\s+)?[^()]{1,20}\))?", re.I),
    ),
    ("from", re.compile(r"(?:bắt đầu\s+)?(?:từ|kể từ)\s+tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}", re.I)),
    ("soon", re.compile(r"trong\s+(?:tháng|tuần|quý|năm)\s+(?:này|tới)", re.I)),
    # ``thường xuyên`` as how often a task is done (``Thường xuyên theo dõi``, ``Thực hiện thường xuyên``),
    # not as an adjective (``lỗi thường xuyên``, ``chi thường xuyên``)
    (
        "regular",
        re.compile(
            r"(?<!lỗi )(?<!chi )(?<!sự )(?<!vụ )(?:thường xuyên|định kỳ|liên tục)(?!\s+(?:trên|của|tại)\b)",
            re.I,
        ),
    ),
]
# a word each kind cannot do without, looked for before its pattern
_NEEDS = {
    "monthly": ("tháng",), "date": ("ngày", "/", "-", "."), "day": ("/",), "month": ("tháng",), "quarter": ("quý",),
    "period": ("tháng",), "year": ("năm",), "relative": ("ngày",), "weekly": ("trước",), "recurring": ("hằng", "hàng"),
    "from": ("tháng",), "soon": ("này", "tới"), "regular": ("thường xuyên", "định kỳ", "liên tục"),
}  # fmt: skip
DATED = (
    "date",
    "day",
    "month",
    "quarter",
    "period",
    "year",
    "relative",
    "monthly",
    "from",
)  # kinds that name a time
_PERIODIC_BEFORE = re.compile(r"định kỳ\s*$", re.I)
_PERIODIC_HEAD = re.compile(r"^(?:định kỳ|bắt đầu)\s+", re.I)
_WEEKDAY = re.compile(r"thứ|tuần", re.I)


@dataclass(frozen=True)
class Deadline:
    value: str
    start: int  # offsets in the text searched
    end: int
    kind: str  # one of the kinds above: ``date``, ``month``, ``recurring``, ``regular`` ...


def find_deadline(text: str) -> Deadline | None:
    """The deadline a task's text states: the first of the kind that goes first, but ``định kỳ hằng
    tháng`` before a bare ``hằng năm``.

    >>> [find_deadline(t).value for t in ["hoàn thành trước ngày 20/02/2025", "trước 11g00 ngày 06/11/2025",
    ...     "trong năm 2026", "thường xuyên", "định kỳ hằng tuần báo cáo", "trong tháng 12 năm 2025",
    ...     "Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần, báo cáo", "trong thời hạn 30 ngày làm việc"]]
    ['2025-02-20', '2025-11-06', '2026', 'thường xuyên', 'hằng tuần', '2025-12', 'trước 16 giờ ngày thứ Sáu hằng tuần', 'trong thời hạn 30 ngày làm việc']
    >>> find_deadline("kế hoạch năm 2025 của Sở") is None
    True
    """
    text = text.replace("*", " ")
    low = text.lower()
    for kind, pat in _DEADLINES:
        if not any(w in low for w in _NEEDS[kind]):
            continue  # the word every deadline of this kind has is not there
        found = list(pat.finditer(text))
        if kind == "recurring" and len(found) > 1:  # ``định kỳ hằng tháng`` rather than ``kế hoạch hằng năm``
            found.sort(key=lambda m: not _PERIODIC_BEFORE.search(text[max(0, m.start() - 12) : m.start()]))
        if kind == "weekly":
            found = [m for m in found if _WEEKDAY.search(m.group(0))]
        if found:
            m = found[0]
            return Deadline(_value(kind, m), m.start(), m.end(), kind)
    return None


def _value(kind: str, m: re.Match[str]) -> str:
    t = " ".join(m.group(0).split()).strip(" ,")
    if kind == "date":
        d = _DATE_RE.search(t)
        if d:
            g = [x for x in d.groups() if x]
            day, month, year = int(g[0]), int(g[1]), int(g[2])
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{year:04d}-{month:02d}-{day:02d}"
    if kind == "month":
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return f"{year:04d}-{month:02d}"
    if kind == "year":
        return m.group(1)
    if kind in ("weekly", "recurring"):
        t = _PERIODIC_HEAD.sub("", t)
        return t[:1].lower() + t[1:]
    if kind == "regular":
        return t.lower()
    if kind == "period":
        return t[len("trong") :].strip()
    return t


_CELL_DATE = re.compile(rf"(?:ngày\s+)?(?:{_DATE})", re.I)
_CELL_MONTH = re.compile(r"(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.I)
_CELL_YEAR = re.compile(r"(?:trong\s+)?năm\s+(\d{4})|(\d{4})", re.I)


def cell_deadline(cell: str) -> str | None:
    """The deadline a task table's cell gives: the whole cell, ISO when it is a date, a month or a
    year alone, else what it says (``Quý II/2026``, ``Thường xuyên``, ``Trước ngày 30/6``).

    >>> [cell_deadline(c) for c in ["Tháng 9/2026", "31/12/2026", "Năm 2026", "Quý II/2026", "Thường xuyên", ""]]
    ['2026-09', '2026-12-31', '2026', 'Quý II/2026', 'thường xuyên', None]
    """
    t = " ".join(cell.split()).strip(" .;,")
    if not t:
        return None
    if m := _CELL_DATE.fullmatch(t):
        return _value("date", m) if _DATE_RE.search(m.group(0)) else t
    if m := _CELL_MONTH.fullmatch(t):
        return _value("month", m)
    if m := _CELL_YEAR.fullmatch(t):
        return m.group(1) or m.group(2)
    dl = find_deadline(t)
    if dl is not None and (
        dl.kind == "regular" and dl.end - dl.start >= len(t) - 12 or dl.kind in ("date", "month")
    ):
        return dl.value
    return t
