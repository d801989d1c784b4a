"""Zone OCR of scanned letters: zones found on a drawn letter, the cache that skips all work, the
header's unread tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from docmine.parsers import ocr, parse
from tests.conftest import needs_tesseract

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
fonted = pytest.mark.skipif(not FONT.exists(), reason="DejaVu Serif is not installed")


def letter(dpi: int = 150) -> Image.Image:
    """A drawn letter: two header columns, a centred title, body lines, nơi nhận | signature."""
    k = dpi / 72
    img = Image.new("L", (int(595 * k), int(842 * k)), 255)
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(str(FONT), int(11 * k))
    at = lambda x, y, t: d.text((int(x * k), int(y * k)), t, fill=0, font=f)  # noqa: E731
    at(80, 60, "ỦY BAN NHÂN DÂN")
    at(300, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    at(80, 78, "TỈNH QUẢNG NGÃI")
    at(330, 78, "Độc lập - Tự do - Hạnh phúc")
    at(80, 100, "Số: 12 /TB-UBND")
    at(320, 100, "Quảng Ngãi, ngày 3 tháng 4 năm 2025")
    at(260, 140, "THÔNG BÁO")
    for i in range(8):
        at(70, 180 + 18 * i, "Ủy ban nhân dân tỉnh thông báo kết quả thực hiện nhiệm vụ năm 2024 như sau")
    at(70, 360, "Nơi nhận:")
    at(380, 360, "KT. CHỦ TỊCH")
    at(70, 378, "- Như trên;")
    at(380, 378, "PHÓ CHỦ TỊCH")
    at(70, 396, "- Lưu: VT.")
    at(380, 440, "Trần Văn An")
    return img


@fonted
def test_zones_of_a_drawn_letter():
    zones = ocr.find_zones(letter(), first_page=True)
    assert [z.kind for z in zones] == ["header-left", "header-right", "body", "bottom-left", "bottom-right"]
    left, right = zones[0].box, zones[1].box
    assert left[2] == right[0] and 0.3 < left[2] / letter().size[0] < 0.55


@fonted
def test_zones_of_a_body_page_and_a_blank_page():
    img = letter()
    body = img.crop((0, int(170 * 150 / 72), img.size[0], int(340 * 150 / 72)))
    assert [z.kind for z in ocr.find_zones(body, first_page=True)] == ["body"]
    assert [z.kind for z in ocr.find_zones(Image.new("L", (500, 700), 255))] == ["body"]


@needs_tesseract
@fonted
def test_letter_read_by_zone_and_cached(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path / "cache"))
    p = tmp_path / "letter.pdf"
    letter(200).save(p, format="PDF", resolution=200)  # a scan: one image, no text layer
    doc = parse(p)
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert (
        kinds.get("ỦY BAN NHÂN DÂN") == "header"
        and kinds.get("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == "header"
    )
    assert "Trần Văn An" in [doc.block_text(b) for b in doc.blocks_of("signature")]
    assert all(b.ocr for b in doc.blocks)

    def boom(*a, **k):
        raise AssertionError("no rendering, layout or OCR on a cached page")

    monkeypatch.setattr(ocr, "page_image", boom)
    monkeypatch.setattr(ocr, "tesseract", boom)
    assert parse(p).text == doc.text


def test_workers_from_the_environment(monkeypatch):
    monkeypatch.setenv("DOCMINE_OCR_WORKERS", "3")
    assert ocr.workers() == 3
    monkeypatch.delenv("DOCMINE_OCR_WORKERS")
    assert ocr.workers() >= 1
