"""The table reader, on tables written for the tests in every form it reads."""

from docmine.parsers.text import from_string
from extractors.tables import assign_roles, cell_number, column_indices, role_of, tables


def texts(t, role):
    return [t.text(r, role) for r in t.rows]


def test_a_tab_separated_grid():
    doc = from_string("Thứ hạng\tĐơn vị\tĐiểm tối đa\tĐiểm đạt được\tChỉ số\tXếp loại\n"
                      "1\tSở Xây dựng\t90,00\t81,50\t90,56%\tTỐT\n2\tSở Y tế\t88,00\t70,40\t80,00%\tKHÁ")  # fmt: skip
    (t,) = tables(doc)
    assert t.kind == "grid"
    # of two score columns, the one in % is the score; the points are kept apart
    assert t.roles == ["rank", "entity", "max_score", "points", "score", "class"]
    assert texts(t, "entity") == ["Sở Xây dựng", "Sở Y tế"]


def test_a_table_flattened_one_cell_per_line():
    doc = from_string("Bảng 1\n\nĐịa phương\nĐiểm số\nXếp hạng\nNhóm\n"
                      "Hà Giang\n70,1\n1\nTốt\nCao Bằng\n68,2\n2\nTốt\nBắc Kạn\n66,3\n3\nKhá\nLạng Sơn\n65,0\n4\nKhá")  # fmt: skip
    (t,) = tables(doc)
    assert t.kind == "cells"
    assert t.header == ["Địa phương", "Điểm số", "Xếp hạng", "Nhóm"]
    assert t.roles[:3] == ["entity", "score", "rank"]
    assert texts(t, "entity") == ["Hà Giang", "Cao Bằng", "Bắc Kạn", "Lạng Sơn"]


def test_a_table_flattened_one_row_per_line_takes_titles_from_components_above():
    doc = from_string("Chỉ số\nChính quyền số\nChỉ số\nKinh tế số\nTổng\n"
                      "1 TP. Cần Thơ 0.8000 0.7000 0.7500\n2 Hậu Giang 0.7000 0.6000 0.6500\n"
                      "3 Sóc Trăng 0.6000 0.5000 0.5500")  # fmt: skip
    t = next(t for t in tables(doc) if t.kind == "lines")
    assert t.header[2:] == ["Chính quyền số", "Kinh tế số", ""]
    assert t.roles == ["rank", "entity", "value", "value", "score"]
    assert texts(t, "score") == ["0.7500", "0.6500", "0.5500"]


def test_a_pipe_table_with_year_columns():
    doc = from_string("Năm | 2022 | 2023 |\nPhú Yên | 14.11 | 22.44 |\nKhánh Hòa | 15.02 | 23.96 |")
    (t,) = tables(doc)
    assert (t.kind, t.roles) == ("pipe", ["entity", "year", "year"])


def test_a_table_written_between_bars_with_a_two_level_header():
    cells = ["STT", "Cơ quan", "Số TTHC", "Tỷ lệ (%)", "", "Phải cung cấp", "Đã cung cấp", "",
             "1.", "Bộ Xây dựng", "40", "30", "75", "", "2.", "Bộ Y tế", "50", "45", "90", "",
             "3.", "Bộ Tài chính", "20", "10", "50"]  # fmt: skip
    text = "\n".join(x for c in cells for x in ("|", c) if c or x == "|") + "\n|"
    (t,) = tables(from_string(text))
    assert t.kind == "bars"
    assert t.header == ["STT", "Cơ quan", "Số TTHC Phải cung cấp", "Số TTHC Đã cung cấp", "Tỷ lệ (%)"]
    assert texts(t, "entity") == ["Bộ Xây dựng", "Bộ Y tế", "Bộ Tài chính"]


def test_prose_is_not_a_table():
    doc = from_string("Năm 2023, Sở đã triển khai nhiều nhiệm vụ.\nKết quả đạt 90 điểm.\nSở xếp thứ 2.")
    assert tables(doc) == []


def test_roles_from_header_words():
    assert [role_of(h) for h in ["STT", "Nhóm xếp hạng", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]] == [
        "code", "class", "lead", "support", "deadline"]  # fmt: skip


def test_a_header_merged_over_columns_names_the_index_of_each():
    assert column_indices(["Tỉnh", "PCI Điểm", "Thứ hạng", "DTI Điểm", "Thứ hạng"]) == [None, "PCI", "PCI", "DTI", "DTI"]


def test_a_column_the_header_leaves_open_is_read_from_its_cells():
    from extractors.tables import Cell

    rows = [[Cell(0, 1, "Sở Y tế"), Cell(0, 1, "12,5")], [Cell(0, 1, "Sở Tư pháp"), Cell(0, 1, "11")]]
    assert assign_roles(["", ""], rows) == ["entity", "value"]


def test_cell_numbers():
    assert [cell_number(x) for x in ["86,43%", "83,1/100", "(+2)", "1.670", "-"]] == [86.43, 83.1, 2, 1670, None]


def test_a_grid_without_a_header_row_is_read_with_blank_headers():
    from docmine.builder import CellSpec, DocBuilder
    from extractors import EXTRACTORS

    b = DocBuilder("x", "txt")
    b.add("Kết quả tổng hợp.", "paragraph")
    rows = [["1", "12", "15,5"], ["2", "14", "16,0"]]  # numbers only: no row reads as a header
    b.add_table([CellSpec(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)])
    doc = b.build()
    assert [t.header for t in tables(doc) if t.kind == "grid"] == [["", "", ""]]
    for extract in EXTRACTORS.values():  # every table reader copes
        extract(doc)
