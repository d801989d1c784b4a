"""Shortcomings (tồn tại, hạn chế, khó khăn): one item each, with criterion, area, units and cause.

How Vietnamese reports, conclusions and news state a fault, and where this module reads them:

- **items of a fault list**: list items whose lead-in introduces faults (``..., tuy nhiên Đoàn chỉ
  ra các tiêu chí thực hiện chưa tốt, cụ thể:``) and paragraphs or items under a heading about them
  (``II. NHỮNG HẠN CHẾ TRONG NĂM 2021``), where ``Nội dung 1.2 <title>.`` gives the criterion; an
  item is one shortcoming, whatever its words;
- **an inline list after an intro**: ``còn một số tồn tại, hạn chế như: A; B; C``, ``... thể hiện ở
  A; B``, ``Trong đó: A. B.``, ``gặp một số khó khăn như: A. Mặt khác, B``; items are split at
  semicolons, at ``(1) ... (2)`` markers, and at commas when three or more parallel faults share a
  sentence (``A còn thấp, B còn thấp, chưa có C``);
- **a sentence that states a fault** anywhere in running text: a predicate of the genre (``còn
  chậm``, ``còn thấp``, ``chưa đạt``, ``chưa kịp thời``, ``chỉ đạt``, ``trễ hạn``, ``khiêm tốn``,
  ``giảm điểm do``...) that is not the object of a remedy (``khắc phục những hạn chế``), a condition
  (``trường hợp dưới 95% thì``), a rank or band (``thấp nhất``, ``nhóm trung bình thấp``) or a task;
  the sentence's discourse opener (``Tuy nhiên,``, ``Đáng chú ý,``, ``Dù ..., ``, ``X chỉ ra rằng``)
  is left out. A bare movement or position of a score is a score fact, not a shortcoming;
- the remarks column of a score table, for criteria below their maximum.

The cause is a bracketed ``(Do ...)``, what follows ``nguyên nhân ... do`` / ``Lý do:`` in the item
or in the sentence after it, or a following paragraph about ``Nguyên nhân của những tồn tại, hạn chế
nêu trên``. Units are the footnote the item points to, ``Đơn vị ... là <unit>``, the bodies listed
after ``như``/``gồm``, or the body that is the subject of a clause (other than the writer itself).

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Đoàn chỉ ra các hạn chế, cụ thể:\\n1. Tỷ lệ hồ sơ trực tuyến thấp (Do hạ tầng chưa đáp ứng).")
>>> s = extract(doc)[0]
>>> s.text, s.area, s.cause
('Tỷ lệ hồ sơ trực tuyến thấp', 'hiện đại hóa', 'Do hạ tầng chưa đáp ứng')
>>> [s.text for s in extract(from_string("Tuy nhiên, việc số hóa hồ sơ còn chậm. Sở xếp thứ 5, giảm 2 bậc."))]
['việc số hóa hồ sơ còn chậm']
"""

from __future__ import annotations

import re

from docmine.facts import Evidence, Shortcoming
from docmine.model import Document
from extractors import criteria as criteria_x
from extractors.common import (
    AREAS,
    area_of,
    blind_cues,
    blind_words,
    clean,
    earliest_cue,
)
from extractors.discourse import (
    TASK_OPENING,
    Segment,
    context_kind,
    joined_segments,
    lead_kind,
    segments,
    sentences,
    year_near,
)
from extractors.mentions import mentions
from extractors.similar import contained, token_f1
from extractors.tables import flat_spans, in_spans
from extractors.topics import document_year, headline_span, topic_at
from extractors.units import UNIT_HEAD, is_unit, split_units

_CODE = re.compile(
    r"\s*\*?\s*(?:Nội dung|Tiêu chí(?: thành phần)?|Chỉ số(?: thành phần)?)\s+(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s*"
)
_CAUSE_PAREN = re.compile(r"\s*\(\s*\*?\s*((?:Do|do|Nguyên nhân|nguyên nhân|Lý do|lý do)\b[^()]*?)\*?\s*\)")
_CAUSE_TAIL = re.compile(
    r"[.,;]?\s*(?:Lý do\s*:\s*|[Nn]guyên nhân(?:\s+[^\W\d_]+){0,6}?(?:\s+(?:là|chủ yếu là|chính là))?\s*(?=do\b)|"
    r"[Nn]guyên nhân\s*:\s*)(.+)$"
)


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with each literal space of the pattern matching any run of whitespace (wrapped lines)."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


_UNIT_SENT = re.compile(r"^\s*(?:Đơn vị|Các đơn vị|Phòng|Cơ quan)[^.]{0,80}?\blà\s+(.+?)\.?$")

# ---------------------------------------------------------------- the genre's words for a fault

_NOUNS = ["tồn tại", "hạn chế", "khó khăn", "vướng mắc", "bất cập", "yếu kém", "thiếu sót", "khuyết điểm",
          "khiếm khuyết", "thách thức"]  # fmt: skip
_NOUN = "(?:" + "|".join(_NOUNS) + ")"
_FAULT = _rx(
    r"(?<!\w)(?:"
    r"(?:vẫn còn|còn|vẫn)\s+(?:khá\s+|rất\s+|quá\s+|nhiều\s+|một số\s+|những\s+)?"
    r"(?:chậm|thấp|hạn chế|yếu|cao|ít|thiếu|bất cập|hình thức|khó khăn|vướng mắc|tồn tại|lúng túng|tình trạng|"
    r"xảy ra|trường hợp|chưa|khiêm tốn|kém|sai sót|nhiều hạn chế|nhiều khó khăn)"
    r"|chưa\s+(?!từng\b|kể\b|biết\b)[^\W\d_]+"
    r"|không\s+(?:đạt|thực hiện|hoàn thành|kịp thời|đảm bảo|bảo đảm|đáp ứng|gửi|công khai|cập nhật|ban hành|"
    r"thể (?:hoàn thành|thực hiện|đáp ứng|triển khai|giải quyết|đạt)|"
    r"đầy đủ)"
    r"|trễ hạn|quá hạn|trễ hẹn|chậm trễ|chậm muộn|(?:giảm|mất|bị trừ)\s+điểm\s+(?:ở|do|tại|vì)|mất điểm"
    r"|đạt điểm thấp(?! nhất)|điểm số thấp(?! nhất)|khiêm tốn|bộc lộ|khiếm khuyết|thiếu sót|yếu kém|bất cập"
    r"|mang tính hình thức|thiếu\s+(?:đồng bộ|tính|sự|chặt chẽ|quyết liệt|lao động|cán bộ|nhân lực|kinh phí)"
    r"|gây khó khăn|khó khăn nhất định|vượt\s+(?:quá\s+)?quy định|cao hơn quy định|thấp(?!\s+(?:nhất|hơn))|chậm(?!\s+nhất)"
    r")(?!\w)",
    re.I,
)
# what makes a fault word something else: a remedy, a task, a plan or a rank before it in its clause
_REMEDY = _rx(
    r"khắc phục|(?:để|nhằm|cần|phải|tiếp tục) (?:cải thiện|nâng cao|giải quyết)|chấn chỉnh|\btránh\b|không để|phấn đấu|đề nghị|yêu cầu|\bgiao\b|kiên quyết|xử lý nghiêm|"
    r"làm rõ|phân tích|tháo gỡ|ghi nhận (?:những|các)|rút kinh nghiệm|\bcần\b|\bphải\b|tập trung vào|hạn chế tối đa|giảm thiểu|"
    r"không còn|đã khắc phục|nhằm|mục đích|giải pháp|đánh giá những|chỉ ra được",
    re.I,
)
_TURN = _rx(r",? (?:như vậy|do đó|vì vậy|tuy nhiên|nhưng|song|thế nhưng)\b,?", re.I)  # a clause that turns
_CONDITION = re.compile(r"(?<!\w)(?:nếu|trường hợp|khi|giả sử)(?!\w)", re.I)
_BAND = re.compile(
    r"(?:trung bình|nhóm|xếp loại|loại|mức)\s*$", re.I
)  # ``nhóm trung bình thấp``, ``nhóm chưa tốt``
_GOOD_OBJECT = _rx(
    r"[^.;,]{0,40}?(?:vi phạm|sai phạm|kiến nghị xử lý|cần xử lý|tồn đọng|khiếu nại|trễ hạn|trễ hẹn|quá hạn|sai sót)",
    re.I,
)
_NONE_BEFORE = _rx(r"(?:không|chưa) (?:có|để|còn|xảy ra|phát sinh)(?: [^\W\d_]+){0,3} $", re.I)
_COUNTED = _rx(r"(?:\bsố(?: [^\W\d_]+){0,3}|(?:đúng|trước|sớm) (?:hạn|hẹn)\s*(?:,|và|hoặc|/)) $", re.I)
# ``số hồ sơ quá hạn là 02``, ``tỷ lệ hồ sơ đúng hạn, trễ hạn``: a count or a breakdown, not a fault
_DIRECTS = _rx(r"(?<!\w)(?:yêu cầu|đề nghị|giao cho|giao) (?=[^\W\d_])", re.I)
_SCORE_WORDS = _rx(r"kết quả|điểm|thứ hạng|xếp hạng|chỉ số|PAR|PCI|PAPI|SIPAS|DDCI|DTI|ICT", re.I)
# a sentence that asks for something rather than reports
_LABEL_OPENER = _rx(r"\s*(?:[-+•*]\s*)?(?:Để|Nhằm|Giải pháp|Đề xuất|Kiến nghị|Mục tiêu)\b")


def _task(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a sentence asks for something (a task verb or a purpose or remedy label opens it)."""
    end = len(text) if end is None else end
    return bool(TASK_OPENING.match(text, start, end) or _LABEL_OPENER.match(text, start, end))


_REMEDY_PARA = re.compile(
    r"\s*(?:[-+•*]\s*)?(?:Đề xuất\s+)?(?:giải pháp|biện pháp|kiến nghị|đề xuất)[^:]{0,30}:", re.I
)

# openers of a fault sentence that are not the fault: connectors, concessions, reporting frames
_OPENER = _rx(
    r"\s*(?:(?:Tuy nhiên|Song|Nhưng|Mặt khác|Bên cạnh đó|Ngoài ra|Đặc biệt|Đáng chú ý|Do đó|Vì vậy|Theo đó|Trong đó|"
    r"Cụ thể|Đồng thời|Hơn nữa|Nhìn chung|Nhất là)\s*(?:là\s*)?[,:]?\s*)+"
    r"|\s*(?:Dù|Mặc dù|Tuy|Bên cạnh những|Bên cạnh|Ngoài những)\b[^,;:]{0,120},\s*"
    r"|\s*(?:Theo|Qua|Từ)\b[^,;:]{0,160}?(?:\bthì\b|\bcho thấy\b,?|,)\s*"
    r"|[^,;:]{0,80}?\b(?:chỉ ra rằng|cho rằng|cho biết|nhận định|nhận xét|đánh giá)\s*(?:rằng\s*)?,?\s*",
    re.I,
)
_INTRO = _rx(
    r"(?:còn|vẫn còn|gặp|có|chỉ ra|nêu|bộc lộ|những|một số|các)\s+(?:một số\s+|những\s+|nhiều\s+|các\s+)?"
    + _NOUN
    + r"(?:[,\s]+(?:và\s+)?"
    + _NOUN
    + r")*[^:;.]{0,90}?(?:\s*[,]?\s*(?:như|thể hiện ở|thể hiện qua|cụ thể là|cụ thể|đó là|gồm)(?!\w)\s*:?|\s*:)\s*",
    re.I,
)
# case-blind, and found only where their first letters are (see blind_words); spaces: any run
_NOUN_RE = blind_words([w.replace(" ", r"\s+") for w in _NOUNS])
_INTRO_WORDS = blind_words([w.replace(" ", r"\s+") for w in [*_NOUNS, "điểm thấp", "mất điểm", "chưa tốt", "chưa đạt", "chưa cao"]])
_OPENING_YEAR = re.compile(r"\s*(?:Trong|Tính đến|Đến hết|Hết)?\s*(?:năm|Năm|NĂM)\s+(\d{4})\b")
_COLON = re.compile(r":\s*")
_LIST_START = _rx(r"\s*(?:Trong đó|Cụ thể(?: như sau)?|Như sau)\s*:\s*", re.I)
_EXISTENTIAL = _rx(
    r"(?:còn|vẫn còn|có|gặp|bộc lộ)\s+(?:một số|những|nhiều|không ít)\s+(?:mặt\s+)?" + _NOUN
    + r"(?:[,\s]+(?:và\s+)?" + _NOUN + r")*\s*[.…]*\s*$",
    re.I,
)  # fmt: skip
_CAUSE_START = _rx(r"\s*(?:[^,;:]{0,80}?,\s*)?(?:[Nn]guyên nhân|Lý do)\b(?![^:]{0,80}:\s*\(?\d\))", re.I)
_BACK_CAUSE = _rx(
    r"\s*[Nn]guyên nhân\s+(?:của|dẫn đến|chủ yếu của)?\s*(?:những|các)?\s*"
    + _NOUN
    + r"[^.:;]{0,60}?(?:nêu trên|trên đây|này)",
    re.I,
)
_CAUSE_BODY = re.compile(r"(?:như|là|gồm)\s*:\s*|:\s*|(?<!\w)(?=do\b)", re.I)
_FOOTREF = re.compile(r"\[(\d{1,3})\]")
_NOTE = re.compile(
    r"\s*\[(\d{1,3})\]"
)  # the text of a footnote in a web copy: ``[4] Như: Sở Xây dựng (31,2%)``
_LABEL = re.compile(r"\s*(?:\(\d{1,2}\)\s*)?(?:Nhóm|Về|Lĩnh vực|Trụ cột)\s[^:;.]{1,60}:\s*")
_NUMBERED = re.compile(r"\(\d{1,2}\)\s+")


def _split_cause(text: str) -> tuple[str, str | None]:
    m = _CAUSE_PAREN.search(text)
    if m:
        return (text[: m.start()] + text[m.end() :]).strip(), clean(m.group(1))
    m = _CAUSE_TAIL.search(text)
    if m and m.start() > 10:
        return text[: m.start()].strip(), clean(m.group(1))
    return text, None


def _units(seg: Segment | None, text: str) -> tuple[str, list[str]]:
    units: list[str] = []
    for note in seg.footnotes if seg is not None else ():
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


def fault_at(view: str, start: int, end: int, *, aside: bool = True) -> int | None:
    """Offset of the first word in ``view[start:end]`` that states a fault, None when none does
    (``aside=False``: not counting words in brackets).

    >>> fault_at("Việc công khai TTHC còn chậm.", 0, 28), fault_at("Khắc phục những hạn chế còn tồn tại.", 0, 36)
    (20, None)
    >>> fault_at("Tỉnh Điện Biên có kết quả thấp nhất cả nước.", 0, 44)
    """
    for m in _FAULT.finditer(view, start, end):
        p = m.start()
        if not aside and view.count("(", start, p) > view.count(")", start, p):
            continue  # a fault only in a bracketed aside is not what the sentence states
        cut = max([view.rfind(";", start, p), start] + [b.end() for b in _TURN.finditer(view, start, p)])
        if _REMEDY.search(view, cut, p):
            continue
        clause = max(view.rfind(",", start, p), view.rfind("(", start, p), cut)
        if _CONDITION.search(view, clause, p):
            continue
        if _BAND.search(view[max(start, p - 25) : p]):
            continue
        if re.search(r"thấp|cao", m.group(0), re.I) and _SCORE_WORDS.search(view, cut, p):
            continue  # ``điểm Chỉ số CCHC khá thấp``: a position of a score, not a fault
        if m.group(0)[:3].lower() in ("chư", "khô") and _GOOD_OBJECT.match(view, m.end()):
            continue  # ``chưa phát hiện văn bản phải kiến nghị xử lý``: nothing wrong was found
        if re.search(r"\bsẽ\s+$", view[max(start, p - 8) : p]):
            continue  # ``sẽ không thể gửi báo cáo``: what will happen, not what went wrong
        if _NONE_BEFORE.search(view[max(start, p - 40) : p]):
            continue  # ``không có hồ sơ trễ hẹn``
        if re.match(r"trễ|quá", m.group(0), re.I) and _COUNTED.search(view[max(start, p - 30) : p]):
            continue
        if re.search(r"\btiền\s+$", view[max(start, p - 8) : p]):
            continue  # ``tiền chậm nộp``: a term of law, not a fault
        if re.match(r"[^.;:]{0,60}?\bthì\b", view[m.end() : end]):
            continue  # ``... chưa nộp đủ hồ sơ thì được xem xét lại``: the condition of a rule
        return p
    return None


def _directs(text: str, start: int, end: int) -> bool:
    """Whether a sentence gives a task to units (``..., yêu cầu các phòng nghiệp vụ rà soát ...``), where
    ``yêu cầu`` is a verb and not the noun of ``chưa đạt yêu cầu``.

    >>> _directs("Tỷ lệ còn thấp: yêu cầu các phòng tăng cường.", 0, 45), _directs("Tỷ lệ chưa đạt yêu cầu.", 0, 23)
    (True, False)
    """
    for m in _DIRECTS.finditer(text, start, end):
        if UNIT_HEAD.match(text[m.end() : m.end() + 80]) and not re.search(
            r"(?:đạt|đáp ứng|theo)\s*$", text[max(start, m.start() - 10) : m.start()]
        ):
            return True
    return False


def _context(seg: Segment) -> str | None:
    """What a segment's context makes of it; a nested list takes its parent item's context."""
    k = context_kind(seg)
    lead = seg.lead
    while k is None and lead is not None and lead.lead is not None:
        k = lead_kind(lead.lead)
        lead = lead.lead
    return k


def _chunks(view: str, a: int, b: int, least: int = 3) -> list[tuple[int, int]]:
    """Parallel faults sharing one sentence, each with its own subject: ``A còn thấp, B còn thấp, chưa có
    C`` (``least`` of them, else the sentence is one fault); a predicate without a subject (``..., chưa
    đáp ứng yêu cầu``) goes on with the fault before it."""
    parts, s = [], a
    for m in re.finditer(r",\s+", view[a:b]):
        parts.append((s, a + m.start()))
        s = a + m.end()
    parts.append((s, b))
    out: list[tuple[int, int]] = []
    cur = None
    for p in parts:
        cur = (cur[0], p[1]) if cur else p
        at = fault_at(view, *p)
        if at is None:
            continue
        if out and at == p[0] and cur == p:
            out[-1] = (out[-1][0], p[1])  # no subject of its own
        else:
            out.append(cur)
        cur = None
    if cur and out:
        out[-1] = (out[-1][0], cur[1])
    return out if len(out) >= least else [(a, b)]


def _items(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The items of an inline fault list ``view[a:b]``: semicolons, ``(1) (2)`` markers and their labels
    (``(1) Nhóm hạ tầng:``), parallel commas."""
    pieces: list[tuple[int, int]] = []
    marks = [m.start() for m in _NUMBERED.finditer(view, a, b)]
    bounds = sorted({a, *marks, b})
    for s, e in zip(bounds, bounds[1:], strict=False):
        labelled = False
        lab = _LABEL.match(view, s, e)
        if lab:
            s, labelled = lab.end(), True
        for m in re.finditer(r"[^;]+", view[s:e]):
            ps, pe = s + m.start(), s + m.end()
            if view[ps:pe].strip():
                pieces += _chunks(view, ps, pe, 2 if labelled or len(marks) >= 2 else 3)
    return pieces


def _trim(view: str, a: int, b: int) -> tuple[int, int]:
    """Leave out a sentence's opener (``Tuy nhiên, ``, ``Dù đạt nhiều kết quả, ``, ``X chỉ ra rằng``)."""
    for _ in range(3):
        m = _OPENER.match(view, a, b)
        if not m or m.end() == a or fault_at(view, m.start(), m.end()) is not None:
            break
        a = m.end()
    m = _LIST_START.match(view, a, b)
    if m:
        a = m.end()
    return a, b


def extract(doc: Document) -> list[Shortcoming]:
    out: list[Shortcoming] = []
    ms = mentions(doc)
    head = headline_span(doc)
    notes = _notes(doc)
    signed = max(
        (b.end for b in doc.blocks_of("signature")), default=len(doc.text)
    )  # after it: appendices, site furniture

    def add(seg, start, end, text, code=None, area_hint=None, year=None, cause=None) -> Shortcoming | None:
        """One shortcoming from ``text`` (read at ``doc.text[start:end]``)."""
        text = _FOOTREF.sub("", text)
        text, inner = _split_cause(text)
        cause = inner or cause
        text, units = _units(seg, text)
        text = clean(text)
        if len(text.split()) < 3 or any(contained(o.text or "", text) >= 0.9 for o in out):
            return None
        units += [u for u in _named_units(doc, ms, start, end) + _noted_units(doc, ms, notes, start, end)
                  if u not in units]  # fmt: skip
        area = (
            area_of("", code)
            or _area(_topic(text))
            or (area_of(area_hint) if area_hint else None)
            or _area(_without(doc, ms, start, end, text))
        )
        y = year if year is not None else year_near(doc, seg, start)
        if y is None:  # the year its section opens with, the index year in effect, a letter's own year;
            letter = bool(doc.blocks_of("header"))  # a news page's faults are of the year it last names
            y = (
                opened.get(id(seg.heading) if seg else None)
                or topic_at(doc, start).year
                or (document_year(doc) or _dated_year(doc, ms) if letter else None)
                or _last_year(ms, start)
                or document_year(doc)
            )
        s = Shortcoming(Evidence.of(doc, start, end), text=text, criterion=code, area=area, units=units,
                        cause=cause, year=y)  # fmt: skip
        out.append(s)
        return s

    run: list[Shortcoming] = []  # the items of the fault passage being read, for a cause stated after them
    flat = flat_spans(doc)
    opened: dict[int | None, int] = {}  # the last ``Năm 2025, ...`` a paragraph of each section opened with
    for seg in joined_segments(doc):
        if (y := _OPENING_YEAR.match(seg.body)) is not None:
            opened[id(seg.heading) if seg.heading else None] = int(y.group(1))
        if seg.kind == "heading" or seg.is_title or in_spans(flat, seg.start) or _NOTE.match(seg.text):
            continue
        if (
            head
            and head[0] <= seg.start < head[1]
            and not seg.marker
            and not re.search(r"[.…;!?]\W*$", seg.text)
        ):
            continue  # a news headline (``Huyện X chưa cải thiện được thứ hạng ...``) announces, it does not list
        body = seg.body
        if _BACK_CAUSE.match(body):
            cause = _cause_of(body)
            for s in run:
                s.cause = s.cause or cause
            run = []
            continue
        if _REMEDY_PARA.match(body) or _task(body):
            continue
        kind = _context(seg)
        before = len(out)
        if kind == "shortcoming" and (
            lead_kind(seg.lead) == "shortcoming" and _names_faults(seg.lead) or seg.lead is None
        ):
            if not seg.text.rstrip().endswith(":"):
                _item(seg, add)
        elif kind != "directive" and seg.start < signed:
            _sentences(seg, add)
        if len(out) > before:
            run = out[before:]
    for c in criteria_x.extract(doc):
        if (
            c.note
            and not _POSITIVE.search(c.note)
            and not (c.score is not None and c.score == c.max_score)
            and len(_WORDS.findall(c.note)) >= 3
        ):
            add(None, c.evidence.start, c.evidence.end, c.note, c.code, None, c.year)
    return out


_POSITIVE = re.compile(r"đạt (?:điểm )?tối đa|^tốt$|^hoàn thành$|^đạt$", re.I)
_WORDS = re.compile(
    r"(?<!\w)(?!(?:tăng|giảm|điểm|bậc|hạng|so|với|năm)(?!\w))[^\W\d_]+", re.I
)  # a note of words, not of changes


_HARDSHIP = _rx(r"(?:đặc biệt|hoàn cảnh|điều kiện[^.;:]{0,40}|vùng|địa bàn) khó khăn", re.I)


def _names_faults(lead: Segment | None) -> bool:
    """Whether a lead-in names faults (not ``các xã có điều kiện đặc biệt khó khăn gồm:``)."""
    return lead is not None and bool(_INTRO_WORDS.search(_HARDSHIP.sub(" ", lead.text)))


def _item(seg: Segment, add) -> None:
    """A whole list item or paragraph under a fault heading; a cause stated in a later sentence of it
    (``Theo báo cáo ..., nguyên nhân là do ...``) is its cause."""
    t, base = seg.text, seg.start
    a = seg.body_start - base
    m = _CODE.match(t, a)
    code = None
    if m:
        code = m.group(1)
        a = m.end()
        first = sentences(t[a:], a)
        if len(first) > 1 and len(t[first[0][0] : first[0][1]].split()) <= 20:
            a = first[1][0]  # ``Nội dung 1.2 <title>. <what went wrong>``
    b = len(t.rstrip())
    cause = None
    for i, (x, y) in enumerate(sentences(t[a:b], a)):
        if i and _CAUSE_START.match(t, x, y):
            cause, b = _cause_of(t[x:y]), x
            break
    hint = seg.subheading.body if seg.subheading else None
    add(seg, base + a, base + len(t[:b].rstrip()), t[a:b], code, hint, cause=cause)


def _sentences(seg: Segment, add) -> None:
    """Faults stated in the sentences of a paragraph: inline lists after an intro, sentences with a
    fault predicate; a cause sentence right after a fault is its cause."""
    t, base = seg.text, seg.start
    # after an intro the sentences that follow are items: ``any`` after ``còn một số tồn tại, hạn chế như:``,
    # ``faults`` (those that state one) after ``Các tiêu chí bị mất điểm tập trung ở các nhóm:``
    listing: str | None = None
    named = False  # the sentence before names faults
    last = None

    def put(x: int, y: int):
        return add(seg, base + x, base + y, t[x:y])

    for a, b in sentences(t, 0):
        a = max(a, seg.body_start - base)
        if a >= b:
            continue
        if not listing and not _may_state_fault(t[a:b]):
            named = False
            continue  # most sentences name no fault at all: a quick look spares the grammar below
        if t[a:b].rstrip().endswith(":"):
            named = True
            continue  # it introduces the list items that follow
        intro = _intro(t, a, b)
        if intro is None and (listing or named):
            intro = _LIST_START.match(t, a, b)  # ``... những tồn tại, hạn chế. Trong đó: A. B.``
        named = bool(_NOUN_RE.search(t, a, b))
        if intro is None and _CAUSE_START.match(t, a, b):
            if last is not None and last.cause is None:
                last.cause = _cause_of(t[a:b])
            continue
        if _task(t, a, b) or _directs(t, a, b):
            listing, last = None, None
            continue
        if intro is not None and intro.end() < b - 3:
            descriptive = (
                intro.re is _INTRO or intro.re is _LIST_START and listing == "any"
            ) and not _REMEDY.search(t, a, intro.start())  # else each item must state a fault
            for x, y in _items(t, intro.end(), b):
                if _task(t, x, y):
                    continue
                if descriptive or fault_at(t, x, y) is not None:
                    last = put(*_trim(t, x, y)) or last
            listing = "any" if descriptive else "faults"  # the sentences after it go on with the list
            continue
        if _EXISTENTIAL.search(t, a, b) and not _REMEDY.search(t, a, b):
            listing = "any"
            continue
        if listing and not _REMEDY.search(t, a, b):
            for x, y in _items(t, *_trim(t, a, b)):
                if listing == "any" or fault_at(t, x, y) is not None:
                    last = put(x, y) or last
            continue
        at = fault_at(t, a, b, aside=False)
        if at is None:
            continue
        x, y = _trim(t, a, b)
        turn = [m.end() for m in _TURN.finditer(t, x, at)]
        x = max([x, *turn])  # ``..., như vậy kết quả ... chưa đạt kế hoạch``: the clause that turns
        for p, q in _faulty_parts(t, x, y):
            last = put(p, q) or last


_STEMS = ("còn", "chưa", "không", "trễ", "quá hạn", "chậm", "thấp", "hạn chế", "tồn tại", "khó khăn", "bất cập",
          "yếu", "thiếu", "khiêm tốn", "bộc lộ", "khiếm khuyết", "mất điểm", "giảm điểm", "vượt", "hình thức",
          "vướng mắc", "thách thức", "sai sót", "nguyên nhân", "lý do", ":", "cao hơn", "trong đó")  # fmt: skip


_STEM_RE = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _STEMS))


def _may_state_fault(sentence: str) -> bool:
    """Whether a sentence holds any word the fault grammar starts from (a cheap test before it).

    >>> _may_state_fault("Số hồ sơ quá\\nhạn"), _may_state_fault("Sở đã hoàn thành kế hoạch")
    (True, False)
    """
    return _STEM_RE.search(sentence.lower()) is not None


def _faulty_parts(t: str, a: int, b: int) -> list[tuple[int, int]]:
    """A sentence's parts between semicolons that state a fault, each with the parts after it that do not
    (``còn 1.250 hồ sơ cần số hóa; 430 thủ tục cần chuẩn hóa ...`` is one fault)."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^;]+", t[a:b]):
        p, q = a + m.start(), a + m.end()
        if fault_at(t, p, q, aside=False) is not None:
            out.append((p, q))
        elif out:
            out[-1] = (out[-1][0], q)
    return out


def _intro(t: str, a: int, b: int) -> re.Match[str] | None:
    """Where an inline fault list starts in a sentence: after ``còn một số hạn chế như:`` or after a
    colon whose clause names faults (``Các tiêu chí bị mất điểm tập trung ở các nhóm:``)."""
    m = _INTRO.search(t, a, b) if _NOUN_RE.search(t, a, b) else None  # it names a fault: found faster first
    if m:
        return m
    c = t.find(":", a, b)
    if c > a and _INTRO_WORDS.search(t, a, c) and not _LABEL.match(t, a, b):
        return _COLON.match(t, c)  # its items must each state a fault
    return None


def _cause_of(text: str) -> str | None:
    """What a cause sentence gives as the cause: after ``như:``/``là:`` or from ``do``."""
    m = _CAUSE_BODY.search(text, text.lower().find("nguyên nhân") + 1 if "nguyên nhân" in text.lower() else 0)
    body = text[m.end() :] if m else text
    body = re.split(r"\.\s+(?=[A-ZĐ])", body)[0]
    return clean(body) or None


def _own_names(doc: Document) -> list[str]:
    """The writer and the entity its headline names: named in the text, they are not units at fault
    (read once per document, and only for a document that names a unit at all)."""
    got = doc.layers.get("shortcomings.own")
    if got is None:
        from extractors.document import extract as document_info

        got = []
        info = document_info(doc)
        if info and info[0].issuer:
            got.append(info[0].issuer)
        head = headline_span(doc)
        if head:
            got += [doc.text[e.start : e.end] for e in mentions(doc).get("entity", *head)][:1]
        doc.layers["shortcomings.own"] = got
    return got


_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:Hiện nay|Đến nay|Năm \d{4},?)\s+)$")
_LISTED_BEFORE = re.compile(r"(?:\bnhư|\bgồm|\blà|:)\s*(?:[^,;()]{0,80}?,\s*)*$")


def _named_units(doc: Document, ms, start: int, end: int) -> list[str]:
    """Bodies an item names as at fault: the subject of a clause (``Văn phòng UBND tỉnh chưa ...``) or
    a list after ``như``/``gồm`` (``chưa nộp đủ báo cáo như Sở Xây dựng, huyện Đông Sơn``)."""
    view = doc.view
    out: list[str] = []
    for e in ms.get("entity", start, end):
        name = doc.text[e.start : e.end]
        left = view[max(start, e.start - 120) : e.start]
        subject = _SUBJECT_BEFORE.search(view[max(start, e.start - 20) : e.start]) or e.start == start
        if not (subject or _LISTED_BEFORE.search(left)):
            continue
        stop = view.find(";", e.end, end)
        if subject and fault_at(view, e.end, stop if stop >= 0 else end) is None:
            continue  # the subject of a clause that states no fault
        if any(token_f1(name, o) >= 0.6 for o in _own_names(doc)):
            continue
        out.append(clean(name))
    listed = _listed(doc.text[start:end])
    if listed:
        out = [u for u in out if not any(token_f1(u, x) >= 0.6 or u in x for x in listed)] + listed
    return out


_LIST_WORD = re.compile(r"(?<!\w)(?:như|gồm|bao gồm)(?!\w)\s*:?\s*")
_NAME_START = re.compile(r"(?:[A-ZĐÀ-Ỹ]|(?:huyện|xã|phường|thị xã|thị trấn|quận|tỉnh|thành phố)\s+[A-ZĐÀ-Ỹ])")


def _listed(text: str) -> list[str]:
    """The names listed after ``như``/``gồm`` in an item, as written (``chưa nộp đủ báo cáo như Sở Y tế,
    huyện Đông Sơn cũ, Quỹ Bảo lãnh tín dụng (trước sắp xếp)...``): consecutive items that
    start with a name, two or more of them.

    >>> _listed("một số cơ quan, như Sở Y tế và Sở Xây dựng, mới cập nhật một phần dữ liệu")
    ['Sở Y tế', 'Sở Xây dựng']
    """
    for m in _LIST_WORD.finditer(text):
        items: list[str] = []
        for part in re.split(r"\s*[;,]\s*|\s+và\s+(?=[A-ZĐÀ-Ỹ])", text[m.end() :]):
            part = clean(re.sub(r"\.{2,}|…", "", part))
            if not part or not _NAME_START.match(part) or len(part.split()) > 14 or re.search(r"\d", part):
                break
            items.append(part)
        if len(items) >= 2:
            return items
    return []


_MORE_AREAS = {  # cues of the genre beyond common.AREAS, read the same way (the earliest cue wins)
    "thủ tục hành chính": r"quy trình nội bộ|niêm yết|công bố,? công khai|công bố danh mục|đúng hạn|đúng hẹn|"
    r"kết quả giải quyết|giải quyết hồ sơ|hồ sơ TTHC|tiếp nhận và giải quyết",
    "hiện đại hóa": r"số hóa|hệ thống thông tin|điện toán|an toàn thông tin|dịch vụ công trực tuyến|DVCTT|"
    r"trí tuệ nhân tạo|ứng dụng AI|dữ liệu",
    "thể chế": r"(?:cần|phải) (?:được )?(?:sửa đổi|bổ sung|hoàn thiện)|văn bản pháp luật",
    "tài chính công": r"giải ngân|đầu tư công|vốn đầu tư|thu ngân sách|chi ngân sách",
}
_AREA_CUES = [*_MORE_AREAS.items(), *AREAS.items()]
_AREA_RE = blind_cues([p.replace(" ", r"\s+") for _, p in _AREA_CUES])  # case-blind; spaces: any run (wrapped lines)
_PURPOSE = _rx(
    r"\s*(?:[^\W\d_]+ ){0,2}(?:kinh phí|ngân sách)(?: [^\W\d_]+){0,3} (?:cho|dành cho|bố trí cho)", re.I
)


def _area(text: str | None) -> str | None:
    """PAR area by the earliest cue in ``text``; money spent on something, when the item is about that money
    (``kinh phí cho công tác chuyển đổi số còn hạn chế``), is of the area it is spent on.

    >>> _area("Việc rà soát quy trình nội bộ giải quyết TTHC tại bộ phận một cửa còn chậm")
    'thủ tục hành chính'
    >>> _area("kinh phí dành cho công tác chuyển đổi số còn hạn chế")
    'hiện đại hóa'
    """
    if not text:
        return None
    if m := _PURPOSE.match(text):
        text = text[m.end() :]
    k = earliest_cue(_AREA_RE, text)
    return _AREA_CUES[k][0] if k is not None else area_of(text)


def _topic(text: str) -> str | None:
    """The topic an item opens with (``Về cải cách thể chế ...``)."""
    m = re.match(r"\s*Về\s+((?:\S+\s+){0,5}\S+)", text)
    return m.group(1) if m else None


def _without(doc: Document, ms, start: int, end: int, text: str) -> str:
    """``text`` without the names of bodies in it: ``Sở Tài chính`` says nothing of the area."""
    for e in ms.get("entity", start, end):
        text = text.replace(doc.text[e.start : e.end], " ")
    return text


def _dated_year(doc: Document, ms) -> int | None:
    """The year of the letter's date line (``Thanh Hóa, ngày 05 tháng 3 năm 2024``) among its first lines."""
    head = doc.blocks[min(len(doc.blocks), 30) - 1].end if doc.blocks else 0
    ys = [y for y in ms.get("year", 0, min(head, 1500)) if y.label == "date"]
    return int(ys[0].value) if ys else None


def _last_year(ms, at: int) -> int | None:
    """The last year the text named before ``at`` (not one compared with, nor a date's)."""
    ys = [y for y in ms.get("year", 0, at) if y.label is None]
    return int(ys[-1].value) if ys else None


def _notes(doc: Document) -> dict[str, tuple[int, int]]:
    """Footnotes of a web copy by number: ``[8]`` up to the next ``[9]`` (at most 600 characters)."""
    found = [(m.group(1), s.start) for s in segments(doc) if (m := _NOTE.match(s.text))]
    out = {}
    for i, (n, at) in enumerate(found):
        nxt = found[i + 1][1] if i + 1 < len(found) else len(doc.text)
        out[n] = (at, min(nxt, at + 600))
    return out


def _noted_units(doc: Document, ms, notes: dict[str, tuple[int, int]], start: int, end: int) -> list[str]:
    """The bodies named in the footnotes an item points to (``... thấp[4]`` with ``[4] Như: Sở Y tế
    (31,2%); huyện Đông Sơn (35,8%)``)."""
    out: list[str] = []
    for ref in _FOOTREF.finditer(doc.view, start, end):
        span = notes.get(ref.group(1))
        if span:
            out += [clean(doc.text[e.start : e.end]) for e in ms.get("entity", *span)]
    return out
