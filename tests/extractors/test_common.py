"""Helpers the extractors share: the earliest of case-blind cues, found fast."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common import blind_cues, cue_of, cue_pattern, earliest_cue

_CUES = ["kinh phí|ngân sách", "(?:cần|phải) (?:được )?sửa đổi|ISO", "chuyển đổi số|số hóa|kinh phí cho"]
_CUE_PIECES = ["kinh phí", "KINH PHÍ", "ngân sách", "cần sửa đổi", "PHẢI ĐƯỢC SỬA ĐỔI", "İSO", "ıso", "chuyển đổi số",
               "Số hóa", "kinh phí cho", " ", "x", "cần"]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=6))
def test_the_earliest_cue_found_by_blind_words_is_the_one_the_case_blind_cues_find(parts):
    text = "".join(parts)
    assert earliest_cue(blind_cues(_CUES), text) == cue_of(cue_pattern(_CUES, re.IGNORECASE), text)
