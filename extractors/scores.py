"""Index results: who scored what, ranked where, moved how much, in which index and year.

Two sources, both read through the mention layer and the table reader:

- result tables (``Xếp hạng | Đơn vị | Điểm | Xếp loại``; grids, tables flattened into text, a
  column per index or per year): one row per entity, with its score, rank and the rank total;
- the statements of running text (:mod:`extractors.statements`) that are about an entity's index
  result rather than one of its components: one sentence can give many rows.

A rank whose total the text leaves out gets its group's where the text states it; a fact stated
twice (in the lead and again in a table) is one row.

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Chỉ số CCHC năm 2022: đứng đầu là Sở Tư pháp (91,77%), xếp thứ hai là Sở Y tế (90,63%).")
>>> [(s.entity, s.value, s.rank, s.year) for s in extract(doc)]
[('Sở Tư pháp', 91.77, 1, 2022), ('Sở Y tế', 90.63, 2, 2022)]
"""

from __future__ import annotations

import re

from docmine.facts import Evidence, Score
from docmine.model import Document
from extractors.mentions import Mentions, index_in, mentions
from extractors.statements import GROUP_OF, statements
from extractors.tables import TableView, cell_number, role_of, row_span, tables
from extractors.topics import row_entity, table_context, topic_at

_NOT_ENTITY_ROW = re.compile(r"^(?:chỉ số|tổng|điểm|trung bình|cộng|bình quân|giá trị|cao nhất|thấp nhất)", re.I)


def extract(doc: Document) -> list[Score]:
    ms = mentions(doc)
    out: list[Score] = []
    labels: dict[int, str | None] = {}
    last: set[int] = set()  # ``xếp cuối`` without a number: the last place of its group, once counted
    for t in tables(doc):
        out += _from_table(doc, ms, t)
    for st in statements(doc):
        if st.component is not None:
            continue  # a component's result is a criteria row
        v = st.values
        out.append(Score(Evidence.of(doc, st.start, st.end), index=st.index, entity=st.entity, year=st.year,
                         value=v.get("value"), unit=v.get("unit"), rank=v.get("rank"), rank_total=v.get("rank_total"),
                         value_change=v.get("value_change"), rank_change=v.get("rank_change"),
                         compared_year=v.get("compared_year")))  # fmt: skip
        labels[id(out[-1])] = st.label
        if v.get("last") and v.get("rank") is None:
            last.add(id(out[-1]))
    _group_totals(ms, out, labels, last)
    return _merge(out)


_GROUP_SPLIT = re.compile(r"\s*[,/]\s*")
_PLACE_HEAD = re.compile(r"^(?:tỉnh|thành phố|tp\.?|ubnd|ủy ban nhân dân)\s+")
_WORD = re.compile(r"\w+")


def _group_noun(label: str) -> str:
    """The group a count names: ``đơn vị`` of ``đơn vị``, ``tỉnh`` of ``tỉnh, thành phố`` or ``tỉnh thành``.

    >>> _group_noun("đơn vị"), _group_noun("tỉnh thành phố"), _group_noun("cơ quan, đơn vị"), _group_noun("sở")
    ('đơn vị', 'tỉnh', 'cơ quan', 'sở')
    """
    head = _GROUP_SPLIT.split(label.lower())[0]
    return head if head in _TWO_SYLLABLE_GROUPS else head.split()[0] if head else head


_TWO_SYLLABLE_GROUPS = {"đơn vị", "cơ quan", "địa phương"}


def _group_totals(ms: Mentions, scores: list[Score], labels: dict[int, str | None], last: set[int]) -> None:
    """A rank whose total the sentence leaves out gets its group's: the largest count the text gives
    of that group (``7 bộ có kết quả giảm`` is a part of ``17 bộ``), or the largest total or last
    place stated for another entity of the group (``Sở Công Thương ở vị trí cuối cùng - thứ 21``)."""
    by_group: dict[tuple, int] = {}
    for s in scores:
        nouns = GROUP_OF.get(labels.get(id(s)) or "")
        if nouns and s.rank_total:
            by_group[nouns] = max(by_group.get(nouns, 0), s.rank_total)
    counts = [(t.label, int(t.value or 0)) for t in ms.get("total")]
    counts += [(r.label, int(r.total or 0)) for r in ms.get("ratio")]  # ``6/21 cơ quan``: 21 of the group
    for nouns in set(GROUP_OF.values()):
        for label, n in counts:
            if label and _group_noun(label) in nouns:
                by_group[nouns] = max(by_group.get(nouns, 0), n)
    for s in scores:
        nouns = GROUP_OF.get(labels.get(id(s)) or "")
        if id(s) in last and nouns in by_group:
            s.rank = s.rank_total = by_group[nouns]
        if s.rank is not None and s.rank_total is None and nouns in by_group and by_group[nouns] >= s.rank:
            s.rank_total = by_group[nouns]


# ---------------------------------------------------------------- tables


def _from_year_table(doc: Document, ms: Mentions, t: TableView) -> list[Score]:
    """A table with a column per year (``Năm | 2022 | 2023``): rows that are entities, the index
    itself (``Điểm số PGI``) or its rank (``Xếp hạng``) give scores; other rows are components."""
    years = [(k, int(re.search(r"\d{4}", t.header[k]).group(0))) for k in t.cols("year")]  # type: ignore[union-attr]
    label = t.col("entity")
    index, _ = table_context(doc, ms, t)
    if label is None or index is None:
        return []
    topic = topic_at(doc, t.start)
    found: dict[tuple[str | None, int], Score] = {}
    for r in t.rows:
        c = r[label] if label < len(r) else None
        if c is None or not c.text:
            continue
        role = role_of(c.text)
        e = row_entity(ms, c)
        if e is not None:
            name = doc.text[e.start : e.end]
        elif index_in(c.text) or role in ("score", "rank"):
            name = topic.entity
        else:
            continue
        for k, year in years:
            cell = r[k] if k < len(r) else None
            v = cell_number(cell.text, max_value=1000) if cell and cell.text else None
            if v is None or cell is None:
                continue
            sc = found.get((name, year))
            if sc is None:
                sc = found[(name, year)] = Score(Evidence.of(doc, c.start, cell.end), index=index, entity=name, year=year)
            if role == "rank" and e is None:
                sc.rank = int(v)
            else:
                sc.value, sc.unit = v, "%" if cell.text.endswith("%") else "điểm"
            sc.evidence = Evidence.of(doc, min(sc.evidence.start, c.start), max(sc.evidence.end, cell.end))
    return list(found.values())


def _from_table(doc: Document, ms: Mentions, t: TableView) -> list[Score]:
    if t.cols("year"):
        return _from_year_table(doc, ms, t)
    ent = t.col("entity")
    groups: dict[str | None, dict[str, int]] = {}
    for k, role in enumerate(t.roles):
        if role in ("score", "rank"):
            groups.setdefault(t.col_index[k], {}).setdefault(role, k)
    if ent is None or not groups:
        return []
    index0, year = table_context(doc, ms, t)
    stated = _stated_total(doc, ms, t.header_start)
    out: list[Score] = []
    for gindex, cols in groups.items():
        index = gindex or index0
        if index is None:
            continue
        score, rank = cols.get("score"), cols.get("rank")
        pct_head = score is not None and "%" in t.header[score] if score is not None and score < len(t.header) else False
        rows = []
        for r in t.rows:
            name = t.text(r, "entity")
            if not name or _NOT_ENTITY_ROW.match(name) or not re.search(r"[^\W\d_]{2,}", name):
                continue
            vtext = r[score].text if score is not None and score < len(r) and r[score] else ""
            rtext = r[rank].text if rank is not None and rank < len(r) and r[rank] else ""
            v = cell_number(vtext, max_value=1000) if vtext else None
            rk = cell_number(rtext) if rtext else None
            if v is None and rk is None:
                continue
            unit = ("%" if vtext.endswith("%") or pct_head else "điểm") if v is not None else None
            pair = re.fullmatch(r"\s*\d+\s*/\s*(\d+)\s*", rtext)
            rows.append((r, name, v, unit, int(rk) if rk is not None and rk == int(rk) else None,
                         int(pair.group(1)) if pair else None))  # fmt: skip
        ranks = [x[4] for x in rows if x[4] is not None]
        total = len(rows) if ranks and max(ranks) == len(rows) and len(rows) >= 3 else None
        for r, name, v, unit, rk, rt in rows:
            s, e = row_span(r)
            out.append(Score(Evidence.of(doc, s, e), index=index, entity=name, year=year, value=v, unit=unit,
                             rank=rk, rank_total=(rt or stated or total) if rk is not None else None))  # fmt: skip
    return out


def _stated_total(doc: Document, ms: Mentions, at: int) -> int | None:
    """``(14/15 đơn vị)`` or ``gồm 19 sở`` in the line just above a table."""
    line_start = doc.view.rfind("\n", 0, max(0, at - 2))
    seg = doc.view[max(0, line_start) : at]
    m = re.search(r"\((\d{1,3})\s*/\s*\d{1,3}\s+(?:đơn vị|cơ quan|địa phương|sở)", seg)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- one row per fact


def _norm(name: str | None) -> str:
    n = (name or "").lower()
    return " ".join(_WORD.findall(_PLACE_HEAD.sub("", n)))


def _merge(scores: list[Score]) -> list[Score]:
    """A fact stated twice (in the lead and again in a table) is one row; fields fill each other."""
    out: list[Score] = []
    by_key: dict[tuple, list[Score]] = {}
    for s in scores:
        same_key = by_key.setdefault((s.index, s.year, _norm(s.entity)), [])
        same = next(
            (
                o
                for o in same_key
                if (o.value is None or s.value is None or o.value == s.value)
                and (o.rank is None or s.rank is None or o.rank == s.rank)
            ),
            None,
        )
        if same is None:
            out.append(s)
            same_key.append(s)
            continue
        for f in ("value", "unit", "rank", "rank_total", "value_change", "rank_change", "compared_year"):
            if getattr(same, f) is None and getattr(s, f) is not None:
                setattr(same, f, getattr(s, f))
    return out
