"""Parsers: one per format, chosen by content first and suffix second.

``PARSERS`` maps a format name to ``parse(path) -> Document``; :func:`parse` sniffs the
bytes, picks one and turns every failure into a :class:`~docmine.model.ParseError`.

>>> sniff(b"%PDF-1.7 ...", ".txt")
'pdf'
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from docmine.model import Document, ParseError
from docmine.parsers import doc, docx, html, pdf, text

PARSERS: dict[str, Callable[[Path], Document]] = {
    "pdf": pdf.parse,
    "docx": docx.parse,
    "doc": doc.parse,
    "html": html.parse,
    "txt": text.parse,
}
SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".html": "html", ".htm": "html", ".txt": "txt"}


def max_bytes() -> int:
    """Largest file parsed (bytes); DOCMINE_MAX_BYTES overrides the 200 MB default."""
    return int(os.environ.get("DOCMINE_MAX_BYTES", 200 * 1024 * 1024))


def max_text_bytes() -> int:
    """Largest plain-text or HTML file parsed (bytes); DOCMINE_MAX_TEXT_BYTES overrides the 10 MB default
    (about 8 million characters of Vietnamese, extracted in about 15 s on one core)."""
    return int(os.environ.get("DOCMINE_MAX_TEXT_BYTES", 10 * 1024 * 1024))


def max_chars() -> int:
    """Longest document text extracted (characters, any format); DOCMINE_MAX_CHARS overrides 8 million."""
    return int(os.environ.get("DOCMINE_MAX_CHARS", 8_000_000))


def sniff(head: bytes, suffix: str) -> str:
    """The format of a file from its first bytes, the suffix breaking ties."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    low = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in low or b"<head" in low:
        return "html" if suffix not in (".txt",) or b"<body" in low else "txt"
    return SUFFIXES.get(suffix, "txt")


def inspect(path: str | Path) -> str:
    """The format of a file, after the checks made before it is read (exists, not empty, not over the
    size limits); a file that fails them raises ParseError at once, whatever its size.

    >>> inspect("corpora/seeds/003_a4fdff8cd5cb32b2.txt")
    'txt'
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(4096)
    except OSError as e:
        raise ParseError(f"cannot read file: {e.strerror or e}") from None
    if size == 0:
        raise ParseError("empty file")
    if size > max_bytes():
        raise ParseError(f"file too large: {size} bytes (limit {max_bytes()}; set DOCMINE_MAX_BYTES)")
    fmt = sniff(head, p.suffix.lower())
    if fmt in ("txt", "html") and size > max_text_bytes():
        raise ParseError(
            f"{fmt}: text file too large: {size} bytes (limit {max_text_bytes()}; set DOCMINE_MAX_TEXT_BYTES)"
        )
    return fmt


def parse(path: str | Path) -> Document:
    """Parse any supported file into a Document, or raise ParseError with a one-line reason."""
    p = Path(path)
    fmt = inspect(p)
    if fmt == "docx" and p.suffix.lower() not in (".docx", ".docm") and not _is_docx(p):
        raise ParseError("zip archive that is not a .docx document")
    try:
        doc = PARSERS[fmt](p)
    except ParseError:
        raise
    except MemoryError:
        raise ParseError(f"{fmt}: out of memory while parsing") from None
    except RecursionError:
        raise ParseError(f"{fmt}: structure nested too deeply") from None
    except Exception as e:  # a parser bug or a library's error on hostile input: one line, never a traceback
        raise ParseError(
            f"{fmt}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else 'unreadable'}"
        ) from e
    if len(doc.text) > max_chars():
        raise ParseError(
            f"{fmt}: text too long to extract: {len(doc.text)} characters (limit {max_chars()}; set DOCMINE_MAX_CHARS)"
        )
    return doc


def _is_docx(p: Path) -> bool:
    try:
        with zipfile.ZipFile(p) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
