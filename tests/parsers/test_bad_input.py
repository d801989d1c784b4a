"""Every bad-input class gives a one-line ParseError, and the CLI reports it without a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from docmine.model import ParseError
from docmine.parsers import parse


def test_empty_file(tmp_path: Path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    with pytest.raises(ParseError, match="empty"):
        parse(p)


def test_missing_file(tmp_path: Path):
    with pytest.raises(ParseError, match="cannot read"):
        parse(tmp_path / "nope.txt")


def test_huge_file_refused_before_reading(tmp_path: Path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 5000)
    monkeypatch.setenv("DOCMINE_MAX_BYTES", "1000")
    with pytest.raises(ParseError, match="too large"):
        parse(p)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("x.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj trailer <<>>"),
        ("x.docx", b"PK\x03\x04garbage"),
        ("x.txt", bytes(range(256)) * 10),
        ("x.txt", b"\x00\x01\x02" * 1000),
        ("x.html", b"<html><body></body></html>"),
    ],
)
def test_errors_are_one_line(tmp_path: Path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ParseError) as e:
        parse(p)
    assert "\n" not in str(e.value) and str(e.value)


def test_cli_reports_one_line_and_no_traceback(tmp_path: Path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.4 broken")
    out = subprocess.run(
        [sys.executable, "-m", "docmine.cli", "text", str(p)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "bad.pdf: error: pdf" in out.stderr


def test_a_text_file_over_the_text_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_text("Sở Nội vụ đạt 90 điểm.\n" * 200, encoding="utf-8")
    monkeypatch.setenv("DOCMINE_MAX_TEXT_BYTES", "1000")
    with pytest.raises(
        ParseError, match=r"txt: text file too large: \d+ bytes \(limit 1000; set DOCMINE_MAX_TEXT_BYTES\)"
    ):
        parse(p)


def test_a_document_whose_text_is_over_the_character_limit_is_refused(tmp_path: Path, monkeypatch):
    p = tmp_path / "long.txt"
    p.write_text("Sở Nội vụ đạt 90 điểm.\n" * 200, encoding="utf-8")
    monkeypatch.setenv("DOCMINE_MAX_CHARS", "500")
    with pytest.raises(ParseError, match=r"text too long to extract: \d+ characters \(limit 500"):
        parse(p)
