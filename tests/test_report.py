"""Reports of docmine check: the text summary, and the HTML page in a real (headless) browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from docmine.checks import check_file
from docmine.report import COLORS, html_report, text_report
from tests.conftest import seed

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no headless Chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def report():
    return check_file(seed("003_a4fdff8cd5cb32b2"))


def test_text_report_gives_facts_then_findings(report):
    text = text_report(report)
    assert "PAR 2020: Sở Lao động thương binh và Xã hội 86.8 điểm, xếp thứ 18/21" in text
    assert "Findings: 1 error" in text
    assert "[error] arith.rank_totals" in text
    short = text_report(report, limit=0)  # more than ``limit`` findings of one code are counted, not listed
    assert "arith.rank_totals: ... and 1 more" in short and "[error] arith.rank_totals: Số" not in short


def test_html_marks_every_fact_and_links_every_finding(report):
    page = html_report(report)
    n_facts = sum(len(v) for k, v in report.result.facts.items() if k != "document")
    marked = {m.group(1) for m in re.finditer(r'<mark class="fact k-\w+" title="([^"]*)"', page)}
    assert len(marked) == n_facts  # one distinct title per fact
    for i in range(len(report.findings)):
        assert f'href="#f-{i}"' in page and f'id="f-{i}"' in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]  # self-contained


def _render(path, png):
    cmd = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
           f"--screenshot={png}", "--window-size=1400,1000", f"file://{path}"]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def _console(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln]


@needs_browser
def test_html_report_opens_in_chromium_without_console_errors_and_shows_highlights(report, tmp_path):
    from PIL import Image

    page = tmp_path / "report.html"
    page.write_text(html_report(report), encoding="utf-8")
    png = tmp_path / "report.png"
    run = _render(page, png)
    assert png.exists(), run.stderr[-500:]
    assert _console(run.stderr) == []
    img = Image.open(png).convert("RGB")
    counts = {t: 0 for t in ("scores", "criteria", "assignments")}
    rgb = {t: tuple(int(COLORS[t][i : i + 2], 16) for i in (1, 3, 5)) for t in counts}
    for px in img.get_flattened_data() if hasattr(img, "get_flattened_data") else img.getdata():
        for t, c in rgb.items():
            if px == c:
                counts[t] += 1
    assert all(n > 500 for n in counts.values()), counts  # highlighted facts are visible on screen


@needs_browser
def test_the_console_check_sees_a_page_error(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<html><body><p>x</p><script>undefinedFunction()</script></body></html>")
    run = _render(page, tmp_path / "bad.png")
    assert any("undefinedFunction" in ln for ln in _console(run.stderr))
