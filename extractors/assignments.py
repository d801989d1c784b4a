"""Tasks given to units: who leads, who supports, by when, and the criterion row of a task table.

Two sources:

- task tables (``TT | NỘI DUNG | ĐƠN VỊ THỰC HIỆN | GIẢI PHÁP | PHỐI HỢP``), read as logical rows:
  a row with no number continues the row above, a unit cell that starts in lower case continues
  the unit cell above (a merged cell split by a page break), and an empty unit cell takes the unit
  above it within the section (merged down several rows);
- sentences: ``giao/yêu cầu/đề nghị <units> <task>``, ``<unit> chủ trì, phối hợp với <units>
  <task>``, ``<unit> phối hợp với <units>, <task>``, ``<unit> cần/tham mưu <task>``, and the items
  of a list whose lead-in names the units (``Giám đốc Sở yêu cầu các phòng ... như sau:``).

>>> from docmine.parsers.text import from_string
>>> a = extract(from_string("Giao Văn phòng Sở chủ trì, phối hợp với Phòng Tài chính rà soát quy trình hàng quý."))[0]
>>> a.lead, a.support, a.task, a.deadline
(['Văn phòng Sở'], ['Phòng Tài chính'], 'rà soát quy trình', 'hàng quý')
"""

from __future__ import annotations

import re

from docmine.facts import Assignment, Evidence
from docmine.model import Document
from extractors.common import clean, header_columns
from extractors.discourse import Segment, lead_kind, segments
from extractors.units import UNIT_HEAD, is_unit, split_units, units_then_task

_TRIGGER = re.compile(r"(?:^|(?<=[\s,:;(]))(?:[Yy]êu cầu|[Đđ]ề nghị|[Gg]iao cho|[Gg]iao)\s+(?=\S)")
DEADLINE = re.compile(
    r"(?:định kỳ\s+)?hàng (?:quý|tháng|năm|tuần|ngày)|trước ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|"
    r"chậm nhất (?:là\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|"
    r"(?:trong|sau|trong thời hạn)\s+\d+\s+ngày(?: làm việc)?(?: kể từ[^,.;]*)?|trong (?:quý|tháng) [IVX\d]+(?:\s*/\s*\d{4}| năm \d{4})?",
    re.I,
)
_BOILER = re.compile(
    r"\b(?:thực hiện|triển khai|nghiêm túc|các nội dung|nội dung|trên|này|công văn|kế hoạch|tổ chức|có hiệu quả|"
    r"nhận được|theo|đúng|quy định|yêu cầu|chỉ đạo)\b",
    re.I,
)
_MODAL = re.compile(r"^(?:cần|phải|có trách nhiệm|chịu trách nhiệm)\s+")


def _task_text(t: str) -> str:
    t = DEADLINE.sub(" ", t)
    t = re.sub(r"\s*\([^()]*\)\s*$", "", t.strip(" .;,"))
    t = re.sub(r"^\s*Căn cứ[^,]{0,60},\s*", "", t)
    t = re.sub(r"\s+(?:về|cho|với|đến|và)\s*$", "", " ".join(t.split()))
    return clean(t)


def _deadline(text: str) -> str | None:
    m = DEADLINE.search(text)
    return clean(m.group(0)).lower() if m else None


def _is_boilerplate(task: str) -> bool:
    rest = _BOILER.sub(" ", task)
    return len(re.findall(r"\w+", rest)) < 2


def parse_directive(s: str) -> tuple[list[str], list[str], str] | None:
    """``<units> [chủ trì, phối hợp với <units>] <task>`` into lead, support, task.

    >>> parse_directive("phòng Người có công phối hợp với Phòng LĐTBXH cấp huyện, hướng dẫn cán bộ cấp xã")
    (['phòng Người có công'], ['Phòng LĐTBXH cấp huyện'], 'hướng dẫn cán bộ cấp xã')
    """
    lead, task = units_then_task(s)
    if not lead:
        return None
    support: list[str] = []
    task = re.sub(r"^(?:chủ trì|thực hiện)\s*,?\s*(?=phối hợp)", "", task)
    task = re.sub(r"^chủ trì\s*,?\s*", "", task)
    m = re.match(r"^phối hợp\s+(?:chặt chẽ\s+)?(?:với\s+)?", task)
    if m:
        support, rest = units_then_task(task[m.end() :])
        if support:
            task = rest.lstrip(" ,")
    task = _MODAL.sub("", task)
    return lead, support, task


def _lead_units(lead: Segment) -> list[str]:
    t = lead.body.strip().rstrip(":").strip()
    m = next(reversed(list(_TRIGGER.finditer(t))), None)  # the last trigger names the units
    if m is not None:
        units, _ = units_then_task(t[m.end() :])
        if units:
            return units
    if UNIT_HEAD.match(t) and len(t) < 160:
        return split_units(t)
    return []


def _from_sentences(doc: Document) -> list[Assignment]:
    out: list[Assignment] = []
    for seg in segments(doc):
        if seg.kind == "heading" or seg.is_title:
            continue
        lead_units = (
            _lead_units(seg.lead) if seg.lead is not None and lead_kind(seg.lead) == "directive" else []
        )
        spans = seg.sentences
        for i, (a, b) in enumerate(spans):
            sent = doc.view[a:b]
            if i == 0 and seg.marker:
                sent = doc.view[seg.body_start : b]
                a = seg.body_start
            if sent.rstrip().endswith(":"):
                continue
            got = None
            for m in _TRIGGER.finditer(sent):
                got = parse_directive(sent[m.end() :])
                if got:
                    break
            if got is None:
                body = re.sub(r"^\s*(?:Riêng|Đồng thời|Trong đó)\s*,?\s*", "", sent)
                if UNIT_HEAD.match(body) and _owns(body):
                    got = parse_directive(body)
            if got is None and lead_units and i == 0:
                got = (lead_units, [], sent)
            if got is None:
                continue
            lead, support, task = got
            from_lead_in = (
                bool(lead_units) and lead is lead_units
            )  # an item of a list whose lead-in names the units
            task = task if from_lead_in else re.split(r"\s*[:;]\s+|\.\s", task)[0]
            deadline = _deadline(doc.view[a:b]) or (_deadline(seg.text) if from_lead_in else None)
            task = _task_text(task)
            if not task or _is_boilerplate(task) or re.search(r"\bnhư$", task):
                continue
            out.append(
                Assignment(Evidence.of(doc, a, b), task=task, lead=lead, support=support, deadline=deadline)
            )
    return out


def _owns(body: str) -> bool:
    """A sentence opening with a unit gives it a task only with a directive verb right after it."""
    units, rest = units_then_task(body)
    return bool(units) and bool(
        re.match(r"(?:chủ trì|phối hợp|cần|phải|tham mưu|có trách nhiệm|chịu trách nhiệm)\b", rest)
    )


_HEAD_COLS = {
    "code": re.compile(r"^(?:STT|TT|Số TT|Mã)$", re.I),
    "task": re.compile(r"nội dung|nhiệm vụ|công việc|tiêu chí", re.I),
    "lead": re.compile(
        r"đơn vị (?:thực hiện|chủ trì)|chủ trì|cơ quan (?:thực hiện|chủ trì)|thực hiện$|^đơn vị$", re.I
    ),
    "support": re.compile(r"phối hợp", re.I),
    "deadline": re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I),
}


def _from_tables(doc: Document) -> list[Assignment]:
    out: list[Assignment] = []
    for t in doc.tables:
        grid = doc.table_text(t)
        if len(grid) < 2:
            continue
        cols = header_columns(
            grid[0], {f: _HEAD_COLS[f] for f in ("code", "support", "lead", "deadline", "task")}
        )
        if "task" not in cols or "lead" not in cols:
            continue
        cells = t.grid()
        rows: list[dict] = []  # logical rows
        for r, row in enumerate(grid[1:], start=1):
            get = {f: " ".join(row[i].split()) if i < len(row) else "" for f, i in cols.items()}
            live = [c for c in cells[r] if c is not None]
            if not live:
                continue
            span = (min(c.start for c in live), max(c.end for c in live))
            code = get.get("code", "")
            if not code and rows:  # a row the source split in two
                prev = rows[-1]
                for f, v in get.items():
                    if v:
                        prev[f] = f"{prev[f]} {v}".strip()
                prev["span"] = (prev["span"][0], span[1])
                continue
            get["span"] = span
            rows.append(get)
        for f in ("lead", "support"):  # unit cells continued in lower case belong to the cell above
            for i in range(1, len(rows)):
                v = rows[i].get(f, "")
                if v and v[0].islower() and rows[i - 1].get(f):
                    whole = f"{rows[i - 1][f]} {v}"
                    rows[i - 1][f] = rows[i][f] = whole
        last: dict[str, str] = {}
        for row in rows:
            code = row.get("code", "")
            task = row.get("task", "")
            others = [row.get(f, "") for f in ("lead", "support", "deadline")]
            if re.fullmatch(r"[0-9IVX]+\.?", code) and not any(others):
                last = {}
                continue  # a section row (``1 | Công tác chỉ đạo điều hành``)
            for f in ("lead", "support"):
                v = row.get(f, "")
                if v and is_unit(v):
                    last[f] = v
            lead = split_units(last.get("lead", ""))
            support = split_units(last.get("support", ""))
            if not task or not (lead or support or row.get("deadline")):
                continue  # a task row names at least a unit or a deadline; a lead left blank is kept as []
            deadline = row.get("deadline") or _deadline(" ".join(row.get(f, "") for f in row if f != "span"))
            out.append(Assignment(Evidence.of(doc, *row["span"]), task=clean(task), lead=lead, support=support,
                                  deadline=clean(deadline) if deadline else None, criterion=code.rstrip(".") or None))  # fmt: skip
    return out


def extract(doc: Document) -> list[Assignment]:
    return _from_sentences(doc) + _from_tables(doc)
