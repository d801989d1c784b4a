"""Shortcomings (tồn tại, hạn chế, khó khăn): one item each, with criterion, area, units and cause.

Where they are found:

- items of a list whose lead-in introduces faults (``..., tuy nhiên Đoàn chỉ ra các tiêu chí thực
  hiện chưa tốt, cụ thể:``);
- paragraphs under a heading about them (``II. NHỮNG HẠN CHẾ TRONG NĂM 2021``), where ``Nội dung
  1.2 <title>.`` gives the criterion and the rest is the shortcoming;
- the sentences after ``còn một số hạn chế:`` / ``gặp một số khó khăn như:`` in running text, and
  sentences saying ``còn hạn chế``/``còn thấp`` in a paragraph about causes or difficulties;
- the remarks column of a score table, for criteria below their maximum.

The cause is a bracketed ``(Do ...)``, or what follows ``nguyên nhân`` / ``Lý do:``; units are the
footnote the sentence points to, or ``Đơn vị ... là <unit>``.

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Đoàn chỉ ra các hạn chế, cụ thể:\\n1. Tỷ lệ hồ sơ trực tuyến thấp (Do hạ tầng chưa đáp ứng).")
>>> s = extract(doc)[0]
>>> s.text, s.area, s.cause
('Tỷ lệ hồ sơ trực tuyến thấp', 'hiện đại hóa', 'Do hạ tầng chưa đáp ứng')
"""

from __future__ import annotations

import re

from docmine.facts import Evidence, Shortcoming
from docmine.model import Document
from extractors import criteria as criteria_x
from extractors.common import area_of, clean
from extractors.discourse import Segment, context_kind, lead_kind, segments, sentences, year_near
from extractors.similar import contained
from extractors.units import is_unit, split_units

_CODE = re.compile(
    r"^\s*\*?\s*(?:Nội dung|Tiêu chí(?: thành phần)?|Chỉ số(?: thành phần)?)\s+(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*"
)
_CAUSE_PAREN = re.compile(r"\s*\(\s*\*?\s*((?:Do|do|Nguyên nhân|nguyên nhân|Lý do|lý do)\b[^()]*?)\*?\s*\)")
_CAUSE_TAIL = re.compile(
    r"[.,;]?\s*(?:Lý do\s*:\s*|[Nn]guyên nhân(?:\s+(?:là|chủ yếu là|chính là))?\s*(?=do\b)|[Nn]guyên nhân\s*:\s*)(.+)$"
)
_UNIT_SENT = re.compile(r"^\s*(?:Đơn vị|Các đơn vị|Phòng|Cơ quan)[^.]{0,80}?\blà\s+(.+?)\.?$")
_INTRO = re.compile(
    r"(?:còn|vẫn còn|gặp|có|những|một số)\s+(?:một số\s+|những\s+|nhiều\s+)?(?:tồn tại|hạn chế|khó khăn|vướng mắc|bất cập)[^:]{0,40}:\s*"
)
_STRONG = re.compile(
    r"còn hạn chế|còn thấp|còn chậm|chưa đáp ứng|chưa đạt yêu cầu|chưa được thực hiện|chưa kịp thời"
)
_CONTEXT = re.compile(r"hạn chế|khó khăn|tồn tại|nguyên nhân|vướng mắc", re.I)
_CONNECTOR = re.compile(
    r"^\s*(?:Mặt khác|Bên cạnh đó|Ngoài ra|Đặc biệt|Do đó|Vì vậy|Theo đó|Tuy nhiên|Đồng thời)\s*,?\s*"
)
_POSITIVE = re.compile(r"đạt (?:điểm )?tối đa|^tốt$|^hoàn thành$|^đạt$", re.I)


def _split_cause(text: str) -> tuple[str, str | None]:
    m = _CAUSE_PAREN.search(text)
    if m:
        return (text[: m.start()] + text[m.end() :]).strip(), clean(m.group(1))
    m = _CAUSE_TAIL.search(text)
    if m and m.start() > 10:
        return text[: m.start()].strip(), clean(m.group(1))
    return text, None


def _units(seg: Segment, text: str) -> tuple[str, list[str]]:
    units: list[str] = []
    for note in seg.footnotes:
        if is_unit(note):
            units += split_units(note)
    kept = []
    for a, b in sentences(text):
        m = _UNIT_SENT.match(text[a:b])
        if m and is_unit(m.group(1)):
            units += split_units(m.group(1))
        else:
            kept.append(text[a:b])
    return " ".join(kept), units


def extract(doc: Document) -> list[Shortcoming]:
    out: list[Shortcoming] = []

    def add(seg: Segment | None, start: int, end: int, text: str, code=None, area_hint=None, year=None):
        text, cause = _split_cause(text)
        units: list[str] = []
        if seg is not None:
            text, units = _units(seg, text)
        text = clean(_CONNECTOR.sub("", text))
        if len(text.split()) < 3 or any(contained(o.text or "", text) >= 0.9 for o in out):
            return
        area = area_of("", code) or (area_of(area_hint) if area_hint else None) or area_of(text)
        y = year if year is not None else year_near(doc, seg, start)
        out.append(Shortcoming(Evidence.of(doc, start, end), text=text, criterion=code, area=area, units=units,
                               cause=cause, year=y))  # fmt: skip

    for seg in segments(doc):
        if seg.kind == "heading" or seg.is_title or seg.text.rstrip().endswith(":"):
            continue
        kind = context_kind(seg)
        body = seg.body
        if kind == "shortcoming" and (lead_kind(seg.lead) == "shortcoming" or seg.lead is None):
            m = _CODE.match(body)
            code = None
            if m:
                code = m.group(1)
                rest = body[m.end() :]
                first = sentences(rest)
                if len(first) > 1 and len(rest[first[0][0] : first[0][1]].split()) <= 20:
                    rest = rest[first[1][0] :]  # ``Nội dung 1.2 <title>. <what went wrong>``
                body = rest
            hint = seg.subheading.body if seg.subheading else None
            start = seg.start + len(seg.text) - len(body)
            add(seg, start, seg.end, body, code, hint)
            continue
        m = _INTRO.search(body)
        tail_start = seg.body_start + m.end() if m else None
        for a, b in seg.sentences:
            if tail_start is not None and b > tail_start:
                a = max(a, tail_start)
                for part in re.split(r";\s+", doc.view[a:b]):
                    if re.match(r"\s*[Nn]guyên nhân", part):
                        continue
                    p0 = doc.view.find(part, a)
                    add(seg, p0, p0 + len(part), part)
            elif (
                _CONTEXT.search(seg.text)
                and _STRONG.search(doc.view[a:b][-30:])
                and not re.match(r"\s*[Nn]guyên nhân", doc.view[a:b])
            ):
                add(seg, a, b, doc.view[a:b])
    for c in criteria_x.extract(doc):
        if c.note and not _POSITIVE.search(c.note) and not (c.score is not None and c.score == c.max_score):
            add(None, c.evidence.start, c.evidence.end, c.note, c.code, None, c.year)
    return out
