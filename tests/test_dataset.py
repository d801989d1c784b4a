"""The dataset folder: canonical rows, the panel view, Excel/CSV export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from docmine.dataset import SCHEMAS, connect, export, panel, rows_of
from docmine.mine import mine
from docmine.pipeline import process
from tests.conftest import seed

LETTERS = {
    "2021.txt": "Năm 2021, Chỉ số cải cách hành chính của Sở LĐTBXH tỉnh Ninh Bình đạt 88,5 điểm, "
    "xếp thứ 5/18 sở, ban, ngành.\n",
    "2022.txt": "Năm 2022, Chỉ số cải cách hành chính của Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình "
    "đạt 92,35 điểm, xếp thứ 3/18 sở, ban, ngành.\n",
    "2022-other.txt": "Năm 2022, Chỉ số cải cách hành chính của Sở Lao động, Thương binh và Xã hội "
    "tỉnh Ninh Bình đạt 91,35 điểm, xếp thứ 3/18 sở, ban, ngành.\n",
    "nam-dinh.txt": "Năm 2022, Chỉ số cải cách hành chính của Sở LĐTBXH tỉnh Nam Định đạt 80,1 điểm, "
    "xếp thứ 9/19 sở, ban, ngành.\n",
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("panel")
    for name, text in LETTERS.items():
        (tmp / name).write_text(text, encoding="utf-8")
    mine([tmp], tmp / "out", workers=1, progress=False)
    return tmp / "out"


def test_panel_lines_up_abbreviated_and_full_agency_names_of_one_province(dataset):
    p = panel(dataset)
    nb = p[p.province == "Ninh Bình"]
    assert list(nb.entity.unique()) == ["Sở Lao động - Thương binh và Xã hội"]
    assert list(nb.year) == [2021, 2022]
    assert nb.iloc[0][["value", "rank", "rank_total"]].tolist() == [88.5, 5, 18]


def test_conflicting_values_are_flagged_and_all_kept(dataset):
    p = panel(dataset)
    row = p[(p.province == "Ninh Bình") & (p.year == 2022)].iloc[0]
    assert bool(row.conflict) is True
    assert list(row["values"]) == [91.35, 92.35]
    assert len(row.doc_ids) == 2
    assert not bool(p[p.year == 2021].iloc[0].conflict)


def test_panel_keeps_provinces_apart_and_gives_the_2025_province(dataset):
    p = panel(dataset).set_index("province")
    assert p.loc["Nam Định", "province_2025"] == "Ninh Bình"  # merged on 1 July 2025
    assert p.loc["Nam Định", "rank_total"] == 19


def test_duckdb_file_holds_the_tables_and_views(dataset):
    import duckdb

    con = duckdb.connect(str(dataset / "docmine.duckdb"), read_only=True)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "scores", "errors", "files", "panel", "letters", "shortcoming_areas"} <= names
    assert con.execute("SELECT count(*) FROM panel").fetchone()[0] == 3


def test_rows_of_a_seed_keep_written_and_canonical_names():
    rows = rows_of(process(seed("003_a4fdff8cd5cb32b2")))
    d = rows["documents"][0]
    assert d["issuer"] == "Sở Lao động thương binh và Xã hội"
    assert d["issuer_canonical"] == "Sở Lao động - Thương binh và Xã hội"
    assert (d["province_canonical"], d["province_2025"]) == ("Đắk Nông", "Lâm Đồng")
    assert set(rows) == set(SCHEMAS) - {"files"}


def test_export_writes_a_sheet_per_table_and_csv_files(dataset, tmp_path):
    names = export(dataset, tmp_path / "d.xlsx", tmp_path / "csv")
    sheets = pd.read_excel(tmp_path / "d.xlsx", sheet_name=None)
    assert set(sheets) == set(names)
    assert sheets["panel"].shape[0] == 3
    assert "Sở Lao động - Thương binh và Xã hội" in sheets["panel"].entity.tolist()
    assert pd.read_csv(tmp_path / "csv" / "scores.csv").shape[0] == 4


def test_connect_on_an_empty_folder_gives_empty_tables(tmp_path):
    con = connect(tmp_path)
    assert con.execute("SELECT count(*) FROM scores").fetchone() == (0,)


def _by_source(con, table: str) -> dict[str, list[dict]]:
    cur = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cur.description]
    out: dict[str, list[dict]] = {}
    for row in cur.fetchall():
        r = dict(zip(names, row, strict=True))
        out.setdefault(r["source"], []).append(r)
    return out


def _fact(d: dict, fields: list[str], evidence: list[str]) -> dict:
    """A fact's fields as compared: from the JSON (nested evidence) or a table row (evidence_*)."""
    ev = d.get("evidence") or {k: d[f"evidence_{k}"] for k in evidence}
    return {**{k: d[k] for k in fields}, "evidence": {k: ev[k] for k in evidence}}


def _key(f: dict) -> str:
    import json

    num = lambda v: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v  # noqa: E731
    return json.dumps({k: num(v) for k, v in f.items() if k != "evidence"} | {"ev": f["evidence"]},
                      sort_keys=True, ensure_ascii=False)  # fmt: skip


def assert_rows_equal_json(con, records: dict[str, dict]) -> None:
    """Every field of every fact of the JSON output, read back from ``con``, is equal (facts matched
    as a multiset; a number equals its float, 92 == 92.0, as JSON does not tell them apart)."""
    from docmine.pipeline import TABLES

    docs = _by_source(con, "documents")
    for source, rec in records.items():
        fields = [k for k in rec["document"] if k != "evidence"]
        evidence = list(rec["document"]["evidence"])
        (row,) = docs[source]
        assert _fact(row, fields, evidence) == rec["document"]
    for t in TABLES:
        rows = _by_source(con, t)
        for source, rec in records.items():
            if not rec[t]:
                assert source not in rows, (t, source)
                continue
            fields = [k for k in rec[t][0] if k != "evidence"]
            evidence = list(rec[t][0]["evidence"])
            want = sorted(map(_key, rec[t]))
            got = sorted(_key(_fact(r, fields, evidence)) for r in rows[source])
            assert got == want, (t, source)


def test_json_parquet_duckdb_round_trip_on_the_bundled_corpus(tmp_path):
    """extract --json, then the same documents through Parquet and DuckDB: every field the same,
    lists as lists (a unit name holding "; " is one item)."""
    import json

    import duckdb
    from typer.testing import CliRunner

    from docmine.cli import app
    from docmine.mine import discover
    from tests.conftest import SEEDS

    files = discover([SEEDS])
    assert len(files) == 15
    r = CliRunner().invoke(app, ["extract", "--json", "-o", str(tmp_path / "extract"), *map(str, files)])
    assert r.exit_code == 0
    records = {rec["source"]: rec for rec in map(json.loads, r.stdout.splitlines())}
    assert len(records) == 15 and any(d["document"]["cc"] for d in records.values())
    assert any(a["lead"] for d in records.values() for a in d["assignments"])
    mine(files, tmp_path / "ds", workers=2, progress=False)
    extract = duckdb.connect()
    for t in (
        "documents",
        "citations",
        "scores",
        "criteria",
        "metrics",
        "targets",
        "shortcomings",
        "assignments",
    ):
        extract.execute(
            f"CREATE VIEW \"{t}\" AS SELECT * FROM read_parquet('{tmp_path / 'extract' / t}.parquet')"
        )
    stored = duckdb.connect(str(tmp_path / "ds" / "docmine.duckdb"), read_only=True)
    for con in (extract, connect(tmp_path / "ds"), stored):
        assert_rows_equal_json(con, records)
    types = dict(stored.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_name = 'assignments'").fetchall())  # fmt: skip
    assert types["lead"] == types["support"] == "VARCHAR[]"


def test_a_unit_name_holding_a_semicolon_round_trips_as_one_item(tmp_path):
    import duckdb

    from docmine.dataset import Store

    units = ["Phòng Bảo trợ xã hội; trẻ em", "Văn phòng"]
    rows = rows_of(process(seed("000_88c36853ee0d1535")))
    rows["shortcomings"] = [{**rows["scores"][0], "text": "Chậm", "units": units}]
    rows["shortcomings"][0] = {
        k: v for k, v in rows["shortcomings"][0].items() if k in SCHEMAS["shortcomings"].names
    }
    store = Store(tmp_path)
    store.add("x.txt", "id", 1, 1, "done", rows)
    store.commit()
    store.export()
    store.close()
    assert pd.read_parquet(tmp_path / "shortcomings.parquet").units.iloc[0].tolist() == units
    con = duckdb.connect(str(tmp_path / "docmine.duckdb"), read_only=True)
    assert con.execute("SELECT units FROM shortcomings").fetchone()[0] == units


def test_export_neutralises_formula_like_text_and_keeps_numbers(tmp_path):
    import openpyxl

    from docmine.dataset import Store

    rows = rows_of(process(seed("000_88c36853ee0d1535")))
    rows["documents"][0]["subject"] = '=HYPERLINK("http://evil","bấm vào")'
    rows["documents"][0]["cc"] = ["@SUM(1)", "Lưu: VT"]
    store = Store(tmp_path / "ds")
    store.add("x.txt", rows["documents"][0]["doc_id"], 1, 1, "done", rows)
    store.commit()
    store.export()
    store.close()
    export(tmp_path / "ds", tmp_path / "d.xlsx", tmp_path / "csv")
    wb = openpyxl.load_workbook(tmp_path / "d.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not [c.value for c in cells if c.data_type == "f"]
    ws = wb["documents"]
    head = [c.value for c in ws[1]]
    doc = dict(zip(head, [c.value for c in ws[2]], strict=True))
    assert doc["subject"] == '\'=HYPERLINK("http://evil","bấm vào")' and doc["cc"] == "'@SUM(1); Lưu: VT"
    assert isinstance(doc["chars"], int)
    csv = pd.read_csv(tmp_path / "csv" / "documents.csv")
    assert csv.subject.iloc[0].startswith("'=") and csv.chars.dtype.kind == "i"
