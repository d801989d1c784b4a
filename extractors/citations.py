"""Citations: ``<type> số 414/QĐ-UBND ngày 07/06/2023 của <issuer>``, lists sharing one type, OCR noise."""

from __future__ import annotations

import re

from docmine.facts import Citation, Evidence
from docmine.model import Document
from docmine.vnnum import parse_date

TYPES = ("Quyết định|Kế hoạch|Nghị định|Nghị quyết|Báo cáo|Công văn|Thông báo|Chỉ thị|Thông tư|Hướng dẫn|Tờ trình|"
         "Chương trình|Luật|Đề án|Kết luận|Văn bản")  # fmt: skip
_REF = r"(?P<ref>\d+-[A-ZĐ]{1,4}/[A-ZĐ]{1,6}\b|\d+[\s]?\d*\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ&]*(?:\s*-\s*[\wĐđ&]+)*(?:/[A-ZĐ][\wĐđ]*)?)"
_ONE = re.compile(
    rf"(?:(?P<type>{TYPES})\s+)?(?:số\s*:?\s*)?{_REF}(?=(?P<tail>[^.;]{{0,160}}))", re.IGNORECASE
)
_TYPE_BEFORE = re.compile(
    rf"({TYPES})(?:\s+số)?\s*:?\s*(?:số\s*)?$|các ({TYPES})\s*:?\s*(?:số\s*)?$", re.IGNORECASE
)
_ISSUER = re.compile(
    r"^\s*(?:ngày\s*[\d/\s.-]+\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})?\s*của\s+(.+?)(?=\s+(?:về|quy định|phê duyệt|ban hành|thông báo|hướng dẫn|sửa đổi)\b|[,;.()]|$)"
)
_DATE = re.compile(
    r"^\s*,?\s*ngày\s*(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
_TYPE_BY_CODE = {"QĐ": "Quyết định", "KH": "Kế hoạch", "NĐ": "Nghị định", "NQ": "Nghị quyết", "BC": "Báo cáo",
                 "CT": "Chỉ thị", "TT": "Thông tư", "HD": "Hướng dẫn", "TTr": "Tờ trình", "TB": "Thông báo"}  # fmt: skip


def _canon_type(t: str) -> str:
    t = t.strip()
    for name in TYPES.split("|"):
        if name.lower() == t.lower():
            return name
    return t.capitalize()


def extract(doc: Document) -> list[Citation]:
    own = _own_ref(doc)
    out: list[Citation] = []
    seen: set[str] = set()
    for b in doc.blocks:
        if b.kind in ("header", "signature", "stamp", "furniture"):
            continue
        btext = doc.block_text(b)
        last_type: str | None = None
        for m in _ONE.finditer(btext):
            ref = re.sub(r"\s+", "", m.group("ref"))
            ref = re.sub(r"(?<=[A-ZĐ])Đ{2,}(?=ND)", "Đ", ref)  # OCR: HĐÐĐND -> HĐND
            if not re.search(r"[A-ZĐ]", ref) or re.fullmatch(r"\d+/\d+", ref):
                continue
            prefix = btext[max(0, m.start() - 60) : m.start()]
            typ = m.group("type")
            if not typ:
                tb = _TYPE_BEFORE.search(prefix.rstrip(" ,:"))
                if tb:
                    typ = tb.group(1) or tb.group(2)
                elif re.search(r"(?:,|và)\s*(?:số\s*)?$", prefix) and last_type:
                    typ = last_type
                elif re.search(r"số\s*:?\s*$", prefix) or m.group(0).lower().startswith("số"):
                    code = re.search(r"[/-](?:\d{4}/)?([A-ZĐ][A-Za-zĐ]*)", ref)
                    typ = _TYPE_BY_CODE.get(code.group(1)) if code else None
                if not typ:
                    continue
            typ = _canon_type(typ)
            last_type = typ
            if ref in seen or (own and ref.split("/")[-1] == own and not ref.split("/")[0]):
                continue
            seen.add(ref)
            tail = m.group("tail")
            dm = _DATE.match(tail)
            date = parse_date("ngày " + dm.group(1)) if dm else None
            im = _ISSUER.match(tail)
            issuer = im.group(1).strip() if im else None
            if issuer and len(issuer.split()) > 8:
                issuer = None
            s = b.start + m.start()
            e = b.start + m.end("ref") + (dm.end() if dm else 0)
            if im:
                e = max(e, b.start + m.end("ref") + im.end(1))
            out.append(Citation(Evidence.of(doc, s, e), typ, ref, date, issuer))
    return out


def _own_ref(doc: Document) -> str | None:
    for b in doc.blocks[:20]:
        m = re.search(r"Số\s*:?\s*\d*\s*/\s*([\w\-Đđ]+)", doc.block_text(b))
        if m and b.kind == "header":
            return m.group(1)
    return None
