"""OCR of scanned pages: tesseract (``vie``) over the page image, words with boxes in PDF points.

The TSV is cached by the image's hash, so a second run of the same scan calls no tesseract.

>>> isinstance(tesseract_available(), bool)
True
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium

from docmine.model import ParseError
from docmine.parsers.layout import Word

OCR_DPI = 300


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def cache_dir() -> Path:
    return Path(os.environ.get("DOCMINE_CACHE", Path.home() / ".cache" / "docmine")) / "ocr"


def ocr_words(image: bytes, scale: float) -> list[Word]:
    """Words with boxes (in PDF points, via ``scale``) from tesseract's TSV; cached by image hash."""
    key = hashlib.sha256(image).hexdigest()
    cache = cache_dir() / f"{key}.tsv"
    if cache.exists():
        tsv = cache.read_text(encoding="utf-8")
    else:
        # one thread: tesseract's OpenMP threads make a page 5 times slower on a busy machine
        proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "3", "tsv"], input=image,
                              capture_output=True, timeout=300, env={**os.environ, "OMP_THREAD_LIMIT": "1"})  # fmt: skip
        if proc.returncode != 0:
            raise ParseError(f"pdf: tesseract failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
        tsv = proc.stdout.decode("utf-8", errors="replace")
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(tsv, encoding="utf-8")
            tmp.replace(cache)
        except OSError:
            pass
    words: list[Word] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        t = (row.get("text") or "").strip()
        if row.get("level") != "5" or not t or float(row.get("conf") or -1) < 10:
            continue
        x, y, w, h = (int(row[k]) * scale for k in ("left", "top", "width", "height"))
        line_id = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        words.append(Word(t, x, x + w, y, y + h, h, line=line_id))
    if words:  # OCR heights vary with ascenders: use the line's typical height as the size
        med = sorted(w.size for w in words)[len(words) // 2]
        for w in words:
            w.size = med
    return words


def ocr_page(page: pdfium.PdfPage, img, width: float) -> list[Word]:
    pil = None
    if img is not None:
        try:
            pil = img.get_bitmap(render=False).to_pil()
        except Exception:  # noqa: BLE001 - an undecodable image falls back to rendering the page
            pil = None
    if pil is None:
        pil = page.render(scale=OCR_DPI / 72).to_pil()
    if pil.mode not in ("L", "RGB"):
        pil = pil.convert("RGB")
    buf = io.BytesIO()
    pil.save(buf, format="PPM")  # uncompressed: encoding a PNG took longer than tesseract's own reading
    return ocr_words(buf.getvalue(), width / pil.size[0])
