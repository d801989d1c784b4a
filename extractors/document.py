"""Document metadata: a letter's Nghị định 30 header and signature, or a news page's headline and date.

A letter is read by ``extractors.letterhead`` (found by its quốc hiệu wherever a web copy puts it);
a legal site's catalogue (Số hiệu, Loại văn bản, Nơi ban hành, Người ký, Ngày ban hành) fills
what the copy lost. A page without a letter's header is a news article (``Tin bài``), read by
``extractors.newspage``.

>>> from docmine.parsers.text import from_string
>>> d = extract(from_string("Xã hội\\nBắc Kạn cải thiện mạnh thứ hạng cải cách hành chính\\n14:05 | 03/05/2024\\nNgày 2/5, ..."))[0]
>>> d.doc_type, d.subject, d.date
('Tin bài', 'Bắc Kạn cải thiện mạnh thứ hạng cải cách hành chính', '2024-05-03')
"""

from __future__ import annotations

import re
from collections import Counter

from docmine.facts import DocumentInfo, Evidence
from docmine.model import Document
from docmine.vnnum import parse_date
from docmine.zones import bare, bare_may_hold, is_upper
from extractors import letterhead, newspage
from extractors.common import PROVINCES, agency_case, canonical_province, clean, trie
from extractors.letterhead import Letterhead
from extractors.mentions import word_matches

TITLE_MAP = {"KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "BÁO CÁO": "Báo cáo", "THÔNG BÁO": "Thông báo",
              "CHỈ THỊ": "Chỉ thị", "TỜ TRÌNH": "Tờ trình", "NGHỊ QUYẾT": "Nghị quyết", "HƯỚNG DẪN": "Hướng dẫn",
              "CHƯƠNG TRÌNH": "Chương trình", "CÔNG VĂN": "Công văn", "ĐỀ ÁN": "Đề án", "KẾT LUẬN": "Kết luận",
              "BIÊN BẢN": "Biên bản", "GIẤY MỜI": "Giấy mời", "CÔNG ĐIỆN": "Công điện", "QUY CHẾ": "Quy chế"}  # fmt: skip
# Phụ lục III of Nghị định 30/2020: the type a symbol's first part names
_SYMBOL_TYPE = {"KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "CT": "Chỉ thị",
                "TTr": "Tờ trình", "NQ": "Nghị quyết", "HD": "Hướng dẫn", "CTr": "Chương trình", "CĐ": "Công điện",
                "KL": "Kết luận", "ĐA": "Đề án", "GM": "Giấy mời", "BB": "Biên bản"}  # fmt: skip
_SO_NAMES = re.compile(
    r"Sở (?:Lao động\s*[-,]\s*Thương binh và Xã hội|Nội vụ|Tài chính|Kế hoạch và Đầu tư|Tư pháp|Xây dựng|Giao thông vận tải|"
    r"Y tế|Giáo dục và Đào tạo|Công Thương|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|"
    r"Tài nguyên và Môi trường|Thông tin và Truyền thông|Văn hóa,? Thể thao và Du lịch|Khoa học và Công nghệ|Ngoại vụ|Dân tộc và Tôn giáo)"
)
_PARENT = re.compile(
    r"^(?:UBND|Ủ?Y BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN|TỈNH [ỦU]Y|THÀNH [ỦU]Y|HUYỆN [ỦU]Y|"
    r"ĐẢNG [ỦU]Y|ĐẢNG BỘ|BỘ|BAN CHẤP HÀNH|QUỐC HỘI)\s+\S"
)
_SUBORDINATE = (
    r"SỞ|BAN|VĂN PHÒNG|PHÒNG|TRUNG TÂM|CHI CỤC|TỔNG CỤC|CỤC|VỤ|VIỆN|THANH TRA|CÔNG AN|BỘ CHỈ HUY|HỘI ĐỒNG|"
    r"TRƯỜNG|ĐOÀN|TỔ|KHO BẠC|BẢO HIỂM|ĐẢNG [ỦU]Y|Ủ?Y BAN|UỶ BAN"
)
_SUB_LINE = re.compile(rf"^(?:{_SUBORDINATE})\s+\S")
_LOCAL_PARENT = re.compile(
    rf"^(?P<parent>(?:UBND|Ủ?Y BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+"
    rf"(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+.+?)\s+(?P<issuer>(?:{_SUBORDINATE})\s+.+)$"
)
_BARE_COUNCIL = re.compile(r"^(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)$", re.IGNORECASE)
_CITY = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ")


_PROVINCE_CS = re.compile(r"\b" + trie(PROVINCES) + r"(?!\w)")
_PROVINCE_AT = re.compile(trie(PROVINCES) + r"(?!\w)")  # the word boundary before: word_matches
_FORM = re.compile(r"^(KT\.|TL\.|TM\.|Q\.|TUQ\.|KT |TL |TM )?\s*(.*)$")
_NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]*")
_NAME_TAIL = re.compile(r"(?:^|\s)((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)$")
_ITEM_SPLIT = re.compile(r"(?:^|(?<=[;:.])|(?<=[;:.]\s))\s*[-+•]\s+")
_KEEP_UPPER = re.compile(r"^\(?[A-ZĐ&\-.]{2,}\)?[,;:]?$")


def extract(doc: Document) -> list[DocumentInfo]:
    h = letterhead.of(doc)
    first = doc.blocks[0] if doc.blocks else None
    info = DocumentInfo(Evidence.of(doc, first.start, first.end) if first else Evidence(None, 0, 0, ""))
    is_letter = h.quoc_hieu is not None or h.number_seen or any(b.kind == "header" for b in doc.blocks[:40])
    if is_letter:
        _letter(doc, h, info)
    else:
        info.doc_type = "Tin bài"
        page = newspage.read(doc, h.lines)
        if page.headline:
            info.evidence = Evidence.of(doc, page.headline.start, page.headline.end)
        info.subject = doc.title or page.subject
        info.date = doc.published or page.date
    if info.province is None:
        info.province = _main_province(doc)
    return [info]


def _unread(info: DocumentInfo) -> None:
    """On a scanned header, a number or day the OCR could not read (handwritten into the printed
    form, left out by the parser) is null and named in ``unread``, never a partial value.

    >>> i = DocumentInfo(Evidence(None, 0, 0, ""), symbol="TB-UBND", date="2025-01"); _unread(i); i.date, i.unread
    (None, ['number', 'date'])
    """
    if info.number is None and info.symbol:
        info.unread.append("number")
    if info.date is not None and len(info.date) < 10:
        info.date = None
    if info.date is None:
        info.unread.append("date")


def _letter(doc: Document, h: Letterhead, info: DocumentInfo) -> None:
    span = letterhead.span(h)
    if span:
        info.evidence = Evidence.of(doc, *span)
    cat = h.catalogue
    info.number = (h.number or "").lstrip("0") or None
    info.symbol = h.symbol
    if not h.number_seen and cat.get("Số hiệu"):
        m = re.match(r"(\d+[\w.]*)/(?:(?:19|20)\d\d/)?(\S+)", cat["Số hiệu"].replace(" ", ""))
        if m:
            info.number, info.symbol = m.group(1).lstrip("0") or None, m.group(2)
    info.doc_type = _doc_type(h, info.symbol)
    info.issuer, info.issuer_parent = split_agency(h.agency_lines)
    if info.issuer is None:  # no agency lines: the body the symbol names, or the Sở a Sở's letter names most
        code = _issuer_code(info.symbol)
        info.issuer = _ISSUER_BY_CODE.get(code) or (_most_named_so(doc) if code[:1] in ("S", "") else None)
    info.place, info.date = h.place, h.date or parse_date(cat.get("Ngày ban hành", ""))
    if any(b.ocr for b in doc.blocks_of("header")):
        _unread(info)
    if info.issuer and _BARE_COUNCIL.match(info.issuer):
        info.issuer = _complete_council(
            info.issuer, cat.get("Cơ quan ban hành") or cat.get("Nơi ban hành"), info.place
        )
    for cand in (info.place, info.issuer_parent, info.issuer):
        m = _PROVINCE_CS.search(agency_case(cand or ""))
        if m:
            info.province = _province_name(m.group(0))
            break
    info.subject = subject_of(h)
    if info.subject is None and h.page_title:
        m = re.search(r"\svề\s+(.+)$", h.page_title)
        info.subject = clean(m.group(1)) if m else None
    info.recipients = _recipients(doc, h)
    info.cc, info.signer_form, info.signer_title, info.signer_name = _signature(doc)
    if info.signer_name is None and cat.get("Người ký"):
        info.signer_name = clean(cat["Người ký"])


# Phụ lục III of Nghị định 30/2020: the issuer part of a symbol, for bodies whose code is fixed
_ISSUER_BY_CODE = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TTg": "Thủ tướng Chính phủ",
                   "CP": "Chính phủ", "VPCP": "Văn phòng Chính phủ", "QH": "Quốc hội"}  # fmt: skip


def _issuer_code(symbol: str | None) -> str:
    """The issuer part of a symbol: ``UBND`` of ``KH-UBND``, ``SNV`` of ``SNV-CCHC``, ``TTg`` of ``CĐ-TTg``.

    >>> _issuer_code("KH-UBND"), _issuer_code("SNV-CCHC"), _issuer_code("CĐ-TTg"), _issuer_code(None)
    ('UBND', 'SNV', 'TTg', '')
    """
    parts = (symbol or "").split("-")
    if len(parts) > 1 and parts[0] in _SYMBOL_TYPE:
        return parts[1]
    return parts[0]


def _doc_type(h: Letterhead, symbol: str | None) -> str:
    if h.title:
        return TITLE_MAP.get(h.title, h.title.capitalize())
    kind = h.catalogue.get("Loại văn bản")
    if kind and kind.split()[0][0].isupper() and len(kind.split()) <= 4:
        return clean(kind)
    if h.page_type:
        return h.page_type
    code = (symbol or "").split("-")[0].split("/")[-1]
    return "Công văn" if h.subject_is_vv or code not in _SYMBOL_TYPE else _SYMBOL_TYPE[code]


def split_agency(agency_lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, issuer_parent) from the header's agency lines, however they wrap.

    >>> split_agency(["UBND TỈNH NINH BÌNH", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"])
    ('Sở Lao động - Thương binh và Xã hội', 'UBND tỉnh Ninh Bình')
    >>> split_agency(["ỦY BAN NHÂN", "DÂN", "TỈNH ĐẮK LẮK"])
    ('Ủy ban nhân dân tỉnh Đắk Lắk', None)
    """
    if not agency_lines:
        return None, None
    parent, issuer = None, " ".join(agency_lines)
    for k in range(1, len(agency_lines)):
        head = " ".join(agency_lines[:k])
        if _SUB_LINE.match(agency_lines[k]) and _PARENT.match(head):
            parent, issuer = head, " ".join(agency_lines[k:])
            break
    else:
        m = _LOCAL_PARENT.match(issuer)
        if m:
            parent, issuer = m.group("parent"), m.group("issuer")
    issuer = re.sub(r"\s*-\s*", " - ", agency_case(issuer)).replace(
        "Lao động Thương binh", "Lao động - Thương binh"
    )
    return _gov_case(issuer), _gov_case(agency_case(parent)) if parent else None


def _gov_case(s: str) -> str:
    """Fix-ups of a name cased from capitals: ``Ủy ban Nhân dân``, ``chính phủ``, a place ``huyện kim bảng``.

    >>> _gov_case("Ủy ban Nhân dân huyện kim bảng")
    'Ủy ban nhân dân huyện Kim Bảng'
    """
    s = re.sub(r"\b(Ủy ban|Hội đồng) Nhân dân\b", r"\1 nhân dân", s)
    s = _PLACE_TAIL.sub(lambda m: m.group(1) + " " + m.group(2).title(), s)
    return re.sub(r"\bchính phủ\b", "Chính phủ", s)


_PLACE_TAIL = re.compile(
    r"\b(tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn) ([a-zà-ỹđ]+(?: [a-zà-ỹđ]+){0,3})$"
)


def issuer_of(doc: Document, header: Letterhead | None = None, is_letter: bool = True
              ) -> tuple[str | None, str | None]:  # fmt: skip
    """(issuer, issuer_parent) from the header's agency lines; else the Sở a letter names most."""
    h = header or letterhead.of(doc)
    issuer, parent = split_agency(h.agency_lines)
    if issuer is None and is_letter:
        issuer = _most_named_so(doc)
    return issuer, parent


def _most_named_so(doc: Document) -> str | None:
    names = Counter(
        re.sub(r"\s*[-,]\s*Thương", " - Thương", m.group(0)) for m in _SO_NAMES.finditer(doc.view, 0, 30000)
    )
    return names.most_common(1)[0][0] if names else None


def _complete_council(issuer: str, catalogue_place: str | None, place: str | None) -> str:
    """``Ủy ban nhân dân`` whose second line the copy dropped, completed from the site's catalogue
    (``Nơi ban hành: Tỉnh Đồng Tháp``) or a place-date that names a province."""
    if catalogue_place and re.match(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường)\s", catalogue_place):
        return f"{issuer} {catalogue_place[0].lower()}{catalogue_place[1:]}"
    if place and (m := _PROVINCE_CS.fullmatch(place)):
        name = _province_name(m.group(0))
        return f"{issuer} {'thành phố' if name in _CITY else 'tỉnh'} {name}"
    return issuer


def _province_name(s: str) -> str:
    name = canonical_province(s)
    return "Hồ Chí Minh" if name == "Thành phố Hồ Chí Minh" else name


def _main_province(doc: Document) -> str | None:
    found = Counter(_province_name(m.group(0)) for m in word_matches(_PROVINCE_AT, doc.view[:10000]))
    return found.most_common(1)[0][0] if found else None


def subject_of(h: Letterhead) -> str | None:
    """The trích yếu without ``V/v`` or ``Về việc``, in sentence case when printed in capitals."""
    if not h.subject:
        return None
    s = re.sub(r"^[\W_]*(?:V/v|Về việc|VỀ VIỆC|về việc)\b\s*[:.]?\s*", "", h.subject)
    return clean(sentence_case(s)) or None


def sentence_case(s: str) -> str:
    """A title in capitals to sentence case, keeping abbreviations and province names.

    >>> sentence_case("NÂNG HẠNG CHỈ SỐ PCI TỈNH CAO BẰNG NĂM 2023")
    'Nâng hạng chỉ số PCI tỉnh Cao Bằng năm 2023'
    """
    if not is_upper(s):
        return s
    words = [w if _KEEP_UPPER.match(w) and _abbreviation(w) else w.lower() for w in s.split()]
    text = " ".join(words)
    text = _PROVINCE_CI.sub(lambda m: canonical_province(m.group(0)), text)
    return text[:1].upper() + text[1:]


_ABBREVIATIONS = frozenset(
    "PCI PAPI SIPAS DTI DDCI ICT PAR INDEX PGI UBND HĐND CCHC TTHC CNTT KT-XH MTTQ VCCI NĐ-CP QĐ-TTG".split()
)
_PROVINCE_CI = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, PROVINCES), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)


def _abbreviation(w: str) -> bool:
    core = w.strip("(),;:.")
    return core in _ABBREVIATIONS or (w.startswith("(") and w.rstrip(",;:.").endswith(")"))


# --- recipients and signature -------------------------------------------------------------------


_ADDRESS = re.compile(
    r"^(?:Kính gửi|(?P<also>Đồng kính gửi))\s*:?\s*(?P<rest>.*)$|^(?P<who>.{4,60}?)\s+điện\s*:\s*(?P<cd>.*)$"
)


def _recipients(doc: Document, h: Letterhead) -> list[str]:
    """The "Kính gửi" list (a Công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:"), with its "Đồng kính gửi" list."""
    raw = [doc.block_text(b) for b in doc.blocks[:250]]
    if not any(bare_may_hold(t, "gửi", "điện") for t in raw):
        return []  # no block can open the list (most documents but letters): none made bare
    texts = [bare(t) for t in raw]
    items: list[str] = []
    seen = False
    for i, t in enumerate(texts):
        m = _ADDRESS.match(t)
        if not m or (seen and not m.group("also")) or (m.group("who") and not is_upper(m.group("who"))):
            continue
        got = _address_items(texts, i, m.group("rest") or m.group("cd") or "")
        if not got and not seen:  # a header table read column by column put the list beside the agency
            q = h.quoc_hieu or 0
            got = [ln.text for ln in h.lines[max(0, q - 8) : q] if re.match(r"^[-+•]\s", ln.text)]
        items += got
        if seen or m.group("also"):
            break
        seen = True
    out = [clean(_POSTAL.sub("", x)) for it in items for x in re.split(r";\s*", it)]
    return [x for x in out if x]


_POSTAL = re.compile(r"\s*\((?:Địa chỉ|địa chỉ|Đ/c|đ/c)\b[^)]*\)?\s*$")  # "(Địa chỉ: Thôn ..., xã ...)" after a name


def _address_items(texts: list[str], i: int, inline: str) -> list[str]:
    items = [inline] if inline.strip() else []
    if items and not re.match(r"^[-+•]", items[0]):
        return items
    for nt in texts[i + 1 : i + 30]:
        if not nt:
            continue  # a table pipe or an emptied emphasis line
        if re.match(r"^[-+•]", nt):
            items.append(nt)
        elif not items and len(nt) < 200 and not nt.startswith(("Kính gửi", "Đồng kính gửi")):
            items.append(re.sub(r"\s+để\s*$", "", nt))  # "Đồng kính gửi:" / "Bí thư Tỉnh ủy ... để"
            break
        else:
            break
    return items


def _signature_rows(doc: Document) -> list[tuple[str, int | None]]:
    """The signature zone's rows as (text, column): column 0/1 where a row is split by table pipes."""
    blocks = doc.blocks
    start = next((i for i, b in enumerate(blocks) if b.kind == "signature"), None)
    if start is None:  # a signature table read as cells or paragraphs: find "Nơi nhận" from the end
        start = next(
            (i for i in range(len(blocks) - 1, max(-1, len(blocks) - 80), -1)
             if re.match(r"^Nơi nhận", bare(doc.block_text(blocks[i])), re.IGNORECASE)),
            None,
        )  # fmt: skip
        if start is None:
            return []
        zone = [b for b in blocks[start : start + 8] if b.kind != "heading"]
    else:
        zone = [b for b in blocks[start:] if b.kind == "signature"]
    rows: list[tuple[str, int | None]] = []
    for b in zone:
        for raw in doc.block_text(b).split("\n"):
            cells = [c.strip() for c in raw.strip().strip("|").split("|")] if raw.count("|") >= 2 else [raw]
            if len(cells) >= 2:
                rows += [(bare(c), min(k, 1)) for k, c in enumerate(cells[:2]) if bare(c)]
            elif bare(raw):
                rows.append((bare(raw), None))
    return rows


def _signature(doc: Document) -> tuple[list[str], str | None, str | None, str | None]:
    rows = _signature_rows(doc)
    if not rows:
        return [], None, None, None
    cc: list[str] = []
    signer: list[str] = []
    in_cc = False
    for t, col in rows:
        if col == 1:
            signer.append(t)
            continue
        m = re.match(r"^Nơi nhận\s*:?\s*(.*)$", t, re.IGNORECASE)
        if m:
            in_cc, t = True, m.group(1)
            if not t:
                continue
        if in_cc and re.match(r"^[-+•]", t):
            cc += [x for x in _ITEM_SPLIT.split(t) if x.strip()]
        elif in_cc and cc and (col == 0 or t[:1].islower()):
            cc[-1] += " " + t
        elif col == 0:
            continue
        else:
            signer.append(t)
    cc = [c for c in (clean(x) for x in cc) if c]
    titles: list[str] = []
    name = None
    for t in signer:
        if re.match(r"^\(?(?:Đã ký|đã ký|ký|Ký)\b", t):
            continue
        tail = _NAME_TAIL.search(t)
        if tail and is_upper(t[: tail.start(1)] + "X") and t[: tail.start(1)].strip():
            titles.append(t[: tail.start(1)].strip())
            name = tail.group(1)
        elif is_upper(t) and sum(c.isalpha() for c in t) >= 3 and not re.match(r"DỰ THẢO|.*[;]|\w+:", t):
            titles.append(t)
        elif _NAME.fullmatch(t):
            name = t
    for k in range(len(titles) - 1, 0, -1):  # "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM" is one line wrapped
        if titles[k - 1].endswith(","):
            titles[k - 1 : k + 1] = [titles[k - 1] + " " + titles[k]]
    form = title = None
    if titles:
        forms = [m.group(1).strip(". ") + "." for t in titles if (m := _FORM.match(t)) and m.group(1)]
        form = forms[0] if forms else None
        marked = [k for k, t in enumerate(titles) if _FORM.match(t).group(1)]  # type: ignore[union-attr]
        # the title under the last KT./TM./TL. line; lines below it name the signer's other office
        last = titles[marked[-1] + 1] if marked and marked[-1] + 1 < len(titles) else titles[-1]
        pieces = re.split(r"\s+(?=(?:KT|TL|TM|Q|TUQ)\.\s)", last)
        last = pieces[-1]
        if len(pieces) > 1 or _FORM.match(last).group(1):  # type: ignore[union-attr]
            vice = last.rfind(" PHÓ ")
            last = last[vice + 1 :] if vice > 0 else _FORM.match(last).group(2)  # type: ignore[union-attr]
        title = last.strip().capitalize() or None
    return cc, form, title, name
