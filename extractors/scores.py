"""Index results: ``đạt 92,35 điểm xếp thứ 3/18``, ``tăng 08 bậc``, ``giảm 1.44 điểm so với năm 2019``.

A sentence that names an index (PAR, SIPAS, ...) and carries a score or a rank gives one Score;
the assessed year is the year the sentence names for the result, else the year before the letter.
"""

from __future__ import annotations

import re

from docmine.facts import Evidence, Score
from docmine.model import Document
from docmine.vnnum import NUMBER_RE, parse_number
from extractors.common import INDEX_RE, SO_NAME_RE, sentence_spans
from extractors.document import issuer_of

_VALUE = re.compile(rf"(?:đạt|được|là)\s+(?:chỉ số\s+)?(?:tuyệt đối\s+)?({NUMBER_RE})\s*(điểm|%)")
_RANK = re.compile(r"(?:xếp(?:\s+thứ|\s+hạng)?|đứng(?:\s+thứ)?|thứ hạng)\s+(\d{1,3})\s*/\s*(\d{1,3})")
_RANK_CHANGE = re.compile(r"(tăng|giảm)\s+(\d{1,3})\s+(?:bậc|hạng)")
_VALUE_CHANGE = re.compile(rf"\(?(tăng|giảm)\s+({NUMBER_RE})\s*(điểm|%)\)?")
_COMPARED = re.compile(r"so với (?:năm\s+)?(\d{4})")
_ENTITY = re.compile(
    r"(Sở\s+(?:LĐTBXH|LĐ-TB-XH|Lao động[\s,-]+Thương binh và Xã hội|"
    + SO_NAME_RE
    + r"|[A-ZĐ][\wÀ-ỹ]+(?:\s+(?:và\s+)?[A-ZĐ][\wÀ-ỹ]+)*)(?:\s+tỉnh\s+[A-ZĐ][\wÀ-ỹ]+(?:\s+[A-ZĐ][\wÀ-ỹ]+)?)?)"
)


def _expand(entity: str) -> str:
    e = re.sub(r"\bLĐTBXH\b|\bLĐ-TB-XH\b", "Lao động - Thương binh và Xã hội", entity)
    return re.sub(r"Lao động[\s,–-]+Thương binh", "Lao động - Thương binh", e)


def extract(doc: Document) -> list[Score]:
    out: list[Score] = []
    default_entity = None
    for b in doc.blocks:
        if b.kind in ("header", "signature", "stamp", "furniture", "table_cell"):
            continue
        for s, e in sentence_spans(doc, b.start, b.end):
            sent = doc.view[s:e]
            idx = [m for m in INDEX_RE.finditer(sent)]
            if not idx or re.search(r"Phấn đấu|phấn đấu", sent):
                continue
            value = _VALUE.search(sent)
            rank = _RANK.search(sent)
            if not value and not rank:
                continue
            indices = []
            for m in idx:
                if m.lastgroup not in indices:
                    indices.append(m.lastgroup)
            if value and len(indices) > 1:  # a value belongs to the index named nearest before it
                before = [m for m in idx if m.start() < value.start()]
                indices = [before[-1].lastgroup] if before else indices[:1]
            years = [int(y) for y in re.findall(r"(?i:năm)\s+(\d{4})", sent)]
            cmp_m = _COMPARED.search(sent)
            compared = int(cmp_m.group(1)) if cmp_m else None
            assessed = [y for y in years if y != compared]
            year = assessed[-1] if assessed else (compared + 1 if compared else None)
            anchor = (value or rank).start()  # type: ignore[union-attr]
            ents = [m for m in _ENTITY.finditer(sent) if m.start() < anchor]
            entity = _expand(ents[-1].group(1)) if ents else None
            if entity is None and re.search(r"\bcủa Sở\b|\bSở\b", sent):
                entity = default_entity or issuer_of(doc)[0]
            default_entity = entity or default_entity
            rc = _RANK_CHANGE.search(sent)
            vc = _VALUE_CHANGE.search(sent[value.end() :]) if value else None
            for index in indices:
                sc = Score(Evidence.of(doc, s, e), index=index, entity=entity, year=year)
                if value:
                    sc.value = parse_number(value.group(1), max_value=1000)
                    sc.unit = value.group(2)
                if rank:
                    sc.rank, sc.rank_total = int(rank.group(1)), int(rank.group(2))
                if rc:
                    sc.rank_change = int(rc.group(2)) * (1 if rc.group(1) == "tăng" else -1)
                if vc and vc.group(3) == (sc.unit or vc.group(3)):
                    v = parse_number(vc.group(2), max_value=100)
                    sc.value_change = None if v is None else v * (1 if vc.group(1) == "tăng" else -1)
                if compared and (sc.rank_change is not None or sc.value_change is not None):
                    sc.compared_year = compared
                out.append(sc)
    return out
