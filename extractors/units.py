"""Assigned bodies: ``Văn phòng Sở``, ``phòng Lao động – Việc làm – GDNN``, ``các đơn vị trực thuộc``.

A unit phrase starts with a unit head (Phòng, Văn phòng, Trung tâm, Sở, UBND, các đơn vị, Trưởng
các phòng ...), optionally after a title (Trưởng, Thủ trưởng, Giám đốc). A list of units ends where
the task begins: at the first word that starts a verb phrase (``thường xuyên``, ``chủ trì``,
``thực hiện`` ...), written in lower case (names of units are capitalised: ``Phòng Kiểm soát``).

>>> units_then_task("các phòng nghiệp vụ, các đơn vị trực thuộc quán triệt tăng cường trao đổi văn bản")
(['các phòng nghiệp vụ', 'các đơn vị trực thuộc'], 'quán triệt tăng cường trao đổi văn bản')
"""

from __future__ import annotations

import re

_TITLE = r"(?:Trưởng|trưởng|Thủ trưởng|thủ trưởng|Phó Trưởng|Giám đốc|giám đốc|Phó Giám đốc|Chánh Văn phòng|Chủ tịch|Lãnh đạo|lãnh đạo|Chánh|Chi cục trưởng|Cục trưởng)\s+"
_HEAD = (
    r"(?:(?:các|Các|mỗi|Mỗi|từng)\s+)?(?:Văn phòng|văn phòng|Phòng|phòng|Trung tâm|trung tâm|Sở|sở|Ban|ban ngành|Chi cục|Cục|Bộ|"
    r"UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Thanh tra|Quỹ|đơn vị|Đơn vị|cơ quan|Cơ quan|cán bộ|Cán bộ|công chức|Công chức|"
    r"bộ phận|Bộ phận|Tổ|Đoàn|Hội đồng|huyện|Huyện|thị xã|thành phố|Thành phố|xã|địa phương|Công an|Bảo hiểm xã hội|BHXH|"
    r"Kho bạc|Đài|Trường|trường|Bệnh viện|Hội|Liên đoàn|Tỉnh đoàn|PCM|ĐVTT|VP|Ngân hàng|Cổng|Viện|Chi nhánh)\b"
)
UNIT_HEAD = re.compile(rf"^\s*(?:{_TITLE})?{_HEAD}")
_VERBS = (
    "thực hiện|triển khai|tổ chức|tham mưu|chủ trì|phối hợp|rà soát|xây dựng|theo dõi|đôn đốc|kiểm tra|hướng dẫn|nghiên cứu|"
    "tăng cường|tích cực|thường xuyên|quán triệt|chủ động|khẩn trương|kịp thời|sớm|nghiêm túc|tiếp tục|cập nhật|đề xuất|"
    "báo cáo|hoàn thành|căn cứ|đảm bảo|bảo đảm|nâng cao|cải thiện|đẩy mạnh|công bố|công khai|ban hành|trình|tập trung|"
    "phấn đấu|có trách nhiệm|chịu trách nhiệm|duy trì|kiện toàn|giải quyết|tuyên truyền|vận động|cung cấp|sử dụng|áp dụng|"
    "ứng dụng|số hóa|kiểm điểm|đánh giá|xử lý|khắc phục|cần|phải|được giao|tiến hành|bố trí|rút kinh nghiệm|lập|gửi|"
    "tổng hợp|đăng tải|nắm bắt|quan tâm|chỉ đạo|làm tốt|chấn chỉnh|thẩm định|phê duyệt|chuẩn bị|nhanh chóng"
)
_VERB_RE = re.compile(rf"(?<![\w])(?:{_VERBS})(?![\w])")
_FILLER = re.compile(r"^\s*(?:đặc biệt là|nhất là|trong đó|kể cả|Riêng|riêng|và|cùng|cùng với|với)\s+")


def is_unit(s: str) -> bool:
    """Whether a phrase names a body.

    >>> is_unit("Phòng Lao động - Việc làm - Bảo hiểm"), is_unit("Thường xuyên gửi tin, bài")
    (True, False)
    """
    return bool(UNIT_HEAD.match(s)) and not _VERB_RE.match(s.strip())


def split_units(s: str) -> list[str]:
    """A written list of units into items: commas, semicolons, and ``và`` before a unit head.

    ``Các phòng chuyên môn: A; B; C`` becomes ``Phòng A``, ``Phòng B``, ... (an item that is itself a
    unit, ``Trung tâm Dịch vụ việc làm``, stays as written).

    >>> split_units("Các phòng chuyên môn: Giáo dục nghề nghiệp; Người có công; Trung tâm Dịch vụ việc làm")
    ['Phòng Giáo dục nghề nghiệp', 'Phòng Người có công', 'Trung tâm Dịch vụ việc làm']
    >>> split_units("Các phòng: Bảo trợ và Phòng, chống tệ nạn xã hội; Người có công")
    ['Phòng Bảo trợ và Phòng, chống tệ nạn xã hội', 'Phòng Người có công']
    """
    s = " ".join(s.split()).strip(" .;,")
    m = re.match(r"^(?:Các|các)\s+(phòng|đơn vị|Phòng)[^:]{0,30}:\s*(.+)$", s)
    if m:
        head = m.group(1).capitalize()
        sep = r";\s*" if ";" in m.group(2) else r"[;,]\s+"  # with semicolons, a comma is inside an item
        return [
            x if is_unit(x) else f"{head} {x}"
            for x in (p.strip(" .") for p in re.split(sep, m.group(2)))
            if x
        ]
    parts = re.split(r"\s*[;,]\s+|\s+và\s+(?=" + _HEAD + ")", s)
    out: list[str] = []
    for p in parts:
        p = _FILLER.sub("", p).strip(" .")
        if not p:
            continue
        if out and not is_unit(p):
            out[-1] = f"{out[-1]}, {p}"  # ``cán bộ tiếp nhận, trả kết quả`` is one unit
            continue
        out.append(p)
    return [u for u in out if is_unit(u)]


def units_then_task(s: str) -> tuple[list[str], str]:
    """Split ``<units> <task>`` where a directive names who does what.

    >>> units_then_task("phòng Người có công phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ")
    (['phòng Người có công'], 'phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ')
    """
    s = _FILLER.sub("", s.lstrip())
    if not UNIT_HEAD.match(s):
        return [], s
    head = UNIT_HEAD.match(s)
    pos = head.end() if head else 0
    v = _VERB_RE.search(s, pos)
    if not v:
        return [], s
    units = split_units(s[: v.start()])
    return units, s[v.start() :].strip()
