import pytest

from tests.extractors.helpers import has, run

INTRO = "Chỉ số cải cách hành chính năm 2023 của Sở đạt 88,5 điểm.\n"
HEAD = "STT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt được\tXếp hạng\tGhi chú\n"

ROWS = [
    (
        "01\tCông tác chỉ đạo, điều hành\t17,5\t11,364\t15/17\tKhông có sáng kiến",
        dict(code="01", max_score=17.5, score=11.364, rank=15, rank_total=17, note="Không có sáng kiến"),
    ),
    (
        "02\tXây dựng văn bản QPPL\t12\t12\t1\tĐạt điểm tối đa",
        dict(code="02", score=12, rank=1, rank_total=None),
    ),
    ("06\tCải cách tài chính công\t11.5\t11.5\t1\t", dict(max_score=11.5, score=11.5, note=None)),
    ("3.2\tKết quả giải quyết TTHC\t2\t1,5\t\t", dict(code="3.2", score=1.5, rank=None)),
    (
        "07\tHiện đại hóa nền hành chính\t15\t14\t5\tTỷ lệ hồ sơ mức độ 3,4 còn thấp",
        dict(name="Hiện đại hóa nền hành chính", index="PAR", year=2023),
    ),
    ("I.\tCông tác chỉ đạo\t10\t9,25\t2/20\t", dict(code="I", score=9.25, rank_total=20)),
    ("05\tCông vụ\t15\t1.670\t\t", dict(score=1.67)),  # a score below its maximum: the dot is decimal
]


@pytest.mark.parametrize("row,expected", ROWS)
def test_criterion_row(row, expected):
    facts = run("criteria", INTRO + HEAD + row)
    assert has(facts, **expected), facts


def test_columns_found_by_header_not_position():
    t = INTRO + "TT\tGhi chú\tNội dung\tĐiểm đạt\tĐiểm tối đa\n1\tTốt\tThể chế\t9\t10"
    assert has(run("criteria", t), code="1", name="Thể chế", score=9, max_score=10, note="Tốt")


def test_index_and_year_from_text_before_the_table():
    t = (
        "Kết quả Chỉ số hài lòng (SIPAS) năm 2021, so với năm 2020:\n"
        + HEAD
        + "1\tTiếp cận dịch vụ\t20\t18\t\t"
    )
    assert has(run("criteria", t), index="SIPAS", year=2021)


NEGATIVE = [
    "TT\tNội dung\tĐơn vị thực hiện\tPhối hợp\n1.1\tKế hoạch CCHC\tVăn phòng Sở\tCác phòng",  # a task table
    "STT\tHọ và tên\tChức vụ\tĐiện thoại\n1\tNguyễn Văn A\tTrưởng phòng\t0229.3871.234",  # a contact list
    HEAD + "\tTổng cộng\t\t\t\t",  # a row with no score
    "Điểm tối đa của tiêu chí 1.2 là 2 điểm.",  # prose, no table
    HEAD + "01\t\t17,5\t11\t\t",  # a row with no name
    "STT\tNăm\tGhi chú\n1\t2022\tx\n2\t2023\ty",  # years are not scores
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_criterion(text):
    assert run("criteria", text) == []


def crit(text: str) -> list[tuple]:
    return [(f["name"], f["entity"], f["year"], f["score"], f["rank"]) for f in run("criteria", text)]


def test_components_named_in_prose_with_their_score():
    text = "PAPI năm 2021: Hà Giang dẫn đầu cả nước ở 2 tiêu chí: Kiểm soát tham nhũng (8,1 điểm); Quản trị điện tử (4,2 điểm)."
    assert crit(text) == [("Kiểm soát tham nhũng", "Hà Giang", 2021, 8.1, 1), ("Quản trị điện tử", "Hà Giang", 2021, 4.2, 1)]


def test_a_component_change_is_kept_as_a_remark():
    got = run("criteria", "Chỉ số PCI năm 2020 của tỉnh: Gia nhập thị trường (giảm 1,5 điểm); Tính minh bạch (tăng 0,8 điểm).")
    assert has(got, name="Gia nhập thị trường", note="giảm 1,5 điểm", year=2020, index="PCI")
    assert has(got, name="Tính minh bạch", note="tăng 0,8 điểm")


def test_a_breakdown_names_its_items():
    text = "Chỉ số CCHC năm 2023 của tỉnh đạt 85 điểm, trong đó: điểm thẩm định là 55/61,5 điểm, điểm khảo sát đạt 30/38,5 điểm."
    got = run("criteria", text)
    assert has(got, name="điểm thẩm định", score=55, max_score=61.5, year=2023)
    assert has(got, name="điểm khảo sát", score=30, max_score=38.5)


def test_a_section_about_one_component():
    text = "Chỉ số CCHC năm 2023 của tỉnh Sơn La\n\n- Lĩnh vực Cải cách tài chính công\n\nĐạt 8,5/10 điểm, xếp thứ 12/63."
    assert has(run("criteria", text), name="Cải cách tài chính công", score=8.5, max_score=10, rank=12, rank_total=63)


def test_a_scope_phrase_makes_an_entitys_result_a_components():
    text = "ICT Index năm 2018: Ở lĩnh vực hạ tầng kỹ thuật, Hà Nội dẫn đầu cả nước với 0,81 điểm."
    assert crit(text) == [("hạ tầng kỹ thuật", "Hà Nội", 2018, 0.81, 1)]


def test_a_result_tables_extra_columns_are_components_of_each_entity():
    text = ("Kết quả Chỉ số CCHC năm 2019:\nThứ hạng\tĐơn vị\tTổng điểm\tĐiểm thẩm định\tĐiểm khảo sát\n"
            "1\tSở Tư pháp\t90,0\t60,0\t30,0\n2\tSở Y tế\t85,5\t58,0\t27,5")  # fmt: skip
    assert crit(text) == [
        ("Điểm thẩm định", "Sở Tư pháp", 2019, 60, None), ("Điểm khảo sát", "Sở Tư pháp", 2019, 30, None),
        ("Điểm thẩm định", "Sở Y tế", 2019, 58, None), ("Điểm khảo sát", "Sở Y tế", 2019, 27.5, None),
    ]  # fmt: skip


def test_a_table_with_a_column_per_year_and_components_as_rows():
    text = "PGI của tỉnh Bình Định\nNăm | 2022 | 2023 |\nQuản trị môi trường | 3.1 | 4.2 |\nĐiểm số PGI | 20.5 | 22.0 |"
    got = run("criteria", text)
    assert has(got, name="Quản trị môi trường", year=2022, score=3.1, index="PGI")
    assert not has(got, name="Điểm số PGI")  # the index itself is a score
