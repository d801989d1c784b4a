"""Page geometry shared by the PDF text layer and OCR: glyphs -> words -> lines -> segments.

A *segment* is a run of words on one line with no wide gap inside; two segments on one
line are two columns (agency | quốc hiệu, number | place-date, nơi nhận | signer).

>>> ws = [Word("Số:", 10, 30, 100, 110, 10), Word("11/TB", 34, 60, 100, 110, 10), Word("Quảng", 300, 340, 101, 111, 10)]
>>> [s.text for s in build_lines(ws)[0].segments]
['Số: 11/TB', 'Quảng']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

import numpy as np
from numpy.typing import ArrayLike

from docmine.jit import jit

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    line: tuple[int, ...] | None = None  # OCR engine's own line id, which survives skew

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Segment:
    words: list[Word]

    @cached_property
    def text(self) -> str:  # made once: a segment's words never change
        return " ".join([w.text for w in self.words])

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1


@dataclass
class Line:
    segments: list[Segment]
    top: float
    bottom: float
    size: float
    kind: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "   ".join([s.text for s in self.segments])

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1


@dataclass
class Glyphs:
    """A page's glyphs as columns, in the PDF's own order: the characters, one per glyph (one space for
    any whitespace), and each glyph's box (top-down coordinates) and font size. Columns, not one object
    per glyph: a page holds thousands of glyphs and only its words become objects.

    >>> g = Glyphs("Số 1", [0, 6, 12, 16], [6, 12, 15, 22], [0] * 4, [10] * 4, [10, 10, 0, 10])
    >>> [(w.text, w.x0, w.x1) for w in chars_to_words(g)]
    [('Số', 0.0, 12.0), ('1', 16.0, 22.0)]
    """

    text: str = ""
    x0: ArrayLike = ()
    x1: ArrayLike = ()
    top: ArrayLike = ()
    bottom: ArrayLike = ()
    size: ArrayLike = ()


_SUPERSCRIPTS = np.zeros(0x207A, bool)  # by code point
_SUPERSCRIPTS[[ord(c) for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"]] = True


class Words(list):
    """Words with their geometry as rows of one array (top, bottom, x0, x1, size; a column per
    word), as :func:`chars_to_words` made them, so that laying them out reads no Word again. The
    list is not changed after: :meth:`keep` makes a new one.

    >>> ws = Words([Word("a", 0, 5, 0, 10, 10), Word("b", 9, 12, 0, 10, 10)], np.array([[0, 0], [10, 10], [0, 9], [5, 12], [10, 10]], float))
    >>> [w.text for w in ws.keep([False, True])], ws.keep([False, True]).geo[2].tolist()
    (['b'], [9.0])
    """

    def __init__(self, words, geo: np.ndarray) -> None:
        super().__init__(words)
        self.geo = geo

    def keep(self, mask: ArrayLike) -> Words:
        """The words where ``mask`` is true."""
        mask = np.asarray(mask, bool)
        return Words((w for w, k in zip(self, mask.tolist(), strict=True) if k), self.geo[:, mask])


def geometry(words: list[Word]) -> np.ndarray:
    """The words' top, bottom, x0, x1 and size as rows of one array: a :class:`Words`' own, else read.

    >>> geometry([Word("a", 0, 5, 1, 11, 10)]).tolist(), geometry([]).shape
    ([[1.0], [11.0], [0.0], [5.0], [10.0]], (5, 0))
    """
    if isinstance(words, Words):
        return words.geo
    return np.array([(w.top, w.bottom, w.x0, w.x1, w.size) for w in words], float).reshape(-1, 5).T.copy()


def chars_to_words(g: Glyphs) -> list[Word]:
    """Join glyphs, in the PDF's own order, into words.

    A word ends at a space (real or one the PDF engine generated), a jump to another line, a
    step backwards, or a gap wider than the font size. Superscript digits (smaller and raised)
    become ¹²³ so a footnote mark is never read as part of a number. The pass over the glyphs is
    compiled (:func:`_join`); only the words become Python objects.
    """
    codes = np.frombuffer(g.text.encode("utf-32-le"), np.uint32)
    at = np.flatnonzero(codes != 32)  # the glyphs that are not spaces
    if not at.size:
        return []
    cols = (g.x0, g.x1, g.top, g.bottom, g.size)
    x0, x1, top, bottom, size = (np.ascontiguousarray(np.asarray(v, dtype=float)[at]) for v in cols)
    body = median_of(size)
    code = codes[at]
    hard = np.ones(at.size, bool)  # a word starts here whatever the geometry: first glyph, or after a space
    hard[1:] = np.diff(at) > 1
    digit = (code >= 48) & (code <= 57) & (size < 0.8 * body)
    sup = _SUPERSCRIPTS[np.minimum(code, len(_SUPERSCRIPTS) - 1)]
    starts, raised, wx1, wtop, wbot, wsize = _join(x0, x1, top, bottom, size, hard, digit, sup, 0.2 * body)
    text = g.text
    if raised.any():
        chars = list(text)
        for i in at[raised].tolist():
            chars[i] = chars[i].translate(SUPERSCRIPT)
        text = "".join(chars)
    first = np.flatnonzero(starts)
    last = np.append(first[1:], at.size) - 1
    a, b = at[first].tolist(), (at[last] + 1).tolist()
    geo = np.stack((wtop[last], wbot[last], x0[first], wx1[last], wsize[last]))
    return Words(map(Word, [text[i:j] for i, j in zip(a, b, strict=True)], *geo[[2, 3, 0, 1, 4]].tolist()), geo)


@jit
def _join(x0, x1, top, bottom, size, hard, digit, sup, raise_by):  # pragma: no cover - compiled
    """One pass over a page's glyphs (spaces left out; ``hard``: a word starts here whatever the
    geometry, as after a space): each glyph joins the word before it when it sits on the word's line
    (its middle near the middle of the word's box so far) at most a font size after the word's right
    edge so far. Each glyph of a word widens its box, and all but superscripts (``sup``, or a small
    ``digit`` that sits ``raise_by`` above the word's bottom so far) raise the word's size. Returns
    where words start, the raised digits, and each glyph's word box and size so far. Every running
    max and min keeps the ``a if a > b else b`` form, so a word that starts with NaN keeps it and a
    later NaN is passed over.
    """
    n = x0.size
    starts = np.ones(n, np.bool_)
    raised = np.zeros(n, np.bool_)
    wx1, wtop, wbot, wsize = x1.copy(), top.copy(), bottom.copy(), size.copy()
    for k in range(1, n):
        px1, ptop, pbot, psize = wx1[k - 1], wtop[k - 1], wbot[k - 1], wsize[k - 1]
        s = size[k]
        if not hard[k]:
            raised[k] = digit[k] and bottom[k] < pbot - raise_by
            gap = x0[k] - px1
            near = abs((top[k] + bottom[k]) / 2 - (ptop + pbot) / 2) < 0.6 * (s if s > psize else psize)
            if near and -0.3 * s <= gap and gap <= (1.0 if 1 > s else s):
                starts[k] = False
                wx1[k] = x1[k] if x1[k] > px1 else px1
                wtop[k] = top[k] if top[k] < ptop else ptop
                wbot[k] = bottom[k] if bottom[k] > pbot else pbot
                wsize[k] = psize if sup[k] or raised[k] else (s if s > psize else psize)
    return starts, raised, wx1, wtop, wbot, wsize


def _group_rows(items: list[Word]) -> list[list[Word]]:
    rows: list[list[Word]] = []
    row: list[Word] = []
    top = bottom = 0.0
    for it in sorted(items, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if row:
            h = bottom - top
            mid = (it.top + it.bottom) / 2
            if mid <= bottom - 0.15 * h or mid - (top + bottom) / 2 < 0.35 * (it.size if it.size > h else h):
                row.append(it)
                if it.size >= 0.8 * h:
                    top, bottom = (
                        (it.top if it.top < top else top),
                        (it.bottom if it.bottom > bottom else bottom),
                    )
                continue
        row = [it]
        rows.append(row)
        top, bottom = it.top, it.bottom
    return rows


_X0 = attrgetter("x0")


def _median(values: list[float]) -> float:
    """``statistics.median``, without its checks.

    >>> _median([3.0, 1.0, 2.0]), _median([1.0, 2.0])
    (2.0, 1.5)
    """
    data = sorted(values)
    n = len(data)
    return data[n // 2] if n % 2 else (data[n // 2 - 1] + data[n // 2]) / 2


def median_of(values: np.ndarray) -> float:
    """:func:`_median` of an array of floats, by numpy's partition: the middle value, or the two middle
    values' sum halved, as :func:`_median` gives it; with a NaN among them, sorted as Python sorts.

    >>> median_of(np.array([3.0, 1.0, 2.0, 10.0])), median_of(np.array([3.0, 1.0, 2.0]))
    (2.5, 2.0)
    """
    n = values.size
    if not n or np.isnan(values).any():
        return _median(values.tolist())
    k = n // 2  # np.median's own steps, without its checks and reductions (17 -> 8 µs a page)
    if n % 2:
        return float(np.partition(values, k)[k])
    part = np.partition(values, (k - 1, k))
    return float((part[k - 1] + part[k]) / 2)


def build_lines(words: list[Word], gap: float = 2.2) -> list[Line]:
    """Words into lines (top to bottom), each split into segments at gaps wider than ``gap`` x size.

    A page's words are laid out by one compiled pass (:func:`_lay_out`); a few words (a table cell)
    by the same steps in Python, which cost less than making arrays of them."""
    if words and all(w.line is not None for w in words):
        by_id: dict[tuple[int, ...], list[Word]] = {}
        for w in words:
            by_id.setdefault(w.line, []).append(w)  # type: ignore[arg-type]
        rows = sorted(by_id.values(), key=lambda r: min(w.top for w in r))
    elif len(words) >= _COMPILED_FROM:
        return _lines_compiled(words, gap)
    else:
        rows = _group_rows(words)
    return _lines_of(rows, gap)


def _lines_of(rows: list[list[Word]], gap: float) -> list[Line]:
    """Each row of words a line: read left to right, split into segments at gaps wider than ``gap``
    x the row's median size."""
    lines: list[Line] = []
    for row in rows:
        if len(row) > 1:
            row.sort(key=_X0)
        size = _median([w.size for w in row])
        wide = gap * size
        seg = [row[0]]
        segs: list[Segment] = [Segment(seg)]
        last = row[0].x1
        for w in row[1:]:
            if w.x0 - last > wide:
                seg = [w]
                segs.append(Segment(seg))
            else:
                seg.append(w)
            last = w.x1
        lines.append(Line(segs, min([w.top for w in row]), max([w.bottom for w in row]), size))
    return lines


_COMPILED_FROM = 40  # words: fewer are laid out in Python


def _lines_compiled(words: list[Word], gap: float) -> list[Line]:
    """:func:`build_lines` of words without OCR line ids, laid out by :func:`_lay_out`."""
    if not words:
        return []
    top, bottom, x0, x1, size = geometry(words)
    order = np.lexsort((x0, (top + bottom) / 2))  # by middle, then left edge; stable, as sorted() is
    perm, cuts, line_at, box = _lay_out(order, top, bottom, x0, x1, size, float(gap), np.zeros(order.size, np.bool_))
    placed = [words[i] for i in perm.tolist()]
    cuts_, line_at_ = cuts.tolist(), line_at.tolist()
    lines: list[Line] = []
    for k, (t, b, size) in enumerate(box.tolist()):
        segs = [Segment(placed[cuts_[j] : cuts_[j + 1]]) for j in range(line_at_[k], line_at_[k + 1])]
        lines.append(Line(segs, t, b, size))
    return lines


@jit
def _lay_out(order, top, bottom, x0, x1, size, gap, new_row):  # pragma: no cover - compiled
    """Rows, then segments, of words given in ``order`` (by middle, then left edge): a word joins the
    row being read when its middle is above the row's bottom less 15% of its height, or within 35%
    of the larger of its size and that height from the row's middle; a word at least 80% of the
    row's height widens the row. Each row read left to right (stable), its size the median of its
    words' sizes, a new segment where a word starts more than ``gap`` x size after the word before
    ends. Returns the words in reading order, where each segment starts (and the end), where each
    line's segments start (and the end), and each line's top, bottom and size. A word where
    ``new_row`` (by position in ``order``) is true starts a row whatever its place (a table cell's
    first word: the cells of a page laid out in one pass)."""
    n = order.size
    row_start = np.empty(n + 1, np.int64)  # where each row starts in ``order``, then the end
    rows = 0
    rtop = rbot = 0.0
    for k in range(n):
        i = order[k]
        if k > 0 and not new_row[k]:
            h = rbot - rtop
            mid = (top[i] + bottom[i]) / 2
            s = size[i]
            if mid <= rbot - 0.15 * h or mid - (rtop + rbot) / 2 < 0.35 * (s if s > h else h):
                if s >= 0.8 * h:
                    rtop = top[i] if top[i] < rtop else rtop
                    rbot = bottom[i] if bottom[i] > rbot else rbot
                continue
        row_start[rows] = k
        rows += 1
        rtop, rbot = top[i], bottom[i]
    row_start[rows] = n
    perm = np.empty(n, np.int64)
    cuts = np.empty(n + 1, np.int64)
    line_at = np.empty(rows + 1, np.int64)
    box = np.empty((rows, 3))
    n_cuts = 0
    for r in range(rows):
        a, b = row_start[r], row_start[r + 1]
        m = b - a
        members = order[a:b].copy()
        _sort_by(x0, members)
        for j in range(m):  # a loop, not perm[a:b] = members: numba takes seconds to compile that
            perm[a + j] = members[j]
        by_size = members.copy()
        _sort_by(size, by_size)
        med = size[by_size[m // 2]] if m % 2 else (size[by_size[m // 2 - 1]] + size[by_size[m // 2]]) / 2
        line_at[r] = n_cuts
        cuts[n_cuts] = a
        n_cuts += 1
        last = x1[members[0]]
        lo, hi = top[members[0]], bottom[members[0]]
        for j in range(1, m):
            w = members[j]
            if x0[w] - last > gap * med:
                cuts[n_cuts] = a + j
                n_cuts += 1
            last = x1[w]
            lo = top[w] if top[w] < lo else lo
            hi = bottom[w] if bottom[w] > hi else hi
        box[r, 0], box[r, 1], box[r, 2] = lo, hi, med
    cuts[n_cuts] = n
    line_at[rows] = n_cuts
    return perm, cuts[: n_cuts + 1], line_at, box


@jit
def _sort_by(keys, idx):  # pragma: no cover - compiled
    """Sort ``idx`` in place by ``keys[idx]``, keeping the order of equal keys (insertion: a line's
    words come nearly in order)."""
    for j in range(1, idx.size):
        v = idx[j]
        k = keys[v]
        i = j - 1
        while i >= 0 and keys[idx[i]] > k:
            idx[i + 1] = idx[i]
            i -= 1
        idx[i + 1] = v


def warm() -> None:
    """Load this module's compiled loops (:func:`_join`, :func:`_lay_out`) into this process, from
    numba's cache or compiled, so that workers forked from it start with them.

    >>> warm()
    """
    words = chars_to_words(Glyphs("a b", [0.0, 5.0, 6.0], [5.0, 6.0, 9.0], [0.0] * 3, [10.0] * 3, [10.0, 0.0, 10.0]))
    _lines_compiled(words, 2.2)


_LIST_START = re.compile(r"^(?:[-+•*]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][).]\s|[IVX]{1,5}\.\s)")


def join_lines(texts: list[str]) -> str:
    """Join wrapped lines of one paragraph; ``STC-`` + ``HCSN`` keeps the hyphen, no space (a hyphen
    after a letter, digit or ``_``: what ``\\w-$`` finds, looked at without searching the text).

    >>> join_lines(["Sở", "STC-", "HCSN", " - ", "tiếp"])
    'Sở STC-HCSN - tiếp'
    """
    out = ""
    for t in texts:
        t = t.strip()
        if not out:
            out = t
        elif out[-1] == "-" and len(out) > 1 and (out[-2].isalnum() or out[-2] == "_"):
            out += t
        else:
            out += " " + t
    return out


def paragraphs(lines: list[Line], left: float, right: float) -> list[list[Line]]:
    """Group body lines into paragraphs by spacing, indentation, list markers and short last lines."""
    groups: list[list[Line]] = []
    width = max(right - left, 1)
    texts = [ln.text for ln in lines]  # each line's text made once
    caps = above = None  # whether this line and the line above are in capitals, once read
    for k, ln in enumerate(lines):
        above, caps = caps, None
        if groups:
            prev, before = lines[k - 1], texts[k - 1]  # the line above is the last one grouped
            gap = ln.top - prev.bottom
            t = texts[k].strip()
            new = (
                gap > 0.9 * prev.size
                or bool(_LIST_START.match(t))
                or (ln.x0 - left > 0.03 * width and before.rstrip().endswith((".", ":", ";", "!", "?")))
                or (
                    prev.x1 < right - 0.15 * width
                    and before.rstrip().endswith((".", ":", ";", "!", "?", "./."))
                )
                or len(ln.segments) > 1
                or len(prev.segments) > 1
                or (caps := _is_caps(t)) != (_is_caps(before.strip()) if above is None else above)
            )
            if not new:
                groups[-1].append(ln)
                continue
        groups.append([ln])
    return groups


def _is_caps(t: str) -> bool:
    """More than 80% of at least four letters in capitals.

    >>> _is_caps("KẾ HOẠCH Cải cách"), _is_caps("Kế hoạch")
    (False, False)
    """
    letters = list(filter(str.isalpha, t))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def column_boundary(lines: list[Line], width: float) -> float:
    """The x that separates two header columns: where the fewest words straddle, nearest the middle."""
    words = [w for ln in lines for s in ln.segments for w in s.words]
    best, cost = width / 2, float("inf")
    for k in range(25, 61):
        x = width * k / 100
        c = sum(1 for w in words if w.x0 < x < w.x1) + abs(k - 45) / 100
        if c < cost:
            best, cost = x, c
    return best
