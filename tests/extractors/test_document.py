import pytest

from tests.extractors.helpers import run

HEADER = """UBND TỈNH HÀ NAM
SỞ NỘI VỤ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}
Hà Nam, ngày {date}

{title}

Kính gửi:
- Các phòng, đơn vị thuộc Sở;
- UBND các huyện, thành phố.

Nội dung văn bản về cải cách hành chính.

Nơi nhận:
- Như trên;
- Lưu: VT.

{signer}
Nguyễn Văn An
"""
BASE = dict(
    number="125/SNV-CCHC", date="07 tháng 6 năm 2023", title="V/v báo cáo kết quả CCHC", signer="GIÁM ĐỐC"
)


def doc(**kw) -> dict:
    facts = run("document", HEADER.format(**{**BASE, **kw}))
    assert len(facts) == 1
    return facts[0]


CASES = [
    ({}, "doc_type", "Công văn"),
    ({}, "number", "125"),
    ({}, "symbol", "SNV-CCHC"),
    ({}, "issuer", "Sở Nội vụ"),
    ({}, "issuer_parent", "UBND tỉnh Hà Nam"),
    ({}, "province", "Hà Nam"),
    ({}, "place", "Hà Nam"),
    ({}, "date", "2023-06-07"),
    ({}, "signer_name", "Nguyễn Văn An"),
    ({"number": "/SNV-CCHC"}, "number", None),  # "Số:" with a blank number in a draft
    ({"date": "tháng năm 2023"}, "date", "2023"),  # a blank day and month
    ({"number": "45/KH-SNV", "title": "KẾ HOẠCH\nCải thiện Chỉ số CCHC năm 2024"}, "doc_type", "Kế hoạch"),
    ({"number": "12/BC-SNV", "title": "BÁO CÁO\nKết quả CCHC quý I"}, "doc_type", "Báo cáo"),
    ({"number": "88/QĐ-SNV", "title": "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch"}, "doc_type", "Quyết định"),
    ({"signer": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"}, "signer_form", "KT."),
]


@pytest.mark.parametrize("kw,field,expected", CASES)
def test_document_field(kw, field, expected):
    assert doc(**kw)[field] == expected


def test_recipients_listed_after_kinh_gui():
    assert doc()["recipients"] == ["Các phòng, đơn vị thuộc Sở", "UBND các huyện, thành phố"]
