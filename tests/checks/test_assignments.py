"""Task findings on letters written for the tests."""

from __future__ import annotations

from tests.checks.letters import check_letter, codes


def test_a_task_with_lead_and_deadline_has_no_findings():
    assert codes(check_letter()) == []


def test_a_task_without_a_deadline():
    r = check_letter(
        body="Giao Văn phòng Sở chủ trì rà soát, cập nhật thủ tục hành chính trên Cổng dịch vụ công."
    )
    assert codes(r) == ["task.no_deadline"]
    assert r.findings[0].severity == "warning"


def test_a_cadence_counts_as_a_deadline():
    r = check_letter(body="Giao Văn phòng Sở chủ trì báo cáo kết quả cải cách hành chính định kỳ hằng quý.")
    assert codes(r) == []


TASKS = (
    "Nhiệm vụ cụ thể như sau:\n\n"
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n"
    "1\tRà soát thủ tục hành chính\t{lead}\tVăn phòng Sở\tQuý II/2024\n"
    "2\tCập nhật dữ liệu hồ sơ\tVăn phòng Sở\tCác phòng chuyên môn\tTháng 6/2024\n"
)


def test_a_task_row_with_no_lead_unit():
    r = check_letter(body=TASKS.format(lead=""))
    f = [f for f in r.findings if f.code == "task.no_lead"]
    assert len(f) == 1 and "Rà soát thủ tục hành chính" in f[0].message


def test_task_rows_with_lead_units():
    assert codes(check_letter(body=TASKS.format(lead="Phòng Nội vụ"))) == []


def test_deadlines_written_in_other_ways_count():
    for when in ("trước 11g00 ngày 06/11/2025", "trong năm 2026", "hằng tuần", "trước ngày 20/02/2025"):
        body = f"Giao Văn phòng Sở chủ trì tổ chức hội nghị tập huấn nghiệp vụ, hoàn thành {when}."
        assert codes(check_letter(body=body)) == [], when


def test_a_deadline_in_the_lead_in_holds_for_its_items():
    body = (
        "Giao Văn phòng Sở chủ trì thực hiện các nội dung sau, hoàn thành trước ngày 30/6/2024:\n\n"
        "a) Tổ chức rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n\n"
        "b) Xây dựng báo cáo đánh giá kết quả thực hiện."
    )
    assert [c for c in codes(check_letter(body=body)) if c.startswith("task.")] == []


def test_an_ongoing_duty_needs_no_deadline():
    r = check_letter(body="Giao Văn phòng Sở chủ trì thường xuyên theo dõi, đôn đốc việc giải quyết hồ sơ.")
    assert codes(r) == []


def test_a_support_unit_is_not_a_task():
    body = "Giao Văn phòng Sở chủ trì tổ chức hội nghị, hoàn thành trong tháng 5/2024.\n\nĐơn vị phối hợp: Các phòng chuyên môn."
    assert codes(check_letter(body=body)) == []


def test_a_task_that_names_no_unit_under_a_directive_lead_in():
    body = (
        "Thực hiện Kế hoạch số 12/KH-UBND, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:\n\n"
        "Tổ chức rà soát các thủ tục hành chính còn tồn đọng, hoàn thành trước ngày 15/5/2024."
    )
    r = check_letter(recipients="", body=body)
    f = [f for f in r.findings if f.code.startswith("task.")]
    assert [x.code for x in f] == ["task.no_lead"] and "Tổ chức rà soát" in f[0].evidence.text


def test_a_task_with_its_unit_has_no_lead_finding():
    body = (
        "Thực hiện Kế hoạch số 12/KH-UBND, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:\n\n"
        "Giao Sở Nội vụ tổ chức rà soát các thủ tục hành chính còn tồn đọng, hoàn thành trước ngày 15/5/2024."
    )
    assert [c for c in codes(check_letter(recipients="", body=body)) if c.startswith("task.")] == []


def test_one_task_gets_at_most_one_finding():
    r = check_letter(body="Tổ chức hội nghị tập huấn cho cán bộ, công chức.", recipients="")
    assert len([f for f in r.findings if f.code.startswith("task.")]) <= 1


def _tasks(body: str) -> list[str]:
    intro = "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh, Sở Nội vụ triển khai như sau.\n\n"
    return [
        f.code for f in check_letter(recipients="", body=intro + body).findings if f.code.startswith("task.")
    ]


SECTION = (
    "II. NHIỆM VỤ CỤ THỂ\n\n"
    "a) Giao Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh, hoàn thành trước ngày 30/9/2024.\n\n"
    "b) {item}\n\n"
    "c) Giao Sở Y tế chủ trì kiểm tra các cơ sở khám bệnh, hoàn thành trong quý III/2024."
)


def test_an_item_whose_siblings_name_their_leads_and_it_names_none():
    item = "Phối hợp với các sở, ngành tổ chức tập huấn, tham mưu Ủy ban nhân dân tỉnh, hoàn thành trước ngày 30/10/2024."
    assert _tasks(SECTION.format(item=item)) == ["task.no_lead"]


def test_an_item_whose_siblings_name_their_leads_and_it_names_its_own():
    item = "Giao Sở Nội vụ chủ trì tổ chức tập huấn, tham mưu Ủy ban nhân dân tỉnh, hoàn thành trước ngày 30/10/2024."
    assert _tasks(SECTION.format(item=item)) == []


def test_a_numbered_item_is_no_title_of_the_next_numbered_item():
    body = (
        "I. VỀ THỂ CHẾ\n\n"
        "1. Giám đốc các sở, ngành\n\nKhẩn trương rà soát các quy định về thủ tục hành chính, hoàn thành trong năm 2024.\n\n"
        "2. Giám đốc Sở Tài chính hoàn thành việc rà soát định mức chi, trình Ủy ban nhân dân tỉnh trong tháng 10/2024.\n\n"
        "3. Hoàn thành việc sửa đổi quy chế phối hợp, trình Ủy ban nhân dân tỉnh trong tháng 11/2024."
    )
    assert _tasks(body) == ["task.no_lead"]


def test_as_needed_and_standing_obligations_need_no_deadline():
    for body in (
        "Giao Sở Khoa học và Công nghệ chủ trì đề xuất bổ sung trang thiết bị cho các xã khi cần thiết.",
        "Các cơ quan, đơn vị phải công khai đầy đủ thông tin về thủ tục hành chính thuộc phạm vi quản lý.",
    ):
        assert _tasks(body) == [], body


def test_a_title_with_the_year_gives_its_task_rows_their_period():
    table = (
        "Phụ lục\nNHIỆM VỤ, GIẢI PHÁP CẢI CÁCH HÀNH CHÍNH NĂM 2024\n\n"
        "STT\tNội dung\tĐơn vị thực hiện\tGiải pháp thực hiện\n"
        "1\tCông tác tuyên truyền\tVăn phòng Sở\tXây dựng chuyên mục tuyên truyền trên trang thông tin của Sở\n"
        "2\tHiện đại hóa hành chính\tPhòng Kế hoạch\tTriển khai phần mềm quản lý văn bản điện tử\n"
    )
    assert _tasks(table) == []
    assert (
        _tasks(table.replace(" NĂM 2024", "\n\nNĂM 2024")) == []
    )  # the title cut over two lines, as a PDF gives it
    untitled = table.replace(" NĂM 2024", "")
    assert "task.no_deadline" in _tasks(untitled)


def test_a_heading_naming_the_year_s_tasks_gives_each_item_its_period():
    body = (
        "II. NHIỆM VỤ, GIẢI PHÁP NĂM 2025\n\n"
        "a) Giao Sở Tư pháp chủ trì tổ chức thanh tra, kiểm tra công tác văn thư.\n\n"
        "b) Giao Sở Y tế chủ trì rà soát quy trình giải quyết hồ sơ."
    )
    assert _tasks(body) == []
    assert _tasks(body.replace(" NĂM 2025", "")) == ["task.no_deadline", "task.no_deadline"]


def test_what_is_no_task_to_follow_up():
    for body in (
        "Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, chỉ đạo; đồng thời đề nghị Sở Tài chính xem xét, tổng hợp./.",
        "Giao Thủ trưởng các sở, ngành tổ chức quán triệt, triển khai thực hiện nghiêm túc Chỉ thị này.",
        "Sở Nội vụ sẽ tổ chức tập huấn và cung cấp tài khoản phần mềm cho các cơ quan, đơn vị.",
    ):
        assert _tasks(body) == [], body


def test_a_news_report_assigns_nothing():
    from docmine.checks import check_text

    text = (
        "Sáng 12/3, Sở Nội vụ tỉnh Ninh Bình tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023.\n\n"
        "Năm 2023, Chỉ số cải cách hành chính của tỉnh đạt 88,5 điểm, tăng 3 bậc so với năm 2022.\n\n"
        "Phát biểu tại hội nghị, lãnh đạo tỉnh yêu cầu Sở Nội vụ tổ chức rà soát thủ tục hành chính.\n"
    )
    assert [f.code for f in check_text(text).findings if f.code.startswith("task.")] == []


def test_a_closing_item_s_deadline_holds_for_the_items_it_completes():
    body = (
        "Giao Sở Nội vụ chuẩn bị nội dung cuộc họp như sau:\n\n"
        "1. Xây dựng báo cáo tóm tắt kết quả cải cách hành chính năm 2023.\n\n"
        "2. Đề xuất chương trình, nội dung cuộc họp.\n\n"
        "3. Hoàn thành dự thảo báo cáo và chương trình, gửi Văn phòng trước 11g00 ngày 06/11/2024."
    )
    assert _tasks(body) == []
    assert "task.no_deadline" in _tasks(body.replace("trước 11g00 ngày 06/11/2024", "để tổng hợp"))


def test_standing_duties_under_a_responsibilities_lead_in_need_no_deadline():
    body = (
        "Giám đốc các sở, ngành có trách nhiệm:\n\n"
        "a) Giao Văn phòng Sở chủ trì tổ chức kiểm tra việc giải quyết hồ sơ của các phòng.\n\n"
        "b) Giao Thanh tra Sở chủ trì xử lý trách nhiệm cá nhân chậm giải quyết hồ sơ."
    )
    assert _tasks(body) == []
    assert _tasks(body.replace(" có trách nhiệm:", " thực hiện các nội dung sau:")) == [
        "task.no_deadline", "task.no_deadline"
    ]  # fmt: skip


def test_a_lead_in_above_the_lead_in_holds_too():
    body = (
        "Trách nhiệm cụ thể như sau:\n\n"
        "a) Văn phòng Sở:\n\n- Tổ chức kiểm tra việc giải quyết hồ sơ của các phòng.\n\n"
        "b) Thanh tra Sở:\n\n- Tổ chức xử lý trách nhiệm cá nhân chậm giải quyết hồ sơ."
    )
    assert _tasks(body) == []


def test_the_section_s_time_line_holds_for_its_tasks():
    body = (
        "IV. ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA\n\n"
        "1. Giao Văn phòng Sở chủ trì tổ chức kiểm tra công tác văn thư tại các phòng.\n\n"
        "2. Thời gian kiểm tra tại các phòng: Theo Phụ lục I kèm theo Kế hoạch này."
    )
    assert _tasks(body) == []
    assert _tasks(body.replace("Thời gian kiểm tra tại các phòng", "Thành phần đoàn kiểm tra")) == [
        "task.no_deadline"
    ]
