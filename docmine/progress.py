"""Pages read, told by the workers to the progress bar of ``docmine mine``.

A parser calls :func:`page_read` after each PDF page. When ``DOCMINE_PROGRESS_DIR`` is set (``mine``
sets it to a folder of its own before the workers fork), the process keeps one small file there,
named by its pid, and overwrites it in place at each page (one ``pwrite`` of a fixed-width record, a
few microseconds; writing a new file and renaming it cost 0.2 ms a page, a tenth of pdfium's time to
read one): the pages it has read so far and where it is in the current file. The bar sums the files
every half second (:func:`pages`), so a long scan moves the bar page by page while the file count
stands still. Nothing is written when the variable is unset (``extract``, ``text``).

>>> import os, tempfile
>>> d = tempfile.mkdtemp(); os.environ[ENV] = d
>>> page_read(1, 3); page_read(2, 3)
>>> done, reading = pages(d)
>>> reading, done >= 2  # page 2 of 3 in flight; the pages this process read so far
([(2, 3)], True)
>>> del os.environ[ENV]
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "DOCMINE_PROGRESS_DIR"
_read = 0  # pages this process has read
_open: tuple[int, str, int] | None = None  # (pid, folder, descriptor) of this process's progress file
_WIDTH = 64  # a record is padded to this width, so each write replaces the whole of the last one


def page_read(page: int, of: int) -> None:
    """Count one page read: ``page`` (1-based) of ``of`` in the current file."""
    global _read, _open
    _read += 1
    where = os.environ.get(ENV)
    if not where:
        return
    try:
        pid = os.getpid()
        if _open is None or _open[:2] != (pid, where):  # a forked worker, or another run's folder
            _open = (pid, where, os.open(os.path.join(where, str(pid)), os.O_WRONLY | os.O_CREAT, 0o644))
        os.pwrite(_open[2], f"{_read} {page} {of}".ljust(_WIDTH).encode("ascii"), 0)
    except OSError:
        pass  # a progress file is never worth an error


def pages(where: str | Path) -> tuple[int, list[tuple[int, int]]]:
    """Pages read by all workers so far, and (page, of) of each file still being read."""
    total, current = 0, []
    try:
        entries = list(Path(where).iterdir())
    except OSError:
        return 0, []
    for f in entries:
        if f.name.startswith("."):
            continue
        try:
            done, page, of = (int(x) for x in f.read_text(encoding="ascii").split())
        except (OSError, ValueError):
            continue
        total += done
        if page < of:
            current.append((page, of))
    return total, current
