"""Extractors: one module per fact kind, each ``extract(doc) -> list[Fact]``, registered here."""

from __future__ import annotations

from collections.abc import Callable

from docmine.facts import Fact
from docmine.model import Document
from extractors import assignments, citations, criteria, document, metrics, scores, shortcomings, targets

EXTRACTORS: dict[str, Callable[[Document], list]] = {
    "document": document.extract,
    "citations": citations.extract,
    "scores": scores.extract,
    "criteria": criteria.extract,
    "metrics": metrics.extract,
    "targets": targets.extract,
    "shortcomings": shortcomings.extract,
    "assignments": assignments.extract,
}

__all__ = ["EXTRACTORS", "Fact"]
