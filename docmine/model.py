"""The normalized document every parser produces and every extractor reads.

One offset space: ``doc.view[b.start:b.end] == doc.block_text(b)`` for every block (``view`` is
``text`` made uniform for matching, character for character), and
every fact's evidence slices ``doc.text`` the same way. This module imports nothing from
parsers or extractors.

>>> b = Block("paragraph", 0, 5, page=1)
>>> Document(source="x.txt", format="txt", text="Hello", blocks=[b]).block_text(b)
'Hello'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property

BLOCK_KINDS = (
    "heading",
    "paragraph",
    "list_item",
    "table_cell",
    "footnote",
    "header",  # Nghị định 30 header zone: agency, number, quốc hiệu, place-date, trích yếu
    "signature",  # nơi nhận and signer
    "stamp",  # digital-signature / Công báo stamp text
    "furniture",  # page numbers, running headers and footers
)


@dataclass(frozen=True)
class Block:
    """A span of ``Document.text`` with its kind and provenance."""

    kind: str
    start: int
    end: int
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    row_span: int = 1
    col_span: int = 1
    ocr: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Table:
    """A table grid. ``cells`` are table-cell blocks (one per origin cell, merged cells once)."""

    index: int
    n_rows: int
    n_cols: int
    cells: list[Block]
    page: int | None = None

    def grid(self) -> list[list[Block | None]]:
        """Rows x columns, a merged cell repeated in every slot it covers.

        >>> c = Block("table_cell", 0, 1, table=0, row=0, col=0, row_span=2)
        >>> [[x is c for x in r] for r in Table(0, 2, 1, [c]).grid()]
        [[True], [True]]
        """
        g: list[list[Block | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            assert c.row is not None and c.col is not None
            for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                    g[r][k] = c
        return g


@dataclass(frozen=True)
class Page:
    number: int
    start: int
    end: int
    ocr: bool = False


@dataclass
class Document:
    source: str
    format: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    title: str | None = None  # headline of a news page
    published: str | None = None  # ISO date of a news page
    warnings: list[str] = field(default_factory=list)
    # layers derived from the text by extractors (mentions, tables), built once and shared; never compared
    layers: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def view(self) -> str:
        """Same-length matching view of ``text`` (dashes, quotes, tone placement made uniform)."""
        from docmine.normalize import canonical

        v = canonical(self.text)
        return v if len(v) == len(self.text) else self.text

    def block_text(self, b: Block) -> str:
        """The block as matched by extractors (from ``view``; offsets are the same as ``text``)."""
        return self.view[b.start : b.end]

    def page_at(self, offset: int) -> int | None:
        """1-based page holding ``offset``; None for formats without pages."""
        for p in self.pages:
            if p.start <= offset < p.end or (offset == p.end and p is self.pages[-1]):
                return p.number
        return None

    def blocks_of(self, *kinds: str) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]

    def table_text(self, table: Table) -> list[list[str]]:
        """The grid as text, merged cells repeated."""
        return [[self.block_text(c) if c else "" for c in row] for row in table.grid()]


class ParseError(Exception):
    """A file that cannot be turned into a Document; the message is one clear line."""
