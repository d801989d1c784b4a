"""Case-blind words found where their first letters are."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from docmine.caseblind import CASES, blind_words


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
