"""The pipeline: random bytes and random code points through every parser give a result or one clear
error, never a traceback; guarded processing in input order; tables for Parquet, CSV and XLSX."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docmine.facts import Evidence, Shortcoming
from docmine.guard import Limits
from docmine.parsers.text import from_string
from docmine.pipeline import Result, process, process_all, result_of, to_frames, write_tables
from tests.conftest import seed
from tests.pdfs import make_pdf, text_op

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# any code point, lone surrogate halves and the control characters real files carry included
CODE_POINTS = st.text(
    st.one_of(
        st.characters(), st.characters(categories=["Cs"]), st.sampled_from("\t\n\r\x00\x07\x0c\x85\u200b")
    ),
    max_size=200,
)
MAGIC = {"pdf": b"%PDF-1.7\n", "docx": b"PK\x03\x04", "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
         "html": b"<html><body><p>", "txt": b""}  # fmt: skip
SLOW = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_sound(res: Result) -> None:
    """A result whose every string is valid one-line Unicode, whose offsets hold, or one clear error."""
    rec = res.to_record()
    json.dumps(rec, ensure_ascii=False).encode("utf-8")  # strict: no surrogate leaves the pipeline
    assert all(e and "\n" not in e and not CONTROL.search(e) for e in rec["errors"])
    doc = res.document
    if doc is None:
        assert len(res.errors) == 1, res.errors
        return
    assert not CONTROL.search(doc.text), repr(doc.text)
    assert len(doc.view) == len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
    for facts in res.facts.values():
        for f in facts:
            assert doc.text[f.evidence.start : f.evidence.end] == f.evidence.text


@SLOW
@given(fmt=st.sampled_from(sorted(MAGIC)), data=st.binary(max_size=2000))
def test_random_bytes_through_every_parser(tmp_path_factory, fmt, data):
    p = tmp_path_factory.mktemp("bytes") / f"x.{fmt}"
    p.write_bytes(MAGIC[fmt] + data)
    assert_sound(process(p))


def _docx(text: str) -> bytes:
    body = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body><w:p><w:r><w:t xml:space="preserve">{body}</w:t></w:r></w:p></w:body></w:document>')  # fmt: skip
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml.encode("utf-8", errors="surrogatepass"))
    return buf.getvalue()


def _pdf(text: str) -> bytes:
    """A PDF whose text layer maps one byte code per character of ``text`` to that character's UTF-16
    code units (a lone surrogate half included), as a font's ToUnicode map may."""
    chars = list(dict.fromkeys(text))[:90]
    cmap = {
        0x21 + i: ch.encode("utf-16-be", errors="surrogatepass").hex().upper() for i, ch in enumerate(chars)
    }
    codes = bytes(0x21 + chars.index(ch) for ch in text if ch in chars)
    return make_pdf([text_op(codes + b" " + codes)], cmap=cmap or None)


ENCODE = {
    "txt": lambda t: t.encode("utf-8", errors="surrogatepass"),
    "html": lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", errors="surrogatepass"),
    "docx": _docx,
    "pdf": _pdf,
}


@SLOW
@given(fmt=st.sampled_from(sorted(ENCODE)), text=CODE_POINTS)
def test_random_code_points_through_every_parser(tmp_path_factory, fmt, text):
    p = tmp_path_factory.mktemp("text") / f"x.{fmt}"
    p.write_bytes(ENCODE[fmt](text))
    assert_sound(process(p))


@SLOW
@given(text=CODE_POINTS)
def test_random_code_points_through_the_pipeline_in_memory(text):
    assert_sound(result_of(from_string(text + "\nSở Nội vụ đạt 90,5 điểm, xếp thứ 2/18."), "id"))


def test_process_all_keeps_input_order_and_gives_each_file_its_line(tmp_path, monkeypatch):
    import docmine.pipeline

    real = docmine.pipeline.process

    def crashes_on_bad(path, doc_id=None):  # children are forked, so they run this
        if Path(path).name == "crash.txt":
            import ctypes

            ctypes.string_at(0)
        return real(path, doc_id)

    monkeypatch.setattr(docmine.pipeline, "process", crashes_on_bad)
    (tmp_path / "crash.txt").write_text("Sở Nội vụ", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [
        seed("003_a4fdff8cd5cb32b2"),
        tmp_path / "crash.txt",
        tmp_path / "empty.txt",
        seed("000_88c36853ee0d1535"),
    ]
    got = list(process_all(paths, Limits(seconds=60), workers=2))
    assert [r.source for r in got] == [str(p) for p in paths]
    assert [r.errors for r in got[1:3]] == [["worker crashed (SIGSEGV)"], ["empty file"]]
    assert got[0].facts["scores"] and got[3].document is not None


def _result_with(units: list[str], text: str) -> Result:
    doc = from_string(text)
    ev = Evidence.of(doc, 0, len(doc.text))
    return Result("x.txt", "id", doc, {"shortcomings": [Shortcoming(ev, text=text, units=units)]})


def test_parquet_tables_keep_lists_as_lists(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    units = ["Phòng Bảo trợ xã hội; Phòng Trẻ em", "Văn phòng"]
    write_tables(to_frames([_result_with(units, "Chậm gửi báo cáo"), _result_with([], "Chưa có")]), tmp_path)
    t = pq.read_table(tmp_path / "shortcomings.parquet")
    assert (
        pa.types.is_list(t.schema.field("units").type)
        and t.schema.field("units").type.value_type == pa.string()
    )
    assert t.column("units").to_pylist() == [units, []]
    empty = pq.read_table(tmp_path / "assignments.parquet")
    assert empty.num_rows == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_csv_and_xlsx_cells_never_hold_a_formula(tmp_path, fmt):
    import openpyxl
    import pandas as pd

    bad = ['=HYPERLINK("http://evil","x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    frames = to_frames([_result_with(bad, t) for t in bad])
    write_tables(frames, tmp_path, fmt)
    if fmt == "csv":
        df = pd.read_csv(tmp_path / "shortcomings.csv", keep_default_na=False)
        assert df.text.tolist() == ["'" + t for t in bad]
        assert df.units.tolist() == ["'" + "; ".join(bad)] * len(bad)  # lists joined for display
        assert (
            pd.read_csv(tmp_path / "shortcomings.csv").evidence_start.dtype.kind == "i"
        )  # numbers stay numbers
        return
    wb = openpyxl.load_workbook(tmp_path / "docmine.xlsx")
    cells = [c for row in wb["shortcomings"].iter_rows() for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    assert {c.value for c in cells if isinstance(c.value, str) and c.value.startswith("'")} >= {
        "'" + t for t in bad
    }
    assert any(
        isinstance(c.value, int) and not isinstance(c.value, bool) for c in cells
    )  # numbers stay numbers
