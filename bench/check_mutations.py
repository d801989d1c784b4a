"""Mutation benchmark of ``docmine check``: plant one drafting defect per copy of a real letter and
see whether the checker finds it, as a new finding at the right place, without false errors.

    python bench/check_mutations.py [--shared DIR] [--workers N] [--only NAME ...] [--show]

Letters are read at run time (nothing of them is kept in the repository): the seeds
(``corpora/seeds/*.txt``), the files of ``SHARED/dev/files`` and ``SHARED/real`` as ``docmine text``
prints them, and the complete letters among the web copies of ``SHARED/dev/docs`` (manifest kinds
``legal/aggregator copy`` and ``github repo``; a copy cut before its "Nơi nhận" is a fragment and
is left out; a news text of those kinds is checked unchanged only). Each text is saved as a .txt
copy and checked as ``docmine check --json FILE`` checks it (``check_file(...).to_record()``).

For every finding code a planter makes one copy with one defect (delete the quốc hiệu, blank the
number, sign KT. as the head, mistype a percentage ...) and says where the finding should point.
Printed per code: letters planted, found (a NEW finding of that code at the place), and the
errors on the unchanged letters; then the precision of errors over the unchanged letters and the
new errors of the copies, the false errors per unchanged letter, and the task warnings per
unchanged letter. Errors that are real defects of an unchanged letter are listed in REVIEWED
(reviewed by hand, one line each); any other error on an unchanged letter is false.

A finding of a copy is new unless the unchanged letter has one with the same code and severity and
either the same evidence words or the same message (a warning that became an error is new; a finding
whose evidence the plant edited, "18/21" -> "23/21", is not). Planters plant only a real defect: no
criteria sum where the components are weighted (maxima not adding up to the index), no title deletion
where the extractor took a stamp line for the title, no deadline deletion where a cadence stays in the
task or the section's heading gives the period, no lead deletion where the unit is the one advised
("tham mưu giúp / Ủy ban nhân dân tỉnh ..."); the place-date planter starts at the place's capital.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Errors that are real defects of the unchanged letters: (letter, code, words of the evidence or "").
REVIEWED: set[tuple[str, str, str]] = {
    ("seed-002", "form.issuer", ""),  # the plan starts at its "Số:" line: no issuing body printed
    ("seed-002", "form.quoc_hieu", ""),  # ... and no quốc hiệu
    ("seed-002", "form.tieu_ngu", ""),  # ... and no tiêu ngữ
    ("seed-003", "arith.rank_totals", "18/21"),  # 18/21 in the text, criterion ranks out of 17
}


@dataclass
class Letter:
    name: str
    kind: str  # "letter" or "news"
    text: str


@dataclass
class Plant:
    code: str
    text: str
    start: int | None  # where the finding should point in the copy; None: anywhere (a missing part)
    end: int | None
    note: str


# ---------------------------------------------------------------------------------------------------------
# the letters


def letters(shared: Path, only: list[str] | None = None) -> list[Letter]:
    """Every letter and news text, as the text ``docmine text`` prints."""
    from docmine.pipeline import process

    def text_of(p: Path) -> str:
        r = process(p)
        return r.document.text if r.document is not None else ""

    out: list[Letter] = []
    for p in sorted((ROOT / "corpora" / "seeds").glob("*.txt")):
        out.append(Letter(f"seed-{p.stem[:3]}", "?", p.read_text(encoding="utf-8")))
    for folder, prefix in ((shared / "dev" / "files", "dev"), (shared / "real", "real")):
        for p in sorted(folder.glob("*")) if folder.is_dir() else []:
            if p.suffix.lower() in (".pdf", ".docx", ".doc", ".txt", ".html"):
                out.append(Letter(f"{prefix}-{p.stem[:34]}", "?", text_of(p)))
    docs = shared / "dev" / "docs"
    for m in sorted((shared / "dev").glob("MANIFEST-*.tsv")):
        with m.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["kind"] in ("legal/aggregator copy", "github repo") and (docs / row["file"]).is_file():
                    text = text_of(docs / row["file"])
                    if re.search(r"Nơi nhận", text) or row["kind"] == "github repo":
                        out.append(Letter(f"web-{Path(row['file']).stem}", "?", text))
    if only:
        out = [x for x in out if any(o in x.name for o in only)]
    return out


# ---------------------------------------------------------------------------------------------------------
# planters: one defect each, located by the text's own words

QH = re.compile(
    r"C[ỘỌO]NG[\s*]+H(?:ÒA|OÀ)[\s*]+X[ÃA][\s*]+H[ỘỌO]I[\s*]+CH[ỦU][\s*]+NGH[ĨI]A[\s*]+VI[ỆE]T[\s*]+NAM"
)
TN = re.compile(r"Độc[\s*]+lập[\s*]*-[\s*]*Tự[\s*]+do[\s*]*-[\s*]*Hạnh[\s*]+phúc")
NUMBER = re.compile(r"(?<![\w])(?:Số|SỐ)\s*:\s*(?P<num>[^\s/|*]*)\s*/\s*(?P<sym>[^\s|*]+)")
PLACE_DATE = re.compile(
    r"(?:[A-ZĐÀ-Ỹ][\wà-ỹđ-]*[ \-]){0,3}[A-ZĐÀ-Ỹ][\wà-ỹđ-]*,[\s*]*ngày[\s*]*(?P<d>[^\s*]*)[\s*]+tháng[\s*]*(?P<m>\S*?)[\s*]+năm[\s*]+\d{4}"
)
TYPE_CODE = re.compile(r"^(KH|QĐ|TB|BC|CT|CĐ|HD|TTr|NQ|CTr)-")
SWAP = {"KH": "QĐ", "QĐ": "KH", "TB": "BC", "BC": "TB", "CT": "KH", "CĐ": "TB", "HD": "KH", "TTr": "BC",
        "NQ": "QĐ", "CTr": "QĐ"}  # fmt: skip
HEAD_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "TRƯỞNG BAN", "CỤC TRƯỞNG", "THỦ TRƯỞNG",
               "TỔNG GIÁM ĐỐC", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "THỦ TƯỚNG", "TRƯỞNG PHÒNG")  # fmt: skip
TITLE_WORD = re.compile(r"TRƯỞNG|CHỦ TỊCH|CHỦ NHIỆM|GIÁM ĐỐC|CHÁNH|THỦ TƯỚNG|BÍ THƯ|PHÓ|ỦY VIÊN|THƯ KÝ")
RANK = re.compile(r"(?P<pre>(?:xếp|đứng)\s+(?:thứ|hạng)\s+)(?P<r>\d{1,3})\s*/\s*(?P<t>\d{1,3})\b", re.I)
PCT_COUNTS = re.compile(
    r"(?P<n>\d{1,5})\s*/\s*(?P<d>\d{1,5})\b(?P<mid>[^.;:%\n()]{0,80}?)(?P<pct>\d{1,3}(?:,\d{1,2})?)\s*%"
)
NOT_MET = re.compile(r"\b(?:chưa|không)\s+đạt\b")
DEADLINE_PHRASE = re.compile(
    r"[,;]?\s*\(?(?:hoàn thành\s+|thời gian(?: hoàn thành)?\s*:?\s*|xong\s+)?"
    r"(?:trước|chậm nhất(?: là)?|trong)\s+(?:\d{1,2}g\d{0,2}\s+)?(?:ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|tháng\s+\d{1,2}(?:\s*/\s*\d{4})?|quý\s+[IV\d]+(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4}|\d+\s+ngày(?: làm việc)?)\)?",
    re.I,
)
INDEX_NAMES = {"PAR": "Chỉ số cải cách hành chính (PAR INDEX)", "SIPAS": "Chỉ số hài lòng (SIPAS)",
               "PAPI": "Chỉ số PAPI", "PCI": "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "DTI": "Chỉ số DTI",
               "ICT": "Chỉ số ICT Index"}  # fmt: skip


def _head_end(text: str) -> int:
    """Where the header certainly ends: after the quốc hiệu or number line, at most 4,000 characters."""
    m = QH.search(text[:30000])
    base = m.end() if m else 0
    return min(len(text), base + 1500)


def _cut(text: str, a: int, b: int, by: str = "") -> str:
    return text[:a] + by + text[b:]


def plant_quoc_hieu(text: str, rec: dict) -> Plant | None:
    m = QH.search(text[:30000])
    return m and Plant("form.quoc_hieu", _cut(text, m.start(), m.end()), None, None, "quốc hiệu deleted")


def plant_tieu_ngu(text: str, rec: dict) -> Plant | None:
    m = TN.search(text[:30000])
    return m and Plant("form.tieu_ngu", _cut(text, m.start(), m.end()), None, None, "tiêu ngữ deleted")


def _upper(w: str) -> bool:
    return any(c.isalpha() for c in w) and w == w.upper()


MOTTO = set("CỘNG CỌNG HÒA HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM".split())
TYPES = re.compile(r"^(?:KẾ|QUYẾT|THÔNG|BÁO|CHỈ|CÔNG|TỜ|NGHỊ|HƯỚNG|CHƯƠNG|ĐỀ|PHƯƠNG|QUY)$")


def plant_issuer(text: str, rec: dict) -> Plant | None:
    """Delete the agency: the words in capitals before the quốc hiệu (and beside it, on its lines)."""
    m = QH.search(text[:30000])
    if not m or not rec["document"].get("issuer"):
        return None
    lo = max(0, m.start() - 400)
    hi = m.end() + 200
    cuts = []
    for piece in re.finditer(r"[^\n\t|]+", text[lo:hi]):
        words = list(re.finditer(r"\S+", piece.group(0)))
        run = []
        for w in words:
            t = w.group(0).strip("*_")
            if t in MOTTO or TYPES.match(t) or t.startswith(("Số", "SỐ")) or not _upper(t):
                break
            run.append(w)
        if run and lo + piece.start() < m.end():
            cuts.append((lo + piece.start() + run[0].start(), lo + piece.start() + run[-1].end()))
    cuts = [c for c in cuts if c[0] < m.start() or text[c[0] : c[1]].strip("* ") not in MOTTO]
    if not cuts:
        return None
    new = text
    for a, b in reversed(cuts):
        new = new[:a] + new[b:]
    return Plant("form.issuer", new, None, None, "agency deleted: " + " / ".join(text[a:b] for a, b in cuts))


def plant_number(text: str, rec: dict) -> Plant | None:
    m = NUMBER.search(text, 0, _head_end(text))
    return m and Plant("form.number", _cut(text, m.start(), m.end()), None, None, "number line deleted")


def plant_number_blank(text: str, rec: dict) -> Plant | None:
    m = NUMBER.search(text, 0, _head_end(text))
    if not m or not re.search(r"\d", m.group("num")):
        return None
    new = _cut(text, m.start("num"), m.end("num"), "    ")
    return Plant(
        "form.number_blank",
        new,
        m.start(),
        m.start() + len(m.group(0)) + 4 - len(m.group("num")),
        "number blanked",
    )


def _place_start(text: str, m: re.Match) -> int:
    """Where the place name starts: its first capitalized word (``[A-ZĐÀ-Ỹ]`` holds small letters too, so a
    match may begin inside the word before, as in "Hạnh ph|úc Lâm Đồng, ngày ...")."""
    a = m.start()
    while a < m.end() and not (text[a].isupper() and (a == 0 or not text[a - 1].isalpha())):
        a += 1
    return a


def plant_date(text: str, rec: dict) -> Plant | None:
    m = PLACE_DATE.search(text, 0, _head_end(text) + 300)
    return m and Plant(
        "form.date", _cut(text, _place_start(text, m), m.end()), None, None, "place and date deleted"
    )


def plant_date_blank(text: str, rec: dict) -> Plant | None:
    m = PLACE_DATE.search(text, 0, _head_end(text) + 300)
    if not m or not re.search(r"\d", m.group("d")):
        return None
    new = _cut(text, m.start("d"), m.end("d"), "   ")
    return Plant("form.date_blank", new, m.start(), m.end() - len(m.group("d")) + 3, "day blanked")


def plant_symbol_type(text: str, rec: dict) -> Plant | None:
    m = NUMBER.search(text, 0, _head_end(text))
    if not m:
        return None
    sym = m.group("sym")
    t = TYPE_CODE.match(sym)
    if t:
        new_sym = SWAP[t.group(1)] + sym[t.end(1) :]
    elif rec["document"].get("doc_type") == "Công văn":
        new_sym = "KH-" + sym
    else:
        return None
    new = _cut(text, m.start("sym"), m.end("sym"), new_sym)
    return Plant(
        "form.symbol_type", new, m.start(), m.end() + len(new_sym) - len(sym), f"symbol {sym} -> {new_sym}"
    )


def plant_trich_yeu(text: str, rec: dict) -> Plant | None:
    end = _head_end(text) + 1500
    m = re.search(
        r"(?m)(?:^|\|\s*|\t)[*_\s]*V/v[^\n|]*(?:\n(?![ \t]*\n)(?!\s*(?:Kính gửi|\|))[^\n|]*){0,4}", text[:end]
    )
    if not m:
        t = re.search(
            r"(?m)^[*#\s]*(KẾ HOẠCH|QUYẾT ĐỊNH|THÔNG BÁO|BÁO CÁO|CHỈ THỊ|CÔNG ĐIỆN)[*\s]*$", text[:end]
        )
        if not t:
            return None
        m = re.compile(
            r"\s*(?:[^\n]+\n?){1,4}?(?=\n\s*\n|\n[*\s]*(?:CHỦ TỊCH|Căn cứ|Kính gửi|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG))"
        ).match(text, t.end())
        if (
            not m
            or len(m.group(0).strip()) < 8
            or re.match(r"\s*\**\s*(Căn cứ|Kính gửi|CHỦ TỊCH)", m.group(0))
        ):
            return None
    return Plant("form.trich_yeu", _cut(text, m.start(), m.end()), None, None, "trích yếu deleted")


def plant_kinh_gui(text: str, rec: dict) -> Plant | None:
    if rec["document"].get("doc_type") != "Công văn":
        return None
    m = re.search(r"[*_]*Kính gửi[*_]*\s*:?[^\n]*(?:\n[ \t]*(?:[-+•][^\n]*)?)*", text)
    if not m:
        return None
    return Plant("form.kinh_gui", _cut(text, m.start(), m.end(), "\n"), None, None, "kính gửi deleted")


def plant_noi_nhan(text: str, rec: dict) -> Plant | None:
    at = [m.start() for m in re.finditer(r"Nơi nhận", text)]
    if not at:
        return None
    head, tail = text[: at[-1]], text[at[-1] :]
    lines = tail.split("\n")
    out, in_cc = [], True
    for k, ln in enumerate(lines):
        if not in_cc:
            out.append(ln)
            continue
        if ln.count("|") >= 2:  # a signature table row: blank the left cell
            cells = ln.split("|")
            first = 1 if ln.lstrip().startswith("|") else 0
            cells[first] = " "
            out.append("|".join(cells))
            continue
        if "\t" in ln:  # columns on one line: the cc list is the left one
            out.append(ln.split("\t", 1)[1])
            in_cc = False
            continue
        s = re.sub(r"[*_]", "", ln).strip()
        if k == 0:
            rest = re.sub(r"^[*_]*Nơi nhận[*_]*\s*:?[*_]*", "", ln)
            if re.match(r"\s*-", rest):
                split = re.search(r"\s(?=(?:KT|TM|TL)\.\s|[A-ZĐÀ-Ỹ]{3,}\s[A-ZĐÀ-Ỹ]{2,})", rest)
                out.append(rest[split.start() :] if split else "")
                in_cc = bool(split is None)
            else:
                out.append(rest)
            continue
        if not s or s.startswith(("-", "+", "•")) or (s[:1].islower()):
            out.append("")
            continue
        in_cc = False
        out.append(ln)
    return Plant("form.noi_nhan", head + "\n".join(out), None, None, "nơi nhận deleted")


def _sig_zone(text: str) -> int:
    at = [m.start() for m in re.finditer(r"Nơi nhận", text)]
    return at[-1] if at else max(0, len(text) - 1500)


def plant_signer_title(text: str, rec: dict) -> Plant | None:
    title = (rec["document"].get("signer_title") or "").upper()
    if not TITLE_WORD.search(title):
        return (
            None  # the extractor read a stamp's line ("TRUNG TÂM CÔNG BÁO") as the title: nothing to delete
        )
    z = _sig_zone(text)
    for m in reversed(list(re.finditer(re.escape(title), text[z:]))):
        a = z + m.start()
        if re.search(r"(?:KT|TM|TL|TUQ|Q)\.\s*$", text[max(0, a - 6) : a]) or text[a - 4 : a] == "PHÓ ":
            continue
        return Plant("form.signer_title", _cut(text, a, z + m.end()), None, None, f"title {title} deleted")
    return None


def plant_signer_name(text: str, rec: dict) -> Plant | None:
    name = rec["document"].get("signer_name")
    if not name:
        return None
    z = _sig_zone(text)
    a = text.rfind(name, z)
    if a < 0:
        return None
    return Plant("form.signer_name", _cut(text, a, a + len(name)), None, None, "signer name deleted")


def plant_signer_form(text: str, rec: dict) -> Plant | None:
    """Sign KT. as the head: the deputy's title becomes the head's, or a head's signature gets a KT. line."""
    z = _sig_zone(text)
    kt = re.search(r"KT\.\s*(" + "|".join(HEAD_TITLES) + r")\b", text[z:])
    if kt:
        head = kt.group(1)
        dep = re.search(r"PHÓ\s+" + re.escape(head), text[z + kt.end() :])
        if not dep:
            return None
        a = z + kt.end() + dep.start()
        new = _cut(text, a, a + dep.end() - dep.start(), head)
        return Plant("form.signer_form", new, z + kt.start(), a + len(head), f"KT. {head} signed by {head}")
    if re.search(r"(?:TM|TL|TUQ)\.\s", text[z:]):
        return None
    title = (rec["document"].get("signer_title") or "").upper()
    if title not in HEAD_TITLES:
        return None
    m = list(re.finditer(r"(?<![\wÀ-Ỹ] )" + re.escape(title), text[z:]))
    if not m:
        return None
    a = z + m[-1].start()
    new = _cut(text, a, a, f"KT. {title}\n")
    return Plant("form.signer_form", new, a, a + 2 * len(title) + 5, f"KT. {title} signed by {title}")


def plant_rank_over_total(text: str, rec: dict) -> Plant | None:
    for m in RANK.finditer(text):
        r, t = int(m.group("r")), int(m.group("t"))
        if 1 < t < 200 and r <= t:
            new_r = str(t + 2)
            new = _cut(text, m.start("r"), m.end("r"), new_r)
            return Plant("arith.rank_over_total", new, m.start(), m.end() + len(new_r) - len(m.group("r")),
                         f"rank {r}/{t} -> {new_r}/{t}")  # fmt: skip
    return None


def plant_rank_totals(text: str, rec: dict) -> Plant | None:
    """Mistype the total of a rank whose total the letter states again elsewhere."""
    ranks = list(RANK.finditer(text))
    for m in ranks:
        t = m.group("t")
        others = len(re.findall(rf"\b\d{{1,3}}\s*/\s*{t}\b", text)) - 1
        if others >= 1 and int(t) > 3:
            new_t = str(int(t) + 1)
            new = _cut(text, m.start("t"), m.end("t"), new_t)
            return Plant("arith.rank_totals", new, None, None, f"rank total /{t} -> /{new_t}")
    return None


def plant_percent_counts(text: str, rec: dict) -> Plant | None:
    for m in PCT_COUNTS.finditer(text):
        n, d = int(m.group("n")), int(m.group("d"))
        v = float(m.group("pct").replace(",", "."))
        if not (0 < n <= d) or d < 3 or abs(100 * n / d - v) > 1:
            continue
        wrong = v - 7 if v > 50 else v + 7
        s = f"{wrong:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        new = _cut(text, m.start("pct"), m.end("pct"), s)
        return Plant("arith.percent_counts", new, m.start(), m.end() + len(s) - len(m.group("pct")),
                     f"{n}/{d}: {m.group('pct')}% -> {s}%")  # fmt: skip
    return None


def plant_met_claim(text: str, rec: dict) -> Plant | None:
    """Flip "chưa đạt" to "đã đạt" where a sentence also states a value against a requirement."""
    for m in NOT_MET.finditer(text):
        a = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = min(x for x in (text.find(".\n", m.end()), text.find("\n", m.end()), len(text)) if x >= 0)
        sent = text[a:b]
        if len(re.findall(r"\d+(?:,\d+)?\s*%", sent)) >= 2 and re.search(
            r"yêu cầu|chỉ tiêu|tối thiểu|mục tiêu", sent
        ):
            new = _cut(text, m.start(), m.end(), "đã đạt")
            return Plant("arith.met_claim", new, a, b + 6 - (m.end() - m.start()), "chưa đạt -> đã đạt")
    return None


def plant_criteria_sum(text: str, rec: dict) -> Plant | None:
    crit = [c for c in rec["criteria"] if c.get("score") is not None]
    maxes = [c.get("max_score") for c in crit]
    if len(crit) < 3 or None in maxes or abs(sum(maxes) - 100) > 0.01:
        return None  # only a score sheet whose maxima add up to the index adds up (PCI's components are weighted)
    for c in crit:
        ev = c["evidence"]
        s = c["score"]
        for written in {
            f"{s:g}".replace(".", ","),
            f"{s:.2f}".replace(".", ","),
            f"{s:.1f}".replace(".", ","),
        }:
            k = text.find(written, ev["start"], ev["end"])
            if (
                k >= 0
                and not text[k - 1 : k].isdigit()
                and not text[k + len(written) : k + len(written) + 1].isdigit()
            ):
                wrong = f"{s + 2:g}".replace(".", ",")
                return Plant("arith.criteria_sum", _cut(text, k, k + len(written), wrong), None, None,
                             f"criterion score {written} -> {wrong}")  # fmt: skip
    return None


def plant_target_below(text: str, rec: dict) -> Plant | None:
    """Add a target, before the signature, below a result the letter reports for an earlier year."""
    for s in rec["scores"]:
        if (
            s.get("value")
            and s.get("year")
            and s.get("index") in INDEX_NAMES
            and (s.get("unit") or "điểm") in ("điểm", "%")
        ):
            v = s["value"] - 3 if s["value"] > 10 else s["value"] - 1
            unit = s.get("unit") or "điểm"
            sent = (f"Phấn đấu năm {s['year'] + 1}, {INDEX_NAMES[s['index']]} của {s.get('entity') or 'tỉnh'} "
                    f"đạt từ {f'{v:.2f}'.rstrip('0').rstrip('.').replace('.', ',')}{'%' if unit == '%' else ' điểm'} trở lên.")  # fmt: skip
            at = _body_end(text)
            new = text[:at] + "\n\n" + sent + "\n\n" + text[at:]
            return Plant(
                "target.below_result",
                new,
                at + 2,
                at + 2 + len(sent),
                f"target below {s['value']} of {s['year']}",
            )
    return None


def _body_end(text: str) -> int:
    m = list(re.finditer(r"(?m)^.*Nơi nhận", text))
    if m:
        return m[-1].start()
    return len(text)


CADENCE = re.compile(r"thường xuyên|định kỳ|hằng\s+\w+|hàng\s+(?:năm|quý|tháng|tuần|ngày)|\bngay\b", re.I)
HEADING = re.compile(r"(?m)^[*#\s]*[IVX]{1,4}\.\s[^\n]*")


def _heading_time(text: str, at: int) -> bool:
    """Whether the roman-numbered heading above ``at`` gives a month, quarter or year (``... TRONG THÁNG 12/2025``)."""
    hs = [h for h in HEADING.finditer(text, 0, at)]
    return bool(hs) and bool(re.search(r"(?:tháng|quý|năm)\s+[\dIV]", hs[-1].group(0), re.I))


def plant_no_deadline(text: str, rec: dict) -> Plant | None:
    for a in rec["assignments"]:
        if not a.get("deadline"):
            continue
        ev = a["evidence"]
        found = list(DEADLINE_PHRASE.finditer(text, ev["start"], ev["end"]))
        if len(found) != 1:
            continue
        m = found[0]
        rest = text[ev["start"] : m.start()] + text[m.end() : ev["end"]]
        if CADENCE.search(rest) or _heading_time(text, ev["start"]):
            continue  # still timed: a cadence in the task, or a period given once by its section's heading
        new = _cut(text, m.start(), m.end())
        return Plant(
            "task.no_deadline",
            new,
            ev["start"],
            ev["end"] - (m.end() - m.start()),
            f"deadline '{m.group(0).strip()}' deleted",
        )
    return None


OBJECT_BEFORE = re.compile(r"(?:tham mưu|giúp|báo cáo|gửi|trình)[\s*_]*$", re.I)


def plant_no_lead(text: str, rec: dict) -> Plant | None:
    """Delete the lead unit of a task that names it at its start ("Giao Sở X chủ trì ...", "Sở X: ...")."""
    for a in rec["assignments"]:
        if len(a.get("lead") or []) != 1:
            continue
        ev, lead = a["evidence"], a["lead"][0]
        seg = text[ev["start"] : ev["end"]]
        m = re.match(
            r"(?P<pre>\s*(?:[-+•]|\d{1,2}[.)]|[a-zđ][.)])?\s*(?:[^:]{0,40}:\s*)?)(?P<unit>(?:Giao\s+(?:cho\s+)?)?"
            + re.escape(lead)
            + r"(?:\s+chủ trì)?\s*[,:]?\s*)",
            seg,
        )
        if not m or OBJECT_BEFORE.search(text[max(0, ev["start"] - 30) : ev["start"] + m.start("unit")]):
            continue  # "tham mưu giúp / Ủy ban nhân dân tỉnh xây dựng ...": the unit is advised, not leading
        rest = seg[m.end() :]
        if len(rest) < 15 or not re.match(
            r"(?:tổ chức|xây dựng|rà soát|tham mưu|thực hiện|triển khai|báo cáo|"
            r"hoàn thành|kiểm tra|theo dõi|tiếp tục|khẩn trương|chủ động|cập nhật|"
            r"hướng dẫn|đôn đốc|nghiên cứu|phối hợp)\b",
            rest,
            re.I,
        ):
            continue
        rest = rest[0].upper() + rest[1:]
        new = text[: ev["start"]] + seg[: m.start("unit")] + rest + text[ev["end"] :]
        end = ev["start"] + m.start("unit") + len(rest)
        return Plant("task.no_lead", new, ev["start"], end, f"lead '{lead}' deleted")
    return None


PLANTERS: dict[str, Callable[[str, dict], Plant | None]] = {
    "form.quoc_hieu": plant_quoc_hieu, "form.tieu_ngu": plant_tieu_ngu, "form.issuer": plant_issuer,
    "form.number": plant_number, "form.number_blank": plant_number_blank, "form.date": plant_date,
    "form.date_blank": plant_date_blank, "form.symbol_type": plant_symbol_type, "form.trich_yeu": plant_trich_yeu,
    "form.kinh_gui": plant_kinh_gui, "form.noi_nhan": plant_noi_nhan, "form.signer_title": plant_signer_title,
    "form.signer_name": plant_signer_name, "form.signer_form": plant_signer_form,
    "arith.criteria_sum": plant_criteria_sum, "arith.percent_counts": plant_percent_counts,
    "arith.rank_over_total": plant_rank_over_total, "arith.rank_totals": plant_rank_totals,
    "arith.met_claim": plant_met_claim, "target.below_result": plant_target_below,
    "task.no_lead": plant_no_lead, "task.no_deadline": plant_no_deadline,
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------
# running the checker


def run(path: str) -> dict:
    """``docmine check --json PATH``, in process."""
    from docmine.checks import check_file

    return check_file(path).to_record()


def _key(f: dict) -> tuple[str, str, str]:
    """A finding as it compares across copies: code, severity (a warning that became an error is new) and
    the words of its evidence."""
    ev = f.get("evidence") or {}
    return f["code"], f["severity"], " ".join((ev.get("text") or "").split())


def _hit(f: dict, p: Plant) -> bool:
    if f["code"] != p.code:
        return False
    if p.start is None:
        return True
    ev = f.get("evidence")
    return bool(ev) and ev["start"] < p.end + 40 and p.start - 40 < ev["end"]


def reviewed(letter: str, f: dict) -> bool:
    text = " ".join(((f.get("evidence") or {}).get("text") or "").split())
    return any(n == letter and c == f["code"] and w in text for n, c, w in REVIEWED)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--show", action="store_true", help="list every miss and every false error")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="check-mutations-"))
    found = letters(a.shared, a.only)
    paths: dict[str, Path] = {}
    for x in found:
        paths[x.name] = tmp / f"{x.name}.txt"
        paths[x.name].write_text(x.text, encoding="utf-8")
    with ProcessPoolExecutor(a.workers) as ex:
        base = dict(zip(paths, ex.map(run, [str(p) for p in paths.values()]), strict=True))
        plants: list[tuple[str, Plant]] = []
        for x in found:
            rec = base[x.name]
            x.kind = "news" if rec["document"].get("doc_type") == "Tin bài" else "letter"
            for code, fn in PLANTERS.items():
                if x.kind == "news" and code.startswith("form."):
                    continue
                p = fn(x.text, rec)
                if p is not None and p.text != x.text:
                    plants.append((x.name, p))
        copies = []
        for i, (name, p) in enumerate(plants):
            path = tmp / f"{name}.{i:03d}.{p.code}.txt"
            path.write_text(p.text, encoding="utf-8")
            copies.append(str(path))
        mutated = list(ex.map(run, copies))

    planted, hit = Counter(), Counter()
    false_base: dict[str, list[dict]] = defaultdict(list)
    true_errors = all_errors = 0
    misses, new_false = [], []
    for x in found:
        for f in base[x.name]["findings"]:
            if f["severity"] == "error":
                all_errors += 1
                if reviewed(x.name, f):
                    true_errors += 1
                else:
                    false_base[x.name].append(f)
    for (name, p), rec in zip(plants, mutated, strict=True):
        planted[p.code] += 1
        before = Counter(_key(f) for f in base[name]["findings"])
        said = Counter((f["code"], f["severity"], f["message"]) for f in base[name]["findings"])
        new = []
        for f in rec["findings"]:
            k, m = _key(f), (f["code"], f["severity"], f["message"])
            if before[k] > 0:
                before[k] -= 1
            elif said[m] > 0:  # the same finding, its evidence edited by the plant ("18/21" -> "23/21")
                said[m] -= 1
            else:
                new.append(f)
        if any(_hit(f, p) for f in new):
            hit[p.code] += 1
        else:
            misses.append((name, p, new))
        for f in new:
            if f["severity"] != "error":
                continue
            all_errors += 1
            if _hit(f, p):
                true_errors += 1
            else:
                new_false.append((name, p, f))
    base_errors = Counter(f["code"] for fs in false_base.values() for f in fs)
    print(
        f"{len(found)} texts ({sum(x.kind == 'letter' for x in found)} letters), {len(plants)} planted copies\n"
    )
    print(f"{'code':28} {'planted':>7} {'found':>6} {'false errors on unchanged':>26}")
    for code in PLANTERS:
        print(f"{code:28} {planted[code]:7d} {hit[code]:6d} {base_errors[code]:26d}")
    for code in sorted(set(base_errors) - set(PLANTERS)):
        print(f"{code:28} {'':7} {'':6} {base_errors[code]:26d}")
    tasks = [sum(f["code"].startswith("task.") for f in base[x.name]["findings"]) for x in found]
    total_p, total_h = sum(planted.values()), sum(hit.values())
    print(f"\nplanted defects found: {total_h}/{total_p} = {total_h / max(1, total_p):.2f}")
    print(f"precision of errors: {true_errors}/{all_errors} = {true_errors / max(1, all_errors):.2f}"
          f" (new false errors on copies: {len(new_false)})")  # fmt: skip
    print(f"unchanged texts with a false error: {len(false_base)} of {len(found)}")
    print(f"task warnings per unchanged text: median {statistics.median(tasks):g}, worst {max(tasks)}"
          f" ({', '.join(f'{x.name}={n}' for x, n in zip(found, tasks, strict=True) if n)})")  # fmt: skip
    if a.show:
        print("\nfalse errors on unchanged texts:")
        for name, fs in false_base.items():
            for f in fs:
                print(f"  {name}: {f['code']}: {f['message'][:100]} @{_key(f)[2][:60]!r}")
        print("\nmisses:")
        for name, p, new in misses:
            print(f"  {name}: {p.code} ({p.note}); new: {[(f['code'], _key(f)[2][:40]) for f in new]}")
        print("\nnew false errors on copies:")
        for name, p, f in new_false:
            print(f"  {name} [{p.code}: {p.note}]: {f['code']}: {f['message'][:90]}")
    print(f"\ncopies in {tmp}", file=sys.stderr)


if __name__ == "__main__":
    main()
