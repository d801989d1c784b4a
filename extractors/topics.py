"""What a passage is about when it does not say: the index, year and entity in effect at an offset.

A report names its index once (``Chỉ số CCHC năm 2022 của tỉnh``) and then writes ``Chỉ số giảm
1,78%``; a news article's headline names the province its sentences leave out. :func:`topics`
walks the mention layer once and records, for every index name with a year, the index and year in
effect from there on; :func:`topic_at` answers for any offset, falling back on the headline.

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Chỉ số PCI năm 2019 của tỉnh Lào Cai\\n\\nTỉnh xếp thứ 10. Chỉ số CCHC năm 2020 tăng.")
>>> t = topic_at(doc, len(doc.text) - 3)
>>> t.index, t.year, t.entity
('PAR', 2020, 'tỉnh Lào Cai')
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from docmine.model import Document
from docmine.normalize import UPPER
from extractors.mentions import Mention, Mentions, mentions
from extractors.tables import Cell, TableView


@dataclass(frozen=True)
class Topic:
    index: str | None
    year: int | None
    entity: str | None  # the headline's entity, as written
    entity_label: str | None = None


@dataclass
class _Topics:
    offsets: list[int]
    states: list[tuple[str | None, int | None]]
    default: Topic


def headline_span(doc: Document) -> tuple[int, int] | None:
    """The title of a news page or the subject line of a letter: the first body block of five words
    or more among the first blocks (or the parser's title)."""
    if doc.title:
        i = doc.text.find(doc.title)
        if i >= 0:
            return i, i + len(doc.title)
    for b in doc.blocks[:12]:
        if b.kind in ("furniture", "stamp", "table_cell"):
            continue
        t = doc.view[b.start : b.end]
        if len(t.split()) >= 5 and not t.rstrip().endswith(":"):
            return b.start, b.end
    return None


# who announces an index is not who it scores (``VCCI đã công bố Chỉ số PCI 2022``)
_PUBLISHES = re.compile(
    r"(?:(?:[ ]+(?:và[ ]+)?[" + UPPER + r"]\w*)*|(?:[ ]+\w+){0,6}?[ ]*\([A-ZĐ]{2,10}\))"  # the rest of its name, its acronym
    r"\s*(?:đã\s+|vừa\s+|chính thức\s+|mới\s+)*(?:công bố|phát hành|ban hành|tổ chức công bố)(?!\w)"
)  # case kept: a name's words are capitalized, the verb is not


def _year_near(ms, start: int, end: int) -> int | None:
    ys = [y for y in ms.get("year", start, end) if y.label not in ("compared", "date")]
    return int(ys[0].value) if ys else None


def topics(doc: Document) -> _Topics:
    got = doc.layers.get("topics")
    if got is not None:
        return got
    ms = mentions(doc)
    view = doc.view
    head = headline_span(doc)
    h_index = h_year = None
    h_entity: Mention | None = None
    if head:
        idx = [m for m in ms.get("index", *head) if m.name == "strong"] or ms.get("index", *head)
        h_index = idx[0].label if idx else None
        h_year = _year_near(ms, *head)
        ents = [e for e in ms.get("entity", *head) if not _PUBLISHES.match(view, e.end)]
        h_entity = ents[0] if ents else None
    if h_entity is None:  # a short title over its entity (``PGI CỦA TỈNH`` / ``TP.HCM``)
        top = [b for b in doc.blocks[:5] if b.kind not in ("furniture", "table_cell")]
        ents = ms.get("entity", top[0].start, top[-1].end) if top else []
        ents = [e for e in ents if not _PUBLISHES.match(view, e.end)]
        h_entity = ents[0] if ents else None
    strong = [m for m in ms.get("index") if m.name == "strong"]
    if h_index is None and strong:
        h_index = Counter(m.label for m in strong).most_common(1)[0][0]
    if h_year is None:
        ys = Counter(
            int(y.value) for m in strong for y in ms.get("year", m.start, m.end + 40) if y.label not in ("compared", "date")
        )
        h_year = ys.most_common(1)[0][0] if ys else None
    offsets: list[int] = []
    states: list[tuple[str | None, int | None]] = []
    cur_index, cur_year = h_index, h_year
    for m in ms.get("index"):
        if m.name != "strong":
            continue
        # the year stated with the name (``Chỉ số CCHC năm 2022``, ``PCI 2019``), within its clause
        cut = min([i for i in (view.find(c, m.end, m.end + 60) for c in ".;\n") if i >= 0] or [m.end + 60])
        y = _year_near(ms, m.end, cut)
        if y is None:
            y = _year_near(ms, max(0, m.start - 25), m.start)
        cur_index = m.label
        cur_year = y or cur_year
        offsets.append(m.start)
        states.append((cur_index, cur_year))
    entity = doc.text[h_entity.start : h_entity.end] if h_entity else None
    got = _Topics(offsets, states, Topic(h_index, h_year, entity, h_entity.label if h_entity else None))
    doc.layers["topics"] = got
    return got


def topic_at(doc: Document, offset: int) -> Topic:
    """The index and year in effect at ``offset`` (the last index named before it, with its year),
    and the headline's entity."""
    t = topics(doc)
    i = bisect.bisect_right(t.offsets, offset) - 1
    if i < 0:
        return t.default
    index, year = t.states[i]
    return Topic(index, year or t.default.year, t.default.entity, t.default.entity_label)


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


def document_year(doc: Document) -> int | None:
    """The year of the document's own date (issue date of a letter, publication date of a page)."""
    if "document_year" not in doc.layers:
        from extractors.document import extract as document_info

        info = document_info(doc)
        date = info[0].date if info else None
        doc.layers["document_year"] = int(date[:4]) if date and date[:4].isdigit() else None
    return doc.layers["document_year"]
