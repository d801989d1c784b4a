"""Benchmark of ``docmine mine`` against merely reading the same files, and its peak memory.

Builds a corpus from the bundled seeds and layouts (each copy made byte-distinct, so none is
deduplicated): by default 200 documents (100 PDF, 50 DOCX, 50 TXT). It times

* read-only: pdfplumber's ``extract_text`` on every PDF page plus python-docx reading every
  paragraph and table cell plus reading every TXT, in one process;
* ``docmine mine --workers 2`` on the same files (wall time of the command, start-up included),

prints both and their ratio (goal: at most 0.5), then the peak memory of ``docmine mine`` for
each size given with ``--sizes`` (RSS sampled every 50 ms: the sum over the process tree, the
main process, the largest worker; pages the forked workers share are counted in each).

    .venv/bin/python bench/mine_bench.py                 # 200 documents
    .venv/bin/python bench/mine_bench.py --sizes 200,2000
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


def build(folder: Path, n: int) -> list[Path]:
    """n documents: half PDF, a quarter DOCX, a quarter TXT, cycling over the five seeds, named so
    that the formats interleave (pdf, docx, pdf, txt, ...) the way they do in a real archive folder."""
    folder.mkdir(parents=True, exist_ok=True)
    order = ["pdf", "docx", "pdf", "txt"]
    out = []
    for k in range(n):
        fmt = order[k % 4]
        src = sorted((SEEDS / fmt).glob(f"*.{fmt}")) if fmt != "txt" else sorted(SEEDS.glob("*.txt"))
        i = k // 4 * order.count(fmt) + order[: k % 4].count(fmt)  # the i-th copy of this format
        s = src[i % len(src)]
        dst = folder / f"{k:05d}_{s.name}"
        data = s.read_bytes()
        if fmt == "pdf":
            data += f"\n%bench copy {i}\n".encode()
        elif fmt == "txt":
            data += b"\n" + f"(bench copy {i})".encode() + b"\n"
        else:
            buf = io.BytesIO()
            with (
                zipfile.ZipFile(io.BytesIO(data)) as zin,
                zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout,
            ):
                for item in zin.infolist():
                    zout.writestr(item, zin.read(item.filename))
                zout.comment = f"bench copy {i}".encode()
            data = buf.getvalue()
        dst.write_bytes(data)
        out.append(dst)
    return out


def read_only(files: list[Path]) -> float:
    import docx
    import pdfplumber

    t = time.perf_counter()
    for p in files:
        if p.suffix == ".pdf":
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        elif p.suffix == ".docx":
            d = docx.Document(str(p))
            _ = [para.text for para in d.paragraphs]
            _ = [c.text for tb in d.tables for row in tb.rows for c in row.cells]
        else:
            p.read_text(encoding="utf-8", errors="replace")
    return time.perf_counter() - t


def run_mine(folder: Path, out: Path, workers: int = 2) -> tuple[float, dict[str, float]]:
    """Wall seconds and peak RSS (MiB) of ``docmine mine``: the whole process tree, the main
    process, and the largest worker."""
    exe = Path(sys.executable).with_name("docmine")
    cmd = [str(exe), "mine", str(folder), "--out", str(out), "--workers", str(workers), "--quiet"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = {"tree": 0.0, "main": 0.0, "worker": 0.0}
    trees: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                main = root.memory_info().rss / 2**20
                kids = [c.memory_info().rss / 2**20 for c in root.children(recursive=True)]
                peak["tree"] = max(peak["tree"], main + sum(kids))
                if len(kids) >= 2:  # steady state: the workers are up
                    trees.append(main + sum(kids))
                peak["main"] = max(peak["main"], main)
                peak["worker"] = max([peak["worker"], *kids])
            except psutil.Error:
                pass
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    stop.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"docmine mine failed: {err}")
    print("   ", err.strip().splitlines()[-1])
    peak["median"] = statistics.median(trees) if trees else 0.0
    return wall, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="200", help="comma-separated corpus sizes for the memory figures")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="docmine-bench-"))
    try:
        files = build(tmp / "c200", 200)
        ro = read_only(files)
        wall, peak = run_mine(tmp / "c200", tmp / "out200", args.workers)
        print(f"200 documents (100 PDF, 50 DOCX, 50 TXT), {args.workers} workers")
        print(f"  read-only (pdfplumber + python-docx, one process): {ro:7.1f} s")
        print(f"  docmine mine:                                      {wall:7.1f} s")
        print(f"  ratio mine / read-only:                            {wall / ro:7.2f}  (goal <= 0.50)")
        print("  memory (RSS, MiB): peak of the process tree / peak main process / peak largest worker"
              " / median of the process tree while mining")  # fmt: skip
        print(f"  {200:6d} documents: {peak['tree']:5.0f} / {peak['main']:5.0f} / {peak['worker']:5.0f}"
              f" / {peak['median']:5.0f}")  # fmt: skip
        for n in sizes:
            if n == 200:
                continue
            build(tmp / f"c{n}", n)
            w, pk = run_mine(tmp / f"c{n}", tmp / f"out{n}", args.workers)
            print(f"  {n:6d} documents: {pk['tree']:5.0f} / {pk['main']:5.0f} / {pk['worker']:5.0f}"
                  f" / {pk['median']:5.0f}   ({w:.1f} s, {n / w:.1f} documents/s)")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
