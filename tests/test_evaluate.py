"""The product's own scorer, on the bundled seeds and gold, and on hand-made pairs."""

from docmine.evaluate import evaluate, same, score_table
from docmine.pipeline import process
from tests.conftest import GOLD, SEEDS


def test_seed_extraction_meets_the_issue_figures():
    records = [process(p).to_record() for p in sorted(SEEDS.glob("*.txt"))]
    report = evaluate(GOLD, records)
    p, r, f = report.overall
    assert f >= 0.90
    assert all(row["field_f1"] >= 0.75 for row in report.rows() if row["gold"])
    assert report.evidence_ok == report.evidence_total > 100


def test_same_by_kind():
    assert same("num", 92.35, "92,35")
    assert same("ref", "Số: 0414/QĐ-UBND", "414/QĐ-UBND")
    assert same("code", "01", "1")
    assert same("name", "Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH")
    assert not same("unit", "%", "đơn vị")


def test_unmatched_prediction_costs_all_its_fields():
    c = score_table("targets", [], [{"value": 100, "unit": "%", "op": "=", "year": 2023}])
    assert (c.tp, c.fp, c.fn, c.facts_fp) == (0, 4, 0, 1)
