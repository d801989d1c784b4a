"""The unit grammar: where a list of units begins and ends, and how it splits into units."""

import pytest

from extractors.units import is_unit, names_only, split_units, starts_with_verb, units_then_task


@pytest.mark.parametrize(
    "text,units",
    [
        (
            "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường",
            ["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"],
        ),
        ("các cơ quan, đơn vị, địa phương", ["các cơ quan, đơn vị, địa phương"]),  # a collective
        (
            "các phòng chuyên môn, đơn vị trực thuộc",
            ["các phòng chuyên môn", "đơn vị trực thuộc"],
        ),  # two kinds
        (
            "Sở Y tế, UBND cấp xã và các cơ quan liên quan",
            ["Sở Y tế", "UBND cấp xã", "các cơ quan liên quan"],
        ),
        (
            "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ",
            ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang bộ"],
        ),
        (
            "Các Tập đoàn: Bưu chính Viễn thông, Điện lực",
            ["Tập đoàn Bưu chính Viễn thông", "Tập đoàn Điện lực"],
        ),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ],
)
def test_split_units(text, units):
    assert split_units(text) == units


@pytest.mark.parametrize(
    "text,units,task",
    [
        (
            "các cơ quan, đơn vị được kiểm tra có biện pháp khắc phục",
            ["các cơ quan, đơn vị được kiểm tra"],
            "có biện pháp khắc phục",
        ),
        (
            "Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc",
            ["Văn phòng Chính phủ"],
            "theo dõi, đôn đốc",
        ),
        (
            "Phòng Người có công phối hợp với Phòng Việc làm",
            ["Phòng Người có công"],
            "phối hợp với Phòng Việc làm",
        ),
        ("Trung tâm sẽ tổ chức hội thảo", ["Trung tâm"], "tổ chức hội thảo"),
        (
            "các Đồng chí Bộ trưởng, Chủ tịch UBND các tỉnh dành thời gian chỉ đạo",
            ["Bộ trưởng", "Chủ tịch UBND các tỉnh"],
            "dành thời gian chỉ đạo",
        ),
        ("Công an tỉnh để cấp con dấu", ["Công an tỉnh"], "để cấp con dấu"),
    ],
)
def test_units_then_task(text, units, task):
    assert units_then_task(text) == (units, task)


@pytest.mark.parametrize(
    "text",
    [
        "Sở Nội vụ đã tổ chức hội nghị",
        "UBND tỉnh yêu cầu các sở rà soát",
        "Ban hành kèm theo Quyết định này Quy chế",
        "Tổ chức tập huấn cho cán bộ",
        "Báo cáo kết quả thực hiện",
    ],
)
def test_no_units_before_a_task(text):
    assert units_then_task(text)[0] == []


def test_a_proper_name_is_a_unit_only_where_the_grammar_allows_it():
    assert units_then_task("VCCI và các hiệp hội tổ chức khảo sát")[0] == []
    assert units_then_task("VCCI và các hiệp hội tổ chức khảo sát", loose=True)[0] == ["VCCI", "các hiệp hội"]


def test_names_only_and_verb_starts():
    assert names_only("Các cơ quan, đơn vị được kiểm tra") and not names_only("Sở Tư pháp chủ trì, phối hợp")
    assert is_unit("Phòng Lao động - Việc làm") and not is_unit("Tổ chức hội nghị")
    assert starts_with_verb("Khẩn trương rà soát") and starts_with_verb("Hằng tháng báo cáo")
    assert not starts_with_verb("Việc rà soát văn bản")
