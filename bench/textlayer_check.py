"""Text-layer judge on real digital PDFs: every page with a text layer of 40 letters or more is
judged by ``docmine.parsers.textlayer.verdict``; a good layer judged bad is a false positive.

    python bench/textlayer_check.py FOLDER [FOLDER ...]

Prints each page judged bad (file, page, verdict, a sample of its text) and the counts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium

from docmine.parsers.textlayer import verdict


def pages(path: Path):
    """(page number, text) of each page of a PDF with a text layer of 40 letters or more."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage().get_text_range()
            page.close()
            if sum(c.isalpha() for c in text) >= 40:
                yield i + 1, text
    finally:
        pdf.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    args = ap.parse_args()
    files = n_pages = bad = 0
    for folder in args.folders:
        for p in sorted(folder.rglob("*.pdf")):
            files += 1
            for no, text in pages(p):
                n_pages += 1
                v = verdict(text)
                if v:
                    bad += 1
                    print(f"{p.name} p{no}: {v}: {' '.join(text.split())[:100]!r}")
    print(f"{files} PDFs, {n_pages} pages with a text layer, {bad} judged bad")


if __name__ == "__main__":
    main()
