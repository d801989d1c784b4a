"""Typed facts, one small dataclass per table of the schema-v1 contract, each with evidence.

>>> ev = Evidence.of(Document("x", "txt", "Sở đạt 92,35 điểm"), 3, 17)
>>> ev.text, ev.page
('đạt 92,35 điểm', None)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from docmine.model import Document


@dataclass(frozen=True)
class Evidence:
    page: int | None
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Evidence:
        """Evidence for ``doc.text[start:end]``, trimmed of surrounding spaces."""
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        return cls(doc.page_at(start), start, end, doc.text[start:end])


@dataclass
class Fact:
    evidence: Evidence

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "evidence"}
        d["evidence"] = asdict(self.evidence)
        return d


@dataclass
class DocumentInfo(Fact):
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    province: str | None = None
    place: str | None = None
    date: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer_name: str | None = None
    signer_form: str | None = None  # KT. / TL. / TM. / Q.
    unread: list[str] = field(default_factory=list)  # number/date a scan's OCR could not read (left null)


@dataclass
class Citation(Fact):
    doc_type: str | None = None
    ref: str | None = None
    date: str | None = None
    issuer: str | None = None


@dataclass
class Score(Fact):
    index: str | None = None
    entity: str | None = None
    year: int | None = None
    value: float | None = None
    unit: str | None = None
    rank: int | None = None
    rank_total: int | None = None
    value_change: float | None = None
    rank_change: int | None = None
    compared_year: int | None = None


@dataclass
class Criterion(Fact):
    index: str | None = None
    year: int | None = None
    code: str | None = None
    name: str | None = None
    max_score: float | None = None
    score: float | None = None
    rank: int | None = None
    rank_total: int | None = None
    note: str | None = None
    entity: str | None = None  # who was scored, where a table scores several entities (schema v1.1)


@dataclass
class Metric(Fact):
    indicator: str | None = None
    value: float | None = None
    unit: str | None = None
    op: str = "="
    numerator: float | None = None
    denominator: float | None = None
    target: float | None = None
    target_op: str | None = None
    met: bool | None = None
    year: int | None = None
    entity: str | None = None


@dataclass
class Target(Fact):
    indicator: str | None = None
    index: str | None = None
    year: int | None = None
    op: str = "="
    value: float | None = None
    unit: str | None = None


@dataclass
class Shortcoming(Fact):
    text: str | None = None
    criterion: str | None = None
    area: str | None = None
    units: list[str] = field(default_factory=list)
    cause: str | None = None
    year: int | None = None


@dataclass
class Assignment(Fact):
    task: str | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    deadline: str | None = None
    criterion: str | None = None
