"""Mine a real archive folder the way a user would and print what happened to every file.

Runs ``docmine mine FOLDER --out DIR`` (the per-file limits: ``--timeout``, ``--max-memory``) as a
separate process and prints: its exit code (an abort is any other than 0), tracebacks on its
stderr, files done / error / duplicate and whether every file found has its row, the errors of
files that could not be read grouped by message, the warnings of files that were read, the wall
time, PDF pages per second per core, and peak memory (the process tree sampled every 0.2 s; the
largest single process as the kernel counted it).

    .venv/bin/python bench/archive.py /work/archive
    .venv/bin/python bench/archive.py /work/archive --workers 2 --timeout 300 --fresh-ocr-cache
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_mine(folder: Path, out: Path, args: argparse.Namespace, env: dict) -> tuple[int, str, float, int]:
    """Run docmine mine; return exit code, stderr, wall seconds and the peak RSS of its process tree."""
    cmd = [sys.executable, "-m", "docmine.cli", "mine", str(folder), "--out", str(out), "--quiet",
           "--workers", str(args.workers), "--timeout", str(args.timeout), "--max-memory", str(args.max_memory)]  # fmt: skip
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        ps = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                peak = max(peak, tree_rss(ps))
            except psutil.Error:
                return
            stop.wait(0.2)

    threading.Thread(target=sample, daemon=True).start()
    _, err = proc.communicate()
    stop.set()
    return proc.returncode, err, time.monotonic() - t0, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--out", type=Path, help="dataset folder (default: a temporary one)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--max-memory", type=int, default=3072, help="MiB per file")
    ap.add_argument(
        "--fresh-ocr-cache", action="store_true", help="OCR every scanned page again (empty cache)"
    )
    args = ap.parse_args()

    import pandas as pd

    from docmine.mine import discover

    files = discover([args.folder])
    kinds = collections.Counter(p.suffix.lower().lstrip(".") for p in files)
    env = dict(os.environ)
    tmp = tempfile.TemporaryDirectory()
    if args.fresh_ocr_cache:
        env["DOCMINE_CACHE"] = str(Path(tmp.name) / "cache")
    out = args.out or Path(tmp.name) / "dataset"
    print(
        f"folder: {args.folder} ({len(files)} files: {', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})"
    )
    print(f"workers {args.workers} on {os.cpu_count()} cores, timeout {args.timeout:g} s, "
          f"memory {args.max_memory} MiB per file, OCR cache {'empty' if args.fresh_ocr_cache else 'as found'}")  # fmt: skip
    code, stderr, wall, peak = run_mine(args.folder, out, args, env)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    tracebacks = stderr.count("Traceback (most recent call last)")
    print(f"exit code {code} ({'no abort' if code == 0 else 'ABORTED'}); tracebacks on stderr: {tracebacks}")
    if code != 0 or tracebacks:
        print("stderr (tail):\n" + "\n".join(stderr.strip().splitlines()[-20:]))
    if not (out / "files.parquet").exists():
        print("no dataset written")
        sys.exit(1)
    t = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("files", "errors", "documents")}
    status = t["files"].status.value_counts()
    rows = set(t["files"].path)
    from docmine.normalize import source_of

    missing = [p for p in files if source_of(p) not in rows]
    print(f"files: {len(t['files'])} rows for {len(files)} files found ({'every file a row' if not missing else f'{len(missing)} WITHOUT a row'}); "
          + ", ".join(f"{s} {status.get(s, 0)}" for s in ("done", "error", "duplicate")))  # fmt: skip
    failed = set(t["files"][t["files"].status == "error"].doc_id)
    errs = t["errors"]
    for title, part in (("errors of files not read", errs[errs.doc_id.isin(failed)]),
                        ("warnings and extractor errors of files read", errs[~errs.doc_id.isin(failed)])):  # fmt: skip
        print(f"{title}, by message ({len(part)}):")
        groups = collections.Counter(re.sub(r"\d+", "N", m) for m in part.error)
        for msg, n in groups.most_common():
            print(f"  {n:4d}  {msg[:150]}")
    docs = t["documents"]
    pages = int(docs.pages.fillna(0).sum())
    pdf_pages = int(docs[docs.format == "pdf"].pages.fillna(0).sum())
    print(f"wall time: {wall:.1f} s; {len(docs)} documents, {pdf_pages} PDF pages ({pages} pages in all)")
    print(f"speed: {pdf_pages / wall / args.workers:.2f} PDF pages per second per core; "
          f"{len(t['files']) / wall:.2f} files per second")  # fmt: skip
    print(f"peak RSS: process tree {peak / 2**20:.0f} MiB (sampled; forked children count shared pages), "
          f"largest single process {largest / 2**20:.0f} MiB")  # fmt: skip
    tmp.cleanup()


if __name__ == "__main__":
    main()
