"""Canonical names, so that the same agency, province and index line up across years.

Agencies are matched on a key that ignores case, punctuation, "và" and a trailing province,
and an abbreviation (LĐTBXH, TN&MT, KH&ĐT) is matched on the initials of the known names.
Provinces are given as written (pre-merger canonical spelling) and as they are after the
1 July 2025 merger, through ``underthesea.address``.

>>> agency("Sở LĐTBXH tỉnh Ninh Bình")
'Sở Lao động - Thương binh và Xã hội'
>>> agency("Sở Lao động, Thương binh và Xã hội")
'Sở Lao động - Thương binh và Xã hội'
>>> province_2025("Hà Giang")
'Tuyên Quang'
>>> index_name("Chỉ số hài lòng")
'SIPAS'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from extractors.common import PROVINCE_RE, SO_NAMES, canonical_province

HEADS = {"sở": "Sở", "ubnd": "Ủy ban nhân dân", "ủy ban nhân dân": "Ủy ban nhân dân", "ban": "Ban",
         "văn phòng": "Văn phòng", "thanh tra": "Thanh tra"}  # fmt: skip
INDEXES = {
    "PAR": r"PAR\s*INDEX|PAR\b|chỉ số cải cách hành chính|chỉ số CCHC|CCHC",
    "SIPAS": r"SIPAS|chỉ số hài lòng|mức độ hài lòng|sự hài lòng",
    "PAPI": r"PAPI|hiệu quả quản trị và hành chính công",
    "PCI": r"PCI|năng lực cạnh tranh cấp tỉnh",
    "DDCI": r"DDCI|năng lực cạnh tranh cấp sở",
    "DTI": r"DTI|chuyển đổi số",
    "ICT": r"ICT\s*Index|ứng dụng công nghệ thông tin",
}
_INDEX_RE = [(k, re.compile(v, re.IGNORECASE)) for k, v in INDEXES.items()]
_STOP = {"và", "&"}


def _strip_accents(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def _words(s: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", s.lower()) if w not in _STOP]


def _initials(name: str) -> str:
    return "".join(w[0] for w in _words(name))


_BY_KEY = {" ".join(_words(n)): n for n in SO_NAMES}
_BY_INITIALS = {_initials(n): n for n in SO_NAMES}


@lru_cache(maxsize=4096)
def agency(name: str | None) -> str | None:
    """Canonical agency name: "Sở" plus the known name, without the trailing province.

    >>> agency("Sở Lao động thương binh và Xã hội")
    'Sở Lao động - Thương binh và Xã hội'
    >>> agency("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    'Sở Tài nguyên và Môi trường'
    >>> agency("Sở TN&MT")
    'Sở Tài nguyên và Môi trường'
    """
    if not name or not name.strip():
        return None
    s = re.sub(r"\s+", " ", name).strip(" .,;:")
    m = re.search(
        r"\s+(?:tỉnh|thành phố|TP\.?)\s+.*$|\s+(?=" + PROVINCE_RE.pattern + r"\s*$)", s, re.IGNORECASE
    )
    if m and m.start() > 0:
        s = s[: m.start()]
    head_m = re.match(
        r"(sở|ubnd|ủy ban nhân dân|uỷ ban nhân dân|ban|văn phòng|thanh tra)\b\s*", s, re.IGNORECASE
    )
    head = HEADS.get(head_m.group(1).lower().replace("uỷ", "ủy"), "") if head_m else ""
    rest = s[head_m.end() :] if head_m else s
    if rest.startswith("S") and rest.isupper() and head == "" and len(rest) <= 10:  # SLĐTBXH = Sở LĐTBXH
        head, rest = "Sở", rest[1:]
    known = _BY_KEY.get(" ".join(_words(rest)))
    if known is None and re.fullmatch(r"[A-ZĐ&\-.,]+", rest.replace(" ", "")):
        known = _BY_INITIALS.get(re.sub(r"[&\-., ]", "", rest).lower())
    if known is not None and head in ("Sở", ""):
        return f"Sở {known}"
    if head and not rest:
        return head
    body = rest if not rest.isupper() else rest.capitalize()
    return f"{head} {body}".strip() if head else body


@lru_cache(maxsize=512)
def province(name: str | None) -> str | None:
    """Canonical spelling of a province as written (before the 2025 merger).

    >>> province("tỉnh đắk nông")
    'Đắk Nông'
    """
    if not name:
        return None
    m = PROVINCE_RE.search(name)
    if not m:
        return None
    p = canonical_province(m.group(0))
    return {"Thừa Thiên Huế": "Huế", "Hồ Chí Minh": "Thành phố Hồ Chí Minh"}.get(p, p)


@lru_cache(maxsize=512)
def province_2025(name: str | None) -> str | None:
    """The province after the 1 July 2025 merger (``underthesea.address``).

    >>> province_2025("Đắk Nông"), province_2025("Ninh Bình")
    ('Lâm Đồng', 'Ninh Bình')
    """
    p = province(name)
    if p is None:
        return None
    from underthesea.address import convert_address

    kind = "Thành phố" if p in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế") else "Tỉnh"
    full = p if p.startswith("Thành phố") else f"{kind} {p}"
    try:
        new = convert_address(full).new.province
    except Exception:  # noqa: BLE001 - an address the converter cannot read keeps its old name
        return p
    return re.sub(r"^(Tỉnh|Thành phố)\s+", "", new) if new and new != "Thành phố Hồ Chí Minh" else (new or p)


def index_name(text: str | None) -> str | None:
    """PAR, SIPAS, PAPI, PCI, DDCI, DTI or ICT for the ways letters name an index."""
    if not text:
        return None
    for key, rx in _INDEX_RE:
        if key == text or rx.search(text):
            return key
    return text


def letter_id(doc_type: str | None, number: str | None, symbol: str | None, issuer: str | None,
              date: str | None, subject: str | None) -> str | None:  # fmt: skip
    """One id for the same letter in any format: number/symbol, issuer and date (and the
    subject when the number is blank). None when the document names too little.

    >>> letter_id("Công văn", "12", "SNV-CCHC", "Sở Nội vụ", "2023-01-05", None) == \\
    ...     letter_id("Công văn", "12", "SNV-CCHC", "SỞ NỘI VỤ", "2023-01-05", "other")
    True
    """
    if not (number or symbol or subject) or not date:
        return None
    parts = [doc_type or "", number or "", (symbol or "").upper(), agency(issuer) or "", date]
    if not number:
        parts.append(" ".join(_words(_strip_accents(subject or ""))))
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
