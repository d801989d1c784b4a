"""Tasks that cannot be followed up: no lead unit (chủ trì), or no deadline and no cadence."""

from __future__ import annotations

import re

from docmine.checks.base import Context, Finding

CADENCE = re.compile(
    r"thường xuyên|định kỳ|liên tục|hằng\s+(?:năm|quý|tháng|tuần|ngày)|hàng\s+(?:năm|quý|tháng|tuần|ngày)"
    r"|trước ngày|trong (?:tháng|quý|năm)|chậm nhất|trong thời hạn|khi có yêu cầu|ngay sau khi",
    re.I,
)


def _short(task: str | None, n: int = 70) -> str:
    t = (task or "").strip()
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def check(ctx: Context) -> list[Finding]:
    out = []
    for a in ctx.facts("assignments"):
        if not a.lead:
            out.append(Finding("task.no_lead", "warning",
                               f"Nhiệm vụ chưa có đơn vị chủ trì: “{_short(a.task)}”.", a.evidence))  # fmt: skip
        text = f"{a.task or ''} {ctx.doc.view[a.evidence.start : a.evidence.end]}"
        if not a.deadline and not CADENCE.search(text):
            out.append(Finding("task.no_deadline", "warning",
                               f"Nhiệm vụ chưa có thời hạn hoặc tần suất thực hiện: “{_short(a.task)}”.", a.evidence))  # fmt: skip
    return out
