import pytest

from tests.extractors.helpers import has, run

POSITIVE = [
    (
        "Phấn đấu Chỉ số cải cách hành chính năm 2024 của Sở đạt từ 85% trở lên.",
        dict(index="PAR", year=2024, op=">=", value=85),
    ),
    ("Phấn đấu Chỉ số hài lòng năm 2023 đạt trên 90%.", dict(index="SIPAS", op=">", value=90, year=2023)),
    ("Mục tiêu năm 2025: 100% hồ sơ TTHC được số hóa.", dict(value=100, unit="%", year=2025)),
    ("Đảm bảo hoàn thành 100% kế hoạch đào tạo năm 2024.", dict(value=100, year=2024)),
    (
        "Phấn đấu năm 2024 tỷ lệ hồ sơ trực tuyến toàn trình đạt ít nhất 50%.",
        dict(op=">=", value=50, year=2024),
    ),
    (
        "Phấn đấu Chỉ số PAPI năm 2025 đạt từ 45 điểm trở lên.",
        None,
    ),  # points are not percentages: no target claimed
    (
        "Yêu cầu các phòng, đơn vị cụ thể như sau:\n1. Giải quyết 100% hồ sơ đúng hạn trong năm 2024.",
        dict(value=100, year=2024),
    ),
    ("Phấn đấu tỷ lệ thanh toán trực tuyến năm 2023 đạt tối thiểu 30%.", dict(op=">=", value=30)),
    ("Phấn đấu Chỉ số CCHC năm 2022 không thấp hơn 80%.", dict(op=">=", value=80, index="PAR")),
]
NEGATIVE = [
    "Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 40%.",  # a measurement
    "Sở đã hoàn thành 100% nhiệm vụ năm 2022.",  # done, not a goal
    "Kết quả chưa hoàn thành 100% nhiệm vụ, chỉ đạt 86%.",  # a requirement of a measurement
    "Ngày 20/4/2021 Ban Chấp hành ban hành Nghị quyết.",  # a date
    "Số hồ sơ tăng 15% so với năm trước.",  # a change
    "Điện thoại: 0229/3871 235.",  # a phone number
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_target_read(text, expected):
    facts = run("targets", text)
    if expected is None:
        assert facts == []
    else:
        assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_target(text):
    assert run("targets", text) == []
