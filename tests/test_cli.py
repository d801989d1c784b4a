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
