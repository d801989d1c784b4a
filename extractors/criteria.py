"""Rows of a score table broken down by criterion: code, name, maximum, score, rank, remarks.

A score table is a table whose header names a maximum (``Điểm tối đa``) or a score (``Điểm đạt``,
``Điểm thẩm định``); columns are found by their header words, not their position. Index and year
come from the text before the table (the nearest score stated there, else its ``năm YYYY``).

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Chỉ số CCHC năm 2023 của Sở đạt 90 điểm.\\n"
...     "STT\\tTiêu chí\\tĐiểm tối đa\\tĐiểm đạt\\tXếp hạng\\n01\\tCông tác chỉ đạo, điều hành\\t17,5\\t11,364\\t15/17")
>>> c = extract(doc)[0]
>>> c.index, c.year, c.code, c.max_score, c.score, c.rank, c.rank_total
('PAR', 2023, '01', 17.5, 11.364, 15, 17)
"""

from __future__ import annotations

import re

from docmine.facts import Criterion, Evidence
from docmine.model import Document, Table
from docmine.vnnum import parse_number
from extractors.common import INDEX_RE, YEAR_RE, clean, header_columns

_COLS = {
    "code": re.compile(r"^(?:STT|TT|Số TT|Mã|Mã số)$", re.I),
    "name": re.compile(r"Tiêu chí|Nội dung|Lĩnh vực|Chỉ số thành phần|Tên", re.I),
    "max_score": re.compile(r"tối đa|Điểm chuẩn", re.I),
    "score": re.compile(r"Điểm đạt|đạt được|Điểm thẩm định|Điểm đánh giá|Tổng điểm|^Điểm$|Kết quả", re.I),
    "rank": re.compile(r"Xếp hạng|Thứ hạng|Xếp thứ", re.I),
    "note": re.compile(r"Ghi chú|Nhận xét|Lý do|Nguyên nhân|Tồn tại", re.I),
}


def columns(head: list[str]) -> dict[str, int]:
    """Header cells to fields; ``max_score`` is tested before ``score`` (``Điểm tối đa đạt được``).

    >>> columns(["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được", "Xếp hạng", "Ghi chú"])
    {'code': 0, 'name': 1, 'max_score': 2, 'score': 3, 'rank': 4, 'note': 5}
    """
    return header_columns(head, {f: _COLS[f] for f in ("code", "max_score", "rank", "note", "score", "name")})


def is_score_table(cols: dict[str, int]) -> bool:
    return "name" in cols and ("max_score" in cols or "score" in cols)


def _context(doc: Document, t: Table) -> tuple[str | None, int | None]:
    first = min((c.start for c in t.cells), default=0)
    before = doc.view[max(0, first - 1500) : first]
    idx = list(INDEX_RE.finditer(before))
    years = [m for m in YEAR_RE.finditer(before) if not re.search(r"so với\s*$", before[: m.start()])]
    return (idx[-1].lastgroup if idx else None), (int(years[-1].group(1)) if years else None)


def extract(doc: Document) -> list[Criterion]:
    out: list[Criterion] = []
    for t in doc.tables:
        grid = doc.table_text(t)
        if len(grid) < 2:
            continue
        cols = columns(grid[0])
        if not is_score_table(cols):
            continue
        index, year = _context(doc, t)
        cells = t.grid()
        for r, row in enumerate(grid[1:], start=1):
            get = {f: " ".join(row[i].split()) if i < len(row) else "" for f, i in cols.items()}
            name = get.get("name", "")
            if not name or not re.search(r"[^\W\d_]", name):
                continue
            mx = parse_number(get.get("max_score", "")) if get.get("max_score") else None
            sc = parse_number(get.get("score", ""), max_value=mx) if get.get("score") else None
            if mx is None and sc is None:
                continue
            rank = total = None
            rm = re.fullmatch(r"(\d{1,3})\s*(?:/\s*(\d{1,3}))?", get.get("rank", ""))
            if rm:
                rank, total = int(rm.group(1)), int(rm.group(2)) if rm.group(2) else None
            code = get.get("code") or None
            if code and not re.fullmatch(r"[0-9IVX]+(?:\.[0-9]+)*\.?", code):
                code = None
            note = clean(get["note"]) if get.get("note") else None
            live = [c for c in cells[r] if c is not None]
            ev = Evidence.of(doc, min(c.start for c in live), max(c.end for c in live))
            out.append(
                Criterion(ev, index=index, year=year, code=code.rstrip(".") if code else None, name=clean(name),
                          max_score=mx, score=sc, rank=rank, rank_total=total, note=note)
            )  # fmt: skip
    return out
