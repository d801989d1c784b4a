"""Speed of PDF parsing against pypdfium2's raw text, and of the other formats per KB of text.

For every digital PDF in the folders (a PDF with a page of fewer than 40 letters in its text layer
is a scan, or part scan: listed and skipped), in one run so the figures compare:

* raw: ``page.get_textpage().get_text_range()`` on every page (pypdfium2, nothing else);
* parse: :func:`docmine.parsers.parse`;
* extract: :func:`docmine.pipeline.extract_all` on the parsed document;
* mine w1 / w2: ``docmine mine --workers 1`` and ``--workers 2`` on a temporary copy of the digital
  PDFs (``--out`` a temporary folder); the in-run seconds the command reports, less the same figure
  for a one-file run (start-up, model warm-up, dataset export), per page. With ``--repeat N``, the
  fastest of N runs of each (raw, mine, and the one-file run; the mine runs in turn). The raw text
  is read again just before each one-worker run, and each run's ratio to that raw time printed: the
  machine's speed drifts over minutes, so a ratio of two figures taken minutes apart varies more
  than one of figures taken side by side. A folder of fewer than ``--min-pages`` pages (300) is
  mined as copies of its PDFs up to that many (each copy distinct by a comment after its end), so
  that its mine figure is more than start-up jitter.

Each figure is ms per page and its ratio to raw (goal: mine <= 3x raw; two workers >= 1.8x the pages/s
of one), with peak RSS of the largest mine worker (psutil, sampled every 50 ms) and of this process
after parsing. DOCX, DOC and TXT files in the folders are parsed and extracted too, reported in KB of
text per second next to the digital PDFs' figure.

    .venv/bin/python bench/pdf_speed.py /work/archive /work/shared/dev/files
    .venv/bin/python bench/pdf_speed.py FOLDER --no-mine      # parse and extract only
    .venv/bin/python bench/pdf_speed.py FOLDER --repeat 5     # raw and each mine run 5 times, the fastest kept
"""

from __future__ import annotations

import argparse
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pypdfium2 as pdfium

MIN_LETTERS = 40  # a page with fewer letters in its text layer is taken for a scan
OTHER = (".docx", ".doc", ".txt")


@dataclass
class Figures:
    """Seconds spent per stage over a set of files, with their pages and KB of text."""

    files: int = 0
    pages: int = 0
    kb: float = 0.0
    raw: float = 0.0
    parse: float = 0.0
    extract: float = 0.0
    cpu: dict[str, float] = field(default_factory=lambda: {"raw": 0.0, "parse": 0.0, "extract": 0.0})
    skipped: list[str] = field(default_factory=list)


def text_pages(path: Path) -> tuple[int, float, float, bool]:
    """Pages, seconds (wall and CPU) of raw pypdfium2 text extraction, and whether every page has a
    text layer.

    >>> text_pages(Path("missing.pdf"))
    (0, 0.0, 0.0, False)
    """
    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, FileNotFoundError):
        return 0, 0.0, 0.0, False
    try:
        n, digital, wall, cpu = len(pdf), True, 0.0, 0.0
        for i in range(n):
            t, c = time.perf_counter(), time.process_time()
            page = pdf[i]
            text = page.get_textpage().get_text_range()
            wall, cpu = wall + time.perf_counter() - t, cpu + time.process_time() - c
            digital = digital and sum(c.isalpha() for c in text) >= MIN_LETTERS
            page.close()
        return n, wall, cpu, digital
    finally:
        pdf.close()


def measure(files: list[Path], repeat: int = 1) -> tuple[Figures, Figures, list[Path]]:
    """Figures for the digital PDFs and for the other formats, and the digital PDFs themselves; the
    raw text of each PDF read ``repeat`` times, the fastest kept."""
    from docmine.parsers import parse
    from docmine.pipeline import extract_all

    pdfs, other, digital = Figures(), Figures(), []
    for p in files:
        if p.suffix.lower() == ".pdf":
            runs = [text_pages(p) for _ in range(max(repeat, 1))]
            n, ok = runs[0][0], runs[0][3]
            raw, raw_cpu = min(r[1] for r in runs), min(r[2] for r in runs)
            if not ok:
                pdfs.skipped.append(p.name)
                continue
            fig = pdfs
            fig.pages += n
            fig.raw += raw
            fig.cpu["raw"] += raw_cpu
            digital.append(p)
        elif p.suffix.lower() in OTHER:
            fig = other
        else:
            continue
        t, c = time.perf_counter(), time.process_time()
        doc = parse(p)
        t1, c1 = time.perf_counter(), time.process_time()
        extract_all(doc)
        t2, c2 = time.perf_counter(), time.process_time()
        fig.files += 1
        fig.parse += t1 - t
        fig.extract += t2 - t1
        fig.cpu["parse"] += c1 - c
        fig.cpu["extract"] += c2 - c1
        fig.kb += len(doc.text.encode("utf-8")) / 1024
    return pdfs, other, digital


def run_mine(folder: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """In-run seconds of ``docmine mine`` (as the command reports them), the CPU seconds of its whole
    process tree (start-up included), and the peak RSS (MiB) of its largest worker."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    code = "from docmine.cli import app; app()"
    cmd = [sys.executable, "-c", code, "mine", str(folder), "--out", str(out), "--workers", str(workers),
           "--quiet"]  # fmt: skip
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        root, kids, k = psutil.Process(proc.pid), [], 0
        while not stop.is_set():
            try:
                if k % 10 == 0:  # finding the children scans /proc: every 0.5 s, their RSS every 50 ms
                    kids = root.children(recursive=True)
                k += 1
                peak[0] = max([peak[0], *(c.memory_info().rss / 2**20 for c in kids if c.is_running())])
            except psutil.Error:
                pass
            time.sleep(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    stop.set()
    th.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    m = re.search(r"; ([\d.]+) s\s*$", err)
    if proc.returncode != 0 or m is None:
        raise SystemExit(f"docmine mine failed: {err}")
    return float(m.group(1)), cpu, peak[0]


def mine_figures(pdfs: list[Path], pages: int, tmp: Path, repeat: int = 1, min_pages: int = 0) -> dict[str, float]:
    """Seconds of ``docmine mine`` on copies of ``pdfs`` with one and two workers, less a one-file run,
    for one copy of each; each run ``repeat`` times, the fastest kept. Where the PDFs have fewer than
    ``min_pages`` pages, each is copied as many times as it takes (a copy made distinct by a comment
    after its end, so the dataset does not skip it as a duplicate): a folder of a few pages is
    mined in less time than the command's start-up varies by."""
    folder = tmp / "pdfs"
    folder.mkdir()
    copies = max(1, -(-min_pages // max(pages, 1)))
    for p in pdfs:
        data = p.read_bytes()
        for k in range(copies):
            (folder / f"{p.stem}-{k}{p.suffix}").write_bytes(data + (f"\n% copy {k}\n".encode() if k else b""))
    one = tmp / "one"
    one.mkdir()
    (one / "one.txt").write_text("Sở Nội vụ đạt 90,5 điểm, xếp thứ 2/18.\n", encoding="utf-8")
    runs = [(w, k) for k in range(repeat) for w in (0, 1, 2)]  # in turn, so a slow spell hits all three
    got: dict[int, list[tuple[float, float, float]]] = {0: [], 1: [], 2: []}
    raw: list[float] = []  # the raw text of the PDFs read again just before each one-worker run
    for w, k in runs:
        if w == 1:
            raw.append(sum(text_pages(p)[1] for p in pdfs))
        got[w].append(run_mine(one if w == 0 else folder, tmp / f"out{w}-{k}", max(w, 1)))
    base, base_cpu = min(r[0] for r in got[0]), min(r[1] for r in got[0])
    out: dict = {"base": base, "base_cpu": base_cpu, "copies": copies}
    out["paired"] = [(r / pages, max(m[0] - base, 1e-9) / copies / pages) for r, m in zip(raw, got[1], strict=True)]
    for w in (1, 2):
        secs, cpu = min(r[0] for r in got[w]), min(r[1] for r in got[w])
        out[f"w{w}"], out[f"cpu{w}"] = max(secs - base, 1e-9) / copies, max(cpu - base_cpu, 1e-9) / copies
        out[f"rss{w}"] = max(r[2] for r in got[w])
    return out


def report(name: str, pdfs: Figures, other: Figures, mined: dict[str, float] | None) -> None:
    """Print the figures of one folder."""
    print(f"\n== {name}: {pdfs.files} digital PDFs, {pdfs.pages} pages; {len(pdfs.skipped)} scans skipped")
    if pdfs.skipped:
        print("   scans:", ", ".join(pdfs.skipped))
    if pdfs.pages:
        cpu = pdfs.cpu
        ms = {"raw": (pdfs.raw, cpu["raw"]), "parse": (pdfs.parse, cpu["parse"]),
              "extract": (pdfs.extract, cpu["extract"]),
              "parse+extract": (pdfs.parse + pdfs.extract, cpu["parse"] + cpu["extract"])}  # fmt: skip
        if mined:
            ms |= {"mine w1": (mined["w1"], mined["cpu1"]), "mine w2": (mined["w2"], mined["cpu2"])}
        print("   stage          wall ms/page  x raw   CPU ms/page  x raw   (mine CPU: all its processes)")
        for k, (wall, c) in ms.items():
            print(f"   {k:14s} {1000 * wall / pdfs.pages:9.1f} {wall / pdfs.raw:8.1f}"
                  f" {1000 * c / pdfs.pages:11.1f} {c / cpu['raw']:7.1f}")  # fmt: skip
        if mined:
            if mined["copies"] > 1:
                print(f"   mine runs on {mined['copies']:.0f} copies of each PDF ({mined['copies'] * pdfs.pages:.0f} pages),"
                      " figures per page")  # fmt: skip
            pairs = "; ".join(f"{1000 * r:.1f} / {1000 * m:.1f} ms = {m / r:.2f}x" for r, m in mined["paired"])
            ratios = sorted(m / r for r, m in mined["paired"])
            print(f"   mine w1 against raw read just before it, run by run: {pairs}; median {ratios[len(ratios) // 2]:.2f}x")
            print(f"   2 workers: {mined['w1'] / mined['w2']:.2f}x the pages/s of one (wall);"
                  f" mine start-up (one-file run) {mined['base']:.1f} s, {mined['base_cpu']:.1f} s CPU")  # fmt: skip
            print(
                f"   peak RSS of the largest worker: w1 {mined['rss1']:.0f} MiB, w2 {mined['rss2']:.0f} MiB"
            )
        _kb_line("PDF text:", pdfs)
    if other.files:
        _kb_line(f"DOCX/DOC/TXT ({other.files} files):", other)


def _kb_line(label: str, fig: Figures) -> None:
    """KB of text per second, wall and CPU, parse alone and parse+extract."""
    both = fig.cpu["parse"] + fig.cpu["extract"]
    print(f"   {label} {fig.kb / fig.parse:7.1f} KB/s parse, {fig.kb / (fig.parse + fig.extract):6.1f} KB/s"
          f" parse+extract; CPU: {fig.kb / fig.cpu['parse']:7.1f} and {fig.kb / both:6.1f} KB/s"
          f" ({fig.kb:.0f} KB)")  # fmt: skip


def per_format(files: list[Path]) -> None:
    """KB of text per second of each non-PDF format, parse alone."""
    from docmine.parsers import parse

    for suffix in OTHER:
        group = [p for p in files if p.suffix.lower() == suffix]
        if not group:
            continue
        kb, secs = 0.0, 0.0
        for p in group:
            t = time.perf_counter()
            doc = parse(p)
            secs += time.perf_counter() - t
            kb += len(doc.text.encode("utf-8")) / 1024
        print(f"   {suffix:5s} {len(group):3d} files {kb:7.0f} KB  {kb / secs:8.1f} KB/s parse")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--no-mine", action="store_true", help="skip the docmine mine runs")
    ap.add_argument("--repeat", type=int, default=1, help="raw and mine runs of each kind, the fastest kept")
    ap.add_argument("--min-pages", type=int, default=300, help="mine copies of the PDFs up to this many pages")
    args = ap.parse_args()
    import docmine.warm  # noqa: F401 - models loaded before any timing

    # the interpreter counts: Debian's python3.11 parses and extracts about a tenth faster than pyenv's
    # default build of 3.11 on the same machine, while the raw pass (pdfium's C) runs the same
    print(f"python {platform.python_version()} ({sys.executable})")
    for folder in args.folders:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        pdfs, other, digital = measure(files, args.repeat)
        pdfs.files = len(digital)
        mined = None
        if digital and not args.no_mine:
            tmp = Path(tempfile.mkdtemp(prefix="docmine-pdfspeed-"))
            try:
                mined = mine_figures(digital, pdfs.pages, tmp, args.repeat, args.min_pages)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        report(str(folder), pdfs, other, mined)
        per_format(files)
    print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
