"""Goals a plan or directive sets: ``Phấn đấu ... đạt từ 80% trở lên``, ``Hoàn thành 100% ...``.

A percentage is a goal when its sentence says so (phấn đấu, mục tiêu, đảm bảo, hoàn thành, phải)
without marking it as done (đã, chỉ đạt, chưa), or when it stands in a directive: an item of a list
whose lead-in gives tasks, a section headed MỤC TIÊU / NHIỆM VỤ / GIẢI PHÁP, a task-table cell.
When the goal names an index (``Chỉ số hài lòng``) that is its indicator and ``index``.

>>> from docmine.parsers.text import from_string
>>> t = extract(from_string("Phấn đấu Chỉ số hài lòng năm 2024 đạt trên 90%."))[0]
>>> t.indicator, t.index, t.year, t.op, t.value, t.unit
('Chỉ số hài lòng', 'SIPAS', 2024, '>', 90, '%')
"""

from __future__ import annotations

from docmine.facts import Evidence, Target
from docmine.model import Document
from extractors.common import INDEX_RE, clean
from extractors.quantities import indicator_of, quantities_in, spots
from extractors.similar import token_f1


def extract(doc: Document) -> list[Target]:
    out: list[Target] = []
    for sp in spots(doc):
        for m in quantities_in(doc, sp.start, sp.end, directive=sp.directive):
            if m.role != "goal":
                continue
            before = sp.text[: m.start - sp.start]
            idx = list(INDEX_RE.finditer(before))
            if idx:
                indicator, index = idx[-1].group(0), idx[-1].lastgroup
            else:
                indicator, index = indicator_of(sp.text, m, sp.start), None
            t = Target(
                Evidence.of(doc, sp.start, sp.end), indicator=clean(indicator) if indicator else None,
                index=index, year=sp.year_at(doc, m.start), op=m.op, value=m.value, unit=m.unit,
            )  # fmt: skip
            if not any(
                o.value == t.value
                and o.unit == t.unit
                and token_f1(o.indicator or "", t.indicator or "") >= 0.6
                for o in out
            ):
                out.append(t)
    return out
