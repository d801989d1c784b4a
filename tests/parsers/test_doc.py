import shutil
from pathlib import Path

import pytest

from docmine.model import ParseError
from docmine.parsers import doc as doc_parser
from docmine.parsers import parse, sniff

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_doc_is_sniffed_by_content():
    assert sniff(OLE + b"\x00" * 100, ".txt") == "doc"


def test_doc_without_a_converter_is_a_clear_error(tmp_path: Path, monkeypatch):
    p = tmp_path / "old.doc"
    p.write_bytes(OLE + b"\x00" * 600)
    monkeypatch.setattr(doc_parser.shutil, "which", lambda name: None)
    with pytest.raises(ParseError, match="install antiword or LibreOffice"):
        parse(p)


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_broken_doc_with_antiword_is_an_error(tmp_path: Path):
    p = tmp_path / "broken.doc"
    p.write_bytes(OLE + b"\x00" * 600)
    with pytest.raises(ParseError, match="doc"):
        parse(p)
