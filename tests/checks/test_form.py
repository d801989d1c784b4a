"""Form findings (Nghị định 30/2020) on letters written for the tests."""

from __future__ import annotations

import pytest

from docmine.checks import check_text
from tests.checks.letters import check_letter, codes, letter


def test_a_well_formed_letter_has_no_findings():
    assert codes(check_letter()) == []


@pytest.mark.parametrize(
    "part, code",
    [("quoc_hieu", "form.quoc_hieu"), ("tieu_ngu", "form.tieu_ngu"), ("recipients", "form.kinh_gui"),
     ("noi_nhan", "form.noi_nhan"), ("name", "form.signer_name"), ("number", "form.number"),
     ("date", "form.date")],
)  # fmt: skip
def test_a_missing_part_is_an_error(part, code):
    r = check_letter(**{part: ""})
    assert codes(r, "error") == [code]
    assert not r.ok


def test_missing_issuing_body_is_an_error():
    r = check_letter(parent="", issuer="")
    assert "form.issuer" in codes(r, "error")


def test_missing_subject_of_a_cong_van():
    r = check_letter(subject="")
    assert "form.trich_yeu" in codes(r, "error")


def test_blank_number_and_date_are_draft_warnings_pointing_at_the_lines():
    r = check_letter(number="Số:      /SNV-CCHC", date="Ninh Bình, ngày     tháng     năm 2024")
    found = {f.code: f for f in r.findings}
    assert set(found) == {"form.number_blank", "form.date_blank"}
    assert found["form.number_blank"].severity == "warning" and r.ok
    assert found["form.number_blank"].evidence.text == "Số: /SNV-CCHC"  # spaces normalized
    assert "ngày, tháng" in found["form.date_blank"].message


def test_a_ke_hoach_numbered_as_a_quyet_dinh():
    r = check_letter(number="Số: 12/QĐ-SNV", subject="", recipients="",
                     body="KẾ HOẠCH\n\nCải cách hành chính năm 2024\n\nSở Nội vụ ban hành kế hoạch cải cách hành chính.")  # fmt: skip
    assert codes(r, "error") == ["form.symbol_type"]
    assert "KH-" in r.findings[0].message


def test_a_ke_hoach_with_its_own_symbol_is_fine():
    r = check_letter(number="Số: 12/KH-SNV", subject="", recipients="",
                     body="KẾ HOẠCH\n\nCải cách hành chính năm 2024\n\nSở Nội vụ ban hành kế hoạch cải cách hành chính.")  # fmt: skip
    assert codes(r, "error") == []


def test_a_cong_van_with_a_type_code_in_its_symbol():
    assert codes(check_letter(number="Số: 12/KH-SNV"), "error") == ["form.symbol_type"]


def test_kt_must_be_signed_by_a_deputy():
    assert codes(check_letter(form="KT. GIÁM ĐỐC", title="GIÁM ĐỐC"), "error") == ["form.signer_form"]
    assert codes(check_letter(form="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC")) == []


def test_tm_is_for_a_collective_body_only():
    assert codes(check_letter(form="TM. GIÁM ĐỐC", title="GIÁM ĐỐC"), "error") == ["form.signer_form"]
    assert codes(check_letter(form="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH")) == []


def test_tl_is_not_signed_by_the_head_himself():
    assert codes(check_letter(form="TL. GIÁM ĐỐC", title="GIÁM ĐỐC"), "error") == ["form.signer_form"]
    assert codes(check_letter(form="TL. GIÁM ĐỐC", title="CHÁNH VĂN PHÒNG")) == []


def test_a_deputy_without_kt_is_a_warning():
    r = check_letter(title="PHÓ GIÁM ĐỐC")
    assert codes(r) == ["form.signer_form"] and r.ok


def test_news_reports_get_no_form_findings():
    from docmine.checks import check_text

    r = check_text("Sở Nội vụ tỉnh Ninh Bình đạt 91,25 điểm Chỉ số cải cách hành chính năm 2023.\n")
    assert [c for c in codes(r) if c.startswith("form.")] == []


@pytest.mark.parametrize(
    "head, deputy",
    [("BỘ TRƯỞNG", "THỨ TRƯỞNG"), ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
     ("CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"), ("TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), ("CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"),
     ("TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG"), ("VIỆN TRƯỞNG", "PHÓ VIỆN TRƯỞNG"),
     ("HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG")],
)  # fmt: skip
def test_kt_signed_by_the_head_s_deputy_and_not_by_the_head(head, deputy):
    assert codes(check_letter(form=f"KT. {head}", title=deputy)) == []
    assert codes(check_letter(form=f"KT. {head}", title=head), "error") == ["form.signer_form"]


def test_a_digital_signature_stamp_is_not_the_signer():
    stamp = "Người ký: Sở Nội vụ\nCơ quan: Tỉnh Ninh Bình\nThời gian ký: 05.03.2024 09:12:40 +07:00"
    r = check_letter(form="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name=f"Trần Thị Bình\n\n{stamp}")
    assert codes(r) == []
    # the block came out as text (a form and a name): a title lost between them is missing
    r = check_letter(form="KT. GIÁM ĐỐC", title="", name=f"Trần Thị Bình\n\n{stamp}")
    assert codes(r, "error") == ["form.signer_title"]


def test_a_scan_whose_signature_block_is_an_image_misses_nothing():
    stamp = "Ký bởi: Sở Nội vụ\nThời gian ký: 05.03.2024 09:12:40 +07:00"
    assert codes(check_letter(title="", name=stamp), "error") == []


def test_a_kt_form_on_two_lines_is_one_form():
    r = check_letter(form="KT. BỘ TRƯỞNG,\nCHỦ NHIỆM", title="PHÓ CHỦ NHIỆM")
    assert codes(r) == []
    assert codes(check_letter(form="KT. BỘ TRƯỞNG,\nCHỦ NHIỆM", title=""), "error") == ["form.signer_title"]


def test_signature_in_a_table_row_beside_the_noi_nhan():
    r = check_letter(noi_nhan="", form="", title="",
                     name="|Nơi nhận: |KT. GIÁM ĐỐC |\n|- Như trên; |PHÓ GIÁM ĐỐC |\n|- Lưu: VT. | |\n| |Lê Văn An |")  # fmt: skip
    assert codes(r) == []


KE_HOACH = "KẾ HOẠCH\n\n{subject}\n\nSở Nội vụ ban hành kế hoạch cải cách hành chính năm 2024."


@pytest.mark.parametrize(
    "subject",
    ["Cải cách hành chính năm 2024", "VỀ\nVIỆC CẢI CÁCH HÀNH CHÍNH NĂM 2024",
     "Kiểm tra công tác văn thư, lưu trữ\n\nnăm 2024 tại các phòng thuộc Sở"],
)  # fmt: skip
def test_a_subject_under_the_type_name(subject):
    r = check_letter(number="Số: 12/KH-SNV", subject="", recipients="", body=KE_HOACH.format(subject=subject))
    assert codes(r, "error") == []


@pytest.mark.parametrize(
    "first",
    ["Thời gian qua, công tác văn thư của Sở có nhiều chuyển biến.", "Căn cứ Luật Tổ chức chính quyền địa phương;",
     "Ngày 02/3/2024, Sở Nội vụ tổ chức hội nghị.", "năm 2024 tại các phòng thuộc Sở",
     "GIÁM ĐỐC SỞ NỘI VỤ"],
)  # fmt: skip
def test_no_subject_when_the_body_or_a_cut_line_follows_the_type_name(first):
    r = check_letter(number="Số: 12/KH-SNV", subject="", recipients="", body=KE_HOACH.format(subject=first))
    assert codes(r, "error") == ["form.trich_yeu"]


def test_a_signature_under_the_body_s_end_mark_with_an_appendix_after_it():
    items = "\n\n".join(
        f"{i}. Kết quả thực hiện nhiệm vụ thứ {i} về cải cách hành chính." for i in range(1, 80)
    )
    appendix = f"\n\nPhụ lục I\n\nĐỀ CƯƠNG BÁO CÁO\n\n{items}./.\n"
    text = letter(noi_nhan="", form="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC",
                  body="Đề nghị các phòng, đơn vị triển khai thực hiện./.") + appendix  # fmt: skip
    assert codes(check_text(text), "error") == ["form.noi_nhan"]


def test_a_plan_that_lost_its_header_is_still_a_letter():
    body = "KẾ HOẠCH\n\nCải cách hành chính năm 2024\n\nSở Nội vụ ban hành kế hoạch cải cách hành chính năm 2024."
    r = check_letter(parent="", issuer="", quoc_hieu="", tieu_ngu="", number="", date="", subject="",
                     recipients="", body=body)  # fmt: skip
    assert {"form.number", "form.date", "form.quoc_hieu"} <= set(codes(r, "error"))


def test_a_sentence_s_date_words_are_no_place_date():
    body = "Đề nghị ghi rõ số, ký hiệu, ngày tháng năm ban hành của văn bản được trích dẫn."
    r = check_letter(date="", body=body)
    assert codes(r, "error") == ["form.date"] and "form.date_blank" not in codes(r)


def test_an_antiword_letter_with_columns_joined_on_one_line():
    text = (
        "UBND TỈNH NINH BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 125/SNV-CCHC Ninh Bình, ngày 05 tháng 3 năm 2024\nV/v triển khai nhiệm vụ cải cách hành chính năm 2024\n\n"
        "Kính gửi: Các phòng, đơn vị thuộc Sở.\n\nGiao Văn phòng Sở chủ trì rà soát thủ tục hành chính, "
        "hoàn thành trước ngày 30/6/2024.\n\nNơi nhận: GIÁM ĐỐC\n- Như trên;\n- Lưu: VT, CCHC. Nguyễn Văn Thành\n"
    )
    assert codes(check_text(text)) == []
    assert codes(check_text(text.replace(" Nguyễn Văn Thành", "")), "error") == ["form.signer_name"]


def test_a_nơi_nhận_column_interleaved_with_the_signature_by_ocr():
    sig = "Nơi nhận:\nKT. GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Lưu: VT, CCHC.\nNguyễn Văn An\n"
    assert codes(check_text(letter(noi_nhan="", form="", title="", name="") + sig)) == []


@pytest.mark.parametrize(
    "stamp",
    ["Ký số bởi: Sở Nội vụ\nNgày ký: 05-03-2024 09:12:40 +07:00",
     "Được ký bởi: SỞ NỘI VỤ TỈNH NINH BÌNH\nNgày ký: 05.03.2024 09:12",
     "Người ký: Sở Nội vụ\nEmail: snv@ninhbinh.gov.vn\nCơ quan: Tỉnh Ninh Bình\nThời gian ký: 05.03.2024 09:12:40 +07:00"],
)  # fmt: skip
def test_stamp_lines_are_not_the_signer(stamp):
    r = check_letter(form="KT. GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC", name=f"{stamp}\nTrần Thị Bình")
    assert codes(r) == []


def test_a_committee_signs_by_its_head_or_deputy():
    ok = check_letter(
        form="TM. BAN CHỈ ĐẠO\nKT. TRƯỞNG BAN", title="PHÓ TRƯỞNG BAN\n\nPHÓ GIÁM ĐỐC SỞ NỘI VỤ"
    )
    assert codes(ok, "error") == []
    lost = check_letter(form="TM. BAN CHỈ ĐẠO", title="PHÓ GIÁM ĐỐC SỞ NỘI VỤ")
    assert codes(lost, "error") == ["form.signer_title"]
    assert codes(check_letter(form="TM. BAN CÁN SỰ ĐẢNG", title="BÍ THƯ"), "error") == []
