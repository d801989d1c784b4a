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
        s = data[3:].decode("utf-8", errors="replace")
        return s, "utf-8" if s.count("\ufffd") == data.count("\ufffd".encode()) else "utf-8-replace"
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
    return _legacy_or_replaced(data, latin)


LEGACY_MIN_SCORE = 0.15  # common-word share a legacy decoding must reach (Vietnamese prose: 0.3 to 0.5)
_SAMPLE = 200_000


def _legacy_or_replaced(data: bytes, latin: str) -> tuple[str, str]:
    """Bytes that are not UTF-8: the legacy encoding that explains them (its text reads as Vietnamese,
    better than UTF-8 with the bad bytes replaced), else UTF-8 with U+FFFD (encoding ``utf-8-replace``)."""
    replaced = data.decode("utf-8", errors="replace")
    decoders = {
        "cp1258": lambda n: unicodedata.normalize("NFC", data[:n].decode("cp1258", errors="replace")),
        "tcvn3": lambda n: from_tcvn3(latin[:n]),
        "vni": lambda n: from_vni(latin[:n]),
    }
    scores = {enc: vietnamese_score(fn(_SAMPLE)) for enc, fn in decoders.items()}
    name = max(scores, key=lambda k: scores[k])
    if scores[name] >= LEGACY_MIN_SCORE and scores[name] > vietnamese_score(replaced[:_SAMPLE]) + 0.05:
        return decoders[name](len(data)), name
    return replaced, "utf-8-replace"


def decoding_warning(encoding: str, text: str, data: bytes) -> str:
    """The warning for a file that was not UTF-8: the legacy encoding chosen, or how many byte
    sequences became U+FFFD."""
    if encoding != "utf-8-replace":
        return f"warning: decoded from {encoding}"
    n = text.count("\ufffd") - data.count("\ufffd".encode())
    return (f"warning: not UTF-8, and no legacy encoding (TCVN3, VNI, Windows-1258) explains it: "
            f"{n} invalid byte sequences replaced by U+FFFD")  # fmt: skip


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
    b = DocBuilder(str(path), "txt", repair=encoding in ("utf-8", "utf-16", "utf-8-replace"))
    if encoding not in ("utf-8", "utf-16"):
        b.warnings.append(decoding_warning(encoding, text, data))
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
