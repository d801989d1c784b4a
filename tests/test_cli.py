"""The command line: help for every command, check's exit code and outputs, mine and export."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from docmine.cli import app
from tests.conftest import seed

runner = CliRunner()


@pytest.mark.parametrize("cmd", ["text", "blocks", "extract", "mine", "export", "check", "eval"])
def test_every_command_has_help(cmd):
    r = runner.invoke(app, [cmd, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output and len(r.output) > 200


def test_check_exits_1_on_an_error_finding_and_0_without(tmp_path):
    r = runner.invoke(app, ["check", str(seed("003_a4fdff8cd5cb32b2")), "--html", str(tmp_path / "r.html")])
    assert r.exit_code == 1 and "arith.rank_totals" in r.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = runner.invoke(app, ["check", str(seed("000_88c36853ee0d1535"))])
    assert r.exit_code == 0 and "form.number_blank" in r.output


def test_check_json_has_the_schema_tables_and_findings():
    r = runner.invoke(app, ["check", "--json", str(seed("002_40fddd4fe5f809ef"))])
    rec = json.loads(r.stdout)
    assert rec["document"]["doc_type"] == "Kế hoạch"
    assert {"form.issuer", "form.number_blank"} <= {f["code"] for f in rec["findings"]}
    assert all(set(f) == {"code", "severity", "message", "evidence"} for f in rec["findings"])


def test_check_of_an_unreadable_file(tmp_path):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    r = runner.invoke(app, ["check", str(bad)])
    assert r.exit_code == 1 and "file.unreadable" in r.output and "empty file" in r.output


def test_mine_then_export(tmp_path):
    r = runner.invoke(app, ["mine", str(seed("000_88c36853ee0d1535")), str(seed("003_a4fdff8cd5cb32b2")),
                            "--out", str(tmp_path / "ds"), "--workers", "1", "--quiet"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "2 files: 2 mined (0 with errors)" in r.output
    r = runner.invoke(app, ["export", str(tmp_path / "ds"), "--csv", str(tmp_path / "csv")])
    assert r.exit_code == 0 and (tmp_path / "csv" / "panel.csv").exists()
    assert runner.invoke(app, ["export", str(tmp_path / "ds")]).exit_code == 2
    assert (
        runner.invoke(
            app, ["mine", str(tmp_path), "--out", str(tmp_path / "x"), "--engine", "spark"]
        ).exit_code
        == 2
    )


def test_extract_json_of_a_pdf_with_surrogate_halves_is_valid_utf8(tmp_path):
    import subprocess
    import sys

    from tests.pdfs import make_pdf, text_op

    cmap = {**{k: f"{k:04X}" for k in range(0x20, 0x7F)}, ord("A"): "D835DC00", ord("X"): "D835"}
    (tmp_path / "math.pdf").write_bytes(make_pdf([text_op(b"Chi so A dat X 90 diem")], cmap=cmap))
    out = subprocess.run([sys.executable, "-m", "docmine.cli", "extract", "--json", str(tmp_path / "math.pdf"),
                          str(seed("000_88c36853ee0d1535"))], capture_output=True)  # fmt: skip
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    lines = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert [rec["errors"] for rec in lines] == [[], []]
    assert lines[1]["scores"]


def test_extract_and_check_share_the_per_file_time_limit(tmp_path, monkeypatch):
    import time

    import docmine.pipeline

    real = docmine.pipeline.process

    def hangs(path, doc_id=None):  # the children are forked, so they run this
        if str(path).endswith("slow.txt"):
            time.sleep(600)
        return real(path, doc_id)

    monkeypatch.setattr(docmine.pipeline, "process", hangs)
    slow = tmp_path / "slow.txt"
    slow.write_text("Sở Nội vụ đạt 90 điểm.", encoding="utf-8")
    r = runner.invoke(
        app, ["extract", "--json", "--timeout", "1", str(slow), str(seed("003_a4fdff8cd5cb32b2"))]
    )
    assert r.exit_code == 0
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs[0]["errors"] == ["timed out after 1 s"] and recs[0]["scores"] == []
    assert recs[1]["errors"] == [] and recs[1]["scores"]
    r = runner.invoke(app, ["check", "--timeout", "1", str(slow)])
    assert r.exit_code == 1 and "file.unreadable" in r.output and "timed out after 1 s" in r.output
    r = runner.invoke(app, ["text", "--timeout", "1", str(slow)])  # text itself parses; not patched
    assert r.exit_code == 0 and "Sở Nội vụ" in r.output


def test_extract_and_check_share_the_size_limits(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Sở Nội vụ đạt 90 điểm.\n" * 100, encoding="utf-8")
    monkeypatch.setenv("DOCMINE_MAX_TEXT_BYTES", "1000")
    r = runner.invoke(app, ["extract", "--json", str(big)])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["errors"] == [
        f"txt: text file too large: {big.stat().st_size} bytes (limit 1000; set DOCMINE_MAX_TEXT_BYTES)"
    ]
    r = runner.invoke(app, ["check", str(big)])
    assert r.exit_code == 1 and "text file too large" in r.output
    r = runner.invoke(app, ["blocks", str(big)])
    assert r.exit_code == 1 and "text file too large" in r.output


def test_extract_xlsx_cells_are_never_live_formulas(tmp_path):
    import openpyxl

    letter = tmp_path / "letter.txt"
    letter.write_text(
        '=HYPERLINK("http://evil","x")\n- Sở Nội vụ đạt 90 điểm, xếp thứ 2/18.\n', encoding="utf-8"
    )
    r = runner.invoke(app, ["extract", str(letter), "-o", str(tmp_path / "x"), "--format", "xlsx"])
    assert r.exit_code == 0
    wb = openpyxl.load_workbook(tmp_path / "x" / "docmine.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith("'=HYPERLINK") for c in cells)
