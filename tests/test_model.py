"""The offset invariant, on seeds in every format and on random and hostile text (hypothesis)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docmine.builder import CellSpec, DocBuilder
from docmine.parsers import parse
from tests.conftest import STEMS, seed

TOKENS = list(
    "aăâđêôơưAĐ \u0323\u0300\u0301\u0303\u0309\t\n\r-–—“”Ð\u00a0\u200b\ufeff\x00\x07¹²0123456789/.,:;()"
) + ["oà", "uỷ", "Số:", "Nơi nhận:", "KẾ HOẠCH", "C¸c", "Coâng", "ngày 07/06/2023", "\t\t"]
HOSTILE = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join) | st.text(max_size=200)


def check_offsets(doc) -> None:
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
        assert len(doc.view) == len(doc.text)
        assert doc.view[b.start : b.end] == doc.block_text(b)
        assert doc.block_text(b) == doc.block_text(b).strip() or b.kind == "table_cell"
    for t in doc.tables:
        for c in t.cells:
            assert c.table == t.index and c.row is not None and c.row + c.row_span <= t.n_rows
    for p in doc.pages:
        assert 0 <= p.start <= p.end <= len(doc.text)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("stem", STEMS)
def test_seed_offsets(stem, fmt):
    check_offsets(parse(seed(stem, fmt)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(HOSTILE, max_size=8), cells=st.lists(HOSTILE, max_size=6))
def test_builder_offsets_hold_for_any_text(parts, cells):
    b = DocBuilder("x", "txt")
    for i, t in enumerate(parts):
        b.add(t, "paragraph", sep="\n" if i % 2 else "\n\n")
    b.add_table([CellSpec(t, i // 2, i % 2) for i, t in enumerate(cells)])
    check_offsets(b.build())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_txt_parser_offsets_hold(tmp_path_factory, text):
    p: Path = tmp_path_factory.mktemp("h") / "h.txt"
    p.write_bytes(text.encode("utf-8"))
    try:
        doc = parse(p)
    except Exception as e:  # only our one-line error is allowed
        assert type(e).__name__ == "ParseError"
        return
    check_offsets(doc)
