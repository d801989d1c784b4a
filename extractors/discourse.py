"""The body of a document as segments: paragraphs and list items, with their lead-in and heading.

A *segment* is a paragraph, list item or heading of the body (header, signature, stamps, page
furniture and table cells are left out). A block that starts in lower case continues the segment
before it (a sentence broken by a page break or a footnote). Each list item knows its *lead-in*, the
nearest segment ending in ``:`` that introduces its list (``..., cụ thể:``), and each segment knows
the section heading above it (``II. NHỮNG HẠN CHẾ TRONG NĂM 2021``).

>>> from docmine.builder import DocBuilder
>>> b = DocBuilder("x", "txt")
>>> for line, kind in [("Đoàn chỉ ra các hạn chế, cụ thể:", "paragraph"), ("1. Chậm gửi báo cáo.", "list_item")]:
...     _ = b.add(line, kind)
>>> seg = segments(b.build())[1]
>>> seg.marker, seg.body, seg.lead.text
('1.', 'Chậm gửi báo cáo.', 'Đoàn chỉ ra các hạn chế, cụ thể:')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from docmine.model import Document
from docmine.normalize import UPPER

SKIP = ("header", "signature", "stamp", "furniture", "table_cell", "footnote")
_MARKER = re.compile(r"^\s*(?:[-+•*–]\s*|\(?(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ]|[IVX]{1,5})[.)]\s+)")
_ROMAN = re.compile(r"^\s*[IVX]{1,5}\.\s")
_SENTENCE_MARK = re.compile(r"[.;:,]\s*$|[;:]")
YEAR_WORD = re.compile(r"\b(?:năm|Năm|NĂM)\s+(\d{4})\b")


@dataclass
class Segment:
    start: int  # offsets in doc.text; the marker is inside, ``body_start`` after it
    end: int
    kind: str
    text: str  # the view of doc.text[start:end], anything between joined blocks blanked
    marker: str
    body_start: int
    heading: Segment | None = None  # nearest roman-numbered or heading block above
    subheading: Segment | None = None  # nearest short numbered title above (``2. Cải cách TTHC``)
    lead: Segment | None = None  # the segment ending in ':' that introduces this list item
    footnotes: tuple[str, ...] = ()

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """The segment's sentence spans (offsets in doc.text), computed once."""
        got = self.__dict__.get("_sentences")
        if got is None:
            got = self.__dict__["_sentences"] = sentences(self.text, self.start)
        return got

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start :]

    @property
    def is_title(self) -> bool:
        """A short numbered title with no sentence in it (``1. Công tác chỉ đạo điều hành CCHC``),
        decided once."""
        got = self.__dict__.get("_is_title")
        if got is None:
            b = self.body.strip()
            got = self.__dict__["_is_title"] = (
                self.kind == "heading"
                or bool(self.marker)
                and len(b) < 90
                and not _SENTENCE_MARK.search(b)
                and self.marker[0].isalnum()
            )
        return got


def marker_kind(marker: str) -> str:
    m = marker.strip()
    if not m:
        return ""
    if m[0] in "-+•*–":
        return "dash"
    if re.match(r"[IVX]+\.", m):
        return "roman"
    if re.match(r"\(?[a-zđ][.)]", m):
        return "letter"
    return "number" if "." not in m[:-1] else "number2"


def segments(doc: Document) -> list[Segment]:
    """Body segments in reading order, with continuation blocks joined and lead-ins linked (built
    once per document and shared)."""
    got = doc.layers.get("segments")
    if got is None:
        got = doc.layers["segments"] = _segments(doc)
    return got


def _segments(doc: Document) -> list[Segment]:
    notes = {}
    for b in doc.blocks:
        if b.kind == "footnote":
            t = doc.block_text(b)
            m = re.match(r"\s*([\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*(.*)", t)
            if m:
                notes[m.group(1)] = m.group(2).strip()
    out: list[Segment] = []
    parts: dict[int, list[str]] = {}  # a segment's pieces, joined once (repeated += would be quadratic)
    for b in doc.blocks:
        if b.kind in SKIP:
            continue
        t = doc.block_text(b)
        first = t.lstrip()[:1]
        if out and first.islower() and out[-1].kind != "heading" and not _MARKER.match(t):
            prev = out[-1]
            gap = doc.view[prev.end : b.start]  # a footnote or page furniture between: blanked, same length
            parts.setdefault(id(prev), [prev.text]).extend((" " * len(gap), t))
            prev.end = b.end
            continue
        m = _MARKER.match(t)
        marker = m.group(0).strip() if m else ""
        out.append(Segment(b.start, b.end, b.kind, t, marker, b.start + (m.end() if m else 0)))
    for seg in out:
        if id(seg) in parts:
            seg.text = "".join(parts[id(seg)])
    heading = sub = None
    stack: list[tuple[str | None, Segment]] = []  # (marker kind of the items it introduces, lead-in)
    for s in out:
        sups = re.findall(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+", s.text)
        s.footnotes = tuple(notes[x] for x in sups if x in notes)
        if s.kind == "heading" or _ROMAN.match(s.text):
            heading, sub, stack = s, None, []
            s.heading = heading
            continue
        s.heading = heading
        if s.marker and s.is_title:
            sub, stack = s, []
            s.subheading = sub
            continue
        s.subheading = sub
        k = marker_kind(s.marker)
        if k:
            while stack and stack[-1][0] is not None and stack[-1][0] != k:
                stack.pop()
            if stack and stack[-1][0] is None:
                stack[-1] = (k, stack[-1][1])
            s.lead = stack[-1][1] if stack else None
            if s.text.rstrip().endswith(":"):
                stack.append((None, s))
        else:
            stack = [(None, s)] if s.text.rstrip().endswith(":") else []
    return out


def _open_end(text: str) -> bool:
    """Whether ``text`` ends without a mark: on a letter, a digit, ``,`` or ``)`` (bold stars and spaces after).

    >>> _open_end("tại một số **"), _open_end("trên địa bàn** "), _open_end("vẫn chậm.")
    (False, True, False)
    """
    t = text.rstrip().rstrip("*")
    return bool(t) and (t[-1].isalnum() or t[-1] in "_,)")


def joined_segments(doc: Document) -> list[Segment]:
    """:func:`segments` with paragraphs broken at a hard line wrap joined again (built once per document).

    A text copied with hard-wrapped lines can break a paragraph where the next line starts with a capital
    (``... quy trình nội bộ tại một số`` / ``UBND xã vẫn chậm.``): a paragraph of 60 characters or more that ends
    without a mark (its last sentence 40 characters or more: not a caption such as ``Nguồn: báo X``),
    followed by a paragraph without a list marker, continues in it. The joined segment
    keeps the first one's context; its text blanks what lies between, as :func:`segments` does.

    >>> from docmine.builder import DocBuilder
    >>> b = DocBuilder("x", "txt")
    >>> for line in ["Tuy nhiên, việc rà soát quy trình nội bộ tại một số xã, phường trên địa bàn", "UBND xã vẫn chậm."]:
    ...     _ = b.add(line, "paragraph")
    >>> [" ".join(s.text.split()) for s in joined_segments(b.build())]
    ['Tuy nhiên, việc rà soát quy trình nội bộ tại một số xã, phường trên địa bàn UBND xã vẫn chậm.']
    """
    got = doc.layers.get("joined_segments")
    if got is not None:
        return got
    out: list[Segment] = []
    for s in segments(doc):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("paragraph", "list_item")
            and not prev.is_title
            and s.kind in ("paragraph", "list_item")
            and (not s.marker or s.text.lstrip().startswith("**"))  # ``**trong năm 2025**``: bold, not a marker
            and len(prev.text) >= 60
            and _open_end(prev.text)
            and len(prev.text) - sentences(prev.text)[-1][0] >= 40  # not a caption after a sentence
            and not s.text.rstrip().endswith(":")
        ):
            gap = s.start - prev.end
            merged = Segment(prev.start, s.end, prev.kind, prev.text + " " * gap + s.text, prev.marker,
                             prev.body_start, prev.heading, prev.subheading, prev.lead,
                             prev.footnotes + s.footnotes)  # fmt: skip
            out[-1] = merged
            continue
        out.append(s)
    doc.layers["joined_segments"] = out
    return out


# a sentence ends after ``. ! ? …`` (group ``end``; then footnote marks, spaces and a capital) or at a
# newline. The pattern opens with one class of characters, so the regex engine skips to them.
_SENTENCE_END = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])(?P<end>)[\u00b9\u00b2\u00b3\u2070-\u2079*)]*\s+(?=[" + UPPER + r"\d(\"“])|(?<=\n)\n*)"
)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:TP|Tp|TX|Tx|TT|Q|P|H|X|TS|ThS|PGS|GS|BS|KS|Th\.S)\.$")
_LIST_MARKER = re.compile(r"\s*(?:[-+•*]\s*)?\(?(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]")


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (a view slice starting at ``offset``): split at ``. ! ? …`` then a capital.

    >>> t = "Năm 2021, Sở có 01/09 báo cáo trễ hạn. Đơn vị trễ là Văn phòng. Tỷ lệ 1,15%."
    >>> [t[a:b] for a, b in sentences(t)]
    ['Năm 2021, Sở có 01/09 báo cáo trễ hạn.', 'Đơn vị trễ là Văn phòng.', 'Tỷ lệ 1,15%.']
    >>> len(sentences("Kế đến là TP. Vĩnh Yên với 88,40%. Sau đó là TX. Kỳ Anh."))
    2
    """
    spans, s = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group("end") is None else m.end("end")
        piece = text[s:end]
        if _LIST_MARKER.fullmatch(piece):
            continue  # a list marker (``1.``, ``II.``) is not a sentence
        if piece.endswith(".") and _ABBREVIATION.search(piece, max(0, len(piece) - 8)):  # it ends the piece
            continue  # ``TP. Hải Phòng``, ``TX. Dĩ An``: an abbreviated head word, not a sentence end
        if piece.strip():
            spans.append((offset + s, offset + end))
        s = m.end()
    if text[s:].strip():
        spans.append((offset + s, offset + len(text)))
    return spans


def year_near(doc: Document, seg: Segment | None, start: int) -> int | None:
    """The year a statement at ``start`` is about.

    The last ``năm YYYY`` of its sentence before ``start`` (not after ``so với``), else the year a
    sentence of its paragraph opens with (``Năm 2021, ...`` / ``Trong năm 2023, ...``), else its
    lead-in's last ``năm YYYY``, else its section heading's.
    """
    if seg is None:
        return None
    text = seg.text
    rel = start - seg.start
    spans = [(a - seg.start, b - seg.start) for a, b in seg.sentences]  # split once per segment
    i = max(bisect.bisect_right(spans, (rel, float("inf"))) - 1, 0)
    for a, b in spans[i : i + 2]:
        if a <= rel <= b:
            cut = text.rfind("; ", a, rel)
            a = cut + 2 if cut >= 0 else a
            nxt = text.find("; ", rel, b)
            b = nxt if nxt >= 0 else b
            clause = text[a:b]
            ys = [
                m
                for m in YEAR_WORD.finditer(clause)
                if not re.search(r"so với\s*$|đến\s*$|từ\s*$|trước\s*$", clause[: m.start()])
            ]
            if ys:
                before = [m for m in ys if m.start() <= rel - a] or ys
                return int(before[-1].group(1))
            break
    for a, b in spans:
        if a > rel:
            break
        m = re.match(r"\s*(?:[-+•*]\s*)?(?:Trong\s+|Tính đến\s+)?(?:năm|Năm)\s+(\d{4})\b", text[a:b])
        if m:
            return int(m.group(1))
    for ctx in (seg.lead, seg.heading):
        if ctx is not None:
            ys = [
                m for m in YEAR_WORD.finditer(ctx.text) if not re.search(r"so với\s*$", ctx.text[: m.start()])
            ]
            if ys:
                return int(ys[-1].group(1))
    return None


def segment_at(segs: list[Segment], offset: int) -> Segment | None:
    """The segment holding ``offset`` (segments are in text order)."""
    i = bisect.bisect_right([s.start for s in segs], offset) - 1
    return segs[i] if i >= 0 and segs[i].start <= offset < segs[i].end else None


_DIRECTIVE_CUE = re.compile(
    r"yêu cầu|đề nghị|\bgiao\b|khắc phục|giải pháp|nâng cao|cải thiện|triển khai|chỉ đạo|nhiệm vụ|thực hiện một số",
    re.I,
)
_SHORTCOMING_CUE = re.compile(
    r"hạn chế|tồn tại|khó khăn|vướng mắc|chưa tốt|chưa đạt|thấp|yếu kém|bất cập|thiếu sót", re.I
)
_DIRECTIVE_HEADING = re.compile(
    r"MỤC TIÊU|NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|PHƯƠNG HƯỚNG|ĐỀ XUẤT|KIẾN NGHỊ", re.I
)
_SHORTCOMING_HEADING = re.compile(r"HẠN CHẾ|TỒN TẠI|KHÓ KHĂN|VƯỚNG MẮC|YẾU KÉM", re.I)


def lead_kind(lead: Segment | None) -> str | None:
    """``directive`` when a lead-in introduces tasks, ``shortcoming`` when it introduces faults.

    Only the last clause counts (after ``tuy nhiên``/``nhưng``): ``Sở đã thực hiện tốt nhiều nhiệm
    vụ ..., tuy nhiên Đoàn chỉ ra các tiêu chí thực hiện chưa tốt, cụ thể:`` introduces faults.

    >>> from docmine.builder import DocBuilder
    >>> lead_kind(Segment(0, 0, "paragraph", "..., tuy nhiên Đoàn chỉ ra các tiêu chí chưa tốt, cụ thể:", "", 0))
    'shortcoming'
    """
    if lead is None:
        return None
    got = lead.__dict__.get("_lead_kind", "")
    if got == "":
        got = lead.__dict__["_lead_kind"] = _lead_kind(lead.text)  # a lead-in is asked once per item under it
    return got


_BUT = re.compile(r"\b(?:tuy nhiên|Tuy nhiên|nhưng|song)\b")


def _lead_kind(t: str) -> str | None:
    t = _BUT.split(t)[-1]
    sent = sentences(t)
    if sent:
        t = t[sent[-1][0] :]
    if _DIRECTIVE_CUE.search(t):
        return "directive"
    if _SHORTCOMING_CUE.search(t):
        return "shortcoming"
    if _UNITS_ONLY.match(t):
        return "directive"
    return None


TASK_OPENING = re.compile(
    (
        r"\s*(?:[-+•*]\s*)?(?:Đề nghị|Yêu cầu|Giao|Chỉ đạo|Tiếp tục|Tăng cường|Tập trung|Khẩn trương|Đẩy mạnh|Nâng cao|"
        r"Cải thiện|Khắc phục|Chấn chỉnh|Thực hiện|Triển khai|Rà soát|Xây dựng|Kiểm tra|Đôn đốc|Chủ động|Quán triệt|"
        r"Phấn đấu|Duy trì|Bảo đảm|Đảm bảo|Kịp thời|Thường xuyên|Tham mưu|Ban hành|Kiện toàn|Tổ chức|Nghiên cứu|"
        r"Hướng dẫn|Cập nhật|Công khai|Tuyên truyền|Phối hợp|Chủ trì|Theo dõi|Hoàn thành|Rút kinh nghiệm|Xử lý|Sớm|"
        r"Nghiêm túc|Quan tâm|Phát huy|Gửi|Giải quyết|Cung cấp|Số hóa|Thí điểm|Tích hợp|Cắt giảm|Đơn giản hóa|Bố trí)(?!\w)"
    ).replace(" ", r"\s+")
)
"""A sentence that opens with a verb of a task asks for something (``Tăng cường kiểm tra ...``,
``Hoàn thành 100% ...``): ``TASK_OPENING.match(text, start)``."""

_UNITS_ONLY = re.compile(
    r"^\s*(?:\d{1,2}[.)]\s*)?(?:Trưởng|Thủ trưởng|Giám đốc|Chánh|Văn phòng|Phòng|Các|các|Trung tâm|UBND|Ủy ban|Sở|Ban)\b[^.;]{0,150}:\s*$"
)


def context_kind(seg: Segment | None) -> str | None:
    """What a segment's context makes of it: ``directive``, ``shortcoming`` or None."""
    if seg is None:
        return None
    k = lead_kind(seg.lead)
    if k:
        return k
    if seg.heading is not None:
        return heading_kind(seg.heading)
    return None


def heading_kind(heading: Segment) -> str | None:
    """``shortcoming`` or ``directive`` for a section heading that names one, decided once.

    >>> heading_kind(Segment(0, 0, "heading", "II. TỒN TẠI, HẠN CHẾ", "II.", 4))
    'shortcoming'
    """
    got = heading.__dict__.get("_heading_kind", "")
    if got == "":
        h = heading.text
        got = heading.__dict__["_heading_kind"] = (
            "shortcoming" if _SHORTCOMING_HEADING.search(h) else "directive" if _DIRECTIVE_HEADING.search(h) else None
        )
    return got
