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
        dict(index="PAPI", year=2025, op=">=", value=45, unit="điểm"),
    ),
    (
        "Yêu cầu các phòng, đơn vị cụ thể như sau:\n1. Giải quyết 100% hồ sơ đúng hạn trong năm 2024.",
        dict(value=100, year=2024),
    ),
    ("Phấn đấu tỷ lệ thanh toán trực tuyến năm 2023 đạt tối thiểu 30%.", dict(op=">=", value=30)),
    ("Phấn đấu Chỉ số CCHC năm 2022 không thấp hơn 80%.", dict(op=">=", value=80, index="PAR")),
    # scores, ranks and rises a plan sets
    (
        "Phấn đấu điểm số PCI của tỉnh năm 2025 đạt từ 70 điểm trở lên.",
        dict(indicator="điểm số PCI của tỉnh", index="PCI", year=2025, op=">=", value=70, unit="điểm"),
    ),
    (
        "Phấn đấu Chỉ số PAPI năm 2025 của tỉnh duy trì trong top 10 cả nước.",
        dict(index="PAPI", year=2025, op="<=", value=10, unit="hạng"),
    ),
    (
        "Phấn đấu Chỉ số cải cách hành chính năm 2024 xếp ở vị trí dẫn đầu khối sở, ngành.",
        dict(index="PAR", year=2024, op="=", value=1, unit="hạng"),
    ),
    (  # the year of the goal, not the year compared with
        "Mục tiêu năm 2025, Chỉ số PCI của tỉnh tăng từ 3 - 5 bậc so với năm 2024.",
        dict(indicator="Chỉ số PCI của tỉnh", index="PCI", year=2025, op=">=", value=3, unit="bậc"),
    ),
    (
        "Phấn đấu Chỉ số PAPI của tỉnh năm 2025 tăng ít nhất 02 bậc so với năm 2024.",
        dict(index="PAPI", year=2025, op=">=", value=2, unit="bậc"),
    ),
    (  # a label before the goal is its indicator; the plan's title gives the year
        "KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2026\n\nII. NỘI DUNG\n"
        "2. Số lượng đơn vị được kiểm tra: Tối thiểu 25% cơ quan chuyên môn.",
        dict(indicator="Số lượng đơn vị được kiểm tra", year=2026, op=">=", value=25, unit="%"),
    ),
    (  # a cell of a task table
        "Các nhiệm vụ năm 2024:\nSTT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n1\tGiải quyết 100% hồ sơ đúng hạn\tVăn phòng\tNăm 2024",
        dict(value=100, unit="%", year=2024),
    ),
]
NEGATIVE = [
    "Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 40%.",  # a measurement
    "Sở đã hoàn thành 100% nhiệm vụ năm 2022.",  # done, not a goal
    "Kết quả chưa hoàn thành 100% nhiệm vụ, chỉ đạt 86%.",  # a requirement of a measurement
    "Ngày 20/4/2021 Ban Chấp hành ban hành Nghị quyết.",  # a date
    "Số hồ sơ tăng 15% so với năm trước.",  # a change
    "Điện thoại: 0229/3871 235.",  # a phone number
    "Năm 2023, điểm số PCI của tỉnh đạt 68,5 điểm, tăng 3 bậc.",  # a result
    "Kết quả tiêm chủng chưa đạt chỉ tiêu theo kế hoạch: vắc xin A (89%), vắc xin B (90%).",  # measured
    "Ngân sách cấp cho Chương trình mục tiêu quốc gia chiếm 40% tổng chi.",  # a name, not a goal
    "IV. ĐÁNH GIÁ TÁC ĐỘNG CỦA CÁC GIẢI PHÁP\nNăm 2022 có khoảng 9% hộ gia đình dùng dịch vụ công trực tuyến.",
    "Mục tiêu năm 2025: nâng cao vai trò của người đứng đầu cơ quan.",  # a head of agency, not a rank
    # a target printed beside a measured value is that metric's target, not a row here
    "Tỷ lệ hồ sơ trực tuyến đạt 41%, trong khi mục tiêu đề ra là 55%.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 95%, hiện đạt 93,6%).",
    "Khối huyện đạt 58% (mục tiêu 65%).",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_target_read(text, expected):
    facts = run("targets", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_target(text):
    assert run("targets", text) == []


@pytest.mark.parametrize(
    "text,value,target",
    [
        ("Tỷ lệ hồ sơ trực tuyến đạt 41%, trong khi mục tiêu đề ra là 55%.", 41, 55),
        (
            "Tỷ lệ hồ sơ giải quyết đúng hạn chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 95%, hiện đạt 93,6%).",
            93.6,
            95,
        ),
    ],
)
def test_target_beside_a_measurement_is_the_metrics_target(text, value, target):
    assert has(run("metrics", text), value=value, target=target, met=False)


def test_goal_list_gives_one_row_per_item():
    facts = run(
        "targets",
        "Mục tiêu đến cuối năm 2026: - 100% hồ sơ được số hóa. - 90% thủ tục hành chính được cung cấp trực tuyến "
        "toàn trình. - Cung cấp 50/50 dịch vụ công thiết yếu.",
    )
    assert [(f["indicator"], f["value"], f["unit"], f["year"]) for f in facts] == [
        ("hồ sơ được số hóa", 100, "%", 2026),
        ("thủ tục hành chính được cung cấp trực tuyến toàn trình", 90, "%", 2026),
        ("dịch vụ công thiết yếu", 50, "dịch vụ", 2026),
    ]


def test_component_goals_in_a_list():
    facts = run(
        "targets",
        "KẾ HOẠCH\nCải thiện Chỉ số PCI năm 2025\n\nMục tiêu phấn đấu các chỉ số thành phần như sau:\n"
        "- Chỉ số Gia nhập thị trường đạt từ 7,5 điểm trở lên;\n- Chỉ số Tính minh bạch đạt từ 7 điểm trở lên.",
    )
    assert [(f["indicator"], f["index"], f["year"], f["op"], f["value"], f["unit"]) for f in facts] == [
        ("Chỉ số Gia nhập thị trường", "PCI", 2025, ">=", 7.5, "điểm"),
        ("Chỉ số Tính minh bạch", "PCI", 2025, ">=", 7, "điểm"),
    ]


def test_goal_column_of_a_plan_table():
    facts = run(
        "targets",
        "Kế hoạch nâng hạng Chỉ số PCI năm 2025 xác định mục tiêu cụ thể:\nChỉ số\tNăm 2023\tMục tiêu năm 2025\n"
        "Gia nhập thị trường\t15\tPhấn đấu vào nhóm top 15\nTính minh bạch\t20\tGiữ vững vị trí dẫn đầu",
    )
    assert [(f["indicator"], f["index"], f["year"], f["op"], f["value"], f["unit"]) for f in facts] == [
        ("Gia nhập thị trường", "PCI", 2025, "<=", 15, "hạng"),
        ("Tính minh bạch", "PCI", 2025, "=", 1, "hạng"),
    ]


def test_a_rise_in_brackets_restates_the_goal():
    facts = run(
        "targets", "Phấn đấu điểm số PCI năm 2026 đạt từ 66 điểm trở lên (tăng 2,1 điểm so với năm 2025)."
    )
    assert [(f["value"], f["unit"]) for f in facts] == [(66, "điểm")]


def test_a_difference_is_not_a_goal():
    facts = run(
        "targets",
        "Tỉnh phấn đấu đạt tối thiểu 75% hồ sơ được xử lý trực tuyến, cao hơn chỉ tiêu được giao 5%.",
    )
    assert [(f["indicator"], f["value"], f["op"]) for f in facts] == [
        ("hồ sơ được xử lý trực tuyến", 75, ">=")
    ]
