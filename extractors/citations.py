"""Citations: the documents a text refers to by number.

``<type> số <ref> ngày <date> của <issuer>`` and its variants, matched on the whole text so a
reference wrapped over two lines is one: refs with letters or dots (``41b/NQ-CP``,
``66.4/2025/NQ-CP``), laws (``Luật ... số 89/2015/QH13``), party refs (``01-NQ/TU``,
``27-CTr/TU``), a legal site's ``Quyết định 818/QĐ-UBND năm 2021``, bare numbers after a type
(``Công văn 4417``), lists sharing one type (``các Quyết định số 1/QĐ-UBND, 2/QĐ-UBND``), the
issuer after ``của`` or, in news, before ``ban hành`` with the date before it (``Ngày 19/10/2022,
UBND tỉnh ban hành Thông báo số 305/TB-UBND``). A document cited twice is one row; the letter's
own number (header, appendix, a web copy's title) is not a citation.

>>> from docmine.parsers.text import from_string
>>> [(c.doc_type, c.ref, c.date, c.issuer) for c in extract(from_string(
...     "Căn cứ Nghị quyết số 41b/NQ-CP ngày 14/09/2016 của Chính phủ về đơn giản hóa giấy tờ;"))]
[('Nghị quyết', '41b/NQ-CP', '2016-09-14', 'Chính phủ')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from docmine.facts import Citation, Evidence
from docmine.model import Document
from docmine.vnnum import DATE_RE, date_from_match
from extractors import letterhead
from extractors.common import trie
from extractors.mentions import low_view

TYPES = ("Thông tư liên tịch|Nghị quyết liên tịch|Chương trình hành động|Quyết định|Kế hoạch|Nghị định|Nghị quyết|"
         "Báo cáo|Công văn|Thông báo|Chỉ thị|Thông tư|Hướng dẫn|Tờ trình|Chương trình|Đề án|Kết luận|Văn bản|"
         "Công điện|Quy chế|Pháp lệnh|Luật")  # fmt: skip
_CANON = {t.lower(): t for t in TYPES.split("|")} | {
    "chương trình hành động": "Chương trình", "qđ": "Quyết định", "kh": "Kế hoạch",
    "cv": "Công văn", "nq": "Nghị quyết", "nđ": "Nghị định", "tb": "Thông báo", "bc": "Báo cáo", "ct": "Chỉ thị",
    "tt": "Thông tư", "hd": "Hướng dẫn", "ttr": "Tờ trình",
}  # fmt: skip
# Phụ lục III of Nghị định 30/2020: a symbol's type code
_TYPE_BY_CODE = {"QĐ": "Quyết định", "KH": "Kế hoạch", "NĐ": "Nghị định", "NQ": "Nghị quyết", "BC": "Báo cáo",
                 "CT": "Chỉ thị", "TT": "Thông tư", "HD": "Hướng dẫn", "TTr": "Tờ trình", "TB": "Thông báo",
                 "CĐ": "Công điện", "KL": "Kết luận", "CTr": "Chương trình", "ĐA": "Đề án",
                 "TTLT": "Thông tư liên tịch"}  # fmt: skip
_BARE_TYPES = (
    "Quyết định|Kế hoạch|Công văn|Nghị quyết|Thông báo|Chỉ thị|Báo cáo|Nghị định|Thông tư|Tờ trình|Văn bản"
)
_SYM = r"[A-ZĐ](?:[ ](?=[A-ZĐ]{1,3}-))?[\wĐđ&]*(?:[ \t]*-[ \t]*[\wĐđ&]+|\.[A-ZĐ][\wĐđ&]*)*"
_REF = re.compile(
    r"(?=[\dQqKkCcNnTtBbVv])"  # what every form starts with (a number, a type's initial): skips the rest fast
    r"(?:(?<![\w/.-])|(?<=[Ss]ố))(?:"
    r"(?P<party>\d+[a-z]?-[A-ZĐ][A-Za-zĐđ]{0,5}/[A-ZĐ][A-Za-zĐđƯư0-9]{0,10})"
    rf"|(?P<gov>\d+[a-z]?(?:\.\d+)?(?: \d+)?[ \t]*/[ \t]*(?:(?:19|20)\d\d[ \t]*/[ \t]*)?{_SYM})"
    rf"|(?P<btype>(?i:{_BARE_TYPES}))[ \t\n]+(?:(?P<bso>[Ss]ố)[ \t]*:?[ \t]*)?(?P<bare>\d{{2,5}})"
    r"(?![\w/]|[.,-]\w|[ \t]+\d|\s*(?:%|tháng|ngày(?!\s*\d)|giờ|bậc|điểm|đơn vị|người|hồ sơ|lượt|TTHC)\b)"
    r"(?P<byear>[ \t]+năm\b)?"
    r")"
)
# where a match of _REF can start, found by patterns the regex engine skips ahead through (_REF itself opens
# with look-arounds, so it is tried at every offset): a run of digits after a character that is not a letter,
# digit, ``/``, ``.`` or ``-`` (or after ``ố`` of ``Số``), or the start of a bare type's name (sought on the
# lowered view: its letters have no case form but their own, so lower case finds every case of them)
_DIGITS_AFTER_MARK = re.compile(r"\d(?<![\w/.-]\d)")  # the look-behind after the digit: skipped to digits
_DIGITS_AFTER_SO = re.compile(r"ố(?=\d)")
_BARE_TYPE_START = re.compile(trie(_BARE_TYPES.lower().split("|")))


def ref_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """``_REF.finditer(text)`` (``low``: :func:`lowered` ``text``), tried only where a match can start.

    >>> [m.group(0) for m in ref_matches("Theo Kế hoạch số 52, Số12/BC", "theo kế hoạch số 52, số12/bc")]
    ['Kế hoạch số 52', '12/BC']
    """
    starts = {m.start() for m in _DIGITS_AFTER_MARK.finditer(text)}
    starts.update(m.start() + 1 for m in _DIGITS_AFTER_SO.finditer(text))
    at = 0
    while m := _BARE_TYPE_START.search(low, at):  # each start, the overlapping ones too
        starts.add(m.start())
        at = m.start() + 1
    end = 0
    for p in sorted(starts):
        if p >= end and (m := _REF.match(text, p)):
            yield m
            end = m.end()


_TYPES_RE = TYPES.replace(" ", r"\s+")
_TYPE_BEFORE = re.compile(
    rf"(?:(?P<type>{_TYPES_RE})|(?P<abbr>\b(?:QĐ|KH|CV|NQ|NĐ|TB|BC|CT|TT|HD|TTr)\b))\s*:?\s*(?:(?P<so>[Ss]ố)\s*:?)?\s*$",
    re.IGNORECASE,
)
_LAW_BEFORE = re.compile(r"\b(?P<type>Luật|Bộ luật|Pháp lệnh)\s+(?:[^.;:\n()]|\n(?!\s*\n)){1,100}?\s+số\s*$")
_LIST_BEFORE = re.compile(r"(?:,|;|\bvà|\bhoặc)\s*(?:các\s+)?(?:[Ss]ố\s*)?$")
_SO_BEFORE = re.compile(r"\b[Ss]ố\s*:?\s*$")
_BOUNDARY = re.compile(r"[.;!?](?=\s)|\n\s*\n|\n\s*[-+•]\s")
_DATE_AFTER = re.compile(r"[ \t\n]*,?[ \t\n]*(?:ban hành[ \t]+|ký[ \t]+)?(?=[Nn]gày)")
_YEAR_AFTER = re.compile(r"[ \t]+năm[ \t]+((?:19|20)\d\d)\b")
_OF = r"(?:[^,;.():\n\t\[\]\"“”]|\n(?!\s*\n))"  # a hard-wrapped copy breaks an issuer over two lines
_ISSUER_AFTER = re.compile(
    r"(?:[ \t\n]*,?[ \t\n]*ngày[^,;()\n]{0,25}?)?"  # a date that did not parse ("ngày 07/11/205")
    rf"[ \t\n]*,?[ \t\n]*của[ \t\n]+(?P<iss>[A-ZĐÀ-Ỹ]{_OF}{{1,120}}?)"
    r"(?=[ \t\n]+(?:về|quy định|phê duyệt|ban hành|thông báo|hướng dẫn|sửa đổi|giao|sau khi|triển khai|công bố|"
    r"tại|đối với|thực hiện|trong|nhằm|để|với|đã|sẽ|đang|là|thì|cho|theo|khi|được|có|như|xác định|yêu cầu|nêu|"
    r"chỉ rõ|đề ra|nhấn mạnh|khẳng định|vào|lên|đến|tới|từ|bằng|nhưng|mà|này|ở|ngày|V/v|v/v|Ban hành|Việc|"
    r"Về việc|Quy định|Phê duyệt|và các|và (?i:"
    + _TYPES_RE
    + r")|(?-i:"
    + _TYPES_RE
    + r"))\b|[,;.():\t\[\]\"“”]|\n\s*\n|$)"
)
_ORG = (
    r"(?:(?:Phó )?Chủ tịch |Bộ trưởng |Thủ tướng |Giám đốc |Trưởng [Bb]an )?"
    r"(?:UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Chính phủ|Thủ tướng|Bộ|Sở|Văn phòng|Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|"
    r"Thành uỷ|Huyện ủy|Huyện uỷ|Quốc hội|Cục|Tổng cục|Trung tâm|Công an|Thanh tra|Kho bạc|Ngân hàng)\b"
)
_ORG_RE = re.compile(_ORG)
_ISSUED_BY = re.compile(
    r"(?P<iss>[^,;.()]{0,70}?)\s+(?:(?:đã|vừa|cũng|mới|chính thức|có)\s+)*"
    r"(?:ban hành|có|ra|ký|ký ban hành|gửi|(?:giao|quy định|nêu|đề ra|chỉ đạo|yêu cầu) tại)\s*$"
)
_VERB_INSIDE = re.compile(
    r"\s(?:đã|vừa|đề nghị|tham mưu|chỉ đạo|giao|yêu cầu|thực hiện|tổ chức|là|có|được)\s"
)
_BY_REQUEST = re.compile(r"\bcủa\s+(?P<iss>[A-ZĐÀ-Ỹ][^,;.()]{1,90}?)\s+tại\s*$")
_DATE_BEFORE = re.compile(
    r"\b[Nn]gày\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
_LOST_DASH = re.compile(r"[ \t]([A-ZĐ][A-ZĐ&0-9]{1,9})(?=[ \t\n]+(?:ngày|của|về)\b)")
_YEARISH = range(1990, 2031)
_SKIP = ("signature", "stamp")


def extract(doc: Document) -> list[Citation]:
    text = doc.view
    own = {_key(r) for r in letterhead.own_refs(letterhead.of(doc))}
    starts = [b.start for b in doc.blocks]
    wrapped = hard_wrapped(doc)
    out: list[Citation] = []
    by_key: dict[str, int] = {}
    last: tuple[str, int] | None = None  # type and end of the previous citation, for lists
    for m in ref_matches(text, low_view(doc)):
        s = m.start()
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and doc.blocks[k].kind in _SKIP and s < doc.blocks[k].end:
            continue
        sent = _sentence_start(text, s)
        prefix = text[sent:s]
        typ, t_start = _type_of(m, prefix, sent, last)
        if typ is None:
            continue
        ref, end = _ref_text(m, text)
        if ref is None:
            continue
        last = (typ if not m.group("bare") else "", end)
        key = _key(ref)
        if key in own:
            continue
        date, issuer, end2 = _after(text, end, wrapped)
        begin = t_start
        if date is None or issuer is None:
            before = _before(prefix[: t_start - sent], sent)
            if before and (issuer or before[1]):
                date = date or before[0]
                issuer = issuer or before[1]
                begin = min(begin, before[2])
        if typ == "Văn bản":  # a "văn bản" is a công văn unless its symbol names another type
            typ = _TYPE_BY_CODE.get(_code(ref), "Công văn")
        if key in by_key:
            _merge(out[by_key[key]], ref, date, issuer)
            continue
        by_key[key] = len(out)
        out.append(Citation(Evidence.of(doc, begin, max(end, end2)), typ, ref, date, issuer))
    _share_in_lists(doc, out)
    full = {(c.doc_type, (c.ref or "").split("/")[0].split("-")[0]) for c in out if "/" in (c.ref or "")}
    return [
        c for c in out if "/" in (c.ref or "") or (c.doc_type, c.ref) not in full
    ]  # "Nghị quyết số 203" again


def hard_wrapped(doc: Document) -> bool:
    """A copy whose lines are cut at a fixed width (markdown saved from a site): most long lines
    end in the middle of a sentence.

    >>> from docmine.parsers.text import from_string
    >>> hard_wrapped(from_string("Các phòng chuyên môn rà soát danh mục hồ sơ đã tiếp nhận trong quý\\n"
    ...                          "và gửi báo cáo về Văn phòng trước ngày mười lăm của tháng cuối quý, kèm\\n"
    ...                          "theo bảng tổng hợp số liệu và đề xuất của từng bộ phận về những vướng\\n"))
    True
    """
    ends = [doc.view[b.end - 1] for b in doc.blocks[:400] if b.end - b.start >= 50 and b.kind == "paragraph"]
    return len(ends) >= 3 and sum(c not in ".;:!?)" for c in ends) >= 0.6 * len(ends)


def _sentence_start(text: str, s: int) -> int:
    lo = max(0, s - 220)
    cut = lo
    for b in _BOUNDARY.finditer(text, lo, s):
        cut = b.end() - (1 if text[b.end() - 2 : b.end()].strip() in ("-", "+", "•") else 0)
    return cut


def _type_of(
    m: re.Match[str], prefix: str, sent: int, last: tuple[str, int] | None
) -> tuple[str | None, int]:
    """The cited type and where its name starts: the name before the ref, a law's name, the list it
    continues, or, after a bare ``số``, the symbol's type code."""
    if m.group("bare"):  # "Công văn 5942": a capitalized type, or "số", and not a year
        name, n = m.group("btype"), int(m.group("bare"))
        if not m.group("bso") and (not name[0].isupper() or n in _YEARISH or m.group("byear")):
            return None, 0  # "Kế hoạch 2024", "kế hoạch 10 năm"; "Kế hoạch số 189 năm 2019" is a number
        return _CANON.get(name.lower(), name), m.start()
    tail = prefix[-140:]
    off = sent + len(prefix) - len(tail)
    tb = _TYPE_BEFORE.search(tail)
    if tb:
        name = tb.group("type") or tb.group("abbr")
        return _CANON.get(name.lower(), name), off + tb.start()
    lb = _LAW_BEFORE.search(tail)
    if lb:
        return lb.group("type"), off + lb.start()
    if last and last[0] and last[1] >= sent and _LIST_BEFORE.search(tail):
        return last[0], m.start()
    code = _code(m.group(0))
    so = _SO_BEFORE.search(tail)
    if code in _TYPE_BY_CODE and (so or m.group("party") or "-" in m.group(0)):
        return _TYPE_BY_CODE[code], off + so.start() if so else m.start()
    return None, 0


def _code(ref: str) -> str:
    """A symbol's type code: ``QĐ`` of ``414/QĐ-UBND`` and ``30/2018/QĐ-UBND``, ``NQ`` of ``01-NQ/TU``."""
    m = re.match(r"\d+[a-z]?-([A-ZĐ][A-Za-zĐ]*)/", ref) or re.search(r"/(?:\d{4}/)?([A-ZĐ][A-Za-zĐ]*)", ref)
    return m.group(1) if m else ""


def _ref_text(m: re.Match[str], text: str) -> tuple[str | None, int]:
    if m.group("bare"):
        return m.group("bare"), m.end("bare")
    ref = re.sub(r"\s+", "", m.group(0))
    ref = re.sub(r"(?<=[QH])Đ{2,}", "Đ", ref).rstrip("¹²³⁰⁴⁵⁶⁷⁸⁹")  # OCR: HĐÐĐND, QĐĐ; a footnote mark
    if not re.search(r"[A-ZĐ]", ref.split("/", 1)[1]) or re.fullmatch(r"\d+/\d+", ref):
        return None, 0
    end = m.end()
    if "-" not in ref.split("/")[-1] and m.group("gov") and (lost := _LOST_DASH.match(text, end)):
        ref, end = f"{ref}-{lost.group(1)}", lost.end()  # a PDF that dropped the dash: "428/TTXT ĐTDN"
    return ref, end


def _after(text: str, end: int, wrapped: bool) -> tuple[str | None, str | None, int]:
    """Date and issuer printed after the ref: ``ngày 07/6/2023``, ``năm 2020``, ``của UBND tỉnh``."""
    date = issuer = None
    pos = end
    dm = _DATE_AFTER.match(text, pos)
    d = DATE_RE.match(text, dm.end()) if dm else None
    if d and (iso := date_from_match(d)):
        date, pos = iso, d.end()
    elif y := _YEAR_AFTER.match(text, pos):
        date, pos = y.group(1), y.end()
    im = _ISSUER_AFTER.match(text, pos)
    if im:
        iss = im.group("iss")
        if not wrapped:
            iss = iss.split("\n")[0]
        iss = " ".join(iss.split())
        if len(iss.split()) <= 20:
            issuer, pos = iss, im.end("iss")
    return date, issuer, pos


def _before(prefix: str, sent: int) -> tuple[str | None, str | None, int] | None:
    """News style, before the type: ``Ngày 8/7/2021, UBND tỉnh ban hành``; ``đề nghị của Giám đốc Sở
    Nội vụ tại``. The date counts only with an issuer that issued the cited document."""
    rq = _BY_REQUEST.search(prefix)
    if rq:
        return None, " ".join(rq.group("iss").split()), sent + rq.start("iss")
    found = None
    for org in reversed(list(_ORG_RE.finditer(prefix))):  # the longest name that only names a body
        ib = _ISSUED_BY.fullmatch(prefix, org.start())
        if not ib or _VERB_INSIDE.search(ib.group("iss")):
            break
        found = org, ib
    if found is None:
        return None
    org, ib = found
    dates = list(_DATE_BEFORE.finditer(prefix, 0, org.start()))
    date = date_from_match(DATE_RE.search(dates[-1].group(0))) if dates else None  # type: ignore[arg-type]
    return date, " ".join(ib.group("iss").split()), sent + (dates[-1].start() if dates else org.start())


def _key(ref: str) -> str:
    """One key for the ways a ref is written: ``01-NQ/CP`` and ``01/NQ-CP``, ``0414`` and ``414``."""
    parts = [p for p in re.split(r"[-/.\s]+", ref.upper()) if p]
    if not parts:
        return ref
    return "|".join(
        [parts[0].lstrip("0") or "0"] + sorted(p for p in parts[1:] if not re.fullmatch(r"(?:19|20)\d\d", p))
    )


def _merge(c: Citation, ref: str, date: str | None, issuer: str | None) -> None:
    """A document cited again: fill what the first mention left out; a ``01-NQ/CP`` typo gives way to
    the ``01/NQ-CP`` a government body's number is written as."""
    c.date = c.date or date
    c.issuer = c.issuer or issuer
    if (
        re.match(r"\d+[a-z]?-", c.ref or "")
        and "/" in ref
        and not re.search(r"[UWƯ]", (c.ref or "").split("/")[-1])
    ):
        c.ref = ref


def _share_in_lists(doc: Document, out: list[Citation]) -> None:
    """``Nghị quyết 57 và Nghị quyết 68 của Bộ Chính trị``: the list's last member lends its issuer and
    date to the members before it when only a conjunction stands between them."""
    for a, b in zip(out, out[1:], strict=False):
        gap = doc.view[a.evidence.end : b.evidence.start]
        if len(gap) <= 40 and re.fullmatch(
            rf"\s*(?:,|và|;)?\s*(?:các\s+)?(?:(?:{TYPES})\s*)?(?:số\s*)?", gap, re.I
        ):
            if a.issuer is None and b.issuer:
                a.issuer = b.issuer
            if a.date is None and b.date and a.doc_type == b.doc_type:
                a.date = b.date
