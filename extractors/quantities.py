"""Percentages and ratios in running text, and what each one is: a measurement, a requirement, a goal.

Shared by the metrics and targets extractors. A *mention* is ``96,5%`` or ``04/12 đơn vị`` with its
comparison (``dưới 90%`` is ``<``, ``từ 80% trở lên`` and ``ít nhất 30%`` are ``>=``). Its *role*:

- ``requirement``: the yardstick of a measurement beside it: ``(yêu cầu 100%)``, ``(đảm bảo ít nhất 30%
  ...)``, the ``100%`` of ``chưa hoàn thành 100% nhiệm vụ, chỉ đạt 86%``;
- ``goal``: what a plan or directive asks for: ``Phấn đấu ... đạt từ 80% trở lên``, a percentage in a
  task table or in the items of a directive list, ``đảm bảo hoàn thành 100%``;
- ``value``: a measurement (``tỷ lệ đạt 96,5%``, ``có 01/09 báo cáo bị trễ hạn``).

>>> from docmine.parsers.text import from_string
>>> d = from_string("Tỷ lệ đạt 96,5% (yêu cầu 100%).")
>>> [(q.value, q.unit, q.role) for q in quantities_in(d, 0, len(d.text))]
[(96.5, '%', 'value'), (100, '%', 'requirement')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmine.vnnum import NUMBER_RE
from extractors.mentions import mentions

_OP_BEFORE = [  # negated forms first: "không thấp hơn" is >=, not <
    (re.compile(r"(?:không thấp hơn|không dưới|(?i:ít nhất|tối thiểu)|từ)\s*$"), ">="),  # ``Tối thiểu 15%``
    (re.compile(r"(?:không quá|không vượt quá|không cao hơn|(?i:tối đa))\s*$"), "<="),
    (re.compile(r"(?:dưới|thấp hơn|chưa đến|chưa tới|chưa được)\s*$"), "<"),
    (re.compile(r"(?:trên|hơn|vượt|cao hơn|vượt mức)\s*$"), ">"),
]
_OP_AFTER = [
    (re.compile(r"^\s*(?:[^\W\d_]+\s+){0,6}?trở lên"), ">="),
    (re.compile(r"^\s*(?:[^\W\d_]+\s+){0,6}?trở xuống"), "<="),
]
_REQ_BEFORE = re.compile(
    r"(?:yêu cầu|Yêu cầu|quy định|chỉ tiêu(?: giao| đề ra(?: trong năm \d{4})?)?|kế hoạch giao|Chỉ tiêu(?: đề ra)?)\s*"
    r"(?:là|đạt|tối thiểu|ít nhất|từ|trên)?\s*(?:là\s*)?(?:tối thiểu|ít nhất)?\s*$"
)
_REQ_PAREN = re.compile(
    r"\(\s*\*?\s*(?:yêu cầu|Yêu cầu|đảm bảo|bảo đảm|theo quy định|quy định|chỉ tiêu|mục tiêu)\b[^()]*$"
)
_GOAL_AS_REQ = re.compile(r"(?:mục tiêu|kế hoạch)\s+(?:đề ra|đặt ra|giao)?\s*(?:là\s*)?$")
_UNMET_BEFORE = re.compile(r"(?:chưa hoàn thành|chưa đạt|không đạt|không hoàn thành)\s*$")
_CHANGE_BEFORE = re.compile(r"(?:tăng|giảm|tăng thêm|giảm thêm)\s*(?:được\s*)?$")
_GOAL = re.compile(
    r"[Pp]hấn đấu|[Mm]ục tiêu|[Đđ]ảm bảo|[Bb]ảo đảm|[Hh]oàn thành|\b(?:phải|cần)\b|[Tt]ối thiểu|[Ii]́t nhất|[Ii]t nhất"
)
_PAST = re.compile(r"\b(?:đã|chỉ đạt|mới đạt|mới chỉ|đạt được|chưa|tỷ lệ đạt|thực hiện được|hiện đạt|hiện nay đạt|thực tế đạt)\b")


@dataclass
class Quantity:
    start: int  # offsets in doc.text
    end: int
    value: int | float
    unit: str
    op: str = "="
    numerator: float | None = None
    denominator: float | None = None
    role: str = "value"
    attach: int | None = None  # for a requirement: index of the quantity it measures


def quantities_in(doc, start: int, end: int, *, directive: bool = False) -> list[Quantity]:
    """Percentages and ratios of one sentence (from the mention layer) with comparison and role.

    ``directive`` says the sentence asks for something (a plan's goal, a directive's item, a task
    table cell): a percentage not marked as past is then a goal.

    >>> from docmine.parsers.text import from_string
    >>> d = from_string("có 01/09 báo cáo bị trễ hạn")
    >>> [(q.value, q.unit, q.op, q.numerator, q.denominator) for q in quantities_in(d, 0, len(d.text))]
    [(1, 'báo cáo', '=', 1, 9)]
    >>> d = from_string("Phấn đấu Chỉ số hài lòng đạt trên 90%.")
    >>> [q.role for q in quantities_in(d, 0, len(d.text))]
    ['goal']
    """
    ms = mentions(doc)
    text = doc.view
    found = [Quantity(m.start, m.end, m.value, "%") for m in ms.get("number", start, end) if m.label == "%"]
    found += [
        Quantity(m.start, m.end, m.value, m.label or "", numerator=m.value, denominator=m.total)
        for m in ms.get("ratio", start, end)
        if m.label
    ]
    found += [  # ``xuất khẩu tăng 18,3%``: a growth, measured
        Quantity(m.start, m.end, abs(m.value or 0), "%", role="change")
        for m in ms.get("value_change", start, end)
        if m.label == "%"
    ]
    found.sort(key=lambda x: x.start)
    for i, x in enumerate(found):
        if x.role == "change":
            continue
        before, after = text[start : x.start], text[x.end : end]
        for pat, op in _OP_BEFORE:
            if pat.search(before[-20:]):
                x.op = op
                break
        for pat, op in _OP_AFTER:
            hit = pat.search(after[:60])
            if hit and not re.search(r"\d", after[: hit.end()]):
                x.op = op
        if _CHANGE_BEFORE.search(before[-15:]):
            x.role = "change"
            continue
        near = before[-30:]
        if _GOAL_AS_REQ.search(near) and any(found[j].role == "value" for j in range(i)):
            # ``tỷ lệ này mới đạt 61,4%, trong khi mục tiêu đề ra là 65%``: the yardstick of the value before
            x.role, x.attach = "requirement", [j for j in range(i) if found[j].role == "value"][-1]
            continue
        if _REQ_BEFORE.search(near) or _REQ_PAREN.search(before[-120:]):
            prev = [j for j in range(i) if found[j].role == "value"]
            nxt = [j for j in range(i + 1, len(found)) if found[j].unit == x.unit]
            if prev or nxt and not directive:  # ``(chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)``: the one after
                x.role, x.attach = "requirement", prev[-1] if prev else nxt[0]
                continue
        if _UNMET_BEFORE.search(before[-25:]) and i + 1 < len(found):
            x.role, x.attach = "requirement", i + 1
            continue
        clause = before[max(before.rfind(";"), before.rfind(". "), before.rfind("("), 0) :]
        if (_GOAL.search(clause) or directive) and not _PAST.search(clause):
            x.role = "goal"
        elif directive and _REQ_BEFORE.search(near):
            x.role = "goal"
    return found


def comparison(before: str, after: str) -> str:
    """The comparison the words around a number make (the same words as for percentages): ``từ 80 điểm
    trở lên`` is ``>=``, ``trên 75 điểm`` is ``>``, ``không quá`` is ``<=``; ``=`` otherwise.

    >>> comparison("Phấn đấu đạt từ ", " điểm trở lên"), comparison("đạt trên ", " điểm"), comparison("đạt ", " điểm")
    ('>=', '>', '=')
    """
    op = "="
    for pat, o in _OP_BEFORE:
        if pat.search(before[-20:]):
            op = o
            break
    for pat, o in _OP_AFTER:
        hit = pat.search(after[:60])
        if hit and not re.search(r"\d", after[: hit.end()]):
            op = o
    return op


_STOP_AFTER = re.compile(
    r"[;.()…:]|\.\.\.|,\s*(?:đảm bảo|trong đó|đạt|chiếm|tăng|giảm)\b|\s(?:so với|đạt)\s|\s(?:ít nhất|tối thiểu)\s|\d+(?:[.,]\d+)?\s*%"
)
_NOT_A_NOUN = re.compile(
    r"(?:chưa|không|đã|đang|sẽ|được|bị|so với|trở lên|trở xuống|và|hoặc|là|của|trên|so)\b"
)
_VERB_GROUP = re.compile(
    r"(?:,\s*)?(?:\s(?:tỷ lệ\s+)?(?:chỉ\s+|mới\s+(?:chỉ\s+)?)?(?:đạt|chưa đạt|chưa hoàn thành|không đạt|là|chiếm|có)\b)"
)
_LEADING = re.compile(
    r"^\s*(?:[-+•*]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*)?(?:(?:Trong\s+)?năm\s+\d{4},?\s+)?(?:Phấn đấu\s+(?:để\s+)?|Về\s+|Đảm bảo\s+|Tuy nhiên,?\s+|Trong đó,?\s+)?",
    re.I,
)


def indicator_of(text: str, m: Quantity, offset: int = 0) -> str | None:
    """What a mention measures: the words after it (``10% TTHC trả kết quả điện tử``), else the
    subject of its clause (``Tỷ lệ ký số ... chưa đạt yêu cầu, tỷ lệ đạt 96,5%``), else the noun
    phrase before a bracketed percentage (``86 văn bản giải quyết sớm và đúng hạn (98,85%)``).

    >>> t = "mới chỉ có 10% TTHC trả kết quả điện tử (Yêu cầu 50%)"
    >>> indicator_of(t, Quantity(11, 14, 10, "%"))
    'TTHC trả kết quả điện tử'
    """
    s, e = m.start - offset, m.end - offset
    after = text[e:]
    if m.denominator is not None:
        after = m.unit + after
    stop = _STOP_AFTER.search(after)
    follow = after[: stop.start()] if stop else after
    follow = re.sub(r"^\s*(?:trở lên|trở xuống)\b", "", follow).strip(" ,")
    if follow and re.match(r"[^\W\d_]", follow) and not _NOT_A_NOUN.match(follow):
        return " ".join(follow.split()[:20])
    before = text[:s]
    if before.rstrip().endswith("("):
        head = before.rstrip()[:-1]
        n = list(re.finditer(rf"{NUMBER_RE}\s+", head))
        if n:
            return head[n[-1].end() :].strip(" ,") or None
    cut = max(before.rfind("; "), before.rfind(". "), before.rfind(": "))
    clause = before[cut + 1 :] if cut >= 0 else before
    clause = _LEADING.sub("", clause)
    v = _VERB_GROUP.search(clause)
    subject = clause[: v.start()] if v else clause
    subject = subject.strip(" ,")
    return subject or None


@dataclass
class Spot:
    """One sentence to read for quantities, with what its context makes of it."""

    start: int
    end: int
    text: str
    directive: bool
    default_year: int | None
    seg: object = None  # the discourse Segment the sentence belongs to, None for a table cell

    def year_at(self, doc, offset: int) -> int | None:
        """The year a quantity at ``offset`` is about (see ``discourse.year_near``)."""
        from extractors.discourse import year_near

        return year_near(doc, self.seg, offset) if self.seg is not None else self.default_year  # type: ignore[arg-type]


_SCORE_TABLE_HEAD = re.compile(r"điểm|xếp hạng|thứ hạng", re.I)


_TASK_HEAD = re.compile(r"giải pháp|nhiệm vụ|mục tiêu|nội dung|đơn vị", re.I)


def spots(doc) -> list[Spot]:
    """Sentences of the body and cells of task tables (score tables are the criteria extractor's,
    tables flattened into text the table reader's, unless they list tasks); built once per document."""
    got = doc.layers.get("spots")
    if got is None:
        got = doc.layers["spots"] = _spots(doc)
    return got


def _spots(doc) -> list[Spot]:
    from extractors.common import doc_year
    from extractors.discourse import context_kind, segments
    from extractors.tables import flat_spans, in_spans

    out: list[Spot] = []
    dy = doc_year(doc)
    flat = flat_spans(doc, keep=lambda t: _TASK_HEAD.search(" ".join(t.header)) and "tỷ lệ" not in " ".join(t.header).lower())
    for seg in segments(doc):
        if seg.kind == "heading" or seg.is_title:
            continue
        directive = context_kind(seg) == "directive"
        for a, b in seg.sentences:
            if not in_spans(flat, a):
                out.append(Spot(a, b, doc.view[a:b], directive, None, seg))
    for t in doc.tables:
        grid = doc.table_text(t)
        head = " ".join(grid[0]) if grid else ""
        if _SCORE_TABLE_HEAD.search(head):
            continue
        task_table = bool(_TASK_HEAD.search(head))
        for c in t.cells:
            if c.row == 0:
                continue
            out.append(Spot(c.start, c.end, doc.view[c.start : c.end], task_table, dy))
    return out
