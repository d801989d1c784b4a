import pytest

from tests.extractors.helpers import has, run

POSITIVE = [
    (
        "Theo Quyết định số 414/QĐ-UBND ngày 07/06/2023 của Ủy ban nhân dân tỉnh.",
        dict(doc_type="Quyết định", ref="414/QĐ-UBND", date="2023-06-07"),
    ),
    (
        "Căn cứ Nghị định số 107/2020/NĐ-CP ngày 14/9/2020 của Chính phủ.",
        dict(doc_type="Nghị định", ref="107/2020/NĐ-CP", date="2020-09-14", issuer="Chính phủ"),
    ),
    (
        "Thực hiện Nghị quyết số 01-NQ/TU ngày 20/4/2021 của Ban Chấp hành Đảng bộ tỉnh.",
        dict(doc_type="Nghị quyết", ref="01-NQ/TU", date="2021-04-20"),
    ),
    (
        "Thực hiện Công văn số 9228/UBND-VP ngày 12/12/2022 của UBND tỉnh về việc báo cáo.",
        dict(doc_type="Công văn", ref="9228/UBND-VP"),
    ),
    (
        "Căn cứ Kế hoạch số 509/KH-UBND ngày 26/7/2021 của UBND tỉnh Đắk Nông.",
        dict(doc_type="Kế hoạch", ref="509/KH-UBND", date="2021-07-26"),
    ),
    (
        "Theo Báo cáo số 585/BC-SNV ngày 17/3/2022 của Sở Nội vụ.",
        dict(doc_type="Báo cáo", ref="585/BC-SNV", issuer="Sở Nội vụ"),
    ),
    (
        "Căn cứ Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.",
        dict(doc_type="Thông tư", ref="01/2011/TT-BNV", date="2011-01-19"),
    ),
    (
        "Thực hiện Chỉ thị số 23/CT-TTg ngày 02/8/2023 của Thủ tướng Chính phủ.",
        dict(doc_type="Chỉ thị", ref="23/CT-TTg"),
    ),
    (
        "Theo Thông báo số 130/TB-VPUBND ngày 05/4/2022.",
        dict(doc_type="Thông báo", ref="130/TB-VPUBND", date="2022-04-05"),
    ),
    (
        "Thực hiện các Công văn: số 87/SNV-CCHC ngày 10/01/2023, số 208/SNV-CCHC ngày 20/02/2023 của Sở Nội vụ.",
        dict(doc_type="Công văn", ref="208/SNV-CCHC"),
    ),
    ("Căn cứ Quyết định số 41 8/QĐ-UBND ngày 01/3/2024 của UBND tỉnh.", dict(ref="418/QĐ-UBND")),
]
NEGATIVE = [
    "Số: /LĐTBXH-VP",  # the letter's own blank number is not a citation
    "Sở xếp thứ 3/18 sở, ngành.",
    "Ngày 15/5/2023 Đoàn kiểm tra làm việc tại Sở.",
    "Điện thoại: 0229/3871 235.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_citation_read(text, expected):
    facts = run("citations", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_citation(text):
    assert run("citations", text) == []
