import re

from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.legacy import (
    _COMMON,
    _latin_and_marks,
    from_tcvn3,
    from_vni,
    repair_legacy,
    scores_at_least,
    vietnamese_score,
)
from docmine.normalize import canonical, fold, normalize_text, tidy


def test_tone_placement_unified_only_at_syllable_end_in_the_view():
    raw = "hoà thuận, hoàn thành, Uỷ ban, quý, khoẻ, thuỷ lợi"
    assert normalize_text(raw) == raw  # the text keeps what the source wrote
    assert canonical(raw) == "hòa thuận, hoàn thành, Ủy ban, quý, khỏe, thủy lợi"


def test_eth_dashes_quotes_spaces():
    assert normalize_text("“Chỉ số”\u00a0 hài  lòng") == "“Chỉ số” hài lòng"
    assert canonical("\u00d0ộc lập – Tự do — Hạnh phúc") == "Độc lập - Tự do - Hạnh phúc"
    assert canonical("“Chỉ số”") == '"Chỉ số"'
    assert tidy("Lao động –Việc làm") == "Lao động - Việc làm"
    assert tidy("2021-2025") == "2021-2025"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \u00a0\u2003\u3000\n\tab", max_size=30))
def test_spaces_become_one_space_and_vanish_around_breaks(raw):
    every_run = re.sub(r" *([\n\t]) *", r"\1", re.sub(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", raw))
    assert normalize_text(raw, repair=False) == every_run.strip()


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ae\u0301\u0323 \u00a0\u2003\n\t\r\x00\x1f\x85\u200b\u00ad\u2028\ufeffĐ", max_size=20))
def test_normalized_by_every_step_or_by_the_scan_that_finds_nothing_to_do(raw):
    import unicodedata

    from docmine.normalize import clean_text

    s = clean_text(unicodedata.normalize("NFC", raw))
    s = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", s)
    s = re.sub(r" *([\n\t]) *", r"\1", re.sub(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", s))
    assert normalize_text(raw, repair=False) == s.strip()


@given(st.text(alphabet="aăđĐơạỹ\u00a1\u00e0\u00ff\u0100\U0001d400", max_size=30))
def test_latin_and_unicode_only_letters_counted_as_the_regexes_count_them(raw):
    latin = len(re.findall(r"[\xa1-\xff]", raw))
    marks = len(re.findall("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]", raw))
    assert _latin_and_marks(raw) == (latin, marks)


@given(st.lists(st.sampled_from(["của", "Năm", "x2", "KÕ", "ho¹ch", "-", " ", "\n", "2022", "sở,", "İ"]), max_size=20))
def test_vietnamese_score_counted_token_by_token_as_over_the_whole_text(parts):
    text = "".join(parts)
    words = re.findall(r"[^\W\d_]+", text.lower())
    expected = sum(w in _COMMON for w in words) / len(words) if words else 0.0
    assert vietnamese_score(text) == expected


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(["của ", "năm ", "x2 ", "ho¹ch ", "-", " ", "\n", "2022 ", "sở, ", "ab "]), max_size=60),
    st.sampled_from([0.0, 0.03, 0.2, 0.5]),
    st.integers(1, 12),
)
def test_score_at_least_a_share_read_in_pieces_as_the_whole_score_says(parts, share, chunk):
    text = "".join(parts)
    assert scores_at_least(text, share, chunk) == (vietnamese_score(text) >= share)


def test_score_at_least_a_share_with_the_common_words_first_or_last():
    common = "và của các năm " * 10  # 40 common words
    assert scores_at_least(common + "Wkh txlfn eurzq " * 200, 0.03, chunk=60)  # 40 of 640: 0.0625
    assert not scores_at_least("Wkh txlfn eurzq " * 600 + common, 0.03, chunk=60)  # 40 of 1,840: 0.022


def test_view_keeps_length_on_any_mix():
    raw = "Ðoà – “uỷ” — hoà—thuỷ"
    assert len(canonical(raw)) == len(raw)


def test_nfc_from_decomposed():
    decomposed = "Vie\u0302\u0323t Nam"
    assert normalize_text(decomposed) == "Việt Nam"


def test_tcvn3_and_vni():
    assert from_tcvn3("Së Lao ®éng") == "Sở Lao động"
    assert from_vni("Sôû Lao ñoäng") == "Sở Lao động"
    assert (
        repair_legacy("ChØ sè c¶i c¸ch hµnh chÝnh n¨m 2022 cña Së")
        == "Chỉ số cải cách hành chính năm 2022 của Sở"
    )
    assert (
        repair_legacy("Chæ soá caûi caùch haønh chính naêm 2022 cuûa Sôû")
        == "Chỉ số cải cách hành chính năm 2022 của Sở"
    )
    assert repair_legacy("Chỉ số cải cách hành chính") == "Chỉ số cải cách hành chính"


def test_fold():
    assert fold("Sở LAO ĐỘNG  - Thương binh") == "so lao dong - thuong binh"


def test_surrogate_halves_are_paired_and_a_lone_half_replaced():
    from docmine.normalize import valid_unicode

    assert valid_unicode("\ud835\udc00 Sở") == "\U0001d400 Sở"
    assert valid_unicode("a\ud835b\udc00") == "a\ufffdb\ufffd"
    assert normalize_text("x\ud835\udc00\ud835").encode("utf-8") == "x\U0001d400\ufffd".encode()


def test_control_characters_but_tab_and_newline_are_dropped():
    from docmine.normalize import clean_text

    raw = "Sở\x00 Nội\x07 vụ\x1b\tđạt\x85\x9f 90\r\nđiểm\x0c\ufffe"
    assert clean_text(raw) == "Sở Nội vụ\tđạt 90\nđiểm"
    assert normalize_text(raw) == "Sở Nội vụ\tđạt 90\nđiểm"


def test_messages_and_paths_leave_as_valid_one_line_text():
    import os

    from docmine.normalize import one_line, source_of

    assert one_line("pdf: lỗi \ud835\n  ở trang 2") == "pdf: lỗi \ufffd ở trang 2"
    name = source_of(os.fsdecode(b"/tmp/c\xf4ng-v\xe3n.txt"))  # a Latin-1 file name on a UTF-8 system
    assert name == "/tmp/c\\xf4ng-v\\xe3n.txt" and name.encode("utf-8")
