"""One table reader for every form a table takes: grids, and tables flattened into text.

A :class:`TableView` is rows of :class:`Cell` (text and offsets) under a header whose columns have
*roles* found from their words: ``rank`` (Xếp hạng, Thứ hạng), ``code`` (STT, TT), ``entity``
(Đơn vị, Địa phương, Tên cơ quan), ``name`` (Tiêu chí, Nội dung, Lĩnh vực), ``max_score`` (Điểm tối
đa), ``score`` (Tổng điểm, Điểm đạt được, Chỉ số), ``class`` (Xếp loại), ``change``, ``lead``,
``support``, ``deadline``, ``note``, ``year`` (a column per year) and ``value`` for any other
numeric column (a component, in a table that scores several entities).

Three sources, read the same way:

- grids the parser found (DOCX, PDF and HTML tables, tab-separated lines);
- tables flattened one cell per line (a web page's table copied as text): a run of short lines
  whose kinds (number or text) repeat with a period, under as many header lines;
- tables flattened one row per line: ``1 TP. Đà Nẵng 0,8002`` or ``Sở Tư pháp 93,01``, lines that
  share a shape (an optional leading number, a name, then the same count of numbers).

>>> from docmine.parsers.text import from_string
>>> doc = from_string("Kết quả:\\nXếp hạng\\nĐơn vị\\nĐiểm\\n1\\nSở Tư pháp\\n93,01\\n2\\nSở Y tế\\n90,5\\n3\\nSở Nội vụ\\n88")
>>> t = tables(doc)[0]
>>> t.kind, t.roles, [t.text(r, "entity") for r in t.rows]
('cells', ['rank', 'entity', 'score'], ['Sở Tư pháp', 'Sở Y tế', 'Sở Nội vụ'])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from docmine.model import Document
from docmine.vnnum import NUMBER_RE, parse_number


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str  # from ``doc.view``, spaces collapsed


@dataclass
class TableView:
    header: list[str]
    rows: list[list[Cell | None]]
    start: int
    end: int
    kind: str  # grid | cells | lines | pipe
    roles: list[str | None] = field(default_factory=list)
    header_start: int = 0  # where the header begins (the table's context lies before it)
    col_index: list[str | None] = field(default_factory=list)  # the index a column's header names
    col_group: list[str | None] = field(default_factory=list)  # a header merged over it (``Lâm Đồng``)

    def __post_init__(self) -> None:
        if not self.col_index:
            self.col_index = column_indices(self.header)
        if not self.col_group:
            self.col_group = [None] * len(self.header)

    def col(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def cols(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def cell(self, row: list[Cell | None], role: str) -> Cell | None:
        i = self.col(role)
        return row[i] if i is not None and i < len(row) else None

    def text(self, row: list[Cell | None], role: str) -> str:
        c = self.cell(row, role)
        return c.text if c else ""


def flat_spans(doc: Document, keep=None) -> list[tuple[int, int]]:
    """Spans of the tables flattened into text (header included), sorted: text that other readers
    leave to the table reader. ``keep`` names tables to leave out of the list."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted((t.header_start, t.end) for t in tables(doc) if t.kind != "grid" and not (keep and keep(t))):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def in_spans(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies in one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def row_span(row: list[Cell | None]) -> tuple[int, int]:
    live = [c for c in row if c is not None]
    return min(c.start for c in live), max(c.end for c in live)


# ---------------------------------------------------------------- column roles

_ROLE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("code", re.compile(r"^(?:stt|tt|số tt|số thứ tự|mã|mã số)$")),
    ("class", re.compile(r"xếp loại|phân loại|nhóm xếp hạng|^nhóm$|^mức|^loại$|đánh giá chung")),
    ("rank", re.compile(r"xếp hạng|thứ hạng|thứ tự xếp hạng|^hạng$|xếp thứ|^thứ tự$|vị trí")),
    ("support", re.compile(r"phối hợp")),
    ("lead", re.compile(r"chủ trì|đơn vị thực hiện|cơ quan thực hiện|^thực hiện$|đơn vị được giao|^đơn vị chịu")),
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành")),
    ("max_score", re.compile(r"tối đa|điểm chuẩn|thang điểm|điểm tiêu chuẩn")),
    ("change", re.compile(r"tăng\s*/\s*giảm|tăng,\s*giảm|thay đổi|chênh lệch|so với")),
    ("note", re.compile(r"ghi chú|nhận xét|lý do|nguyên nhân|tồn tại|hạn chế")),
    ("score", re.compile(r"tổng điểm|điểm đạt|đạt được|điểm thẩm định|điểm đánh giá$|điểm số|^điểm$|^chỉ số$|chỉ số chung|"
                         r"^kết quả$|^kết quả (?:đánh giá|chấm điểm|thẩm định)|^giá trị|^điểm\b.*\b(?:par|pci|papi|dti|sipas|ddci|cchc)|^(?:par|pci|papi|dti|sipas|ddci)")),
    ("entity", re.compile(r"đơn vị|cơ quan|địa phương|tỉnh|thành phố|sở|ban|ngành|huyện|xã|phường|bộ\b")),
    ("name", re.compile(r"tiêu chí|nội dung|lĩnh vực|chỉ số thành phần|chỉ tiêu|nhiệm vụ|công việc|giải pháp|hoạt động")),
    ("year", re.compile(r"^(?:năm\s+)?(?:19|20)\d\d$")),
]


def role_of(header: str) -> str | None:
    """The role of a column from its header words.

    >>> [role_of(h) for h in ["Thứ hạng", "Đơn vị", "Điểm chuẩn tối đa", "Điểm đạt được", "Chỉ số chung", "Xếp loại"]]
    ['rank', 'entity', 'max_score', 'score', 'score', 'class']
    """
    h = " ".join(header.lower().split()).strip(" :()")
    if not h:
        return None
    for role, pat in _ROLE_WORDS:
        if pat.search(h):
            return role
    return None


def column_indices(header: list[str]) -> list[str | None]:
    """The index each column belongs to: named in its header, or in the nearest header to its left
    within a group (``PAR Index | (Thứ hạng)``), once some header names one.

    >>> column_indices(["Tỉnh", "PAR Index Điểm số", "PAR Index Thứ hạng", "SIPAS Chỉ số", "Thứ hạng"])
    [None, 'PAR', 'PAR', 'SIPAS', 'SIPAS']
    """
    from extractors.mentions import index_in  # noqa: PLC0415 - mentions imports this module

    out: list[str | None] = []
    cur = None
    for h in header:
        named = index_in(h) if h else None
        cur = named or cur
        out.append(cur)
    return out


def assign_roles(
    header: list[str], rows: list[list[Cell | None]], col_group: list[str | None] | None = None
) -> list[str | None]:
    """Roles of the columns: from the header words, then from the cells for columns the header
    leaves open (a text column of names is the entity or name column, a numeric one a value).
    Of two ``score`` columns the one in % (``Chỉ số``) is the score, the other a ``value``."""
    roles = [role_of(h) for h in header]
    n = max([len(header)] + [len(r) for r in rows])
    roles += [None] * (n - len(roles))
    for i in range(n):
        cells = [r[i] for r in rows if i < len(r) and r[i] is not None and r[i].text]
        if not cells:
            roles[i] = None
            continue
        numeric = sum(1 for c in cells if is_number_cell(c.text)) / len(cells)
        if roles[i] in ("entity", "name") and numeric > 0.6:
            roles[i] = "value"
        if roles[i] is None:
            roles[i] = "value" if numeric > 0.6 else None
        if roles[i] in ("score", "max_score", "rank", "year", "change") and numeric < 0.5:
            roles[i] = "note" if roles[i] == "score" else None
    if roles.count("entity") > 1:  # ``Tên đơn vị`` beside ``Đơn vị tính``: the one with names is it
        first = roles.index("entity")
        roles = [r if r != "entity" or i == first else None for i, r in enumerate(roles)]
    indices = column_indices(header) + [None] * (n - len(header))
    col_group = (col_group or []) + [None] * (n - len(col_group or []))
    groups = list(zip(indices, col_group, strict=True))
    for g in set(groups):  # one score per index: of two (``Điểm đạt được``, ``Chỉ số``) the one in %
        scores = [i for i, r in enumerate(roles) if r == "score" and groups[i] == g]
        if len(scores) > 1:  # the rate in %, else the total, else the last
            pct = [i for i in scores if _percent_column(rows, i)]
            total = [i for i in scores if re.search(r"tổng|chung", header[i] if i < len(header) else "", re.I)]
            keep = pct[0] if pct else total[0] if total else scores[-1]
            for i in scores:
                if i != keep:
                    roles[i] = "points"
    if "entity" not in roles and "name" not in roles:
        for i in range(n):
            cells = [r[i] for r in rows if i < len(r) and r[i] is not None and r[i].text]
            if roles[i] is None and cells and sum(1 for c in cells if _wordy(c.text)) > 0.6 * len(cells):
                roles[i] = "entity"
                break
    return roles


def _percent_column(rows: list[list[Cell | None]], i: int) -> bool:
    cells = [r[i] for r in rows if i < len(r) and r[i] is not None and r[i].text]
    return bool(cells) and sum(1 for c in cells if c.text.endswith("%")) > 0.6 * len(cells)


_NUM_CELL = re.compile(
    rf"^[(\[]?[+\-]?(?:{NUMBER_RE})\s*(?:%|điểm|bậc)?[)\]]?$|^[+\-]?(?:{NUMBER_RE})\s*/\s*(?:{NUMBER_RE})\s*(?:điểm)?$"
)


def is_number_cell(text: str) -> bool:
    """A cell holding one number (``93,01``, ``86,43%``, ``+2``, ``15/17``) or a dash for none."""
    t = text.strip()
    return bool(_NUM_CELL.match(t)) or t in ("-", "–", "x", "")


_SIGNED_NUMBER = re.compile(rf"[+\-]?(?:{NUMBER_RE})")


def cell_number(text: str, max_value: float | None = None) -> float | None:
    """The number in a cell, or None.

    >>> cell_number("86,43%"), cell_number("(+2)"), cell_number("-")
    (86.43, 2, None)
    """
    m = _SIGNED_NUMBER.search(text.replace(" ", ""))
    if not m:
        return None
    return parse_number(m.group(0), max_value=max_value)


def _wordy(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", text)) and not is_number_cell(text)


# ---------------------------------------------------------------- sources


def tables(doc: Document) -> list[TableView]:
    """Every table of ``doc``, grids and flattened ones, in text order; built once per document."""
    got = doc.layers.get("tables")
    if got is None:
        got = doc.layers["tables"] = sorted(_grids(doc) + _flattened(doc), key=lambda t: t.start)
    return got


def _cell(doc: Document, start: int, end: int) -> Cell:
    return Cell(start, end, " ".join(doc.view[start:end].split()))


def _grids(doc: Document) -> list[TableView]:
    out: list[TableView] = []
    for t in doc.tables:
        grid = t.grid()
        if not grid or not t.cells:
            continue
        full = [[_cell(doc, c.start, c.end) if c is not None else None for c in r] for r in grid]
        head_n = _header_rows(full)
        # a header cell merged across columns (``PAR Index`` over ``Điểm số | Thứ hạng``) names each of them
        header = [" ".join(dict.fromkeys(x.text for x in col if x and x.text)) for col in zip(*full[:head_n], strict=False)]
        header = header or [""] * len(grid[0])  # a grid with no header row: one blank title per column
        header = [h if any(g[k] is not None and g[k].text for g in full[head_n - 1 : head_n]) or not head_n else h
                  for k, h in enumerate(header)]  # fmt: skip
        header += [""] * (max(len(r) for r in full) - len(header))  # a row wider than the header (a ragged grid)
        sub = [full[head_n - 1][k].text if head_n and k < len(full[head_n - 1]) and full[head_n - 1][k] else ""
               for k in range(len(header))]  # fmt: skip
        groups: list[str | None] = []
        for k in range(len(header)):  # the text of header rows above the last, where a cell spans columns
            merged = [full[r][k] for r in range(head_n - 1)
                      if k < len(grid[r]) and grid[r][k] is not None and full[r][k].text
                      and sum(1 for x in grid[r] if x is grid[r][k]) > 1]  # fmt: skip
            groups.append(" ".join(c.text for c in merged if c) or None)
        body: list[list[Cell | None]] = []
        for r, cells in zip(grid[head_n:], full[head_n:], strict=True):
            row: list[Cell | None] = [None] * len(r)
            k = 0
            while k < len(r):
                c, j = r[k], k
                while j + 1 < len(r) and r[j + 1] is c:
                    j += 1
                if c is not None:  # a cell merged across columns goes under the one its header names
                    target = next((x for x in range(k, j + 1) if x < len(sub) and sub[x]), k)
                    row[target] = cells[k]  # the cell read above
                k = j + 1
            if any(x and x.text for x in row):
                body.append(row)
        if not body:
            continue
        start = min(c.start for c in t.cells)
        end = max(c.end for c in t.cells)
        roles = assign_roles(header, body, groups)
        out.append(TableView(header, body, start, end, "grid", roles, start, col_group=groups))
    return out


def _header_rows(rows: list[list[Cell | None]]) -> int:
    """How many leading rows are header: rows with no numeric cell, at most three, and not all."""
    n = 0
    for r in rows[:3]:
        texts = [c.text for c in r if c and c.text]
        if not texts or any(is_number_cell(t) and t not in ("-", "x") for t in texts):
            break
        if re.fullmatch(r"\(?\d+\)?", texts[0]) and all(re.fullmatch(r"\(?\d+\)?", t) for t in texts):
            break
        n += 1
    return min(n, max(len(rows) - 1, 0)) if n else (1 if len(rows) > 1 and _looks_header(rows[0]) else 0)


def _looks_header(row: list[Cell | None]) -> bool:
    return any(c and role_of(c.text) for c in row)


_SHORT = 90


def _line_kind(t: str) -> str:
    if is_number_cell(t) and t.strip() not in ("", "x"):
        return "N"
    return "T"


def _flattened(doc: Document) -> list[TableView]:
    """Tables flattened into text, from runs of consecutive body blocks."""
    blocks = [b for b in doc.blocks if b.kind not in ("table_cell", "header", "signature", "stamp")]
    out: list[TableView] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if len(run) >= 6:
            out.extend(_cells_tables(doc, run))
        run.clear()

    lines = [(a, e, " ".join(doc.view[a:e].split())) for b in blocks for a, e in _lines(doc, b.start, b.end)]
    for a, e, t in lines:
        if t.strip("|*_ ") and (len(t) <= _SHORT and not t.endswith((".", ":", ";")) or _line_kind(t) == "N"):
            run.append((a, e, t))
        else:
            flush()
    flush()
    out.extend(_row_tables(doc, lines))
    if "|" in doc.view:  # tables written with bars
        out.extend(_pipe_tables(doc, blocks))
        if _BAR_LINE.search(doc.view):
            out.extend(_bar_tables(doc, [b for b in doc.blocks if b.kind not in ("table_cell", "header", "stamp")]))
    return out


_BAR_LINE = re.compile(r"^[^\S\n]*\|[^\S\n]*$", re.M)  # a line that is one ``|``: where a bar table can be


def _bar_tables(doc: Document, blocks) -> list[TableView]:
    """Tables written one cell per line between ``|`` lines, a row ending on an empty cell (``|`` twice),
    as legal sites' pages come out in text; a cell may run over several lines, and ``**`` marks bold.
    Header rows (no number in them) over fewer cells than a body row are two levels: the cells of
    the lower row belong under as many upper cells, each over an equal share."""
    lines: list[tuple[int, int]] = []
    for b in blocks:
        lines.extend(_lines(doc, b.start, b.end))
    out: list[TableView] = []
    bars_at = [k for k, (a, e) in enumerate(lines) if doc.view[a:e].strip() == "|"]
    i = 0
    while i < len(lines):
        if doc.view[lines[i][0] : lines[i][1]].strip() != "|":
            k = bisect.bisect_left(bars_at, i)  # on to the next line that is one ``|``
            if k == len(bars_at):
                break
            i = bars_at[k]
        rows: list[list[Cell]] = []
        cur: list[Cell] = []
        cell: list[tuple[int, int]] = []
        j, bars, gap = i, 0, 0
        while j < len(lines):
            a, e = lines[j]
            t = doc.view[a:e].strip()
            if t == "|":
                if cell:
                    cur.append(_join_cell(doc, cell))
                    cell, gap = [], 0
                elif cur:  # ``|`` twice: the row ends
                    rows.append(cur)
                    cur = []
                bars += 1
            else:
                gap += 1
                if gap > 6:
                    break
                cell.append((a, e))
            j += 1
        if cur:
            rows.append(cur)
        i = j
        rows = [r for r in rows if any(c.text for c in r)]
        if bars >= 8:
            out.extend(t for part in _split_tables(rows) if (t := _bar_table(part)) is not None)
    return out


def _numeric_row(r: list[Cell]) -> bool:
    return any(c.text and is_number_cell(c.text) for c in r)


_CAPTION = re.compile(r"^(?:PHỤ LỤC|Phụ lục|BIỂU|Biểu)\b")


def _split_tables(rows: list[list[Cell]]) -> list[list[list[Cell]]]:
    """Tables one after another in a run: a new one starts at a caption (``PHỤ LỤC II ...``, which
    may come in the middle of a row) or at a row of three or more cells without a number that
    follows numeric rows (a section row, ``I. Bộ, ngành``, has one or two)."""
    parts: list[list[list[Cell]]] = []
    cur: list[list[Cell]] = []
    for r in rows:
        k = next((i for i, c in enumerate(r) if _CAPTION.match(c.text)), None)
        if k is not None:
            if r[:k]:
                cur.append(r[:k])
            parts.append(cur)
            cur, r = [], r[k + 1 :]
            if not r:
                continue
        if cur and not _numeric_row(r) and len(r) >= 3 and _numeric_row(cur[-1]):
            parts.append(cur)
            cur = []
        cur.append(r)
    if cur:
        parts.append(cur)
    return [p for p in parts if p]


def _bar_table(rows: list[list[Cell]]) -> TableView | None:
    if rows:  # a caption run into the first header row: the header begins at STT
        k = next((i for i, c in enumerate(rows[0]) if role_of(c.text) == "code"), 0)
        rows = [rows[0][k:], *rows[1:]]
    if len(rows) < 3:
        return None
    n = max(len(r) for r in rows)
    head_n = 0
    while head_n < len(rows) - 1 and not _numeric_row(rows[head_n]):
        head_n += 1
    header = _two_level([[c.text for c in r] for r in rows[:head_n]], n)
    body: list[list[Cell | None]] = [[*r, *([None] * (n - len(r)))] for r in rows[head_n:] if len(r) >= n - 1]
    if not body:
        return None
    start = rows[0][0].start
    return TableView(header, body, start, rows[-1][-1].end, "bars", assign_roles(header, body), start)


def _join_cell(doc: Document, parts: list[tuple[int, int]]) -> Cell:
    start, end = parts[0][0], parts[-1][1]
    raw = doc.view[start:end]
    text = " ".join(" ".join(raw.split()).strip(" *_").split())  # bold marks and spaces around it dropped
    lead = len(raw) - len(raw.lstrip(" *_"))
    trail = len(raw) - len(raw.rstrip(" *_"))
    return Cell(start + lead, end - trail, text)


def _two_level(heads: list[list[str]], n: int) -> list[str]:
    """A header of ``n`` columns from header rows: one row as it is; two rows of which the upper has
    cells over several lower ones (``Kết quả thực hiện`` over ``Tổng số | Đã tích hợp | Chưa tích
    hợp``): the upper cells that stand over lower ones are those left once the leading columns are
    counted.

    >>> _two_level([["STT", "Cơ quan", "Tổng số", "Tỷ lệ (%)"], ["Phải cung cấp", "Đã cung cấp"]], 5)
    ['STT', 'Cơ quan', 'Tổng số Phải cung cấp', 'Tổng số Đã cung cấp', 'Tỷ lệ (%)']
    """
    if not heads:
        return [""] * n
    top = heads[0]
    if len(heads) == 1 or len(top) >= n:
        return (top + [""] * n)[:n]
    low = heads[1]
    parents = len(top) + len(low) - n
    if parents <= 0 or len(low) % parents:
        return (top + [""] * n)[:n]
    share = len(low) // parents
    lead = _leading(top)
    tail = len(top) - parents - lead
    out = top[:lead]
    for p in range(parents):
        out += [f"{top[lead + p]} {x}".strip() for x in low[p * share : (p + 1) * share]]
    out += top[lead + parents : lead + parents + max(tail, 0)]
    return (out + [""] * n)[:n]


def _leading(top: list[str]) -> int:
    """How many header cells name row labels (STT, the entity or name column) before the data columns."""
    k = 0
    while k < len(top) and role_of(top[k]) in ("code", "entity", "name", "rank"):
        k += 1
    return k


def _pipe_tables(doc: Document, blocks) -> list[TableView]:
    """``Năm | 2022 | 2023 |`` rows, as web pages' tables come out in text: two or more lines in a
    row with two or more cells; a first row of words or years is the header."""
    out: list[TableView] = []
    run: list[list[Cell]] = []

    def flush() -> None:
        rows = [r for r in run if any(c.text for c in r)]
        run.clear()
        if len(rows) < 2:
            return
        first = [c.text for c in rows[0] if c.text]
        head = all(not is_number_cell(t) or re.fullmatch(r"(?:19|20)\d\d", t) for t in first)
        header = [c.text for c in rows[0]] if head else [""] * len(rows[0])
        body: list[list[Cell | None]] = [list(r) for r in (rows[1:] if head else rows)]
        if body:
            start = rows[0][0].start
            out.append(TableView(header, body, start, rows[-1][-1].end, "pipe", assign_roles(header, body), start))

    for b in blocks:
        if doc.view.count("|", b.start, b.end) < 2:  # no row here: as if each of its lines were read
            if doc.view[b.start : b.end].strip():
                flush()
            continue
        for a, e in _lines(doc, b.start, b.end):
            line = doc.view[a:e]
            if line.count("|") < 2:
                flush()
                continue
            cells: list[Cell] = []
            pos = a
            for part in line.split("|"):
                lead = len(part) - len(part.lstrip())
                t = part.strip()
                cells.append(Cell(pos + lead, pos + lead + len(t), " ".join(t.split())))
                pos += len(part) + 1
            if line.rstrip().endswith("|"):
                cells = cells[:-1]
            if line.lstrip().startswith("|"):
                cells = cells[1:]
            if sum(1 for c in cells if c.text) < 2:
                flush()
                continue
            if run and len(cells) != len(run[-1]):
                flush()
            run.append(cells)
    flush()
    return out


def _lines(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the lines of ``doc.view[start:end]`` that are not blank."""
    out, s = [], start
    text = doc.view
    while s < end:
        e = text.find("\n", s, end)
        e = end if e < 0 else e
        if text[s:e].strip():
            out.append((s, e))
        s = e + 1
    return out


def _cells_tables(doc: Document, run: list[tuple[int, int, str]]) -> list[TableView]:
    """One-cell-per-line tables in a run of short lines: find a period k whose body rows repeat
    the same kinds and hold a number and a text, under k header lines of text."""
    kinds = "".join(_line_kind(t) for _, _, t in run)
    out: list[TableView] = []
    i = 0
    while i < len(run):
        best = None
        for k in range(2, 13):
            if i + k * 3 > len(run):
                break
            pat = kinds[i : i + k]
            if "N" not in pat or "T" not in pat:
                continue
            n = 1
            while kinds[i + n * k : i + (n + 1) * k] == pat:
                n += 1
            if n >= 3 and (best is None or n * k > best[1] * best[0]):
                best = (k, n)
        if best is None:
            i += 1
            continue
        k, n = best
        i, n = _align(doc.view, run, kinds, i, k)
        head = run[i - k : i] if i >= k and all(_line_kind(t) == "T" for _, _, t in run[i - k : i]) else []
        body = [[Cell(a, e, t) for a, e, t in run[i + r * k : i + (r + 1) * k]] for r in range(n)]
        header = [t for _, _, t in head] if head else [""] * k
        rows: list[list[Cell | None]] = [list(r) for r in body]
        start = (head[0][0] if head else body[0][0].start)
        out.append(TableView(header, rows, body[0][0].start, body[-1][-1].end, "cells",
                             assign_roles(header, rows), start))  # fmt: skip
        i += n * k
    return out


def _align(view: str, run: list[tuple[int, int, str]], kinds: str, i: int, k: int) -> tuple[int, int]:
    """Of the k ways to cut a periodic run into rows, the one whose k lines before read most like a
    header; returns the first body line and the number of rows."""

    def header_words(j: int) -> float:
        lines = run[j - k : j] if j >= k else []
        if not lines:
            return -1
        above = sum(1 for _, _, t in lines if _line_kind(t) == "T" and len(t) <= 40 and role_of(t))
        first_row = sum(1 for _, _, t in run[j : j + k] if _line_kind(t) == "T" and role_of(t))
        after_gap = j > k and "\n\n" in view[run[j - k - 1][1] : run[j - k][0]]  # a header opens a paragraph
        return above - first_row + 0.5 * after_gap

    j = max(range(i, min(i + k, len(run))), key=lambda j: (header_words(j), -j))
    pat, n = kinds[j : j + k], 0
    while kinds[j + n * k : j + (n + 1) * k] == pat:
        n += 1
    return j, n


_ROW_LINE = re.compile(
    rf"^(?P<num>\d{{1,3}}[.)]?\s+)?(?P<name>[^\W\d_][^\d\t]*?)\s*(?P<vals>(?:[\s(]+[+\-]?(?:{NUMBER_RE})\s*%?\)?)+)\s*$"
)
_RANK_LINE = re.compile(r"^(?P<num>\d{1,3})[.)]?\s+(?P<name>[^\W\d_][^\d\t]{1,80}?)\s*$")


def _row_tables(doc: Document, lines: list[tuple[int, int, str]]) -> list[TableView]:
    """One-row-per-line tables: three or more consecutive lines of the same shape."""
    out: list[TableView] = []
    i = 0
    while i < len(lines):
        shape = _row_shape(lines[i][2])
        if shape is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _row_shape(lines[j][2]) == shape:
            j += 1
        if j - i >= 3:
            out.append(_row_table(doc, lines, i, j, shape))
        i = max(j, i + 1)
    return out


_ENDS_IN_NUMBER = re.compile(r"\d\s*%?\)?\s*$")


def _row_shape(t: str) -> tuple[bool, int] | None:
    if len(t) > 200:
        return None
    m = _ROW_LINE.match(t) if _ENDS_IN_NUMBER.search(t) else None
    if m and len(m.group("name").split()) <= 14:
        n = len(re.findall(rf"(?:{NUMBER_RE})", m.group("vals")))
        return (bool(m.group("num")), n)
    m = _RANK_LINE.match(t)
    if m and len(m.group("name").split()) <= 10 and not m.group("name").rstrip().endswith((".", ":")):
        return (True, 0)
    return None


def _row_table(doc: Document, lines, i: int, j: int, shape: tuple[bool, int]) -> TableView:
    has_num, n_vals = shape
    rows: list[list[Cell | None]] = []
    for a, e, _t in lines[i:j]:
        raw = doc.view[a:e]
        m = _ROW_LINE.match(raw.strip()) if n_vals else _RANK_LINE.match(raw.strip())
        assert m is not None
        off = a + (len(raw) - len(raw.lstrip()))
        row: list[Cell | None] = []
        if has_num:
            row.append(Cell(off + m.start("num"), off + m.start("num") + len(m.group("num").rstrip(" .)")),
                            m.group("num").strip(" .)")))  # fmt: skip
        row.append(Cell(off + m.start("name"), off + m.end("name"), " ".join(m.group("name").split())))
        if n_vals:
            for v in re.finditer(rf"[+\-]?(?:{NUMBER_RE})\s*%?", m.group("vals")):
                s = off + m.start("vals") + v.start()
                row.append(Cell(s, s + len(v.group(0).rstrip()), v.group(0).strip()))
        rows.append(row)
    header = [""] * len(rows[0])
    roles: list[str | None] = (["rank"] if has_num else []) + ["entity"] + ["value"] * n_vals
    if n_vals:
        roles[-1] = "score"
        names = _header_above(doc, lines[i][0], n_vals)
        if names:
            header[len(header) - n_vals :] = names
    return TableView(header, rows, lines[i][0], lines[j - 1][1], "lines", roles, lines[i][0])


def _header_above(doc: Document, at: int, n: int) -> list[str] | None:
    """Column titles of a one-row-per-line table, from the lines above it: the components named
    there, when they are as many as its numbers (or one fewer: the last column is the total)."""
    from extractors.mentions import mentions

    comps = mentions(doc).get("component", max(0, at - 800), at)
    names = [" ".join(doc.view[c.start : c.end].split()) for c in comps]
    if len(names) == n:
        return names
    if len(names) == n - 1:
        return [*names, ""]
    return None
