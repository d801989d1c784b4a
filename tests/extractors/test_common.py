"""Helpers the extractors share: case-blind words found fast."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common import CASES, blind_cues, blind_words, cue_of, cue_pattern, earliest_cue


def test_each_letter_is_the_class_a_case_blind_pattern_takes_it_for():
    any_of = re.compile(f"(?i)[{''.join(CASES)}]")  # the BMP: no letter past it is one of these to (?i)
    near = [chr(c) for c in range(0x10000) if any_of.fullmatch(chr(c))]
    for letter, same in CASES.items():
        assert [c for c in near if re.fullmatch(f"(?i){letter}", c)] == sorted(same)


_WORDS = ["tồn\\s+tại", "thiếu sót", "hạn chế", "khó khăn", "khuyết", "chưa tốt", "chưa", "đạt", "mất điểm"]
_PIECES = ["Tồn tại", "TỒN\nTẠI", "thiếu sót", "HẠN CHẾ", "khó khăn", "\u212aHUYẾT", "chưa tốt", "CHƯA", "Đạt",
           "mất ĐIỂM", " ", "t", "k", "ồn tại", "x"]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_blind_words_match_where_and_as_the_case_blind_alternation_does(parts):
    text = "".join(parts)
    found = [m.span() for m in blind_words(_WORDS).finditer(text)]
    assert found == [m.span() for m in re.finditer("|".join(_WORDS), text, re.IGNORECASE)]


_CUES = ["kinh phí|ngân sách", "(?:cần|phải) (?:được )?sửa đổi|ISO", "chuyển đổi số|số hóa|kinh phí cho"]
_CUE_PIECES = ["kinh phí", "KINH PHÍ", "ngân sách", "cần sửa đổi", "PHẢI ĐƯỢC SỬA ĐỔI", "İSO", "ıso", "chuyển đổi số",
               "Số hóa", "kinh phí cho", " ", "x", "cần"]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=6))
def test_the_earliest_cue_found_by_blind_words_is_the_one_the_case_blind_cues_find(parts):
    text = "".join(parts)
    assert earliest_cue(blind_cues(_CUES), text) == cue_of(cue_pattern(_CUES, re.IGNORECASE), text)
