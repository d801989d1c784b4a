"""Run one extractor on text written for a test."""

from docmine.parsers.text import from_string
from extractors import EXTRACTORS


def run(kind: str, text: str) -> list[dict]:
    doc = from_string(text)
    out = []
    for f in EXTRACTORS[kind](doc):
        d = f.to_dict()
        ev = d.pop("evidence")
        assert doc.text[ev["start"] : ev["end"]] == ev["text"], "evidence must slice the text"
        out.append(d)
    return out


def has(facts: list[dict], **expected) -> bool:
    return any(all(f.get(k) == v for k, v in expected.items()) for f in facts)
