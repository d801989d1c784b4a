"""docmine mine: resume after kill -9, reruns that add nothing, duplicates, bad files, the Dask engine."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from docmine.dataset import DATA_TABLES
from docmine.mine import Limits, discover, mine
from tests.conftest import SEEDS

TABLES = [*DATA_TABLES, "files"]


def corpus(tmp: Path, formats=("txt", "docx", "pdf")) -> Path:
    """The seeds in the given formats, copied so the test owns the paths."""
    c = tmp / "corpus"
    for fmt in formats:
        src = sorted(SEEDS.glob("*.txt")) if fmt == "txt" else sorted((SEEDS / fmt).glob(f"*.{fmt}"))
        (c / fmt).mkdir(parents=True)
        for p in src:
            shutil.copy(p, c / fmt / p.name)
    return c


def tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every Parquet table, in a stable order and without the time a row was written."""
    res = {}
    for t in TABLES:
        df = pd.read_parquet(out / f"{t}.parquet").drop(columns=["mined_at"], errors="ignore")
        keys = [k for k in ("path", "doc_id", "seq", "error") if k in df.columns]
        res[t] = df.sort_values(keys).reset_index(drop=True)
    return res


def assert_same(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for t in TABLES:
        pd.testing.assert_frame_equal(ta[t], tb[t], obj=t)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ref")
    c = corpus(tmp)
    s = mine([c], tmp / "out", workers=2, progress=False)
    return c, tmp / "out", s


def test_mine_writes_every_table_with_rows_keyed_to_documents(reference):
    c, out, s = reference
    assert (s.files, s.mined, s.errors, s.duplicates) == (15, 15, 0, 0)
    t = tables(out)
    assert len(t["documents"]) == 15
    assert set(t["scores"].doc_id) <= set(t["documents"].doc_id)
    row = t["scores"][t["scores"].evidence_text.str.contains("92,35")].iloc[0]
    assert (row["value"], row["rank"], row["rank_total"]) == (92.35, 3, 18)
    assert (out / "docmine.duckdb").exists()
    # the same letter as .txt, .docx and .pdf is one letter
    letters = t["documents"].groupby("letter_id").format.apply(sorted)
    assert all(v == ["docx", "pdf", "txt"] for v in letters)
    assert len(letters) == 5


def test_rerun_adds_nothing(reference, tmp_path):
    c, out, _ = reference
    again = tmp_path / "again"
    shutil.copytree(out, again)
    s = mine([c], again, workers=1, resume=True, progress=False)
    assert (s.mined, s.skipped) == (0, 15)
    assert_same(out, again)
    s = mine([c], again, workers=2, progress=False)  # a full run without --resume rebuilds: same tables
    assert s.mined == 15
    assert_same(out, again)


def test_resume_after_kill_9_gives_the_uninterrupted_tables(reference, tmp_path):
    c, ref_out, _ = reference
    out = tmp_path / "killed"
    code = (
        "import sys; from docmine.mine import mine\n"
        f"mine([{str(c)!r}], {str(out)!r}, workers=1, progress=False, commit_every=1,\n"
        "     on_done=lambda o: print('done', o.task.path, flush=True))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    seen = 0
    while seen < 5:
        line = proc.stdout.readline()
        assert line, "the mining process ended before it could be killed"
        seen += line.startswith("done")
    assert proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.2)
    import duckdb

    con = duckdb.connect(str(out / "docmine.duckdb"), read_only=True)
    committed = con.execute("SELECT count(*) FROM files").fetchone()[0]
    con.close()
    assert 4 <= committed < 15  # killed mid-run, with part of the work committed
    s = mine([c], out, workers=2, resume=True, progress=False)
    assert s.mined == 15 - committed
    assert_same(ref_out, out)


def test_same_bytes_twice_is_one_document_and_a_bad_file_is_one_error_row(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, c / "a.txt")
    shutil.copy(seed, c / "copy.txt")
    (c / "empty.pdf").write_bytes(b"")
    (c / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    s = mine([c], tmp_path / "out", workers=2, progress=False)
    assert (s.files, s.mined, s.duplicates, s.errors) == (4, 3, 1, 2)
    t = tables(tmp_path / "out")
    assert len(t["documents"]) == 1
    assert sorted(t["files"].status) == ["done", "duplicate", "error", "error"]
    errs = dict(zip(t["errors"].source.map(lambda p: Path(p).name), t["errors"].error, strict=True))
    assert errs["empty.pdf"] == "empty file"
    assert "docx" in errs["broken.docx"] and "\n" not in errs["broken.docx"]


def test_a_file_over_the_time_limit_is_an_error_row_and_the_rest_is_mined(tmp_path, monkeypatch):
    import docmine.mine

    real = docmine.mine.process

    def hangs_on_slow(path, doc_id=None):  # the workers are forked, so they run this too
        if str(path).endswith("slow.txt"):
            time.sleep(60)
        return real(path, doc_id)

    monkeypatch.setattr(docmine.mine, "process", hangs_on_slow)
    c = corpus(tmp_path, ("txt",))
    (c / "txt" / "slow.txt").write_text("Sở Nội vụ đạt 90 điểm.", encoding="utf-8")
    t0 = time.monotonic()
    s = mine([c], tmp_path / "out", workers=2, progress=False, limits=Limits(seconds=2))
    assert time.monotonic() - t0 < 30
    assert (s.mined, s.errors) == (6, 1)
    errs = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errs.source.map(lambda p: Path(p).name).tolist() == ["slow.txt"]
    assert errs.error.tolist() == ["timed out after 2 s"]
    assert len(pd.read_parquet(tmp_path / "out" / "documents.parquet")) == 5


def test_discover_walks_folders_for_supported_formats_only(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.PDF", "b.docx", "sub/c.txt", "sub/d.htm", "e.json", ".hidden/f.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.name for p in discover([tmp_path])] == ["a.PDF", "b.docx", "c.txt", "d.htm"]


def test_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown engine"):
        mine([SEEDS], tmp_path, engine="spark", progress=False)


def test_dask_engine_on_a_local_cluster_gives_the_local_tables(reference, tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    c, ref_out, _ = reference
    s = mine([c], tmp_path / "dask", workers=2, engine="dask", progress=False)
    assert s.mined == 15
    assert_same(ref_out, tmp_path / "dask")
    # the per-file guard runs inside the dask workers too: sizes and time
    monkeypatch.setenv("DOCMINE_MAX_TEXT_BYTES", "10")  # read by the workers, which the cluster starts now
    s = mine([c / "txt", c / "docx"], tmp_path / "dask-limits", workers=1, engine="dask", progress=False,
             limits=Limits(seconds=0.001))  # fmt: skip
    assert (s.mined, s.errors) == (10, 10)
    errs = tables(tmp_path / "dask-limits")["errors"].error
    assert sorted(set(e.split(":")[0] for e in errs)) == ["timed out after 0.001 s", "txt"]


def test_a_worker_that_crashes_or_is_killed_is_an_error_row_and_the_run_goes_on(tmp_path, monkeypatch):
    import ctypes

    import docmine.mine

    real = docmine.mine.process

    def dies(path, doc_id=None):  # the children are forked, so they run this
        name = Path(path).name
        if name == "segfault.txt":
            ctypes.string_at(0)  # a crash inside a native library
        if name == "oom.txt":
            os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
        if name == "bug.txt":
            raise RuntimeError("a bug\nin two lines")
        return real(path, doc_id)

    monkeypatch.setattr(docmine.mine, "process", dies)
    c = corpus(tmp_path, ("txt",))
    for i, name in enumerate(("segfault.txt", "oom.txt", "bug.txt")):
        (c / "txt" / name).write_text(f"Sở Nội vụ đạt {90 + i} điểm.", encoding="utf-8")
    s = mine([c], tmp_path / "out", workers=2, progress=False, limits=Limits(seconds=60))
    assert (s.files, s.mined, s.errors) == (8, 8, 3)
    t = tables(tmp_path / "out")
    errs = dict(zip(t["errors"].source.map(lambda p: Path(p).name), t["errors"].error, strict=True))
    assert errs == {
        "segfault.txt": "worker crashed (SIGSEGV)",
        "oom.txt": "worker killed, likely for using too much memory (SIGKILL)",
        "bug.txt": "RuntimeError: a bug",
    }
    assert len(t["documents"]) == 5 and sorted(t["files"].status.value_counts().items()) == [
        ("done", 5),
        ("error", 3),
    ]


def test_a_file_over_the_memory_limit_is_an_error_row(tmp_path, monkeypatch):
    import docmine.mine

    real = docmine.mine.process

    def greedy(path, doc_id=None):
        if Path(path).name == "greedy.txt":
            return len(bytearray(1 << 31))  # 2 GiB
        return real(path, doc_id)

    monkeypatch.setattr(docmine.mine, "process", greedy)
    c = corpus(tmp_path, ("txt",))
    (c / "txt" / "greedy.txt").write_text("Sở Nội vụ", encoding="utf-8")
    s = mine([c], tmp_path / "out", workers=2, progress=False, limits=Limits(seconds=60, memory=512 << 20))
    assert (s.mined, s.errors) == (6, 1)
    errs = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errs.error.tolist() == ["out of memory (over the limit of 512 MiB)"]


def test_rows_that_cannot_be_stored_make_an_error_row_not_an_abort(tmp_path, monkeypatch):
    import docmine.mine

    real = docmine.mine.rows_of

    def broken_rows(res):
        rows = real(res)
        if Path(res.source).name.startswith("003"):
            rows["scores"][0]["rank"] = "not a number"
            rows["documents"][0]["subject"] = "lone \ud835 half"
        return rows

    monkeypatch.setattr(docmine.mine, "rows_of", broken_rows)
    c = corpus(tmp_path, ("txt",))
    s = mine([c], tmp_path / "out", workers=2, progress=False)
    assert (s.mined, s.errors) == (5, 1)
    t = tables(tmp_path / "out")
    assert len(t["documents"]) == 4
    (err,) = t["errors"].error
    assert err.startswith("rows could not be stored: ")


def test_a_pdf_with_surrogate_halves_and_a_good_file_beside_it_are_both_mined(tmp_path):
    from tests.pdfs import make_pdf, text_op

    c = tmp_path / "c"
    c.mkdir()
    cmap = {**{k: f"{k:04X}" for k in range(0x20, 0x7F)}, ord("A"): "D835DC00", ord("X"): "D835"}
    (c / "math.pdf").write_bytes(make_pdf([text_op(b"Chi so A dat X 90 diem")], cmap=cmap))
    shutil.copy(seed_txt := sorted(SEEDS.glob("*.txt"))[0], c / seed_txt.name)
    s = mine([c], tmp_path / "out", workers=2, progress=False)
    assert (s.mined, s.errors) == (2, 0)
    t = tables(tmp_path / "out")
    assert len(t["documents"]) == 2 and t["errors"].empty
    assert sorted(t["files"].status) == ["done", "done"]


def test_a_second_writer_is_refused_with_the_pid_of_the_first(tmp_path):
    from typer.testing import CliRunner

    from docmine.cli import app
    from docmine.dataset import DatasetBusy, Store

    out = tmp_path / "out"
    first = Store(out)
    try:
        with pytest.raises(DatasetBusy, match=f"is in use by PID {os.getpid()}"):
            mine([SEEDS], out, workers=1, progress=False)
        r = CliRunner().invoke(app, ["mine", str(SEEDS), "--out", str(out), "--quiet"])
        assert r.exit_code == 1 and f"is in use by PID {os.getpid()}" in r.output
    finally:
        first.close()
    s = mine([sorted(SEEDS.glob("*.txt"))[0]], out, workers=1, progress=False)  # free again
    assert s.mined == 1


def test_the_lock_of_a_killed_run_does_not_block_resume(tmp_path):
    out = tmp_path / "out"
    code = f"from docmine.dataset import Store; s = Store(__import__('pathlib').Path({str(out)!r})); print('locked', flush=True); __import__('time').sleep(600)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parent.parent)  # fmt: skip
    assert proc.stdout.readline().strip() == "locked"
    from docmine.dataset import DatasetBusy

    with pytest.raises(DatasetBusy, match=f"PID {proc.pid}"):
        mine([SEEDS], out, workers=1, resume=True, progress=False)
    proc.kill()
    proc.wait()
    s = mine([sorted(SEEDS.glob("*.txt"))[0]], out, workers=1, resume=True, progress=False)
    assert s.mined == 1


def test_file_names_that_are_not_utf8_are_mined_and_resumed(tmp_path):
    c = tmp_path / "c"
    c.mkdir()
    name = os.fsdecode(b"c\xf4ng-v\xe3n.txt")  # a Latin-1 name on a UTF-8 file system
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], c / name)
    s = mine([c], tmp_path / "out", workers=1, progress=False)
    assert (s.mined, s.errors) == (1, 0)
    t = tables(tmp_path / "out")
    assert t["files"].path.iloc[0].endswith("c\\xf4ng-v\\xe3n.txt")
    s = mine([c], tmp_path / "out", workers=1, resume=True, progress=False)
    assert (s.mined, s.skipped) == (0, 1)
