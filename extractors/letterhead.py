"""The Nghị định 30 header of a letter, read from its lines however a copy renders them.

The header is found by its quốc hiệu ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), not by position:
in a copy saved from a legal site it sits under the site's menus and catalogue fields. Lines are
the opening blocks split at line breaks, tabs and table pipes, without markdown emphasis, so one
reader serves a .docx header table, a PDF's two columns, a site's ``ỦY BAN NHÂN DÂN | CỘNG HÒA ...``
rows and a markdown copy whose lines wrap in the middle of a name. The agency is the capitals
before the quốc hiệu (and, in a header rendered row by row, the capitals beside it), the number
the ``Số:`` line, the trích yếu the ``V/v`` line or the title under the type name.

>>> from docmine.parsers.text import from_string
>>> h = read(from_string("Trang chủ | Văn bản\\nỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\\n"
...                      "Số: 30/2018/QĐ-UBND | Hà Nam, ngày 19 tháng 6 năm 2018 |\\nQUYẾT ĐỊNH\\nVề việc ban hành Quy chế"))
>>> h.agency, h.number, h.symbol, h.place, h.date, h.title, h.subject
('ỦY BAN NHÂN DÂN', '30', 'QĐ-UBND', 'Hà Nam', '2018-06-19', 'QUYẾT ĐỊNH', 'Về việc ban hành Quy chế')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docmine.model import Document
from docmine.vnnum import parse_date
from docmine.zones import NUMBER_LINE, PLACE_DATE, QUOC_HIEU, TITLE_RE, bare, is_motto, is_upper


@dataclass(frozen=True)
class Line:
    """One line of the opening blocks: bare text and its span in ``doc.text``."""

    text: str
    start: int
    end: int
    gap: bool = False  # a blank line, a rule or a table pipe stands between it and the line before


@dataclass
class Letterhead:
    """The header's parts as printed (capitals kept); ``None`` where the copy has none."""

    lines: list[Line] = field(default_factory=list)
    quoc_hieu: int | None = None  # index in ``lines``
    agency: str | None = None
    agency_lines: list[str] = field(default_factory=list)
    number: str | None = None
    symbol: str | None = None
    number_seen: bool = False  # a "Số:" line was read, even with a blank number
    place: str | None = None
    date: str | None = None
    title: str | None = None
    subject: str | None = None
    subject_is_vv: bool = False
    catalogue: dict[str, str] = field(default_factory=dict)  # a legal site's fields: Số hiệu, Người ký ...
    page_title: str | None = None  # a legal site's title line, "Quyết định 12/QĐ-UBND năm 2021 về ..."
    page_type: str | None = None  # the type that title names
    used: list[Line] = field(default_factory=list)  # the lines read, for the evidence span


_PIECE = re.compile(r"[^\n\t|]+")
_CORE = re.compile(r"[^\s*_#>|](?:.*[^\s*_|])?")
_SPLIT = re.compile(
    r"(?<=\S)(?P<a>\s+)(?=C[ỘỌ]NG\s+H(?:ÒA|OÀ)\s+XÃ|Độc lập\s*-\s*Tự do|(?:Số|SỐ)\s*:)"
    r"|(?<=[^\s,])(?P<b>\s+)[A-ZĐÀ-Ỹ][^\W\d]*(?:\s[A-ZĐÀ-Ỹ][^\W\d]*){0,4}(?=,\s*ngày\b)"
)
_RULE = re.compile(r"^[-_=.\s]*$")
_CAPITALIZED = re.compile(r"(?:^|\s)[A-ZĐÀ-Ỹ][a-zđà-ỹ][^\s]*$")  # the word before a place is part of its name
_YEAR = re.compile(r"^(?:19|20)\d\d/")
_WRAPPED_PLACE = re.compile(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)?")
WINDOW_CHARS, WINDOW_LINES = 30000, 400


def lines_of(doc: Document, limit_chars: int = WINDOW_CHARS, limit_lines: int = WINDOW_LINES) -> list[Line]:
    """The opening blocks as bare lines (split at line breaks, tabs, pipes and header anchors)."""
    out: list[Line] = []
    gap = False
    prev_end = 0
    for b in doc.blocks:
        if (b.start > limit_chars and len(out) >= 40) or len(out) >= limit_lines:
            break
        text = doc.view[b.start : b.end]
        for piece in _PIECE.finditer(text):
            s0, p = piece.start(), piece.group()
            cuts = [s0]
            if "CỘNG" in p or "CỌNG" in p or "Độc" in p or "Số" in p or "SỐ" in p or "ngày" in p:
                cuts += [s0 + (m.end("a") if m.group("a") else m.end("b")) for m in _SPLIT.finditer(p)
                         if m.group("a") or not _CAPITALIZED.search(p, 0, m.start())]  # fmt: skip
            cuts.append(piece.end())
            for a, z in zip(cuts, cuts[1:], strict=False):
                core = _CORE.search(text, a, z)
                t = bare(core.group()) if core else ""
                if not t or _RULE.match(t):
                    gap = True
                    continue
                assert core is not None
                start, end = b.start + core.start(), b.start + core.end()
                gap = gap or "\n\n" in doc.view[prev_end:start]
                out.append(Line(t, start, end, gap))
                gap, prev_end = False, end
        gap = gap or text.endswith("|")
    return out


_QH_START = re.compile(r"C[ỘỌ]NG\s+H(?:ÒA|OÀ)\s+X[ÃA]\s+H[ỘỌO]I|Độc lập\s*-\s*Tự do")


def find_quoc_hieu(lines: list[Line]) -> int | None:
    """Index of the quốc hiệu's first line (its words may wrap over two lines).

    >>> find_quoc_hieu([Line("Đăng nhập", 0, 9), Line("CỘNG", 10, 14), Line("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 15, 44)])
    1
    """
    for i, ln in enumerate(lines):
        t = ln.text
        if t.startswith(("CỘNG", "CỌNG")) and len(t) < 120:
            joined = " ".join(x.text for x in lines[i : i + 3])
            if _QH_START.match(joined):
                return i
        elif "Độc lập" in t and QUOC_HIEU.search(t) and len(t) < 90:
            return i
    return None


_DRAFT = re.compile(r"^\(?(?:DỰ THẢO|Dự thảo)\b")
_VV = re.compile(r"^(?:V/v|V/V|v/v|Về việc)\b\s*[:.]?\s*")
_NUMBER = re.compile(
    r"^(?:Số|SỐ)\s*[:.]?\s*(?P<num>\d+[a-zA-Z]?(?:\.\d+)?)?[\s.…_]*/\s*(?P<sym>[^\s,;]+(?:\s*-\s*[^\s,;]+)*)"
)
_LEVEL = re.compile(r"^(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s")
_AGENCY_HEAD = re.compile(
    r"^(?:UBND|HĐND|Ủ?Y BAN|UỶ BAN|HỘI ĐỒNG|SỞ|BỘ|BAN|VĂN PHÒNG|PHÒNG|TRUNG TÂM|CỤC|CHI CỤC|TỔNG CỤC|VỤ|VIỆN|"
    r"THANH TRA|TỈNH [ỦU]Y|THÀNH [ỦU]Y|HUYỆN [ỦU]Y|ĐẢNG [ỦU]Y|ĐẢNG BỘ|CÔNG AN|KHO BẠC|BẢO HIỂM|TRƯỜNG|"
    r"BỆNH VIỆN|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|TỔ |MẶT TRẬN|LIÊN ĐOÀN|ĐOÀN|TÒA ÁN|TOÀ ÁN|VIỆN KIỂM SÁT|KIỂM TOÁN|"
    r"NGÂN HÀNG|TỔNG CÔNG TY|CÔNG TY|TẬP ĐOÀN|HỌC VIỆN|ĐẠI HỌC|HỘI |ĐÀI |BÁO |CHI NHÁNH)"
)
_AUTHORITY = re.compile(
    r"^(?:CHỦ TỊCH|[ỦU]Y BAN NHÂN DÂN|UBND|BỘ TRƯỞNG|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BAN CHỈ ĐẠO|BAN THƯỜNG VỤ|"
    r"GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|QUYẾT ĐỊNH\s*:|QUYẾT NGHỊ\s*:|CHỈ THỊ\s*:)"
)
_BODY = re.compile(
    r"^(?:Kính gửi|Đồng kính gửi|Căn cứ|Thực hiện|Theo |Qua |Trên cơ sở|Nhằm|Để |Sau khi|Vừa qua|Xét |"
    r"I\.|1\.|Điều 1)"
)
_CATALOGUE = (
    "Số ký hiệu|Số hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày có hiệu lực|"
    "Ngày công báo|Số công báo|Tình trạng|Lĩnh vực|Ngày hết hiệu lực"
)
_CATALOGUE_RE = re.compile(rf"(?P<label>{_CATALOGUE})\s*:?\s*(?:¦\s*)?(?P<value>.*?)\s*(?=¦|{_CATALOGUE}|$)")
TYPE_NAMES = (
    "Quyết định|Kế hoạch|Công văn|Báo cáo|Thông báo|Chỉ thị|Tờ trình|Nghị quyết|Hướng dẫn|Chương trình|"
    "Đề án|Kết luận|Công điện|Nghị định|Thông tư|Quy chế|Quy định|Biên bản|Giấy mời"
)
_PAGE_TITLE = re.compile(rf"^(?:\d+\s*)?(?P<type>{TYPE_NAMES})\s+(?:số\s+)?(?P<ref>\d+[\w.]*/[^\s,;]+)")


def read(doc: Document) -> Letterhead:
    """The letter's header, found by its quốc hiệu or, in a bare draft, by its ``Số:`` line."""
    head = doc.view[:WINDOW_CHARS]
    at = min((i for i in (head.find("CỘNG"), head.find("CỌNG"), head.find("Độc lập")) if i >= 0), default=-1)
    lines = lines_of(doc, at + 4000 if at >= 0 else 0, WINDOW_LINES if at >= 0 else 40)
    h = Letterhead(lines=lines)
    q = find_quoc_hieu(lines)
    h.quoc_hieu = q
    if q is None:
        first = next(
            (i for i, ln in enumerate(lines[:12]) if _NUMBER.match(ln.text) or ln.text.startswith("Số:")),
            None,
        )
        if first is None:
            return h
        lo, hi = 0, min(len(lines), first + 12)
    else:
        lo, hi = max(0, q - 12), min(len(lines), q + 20)
        _catalogue(h, lines[:q])
        _agency(h, lines, q)
    zone = lines[lo:hi]
    _number(h, zone)
    _place_date(h, zone)
    _title_and_subject(h, lines, lo, hi)
    if q is not None:
        h.used.append(lines[q])
    return h


def of(doc: Document) -> Letterhead:
    """``read(doc)``, kept on the document like its ``view`` (the scores extractor asks per sentence)."""
    cached = doc.__dict__.get("_letterhead")
    if cached is None:
        cached = doc.__dict__["_letterhead"] = read(doc)
    return cached


def span(h: Letterhead) -> tuple[int, int] | None:
    """Where the header's lines that were read lie in ``doc.text``."""
    if not h.used:
        return None
    return min(ln.start for ln in h.used), max(ln.end for ln in h.used)


def _catalogue(h: Letterhead, before: list[Line]) -> None:
    """A legal site's fields (``Số hiệu: 12/QĐ-UBND``, ``Người ký | Trần Văn A |``) and its title line."""
    joined = " ¦ ".join(ln.text for ln in before[-60:])
    for m in _CATALOGUE_RE.finditer(joined):
        value = m.group("value").strip(" ¦:")
        label = "Số hiệu" if m.group("label") == "Số ký hiệu" else m.group("label")
        if value and label not in h.catalogue:
            h.catalogue[label] = value
    for ln in before[:12]:
        if m := _PAGE_TITLE.match(ln.text):
            h.page_title, h.page_type = ln.text, m.group("type")
            break


def _agency(h: Letterhead, lines: list[Line], q: int) -> None:
    """Capitals before the quốc hiệu (skipping a number line that a merged cell put there), and
    capitals beside it when the header was rendered row by row (``TỈNH X | Độc lập - ...``)."""
    found: list[Line] = []
    skipped = 0
    i = q - 1
    while i >= 0 and len(found) < 6:
        t = lines[i].text
        # a draft mark; a number, trích yếu or recipients that a header table put before the quốc hiệu
        aside = NUMBER_LINE.match(t) or _VV.match(t) or t.startswith("- ")
        if _DRAFT.match(t) or (aside and not found and skipped < 8):
            skipped += 1
        elif is_upper(t) and not is_motto(t) and not TITLE_RE.match(t) and len(t) <= 120 and "/" not in t:
            found.insert(0, lines[i])
        else:
            break
        i -= 1
    heads = [k for k in range(len(found)) if _AGENCY_HEAD.match(" ".join(ln.text for ln in found[k : k + 2]))]
    if heads:  # site lines in capitals above the agency; "ỦY" / "BAN NHÂN DÂN" is one wrapped name
        found = found[heads[0] :]
    else:  # no body named beside the quốc hiệu: the nearest one above ("QUỐC HỘI" / "Luật số: ...")
        named = [ln for ln in lines[max(0, q - 8) : q] if is_upper(ln.text) and _AGENCY_HEAD.match(ln.text)]
        found = named[-1:]  # capitals that name no body ("PARTIAL", a site's banner) are not the agency
    for ln in lines[q + 1 : q + 8]:
        t = ln.text
        if is_motto(t):
            continue
        if is_upper(t) and (_LEVEL.match(t) or _AGENCY_HEAD.match(t)) and not TITLE_RE.match(t) and found:
            found.append(ln)
            continue
        break
    h.agency_lines = [ln.text for ln in found]
    h.used += found
    h.agency = " ".join(h.agency_lines) or None


def _number(h: Letterhead, zone: list[Line]) -> None:
    for i, ln in enumerate(zone):
        text = ln.text
        if re.fullmatch(r"(?:Số|SỐ)\s*:?", text) and i + 1 < len(zone):  # "Số:" wrapped from its number
            text += " " + zone[i + 1].text
        m = _NUMBER.match(text) if NUMBER_LINE.match(text) else None
        if m:
            h.number_seen = True
            h.used.append(ln)
            h.number = m.group("num")
            sym = re.sub(r"\s+", "", m.group("sym")).strip(".)")
            h.symbol = _YEAR.sub("", sym) or None
            return
        if re.match(r"^(?:Số|SỐ)\s*:", ln.text):
            h.number_seen = True
            h.used.append(ln)
            return


def _place_date(h: Letterhead, zone: list[Line]) -> None:
    for i, ln in enumerate(zone):
        text = ln.text
        if text.endswith(",") and i + 1 < len(zone) and zone[i + 1].text.startswith("ngày"):
            text += " " + zone[i + 1].text  # "Hà Giang," / "ngày 17 tháng 9 năm 2022"
        elif i and not ln.gap and _WRAPPED_PLACE.fullmatch(zone[i - 1].text) and PLACE_DATE.match(text):
            text = zone[i - 1].text + " " + text  # "Cao" / "Bằng, ngày 21 tháng 10 năm 2019"
        m = PLACE_DATE.match(text)
        if not m:
            continue
        for nxt in zone[i + 1 : i + 3]:
            if re.search(r"năm\s*\d{4}|\d{4}\s*$", text):
                break
            text += " " + nxt.text
        h.place = m.group(0).rsplit(",", 1)[0].strip(" *")
        h.date = parse_date(text)
        h.used.append(ln)
        return


def _title_and_subject(h: Letterhead, lines: list[Line], lo: int, hi: int) -> None:
    q = h.quoc_hieu if h.quoc_hieu is not None else lo
    for i in range(lo, hi):
        t = lines[i].text
        if re.match(r"[Vv]/[Vv]\b", t):
            parts = [_VV.sub("", t)]
            for nxt in lines[i + 1 : i + 7]:
                t = nxt.text
                if nxt.gap or _stops_subject(t) or is_motto(t) or NUMBER_LINE.match(t) or PLACE_DATE.match(t):
                    break
                parts.append(nxt.text)
            h.subject, h.subject_is_vv = " ".join(p for p in parts if p), True
            h.used += lines[i : i + len(parts)]
            break
    title_at, title_len = None, 1
    for i in range(q, hi):
        if TITLE_RE.match(lines[i].text):
            title_at = i
        elif (
            i + 1 < hi and len(lines[i].text) <= 6 and TITLE_RE.match(lines[i].text + " " + lines[i + 1].text)
        ):
            title_at, title_len = i, 2  # "KẾ" / "HOẠCH"
        else:
            continue
        break
    if title_at is not None:
        h.title = " ".join(ln.text for ln in lines[title_at : title_at + title_len])
        h.used += lines[title_at : title_at + title_len]
    if h.subject:
        return
    if title_at is not None:
        start = title_at + title_len
    else:  # a copy that drops the type name: the capitals under the number and place-date
        marks = [
            i for i in range(q, hi) if NUMBER_LINE.match(lines[i].text) or PLACE_DATE.match(lines[i].text)
        ]
        if not marks:
            return
        start = marks[-1] + 1
        if start >= len(lines) or not is_upper(lines[start].text):
            return
    parts: list[str] = []
    first_upper = None
    for ln in lines[start : start + 8]:
        t = ln.text
        if parts and ln.gap:
            break
        if _stops_subject(t) or is_motto(t) or NUMBER_LINE.match(t) or PLACE_DATE.match(t):
            break
        if first_upper is None:
            first_upper = is_upper(t)
        elif first_upper and not is_upper(t):
            break
        parts.append(t)
        h.used.append(ln)
    h.subject = " ".join(parts) or None


def _stops_subject(t: str) -> bool:
    return bool(_BODY.match(t) or _AUTHORITY.match(t) or TITLE_RE.match(t) or len(t) > 400)


def own_refs(h: Letterhead) -> set[str]:
    """The letter's own number in its header, its web copy's catalogue and title, as ``number/symbol``."""
    out = set()
    if h.symbol:
        out.add(f"{h.number or ''}/{h.symbol}")
    for text in (h.catalogue.get("Số hiệu"), h.page_title):
        m = re.search(r"(\d+[\w.]*)/((?:\d{4}/)?[^\s,;|]+)", text or "")
        if m:
            out.add(m.group(1) + "/" + _YEAR.sub("", m.group(2)))
    return out
