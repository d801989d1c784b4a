from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
SEEDS = CORPUS / "seeds"
GOLD = CORPUS / "gold"
REAL = ROOT.parent / "shared" / "real"
STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract-ocr is not installed"
)


def seed(stem: str, fmt: str = "txt") -> Path:
    return SEEDS / f"{stem}.txt" if fmt == "txt" else SEEDS / fmt / f"{stem}.{fmt}"
