from docmine.memo import PerWord


def test_each_word_is_worked_out_once_and_all_forgotten_past_the_limit():
    calls: list[str] = []

    def upper(w: str) -> str:
        calls.append(w)
        return w.upper()

    memo = PerWord(upper, limit=2)
    assert [memo[w] for w in ("sở", "nội", "sở")] == ["SỞ", "NỘI", "SỞ"]
    assert calls == ["sở", "nội"]
    assert memo["vụ"] == "VỤ" and dict(memo) == {"vụ": "VỤ"}  # the third word: the two before forgotten
