import difflib
import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.model import ParseError
from docmine.parsers import parse
from docmine.parsers import pdf as pdf_parser
from tests.conftest import REAL, STEMS, needs_tesseract, seed
from tests.pdfs import make_pdf


def similarity(a: str, b: str) -> float:
    fold = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("stem", STEMS)
def test_layouts_read_like_the_txt(stem, fmt):
    ratio = similarity(parse(seed(stem, fmt)).text, parse(seed(stem)).text)
    assert ratio >= 0.98, f"{stem}.{fmt}: similarity {ratio:.4f}"


def test_pdf_table_grid_and_pages():
    doc = parse(seed("003_a4fdff8cd5cb32b2", "pdf"))
    grid = doc.table_text(doc.tables[0])
    assert grid[0][:4] == ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"]
    assert grid[6][:5] == ["06", "Cải cách tài chính công", "11.5", "11.5", "1"]
    assert [p.number for p in doc.pages] == [1, 2] or doc.pages[0].number == 1
    assert all(b.page is not None for b in doc.blocks)


def test_table_split_across_pages_is_one_table():
    doc = parse(seed("002_40fddd4fe5f809ef", "pdf"))
    assert len(doc.tables) == 1
    grid = doc.table_text(doc.tables[0])
    codes = [row[0] for row in grid if re.fullmatch(r"\d\.\d", row[0])]
    assert codes[0] == "1.1" and codes[-1] == "7.5" and len(codes) == 31
    at = next(i for i, row in enumerate(grid) if row[0] == "5.6")  # the source itself splits this row in two
    assert grid[at][1] == "Thực hiện kế hoạch đào tạo, bồi dưỡng công" and grid[at + 1][:2] == [
        "",
        "chức, viên chức",
    ]
    assert {c.page for c in doc.tables[0].cells} >= {4, 13}


def test_footnote_marks_are_superscript_not_digits():
    doc = parse(seed("002_40fddd4fe5f809ef", "pdf"))
    assert "so với quy định¹." in doc.text
    assert "Trung ương²" in doc.text


def _pdf_bytes(text_pages: int = 1) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(text_pages):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_corrupt_and_truncated_pdf(tmp_path: Path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage garbage")
    with pytest.raises(ParseError, match="pdf"):
        parse(bad)
    data = seed("000_88c36853ee0d1535", "pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    try:
        doc = parse(cut)  # pdfium repairs what it can; if it reads, the text must still be sound
        assert doc.text == doc.text.strip()
    except ParseError as e:
        assert "pdf" in str(e)


def test_encrypted_pdf(tmp_path: Path):
    pypdf = pytest.importorskip("pypdf")
    w = pypdf.PdfWriter(clone_from=str(seed("003_a4fdff8cd5cb32b2", "pdf")))
    w.encrypt(user_password="secret", owner_password="owner")
    p = tmp_path / "enc.pdf"
    with p.open("wb") as f:
        w.write(f)
    with pytest.raises(ParseError, match="encrypted"):
        parse(p)


def test_blank_scan_without_tesseract_says_ocr_is_needed(tmp_path: Path, monkeypatch):
    from PIL import Image

    img = tmp_path / "scan.pdf"
    Image.new("L", (600, 850), 255).save(img, format="PDF")
    monkeypatch.setattr(pdf_parser.ocr, "tesseract_available", lambda: False)
    with pytest.raises(ParseError, match="OCR is needed"):
        parse(img)


def test_too_many_pages(tmp_path: Path, monkeypatch):
    p = tmp_path / "many.pdf"
    p.write_bytes(_pdf_bytes(5))
    monkeypatch.setattr(pdf_parser, "MAX_PAGES", 3)
    with pytest.raises(ParseError, match="pages"):
        parse(p)


real = pytest.mark.skipif(
    not REAL.is_dir(), reason="../shared/real (signed PDFs kept outside the repo) is absent"
)


def _order(text: str, *parts: str) -> list[int]:
    idx = [text.find(p) for p in parts]
    assert all(i >= 0 for i in idx), [p for p, i in zip(parts, idx, strict=True) if i < 0]
    return idx


@real
def test_real_digital_pdf_header_before_body_and_stamp_apart():
    doc = parse(REAL / "qn-11-tb-ubnd-2025.pdf")
    idx = _order(
        doc.text,
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Quảng Ngãi, ngày 08 tháng 01 năm 2025",
        "Số: 11 /TB-UBND",
        "THÔNG BÁO",
        "Ngày 03/01/2025",
        "Nguyễn Phước Bình",
        "TRUNG TÂM CÔNG BÁO",
    )
    assert idx == sorted(idx)
    stamps = [doc.block_text(b) for b in doc.blocks_of("stamp")]
    assert "ttcbth@quangngai.gov.vn" in stamps
    body = " ".join(doc.block_text(b) for b in doc.blocks_of("paragraph", "list_item"))
    assert "ttcbth" not in body and "Thời gian ký" not in body
    assert [doc.block_text(b) for b in doc.blocks_of("furniture")] == ["2"]
    assert "KT. CHÁNH VĂN PHÒNG" in [doc.block_text(b) for b in doc.blocks_of("signature")]


@real
@needs_tesseract
@pytest.mark.parametrize(
    ("name", "header", "body"),
    [
        (
            "qn-280-bc-ubnd-2024.pdf",
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "/BC-UBND", "BÁO CÁO"],
            "Kính gửi: Hội đồng nhân dân tỉnh",
        ),
        (
            "qn-575-ubnd-ktth-2025.pdf",
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "/UBND-KTTH", "V/v tham gia ý kiến"],
            "Kính gửi: Sở Tài chính",
        ),
        (
            "qn-07-ct-ubnd-2018.pdf",
            ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "/CT-UBND", "CHỈ THỊ"],
            "thi hành án hành chính",
        ),
        (
            "qn-46-tb-ubnd-2025.pdf",
            ["ỦY BAN NHÂN DÂN", "/TB-UBND", "THÔNG BÁO"],
            "Kính gửi: Bà Huỳnh Thị Gái",
        ),
    ],
)
def test_real_scans_are_ocrd_in_reading_order(name, header, body):
    doc = parse(REAL / name)
    assert all(p.ocr for p in doc.pages)
    idx = _order(doc.text, *header, body)
    assert idx == sorted(idx)
    if any(b.kind == "stamp" for b in doc.blocks):
        first_stamp = min(b.start for b in doc.blocks_of("stamp"))
        assert first_stamp > doc.text.find(body)
    assert "Ký bởi" not in " ".join(doc.block_text(b) for b in doc.blocks_of("paragraph", "header"))


# PDFs written byte by byte (tests/pdfs.py): what real archives hold, made small.
_ASCII = {c: f"{c:04X}" for c in range(0x20, 0x7F)}


def test_mathematical_letters_given_as_surrogate_halves_become_valid_text(tmp_path: Path):
    import json

    from docmine.pipeline import process
    from tests.pdfs import make_pdf, text_op

    cmap = {**_ASCII, ord("A"): "D835DC00", ord("X"): "D835", ord("Y"): "DC00", ord("Z"): "0007"}
    p = tmp_path / "math.pdf"
    p.write_bytes(make_pdf([text_op(b"Chi so A tang, X Y Z het")], cmap=cmap))
    doc = parse(p)
    assert (
        "Chi so \U0001d400 tang, \ufffd \ufffd het" in doc.text
    )  # paired; lone halves replaced; BEL dropped
    rec = process(p).to_record()
    assert json.loads(json.dumps(rec, ensure_ascii=False).encode("utf-8"))["source"] == str(p)


def test_annotations_of_a_pdf_without_forms_are_flattened_into_the_text(tmp_path: Path):
    from tests.pdfs import make_pdf, text_op

    p = tmp_path / "stamped.pdf"
    p.write_bytes(make_pdf([text_op(b"Body text")], annotation=text_op(b"So 123 ngay 5", 2, 4, 10)))
    doc = parse(p)
    assert "So 123 ngay 5" in doc.text and "Body text" in doc.text


@pytest.mark.parametrize(
    ("cut", "warning"),
    [
        (lambda d: d[:-6], "truncated"),
        (lambda d: d[: d.rfind(b"startxref")], "truncated"),
        (lambda d: d[: d.rfind(b"startxref")] + b"startxref\n99\n%%EOF\n", "damaged cross-reference table"),
    ],
)
def test_a_truncated_or_repaired_pdf_is_read_with_a_warning(tmp_path: Path, cut, warning):
    from docmine.pipeline import process
    from tests.pdfs import make_pdf, text_op

    p = tmp_path / "hurt.pdf"
    p.write_bytes(cut(make_pdf([text_op(b"Page one"), text_op(b"Page two")])))
    res = process(p)
    assert res.document is not None and "Page two" in res.document.text
    assert [e for e in res.errors if warning in e] and all(e.startswith("warning: pdf:") for e in res.errors)


def test_a_sound_pdf_gets_no_warning():
    assert parse(seed("003_a4fdff8cd5cb32b2", "pdf")).warnings == []


def test_a_text_layer_of_place_names_is_read_not_sent_to_ocr():
    from docmine.legacy import unreadable

    places = "Số thứ tự Đối tượng gán mã Mã bưu chính X. Krông Búk P. Hương Trà X. Nghĩa Hưng " * 20
    assert not unreadable(places)
    assert not unreadable("KÕ ho¹ch c¶i c¸ch hµnh chÝnh cña tØnh " * 10)  # TCVN3: repaired, not scanned
    assert unreadable("Wkh txlfn eurzq ira mxpsv ryhu wkh odcb grj " * 10)  # a font with no usable map


def test_a_table_running_over_many_pages_is_one_table_with_every_row(tmp_path: Path):
    from docmine.builder import CellSpec
    from docmine.parsers.pdf import Item, _merge_tables

    def page(n: int) -> Item:
        cells = [
            CellSpec(f"{n}.{r}" if c == 0 else f"Dòng {r} trang {n}", r, c, page=n)
            for r in range(30)
            for c in range(3)
        ]
        return Item("table", n, 0, cells=cells, n_cols=3)

    first = page(1)
    for n in range(2, 121):
        _merge_tables(first, page(n))
    rows = {c.row for c in first.cells}
    assert len(rows) == 30 * 120 and max(rows) == 30 * 120 - 1
    assert {c.text for c in first.cells if c.row == 30 * 120 - 1 and c.col == 0} == {"120.29"}


def test_glyph_codes_read_one_by_one_match_the_page_text(monkeypatch):
    pdf = pdfium.PdfDocument(str(seed("002_40fddd4fe5f809ef", "pdf")))
    page = pdf[0]
    height = page.get_size()[1]
    whole = pdf_parser._page_chars(page, height)
    monkeypatch.setattr(pdf_parser, "_GET_TEXT", lambda *args: 0)  # as when pdfium leaves out a control glyph
    one_by_one = pdf_parser._page_chars(page, height)
    assert whole.text == one_by_one.text and len(whole.text) > 500
    for col in ("x0", "x1", "top", "bottom", "size"):
        assert list(getattr(whole, col)) == list(getattr(one_by_one, col))
    page.close()
    pdf.close()


def _edge_key(e: dict) -> tuple:
    return (e["orientation"], *(round(e[k], 2) for k in ("x0", "top", "x1", "bottom")))


def test_ruling_lines_read_from_pdfium_are_pdfplumbers_edges():
    import pdfplumber

    path = seed("003_a4fdff8cd5cb32b2", "pdf")
    pdf = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pl:
        for i, expected in ((0, 12), (1, 13)):  # the two pages the score table runs over
            ours = pdf_parser._ruling(pdf[i], pdf[i].get_size()[1])
            assert len(ours) == expected
            assert sorted(_edge_key(pdf_parser.as_dict(e)) for e in ours) == sorted(map(_edge_key, pl.pages[i].edges))
    assert pdf_parser._ruling(pdf[2], pdf[2].get_size()[1]) == []  # under four paths: no ruling lines
    pdf.close()


def test_ruling_lines_inside_a_form_xobject_are_left_to_pdfplumber():
    src = pdfium.PdfDocument(str(seed("003_a4fdff8cd5cb32b2", "pdf")))
    dst = pdfium.PdfDocument.new()
    page = dst.new_page(*src[0].get_size())
    page.insert_obj(src.page_as_xobject(0, dst).as_pageobject())  # the table page drawn as one form
    page.gen_content()
    assert pdf_parser._ruling(page, page.get_size()[1]) is None
    assert pdf_parser._ruling(dst.new_page(595, 842), 842) == []
    dst.close()
    src.close()


def test_warm_loads_every_compiled_loop_with_the_types_a_real_page_uses():
    import subprocess
    import sys

    code = """
from docmine.parsers import layout, parse, pdf
loops = (pdf._glyph_boxes, pdf._path_segments, pdf._owners, layout._join, layout._lay_out)
print([len(f.signatures) for f in loops])
pdf.warm()
print([len(f.signatures) for f in loops])
parse("corpora/seeds/pdf/002_40fddd4fe5f809ef.pdf")
print([len(f.signatures) for f in loops])
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:3] == ["[0, 0, 0, 0, 0]", "[1, 1, 1, 1, 1]", "[1, 1, 1, 1, 1]"]


def test_ruling_lines_of_paths_drawn_for_the_test():
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(200, 200)
    rect = pdfium_c.FPDFPageObj_CreateNewRect(10, 20, 100, 50)  # four sides and a closing segment
    line = pdfium_c.FPDFPageObj_CreateNewPath(10, 150)
    pdfium_c.FPDFPath_LineTo(line, 190, 150)
    upright = pdfium_c.FPDFPageObj_CreateNewPath(50, 10)
    pdfium_c.FPDFPath_LineTo(upright, 50, 190)
    bent = pdfium_c.FPDFPageObj_CreateNewPath(0, 0)  # a slanted line, a curve, then a line down from its end
    pdfium_c.FPDFPath_LineTo(bent, 100, 100)
    pdfium_c.FPDFPath_BezierTo(bent, 120, 100, 140, 100, 160, 100)
    pdfium_c.FPDFPath_LineTo(bent, 160, 20)
    for obj in (rect, line, upright, bent):
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    edges = [pdf_parser.as_dict(e) for e in pdf_parser._ruling(page, 200)]
    assert [(e["orientation"], e["x0"], e["x1"], e["top"], e["bottom"]) for e in edges] == [
        ("v", 10.0, 10.0, 130.0, 180.0),
        ("h", 10.0, 110.0, 130.0, 130.0),
        ("v", 110.0, 110.0, 130.0, 180.0),
        ("h", 10.0, 110.0, 180.0, 180.0),
        ("v", 10.0, 10.0, 180.0, 180.0),  # the closing segment, back to where the rectangle started
        ("h", 10.0, 190.0, 50.0, 50.0),
        ("v", 50.0, 50.0, 10.0, 190.0),
        ("v", 160.0, 160.0, 100.0, 180.0),
    ]
    assert {(e["width"], e["height"]) for e in edges if e["orientation"] == "h"} == {(100.0, 0), (180.0, 0)}
    doc.close()


def test_a_page_of_links_is_read_as_it_is_and_a_stamped_one_flattened():
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(200, 200)
    assert not pdf_parser._stamped(page)  # no annotation
    for subtype, stamped in ((pdfium_c.FPDF_ANNOT_LINK, False), (pdfium_c.FPDF_ANNOT_STAMP, True)):
        pdfium_c.FPDFPage_CloseAnnot(pdfium_c.FPDFPage_CreateAnnot(page.raw, subtype))
        assert pdf_parser._stamped(page) is stamped  # links only; then a stamp beside the link
    doc.close()


def test_letters_drawn_at_one_point_and_scaled_by_the_text_matrix_keep_their_words(tmp_path):
    # ``1 Tf`` and a text matrix of 12: pdfium reports a font size of 1, the letters are 12 points tall
    content = (b"BT /F1 1 Tf 12 0 0 12 72 700 Tm (Ke hoach gap rut, quy trinh ngay) Tj ET "
               b"BT /F1 1 Tf 12 0 0 12 72 680 Tm (Phong Tu phap tong hop) Tj ET")  # fmt: skip
    pdf = tmp_path / "scaled.pdf"
    pdf.write_bytes(make_pdf([content]))
    assert parse(pdf).text == "Ke hoach gap rut, quy trinh ngay Phong Tu phap tong hop"  # one paragraph


_STAMP_PIECES = ["Ký bởi", "KÝ BỞI", "kÝ bỞi", "\u212aý bởi", "Thời gian ký", "tHỜI gian Ký", "TRUNG TÂM CÔNG",
                 "trung tâm công", "Trung Tâm Côngx", " ", "k", "t", "T", "K", "ý", "a", "\n", "bởi"]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_STAMP_PIECES), max_size=8))
def test_the_stamp_words_are_found_as_a_case_blind_pattern_finds_them(parts):
    text = "".join(parts)
    blind = re.search(r"Ký bởi|Thời gian ký|TRUNG TÂM CÔNG\b", text, re.IGNORECASE)
    found = pdf_parser._STAMP_WORDS.search(text)
    assert (found and found.span()) == (blind and blind.span())

