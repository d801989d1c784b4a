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
