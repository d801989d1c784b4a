"""Assemble normalized blocks into one Document text, recording offsets as it goes.

Parsers call :class:`DocBuilder`; each piece of text is normalized before it is appended,
so every offset is an offset into the normalized text.

>>> b = DocBuilder("x.docx", "docx")
>>> _ = b.add("Kính gửi:  Sở Nội vụ", "paragraph", page=None)
>>> doc = b.build()
>>> doc.text, doc.blocks[0].end
('Kính gửi: Sở Nội vụ', 19)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docmine.model import Block, Document, Page, Table
from docmine.normalize import clean_text, normalize_text


@dataclass
class CellSpec:
    """A table cell before it is placed in the text."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    page: int | None = None


MAX_BLOCK = 20_000  # characters; a longer paragraph (one line of a huge text file) is split at sentences
_SENTENCE_END = re.compile(r"(?<=[.!?;…]) (?=[A-ZĐÀ-Ỹ(\"“])")


def split_long(t: str, limit: int = MAX_BLOCK, piece: int = 2_000) -> list[str]:
    """``t`` itself, or, when longer than ``limit``, pieces of about ``piece`` characters cut at
    sentence ends, so that ``" ".join(pieces) == t`` (work per block stays bounded).

    >>> split_long("Một. Hai. Ba.", limit=5, piece=4)
    ['Một.', 'Hai.', 'Ba.']
    """
    if len(t) <= limit:
        return [t]
    out, start = [], 0
    for m in _SENTENCE_END.finditer(t):
        if m.start() - start >= piece:
            out.append(t[start : m.start()])
            start = m.end()
    out.append(t[start:])
    return out


class DocBuilder:
    def __init__(self, source: str, fmt: str, *, repair: bool = True) -> None:
        self.source, self.format, self.repair = source, fmt, repair
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.pages: list[Page] = []
        self.warnings: list[str] = []
        self.title: str | None = None
        self.published: str | None = None
        self.ocr_pages: set[int] = set()

    def _append(self, s: str) -> None:
        self._parts.append(s)
        self._len += len(s)

    def _sep(self, sep: str) -> None:
        if self._len:
            self._append(sep)

    def add(self, text: str, kind: str, page: int | None = None, sep: str = "\n\n", *, ocr: bool = False,
            keep_lines: bool = True) -> Block | None:  # fmt: skip
        """Normalize ``text`` and append it as one block; empty text adds nothing."""
        t = normalize_text(text, repair=self.repair)
        if not keep_lines:
            t = " ".join(t.split())
        if not t:
            return None
        self._sep(sep)
        first: Block | None = None
        for piece in split_long(t):  # the text is the same; a paragraph of a megabyte is many blocks
            if first is not None:
                self._append(" ")
            b = Block(
                kind if first is None else "paragraph", self._len, self._len + len(piece), page=page, ocr=ocr
            )
            self._append(piece)
            self.blocks.append(b)
            first = first or b
        return first

    def add_table(self, cells: list[CellSpec], page: int | None = None, *, ocr: bool = False) -> Table | None:
        """Append a table, one line per row, cells separated by a tab; merged cells once."""
        cells = [c for c in cells if c.row >= 0 and c.col >= 0]
        if not cells:
            return None
        n_rows = max(c.row + c.row_span for c in cells)
        n_cols = max(c.col + c.col_span for c in cells)
        index = len(self.tables)
        by_row: dict[int, list[CellSpec]] = {}
        for c in sorted(cells, key=lambda c: (c.row, c.col)):
            by_row.setdefault(c.row, []).append(c)
        self._sep("\n\n")
        placed: list[Block] = []
        for r in range(n_rows):
            if r:
                self._append("\n")
            col = 0
            for c in by_row.get(r, []):
                self._append("\t" * (c.col - col) if c.col > col else "")
                col = c.col
                t = " ".join(normalize_text(c.text, repair=self.repair).split())
                b = Block("table_cell", self._len, self._len + len(t), page=c.page or page, table=index, row=c.row,
                          col=c.col, row_span=c.row_span, col_span=c.col_span, ocr=ocr)  # fmt: skip
                self._append(t)
                placed.append(b)
                if t:
                    self.blocks.append(b)
            if col < n_cols - 1:
                self._append("\t" * (n_cols - 1 - col))
        table = Table(index, n_rows, n_cols, placed, page=page)
        self.tables.append(table)
        return table

    def _pages(self) -> list[Page]:
        """Page spans from the blocks: a page runs from its first block to its last."""
        spans: dict[int, tuple[int, int]] = {}
        for b in self.blocks:
            if b.page is not None:
                s, e = spans.get(b.page, (b.start, b.end))
                spans[b.page] = (min(s, b.start), max(e, b.end))
        return [Page(n, s, e, n in self.ocr_pages) for n, (s, e) in sorted(spans.items())]

    def build(self) -> Document:
        text = "".join(self._parts)
        self.pages = self._pages()
        title, published = (
            clean_text(s).strip() or None if s else None for s in (self.title, self.published)
        )
        return Document(source=self.source, format=self.format, text=text, blocks=self.blocks,
                        tables=self.tables, pages=self.pages, title=title, published=published,
                        warnings=self.warnings)  # fmt: skip
