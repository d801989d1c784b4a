import pytest

from tests.extractors.helpers import has, run

POSITIVE = [
    (
        "Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,2% (yêu cầu 95%).",
        dict(value=97.2, unit="%", target=95, met=True, year=2023),
    ),
    (
        "Tỷ lệ văn bản ký số của các xã đạt dưới 80% (yêu cầu 100%).",
        dict(value=80, op="<", target=100, met=False),
    ),
    ("Sở đã kiểm tra 05/14 đơn vị trực thuộc.", dict(value=5, unit="đơn vị", numerator=5, denominator=14)),
    ("Trong năm, có 3/10 xã chưa công khai TTHC đúng hạn.", dict(numerator=3, denominator=10, unit="xã")),
    (
        "Mới chỉ có 12% hồ sơ thanh toán trực tuyến (Yêu cầu 30%).",
        dict(value=12, target=30, target_op=">=", met=False),
    ),
    (
        "Có 45 hồ sơ giải quyết trước hạn (93,75%) và 3 hồ sơ trễ hạn (6,25%).",
        dict(value=6.25, indicator="hồ sơ trễ hạn"),
    ),
    (
        "Kết quả thực hiện kế hoạch năm 2021 chưa hoàn thành 100% nhiệm vụ, chỉ đạt 75%.",
        dict(value=75, target=100, met=False, year=2021),
    ),
    ("Huyện đã tiếp nhận trên 95% hồ sơ qua dịch vụ công trực tuyến.", dict(value=95, op=">")),
    ("Tỷ lệ giải ngân vốn đầu tư công đạt 1.5% so với kế hoạch.", dict(value=1.5, unit="%")),
    (
        "Năm 2020, 100% cơ quan được cấp chứng thư số.",
        dict(value=100, indicator="cơ quan được cấp chứng thư số", year=2020),
    ),
    ("Xuất khẩu 9 tháng tăng 18,3% so với cùng kỳ.", dict(value=18.3, unit="%")),  # a growth measured
    (
        "Kiểm tra 06/20 đơn vị (đảm bảo ít nhất 30% số đơn vị được kiểm tra).",
        dict(value=6, target=30, met=True),
    ),
]
NEGATIVE = [
    "Ngày 15/5/2023 Đoàn kiểm tra làm việc tại Sở.",  # a date, not a ratio
    "Điện thoại: 0229.3871.234, Fax: 0229/3871 235.",  # a phone number, not a ratio
    "Chỉ số hài lòng của Sở đạt 84,66% trong năm 2022.",  # an index result is a score
    "Theo Quyết định số 414/QĐ-UBND ngày 07/06/2023 của UBND tỉnh.",  # a citation
    "Sở xếp thứ 3/18 sở, ngành.",  # a rank
    "Phấn đấu Chỉ số hài lòng năm 2024 đạt trên 90%.",  # a goal, not a measurement
    "Chỉ số CCHC của tỉnh tăng 1,5% so với năm trước.",  # an index's change is a score's
    "Năm nay 8 huyện (19,05%) tăng điểm so với năm trước, 34 huyện giảm điểm.",  # units counted by their scores
    "Nhóm xếp loại Tốt (từ 90% trở lên) có 03 huyện.",  # a band of scores
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_metric_read(text, expected):
    facts = run("metrics", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_metric(text):
    assert run("metrics", text) == []


def test_a_rate_column_gives_a_metric_per_row_with_its_counts():
    text = ("Kết quả năm 2024\nSTT\tĐơn vị\tSố TTHC phải cung cấp\tSố TTHC đã cung cấp\tTỷ lệ (%)\n"
            "1\tSở Xây dựng\t40\t30\t75\n2\tSở Y tế\t50\t45\t90\n3\tSở Tài chính\t20\t10\t50")  # fmt: skip
    got = run("metrics", text)
    assert has(got, entity="Sở Y tế", value=90, unit="%", numerator=45, denominator=50, year=2024)
    assert has(got, entity="Sở Xây dựng", value=75, numerator=30, denominator=40)


def test_a_ratio_and_the_rate_it_gives_are_one_metric():
    got = run("metrics", "Năm 2024 đã kiểm tra 42/139 cơ quan, đơn vị, đạt tỷ lệ 30% (chỉ tiêu tối thiểu 20%).")
    assert got and all(f["value"] == 30 for f in got)
    assert has(got, value=30, numerator=42, denominator=139, target=20, met=True)


def test_a_requirement_stated_before_the_value():
    got = run("metrics", "Tỷ lệ hồ sơ đúng hạn chưa đạt chỉ tiêu (chỉ tiêu tối thiểu 98%, hiện đạt 97,28%).")
    assert has(got, value=97.28, target=98, met=False)


def test_a_rule_is_not_a_measurement():
    got = run("metrics", "Tỷ lệ hồ sơ đúng hạn đạt 94% (trường hợp dưới 95% thì tiêu chí này đạt 0 điểm).")
    assert [f["value"] for f in got] == [94]
