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
