"""Percentages and ratios measured in the text, with the requirement they are held to.

``tỷ lệ đạt 96,5% (yêu cầu 100%)`` gives value 96.5, target 100, met false; ``có 01/09 báo cáo bị
trễ hạn`` gives 1 of 9 ``báo cáo``; ``dưới 90%`` has op ``<``; ``xuất khẩu tăng 18,3%`` is a growth
measured. Not metrics: index results and their changes (the scores and criteria a sentence states,
see :mod:`extractors.statements`), goals (targets), thresholds of score bands (``Nhóm A đạt từ 90%
trở lên``) and counts of units by their scores (``57/63 tỉnh tăng điểm``).

Tables with a rate column (``Tỷ lệ thực hiện (%)``) give one metric per row; the two count columns
whose quotient the rate is give its numerator and denominator.

>>> from docmine.parsers.text import from_string
>>> [(m.indicator, m.value, m.target, m.met) for m in extract(from_string("Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 40% (yêu cầu 50%)."))]
[('tỷ lệ hồ sơ trực tuyến', 40, 50, False)]
"""

from __future__ import annotations

import re

from docmine.facts import Evidence, Metric
from docmine.model import Document
from extractors.common import clean
from extractors.mentions import mentions
from extractors.quantities import Quantity, indicator_of, quantities_in, spots
from extractors.similar import token_f1
from extractors.statements import statements
from extractors.tables import TableView, cell_number, row_span, tables
from extractors.topics import document_year, table_context, topic_at

_BAND = re.compile(r"nhóm|xếp loại|đạt loại|loại (?:tốt|khá|xuất sắc|trung bình)|mức", re.I)
_BY_SCORE = re.compile(r"tăng điểm|giảm điểm|tăng bậc|giảm bậc|tăng hạng|giảm hạng|xếp loại|đạt loại|trên mức|dưới mức|"
                       r"điểm số|chỉ số thành phần|tăng cao hơn|giảm hơn", re.I)  # fmt: skip
_CONDITION = re.compile(r"trường hợp|\bnếu\b|\bkhi\b", re.I)
_RATE_HEAD = re.compile(r"tỷ lệ|tỉ lệ|\(%\)|%", re.I)


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
    ms = mentions(doc)
    used = {span for st in statements(doc) for span in st.used}
    out: list[Metric] = []
    for t in tables(doc):
        out += _from_table(doc, t)
    in_tables = len(out)
    for sp in spots(doc):
        qs = quantities_in(doc, sp.start, sp.end, directive=sp.directive)
        strong = [m for m in ms.get("index", sp.start, sp.end) if m.name == "strong"]
        stated = any(sp.start <= s < sp.end for s, _ in used)
        ents_all = ms.get("entity", sp.start, sp.end)
        bands = [q for q in qs if q.unit == "%" and q.op != "=" and q.role == "value"]
        for i, q in enumerate(qs):
            if q.role not in ("value", "change") or any(s <= q.start < e for s, e in used):
                continue
            a, b = _clause(doc.view, sp.start, sp.end, q.start)
            indexed = any(a <= m.start < b for m in strong)
            if not _measured(doc, sp.text, sp.start, q, indexed, stated):
                continue
            if q.denominator is not None and bands or q in bands and re.match(r"[^.;]{0,25}?\b(?:gồm|bao gồm|là)\b", doc.view[q.end : sp.end]):
                continue  # ``05/27 đơn vị có tỷ lệ dưới 85%, gồm: ...``: a band and the units in it
            if q.denominator is not None and any(_quotient_of(p, q) for p in qs if p.unit == "%" and p.role == "value"):
                continue  # ``42/139 cơ quan, đạt tỷ lệ 30%``: the rate's numerator and denominator
            if q.unit == "%" and q.numerator is None:
                ratio = next((p for p in qs if p.denominator and p.role == "value" and _quotient_of(q, p)), None)
                if ratio is not None:
                    q.numerator, q.denominator = ratio.numerator, ratio.denominator
            req = next((r for r in qs if r.role == "requirement" and r.attach == i), None)
            target = req.value if req else None
            target_op = (req.op if req.op != "=" else ">=") if req else None
            end = max(q.end, req.end + 1 if req and req.end > q.end else q.end)
            end = min(end + (1 if doc.view[end : end + 1] == ")" else 0), sp.end)
            ind = indicator_of(sp.text, q, sp.start)
            if not ind or re.search(r"\(\s*$", ind) or any(doc.view[e.start : e.end] == ind.strip() for e in ents_all):
                ind = _lead_of(sp.text)  # ``..., gồm: Hồ Chí Minh (87,73%)``: the list's lead says what
            met = met_of(q.value, q.op, target, target_op, q.numerator, q.denominator, q.unit) if req else None
            ents = [e for e in ms.get("entity", sp.start, q.start)]
            entity = doc.text[ents[-1].start : ents[-1].end] if ents else topic_at(doc, sp.start).entity
            year = sp.year_at(doc, q.start) or topic_at(doc, q.start).year
            if year is None and doc.blocks_of("header"):
                year = document_year(doc)  # a letter's measurements without a year are of its own year
            fact = Metric(
                Evidence.of(doc, sp.start, end),
                indicator=clean(ind) if ind else None, value=q.value, unit=q.unit, op=q.op,
                numerator=q.numerator, denominator=q.denominator, target=target, target_op=target_op,
                met=met, year=year, entity=entity,
            )  # fmt: skip
            _add(out, fact, in_tables)
    return out


def _lead_of(text: str) -> str | None:
    """What a list measures, from its lead: the words before ``gồm``/``là``/``:`` or the first number."""
    m = re.match(r"\s*(.{6,160}?)(?:\s+(?:gồm|bao gồm|như|là)\b|:|\s+\d)", text)
    return m.group(1) if m else None


def _clause(view: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of a sentence holding offset ``at``: between the semicolons around it."""
    a = view.rfind(";", start, at)
    b = view.find(";", at, end)
    return (a + 1 if a >= 0 else start), (b if b >= 0 else end)


def _quotient_of(rate: Quantity, ratio: Quantity) -> bool:
    """Whether a ratio (``42/139``) is the counts behind a percentage near it (``30%``)."""
    if not ratio.denominator or abs(rate.start - ratio.end) > 100 and abs(ratio.start - rate.end) > 100:
        return False
    printed = str(rate.value)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return abs(100 * (ratio.numerator or 0) / ratio.denominator - rate.value) <= 0.5 * 10**-decimals + 1e-9


def _measured(doc: Document, text: str, offset: int, q: Quantity, indexed: bool, stated: bool) -> bool:
    """Whether a quantity measures something (rather than restating scores or drawing a band)."""
    before = text[: q.start - offset]
    clause = before[max(before.rfind(";"), before.rfind(". "), 0) :]
    rate = re.search(r"tỷ lệ|tỉ lệ", clause, re.I)
    if _CONDITION.search(clause[-60:]):
        return False  # ``(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)``: a condition, not a measurement
    if q.op != "=" and q.unit == "%" and (indexed or _BAND.search(clause)):
        return False  # ``nhóm Tốt, kết quả từ 85% trở lên``: a band of scores
    if (q.denominator is not None or q.unit == "%") and (_BY_SCORE.search(text) or q.denominator and indexed):
        return False  # ``10/17 đơn vị có PAR INDEX tăng``, ``10 tỉnh (15,87%) tăng điểm``: units counted by score
    if q.unit == "%" and (indexed or stated) and not rate:
        return False  # a percentage in a sentence about index results is a result or a change
    if q.role == "change" and (indexed or stated):
        return False
    return True


def _add(out: list[Metric], fact: Metric, in_tables: int) -> None:
    dup = next((o for i, o in enumerate(out) if _same(o, fact, i < in_tables)), None)
    if dup is None:
        out.append(fact)
        return
    for f in ("target", "target_op", "met", "year", "numerator", "denominator", "entity"):
        if getattr(dup, f) is None and getattr(fact, f) is not None:
            setattr(dup, f, getattr(fact, f))


def _same(a: Metric, b: Metric, tabled: bool) -> bool:
    """The same measurement stated twice: twice in prose, or in a table and again in prose for the
    same entity (``TP Hồ Chí Minh | 87,73`` and ``Hồ Chí Minh (87,73%)``)."""
    if a.value != b.value or a.unit != b.unit or (a.denominator and b.denominator and a.denominator != b.denominator):
        return False
    if tabled and a.entity and b.entity:
        return token_f1(a.entity, b.entity) >= 0.6
    return a.entity == b.entity and token_f1(a.indicator or "", b.indicator or "") >= 0.5


def _from_table(doc: Document, t: TableView) -> list[Metric]:
    """A rate column (``Tỷ lệ ... (%)``) gives each row's metric; its numerator and denominator are
    the two count columns whose quotient it is in most rows, and the numerator's header completes a
    short rate header (``Tỷ lệ`` + ``Số TTHC đã công bố ...``)."""
    label = t.col("entity") if t.col("entity") is not None else t.col("name")
    if label is None or t.col("score") is not None and t.col("rank") is not None:
        return []
    rates = [k for k, h in enumerate(t.header) if h and _RATE_HEAD.search(h) and t.roles[k] in ("value", "score", "points")]
    if not rates:
        return []
    _, year = table_context(doc, mentions(doc), t)
    year = year or document_year(doc)
    out: list[Metric] = []
    for k in rates:
        pair = _quotient_columns(t, k)
        indicator = re.sub(r"\(\s*%\s*\)", "", t.header[k]).strip()
        if pair and len(indicator.split()) <= 4:
            own = re.sub(r"^(?:tổng số|số lượng|số)\s+", "", _own_header(t, pair[0]), flags=re.I)
            indicator = f"{indicator} {own}"
        for r in t.rows:
            c, name = (r[k] if k < len(r) else None), t.text(r, "entity") or t.text(r, "name")
            v = cell_number(c.text) if c and c.text else None
            if v is None or c is None or not name or not re.search(r"[^\W\d_]{2,}", name):
                continue
            num = den = None
            if pair:
                a, b = (cell_number(r[j].text) if j < len(r) and r[j] else None for j in pair)
                if a is not None and b and abs(100 * a / b - v) <= 0.006 * max(1, v):
                    num, den = a, b
            out.append(Metric(Evidence.of(doc, *row_span([r[label], c])), indicator=clean(indicator), value=v, unit="%",
                              numerator=num, denominator=den, year=year, entity=name))  # fmt: skip
    return out


def _quotient_columns(t: TableView, k: int) -> tuple[int, int] | None:
    """The two columns whose quotient, in percent, is column ``k`` as printed in most rows."""
    votes: dict[tuple[int, int], int] = {}
    for r in t.rows:
        rate = cell_number(r[k].text) if k < len(r) and r[k] else None
        if rate is None:
            continue
        nums = [(j, cell_number(c.text)) for j, c in enumerate(r) if c is not None and j != k and c.text]
        nums = [(j, v) for j, v in nums if v is not None and v > 0 and t.roles[j] not in ("code", "rank")]
        for ja, a in nums:
            for jb, b in nums:
                if ja != jb and a <= b and abs(100 * a / b - rate) <= 0.006 * max(1, rate):
                    votes[(ja, jb)] = votes.get((ja, jb), 0) + 1
    if not votes:
        return None
    best = max(votes.items(), key=lambda kv: (kv[1], -kv[0][0]))
    return best[0] if best[1] >= max(2, len(t.rows) // 3) else None


def _own_header(t: TableView, k: int) -> str:
    """A column's header without the words it shares with a neighbour's (a merged header above both)."""
    words = t.header[k].split()
    cut = 0
    for j in (k - 1, k + 1):
        if 0 <= j < len(t.header):
            other = t.header[j].split()
            n = 0
            while n < min(len(words), len(other)) and words[n] == other[n]:
                n += 1
            cut = max(cut, n)
    return " ".join(words[cut:]) or t.header[k]
