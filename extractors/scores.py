"""Index results: who scored what, ranked where, moved how much, in which index and year.

Two sources, both read through the mention layer and the table reader:

- result tables (``Xếp hạng | Đơn vị | Điểm | Xếp loại``; grids, and tables flattened into text):
  one row per entity, with its score, rank and the table's size as the rank total;
- sentences: every quantity (``92,35 điểm``, ``84,6%``, ``xếp thứ 3/18``, ``tăng 08 bậc``,
  ``giảm 1,44 điểm``) is attached to an entity, so one sentence can give many rows: a rank said before
  a name belongs to that name (``đứng đầu là Sở Tư pháp``), anything else to the nearest name before it
  in its clause (``Đà Nẵng dẫn đầu đạt 93,31 điểm``), else to the headline's entity. A list the text
  declares ordered (``xếp lần lượt từ cao xuống thấp``) ranks its entities in order.

The index and year are the ones named in the sentence, else the ones in effect there (see
:mod:`extractors.topics`); ``so với năm 2021`` gives the compared year. Thresholds (``9 sở đạt trên
90%``), goals (``phấn đấu``) and components of an index (the criteria extractor's) are not scores.

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Chỉ số CCHC năm 2022: đứng đầu là Sở Tư pháp (91,77%), xếp thứ hai là Sở Y tế (90,63%).")
>>> [(s.entity, s.value, s.rank, s.year) for s in extract(doc)]
[('Sở Tư pháp', 91.77, 1, 2022), ('Sở Y tế', 90.63, 2, 2022)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docmine.facts import Evidence, Score
from docmine.model import Document
from extractors.discourse import segments, sentences
from extractors.document import issuer_of
from extractors.mentions import UPPER, Mention, Mentions, index_in, mentions
from extractors.tables import Cell, TableView, cell_number, role_of, row_span, tables
from extractors.topics import topic_at

_GOAL = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|kế hoạch đề ra|đặt ra|đề ra|dự kiến|kỳ vọng", re.I)
_THRESHOLD = re.compile(r"(?:trên|dưới|từ|hơn|gần|khoảng|ngưỡng|mức|đến|tới|-|[<>≥≤])\s*$", re.I)
_VALUE_CUE = re.compile(r"(?:đạt|với|là|được|giá trị|điểm số|số điểm|tổng điểm|chỉ số|:)\s*(?:\(\s*)?$", re.I)
_ORDERED = re.compile(r"lần lượt|theo thứ tự|từ cao xuống thấp|từ cao đến thấp|thứ tự từ", re.I)
_FORWARD = re.compile(r"^\s*(?:là|:|thuộc về|gọi tên|có|gồm|với)?\s*(?:các\s+(?:tỉnh|bộ|sở|đơn vị)\s*:?\s*)?$", re.I)
# a percentage followed by what it is a share of (``100% văn bản``) measures, it does not score
_PROPORTION = re.compile(
    r"\s+(?!so\b|và\b|tăng\b|giảm\b|xếp\b|đứng\b|cao\b|thấp\b|trở\b|với\b|của\b|trong\b|là\b|đạt\b|năm\b|điểm\b|"
    r"thuộc\b|\(|,|;|\.|-)[^\W\d_]"
)
_REGION = re.compile(r"(?:trong|của|xét trong)\s+(?:khu vực|vùng|cụm|nhóm)\b|trong vùng", re.I)
_AVERAGE = re.compile(r"trung bình|bình quân", re.I)
_GROUP = re.compile(
    r"(?:(?:của|các|toàn bộ)\s+)?(?:\d{1,3}\s+)?(?:các\s+)?(?:khối\s+)?"
    r"(?:tỉnh,\s*thành phố|tỉnh, thành|tỉnh thành|tỉnh|bộ,\s*cơ quan ngang bộ|bộ,\s*ngành|sở,\s*ban,\s*ngành|sở,\s*ngành|sở|"
    r"ngành|huyện,\s*thị xã,\s*thành phố|huyện,\s*thành phố|huyện|xã,\s*phường,\s*thị trấn|xã|cơ quan,\s*đơn vị|đơn vị|"
    r"địa phương|UBND cấp huyện|UBND cấp xã|cấp huyện|cấp xã|cấp tỉnh|cả 3 cấp)(?![\w])|cả nước|toàn quốc",
    re.I,
)
_NOT_ENTITY_ROW = re.compile(r"^(?:chỉ số|tổng|điểm|trung bình|cộng|bình quân|giá trị|cao nhất|thấp nhất)", re.I)
_GROUP_OF = {"province": ("tỉnh",), "ministry": ("bộ",), "department": ("sở", "cơ quan", "đơn vị"),
             "body": ("sở", "cơ quan", "đơn vị"), "agency": ("sở", "cơ quan", "đơn vị"),
             "district": ("huyện", "địa phương"), "commune": ("xã", "phường")}  # fmt: skip


@dataclass
class _Row:
    entity: str | None
    start: int
    end: int
    index: str | None
    year: int | None
    label: str | None = None
    values: dict = field(default_factory=dict)


def extract(doc: Document) -> list[Score]:
    ms = mentions(doc)
    out: list[Score] = []
    flat = [(t.header_start, t.end) for t in tables(doc) if t.kind != "grid"]
    for t in tables(doc):
        out += _from_table(doc, ms, t)
    labels: dict[int, str | None] = {}
    out += _from_text(doc, ms, flat, labels)
    _group_totals(ms, out, labels)
    return _merge(out)


def _group_totals(ms: Mentions, scores: list[Score], labels: dict[int, str | None]) -> None:
    """A rank whose total the sentence leaves out gets its group's: the largest count the text gives
    of that group (``7 bộ có kết quả giảm`` is a part of ``17 bộ``), or the largest total or last
    place stated for another entity of the group (``Sở Y tế vị trí cuối cùng - thứ 19``)."""
    by_group: dict[tuple, int] = {}
    for s in scores:
        nouns = _GROUP_OF.get(labels.get(id(s)) or "")
        if nouns and s.rank_total:
            by_group[nouns] = max(by_group.get(nouns, 0), s.rank_total)
    for t in ms.get("total"):
        for nouns in set(_GROUP_OF.values()):
            if t.label and re.split(r"[,/\s]", t.label)[0] in nouns:
                by_group[nouns] = max(by_group.get(nouns, 0), int(t.value or 0))
    for s in scores:
        nouns = _GROUP_OF.get(labels.get(id(s)) or "")
        if s.rank is not None and s.rank_total is None and nouns in by_group and by_group[nouns] >= s.rank:
            s.rank_total = by_group[nouns]


# ---------------------------------------------------------------- tables


def table_context(doc: Document, ms: Mentions, t: TableView) -> tuple[str | None, int | None]:
    """Index and year of a table: named in its header, else in the text just above it (the caption
    or heading: ``KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025``), else in effect there."""
    head = " ".join(t.header)
    named = next((i for i in t.col_index if i), None)
    ys = re.findall(r"\b((?:19|20)\d\d)\b", head)
    before = max(0, t.header_start - 400)
    idx = [m for m in ms.get("index", before, t.header_start) if m.name == "strong"]
    topic = topic_at(doc, t.header_start)
    index = named or (idx[-1].label if idx else topic.index)
    if ys:
        return index, int(ys[-1])
    near = [y for y in ms.get("year", before, t.header_start) if y.label not in ("compared", "date")]
    return index, int(near[-1].value) if near else topic.year


def row_entity(ms: Mentions, c: Cell) -> Mention | None:
    """The entity a row's label cell names, when the cell is mostly that name."""
    for e in ms.get("entity", c.start, c.end + 1):
        if (e.end - e.start) >= 0.6 * max(1, c.end - c.start):
            return e
    return None


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


# ---------------------------------------------------------------- sentences


def _group_entity(view: str, start: int, end: int) -> tuple[int, int] | None:
    """An average's entity (``các tỉnh, thành phố``, ``19 bộ, cơ quan ngang bộ``, ``cả nước``)."""
    m = _GROUP.search(view, start, end)
    return (m.start(), m.end()) if m else None


def _quantities(doc: Document, ms: Mentions, a: int, b: int) -> list[Mention]:
    view = doc.view
    qs: list[Mention] = []
    for m in ms.get("number", a, b):
        before = view[max(a, m.start - 14) : m.start]
        if m.label in ("điểm", "%"):
            if _THRESHOLD.search(before) or re.match(r"\s*(?:trở lên|trở xuống)", view[m.end : m.end + 12]):
                continue
            if m.label == "%" and (
                re.search(r"(?:chiếm|tỷ lệ|tỉ lệ)\s*(?:đạt\s*)?$", before) or _PROPORTION.match(view, m.end)
            ):
                continue  # ``100% hồ sơ``: a proportion measured, a metric
            qs.append(m)
        elif m.label is None and isinstance(m.value, float) and m.value <= 1000 and (
            _VALUE_CUE.search(before) or (before.endswith("(") and view[m.end : m.end + 1] == ")")
        ):
            qs.append(Mention("number", m.start, m.end, "điểm", m.value, maximum=m.maximum))  # ``(91,420)``
    regional = _REGION.search(view, a, b)
    qs += [r for r in ms.get("rank", a, b) if not (regional and r.total is None and r.label is None)]
    qs += ms.get("rank_change", a, b) + ms.get("value_change", a, b)
    return sorted(qs, key=lambda m: m.start)


_COMPONENT_TITLE = re.compile(r"lĩnh vực|chỉ số thành phần|tiêu chí|^\W*nội dung\s+\d", re.I)


def _is_title_line(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) < 100 and "\n" not in t and not re.search(r"[.;:!?]$", t) and len(t.split()) <= 14


def _names_component(ms: Mentions, start: int, end: int) -> bool:
    return any((c.end - c.start) >= 0.5 * (end - start) for c in ms.get("component", start, end))


@dataclass
class _Order:
    """A list the text declares ordered: its members get positions 1, 2, ... and, when it ends, its
    length as their rank total."""

    members: list[Score] = field(default_factory=list)

    def place(self, s: Score) -> None:
        if s.rank is None:
            s.rank = len(self.members) + 1
        self.members.append(s)

    def close(self) -> None:
        if len(self.members) >= 3:
            for s in self.members:
                s.rank_total = s.rank_total or len(self.members)
        self.members = []


def _from_text(
    doc: Document, ms: Mentions, flat: list[tuple[int, int]], labels: dict[int, str | None]
) -> list[Score]:
    view = doc.view
    out: list[Score] = []
    order: _Order | None = None  # a list declared ordered in a lead-in (``xếp lần lượt như sau:``)
    part = False  # under a title naming a component (``- Lĩnh vực Cải cách thể chế``): criteria, not scores
    for seg in segments(doc):
        if any(s <= seg.start < e for s, e in flat):
            continue
        if _is_title_line(seg.text):
            part = bool(_COMPONENT_TITLE.search(seg.text) or _names_component(ms, seg.start, seg.end))
            continue
        if part:
            continue
        if order is not None and re.match(r"\s*(?:Cụm|Nhóm|Khối)\s+\S+\s*:", seg.body):
            order.close()  # ``Cụm 2:`` starts the list again
        for a, b in sentences(seg.text, seg.start):
            sent = view[a:b]
            cue = _ORDERED.search(sent)
            if cue and sent.rstrip().endswith(":") and not ms.get("entity", cue.end() + a, b):
                if order is not None:
                    order.close()
                order = _Order()
                continue
            qs = _quantities(doc, ms, a, b)
            if _GOAL.search(sent):
                continue
            inline = a + cue.end() if cue else None
            if not qs and inline is None:
                if order is not None and not ms.get("entity", a, b):
                    order.close()
                    order = None
                continue
            got = _sentence_scores(doc, ms, a, b, qs, inline, seg.start, labels)
            if order is not None:
                for sc in got:
                    if sc.value is not None:
                        order.place(sc)
            out += got
    if order is not None:
        order.close()
    return out


def _owner(view: str, ents: list[Mention], q: Mention, a: int) -> Mention | None:
    """The entity a quantity belongs to."""
    if q.kind == "rank":
        for e in ents:  # ``đứng đầu là Sở Tư pháp``: a rank said before a name is that name's
            if e.start >= q.end and _FORWARD.match(view[q.end : e.start]):
                return e
    before = [e for e in ents if e.end <= q.start]
    if before:
        e = before[-1]
        gap = view[e.end : q.start]
        if ";" not in gap or not re.search(r"[^\W\d_]{3,}", gap.split(";")[-1]):
            return e
        # a clause of its own after ``;``: its subject is still the last name if it names none
        return e
    return None


def _sentence_scores(
    doc: Document,
    ms: Mentions,
    a: int,
    b: int,
    qs: list[Mention],
    ordered_from: int | None,
    para: int,
    labels: dict[int, str | None],
) -> list[Score]:
    view = doc.view
    ents = [e for e in ms.get("entity", a, b) if not any(q.start <= e.start < q.end for q in qs)]
    named = ms.get("index", a, b)
    idx = [m for m in named if m.name == "strong"] or [m for m in named if m.name == "weak"]
    comps = ms.get("component", a, b) + [m for m in named if m.name == "component"]
    topic = topic_at(doc, a)
    if not idx and topic.index is None:
        return []
    avg = _AVERAGE.search(view, a, b)
    group = _group_entity(view, avg.end(), b) if avg else None
    if avg and group is None:
        group = _group_entity(view, a, avg.start())
    rows: dict[tuple, _Row] = {}
    for q in qs:
        if q.kind == "number" and q.label == "%" and not (
            any(m.start < q.start and m.name == "strong" for m in idx)
            or re.search(r"chỉ số[^,;.\d]{0,15}$", view[max(a, q.start - 30) : q.start], re.I)
            or _said_of_entity(view, ents, q)
        ):
            continue  # a percentage scores an index only where the sentence names it, or an entity's own
        if any(c.start <= q.start and q.end <= c.end + 40 and not _between_entity(ents, c, q) for c in comps):
            continue  # a component's score or change: a criteria row
        owner = _owner(view, ents, q, a)
        ekey: tuple
        if avg and group and (owner is None or owner.end <= avg.start() or owner.start >= group[1]) and q.start > avg.start():
            name = " ".join(doc.text[group[0] : group[1]].split()) + " (trung bình)"
            ekey, label, es, ee = ("avg", name), "group", group[0], group[1]
        elif owner is not None:
            name = doc.text[owner.start : owner.end]
            ekey, label, es, ee = (owner.start,), owner.label, owner.start, owner.end
        elif (me := _self(doc, view, a, q.start)) is not None:
            name, label = me
            ekey, es, ee = ("self",), q.start, q.end
        elif topic.entity and (idx or q.kind in ("rank", "rank_change")) and q.label not in ("first", "last"):
            name = topic.entity
            ekey, label, es, ee = ("topic",), topic.entity_label, q.start, q.end
        elif not ents and any(m.name == "strong" and m.start < q.start for m in idx):
            name, label = None, None  # ``Chỉ số CCHC năm 2022 của Sở đạt ...`` in a text that does not say whose
            ekey, es, ee = ("unnamed",), q.start, q.end
        else:
            continue
        year, compared = _years(doc, ms, a, b, q, topic.year)
        for index in _indices_for(ms, idx, q, topic.index):
            key = (ekey, index, year)
            row = rows.get(key)
            if row is None:
                row = rows[key] = _Row(name, min(es, q.start), max(ee, q.end), index, year, label)
            row.start, row.end = min(row.start, q.start), max(row.end, q.end)
            _put(row, q, compared)
    if ordered_from is not None:
        # ``5 vị trí đứng đầu lần lượt là: A, B, C``: the names after the cue rank in their order; after
        # ``đứng cuối`` they are the last places of the group, when the text says how many it has
        listed = [e for e in ents if e.start >= ordered_from]
        counts = [int(t.value or 0) for t in ms.get("total", para, b) if t.end <= ordered_from]
        group = max(counts) if counts else None  # ``với 10 huyện ... Nhóm 03 địa phương``: the whole group
        first = 1
        if re.search(r"cuối|thấp nhất", view[a:ordered_from], re.I):
            group = group or _doc_total(ms, listed[0].label if listed else None)
            first = group - len(listed) + 1 if group else 0
        if len(listed) >= 2 and first > 0:
            index = _indices_for(ms, idx, listed[0], topic.index)[0]
            year, _ = _years(doc, ms, a, b, listed[0], topic.year)
            for pos, e in enumerate(listed, start=first):
                key = ((e.start,), index, year)
                if key not in rows:
                    rows[key] = _Row(doc.text[e.start : e.end], e.start, e.end, index, year, e.label)
                rows[key].values.setdefault("rank", pos)
                if group:
                    rows[key].values.setdefault("rank_total", group)
    out = []
    for row in rows.values():
        v = row.values
        if not v or set(v) == {"last"}:
            continue
        out.append(Score(Evidence.of(doc, row.start, row.end), index=row.index, entity=row.entity, year=row.year,
                         value=v.get("value"), unit=v.get("unit"), rank=v.get("rank"), rank_total=v.get("rank_total"),
                         value_change=v.get("value_change"), rank_change=v.get("rank_change"),
                         compared_year=v.get("compared_year")))  # fmt: skip
        labels[id(out[-1])] = row.label
    return out


_SELF = re.compile(r"(?<![\w])(?:của\s+)?(Sở|Bộ|Ban|UBND tỉnh|tỉnh ta|Cơ quan|đơn vị)(?![\w])(?!\s+[" + UPPER + r"])")


def _self(doc: Document, view: str, a: int, at: int) -> tuple[str, str] | None:
    """A letter speaking of itself (``Sở đạt 92,35 điểm``): the issuer is the entity."""
    if not _SELF.search(view, a, at) or not doc.blocks_of("header"):
        return None
    name = issuer_of(doc)[0]
    return (name, "department") if name else None


def _said_of_entity(view: str, ents: list[Mention], q: Mention) -> bool:
    """``Hà Nội (91,43%``, ``TP Hải Phòng, đạt 91,87%``: a percentage right after a name."""
    before = [e for e in ents if e.end <= q.start]
    return bool(before) and bool(
        re.fullmatch(r"\s*(?:\(|,|:)?\s*(?:(?:đạt|với|là|được)\s+)?(?:kết quả\s+)?(?:đạt\s+)?", view[before[-1].end : q.start])
    )


def _between_entity(ents: list[Mention], c: Mention, q: Mention) -> bool:
    return any(c.end <= e.start < q.start for e in ents)


def _indices_for(ms: Mentions, idx: list[Mention], q: Mention, default: str | None) -> list[str | None]:
    """The index named nearest before the quantity, with those named together with it (``Chỉ số
    CCHC, Chỉ số hài lòng của Sở xếp ...``)."""
    before = [m for m in idx if m.start < q.start]
    if not before:
        return [idx[0].label if idx else default]
    i = len(before) - 1
    while i > 0 and re.fullmatch(r"\s*(?:,|và)\s*", ms.doc.view[before[i - 1].end : before[i].start]):
        i -= 1
    return list(dict.fromkeys(m.label for m in before[i:]))


def _years(doc: Document, ms: Mentions, a: int, b: int, q: Mention, default: int | None) -> tuple[int | None, int | None]:
    ys = ms.get("year", a, b)
    compared = next((int(y.value) for y in ys if y.label == "compared"), None)
    if compared is None and re.search(r"so với năm trước|so với cùng kỳ", doc.view[a:b]):
        compared = (default - 1) if default else None
    own = [y for y in ys if y.label not in ("compared", "date")]
    # a parenthesised ``(năm 2022 đạt 9,1 điểm)`` or ``(2021)`` right by the quantity wins
    near = [y for y in own if 0 <= q.start - y.end <= 30 or 0 <= y.start - q.end <= 8]
    if near:
        return int(near[-1].value), compared
    before = [y for y in own if y.end <= q.start]
    if before:
        return int(before[-1].value), compared
    if own:
        return int(own[0].value), compared
    return default, compared


def _put(row: _Row, q: Mention, compared: int | None) -> None:
    v = row.values
    if q.kind == "number" and "value" not in v:
        v["value"], v["unit"] = q.value, q.label
    elif q.kind == "rank" and "rank" not in v:
        if q.value is not None:
            v["rank"] = int(q.value)
        if q.total:
            v["rank_total"] = q.total
            if q.value is None:
                v["rank"] = q.total
        if q.value is None and not q.total:
            v.setdefault("last", True)
    elif q.kind == "rank_change" and "rank_change" not in v:
        v["rank_change"] = int(q.value or 0)
        if compared:
            v["compared_year"] = compared
    elif q.kind == "value_change" and "value_change" not in v:
        v["value_change"] = q.value
        v.setdefault("unit", q.label)
        if compared:
            v["compared_year"] = compared


def _doc_total(ms: Mentions, label: str | None) -> int | None:
    """How many were ranked in this entity's group, where the text states it: the largest count the
    text gives of that group (``7 bộ có kết quả giảm`` is a part of ``17 bộ``)."""
    nouns = _GROUP_OF.get(label or "", ())
    counts = [int(t.value or 0) for t in ms.get("total") if t.label and re.split(r"[,/\s]", t.label)[0] in nouns]
    return max(counts) if counts else None


# ---------------------------------------------------------------- one row per fact


def _norm(name: str | None) -> str:
    n = (name or "").lower()
    n = re.sub(r"^(?:tỉnh|thành phố|tp\.?|ubnd|ủy ban nhân dân)\s+", "", n)
    return " ".join(re.findall(r"\w+", n))


def _merge(scores: list[Score]) -> list[Score]:
    """A fact stated twice (in the lead and again in a table) is one row; fields fill each other."""
    out: list[Score] = []
    for s in scores:
        same = next(
            (
                o
                for o in out
                if o.index == s.index
                and o.year == s.year
                and _norm(o.entity) == _norm(s.entity)
                and (o.value is None or s.value is None or o.value == s.value)
                and (o.rank is None or s.rank is None or o.rank == s.rank)
            ),
            None,
        )
        if same is None:
            out.append(s)
            continue
        for f in ("value", "unit", "rank", "rank_total", "value_change", "rank_change", "compared_year"):
            if getattr(same, f) is None and getattr(s, f) is not None:
                setattr(same, f, getattr(s, f))
    return out
