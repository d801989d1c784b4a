import unicodedata
from pathlib import Path

import pytest

from docmine.legacy import TCVN3
from docmine.model import ParseError
from docmine.parsers import parse
from docmine.parsers.text import decode
from tests.conftest import seed

SENTENCE = "Chỉ số cải cách hành chính năm 2022 của Sở Lao động - Thương binh và Xã hội đạt 92,35 điểm, xếp thứ 3/18."
_TO_TCVN3 = {v: k for k, v in TCVN3.items()}


def _cp1258_bytes(s: str) -> bytes:
    """Windows-1258 keeps ê, ơ, ư, ă, đ precomposed and writes the tone as a combining mark."""
    out = b""
    for ch in s:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = [
                m for m in marks if m in "\u0302\u0306\u031b"
            ]  # circumflex, breve, horn stay on the letter
            tone = [m for m in marks if m not in shape]
            out += unicodedata.normalize("NFC", base + "".join(shape)).encode("cp1258") + "".join(
                tone
            ).encode("cp1258")
    return out


def _tcvn3_bytes(s: str) -> bytes:
    return "".join(_TO_TCVN3.get(ch, ch) for ch in s).encode("latin-1")


def test_seed_txt_blocks_and_table():
    doc = parse(seed("003_a4fdff8cd5cb32b2"))
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds["UBND TỈNH ĐẮK NÔNG"] == "header"
    assert kinds["Số: /SLĐTBXH-VP"] == "header"
    assert kinds["Nơi nhận:"] == "signature"
    assert kinds["Nguyễn Công Tụ"] == "signature"
    table = doc.tables[0]
    assert (table.n_rows, table.n_cols) == (8, 6)
    assert doc.table_text(table)[1][:5] == [
        "01",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "17,5",
        "11,364",
        "15/17",
    ]


def test_footnote_and_news_furniture():
    doc = parse(seed("002_40fddd4fe5f809ef"))
    notes = [doc.block_text(b) for b in doc.blocks_of("footnote")]
    assert "¹ Báo cáo CCHC quý I năm 2021." in notes
    news = parse(seed("001_55a29f03f8b9781c"))
    furniture = [news.block_text(b) for b in news.blocks_of("furniture")]
    assert "Advertisement" in furniture and "Check Also" in furniture
    assert not any("Buôn Ma Thuột" in news.block_text(b) for b in news.blocks if b.kind != "furniture")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16"),
        (SENTENCE.encode("utf-16-le"), "utf-16"),
        (_cp1258_bytes(SENTENCE), "cp1258"),
        (_tcvn3_bytes(SENTENCE), "tcvn3"),
    ],
)
def test_decode_encodings(data, encoding):
    text, enc = decode(data)
    assert enc == encoding
    assert text.startswith("Chỉ số cải cách") or "Chỉ số cải cách" in text


def test_vni_file(tmp_path: Path):
    vni = "Chæ soá caûi caùch haønh chính naêm 2022 cuûa Sôû Lao ñoäng ñaït 92,35 ñieåm, xeáp thöù 3/18."
    p = tmp_path / "vni.txt"
    p.write_bytes(vni.encode("latin-1"))
    doc = parse(p)
    assert doc.text == "Chỉ số cải cách hành chính năm 2022 của Sở Lao động đạt 92,35 điểm, xếp thứ 3/18."
    assert "warning: decoded from vni" in doc.warnings


def test_tcvn3_file(tmp_path: Path):
    p = tmp_path / "abc.txt"
    p.write_bytes(_tcvn3_bytes(SENTENCE))
    assert parse(p).text == SENTENCE


def test_binary_as_text_is_an_error(tmp_path: Path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(ParseError, match="binary"):
        parse(p)


def test_utf8_with_a_few_bad_bytes_stays_utf8_with_a_warning(tmp_path: Path):
    good = parse(seed("000_88c36853ee0d1535")).text
    raw = seed("000_88c36853ee0d1535").read_bytes()
    p = tmp_path / "hurt.txt"
    p.write_bytes(raw[:300] + b"\xff\xfe" + raw[300:])  # two stray bytes in a UTF-8 letter
    doc = parse(p)
    assert doc.text.startswith(good[:40]) and "\ufffd" in doc.text  # not garbled as TCVN3 or VNI
    assert [w for w in doc.warnings if w.startswith("warning: not UTF-8") and "2 invalid byte sequences" in w]


def test_bytes_no_legacy_encoding_explains_are_replaced_with_a_warning(tmp_path: Path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Résumé of the café menu, naïve piñata, façade and Zürich.\n".encode("latin-1") * 5)
    doc = parse(p)
    assert "R\ufffdsum\ufffd of the caf\ufffd menu" in doc.text
    assert doc.warnings and doc.warnings[0].startswith("warning: not UTF-8")


def test_a_legacy_encoding_that_explains_the_bytes_is_still_chosen_and_said(tmp_path: Path):
    p = tmp_path / "cp1258.txt"
    p.write_bytes(_cp1258_bytes(SENTENCE))
    doc = parse(p)
    assert doc.text == SENTENCE and doc.warnings == ["warning: decoded from cp1258"]


def test_a_megabyte_on_one_line_is_many_blocks_over_the_same_text(tmp_path: Path):
    from docmine.builder import MAX_BLOCK

    sentence = "Năm 2022, Chỉ số cải cách hành chính của Sở Nội vụ đạt 90,5 điểm, xếp thứ 2/18. "
    p = tmp_path / "one-line.txt"
    p.write_text(sentence * 3000, encoding="utf-8")
    doc = parse(p)
    assert doc.text == (sentence * 3000).strip()
    assert len(doc.blocks) > 50 and max(b.end - b.start for b in doc.blocks) <= MAX_BLOCK
    assert all(doc.view[b.start : b.end] == doc.block_text(b) for b in doc.blocks)
    assert doc.blocks[0].start == 0 and doc.blocks[-1].end == len(doc.text)
