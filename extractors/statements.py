"""Statements of results in running text: who reached what, in which index, component and year.

One pass over the body's sentences, shared by the scores and criteria extractors. Every quantity
of a sentence (``92,35 điểm``, ``84,6%``, ``xếp thứ 3/18``, ``tăng 08 bậc``, ``giảm 1,44 điểm``) is
attached to the *head* it belongs to, so one sentence gives as many statements as it names heads:

- a rank said just before a name is that name's (``đứng đầu là Sở Tư pháp``); anything else belongs
  to the nearest head before it: an entity (``Khánh Hòa dẫn đầu đạt 90,12 điểm``) or a component
  (``Kiểm soát tham nhũng (8,286 điểm)``); after ``trong đó``/``gồm`` an item's own words name a
  component (``trong đó: điểm tự chấm là 48,20/60 điểm``);
- an entity's statement is about a component when the sentence opens on one (``Ở lĩnh vực chuyển
  đổi số, Khánh Hòa dẫn đầu với 0,77 điểm``) or the paragraph stands under a title naming one
  (``- Lĩnh vực Cải cách thể chế``); a component's statement is about the entity named before it;
- with no head: an average (``Chỉ số trung bình của các huyện đạt 82,06%``), the issuer of a letter
  speaking of itself (``Sở đạt 92,35 điểm``), ``Tỉnh này`` for the last entity named, else the
  headline's entity.

A list the text declares ordered (``xếp lần lượt từ cao xuống thấp như sau:``, ``5 vị trí đứng đầu
lần lượt là: A, B, C``) ranks its entities in order. The index and year are those named in the
sentence, else those in effect there (:mod:`extractors.topics`). Thresholds (``9 sở đạt trên 90%``),
goals (``phấn đấu``) and proportions (``100% hồ sơ``) are not results.

>>> from docmine.parsers.text import from_string
>>> doc = from_string("PAPI năm 2020: Quảng Ninh dẫn đầu ở tiêu chí Kiểm soát tham nhũng (8,286 điểm).")
>>> [(s.entity, s.component, s.values.get("value"), s.values.get("rank")) for s in statements(doc)]
[('Quảng Ninh', 'Kiểm soát tham nhũng', 8.286, 1)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docmine.model import Document
from docmine.normalize import UPPER
from extractors.discourse import segments
from extractors.mentions import GROUP_NOUNS, Mention, Mentions, low_view, mentions
from extractors.tables import flat_spans, in_spans
from extractors.topics import topic_at

_GOAL = re.compile(r"phấn đấu|mục tiêu|chỉ tiêu|kế hoạch đề ra|đặt ra|đề ra|dự kiến|kỳ vọng")  # on lowered text
_THRESHOLD = re.compile(r"(?:trên|dưới|từ|hơn|gần|khoảng|ngưỡng|mức|đến|tới|-|[<>≥≤])\s*$", re.I)
_VALUE_CUE = re.compile(r"(?:đạt|với|là|được|giá trị|điểm số|số điểm|tổng điểm|chỉ số|:)\s*(?:\(\s*)?$", re.I)
_ORDERED = re.compile(r"lần lượt|theo thứ tự|từ cao xuống thấp|từ cao đến thấp|thứ tự từ")  # on lowered text
_FORWARD = re.compile(r"^\s*(?:là|:|thuộc về|gọi tên|có|gồm|với)?\s*(?:các\s+(?:tỉnh|bộ|sở|đơn vị)\s*:?\s*)?$", re.I)
# a percentage followed by what it is a share of (``100% văn bản``) measures, it does not score
_PROPORTION = re.compile(
    r"\s+(?!so\b|và\b|tăng\b|giảm\b|xếp\b|đứng\b|cao\b|thấp\b|trở\b|với\b|của\b|trong\b|là\b|đạt\b|năm\b|điểm\b|"
    r"thuộc\b|\(|,|;|\.|-)[^\W\d_]"
)
# run on lowered text (mentions.low_view), without re.I: the regex engine then skips ahead to their first letters
_REGION = re.compile(  # each alternative opens with its word, so the regex engine skips ahead to t, c and x
    r"trong\s+(?:khu vực|vùng|cụm|nhóm)\b|của\s+(?:khu vực|vùng|cụm|nhóm)\b|xét trong\s+(?:khu vực|vùng|cụm|nhóm)\b"
    r"|trong vùng"
)
_AVERAGE = re.compile(r"trung bình|bình quân")
_GROUP = re.compile(
    r"(?:(?:các|toàn bộ)\s+)?(?:\d{1,3}\s+)?(?:các\s+)?(?:khối\s+)?"
    r"(?:" + GROUP_NOUNS + r"|ngành|ubnd cấp huyện|ubnd cấp xã|cấp huyện|cấp xã|cấp tỉnh|cả 3 cấp)(?![\w])|cả nước|toàn quốc",
    re.I,
)
GROUP_OF = {"province": ("tỉnh",), "ministry": ("bộ",), "department": ("sở", "cơ quan", "đơn vị"),
            "body": ("sở", "cơ quan", "đơn vị"), "agency": ("sở", "cơ quan", "đơn vị"),
            "district": ("huyện", "địa phương"), "commune": ("xã", "phường")}  # fmt: skip
_COMPONENT_TITLE = re.compile(r"lĩnh vực|chỉ số thành phần|tiêu chí|trụ cột|^\W*nội dung\s+\d", re.I)
_BREAKDOWN = re.compile(
    r"trong đó\s*:?|bao gồm\s*:?|gồm\s*:?|cụ thể(?: là)?\s*:|(?:tiêu chí|lĩnh vực|chỉ số thành phần|trụ cột)[^:.;]{0,30}:"
)  # on lowered text
_SCOPE = re.compile(r"(?:^|[:;,.(]\s*)(?:Ở|Về|Đối với|Tại|Trong|Xét về|Riêng|Với)\s+(?:(?:lĩnh vực|tiêu chí|chỉ số|trụ cột)\s+)?$", re.I)
_ANAPHOR = re.compile(r"(?<![\w])(?:[Tt]ỉnh này|[Tt]hành phố này|[Đđ]ịa phương này|[Ss]ở này|[Đđ]ơn vị này|[Hh]uyện này)(?![\w])")
_SELF = re.compile(r"(?<![\w])(?:của\s+)?(Sở|Bộ|Ban|UBND tỉnh|tỉnh ta|Cơ quan|đơn vị)(?![\w])(?!\s+[" + UPPER + r"])")
_OVER = re.compile(r"\s*(?:cả nước\s*|toàn quốc\s*)?(?:ở|về|tại)\s+(?:\d+\s+|các\s+)?(?:tiêu chí|lĩnh vực|chỉ số)", re.I)
_CONDITION = re.compile(r"trường hợp|\bnếu\b|\bkhi\b", re.I)
_INDEX_CUE = re.compile(r"chỉ số[^,;.\d]{0,15}$", re.I)
_ITEM_START = re.compile(r".*(?:[,;:(]|\btrong đó\b|\bgồm\b|\bvà\b)\s*", re.I | re.S)
_ITEM_VERB = re.compile(r"\s*(?:(?:là|đạt|được|chỉ|chiếm|với)\s*)+$", re.I)


@dataclass
class Statement:
    entity: str | None
    label: str | None  # the entity's kind (province, department, ...; ``group`` for an average)
    index: str | None
    year: int | None
    start: int
    end: int
    component: str | None = None  # the component it is about, as written
    values: dict = field(default_factory=dict)  # value unit maximum rank rank_total value_change rank_change compared_year
    notes: list[tuple[int, int]] = field(default_factory=list)  # phrases a remarks field keeps
    used: list[tuple[int, int]] = field(default_factory=list)  # the quantities it took, for other extractors


@dataclass(frozen=True)
class _Head:
    start: int
    end: int
    kind: str  # entity | component
    name: str | None
    label: str | None = None


def statements(doc: Document) -> list[Statement]:
    """The result statements of ``doc``'s running text (tables are read by the extractors themselves)."""
    got = doc.layers.get("statements")
    if got is None:
        got = doc.layers["statements"] = _Reader(doc).read()
    return got


class _Order:
    """A list the text declares ordered: its members get positions 1, 2, ... and, when it ends, its
    length as their rank total."""

    def __init__(self) -> None:
        self.members: list[Statement] = []

    def place(self, s: Statement) -> None:
        s.values.setdefault("rank", len(self.members) + 1)
        self.members.append(s)

    def close(self) -> None:
        if len(self.members) >= 3:
            for s in self.members:
                s.values.setdefault("rank_total", len(self.members))
        self.members = []


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.view = doc.view
        self.low = low_view(doc)
        self.ms: Mentions = mentions(doc)
        self.out: list[Statement] = []
        self.last_entity: _Head | None = None

    def read(self) -> list[Statement]:
        ms, view = self.ms, self.view
        flat = flat_spans(self.doc)
        low = low_view(self.doc)
        order: _Order | None = None
        part: _Head | None = None  # the component a title names (``- Lĩnh vực Cải cách thể chế``)
        for seg in segments(self.doc):
            if in_spans(flat, seg.start):
                continue
            if _is_title_line(seg.text):
                part = self._title_component(seg.start, seg.end, seg.text)
                continue
            if order is not None and re.match(r"\s*(?:Cụm|Nhóm|Khối)\s+\S+\s*:", seg.body):
                order.close()  # ``Cụm 2:`` starts the list again
            for a, b in seg.sentences:
                cue = _ORDERED.search(low, a, b)
                if cue and view[a:b].rstrip().endswith(":") and not ms.get("entity", cue.end(), b):
                    if order is not None:
                        order.close()
                    order = _Order()
                    continue
                if _GOAL.search(low, a, b):
                    continue
                qs = self._quantities(a, b)
                inline = cue.end() if cue else None
                if not qs and inline is None:
                    if order is not None and not ms.get("entity", a, b):
                        order.close()
                        order = None
                    self._remember(a, b)
                    continue
                got = self._sentence(a, b, qs, inline, seg.start, part)
                if order is not None:
                    for st in got:
                        if st.component is None and st.values.get("value") is not None:
                            order.place(st)
                self.out += got
                self._remember(a, b)
        if order is not None:
            order.close()
        return self.out

    # ------------------------------------------------------------ parts of a sentence

    def _remember(self, a: int, b: int) -> None:
        ents = self.ms.get("entity", a, b)
        if ents:
            e = ents[0]
            self.last_entity = _Head(e.start, e.end, "entity", self.doc.text[e.start : e.end], e.label)

    def _title_component(self, start: int, end: int, text: str) -> _Head | None:
        comps = [c for c in self.ms.get("component", start, end) if (c.end - c.start) >= 0.4 * (end - start)]
        if comps:
            c = comps[0]
            return _Head(c.start, c.end, "component", self.doc.text[c.start : c.end])
        m = _COMPONENT_TITLE.search(text)
        if not m:
            return None
        s = start + m.end()
        while s < end and not self.view[s].isalnum():
            s += 1
        name = self.doc.text[s:end].strip(" .:;")
        return _Head(s, end, "component", name) if name else None

    def _quantities(self, a: int, b: int) -> list[Mention]:
        view, ms = self.view, self.ms
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
        regional = _REGION.search(self.low, a, b)
        qs += [r for r in ms.get("rank", a, b) if not (regional and r.total is None and r.label is None)]
        qs += ms.get("rank_change", a, b) + ms.get("value_change", a, b)
        return sorted(qs, key=lambda m: m.start)

    def _heads(self, a: int, b: int, qs: list[Mention]) -> list[_Head]:
        text = self.doc.text
        heads = [
            _Head(e.start, e.end, "entity", text[e.start : e.end], e.label)
            for e in self.ms.get("entity", a, b)
            if not any(q.start <= e.start < q.end for q in qs)
        ]
        comps = self.ms.get("component", a, b) + [m for m in self.ms.get("index", a, b) if m.name == "component"]
        heads += [_Head(c.start, c.end, "component", text[c.start : c.end]) for c in comps]
        for m in _ANAPHOR.finditer(self.view, a, b):
            if self.last_entity is not None:
                h = self.last_entity
                heads.append(_Head(m.start(), m.end(), "entity", h.name, h.label))
        return sorted(heads, key=lambda h: h.start)

    def _item_component(self, a: int, q: Mention, after: int) -> _Head | None:
        """In a breakdown (``trong đó: điểm tự chấm là 48,20 điểm, ...``) the words of an item before
        its number name the component."""
        seg = self.view[after : q.start]
        if seg.rstrip().endswith("("):
            seg = seg.rstrip()[:-1]  # ``Kiểm soát tham nhũng (8,1 điểm)``: the name before the bracket
        m = _ITEM_START.match(seg)
        s = after + (m.end() if m else 0)
        raw = _ITEM_VERB.sub("", self.view[s : after + len(seg)])
        name = raw.strip(" ,;:(")
        if len(name.split()) < 2 or not name[0].isalpha() or re.search(r"\d", name):
            return None
        s += len(raw) - len(raw.lstrip(" ,;:("))
        return _Head(s, s + len(name), "component", self.doc.text[s : s + len(name)])

    def _sentence(
        self, a: int, b: int, qs: list[Mention], ordered_from: int | None, para: int, part: _Head | None
    ) -> list[Statement]:
        doc, view, ms = self.doc, self.view, self.ms
        heads = self._heads(a, b, qs)
        ents = [h for h in heads if h.kind == "entity"]
        named = ms.get("index", a, b)
        idx = [m for m in named if m.name == "strong"] or [m for m in named if m.name == "weak"]
        topic = topic_at(doc, a)
        if not idx and topic.index is None:
            return []
        avg = _AVERAGE.search(self.low, a, b)
        group = _group_entity(view, avg.end(), b) if avg else None
        if avg and group is None:
            group = _group_entity(view, a, avg.start())
        breakdown = _BREAKDOWN.search(self.low, a, b)
        if breakdown:  # after ``trong đó:`` an item's own words name its component
            for q in qs:
                near = [h for h in heads if h.end <= q.start]
                if q.kind == "number" and q.start > breakdown.end() and (not near or near[-1].end <= breakdown.start()):
                    item = self._item_component(a, q, breakdown.end())
                    if item is not None:
                        heads = sorted([*heads, item], key=lambda h: h.start)
        scope = next(  # ``Ở lĩnh vực hạ tầng kỹ thuật, Hà Nội dẫn đầu ...``: a component the clause opens on
            (h for h in heads if h.kind == "component" and _SCOPE.search(view[max(a, h.start - 30) : h.start])), None
        )
        rows: dict[tuple, Statement] = {}
        for q in list(qs):
            if q.kind == "rank" and _OVER.match(view, q.end):
                # ``dẫn đầu cả nước ở 3 tiêu chí: A (...); B (...)``: the rank of each component named after
                later = [h for h in heads if h.kind == "component" and h.start >= q.end]
                if later:
                    qs.remove(q)
                    who = self._owner(heads, q)
                    for c in later:
                        self._add(rows, a, b, q, who if who and who.kind == "entity" else None, c, idx, topic)
        pct_ok = False  # once a sentence's percentage scores, its percentage changes do too
        strong = any(m.name == "strong" for m in idx)
        for q in qs:
            clause = view[max(a, view.rfind(",", a, q.start), view.rfind("(", a, q.start), view.rfind(";", a, q.start)) : q.start]
            if _CONDITION.search(clause):
                continue  # ``(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)``: a rule, not a result
            head = self._owner(heads, q)
            comp: _Head | None = None
            if head is not None and head.kind == "component":
                comp = head
                head = next((h for h in reversed(ents) if h.end <= comp.start), None)
            if comp is None:
                comp = scope if scope is not None and (head is None or scope.start < head.start) else None
            if comp is not None and q.label == "%" and not (strong or _INDEX_CUE.search(view[max(a, q.start - 30) : q.start])):
                continue  # ``Tỷ lệ thủ tục hành chính ... đạt 100%``: a rate measured, not a component's score
            if comp is None and part is not None and (
                q.label != "%" or re.search(r"chỉ số[^,;.\d]{0,15}$", view[max(a, q.start - 30) : q.start], re.I)
            ):
                comp = part  # under ``- Lĩnh vực Cải cách thể chế``: its points and ranks, not any rate
            if (q.kind == "number" or q.kind == "value_change") and q.label == "%" and comp is None and not (
                pct_ok and q.kind == "value_change"
                or any(m.start < q.start and m.name == "strong" for m in idx)
                or re.search(r"chỉ số[^,;.\d]{0,15}$", view[max(a, q.start - 30) : q.start], re.I)
                or _said_of(view, head, q)
            ):
                continue  # a percentage scores an index only where the sentence names it, or an entity's own
            pct_ok = pct_ok or q.label == "%"
            if comp is None and avg and group and q.start > avg.start() and (
                head is None or head.end <= avg.start() or head.start >= group[1]
            ):
                head = _Head(group[0], group[1], "entity", " ".join(doc.text[group[0] : group[1]].split()) + " (trung bình)", "group")
            self._add(rows, a, b, q, head, comp, idx, topic, ents)
        if ordered_from is not None:
            self._ordered(a, b, ordered_from, para, ents, idx, topic, rows)
        return [s for s in rows.values() if s.values]

    def _add(self, rows, a, b, q, head, comp, idx, topic, ents=()) -> None:
        """Put quantity ``q`` into the statement of its entity (and component), made if new."""
        who = self._who(a, q, head, comp, ents, idx, topic)
        if who is None:
            return
        name, label, es, ee = who
        year, compared = _years(self.view, self.ms, a, b, q, topic.year)
        cname = comp.name if comp else None
        for index in _indices_for(self.ms, idx, q, topic.index):
            key = (name, label, cname, index, year)
            st = rows.get(key)
            if st is None:
                st = rows[key] = Statement(name, label, index, year, min(es, q.start), max(ee, q.end), cname)
            st.start, st.end = min(st.start, q.start), max(st.end, q.end)
            _put(st, q, compared)

    def _who(self, a, q, head, comp, ents, idx, topic):
        """The entity of a quantity: (name, label, start, end), or None to drop it."""
        doc, view = self.doc, self.view
        if head is not None:
            return head.name, head.label, head.start, head.end
        me = _self(doc, view, a, q.start)
        if me is not None:
            return me[0], me[1], q.start, q.end
        if topic.entity and (idx or comp or q.kind in ("rank", "rank_change")) and q.label not in ("first", "last"):
            return topic.entity, topic.entity_label, q.start, q.end
        if not ents and (comp or any(m.name == "strong" and m.start < q.start for m in idx)):
            return None, None, q.start, q.end  # ``Chỉ số CCHC năm 2022 của Sở đạt ...`` with no name given
        return None

    def _owner(self, heads: list[_Head], q: Mention) -> _Head | None:
        if q.kind == "rank":
            for h in heads:  # ``đứng đầu là Sở Tư pháp``: a rank said before a name is that name's
                if h.kind == "entity" and h.start >= q.end and _FORWARD.match(self.view[q.end : h.start]):
                    return h
        before = [h for h in heads if h.end <= q.start]
        return before[-1] if before else None

    def _ordered(self, a, b, ordered_from, para, ents, idx, topic, rows) -> None:
        """``5 vị trí đứng đầu lần lượt là: A, B, C``: the names after the cue rank in their order;
        after ``đứng cuối`` they are the last places of the group, when the text says how many."""
        ms, view = self.ms, self.view
        listed = [e for e in ents if e.start >= ordered_from]
        counts = [int(t.value or 0) for t in ms.get("total", para, b) if t.end <= ordered_from]
        group = max(counts) if counts else None  # ``với 10 huyện ... Nhóm 03 địa phương``: the whole group
        first = 1
        if re.search(r"cuối|thấp nhất", view[a:ordered_from], re.I):
            group = group or doc_total(ms, listed[0].label if listed else None)
            first = group - len(listed) + 1 if group else 0
        elif re.search(r"tiếp theo|kế tiếp", view[a:ordered_from], re.I):
            ranked = [s.values["rank"] for s in rows.values() if "rank" in s.values]
            first = max(ranked) + 1 if ranked else 0
        if len(listed) < 2 or first <= 0:
            return
        index = _indices_for(ms, idx, listed[0], topic.index)[0]  # type: ignore[arg-type]
        year, _ = _years(view, ms, a, b, listed[0], topic.year)  # type: ignore[arg-type]
        for pos, e in enumerate(listed, start=first):
            key = (e.name, e.label, None, index, year)
            if key not in rows:
                rows[key] = Statement(e.name, e.label, index, year, e.start, e.end)
            rows[key].values.setdefault("rank", pos)
            if group:
                rows[key].values.setdefault("rank_total", group)


def _is_title_line(text: str) -> bool:
    t = text.strip()
    return (
        0 < len(t) < 100
        and "\n" not in t
        and not re.search(r"[.;:!?,]$", t)
        and len(t.split()) <= 14
        and not re.search(r"\d\s*(?:điểm|%)", t)  # a result is not a title
    )


def _group_entity(view: str, start: int, end: int) -> tuple[int, int] | None:
    """An average's entity (``các tỉnh, thành phố``, ``19 bộ, cơ quan ngang bộ``, ``cả nước``)."""
    m = _GROUP.search(view, start, end)
    return (m.start(), m.end()) if m else None


def _self(doc: Document, view: str, a: int, at: int) -> tuple[str, str] | None:
    """A letter speaking of itself (``Sở đạt 92,35 điểm``): the issuer is the entity."""
    if not _SELF.search(view, a, at) or not doc.blocks_of("header"):
        return None
    from extractors.document import issuer_of

    name = issuer_of(doc)[0]
    return (name, "department") if name else None


def _said_of(view: str, head: _Head | None, q: Mention) -> bool:
    """``Hà Nội (91,43%``, ``TP Hải Phòng, đạt 91,87%``: a percentage right after a name."""
    return (
        head is not None
        and head.kind == "entity"
        and bool(
            re.fullmatch(r"\s*(?:\(|,|:)?\s*(?:(?:đạt|với|là|được)\s+)?(?:kết quả\s+)?(?:đạt\s+)?", view[head.end : q.start])
        )
    )


def _indices_for(ms: Mentions, idx: list[Mention], q, default: str | None) -> list[str | None]:
    """The index named nearest before the quantity, with those named together with it (``Chỉ số
    CCHC, Chỉ số hài lòng của Sở xếp ...``)."""
    before = [m for m in idx if m.start < q.start]
    if not before:
        return [idx[0].label if idx else default]
    i = len(before) - 1
    while i > 0 and re.fullmatch(r"\s*(?:,|và)\s*", ms.doc.view[before[i - 1].end : before[i].start]):
        i -= 1
    return list(dict.fromkeys(m.label for m in before[i:]))


def _years(view: str, ms: Mentions, a: int, b: int, q, default: int | None) -> tuple[int | None, int | None]:
    ys = ms.get("year", a, b)
    compared = next((int(y.value) for y in ys if y.label == "compared"), None)
    if compared is None and re.search(r"so với năm trước|so với cùng kỳ", view[a:b]):
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


def _put(st: Statement, q: Mention, compared: int | None) -> None:
    v = st.values
    st.used.append((q.start, q.end))
    if q.kind == "number":
        if "value" not in v:
            v["value"], v["unit"] = q.value, q.label
            if q.maximum is not None:
                v["maximum"] = q.maximum
        else:
            st.notes.append((q.start, q.end))
    elif q.kind == "rank" and "rank" not in v:
        if q.value is not None:
            v["rank"] = int(q.value)
        if q.total:
            v["rank_total"] = q.total
            if q.value is None:
                v["rank"] = q.total
        if q.value is None and not q.total:
            v.setdefault("last", True)
        if q.label in ("first", "last"):
            st.notes.append((q.start, q.end))
    elif q.kind == "rank_change" and "rank_change" not in v:
        v["rank_change"] = int(q.value or 0)
        st.notes.append((q.start, q.end))
        if compared:
            v["compared_year"] = compared
    elif q.kind == "value_change" and "value_change" not in v:
        v["value_change"] = q.value
        v.setdefault("unit", q.label)
        st.notes.append((q.start, q.end))
        if compared:
            v["compared_year"] = compared


def doc_total(ms: Mentions, label: str | None) -> int | None:
    """How many were ranked in this entity's group, where the text states it: the largest count the
    text gives of that group (``7 bộ có kết quả giảm`` is a part of ``17 bộ``)."""
    nouns = GROUP_OF.get(label or "", ())
    counts = [int(t.value or 0) for t in ms.get("total") if t.label and re.split(r"[,/\s]", t.label)[0] in nouns]
    return max(counts) if counts else None
