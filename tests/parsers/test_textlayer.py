"""The text-layer judge: seeds' text passes; the same text stripped of its marks, turned to mojibake or
read by an English-only OCR engine fails, in PDFs that then get OCR'd; English text passes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from docmine.evaluate import overlap
from docmine.parsers import parse
from docmine.parsers.textlayer import verdict
from tests.conftest import STEMS, needs_tesseract, seed
from tests.pdfs import scan_pdf

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
ENGLISH = (
    "The committee reviewed the annual report on administrative reform and asked every department "
    "to publish its procedures online, to answer citizens within ten working days and to report "
    "the results of the inspection to the provincial council before the end of the year. "
) * 2


def stripped(text: str) -> str:
    """Vietnamese without its marks: ``Hội đồng`` -> ``Hoi dong``.

    >>> stripped("Hội đồng nhân dân")
    'Hoi dong nhan dan'
    """
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def mojibake(text: str) -> str:
    """UTF-8 read as cp1252: ``Việt`` -> ``Viá»‡t``."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def english_ocr(text: str) -> str:
    """What an English-only OCR engine makes of Vietnamese: marks it knows (é, ô) on some vowels,
    the others dropped, ``đ`` read as ``d``, ``ơ``/``ư`` as ``o``/``u``.

    >>> english_ocr("Quyết định số 83 của Hội đồng")
    'Quyét dinh sé 83 cua Héi déng'
    """
    out = []
    for word in text.split(" "):
        base = stripped(word)
        if re.search(r"[ếốớấắểổởẩẳệộợậặềồờầằ]", word.lower()):
            base = re.sub(
                r"[eoa](?=[^eoa]*$)", lambda m: {"e": "é", "o": "é", "a": "á"}[m.group()], base, count=1
            )
        out.append(base)
    return " ".join(out)


@pytest.mark.parametrize("stem", STEMS)
def test_seed_text_is_trusted_and_its_corruptions_are_not(stem: str):
    text = seed(stem).read_text(encoding="utf-8")
    assert verdict(text) is None
    assert verdict(stripped(text)) == "no diacritics"
    assert verdict(english_ocr(text)) == "no diacritics"
    assert verdict(mojibake(text)) == "mojibake"


def test_english_and_short_text_are_trusted():
    assert verdict(ENGLISH) is None
    assert verdict("Hoi dong nhan dan") is None  # too short to judge


def _lines(stem: str) -> list[str]:
    text = seed(stem).read_text(encoding="utf-8")
    paras = [p for p in text.split("\n") if len(p.split()) > 6]
    words = " ".join(paras).split()[:120]
    return [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]


@needs_tesseract
@pytest.mark.skipif(not FONT.exists(), reason="DejaVu Serif is not installed")
@pytest.mark.parametrize("corrupt", [stripped, mojibake, english_ocr])
def test_pdf_with_a_bad_text_layer_is_ocrd(tmp_path: Path, monkeypatch, corrupt):
    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path / "cache"))
    lines = _lines(STEMS[1])
    p = tmp_path / "scan.pdf"
    p.write_bytes(scan_pdf(lines, [corrupt(t) for t in lines], str(FONT)))
    doc = parse(p)
    assert doc.pages[0].ocr
    assert any("text layer judged bad" in w for w in doc.warnings), doc.warnings
    assert overlap(" ".join(lines), doc.text) > 0.8


def test_seed_pdfs_keep_their_text_layer():
    for stem in STEMS:
        doc = parse(seed(stem, "pdf"))
        assert not any(p.ocr for p in doc.pages), stem
        assert not any("judged bad" in w for w in doc.warnings), stem
