"""Document metadata from the Nghị định 30/2020 header and signature zones (or a news headline)."""

from __future__ import annotations

import re
from collections import Counter

from docmine.facts import DocumentInfo, Evidence
from docmine.model import Document
from docmine.vnnum import parse_date
from docmine.zones import TITLE_RE
from extractors.common import PROVINCE_RE, agency_case, canonical_province, clean

_NUMBER = re.compile(r"Số\s*[:.]?\s*([0-9]*)\s*[-–]?\s*/\s*([0-9A-ZĐa-zđÀ-ỹ][\w\-Đđ/&.]*)", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^(.{2,40}?),\s*ngày\b")
_PARENT = re.compile(
    r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|BỘ|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY)\b", re.IGNORECASE
)
_MOTTO = re.compile(r"CỘNG H[OÒ]A|Độc lập|^[-_ ]+$", re.IGNORECASE)
_SO_NAMES = re.compile(
    r"Sở (?:Lao động\s*[-,]\s*Thương binh và Xã hội|Nội vụ|Tài chính|Kế hoạch và Đầu tư|Tư pháp|Xây dựng|Giao thông vận tải|"
    r"Y tế|Giáo dục và Đào tạo|Công Thương|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|"
    r"Tài nguyên và Môi trường|Thông tin và Truyền thông|Văn hóa,? Thể thao và Du lịch|Khoa học và Công nghệ|Ngoại vụ|Dân tộc và Tôn giáo)"
)
TITLE_MAP = {"KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "BÁO CÁO": "Báo cáo", "THÔNG BÁO": "Thông báo",
              "CHỈ THỊ": "Chỉ thị", "TỜ TRÌNH": "Tờ trình", "NGHỊ QUYẾT": "Nghị quyết", "HƯỚNG DẪN": "Hướng dẫn",
              "CHƯƠNG TRÌNH": "Chương trình", "CÔNG VĂN": "Công văn", "ĐỀ ÁN": "Đề án", "KẾT LUẬN": "Kết luận",
              "BIÊN BẢN": "Biên bản", "GIẤY MỜI": "Giấy mời", "CÔNG ĐIỆN": "Công điện", "QUY CHẾ": "Quy chế"}  # fmt: skip
_SYMBOL_TYPE = {"KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "CT": "Chỉ thị", "TTr": "Tờ trình",
                "NQ": "Nghị quyết", "HD": "Hướng dẫn", "CTr": "Chương trình"}  # fmt: skip
_TITLES = re.compile(r"^(KT\.|TL\.|TM\.|Q\.|KT |TL |TM )?\s*(.*)$")


def _texts(doc: Document, *kinds: str) -> list[tuple[str, int, int]]:
    return [(doc.block_text(b), b.start, b.end) for b in doc.blocks if b.kind in kinds]


def extract(doc: Document) -> list[DocumentInfo]:
    header = _texts(doc, "header")
    first = doc.blocks[:40]
    info = DocumentInfo(Evidence.of(doc, first[0].start, first[0].end) if first else Evidence(None, 0, 0, ""))
    head_text = "\n".join(t for t, _, _ in header)
    is_letter = bool(header) or bool(
        re.search(r"^\s*Số\s*:", "\n".join(doc.block_text(b) for b in first), re.M)
    )
    if header:
        info.evidence = Evidence.of(doc, header[0][1], header[-1][2])
    # number and symbol
    for t, _, _ in header or [(doc.block_text(b), b.start, b.end) for b in first]:
        m = _NUMBER.search(t)
        if m and t.lstrip().lower().startswith("số"):
            info.number = m.group(1).lstrip("0") or None
            info.symbol = m.group(2).strip(" .")
            break
    # type
    for b in first:
        t = doc.block_text(b).strip()
        if TITLE_RE.match(t):
            info.doc_type = TITLE_MAP.get(t.upper(), t.capitalize())
            break
    if info.doc_type is None and is_letter:
        code = (info.symbol or "").split("-")[0].split("/")[-1]
        info.doc_type = (
            "Công văn"
            if re.search(r"^\s*V/v", head_text, re.M) or code not in _SYMBOL_TYPE
            else _SYMBOL_TYPE[code]
        )
    if not is_letter:
        info.doc_type = "Tin bài"
    info.issuer, info.issuer_parent = issuer_of(doc, header, is_letter)
    # place and date
    for t, _, _ in header or [(doc.block_text(b), b.start, b.end) for b in first]:
        m = _PLACE_DATE.search(t.strip())
        if m:
            info.place = m.group(1).strip()
            info.date = parse_date(t)
            break
    if not is_letter:
        info.date = doc.published or _news_date(doc)
    # province
    for cand in (info.place, info.issuer_parent, info.issuer):
        m = PROVINCE_RE.search(cand or "")
        if m:
            info.province = canonical_province(m.group(0))
            break
    if info.province is None:
        found = Counter(
            canonical_province(m.group(0)) for m in PROVINCE_RE.finditer(doc.view) if m.group(0)[0].isupper()
        )
        if found:
            info.province = found.most_common(1)[0][0]
    # subject
    info.subject = _subject(doc, header, is_letter)
    info.recipients = _recipients(doc)
    info.cc, info.signer_form, info.signer_title, info.signer_name = _signature(doc)
    return [info]


def issuer_of(doc: Document, header: list[tuple[str, int, int]] | None = None, is_letter: bool = True
              ) -> tuple[str | None, str | None]:  # fmt: skip
    """(issuer, issuer_parent) from the agency lines of the header; else the Sở the letter names most."""
    header = _texts(doc, "header") if header is None else header
    agency: list[str] = []
    for t, _, _ in header:
        if _MOTTO.search(t) or _NUMBER.search(t) or _PLACE_DATE.search(t) or t.startswith("V/v"):
            break
        agency.append(t)
    issuer = parent = None
    if agency:
        if len(agency) > 1 and _PARENT.match(agency[0]) and not _PARENT.match(agency[1]):
            parent, issuer = agency_case(agency[0]), agency_case(" ".join(agency[1:]))
        else:
            issuer = agency_case(" ".join(agency))
        issuer = re.sub(r"\s*-\s*", " - ", issuer).replace("Lao động Thương binh", "Lao động - Thương binh")
    if issuer is None and is_letter:
        names = Counter(
            re.sub(r"\s*[-,]\s*Thương", " - Thương", m.group(0)) for m in _SO_NAMES.finditer(doc.view)
        )
        issuer = names.most_common(1)[0][0] if names else None
    return issuer, parent


def _news_date(doc: Document) -> str | None:
    for b in doc.blocks[:8]:
        t = doc.block_text(b)
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", t)
        if m:
            return parse_date(m.group(0))
        m = re.search(r"\bNgày (\d{1,2})/(\d{1,2})\b", t)
        if m:
            y = re.search(r"năm (\d{4})", t)
            if y:
                return parse_date(f"{m.group(0)}/{y.group(1)}")
    return None


def _subject(doc: Document, header: list[tuple[str, int, int]], is_letter: bool) -> str | None:
    lines = [t for t, _, _ in header]
    for i, t in enumerate(lines):
        if re.match(r"^\s*V/v\b", t):
            parts = [re.sub(r"^\s*V/v[:.]?\s*", "", t)]
            for nxt in lines[i + 1 :]:
                if _MOTTO.search(nxt) or _NUMBER.search(nxt) or _PLACE_DATE.search(nxt):
                    break
                parts.append(nxt)
            return clean(" ".join(parts))
    blocks = doc.blocks[:40]
    for i, b in enumerate(blocks):
        if TITLE_RE.match(doc.block_text(b).strip()) and i + 1 < len(blocks):
            nxt = doc.block_text(blocks[i + 1])
            if not nxt.startswith(("Căn cứ", "Kính gửi")):
                return clean(nxt)
    if not is_letter:
        if doc.title:
            return doc.title
        for b in blocks[:4]:
            t = doc.block_text(b)
            if len(t.split()) >= 5 and b.kind in ("heading", "paragraph"):
                return clean(t)
    return None


def _recipients(doc: Document) -> list[str]:
    blocks = doc.blocks
    for i, b in enumerate(blocks[:60]):
        t = doc.block_text(b)
        m = re.match(r"^\s*Kính gửi\s*:?\s*(.*)$", t)
        if not m:
            continue
        items = [m.group(1)] if m.group(1).strip() else []
        if not items:
            for nb in blocks[i + 1 : i + 30]:
                nt = doc.block_text(nb)
                if not re.match(r"^\s*[-+•]", nt):
                    break
                items.append(nt)
        out = [clean(x) for it in items for x in re.split(r";\s*", it)]
        return [x for x in out if x]
    return []


def _signature(doc: Document) -> tuple[list[str], str | None, str | None, str | None]:
    sig = [doc.block_text(b) for b in doc.blocks if b.kind == "signature"]
    if not sig:
        return [], None, None, None
    cc: list[str] = []
    rest: list[str] = []
    in_cc = False
    for t in sig:
        s = t.strip()
        if re.match(r"^Nơi nhận", s, re.IGNORECASE):
            in_cc = True
            continue
        if in_cc and s.startswith(("-", "+", "•")):
            cc.append(s)
            continue
        if in_cc and cc and s and s[0].islower():
            cc[-1] += " " + s
            continue
        rest.append(s)
    cc = [clean(x) for x in cc if clean(x)]
    form = title = name = None
    titles = [t for t in rest if sum(c.isupper() for c in t if c.isalpha()) >= 0.8 * max(1, sum(c.isalpha() for c in t))
              and sum(c.isalpha() for c in t) >= 3]  # fmt: skip
    names = [
        t
        for t in rest
        if t not in titles and re.fullmatch(r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,4}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*", t)
    ]
    if titles:
        forms = [m.group(1).strip(". ") + "." for t in titles if (m := _TITLES.match(t)) and m.group(1)]
        form = forms[0] if forms else None
        last = _TITLES.match(titles[-1]).group(2)  # type: ignore[union-attr]
        title = last.strip().capitalize() or None
    if names:
        name = names[-1]
    return cc, form, title, name
