"""Extraction speed: KB of normalized text per second on one core, parsing excluded.

    python bench/extract_speed.py [FOLDER ...] [--repeat N] [--profile]

Every file under the folders (default: ``../shared/dev/docs``, else the bundled seeds) is parsed
once; then all registered extractors run over the parsed documents ``--repeat`` times and the best
pass is reported, with the time per extractor. The process is set up as a ``docmine mine`` worker is
(:mod:`docmine.warm`: models loaded, the garbage collector tuned) before any timing. Times are the CPU time of this thread (one core),
so other processes on the machine do not slow the figure; the wall time is printed beside it. ``--profile`` prints the top of a cProfile run.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from docmine.mine import discover
from docmine.model import ParseError
from docmine.parsers import parse
from extractors import EXTRACTORS


def _clear_text_caches() -> None:
    """Forget what earlier passes cached per phrase (a real run sees each text once); keep the
    one-time caches (gazetteers, the spaCy pipeline: ``maxsize`` 1)."""
    import sys

    for name, mod in list(sys.modules.items()):
        if name.split(".")[0] not in ("extractors", "docmine"):
            continue
        for fn in vars(mod).values():
            info = getattr(fn, "cache_info", None)
            if info is not None and (info().maxsize or 2) > 1:
                fn.cache_clear()


def main() -> None:
    here = Path(__file__).resolve().parent.parent
    default = here.parent / "shared" / "dev" / "docs"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    folders = a.folders or [default if default.is_dir() else here / "corpora" / "seeds"]
    import docmine.warm  # noqa: F401 - as a mine worker starts: warm, the collector tuned

    docs = []
    for p in discover(folders):
        try:
            docs.append(parse(p))
        except ParseError:
            continue
    size_kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024
    per: dict[str, float] = {}
    best, best_wall = float("inf"), 0.0
    for _ in range(a.repeat):
        for d in docs:
            d.layers.clear()  # the mention layer, tables and statements are part of extraction
        _clear_text_caches()
        t0, w0 = time.thread_time(), time.perf_counter()
        times = dict.fromkeys(EXTRACTORS, 0.0)
        for d in docs:
            for name, fn in EXTRACTORS.items():
                t = time.thread_time()
                fn(d)
                times[name] += time.thread_time() - t
        cpu, wall = time.thread_time() - t0, time.perf_counter() - w0
        if cpu < best:
            best, best_wall, per = cpu, wall, times
    print(f"{len(docs)} documents, {size_kb:.0f} KB of text (UTF-8), folders: {', '.join(map(str, folders))}")
    print(
        f"extraction: {best:.3f} s of CPU ->  {size_kb / best:.0f} KB/s on one core (best of {a.repeat}; "
        f"wall {best_wall:.3f} s, {size_kb / best_wall:.0f} KB/s: lower when other processes share the core)"
    )
    for name, s in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"  {name:14} {s:7.3f} s  {100 * s / best:5.1f}%")
    if a.profile:
        for d in docs:
            d.layers.clear()  # the mention layer, tables and statements are part of extraction
        pr = cProfile.Profile()
        pr.enable()
        for d in docs:
            for fn in EXTRACTORS.values():
                fn(d)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
