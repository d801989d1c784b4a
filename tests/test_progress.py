"""Pages read, as the workers tell the progress bar of ``docmine mine``."""

import os

from docmine import progress
from docmine.parsers import parse
from tests.pdfs import make_pdf, text_op


def test_a_parsed_pdf_counts_each_page_in_the_progress_folder(tmp_path, monkeypatch):
    where = tmp_path / "pages"
    where.mkdir()
    monkeypatch.setenv(progress.ENV, str(where))
    monkeypatch.setattr(progress, "_read", 0)
    pdf = tmp_path / "three.pdf"
    pdf.write_bytes(make_pdf([text_op(b"Page one"), text_op(b"Page two"), text_op(b"Page three")]))
    parse(pdf)
    assert (where / str(os.getpid())).read_text().rstrip() == "3 3 3"
    assert progress.pages(where) == (3, [])  # the file is read to its end: nothing in flight


def test_pages_sum_the_workers_and_list_the_files_still_being_read(tmp_path):
    (tmp_path / "101").write_text("40 40 40")  # a worker done with a 40-page file
    (tmp_path / "102").write_text("17 12 37")  # another on page 12 of 37
    (tmp_path / ".103").write_text("9 9 9")  # a file half written: not read
    (tmp_path / "104").write_text("garbled")
    assert progress.pages(tmp_path) == (57, [(12, 37)])


def test_nothing_is_written_without_the_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(progress.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    progress.page_read(1, 1)
    assert list(tmp_path.iterdir()) == []


def test_each_record_replaces_the_whole_of_the_last_one(tmp_path, monkeypatch):
    monkeypatch.setenv(progress.ENV, str(tmp_path))
    monkeypatch.setattr(progress, "_read", 999)
    progress.page_read(120, 120)  # "1000 120 120"
    monkeypatch.setattr(progress, "_read", 0)
    progress.page_read(1, 2)  # a shorter record over it
    assert progress.pages(tmp_path) == (1, [(1, 2)])


def test_a_new_folder_gets_a_file_of_its_own(tmp_path, monkeypatch):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    monkeypatch.setattr(progress, "_read", 0)
    monkeypatch.setenv(progress.ENV, str(first))
    progress.page_read(1, 5)
    monkeypatch.setenv(progress.ENV, str(second))
    progress.page_read(2, 5)
    assert progress.pages(first) == (1, [(1, 5)])
    assert progress.pages(second) == (2, [(2, 5)])
