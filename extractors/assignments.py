"""Tasks given to units: who leads, who supports, by when, and the criterion row of a task table.

How Vietnamese directives, plans, conclusions and decisions assign work, read in three ways:

- **structure**: the body as paragraphs in a tree of list levels. A title that names units
  (``1. Văn phòng UBND tỉnh``, ``7. Trách nhiệm của các sở, ban, ngành``) or a lead-in that assigns
  them (``b) Giao Sở Nội vụ:``, ``Giao Sở Tư pháp chủ trì, phối hợp với ...:``) owns the items below
  it: each item that opens with a verb is a task of those units, with the lead-in's deadline when the
  item states none. Items under a heading of tasks (``II. NHIỆM VỤ, GIẢI PHÁP``) that name nobody are
  tasks with an empty lead. Sub-lines ``Đơn vị chủ trì thực hiện:``, ``Đơn vị phối hợp:``, ``Thời
  gian hoàn thành:`` fill the item above them;
- **sentences**: ``giao/yêu cầu/đề nghị <units> <task>``, ``<units> chủ trì, phối hợp với <units>
  <task>``, ``<units> có trách nhiệm/tham mưu/cần <task>``, the closing article of a Quyết định
  (``Chánh Văn phòng ..., Giám đốc ... chịu trách nhiệm thi hành Quyết định này``), and in a news
  report the sentences that go on with the same subject (``Đồng thời, phối hợp với ...``);
- **task tables** (``TT | Nội dung | Đơn vị chủ trì | Phối hợp | Thời gian``) from the table reader,
  as logical rows: a row with no number continues the row above, a unit cell that starts in lower
  case continues the cell above (a merged cell split by a page break), and an empty unit cell takes
  the unit above it within the section (merged down several rows).

Deadlines are read by :mod:`extractors.deadlines` in the task, else in the lead-in or the heading
of its section; an event the task waits for (``Sau khi UBND tỉnh ban hành ..., giao ...``) is its
deadline when no date is given.

>>> from docmine.parsers.text import from_string
>>> a = extract(from_string("Giao Văn phòng Sở chủ trì, phối hợp với Phòng Tài chính rà soát quy trình hàng quý."))[0]
>>> a.lead, a.support, a.task, a.deadline
(['Văn phòng Sở'], ['Phòng Tài chính'], 'rà soát quy trình hàng quý', 'hàng quý')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmine.facts import Assignment, Evidence
from docmine.model import Document
from docmine.normalize import UPPER
from extractors.common import clean
from extractors.deadlines import DATED, Deadline, cell_deadline, find_deadline
from extractors.discourse import sentences
from extractors.outline import Para, paragraphs
from extractors.similar import contained, dice
from extractors.tables import TableView, in_spans, row_span, tables
from extractors.units import UNIT_HEAD, is_unit, names_only, split_units, starts_with_verb, units_then_task

# ---------------------------------------------------------------- reading a directive: who is given what


# who is told to do something: after ``giao``, ``yêu cầu``, ``đề nghị`` ... (not ``được giao``, ``giao dịch``)
_TRIGGER = re.compile(
    r"(?:^|(?<=[\s,:;(]))(?<!được )(?<!bị )"
    r"(?:[Yy]êu cầu|[Đđ]ề nghị|[Gg]iao cho|[Pp]hân công(?: cho)?|[Kk]iến nghị|[Ủủ]y quyền cho|[Ll]ưu ý"
    r"|[Kk]ính (?:đề xuất|đề nghị|trình)"
    r"|[Gg]iao(?!\s+(?:dịch|thông|lưu|diện|tiếp|ban|nộp|nhận|kết quả|ước|thoa|hàng|việc|nhiệm vụ|khoán|đất|quyền)\b))"
    r"\s*,?\s+(?=\S)"
)
# a trigger's words in lower case: a quick test before _TRIGGER, which is tried at every offset
_TRIGGER_HINT = re.compile("yêu cầu|đề nghị|giao|phân công|kiến nghị|ủy quyền|lưu ý|kính")
_ADVERBIAL = re.compile(
    r"\s*(?:(?i:(?:ngay\s+)?(?:sau khi|khi|trước khi|căn cứ|trên cơ sở|để|đối với|về|trong|đồng thời|bên cạnh đó|ngoài ra|với|"
    r"theo|định kỳ|hằng|hàng|tiếp theo|trước mắt|từ nay|cụ thể|nếu|trường hợp))\b[^;:]{0,260}?[,:;]\s*"
    r"|(?i:trong\s+)?(?i:thời gian tới|năm tới|tới đây)\s*,?\s*)+",
)
_OPENER = re.compile(r"\s*(?:Trên cơ sở|Căn cứ|Để|Sau khi|Khi|Trước khi|Theo|Nhằm|Ngay sau khi)\b")
_TOPIC_OPENER = re.compile(r"\s*(?:Về|Đối với|Riêng)\b")
_AUTHORITY = re.compile(
    r"^\s*(?:[\w ]{0,40}(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Chính phủ|"
    r"Ban Chỉ đạo|đồng chí)[^,;:]{0,80}|Đồng thời|Tiếp tục|Đồng chí[^,;:]{0,80})\s*,?\s*$"
)
_LEADING_CLAUSE = re.compile(r"\s*(?:căn cứ|trên cơ sở|dựa trên|dựa vào)\b", re.I)
_COMMA = re.compile(r"[,;]\s+")
_UNIT_START = re.compile(rf"[{UPPER}]|(?:các|mỗi|từng)\s")
_SHORT_LABEL = re.compile(
    rf"\s*(?!(?:Các|Mỗi|Từng)\s)[{UPPER}][^:;.()]{{2,40}}:\s+(?=[{UPPER}])"
)  # ``Liệt kê tài liệu: Các cơ quan ...``
_TOPIC_LABEL = re.compile(r"\s*(?:Đối với|Về|Riêng)\b[^:;.]{0,240}:\s*")  # ``Về chủ trương đầu tư ...: ``
_SECTION_LABEL = re.compile(
    r"^\s*(?:Đề xuất\s+)?(?:Giải pháp|Biện pháp|Nhiệm vụ)(?:\s+khắc phục)?\s*:\s*", re.I
)
_CLAUSE_OPENER = re.compile(r"^\s*(?:Riêng|Đồng thời|Bên cạnh đó|Ngoài ra|Trong đó)\s*,?\s*")
_SPEAKER_VERB = re.compile(r"^(?:chỉ đạo|kết luận|lưu ý|nhấn mạnh|ghi nhận|thống nhất|quyết định)\b")
_FUTURE = re.compile(r"\ssẽ\s+(?:tiếp tục\s+)?$")
# a plural subject a letter addresses (``Các cơ quan, đơn vị, địa phương xây dựng báo cáo ...``)
_GENERIC_SUBJECT = re.compile(
    r"(?:các|mỗi|từng|tất cả các)\s+(?:cơ quan|đơn vị|địa phương|sở|ban|ngành|phòng|bộ|cấp|tổ chức)\b", re.I
)
# the heads of a group of offices as a subject are told what to do (``Thủ trưởng các sở, ngành căn cứ ...``)
_HEADS_OF_MANY = re.compile(
    r"(?:Thủ trưởng|Chủ tịch|Giám đốc|Người đứng đầu|Bộ trưởng)\s+(?:\w+\s+)?(?:các|mỗi|từng)\s", re.I
)
_OWN_VERB = re.compile(
    r"(?:chủ trì(?!\s+(?:cuộc|hội nghị|buổi|phiên|họp|lễ))|phối hợp|cần|phải|tham mưu|có trách nhiệm|chịu trách nhiệm"
    r"|làm đầu mối|là đầu mối)\b"
)
# ``Sở X được UBND tỉnh giao thường xuyên theo dõi ...``: the units a task was given to, in the passive
_PASSIVE = re.compile(r"\s+được\s+(?:[^,;.]{0,40}?\s)?(?:giao|phân công|yêu cầu)(?:\s+nhiệm vụ)?\s+")
_MODAL = re.compile(r"^(?:cần|có trách nhiệm)\s*:?\s+")
_LEAD_THEN_SUPPORT = re.compile(r"^(?:chủ trì|thực hiện)\s*,?\s*(?=phối hợp|cùng)", re.I)
_LEADS = re.compile(r"^chủ trì\s*,?\s*", re.I)
_SUPPORTS = re.compile(r"(?:phối hợp|cùng)\s+(?:chặt chẽ\s+)?(?:với\s+)?", re.I)
_PURPOSE_START = re.compile(r"(?:trong việc|về việc|để|nhằm)\b")
_CONDITION_START = re.compile(r"\s*(?:Ngay\s+)?(?:[Ss]au khi|[Kk]hi|[Tt]rước khi)\s")


@dataclass
class Parsed:
    lead: list[str]
    support: list[str]
    task: str
    condition: str | None = None  # ``Khi có kết quả ... giao ...``: the event the task waits for
    subject: bool = False  # the units are the sentence's subject (not named after ``giao``/``yêu cầu``)


def parse_directive(s: str) -> tuple[list[str], list[str], str] | None:
    """``<units> [chủ trì, phối hợp với <units>] <task>`` into lead, support, task.

    >>> parse_directive("phòng Người có công phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ cấp xã")
    (['phòng Người có công'], ['Phòng LĐTBXH cấp huyện'], 'hướng dẫn cán bộ cấp xã')
    """
    lead, task = units_then_task(s)
    if not lead:
        return None
    support, task = _support(task)
    return lead, support, _MODAL.sub("", task)


def _support(task: str) -> tuple[list[str], str]:
    """``[chủ trì,] phối hợp (với) <units> <task>`` or ``chủ trì cùng với <units>``: the supporting
    units and the task after them."""
    task = _LEAD_THEN_SUPPORT.sub("", task)
    task = _LEADS.sub("", task)
    m = _SUPPORTS.match(task)
    if m:
        after = task[m.end() :]
        support, rest = units_then_task(after, loose=True)
        if support and _PURPOSE_START.match(rest):
            return support, task  # ``phối hợp với X trong việc Y``: working with X is the task
        if support:
            return support, rest.lstrip(" ,")
        after = after.strip().rstrip(":").strip()
        if names_only(after):  # a lead-in ends on the supporting units (``..., phối hợp với các sở:``)
            return split_units(after), ""
    return [], task


def _parse_own(text: str, item: bool, directive: bool, letter: bool = False) -> Parsed | None:
    """The units a sentence or item gives its task to: after a trigger (``giao``, ``yêu cầu`` ...), or
    as its subject followed by a directive verb (any verb where the context directs: an article of
    a decision, an item of a task list). In an item, only a trigger at its start counts (after an
    opening clause such as ``Sau khi ..., giao ...``, or the authority that directs): a trigger
    further on is inside the task."""
    label = _SECTION_LABEL.match(text) or item and (_TOPIC_LABEL.match(text) or _SHORT_LABEL.match(text))
    base = label.end() if label else 0
    directive = directive or bool(label)
    adv = _ADVERBIAL.match(text, base)
    for m in _TRIGGER.finditer(text, base) if _TRIGGER_HINT.search(text.lower()) else ():
        before = text[base : m.start()]
        if (
            item
            and before.strip()
            and not (adv and m.start() <= adv.end() + 1)
            and not _AUTHORITY.match(before)
            and not _TOPIC_OPENER.match(before)
            and not (_OPENER.match(before) and before.rstrip().endswith(","))
        ):
            break
        after = text[m.end() :]
        skips = [0]
        if _LEADING_CLAUSE.match(after):  # ``yêu cầu, căn cứ kết quả ..., các sở ... có giải pháp``
            skips += [c.end() for c in _COMMA.finditer(after, 0, 260) if _UNIT_START.match(after, c.end())]
        for skip in skips:
            got = parse_directive(after[skip:])
            if got:
                lead, support, task = got
                cond = " ".join(before.split()).strip(" ,") if _CONDITION_START.match(before) else None
                return Parsed(lead, support, task, cond)
    start = adv.end() if adv else base
    body = _CLAUSE_OPENER.sub("", text[start:].lstrip(" ("))
    if UNIT_HEAD.match(body):
        passive = _PASSIVE.search(body, 0, 200)
        if passive and names_only(body[: passive.start()]) and starts_with_verb(body[passive.end() :]):
            support, task = _support(body[passive.end() :])
            return Parsed(split_units(body[: passive.start()]), support, task, subject=True)
        units, rest = units_then_task(body)
        if units and _SPEAKER_VERB.match(rest):  # ``Chủ tịch UBND tỉnh chỉ đạo các sở ... rà soát``
            got = parse_directive(rest[_SPEAKER_VERB.match(rest).end() :].lstrip(" :,"))
            if got:
                return Parsed(got[0], got[1], got[2])
            return None
        promised = _FUTURE.search(body[: len(body) - len(rest)])  # ``Trung tâm sẽ tổ chức ...``
        if units and (
            directive
            or _OWN_VERB.match(rest)
            or promised
            or _HEADS_OF_MANY.match(units[0])
            or letter
            and _GENERIC_SUBJECT.match(units[0])
        ):
            got = parse_directive(body)
            if got:
                lead, support, task = got
                opening = text[:start]
                cond = " ".join(opening.split()).strip(" ,:") if _CONDITION_START.match(opening) else None
                return Parsed(lead, support, task, cond, subject=True)
    return None


# ---------------------------------------------------------------- titles, lead-ins and sections that own the items below them

_TITLE_PREFIX = re.compile(
    r"^\s*(?:Trách nhiệm|Nhiệm vụ|Đối với|Về phía|Giao)(?:\s+(?:của|cho|thực hiện))?\s+", re.I
)
_GIAO = re.compile(r"^(?:Giao|giao)\s+")
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
_OWNER_VERB = re.compile(
    r"(?:thực hiện|triển khai|tập trung|tổ chức thực hiện|khẩn trương|chủ động|nghiêm túc)\b"
)
_PURPOSE = re.compile(r"\s(?:nhằm|để|với mục tiêu|góp phần)\s")
_AS_FOLLOWS = re.compile(r"(?:như|gồm)\s*$")
_ITEMS_FOLLOW = re.compile(
    r"(?:nội dung|nhiệm vụ|công việc|việc|giải pháp|biện pháp|yêu cầu|hoạt động)[^.;]{0,40}\b(?:sau|như sau|sau đây|cụ thể)\s*$"
)
_BOILER = re.compile(
    r"\b(?:thực hiện|triển khai|nghiêm túc|các nội dung|nội dung|trên|này|công văn|kế hoạch|tổ chức|có hiệu quả|"
    r"nhận được|theo|đúng|quy định|yêu cầu|chỉ đạo|sau|như sau|cụ thể|các|một số|nhiệm vụ|những|việc|tốt|sau đây|"
    r"giải pháp|đầy đủ|kịp thời|nghiêm|tập trung|khẩn trương|được giao|chủ động|biết|hiện)\b",
    re.I,
)
_WORD = re.compile(r"\w+")
_CONCLUDES = re.compile(
    r"(?:kết luận|chỉ đạo)(?:\s+và\s+(?:chỉ đạo|giao nhiệm vụ))?\s+(?:như sau|cụ thể)\s*:\s*$"
)
_TASK_HEADING = re.compile(r"NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|PHÂN CÔNG|PHƯƠNG HƯỚNG", re.I)
_OTHER_HEADING = re.compile(
    r"MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|NỘI DUNG|PHƯƠNG PHÁP|KINH PHÍ|THỜI GIAN|CĂN CỨ|HẠN CHẾ|"
    r"TỒN TẠI|NGUYÊN NHÂN|ĐỀ CƯƠNG|PHỤ LỤC|BỐI CẢNH|THỰC TRẠNG|SỰ CẦN THIẾT|QUAN ĐIỂM|KHÓ KHĂN|KIẾN NGHỊ|LỢI ÍCH|"
    r"PHƯƠNG ÁN",
    re.I,
)


@dataclass
class Owner:
    lead: list[str]
    support: list[str]
    deadline: Deadline | None = None
    task: str | None = None  # what a lead-in itself asks, told by its items (else a task of its own)
    section: bool = False  # made up from a section's deadline alone: names no unit


def _owner_of(p: Para) -> Owner | None:
    """The units a title or a lead-in gives the items below it."""
    body = p.body_text.strip().rstrip(":").strip()
    if p.is_title or p.text.rstrip(" |").endswith(":") or p.n_children:
        t = _TITLE_PREFIX.sub("", body)
        t = _GIAO.sub("", t)
        if names_only(t) and not _SENTENCE_INSIDE.search(t):
            units = split_units(t)
            if units:
                return Owner(units, [])
        last = sentences(body)
        tail = body[last[-1][0] :] if last else body
        trig = next(_TRIGGER.finditer(tail), None)
        if trig is not None and names_only(tail[trig.end() :].strip(" :")):  # ``..., giao Trung tâm X:``
            return Owner(split_units(tail[trig.end() :].strip(" :")), [])
        own = _parse_own(tail, item=bool(p.kind), directive=True)
        if (
            own is None
            or own.subject
            and own.task
            and not (_OWNER_VERB.match(own.task) or _OWN_VERB.match(own.task))
        ):
            return None  # ``Trung tâm báo cáo kết quả như sau:`` introduces a report
        task = _PURPOSE.split(own.task)[0]
        if _is_boilerplate(_AS_FOLLOWS.sub("", task)) or _ITEMS_FOLLOW.search(task):
            return Owner(own.lead, own.support, find_deadline(body[last[-1][0] :] if last else body))
        if p.text.rstrip(" |").endswith(":") and p.n_children:  # ``... yêu cầu A, B tăng cường ..., cụ thể:``
            return Owner(
                own.lead, own.support, find_deadline(body[last[-1][0] :] if last else body), own.task
            )
    return None


def _is_boilerplate(task: str) -> bool:
    """A task that says nothing but ``thực hiện nghiêm túc các nội dung trên``."""
    return len(_WORD.findall(_BOILER.sub(" ", task))) < 2


def _topic(p: Para) -> str | None:
    """``task`` for a heading or title of tasks (``II. NHIỆM VỤ, GIẢI PHÁP``, ``2. Nhiệm vụ cụ thể``),
    ``other`` for one of aims, results, contents (``I. MỤC ĐÍCH, YÊU CẦU``)."""
    if _CONCLUDES.search(p.text):  # ``... kết luận và chỉ đạo như sau:``: its items direct
        return "task"
    if not (p.is_heading or p.is_title):
        return None
    t = p.body_text
    if _OTHER_HEADING.search(t):
        return "other"
    return "task" if _TASK_HEADING.search(t) else None


def _cached(p: Para, key: str, fn):
    """``fn(p)``, worked out once per paragraph (a heading is asked by every item below it)."""
    if key not in p.__dict__:
        p.__dict__[key] = fn(p)
    return p.__dict__[key]


def _section_deadline(p: Para) -> Deadline | None:
    if not (p.is_heading or p.is_title):
        return None
    dl = find_deadline(p.body_text)
    return dl if dl is not None and dl.kind in DATED else None


def _context(
    p: Para, owners: dict[int, Owner | None], made: dict[int, _Task]
) -> tuple[Owner | None, str | None, bool]:
    """The owner of ``p`` (the nearest title or lead-in above it that names units), the topic of its
    section, and whether it is a detail of a task above it (an item under ``Xây dựng báo cáo ... gồm:``)."""
    owner = topic = None
    when = None
    parent = p.parent
    detail = parent is not None and id(parent) in made and owners.get(id(parent)) is None
    q = parent
    while q is not None:
        if owner is None and owners.get(id(q)) is not None:
            owner = owners[id(q)]
        if topic is None:
            topic = _cached(q, "topic", _topic)
        if when is None:  # ``I. NHIỆM VỤ CẦN LÀM NGAY TRONG THÁNG 12/2025``
            when = _cached(q, "when", _section_deadline)
        q = q.parent
    if when is not None:
        owner = (
            Owner(owner.lead, owner.support, owner.deadline or when, owner.task)
            if owner
            else Owner([], [], when, section=True)
        )
    return owner, topic, detail


def _title_split(p: Para) -> tuple[list[str], int] | None:
    """A numbered title naming units whose task starts on the next line in upper case (a text that
    keeps no blank line between them): the units and where the task begins."""
    if not p.kind or not p.breaks:
        return None
    for b in p.breaks:
        head = p.text[p.body - p.start : b - p.start].strip(" ,")
        rest = p.text[b - p.start :]
        if head and is_unit(head) and starts_with_verb(rest) and not _PUNCT.search(head):
            units = split_units(head)
            if units:
                return units, b
    return None


# ---------------------------------------------------------------- a task and its fields

_CONDITION = re.compile(r"^\s*((?:Ngay\s+)?(?:[Ss]au khi|[Kk]hi|[Tt]rước khi)\s+[^,:;]{5,160}?)\s*[,:]\s*")
_FIELD = re.compile(
    r"^\s*(?P<label>(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:chủ trì\s+thực hiện|chủ trì|thực hiện|phối hợp(?:\s+thực hiện)?|"
    r"được giao|chịu trách nhiệm)|(?:Thời gian|Thời hạn|Tiến độ|Lộ trình)(?:\s+(?:hoàn thành|thực hiện|báo cáo))?|"
    r"Chủ trì|Phối hợp|Sản phẩm|Kết quả|Kinh phí)\s*:\s*",
    re.I,
)
_LEAD_SUPPORT_FIELD = re.compile(r"(.+?)\s+chủ trì\s*,?\s*(?:phối hợp|cùng)\s+(?:với\s+)?(.+)$")
_GOAL_CLAUSE = re.compile(r"\s*;\s*phấn đấu\b")
_DONE = re.compile(r"\s*(?:,\s*)?(?:hoàn thành|xong)\s*(?=[,.;]|$)")
_END_MARK = re.compile(r"\s*\./\.?\s*$|\s*\.\s*$")
_BASIS = re.compile(r"^\s*Căn cứ[^,;]{0,60}[,;]\s*")
_PERIPHRASIS = re.compile(r"^(?:thực hiện|tiến hành)\s+việc\s+(?=\w)", re.I)
_DANGLING = re.compile(r"\s+(?:về|cho|với|đến|và|để)\s*$")
_TARGET = re.compile(r"phấn đấu\b", re.I)  # a goal, read by the targets extractor
_ENDS_AS = re.compile(r"\bnhư$")
_INNER_SUBJECT = re.compile(
    r"(?:^|[.;]\s+)(?:(?:Đồng thời|Bên cạnh đó|Ngoài ra|Trong đó)\s*,?\s*)?(?=[^\W\d_])"
)
_MODAL_START = re.compile(r"(?:cần|phải|có trách nhiệm)\b")
_PHOI_HOP = re.compile(r"(?<![\w])(?:[Pp]hối hợp|[Cc]ùng)\s+(?:chặt chẽ\s+)?(?:với\s+)?(?=\S)")
_CLAUSE_END = re.compile(r"[,;.(]\s")


@dataclass
class _Task:
    start: int
    end: int
    task: str
    lead: list[str]
    support: list[str]
    deadline: str | None
    para: Para | None = None
    own: bool = True  # its units are its own (not inherited)
    by_subject: bool = False  # its units are the subject of its sentence: the next sentences may go on
    support_inside: bool = False  # its support was read from its own words (``... phối hợp với X ...``)
    criterion: str | None = None  # the row's number in a task table


def _task_text(t: str, dl: Deadline | None = None) -> str:
    """A task tidied: emphasis, a date deadline and trailing punctuation taken out."""
    if dl is not None and dl.kind in DATED and 0 <= dl.start < dl.end <= len(t):
        t = t[: dl.start] + " " + t[dl.end :]
    t = _GOAL_CLAUSE.split(t)[0]  # ``...; phấn đấu đến hết năm 2025 đạt 70% ...`` is a target
    t = _DONE.sub("", " ".join(t.replace("*", " ").split()))
    t = _END_MARK.sub("", t.strip(" ;,|"))
    t = _BASIS.sub("", t)
    t = _PERIPHRASIS.sub("", t)
    t = _DANGLING.sub("", t)
    return clean(t).strip(" ,;:")


def _subject_inside(task: str) -> list[str]:
    """Units a task names nobody for are those a later sentence of it makes its subject with a
    modal (``... . Mỗi cơ quan, đơn vị phải xây dựng ...``)."""
    for m in _INNER_SUBJECT.finditer(task):
        if m.start() == 0:
            continue
        units, rest = units_then_task(task[m.end() :])
        if units and _MODAL_START.match(rest):
            return units
    return []


def _support_inside(task: str) -> list[str]:
    """Units a task works with, named after ``phối hợp (với)`` inside it."""
    out: list[str] = []
    for m in _PHOI_HOP.finditer(task):
        after = task[m.end() :]
        units, _ = units_then_task(after)
        if not units:
            head = _CLAUSE_END.split(after, maxsplit=1)[0]
            units = split_units(head) if names_only(head) else []
        out += [u for u in units if u not in out]
    return out


def _make(
    doc: Document,
    start: int,
    end: int,
    text: str,
    task_at: int,
    parsed_task: str | None,
    lead: list[str],
    support: list[str],
    inherited: Deadline | None,
    condition: str | None = None,
) -> _Task | None:
    """A task from ``text`` (the view of ``doc.text[start:end]`` blanked); the task is ``parsed_task``
    or what follows ``task_at``."""
    raw = parsed_task if parsed_task is not None else text[task_at:]
    cond = _CONDITION.match(raw)
    dl = find_deadline(raw)
    deadline = dl.value if dl else None
    if cond and (dl is None or dl.kind not in DATED):
        deadline = " ".join(cond.group(1).split())
        raw, dl = raw[cond.end() :], None
        inner = _TRIGGER.match(raw)
        if inner:
            got = parse_directive(raw[inner.end() :])
            if got:
                lead, support, raw = got
    fields = _FIELD.search(raw)
    if fields and fields.start() > 20:
        raw = raw[: fields.start()]
    task = _task_text(raw, dl if dl and dl.end <= len(raw) else None)
    if not task or _is_boilerplate(task) or _ENDS_AS.search(task) or _TARGET.match(task):
        return None
    if not lead:
        lead = _subject_inside(task)
    inside = not support
    if inside:
        support = [u for u in _support_inside(task) if u not in lead]
    if condition and (dl is None or dl.kind not in DATED):
        deadline = condition
    if inherited is not None and (
        deadline is None or dl is not None and dl.kind == "regular" and inherited.kind != "regular"
    ):
        deadline = inherited.value
    return _Task(start, end, task, lead, support, deadline, support_inside=inside)


def _fill(made: dict[int, _Task], out: list[_Task], p: Para, value: str, label: str) -> None:
    """A sub-line ``Đơn vị thực hiện: ...`` / ``Thời gian hoàn thành: ...`` fills the task above it
    (the item it belongs to, else the last task of its section, ``1.4. Lộ trình thực hiện: ...``)."""
    q = p.parent
    target = None
    while q is not None and target is None:
        target = made.get(id(q))
        q = q.parent
    if target is None and out and p.parent is not None:
        last = out[-1].para
        while last is not None and last is not p.parent:
            last = last.parent
        target = out[-1] if last is not None else None
    if target is None:
        return
    value = " ".join(value.split()).strip(" .;")
    low = label.lower()
    if low.startswith(("thời gian", "thời hạn", "tiến độ", "lộ trình")):
        dl = find_deadline(value)
        target.deadline = dl.value if dl else clean(value) or target.deadline
    elif "phối hợp" in low:
        target.support = split_units(value) or target.support
    elif not low.startswith(("sản phẩm", "kết quả", "kinh phí")):
        got = _LEAD_SUPPORT_FIELD.match(value)
        if got and is_unit(got.group(1)):
            target.lead, target.support = (
                split_units(got.group(1)),
                split_units(got.group(2)) or target.support,
            )
        else:
            target.lead = split_units(value) or ([value] if value else target.lead)
        target.end = max(target.end, p.end)


# ---------------------------------------------------------------- the body: lists, items and prose

# what a conclusion says of work done, not a task: ``Đánh giá cao ...``, ``Ghi nhận ...``, ``Thống nhất ...``
_PRAISE = re.compile(
    r"\s*(?:Đánh giá cao|Ghi nhận|Biểu dương|Khen ngợi|Thống nhất|Đồng ý|Nhất trí|Cơ bản thống nhất|Hoan nghênh)\b",
    re.I,
)
_NOT_TASK_START = re.compile(
    r"^\s*(?:Việc|Công tác|Kết quả|Tình hình|Số lượng|Thời gian|Nội dung|Kinh phí|Mục đích|Mục tiêu|Tỷ lệ|Phạm vi|"
    r"Đối tượng|Hình thức|Phương pháp|Giai đoạn|Năm \d|Từ tháng|Từ ngày|Ngày \d|Lý do|Chi phí|Tổng|Số)\b"
)
_ANNEX = re.compile(r"\s*(?:PHỤ LỤC|Phụ lục)\b")
_ATTACHED = re.compile(r"\s*(?:QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ)\b")
_DIRECTING = re.compile(r"\s*(?:QUYẾT ĐỊNH\s*:?\s*$|CHỈ THỊ\b|CÔNG ĐIỆN\b)")
_PUNCT = re.compile(r"[.;:!?]")
_NEXT_CLAUSE = re.compile(r"(?:;|\.(?=\s+[^\W\d_]))\s+(?=\S)")
_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[^\W\d_])")
_PROSE_END = re.compile(r"\.\s|:\s")
_SEMICOLON = re.compile(r";\s+(?=\S)")
_COMPLETION = re.compile(r"\s*(?:Hoàn thành|Thời gian hoàn thành|Thời hạn hoàn thành|Thời hạn)\b")
_CONNECTIVE = re.compile(
    r"^\s*(?:Đồng thời|Bên cạnh đó|Ngoài ra|Trên cơ sở đó|Song song đó|Mặt khác|Cùng với đó)\s*,\s*"
)


def _from_structure(doc: Document, skip: list[tuple[int, int]]) -> list[_Task]:
    out: list[_Task] = []
    paras = paragraphs(doc)
    owners: dict[int, Owner | None] = {}
    made: dict[int, _Task] = {}
    with_fields = {
        id(p.parent)
        for p in paras
        if p.parent is not None and p.kind in ("", "dash", "plus") and _FIELD.match(p.body_text)
    }
    decision = False  # after ``QUYẾT ĐỊNH:``, the articles direct
    annex = False
    letter = any(
        p.kind == "address" for p in paras
    )  # a letter to units: its plural subjects are told what to do
    carry: _Task | None = None  # a prose task whose subject the next sentences keep
    pending: list[tuple[Para, Owner]] = []
    for p in paras:
        if in_spans(skip, p.start) or p.kind == "address":
            continue
        body = p.body_text
        if _DIRECTING.match(p.text):
            decision = True  # the body of a decision, a directive or an official telegram directs
        if p.is_heading and _ANNEX.match(p.body_text):
            annex, decision = True, False  # an appendix lists and tabulates: no task unless one is given
        elif decision and p.is_heading and _ATTACHED.match(p.body_text):
            decision = False  # a regulation attached to the decision states duties, article by article
        if p.is_heading:
            carry = None
            continue
        owner = (
            _owner_of(p)
            if (p.is_title or p.n_children or p.text.rstrip(" |").endswith(":")) and len(body) > 3
            else None
        )
        owners[id(p)] = owner
        field_m = _FIELD.match(body)
        if field_m:
            _fill(made, out, p, body[field_m.end() :], field_m.group("label"))
            continue
        ctx_owner, topic, detail = _context(p, owners, made)
        if annex and topic == "task":
            topic = None
        in_list = bool(p.kind) or p.parent is not None and not p.parent.is_heading
        owned = ctx_owner is not None and not ctx_owner.section
        directive = p.kind == "article" or owned or topic == "task"
        if owner is not None and (p.is_title or p.text.rstrip(" |").endswith(":") or p.n_children):
            carry = None
            if owner.task:
                pending.append((p, owner))
            continue  # a title or lead-in that names units: its items are the tasks
        split = _title_split(p)
        if split is not None:  # ``1. Bộ trưởng các Bộ`` and the task on the next line
            owners[id(p)] = Owner(split[0], [])
            t = _make(doc, p.start, p.end, p.text, split[1] - p.start, None, split[0], [], None)
            if t:
                t.para, made[id(p)] = p, t
                out.append(t)
            continue
        if p.is_title and not p.text.rstrip().endswith(":"):
            continue
        own = _parse_own(body, item=True, directive=directive, letter=letter) if in_list else None
        if own is not None:
            t = _make(
                doc,
                p.start,
                p.end,
                p.text,
                0,
                own.task,
                own.lead,
                own.support,
                ctx_owner.deadline if ctx_owner else None,
                own.condition,
            )
            if t:
                t.para, made[id(p)] = p, t
                out.append(t)
                out.extend(_more_in(doc, p, t))
            carry = t
            continue
        topic_label = _TOPIC_LABEL.match(body)
        if topic_label and in_list:
            body = body[topic_label.end() :]
        if (
            in_list
            and not detail
            and (owned or topic == "task" or id(p) in with_fields)
            and not _PRAISE.match(body)
        ):
            if (
                id(p) in with_fields
                or starts_with_verb(body)
                or owned
                and ctx_owner.lead
                and not _NOT_TASK_START.match(body)
                and body[:1].isupper()
            ):
                lead = ctx_owner.lead if ctx_owner else []
                support = ctx_owner.support if ctx_owner else []
                support_here, rest = _support(body.strip())
                t = _make(
                    doc,
                    p.start,
                    p.end,
                    p.text,
                    0,
                    rest,
                    list(lead),
                    support_here or list(support),
                    ctx_owner.deadline if ctx_owner else None,
                )
                if t:
                    t.para, t.own, made[id(p)] = p, False, t
                    out.append(t)
                    out.extend(_more_in(doc, p, t, directive=True))
                continue
        carry = _prose(doc, p, out, carry, directive or decision, letter)
    told = set()
    for t in out:
        q = t.para.parent if t.para is not None else None
        while q is not None:
            told.add(id(q))
            q = q.parent
    for p, owner in pending:  # a lead-in whose items are details (``... gồm:``) is a task itself
        if id(p) not in told and owner.task:
            t = _make(doc, p.start, p.end, p.text, 0, owner.task, owner.lead, owner.support, owner.deadline)
            if t:
                t.para = p
                out.append(t)
    out.sort(key=lambda t: t.start)
    return _drop_lead_ins(out, made)


def _more_in(doc: Document, p: Para, t: _Task, directive: bool = False) -> list[_Task]:
    """Other units given their own task further in the same item, after ``;`` or in a sentence of
    their own (``...; Bộ Khoa học và Công nghệ hướng dẫn ...``, ``Riêng phòng X phối hợp ...``): a task
    each, and the item's task ends before them."""
    out: list[_Task] = []
    text = p.text
    for m in _NEXT_CLAUSE.finditer(text):
        rest = text[m.end() :]
        body = _CLAUSE_OPENER.sub("", rest)
        if not (body[:1].isupper() or len(body) < len(rest)) or not (
            UNIT_HEAD.match(body) or _TRIGGER.match(body)
        ):
            continue
        got = _parse_own(rest, item=False, directive=directive or m.group(0).startswith(";"))
        if got is None or got.lead == t.lead:
            continue
        task = _SENTENCE_BREAK.split(got.task)[0] if not m.group(0).startswith(";") else got.task
        sub = _make(doc, p.start, p.end, text, 0, task, got.lead, got.support, None)
        if sub and sub.task != t.task:  # not the list of units of one task, broken by ``;``
            sub.para = p
            out.append(sub)
            cut = t.task.find(" ".join(rest[:25].split()))
            if cut > 0:
                t.task = t.task[:cut].rstrip(" ;,.")
                if t.support_inside:
                    t.support = [u for u in _support_inside(t.task) if u not in t.lead]
    return out


def _prose(
    doc: Document, p: Para, out: list[_Task], carry: _Task | None, directive: bool, letter: bool = False
) -> _Task | None:
    """Sentences of a paragraph outside any task list: each with its own trigger or subject, and a
    sentence that goes on with the same subject (``Nghiên cứu, hướng dẫn ...``) after a task."""
    text = p.text
    spans = sentences(text[p.body - p.start :], p.body)
    for a, b in spans:
        sent = text[a - p.start : b - p.start]
        if sent.rstrip().endswith(":"):
            carry = None
            continue
        own = _parse_own(sent, item=False, directive=directive, letter=letter)
        if own is not None:
            task = _PROSE_END.split(own.task)[0]
            t = _make(doc, a, b, sent, 0, task, own.lead, own.support, None, own.condition)
            if t:
                t.para, t.by_subject = p, own.subject
                out.append(t)
                out.extend(_more_in_sentence(doc, a, b, sent, t))
                carry = t
                continue
        if carry is not None and carry.deadline is None and _COMPLETION.match(sent):
            dl = find_deadline(
                sent
            )  # ``... . Hoàn thành trước ngày 20/02/2025.``: the deadline of the task before
            if dl is not None:
                carry.deadline, carry.end = dl.value, b
                continue
        conn = _CONNECTIVE.match(sent)
        rest = sent[conn.end() :] if conn else sent
        if carry is not None and (conn or carry.by_subject) and starts_with_verb(rest) and rest[:1].isupper():
            support_here, task = _support(rest)
            t = _make(doc, a, b, sent, 0, task, list(carry.lead), support_here, None)
            if t:
                t.para, t.own, t.by_subject = p, False, carry.by_subject
                out.append(t)
                continue
        carry = None
    return carry


def _more_in_sentence(doc: Document, a: int, b: int, sent: str, t: _Task) -> list[_Task]:
    out = []
    for m in _SEMICOLON.finditer(sent):
        rest = sent[m.end() :]
        if not UNIT_HEAD.match(rest) or not rest[:1].isupper():
            continue
        got = parse_directive(rest)
        if got and got[0] != t.lead:
            sub = _make(doc, a, b, sent, 0, got[2], got[0], got[1], None)
            if sub and sub.task != t.task:
                out.append(sub)
                cut = t.task.find(rest[:25])
                if cut > 0:
                    t.task = t.task[:cut].rstrip(" ;,")
    return out


def _drop_lead_ins(out: list[_Task], made: dict[int, _Task]) -> list[_Task]:
    """A lead-in that both states a task and introduces items giving their own units (``Các Bộ:
    ... khẩn trương khắc phục ..., cụ thể:`` over ``(1) Bộ Tài chính ...``) is told by its items."""
    drop = set()
    for t in out:
        if t.para is not None and t.own and t.para.parent is not None:
            parent = made.get(id(t.para.parent))
            if parent is not None and parent.para is t.para.parent and parent is not t:
                drop.add(id(parent))
    return [t for t in out if id(t) not in drop]


# ---------------------------------------------------------------- task tables

_WORDS_IN = re.compile(r"[^\W\d_]{2,}")
_SECTION_CODE = re.compile(r"[0-9IVX]+\.?")


def _task_table(t: TableView) -> bool:
    return t.col("name") is not None and (
        t.col("lead") is not None or t.col("support") is not None or _lead_column(t) is not None
    )


def _lead_column(t: TableView) -> str | None:
    """The role of the column naming who does a task: ``lead``, or a plain ``Đơn vị`` (``entity``) in a
    table that also says by when, in words (``Nhiệm vụ | Đơn vị | Thời gian hoàn thành``)."""
    if t.col("lead") is not None:
        return "lead"
    if t.col("entity") is None or t.col("deadline") is None:
        return None
    when = [c.text for r in t.rows if (c := t.cell(r, "deadline")) is not None and c.text]
    return "entity" if when and sum(1 for w in when if _WORDS_IN.search(w)) > 0.6 * len(when) else None


def _from_tables(doc: Document) -> tuple[list[_Task], list[tuple[int, int]]]:
    out: list[_Task] = []
    used: list[tuple[int, int]] = []
    for t in tables(doc):
        if not _task_table(t):
            continue
        used.append((t.header_start, t.end))
        lead_role = _lead_column(t)
        rows: list[dict] = []  # logical rows
        for row in t.rows:
            if not any(c and c.text for c in row):
                continue
            get = {f: t.text(row, f) for f in ("code", "name", "support", "deadline")}
            get["lead"] = t.text(row, lead_role) if lead_role else ""
            span = row_span(row)
            if not get["code"] and rows and t.col("code") is not None:  # a row the source split in two
                prev = rows[-1]
                for f, v in get.items():
                    if v and v != prev.get(f):
                        prev[f] = f"{prev[f]} {v}".strip()
                prev["span"] = (prev["span"][0], span[1])
                continue
            get["span"] = span
            rows.append(get)
        for f in ("lead", "support"):  # unit cells continued in lower case belong to the cell above
            for i in range(1, len(rows)):
                v = rows[i].get(f, "")
                if v and v[0].islower() and rows[i - 1].get(f) and v != rows[i - 1][f]:
                    whole = f"{rows[i - 1][f]} {v}"
                    rows[i - 1][f] = rows[i][f] = whole
        last: dict[str, str] = {}
        for row in rows:
            code = row.get("code", "")
            task = row.get("name", "")
            others = [row.get(f, "") for f in ("lead", "support", "deadline")]
            if _SECTION_CODE.fullmatch(code) and not any(others):
                last = {}
                continue  # a section row (``1 | Công tác chỉ đạo điều hành``)
            for f in ("lead", "support"):
                v = row.get(f, "")
                if v and is_unit(v):
                    last[f] = v
            lead = split_units(last.get("lead", ""))
            support = split_units(last.get("support", ""))
            if not task or not (lead or support or row.get("deadline")):
                continue  # a task row names at least a unit or a deadline
            cell = row.get("deadline") or ""
            if cell:
                deadline = cell_deadline(cell)
            else:  # no column of deadlines: one said in the row's words
                dl = find_deadline(" ".join(str(v) for k, v in row.items() if k != "span"))
                deadline = dl.value if dl else None
            out.append(
                _Task(*row["span"], clean(task), lead, support, deadline, criterion=code.rstrip(".") or None)
            )
    return out, used


# ---------------------------------------------------------------- a task stated twice


_NEAR = 60


def _lead_key(t: _Task) -> str:
    """The first words of a task's first unit (``văn phòng ủy``): tasks stated twice share them."""
    return " ".join(t.lead[0].lower().split()[:3]) if t.lead else ""


def _same(a: _Task, b: _Task) -> bool:
    """Whether two tasks are one stated twice: the same units and words, in different places."""
    if a.start == b.start and a.task == b.task:
        return True
    if a.para is not None and b.para is not None and a.para.parent is b.para.parent:
        return False  # items of one list are different tasks
    if a.criterion != b.criterion:
        return False
    if a.lead != b.lead and not (a.lead and b.lead and dice(" ; ".join(a.lead), " ; ".join(b.lead)) >= 0.6):
        return False
    return dice(a.task, b.task) >= 0.8 or contained(a.task, b.task) >= 0.85


def extract(doc: Document) -> list[Assignment]:
    from_tables, used = _from_tables(doc)
    tasks = _from_structure(doc, sorted(used)) + from_tables  # a task table's lines are read as its rows only
    out: list[Assignment] = []
    kept: list[_Task] = []
    by_lead: dict[str, list[int]] = {}  # tasks of a unit, the latest few compared: no scan of every pair
    seen: set[tuple[int, str]] = set()
    for t in tasks:
        if (t.start, t.task) in seen:
            continue  # read twice, by two paths
        seen.add((t.start, t.task))
        near = by_lead.setdefault(_lead_key(t), [])
        twin = next((i for i in near[-_NEAR:] if _same(t, kept[i])), None)
        if twin is None:
            near.append(len(kept))
            kept.append(t)
        elif len(t.task) > len(kept[twin].task):  # a task stated twice is one: the fuller statement
            kept[twin] = t
    for t in sorted(kept, key=lambda t: t.start):
        out.append(Assignment(Evidence.of(doc, t.start, t.end), task=t.task, lead=t.lead, support=t.support,
                              deadline=t.deadline, criterion=t.criterion))  # fmt: skip
    return out
