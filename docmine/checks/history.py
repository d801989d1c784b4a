"""What a mined dataset (``docmine mine``) says about a letter: shortcomings that recur for the
same agency across years, a target below a result already reached, a stated change that
disagrees with last year's value, citations of documents the dataset knows with another
date or issuer, and lead units the issuer's earlier letters never name."""

from __future__ import annotations

import re

from docmine import canon
from docmine.checks.arithmetic import below_result
from docmine.checks.base import Context, Finding, fmt
from docmine.evaluate import overlap


def check(ctx: Context) -> list[Finding]:
    if ctx.history is None or ctx.info is None:
        return []
    info = ctx.info
    me = {
        "entity": canon.agency(info.issuer),
        "province": canon.province(info.province),
        "doc_id": ctx.result.doc_id,
        "letter": canon.letter_id(
            info.doc_type, info.number, info.symbol, info.issuer, info.date, info.subject
        ),
    }
    return [
        *_recurring(ctx, me),
        *_targets(ctx, me),
        *_changes(ctx, me),
        *_citations(ctx, me),
        *_leads(ctx, me),
    ]


def _others(me: dict) -> tuple[str, list]:
    """SQL condition and its parameters: a row from another letter than this one."""
    return "d.doc_id <> ? AND coalesce(d.letter_id, '') <> coalesce(?, '')", [me["doc_id"], me["letter"]]


def _recurring(ctx: Context, me: dict) -> list[Finding]:
    if not me["entity"]:
        return []
    other, params = _others(me)
    rows = ctx.history.execute(
        f"""SELECT s.year, s.criterion, s.area, s.text, d.source FROM shortcomings s JOIN documents d USING (doc_id)
            WHERE s.entity_canonical = ? AND coalesce(s.province, '') = coalesce(?, '') AND {other}""",
        [me["entity"], me["province"], *params],
    ).fetchall()
    out = []
    for sh in ctx.facts("shortcomings"):
        years = set()
        for year, crit, area, text, _ in rows:
            if year is None or (sh.year is not None and year >= sh.year):
                continue
            same_criterion = sh.criterion and crit and _code(sh.criterion) == _code(crit)
            same_area = sh.area and area == sh.area and overlap(sh.text or "", text or "") >= 0.3
            if same_criterion or same_area:
                years.add(year)
        if years:
            what = f"tiêu chí {sh.criterion}" if sh.criterion else f"lĩnh vực {sh.area}"
            msg = f"Tồn tại lặp lại ({what}): đã được chỉ ra năm {', '.join(map(str, sorted(years)))}."
            out.append(Finding("history.recurring_shortcoming", "warning", msg, sh.evidence))
    return out


def _code(c: str) -> str:
    """1.2, 01.2 and 1.02 are one criterion code."""
    return ".".join(str(int(p)) if p.isdigit() else p for p in re.split(r"[.\s]+", c.strip()))


def _targets(ctx: Context, me: dict) -> list[Finding]:
    out = []
    for t in ctx.facts("targets"):
        if (
            t.value is None
            or t.op not in (">=", ">", "=")
            or not t.index
            or t.year is None
            or not me["entity"]
        ):
            continue
        best = ctx.history.execute(
            """SELECT year, value, unit FROM panel WHERE entity = ? AND coalesce(province, '') = coalesce(?, '')
               AND "index" = ? AND year < ? AND value > ? AND coalesce(unit, '%') = coalesce(?, '%')
               ORDER BY year DESC LIMIT 1""",
            [me["entity"], me["province"], t.index, t.year, t.value, t.unit],
        ).fetchone()
        if best:
            msg = below_result(t, best[0], best[1], best[2], " trong dữ liệu lịch sử")
            out.append(Finding("history.target_below_result", "warning", msg, t.evidence))
    return out


def _changes(ctx: Context, me: dict) -> list[Finding]:
    out = []
    for s in ctx.facts("scores"):
        if s.value is None or s.value_change is None or s.compared_year is None:
            continue
        entity = canon.agency(s.entity) or me["entity"]
        province = canon.province(s.entity) or me["province"]
        prev = ctx.history.execute(
            """SELECT value, unit, conflict FROM panel WHERE entity = ? AND coalesce(province, '') = coalesce(?, '')
               AND "index" = ? AND year = ?""",
            [entity, province, canon.index_name(s.index), s.compared_year],
        ).fetchone()
        if not prev or prev[0] is None or (prev[1] or s.unit) != s.unit:
            continue
        actual = s.value - prev[0]
        if abs(actual - s.value_change) > 0.011:
            msg = (f"Văn bản ghi thay đổi {fmt(s.value_change)} so với năm {s.compared_year}, nhưng dữ liệu năm "
                   f"{s.compared_year} là {fmt(prev[0])}: thay đổi thực là {fmt(round(actual, 3))}.")  # fmt: skip
            out.append(Finding("arith.change_history", "error", msg, s.evidence))
    return out


def _citations(ctx: Context, me: dict) -> list[Finding]:
    out = []
    for c in ctx.facts("citations"):
        if not c.ref or "/" not in c.ref:
            continue
        number, symbol = c.ref.split("/", 1)
        rows = ctx.history.execute(
            """SELECT DISTINCT date, issuer_canonical FROM documents d WHERE number = ? AND upper(symbol) = upper(?)
               AND date IS NOT NULL""",
            [number.lstrip("0"), symbol],
        ).fetchall()
        for date, issuer in rows:
            bad_date = c.date and len(date) == 10 and date != c.date
            bad_issuer = c.issuer and issuer and canon.agency(c.issuer) != issuer
            if bad_date or bad_issuer:
                what = f"ngày {date}" if bad_date else f"cơ quan ban hành {issuer}"
                msg = f"Văn bản số {c.ref} trong dữ liệu có {what}, khác với trích dẫn ở đây."
                out.append(Finding("history.citation_conflict", "warning", msg, c.evidence))
                break
    return out


def _leads(ctx: Context, me: dict) -> list[Finding]:
    if not me["entity"]:
        return []
    other, params = _others(me)
    rows = ctx.history.execute(
        f"""SELECT a.lead, a.support FROM assignments a JOIN documents d USING (doc_id)
            WHERE d.issuer_canonical = ? AND coalesce(d.province_canonical, '') = coalesce(?, '') AND {other}""",
        [me["entity"], me["province"], *params],
    ).fetchall()
    known = [u for lead, support in rows for u in [*(lead or []), *(support or [])]]
    if not known:
        return []
    out, said = [], set()
    for a in ctx.facts("assignments"):
        for u in a.lead:
            if u in said or any(overlap(u, k) >= 0.8 for k in known):
                continue
            said.add(u)
            out.append(Finding("task.unknown_lead", "info",
                               f"Đơn vị chủ trì “{u}” chưa xuất hiện trong các văn bản trước của cơ quan này.", a.evidence))  # fmt: skip
    return out
