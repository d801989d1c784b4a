"""Parse, extract, collect: a Result per document; errors are recorded, never raised.

>>> r = process("corpora/seeds/003_a4fdff8cd5cb32b2.txt")
>>> r.errors, r.facts["scores"][0].value
([], 86.8)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from docmine import guard
from docmine.facts import Fact
from docmine.model import Document, ParseError
from docmine.normalize import one_line, source_of
from docmine.parsers import inspect, parse
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
        rec["errors"] = [one_line(e) for e in self.errors]
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
    res = Result(source_of(path), doc_id or file_id(path))
    try:
        res.document = parse(path)
    except ParseError as e:
        res.errors.append(one_line(str(e)))
        return res
    return result_of(res.document, res.doc_id, res.errors, res.source)


def refusal(path: str | Path) -> str | None:
    """Why a file is refused before any work (missing, empty, over a size limit), or None.

    >>> refusal("corpora/seeds/003_a4fdff8cd5cb32b2.txt") is None
    True
    """
    try:
        inspect(path)
    except ParseError as e:
        return str(e)
    return None


def process_all(
    paths: Iterable[str | Path], limits: guard.Limits | None = None, workers: int = 1
) -> Iterator[Result]:
    """:func:`process` for each path under the per-file guard (time, memory, input size), in input
    order; a file refused by size, or that the guard stops, is a Result with that one error and no
    document. Refusals take no worker and no time.

    >>> [r.errors for r in process_all(["corpora/seeds/003_a4fdff8cd5cb32b2.txt", "missing.txt"])]
    [[], ['cannot read file: No such file or directory']]
    """
    limits = limits or guard.Limits()
    paths = list(paths)
    big = {i: err for i, p in enumerate(paths) if (err := refusal(p))}
    todo = [i for i in range(len(paths)) if i not in big]
    runs = guard.run(lambda i: process(paths[i]), todo, limits, workers, ordered=True)
    for i, p in enumerate(paths):
        if i in big:
            yield Result(source_of(p), file_id(p), errors=[big[i]])
            continue
        _, res, err = next(runs)
        yield res if err is None else Result(source_of(p), file_id(p), errors=[err])


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


# the declared type of every fact field (``rank: int | None`` -> "int"), so that Parquet columns are typed
# as the facts are, whatever pandas made of them (ints with gaps become floats there)
FIELD_TYPES = {
    f.name: str(f.type).replace(" | None", "") for cls in Fact.__subclasses__() for f in fields(cls)
}
FIELD_TYPES |= {
    "evidence_page": "int",
    "evidence_start": "int",
    "evidence_end": "int",
    "evidence_text": "str",
}
LIST_FIELDS = {name for name, t in FIELD_TYPES.items() if t.startswith("list")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_tables(frames: dict[str, pd.DataFrame], out: Path, fmt: str = "parquet") -> None:
    """Write each table as ``out/<table>.<fmt>`` (xlsx: one workbook, a sheet per table).

    Parquet keeps list fields (recipients, cc, units, lead, support) as ``list<string>``; CSV and
    XLSX show them joined with ``"; "`` for reading, and neutralise formula-like text (:func:`safe_cell`).
    """
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        with pd.ExcelWriter(out / "docmine.xlsx", engine="openpyxl") as xw:
            for name, df in frames.items():
                for_spreadsheet(df, limit=32000).to_excel(xw, sheet_name=name[:31], index=False)
        return
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: use parquet, csv or xlsx")
    for name, df in frames.items():
        if fmt == "csv":
            for_spreadsheet(df).to_csv(
                out / f"{name}.csv", index=False, lineterminator="\r\n"
            )  # RFC 4180: a CR in a cell is quoted
        else:
            import pyarrow.parquet as pq

            pq.write_table(_arrow(df), out / f"{name}.parquet")


def _arrow(df: pd.DataFrame):
    """The frame as an Arrow table typed as the facts are: list fields ``list<string>`` (even when every
    list is empty), ints ``int64`` with nulls, never NaN.

    >>> _arrow(pd.DataFrame({"rank": [3.0, float("nan")], "lead": [["a; b"], []]})).to_pylist()
    [{'rank': 3, 'lead': ['a; b']}, {'rank': None, 'lead': []}]
    """
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list[str]": pa.list_(pa.string())}  # fmt: skip
    cols = {}
    for c in df.columns:
        t = types.get(FIELD_TYPES.get(c, ""))
        values = [None if isinstance(v, float) and v != v else v for v in df[c].tolist()]  # NaN is a gap
        cols[c] = pa.array(values, type=t) if t is not None else pa.Array.from_pandas(df[c])
    return pa.table(cols) if cols else pa.table({})


def safe_cell(v):
    """A value for a CSV or spreadsheet cell: text that a spreadsheet would run as a formula (it starts
    with ``= + - @``, a tab or CR) gets a leading ``'``, as OWASP advises; numbers stay numbers.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("-1"), safe_cell(-1.5), safe_cell("Sở Nội vụ")
    ('\\'=HYPERLINK("http://x")', "'-1", -1.5, 'Sở Nội vụ')
    """
    return "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v


def for_spreadsheet(df: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """A copy for CSV or XLSX: lists joined with ``"; "`` (for display only; Parquet and DuckDB keep
    the lists), time zones dropped, text cut to ``limit`` characters, formula-like text neutralised."""
    df = df.copy()
    for c in df.columns:
        if isinstance(df[c].dtype, pd.DatetimeTZDtype):
            df[c] = df[c].dt.tz_localize(None)
        elif df[c].dtype == object or pd.api.types.is_string_dtype(df[c].dtype):
            df[c] = df[c].map(lambda v: _cell(v, limit)).astype(object)
    return df


def _cell(v, limit: int | None):
    if v is not None and not isinstance(v, str) and hasattr(v, "__len__"):  # a list, or an array from DuckDB
        v = "; ".join(map(str, v))
    if isinstance(v, str) and limit:
        v = v[:limit]
    return safe_cell(v)
