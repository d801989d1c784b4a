"""What every check shares: the finding, and the context it reads (document, facts, history)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

from docmine.facts import DocumentInfo, Evidence
from docmine.model import Document
from docmine.pipeline import Result


@dataclass
class Finding:
    """One problem: a stable code, error / warning / info, a message in Vietnamese, and the
    evidence it points at (None when the problem is something missing from the whole letter)."""

    code: str
    severity: str
    message: str
    evidence: Evidence | None = None

    def to_dict(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "evidence": asdict(self.evidence) if self.evidence else None}  # fmt: skip


@dataclass
class Context:
    result: Result
    history_dir: Path | None = None

    @property
    def doc(self) -> Document:
        assert self.result.document is not None
        return self.result.document

    @property
    def info(self) -> DocumentInfo | None:
        infos = self.result.facts.get("document") or []
        return infos[0] if infos else None

    def facts(self, table: str) -> list:
        return self.result.facts.get(table, [])

    @cached_property
    def history(self):
        """A DuckDB connection over the mined dataset, or None without ``--history``."""
        if self.history_dir is None:
            return None
        from docmine.dataset import connect

        return connect(self.history_dir)


def fmt(x: float) -> str:
    """A number as Vietnamese letters write it.

    >>> fmt(86.845), fmt(18.0)
    ('86,845', '18')
    """
    return f"{x:.3f}".rstrip("0").rstrip(".").replace(".", ",")
