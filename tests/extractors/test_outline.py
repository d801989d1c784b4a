"""The outline of a body: paragraphs joined from their lines, list levels, the address and the end."""

from docmine.builder import CellSpec, DocBuilder
from docmine.parsers.text import from_string
from extractors.outline import paragraphs


def shape(text_or_doc):
    doc = from_string(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    return [(p.kind, " ".join(p.body_text.split()), p.parent.body_text.strip() if p.parent else None)
            for p in paragraphs(doc)]  # fmt: skip


def test_wrapped_lines_are_one_paragraph_and_a_marker_is_read_through_emphasis():
    got = shape("**2. Sở\nKhoa học và Công nghệ**\n\na) Tối ưu hóa Hệ thống thông tin\ngiải quyết thủ tục.")
    assert got == [("num", "Sở Khoa học và Công nghệ", None),
                   ("letter", "Tối ưu hóa Hệ thống thông tin giải quyết thủ tục.", "Sở Khoa học và Công nghệ")]  # fmt: skip


def test_a_numbered_item_never_falls_under_a_dash_item():
    got = shape("Kết luận như sau:\n\n- Nghiên cứu nội dung hội nghị.\n\n2. Đối với các dự án đầu tư\n\na) Giao Sở Tài chính")
    assert [(k, parent) for k, _, parent in got] == [("", None), ("dash", "Kết luận như sau:"),
                                                     ("num", None), ("letter", "Đối với các dự án đầu tư")]  # fmt: skip


def test_a_marker_alone_on_its_line_and_articles():
    got = shape("QUYẾT ĐỊNH:\n\nĐiều 2. Sở Y tế có trách nhiệm:\n\n1.4.\nLộ trình thực hiện: Năm 2026.")
    assert [(k, b) for k, b, _ in got] == [("heading", "QUYẾT ĐỊNH:"), ("article", "Sở Y tế có trách nhiệm:"),
                                           ("num2", "Lộ trình thực hiện: Năm 2026.")]  # fmt: skip


def test_the_address_is_marked_and_the_outline_ends_at_the_recipients():
    got = shape("Kính gửi:\n- Sở Nội vụ;\n- Sở Tài chính.\n\nĐề nghị các sở báo cáo.\n\nNơi nhận:\n- Như trên;")
    assert [k for k, _, _ in got] == ["address", "address", "address", ""]


def test_a_table_of_one_column_is_a_framed_body():
    b = DocBuilder("x", "pdf")
    b.add("THÔNG BÁO", "heading", page=1)
    b.add_table([CellSpec("1. Giao Sở Nội vụ rà soát quy trình, hoàn thành và báo cáo", 0, 0, page=1),
                 CellSpec("UBND tỉnh trước ngày 20/02/2025.", 1, 0, page=2)], page=1)  # fmt: skip
    got = shape(b.build())
    assert got[-1][:2] == ("num", "Giao Sở Nội vụ rà soát quy trình, hoàn thành và báo cáo UBND tỉnh trước ngày 20/02/2025.")
