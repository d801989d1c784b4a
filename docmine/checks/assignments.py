"""Tasks that cannot be followed up: no lead unit (chủ trì), or no deadline and no cadence.

The tasks are the assignments extractor's facts (task, lead, support, deadline), read in their
context through the discourse layer: a deadline or a unit given once in the lead-in (``Giao Sở Tư
pháp chủ trì, hoàn thành trước ngày 30/6/2025:``), the section heading or a ``Thời gian thực
hiện`` line of the section holds for every item under it. A task that names no unit anywhere is
read from the segments themselves (an item under a directive lead-in or under ``TỔ CHỨC THỰC
HIỆN`` that starts with a verb, or a sentence that sets a deadline), since the extractor keeps only
tasks with a unit. One task gets at most one finding; a support unit (``phối hợp``) is no task;
an ongoing duty (``Thường xuyên ...``, ``Bảo đảm ...``, ``Tăng cường ...``) needs no deadline.

>>> from docmine.checks import check_text
>>> [f.code for f in check_text("Giao Sở Nội vụ chủ trì tổ chức hội nghị tập huấn.").findings]
['task.no_deadline']
>>> [f.code for f in check_text("Giao Sở Nội vụ chủ trì tổ chức hội nghị tập huấn trong năm 2026.").findings]
[]
"""

from __future__ import annotations

import re

from docmine.checks.base import Context, Finding
from docmine.facts import Evidence
from extractors.discourse import Segment, context_kind, lead_kind, segments
from extractors.tables import tables

DEADLINE = re.compile(
    r"thường xuyên|định kỳ|liên tục|hằng\s+(?:năm|quý|tháng|tuần|ngày)|hàng\s+(?:năm|quý|tháng|tuần|ngày)"
    r"|trước\s+(?:\d{1,2}\s*(?:g|giờ|h)\s*\d{0,2}’?\s*)?(?:ngày|\d{1,2}\s*/)|trước (?:thời điểm|khi|kỳ)|chậm nhất"
    r"|trong (?:thời hạn|vòng|\d+\s+ngày)|trong\s+(?:tháng|quý|năm|tuần|6 tháng)|khi có yêu cầu|khi cần thiết|ngay sau khi|\bngay\b"
    r"|khẩn trương|hoàn thành (?:trong|trước|xong)|thời (?:gian|hạn) (?:thực hiện|hoàn thành)|thời hạn|tiến độ"
    r"|(?:tháng|quý)\s+[IVX\d]+\s*(?:/|năm)\s*\d{4}|\b\d{1,2}/\d{1,2}/\d{4}\b|đến (?:hết )?năm \d{4}|cuối năm|đầu năm"
    r"|sau khi|từ nay đến|suốt|lâu dài|hằng năm",
    re.I,
)
# duties that go on (no date is due): the task starts with one of these
ONGOING = re.compile(
    r"^\s*(?:tiếp tục\s+)?(?:thường xuyên|tăng cường|bảo đảm|đảm bảo|chủ động|kịp thời|quan tâm|nâng cao|duy trì|"
    r"theo dõi|đôn đốc|nghiêm túc|quán triệt|tích cực|chỉ đạo|thực hiện nghiêm|thực hiện tốt|tập trung|đẩy mạnh|"
    r"chịu trách nhiệm|có trách nhiệm|phát huy|làm tốt|cải thiện|nâng cao|tiếp tục|triển khai thực hiện|"
    r"thực hiện có hiệu quả|thực hiện đúng|thực hiện|giữ vững|siết chặt|chấn chỉnh|không để|phối hợp|phải)\b",
    re.I,
)
TASK_VERB = re.compile(
    r"^\s*(?:tổ chức|xây dựng|ban hành|rà soát|báo cáo|hoàn thành|gửi|trình|tham mưu|đề xuất|lập|tổng hợp|"
    r"kiểm tra|hướng dẫn|nghiên cứu|cập nhật|công bố|công khai|triển khai|thực hiện|chuẩn bị|bố trí|kiện toàn|"
    r"đánh giá|khắc phục|xử lý|phân tích|ký|sửa đổi|số hóa|đăng tải|theo dõi|đôn đốc|tiếp nhận|tham gia)\b",
    re.I,
)
UNIT = re.compile(
    r"\b(?:Sở|Văn phòng|Phòng|Trung tâm|UBND|Ủy ban|Uỷ ban|Ban|Thanh tra|Cục|Bộ|Chi cục|Công an|Kho bạc|Đài|"
    r"Trường|Bảo hiểm|Hội đồng|Tổ công tác|Đoàn|Viện)\b|\b(?:các|Các|mỗi|Mỗi)\s+(?:cơ quan|đơn vị|sở|phòng|địa phương|"
    r"ngành|xã|huyện|cán bộ)|\bThủ trưởng|\bGiám đốc|\bChủ tịch|\bTrưởng\b"
)
_U = UNIT.pattern
# a context that names who does the tasks (not who orders them: "Chủ tịch UBND tỉnh chỉ đạo:")
ADDRESSEE = re.compile(
    rf"(?:[Gg]iao|[Yy]êu cầu|[Đđ]ề nghị)\s+(?:cho\s+)?(?:{_U})|(?:{_U})[^:;.]{{0,80}}?\s(?:chủ trì|có trách nhiệm|"
    rf"thực hiện|triển khai|được giao)\b|^(?!.*(?:ý kiến|chỉ đạo|kết luận|thông báo))\W*(?:[\dIVX]+[.)]\s*)?(?:Đối với|Trách nhiệm của)?\s*(?:{_U})[^.;]{{0,120}}:?\s*$"
)
# a title that gives its tasks a period: "NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ NĂM 2026"
PERIOD = re.compile(
    r"(?:nhiệm vụ|giải pháp|kế hoạch|chương trình|phương hướng)[^\n]{0,120}?\b(?:năm|giai đoạn)\s+\d{4}", re.I
)
_HEADING_ASSIGNS = re.compile(r"TỔ CHỨC THỰC HIỆN", re.I)
_SECTION_TIME = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:Thời gian|Thời hạn)", re.I)


def _short(task: str | None, n: int = 70) -> str:
    t = (task or "").strip()
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def _context(seg: Segment | None, segs: list[Segment]) -> str:
    """What a task's segment inherits: its lead-in (and the lead-in's own), heading, subheading and the
    section's time line."""
    if seg is None:
        return ""
    sub = seg.subheading
    if sub is not None and seg.marker and _marker_kind(sub.marker) == _marker_kind(seg.marker):
        sub = None  # "3." under "1. Bộ trưởng các Bộ ...": a sibling item, not its title
    parts = [x.text for x in (seg.lead, seg.heading, sub) if x is not None]
    up = seg.lead.lead if seg.lead is not None else None  # "2. Trách nhiệm cụ thể:" > "a) Cục ...:" > "- ..."
    if up is not None and up is not seg.lead:
        parts.append(up.text)
    if seg.heading is not None:
        parts += [s.text for s in segs if s.heading is seg.heading and _SECTION_TIME.match(s.body)]
    return "\n".join(parts)


def _marker_kind(marker: str) -> str:
    """The numbering style of a list marker: ``1.`` digit, ``a)`` letter, ``II.`` roman, ``-`` dash.

    >>> [_marker_kind(m) for m in ("3.", "12)", "đ)", "IV.", "-", "")]
    ['digit', 'digit', 'letter', 'roman', 'dash', '']
    """
    m = marker.strip(" *_")
    if not m:
        return ""
    if m[0].isdigit():
        return "digit"
    if re.fullmatch(r"[IVXLC]+[.)]?", m):
        return "roman"
    if m[0].isalpha():
        return "letter"
    return "dash"


# a unit the task addresses or reports to, not one that leads it ("tham mưu Ủy ban nhân dân tỉnh", "gửi Sở Nội vụ")
_OBJECT_UNIT = re.compile(
    rf"\b(?:tham mưu(?: giúp)?|báo cáo|gửi(?: về)?|trình|phối hợp(?: với)?|đề nghị|của|cho|với|thuộc|tại|giúp|"
    rf"theo|đến|để)\s+(?:(?:các|cho)\s+)?(?:{UNIT.pattern})",
    re.I,
)


# a list of standing duties ("... có trách nhiệm:", "2. Trách nhiệm cụ thể:"), not of tasks due at a date
RESPONSIBILITY = re.compile(r"\btrách nhiệm\b|chức năng,? nhiệm vụ", re.I)
COMPLETION = re.compile(r"\W*Hoàn thành\b[^.;]{0,200}?\b(?:trước|chậm nhất|trong (?:tháng|quý|năm))\b", re.I)
# what is no task to follow up: a request to a superior (kính trình ... xem xét), the letter's own
# implementation (triển khai thực hiện Chỉ thị này), a plan told in the future (Sở Nội vụ sẽ tập huấn ...)
NOT_A_TASK = re.compile(
    r"kính trình|xin ý kiến|"
    r"(?:thực hiện|triển khai|quán triệt)[^.;]{0,60}\b(?:Chỉ thị|Kế hoạch|Quyết định|Thông báo|Công văn|Chương trình|"
    r"Văn bản|Công điện|Nghị quyết) này\b|\bsẽ\s+(?:\w+\s+){0,2}(?:tổ chức|tập huấn|báo cáo|cung cấp|ban hành|"
    r"triển khai|thực hiện|hướng dẫn|gửi|trình|xây dựng)",
)


def check(ctx: Context) -> list[Finding]:
    info = ctx.info
    segs = segments(ctx.doc)
    if info is not None and info.doc_type == "Tin bài" and len(segs) >= 3:
        return []  # a news report tells what was said and done, it assigns nothing (a pasted sentence is checked)
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    covered: list[tuple[int, int]] = []
    led = _led_lists(ctx, segs)
    # "4. Hoàn thành dự thảo báo cáo ..., gửi ... trước 11g00 ngày 06/11/2025": one deadline for all the items
    timed = {_parent(x) for x in segs if x.marker and COMPLETION.match(x.body)} - {None}
    for a in ctx.facts("assignments"):
        ev = a.evidence
        covered.append((ev.start, ev.end))
        task = (a.task or "").strip()
        if len(task.split()) < 3 or re.match(r"phối hợp\b", task, re.I):
            continue  # a support unit is no task
        key = (ev.start, ev.end)
        if key in seen or NOT_A_TASK.search(ctx.doc.view[ev.start : ev.end]):
            continue
        seg = _segment_at(segs, ev.start)
        around = _context(seg, segs)
        when = around + _caption(ctx, ev.start)  # a table's title gives its rows a period, not a lead
        text = f"{task} {ctx.doc.view[ev.start : ev.end]}"
        # a unit the task reports to or supports is no lead, where the items beside it name their leads
        own = _OBJECT_UNIT.sub(" ", task) if _parent(seg) in led else task
        if not a.lead and not UNIT.search(f"{own}\n{around}"):
            seen.add(key)
            out.append(
                Finding("task.no_lead", "warning", f"Nhiệm vụ chưa có đơn vị chủ trì: “{_short(task)}”.", ev)
            )
        elif (
            not a.deadline
            and not DEADLINE.search(f"{text}\n{when}")
            and not ONGOING.match(task)
            and not any(PERIOD.search(t) for t in when.split("\n"))
            and _parent(seg) not in timed
            and not RESPONSIBILITY.search(around)
            and not any(
                _SECTION_TIME.match(x) for x in around.split("\n")
            )  # "3. Thời gian kiểm tra: Theo Phụ lục I"
        ):
            seen.add(key)
            out.append(Finding("task.no_deadline", "warning",
                               f"Nhiệm vụ chưa có thời hạn hoặc tần suất thực hiện: “{_short(task)}”.", ev))  # fmt: skip
    out += _unassigned(ctx, segs, covered, led)
    return out


def _parent(seg: Segment | None) -> int | None:
    """Where a segment's list starts: its lead-in, else its subheading, else its heading."""
    if seg is None:
        return None
    sub = seg.subheading
    if sub is not None and seg.marker and _marker_kind(sub.marker) == _marker_kind(seg.marker):
        sub = None
    up = seg.lead or sub or seg.heading
    return up.start if up is not None else None


_NAMES_LEAD = re.compile(rf"\W*(?:Giao\s+(?:cho\s+)?)?(?:{UNIT.pattern})")


def _led_lists(ctx: Context, segs: list[Segment]) -> set[int]:
    """The lists whose items name their own lead units ("a) Sở Tài chính: ...", "2. Giao Sở Y tế ...")."""
    out = {
        _parent(_segment_at(segs, a.evidence.start))
        for a in ctx.facts("assignments")
        if a.lead and _specific(a.lead[0])
    }
    out |= {_parent(s) for s in segs if s.marker and _NAMES_LEAD.match(s.body) and _specific(s.body)}
    return out - {None}


def _specific(unit: str) -> bool:
    """A unit or a head named to lead (Sở Tư pháp, Bộ trưởng các Bộ), not a bare group (các cơ quan, đơn vị).

    >>> _specific("Giao Sở Tư pháp chủ trì"), _specific("Các cơ quan, đơn vị phải"), _specific("Thủ trưởng các sở")
    (True, False, True)
    """
    return not re.match(r"\W*(?:Giao\s+(?:cho\s+)?)?(?:các|mỗi)\b", unit, re.I)


def _caption(ctx: Context, at: int) -> str:
    """The title above the table a task row is in (``NHIỆM VỤ, GIẢI PHÁP ... NĂM 2022``), else ""."""
    for t in tables(ctx.doc):
        if t.start <= at < t.end:
            above = [
                x
                for x in ctx.doc.view[max(0, t.header_start - 400) : t.header_start].split("\n")
                if x.strip()
            ]
            return "\n" + " ".join(x.strip() for x in above[-3:])  # one title, however its lines were cut
    return ""


def _segment_at(segs: list[Segment], offset: int) -> Segment | None:
    for s in segs:
        if s.start <= offset < s.end:
            return s
    return None


SUPPORT = re.compile(
    r"phối hợp(?:\s+với)?\s+(?:(?!\b(?:tham mưu|tổ chức|xây dựng|rà soát|thực hiện|triển khai|tham gia|báo cáo|"
    r"hoàn thành|kiểm tra|cập nhật)\b)[^;.])*",
    re.I,
)
# a lead named after the task ("... (Sở Nội vụ chủ trì)", "Đơn vị thực hiện: ...")
_NAMED_LEAD = re.compile(
    r"(?:Đơn vị|Cơ quan|đơn vị|cơ quan) (?:chủ trì|thực hiện)|\s(?:chủ trì|được giao)\b[^,;]{0,5}$|"
    r"\((?:[^()]{0,60}\s)?chủ trì\)"
)
_LEAD_IN = re.compile(
    r"(?:yêu cầu|đề nghị|\bgiao\b|chỉ đạo|ý kiến|kết luận|nhiệm vụ|triển khai|như sau)[^:]*:\s*$", re.I
)


# a task's own dated deadline ("trình Thủ tướng Chính phủ trong tháng 11 năm 2025", "trước ngày 20/12/2025")
_DATED = re.compile(
    r"\b(?:trước|trong|chậm nhất|hoàn thành|xong)\b[^.;:]{0,12}?\b(?:ngày|tháng|quý)\s*(?:\d|[IV]+\b)", re.I
)


def _unassigned(
    ctx: Context, segs: list[Segment], covered: list[tuple[int, int]], led: set[int]
) -> list[Finding]:
    """Tasks that name no unit: items under a directive lead-in or under TỔ CHỨC THỰC HIỆN that start
    with a verb, or sentences with a deadline, where neither they nor their context names a unit
    (a unit it supports, ``phối hợp với các sở``, is not its lead)."""
    out = []
    info = ctx.info
    prev: Segment | None = None
    for s in segs:
        before, prev = prev, s
        if s.kind not in ("list_item", "paragraph") or any(a < s.end and s.start < b for a, b in covered):
            continue
        body = s.body.strip()
        own = SUPPORT.sub("", re.sub(r"^[^:]{3,40}:\s*", "", body)).strip(
            " ,;"
        )  # "Giải pháp khắc phục: Rà soát ..."
        if len(body) < 20 or len(body) > 600 or _NAMED_LEAD.search(own) or NOT_A_TASK.search(body):
            continue
        around = _context(s, segs)
        dated = bool(
            re.search(r"\b(?:hoàn thành|xong|gửi|báo cáo)\b[^.;]{0,60}\btrước\s+(?:ngày|\d)", body, re.I)
        )
        if any(ADDRESSEE.search(t) for t in around.split("\n")) or (
            context_kind(s) == "shortcoming" and not dated
        ):
            continue
        under_lead = (s.marker and s.lead is not None and lead_kind(s.lead) == "directive") or (
            not s.marker
            and before is not None
            and bool(_LEAD_IN.search(before.text))
            and not ADDRESSEE.search(before.text)
        )
        under_heading = s.marker and s.heading is not None and _HEADING_ASSIGNS.search(s.heading.text)
        # an item with its own deadline in a list whose other items name their leads
        among_led = bool(s.marker) and _parent(s) in led and bool(_DATED.search(body))
        if not TASK_VERB.match(own) or not (under_lead or under_heading or dated or among_led):
            continue
        if (
            s.marker
            and under_lead
            and not under_heading
            and not dated
            and info is not None
            and info.recipients
        ):
            continue  # a công văn's list is addressed to its "Kính gửi" recipients
        ev = Evidence.of(ctx.doc, s.body_start, s.end)
        out.append(
            Finding("task.no_lead", "warning", f"Nhiệm vụ chưa có đơn vị chủ trì: “{_short(body)}”.", ev)
        )
    return out
