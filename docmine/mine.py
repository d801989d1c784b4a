"""Mine an archive into a dataset folder: parallel, resumable, one bad file never stopping the run.

The work per file is one plain function, :func:`mine_file`, run by an engine under the per-file
guard (:mod:`docmine.guard`: time, memory and input-size limits; each file in a process of its
own): ``local`` (worker processes forked from this process) or ``dask`` (a ``dask.distributed`` cluster,
a ``LocalCluster`` when no scheduler address is given, each task guarding its file the same way).
The main process hashes files (doc_id = sha256 of the bytes), skips what the dataset already
holds, and commits results in batches (:class:`~docmine.dataset.Store`), holding the dataset's
writer lock for the whole run.

>>> import tempfile
>>> s = mine(["corpora/seeds/000_88c36853ee0d1535.txt"], tempfile.mkdtemp(), workers=1, progress=False)
>>> s.mined, s.errors, s.skipped
(1, 0, 0)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docmine import guard
from docmine.dataset import Store, rows_of
from docmine.guard import Limits
from docmine.parsers import SUFFIXES
from docmine.pipeline import file_id, one_line, process, refusal, source_of
from docmine.progress import ENV as PROGRESS_ENV
from docmine.progress import pages as read_pages

ENGINES = ("local", "dask")
__all__ = ["ENGINES", "Limits", "Outcome", "Summary", "Task", "discover", "mine", "mine_file"]


@dataclass(frozen=True)
class Task:
    path: str
    doc_id: str
    size: int
    mtime_ns: int


@dataclass
class Outcome:
    """What a worker sends back for one file: its rows per table, or why it failed."""

    task: Task
    rows: dict[str, list[dict]] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Summary:
    files: int = 0
    mined: int = 0
    errors: int = 0
    duplicates: int = 0
    skipped: int = 0
    seconds: float = 0.0


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every PDF, DOCX, DOC, HTML and TXT file under the given files and folders, sorted.

    >>> [p.name for p in discover(["corpora/seeds/docx"])][:2]
    ['000_88c36853ee0d1535.docx', '001_55a29f03f8b9781c.docx']
    """
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found.update(q for q in p.rglob("*") if q.suffix.lower() in SUFFIXES and q.is_file()
                         and not any(part.startswith(".") for part in q.relative_to(p).parts))  # fmt: skip
        elif p.is_file():
            found.add(p)
    return sorted(p.resolve() for p in found)


def mine_file(task: Task) -> Outcome:
    """Parse and extract one file into table rows (runs in a worker)."""
    try:
        res = process(task.path, task.doc_id)
        rows = rows_of(res)
    except MemoryError:
        raise  # the guard names the limit
    except Exception as e:  # noqa: BLE001 - a bug on one file is that file's error row
        return Outcome(task, error=guard.one_line(e))
    return Outcome(task, rows=rows)


def guarded_mine_file(task: Task, limits: Limits) -> Outcome:
    """:func:`mine_file` under the per-file guard; whatever stops it is the file's error."""
    if err := refusal(task.path):
        return Outcome(task, error=err)
    try:
        return guard.call(mine_file, task, limits)
    except guard.GuardError as e:
        return Outcome(task, error=str(e))


def run_local(tasks: Iterable[Task], workers: int, limits: Limits) -> Iterator[Outcome]:
    """Run :func:`mine_file` for each task in ``workers`` worker processes forked from this (warm)
    process; a file that is too large, too slow, too big in memory, or that crashes its worker becomes
    an error outcome, and its worker is replaced."""
    import docmine.warm  # noqa: F401 - models loaded once here, shared by the forked workers

    def checked() -> Iterator[Task]:
        for t in tasks:
            if err := refusal(t.path):
                refused.append(Outcome(t, error=err))
            else:
                yield t

    refused: list[Outcome] = []
    for t, out, err in guard.run(mine_file, checked(), limits, workers):
        yield from refused
        refused.clear()
        yield out if err is None else Outcome(t, error=err)
    yield from refused


def run_dask(
    tasks: Iterable[Task], workers: int, limits: Limits, scheduler: str | None = None
) -> Iterator[Outcome]:
    """Run :func:`guarded_mine_file` on a dask.distributed cluster (a LocalCluster without an address).

    Each task forks its file's child inside the dask worker, so the time, memory and size limits hold
    there too; a dask worker that dies itself (KilledWorker) makes its file an error outcome.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               memory_limit=limits.memory or 0, dashboard_address=None)  # fmt: skip
    client = Client(scheduler or cluster)
    try:
        it = iter(tasks)
        futures = {}
        for t in it:
            futures[client.submit(guarded_mine_file, t, limits, pure=False)] = t
            if len(futures) >= workers * 4:
                break
        ac = as_completed(list(futures))
        for fut in ac:
            t = futures.pop(fut)
            try:
                yield fut.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker and the like
                yield Outcome(t, error=guard.one_line(e))
            nxt = next(it, None)
            if nxt is not None:
                f2 = client.submit(guarded_mine_file, nxt, limits, pure=False)
                futures[f2] = nxt
                ac.add(f2)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def mine(
    paths: Iterable[str | Path],
    out: str | Path,
    workers: int | None = None,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    limits: Limits | None = None,
    progress: bool = True,
    on_done: Callable[[Outcome], None] | None = None,
    commit_every: int = 64,
) -> Summary:
    """Mine every document under ``paths`` into ``out`` (see the module docstring).

    Without ``resume`` the folder's dataset is rebuilt; with it, files already recorded
    (same path, size and mtime, or same bytes) are skipped and the rest is mined. Results
    are committed every ``commit_every`` files or two seconds, whichever comes first.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
    t0 = time.monotonic()
    workers = workers or os.cpu_count() or 1
    # each worker's scans get a share of the cores for their tesseract processes (inherited by workers)
    os.environ.setdefault("DOCMINE_OCR_WORKERS", str(max(1, (os.cpu_count() or 1) // workers)))
    limits = limits or Limits()
    files = discover(paths)
    store = Store(Path(out), fresh=not resume)  # DatasetBusy when another run holds the folder
    summary = Summary(files=len(files))
    known = store.known_files()
    docs = store.known_docs()
    waiting: dict[str, list[Task]] = {}  # doc_id in flight -> other paths with the same bytes
    pages_dir = tempfile.mkdtemp(prefix="docmine-pages-") if progress else None
    if pages_dir:  # the workers (forked below) write the pages they read there
        os.environ[PROGRESS_ENV] = pages_dir
    bar = _Bar(len(files), progress, pages_dir)

    def tasks() -> Iterator[Task]:
        for p in files:
            try:
                st = p.stat()
            except OSError:  # gone since it was found
                continue
            rec = known.get(source_of(p))
            if rec and rec[1] == st.st_size and rec[2] == st.st_mtime_ns:
                summary.skipped += 1
                bar.advance(summary)
                continue
            t = Task(str(p), file_id(p), st.st_size, st.st_mtime_ns)
            if t.doc_id in docs or t.doc_id in waiting:
                if t.doc_id in docs:
                    store.add(t.path, t.doc_id, t.size, t.mtime_ns, "duplicate")
                else:
                    waiting[t.doc_id].append(t)
                summary.duplicates += 1
                bar.advance(summary)
                continue
            waiting[t.doc_id] = []
            yield t

    run = (
        run_local(tasks(), workers, limits)
        if engine == "local"
        else run_dask(tasks(), workers, limits, scheduler)
    )
    last = time.monotonic()
    try:
        for o in run:
            t = o.task
            rows = (
                o.rows
                if o.error is None
                else {
                    "errors": [{"doc_id": t.doc_id, "source": source_of(t.path), "error": one_line(o.error)}]
                }
            )
            failed = o.error is not None or not rows.get("documents")
            failed = (
                store.add(t.path, t.doc_id, t.size, t.mtime_ns, "error" if failed else "done", rows)
                == "error"
            )
            for d in waiting.pop(t.doc_id, []):
                store.add(d.path, d.doc_id, d.size, d.mtime_ns, "duplicate")
            docs.add(t.doc_id)
            summary.mined += 1
            summary.errors += failed
            bar.advance(summary)
            if on_done is not None:
                on_done(o)
            if store.pending >= commit_every or time.monotonic() - last > 2:
                store.commit()
                last = time.monotonic()
        store.commit()
        store.export()
    finally:
        run.close()  # an error here stops the children at once instead of waiting for them
        bar.close()
        store.close()
        if pages_dir:
            os.environ.pop(PROGRESS_ENV, None)
            shutil.rmtree(pages_dir, ignore_errors=True)
    summary.seconds = time.monotonic() - t0
    return summary


class _Bar:
    """A rich progress bar on stderr: files done/total, files/s, errors so far, ETA, and the PDF pages
    read so far (with where a long file stands: ``page 12/37``), polled from the workers every half
    second, so a long scan moves the bar while the file count stands still."""

    def __init__(self, total: int, enabled: bool, pages_dir: str | None = None) -> None:
        self.p = None
        self._stop = threading.Event()
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.p = Progress(TextColumn("mining"), BarColumn(), MofNCompleteColumn(),
                          TextColumn("{task.fields[rate]} files/s  errors {task.fields[errors]}"),
                          TextColumn("{task.fields[pages]}"), TimeRemainingColumn(),
                          console=Console(stderr=True))  # fmt: skip
        self.task = self.p.add_task("mine", total=total, rate="-", errors=0, pages="")
        self.t0 = time.monotonic()
        self.p.start()
        self.pages_dir = pages_dir
        if pages_dir:
            threading.Thread(target=self._poll, daemon=True).start()

    def _poll(self) -> None:
        while not self._stop.wait(0.5):
            self._pages()

    def _pages(self) -> None:
        if self.p is None or not self.pages_dir:
            return
        done, current = read_pages(self.pages_dir)
        long = [f"page {p}/{n}" for p, n in current if n >= 10]
        self.p.update(self.task, pages=f"{done} pages" + (f" ({', '.join(long)})" if long else "") if done else "")

    def advance(self, s: Summary) -> None:
        if self.p is None:
            return
        done = s.mined + s.skipped + s.duplicates
        rate = s.mined / max(time.monotonic() - self.t0, 1e-6)
        self.p.update(self.task, completed=done, rate=f"{rate:.1f}", errors=s.errors)

    def close(self) -> None:
        self._stop.set()
        if self.p is not None:
            self._pages()
            self.p.stop()
