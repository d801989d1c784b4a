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


def rows(text: str) -> list[tuple]:
    return [(f["entity"], f["index"], f["year"], f["value"], f["rank"], f["rank_total"]) for f in run("scores", text)]


def test_a_ranking_list_gives_a_row_per_entity():
    text = "Chỉ số CCHC năm 2021: đứng đầu là Sở Công Thương (92,15%), xếp thứ hai là Sở Y tế (90,02%), thứ ba là Sở Tư pháp (89,4%)."
    assert rows(text) == [
        ("Sở Công Thương", "PAR", 2021, 92.15, 1, None),
        ("Sở Y tế", "PAR", 2021, 90.02, 2, None),
        ("Sở Tư pháp", "PAR", 2021, 89.4, 3, None),
    ]


def test_a_list_declared_ordered_ranks_its_items_and_counts_them():
    text = ("Bảng điểm Chỉ số CCHC năm 2022 của các sở xếp lần lượt từ cao xuống thấp như sau:\n\n"
            "Sở Nội vụ 95,1 điểm; Sở Xây dựng 94,2 điểm,\n\nSở Ngoại vụ 90,3 điểm, Sở Du lịch 88 điểm.")  # fmt: skip
    assert rows(text) == [
        ("Sở Nội vụ", "PAR", 2022, 95.1, 1, 4),
        ("Sở Xây dựng", "PAR", 2022, 94.2, 2, 4),
        ("Sở Ngoại vụ", "PAR", 2022, 90.3, 3, 4),
        ("Sở Du lịch", "PAR", 2022, 88, 4, 4),
    ]


def test_the_last_places_of_a_counted_group():
    text = ("Bảng xếp hạng Chỉ số PCI năm 2020 khối huyện được thực hiện với 9 huyện. "
            "Nhóm 02 địa phương đứng cuối lần lượt là huyện Mường Tè, huyện Sìn Hồ.")  # fmt: skip
    assert rows(text) == [("huyện Mường Tè", "PCI", 2020, None, 8, 9), ("huyện Sìn Hồ", "PCI", 2020, None, 9, 9)]


def test_names_without_an_ordered_cue_get_no_rank():
    assert rows("Chỉ số CCHC năm 2022 có 3 vị trí dẫn đầu gồm: huyện Tủa Chùa, huyện Mường Nhé, thị xã Mường Lay.") == []


def test_a_sentence_without_a_name_belongs_to_the_headline_entity():
    text = "Tỉnh Yên Bái: kết quả chỉ số cải cách hành chính năm 2022\n\nChỉ số CCHC năm 2022 xếp thứ 21/63, tăng 3 bậc."
    assert has(run("scores", text), entity="Tỉnh Yên Bái", rank=21, rank_total=63, rank_change=3)


def test_an_average_is_an_entity():
    text = "Chỉ số CCHC trung bình năm 2022 của các tỉnh, thành phố đạt 84,79%, giảm 1,78% so với năm 2021."
    assert has(run("scores", text), entity="các tỉnh, thành phố (trung bình)", value=84.79, value_change=-1.78,
               compared_year=2021)  # fmt: skip


def test_a_result_table():
    text = ("Kết quả Chỉ số CCHC năm 2024 của các sở:\n"
            "Thứ hạng\tĐơn vị\tĐiểm đạt được\tXếp loại\n1\tSở Nội vụ\t91,20\tTốt\n2\tSở Y tế\t88,10\tTốt\n3\tThanh tra tỉnh\t80,00\tKhá")  # fmt: skip
    assert rows(text) == [
        ("Sở Nội vụ", "PAR", 2024, 91.2, 1, 3),
        ("Sở Y tế", "PAR", 2024, 88.1, 2, 3),
        ("Thanh tra tỉnh", "PAR", 2024, 80, 3, 3),
    ]


def test_a_grid_with_a_column_group_per_index():
    text = ("Kết quả năm 2023 của tỉnh\nTỉnh\tPCI Điểm số\tPCI Thứ hạng\tPAPI Điểm số\tPAPI Thứ hạng\n"
            "Phú Thọ\t66,1/100\t20/63\t42,5/80\t10/63")  # fmt: skip
    got = run("scores", text)
    assert has(got, index="PCI", entity="Phú Thọ", value=66.1, rank=20, rank_total=63, year=2023)
    assert has(got, index="PAPI", entity="Phú Thọ", value=42.5, rank=10, rank_total=63, year=2023)


def test_a_table_with_a_column_per_year():
    text = "Chỉ số PCI của các tỉnh\nNăm | 2022 | 2023 |\nPhú Yên | 64.1 | 66.2 |\nKhánh Hòa | 65.0 | 67.3 |"
    assert has(run("scores", text), index="PCI", entity="Phú Yên", year=2022, value=64.1)
    assert has(run("scores", text), index="PCI", entity="Khánh Hòa", year=2023, value=67.3)


def test_a_group_total_from_a_count_of_units_or_a_ratio():
    text = ("Năm 2023, 21 đơn vị được đánh giá Chỉ số CCHC. Sở Tư pháp đứng đầu với 95,1 điểm; "
            "xếp thứ hai là Sở Y tế với 93,2 điểm.")  # fmt: skip
    got = run("scores", text)
    assert has(got, entity="Sở Tư pháp", rank=1, rank_total=21) and has(got, entity="Sở Y tế", rank=2, rank_total=21)
    text = "Chỉ số CCHC năm 2023 có 6/17 cơ quan đạt loại tốt; Sở Nội vụ xếp thứ 2 với 91,5 điểm."
    assert has(run("scores", text), entity="Sở Nội vụ", rank=2, rank_total=17)


def test_a_group_total_is_not_taken_from_a_smaller_group():
    text = "Chỉ số CCHC năm 2023: Sở Tư pháp xếp thứ 12 với 80,1 điểm; 5 đơn vị đạt loại tốt."
    assert has(run("scores", text), entity="Sở Tư pháp", rank=12, rank_total=None)


def test_who_announces_an_index_is_not_who_it_scores():
    text = ("Liên đoàn Doanh nghiệp và Hợp tác xã (LĐDN) vừa công bố Chỉ số PCI năm 2023 của các tỉnh.\n\n"
            "Chỉ số thành phần Tính minh bạch đạt 7,1 điểm, xếp thứ 9/63.")  # fmt: skip
    assert not any(r["entity"] and "Liên đoàn" in r["entity"] for k in ("scores", "criteria") for r in run(k, text))


def test_an_abbreviated_city_does_not_end_the_sentence():
    text = ("Chỉ số CCHC năm 2023 của tỉnh Quảng Trị đạt 88,1%, xếp thứ 9.\n\n"
            "Xếp vị trí thứ 2 là TP. Cần Thơ, đạt 91,87%; TX. Sơn Tây đạt 91,43%, xếp thứ 3.")  # fmt: skip
    got = run("scores", text)
    assert has(got, entity="TP. Cần Thơ", rank=2, value=91.87) and has(got, entity="TX. Sơn Tây", rank=3, value=91.43)


def test_a_headline_entity_ranked_in_an_index_someone_announced_stays():
    text = "Quảng Trị dẫn đầu bảng xếp hạng PCI do VCCI công bố năm 2023\n\nChỉ số PCI năm 2023 đạt 70,1 điểm, xếp thứ 1/63."
    assert has(run("scores", text), entity="Quảng Trị", value=70.1, rank=1)


def test_a_move_in_rank_is_not_a_place():
    text = "Chỉ số PAPI năm 2020 của Quảng Ninh đạt 48,8 điểm, thăng hạng 2 bậc, trở thành tỉnh dẫn đầu."
    got = run("scores", text)
    assert has(got, entity="Quảng Ninh", rank=1, rank_change=2) and not has(got, rank=2)


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ số CCHC năm 2022: 9 sở đạt trên 90%, 5 sở đạt từ 80% đến dưới 90%.",  # bands, not anyone's score
        "Chỉ số CCHC năm 2022, tỉnh xếp thứ 2 trong khu vực Tây Nguyên.",  # a rank within a region, unnamed
        "Phấn đấu Chỉ số CCHC năm 2025 của tỉnh Bắc Kạn đạt trên 85 điểm.",  # a goal
    ],
)
def test_not_scores(text):
    assert run("scores", text) == []
