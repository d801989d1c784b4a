"""The checker on the five seed documents: the real problems they contain, and no false errors."""

from __future__ import annotations

import pytest

from docmine.checks import check_file
from tests.conftest import STEMS, seed


@pytest.fixture(scope="module")
def reports():
    return {s: check_file(seed(s)) for s in STEMS}


def errors(report) -> list[str]:
    return sorted(f.code for f in report.findings if f.severity == "error")


def test_drafts_with_blank_numbers_and_dates(reports):
    for stem in ("000_88c36853ee0d1535", "002_40fddd4fe5f809ef", "003_a4fdff8cd5cb32b2"):
        found = {f.code: f for f in reports[stem].findings}
        assert found["form.number_blank"].evidence.text.startswith("Số: /")
        assert "ngày" in found["form.date_blank"].evidence.text


def test_003_rank_totals_18_of_21_against_17(reports):
    f = next(f for f in reports["003_a4fdff8cd5cb32b2"].findings if f.code == "arith.rank_totals")
    assert f.severity == "error" and "/17, /21" in f.message
    assert "18/21" in f.evidence.text


def test_003_criterion_scores_against_the_86_8_total(reports):
    f = next(f for f in reports["003_a4fdff8cd5cb32b2"].findings if f.code == "arith.criteria_sum")
    assert "86,845" in f.message and "86,8 " in f.message
    assert (
        f.severity == "warning"
    )  # 86,845 is 86,8 at one decimal: the total is rounded coarser than its parts


def test_002_has_no_issuing_body_block(reports):
    assert errors(reports["002_40fddd4fe5f809ef"]) == ["form.issuer", "form.quoc_hieu", "form.tieu_ngu"]


def test_002_targets_below_the_2021_results(reports):
    msgs = [f.message for f in reports["002_40fddd4fe5f809ef"].findings if f.code == "target.below_result"]
    assert len(msgs) == 2 and any("84,66%" in m for m in msgs)


def test_no_other_error_findings_on_the_seeds(reports):
    assert {s: errors(r) for s, r in reports.items()} == {
        "000_88c36853ee0d1535": [],
        "001_55a29f03f8b9781c": [],
        "002_40fddd4fe5f809ef": ["form.issuer", "form.quoc_hieu", "form.tieu_ngu"],
        "003_a4fdff8cd5cb32b2": ["arith.rank_totals"],
        "004_bb7874efb3788842": [],
    }


def test_news_reports_get_no_form_findings(reports):
    for stem in ("001_55a29f03f8b9781c", "004_bb7874efb3788842"):
        assert not [f for f in reports[stem].findings if f.code.startswith("form.")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_same_errors_from_docx_and_pdf(reports, fmt):
    for stem in ("002_40fddd4fe5f809ef", "003_a4fdff8cd5cb32b2"):
        assert errors(check_file(seed(stem, fmt))) == errors(reports[stem])
