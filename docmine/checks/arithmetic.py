"""Numbers that do not add up within one letter: criterion scores against the stated total,
a percentage against its counts, a rank past its total, rank totals that disagree, a "met"
claim that contradicts value and requirement, a target set below a result already reached."""

from __future__ import annotations

import re
from collections import defaultdict

from docmine.checks.base import Context, Finding, fmt
from docmine.evaluate import overlap
from extractors.metrics import met_of

CLAIM_NO = re.compile(r"\b(?:chưa|không)\s+(?:đạt|hoàn thành|bảo đảm|đảm bảo)", re.I)
CLAIM_YES = re.compile(r"\b(?:đã\s+)?(?:đạt|hoàn thành|vượt)\s+(?:yêu cầu|chỉ tiêu|mục tiêu|kế hoạch)", re.I)


def decimals(x: float) -> int:
    """Decimals a number was written with (its shortest form).

    >>> decimals(86.8), decimals(11.364), decimals(12.0)
    (1, 3, 0)
    """
    s = repr(float(x))
    return 0 if s.endswith(".0") else len(s.split(".")[1])


def check(ctx: Context) -> list[Finding]:
    return [*_criteria_sum(ctx), *_percent_counts(ctx), *_ranks(ctx), *_met_claims(ctx), *_targets(ctx)]


def _criteria_sum(ctx: Context) -> list[Finding]:
    out = []
    groups = defaultdict(list)
    for c in ctx.facts("criteria"):
        groups[(c.index, c.year)].append(c)
    for (index, year), cs in groups.items():
        scored = [c for c in cs if c.score is not None]
        maxes = [c.max_score for c in cs if c.max_score is not None]
        complete = len(maxes) == len(cs) and abs(sum(maxes) - 100) < 0.01
        totals = [s for s in ctx.facts("scores") if s.index == index and s.year == year and s.value is not None
                  and s.unit in (None, "điểm")]  # fmt: skip
        if len(scored) < 3 or len(scored) != len(cs) or not complete or not totals:
            continue
        total = totals[0]
        parts = sum(c.score for c in scored)
        diff = abs(parts - total.value)
        exact = 0.5 * 10 ** -max(decimals(c.score) for c in scored) * len(scored)
        if diff <= exact + 1e-9:
            continue
        msg = (f"Tổng điểm {len(scored)} tiêu chí là {fmt(parts)}, văn bản ghi tổng {fmt(total.value)} "
               f"(chênh {fmt(diff)}).")  # fmt: skip
        if round(parts, decimals(total.value)) == round(total.value, decimals(total.value)):
            out.append(Finding("arith.criteria_sum", "warning",
                               msg + f" Tổng được làm tròn thô hơn điểm thành phần ({decimals(total.value)} chữ số thập phân).",
                               total.evidence))  # fmt: skip
        else:
            out.append(Finding("arith.criteria_sum", "error", msg, total.evidence))
    return out


def _percent_counts(ctx: Context) -> list[Finding]:
    out = []
    metrics = ctx.facts("metrics")
    counted = [c for c in metrics if c.unit != "%" and c.numerator and c.denominator]
    for m in metrics:
        if m.unit != "%" or m.value is None:
            continue
        num, den = m.numerator, m.denominator
        if not (num and den):  # "đạt 97% (86/87 hồ sơ)": the counts are a mention of their own
            near = [
                c for c in counted if c.evidence.start < m.evidence.end and m.evidence.start < c.evidence.end
            ]
            if len(near) != 1:
                continue
            num, den = near[0].numerator, near[0].denominator
        expected = 100.0 * num / den
        if abs(expected - m.value) > 0.5 * 10 ** -decimals(m.value) + 1e-9:
            msg = (f"{fmt(num)}/{fmt(den)} là {fmt(round(expected, 2))}%, "
                   f"văn bản ghi {fmt(m.value)}%.")  # fmt: skip
            out.append(Finding("arith.percent_counts", "error", msg, m.evidence))
    return out


def _ranks(ctx: Context) -> list[Finding]:
    out = []
    ranked = [*ctx.facts("scores"), *ctx.facts("criteria")]
    for f in ranked:
        if f.rank is not None and f.rank_total is not None and f.rank > f.rank_total:
            out.append(Finding("arith.rank_over_total", "error",
                               f"Xếp hạng {f.rank}/{f.rank_total}: thứ hạng lớn hơn tổng số đơn vị.", f.evidence))  # fmt: skip
    groups = defaultdict(list)
    for f in ranked:
        if f.rank_total is not None:
            groups[(f.index, f.year)].append(f)
    for (index, year), fs in groups.items():
        totals = sorted({f.rank_total for f in fs})
        if len(totals) > 1:
            overall = [f for f in fs if f in ctx.facts("scores")]
            where = overall[0] if overall else fs[0]
            seen = ", ".join(f"/{t}" for t in totals)
            msg = (f"Số đơn vị được xếp hạng không thống nhất trong cùng văn bản ({index or 'chỉ số'}"
                   f"{' năm ' + str(year) if year else ''}: {seen}).")  # fmt: skip
            out.append(Finding("arith.rank_totals", "error", msg, where.evidence))
    return out


def _met_claims(ctx: Context) -> list[Finding]:
    out = []
    metrics = ctx.facts("metrics")
    per_sentence = defaultdict(int)
    for m in metrics:
        per_sentence[m.evidence.start] += 1
    for m in metrics:
        if m.value is None or m.target is None or not m.target_op or per_sentence[m.evidence.start] > 1:
            continue
        text = ctx.doc.view[m.evidence.start : m.evidence.end]
        claim = False if CLAIM_NO.search(text) else True if CLAIM_YES.search(text) else None
        actual = met_of(m.value, m.op, m.target, m.target_op, m.numerator, m.denominator, m.unit or "%")
        if claim is None or actual is None or claim == actual:
            continue
        said = "đạt" if claim else "chưa đạt"
        msg = (f"Văn bản nói {said} yêu cầu, nhưng {fmt(m.value)}{m.unit or ''} so với yêu cầu "
               f"{m.target_op} {fmt(m.target)} là {'đạt' if actual else 'chưa đạt'}.")  # fmt: skip
        out.append(Finding("arith.met_claim", "error", msg, m.evidence))
    return out


def below_result(t, year: int, value: float, unit: str | None, where: str = "") -> str:
    """The message of a target set below a result already reached (used with and without history)."""
    return (f"Mục tiêu {t.op} {fmt(t.value)}{t.unit or ''} năm {t.year} thấp hơn kết quả đã đạt "
            f"năm {year} ({fmt(value)}{unit or ''}){where}.")  # fmt: skip


def _earlier_result(ctx: Context, t):
    """A score of the target's index, or a measurement of its indicator, from an earlier year above it."""
    for s in ctx.facts("scores"):
        if t.index and s.index == t.index and (s.unit or "%") == (t.unit or "%"):
            if s.value is not None and s.year is not None and s.year < t.year and s.value > t.value:
                return s
    for m in ctx.facts("metrics"):
        if m.unit == t.unit and t.indicator and m.indicator and overlap(t.indicator, m.indicator) >= 0.6:
            if m.value is not None and m.year is not None and m.year < t.year and m.value > t.value:
                return m
    return None


def _targets(ctx: Context) -> list[Finding]:
    """A target for year Y below what the letter itself reports for an earlier year."""
    out = []
    for t in ctx.facts("targets"):
        if t.value is None or t.op not in (">=", ">", "=") or t.year is None:
            continue
        r = _earlier_result(ctx, t)
        if r is not None:
            out.append(
                Finding(
                    "target.below_result", "warning", below_result(t, r.year, r.value, r.unit), t.evidence
                )
            )
    return out
