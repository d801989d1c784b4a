"""The zones of a letter as the form checks read them: the header (agency, quốc hiệu, number,
place-date, type and trích yếu) and the signature (nơi nhận, KT./TM./TL. lines, title, name).

Real layouts break line order: a .doc printed by antiword puts the agency and the quốc hiệu on one
line, a signature table gives pipe rows (``|Nơi nhận: |KT. CHỦ TỊCH |``), a .docx's columns come
out on one line split by a tab, OCR puts a digital-signature stamp ("Ký bởi", "Thời gian ký", the
signing centre's name) among the signer's lines. So the zones are read as *pieces*: the text cut
at line breaks, tabs and table pipes, without markdown emphasis, each with its offsets; and the
signature's parts are read from the pieces by their words, not by their line.

>>> from docmine.parsers.text import from_string
>>> s = signature(from_string("Việc ./.\\n|Nơi nhận: |KT. CHỦ TỊCH |\\n|- Như trên; |PHÓ CHỦ TỊCH |\\n| |Lê Văn An |\\n"))
>>> [(f.kind, f.of) for f in s.forms], s.title, s.name, s.has_cc
([('KT', 'CHỦ TỊCH')], 'PHÓ CHỦ TỊCH', 'Lê Văn An', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docmine.model import Document
from docmine.zones import bare, is_upper

QUOC_HIEU = re.compile(
    r"C[ỘỌO]NG[\s*_|]+H(?:ÒA|OÀ|OA)[\s*_|]+X[ÃA][\s*_|]+H[ỘỌO]I[\s*_|]+CH[ỦU][\s*_|]+NGH[ĨI]A[\s*_|]+VI[ỆE]T[\s*_|]+NAM",
    re.I,
)
TIEU_NGU = re.compile(
    r"Độc[\s*_|]+lập[\s*_|]*[-–][\s*_|]*Tự[\s*_|]+do[\s*_|]*[-–][\s*_|]*Hạnh[\s*_|]+phúc", re.I
)
NUMBER = re.compile(r"(?<![\w/])S[ốôỐÔ]\s*[:.]\s*(?P<num>[^\s/|*]*)\s*/\s*(?P<sym>[^\s|*,;]*)")
PLACE_DATE = re.compile(
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][\wà-ỹđ]*[ \-]){0,3}[A-ZĐÀ-Ỹ][\wà-ỹđ]*)\s*,[\s*_]*ngày(?P<d>[^|\t]{0,10}?)"
    r"(?:tháng(?P<m>[^|\t]{0,10}?))?năm[\s*_]*(?P<y>\d{0,4})",
)
VV = re.compile(r"(?:^|[\s|*_])V/v\b|(?:^|[\s|*_])(?:Về việc|VỀ VIỆC)\b")
KINH_GUI = re.compile(r"Kính\s+gửi|(?:^|\n)[^\n]{4,60}\s+điện\s*:", re.I)
NOI_NHAN = re.compile(r"Nơi\s+nhận\b")
FORM = re.compile(r"\b(KT|TM|TL|TUQ|Q)\s*\.\s*")
# the signing centre's stamp on a digitally signed letter (its lines are no part of the signature block)
STAMP = re.compile(
    r"Ký bởi|Được ký bởi|Ký số|Ngày ký\s*:|Người ký\s*:|Cơ quan\s*:|Thời gian ký|Chứng thư|Email\s*:|@[\w-]+\.[\w.]+|"
    r"\d\d[./-]\d\d[./-]\d{4}\s+\d\d:\d\d|\+07:?00|CÔNG BÁO|TIN HỌC|Signature|Signed",
    re.I,
)
# heads of bodies and their deputies' titles (the deputy of a Bộ trưởng is a Thứ trưởng)
HEADS = (
    "CHỦ TỊCH", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "BỘ TRƯỞNG", "THỦ TƯỚNG", "CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA",
    "CHÁNH ÁN", "TRƯỞNG BAN", "TRƯỞNG PHÒNG", "TRƯỞNG ĐOÀN", "TRƯỞNG KHOA", "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG",
    "VỤ TRƯỞNG", "CHI CỤC TRƯỞNG", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "CHỦ NHIỆM", "TỔNG THANH TRA", "BÍ THƯ",
    "THỦ TRƯỞNG", "THỐNG ĐỐC", "TỔNG KIỂM TOÁN", "TỔNG BIÊN TẬP", "TỔNG THƯ KÝ", "CHÁNH", "TRƯỞNG",
    "GIÁM ĐỐC SỞ", "TỔ TRƯỞNG", "ĐOÀN TRƯỞNG", "HỘI TRƯỞNG", "VIỆN TRƯỞNG", "KIỂM TOÁN TRƯỞNG",
)  # fmt: skip
_HEAD = "|".join(sorted({re.escape(h) for h in HEADS}, key=len, reverse=True))
TITLE = re.compile(rf"(?:(?:PHÓ|THỨ TRƯỞNG|QUYỀN)\s+)?(?:{_HEAD})\b[^a-zà-ỹđ]*|THỨ TRƯỞNG\b[^a-zà-ỹđ]*")
DEPUTY = re.compile(r"^(?:PHÓ\s|THỨ TRƯỞNG\b)")
NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+")
# a name whose first letters OCR lost ("rần Phước Hiên"), after a stamp or a stray mark
_NAME_TAIL = re.compile(
    r"(?:^|\s)((?:[a-zà-ỹđ]{1,5}\s+)?(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*$"
)
COLLECTIVE = re.compile(
    r"ỦY BAN|UỶ BAN|UBND|\bBAN\b|HỘI ĐỒNG|ĐẢNG ỦY|ĐẢNG UỶ|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|THÀNH ỦY|THƯỜNG TRỰC|TẬP THỂ|"
    r"ĐOÀN|CHÍNH PHỦ|\bTỔ\b|HỘI\b|CHI BỘ|LIÊN TỊCH|THƯỜNG VỤ",
    re.I,
)
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|BIỂU|Biểu|DANH MỤC|Danh mục|\(Ban hành kèm|\(Kèm theo|QUY CHẾ|QUY ĐỊNH|KẾ HOẠCH|"
                       r"ĐỀ CƯƠNG|HƯỚNG DẪN|CHƯƠNG TRÌNH|PHƯƠNG ÁN)")  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """A piece of a line (cut at tabs and table pipes), bare, with its span in ``doc.text``."""

    text: str
    start: int
    end: int


@dataclass
class Form:
    kind: str  # KT, TM, TL, TUQ, Q
    of: str  # whom the signer signs for: "CHỦ TỊCH", "ỦY BAN NHÂN DÂN"
    piece: Piece


@dataclass
class Signature:
    """The signature zone: whether a nơi nhận list, a stamp, forms, a title and a name are there."""

    start: int | None = None
    end: int | None = None
    has_cc: bool = False
    stamp: bool = False  # a digital-signature stamp: the letter was signed, its block may be an image
    forms: list[Form] = field(default_factory=list)
    title: str | None = None
    title_piece: Piece | None = None
    name: str | None = None
    pieces: list[Piece] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # every title line read (a concurrent post comes last)


_CUT = re.compile(r"[^\n\t|]+")


def pieces(doc: Document, start: int, end: int) -> list[Piece]:
    """The text between two offsets cut at line breaks, tabs and pipes; empty pieces dropped.

    >>> from docmine.parsers.text import from_string
    >>> [p.text for p in pieces(from_string("**A** | B\\tC\\n\\nD"), 0, 15)]
    ['A', 'B', 'C', 'D']
    """
    out = []
    for m in _CUT.finditer(doc.text, start, end):
        t = bare(m.group(0))
        if t:
            out.append(Piece(t, m.start(), m.end()))
    return out


def is_deputy(title: str) -> bool:
    """A deputy's title: Phó ..., or a Thứ trưởng (the deputy of a Bộ trưởng).

    >>> is_deputy("THỨ TRƯỞNG"), is_deputy("PHÓ CHÁNH VĂN PHÒNG"), is_deputy("GIÁM ĐỐC")
    (True, True, False)
    """
    return bool(DEPUTY.match(title.upper().strip()))


def deputy_of(title: str, head: str) -> bool:
    """Whether ``title`` is a deputy of ``head``: Thứ trưởng of a Bộ trưởng, Phó X of X.

    >>> deputy_of("THỨ TRƯỞNG", "BỘ TRƯỞNG"), deputy_of("PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "TRƯỞNG BAN")
    (True, True)
    >>> deputy_of("PHÓ GIÁM ĐỐC", "CHỦ TỊCH"), deputy_of("GIÁM ĐỐC", "GIÁM ĐỐC")
    (False, False)
    """
    t, h = " ".join(title.upper().split()), " ".join(head.upper().split())
    if t.startswith("THỨ TRƯỞNG"):
        return "BỘ TRƯỞNG" in h
    if not t.startswith("PHÓ "):
        return False
    core = t[4:]
    return core.startswith(h) or h.startswith(core) or core.split()[:2] == h.split()[:2]


def head_title(title: str) -> bool:
    """A head's title (not a deputy's): Giám đốc, Chủ tịch, Bộ trưởng ...

    >>> head_title("GIÁM ĐỐC SỞ"), head_title("PHÓ GIÁM ĐỐC"), head_title("ỦY VIÊN")
    (True, False, False)
    """
    t = " ".join(title.upper().split())
    return not is_deputy(t) and bool(TITLE.fullmatch(t) or TITLE.match(t))


def signature_start(doc: Document) -> int | None:
    """Where the signature zone starts: the last "Nơi nhận", else the last KT./TM./TL. line after the body."""
    v = doc.view
    found = [m.start() for m in NOI_NHAN.finditer(v)]
    if found:
        return found[-1]
    for m in re.finditer(
        r"\./\.", v
    ):  # the body's end mark with a signature under it (an appendix may follow)
        if any(
            FORM.match(p.text) or TITLE.fullmatch(p.text) for p in pieces(doc, m.end(), m.end() + 400)[:6]
        ):
            return m.end()
    tail = max(0, len(v) - 3000)
    forms = [
        m.start() for m in re.finditer(r"(?:^|[\n\t|*_])\s*[*_]*(?:KT|TM|TL)\s*\.\s*[A-ZĐÀ-Ỹ]", v[tail:])
    ]
    if forms:
        return tail + forms[0]
    end = v.rfind("./.")
    if end >= 0:
        return end + 3
    titles = [b.start for b in doc.blocks[-12:] if TITLE.fullmatch(bare(doc.block_text(b)))]
    return titles[0] if titles else None


def signature(doc: Document) -> Signature:
    """The signature zone read from its pieces (see the module's docstring)."""
    s = Signature()
    start = signature_start(doc)
    if start is None:
        return s
    end = min(len(doc.text), start + 3000)
    s.start = start
    titles: list[tuple[str, Piece]] = []
    in_cc = False
    last: Piece | None = None
    cc_name: str | None = None
    for p in pieces(doc, start, end):
        t = p.text
        if _APPENDIX.match(t) or len(t) > 250:
            end = p.start
            break
        s.pieces.append(p)
        if NOI_NHAN.match(t):
            s.has_cc = in_cc = True
            t = NOI_NHAN.sub("", t, count=1).lstrip(" :*_")
            if not t:
                continue
        if STAMP.search(t):
            s.stamp = True
            continue
        if t.startswith(("-", "+", "•")):
            tail = re.search(
                r"[.;]\s+(\S+(?:\s+\S+){1,4})\s*$", t
            )  # "- Lưu: VT, CCHC. Nguyễn Văn An" (antiword)
            if tail and all(_titled(w) for w in tail.group(1).split()) and not _ORG.search(tail.group(1)):
                cc_name = tail.group(1)
            continue
        if t[:1].islower() and len(t.split()) < 3:
            continue
        if in_cc and t.endswith((";", ",")) and not FORM.match(t):
            continue
        if (
            s.forms
            and s.forms[-1].piece is last
            and s.forms[-1].of.endswith(",")
            and _upper(t.split()[0])
            and not (is_deputy(t) or FORM.match(t))
        ):
            f = s.forms[-1]  # "KT. BỘ TRƯỞNG," / "CHỦ NHIỆM": one form on two lines
            s.forms[-1] = Form(f.kind, f"{f.of} {t}".strip(" ,"), p)
            last = p
            continue
        _read(t, p, s, titles)
        last = p
    s.end = end
    if titles:
        s.title, s.title_piece = titles[-1]
        s.titles = [t for t, _ in titles]
    if s.name is None and cc_name and (s.title or s.forms):
        s.name = cc_name  # the name printed beside the nơi nhận list's last line
    return s


def _upper(w: str) -> bool:
    return any(c.isalpha() for c in w) and w == w.upper()


def _titled(w: str) -> bool:
    return w[:1].isupper() and w[1:] == w[1:].lower() and any(c.isalpha() for c in w[1:])


_ORG = re.compile(r"\b(?:Như|Lưu|Các|Sở|Phòng|Ban|UBND|Văn phòng|Trung tâm|Ủy ban|Bộ|Cục)\b")


def _read(t: str, p: Piece, s: Signature, titles: list[tuple[str, Piece]]) -> None:
    """One piece: its forms (``KT. CHỦ TỊCH``), the title under them, and the signer's name.

    Words are told apart by case with ``str`` methods (a regex range like ``à-ỹ`` holds capitals too).
    """
    words = re.sub(r"\b(KT|TM|TL|TUQ|Q)\s*\.\s*", r"\1. ", t).split()
    forms: list[tuple[str, list[str]]] = []
    title: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if re.fullmatch(r"(?:KT|TM|TL|TUQ|Q)\.", w):
            forms.append((w[:-1], []))
        elif _upper(w) or (w in (",", "-", "&") and (title or forms)):
            (forms[-1][1] if forms and not title else title).append(w)
        else:
            break
        i += 1
    if (
        forms and not title
    ):  # "KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG" or "KT. GIÁM ĐỐC GIÁM ĐỐC" on one line
        of = forms[-1][1]
        k = next((j for j in range(1, len(of)) if of[j] == "PHÓ" or of[j : j + 2] == ["THỨ", "TRƯỞNG"]), None)
        half = len(of) // 2
        if k is None and len(of) >= 4 and len(of) % 2 == 0 and of[:half] == of[half:]:
            k = half
        if k is not None:
            forms[-1] = (forms[-1][0], of[:k])
            title = of[k:]
    for n, (kind, of) in enumerate(forms):
        more = n == len(forms) - 1 and not title and of and of[-1].endswith(",")  # the form goes on below
        s.forms.append(Form(kind, " ".join(of).strip(" ") if more else " ".join(of).strip(" ,"), p))
    head = " ".join(title).strip(" ,")
    if head and (TITLE.match(head) or head_title(head)):
        titles.append((head, p))
    rest = words[i:]
    if rest and not rest[0][:1].isupper() and len(rest[0]) <= 5 and len(rest) >= 3:
        rest = rest[1:] if _titled(rest[1]) else rest  # a name whose first letter OCR lost: "rần Phước Hiên"
        lost = True
    else:
        lost = False
    if 2 <= len(rest) <= 5 and all(_titled(w) for w in rest[lost:]) and not s.name:
        cand = " ".join(rest)
        if not _ORG.search(cand):
            s.name = cand


@dataclass
class Header:
    """What the header zone holds, each as a span in ``doc.text`` (None when absent)."""

    start: int
    end: int
    quoc_hieu: tuple[int, int] | None = None
    tieu_ngu: tuple[int, int] | None = None
    number: re.Match | None = None
    date: re.Match | None = None
    vv: bool = False
    title: str | None = None  # the type name on its own line (KẾ HOẠCH, QUYẾT ĐỊNH ...)
    kinh_gui: bool = False


_TYPE_LINE = re.compile(
    r"^(CÔNG VĂN|KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|THÔNG BÁO|CHỈ THỊ|TỜ TRÌNH|NGHỊ QUYẾT|HƯỚNG DẪN|CHƯƠNG TRÌNH|"
    r"ĐỀ ÁN|PHƯƠNG ÁN|QUY CHẾ|QUY ĐỊNH|BIÊN BẢN|GIẤY MỜI|CÔNG ĐIỆN|KẾT LUẬN|THÔNG CÁO|TỜ TRÌNH)$"
)


# how a body starts (never a trích yếu): a legal basis, a salutation, a date or time phrase, a purpose
BODY_OPENER = re.compile(
    r"^(?:\S{1,3}\s+)?(?:Căn cứ|Kính gửi|Thực hiện|Theo\b|Ngày \d|Từ ngày|Vào ngày|Sáng ngày|Chiều ngày|Hôm nay|"
    r"(?:Trong\s+)?(?:thời gian|những năm|các năm)\s+(?:qua|vừa qua|gần đây)|Vừa qua|Hiện nay|Năm \d{4}\s*,|"
    r"Trong (?:năm|thời gian|những)|Nhằm\b|Để\b|Sau khi|Nhận được|Xét\b|Điều \d|[IVX]+\s*[.)]|\d+\s*[.)]\s)",
    re.I,
)
# the issuing authority's line under the type name ("THỦ TƯỚNG CHÍNH PHỦ điện:", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
_AUTHORITY = re.compile(rf"^(?:{_HEAD}|THỦ TƯỚNG)\b|\sđiện\s*:\s*$")


def trich_yeu(doc: Document, h: Header) -> Piece | None:
    """The trích yếu under the type name (``KẾ HOẠCH`` / ``Kiểm tra công tác ...``): the next piece when it
    starts a phrase (a capital letter: a lower-case start is a cut line's tail) and is not the body's
    opening (``Căn cứ``, ``Thời gian qua, ...``, ``Ngày 22/01/2026, ...``) nor the authority's line.

    >>> from docmine.parsers.text import from_string
    >>> d = from_string("KẾ HOẠCH\\n\\nKiểm tra công tác văn thư năm 2026\\n\\nCăn cứ Luật ...")
    >>> trich_yeu(d, header(d)).text
    'Kiểm tra công tác văn thư năm 2026'
    >>> d = from_string("CHỈ THỊ\\n\\nThời gian qua, công tác văn thư có nhiều tiến bộ.")
    >>> trich_yeu(d, header(d)) is None
    True
    """
    if not h.title:
        return None
    ps = pieces(doc, h.start, h.end)
    k = next((i for i, p in enumerate(ps) if p.text == h.title), None)
    if k is None or k + 1 >= len(ps):
        return None
    p = ps[k + 1]
    t = re.sub(r"^[^\wĐđ]+", "", p.text)
    if (
        len(t) < 2
        or len(t) > 400
        or not t[:1].isupper()
        or BODY_OPENER.match(t)
        or (_AUTHORITY.search(t) and (is_upper(t) or "điện" in t))
        or NOI_NHAN.match(t)
    ):
        return None
    return p


def _place_date(v: str, m: re.Match) -> re.Match | None:
    """A place-date whose place is a name, matched again from its first capitalized word (``[A-ZĐÀ-Ỹ]`` also
    takes small letters: "Hạnh phúc Lâm Đồng, ngày ..." matches from "úc", and "tài liệu, ngày tháng năm" in a
    sentence would pass for a place-date).

    >>> v = "Độc lập - Tự do - Hạnh phúc Lâm Đồng, ngày 05 tháng 4 năm 2026"
    >>> _place_date(v, PLACE_DATE.search(v)).group("place")
    'Lâm Đồng'
    >>> v = "ghi rõ số, ký hiệu, ngày tháng năm ban hành"
    >>> _place_date(v, PLACE_DATE.search(v)) is None
    True
    """
    for w in re.finditer(r"\S+", v[m.start("place") : m.end("place")]):
        a = m.start("place") + w.start()
        if v[a].isupper() and (a == 0 or not v[a - 1].isalpha()):
            return PLACE_DATE.match(v, a)
    return None


def header(doc: Document) -> Header:
    """The header zone: from a little before the quốc hiệu (or the letter's start) to the body."""
    v = doc.view
    q = QUOC_HIEU.search(v, 0, min(len(v), 40000))
    lo = max(0, q.start() - 1200) if q else 0
    hi = min(len(v), (q.end() if q else lo) + 3000)
    sig = signature_start(doc)
    if sig is not None and sig > lo:
        hi = min(hi, sig)
    h = Header(lo, hi)
    if q:
        h.quoc_hieu = (q.start(), q.end())
    t = TIEU_NGU.search(v, lo, hi)
    if t:
        h.tieu_ngu = (t.start(), t.end())
    h.number = NUMBER.search(v, lo, hi)
    h.date = next((p for m in PLACE_DATE.finditer(v, lo, hi) if (p := _place_date(v, m))), None)
    h.vv = bool(VV.search(v, lo, hi))
    for p in pieces(doc, lo, hi):
        if _TYPE_LINE.match(p.text):
            h.title = p.text
            break
    h.kinh_gui = bool(KINH_GUI.search(v, lo, min(len(v), hi + 3000)))
    return h
