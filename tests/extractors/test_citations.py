import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.citations import _REF, ref_matches
from extractors.mentions import lowered
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
        "Triển khai Nghị quyết số 07-NQ/TU ngày 11/3/2022 của Tỉnh ủy về chuyển đổi số.",
        dict(doc_type="Nghị quyết", ref="07-NQ/TU", date="2022-03-11"),
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
        "Căn cứ Nghị quyết số 41b/NQ-CP ngày 14/09/2016 của Chính phủ về đơn giản hóa giấy tờ.",
        dict(doc_type="Nghị quyết", ref="41b/NQ-CP", date="2016-09-14", issuer="Chính phủ"),
    ),
    (
        "Kiến nghị bổ sung Nghị quyết số 28.3/2024/NQ-CP về cấp phép xây dựng.",
        dict(ref="28.3/2024/NQ-CP", date=None),
    ),
    (  # a law: its name stands between the type and the number
        "Căn cứ Luật Thư viện số 46/2019/QH14 ngày 21 tháng 11 năm 2019 của Quốc hội;",
        dict(doc_type="Luật", ref="46/2019/QH14", date="2019-11-21", issuer="Quốc hội"),
    ),
    (
        "Theo Luật Thống kê số 89/2015/QH13, các đơn vị phải gửi số liệu đúng hạn.",
        dict(doc_type="Luật", ref="89/2015/QH13", date=None),
    ),  # fmt: skip
    (  # a party ref
        "Triển khai Chương trình hành động số 27-CTr/TU ngày 12/4/2019 của Ban Thường vụ Tỉnh ủy về chuyển đổi số.",
        dict(doc_type="Chương trình", ref="27-CTr/TU", date="2019-04-12", issuer="Ban Thường vụ Tỉnh ủy"),
    ),
    (  # news: the date and the issuer before the type
        "Ngày 19/10/2022, Chủ tịch UBND tỉnh ban hành Thông báo số 305/TB-UBND về lịch tiếp công dân.",
        dict(
            doc_type="Thông báo", ref="305/TB-UBND", date="2022-10-19", issuer="Chủ tịch UBND tỉnh"
        ),
    ),
    (  # a bare number after a type
        "Ngày 3-11-2021, UBND tỉnh Gia Lai có Công văn 4417 gửi kết quả tự chấm điểm cải cách hành chính.",
        dict(doc_type="Công văn", ref="4417", date="2021-11-03", issuer="UBND tỉnh Gia Lai"),
    ),
    (
        "UBND tỉnh vừa ban hành kế hoạch số 276 để nâng hạng chỉ số PCI.",
        dict(doc_type="Kế hoạch", ref="276"),
    ),
    (  # the issuer of a proposal before "tại"; "văn bản" whose symbol names no type is a công văn
        "Xét đề nghị của Giám đốc Sở Tư pháp tại văn bản số 942/STP-VP ngày 17 tháng 8 năm 2019,",
        dict(doc_type="Công văn", ref="942/STP-VP", date="2019-08-17", issuer="Giám đốc Sở Tư pháp"),
    ),
    ("- 1Quyết định 818/QĐ-UBND năm 2021 phê duyệt Đề án nâng cao DDCI", dict(ref="818/QĐ-UBND", date="2021")),
    (  # a reference wrapped over two lines
        "Căn cứ Nghị quyết số\n93/NQ-CP ngày 05 tháng 7 năm 2023 của Chính phủ về phát triển nhà ở;",
        dict(doc_type="Nghị quyết", ref="93/NQ-CP", date="2023-07-05", issuer="Chính phủ"),
    ),
    (
        "Trung tâm đã có Công văn số 428/TTXT ĐTDN ngày 09/9/2025 báo cáo UBND tỉnh.",
        dict(ref="428/TTXT-ĐTDN"),
    ),
    (  # a thông tư liên tịch whose symbol names three ministries
        "Căn cứ Thông tư liên tịch số 12/2015/TTLT-BXD-BTC ngày 20/10/2015 của Bộ Xây dựng - Bộ Tài chính về định mức.",
        dict(doc_type="Thông tư liên tịch", ref="12/2015/TTLT-BXD-BTC", issuer="Bộ Xây dựng - Bộ Tài chính"),
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
        "Triển khai Nghị quyết số 02-NQ/CP ngày 09/01/2023 của Chính phủ về các giải pháp năm 2023.\n"
        "Triển khai đầy đủ Nghị quyết số 02/NQ-CP cùng các hướng dẫn liên quan."
    )
    facts = run("citations", text)
    assert facts == [dict(doc_type="Nghị quyết", ref="02/NQ-CP", date="2023-01-09", issuer="Chính phủ")]


def test_own_number_of_a_web_copy_is_not_a_citation():
    text = (
        "Kế hoạch 77/KH-UBND năm 2021 về tuyên truyền cải cách hành chính tỉnh Ninh Bình\n"
        "Số hiệu | 77/KH-UBND |\n"
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 77/KH-UBND | Ninh Bình, ngày 08 tháng 4 năm 2021 |\n"
        "Căn cứ Quyết định số 15/QĐ-UBND ngày 06/01/2021 của UBND tỉnh;\n"
        "(Kèm theo Kế hoạch số 77/KH-UBND ngày 08/4/2021 của UBND tỉnh)"
    )
    assert [f["ref"] for f in run("citations", text)] == ["15/QĐ-UBND"]


def test_issuer_stops_at_the_line_end_of_a_text_with_one_paragraph_per_line():
    text = (
        "Thực hiện lập danh mục hồ sơ theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ\n"
        "Các phòng chuyên môn thực hiện đúng quy định."
    )
    assert run("citations", text)[0]["issuer"] == "Chính phủ"


ISSUED_BEFORE = [
    (  # the body that issued it, not the office that drafted it
        "Sở Tư pháp tham mưu để UBND tỉnh ban hành Kế hoạch số 164/KH-UBND về phổ biến pháp luật năm 2024.",
        dict(ref="164/KH-UBND", issuer="UBND tỉnh"),
    ),
    (
        "Ngày 03/4/2023, Ban Chỉ đạo chuyển đổi số của tỉnh ký Quyết định số 17/QĐ-BCĐ.",
        dict(ref="17/QĐ-BCĐ", date="2023-04-03", issuer="Ban Chỉ đạo chuyển đổi số của tỉnh"),
    ),
    (  # the date of an event, not of the plan, when nobody issues it in the sentence
        "Ngày 15/5/2023 Đoàn kiểm tra làm việc theo Kế hoạch số 12/KH-UBND về kiểm tra.",
        dict(ref="12/KH-UBND", date=None, issuer=None),
    ),
    (
        "Những chỉ tiêu mà Chính phủ đã giao tại Nghị quyết số 31/NQ-CP.",
        dict(ref="31/NQ-CP", issuer="Chính phủ"),
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
            "Ngày 14/5/2020, UBND tỉnh ban hành Quyết định 1175 ngày 14/5/2020 phê duyệt chỉ số.",
            "1175",
            "2020-05-14",
        ),
        ("UBND tỉnh ban hành Kế hoạch số 276 năm 2018 để nâng hạng chỉ số PCI.", "276", "2018"),
    ],
)
def test_bare_number_with_its_date(text, ref, date):
    assert has(run("citations", text), ref=ref, date=date)


def test_bare_number_counting_time_is_no_ref():
    assert run("citations", "Thực hiện Kế hoạch 10 năm và Quyết định 30 ngày làm việc.") == []


_PIECES = ["Quyết định", "QUYẾT ĐỊNH", "Kế hoạch", "thông báo cáo", "Báo cáo", "Số", "số", "ố", " ", "\n", "1", "12",
           "2024", "345", "/", "-", ".", "QĐ", "UBND", "Văn bản", "năm", "a", "(", ":", "K"]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_references_sought_only_where_one_can_start_are_the_ones_the_pattern_finds(parts):
    text = "".join(parts)
    spans = [(m.span(), m.groupdict()) for m in ref_matches(text, lowered(text))]
    assert spans == [(m.span(), m.groupdict()) for m in _REF.finditer(text)]
