"""The body of a document as an outline: paragraphs in a tree of list levels, for the readers of
directives.

Lines of one paragraph are joined (a hard-wrapped text, a title broken over two lines, a paragraph
broken by a page break); a list marker is read through markdown emphasis (``**2. **Giao ...``) and
``Điều 3.`` is the marker of an article. Each paragraph knows its parent: a marked item the nearest
item above it of a higher list level still open (a numbered item never falls under a dash item), an
unmarked paragraph a title or lead-in above it that has no item yet, else the section heading. The
``Kính gửi`` list is marked ``address``, and the outline ends at ``Nơi nhận`` (but a plan or an
appendix the document issues after it). A table of one column is a framed body: its cells are
paragraphs.

>>> from docmine.parsers.text import from_string
>>> ps = paragraphs(from_string("II. NHIỆM VỤ\\n\\n1. Sở Nội vụ\\n\\na) Rà soát quy trình.\\n\\nb) Báo cáo\\nkết quả."))
>>> [(p.kind, p.parent.body_text if p.parent else None) for p in ps]
[('roman', None), ('num', 'NHIỆM VỤ'), ('letter', 'Sở Nội vụ'), ('letter', 'Sở Nội vụ')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from docmine.model import Document
from extractors.discourse import segments
from extractors.units import names_only

_MARK = re.compile(
    r"[\s*_]*(?:(?P<article>Điều\s+\d+[a-z]?\s*[.:])|(?P<roman>[IVX]{1,5})\s*[.)](?=[\s*_])|\((?P<pnum>\d{1,2})\)"
    r"|(?P<num2>\d{1,2}(?:\.\d{1,2})+)\.?(?=[\s*_])|(?P<num>\d{1,2})\s*[.)](?=[\s*_]|[^\W\d])|\((?P<letter>[a-zđ])\)"
    r"|(?P<letter2>[a-zđ])[.)](?=[\s*_])|(?P<dash>[-–•])(?=[\s*_\w“\"(])|(?P<plus>\+)(?=[\s*_\w]))[\s*_]*"
)
_LEAD = re.compile(r"[ \t*_]*")
_LETTERS = re.compile(r"[^\W\d_]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_STOP = re.compile(r"[\s*_|]*(?:Nơi nhận|NƠI NHẬN)\b")
_ATTACHED_PLAN = re.compile(r"[\s*_|]*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHỤ LỤC)\b")
_ADDRESS = re.compile(r"^[\s*_|]*(?:Kính gửi|Đồng kính gửi)\b")
_ADDRESSEE_PURPOSE = re.compile(r"\s+(?:để|nhằm)\s.*$|[.;]$")  # ``Bí thư Tỉnh ủy ... để lãnh đạo, chỉ đạo.``
_FURNITURE_GAP = re.compile(r"\s*\n[\s\d|]*\n\s*")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_MARK = re.compile(r"[.;:!?]\s*$|[.!?]\s")
# how deep a kind of marker usually sits: a numbered item never falls under a dash item
_RANK = {"": -1, "article": 0, "num": 1, "num2": 2, "letter": 3, "pnum": 4, "dash": 5, "plus": 6}


@dataclass
class Para:
    """A paragraph of the body: its lines joined, its list marker read through ``*``/``_`` emphasis."""

    start: int  # offsets in doc.text; ``body`` is where the text after the marker begins
    end: int
    body: int
    kind: str  # "" (unmarked), heading, article, roman, num, num2, pnum, letter, dash, plus
    text: str  # doc.view[start:end] with newlines and emphasis blanked (same length)
    breaks: list[int] = field(default_factory=list)  # offsets where a joined line starts in upper case
    parent: Para | None = None
    child_kind: str | None = None
    n_children: int = 0

    @property
    def body_text(self) -> str:
        return self.text[self.body - self.start :]

    @property
    def is_heading(self) -> bool:
        return self.kind in ("heading", "roman")

    @property
    def is_title(self) -> bool:
        """A short line with no sentence in it (``1. Sở Tư pháp``, ``2. Nhiệm vụ, giải pháp cụ thể``)."""
        got = self.__dict__.get("_title")
        if got is None:
            b = self.body_text.strip()
            got = self.__dict__["_title"] = len(b) < 130 and not _SENTENCE_MARK.search(b)
        return got


def _blank(s: str) -> str:
    """Newlines and emphasis as spaces: the same length, so offsets hold."""
    return s.replace("\n", " ").replace("*", " ").replace("_", " ").replace("\t", " ")  # str.translate is slower


def _is_caps(s: str) -> bool:
    """Whether a short line is written in capitals (a heading).

    >>> _is_caps("KẾT QUẢ THỰC HIỆN năm 2024"), _is_caps("Kết quả thực hiện")
    (True, False)
    """
    return _caps(s[:300])


@lru_cache(maxsize=4096)
def _caps(s: str) -> bool:  # a paragraph's line is asked up to three times
    t = _NOT_LETTERS.sub("", s)
    if len(t) < 6:
        return False
    head = t[:24]  # lower case early in the line settles most lines at once
    if len(head) - sum(map(str.__ne__, head, head.lower())) > 0.2 * len(t):
        return False
    return sum(map(str.__ne__, t, t.lower())) >= 0.8 * len(t)


def _mark(view: str, start: int) -> tuple[str, int]:
    m = _MARK.match(view, start)
    if not m:
        return "", _LEAD.match(view, start).end()  # type: ignore[union-attr]
    kind = m.lastgroup or ""  # the one marker group that matched
    kind = {"letter2": "letter"}.get(kind, kind)
    return kind, m.end()


def paragraphs(doc: Document) -> list[Para]:
    """The body's paragraphs in a tree, built once per document: lines of one paragraph joined (a
    hard-wrapped line, a title broken over two lines), up to ``Nơi nhận``."""
    got = doc.layers.get("task_paragraphs")
    if got is None:
        got = doc.layers["task_paragraphs"] = _tree(_paragraphs(doc))
    return got


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    kind: str


def _body_blocks(doc: Document) -> list:
    """The body's segments, and the cells of a table of one column (a framed body, text in a box)
    as paragraphs of their own."""
    boxed = [
        _Block(c.start, c.end, "paragraph")
        for t in doc.tables
        if t.n_cols == 1
        for c in t.cells
        if c.end > c.start
    ]
    return sorted([*segments(doc), *boxed], key=lambda s: s.start) if boxed else segments(doc)


def _paragraphs(doc: Document) -> list[Para]:
    view = doc.view
    blanked = _blank(view)
    stops = [b.start for b in doc.blocks if b.kind != "table_cell" and _STOP.match(view, b.start)]
    stop = stops[0] if stops else len(view)
    out: list[Para] = []
    pages = {b.start: b.page for b in doc.blocks if b.page is not None}
    last_page = None
    for seg in _body_blocks(doc):
        raw = view[seg.start : seg.end]
        if seg.start >= stop:  # after ``Nơi nhận``: only a plan or programme the document issues
            if not _ATTACHED_PLAN.match(raw):
                continue
            stop = len(view)
        if _ADDRESS.match(raw) or out and out[-1].kind == "address" and _addressee(view, seg.start, raw):
            out.append(Para(seg.start, seg.end, seg.start, "address", blanked[seg.start : seg.end]))
            continue
        kind, body = _mark(view, seg.start)
        if seg.kind == "heading" and not kind or not kind and len(raw) < 240 and _is_caps(raw):
            kind = "heading"
        gap = view[out[-1].end : seg.start] if out else ""
        page = pages.get(seg.start)
        if out and page is not None and last_page is not None and page != last_page:
            gap = _FURNITURE_GAP.sub(" ", gap)  # a paragraph broken by a page break goes on
        last_page = page
        if out and _continues(out[-1], kind, raw, gap, view, blanked):
            prev = out[-1]
            if raw.lstrip(" *_")[:1].isupper():
                prev.breaks.append(seg.start + len(raw) - len(raw.lstrip(" *_")))
            prev.end = seg.end
            continue
        out.append(Para(seg.start, seg.end, body, kind, raw.rstrip()))
    for p in out:  # the text of a paragraph once its lines are joined
        p.text = blanked[p.start : p.end]
    return out


def _addressee(view: str, start: int, raw: str) -> bool:
    """A line of a ``Kính gửi`` list: a dash item, or a short line naming units."""
    line = raw.strip(" *_|")
    return (
        _mark(view, start)[0] == "dash"
        or not line
        or len(raw) < 200
        and names_only(_ADDRESSEE_PURPOSE.sub("", line))
    )


def _continues(prev: Para, kind: str, raw: str, gap: str, view: str, blanked: str) -> bool:
    """Whether a block goes on with the paragraph before it: no blank line or other text between, no
    marker of its own, and the paragraph before not ended (a heading goes on only in capitals)."""
    if (
        kind not in ("", "heading")
        or prev.kind == "address"
        or _BLANK_LINE.search(gap)
        or gap.strip(" \t\n|")
    ):
        return False
    if (
        prev.kind not in ("", "heading", "address")
        and not view[prev.body : prev.end].strip(" *_|\n")
        and raw.strip(" *_|")
    ):
        return True  # a marker alone on its line (``1.4.``) and its text on the next
    t = blanked[max(prev.start, prev.end - 80) : prev.end].rstrip()
    if not t or t[-1] in ".:;!?|" or not raw.strip(" *_|") or prev.kind == "heading" and not _is_caps(raw):
        return False
    if prev.kind != "heading" and len(raw.strip()) > 12 and _is_caps(raw):
        return False  # a line in capitals after a paragraph is a heading
    return prev.kind != "roman" or _is_caps(raw)


def _tree(paras: list[Para]) -> list[Para]:
    """Link each paragraph to its parent: a marked item to the nearest item above it of another
    list level still open, an unmarked paragraph to a title or lead-in above it that has no item
    yet (else to the section)."""
    stack: list[Para] = []
    for p in paras:
        if p.is_heading:
            stack = [p]
            continue
        if p.kind == "address":
            continue
        if p.kind:
            while stack and not stack[-1].is_heading:
                top = stack[-1]
                if top.child_kind == p.kind:
                    break
                if (
                    top.child_kind is None
                    and top.kind != p.kind
                    and p.kind not in {f.kind for f in stack}
                    and _RANK[p.kind] > _RANK.get(top.kind, -1)
                ):
                    break
                stack.pop()
        else:
            while stack and not stack[-1].is_heading:
                top = stack[-1]
                if top.child_kind is None and (top.is_title or top.text.rstrip(" |").endswith(":")):
                    break
                stack.pop()
        if stack:
            p.parent = stack[-1]
            if not stack[-1].is_heading:
                if p.kind:
                    stack[-1].child_kind = stack[-1].child_kind or p.kind
                stack[-1].n_children += 1
        if p.kind or p.text.rstrip(" |").endswith(":"):
            stack.append(p)
    return paras
