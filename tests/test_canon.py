from __future__ import annotations

import pytest

from docmine.canon import agency, index_name, letter_id, province, province_2025


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐ-TB&XH tỉnh Đồng Tháp", "Sở Lao động - Thương binh và Xã hội"),
        ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở NN&PTNT tỉnh Nghệ An", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Nội vụ Đắk Nông", "Sở Nội vụ"),
        ("Phòng Lao động - Việc làm", "Phòng Lao động - Việc làm"),
    ],
)
def test_agency(written, canonical):
    assert agency(written) == canonical


def test_agency_of_nothing():
    assert agency(None) is None and agency("  ") is None


@pytest.mark.parametrize(
    "written, before, after",
    [("tỉnh Đắk Nông", "Đắk Nông", "Lâm Đồng"), ("Hà Giang", "Hà Giang", "Tuyên Quang"),
     ("Thừa Thiên Huế", "Huế", "Huế"), ("Cao Bằng", "Cao Bằng", "Cao Bằng"),
     ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh")],
)  # fmt: skip
def test_province_before_and_after_the_2025_merger(written, before, after):
    assert province(written) == before
    assert province_2025(written) == after


def test_no_province_in_text():
    assert province("Sở Nội vụ") is None and province_2025(None) is None


@pytest.mark.parametrize(
    "text, name",
    [("PAR INDEX", "PAR"), ("Chỉ số cải cách hành chính", "PAR"), ("Chỉ số hài lòng của người dân", "SIPAS"),
     ("PAPI 2023", "PAPI"), ("Chỉ số năng lực cạnh tranh cấp tỉnh", "PCI")],
)  # fmt: skip
def test_index_name(text, name):
    assert index_name(text) == name


def test_letter_id_links_formats_and_needs_a_date():
    a = letter_id("Kế hoạch", None, "KH-SLĐTBXH", "Sở LĐTBXH", "2022-04-05", "Cải cách hành chính năm 2022")
    b = letter_id("Kế hoạch", None, "KH-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội", "2022-04-05",
                  "Cải cách hành chính  năm 2022")  # fmt: skip
    c = letter_id("Kế hoạch", None, "KH-SLĐTBXH", "Sở LĐTBXH", "2022-04-06", "Cải cách hành chính năm 2022")
    assert a == b != c
    assert letter_id("Kế hoạch", "12", "KH-SNV", "Sở Nội vụ", None, None) is None
