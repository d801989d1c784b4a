"""Block kinds from the shape of a Nghị định 30/2020 letter, for text read in order.

The header zone (agency, number, quốc hiệu, place-date, trích yếu) runs until the first
body line; the signature zone starts at "Nơi nhận"; footnotes start with a superscript
number; furniture is a bare page number or the leftovers of a web page.

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
_WEB_JUNK = re.compile(
    r"^(Advertisement|Quảng cáo|About admin|Chia sẻ|Share|Tags?:|Bình luận|Tin liên quan|Xem thêm|Bài viết liên quan"
    r"|In bài viết|Gửi bài viết)\s*$",
    re.IGNORECASE,
)
_WEB_TAIL = re.compile(
    r"^(Check Also|Tin cùng chuyên mục|Tin khác|Các tin khác|Related|Có thể bạn quan tâm)\s*:?\s*$", re.I
)


def is_heading(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return (
        len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(t) < 160
    ) or bool(re.match(r"^[IVX]{1,5}\.\s+\S", t))


class ZoneTagger:
    """Feed lines in reading order; ``kind`` returns the block kind of each."""

    def __init__(self, has_header: bool = True) -> None:
        self.in_header = has_header
        self.in_signature = False
        self.in_web_tail = False
        self.seen = 0

    def kind(self, text: str) -> str:
        t = text.strip()
        self.seen += 1
        if self.in_web_tail or _WEB_JUNK.match(t) or _PAGE_NO.match(t):
            return "furniture"
        if _WEB_TAIL.match(t):
            self.in_web_tail = True
            return "furniture"
        if _FOOTNOTE.match(t):
            return "footnote"
        if _SIGNATURE_START.match(t):
            self.in_signature, self.in_header = True, False
            return "signature"
        if self.in_signature:
            if _APPENDIX.match(t):
                self.in_signature = False
                return "heading"
            if len(t) > 200:  # a paragraph of text: the signature block ended without an appendix title
                self.in_signature = False
                return "paragraph"
            return "signature"
        if self.in_header:
            if TITLE_RE.match(t) or _BODY_START.match(t) or len(t) > 160 or (self.seen > 14):
                self.in_header = False
            else:
                return "header"
        if TITLE_RE.match(t) or is_heading(t):
            return "heading"
        if _LIST.match(t):
            return "list_item"
        return "paragraph"


_HEADER_MARK = re.compile(
    r"CỘNG H[OÒ]A XÃ HỘI|Độc lập\s*[-–—]\s*Tự do|^\s*Số\s*:|^\s*V/v\b", re.IGNORECASE | re.MULTILINE
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
