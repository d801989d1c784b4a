"""Legacy Word .doc: converted to text with antiword, or LibreOffice headless, where installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docmine.builder import DocBuilder
from docmine.model import Document, ParseError
from docmine.parsers.text import lines_to_document


def _antiword(path: Path) -> str:
    proc = subprocess.run(
        ["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True, timeout=120
    )
    if proc.returncode != 0:
        raise ParseError(
            f"doc: antiword could not read it: {proc.stderr.decode(errors='replace').strip()[:160]}"
        )
    return proc.stdout.decode("utf-8", errors="replace")


def _libreoffice(exe: str, path: Path) -> str:
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([exe, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out, str(path)],
                              capture_output=True, timeout=300)  # fmt: skip
        produced = list(Path(out).glob("*.txt"))
        if proc.returncode != 0 or not produced:
            raise ParseError("doc: LibreOffice could not convert it")
        return produced[0].read_text(encoding="utf-8", errors="replace")


def parse(path: Path) -> Document:
    if shutil.which("antiword"):
        text = _antiword(path)
    elif exe := shutil.which("soffice") or shutil.which("libreoffice"):
        text = _libreoffice(exe, path)
    else:
        raise ParseError("doc: legacy Word file; install antiword or LibreOffice to read it")
    b = DocBuilder(str(path), "doc")
    lines_to_document(b, text.replace("\r", "").split("\n"))
    doc = b.build()
    if not doc.text.strip():
        raise ParseError("doc: no text in file")
    return doc
