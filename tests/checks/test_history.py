"""History findings: a dataset mined from an earlier letter (written for the tests), then a new letter."""

from __future__ import annotations

import pytest

from docmine.mine import mine
from tests.checks.letters import check_letter, codes, letter

OLD = letter(
    number="Số: 45/SNV-CCHC",
    date="Ninh Bình, ngày 10 tháng 3 năm 2022",
    subject="V/v khắc phục tồn tại, hạn chế cải cách hành chính năm 2021",
    body="Năm 2021, Chỉ số hài lòng của Sở Nội vụ đạt 93%.\n\nTồn tại, hạn chế năm 2021:\n\n"
    "- Nội dung 1.2: Chưa ban hành kế hoạch kiểm tra cải cách hành chính đúng thời hạn.\n\n"
    "Giao Văn phòng Sở chủ trì, phối hợp với các phòng chuyên môn rà soát thủ tục hành chính, "
    "hoàn thành trước ngày 30/6/2022.",
)
NEW = {"number": "Số: 60/SNV-CCHC", "date": "Ninh Bình, ngày 12 tháng 3 năm 2023"}


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    (tmp / "src").mkdir()
    (tmp / "src" / "old.txt").write_text(OLD, encoding="utf-8")
    mine([tmp / "src"], tmp / "out", workers=1, progress=False)
    return tmp / "out"


def _check(history, body: str):
    return check_letter(history, body=body, **NEW)


def test_a_shortcoming_that_recurs_for_the_same_criterion(history):
    r = _check(
        history, "Tồn tại, hạn chế năm 2022:\n\n- Nội dung 1.2: Chưa ban hành kế hoạch kiểm tra kịp thời."
    )
    f = next(f for f in r.findings if f.code == "history.recurring_shortcoming")
    assert "2021" in f.message and "1.2" in f.message


def test_a_new_shortcoming_does_not_recur(history):
    r = _check(history, "Tồn tại, hạn chế năm 2022:\n\n- Nội dung 5.3: Chưa cử công chức tham gia bồi dưỡng.")
    assert "history.recurring_shortcoming" not in codes(r)


def test_a_target_below_a_result_in_the_history(history):
    r = _check(history, "Phấn đấu năm 2023 Chỉ số hài lòng của Sở đạt từ 90% trở lên.")
    f = next(f for f in r.findings if f.code == "history.target_below_result")
    assert "93%" in f.message and "2021" in f.message


def test_a_target_above_the_history(history):
    assert "history.target_below_result" not in codes(
        _check(history, "Phấn đấu năm 2023 Chỉ số hài lòng của Sở đạt từ 95% trở lên.")
    )


def test_a_stated_change_that_disagrees_with_last_years_value(history):
    r = _check(history, "Năm 2022, Chỉ số hài lòng của Sở Nội vụ đạt 94%, tăng 2,5% so với năm 2021.")
    f = next(f for f in r.findings if f.code == "arith.change_history")
    assert f.severity == "error" and "93" in f.message


def test_a_stated_change_that_agrees(history):
    r = _check(history, "Năm 2022, Chỉ số hài lòng của Sở Nội vụ đạt 94%, tăng 1% so với năm 2021.")
    assert "arith.change_history" not in codes(r)


def test_a_citation_the_dataset_knows_with_another_date(history):
    r = _check(
        history, "Thực hiện Công văn số 45/SNV-CCHC ngày 01/02/2022 của Sở Nội vụ về khắc phục tồn tại."
    )
    f = next(f for f in r.findings if f.code == "history.citation_conflict")
    assert "2022-03-10" in f.message


def test_a_citation_with_the_right_date(history):
    r = _check(
        history, "Thực hiện Công văn số 45/SNV-CCHC ngày 10/3/2022 của Sở Nội vụ về khắc phục tồn tại."
    )
    assert "history.citation_conflict" not in codes(r)


def test_a_lead_unit_the_issuer_never_named_before(history):
    r = _check(
        history,
        "Giao Phòng Tư pháp chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trước ngày 30/6/2023.",
    )
    assert [f.severity for f in r.findings if f.code == "task.unknown_lead"] == ["info"]
    r = _check(
        history,
        "Giao Văn phòng Sở chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trước ngày 30/6/2023.",
    )
    assert "task.unknown_lead" not in codes(r)


def test_without_history_there_are_no_history_findings():
    r = check_letter(
        body="Tồn tại, hạn chế năm 2022:\n\n- Nội dung 1.2: Chưa ban hành kế hoạch kiểm tra kịp thời.", **NEW
    )
    assert [c for c in codes(r) if c.startswith("history.")] == []
