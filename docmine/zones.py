"""Block kinds from the shape of a Nghị định 30/2020 letter, for text read in order.

The header zone (agency, number, quốc hiệu, place-date, trích yếu) runs until the first
body line; the signature zone starts at "Nơi nhận" and ends after the signer's name; footnotes
start with a superscript number; furniture is a bare page number, a table rule or the leftovers
of a web page (a site's menus and catalogue fields before a copied letter's header).
Lines are judged without markdown emphasis and table pipes (``**Nơi nhận:**``, ``| Số: 5/KH |``).

>>> z = ZoneTagger()
>>> [z.kind(t) for t in ["UBND TỈNH NINH BÌNH", "Số: /LĐTBXH-VP", "Kính gửi: Sở Nội vụ", "1. Việc"]]
['header', 'header', 'paragraph', 'list_item']
"""

from __future__ import annotations

import re

DOC_TYPES = (
    "CÔNG VĂN|KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|THÔNG BÁO|CHỈ THỊ|TỜ TRÌNH|NGHỊ QUYẾT|HƯỚNG DẪN|CHƯƠNG TRÌNH|"
    "ĐỀ ÁN|PHƯƠNG ÁN|QUY CHẾ|QUY ĐỊNH|THÔNG TƯ|NGHỊ ĐỊNH|BIÊN BẢN|GIẤY MỜI|CÔNG ĐIỆN|KẾT LUẬN|PHỤ LỤC"
)
TITLE_RE = re.compile(rf"^\s*(?:{DOC_TYPES})\s*$")
_BODY_START = re.compile(
    r"^(Kính gửi|Căn cứ|Thực hiện|Theo |Ngày \d|Qua |Trên cơ sở|Nhằm|Để |Với |Sau khi|Vừa qua|Năm \d{4}|Trong )",
)
_SIGNATURE_START = re.compile(r"^\s*Nơi nhận\s*:?", re.IGNORECASE)
_APPENDIX = re.compile(r"^[\s*_#]*(PHỤ LỤC|Phụ lục|Biểu|BIỂU|DANH MỤC|PHƯƠNG ÁN)\b")  # ``**PHỤ LỤC I**`` on web copies
_FOOTNOTE = re.compile(r"^\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+\s*\S")
_LIST = re.compile(r"^\s*(?:[-+•*–]\s|\(?[0-9]{1,2}[.)]\s|\(?[a-zđ][).]\s|[IVX]{1,5}\.\s)")
_PAGE_NO = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*Trang \d+(/\d+)?\s*$", re.IGNORECASE)
_RULE = re.compile(r"^[-_=.\s]*$")
_WEB_JUNK = re.compile(
    r"^(Advertisement|Quảng cáo|About admin|Chia sẻ|Share|Tags?:|Bình luận|Tin liên quan|Xem thêm|Bài viết liên quan"
    r"|In bài viết|Gửi bài viết)\s*$",
    re.IGNORECASE,
)
_WEB_TAIL = re.compile(
    r"^(Check Also|Tin cùng chuyên mục|Tin khác|Các tin khác|Related|Có thể bạn quan tâm)\s*:?\s*$", re.I
)
# markdown emphasis, headings, quotes and table pipes around a line; "** **" and "|" lines are empty
_MARK_ENDS = re.compile(r"^[\s*_#>|]+|[\s*_|]+$")
_MARK_INNER = re.compile(r"\*{1,3}")
_MARK_CHARS = re.compile(r"[*_#>|]")
QUOC_HIEU = re.compile(
    r"C[ỘỌ]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+H[ỘỌ]I|XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do"
)  # OCR: CỌNG
_MOTTO_WORDS = frozenset("cộng cọng hòa hoà xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc".split())
NUMBER_LINE = re.compile(r"^(?:Số|SỐ)\s*(?:[:.]|\d|\.\.|/)")
PLACE_DATE = re.compile(r"^[A-ZĐÀ-Ỹ][^\d,:;()]{1,40}?,\s*ngày\b")
_AGENCY = re.compile(
    r"^(?:UBND|HĐND|ỦY BAN|UỶ BAN|HỘI ĐỒNG|SỞ|BỘ|BAN|VĂN PHÒNG|PHÒNG|TRUNG TÂM|CỤC|CHI CỤC|TỔNG CỤC|VỤ|VIỆN|"
    r"THANH TRA|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CÔNG AN|KHO BẠC|"
    r"BẢO HIỂM|TRƯỜNG|BỆNH VIỆN|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|TỔ |MẶT TRẬN|LIÊN ĐOÀN|ĐOÀN)"
)


def bare(text: str) -> str:
    """A line without markdown emphasis, heading marks or table pipes at its ends.

    >>> bare("**Nơi nhận:**"), bare("| Số: 5/KH-UBND |"), bare("** **")
    ('Nơi nhận:', 'Số: 5/KH-UBND', '')
    """
    if not _MARK_CHARS.search(text):
        return " ".join(text.split())
    return " ".join(_MARK_INNER.sub("", _MARK_ENDS.sub("", text)).split())


def bare_may_hold(text: str, *words: str) -> bool:
    """Whether :func:`bare` of ``text`` may hold one of ``words`` (each without spaces): ``text`` holds
    it already, or holds a mark that bare removes (``g**ửi``); collapsing spaces joins no letters.

    >>> bare_may_hold("Kính gửi: Sở", "gửi"), bare_may_hold("| Kính g**ửi |", "gửi"), bare_may_hold("Căn cứ", "gửi")
    (True, True, False)
    """
    return any(w in text for w in words) or bool(_MARK_CHARS.search(text))


def is_upper(t: str) -> bool:
    """Written in capitals (at least 80% of its letters), as header lines are.

    >>> is_upper("SỞ NỘI VỤ"), is_upper("Sở Nội vụ")
    (True, False)
    """
    letters = list(filter(str.isalpha, t))
    return len(letters) >= 2 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def is_motto(t: str) -> bool:
    """A piece of the quốc hiệu and tiêu ngữ, however the line is broken.

    >>> is_motto("HỘI CHỦ NGHĨA VIỆT NAM"), is_motto("Độc lập - Tự do - Hạnh phúc"), is_motto("TỈNH NAM ĐỊNH")
    (True, True, False)
    """
    words = re.findall(r"\w+", t.lower())
    return bool(words) and all(w in _MOTTO_WORDS for w in words)


def is_heading(t: str) -> bool:
    """A short line mostly in capitals, or a Roman-numbered one (the length is looked at first: a long
    paragraph's letters are never counted).

    >>> is_heading("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"), is_heading("II. Nhiệm vụ"), is_heading("Căn cứ")
    (True, True, False)
    """
    if len(t) < 160:
        letters = list(filter(str.isalpha, t))
        if len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.8:
            return True
    return bool(re.match(r"^[IVX]{1,5}\.\s+\S", t))


def _opens_header(t: str) -> bool:
    return bool(
        QUOC_HIEU.search(t) or NUMBER_LINE.match(t) or PLACE_DATE.match(t) or TITLE_RE.match(t)
        or (len(t) <= 90 and is_upper(t) and _AGENCY.match(t))
    )  # fmt: skip


_NAME = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]*")


class ZoneTagger:
    """Feed lines in reading order; ``kind`` returns the block kind of each.

    With ``has_header`` (a Nghị định 30 header is near the top), lines before the header's first
    line are a web page's furniture; a quốc hiệu met further down (a copy under a site's catalogue)
    opens the header zone again.

    >>> z = ZoneTagger()
    >>> [z.kind(t) for t in ["Đăng nhập", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Căn cứ Luật"]]
    ['furniture', 'header', 'header', 'paragraph']
    >>> [z.kind(t) for t in ["Nơi nhận:", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An", "Biểu số liệu kèm theo"]]
    ['signature', 'signature', 'signature', 'signature', 'paragraph']
    """

    def __init__(self, has_header: bool = True) -> None:
        self.in_header = has_header
        self.pre_header = has_header  # before the header's first line
        self.in_signature = False
        self.in_web_tail = False
        self.seen = 0
        self.header_seen = 0  # lines since the header (re)opened
        self.signer = 0  # 1 after a signer's title, 2 after the name

    def kind(self, text: str) -> str:
        t = bare(text)
        self.seen += 1
        if not t or self.in_web_tail or _WEB_JUNK.match(t) or _PAGE_NO.match(t):
            return "furniture"
        if _WEB_TAIL.match(t):
            self.in_web_tail = True
            return "furniture"
        if _FOOTNOTE.match(t):
            return "footnote"
        if _SIGNATURE_START.match(t):
            self.in_signature, self.in_header, self.pre_header, self.signer = True, False, False, 0
            return "signature"
        if self.in_signature:
            if _APPENDIX.match(t) or (self.signer == 2 and not _LIST.match(t)):
                self.in_signature = False
            else:
                if len(t) > 200:  # a paragraph of text: the block ended without an appendix title
                    self.in_signature = False
                    return "paragraph"
                if _NAME.fullmatch(t) and self.signer:
                    self.signer = 2
                elif is_upper(t) and not _LIST.match(t):
                    self.signer = 1
                return "signature"
        if self.in_header and self.pre_header:
            if _opens_header(t):
                self.pre_header = False
            elif self.seen > 25:
                self.in_header = self.pre_header = False
            else:
                return "furniture"
        if not self.in_header and self.seen <= 250 and len(t) < 90 and QUOC_HIEU.search(t):
            self.in_header, self.header_seen = True, 0
        if self.in_header:
            self.header_seen += 1
            if QUOC_HIEU.search(t):
                self.header_seen = 0
            if TITLE_RE.match(t) or _BODY_START.match(t) or len(t) > 160 or self.header_seen > 14:
                self.in_header = False
            else:
                return "header"
        if _RULE.match(t):
            return "furniture"
        if TITLE_RE.match(t) or is_heading(t):
            return "heading"
        if _LIST.match(t):
            return "list_item"
        return "paragraph"


_HEADER_MARK = re.compile(
    r"CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|^\s*Số\s*:|^\s*V/v\b", re.IGNORECASE | re.MULTILINE
)


def has_nd30_header(first_lines: list[str]) -> bool:
    """True when the opening lines carry a Nghị định 30 header (quốc hiệu, Số:, V/v).

    >>> has_nd30_header(["Xã hội", "Ninh Bình: Đẩy mạnh cải cách hành chính"])
    False
    """
    return bool(_HEADER_MARK.search("\n".join(first_lines[:20])))


_NUMBER_LINE = re.compile(r"^\s*(Số|SỐ|Số hiệu)\s*[:.]")


def order_header(left: list[str], right: list[str]) -> list[str]:
    """Reading order of a two-column header: agency, quốc hiệu and place-date, then number and trích yếu.

    >>> order_header(["UBND TỈNH X", "SỞ Y", "Số: 1/SY", "V/v a"], ["CỘNG HÒA", "X, ngày 1"])
    ['UBND TỈNH X', 'SỞ Y', 'CỘNG HÒA', 'X, ngày 1', 'Số: 1/SY', 'V/v a']
    """
    cut = next((i for i, t in enumerate(left) if _NUMBER_LINE.match(t)), len(left))
    return left[:cut] + right + left[cut:]
