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


# --- copies of letters saved from legal sites, markdown and tables ------------------------------

WEB_COPY = """Tra cứu văn bản | Đăng nhập
Kế hoạch 45/KH-UBND năm 2022 nâng cao Chỉ số cải cách hành chính tỉnh Hà Nam
Số hiệu | 45/KH-UBND |
Loại văn bản | Kế hoạch |
Nơi ban hành | Tỉnh Hà Nam |
Người ký | Trần Văn Bình |
Ngày ban hành | 19/06/2022 |
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 45/KH-UBND | Hà Nam, ngày 19 tháng 6 năm 2022 |
NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) TỈNH HÀ NAM NĂM 2022
Năm 2021, Chỉ số cải cách hành chính của tỉnh đạt 85,1%, xếp thứ 30/63 tỉnh, thành phố.
"""


def test_web_copy_reads_the_letter_not_the_site():
    d = run("document", WEB_COPY)[0]
    assert (d["doc_type"], d["number"], d["symbol"]) == ("Kế hoạch", "45", "KH-UBND")
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"  # the dropped second line, from the site's catalogue
    assert (d["place"], d["date"], d["province"]) == ("Hà Nam", "2022-06-19", "Hà Nam")
    assert d["subject"] == "Nâng cao chỉ số cải cách hành chính (PAR INDEX) tỉnh Hà Nam năm 2022"
    assert d["signer_name"] == "Trần Văn Bình"


def test_number_with_a_year_keeps_the_symbol_after_it():
    d = doc(number="30/2018/QĐ-UBND", title="QUYẾT ĐỊNH\nVề việc ban hành Quy chế làm việc")
    assert (d["number"], d["symbol"], d["doc_type"]) == ("30", "QĐ-UBND", "Quyết định")
    assert d["subject"] == "ban hành Quy chế làm việc"


MARKDOWN_COPY = """|
**ỦY BAN NHÂN
DÂN **
TỈNH HÀ NAM
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 012/CT-UBND
|
*Hà Nam, ngày
26 tháng 11 năm 2025*
|

**CHỈ THỊ**

VỀ VIỆC TĂNG CƯỜNG KỶ LUẬT, KỶ CƯƠNG
HÀNH CHÍNH TRONG CÁC CƠ QUAN NHÀ NƯỚC

Thời gian qua, công tác cải cách hành chính
đã có chuyển biến.

|
*Nơi nhận:*
- Như trên;
- Lưu: VT, NC.
|
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
**Lê Thị Hoa**
|

**PHỤ LỤC**
"""


def test_markdown_copy_with_wrapped_lines():
    d = run("document", MARKDOWN_COPY)[0]
    assert (d["doc_type"], d["number"], d["symbol"]) == ("Chỉ thị", "12", "CT-UBND")
    assert (d["issuer"], d["issuer_parent"]) == ("Ủy ban nhân dân tỉnh Hà Nam", None)
    assert (d["place"], d["date"]) == ("Hà Nam", "2025-11-26")
    assert d["subject"] == "Tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan nhà nước"
    assert d["cc"] == ["Như trên", "Lưu: VT, NC"]
    assert (d["signer_form"], d["signer_title"], d["signer_name"]) == ("KT.", "Phó chủ tịch", "Lê Thị Hoa")


ROW_BY_ROW = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ NAM\tĐộc lập - Tự do - Hạnh phúc
Số: /UBND-NC Hà Nam, ngày tháng 11 năm 2025
V/v chuẩn bị nội dung cuộc họp
về Chỉ số cải cách hành chính

Kính gửi: - Sở Nội vụ;
- Sở Tài chính.

Đề nghị các đơn vị thực hiện.
|Nơi nhận: |KT. CHỦ TỊCH |
|- Như trên; |PHÓ CHỦ TỊCH |
|- Lưu: VT. | |
| |Phạm Văn Cường |
"""


def test_header_rendered_row_by_row_and_signature_rows_with_pipes():
    d = run("document", ROW_BY_ROW)[0]
    assert (d["doc_type"], d["number"], d["symbol"]) == ("Công văn", None, "UBND-NC")
    assert d["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"
    assert (d["place"], d["date"]) == ("Hà Nam", "2025-11")
    assert d["subject"] == "chuẩn bị nội dung cuộc họp về Chỉ số cải cách hành chính"
    assert d["recipients"] == ["Sở Nội vụ", "Sở Tài chính"]
    assert d["cc"] == ["Như trên", "Lưu: VT"]
    assert (d["signer_title"], d["signer_name"]) == ("Phó chủ tịch", "Phạm Văn Cường")


def test_merged_signature_cell_keeps_the_title_under_the_last_form():
    text = HEADER.format(**BASE).split("Nơi nhận")[0] + (
        "Nơi nhận: - Chủ tịch UBND tỉnh; - Lưu: VT.\n\nTL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Đỗ Minh Tâm"
    )
    d = run("document", text)[0]
    assert d["cc"] == ["Chủ tịch UBND tỉnh", "Lưu: VT"]
    assert (d["signer_form"], d["signer_title"], d["signer_name"]) == (
        "TL.",
        "Phó chánh văn phòng",
        "Đỗ Minh Tâm",
    )


@pytest.mark.parametrize(
    "agency,issuer,parent",
    [
        ("UBND TỈNH HÀ NAM\nSỞ TƯ PHÁP", "Sở Tư pháp", "UBND tỉnh Hà Nam"),
        ("BỘ NỘI VỤ\nVỤ CẢI CÁCH HÀNH CHÍNH", "Vụ cải cách hành chính", "Bộ Nội vụ"),
        ("VĂN PHÒNG CHÍNH\nPHỦ", "Văn phòng Chính phủ", None),  # a wrapped name is not two bodies
        ("THƯ VIỆN TRA CỨU\nỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", "Ủy ban nhân dân tỉnh Hà Nam", None),
        ("QUỐC HỘI KHÓA XV\nỦY BAN PHÁP LUẬT", "Ủy ban Pháp luật", "Quốc hội khóa xv"),
        ("BỘ NỘI VỤ\nDỰ THẢO", "Bộ Nội vụ", None),  # a draft mark is not part of the name
    ],
)
def test_agency_lines(agency, issuer, parent):
    text = HEADER.format(**BASE).replace("UBND TỈNH HÀ NAM\nSỞ NỘI VỤ", agency)
    d = run("document", text)[0]
    assert (d["issuer"], d["issuer_parent"]) == (issuer, parent)


# --- news pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,subject,date",
    [
        (  # the site's date of today on top, the article's date under its headline
            "Thứ Hai, ngày 05 tháng 08 năm 2019\nTin địa phương\nHà Nam tăng 5 bậc về Chỉ số cải cách hành chính\n"
            "Minh An - 08:15, 20/04/2024\nNgày 19/4, Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023.",
            "Hà Nam tăng 5 bậc về Chỉ số cải cách hành chính",
            "2024-04-20",
        ),
        (  # a headline the page prints twice, a labelled date
            "Quảng cáo\nChỉ số hài lòng của tỉnh năm 2023 đạt 84%\nCập nhật: 16-05-2024 | 10:20\n"
            "Chỉ số hài lòng của tỉnh năm 2023 đạt 84%\nKết quả được công bố tại hội nghị.",
            "Chỉ số hài lòng của tỉnh năm 2023 đạt 84%",
            "2024-05-16",
        ),
        (  # a saved post's front matter
            '---\nlayout: post\ntitle: " [CCHC] Huyện A dẫn đầu chỉ số cải cách hành chính ..."\n'
            "date: Wed, 24 Apr 2024 08:00:00 +0700\n---\nHuyện A đạt 94 điểm.",
            "Huyện A dẫn đầu chỉ số cải cách hành chính",
            "2024-04-24",
        ),
        (
            "date 2025-04 Sáng 6/4, Bộ Nội vụ công bố kết quả Chỉ số cải cách hành chính năm 2024.",
            None,
            "2025-04",
        ),
        (  # no date printed: the year-less "Ngày 10/7" of the body is not a publication date
            "Tỉnh công bố Chỉ số cải cách hành chính năm 2022\nNgày 10/7, UBND tỉnh ban hành Quyết định công bố chỉ số.",
            "Tỉnh công bố Chỉ số cải cách hành chính năm 2022",
            None,
        ),
    ],
)
def test_news_headline_and_date(text, subject, date):
    d = run("document", text)[0]
    assert d["doc_type"] == "Tin bài"
    if subject is not None:
        assert d["subject"] == subject
    assert d["date"] == date


def test_quoc_hieu_misread_by_ocr_still_anchors_the_header():
    d = run("document", HEADER.format(**BASE).replace("CỘNG HÒA", "CỌNG HÒA"))[0]
    assert (d["issuer"], d["issuer_parent"], d["number"]) == ("Sở Nội vụ", "UBND tỉnh Hà Nam", "125")


def test_copy_without_its_agency_lines_takes_the_body_from_the_symbol_and_place():
    text = (
        "BẢN IN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
        "Hà Nam, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH\nCải cách hành chính năm 2024\nCăn cứ Luật Tổ chức chính quyền."
    )
    d = run("document", text)[0]
    assert (d["issuer"], d["doc_type"], d["subject"]) == (
        "Ủy ban nhân dân tỉnh Hà Nam",
        "Kế hoạch",
        "Cải cách hành chính năm 2024",
    )


def test_cong_dien_address_and_dong_kinh_gui():
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/CĐ-TTg\n"
        "Hà Nội, ngày 3 tháng 2 năm 2025\nCÔNG ĐIỆN\nVề đẩy mạnh cắt giảm thủ tục hành chính\n"
        "THỦ TƯỚNG CHÍNH PHỦ điện:\n|\n- Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ;\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố.\n|\nĐồng kính gửi:\nBí thư Tỉnh ủy các tỉnh để\n"
        "lãnh đạo, chỉ đạo.\nThực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ."
    )
    d = run("document", text)[0]
    assert d["doc_type"] == "Công điện" and d["issuer"] == "Thủ tướng Chính phủ"
    assert d["recipients"] == [
        "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
        "Bí thư Tỉnh ủy các tỉnh",
    ]


def test_trich_yeu_stops_at_the_place_date_line_under_it():
    text = (
        "SỞ NỘI VỤ TỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 87/SNV-CCHC\n"
        "V/v triển khai các giải pháp\nnâng cao Chỉ số PAR INDEX\nBắc Ninh, ngày 10 tháng 01 năm 2024\n"
        "Kính gửi: Các cơ quan, đơn vị thuộc Sở.\nNội dung."
    )
    d = run("document", text)[0]
    assert d["subject"] == "triển khai các giải pháp nâng cao Chỉ số PAR INDEX"
    assert (d["issuer"], d["date"]) == ("Sở Nội vụ tỉnh Bắc Ninh", "2024-01-10")


def test_issuer_from_the_symbol_when_the_agency_lines_are_lost_not_a_named_so():
    text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 196/CĐ-TTg\nHà Nội, ngày 12 tháng 10 năm 2025\n"
        "CÔNG ĐIỆN\nVề khắc phục hậu quả bão\nGiao Sở Giáo dục và Đào tạo các tỉnh, Sở Y tế các tỉnh kiểm tra trường học."
    )
    assert run("document", text)[0]["issuer"] == "Thủ tướng Chính phủ"
