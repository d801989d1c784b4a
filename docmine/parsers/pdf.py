"""PDF: pypdfium2's text layer for speed, pdfplumber's table finder only for pages with ruling
lines (fed the lines pdfium already read, so pdfplumber opens the file only for a page whose lines
sit in a form XObject), tesseract (``vie``) for pages that are scans.

Reading order keeps the two header columns apart (agency | quốc hiệu, number | place-date),
sets the digital-signature stamp ("Ký bởi", "TRUNG TÂM CÔNG BÁO") apart at the end, drops
page numbers into page furniture, and reads tables as grids, joining a table that runs on
to the next page (a first row with no number, or cells that start in lower case, continue
the row above).
"""

from __future__ import annotations

import bisect
import ctypes
import dataclasses
import difflib
import functools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import llvmlite.binding as llvm
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from numba import types as nt

from docmine import progress
from docmine.builder import CellSpec, DocBuilder
from docmine.caseblind import blind_words
from docmine.jit import jit
from docmine.legacy import repair_legacy, unreadable
from docmine.model import Document, ParseError
from docmine.parsers import layout, ocr, textlayer
from docmine.parsers.layout import (
    Glyphs,
    Line,
    Word,
    Words,
    build_lines,
    chars_to_words,
    column_boundary,
    geometry,
    join_lines,
    paragraphs,
)
from docmine.zones import TITLE_RE, ZoneTagger, has_nd30_header, order_header

# the digital-signature stamp: words found anywhere in a text (case-blind, found where their first
# letters are), a text that starts with it, an email address (sought only where there is an "@": its
# pattern would try every word)
_STAMP_WORDS = blind_words(["ký bởi", "thời gian ký", r"trung tâm công\b"])
_STAMP_START = re.compile(
    r"CÔNG BÁO|BÁO VÀ TIN HỌC|VÀ TIN HỌC|TIN HỌC$|\d{2}[./]\d{2}[./]\d{4}\s+\d{2}:\d{2}:\d{2}|\+07:00$"
    r"|Cơ quan:\s*(?:Tỉnh|Ủy ban|UBND|Sở|Văn phòng)",
    re.IGNORECASE,
)
_STAMP_EMAIL = re.compile(r"\S+@\S+\.(?:gov\.)?vn", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _is_stamp(text: str) -> bool:
    """A piece of the stamp (read once per text: a page's segments are tested twice, and the stamp
    repeats on every page).

    >>> _is_stamp("Ký bởi: Văn phòng"), _is_stamp("Thời gian: 10.05.2024 09:12:44 +07:00"), _is_stamp("vanphong@hanoi.gov.vn")
    (True, False, True)
    >>> _is_stamp("15.05.2024 09:12:44"), _is_stamp("Ngày 15.05.2024 09:12:44"), _is_stamp("+07:00")
    (True, False, True)
    """
    return bool(_STAMP_WORDS.search(text) or _STAMP_START.match(text) or "@" in text and _STAMP_EMAIL.search(text))


MAX_PAGES = int(os.environ.get("DOCMINE_MAX_PAGES", 500))


@dataclass
class Item:
    """One thing on a page, in reading order: a block of lines or a table."""

    kind: str
    page: int
    top: float
    text: str = ""
    cells: list[CellSpec] = field(default_factory=list)
    n_cols: int = 0
    ocr: bool = False
    tail: list[CellSpec] | None = None  # a table's cells that reach its last row (see _merge_tables)


def _pdfium(name: str, sig):
    """pdfium's function ``name`` as compiled code calls it: bound by name to pypdfium2's own copy of
    the library, so a compiled loop calls pdfium with no Python between calls."""
    llvm.add_symbol(name, ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value)
    return nt.ExternalFunction(name, sig)


_P = nt.intp  # a handle (text page, page object, path segment) or the address of an array's cell
_CHAR_BOX = _pdfium("FPDFText_GetCharBox", nt.int32(_P, nt.int32, _P, _P, _P, _P))
_FONT_SIZE = _pdfium("FPDFText_GetFontSize", nt.float64(_P, nt.int32))
_CHAR_MATRIX = _pdfium("FPDFText_GetMatrix", nt.int32(_P, nt.int32, _P))  # FS_MATRIX: six floats
_COUNT_OBJECTS = _pdfium("FPDFPage_CountObjects", nt.int32(_P))
_GET_OBJECT = _pdfium("FPDFPage_GetObject", _P(_P, nt.int32))
_COUNT_FORM_OBJECTS = _pdfium("FPDFFormObj_CountObjects", nt.int32(_P))
_GET_FORM_OBJECT = _pdfium("FPDFFormObj_GetObject", _P(_P, nt.uint64))
_OBJECT_TYPE = _pdfium("FPDFPageObj_GetType", nt.int32(_P))
_OBJECT_MATRIX = _pdfium("FPDFPageObj_GetMatrix", nt.int32(_P, _P))  # FS_MATRIX: six floats
_COUNT_SEGMENTS = _pdfium("FPDFPath_CountSegments", nt.int32(_P))
_GET_SEGMENT = _pdfium("FPDFPath_GetPathSegment", _P(_P, nt.int32))
_SEGMENT_POINT = _pdfium("FPDFPathSegment_GetPoint", nt.int32(_P, _P, _P))
_SEGMENT_TYPE = _pdfium("FPDFPathSegment_GetType", nt.int32(_P))
_SEGMENT_CLOSE = _pdfium("FPDFPathSegment_GetClose", nt.int32(_P))
_GET_TEXT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetText, ctypes.c_void_p).value
)  # one call per page: ctypes
_DROPPED = np.zeros(0x10000, bool)  # by UTF-16 code
_DROPPED[[0, 0xFFFE, 0xFFFF, 0x0D, 0x0A, 0x02]] = True
_LAST_SPACE = 0x3000  # no character after U+3000 is whitespace
_SPACE = np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)])


def _handle(obj) -> int:
    """The address behind a pypdfium2 handle (a ctypes pointer)."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _codes(tp: pdfium.PdfTextPage, raw: int, n: int) -> np.ndarray:
    """The UTF-16 code of every glyph of a text page: the page's text read in one call when it has one
    code per glyph (it has, unless pdfium left out a control glyph), else one call per glyph. The two
    agree but for control glyphs, all dropped (U+FFFE where the per-glyph call says U+0002)."""
    buf = np.empty(n + 1, np.uint16)
    if n and _GET_TEXT(raw, 0, n, buf.ctypes.data) == n + 1:
        return buf[:n].astype(np.uint32)
    return np.array([pdfium_c.FPDFText_GetUnicode(tp.raw, i) for i in range(n)], np.uint32)


def _code_points(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The glyphs that hold a character (indexes) and their code points: control glyphs dropped, a
    surrogate pair one character (read at its first half), a lone surrogate U+FFFD.

    >>> [(int(i), hex(c)) for i, c in zip(*_code_points(np.array([0x41, 0xD835, 0xDC00, 0x0D, 0xDC00, 0x1F600])))]
    [(0, '0x41'), (1, '0x1d400'), (4, '0xfffd'), (5, '0x1f600')]
    """
    keep = ~_DROPPED[np.minimum(codes, 0xFFFF)] | (codes > 0xFFFF)  # pdfium's per-glyph call may pass 0xFFFF
    cps = codes.copy()
    surrogate = (codes >= 0xD800) & (codes <= 0xDFFF)
    if surrogate.any():
        pair = np.zeros(codes.size, bool)
        pair[:-1] = (codes[:-1] <= 0xDBFF) & surrogate[:-1] & (codes[1:] >= 0xDC00) & surrogate[1:]
        second = np.roll(pair, 1)
        second[0] = False
        cps[pair] = 0x10000 + ((codes[pair] - 0xD800) << 10) + codes[second] - 0xDC00
        cps[surrogate & ~pair & ~second] = 0xFFFD
        keep &= ~second
    return np.flatnonzero(keep), cps[keep]


def _page_chars(page: pdfium.PdfPage, height: float) -> Glyphs:
    """The glyphs of a page's text layer with their boxes (top-down) and font sizes; whitespace is
    one space, a surrogate pair one character, a lone surrogate U+FFFD. A glyph whose box is turned
    inside out is dropped; a glyph of font size 0 takes its box's height."""
    tp = page.get_textpage()
    raw = _handle(tp.raw)
    idx, cps = _code_points(_codes(tp, raw, tp.count_chars()))
    box = np.empty((idx.size, 4))  # left, right, bottom, top
    fs = np.empty(idx.size)
    if not _glyph_boxes(raw, idx.astype(np.int32), box, fs):
        raise pdfium.PdfiumError("Failed to get charbox.")
    x0, x1, y0, y1 = box.T
    ok = ~((x1 < x0) | (y1 < y0))
    x0, x1, y0, y1, fs, cps = x0[ok], x1[ok], y0[ok], y1[ok], fs[ok], cps[ok]
    space = (cps <= _LAST_SPACE) & _SPACE[np.minimum(cps, _LAST_SPACE)]
    text = np.where(space, 32, cps).astype("<u4").tobytes().decode("utf-32-le")
    size = np.where(space, 0.0, np.where(fs == 0, y1 - y0, fs))  # a space's size is never read
    return Glyphs(text, x0, x1, height - y1, height - y0, size)


@jit
def _glyph_boxes(tp, idx, box, size):  # pragma: no cover - compiled
    """Each glyph's box (left, right, bottom, top) into ``box`` and font size into ``size``, read by
    pdfium's per-glyph calls in one compiled loop; False when pdfium gives no box.

    The size is the font's (``Tf``) times the vertical scale of the glyph's text matrix: a PDF that sets
    ``1 Tf`` and draws its text with a matrix of 12 has 12-point letters, not 1-point ones (read as
    1 point, every letter was a word of its own and every g, p and y a line of its own)."""
    base = box.ctypes.data
    m = np.zeros(6, np.float32)
    at = m.ctypes.data
    for k in range(idx.size):
        a = base + 32 * k
        if _CHAR_BOX(tp, idx[k], a, a + 8, a + 16, a + 24) == 0:
            return False
        size[k] = _FONT_SIZE(tp, idx[k])
        if _CHAR_MATRIX(tp, idx[k], at) != 0:
            scale = np.hypot(np.float64(m[2]), np.float64(m[3]))  # c, d: where the matrix takes a unit up
            if scale > 0:
                size[k] *= scale
    return True


def warm() -> None:
    """Load the compiled loops of the PDF parser into this process (from numba's cache, or compiled:
    about 2 s), so that workers forked from it start with them: a blank page read as any page is.

    >>> warm()
    """
    layout.warm()
    pdf = pdfium.PdfDocument.new()
    try:
        page = pdf.new_page(100, 100)
        _page_chars(page, 100)
        _ruling(page, 100)
        page.close()
    finally:
        pdf.close()
    words = chars_to_words(Glyphs("a", [0.0], [5.0], [0.0], [10.0], [10.0]))  # one cell of a table
    geo = geometry(words)
    at = np.zeros(1, np.intp)
    _cell_texts(words, geo, _owners(np.zeros((1, 4)), at, at + 1, at, (geo[2] + geo[3]) / 2), 1)


def _stamped(page: pdfium.PdfPage) -> bool:
    """Whether a page holds an annotation other than a link: a widget or stamp the signing software
    wrote the number and date into, to be flattened into the page (and the page read again). A link
    draws no text, and a page of links only is read as it is.

    >>> doc = pdfium.PdfDocument.new(); page = doc.new_page(100, 100); _stamped(page)
    False
    """
    raw = page.raw
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(raw, k)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_LINK:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _letters(text: str, enough: int) -> int:
    """The letters of ``text``, counted a thousand characters at a time until there are ``enough``.

    >>> _letters("ab1 " * 1000, 10), _letters("ab1 ", 10)
    (512, 2)
    """
    n = 0
    for at in range(0, len(text), 1024):
        n += sum(map(str.isalpha, text[at : at + 1024]))
        if n >= enough:
            break
    return n


def _big_image(page: pdfium.PdfPage, w: float, h: float):
    best, area = ocr.largest_image(page)
    return best if area > 0.3 * w * h else None


Edge = list  # a ruling line as pdfplumber reads one: [x0, x1, top, bottom, width, height, orientation]


def _ruling(page: pdfium.PdfPage, height: float) -> list[Edge] | None:
    """The straight, axis-aligned segments of a page's paths as pdfplumber edges (top-down
    coordinates; lists, not pdfplumber's dicts: :data:`Edge`), read from pdfium without parsing the
    page again: [] for a page of fewer than four paths (no ruling lines), None when a path sits inside
    a form XObject (its matrix is relative to the form), so pdfplumber must find the edges itself.
    Each end is taken as Python's ``min`` and ``max`` take it (the first of two, unless the second is
    smaller or larger), so a NaN falls where it did."""
    n_paths, seg = _path_segments(_handle(page.raw))
    if n_paths < 0:
        raise pdfium.PdfiumError("Failed to get pageobject.")
    if n_paths < 4:
        return []
    if seg is None:
        return None
    vertical = np.abs(seg[:, 0] - seg[:, 2]) < 0.5
    straight = vertical | (np.abs(seg[:, 1] - seg[:, 3]) < 0.5)
    v = vertical[straight]
    a0, b0, a1, b1 = seg[straight].T
    top = np.where(v, height - np.where(b1 > b0, b1, b0), height - b0)
    bottom = np.where(v, height - np.where(b1 < b0, b1, b0), height - b0)
    x0 = np.where(v, a0, np.where(a1 < a0, a1, a0))
    x1 = np.where(v, a0, np.where(a1 > a0, a1, a0))
    size = np.where(v, bottom - top, np.abs(a1 - a0))  # a vertical's height, a horizontal's width
    zero = np.zeros(v.size)
    edges = np.column_stack((x0, x1, top, bottom, np.where(v, zero, size), np.where(v, size, zero))).tolist()
    for e, o in zip(edges, np.where(v, "v", "h").tolist(), strict=True):
        e.append(o)
    return edges


def as_dict(e: Edge) -> dict:
    """An edge as pdfplumber's dict.

    >>> as_dict([1.0, 1.0, 2.0, 9.0, 0.0, 7.0, "v"])["height"]
    7.0
    """
    return dict(zip(("x0", "x1", "top", "bottom", "width", "height", "orientation"), e, strict=True))


@jit
def _path_segments(page):  # pragma: no cover - compiled
    """The path objects of a page, in pypdfium2's ``get_objects`` order (the objects of a form
    XObject on the page in its place, none deeper), read in one compiled walk: their number (-1 when
    pdfium fails to give an object) and, when none sits inside a form and every matrix is read,
    their line segments (x0, y0, x1, y1; a move starts a subpath, a line draws from the current
    point, a closing segment draws back to the subpath's start) in page coordinates."""
    paths, nested = [0][:0], False
    n = _COUNT_OBJECTS(page)
    if n < 0:
        return -1, None
    for i in range(n):
        obj = _GET_OBJECT(page, i)
        kind = _OBJECT_TYPE(obj)
        form = kind == 5  # FPDF_PAGEOBJ_FORM: its objects, read in its place
        m = _COUNT_FORM_OBJECTS(obj) if form else 1
        if m < 0:
            return -1, None
        for j in range(m):
            sub = _GET_FORM_OBJECT(obj, j) if form else obj
            sub_kind = _OBJECT_TYPE(sub) if form else kind
            if sub_kind == 0:  # FPDF_PAGEOBJ_UNKNOWN: the type of no object (NULL)
                return -1, None
            if sub_kind == 2:  # FPDF_PAGEOBJ_PATH
                paths.append(sub)
                nested = nested or form
    if len(paths) < 4 or nested:
        return len(paths), None
    matrix = np.empty(6, np.float32)  # a, b, c, d, e, f
    point = np.empty(2, np.float32)
    segs = []
    for obj in paths:
        if not _OBJECT_MATRIX(obj, matrix.ctypes.data):
            return len(paths), None
        ma, mb, mc = float(matrix[0]), float(matrix[1]), float(matrix[2])
        md, me, mf = float(matrix[3]), float(matrix[4]), float(matrix[5])
        has_start = has_current = False
        sx = sy = cx = cy = 0.0
        for i in range(max(_COUNT_SEGMENTS(obj), 0)):
            sg = _GET_SEGMENT(obj, i)
            if _SEGMENT_POINT(sg, point.ctypes.data, point.ctypes.data + 4):
                x, y = float(point[0]), float(point[1])
            else:
                x = y = 0.0
            px, py = ma * x + mc * y + me, mb * x + md * y + mf
            kind = _SEGMENT_TYPE(sg)
            if kind == 2:  # FPDF_SEGMENT_MOVETO
                sx, sy, cx, cy, has_start, has_current = px, py, px, py, True, True
                continue
            if kind == 0 and has_current:  # FPDF_SEGMENT_LINETO
                segs.append((cx, cy, px, py))
            cx, cy, has_current = px, py, True
            if _SEGMENT_CLOSE(sg) and has_start:
                segs.append((cx, cy, sx, sy))
                cx, cy = sx, sy
    out = np.empty((len(segs), 4))
    for k, sg4 in enumerate(segs):
        out[k, 0], out[k, 1], out[k, 2], out[k, 3] = sg4
    return len(paths), out


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def _find_tables(plumber: Callable, index: int, edges: list[Edge] | None) -> list[list[Box]]:
    """pdfplumber's tables of a page, each as its cells: found by the steps of its table finder from
    our edges (given explicit lines, it reads no page), each step made here faster, on edges as
    lists, same results: :func:`_merge_edges`, :func:`_crossings`, :func:`_cells`, :func:`_tables_of`;
    or, without our edges, by pdfplumber's own reading of the page."""
    if edges is None:
        pl = plumber()
        found = [t.cells for t in pl.pages[index].find_tables()]
        pl.pages[index].close()
        return found
    v = [e for e in edges if e[6] == "v"]
    h = [e for e in edges if e[6] == "h"]
    if len(v) < 2 or len(h) < 2:
        return []
    from pdfplumber.table import TableSettings

    s = TableSettings.resolve({"vertical_strategy": "explicit", "horizontal_strategy": "explicit"})
    long = [e for e in _merge_edges(v + h, s) if e[5 if e[6] == "v" else 4] >= s.edge_min_length]  # filter_edges
    return _tables_of(_cells(_crossings(long, s)))


def _merge_edges(edges: list[Edge], s) -> list[Edge]:
    """pdfplumber's ``merge_edges`` of our edges (left unchanged) with table settings ``s``: the positions of each orientation (x0 of verticals, top of horizontals) clustered (sorted,
    one within the snap tolerance of the one before joins its cluster) and each edge moved by its
    cluster's average less its position; then line by line (horizontals first, each orientation's
    lines in order of position) the edges, in order of their start, joined to the edge before when
    they start within the join tolerance of its end."""
    snapped: list[list] = []
    for o, at, snap in (("v", 0, s.snap_x_tolerance), ("h", 2, s.snap_y_tolerance)):  # at: x0 or top
        group = [list(e) for e in edges if e[6] == o]
        cluster: dict[float, int] = {}
        k, last = -1, 0.0
        for p in sorted(set(e[at] for e in group)):
            if k < 0 or not p <= last + snap:
                k += 1
            cluster[p] = k
            last = p
        for _, run in groupby(sorted(group, key=lambda e: cluster[e[at]]), key=lambda e: cluster[e[at]]):
            members = list(run)
            avg = sum(e[at] for e in members) / len(members)
            for e in members:
                shift = avg - e[at]
                e[at] += shift
                e[at + 1] += shift
            snapped += members
    out: list[Edge] = []
    for (o, _), line in groupby(sorted(snapped, key=_line), key=_line):
        lo, hi, join = (2, 3, s.join_y_tolerance) if o == "v" else (0, 1, s.join_x_tolerance)
        joined: list[list] = []
        for e in sorted(line, key=lambda e: e[lo]):
            if joined and e[lo] <= joined[-1][hi] + join:
                last = joined[-1]
                if e[hi] > last[hi]:
                    if not e[hi] >= last[lo]:  # pdfplumber asserts it (a NaN start fails)
                        raise AssertionError
                    if o == "v":
                        last[5] += e[hi] - last[hi]  # the height grows by what the bottom moves
                    else:
                        last[4] = e[hi] - last[0]
                    last[hi] = e[hi]
            else:
                joined.append(list(e))
        out += joined
    return out


def _line(e: list) -> tuple[str, float]:
    """The line an edge (as a list) lies on: its orientation and position."""
    return (e[6], e[0] if e[6] == "v" else e[2])


def _crossings(edges: list[Edge], s) -> dict[tuple[float, float], dict[str, list[Edge]]]:
    """pdfplumber's ``edges_to_intersections``: where a vertical and a horizontal edge meet, within
    the intersection tolerances, with the edges that meet there (verticals in order of x0 and top,
    horizontals of top and x0). The horizontals are sorted once and each vertical tested against
    all of them at once."""
    v = sorted((e for e in edges if e[6] == "v"), key=itemgetter(0, 2))  # x0, top
    h = sorted((e for e in edges if e[6] == "h"), key=itemgetter(2, 0))  # top, x0
    out: dict[tuple[float, float], dict[str, list[Edge]]] = {}
    if not v or not h:
        return out
    dx, dy = s.intersection_x_tolerance, s.intersection_y_tolerance
    top = np.array([e[2] for e in h], dtype=float)
    t_hi, t_lo = top + dy, top - dy
    left = np.array([e[0] for e in h], dtype=float) - dx
    right = np.array([e[1] for e in h], dtype=float) + dx
    for e in v:
        x = e[0]
        for i in np.flatnonzero((e[2] <= t_hi) & (e[3] >= t_lo) & (x >= left) & (x <= right)).tolist():
            c = out.setdefault((x, h[i][2]), {"v": [], "h": []})
            c["v"].append(e)
            c["h"].append(h[i])
    return out


def _tables_of(cells: list[Box]) -> list[list[Box]]:
    """pdfplumber's ``cells_to_tables``: cells gathered into tables, pass after pass over the cells
    left, each joining the table being gathered when it shares a corner with it; a pass that adds
    none closes the table. Tables of more than one cell, by their top then left cell."""
    tables: list[list[Box]] = []
    corners: set[tuple[float, float]] = set()
    table: list[Box] = []
    left = list(cells)
    while left:
        before, rest = len(table), []
        for c in left:
            four = ((c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3]))
            if not table or any(p in corners for p in four):
                corners.update(four)
                table.append(c)
            else:
                rest.append(c)
        left = rest
        if len(table) == before:
            tables.append(table)
            corners, table = set(), []
    if table:
        tables.append(table)
    return [t for t in sorted(tables, key=lambda t: min((c[1], c[0]) for c in t)) if len(t) > 1]


def _cells(crossings: dict[tuple[float, float], dict[str, list[Edge]]]) -> list[Box]:
    """pdfplumber's ``intersections_to_cells``: for each crossing of edges in (x, top) order, the
    first crossing below it and the first right of it (nearest first) that an edge of it reaches
    and that meet at a fourth crossing make a cell. Each crossing's edges are made a set once, and
    the crossings below and right of it looked up, not scanned for.

    >>> e = [[x, x, 0, 9, 0, 9, "v"] for x in (0, 5)] + [[0, 5, y, y, 5, 0, "h"] for y in (0, 9)]
    >>> _cells({(x, y): {"v": [e[x // 5]], "h": [e[2 + y // 9]]} for x in (0, 5) for y in (0, 9)})
    [(0, 0, 5, 9)]
    """
    points = sorted(crossings)
    if any(x != x or y != y for x, y in points):  # NaN: no key to look up by
        from pdfplumber.table import intersections_to_cells

        return intersections_to_cells({p: {k: [as_dict(e) for e in c[k]] for k in c} for p, c in crossings.items()})
    v = {p: {(e[0], e[2], e[1], e[3]) for e in c["v"]} for p, c in crossings.items()}  # x0, top, x1, bottom
    h = {p: {(e[0], e[2], e[1], e[3]) for e in c["h"]} for p, c in crossings.items()}
    cols: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for p in points:
        cols.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_col = {p: i for col in cols.values() for i, p in enumerate(col)}
    at_row = {p: i for row in rows.values() for i, p in enumerate(row)}
    out: list[Box] = []
    for p in points:
        right = [r for r in rows[p[1]][at_row[p] + 1 :] if not h[p].isdisjoint(h[r])]
        for b in cols[p[0]][at_col[p] + 1 :]:
            if v[p].isdisjoint(v[b]):
                continue
            corner = next((c for r in right if (c := (r[0], b[1])) in crossings and not v[c].isdisjoint(v[r])
                           and not h[c].isdisjoint(h[b])), None)  # fmt: skip
            if corner is not None:
                out.append((p[0], p[1], corner[0], corner[1]))
                break
    return out


def _tables(
    plumber: Callable, index: int, words: list[Word], edges: list[Edge] | None = None
) -> tuple[list[Item], list[Word]]:
    """Tables of a page found by pdfplumber from the page's ruling lines, filled with our words;
    returns the rest of the words. A word goes to the first cell, table by table, that holds its
    middle (1 pt of slack); each cell's words are laid out as lines (:func:`_cell_texts`)."""
    boxes = [t for t in _find_tables(plumber, index, edges) if len(t) >= 4]
    if not boxes:
        return [], words
    geo = geometry(words)
    mid_x, mid_y = (geo[2] + geo[3]) / 2, (geo[0] + geo[1]) / 2
    by_y = np.argsort(mid_y, kind="stable")  # the words of a cell's rows found by bisection
    ys_sorted = mid_y[by_y]
    flat = np.array([c for t in boxes for c in t], float).reshape(-1, 4)  # x0, top, x1, bottom
    lo = np.searchsorted(ys_sorted, flat[:, 1] - 1, "left")
    hi = np.searchsorted(ys_sorted, flat[:, 3] + 1, "right")
    owner = _owners(flat, lo, hi, by_y, mid_x)
    texts = iter(_cell_texts(words, geo, owner, len(flat)))
    items: list[Item] = []
    for t in boxes:
        xs = {v: i for i, v in enumerate(sorted({round(v, 0) for c in t for v in (c[0], c[2])}))}
        ys = {v: i for i, v in enumerate(sorted({round(v, 0) for c in t for v in (c[1], c[3])}))}
        cells: list[CellSpec] = []
        for x0, top, x1, bottom in t:
            col, row = xs[round(x0, 0)], ys[round(top, 0)]
            cells.append(CellSpec(next(texts), row, col, max(1, ys[round(bottom, 0)] - row),
                                  max(1, xs[round(x1, 0)] - col), page=index + 1))  # fmt: skip
        cells = _compact(cells)
        n_cols = max(c.col + c.col_span for c in cells)
        items.append(Item("table", index + 1, min(c[1] for c in t), cells=cells, n_cols=n_cols))
    free = owner < 0
    if isinstance(words, Words):
        return items, words.keep(free)
    return items, [w for w, f in zip(words, free.tolist(), strict=True) if f]


@jit
def _owners(cells, lo, hi, by_y, mid_x):  # pragma: no cover - compiled
    """The cell each word goes to (-1: none): cells in order, each taking the words not yet taken
    among ``by_y[lo[c]:hi[c]]`` (its rows) whose middle lies within its sides, 1 pt of slack."""
    owner = np.full(mid_x.size, -1, np.int64)
    for c in range(cells.shape[0]):
        left, right = cells[c, 0] - 1, cells[c, 2] + 1
        for k in range(lo[c], hi[c]):
            w = by_y[k]
            if owner[w] < 0 and left <= mid_x[w] and mid_x[w] <= right:
                owner[w] = c
    return owner


def _cell_texts(words: list[Word], geo: np.ndarray, owner: np.ndarray, n_cells: int) -> list[str]:
    """Each cell's text: its words (in the page's order) laid out as lines by the compiled layout,
    every cell at once (a cell's rows never take another cell's words), one segment per wide gap
    (99 x size), the lines joined as a paragraph (:func:`join_lines`).

    >>> ws = [Word("b", 0, 5, 20, 30, 10), Word("a", 0, 5, 0, 10, 10), Word("c", 50, 55, 0, 10, 10)]
    >>> _cell_texts(ws, geometry(ws), np.array([0, 0, 1]), 3)
    ['a b', 'c', '']
    """
    taken = np.flatnonzero(owner >= 0)
    out: list[list[str]] = [[] for _ in range(n_cells)]
    if taken.size:
        top, bottom, x0, x1, size = (np.ascontiguousarray(v) for v in geo[:, taken])
        cell = owner[taken]
        order = np.lexsort((x0, (top + bottom) / 2, cell))  # by cell, middle, left edge; stable
        new_row = np.ones(order.size, np.bool_)
        new_row[1:] = cell[order[1:]] != cell[order[:-1]]
        perm, cuts, line_at, _ = layout._lay_out(order, top, bottom, x0, x1, size, 99.0, new_row)
        texts = [words[i].text for i in taken.tolist()]
        placed = [texts[i] for i in perm.tolist()]
        in_cell = cell[perm].tolist()
        cuts_, at = cuts.tolist(), line_at.tolist()
        for r in range(len(at) - 1):
            first = cuts_[at[r]]
            segs = [" ".join(placed[cuts_[j] : cuts_[j + 1]]) for j in range(at[r], at[r + 1])]
            out[in_cell[first]].append("   ".join(segs))
    return [join_lines(lines) for lines in out]


def _compact(cells: list[CellSpec]) -> list[CellSpec]:
    """Renumber rows so that each distinct cell top is one row (edges that split only a merged cell vanish)."""
    tops = {c.row for c in cells}
    kept = sorted(tops | {max(c.row + c.row_span for c in cells)})
    idx = {e: i for i, e in enumerate(kept)}
    out = []
    for c in cells:
        r0 = idx[c.row]
        end = c.row + c.row_span
        r1 = idx[end] if end in idx else idx[kept[bisect.bisect_left(kept, end)]]
        out.append(CellSpec(c.text, r0, c.col, max(1, r1 - r0), c.col_span, page=c.page))
    return out


def _continues(prev: Item, cur: Item) -> bool:
    return (
        prev.kind == "table"
        and cur.kind == "table"
        and prev.n_cols == cur.n_cols
        and cur.page == prev.page + 1
    )


def _merge_tables(prev: Item, cur: Item) -> None:
    """Append ``cur`` (the same table on the next page) to ``prev``, joining a row split by the page break."""
    if prev.tail is None:  # the cells that reach the last row, kept between pages: a table that runs
        last = max(c.row for c in prev.cells)  # over a hundred pages is not rescanned for every page
        prev.tail = [c for c in prev.cells if c.row + c.row_span > last]
    last_row = max(c.row for c in prev.tail)
    above = {c.col: c for c in prev.tail if c.row <= last_row < c.row + c.row_span}
    n_before = len(prev.cells)
    first = [c for c in cur.cells if c.row == 0]
    first_col_empty = not any(c.col == 0 and c.text.strip() for c in first)
    shift = last_row + 1
    carried: set[int] = set()
    for c in first:
        t = c.text.strip()
        up = above.get(c.col)
        if up is None:
            continue
        if (
            first_col_empty
            or (t and t[0].islower() and up.text.strip())
            or (not t and c.row_span > 1 and up.text)
        ):
            if t:
                up.text = join_lines([up.text, t])
            up.row_span = (shift + c.row_span - 1) - up.row + 1 if c.row_span > 1 else up.row_span
            carried.add(id(c))
    drop_first_row = first_col_empty
    for c in cur.cells:
        if id(c) in carried:
            continue
        if drop_first_row and c.row == 0:
            continue
        prev.cells.append(CellSpec(c.text, c.row + shift - (1 if drop_first_row else 0), c.col, c.row_span,
                                   c.col_span, page=c.page))  # fmt: skip
    if drop_first_row:  # rows below the dropped row moved up; merged cells from the first row still count
        for c in cur.cells:
            if c.row == 0 and c.row_span > 1 and id(c) not in carried and c.text.strip():
                prev.cells.append(CellSpec(c.text, shift, c.col, c.row_span - 1, c.col_span, page=c.page))
    prev.page = cur.page
    cands = prev.tail + prev.cells[n_before:]
    last = max(c.row for c in cands)
    prev.tail = [c for c in cands if c.row + c.row_span > last]


def _classify_page(lines: list[Line], page_no: int, width: float, height: float) -> list[Item]:
    """Lines of one page into items: header zone (page 1), stamps, furniture, body paragraphs, signature."""
    items: list[Item] = []
    mid = width / 2
    body: list[Line] = []
    stamp_lines: list[str] = []
    for ln in lines:
        keep = []
        for s in ln.segments:
            if _is_stamp(s.text.strip()):
                stamp_lines.append(s.text)
            else:
                keep.append(s)
        if not keep:
            continue
        ln.segments = keep
        t = ln.text.strip()
        if (ln.top < 0.08 * height or ln.bottom > 0.93 * height) and re.fullmatch(r"-?\s*\d{1,3}\s*-?", t):
            items.append(Item("furniture", page_no, ln.top, text=t))
            continue
        body.append(ln)
    if stamp_lines:
        items.append(Item("stamp", page_no, -1, text="\n".join(stamp_lines)))
    if not body:
        return items
    i = 0
    if page_no == 1:
        for i, ln in enumerate(body):  # noqa: B007 - i is used after the loop
            t = ln.text.strip()
            full = len(ln.segments) == 1 and ln.x0 < mid - 0.2 * width and ln.x1 > mid + 0.2 * width
            if (
                TITLE_RE.match(t)
                or t.startswith("Kính gửi")
                or (full and i > 0 and not re.search("Độc lập|CỘNG|Số", t))
            ):
                break
        else:
            i = len(body)
        zone = body[:i]
        cut = column_boundary(zone, width)
        cols: tuple[list[Word], list[Word]] = ([], [])
        for ln in zone:
            for s in ln.segments:
                for w in s.words:
                    cols[(w.x0 + w.x1) / 2 >= cut].append(dataclasses.replace(w, line=None))
        left = [ln.text for ln in build_lines(cols[0])]
        right = [ln.text for ln in build_lines(cols[1])]
        if left and right and has_nd30_header(left + right):
            for t in order_header(left, right):
                items.append(Item("header", page_no, 0, text=t))
        else:
            i = 0
    rest = body[i:]
    sig = next((k for k, ln in enumerate(rest) if re.match(r"\s*Nơi nhận", ln.segments[0].text)), None)
    main, tail = (rest, []) if sig is None else (rest[:sig], rest[sig:])
    left_margin = min((ln.x0 for ln in main), default=0)
    right_margin = max((ln.x1 for ln in main), default=width)
    for group in paragraphs(main, left_margin, right_margin):
        items.append(Item("text", page_no, group[0].top, text=join_lines([ln.text for ln in group])))
    if tail:
        left, right = [], []
        for ln in tail:
            for s in ln.segments:
                (left if s.x0 < mid - 0.1 * width else right).append(s.text)
        for t in left + right:
            items.append(Item("signature", page_no, tail[0].top, text=t))
    return items


def parse(path: Path) -> Document:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise ParseError("pdf: encrypted (a password is needed)") from None
        raise ParseError(f"pdf: corrupt or not a PDF ({msg})") from None
    pdf.init_forms()
    opened: list = []  # pdfplumber's reading of the file, made for the first page whose edges it must find

    def plumber():
        if not opened:
            import pdfplumber

            opened.append(pdfplumber.open(path))
        return opened[0]

    try:
        damage = damaged(path, pdf)
        doc = _parse(path, plumber, pdf)
    finally:
        for pl in opened:
            pl.close()
        pdf.close()
    doc.warnings[:0] = damage
    return doc


def damaged(path: Path, pdf: pdfium.PdfDocument) -> list[str]:
    """A warning for a PDF that pdfium had to repair: cut short, or with a broken cross-reference table."""
    with open(path, "rb") as f:
        f.seek(max(0, os.fstat(f.fileno()).st_size - 2048))
        if b"%%EOF" not in f.read():
            return ["warning: pdf: truncated (no %EOF at the end); pages or text may be missing"]
    if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw):
        return ["warning: pdf: damaged cross-reference table, repaired by the reader; text may be incomplete"]
    return []


def _parse(path: Path, plumber: Callable, pdf: pdfium.PdfDocument) -> Document:
    """The items of every page, tables joined across pages; ``plumber()`` opens pdfplumber (once)."""
    n = len(pdf)
    if n == 0:
        raise ParseError("pdf: no pages")
    if n > MAX_PAGES:
        raise ParseError(f"pdf: {n} pages, over the limit of {MAX_PAGES} (set DOCMINE_MAX_PAGES)")
    items: list[Item] = []
    ocr_pages: set[int] = set()
    reader = ocr.Reader(path, pdf)
    missing_ocr: list[int] = []
    for idx in range(n):
        page = pdf[idx]
        if _stamped(page):
            # signing software stamps the number and date as annotations; flattened by the raw call,
            # which needs no form environment (page.flatten() refuses a page of a PDF without forms)
            if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS:
                page.close()
                page = pdf[idx]
        width, height = page.get_size()
        chars = _page_chars(page, height)
        words = chars_to_words(chars)
        lines = build_lines(words)
        texts = [sg.text for ln in lines for sg in ln.segments]
        stamped = [_is_stamp(t) for t in texts]
        stamp_text = [t for t, st in zip(texts, stamped, strict=True) if st]
        body_text = " ".join(t for t, st in zip(texts, stamped, strict=True) if not st)
        letters = _letters(body_text, 201)  # only compared with 40 and 200
        body_text = repair_legacy(body_text) if letters >= 40 else body_text  # judged as read after repair
        garbage = letters > 200 and unreadable(body_text, repaired=True)
        verdict = "unreadable" if garbage else (textlayer.verdict(body_text, repaired=True) if letters >= 40 else None)
        img = _big_image(page, width, height) if letters < 40 or verdict else None  # read only for OCR
        if (letters < 40 and img is not None) or verdict:
            if not ocr.tesseract_available():
                missing_ocr.append(idx + 1)
            else:
                if verdict:
                    reader.notes.append(f"warning: page {idx + 1}: text layer judged bad ({verdict}); OCR used")
                page_items = _ocr_items(reader, idx, page, width, height)
                if stamp_text:
                    page_items.insert(0, Item("stamp", idx + 1, -1, text="\n".join(stamp_text)))
                for it in page_items:
                    it.ocr = it.kind != "stamp"
                items.extend(page_items)
                ocr_pages.add(idx + 1)
                page.close()
                progress.page_read(idx + 1, n)
                continue
        table_items: list[Item] = []
        edges = _ruling(page, height)
        if edges != []:  # ruling lines (or paths in a form XObject, for pdfplumber to read)
            table_items, words = _tables(plumber, idx, words, edges)
            if table_items:
                lines = build_lines(words)  # the words outside the tables (else the lines read above)
        page_items = _classify_page(lines, idx + 1, width, height) + table_items
        page_items.sort(key=lambda it: (it.kind not in ("header",), it.top))
        items.extend(page_items)
        page.close()
        progress.page_read(idx + 1, n)
    reader.close()
    if missing_ocr and len(missing_ocr) == n:
        raise ParseError(
            "pdf: scanned pages with no text layer; OCR is needed: install tesseract-ocr and tesseract-ocr-vie"
        )
    merged: list[Item] = []
    for it in items:
        prev = next((m for m in reversed(merged) if m.kind not in ("furniture", "stamp")), None)
        if prev is not None and it.kind == "table" and _continues(prev, it):
            _merge_tables(prev, it)
            continue
        merged.append(it)
    return _emit(path, merged, ocr_pages, missing_ocr, reader.notes)


def _emit(path: Path, items: list[Item], ocr_pages: set[int], missing_ocr: list[int],
          notes: list[str] | None = None) -> Document:  # fmt: skip
    b = DocBuilder(str(path), "pdf")
    b.warnings.extend(notes or [])
    if missing_ocr:
        b.warnings.append(
            f"warning: pages {missing_ocr} are scans; OCR is needed (install tesseract-ocr-vie)"
        )
    tagger = ZoneTagger(has_header=False)
    stamps = [it for it in items if it.kind == "stamp"]
    for it in items:
        if it.kind == "stamp":
            continue
        if it.kind == "table":
            b.add_table(it.cells, page=it.page, ocr=it.ocr)
        elif it.kind == "header":
            b.add(it.text, "header", page=it.page, sep="\n", ocr=it.ocr)
        elif it.kind == "signature":
            tagger.in_signature = True  # a signer pushed onto the next page still belongs to the signature
            b.add(it.text, "signature", page=it.page, sep="\n", ocr=it.ocr)
        elif it.kind == "furniture":
            b.add(it.text, "furniture", page=it.page, ocr=it.ocr)
        else:
            b.add(it.text, tagger.kind(it.text), page=it.page, ocr=it.ocr)
    for it in stamps:
        for line in it.text.split("\n"):
            b.add(line, "stamp", page=it.page, sep="\n", ocr=it.ocr)
    b.ocr_pages = ocr_pages
    return b.build()


_SIGNATURE_RE = re.compile(r"N[ơo]i nh[ậâa]n|CH[ỦU] T[ỊI]CH|^(?:KT|TM|TL|Q|TUQ)\.|GI[ÁA]M Đ[ỐO]C|TR[ƯU][ỞO]NG|TH[ỦU] T[ƯU][ỚO]NG",
                           re.MULTILINE)  # fmt: skip


def _zone_lines(words: list[Word]) -> list[str]:
    return [ocr.fix_line(ln.text) for ln in build_lines(words)]


def _ocr_items(reader: ocr.Reader, idx: int, page: pdfium.PdfPage, width: float, height: float) -> list[Item]:
    """Items of a scanned page read zone by zone: the header columns as header (when they hold a
    Nghị định 30 header), the nơi nhận and signature columns as signature, the rest as the body.

    A token of the header read with low confidence (a handwritten number or date) is left unread,
    with a warning."""
    result = reader.page(idx, page)
    if result.unread:
        reader.notes.append(f"warning: page {idx + 1}: handwritten or illegible number/date left unread "
                            f"(OCR read {' '.join(result.unread)!r} with low confidence)")  # fmt: skip
    zones = dict(result.zones)
    items: list[Item] = []
    stamp: list[str] = []
    for kind, words in list(zones.items()):  # the portal's "received" stamp (CỔNG TTĐT CHÍNH PHỦ / ĐẾN / Giờ / Ngày)
        keep = []
        for ln in build_lines(words):
            for sg in ln.segments:
                if _portal(sg.text):
                    stamp.append(sg.text)
                else:
                    keep += sg.words
        zones[kind] = keep
    left, right = zones.pop("header-left", []), zones.pop("header-right", [])
    title = next((ln.top for ln in build_lines(left + right) if TITLE_RE.match(ln.text) or
                  ln.text.startswith("Kính gửi")), None)  # fmt: skip
    if title is not None:  # a title or Kính gửi the zones took into the header starts the body
        moved = [w for w in left + right if w.top >= title - 2]
        left, right = [w for w in left if w.top < title - 2], [w for w in right if w.top < title - 2]
        zones["body"] = moved + zones.get("body", [])
    head = (_zone_lines(left), _zone_lines(right))
    if head[0] and head[1] and has_nd30_header(head[0] + head[1]):
        items += [Item("header", idx + 1, 0, text=t) for t in order_header(*head)]
    elif left or right:
        zones["body"] = left + right + zones.get("body", [])
    bl, br = zones.pop("bottom-left", []), zones.pop("bottom-right", [])
    body = zones.get("body", [])
    if body:
        items += _classify_page(build_lines(body), idx + 1, width, height)
    sig = (_zone_lines(bl), _zone_lines(br))
    if _SIGNATURE_RE.search("\n".join(sig[0] + sig[1])):
        top = min(w.top for w in bl + br)
        items += [Item("signature", idx + 1, top, text=t) for t in sig[0] + sig[1]]
    else:
        for ws in (bl, br):
            if ws:
                items += [it for it in _classify_page(build_lines(ws), idx + 1, width, height) if it.kind != "stamp"]
    if zones.get("tail"):
        items += _classify_page(build_lines(zones["tail"]), idx + 1, width, height)
    if stamp:
        items.append(Item("stamp", idx + 1, -1, text="\n".join(stamp)))
    return items


_PORTAL = ("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC")


def _portal(text: str) -> bool:
    """A piece of the received stamp a portal puts on a scan, read more or less right.

    >>> _portal("CÔNG THÔNG f5 B'ÊN TỪ CHÍNH PHÙ"), _portal("THỦ TƯỚNG CHÍNH PHỦ"), _portal("Cổng Thông tin điện tử Chính phủ")
    (True, False, False)
    """
    t = text.strip()
    if re.match(r"^(?:ĐẾN|Giờ|Ngày|Số)\s*:?\s*[.…_\d/\s]*$", t) and re.search(r"[.…_]{3}", t):
        return True  # "Giờ......S....." under the portal's name
    letters = [c for c in t if c.isalpha()]
    if len(t) > 45 or not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return False  # the stamp is in capitals; "đăng trên Cổng Thông tin điện tử Chính phủ" is text
    return any(difflib.SequenceMatcher(None, t.upper(), p).ratio() >= 0.7 for p in _PORTAL)
