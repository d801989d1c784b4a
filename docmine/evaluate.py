"""Field-level precision, recall and F1 of extracted tables against hand annotations (gold JSON).

Facts are paired one to one, best first, by an *anchor* per table (a citation by its reference, a
metric by value and unit, a shortcoming by text overlap ...); each gold field then counts as a hit
or a miss, and every field of an unpaired prediction as a false positive. Strings are compared by
token overlap after folding case, tone placement, dashes and common abbreviations.

>>> c = score_table("metrics", [{"value": 10, "unit": "%", "target": 50}], [{"value": 10.0, "unit": "%"}])
>>> c.tp, c.fn, c.fp
(2, 1, 0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ["document", "citations", "scores", "criteria", "metrics", "targets", "shortcomings", "assignments"]
KINDS = {
    "document": {"doc_type": "key", "number": "ref", "symbol": "ref", "issuer": "name", "issuer_parent": "name",
                 "province": "name", "place": "name", "date": "key", "subject": "text", "recipients": "list",
                 "cc": "list", "signer_title": "name", "signer_name": "name"},
    "citations": {"doc_type": "key", "ref": "ref", "date": "key", "issuer": "name"},
    "scores": {"index": "key", "entity": "name", "year": "num", "value": "num", "unit": "key", "rank": "num",
               "rank_total": "num", "value_change": "num", "rank_change": "num", "compared_year": "num"},
    "criteria": {"index": "key", "year": "num", "code": "code", "name": "name", "max_score": "num", "score": "num",
                 "rank": "num", "rank_total": "num", "note": "text", "entity": "name"},
    "metrics": {"indicator": "text", "value": "num", "unit": "unit", "op": "key", "numerator": "num",
                "denominator": "num", "target": "num", "target_op": "key", "met": "key", "year": "num"},
    "targets": {"indicator": "text", "index": "key", "year": "num", "op": "key", "value": "num", "unit": "unit"},
    "shortcomings": {"text": "text", "criterion": "code", "area": "key", "units": "list", "cause": "text",
                     "year": "num"},
    "assignments": {"task": "text", "lead": "list", "support": "list", "deadline": "text", "criterion": "code"},
}  # fmt: skip
_ABBREV = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "lđtbxh": "lao động thương binh và xã hội",
    "lđ-tb-xh": "lao động thương binh và xã hội", "cchc": "cải cách hành chính", "tthc": "thủ tục hành chính",
    "qppl": "quy phạm pháp luật", "pvhcc": "phục vụ hành chính công", "bhxh": "bảo hiểm xã hội",
    "gdnn": "giáo dục nghề nghiệp", "cbccvc": "cán bộ công chức viên chức", "pcm": "phòng chuyên môn",
    "đvtt": "đơn vị trực thuộc", "vp": "văn phòng",
}  # fmt: skip
_ABBREV_RE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(_ABBREV, key=len, reverse=True))) + r")(?!\w)")
_WORD = re.compile(r"\w+")
TEXT_MIN, NAME_MIN = 0.5, 0.6


def _fold(s) -> str:
    from docmine.normalize import canonical

    return canonical(unicodedata.normalize("NFC", str(s))).casefold()


def tokens(s) -> list[str]:
    if s is None:
        return []
    if isinstance(s, list):
        s = " ; ".join(str(x) for x in s)
    s = _ABBREV_RE.sub(lambda m: _ABBREV[m.group(0)], _fold(s).replace("-", " - "))
    return _WORD.findall(s)


def overlap(a, b) -> float:
    """Token F1 of two strings or lists.

    >>> overlap("Phòng LĐTBXH", "phòng lao động - thương binh và xã hội")
    1.0
    """
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def _num(v) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return float(str(v).replace(",", "."))
    except ValueError:
        return None


def _is_pct(u) -> bool:
    return u is not None and _fold(u).strip() in {"%", "phần trăm", "percent"}


def same(kind: str, g, p) -> bool:
    """Whether a predicted value stands for the gold one, by the field's kind."""
    if p is None:
        return False
    if kind == "num":
        a, b = _num(g), _num(p)
        return a is not None and b is not None and abs(a - b) <= max(0.005, 1e-6 * abs(a))
    if kind == "key":
        if isinstance(g, bool) or isinstance(p, bool):
            return g == p
        return tokens(g) == tokens(p) if tokens(g) else _fold(g).strip() == _fold(p).strip()
    if kind == "ref":
        norm = lambda s: re.sub(r"^SỐ:?", "", re.sub(r"\s+", "", _fold(s).upper())).lstrip("0")  # noqa: E731
        return norm(g) == norm(p)
    if kind == "code":
        norm = lambda s: ".".join(str(int(x)) for x in re.findall(r"\d+", str(s))) or _fold(s).strip()  # noqa: E731
        return norm(g) == norm(p)
    if kind == "unit":
        return _is_pct(g) == _is_pct(p) and (_is_pct(g) or overlap(g, p) >= 0.5)
    if kind == "name":
        return overlap(g, p) >= NAME_MIN
    if kind == "text":
        return overlap(g, p) >= TEXT_MIN
    if kind == "list":
        if isinstance(g, list) and not g:
            return isinstance(p, list) and not p
        return overlap(g, p) >= NAME_MIN
    raise ValueError(kind)


def _scored(table: str, f: dict) -> bool:
    return table != "metrics" or _is_pct(f.get("unit")) or f.get("denominator") is not None


def anchor(table: str, g: dict, p: dict) -> float:
    """How well ``p`` can stand for ``g`` (0: it cannot)."""
    kinds = KINDS[table]

    def eq(f: str) -> bool:
        return g.get(f) is not None and same(kinds[f], g.get(f), p.get(f))

    ok = {
        "document": lambda: True,
        "citations": lambda: eq("ref"),
        "scores": lambda: eq("index") and (eq("value") or eq("rank") or (eq("rank_change") and eq("year"))),
        "criteria": lambda: (
            (eq("code") and (eq("score") or eq("name")))
            or (eq("name") and (eq("score") or g.get("score") is None))
        ),
        "metrics": lambda: eq("value") and same("unit", g.get("unit"), p.get("unit")),
        "targets": lambda: eq("value") and same("unit", g.get("unit"), p.get("unit")),
        "shortcomings": lambda: overlap(g.get("text"), p.get("text")) >= 0.5,
        "assignments": lambda: (
            eq("criterion") if g.get("criterion") else overlap(g.get("task"), p.get("task")) >= 0.4
        ),
    }[table]()
    if not ok:
        return 0.0
    return sum(eq(f) for f in kinds) + max(overlap(g.get(f), p.get(f)) for f in kinds)


@dataclass
class Counts:
    facts_tp: int = 0
    facts_fp: int = 0
    facts_fn: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, o: Counts) -> None:
        for f in ("facts_tp", "facts_fp", "facts_fn", "tp", "fp", "fn"):
            setattr(self, f, getattr(self, f) + getattr(o, f))
        self.misses += o.misses


def score_table(table: str, gold: list[dict], pred: list[dict]) -> Counts:
    kinds = KINDS[table]
    gold = [g for g in gold if _scored(table, g)]
    pred = [p for p in pred if isinstance(p, dict) and _scored(table, p)]
    pairs = sorted(
        ((anchor(table, g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    c = Counts()
    for s, i, j in pairs:
        if s > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            g, p = gold[i], pred[j]
            for f, kind in kinds.items():
                if g.get(f) is None:
                    continue
                if same(kind, g[f], p.get(f)):
                    c.tp += 1
                else:
                    c.fn += 1
                    c.fp += p.get(f) is not None
                    c.misses.append(f"{table}.{f}: gold={g[f]!r} pred={p.get(f)!r}")
    c.facts_tp = len(used_g)
    for i, g in enumerate(gold):
        if i not in used_g:
            c.facts_fn += 1
            c.fn += sum(g.get(f) is not None for f in kinds)
            c.misses.append(
                f"{table}: missing {json.dumps({k: g.get(k) for k in list(kinds)[:3]}, ensure_ascii=False)}"
            )
    for j, p in enumerate(pred):
        if j not in used_p:
            c.facts_fp += 1
            c.fp += sum(p.get(f) is not None for f in kinds)
            c.misses.append(
                f"{table}: extra {json.dumps({k: p.get(k) for k in list(kinds)[:3]}, ensure_ascii=False)}"
            )
    return c


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    tables: dict[str, Counts]
    evidence_ok: int
    evidence_total: int
    documents: int

    @property
    def overall(self) -> tuple[float, float, float]:
        return prf(sum(c.tp for c in self.tables.values()), sum(c.fp for c in self.tables.values()),
                   sum(c.fn for c in self.tables.values()))  # fmt: skip

    def rows(self) -> list[dict]:
        out = []
        for t, c in self.tables.items():
            p, r, f = prf(c.tp, c.fp, c.fn)
            out.append({"table": t, "gold": c.facts_tp + c.facts_fn, "pred": c.facts_tp + c.facts_fp,
                        "field_p": round(p, 3), "field_r": round(r, 3), "field_f1": round(f, 3)})  # fmt: skip
        return out


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def evaluate(gold_dir: Path, records: list[dict]) -> Report:
    """Score extraction records (as ``docmine extract --json`` prints them) against gold files by stem."""
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    tables = {t: Counts() for t in TABLES}
    ev_ok = ev_total = 0
    seen = set()
    for rec in records:
        stem = Path(str(rec.get("source", ""))).stem
        if stem not in gold:
            continue
        seen.add(stem)
        src = Path(str(rec.get("source", "")))
        source = _squash(src.read_text(encoding="utf-8")) if src.suffix == ".txt" and src.exists() else None
        for t in TABLES[1:]:
            for f in rec.get(t) or []:
                ev_total += 1
                text = (f.get("evidence") or {}).get("text")
                ev_ok += bool(text) and (source is None or _squash(text) in source)
        g = gold[stem]
        for t in g.get("tables", TABLES):
            gl = [g.get(t) or {}] if t == "document" else g.get(t) or []
            pl = [rec.get(t) or {}] if t == "document" else rec.get(t) or []
            c = score_table(t, gl, pl)
            c.misses = [f"{src.name}: {m}" for m in c.misses]
            tables[t].add(c)
    for stem, g in gold.items():
        if stem not in seen:
            for t in g.get("tables", TABLES):
                gl = [g.get(t) or {}] if t == "document" else g.get(t) or []
                tables[t].add(score_table(t, gl, []))
    return Report(tables, ev_ok, ev_total, len(gold))
