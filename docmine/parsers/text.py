"""Plain text: UTF-8/16, Windows-1258, TCVN3 and VNI detected; lines become blocks.

>>> decode("Kế hoạch của Sở".encode("utf-16"))
('Kế hoạch của Sở', 'utf-16')
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from docmine.builder import CellSpec, DocBuilder
from docmine.legacy import from_tcvn3, from_vni, vietnamese_score
from docmine.model import Document, ParseError
from docmine.zones import ZoneTagger, has_nd30_header

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _binary(s: str) -> bool:
    return len(_CONTROL.findall(s[:20000])) > 0.02 * max(1, len(s[:20000]))


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding it was in; binary content raises ParseError."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4000]
    if head.count(b"\x00") > len(head) // 4:
        for enc, zeros_at in (("utf-16-le", 1), ("utf-16-be", 0)):
            if head[zeros_at::2].count(b"\x00") > len(head) // 3:
                s = data.decode(enc, errors="replace")
                if not _binary(s):
                    return s, "utf-16"
        raise ParseError("binary content, not text")
    try:
        s = data.decode("utf-8")
    except UnicodeDecodeError:
        s = ""
    if s:
        if _binary(s):
            raise ParseError("binary content, not text")
        return s, "utf-8"
    latin = data.decode("latin-1")
    if _binary(latin):
        raise ParseError("binary content, not text")
    cands = [
        (unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "cp1258"),
        (from_tcvn3(latin), "tcvn3"),
        (from_vni(latin), "vni"),
    ]
    best = max(cands, key=lambda c: vietnamese_score(c[0]))
    return best


def lines_to_document(b: DocBuilder, lines: list[str], *, page: int | None = None, ocr: bool = False) -> None:
    """Append lines read in order: tab-separated rows become tables, the rest tagged blocks."""
    tagger = ZoneTagger(has_header=has_nd30_header(lines))
    blank = 0
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        if not line.strip():
            blank += 1
            i += 1
            continue
        sep = "\n\n" if blank else "\n"
        blank = 0
        if line.count("\t") >= 2:
            rows: list[str] = []
            while i < len(lines):
                cur = lines[i].rstrip("\r")
                if cur.count("\t") >= 2:
                    rows.append(cur)
                    i += 1
                elif not cur.strip() and any(x.count("\t") >= 2 for x in lines[i + 1 : i + 3] if x.strip()):
                    i += 1  # a blank line inside a table (a page break in the source)
                else:
                    break
            cells = [CellSpec(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row.split("\t"))]
            b.add_table(cells, page=page, ocr=ocr)
            blank = 1
            continue
        b.add(line, tagger.kind(line), page=page, sep=sep, ocr=ocr)
        i += 1


def parse(path: Path) -> Document:
    data = path.read_bytes()
    text, encoding = decode(data)
    b = DocBuilder(str(path), "txt", repair=encoding in ("utf-8", "utf-16"))
    if encoding not in ("utf-8", "utf-16"):
        b.warnings.append(f"decoded from {encoding}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines_to_document(b, lines)
    doc = b.build()
    if not doc.text.strip():
        raise ParseError("no text in file")
    return doc


def from_string(text: str, source: str = "<text>") -> Document:
    """A Document from text in memory, read as a .txt file is (for tests, notebooks and the checker).

    >>> from_string("Số: 12/KH-UBND\\nSTT\\tTiêu chí\\tĐiểm\\n1\\tThể chế\\t10").tables[0].n_rows
    2
    """
    b = DocBuilder(source, "txt")
    lines_to_document(b, text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return b.build()
