"""The mention layer, on sentences written for the tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.parsers.text import from_string
from extractors.mentions import _TOKEN, index_in, mentions, tokens


def found(text: str, kind: str) -> list[tuple]:
    doc = from_string(text)
    ms = mentions(doc)
    return [(doc.text[m.start : m.end], m.label, m.value, m.total) for m in ms.get(kind)]


def test_the_layer_is_built_once_and_kept_on_the_document():
    doc = from_string("Tỉnh Hà Giang xếp thứ 5/63.")
    assert mentions(doc) is mentions(doc) is doc.layers["mentions"]


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("Năm nay tỉnh Quảng Ninh đạt 90 điểm.", "tỉnh Quảng Ninh", "province"),
        ("Kết quả của TP.HCM tăng mạnh.", "TP.HCM", "province"),
        ("UBND huyện Hòn Đất xếp thứ nhất.", "UBND huyện Hòn Đất", "district"),
        ("Xã Tân Hà đạt 81 điểm.", "Xã Tân Hà", "commune"),
        ("Bộ Công Thương đứng cuối bảng.", "Bộ Công Thương", "ministry"),
        ("Sở TT-TT đạt 95,79 điểm.", "Sở TT-TT", "department"),
        ("Cục Thuế tỉnh An Giang đạt 92 điểm.", "Cục Thuế tỉnh An Giang", "body"),
        ("Văn phòng UBND tỉnh xếp thứ hai.", "Văn phòng UBND tỉnh", "body"),
        # a name the gazetteers do not know runs on over its words until a verb
        ("Sở Lao động, TB và XH thứ 17.", "Sở Lao động, TB và XH", "agency"),
        # a body followed by its province's bare name, a commune followed by the unit above it
        ("Sở Tài chính Đà Nẵng xếp thứ 2.", "Sở Tài chính Đà Nẵng", "department"),
        ("Năm 2017, xã Phú An, huyện Tân Uyên đạt 90 điểm.", "xã Phú An, huyện Tân Uyên", "commune"),
        ("Phường 3, TP. Vị Thanh dẫn đầu.", "Phường 3, TP. Vị Thanh", "commune"),
    ],
)
def test_entities(text, name, label):
    assert (name, label) in [(t, lab) for t, lab, _, _ in found(text, "entity")]


def test_a_list_of_names_is_not_one_name():
    assert [t for t, *_ in found("Sở Tư pháp, Đà Nẵng và Huế đạt 90 điểm.", "entity")] == ["Sở Tư pháp", "Đà Nẵng", "Huế"]


def test_a_known_agency_gets_its_canonical_name():
    doc = from_string("Sở NN&PTNT xếp thứ 3.")
    e = mentions(doc).get("entity")[0]
    assert e.name == "Sở Nông nghiệp và Phát triển nông thôn"


def test_an_entity_stops_at_the_line_end():
    assert [t for t, *_ in found("Chỉ số của tỉnh Bến Tre\nTỉnh xếp thứ 7.", "entity")] == ["tỉnh Bến Tre"]


@pytest.mark.parametrize(
    "text,code",
    [
        ("Chỉ số CCHC năm 2022", "PAR"),
        ("PAR INDEX 2023 của các bộ", "PAR"),
        ("Chỉ số hài lòng của người dân", "SIPAS"),
        ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "PCI"),
        ("Bộ chỉ số phục vụ người dân, doanh nghiệp", "766"),
    ],
)
def test_index_names(text, code):
    assert [lab for _, lab, _, _ in found(text, "index")][0] == code


def test_an_index_named_inside_anothers_breakdown_is_a_component():
    doc = from_string("Chỉ số CCHC đạt 86 điểm, trong đó Chỉ số SIPAS đạt 8,5/10 điểm.")
    idx = mentions(doc).get("index")
    assert [(m.label, m.name) for m in idx] == [("PAR", "strong"), ("SIPAS", "component")]


def test_index_in_a_header():
    assert (index_in("PAPI Điểm số"), index_in("Tên đơn vị")) == ("PAPI", None)


@pytest.mark.parametrize(
    "text,rank,total",
    [
        ("Tỉnh xếp thứ 3/18 sở, ngành.", 3, 18),
        ("Tỉnh đứng thứ hai cả nước.", 2, None),
        ("Tỉnh xếp hạng nhất.", 1, None),
        ("Tỉnh Lào Cai (46/63) còn thấp.", 46, 63),
        ("Huyện Mèo Vạc xếp cuối 7/7 huyện.", 7, 7),
        ("Sở Y tế dẫn đầu.", 1, None),
        ("Huyện vươn lên vị trí thứ 4 trên 12 huyện.", 4, 12),
    ],
)
def test_ranks(text, rank, total):
    assert [(v, t) for _, _, v, t in found(text, "rank")] == [(rank, total)]


@pytest.mark.parametrize(
    "text",
    [
        "Thứ 3, ngày 18/06/2024 - Tin tức",  # a weekday
        "Đây là năm thứ 2 liên tiếp tỉnh giữ vững kết quả.",  # a count of years
        "Người đứng đầu cơ quan chịu trách nhiệm.",  # the head of a body
        "Có 3 vị trí dẫn đầu gồm hai huyện và một thị xã.",  # a group, not a position
    ],
)
def test_not_ranks(text):
    assert found(text, "rank") == []


def test_changes_are_signed():
    got = found("Tỉnh tăng 08 bậc và giảm 1,44 điểm; Sở tụt 2 hạng.", "rank_change")
    assert [(v) for _, _, v, _ in got] == [8, -2]
    assert [v for _, _, v, _ in found("Tỉnh tăng 08 bậc và giảm 1,44 điểm.", "value_change")] == [-1.44]


def test_not_lower_than_is_a_bound_not_a_change():
    assert found("Phấn đấu Chỉ số CCHC không thấp hơn 80%.", "value_change") == []


def test_years_know_their_role():
    got = found("Năm 2023 tăng so với năm 2022; Hà Nội, ngày 05 tháng 3 năm 2024.", "year")
    assert [(v, lab) for _, lab, v, _ in got] == [(2023, None), (2022, "compared"), (2024, "date")]


def test_ratios_count_a_noun():
    assert found("Đã kiểm tra 06/12 đơn vị trực thuộc.", "ratio") == [("06/12 đơn vị", "đơn vị", 6, 12)]
    assert found("Tổ chức 02/03 cuộc đối thoại với doanh nghiệp.", "ratio")[0][1] == "cuộc đối thoại"
    assert found("Ngày 15/5/2023 Sở họp; Quyết định số 12/QĐ-UBND.", "ratio") == []


def test_numbers_with_units_and_maximum():
    doc = from_string("Điểm thẩm định là 54,95/61,5 điểm và chỉ số đạt 89,2%.")
    nums = [(m.value, m.label, m.maximum) for m in mentions(doc).get("number")]
    assert nums == [(54.95, "điểm", 61.5), (89.2, "%", None)]


def test_totals():
    got = found("Trong 63 tỉnh, thành phố và 19 sở, ban, ngành.", "total")
    assert [(v, lab) for _, lab, v, _ in got] == [(63, "tỉnh, thành phố"), (19, "sở, ban, ngành")]


def test_tokens_split_a_sentence_at_syllables_numbers_marks_and_odd_whitespace():
    words, spaces = tokens("Sở Nội vụ  đạt 92,35 điểm (xếp thứ 3/18).\n Năm 2024")
    assert words == ["Sở", "Nội", "vụ", " ", "đạt", "92,35", "điểm", "(", "xếp", "thứ", "3", "/", "18", ")", ".",
                     "\n ", "Năm", "2024"]
    assert spaces == [True, True, True, False, True, True, True, False, True, True, False, False, False, False,
                      False, False, True, False]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aĐệ1 2,./\n\t-_(\u0301", max_size=30))
def test_tokens_are_what_the_token_regex_finds(text):
    triples = _TOKEN.findall(text)
    assert tokens(text) == ([w or ws for w, _, ws in triples], [s == " " for _, s, _ in triples])
