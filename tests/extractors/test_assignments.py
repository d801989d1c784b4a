"""The assignments extractor, on directives, plans, conclusions, decisions and news written for the tests."""

import pytest

from docmine.builder import CellSpec, DocBuilder
from docmine.parsers.text import from_string
from extractors.assignments import extract
from extractors.deadlines import find_deadline
from tests.extractors.helpers import has, run


def rows(text: str) -> list[tuple]:
    return [(f["task"], f["lead"], f["support"], f["deadline"]) for f in run("assignments", text)]


# ---------------------------------------------------------------- sentences

POSITIVE = [
    (
        "Giao Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn rà soát quy trình nội bộ hàng quý.",
        dict(
            lead=["Văn phòng Sở"],
            support=["các phòng chuyên môn"],
            deadline="hàng quý",
            task="rà soát quy trình nội bộ hàng quý",
        ),
    ),
    (
        "Yêu cầu Phòng Kế hoạch - Tài chính hoàn thành báo cáo trước ngày 20/02/2025.",
        dict(lead=["Phòng Kế hoạch - Tài chính"], deadline="2025-02-20", task="hoàn thành báo cáo"),
    ),
    (
        "Đề nghị UBND các huyện khẩn trương cập nhật hồ sơ lên Cổng dịch vụ công.",
        dict(lead=["UBND các huyện"], task="khẩn trương cập nhật hồ sơ lên Cổng dịch vụ công"),
    ),
    (
        "Trung tâm Dịch vụ việc làm phối hợp với Phòng Việc làm, hướng dẫn người lao động nộp hồ sơ trực tuyến.",
        dict(lead=["Trung tâm Dịch vụ việc làm"], support=["Phòng Việc làm"]),
    ),
    (
        "Sở Nội vụ có trách nhiệm tổng hợp kết quả chấm điểm.",
        dict(lead=["Sở Nội vụ"], task="tổng hợp kết quả chấm điểm"),
    ),
    (
        "Đồng thời đề nghị Sở Y tế gửi văn bản giải trình sau 15 ngày làm việc.",
        dict(lead=["Sở Y tế"], deadline="sau 15 ngày làm việc"),
    ),
    (
        "Yêu cầu các phòng nghiệp vụ, đặc biệt là Phòng Người có công, tích cực tuyên truyền dịch vụ công.",
        dict(lead=["các phòng nghiệp vụ", "Phòng Người có công"]),
    ),
    (  # news: the authority, then ``yêu cầu,`` and a clause before the units
        "Tại quyết định, UBND tỉnh Hòa An yêu cầu, căn cứ kết quả xếp hạng, các sở, ban, ngành, UBND các huyện "
        "có giải pháp cải thiện thứ hạng về cải cách hành chính.",
        dict(
            lead=["các sở, ban, ngành", "UBND các huyện"],
            task="có giải pháp cải thiện thứ hạng về cải cách hành chính",
        ),
    ),
    (  # conclusions: a topic, then the units it gives the task to, with its deadline
        "4. Về việc chuẩn hóa kho dữ liệu dùng chung: giao Sở Tài chính chủ trì, phối hợp với Sở Công "
        "Thương hoàn thiện kho dữ liệu, báo cáo UBND tỉnh trước ngày 15 tháng 3 năm 2026.",
        dict(
            lead=["Sở Tài chính"],
            support=["Sở Công Thương"],
            deadline="2026-03-15",
            task="hoàn thiện kho dữ liệu, báo cáo UBND tỉnh",
        ),
    ),
    (  # a promise in a report is a task of its subject
        "Sau khi Bộ công bố bộ tiêu chí mới, Trung tâm sẽ chủ động xây dựng kế hoạch triển khai.",
        dict(lead=["Trung tâm"], deadline="Sau khi Bộ công bố bộ tiêu chí mới"),
    ),
    (  # a supporting unit named as a proper name only
        "Giao Trung tâm Xúc tiến đầu tư chủ trì phối hợp với VCCI tổ chức hội nghị đối thoại.",
        dict(lead=["Trung tâm Xúc tiến đầu tư"], support=["VCCI"], task="tổ chức hội nghị đối thoại"),
    ),
]

NEGATIVE = [
    "Yêu cầu các phòng nghiệp vụ Sở, các đơn vị trực thuộc thực hiện nghiêm túc các nội dung trên./.",  # boilerplate
    "Sở đã tổ chức 03 hội nghị tuyên truyền về cải cách hành chính.",  # work reported, not given
    "Năm 2024, Sở Tư pháp đã hoàn thành rà soát 120 văn bản.",
    "Trong quá trình thực hiện, có khó khăn, các phòng liên hệ Văn phòng Sở để được hướng dẫn.",
    "Giám đốc Sở yêu cầu các phòng thực hiện các nội dung sau:",  # a lead-in alone
    "Thủ tục được giao tại Kế hoạch số 48/KH-SLĐTBXH ngày 07/01/2021.",  # "giao" without a unit
    "Tỷ lệ giao dịch thanh toán trực tuyến đạt 45%, yêu cầu đạt 50%.",  # "giao dịch", "yêu cầu" as nouns
    "Xét đề xuất của Giám đốc Sở Tài chính nêu tại Tờ trình số 311/TTr-STC.",
    "Huyện Hòa An phấn đấu tổng điểm tăng 3 điểm so với năm trước.",  # a target
    "Sở Y tế có 03 phần mềm dùng chung đang chạy tốt.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_assignment_read(text, expected):
    facts = run("assignments", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_an_assignment(text):
    assert run("assignments", text) == []


# ---------------------------------------------------------------- decisions


def test_the_closing_article_of_a_decision_is_one_assignment_with_each_office():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Kế hoạch kiểm tra công vụ năm 2026 kèm theo Quyết định này.\n\n"
            "Điều 2. Quyết định có hiệu lực từ ngày ký ban hành.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở, ngành; Chủ tịch UBND các xã, "
            "phường và Giám đốc Trung tâm Phục vụ hành chính công chịu trách nhiệm thi hành Quyết định này./.")  # fmt: skip
    assert rows(text) == [(
        "chịu trách nhiệm thi hành Quyết định này",
        ["Chánh Văn phòng UBND tỉnh", "Thủ trưởng các sở, ngành", "Chủ tịch UBND các xã, phường",
         "Giám đốc Trung tâm Phục vụ hành chính công"], [], None,
    )]  # fmt: skip


def test_an_article_that_opens_with_a_clause_then_its_units():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 2. Căn cứ các nhiệm vụ nêu tại Chương trình này; từng sở, ban, ngành, UBND các "
            "huyện xây dựng kế hoạch chi tiết của đơn vị mình.")  # fmt: skip
    (f,) = run("assignments", text)
    assert f["lead"] == ["từng sở, ban, ngành", "UBND các huyện"]
    assert f["task"] == "xây dựng kế hoạch chi tiết của đơn vị mình"


def test_an_article_with_numbered_clauses_under_the_units_it_names():
    text = ("QUYẾT ĐỊNH:\n\nĐiều 2. Sở Xây dựng và UBND cấp xã có trách nhiệm:\n\n"
            "1. Đối với các thủ tục đề xuất cắt giảm: Thường xuyên theo dõi, tham mưu Chủ tịch UBND tỉnh thực thi "
            "phương án.\n\n2. Với những thủ tục thuộc thẩm quyền giải quyết, Sở Xây dựng phối hợp với các phòng chuyên môn "
            "công bố quy trình mới.")  # fmt: skip
    got = rows(text)
    assert got[0][1] == ["Sở Xây dựng", "UBND cấp xã"] and got[0][0].startswith("Thường xuyên theo dõi")
    assert got[0][3] == "thường xuyên"
    assert got[1][1:3] == (["Sở Xây dựng"], ["các phòng chuyên môn"])


# ---------------------------------------------------------------- lists under titles and lead-ins


def test_numbered_titles_that_name_units_own_the_items_below_them():
    text = ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành, địa phương thực hiện các nhiệm vụ sau:\n\n"
            "1. Giám đốc các sở, ngành; Chủ tịch UBND các phường\n\n"
            "a) Rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n\n"
            "b) Niêm yết thủ tục mới tại nơi tiếp nhận hồ sơ.\n\n"
            "2. Sở Khoa học và Công nghệ\n\n"
            "a) Chủ trì, phối hợp với Sở Tài chính nâng cấp Cổng dịch vụ công của tỉnh.")  # fmt: skip
    got = rows(text)
    assert [g[1] for g in got] == [["Giám đốc các sở, ngành", "Chủ tịch UBND các phường"]] * 2 + [
        ["Sở Khoa học và Công nghệ"]
    ]
    assert got[2][2] == ["Sở Tài chính"] and got[2][0].startswith("nâng cấp Cổng dịch vụ công")


def test_a_title_and_its_task_on_the_next_line_of_a_wrapped_text():
    text = ("II. VỀ DỮ LIỆU DÙNG CHUNG\n1. Giám đốc Sở Y tế, Giám đốc Sở Xây dựng\n"
            "Khẩn trương rà soát các mẫu biểu còn trùng lặp, hoàn thành trong năm 2026.\n"
            "2. Chủ tịch UBND các xã chỉ đạo sắp xếp lại quy trình nội bộ.")  # fmt: skip
    got = rows(text)
    assert got[0][1] == ["Giám đốc Sở Y tế", "Giám đốc Sở Xây dựng"] and got[0][3] == "2026"
    assert got[0][0].startswith("Khẩn trương rà soát")


def test_giao_lead_ins_own_their_dash_items_and_pass_on_supporting_units():
    text = ("1. Về cải cách thể chế\n\nGiao Sở Tư pháp chủ trì, phối hợp với các phòng, ban chuyên môn:\n\n"
            "- Rà soát văn bản quy phạm pháp luật do tỉnh ban hành.\n\n- Tổ chức tập huấn kỹ năng soạn thảo văn bản.\n\n"
            "b) Giao Sở Tài chính\n\nChủ trì, phối hợp với Sở Xây dựng nghiên cứu quy trình lựa chọn nhà đầu tư.")  # fmt: skip
    got = rows(text)
    assert got[0] == ("Rà soát văn bản quy phạm pháp luật do tỉnh ban hành", ["Sở Tư pháp"],
                      ["các phòng, ban chuyên môn"], None)  # fmt: skip
    assert got[1][1:3] == (["Sở Tư pháp"], ["các phòng, ban chuyên môn"])
    assert got[2][:3] == ("nghiên cứu quy trình lựa chọn nhà đầu tư", ["Sở Tài chính"], ["Sở Xây dựng"])


def test_a_deadline_in_the_lead_in_applies_to_each_item():
    text = ("Trong tháng 3/2026, giao Văn phòng UBND tỉnh thực hiện các nội dung sau:\n\n"
            "- Cập nhật danh mục thủ tục hành chính.\n\n- Báo cáo kết quả trước ngày 25/3/2026.")  # fmt: skip
    assert [(g[1], g[3]) for g in rows(text)] == [(["Văn phòng UBND tỉnh"], "2026-03"),
                                                  (["Văn phòng UBND tỉnh"], "2026-03-25")]  # fmt: skip


def test_a_section_deadline_applies_to_its_items():
    text = ("I. NHIỆM VỤ CẦN TRIỂN KHAI TRONG THÁNG 12/2025\n\n1. Sở Nội vụ\n\n"
            "a) Tổng hợp kết quả tự đánh giá của các cơ quan.")  # fmt: skip
    assert rows(text) == [("Tổng hợp kết quả tự đánh giá của các cơ quan", ["Sở Nội vụ"], [], "2025-12")]


def test_items_under_a_heading_of_tasks_that_name_nobody_have_an_empty_lead():
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Nhiệm vụ chung\n\na) Tăng cường đối thoại với doanh nghiệp.\n\n"
            "b) Các cơ quan, đơn vị phải công khai thông tin đầy đủ.\n\n"
            "c) Bố trí đủ nhân lực cho công tác cải cách. Các cấp, các ngành cần quan tâm bố trí kinh phí.")  # fmt: skip
    got = rows(text)
    assert [g[1] for g in got] == [[], ["Các cơ quan, đơn vị"], ["Các cấp", "các ngành"]]
    assert got[0][0] == "Tăng cường đối thoại với doanh nghiệp"


def test_items_that_describe_aims_contents_or_a_report_are_not_tasks():
    text = ("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\na) Đánh giá mức độ hoàn thành các chỉ tiêu của năm.\n\n"
            "II. NỘI DUNG KIỂM TRA\n\n1. Công tác chỉ đạo\n\na) Việc ban hành văn bản chỉ đạo của đơn vị.\n\n"
            "Thực hiện Công văn số 12/SNV, Trung tâm báo cáo kết quả như sau:\n\n"
            "1. Tổ chức 03 hội nghị đối thoại với doanh nghiệp.")  # fmt: skip
    assert rows(text) == []


def test_sub_lines_name_the_lead_the_support_and_the_deadline_of_the_item_above():
    text = ("1. Hoàn thiện hạ tầng số\n\n(1) Sao lưu cơ sở dữ liệu của các hệ thống cũ.\n\n"
            "- Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh.\n\n- Đơn vị phối hợp: Sở Tài chính; UBND các phường.\n\n"
            "- Thời gian hoàn thành: Trong tháng 8/2025.\n\n(2) Bảo đảm an toàn thông tin mạng.\n\n"
            "- Đơn vị thực hiện: Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh.\n\n"
            "- Thời gian hoàn thành: Thực hiện thường xuyên.")  # fmt: skip
    assert rows(text) == [
        ("Sao lưu cơ sở dữ liệu của các hệ thống cũ", ["Văn phòng UBND tỉnh"], ["Sở Tài chính", "UBND các phường"], "2025-08"),
        ("Bảo đảm an toàn thông tin mạng", ["Sở Y tế"], ["Bảo hiểm xã hội tỉnh"], "thường xuyên"),
    ]  # fmt: skip


def test_an_item_that_gives_a_second_unit_its_own_task():
    text = ("Đề nghị thực hiện các nội dung sau:\n\n- Về thanh toán trực tuyến: Yêu cầu các phòng nghiệp vụ tích cực "
            "tuyên truyền dịch vụ công. Riêng phòng Người có công phối hợp với Phòng Việc làm, hướng dẫn người dân "
            "nộp hồ sơ.")  # fmt: skip
    got = rows(text)
    assert got[0][:3] == ("tích cực tuyên truyền dịch vụ công", ["các phòng nghiệp vụ"], [])
    assert got[1][:3] == ("hướng dẫn người dân nộp hồ sơ", ["phòng Người có công"], ["Phòng Việc làm"])


def test_a_supporting_unit_is_not_a_task_of_its_own():
    facts = run(
        "assignments", "Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổng hợp số liệu thi đua."
    )
    assert [f["lead"] for f in facts] == [["Sở Nội vụ"]]


def test_the_addressees_and_the_list_of_recipients_are_not_tasks():
    text = ("Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện.\n\n"
            "Đề nghị các cơ quan, đơn vị cập nhật số liệu trước ngày 05/12/2025./.\n\n"
            "Nơi nhận:\n- Như trên;\n- Sở Nội vụ thực hiện;\n- Lưu: VT.")  # fmt: skip
    assert rows(text) == [("cập nhật số liệu", ["các cơ quan, đơn vị"], [], "2025-12-05")]


def test_a_letter_tells_its_plural_addressees_what_to_do():
    text = ("Kính gửi: Các phòng, ban thuộc UBND huyện.\n\n"
            "Các cơ quan, đơn vị, địa phương xây dựng báo cáo tự đánh giá và gửi về Sở Nội vụ.")  # fmt: skip
    assert rows(text) == [
        ("xây dựng báo cáo tự đánh giá và gửi về Sở Nội vụ", ["Các cơ quan, đơn vị, địa phương"], [], None)
    ]


def test_a_task_stated_twice_is_one():
    text = ("III. GIẢI PHÁP KHẮC PHỤC\n\nGiải pháp khắc phục: Giao Sở Tài chính đôn đốc các đơn vị thực hiện kiến "
            "nghị về tài chính.\n\nIV. NHIỆM VỤ NĂM 2026\n\n1. Giao Sở Tài chính:\n\n- Tiếp tục đôn đốc các đơn vị "
            "thực hiện các kiến nghị sau thanh tra, kiểm toán về tài chính, ngân sách.")  # fmt: skip
    got = rows(text)
    assert len(got) == 1 and got[0][0].startswith("Tiếp tục đôn đốc")


# ---------------------------------------------------------------- task tables


def test_a_task_table_with_sections_and_units_left_blank_under_a_merged_cell():
    text = ("TT\tNội dung\tĐơn vị thực hiện\tGiải pháp\tPhối hợp\n1\tCải cách thể chế\t\t\t\n"
            "1.1\tRà soát văn bản QPPL\tVăn phòng Sở\tRà soát định kỳ\tCác phòng\n"
            "1.2\tTheo dõi thi hành pháp luật\t\tBáo cáo hàng năm\t")  # fmt: skip
    facts = run("assignments", text)
    assert has(facts, criterion="1.2", lead=["Văn phòng Sở"], support=["Các phòng"])
    assert not has(facts, task="Cải cách thể chế")


def test_a_unit_cell_continued_in_lower_case_belongs_to_the_cell_above():
    text = ("TT\tNội dung\tĐơn vị thực hiện\tPhối hợp\n2.1\tCông khai TTHC\tCác phòng chuyên môn, đơn\tVăn phòng\n"
            "2.2\tMột cửa liên thông\tvị trực thuộc Sở\t")  # fmt: skip
    assert has(
        run("assignments", text), criterion="2.2", lead=["Các phòng chuyên môn", "đơn vị trực thuộc Sở"]
    )


def test_a_table_with_a_deadline_column():
    text = "TT\tNội dung\tĐơn vị chủ trì\tPhối hợp\tThời gian\n3\tTuyên truyền CCHC\tPhòng Văn hóa\tĐài Truyền thanh\tQuý II/2024"
    assert has(run("assignments", text), criterion="3", deadline="Quý II/2024", support=["Đài Truyền thanh"])


def test_a_grid_with_merged_units_and_a_row_split_over_two_pages():
    b = DocBuilder("x", "docx")
    cells = [("STT", 0, 0, 1), ("Nhiệm vụ", 0, 1, 1), ("Đơn vị chủ trì", 0, 2, 1), ("Đơn vị phối hợp", 0, 3, 1),
             ("Thời gian", 0, 4, 1),
             ("1", 1, 0, 1), ("Rà soát quy trình nội bộ", 1, 1, 1), ("Sở Nội vụ", 1, 2, 3), ("Các sở, ngành", 1, 3, 1),
             ("Tháng 6/2026", 1, 4, 1),
             ("2", 2, 0, 1), ("Số hóa hồ sơ thủ tục", 2, 1, 1), ("Văn phòng UBND tỉnh", 2, 3, 1), ("Quý III/2026", 2, 4, 1),
             ("", 3, 0, 1), ("hành chính đã giải quyết", 3, 1, 1), ("", 3, 3, 1), ("", 3, 4, 1)]  # fmt: skip
    b.add_table([CellSpec(t, r, c, row_span=rs) for t, r, c, rs in cells])
    got = [(a.criterion, a.task, a.lead, a.support, a.deadline) for a in extract(b.build())]
    assert got == [("1", "Rà soát quy trình nội bộ", ["Sở Nội vụ"], ["Các sở, ngành"], "2026-06"),
                   ("2", "Số hóa hồ sơ thủ tục hành chính đã giải quyết", ["Sở Nội vụ"], ["Văn phòng UBND tỉnh"],
                    "Quý III/2026")]  # fmt: skip


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    "text,value",
    [
        ("hoàn thành trước ngày 20/02/2025", "2025-02-20"),
        ("gửi báo cáo trước 11g00 ngày 06/11/2025", "2025-11-06"),
        ("chậm nhất ngày 05 tháng 12 năm 2025", "2025-12-05"),
        ("hoàn thành trong tháng 8/2025", "2025-08"),
        ("trong năm 2026", "2026"),
        ("trong Quý I năm 2026", "trong Quý I năm 2026"),
        ("trước ngày 30/6", "trước ngày 30/6"),
        ("thường xuyên theo dõi", "thường xuyên"),
        ("định kỳ hằng tuần báo cáo", "hằng tuần"),
        ("Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần, báo cáo", "trước 16 giờ ngày thứ Sáu hằng tuần"),
        ("công khai chậm nhất vào ngày 05 hằng tháng", "chậm nhất vào ngày 05 hằng tháng"),
        ("trong thời hạn 30 ngày làm việc", "trong thời hạn 30 ngày làm việc"),
        ("bắt đầu thực hiện từ tháng 01/2026", "từ tháng 01/2026"),
        ("trong 6 tháng cuối năm 2024 và các tháng đầu năm 2025", "6 tháng cuối năm 2024 và các tháng đầu năm 2025"),
    ],
)
def test_deadlines(text, value):
    assert find_deadline(text).value == value


@pytest.mark.parametrize(
    "text",
    ["kế hoạch năm 2025 của Sở", "xử lý lỗi thường xuyên trên Cổng", "trong năm 2025 và những năm tiếp theo"],
)
def test_not_a_deadline(text):
    assert find_deadline(text) is None


def test_evidence_slices_the_text_of_an_item_joined_from_wrapped_lines():
    doc = from_string("**1. Sở\nKhoa học và Công nghệ**\n\na) Tối ưu hóa kho dữ liệu dùng chung phục vụ việc\n"
                      "tra cứu hồ sơ của tỉnh.")  # fmt: skip
    (a,) = extract(doc)
    assert a.lead == ["Sở Khoa học và Công nghệ"]
    assert doc.text[a.evidence.start : a.evidence.end] == a.evidence.text


def test_a_plain_unit_column_leads_where_the_table_says_by_when_in_words():
    text = ("STT\tNhiệm vụ\tĐơn vị\tThời gian hoàn thành\n1\tRà soát quy trình nội bộ\tSở Nội vụ\tQuý II/2026\n"
            "2\tSố hóa hồ sơ\tVăn phòng UBND tỉnh\tTháng 9/2026")  # fmt: skip
    assert [(f["lead"], f["deadline"]) for f in run("assignments", text)] == [(["Sở Nội vụ"], "Quý II/2026"),
                                                                            (["Văn phòng UBND tỉnh"], "2026-09")]  # fmt: skip
    measured = "STT\tNội dung\tĐơn vị\tTỷ lệ hoàn thành\n1\tCông bố TTHC\tSở Nội vụ\t95%\n2\tSố hóa hồ sơ\tSở Y tế\t80%"
    assert run("assignments", measured) == []


def test_a_task_table_written_in_pipe_rows_is_read_once_as_rows():
    text = ("Phụ lục nhiệm vụ:\n| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n"
            "| 1 | Rà soát quy trình nội bộ | Sở Nội vụ | Các sở, ngành | Tháng 6/2026 |\n"
            "| 2 | Số hóa hồ sơ thủ tục | Văn phòng UBND tỉnh | Sở Khoa học và Công nghệ | Thường xuyên |")  # fmt: skip
    facts = run("assignments", text)
    assert [(f["criterion"], f["lead"], f["deadline"]) for f in facts] == [
        ("1", ["Sở Nội vụ"], "2026-06"), ("2", ["Văn phòng UBND tỉnh"], "thường xuyên")]  # fmt: skip
