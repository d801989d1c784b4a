"""Assigned bodies: ``Văn phòng Sở``, ``phòng Lao động – Việc làm – GDNN``, ``các đơn vị trực thuộc``.

A unit phrase starts with a unit head (Phòng, Văn phòng, Trung tâm, Sở, UBND, Bộ, Tập đoàn, các đơn
vị, các sở, ban, ngành ...), optionally after a title (Trưởng, Thủ trưởng, Giám đốc, Chủ tịch, Chánh
Văn phòng, Bộ trưởng, Người đứng đầu ...). A list of units ends where the task begins: at the first
word that starts a verb phrase (``thường xuyên``, ``chủ trì``, ``khẩn trương`` ...), written in lower
case (names of units are capitalised: ``Phòng Kiểm soát``, ``Ban Chỉ đạo``). A verb after ``được``
belongs to the unit (``các đơn vị được kiểm tra``).

>>> units_then_task("các phòng nghiệp vụ, các đơn vị trực thuộc quán triệt tăng cường trao đổi văn bản")
(['các phòng nghiệp vụ', 'các đơn vị trực thuộc'], 'quán triệt tăng cường trao đổi văn bản')
>>> units_then_task("Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện khẩn trương rà soát")
(['Thủ trưởng các sở, ban, ngành', 'Chủ tịch UBND các huyện'], 'khẩn trương rà soát')
"""

from __future__ import annotations

import re

from docmine.normalize import UPPER

_TITLE_WORDS = (
    "Thủ trưởng|thủ trưởng|Phó Trưởng|Trưởng ban|Trưởng phòng|Trưởng|trưởng|Phó Giám đốc|Giám đốc|giám đốc|"
    "Tổng Giám đốc|Chánh Văn phòng|Chánh Thanh tra|Chánh|Chủ tịch|chủ tịch|Lãnh đạo|lãnh đạo|Chi cục trưởng|"
    "Tổng cục trưởng|Cục trưởng|Bộ trưởng|Bí thư|Người đứng đầu|người đứng đầu|Hiệu trưởng|Viện trưởng|"
    "Các thành viên|các thành viên|Thành viên|thành viên"
)
_TITLE = rf"(?:(?:các|Các)\s+)?(?:[Đđ]ồng chí\s+)?(?:{_TITLE_WORDS})\s+"
_HEADS = (
    r"Văn phòng|văn phòng|Phòng|phòng|Trung tâm|trung tâm|Sở|sở|Ban|ban ngành|ban|Chi cục|Cục|Tổng cục|Bộ|bộ|"
    r"UBND|Ủy ban|Uỷ ban|ủy ban|Thanh tra|Quỹ|đơn vị|Đơn vị|cơ quan|Cơ quan|cán bộ|Cán bộ|công chức|Công chức|"
    r"bộ phận|Bộ phận|Tổ|Đoàn|Hội đồng|huyện|Huyện|thị xã|Thị xã|thành phố|Thành phố|xã|Xã|phường|Phường|quận|Quận|"
    r"tỉnh|Tỉnh|địa phương|Địa phương|Công an|Bảo hiểm xã hội|BHXH|Kho bạc|Đài|Trường|trường|Bệnh viện|Hội|"
    r"Liên đoàn|Tỉnh đoàn|PCM|ĐVTT|VP|Ngân hàng|Cổng|Viện|Chi nhánh|Tập đoàn|Tổng công ty|Công ty|Báo|Tạp chí|"
    r"Thường trực|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Mặt trận|ngành|Ngành|các cấp|Vụ|Đội|Hạt|Cảng vụ"
)
# words that begin with a head but name no body: ``Ban hành``, ``Tổ chức``, ``Báo cáo``, ``Bộ chỉ số``
_NOT_HEAD = (
    r"(?!(?:Ban hành|ban hành|Tổ chức|Báo cáo|Trường hợp|trường hợp|Hội nghị|Hội thảo|Bộ chỉ số|Bộ tiêu chí|Bộ câu hỏi|"
    r"Sở hữu|Phòng,? chống|phòng,? chống|Phòng ngừa|Đội ngũ|Đoàn kết|Cục bộ|Quỹ đất|Tổ hợp|Đài loan)(?![\w]))"
)
_HEAD = (
    rf"(?:(?:các|Các|mỗi|Mỗi|từng|Từng|toàn bộ|tất cả các|Tất cả các)\s+)?{_NOT_HEAD}(?:{_HEADS})(?![\w])"
    r"|(?:các|Các)\s+(?:tổ chức|cá nhân|doanh nghiệp|hiệp hội)(?![\w])|(?:từng|Từng|các|Các|mỗi|Mỗi)\s+(?:cấp|ngành)(?![\w])"
)
UNIT_HEAD = re.compile(
    rf"^\s*(?:(?:{_TITLE})?(?:{_HEAD})|(?:(?:các|Các)\s+)?(?:[Đđ]ồng chí\s+)?(?:{_TITLE_WORDS})(?=\s*[,;]|\s*$))"
)
# a speaker's verb inside what would be a unit phrase: ``UBND tỉnh yêu cầu ...`` names who directs
_SPEAKER = re.compile(r"(?<!được)\s(?:yêu cầu|đề nghị|giao|chỉ đạo|kết luận|lưu ý|nhấn mạnh)\s")
_VERBS = (
    "thực hiện|triển khai|tổ chức|tham mưu|chủ trì|phối hợp|rà soát|xây dựng|theo dõi|đôn đốc|kiểm tra|hướng dẫn|nghiên cứu|"
    "tăng cường|tích cực|thường xuyên|quán triệt|chủ động|khẩn trương|kịp thời|sớm|nghiêm túc|tiếp tục|cập nhật|đề xuất|"
    "báo cáo|hoàn thành|căn cứ|đảm bảo|bảo đảm|nâng cao|cải thiện|đẩy mạnh|công bố|công khai|ban hành|trình|tập trung|"
    "phấn đấu|có trách nhiệm|chịu trách nhiệm|duy trì|kiện toàn|giải quyết|tuyên truyền|vận động|cung cấp|sử dụng|áp dụng|"
    "ứng dụng|số hóa|kiểm điểm|đánh giá|xử lý|khắc phục|cần|phải|tiến hành|bố trí|rút kinh nghiệm|lập|gửi|"
    "tổng hợp|đăng tải|nắm bắt|quan tâm|chỉ đạo|làm tốt|chấn chỉnh|thẩm định|phê duyệt|chuẩn bị|nhanh chóng|"
    "có giải pháp|có biện pháp|có văn bản|có kế hoạch|làm đầu mối|là đầu mối|dành|giúp|bám sát|trao đổi|tập huấn|liệt kê|"
    "xem xét|trực tiếp|phân tích|định kỳ|hằng|hàng|bãi bỏ|tích hợp|kết nối|tháo gỡ|ưu tiên|huy động|"
    "quyết liệt|sửa đổi|hoàn thiện|nâng cấp|phổ biến|chuẩn hóa|xác định|thống nhất|tạo điều kiện|hỗ trợ|"
    "nghiêm|ký|cử|mời|giám sát|khảo sát|tiếp thu|tham gia|góp ý|đối thoại|trả lời|vận hành|thúc đẩy|đẩy nhanh|làm việc(?=\\s+(?:cụ thể\\s+)?với)"
)
# words that open a task at the start of a list item, beyond the verbs that end a unit phrase
_STARTERS = (
    "cắt giảm|đơn giản hóa|tối ưu hóa|sao lưu|làm việc|tiếp nhận|tăng|giảm|hình thành|phát huy|phát triển|đổi mới|chú trọng|"
    "chăm lo|tham gia|tham dự|lựa chọn|thiết lập|thành lập|điều chỉnh|bổ sung|thay thế|niêm yết|chia sẻ|kiểm soát|"
    "đào tạo|bồi dưỡng|tuyển dụng|sắp xếp|khai thác|thu thập|rút ngắn|làm rõ|lắng nghe|nhân rộng|"
    "giữ vững|tránh|không để|hạn chế|mở rộng|đầu tư|nộp|chuyển|hằng|hàng|mỗi|định kỳ|trước|sau khi|khi"
)
_VERB_RE = re.compile(rf"(?<![\w])(?:{_VERBS})(?![\w])")
_VERB_START = re.compile(rf"^\s*(?:{_VERBS}|{_STARTERS})(?![\w])", re.I)
# where a unit may be named by a proper name alone (after ``phối hợp với``): ``VCCI``, ``Viettel``
_NAME_START = re.compile(rf"[{UPPER}][\w&.-]*(?:\s+[{UPPER}][\w&.-]*)*(?=\s*(?:,|và|$|\s[a-zđ]))")
_NAME_ONLY = re.compile(rf"[{UPPER}][\w&.-]*(?:\s+[{UPPER}][\w&.-]*){{0,5}}")
_FILLER = re.compile(
    r"^\s*(?:đặc biệt là|nhất là|trong đó|kể cả|Riêng|riêng|và|cùng|cùng với|với|đối với|(?:các |Các )?[Đđ]ồng chí)\s+"
)
# a verb right after these belongs to the unit's own relative clause (``các đơn vị được kiểm tra``)
_REL_BEFORE = re.compile(r"(?:được|bị|các|những|mỗi|từng)\s*$")
_REPORTED = re.compile(r"(?:đã|đang|vừa|từng|chưa|không)\s*$")  # ``Sở đã tổ chức``: work reported, not given
# an item that starts another unit in a list: a title, a capitalised head, or ``các`` + a head
_NEW_UNIT = re.compile(
    rf"^(?:{_TITLE}|(?:(?:các|Các|mỗi|Mỗi|từng|Từng)\s+)?(?:Văn phòng|Phòng|Trung tâm|Sở|Ban|Chi cục|Cục|Tổng cục|Bộ|"
    r"UBND|Ủy ban|Uỷ ban|Thanh tra|Quỹ|Công an|Bảo hiểm xã hội|BHXH|Kho bạc|Đài|Trường|Bệnh viện|Hội|Liên đoàn|"
    r"Tỉnh đoàn|Ngân hàng|Cổng|Viện|Chi nhánh|Tập đoàn|Tổng công ty|Công ty|Báo|Tạp chí|Thường trực|Mặt trận|Đội|Vụ|"
    r"Bộ phận|Tổ|Đoàn|Hội đồng)(?![\w])|(?:các|Các|mỗi|Mỗi|từng|Từng)\s+(?:cơ quan|đơn vị|phòng|sở|bộ|ngành|địa phương|"
    r"huyện|xã|tổ chức|cán bộ|doanh nghiệp|hiệp hội|tập đoàn)(?![\w])|(?:phòng|sở|văn phòng|trung tâm|ban|chi cục|bộ phận)\s+(?=["
    + UPPER
    + r"])"
    r"|(?:cán bộ|công chức|viên chức|người đứng đầu|lãnh đạo)(?![\w]))"
)


_GENERIC = re.compile(r"(?:đơn vị|cơ quan|địa phương|tổ chức|doanh nghiệp|trường|bệnh viện)(?![\w])")
_BARE = re.compile(
    r"(?:sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương|huyện|xã|phường|quận|tỉnh|thị xã|thành phố|thị trấn|đặc khu|phòng|"
    r"tổ chức|cá nhân|cấp|doanh nghiệp|hội|đoàn thể|trường)",
    re.I,
)


_AFTER_QUANTIFIER = re.compile(r"(?:^|\s)(?:các|Các|mỗi|Mỗi|từng|Từng)\s+([^,;]+)$")
_LIST_SEP = re.compile(r"\s*[,;]\s*|\s+và\s+")
_NAMED_LIST = re.compile(r"(?:Các|các)\s+(phòng|đơn vị|Phòng|Tập đoàn|Bộ|bộ|Sở|sở)[^:]{0,30}:\s*(.+)$")
_SEMI = re.compile(r"\s*;\s*")
_ITEM_SEP = re.compile(r"(\s*,\s*|\s+và\s+|\s+cùng\s+)")
_AUX_END = re.compile(r"(?:\s+(?:sẽ|cũng|thì|đều))+\s*$")


_REMARK = re.compile(
    r"\s*\((?=[a-zđ])[^()]*\)"
)  # ``Sở Tài chính (trong việc tổng hợp ...)``: a remark, not a name
_LONGEST = 120  # a unit named in more words is a clause the grammar misread


def _bare_tail(cur: str) -> bool:
    """Whether a list so far ends on a bare noun after ``các`` (``các cơ quan``), so that the next
    noun joins it (``các cơ quan, đơn vị``), rather than on a named kind (``các phòng chuyên môn``)."""
    m = _AFTER_QUANTIFIER.search(cur)
    tail = m.group(1) if m else cur
    tail = _LIST_SEP.split(tail)[-1].strip()
    return bool(_BARE.fullmatch(tail))


def is_unit(s: str) -> bool:
    """Whether a phrase names a body.

    >>> is_unit("Phòng Lao động - Việc làm - Bảo hiểm"), is_unit("Thường xuyên gửi tin, bài")
    (True, False)
    """
    return bool(UNIT_HEAD.match(s)) and not _VERB_RE.match(s.strip())


def starts_with_verb(s: str) -> bool:
    """Whether a text opens with a verb phrase (a task), in any case.

    >>> starts_with_verb("Khẩn trương rà soát"), starts_with_verb("Việc rà soát văn bản")
    (True, False)
    """
    return bool(_VERB_START.match(s))


def split_units(s: str) -> list[str]:
    """A written list of units into items: ``;``, and ``,``/``và`` before another unit (a title, a
    capitalised head, ``các`` + a head); a collective (``các sở, ban, ngành``) stays one item.

    ``Các phòng chuyên môn: A; B; C`` becomes ``Phòng A``, ``Phòng B``, ... (an item that is itself a
    unit, ``Trung tâm Dịch vụ việc làm``, stays as written).

    >>> split_units("Các phòng chuyên môn: Giáo dục nghề nghiệp; Người có công; Trung tâm Dịch vụ việc làm")
    ['Phòng Giáo dục nghề nghiệp', 'Phòng Người có công', 'Trung tâm Dịch vụ việc làm']
    >>> split_units("Các phòng: Bảo trợ và Phòng, chống tệ nạn xã hội; Người có công")
    ['Phòng Bảo trợ và Phòng, chống tệ nạn xã hội', 'Phòng Người có công']
    >>> split_units("Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành và UBND các xã, phường")
    ['Chánh Văn phòng UBND tỉnh', 'Giám đốc các sở, ban, ngành', 'UBND các xã, phường']
    """
    s = _REMARK.sub("", " ".join(s.replace("*", " ").split())).strip(" .;,:")
    m = _NAMED_LIST.match(s)
    if m:
        head = m.group(1)[0].upper() + m.group(1)[1:]
        sep = r";\s*" if ";" in m.group(2) else r"[;,]\s+"  # with semicolons, a comma is inside an item
        return [
            x if is_unit(x) else f"{head} {x}"
            for x in (p.strip(" .") for p in re.split(sep, m.group(2)))
            if x
        ]
    out: list[str] = []
    for part in _SEMI.split(s):
        pieces = _ITEM_SEP.split(part)
        cur = ""
        for k in range(0, len(pieces), 2):
            p = _FILLER.sub("", pieces[k]).strip(" .")
            if not p:
                continue
            new = _NEW_UNIT.match(p) or _GENERIC.match(p) and not _bare_tail(cur)
            if cur and (not new or p.startswith("(")) and UNIT_HEAD.match(cur):
                cur += pieces[k - 1] + p  # ``các sở, ban, ngành``: one collective
                continue
            if cur:
                out.append(cur)
            cur = p
        if cur:
            out.append(cur)
    return [u.strip(" ,") for u in out if is_unit(u) and len(u) <= _LONGEST]


# ``theo chức năng, nhiệm vụ được giao``: how a unit acts, between it and its task
_FUNCTION = re.compile(
    r"\s*,?\s+theo (?:đúng )?chức năng,? nhiệm vụ(?:,? quyền hạn)?(?: được giao)?\s*,?(?=\s)"
)
_END_RE = re.compile(
    rf"(?<![\w])(?:{_VERBS}|để|nhằm|trong việc|về việc|kính|có(?=\s+(?:\d|nhiều|một số|các|những|hơn|trên|gần)))(?![\w])"
)


def _verb_after(s: str, pos: int) -> re.Match[str] | None:
    """The first verb (or ``để``/``nhằm``, a purpose) at or after ``pos`` that is not inside the
    unit's own relative clause (``được kiểm tra``)."""
    for v in _END_RE.finditer(s, pos):
        before = s[max(0, v.start() - 12) : v.start()]
        if _REL_BEFORE.search(before) or s.count("(", 0, v.start()) > s.count(")", 0, v.start()):
            continue  # ``Sở Tài chính (trong việc tổng hợp ...)``: a remark on the unit
        return None if _REPORTED.search(before) else v
    return None


def names_only(s: str) -> bool:
    """Whether a phrase is units and nothing else (a title ``1. Văn phòng UBND tỉnh``), no verb in it.

    >>> names_only("Các cơ quan, đơn vị được kiểm tra"), names_only("Sở Tư pháp chủ trì, phối hợp")
    (True, False)
    """
    head = UNIT_HEAD.match(s)
    return (
        bool(head)
        and not _VERB_RE.match(s.strip())
        and _verb_after(s, head.end()) is None
        and not _REPORTED_ANY.search(s)
    )


_REPORTED_ANY = re.compile(r"\s(?:đã|đang|sẽ)\s")


def units_then_task(s: str, loose: bool = False) -> tuple[list[str], str]:
    """Split ``<units> <task>`` where a directive names who does what.

    >>> units_then_task("phòng Người có công phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ")
    (['phòng Người có công'], 'phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ')
    >>> units_then_task("các cơ quan, đơn vị được kiểm tra có biện pháp khắc phục")
    (['các cơ quan, đơn vị được kiểm tra'], 'có biện pháp khắc phục')
    """
    s = _FUNCTION.sub(" ", _FILLER.sub("", s.lstrip()))
    head = UNIT_HEAD.match(s) or loose and _NAME_START.match(s)
    if not head:
        return [], s
    v = _verb_after(s, head.end())
    if not v:
        return [], s
    if _SPEAKER.search(s[: v.start()]):
        return [], s
    written = _AUX_END.sub("", s[: v.start()])
    units = split_units(written)
    if loose:  # ``phối hợp với VCCI và các đơn vị liên quan``: a name the unit grammar does not know
        names = [
            x.strip()
            for x in _ITEM_SEP.split(written)[::2]
            if _NAME_ONLY.fullmatch(x.strip()) and not is_unit(x)
        ]
        units = names + units
    return units, s[v.start() :].strip()
