"""Check a letter: what is wrong with its form (Nghị định 30/2020), its numbers, its tasks,
and, with a mined dataset, what history says. One module per kind of finding, each
``check(ctx) -> list[Finding]``, registered in :data:`CHECKS`.

>>> r = check_file("corpora/seeds/003_a4fdff8cd5cb32b2.txt")
>>> sorted({f.code for f in r.findings if f.severity == "error"})
['arith.rank_totals']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docmine.checks import arithmetic, assignments, form, history
from docmine.checks.base import Context, Finding
from docmine.pipeline import Result, process

CHECKS: dict[str, Callable[[Context], list[Finding]]] = {
    "form": form.check,
    "arithmetic": arithmetic.check,
    "assignments": assignments.check,
    "history": history.check,
}
SEVERITIES = ("error", "warning", "info")


@dataclass
class Report:
    result: Result
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (the exit code of ``docmine check`` is 0)."""
        return not any(f.severity == "error" for f in self.findings)

    def to_record(self) -> dict:
        return {**self.result.to_record(), "findings": [f.to_dict() for f in self.findings]}


def check(result: Result, history_dir: str | Path | None = None) -> Report:
    """Run every registered check on an extracted document; a failing check is itself a finding."""
    if result.document is None:
        return Report(
            result, [Finding("file.unreadable", "error", "; ".join(result.errors) or "không đọc được tệp")]
        )
    ctx = Context(result, Path(history_dir) if history_dir else None)
    out: list[Finding] = []
    for name, fn in CHECKS.items():
        try:
            out.extend(fn(ctx))
        except Exception as e:  # noqa: BLE001 - one broken check costs only its own findings
            out.append(
                Finding(f"{name}.failed", "info", f"kiểm tra {name} không chạy được: {type(e).__name__}: {e}")
            )
    in_letter = {f.evidence.start for f in out if f.code == "target.below_result" and f.evidence}
    out = [
        f
        for f in out
        if not (f.code == "history.target_below_result" and f.evidence and f.evidence.start in in_letter)
    ]  # the letter itself already shows it
    order = {s: i for i, s in enumerate(SEVERITIES)}
    out.sort(key=lambda f: (order[f.severity], f.evidence.start if f.evidence else -1, f.code))
    return Report(result, out)


def check_file(path: str | Path, history_dir: str | Path | None = None) -> Report:
    """Extract one file and check it."""
    return check(process(path), history_dir)


def check_text(text: str, history_dir: str | Path | None = None, source: str = "letter.txt") -> Report:
    """Check a letter given as text (a pasted draft).

    >>> [f.code for f in check_text("Chỉ số CCHC của Sở Nội vụ đạt 90 điểm, xếp thứ 19/18.").findings]
    ['arith.rank_over_total']
    """
    from docmine.parsers.text import from_string
    from docmine.pipeline import result_of

    return check(result_of(from_string(text, source), hashlib.sha256(text.encode()).hexdigest()), history_dir)


__all__ = ["CHECKS", "Finding", "Report", "check", "check_file", "check_text"]
