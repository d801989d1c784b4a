"""Arithmetic findings on letters written for the tests."""

from __future__ import annotations

import pytest

from tests.checks.letters import check_letter, codes

TABLE = (
    "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt {total} điểm, xếp thứ 5/{n} sở, ban, ngành. "
    "Các điểm chỉ số cụ thể như sau:\n\n"
    "STT\tTiêu chí\tĐiểm tối đa\tĐiểm đạt được\tXếp hạng\n"
    "1\tCông tác chỉ đạo, điều hành cải cách hành chính\t40\t35,5\t4/{m}\n"
    "2\tCải cách thủ tục hành chính\t30\t28,25\t6/{m}\n"
    "3\tHiện đại hóa nền hành chính\t30\t27\t5/{m}\n"
)


def test_criteria_that_add_up_to_the_total():
    r = check_letter(body=TABLE.format(total="90,75", n=18, m=18))
    assert len(r.result.facts["criteria"]) == 3
    assert [c for c in codes(r) if c.startswith("arith")] == []


def test_criteria_that_do_not_add_up_are_an_error():
    r = check_letter(body=TABLE.format(total="92,75", n=18, m=18))
    f = next(f for f in r.findings if f.code == "arith.criteria_sum")
    assert f.severity == "error"
    assert "90,75" in f.message and "92,75" in f.message


def test_a_total_rounded_coarser_than_its_parts_is_a_warning():
    r = check_letter(body=TABLE.format(total="90,8", n=18, m=18))
    f = next(f for f in r.findings if f.code == "arith.criteria_sum")
    assert f.severity == "warning"


def test_rank_totals_that_disagree_within_a_letter():
    r = check_letter(body=TABLE.format(total="90,75", n=21, m=17))
    assert "arith.rank_totals" in codes(r, "error")
    assert "/17, /21" in next(f.message for f in r.findings if f.code == "arith.rank_totals")


def test_a_rank_past_its_total():
    r = check_letter(
        body="Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 80,5 điểm, xếp thứ 19/18 sở, ngành."
    )
    assert codes(r, "error") == ["arith.rank_over_total"]


def test_a_percentage_that_disagrees_with_its_counts():
    r = check_letter(body="Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn đạt 97% (86/87 hồ sơ).")
    f = next(f for f in r.findings if f.code == "arith.percent_counts")
    assert "98,85%" in f.message and f.severity == "error"


def test_a_percentage_that_agrees_with_its_counts():
    r = check_letter(body="Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,85% (86/87 hồ sơ).")
    assert "arith.percent_counts" not in codes(r)


def test_a_met_claim_that_contradicts_value_and_requirement():
    r = check_letter(body="Tỷ lệ hồ sơ trực tuyến toàn trình đạt yêu cầu, tỷ lệ đạt 35% (yêu cầu 50%).")
    assert "arith.met_claim" in codes(r, "error")


def test_a_not_met_claim_that_agrees():
    r = check_letter(body="Tỷ lệ hồ sơ trực tuyến toàn trình chưa đạt yêu cầu, tỷ lệ đạt 35% (yêu cầu 50%).")
    assert "arith.met_claim" not in codes(r)


def test_a_target_below_a_measured_rate_of_an_earlier_year():
    body = "Năm 2023, tỷ lệ văn bản điện tử đạt 95%.\n\nPhấn đấu năm 2024 tỷ lệ văn bản điện tử đạt từ 90% trở lên."
    assert "target.below_result" in codes(check_letter(body=body))


def test_a_target_below_the_result_the_letter_reports():
    body = "Năm 2023, Chỉ số hài lòng của Sở Nội vụ đạt 91,25%.\n\nPhấn đấu năm 2024 Chỉ số hài lòng của Sở đạt từ 85% trở lên."
    r = check_letter(body=body)
    f = next(f for f in r.findings if f.code == "target.below_result")
    assert f.severity == "warning" and "91,25" in f.message


def test_a_target_above_the_result_is_fine():
    body = "Năm 2023, Chỉ số hài lòng của Sở Nội vụ đạt 91,25%.\n\nPhấn đấu năm 2024 Chỉ số hài lòng của Sở đạt từ 93% trở lên."
    assert "target.below_result" not in codes(check_letter(body=body))


def test_value_and_requirement_are_read_by_their_words_not_their_order():
    body = "Tỷ lệ hồ sơ đúng hạn chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)."
    assert "arith.met_claim" not in codes(check_letter(body=body))
    flipped = "Tỷ lệ hồ sơ đúng hạn đã đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)."
    assert "arith.met_claim" in codes(check_letter(body=flipped), "error")


def test_a_value_with_its_target_in_brackets_claims_nothing():
    body = "Tỷ lệ thanh toán trực tuyến đạt 45% (chỉ tiêu 50%)."
    assert "arith.met_claim" not in codes(check_letter(body=body))


def test_a_count_and_a_percentage_in_one_clause_that_disagree():
    r = check_letter(body="Năm 2023, Sở hoàn thành 40/48 nhiệm vụ, đạt 85%.")
    f = next(f for f in r.findings if f.code == "arith.percent_counts")
    assert f.severity == "error" and "83,33%" in f.message and "40/48" in f.evidence.text


def test_counts_and_a_percentage_of_another_sentence_are_no_pair():
    body = "Năm 2023, Sở hoàn thành 35/45 nhiệm vụ được giao. 100% hồ sơ được giải quyết đúng hạn."
    assert "arith.percent_counts" not in codes(check_letter(body=body))


def test_a_truncated_or_rounded_percentage_agrees_with_its_counts():
    for pct in ("98,85", "98,8", "98,9", "98"):
        body = f"Năm 2023, đã giải quyết 86/87 hồ sơ, đạt {pct}%."
        assert "arith.percent_counts" not in codes(check_letter(body=body)), pct


def test_a_rank_is_not_a_count():
    body = "Năm 2023, Sở xếp 09/17 sở, ban, ngành với chỉ số đạt 84,66%."
    assert "arith.percent_counts" not in codes(check_letter(body=body))


def test_a_breakdown_in_brackets_is_not_the_rate_s_counts():
    body = "Đã kiểm tra 42/139 cơ quan, đơn vị, đạt tỷ lệ 30% (4/15 sở, ngành và 38/124 UBND cấp xã)."
    assert "arith.percent_counts" not in codes(check_letter(body=body))


def test_two_groups_ranked_apart_keep_their_own_totals():
    body = (
        "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 90,1 điểm, xếp thứ 2/14 sở, ban, ngành. "
        "Chỉ số cải cách hành chính của UBND xã Tân Lập đạt 85,2 điểm, xếp thứ 5/124 xã, phường."
    )
    assert "arith.rank_totals" not in codes(check_letter(body=body))


def test_ranks_of_one_ranking_in_a_paragraph_share_their_total():
    body = (
        "Năm 2023, Chỉ số PAPI của tỉnh xếp thứ 12/63 tỉnh, thành phố; trong đó nội dung công khai, minh bạch "
        "xếp thứ 20/64 tỉnh, thành phố và nội dung thủ tục hành chính công xếp thứ 8/63 tỉnh, thành phố."
    )
    f = [f for f in check_letter(body=body).findings if f.code == "arith.rank_totals"]
    assert len(f) == 1 and f[0].severity == "error" and "20/64" in f[0].evidence.text


def test_provinces_of_one_ranking_share_its_total():
    body = "Theo kết quả PCI năm 2023: tỉnh An Giang xếp hạng 21/63; tỉnh Kiên Giang xếp hạng 30/62."
    assert "arith.rank_totals" in codes(check_letter(body=body), "error")


def test_ranks_of_other_years_or_other_groups_keep_their_totals():
    for body in (
        "Năm 2023, Sở xếp thứ 3/19 sở, ngành, tăng 2 bậc so với năm 2022 (xếp thứ 5/18 sở, ngành).",
        "Năm 2023, Sở Nội vụ xếp thứ 3/18 sở, ngành; xã Tân Lập xếp thứ 5/124 xã, phường.",
        "Năm 2022, tỉnh xếp thứ 12/63 tỉnh, thành phố. Năm 2025, sau sắp xếp, tỉnh xếp thứ 5/34 tỉnh, thành phố.",
    ):
        assert "arith.rank_totals" not in codes(check_letter(body=body)), body


def test_a_rank_past_its_total_in_any_sentence():
    body = "Chỉ số công khai, minh bạch năm 2023 của tỉnh xếp thứ 65/63 tỉnh, thành phố."
    assert codes(check_letter(body=body), "error") == ["arith.rank_over_total"]


def test_a_met_claim_against_a_value_the_letter_says_it_has():
    body = "Tỷ lệ hồ sơ trả kết quả điện tử đã đạt yêu cầu, mới chỉ có 12% hồ sơ trả kết quả điện tử (yêu cầu 40%)."
    assert "arith.met_claim" in codes(check_letter(body=body), "error")
    assert "arith.met_claim" not in codes(check_letter(body=body.replace("đã đạt", "chưa đạt")))


def test_a_component_s_target_is_no_target_for_the_whole_index():
    for goal in (
        "chỉ số thành phần Chi phí không chính thức của PCI đạt từ 7,5 điểm trở lên",
        "lĩnh vực cải cách thủ tục hành chính của Chỉ số cải cách hành chính đạt từ 13 điểm trở lên",
        "tiêu chí tiếp cận dịch vụ của Chỉ số hài lòng đạt từ 80% trở lên",
    ):
        body = (
            "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 91,25 điểm; Chỉ số hài lòng đạt 85,5%; "
            f"Chỉ số PCI của tỉnh đạt 68,92 điểm.\n\nPhấn đấu năm 2024, {goal}."
        )
        assert "target.below_result" not in codes(check_letter(body=body)), goal


def test_a_target_for_another_entity_is_not_below_this_one_s_result():
    body = (
        "Năm 2023, Chỉ số cải cách hành chính của huyện Đức Trọng đạt 88,1 điểm, xếp thứ 2/12 huyện.\n\n"
        "Phấn đấu năm 2024, Chỉ số cải cách hành chính của huyện {who} đạt từ 85 điểm trở lên."
    )
    assert "target.below_result" not in codes(check_letter(body=body.format(who="Lâm Hà")))
    f = next(
        f for f in check_letter(body=body.format(who="Đức Trọng")).findings if f.code == "target.below_result"
    )
    assert "85 điểm" in f.message and "88,1 điểm" in f.message


SHEET = (
    "Kết quả chấm điểm Chỉ số cải cách hành chính năm 2023 của Sở Nội vụ như sau:\n\n"
    "STT\tLĩnh vực\tĐiểm tối đa\tĐiểm đạt được\n"
    "1\tCông tác chỉ đạo, điều hành\t40\t35,5\n"
    "1.1\tKế hoạch cải cách hành chính\t20\t18\n"
    "1.2\tKiểm tra cải cách hành chính\t20\t17,5\n"
    "2\tCải cách thủ tục hành chính\t30\t28,25\n"
    "3\tHiện đại hóa nền hành chính\t30\t27\n"
    "\tTổng cộng\t{top}\t{total}\n"
)


def test_a_table_s_total_row_against_its_top_level_rows():
    assert "arith.criteria_sum" not in codes(check_letter(body=SHEET.format(top=100, total="90,75")))
    f = [
        f
        for f in check_letter(body=SHEET.format(top=100, total="92,75")).findings
        if f.code == "arith.criteria_sum"
    ]
    assert [x.severity for x in f] == ["error"] and f[0].evidence.text == "92,75" and "90,75" in f[0].message


def test_a_total_row_whose_maxima_differ_is_not_summed():
    # weights or rows left out: the parts' maxima (100) are not the total's (120)
    assert "arith.criteria_sum" not in codes(check_letter(body=SHEET.format(top=120, total="97,75")))


RANKING = (
    "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 90,75%, xếp thứ 2/{n} sở, ngành.\n\n"
    "Kết quả Chỉ số cải cách hành chính năm 2023 của {which} như sau:\n\n"
    "Thứ hạng\tĐơn vị\tChỉ số\n1\tSở Tư pháp\t93,01%\n2\tSở Nội vụ\t90,75%\n3\tSở Xây dựng\t89,68%\n"
    "4\tSở Y tế\t86,43%\n5\tSở Tài chính\t85,12%\n"
)


def test_a_rank_total_against_the_ranking_table_s_count():
    assert "arith.rank_totals" not in codes(check_letter(body=RANKING.format(n=5, which="các sở, ngành")))
    f = [
        f
        for f in check_letter(body=RANKING.format(n=6, which="các sở, ngành")).findings
        if f.code == "arith.rank_totals"
    ]
    assert len(f) == 1 and f[0].evidence.text.startswith("xếp thứ 2/6")


def test_a_table_of_the_leading_few_is_no_count():
    assert "arith.rank_totals" not in codes(
        check_letter(body=RANKING.format(n=18, which="5 sở, ngành dẫn đầu"))
    )


@pytest.mark.parametrize(
    "body, wrong",
    [("Tỷ lệ hồ sơ trực tuyến đạt 45%, không đạt chỉ tiêu (50%).", False),
     ("Tỷ lệ hồ sơ trực tuyến đạt 55%, không đạt chỉ tiêu (50%).", True),
     ("Tỷ lệ hồ sơ đúng hạn đạt 93%, vượt chỉ tiêu đề ra (95%).", True),
     ("Tỷ lệ hồ sơ đúng hạn chưa đạt chỉ tiêu 95% (hiện đạt 96%).", True),
     ("Tỷ lệ hồ sơ đúng hạn chưa đạt chỉ tiêu 95% (hiện đạt 91,5%).", False),
     ("Tỷ lệ hồ sơ trực tuyến đã đạt yêu cầu tối thiểu 80%, cụ thể đạt 75,2%.", True),
     ("Tỷ lệ hồ sơ trễ hạn là 3% (yêu cầu không quá 5%), đạt yêu cầu.", False),
     ("Tỷ lệ hồ sơ trễ hạn là 7% (yêu cầu không quá 5%), đạt yêu cầu.", True)],
)  # fmt: skip
def test_a_claim_is_read_by_its_words(body, wrong):
    assert ("arith.met_claim" in codes(check_letter(body=body), "error")) is wrong


def test_a_target_naming_its_body_short_is_the_same_entity():
    body = (
        "Năm 2023, Chỉ số cải cách hành chính của Sở Nội vụ đạt 88,1 điểm, xếp thứ 3/18 sở, ngành.\n\n"
        "Phấn đấu năm 2024 Chỉ số cải cách hành chính của Sở đạt từ 85 điểm trở lên."
    )
    assert "target.below_result" in codes(check_letter(body=body))


def test_components_ranked_over_fewer_units_are_only_a_warning():
    body = (
        "Năm 2023, các doanh nghiệp đánh giá cao tỉnh ở chi phí không chính thức (xếp thứ 2/62); "
        "tính năng động của chính quyền (xếp thứ 4/63); đào tạo lao động (xếp thứ 6/63)."
    )
    f = [f for f in check_letter(body=body).findings if f.code == "arith.rank_totals"]
    assert [x.severity for x in f] == ["warning"] and "2/62" in f[0].evidence.text


@pytest.mark.parametrize(
    "body, wrong",
    [("Có 120/125 hồ sơ được giải quyết đúng hạn (đạt 92%).", True),
     ("Có 120/125 hồ sơ được giải quyết đúng hạn (đạt 96%).", False),
     ("Hoàn thành 40/48 nhiệm vụ (85%).", True),
     ("Hoàn thành 40/48 nhiệm vụ (83,33%).", False),
     ("Có 120/125 hồ sơ được giải quyết đúng hạn, chiếm tỷ lệ 96,5%.", True),
     ("Đã có 15/18 sở, ngành hoàn thành, đạt 83,3%; 100% xã đã triển khai.", False),
     ("Năm 2023 có 45/50 xã đạt chuẩn (tăng 10% so với năm 2022).", False)],
)  # fmt: skip
def test_a_rate_in_brackets_after_its_counts(body, wrong):
    assert ("arith.percent_counts" in codes(check_letter(body=body), "error")) is wrong


def test_two_groups_of_agencies_ranked_apart_are_only_a_warning():
    body = "Năm 2023, nhóm 1 có Sở Nội vụ xếp thứ 2/14 cơ quan; nhóm 2 có Ban Dân tộc xếp thứ 1/5 cơ quan."
    assert "arith.rank_totals" not in codes(check_letter(body=body), "error")
