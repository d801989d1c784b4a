"""Components of an index and their results: criteria, areas, pillars, sub-indices.

Read through the table reader and the statements of running text:

- score tables (``STT | Tiêu chí | Điểm tối đa | Điểm đạt | Xếp hạng | Ghi chú``): one row per
  criterion; where the columns are grouped by entity (``Lâm Đồng: Điểm số | Thứ hạng``), one row
  per criterion and entity;
- result tables whose extra numeric columns are components (``Đơn vị | Tổng điểm | Điểm đánh giá
  trực tiếp | Điểm điều tra XHH``): one row per entity and component;
- tables with a column per year whose rows are components;
- statements about a component (``Kiểm soát tham nhũng (8,286 điểm)``, ``- Lĩnh vực Cải cách thể
  chế`` then ``Đạt 9,42/10 điểm, xếp thứ 22/63``), with the entity they are about.

Index and year come from the table's header or the text above it, else from what is in effect
there (:mod:`extractors.topics`).

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
from docmine.model import Document
from extractors.common import clean
from extractors.mentions import Mentions, index_in, mentions
from extractors.statements import statements
from extractors.tables import TableView, cell_number, role_of, row_span, tables
from extractors.topics import row_entity, table_context, topic_at

_CODE = re.compile(r"[0-9IVX]+(?:\.[0-9]+)*\.?|[a-zđ]\)?")
_NOT_COMPONENT = re.compile(r"^(?:tổng|cộng|tổng cộng|tổng điểm|chỉ số chung|xếp hạng|thứ hạng|điểm số|chỉ số$)", re.I)
_POINTS = re.compile(r"điểm đạt|đạt được|điểm số|^điểm$", re.I)
_SUMMARY_HEAD = re.compile(r"tổng|xếp hạng|thứ hạng|xếp loại|stt|^tt$|ghi chú|tối đa|điểm chuẩn", re.I)


def extract(doc: Document) -> list[Criterion]:
    ms = mentions(doc)
    out: list[Criterion] = []
    for t in tables(doc):
        if t.cols("year"):
            out += _from_year_table(doc, ms, t)
        elif t.col("name") is not None:
            out += _from_score_table(doc, ms, t)
        elif t.col("entity") is not None:
            out += _from_result_table(doc, ms, t)
    for st in statements(doc):
        if st.component is None or set(st.values) <= {"last"}:
            continue
        v = st.values
        note = "; ".join(" ".join(doc.text[a:b].split()) for a, b in st.notes) or None
        out.append(Criterion(Evidence.of(doc, st.start, st.end), index=st.index, year=st.year, name=clean(st.component),
                             max_score=v.get("maximum"), score=v.get("value"), rank=v.get("rank"),
                             rank_total=v.get("rank_total"), note=note, entity=st.entity))  # fmt: skip
    return out


def _code(text: str) -> str | None:
    t = text.strip()
    return t.rstrip(".") if t and _CODE.fullmatch(t) else None


def _number(text: str, max_value: float | None = None):
    return cell_number(text, max_value=max_value) if text else None


def _from_score_table(doc: Document, ms: Mentions, t: TableView) -> list[Criterion]:
    """Rows of criteria, with their maximum, score, rank and remarks; columns grouped by entity
    (a merged header over ``Điểm số | Thứ hạng``) give one row per entity."""
    index, year = table_context(doc, ms, t)
    groups: dict[str | None, dict[str, int]] = {}
    for k, role in enumerate(t.roles):
        if role in ("score", "max_score", "rank", "points", "value"):
            groups.setdefault(t.col_group[k] if k < len(t.col_group) else None, {}).setdefault(role, k)
    if not groups:
        return []
    name_col = t.col("name")
    out: list[Criterion] = []
    for r in t.rows:
        name = t.text(r, "name")
        if not name or not re.search(r"[^\W\d_]{2,}", name) or _NOT_COMPONENT.match(name):
            continue
        code = _code(t.text(r, "code"))
        note = clean(t.text(r, "note")) or None
        for group, cols in groups.items():
            get = {role: (r[k].text if k < len(r) and r[k] else "") for role, k in cols.items()}
            mx = _number(get.get("max_score", ""))
            sc = _number(get.get("score") or get.get("points") or get.get("value") or "", max_value=mx)
            rank_text = get.get("rank", "")
            rk = _number(rank_text)
            if mx is None and sc is None and rk is None:
                continue
            pair = re.fullmatch(r"\s*\d+\s*/\s*(\d+)\s*", rank_text)
            cells = [r[k] for k in (name_col, *cols.values()) if k is not None and k < len(r) and r[k]]
            s, e = row_span(cells)  # type: ignore[arg-type]
            out.append(Criterion(Evidence.of(doc, s, e), index=index, year=year, code=code, name=clean(name),
                                 max_score=mx, score=sc, rank=int(rk) if rk is not None and rk == int(rk) else None,
                                 rank_total=int(pair.group(1)) if pair else None, note=note, entity=group))  # fmt: skip
    return out


def _from_result_table(doc: Document, ms: Mentions, t: TableView) -> list[Criterion]:
    """A result table's numeric columns beyond its score and rank are components of each entity."""
    comps = [
        k
        for k, role in enumerate(t.roles)
        if t.header[k] and not _SUMMARY_HEAD.search(t.header[k])
        and (role == "value" or role == "points" and not _POINTS.search(t.header[k]))
    ]  # a second score column (``Điểm thẩm định`` beside ``Tổng điểm``) is a component; ``Điểm đạt được`` is not
    if not comps or (t.col("score") is None and t.col("rank") is None):
        return []
    index, year = table_context(doc, ms, t)
    if index is None:
        return []
    out: list[Criterion] = []
    for r in t.rows:
        entity = t.text(r, "entity")
        if not entity or not re.search(r"[^\W\d_]{2,}", entity):
            continue
        for k in comps:
            c = r[k] if k < len(r) else None
            v = _number(c.text) if c else None
            if v is None or c is None:
                continue
            out.append(Criterion(Evidence.of(doc, *row_span([t.cell(r, "entity"), c])), index=index, year=year,
                                 name=clean(t.header[k]), score=v, entity=entity))  # fmt: skip
    return out


def _from_year_table(doc: Document, ms: Mentions, t: TableView) -> list[Criterion]:
    """Rows that are neither an entity nor the index itself, in a table with a column per year."""
    label = t.col("entity")
    index, _ = table_context(doc, ms, t)
    if label is None or index is None:
        return []
    ranks = bool(re.search(r"xếp hạng|thứ hạng", " ".join(t.header) + doc.view[max(0, t.header_start - 200) : t.header_start], re.I)) and not re.search(
        r"điểm", " ".join(t.header), re.I
    )
    topic = topic_at(doc, t.start)
    out: list[Criterion] = []
    for r in t.rows:
        c = r[label] if label < len(r) else None
        if c is None or not c.text or row_entity(ms, c) or index_in(c.text) or role_of(c.text) in ("score", "rank"):
            continue
        if _NOT_COMPONENT.match(c.text) or not re.search(r"[^\W\d_]{2,}", c.text):
            continue
        for k in t.cols("year"):
            cell = r[k] if k < len(r) else None
            v = _number(cell.text) if cell else None
            if v is None or cell is None:
                continue
            year = int(re.search(r"\d{4}", t.header[k]).group(0))  # type: ignore[union-attr]
            crit = Criterion(Evidence.of(doc, c.start, cell.end), index=index, year=year, name=clean(c.text),
                             entity=topic.entity)  # fmt: skip
            if ranks:
                crit.rank = int(v) if v == int(v) else None
            else:
                crit.score = v
            out.append(crit)
    return out
