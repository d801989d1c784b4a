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
