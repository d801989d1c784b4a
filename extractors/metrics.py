"""Percentages and ratios measured in the text, with the requirement they are held to.

``tỷ lệ đạt 96,5% (yêu cầu 100%)`` gives value 96.5, target 100, met false; ``có 01/09 báo cáo bị
trễ hạn`` gives 1 of 9 ``báo cáo``; ``dưới 90%`` has op ``<``. Goals of a plan are the targets
extractor's; changes (``tăng 5%``) are not measurements.

>>> from docmine.parsers.text import from_string
>>> [(m.indicator, m.value, m.target, m.met) for m in extract(from_string("Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 40% (yêu cầu 50%)."))]
[('tỷ lệ hồ sơ trực tuyến', 40, 50, False)]
"""

from __future__ import annotations

from docmine.facts import Evidence, Metric
from docmine.model import Document
from extractors.common import INDEX_RE, clean
from extractors.quantities import indicator_of, mentions_in, spots
from extractors.similar import token_f1


def met_of(
    value: float, op: str, target: float, target_op: str, numerator=None, denominator=None, unit="%"
) -> bool | None:
    """Whether a measurement meets its requirement; None when the comparison says nothing.

    >>> met_of(10, "=", 50, ">="), met_of(4, "=", 30, ">=", 4, 12, "đơn vị"), met_of(90, "<", 100, ">=")
    (False, True, False)
    """
    v = value
    if denominator and unit != "%":
        v = 100.0 * (numerator or value) / denominator
    if op in ("<", "<=") and target_op in (">=", ">", "="):
        return False if v <= target else None
    if target_op == ">=":
        return v >= target
    if target_op == ">":
        return v > target
    if target_op in ("<=", "<"):
        return v <= target if target_op == "<=" else v < target
    return v == target


def extract(doc: Document) -> list[Metric]:
    out: list[Metric] = []
    for sp in spots(doc):
        ms = mentions_in(sp.text, sp.start, directive=sp.directive)
        for i, m in enumerate(ms):
            if m.role != "value":
                continue
            if m.unit == "%" and INDEX_RE.search(sp.text) and "đạt" in sp.text[: m.start - sp.start][-25:]:
                continue  # an index result (``Chỉ số hài lòng đạt 84,66%``) is a score
            req = next((r for r in ms if r.role == "requirement" and r.attach == i), None)
            target = req.value if req else None
            target_op = (req.op if req.op != "=" else ">=") if req else None
            end = max(m.end, req.end + 1 if req and req.end > m.end else m.end)
            end = min(end + (1 if sp.text[end - sp.start : end - sp.start + 1] == ")" else 0), sp.end)
            ind = indicator_of(sp.text, m, sp.start)
            met = (
                met_of(m.value, m.op, target, target_op, m.numerator, m.denominator, m.unit) if req else None
            )
            fact = Metric(
                Evidence.of(doc, sp.start, end),
                indicator=clean(ind) if ind else None, value=m.value, unit=m.unit, op=m.op,
                numerator=m.numerator, denominator=m.denominator, target=target, target_op=target_op,
                met=met, year=sp.year_at(doc, m.start),
            )  # fmt: skip
            dup = next((o for o in out if _same(o, fact)), None)
            if dup is None:
                out.append(fact)
            else:
                for f in ("target", "target_op", "met", "year", "numerator", "denominator"):
                    if getattr(dup, f) is None and getattr(fact, f) is not None:
                        setattr(dup, f, getattr(fact, f))
    return out


def _same(a: Metric, b: Metric) -> bool:
    return (
        a.value == b.value
        and a.unit == b.unit
        and a.denominator == b.denominator
        and token_f1(a.indicator or "", b.indicator or "") >= 0.5
    )
