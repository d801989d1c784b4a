"""OCR speed: seconds per scanned page, first run (empty OCR cache) and cached (second run).

    python bench/ocr_speed.py [FOLDER] [--files N] [--cache DIR]

Scans are the PDFs of FOLDER (default ``/work/archive``) whose first page has no text layer
(fewer than 40 characters). Every scan is parsed twice with ``DOCMINE_CACHE`` pointing at a fresh
folder (or ``--cache``): the first parse renders, lays out and OCRs its pages, the second finds them
in the cache. The machine may be shared: CPU seconds (this process and its tesseract children) are
printed beside wall seconds, and the load average at the end. ``--files N`` takes every k-th scan so that N of them are measured (the same files
for the same N). Prints one line per file, then the totals per scanned page.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium


def scans(folder: Path) -> list[Path]:
    """PDFs of ``folder`` whose first page has no text layer (sorted by name)."""
    out = []
    for p in sorted(folder.glob("*.pdf")):
        try:
            pdf = pdfium.PdfDocument(str(p))
        except pdfium.PdfiumError:
            continue
        try:
            if len(pdf) and pdf[0].get_textpage().count_chars() < 40:
                out.append(p)
        finally:
            pdf.close()
    return out


def sample(files: list[Path], n: int | None) -> list[Path]:
    """Every k-th file so that ``n`` are kept (all when ``n`` is None).

    >>> [p.name for p in sample([Path(str(i)) for i in range(10)], 3)]
    ['0', '3', '6']
    """
    if not n or n >= len(files):
        return files
    step = -(-len(files) // n)
    return files[::step][:n]


def cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the tesseract processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and OCR'd pages of one parse."""
    from docmine.parsers import parse

    t, c = time.perf_counter(), cpu()
    doc = parse(path)
    return time.perf_counter() - t, cpu() - c, sum(p.ocr for p in doc.pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=Path("/work/archive"))
    ap.add_argument("--files", type=int, default=None, help="measure this many scans (evenly spread)")
    ap.add_argument("--cache", type=Path, default=None, help="OCR cache folder (default: a fresh one)")
    args = ap.parse_args()
    cache = args.cache or Path(tempfile.mkdtemp(prefix="docmine-ocr-bench-"))
    os.environ["DOCMINE_CACHE"] = str(cache)
    files = sample(scans(args.folder), args.files)
    first = cached = first_cpu = 0.0
    pages = 0
    for p in files:
        t1, c1, n = timed(p)
        t2, _, _ = timed(p)
        first, first_cpu, cached, pages = first + t1, first_cpu + c1, cached + t2, pages + n
        print(
            f"{p.name:50} {n:3d} OCR pages  first {t1:7.2f} s ({c1:6.2f} CPU s)  cached {t2:6.3f} s",
            flush=True,
        )
    per = max(pages, 1)
    load = os.getloadavg()[0]
    print(f"{len(files)} scans, {pages} OCR pages, cache {cache}, {os.cpu_count()} cores, load {load:.1f}")
    print(
        f"first run: {first:.1f} s, {first / per:.3f} s per scanned page ({first_cpu / per:.3f} CPU s per page)"
    )
    print(f"cached:    {cached:.2f} s, {cached / per:.3f} s per scanned page")


if __name__ == "__main__":
    main()
