import pytest

from tests.extractors.helpers import has, run

POSITIVE = [
    (
        "Chỉ số cải cách hành chính năm 2022 của Sở đạt 92,35 điểm, xếp thứ 3/18 cơ quan.",
        dict(index="PAR", year=2022, value=92.35, unit="điểm", rank=3, rank_total=18),
    ),
    ("Chỉ số hài lòng năm 2023 của Sở đạt 84,66%.", dict(index="SIPAS", value=84.66, unit="%")),
    (
        "Chỉ số CCHC năm 2021 của Sở đạt 86,8 điểm, giảm 1.44 điểm so với năm 2020.",
        dict(value=86.8, value_change=-1.44, compared_year=2020),
    ),
    (
        "Chỉ số cải cách hành chính năm 2023 của Sở xếp thứ 5/20, tăng 08 bậc so với năm 2022.",
        dict(rank=5, rank_total=20, rank_change=8, compared_year=2022),
    ),
    (
        "Chỉ số CCHC năm 2022 của Sở đứng thứ 10/19, giảm 2 bậc so với năm 2021.",
        dict(rank=10, rank_change=-2),
    ),
    ("Chỉ số PAPI năm 2022 của tỉnh đạt 43,12 điểm.", dict(index="PAPI", value=43.12)),
    (
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023 đạt 65,2 điểm, xếp thứ 12/63.",
        dict(index="PCI", rank=12, rank_total=63),
    ),
    (
        "Chỉ số hài lòng của người dân đối với sự phục vụ của Sở năm 2022 đạt 90,12%, xếp thứ 2/18.",
        dict(index="SIPAS", value=90.12, rank=2),
    ),
    ("Năm 2020, Chỉ số cải cách hành chính của Sở đạt 80,5 điểm.", dict(index="PAR", value=80.5)),
]
NEGATIVE = [
    "Phấn đấu Chỉ số cải cách hành chính năm 2024 đạt từ 85% trở lên.",  # a goal
    "Chỉ số cải cách hành chính là công cụ đánh giá hằng năm.",  # no number
    "Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 40%.",  # a metric, no index
    "Theo Quyết định số 414/QĐ-UBND ngày 07/06/2023 của UBND tỉnh.",
    "Điện thoại: 0229.3871.234.",
    "Sở tổ chức hội nghị vào năm 2023 với 120 đại biểu.",  # a year and a count are not a score
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_score_read(text, expected):
    facts = run("scores", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_score(text):
    assert run("scores", text) == []
