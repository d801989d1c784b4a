from docmine.legacy import from_tcvn3, from_vni, repair_legacy
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
