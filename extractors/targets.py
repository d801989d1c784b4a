"""Goals a plan, directive or report sets for the future: one row per goal, with what it is about.

How the genre states a goal, and what this module reads as one:

- **where**: a sentence that says so (``phấn đấu``, ``mục tiêu``, ``chỉ tiêu``, ``định hướng``, ``đặt
  mục tiêu``), the items of a goal list (``Mục tiêu đến cuối năm 2026: - 100% ... - 85% ...``, list
  items under ``Mục tiêu cụ thể`` or a ``MỤC TIÊU`` heading), the items of a directive (a percentage
  there is a goal: ``Giải quyết 100% hồ sơ đúng hạn``), and the goal column of a plan's table
  (``Mục tiêu năm 2026 | Phấn đấu vào top 15``); never a value already reached (``đã``,
  ``chỉ đạt``, ``hiện đạt``), a difference (``cao hơn chỉ tiêu được giao 5%``) or the yardstick printed
  beside a measured value (``đạt 61,4%, trong khi mục tiêu đề ra là 65%``: that metric's target);
- **what**: a percentage or ratio (:mod:`extractors.quantities`), a score in points (``đạt từ 68,50
  điểm trở lên``), a rank (``top 5``, ``nhóm 10 tỉnh dẫn đầu``, ``vị trí dẫn đầu``, ``vị trí cao
  nhất``: unit ``hạng``), a rise (``tăng từ 3 - 6 bậc``, ``tăng 2,15 điểm``), or in a goal list a
  count (``Cung cấp 40/40 dịch vụ công thiết yếu``, ``đưa 12 thủ tục hành chính lên nền tảng số``);
- **its fields**: the comparison from the words around the number (``từ ... trở lên``, ``tối
  thiểu`` ``>=``; ``trên`` ``>``; a rank in a top group ``<=``), the index the goal names (or, for a
  score or rank, the index in effect), the year it is set for (``năm 2024``, ``đến hết năm 2025``,
  the end of ``giai đoạn 2021 - 2025``, else the list's lead, heading or the plan's own year), and the
  indicator: the words a percentage counts, or the subject of the goal (``điểm số PCI của
  tỉnh``), or a table row's name.

>>> from docmine.parsers.text import from_string
>>> t = extract(from_string("Phấn đấu Chỉ số hài lòng năm 2024 đạt trên 90%."))[0]
>>> t.indicator, t.index, t.year, t.op, t.value, t.unit
('Chỉ số hài lòng', 'SIPAS', 2024, '>', 90, '%')
>>> t = extract(from_string("Phấn đấu điểm số PCI của tỉnh năm 2026 đạt từ 68,50 điểm trở lên."))[0]
>>> t.indicator, t.index, t.year, t.op, t.value, t.unit
('điểm số PCI của tỉnh', 'PCI', 2026, '>=', 68.5, 'điểm')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmine.facts import Evidence, Target
from docmine.model import Document
from extractors.common import clean
from extractors.discourse import TASK_OPENING, Segment, context_kind, joined_segments, lead_kind
from extractors.mentions import goal_changes, mentions, noun_after, top_ranks
from extractors.quantities import comparison, indicator_of, quantities_in, spots
from extractors.similar import token_f1
from extractors.tables import TableView, flat_spans, in_spans, tables
from extractors.topics import document_year, headline_span, table_context, topic_at


def _rx(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    """Compile with each literal space matching any run of whitespace (wrapped lines)."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


# a goal said in so many words
_GOAL_CUE = _rx(r"(?<!\w)(?:phấn đấu|mục tiêu|chỉ tiêu|định hướng|kế hoạch giao|hướng tới|hướng đến)(?!\w)")
_ANY_GOAL = re.compile(r"\d|đầu|cao nhất|thứ nhất", re.I)
_CUE_STEMS = ("phấn đấu", "mục tiêu", "chỉ tiêu", "định hướng", "kế hoạch giao", "hướng tới", "hướng đến")
# the lead of a list of goals, a heading or subheading over them
# ``chưa đạt chỉ tiêu``, ``vượt mục tiêu``, ``Chương trình mục tiêu``: a yardstick or a name, not a goal set here
_YARDSTICK = _rx(r"(?:(?:chưa|không)? (?:đạt|vượt|hoàn thành)|so với|chương trình|thực hiện) $", re.I)
_GOAL_LEAD = _rx(r"(?<!\w)(?:phấn đấu|mục tiêu|chỉ tiêu)(?!\w)")
# a value reached, not a goal
_PAST = _rx(
    r"(?<!\w)(?:đã|đạt được|chỉ đạt|mới đạt|mới chỉ|hiện đạt|hiện nay đạt|thực tế đạt|tỷ lệ đạt|thực hiện được|"
    r"kết quả|vừa qua|năm qua|chưa|không đạt|vượt)(?!\w)"
)
# words that make a percentage a goal by themselves (``Đảm bảo hoàn thành 100% ...``, ``tối thiểu 30%``)
_OP_WORDS = _rx(r"(?:\s(?:đạt|là|tối thiểu|ít nhất|từ|trên|dưới|không thấp hơn|không dưới))+\s*$")
_ASIDE = r",\s*(?:cao hơn|thấp hơn|so với|tăng|giảm|trong đó|chiếm|nhằm|góp phần)\b"
_FIRM = _rx(
    r"(?<!\w)(?:đảm bảo|bảo đảm|hoàn thành|phải|tối thiểu|ít nhất|trở lên|không thấp hơn|không dưới)(?!\w)"
)
_DIFFERENCE = _rx(r"(?<!\w)(?:cao hơn|thấp hơn|nhiều hơn|ít hơn|so với|chênh lệch|gấp) [^\W\d_]")
_GOAL_VERB = _rx(r"(?<!\w)(?:đạt|tăng|nằm|thuộc|duy trì|giữ vững|giữ|xếp|vươn lên|cải thiện|nâng)(?!\w)")
_SUBJECT_START = _rx(
    r"^(?:(?:Theo kế hoạch|Theo đó|Trong đó|Mục tiêu|mục tiêu phấn đấu|Phấn đấu|phấn đấu|định hướng|đặt mục tiêu|"
    r"xác định|trong giai đoạn [\d\s–-]+|(?:đến|đến hết|trong|vào|cuối) năm \d{4}|năm \d{4}|tỉnh|huyện)[\s,:]+)+",
    0,
)
_YEAR = re.compile(
    r"(?<![\w/])(?:(?:giai\s+đoạn|từ)\s+(?:năm\s+)?\d{4}\s*[-–]\s*|(?:năm|Năm|NĂM)\s+)(\d{4})(?![\d/])"
)
_COMPARED_YEAR = re.compile(r"(?:so với|so|hơn)\s*(?:cùng kỳ\s*)?$", re.I)
_ITEM = re.compile(r"(?<=[.;:…])\s*[-+•]\s+(?=\S)|;\s*")  # inline list items ``: - A. - B.`` and ``A; B``
_LABEL = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?([^\W\d_][^:;.]{2,60}):\s*(?=(?:[^\W\d_]+\s+){0,3}\d)")
_COUNT_VERB = _rx(
    r"(?:Cung cấp|Thí điểm(?: đưa)?|Đưa|Hoàn thành|Xây dựng|Triển khai|Tích hợp|Cắt giảm)\s+$", 0
)
_FIRST = _rx(
    r"(?<!\w)(?<!người\s)(?:vị trí dẫn đầu|dẫn đầu|đứng đầu|vị trí cao nhất|thứ hạng cao nhất|vị trí số 1|vị trí thứ nhất)(?!\w)"
)
_TABLE_GOAL_HEAD = _rx(r"mục tiêu|chỉ tiêu|kế hoạch")


@dataclass
class _Goal:
    start: int  # the number in doc.text
    end: int
    value: float
    unit: str
    op: str
    kind: str  # percent | points | rank | change | count
    indicator: str | None = None


def extract(doc: Document) -> list[Target]:
    out: list[Target] = []
    head = headline_span(doc)
    flat = flat_spans(doc)
    for seg in joined_segments(doc):
        if seg.kind == "heading" or seg.is_title or in_spans(flat, seg.start):
            continue
        if head and head[0] <= seg.start < head[1] and not re.search(r"[.;]\W*$", seg.text):
            continue  # a headline announces a plan; its goals are in the body
        if not _ANY_GOAL.search(seg.text):
            continue  # no number and no first place: nothing to read
        scoped = _goal_scope(seg)
        listed = lead_kind(seg.lead) == "directive"  # an item of a directive's list
        headed = context_kind(seg) == "directive"  # under a heading of tasks: sentences that ask count
        opened = False  # a goal intro earlier in the segment (``Mục tiêu đến cuối năm 2026:``)
        for a, b in seg.sentences:
            a = max(a, seg.body_start)
            directive = listed or headed and bool(TASK_OPENING.match(doc.view, a, b))
            for g, at, x, y in _goals(doc, seg, a, b, scoped or opened, directive):
                _add(out, doc, seg, g, x, y, at)
            s = doc.view[a:b]
            if ":" in s and _GOAL_LEAD.search(s[: s.rfind(":")]):
                opened = True
    for t in tables(doc):
        index, _ = table_context(doc, mentions(doc), t)
        for g, row_start, name, year in _table_goals(doc, t):
            _add(out, doc, None, g, row_start, g.end, row_start, name=name, year=year, index=index)
    for sp in spots(doc):
        if sp.seg is not None or not sp.directive:
            continue  # a cell of a task table: a percentage it asks for is a goal
        for q in quantities_in(doc, sp.start, sp.end, directive=True):
            if q.role == "goal" and q.unit == "%":
                g = _Goal(q.start, q.end, q.value, q.unit, q.op, "percent")
                _add(
                    out, doc, None, g, sp.start, sp.end, sp.start, year=_cell_year(doc, sp) or sp.default_year
                )
    return out


def _goal_scope(seg: Segment) -> bool:
    """Whether a segment lies in a goal list: an item under a lead-in or a (sub)heading about goals
    (``Mục tiêu cụ thể``, ``I. MỤC TIÊU``), not about results."""
    if not seg.marker:
        return False
    for ctx in (seg.lead, seg.subheading, seg.heading):
        if ctx is not None and _GOAL_LEAD.search(ctx.text) and not _NOT_GOALS.search(ctx.text):
            return True
    return False


_NOT_GOALS = _rx(r"kết quả|thực hiện|đánh giá|tình hình|chính sách", re.I)


def _clauses(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence's clauses: between semicolons and inline list dashes."""
    out, s = [], a
    for m in _ITEM.finditer(view, a, b):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < b:
        out.append((s, b))
    return out


def _goals(
    doc: Document, seg: Segment, a: int, b: int, scoped: bool, directive: bool
) -> list[tuple[_Goal, int, int, int]]:
    """The goals of one sentence, each with where its goal cue (or clause) starts and its clause."""
    view = doc.view
    low = " ".join(view[a:b].lower().split())
    if not re.search(r"\d", low) and not any(w in low for w in ("đầu", "cao nhất", "thứ nhất")):
        return []  # a goal has a number, or a first place
    ms = mentions(doc)
    cue = (
        None
        if not any(w in low for w in _CUE_STEMS)
        else next(
            (
                c
                for c in _GOAL_CUE.finditer(view, a, b)
                if not _YARDSTICK.search(view, max(a, c.start() - 20), c.start())
            ),
            None,
        )
    )
    out: list[tuple[_Goal, int, int, int]] = []
    taken: list[tuple[int, int]] = []
    qs = quantities_in(doc, a, b, directive=directive or scoped)
    for x, y in _clauses(view, a, b):
        start = cue.end() if cue is not None and x <= cue.start() < y else x
        found: list[_Goal] = []
        for q in qs:
            if not x <= q.start < y or q.role in ("requirement", "change"):
                continue
            said = scoped or (cue is not None and cue.start() < q.start)
            if not (said or q.role == "goal" and (directive or _FIRM.search(view, x, q.start))):
                continue
            if q.denominator is not None and not said:
                continue  # ``Có 12/18 đơn vị xếp loại tốt`` in a directive's list is a count reached
            if q.denominator is not None and q.unit == "%":
                continue
            kind = "percent" if q.unit == "%" else "count"
            found.append(_Goal(q.start, q.end, q.value, q.unit, q.op, kind))
        said = scoped or (cue is not None and cue.start() < y)
        if said:
            found += [g for g in _scores_ranks(doc, ms, x, y) if scoped or cue.start() < g.start]
            if scoped or x > a:
                found += _counts(doc, ms, x, y, found)
        for g in sorted(found, key=lambda g: g.start):
            if any(s <= g.start < e for s, e in taken):
                continue
            cues = [m.end() for m in _GOAL_CUE.finditer(view, x, g.start)]
            if cue is None or cue.start() >= g.start:
                cues = []
            lead = view[cues[-1] if cues else x : g.start]
            if _PAST.search(_outside_brackets(lead)) or _DIFFERENCE.search(
                _outside_brackets(view[_comma(view, x, g.start) : g.start])
            ):
                continue
            taken.append((g.start, g.end))
            out.append((g, start if start <= g.start else x, x, y))
    return out


def _comma(view: str, a: int, at: int) -> int:
    """Where the last comma-separated part before ``at`` starts (a decimal comma does not count)."""
    ends = [m.end() for m in re.finditer(r",\s", view[a:at])]
    return a + ends[-1] if ends else a


def _outside_brackets(text: str) -> str:
    """``text`` without what is in brackets (an aside: ``(tăng 2,1 điểm so với năm 2025)``)."""
    return re.sub(r"\([^()]*\)", " ", text)


def _scores_ranks(doc: Document, ms, x: int, y: int) -> list[_Goal]:
    """Scores in points, ranks and rises a goal clause names."""
    view = doc.view
    out: list[_Goal] = []
    changes = goal_changes(doc, x, y)
    for c in changes:
        out.append(_Goal(c.start, c.end, c.value or 0, c.label or "", c.name or "=", "change"))
    inside = [(c.start, c.end) for c in changes]
    for m in ms.get("number", x, y):
        if m.label != "điểm" or m.maximum or any(s <= m.start < e for s, e in inside):
            continue
        op = comparison(view[x : m.start], view[m.end : y])
        out.append(_Goal(m.start, m.end, m.value or 0, "điểm", op, "points"))
    for m in top_ranks(doc, x, y):
        out.append(_Goal(m.start, m.end, m.value or 0, "hạng", "<=", "rank"))
    for m in _FIRST.finditer(view, x, y):
        if not any(s <= m.start() < e for s, e in [(g.start, g.end) for g in out]):
            out.append(_Goal(m.start(), m.end(), 1, "hạng", "=", "rank"))
    for m in ms.get("rank", x, y):
        if m.label is None and m.value and not any(g.kind == "rank" for g in out):
            out.append(
                _Goal(
                    m.start,
                    m.end,
                    m.value,
                    "hạng",
                    "<=" if re.search(r"trở lên", view[m.end : y][:20]) else "=",
                    "rank",
                )
            )
    return [g for g in out if view.rfind("(", x, g.start) <= view.rfind(")", x, g.start)]  # not in an aside


def _counts(doc: Document, ms, x: int, y: int, found: list[_Goal]) -> list[_Goal]:
    """A count a goal list item sets: ``Thí điểm đưa 12 thủ tục hành chính lên nền tảng số``."""
    view = doc.view
    if found:
        return []
    for m in ms.get("number", x, y):
        if m.label is not None or not _COUNT_VERB.search(view[x : m.start]):
            continue
        noun = noun_after(view, m.end)
        if noun and m.value:
            return [_Goal(m.start, m.end, m.value, noun, "=", "count")]
    return []


def _add(out: list[Target], doc: Document, seg: Segment | None, g: _Goal, a: int, b: int, cue: int,
         name: str | None = None, year: int | None = None, index: str | None = None) -> None:  # fmt: skip
    """One target from a goal ``g`` read in ``doc.view[a:b]`` (its clause starting at ``cue``)."""
    view = doc.view
    ms = mentions(doc)
    clause_start = max(view.rfind(";", a, g.start) + 1, cue if cue <= g.start else a)
    index = _index(ms, a, g, clause_start) or index
    if index is None and g.kind in ("points", "rank", "change") and name is None:
        index = topic_at(doc, g.start).index
    indicator = name or _indicator(doc, g, a, b, clause_start, index)
    if year is None:
        year = _year(doc, seg, a, b, g.start)
    t = Target(
        Evidence.of(doc, a, max(b, g.end)), indicator=clean(indicator) if indicator else None,
        index=index, year=year, op=g.op, value=g.value, unit=g.unit,
    )  # fmt: skip
    for o in out:
        if (
            o.value == t.value
            and o.unit == t.unit
            and (
                token_f1(o.indicator or "", t.indicator or "") >= 0.6
                or o.evidence.start == t.evidence.start
                and o.op == t.op
            )
        ):
            return
    out.append(t)


def _index(ms, a: int, g: _Goal, clause_start: int) -> str | None:
    """The index a goal names: an index or one of its components before the number in its clause."""
    names = [m for m in ms.get("index", clause_start, g.start) if m.name == "strong"]
    comps = [m for m in ms.get("component", clause_start, g.start) if m.label]
    best = max([*names, *comps], key=lambda m: m.start, default=None)
    if best is None and g.kind != "percent":
        names = [m for m in ms.get("index", a, g.start) if m.name == "strong"]
        best = names[-1] if names else None
    return best.label if best is not None else None


def _indicator(doc: Document, g: _Goal, a: int, b: int, clause_start: int, index: str | None) -> str | None:
    """What a goal is about: the words a percentage counts, a ``label:`` before it, or the subject of the
    goal clause (with its predicate, for a rank: ``Chỉ số ... xếp hạng ở vị trí cao nhất``)."""
    view = doc.view
    lab = _LABEL.match(view, clause_start, g.end)
    if lab and not _GOAL_LEAD.search(lab.group(1)):
        return lab.group(1)
    if g.kind == "percent":
        from extractors.quantities import Quantity

        named = [m for m in mentions(doc).get("index", clause_start, g.start) if m.name == "strong"]
        if index and named:
            return doc.text[named[-1].start : named[-1].end]  # ``Phấn đấu Chỉ số hài lòng ... đạt trên 90%``
        if re.match(
            r"\s*(?:[,;.]|$)", view[g.end : b]
        ):  # ``đạt mục tiêu cắt giảm tối thiểu 25%, báo cáo ...``
            cues = [m.end() for m in _GOAL_CUE.finditer(view, clause_start, g.start)]
            before = _OP_WORDS.sub("", view[cues[-1] if cues else clause_start : g.start]).strip(" ,:")
            if before:
                return before
        found = indicator_of(view[a:b], Quantity(g.start, g.end, g.value, g.unit), a)
        return re.split(_ASIDE, found)[0] if found else None
    if g.kind == "count":  # the noun counted and what follows it: ``40/40 <dịch vụ công thiết yếu của tỉnh>``
        at = g.start + re.match(r"[\d.,/\s]*", view[g.start : g.end]).end()
        stop = re.search(r"[,;.(]", view[at:b])
        return view[at : at + stop.start()] if stop else view[at:b]
    subject = _subject(view, clause_start, g.start)
    if g.kind == "rank":
        stop = re.search(r"[;.]|,\s+(?:và|đồng thời|trong đó|nhằm|thời gian|góp phần|để)\b", view[g.end : b])
        tail = view[g.end : g.end + (stop.start() if stop else b - g.end)]
        tail = re.split(r"\s+(?:và|,)\s+(?=[^\W\d_]+\s+[^\W\d_]+\s+(?:đạt|tăng))", tail)[0]
        pred = view[_verb_start(view, clause_start, g.start) : g.end] + tail
        return f"{subject} {pred}".strip() if subject else pred
    return subject


def _verb_start(view: str, a: int, at: int) -> int:
    starts = [m.start() for m in _GOAL_VERB.finditer(view, a, at)]
    return starts[-1] if starts else at


def _subject(view: str, a: int, at: int) -> str | None:
    """The subject of a goal clause: the words before its verb (``Phấn đấu <điểm chỉ số PCI của tỉnh>
    năm 2026 đạt ...``), without the cue, the year and leading connectors."""
    v = _GOAL_VERB.search(view, a, at)
    end = v.start() if v else at
    text = view[a:end]
    cut = max(text.rfind(","), text.rfind(":"))
    if cut >= 0 and len(text[cut + 1 :].split()) >= 2:
        text = text[cut + 1 :]
    text = _SUBJECT_START.sub("", text.strip())
    text = re.sub(r"\s*\b(?:năm|trong năm|đến năm|đến hết năm)\s+\d{4}\b.*$", "", text)
    text = re.sub(r"^\s*(?:để|là|được|các|của)\s+", "", text)
    return text.strip(" ,:-") or None


def _year(doc: Document, seg: Segment | None, a: int, b: int, at: int) -> int | None:
    """The year a goal is set for: in its sentence (the nearest before it, else after it; the end of a
    ``giai đoạn``; not after ``so với``), else its list's lead, subheading or heading, else the year in
    effect or the plan's own year."""
    view = doc.view
    ys = [
        m
        for m in _YEAR.finditer(view, a, b)
        if not _COMPARED_YEAR.search(view[max(a, m.start() - 15) : m.start()])
    ]
    if ys:
        before = [m for m in ys if m.start() < at]
        return int((before[-1] if before else ys[0]).group(1))
    for ctx in (seg.lead, seg.subheading, seg.heading) if seg is not None else ():
        if ctx is not None:
            ys = list(_YEAR.finditer(ctx.text))
            if ys:
                return int(ys[-1].group(1))
    for s in (seg,) if seg is not None else ():
        ys = [
            m
            for m in _YEAR.finditer(s.text, 0, at - s.start)
            if not _COMPARED_YEAR.search(s.text[max(0, m.start() - 15) : m.start()])
        ]
        if ys:
            return int(ys[-1].group(1))
    head = headline_span(doc)
    if head:
        ys = list(_YEAR.finditer(view, *head))
        if ys:
            return int(ys[-1].group(1))
    return topic_at(doc, at).year or document_year(doc)


def _cell_year(doc: Document, sp) -> int | None:
    """The year of a task-table cell: in its row (``Thời gian: Năm 2024``) or in the caption above."""
    for t in tables(doc):
        if t.start <= sp.start < t.end:
            for r in t.rows:
                if any(c is not None and c.start == sp.start for c in r):
                    ys = [int(m.group(1)) for c in r if c is not None for m in _YEAR.finditer(c.text)]
                    if ys:
                        return ys[-1]
            ys = list(_YEAR.finditer(doc.view, max(0, t.header_start - 300), t.header_start))
            return int(ys[-1].group(1)) if ys else None
    return None


def _table_goals(doc: Document, t: TableView) -> list[tuple[_Goal, int, str | None, int | None]]:
    """Goals in a plan's table: the cells of a column headed ``Mục tiêu``/``Chỉ tiêu``/``Kế hoạch`` (a
    table read right), or cells worded as goals (``Phấn đấu vào top 15``, ``Giữ vững vị trí dẫn
    đầu``) in a table flattened one cell per line, each for the name nearest before it."""
    view = doc.view
    ms = mentions(doc)
    cells = sorted((c for r in t.rows for c in r if c is not None), key=lambda c: c.start)
    heads = " ".join(t.header)
    around = view[max(0, t.header_start - 300) : t.end]
    head_goal = _rx(r"(?:mục tiêu|chỉ tiêu|kế hoạch)\s+(?:năm\s+)?(\d{4})").search(around)
    year = int(head_goal.group(1)) if head_goal else None
    if year is None and not _TABLE_GOAL_HEAD.search(heads):
        return []
    out = []
    for i, c in enumerate(cells):
        if not re.match(r"\s*(?:Phấn đấu|Duy trì|Giữ vững|Đạt|Tăng|Nằm trong|Thuộc)\b", c.text, re.I):
            continue
        name = next(
            (
                p.text
                for p in reversed(cells[:i])
                if re.search(r"[^\W\d_]{2,}", p.text)
                and not re.match(
                    r"\s*(?:Phấn đấu|Duy trì|Giữ vững|Đạt|Tăng|Nằm trong|Thuộc|Mục tiêu|Năm)\b", p.text, re.I
                )
            ),
            None,
        )
        found = _scores_ranks(doc, ms, c.start, c.end) + [
            _Goal(q.start, q.end, q.value, q.unit, q.op, "percent")
            for q in quantities_in(doc, c.start, c.end)
            if q.unit == "%"
        ]
        for g in found[:1]:
            out.append((g, c.start, name, year))
    return out
