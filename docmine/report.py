"""Reports of ``docmine check``: a short text summary, and one self-contained HTML page with the
document's text, every extracted fact highlighted, and every finding linked to its place.

>>> from docmine.checks import check_file
>>> page = html_report(check_file("corpora/seeds/003_a4fdff8cd5cb32b2.txt"))
>>> '<mark class="fact k-scores"' in page, 'href="#f-0"' in page, "<script" in page
(True, True, False)
"""

from __future__ import annotations

import html
from collections import Counter

from docmine.checks import Report
from docmine.pipeline import TABLES

COLORS = {
    "citations": "#d6e4ff", "scores": "#ffe58f", "criteria": "#ffd591", "metrics": "#b7eb8f",
    "targets": "#87e8de", "shortcomings": "#ffa39e", "assignments": "#d3adf7",
}  # fmt: skip
SEV_COLORS = {"error": "#cf1322", "warning": "#d48806", "info": "#1d39c4"}
LABELS = {"citations": "trích dẫn", "scores": "điểm, xếp hạng", "criteria": "tiêu chí", "metrics": "tỷ lệ",
          "targets": "mục tiêu", "shortcomings": "tồn tại, hạn chế", "assignments": "nhiệm vụ"}  # fmt: skip


def text_report(report: Report, limit: int = 3) -> str:
    """The facts in brief, then the findings; more than ``limit`` of one code are counted, not listed."""
    r, lines = report.result, []
    info = (r.facts.get("document") or [None])[0]
    if info is not None:
        num = f"{info.number or '...'}/{info.symbol}" if info.symbol else "-"
        lines.append(
            f"{info.doc_type or 'Văn bản'} số {num}, ngày {info.date or '-'}, {info.issuer or 'không rõ cơ quan'}"
        )
        if info.subject:
            lines.append(f"  {info.subject}")
    lines.append("  " + ", ".join(f"{len(r.facts.get(t, []))} {LABELS[t]}" for t in TABLES))
    for s in r.facts.get("scores", []):
        rank = f", xếp thứ {s.rank}/{s.rank_total or '?'}" if s.rank else ""
        value = f" {s.value:g} {s.unit or ''}" if s.value is not None else ""
        lines.append(f"  {s.index} {s.year or ''}: {s.entity or ''}{value}{rank}".rstrip())
    counts = Counter(f.severity for f in report.findings)
    lines.append(f"Findings: {counts['error']} error, {counts['warning']} warning, {counts['info']} info")
    shown: Counter = Counter()
    per_code = Counter(f.code for f in report.findings)
    for f in report.findings:
        shown[f.code] += 1
        if shown[f.code] > limit:
            if shown[f.code] == limit + 1:
                lines.append(f"  [{f.severity}] {f.code}: ... and {per_code[f.code] - limit} more")
            continue
        where = f" @{f.evidence.start}: “{_clip(f.evidence.text)}”" if f.evidence else ""
        lines.append(f"  [{f.severity}] {f.code}: {f.message}{where}")
    return "\n".join(lines)


def _clip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def html_report(report: Report) -> str:
    """One HTML page, no scripts and no outside resources."""
    r = report.result
    doc = r.document
    text = doc.text if doc is not None else ""
    spans: list[tuple[int, int, str, str]] = []  # start, end, class, title
    for t in TABLES:
        for f in r.facts.get(t, []):
            spans.append((f.evidence.start, f.evidence.end, f"k-{t}", _title(t, f)))
    anchors: dict[int, list[int]] = {}
    for i, f in enumerate(report.findings):
        if f.evidence is not None:
            spans.append((f.evidence.start, f.evidence.end, f"sev-{f.severity}", f"{f.code}: {f.message}"))
            anchors.setdefault(f.evidence.start, []).append(i)
    body = _highlight(text, spans, anchors)
    findings = "\n".join(
        f'<li class="sev-{f.severity}"><b>{f.severity}</b> <code>{html.escape(f.code)}</code> '
        + (f'<a href="#f-{i}">{html.escape(f.message)}</a>' if f.evidence else html.escape(f.message))
        + "</li>"
        for i, f in enumerate(report.findings)
    )
    legend = " ".join(
        f'<span class="fact k-{t}">{LABELS[t]} ({len(r.facts.get(t, []))})</span>' for t in TABLES
    )
    css = (
        "\n".join(f".k-{t} {{ background: {c}; }}" for t, c in COLORS.items())
        + "\n"
        + "\n".join(
            f".sev-{s} > b {{ color: {c}; }} mark.sev-{s}, span.sev-{s} {{ text-decoration: underline wavy {c}; }}"
            for s, c in SEV_COLORS.items()
        )
    )
    title = html.escape(r.source)
    status = "không có lỗi" if report.ok else "có lỗi"
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>docmine check: {title}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; display: flex; }}
nav {{ width: 34%; padding: 1em; border-right: 1px solid #ccc; height: 100vh; overflow: auto; box-sizing: border-box; }}
main {{ width: 66%; padding: 1em 2em; height: 100vh; overflow: auto; box-sizing: border-box; }}
pre {{ white-space: pre-wrap; font-family: inherit; line-height: 1.6; }}
.fact {{ border-radius: 3px; padding: 0 1px; }}
li {{ margin: .3em 0; }} :target {{ outline: 3px solid #fa541c; }}
{css}
</style></head>
<body><nav><h1>docmine check</h1><p>{title}: <b>{status}</b></p>
<p>{legend}</p><h2>Findings ({len(report.findings)})</h2><ol start="0">{findings}</ol></nav>
<main><pre>{body}</pre></main></body></html>
"""


def _title(table: str, f) -> str:
    d = f.to_dict()
    d.pop("evidence")
    return f"{table}: " + "; ".join(f"{k}={v}" for k, v in d.items() if v not in (None, [], ""))


def _highlight(text: str, spans: list[tuple[int, int, str, str]], anchors: dict[int, list[int]]) -> str:
    """The text cut at every span boundary; each piece wrapped in the spans that cover it."""
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e for _, e, _, _ in spans], *anchors})
    starts: dict[int, list] = {}
    for sp in spans:
        starts.setdefault(sp[0], []).append(sp)
    active: list[tuple[int, int, str, str]] = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [sp for sp in active if sp[1] > a] + starts.get(a, [])
        for i in anchors.get(a, []):
            out.append(f'<span id="f-{i}"></span>')
        piece = html.escape(text[a:b])
        for _, _, cls, title in sorted(active, key=lambda sp: sp[1] - sp[0], reverse=True):
            tag = "mark" if cls.startswith("k-") else "span"
            fact = "fact " if tag == "mark" else ""
            piece = f'<{tag} class="{fact}{cls}" title="{html.escape(title)}">{piece}</{tag}>'
        out.append(piece)
    return "".join(out)
