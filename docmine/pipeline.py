"""Parse, extract, collect: a Result per document; errors are recorded, never raised.

>>> r = process("corpora/seeds/003_a4fdff8cd5cb32b2.txt")
>>> r.errors, r.facts["scores"][0].value
([], 86.8)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from docmine.facts import Fact
from docmine.model import Document, ParseError
from docmine.parsers import parse
from extractors import EXTRACTORS

TABLES = ["citations", "scores", "criteria", "metrics", "targets", "shortcomings", "assignments"]


@dataclass
class Result:
    source: str
    doc_id: str
    document: Document | None = None
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def to_record(self) -> dict:
        """The schema-v1 JSON object of ``docmine extract --json``."""
        info = self.facts.get("document") or []
        rec: dict = {
            "source": self.source,
            "doc_id": self.doc_id,
            "document": info[0].to_dict() if info else {},
        }
        for t in TABLES:
            rec[t] = [f.to_dict() for f in self.facts.get(t, [])]
        rec["errors"] = list(self.errors)
        return rec


def file_id(path: str | Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


def extract_all(doc: Document) -> tuple[dict[str, list[Fact]], list[str]]:
    """Run every registered extractor; one failing extractor costs only its own table."""
    facts: dict[str, list[Fact]] = {}
    errors: list[str] = []
    for name, fn in EXTRACTORS.items():
        try:
            facts[name] = fn(doc)
        except Exception as e:  # noqa: BLE001 - recorded per document, the batch goes on
            facts[name] = []
            errors.append(f"extractor {name}: {type(e).__name__}: {e}")
    return facts, errors


def process(path: str | Path, doc_id: str | None = None) -> Result:
    """Parse and extract one file; any failure becomes a one-line error in the Result."""
    res = Result(str(path), doc_id or file_id(path))
    try:
        res.document = parse(path)
    except ParseError as e:
        res.errors.append(str(e))
        return res
    return result_of(res.document, res.doc_id, res.errors, res.source)


def result_of(
    doc: Document, doc_id: str, errors: list[str] | None = None, source: str | None = None
) -> Result:
    """The Result of a parsed document: every extractor run, parser warnings and extractor errors kept."""
    res = Result(source or doc.source, doc_id, doc, errors=[*(errors or []), *doc.warnings])
    res.facts, errs = extract_all(doc)
    res.errors.extend(errs)
    return res


def to_frames(results: list[Result]) -> dict[str, pd.DataFrame]:
    """One pandas DataFrame per table; every row keyed by doc_id and source, with its evidence."""
    rows: dict[str, list[dict]] = {t: [] for t in ["documents", *TABLES, "errors"]}
    for r in results:
        key = {"doc_id": r.doc_id, "source": r.source}
        for f in r.facts.get("document", []):
            rows["documents"].append({**key, **_flat(f.to_dict())})
        for t in TABLES:
            rows[t].extend({**key, **_flat(f.to_dict())} for f in r.facts.get(t, []))
        rows["errors"].extend({**key, "error": e} for e in r.errors)
    return {t: pd.DataFrame(v) for t, v in rows.items()}


def _flat(d: dict) -> dict:
    ev = d.pop("evidence")
    return {**d, **{f"evidence_{k}": v for k, v in ev.items()}}


def write_tables(frames: dict[str, pd.DataFrame], out: Path, fmt: str = "parquet") -> None:
    """Write each table as ``out/<table>.<fmt>`` (xlsx: one workbook, a sheet per table)."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        with pd.ExcelWriter(out / "docmine.xlsx") as xw:
            for name, df in frames.items():
                _stringify(df).to_excel(xw, sheet_name=name[:31], index=False)
        return
    for name, df in frames.items():
        if fmt == "csv":
            df.to_csv(out / f"{name}.csv", index=False)
        elif fmt == "parquet":
            _stringify(df).to_parquet(out / f"{name}.parquet", index=False)
        else:
            raise ValueError(f"unknown format {fmt!r}: use parquet, csv or xlsx")


def _stringify(df: pd.DataFrame) -> pd.DataFrame:
    """Lists become '; '-joined strings so every engine can store them."""
    df = df.copy()
    for c in df.columns:
        if df[c].map(lambda v: isinstance(v, list)).any():
            df[c] = df[c].map(lambda v: "; ".join(v) if isinstance(v, list) else v)
    return df
