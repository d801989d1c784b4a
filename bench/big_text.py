"""How a large plain text fares: extracted within the limits, or refused at once.

Builds texts of the given sizes from the bundled seed letters (repeated, as an archive's
concatenated export would be; and the same text on one line, as a text without line breaks) and
times ``docmine extract --json`` on each (one core, start-up included), and the refusal alone
inside the library (``pipeline.process_all``, no worker started).

    .venv/bin/python bench/big_text.py                    # 20 MB and 10 MB
    .venv/bin/python bench/big_text.py --sizes 20,10,5,2
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "seeds"


def build(path: Path, mb: float, one_line: bool = False) -> Path:
    seeds = "".join(p.read_text(encoding="utf-8") + "\n\n" for p in sorted(SEEDS.glob("*.txt")))
    if one_line:
        seeds = " ".join(seeds.split()) + " "
    n = int(mb * 1024 * 1024)
    data = (seeds * (n // len(seeds.encode()) + 1)).encode()[:n]
    path.write_bytes(data[: len(data.decode("utf-8", errors="ignore").encode())])  # whole characters
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20,10", help="sizes in MB, comma separated")
    args = ap.parse_args()
    from docmine.pipeline import process_all

    with tempfile.TemporaryDirectory() as tmp:
        for mb in map(float, args.sizes.split(",")):
            for one_line in (False, True):
                p = build(Path(tmp) / f"{mb:g}mb{'-one-line' if one_line else ''}.txt", mb, one_line)
                t0 = time.monotonic()
                proc = subprocess.run([sys.executable, "-m", "docmine.cli", "extract", "--json", str(p)],
                                      capture_output=True, text=True, cwd=ROOT)  # fmt: skip
                wall = time.monotonic() - t0
                rec = json.loads(proc.stdout) if proc.stdout.strip() else {}
                errors = rec.get("errors", [])
                facts = sum(len(rec.get(k, [])) for k in ("citations", "scores", "criteria", "metrics",
                                                           "targets", "shortcomings", "assignments"))  # fmt: skip
                t0 = time.monotonic()
                lib = next(process_all([p])) if errors else None
                refuse = time.monotonic() - t0
                shape = "one line" if one_line else "lines"
                size = f"{p.stat().st_size / 2**20:.1f} MB, {shape}"
                if errors and lib is not None and lib.document is None:
                    print(f"{size}: refused in {refuse * 1000:.0f} ms inside the library "
                          f"({wall:.2f} s for the whole command, Python start-up included): {errors[0]}")  # fmt: skip
                else:
                    print(
                        f"{size}: extracted in {wall:.1f} s (command, one core), {facts} facts, errors {errors}"
                    )


if __name__ == "__main__":
    main()
