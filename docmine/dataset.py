"""The mined dataset: one DuckDB file that is the journal of a run, and Parquet tables exported
from it, both written atomically.

Rows are built per document (:func:`rows_of`) with a fixed Arrow schema per table
(:data:`SCHEMAS`, derived from the fact dataclasses), so every run writes the same columns
whatever the documents contain. A batch of documents is committed in one DuckDB
transaction together with its ``files`` rows, so a killed run loses at most that batch,
and ``--resume`` redoes exactly what is missing. Parquet files are written to a temporary
name and renamed.

>>> sorted(SCHEMAS)[:3]
['assignments', 'citations', 'criteria']
>>> SCHEMAS["scores"].field("rank").type
DataType(int64)
"""

from __future__ import annotations

import ctypes
import dataclasses
import os
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from pathlib import Path

import pandas as pd
import pyarrow as pa

from docmine import canon
from docmine.facts import (
    Assignment,
    Citation,
    Criterion,
    DocumentInfo,
    Fact,
    Metric,
    Score,
    Shortcoming,
    Target,
)
from docmine.pipeline import TABLES, Result, for_spreadsheet, one_line, source_of

try:
    VERSION = _version("docmine")
except PackageNotFoundError:  # run from a source tree that is not installed
    VERSION = "0+unknown"
FACT_TYPES: dict[str, type[Fact]] = {
    "citations": Citation, "scores": Score, "criteria": Criterion, "metrics": Metric,
    "targets": Target, "shortcomings": Shortcoming, "assignments": Assignment,
}  # fmt: skip
_ARROW = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
          "list[str]": pa.list_(pa.string())}  # fmt: skip
_EVIDENCE = [("evidence_page", pa.int64()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
             ("evidence_text", pa.string())]  # fmt: skip
_KEY = [("doc_id", pa.string()), ("source", pa.string())]
_EXTRA: dict[str, list[tuple[str, pa.DataType]]] = {
    "scores": [("entity_canonical", pa.string()), ("province", pa.string()), ("province_2025", pa.string())],
    "criteria": [("entity_canonical", pa.string()), ("province", pa.string())],
    "shortcomings": [("entity_canonical", pa.string()), ("province", pa.string())],
    "assignments": [("issuer_canonical", pa.string())],
}


def _fields(cls: type) -> list[tuple[str, pa.DataType]]:
    out = []
    for f in dataclasses.fields(cls):
        if f.name == "evidence":
            continue
        name = str(f.type).replace(" | None", "").replace("typing.", "")
        out.append((f.name, _ARROW[name]))
    return out


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        _KEY
        + [("format", pa.string()), ("pages", pa.int64()), ("chars", pa.int64())]
        + _fields(DocumentInfo)
        + _EVIDENCE
        + [
            ("issuer_canonical", pa.string()),
            ("province_canonical", pa.string()),
            ("province_2025", pa.string()),
            ("letter_id", pa.string()),
            ("docmine_version", pa.string()),
        ]  # fmt: skip
    ),
    **{
        t: pa.schema(_KEY + [("seq", pa.int64())] + _fields(c) + _EXTRA.get(t, []) + _EVIDENCE)
        for t, c in FACT_TYPES.items()
    },  # fmt: skip
    "errors": pa.schema(_KEY + [("error", pa.string())]),
    "files": pa.schema(
        [
            ("path", pa.string()),
            ("doc_id", pa.string()),
            ("size", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("status", pa.string()),
            ("mined_at", pa.timestamp("us", tz="UTC")),
        ]
    ),  # fmt: skip
}
DATA_TABLES = ["documents", *TABLES, "errors"]


def _flat(f: Fact) -> dict:
    d = f.to_dict()
    ev = d.pop("evidence")
    return {**d, **{f"evidence_{k}": v for k, v in ev.items()}}


def rows_of(res: Result) -> dict[str, list[dict]]:
    """The rows one document adds to each table, canonical names beside the names as written.

    >>> from docmine.pipeline import process
    >>> rows = rows_of(process("corpora/seeds/000_88c36853ee0d1535.txt"))
    >>> s = rows["scores"][0]
    >>> s["entity_canonical"], s["province"], s["rank"], s["rank_total"]
    ('Sở Lao động - Thương binh và Xã hội', 'Ninh Bình', 3, 18)
    """
    key = {"doc_id": res.doc_id, "source": res.source}
    out: dict[str, list[dict]] = {t: [] for t in DATA_TABLES}
    out["errors"] = [{**key, "error": e} for e in res.errors]
    if res.document is None:
        return out
    info_facts = res.facts.get("document") or []
    info = _flat(info_facts[0]) if info_facts else {}
    issuer = canon.agency(info.get("issuer"))
    prov = canon.province(info.get("province"))
    doc = res.document
    out["documents"].append({
        **key, **info, "format": doc.format, "pages": len(doc.pages) or None, "chars": len(doc.text),
        "issuer_canonical": issuer, "province_canonical": prov, "province_2025": canon.province_2025(prov),
        "letter_id": canon.letter_id(info.get("doc_type"), info.get("number"), info.get("symbol"),
                                     info.get("issuer"), info.get("date"), info.get("subject")),
        "docmine_version": VERSION,
    })  # fmt: skip
    for t in TABLES:
        for i, f in enumerate(res.facts.get(t, [])):
            row = {**key, "seq": i, **_flat(f)}
            if t == "scores":
                p = canon.province(row.get("entity")) or prov
                row.update(entity_canonical=canon.agency(row.get("entity")) or issuer, province=p,
                           province_2025=canon.province_2025(p), index=canon.index_name(row.get("index")))  # fmt: skip
            elif t in ("criteria", "shortcomings"):
                row.update(entity_canonical=issuer, province=prov)
            elif t == "assignments":
                row["issuer_canonical"] = issuer
            out[t].append(row)
    return out


PANEL_SQL = """
SELECT entity_canonical AS entity, province, province_2025, "index", year,
       mode(value) AS value, mode(unit) AS unit, mode(rank) AS rank, mode(rank_total) AS rank_total,
       count(DISTINCT value) > 1 OR count(DISTINCT rank) > 1 OR count(DISTINCT rank_total) > 1 AS conflict,
       list(DISTINCT value ORDER BY value) FILTER (WHERE value IS NOT NULL) AS "values",
       list(DISTINCT rank ORDER BY rank) FILTER (WHERE rank IS NOT NULL) AS ranks,
       list(DISTINCT entity ORDER BY entity) AS entity_as_written,
       list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
       list(DISTINCT source ORDER BY source) AS sources
FROM scores
WHERE year IS NOT NULL AND entity_canonical IS NOT NULL AND (value IS NOT NULL OR rank IS NOT NULL)
GROUP BY ALL
ORDER BY entity, province, "index", year
"""
VIEWS = {
    "panel": PANEL_SQL,
    "letters": """SELECT letter_id, any_value(doc_type) AS doc_type, any_value(number) AS number,
                  any_value(symbol) AS symbol, any_value(issuer_canonical) AS issuer, any_value(date) AS date,
                  list(doc_id ORDER BY format) AS doc_ids, list(format ORDER BY format) AS formats,
                  list(source ORDER BY format) AS sources
                  FROM documents WHERE letter_id IS NOT NULL GROUP BY letter_id""",
    "shortcoming_areas": """SELECT year, area, count(*) AS n, count(DISTINCT doc_id) AS documents
                  FROM shortcomings WHERE area IS NOT NULL GROUP BY year, area ORDER BY year, n DESC""",
}


class DatasetBusy(Exception):
    """Another process is writing the dataset folder."""


def lock(out: Path):
    """Hold the dataset's writer lock (``out/.docmine.lock``, an ``flock`` the system drops when its
    process dies, so a killed run never leaves a stale lock); raise :class:`DatasetBusy` naming the
    PID that holds it. Returns the open lock file: the lock lasts until it is closed.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); held = lock(d)
    >>> try:
    ...     lock(d)
    ... except DatasetBusy as e:
    ...     str(e).startswith(f"dataset {d} is in use by PID {os.getpid()}")
    True
    """
    import fcntl

    f = open(out / ".docmine.lock", "a+")  # held open for the life of the Store
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.seek(0)
        pid = f.read().strip() or "?"
        f.close()
        raise DatasetBusy(
            f"dataset {out} is in use by PID {pid} (another docmine mine is writing it); "
            "wait for it to finish or choose another --out"
        ) from None
    f.seek(0)
    f.truncate()
    f.write(f"{os.getpid()}\n")
    f.flush()
    return f


class Store:
    """The DuckDB journal of one dataset folder. One writer: the folder's lock is taken before anything
    is read or removed, and a second writer gets :class:`DatasetBusy`."""

    def __init__(self, out: Path, fresh: bool = False) -> None:
        import duckdb

        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock = lock(self.out)
        self.path = self.out / "docmine.duckdb"
        if fresh:
            for p in (self.path, self.path.with_name(self.path.name + ".wal")):
                p.unlink(missing_ok=True)
        self._connect = lambda: duckdb.connect(str(self.path), config={"threads": 1, "memory_limit": "256MB"})
        try:
            self.con = self._connect()
        except BaseException:
            self._lock.close()
            raise
        self._commits = 0
        for name, schema in SCHEMAS.items():
            cols = ", ".join(f'"{f.name}" {_sql_type(f.type)}' for f in schema)
            self.con.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})')
        self._pending: dict[str, list[pa.Table]] = {t: [] for t in SCHEMAS}

    def known_files(self) -> dict[str, tuple[str, int, int]]:
        """path -> (doc_id, size, mtime_ns) of every file a committed batch recorded."""
        rows = self.con.execute("SELECT path, doc_id, size, mtime_ns FROM files").fetchall()
        return {p: (d, s, m) for p, d, s, m in rows}

    def known_docs(self) -> set[str]:
        return {
            r[0]
            for r in self.con.execute(
                "SELECT DISTINCT doc_id FROM files WHERE status <> 'duplicate'"
            ).fetchall()
        }

    def add(self, path: str, doc_id: str, size: int, mtime_ns: int, status: str,
            rows: dict[str, list[dict]] | None = None) -> str:  # fmt: skip
        """Queue one file's rows; they become visible at the next :meth:`commit`. Rows that do not
        fit the schema make the file an error row instead. Returns the file's status."""
        source = source_of(path)
        try:
            tables = {t: pa.Table.from_pylist(rs, schema=SCHEMAS[t]) for t, rs in (rows or {}).items() if rs}
        except Exception as e:  # noqa: BLE001 - one file's bad row never stops a run
            err = {
                "doc_id": doc_id,
                "source": source,
                "error": f"rows could not be stored: {one_line(str(e))}",
            }
            tables, status = {"errors": pa.Table.from_pylist([err], schema=SCHEMAS["errors"])}, "error"
        for t, tab in tables.items():
            self._pending[t].append(tab)
        self._pending["files"].append(pa.Table.from_pylist(
            [{"path": source, "doc_id": doc_id, "size": size, "mtime_ns": mtime_ns, "status": status,
              "mined_at": datetime.now(UTC)}], schema=SCHEMAS["files"]))  # fmt: skip
        return status

    @property
    def pending(self) -> int:
        return len(self._pending["files"])

    def commit(self) -> None:
        """Write every queued row in one transaction."""
        if not self.pending:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            for t, rs in self._pending.items():
                if rs:
                    batch = pa.concat_tables(rs)  # noqa: F841 - read by name below
                    self.con.execute(f'INSERT INTO "{t}" BY NAME SELECT * FROM batch')
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self._pending = {t: [] for t in SCHEMAS}
        self._commits += 1
        if self._commits % 8 == 0:  # DuckDB keeps what it read and wrote cached: a fresh connection
            self.con.close()  # keeps this process (and the workers forked from it) the same size
            self.con = self._connect()  # however many documents the archive holds
        _release_memory()

    def export(self) -> None:
        """Views in DuckDB, and one Parquet file per table, each renamed into place whole."""
        for name, sql in VIEWS.items():
            self.con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
        for t in [*DATA_TABLES, "files"]:
            final = self.out / f"{t}.parquet"
            tmp = self.out / f".{t}.parquet.tmp"
            # a streaming copy in commit order (an ORDER BY would hold the whole table in memory), in
            # small row groups, so the writer's memory stays the same however large the archive
            self.con.execute(f"COPY \"{t}\" TO '{tmp}' (FORMAT parquet, ROW_GROUP_SIZE 10000)")
            os.replace(tmp, final)
        self.con.execute("CHECKPOINT")

    def close(self) -> None:
        self.con.close()
        self._lock.close()


def _release_memory() -> None:
    """Give freed memory back to the system, so that the workers forked later (they start as a
    copy of this process) do not inherit the heap the previous batches left behind."""
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _sql_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return "VARCHAR[]"
    if pa.types.is_timestamp(t):
        return "TIMESTAMPTZ"
    return {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN"}[t]


def connect(out: str | Path):
    """An in-memory DuckDB over a dataset folder's Parquet tables, with the same views.

    >>> import tempfile; con = connect(tempfile.mkdtemp())
    >>> con.execute("SELECT count(*) FROM panel").fetchone()
    (0,)
    """
    import duckdb

    out = Path(out)
    con = duckdb.connect()
    for t, schema in SCHEMAS.items():
        p = out / f"{t}.parquet"
        if p.exists():
            con.execute(f"CREATE VIEW \"{t}\" AS SELECT * FROM read_parquet('{p}')")
        else:
            cols = ", ".join(f'"{f.name}" {_sql_type(f.type)}' for f in schema)
            con.execute(f'CREATE TABLE "{t}" ({cols})')
    for name, sql in VIEWS.items():
        con.execute(f'CREATE VIEW "{name}" AS {sql}')
    return con


def panel(out: str | Path) -> pd.DataFrame:
    """One row per (entity, province, index, year): value, unit, rank, rank_total, the documents
    it came from, and ``conflict`` when they disagree (every value is kept in ``values``)."""
    return connect(out).sql("SELECT * FROM panel").df()


def table(out: str | Path, name: str) -> pd.DataFrame:
    """One table or view of a dataset folder as a DataFrame."""
    return connect(out).sql(f'SELECT * FROM "{name}"').df()


def export(out: str | Path, xlsx: Path | None = None, csv: Path | None = None) -> list[str]:
    """Write the tables and views as one Excel workbook (a sheet each) and/or CSV files: lists joined
    with ``"; "`` for reading (Parquet and DuckDB keep them as lists), formula-like text neutralised."""
    names = [*DATA_TABLES, "files", *VIEWS]
    frames = {n: table(out, n) for n in names}
    if xlsx is not None:
        tmp = xlsx.with_name(f".{xlsx.name}.tmp")
        with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
            for n, df in frames.items():
                for_spreadsheet(df, limit=32000).to_excel(xw, sheet_name=n[:31], index=False)
        os.replace(tmp, xlsx)
    if csv is not None:
        csv.mkdir(parents=True, exist_ok=True)
        for n, df in frames.items():
            tmp = csv / f".{n}.csv.tmp"
            for_spreadsheet(df).to_csv(
                tmp, index=False, lineterminator="\r\n"
            )  # RFC 4180: a CR in a cell is quoted
            os.replace(tmp, csv / f"{n}.csv")
    return names
