import zipfile
from pathlib import Path

import pytest

from docmine.model import ParseError
from docmine.parsers import parse
from tests.conftest import seed

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(path: Path, body: str, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>',
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def test_header_and_signature_tables_become_zones():
    doc = parse(seed("000_88c36853ee0d1535", "docx"))
    header = [doc.block_text(b) for b in doc.blocks_of("header")]
    assert header[:3] == ["UBND TỈNH NINH BÌNH", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    assert header.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < header.index("Số: /LĐTBXH-VP")
    sig = [doc.block_text(b) for b in doc.blocks_of("signature")]
    assert sig[0] == "Nơi nhận:" and sig[-1] == "Lâm Xuân Phương"
    assert doc.tables == []


def test_merged_cells_keep_their_span(tmp_path: Path):
    restart, span2 = '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="2"/>'
    row1 = f"<w:tr>{tc('1.1')}{tc('Kế hoạch CCHC')}{tc('Văn phòng Sở', restart)}</w:tr>"
    row2 = f"<w:tr>{tc('1.2')}{tc('Chế độ báo cáo')}{tc('', '<w:vMerge/>')}</w:tr>"
    row3 = f"<w:tr>{tc('1.3')}{tc('Kiểm tra CCHC', span2)}</w:tr>"
    doc = parse(make_docx(tmp_path / "t.docx", p("Bảng") + f"<w:tbl>{row1}{row2}{row3}</w:tbl>"))
    grid = doc.table_text(doc.tables[0])
    assert grid == [
        ["1.1", "Kế hoạch CCHC", "Văn phòng Sở"],
        ["1.2", "Chế độ báo cáo", "Văn phòng Sở"],
        ["1.3", "Kiểm tra CCHC", "Kiểm tra CCHC"],
    ]
    unit = next(c for c in doc.tables[0].cells if doc.block_text(c) == "Văn phòng Sở")
    assert unit.row_span == 2


def test_footnotes_follow_the_body(tmp_path: Path):
    body = '<w:p><w:r><w:t>quy định</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
    notes = f'<?xml version="1.0"?><w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"/><w:footnote w:id="1">{p("Văn phòng Sở.")}</w:footnote></w:footnotes>'
    doc = parse(make_docx(tmp_path / "f.docx", body, {"word/footnotes.xml": notes.encode()}))
    assert doc.text == "quy định¹.\n\n¹ Văn phòng Sở."
    assert [b.kind for b in doc.blocks] == ["paragraph", "footnote"]


def test_xxe_is_refused(tmp_path: Path):
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W_NS}><w:body>{p("&x;")}</w:body></w:document>',
        )
    with pytest.raises(ParseError, match="DOCTYPE|entities"):
        parse(path)


def test_zip_bomb_is_refused_quickly(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b"a" * (300 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ParseError, match="zip bomb"):
        parse(path)


def test_deeply_nested_xml_is_an_error(tmp_path: Path):
    body = "<w:sdt><w:sdtContent>" * 5000 + p("x") + "</w:sdtContent></w:sdt>" * 5000
    with pytest.raises(ParseError):
        parse(make_docx(tmp_path / "deep.docx", body))


def test_not_a_zip_docx(tmp_path: Path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(ParseError, match="zip"):
        parse(path)


def test_zip_without_document_xml(tmp_path: Path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ParseError, match="document.xml|not a .docx"):
        parse(path)
