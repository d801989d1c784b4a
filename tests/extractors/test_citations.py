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
    (  # a ref with a letter
        "Căn cứ Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ về Chương trình tổng thể.",
        dict(doc_type="Nghị quyết", ref="30c/NQ-CP", date="2011-11-08", issuer="Chính phủ"),
    ),
    (
        "Đề nghị sửa đổi Nghị quyết số 66.4/2025/NQ-CP về thủ tục đất đai.",
        dict(ref="66.4/2025/NQ-CP", date=None),
    ),
    (  # a law: its name stands between the type and the number
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025 của Quốc hội;",
        dict(doc_type="Luật", ref="72/2025/QH15", date="2025-06-16", issuer="Quốc hội"),
    ),
    (
        "Theo Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13, các cơ quan phải rà soát.",
        dict(doc_type="Luật", ref="80/2015/QH13", date=None),
    ),  # fmt: skip
    (  # a party ref
        "Thực hiện Chương trình hành động số 16-CTr/TU ngày 25/3/2008 của Ban Thường vụ Thành ủy về cải cách.",
        dict(doc_type="Chương trình", ref="16-CTr/TU", date="2008-03-25", issuer="Ban Thường vụ Thành ủy"),
    ),
    (  # news: the date and the issuer before the type
        "Ngày 08/7/2021, Chủ tịch Ủy ban nhân dân tỉnh ban hành Thông báo số 119/TB-UBND về kết quả thẩm định.",
        dict(
            doc_type="Thông báo", ref="119/TB-UBND", date="2021-07-08", issuer="Chủ tịch Ủy ban nhân dân tỉnh"
        ),
    ),
    (  # a bare number after a type
        "Ngày 8-12-2020, UBND tỉnh Hà Nam có Công văn 5942 công bố điểm Chỉ số cải cách hành chính.",
        dict(doc_type="Công văn", ref="5942", date="2020-12-08", issuer="UBND tỉnh Hà Nam"),
    ),
    (
        "UBND tỉnh vừa ban hành kế hoạch số 189 nhằm cải thiện chỉ số PCI.",
        dict(doc_type="Kế hoạch", ref="189"),
    ),
    (  # the issuer of a proposal before "tại"; "văn bản" whose symbol names no type is a công văn
        "Xét đề nghị của Giám đốc Sở Nội vụ tại văn bản số 1187/SNV-CCHC ngày 29 tháng 11 năm 2006,",
        dict(doc_type="Công văn", ref="1187/SNV-CCHC", date="2006-11-29", issuer="Giám đốc Sở Nội vụ"),
    ),
    ("- 1Quyết định 634/QĐ-UBND năm 2020 về phê duyệt Đề án DDCI", dict(ref="634/QĐ-UBND", date="2020")),
    (  # a reference wrapped over two lines
        "Căn cứ Nghị quyết số\n66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ về Chương trình cắt giảm;",
        dict(doc_type="Nghị quyết", ref="66/NQ-CP", date="2025-03-26", issuer="Chính phủ"),
    ),
    (
        "Trung tâm đã có Công văn số 428/TTXT ĐTDN ngày 09/9/2025 báo cáo UBND tỉnh.",
        dict(ref="428/TTXT-ĐTDN"),
    ),
    (  # a thông tư liên tịch whose symbol names three ministries
        "Căn cứ Thông tư liên tịch số 07/2016/TTLT-BYT-BTC ngày 15/4/2016 của Bộ Y tế - Bộ Tài chính về chi phí.",
        dict(doc_type="Thông tư liên tịch", ref="07/2016/TTLT-BYT-BTC", issuer="Bộ Y tế - Bộ Tài chính"),
    ),
]
NEGATIVE = [
    "Số: /LĐTBXH-VP",  # the letter's own blank number is not a citation
    "Sở xếp thứ 3/18 sở, ngành.",
    "Ngày 15/5/2023 Đoàn kiểm tra làm việc tại Sở.",
    "Điện thoại: 0229/3871 235.",
    "Các đơn vị xây dựng Kế hoạch 2024 và triển khai Đề án 06 của Chính phủ.",  # a year, a project's name
    "Kế hoạch 5 năm và Quyết định 12 tháng đầu năm.",
    "Chỉ số PAR INDEX 2023 đạt 85,1%, xếp thứ 12/63.",
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_citation_read(text, expected):
    facts = run("citations", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_citation(text):
    assert run("citations", text) == []


def test_list_sharing_one_type():
    facts = run(
        "citations", "Thực hiện các Quyết định số 101/QĐ-UBND, 102/QĐ-UBND của UBND tỉnh về cải cách."
    )
    assert [(f["doc_type"], f["ref"]) for f in facts] == [
        ("Quyết định", "101/QĐ-UBND"),
        ("Quyết định", "102/QĐ-UBND"),
    ]
    assert facts[0]["issuer"] == facts[1]["issuer"] == "UBND tỉnh"


def test_a_list_lends_its_issuer_to_members_before_it():
    facts = run(
        "citations", "Đưa nội dung của Nghị quyết 57 và Nghị quyết 68 của Bộ Chính trị vào bộ chỉ số."
    )
    assert [(f["ref"], f["issuer"]) for f in facts] == [("57", "Bộ Chính trị"), ("68", "Bộ Chính trị")]


def test_a_document_cited_twice_is_one_row_with_what_either_mention_gives():
    text = (
        "Thực hiện Nghị quyết số 01-NQ/CP ngày 05/01/2024 của Chính phủ về nhiệm vụ năm 2024.\n"
        "Thực hiện có hiệu quả Nghị quyết số 01/NQ-CP và các văn bản hướng dẫn."
    )
    facts = run("citations", text)
    assert facts == [dict(doc_type="Nghị quyết", ref="01/NQ-CP", date="2024-01-05", issuer="Chính phủ")]


def test_own_number_of_a_web_copy_is_not_a_citation():
    text = (
        "Kế hoạch 45/KH-UBND năm 2022 nâng cao Chỉ số cải cách hành chính tỉnh Hà Nam\n"
        "Số hiệu | 45/KH-UBND |\n"
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 45/KH-UBND | Hà Nam, ngày 19 tháng 6 năm 2022 |\n"
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2022 của UBND tỉnh;\n"
        "(Kèm theo Kế hoạch số 45/KH-UBND ngày 19/6/2022 của UBND tỉnh)"
    )
    assert [f["ref"] for f in run("citations", text)] == ["12/QĐ-UBND"]


def test_issuer_stops_at_the_line_end_of_a_text_with_one_paragraph_per_line():
    text = (
        "Thực hiện lập danh mục hồ sơ theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ\n"
        "Các phòng chuyên môn thực hiện đúng quy định."
    )
    assert run("citations", text)[0]["issuer"] == "Chính phủ"


ISSUED_BEFORE = [
    (  # the body that issued it, not the office that drafted it
        "Sở Nội vụ đã tham mưu UBND tỉnh ban hành Kế hoạch số 213/KH-UBND về cải cách hành chính năm 2025.",
        dict(ref="213/KH-UBND", issuer="UBND tỉnh"),
    ),
    (
        "Ngày 16/4/2021, Ban Chỉ đạo cải cách hành chính của Chính phủ ban hành Quyết định số 46/QĐ-BCĐCCHC.",
        dict(ref="46/QĐ-BCĐCCHC", date="2021-04-16", issuer="Ban Chỉ đạo cải cách hành chính của Chính phủ"),
    ),
    (  # the date of an event, not of the plan, when nobody issues it in the sentence
        "Ngày 15/5/2023 Đoàn kiểm tra làm việc theo Kế hoạch số 12/KH-UBND về kiểm tra.",
        dict(ref="12/KH-UBND", date=None, issuer=None),
    ),
    (
        "Các mục tiêu được Chính phủ giao tại Nghị quyết số 76/NQ-CP.",
        dict(ref="76/NQ-CP", issuer="Chính phủ"),
    ),
]


@pytest.mark.parametrize("text,expected", ISSUED_BEFORE)
def test_issuer_and_date_before_the_type(text, expected):
    facts = run("citations", text)
    assert has(facts, **expected), facts


@pytest.mark.parametrize(
    "text,ref,date",
    [
        (
            "Ngày 21/7/2021, UBND tỉnh ban hành Quyết định 2031 ngày 21/7/2021 phê duyệt chỉ số.",
            "2031",
            "2021-07-21",
        ),
        ("UBND tỉnh ban hành Kế hoạch số 189 năm 2019 nhằm cải thiện chỉ số PCI.", "189", "2019"),
    ],
)
def test_bare_number_with_its_date(text, ref, date):
    assert has(run("citations", text), ref=ref, date=date)


def test_bare_number_counting_time_is_no_ref():
    assert run("citations", "Thực hiện Kế hoạch 10 năm và Quyết định 30 ngày làm việc.") == []
