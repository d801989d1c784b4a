"""Numbers that do not add up within one letter: criterion scores against the stated total,
a percentage against its counts, a rank past its total, rank totals that disagree, a "met"
claim that contradicts value and requirement, a target set below a result already reached."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from docmine.checks.base import Context, Finding, fmt
from docmine.evaluate import overlap
from docmine.facts import Evidence


def decimals(x: float) -> int:
    """Decimals a number was written with (its shortest form).

    >>> decimals(86.8), decimals(11.364), decimals(12.0)
    (1, 3, 0)
    """
    s = repr(float(x))
    return 0 if s.endswith(".0") else len(s.split(".")[1])


def check(ctx: Context) -> list[Finding]:
    ranks = _ranks(ctx)  # from the facts; the mentions add what the facts do not hold, once per paragraph
    view = ctx.doc.view
    said = {(f.code, view.rfind("\n", 0, f.evidence.start)) for f in ranks if f.evidence}
    more = [f for f in _rank_mentions(ctx) if (f.code, view.rfind("\n", 0, f.evidence.start)) not in said]
    return [*_criteria_sum(ctx), *_table_sums(ctx), *_percent_counts(ctx), *ranks, *more, *_met_claims(ctx),
            *_targets(ctx)]  # fmt: skip


def _criteria_sum(ctx: Context) -> list[Finding]:
    out = []
    groups = defaultdict(list)
    for c in ctx.facts("criteria"):
        groups[(c.index, c.year)].append(c)
    for (index, year), cs in groups.items():
        scored = [c for c in cs if c.score is not None]
        maxes = [c.max_score for c in cs if c.max_score is not None]
        complete = len(maxes) == len(cs) and abs(sum(maxes) - 100) < 0.01
        totals = [s for s in ctx.facts("scores") if s.index == index and s.year == year and s.value is not None
                  and s.unit in (None, "điểm")]  # fmt: skip
        if len(scored) < 3 or len(scored) != len(cs) or not complete or not totals:
            continue
        total = totals[0]
        parts = sum(c.score for c in scored)
        diff = abs(parts - total.value)
        exact = 0.5 * 10 ** -max(decimals(c.score) for c in scored) * len(scored)
        if diff <= exact + 1e-9:
            continue
        msg = (f"Tổng điểm {len(scored)} tiêu chí là {fmt(parts)}, văn bản ghi tổng {fmt(total.value)} "
               f"(chênh {fmt(diff)}).")  # fmt: skip
        if round(parts, decimals(total.value)) == round(total.value, decimals(total.value)):
            out.append(Finding("arith.criteria_sum", "warning",
                               msg + f" Tổng được làm tròn thô hơn điểm thành phần ({decimals(total.value)} chữ số thập phân).",
                               total.evidence))  # fmt: skip
        else:
            out.append(Finding("arith.criteria_sum", "error", msg, total.evidence))
    return out


_TOTAL_ROW = re.compile(r"^\W*(?:tổng cộng|tổng điểm|tổng số|tổng|cộng)\b", re.I)
_TOP_CODE = re.compile(r"^\W*(?:\d{1,2}|[IVX]{1,5})\W*$")


def _table_sums(ctx: Context) -> list[Finding]:
    """A table's total row against the rows it totals (read by the extraction's table reader): checked only
    where the maxima add up to the total's maximum too (an additive score sheet, not PCI's weighted one);
    with a code column, only its top-level rows are parts (1, 2, 3, not 1.1, 1.2)."""
    from extractors.tables import cell_number, tables

    out = []
    for t in tables(ctx.doc):
        sc, mx, code = t.col("score"), t.col("max_score"), t.col("code")
        if sc is None or mx is None:
            continue
        parts: list[list] = []
        for row in t.rows:
            label = " ".join(c.text for c in row if c is not None and c.text and not _numberish(c.text))
            score, top = t.cell(row, "score"), t.cell(row, "max_score")
            if _TOTAL_ROW.match(label) and score is not None and top is not None:
                out += _total_row(ctx, parts, score, cell_number(top.text), cell_number)
                parts = []
            elif score is not None and (code is None or _TOP_CODE.match(t.text(row, "code"))):
                parts.append([cell_number(score.text), cell_number(t.text(row, "max_score")), score.text])
    return out


def _numberish(text: str) -> bool:
    return bool(re.fullmatch(r"[\d.,%/()+\-\s]*", text))


def _total_row(ctx: Context, parts: list[list], score, top: float | None, cell_number) -> list[Finding]:
    total = cell_number(score.text)
    if len(parts) < 2 or total is None or top is None or any(p[0] is None or p[1] is None for p in parts):
        return []
    if abs(sum(p[1] for p in parts) - top) > 0.01:
        return []  # the rows above are not all the total's parts
    got = sum(p[0] for p in parts)
    d = max(decimals(p[0]) for p in parts)
    if abs(got - total) <= 0.5 * 10**-d * len(parts) + 1e-9:
        return []
    msg = f"Tổng điểm {len(parts)} dòng của bảng là {fmt(got)}, dòng tổng ghi {fmt(total)} (chênh {fmt(abs(got - total))})."
    sev = "warning" if round(got, decimals(total)) == round(total, decimals(total)) else "error"
    return [Finding("arith.criteria_sum", sev, msg, Evidence.of(ctx.doc, score.start, score.end))]


_NUM = r"\d{1,3}(?:[.,]\d{1,3})?"
# a count and its percentage in one clause: "hoàn thành 40/48 nhiệm vụ, đạt 85%", "đạt 97% (86/87 hồ sơ)"
COUNT_THEN_PCT = re.compile(
    rf"(?<![\d/,.])(?<!thứ )(?<!hạng )(?<!ngày )(?<!Số )(?<!số )(?P<n>\d{{1,5}})\s*/\s*(?P<d>\d{{1,5}})(?![\d/]|\s*điểm)"
    rf"(?P<mid>[^.;:!?\n%()/]{{0,70}}?)(?P<br>\(\s*(?:(?:đạt|bằng|chiếm|tương đương|tương ứng)\s+)?(?:tỷ lệ\s+)?)?"
    rf"(?P<v>{_NUM})\s*%"
)
PCT_THEN_COUNT = re.compile(
    rf"(?<![\d,.])(?P<v>{_NUM})\s*%\s*\((?:[^()/\d]{{0,20}})?(?P<n>\d{{1,5}})\s*/\s*(?P<d>\d{{1,5}})(?![\d/])"
)
# between a count and its rate: a few words, nothing else counted, ending in the rate's verb
_MID_OK = re.compile(
    r"^(?!.*(?:chỉ số|điểm|\bxếp\b))[^\d]{0,60}(?:đạt|bằng|chiếm|tỷ lệ|tương đương|tương ứng)(?:\s+tỷ lệ)?\s*$",
    re.I,
)


def _mid_ok(m: re.Match) -> bool:
    """Between counts and a rate: the rate's verb ("40/48 nhiệm vụ, đạt 85%"), or the counts' noun and the rate
    in brackets ("40/48 nhiệm vụ (85%)", "120/125 hồ sơ đúng hạn (đạt 96%)")."""
    mid = m.group("mid")
    if m.group("br") is not None:
        return len(mid) <= 60 and not re.search(r"\d|chỉ số|điểm|\bxếp\b", mid, re.I)
    return bool(_MID_OK.match(mid))


_RANKED = re.compile(r"(?:xếp|thứ|hạng|đứng|ngày|tháng|[Ss]ố)\s*(?:thứ|hạng)?\s*$")


def agrees(value: float, num: int, den: int) -> bool:
    """Whether a stated percentage is its counts' quotient, rounded or truncated as written.

    >>> agrees(98.85, 86, 87), agrees(98.8, 86, 87), agrees(98, 86, 87), agrees(97, 86, 87)
    (True, True, True, False)
    """
    exact = 100.0 * num / den
    d = decimals(value)
    step = 10.0**-d
    return abs(exact - value) <= 0.5 * step + 1e-9 or 0 <= exact - value < step + 1e-9


def _value(s: str) -> float:
    return float(s.replace(",", "."))


def _percent_counts(ctx: Context) -> list[Finding]:
    """A percentage against the counts of its own clause (never of the next sentence)."""
    out, view = [], ctx.doc.view
    paired: set[int] = set()  # percentages already paired with the counts before them
    for rx in (COUNT_THEN_PCT, PCT_THEN_COUNT):
        for m in rx.finditer(view):
            if rx is PCT_THEN_COUNT:
                close = view.find(")", m.end())
                inside = view[m.start("n") : close if close > 0 else m.end()]
                if m.start("v") in paired or len(re.findall(r"\d\s*/\s*\d", inside)) > 1:
                    continue  # "đạt 30% (4/15 sở và 38/124 xã)": a breakdown, not the rate's counts
            else:
                paired.add(m.start("v"))
            num, den, v = int(m.group("n")), int(m.group("d")), _value(m.group("v"))
            if (
                not (0 < num <= den)
                or den < 2
                or v > 100
                or _RANKED.search(view[max(0, m.start() - 12) : m.start()])
                or ("mid" in m.groupdict() and not _mid_ok(m))
            ):
                continue
            if agrees(v, num, den):
                continue
            msg = f"{num}/{den} là {fmt(round(100.0 * num / den, 2))}%, văn bản ghi {m.group('v')}%."
            out.append(
                Finding("arith.percent_counts", "error", msg, Evidence.of(ctx.doc, m.start(), m.end()))
            )
    return out


def _ranks(ctx: Context) -> list[Finding]:
    out = []
    ranked = [*ctx.facts("scores"), *ctx.facts("criteria")]
    for f in ranked:
        if f.rank is not None and f.rank_total is not None and f.rank > f.rank_total:
            out.append(Finding("arith.rank_over_total", "error",
                               f"Xếp hạng {f.rank}/{f.rank_total}: thứ hạng lớn hơn tổng số đơn vị.", f.evidence))  # fmt: skip
    scores = ctx.facts("scores")
    groups = defaultdict(list)
    for f in ranked:
        if f.rank_total is not None:
            groups[(f.index, f.year)].append(f)
    for (index, year), fs in groups.items():
        # one entity's ranks share a total; two groups ranked apart (14 sở, 124 xã) do not
        entities = {f.entity for f in fs if f in scores} or {None}
        for entity in entities:
            same = [f for f in fs if f.entity == entity or (f not in scores and f.entity is None)]
            totals = sorted({f.rank_total for f in same})
            if len(totals) < 2:
                continue
            overall = [f for f in same if f in scores]
            count = Counter(f.rank_total for f in same)
            odd = min(totals, key=lambda t: count[t]) if len(set(count.values())) > 1 else None
            where = next((f for f in same if f.rank_total == odd), overall[0] if overall else same[0])
            seen = ", ".join(f"/{t}" for t in totals)
            msg = (f"Số đơn vị được xếp hạng không thống nhất trong cùng văn bản ({index or 'chỉ số'}"
                   f"{' năm ' + str(year) if year else ''}: {seen}).")  # fmt: skip
            out.append(Finding("arith.rank_totals", "error", msg, where.evidence))
    return out


RANK_MENTION = re.compile(
    r"(?:xếp|đứng)\s+(?:thứ\s+|hạng\s+|vị trí\s+)?(?P<r>\d{1,3})\s*/\s*(?P<t>\d{1,3})(?![\d/])(?P<noun>\s+[a-zà-ỹđ]+)?",
    re.I,
)
_YEAR = re.compile(r"(?<![\d/])(?P<y>(?:19|20)\d\d)(?![\d/])")
_COMPARED = re.compile(r"(?:so với|cùng kỳ|hơn)\s+(?:cùng kỳ\s+)?(?:năm\s+)?$", re.I)


_PARTIAL = re.compile(r"dẫn đầu|cao nhất|thấp nhất|\btop\b|đứng đầu|cuối bảng|một số", re.I)


def _rankings(ctx: Context) -> list[tuple[dict[str, int], int]]:
    """Complete ranking tables: each entity's rank, and how many are ranked (ranks 1..n, each once)."""
    from extractors.tables import cell_number, tables

    out = []
    view = ctx.doc.view
    for t in tables(ctx.doc):
        if t.col("rank") is None or t.col("entity") is None:
            continue
        ranks: dict[str, int] = {}
        for row in t.rows:
            r, e = cell_number(t.text(row, "rank")), " ".join(t.text(row, "entity").split())
            if r is not None and e and float(r).is_integer():
                ranks[e] = int(r)
        n = len(ranks)
        caption = view[max(0, t.header_start - 300) : t.header_start]
        if n >= 3 and sorted(ranks.values()) == list(range(1, n + 1)) and not _PARTIAL.search(caption):
            out.append((ranks, n))
    return out


def _against_tables(ctx: Context, par: str, at: int, m: re.Match, tables_: list) -> Finding | None:
    """A rank stated in the text ("Sở Nội vụ ... xếp thứ 2/15") against the ranking table that ranks the same
    entity at the same place: the table's count is the total."""
    r, total = int(m.group("r")), int(m.group("t"))
    sentence = par[max(par.rfind(". ", 0, m.start()), 0) : m.start()]
    for ranks, n in tables_:
        named = [e for e in ranks if len(e.split()) >= 2 and e in sentence and ranks[e] == r]
        if named and n != total:
            msg = (f"“{m.group(0).strip()}”: bảng xếp hạng trong văn bản xếp {n} đơn vị, "
                   f"{named[-1]} đứng thứ {r}/{n}.")  # fmt: skip
            return Finding(
                "arith.rank_totals", "error", msg, Evidence.of(ctx.doc, at + m.start(), at + m.end())
            )
    return None


def _year_before(par: str, at: int) -> str | None:
    """The year a mention belongs to: the nearest one before it in its paragraph, not a compared year."""
    for m in reversed(list(_YEAR.finditer(par, 0, at))):
        close = at - m.end() < 20  # "so với năm 2022 (xếp thứ 5/18 ...)": the compared year's own rank
        if close or not _COMPARED.search(par[max(0, m.start() - 25) : m.start()]):
            return m.group("y")
    return None


def _rank_mentions(ctx: Context) -> list[Finding]:
    """Ranks of one ranking written in one paragraph ("xếp thứ 34/63 tỉnh, thành; ... xếp thứ 22/63 tỉnh, thành"):
    the same year and the same population (the noun after the total, or none in one sentence) share a total."""
    out, view = [], ctx.doc.view
    ranked = _rankings(ctx)
    for par in re.finditer(r"[^\n]+", view):
        ms = list(RANK_MENTION.finditer(par.group(0)))
        if not ms:
            continue
        for m in ms if ranked else []:
            f = _against_tables(ctx, par.group(0), par.start(), m, ranked)
            if f is not None:
                out.append(f)
        groups = defaultdict(list)
        for m in ms:
            r, t = int(m.group("r")), int(m.group("t"))
            if r > t > 0:
                ev = Evidence.of(ctx.doc, par.start() + m.start(), par.start() + m.end())
                out.append(Finding("arith.rank_over_total", "error",
                                   f"Xếp hạng {r}/{t}: thứ hạng lớn hơn tổng số đơn vị.", ev))  # fmt: skip
            if not (0 < r <= t) or t < 3:
                continue
            noun = (m.group("noun") or "").strip().lower()
            year = _year_before(par.group(0), m.start())
            sentence = par.group(0).count(". ", 0, m.start()) if not noun else -1
            groups[(year, noun, sentence)].append(m)
        for (year, noun, _), g in groups.items():
            totals = Counter(int(m.group("t")) for m in g)
            if len(totals) < 2:
                continue
            usual = totals.most_common(1)[0][0] if len(set(totals.values())) > 1 else None
            odd = next(m for m in g if int(m.group("t")) != (usual or int(g[0].group("t"))))
            seen = ", ".join(f"/{t}" for t in sorted(totals))
            msg = (f"Số đơn vị được xếp hạng không thống nhất trong cùng văn bản ({seen}"
                   f"{' năm ' + year if year else ''}).")  # fmt: skip
            ev = Evidence.of(ctx.doc, par.start() + odd.start(), par.start() + odd.end())
            # with no population named ("xếp thứ 2/62); ... (xếp thứ 4/63)") the ranks may be of components
            # ranked over fewer units: a warning; one population named twice with two totals is an error
            # entities ranked in one ranking ("tỉnh An Giang xếp hạng 21/63; tỉnh Kiên Giang xếp hạng 30/62") too
            text = par.group(0)
            ranked = all(_named(re.split(r"[;.(]", text[max(0, m.start() - 80) : m.start()])[-1]) for m in g)
            # "cơ quan", "đơn vị" may name two groups ranked apart (nhóm 1: 2/14 cơ quan; nhóm 2: 1/5 cơ quan)
            named = noun and noun not in ("cơ", "đơn", "địa", "trong", "của", "so", "và", "với", "năm")
            out.append(
                Finding(
                    "arith.rank_totals", "error" if named or (ranked and not noun) else "warning", msg, ev
                )
            )
    once = {(f.code, f.evidence.start): f for f in out}  # a mention found twice is one finding
    return list(once.values())


CLAIM_NO = re.compile(r"\b(?:chưa|không)\s+(?:đạt|hoàn thành|bảo đảm|đảm bảo)\b", re.I)
CLAIM_YES = re.compile(
    r"(?<!chưa )(?<!không )\b(?:đã\s+)?(?:đạt|hoàn thành|vượt)\s+(?:yêu cầu|chỉ tiêu|mục tiêu|kế hoạch)", re.I
)
_PCT = re.compile(rf"(?P<v>{_NUM})\s*%")
REQUIREMENT = re.compile(
    r"chỉ tiêu|yêu cầu|tối thiểu|tối đa|mục tiêu|kế hoạch|quy định|phải đạt|không quá", re.I
)
VALUE = re.compile(r"hiện đạt|chỉ đạt|mới đạt|thực tế|đạt|tỷ lệ|\blà\b|được|\bcó\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?](?=\d)[^.!?\n]*)*")


def roles(sentence: str) -> tuple[list[float], list[tuple[float, str]]]:
    """The values and the requirements of a sentence, each read from the words before it.

    >>> roles("chưa đạt chỉ tiêu đề ra (chỉ tiêu tối thiểu 98%, hiện đạt 97,28%)")
    ([97.28], [(98.0, '>=')])
    """
    values, reqs = [], []
    for m in _PCT.finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        before = re.split(r"[\d%]", before)[-1]  # the words since the number before
        req = max((x.end() for x in REQUIREMENT.finditer(before)), default=-1)
        val = max((x.end() for x in VALUE.finditer(before)), default=-1)
        v = _value(m.group("v"))
        if req > val:  # the nearest cue decides: "yêu cầu, tỷ lệ đạt 35%" is a value
            op = "<=" if re.search(r"tối đa|không quá|dưới", before, re.I) else ">="
            reqs.append((v, op))
        elif val > req:
            values.append(v)
    return values, reqs


def _met_claims(ctx: Context) -> list[Finding]:
    """A "đạt / chưa đạt yêu cầu" claim against the value and the requirement its sentence states.

    Only a claim is checked: "đạt 97% (chỉ tiêu 95%)" states a value, it claims nothing.
    """
    out, view = [], ctx.doc.view
    for m in _SENTENCE.finditer(view):
        sent = m.group(0)
        no, yes = CLAIM_NO.search(sent), CLAIM_YES.search(sent)
        if not (no or yes) or (no and yes):
            continue
        values, reqs = roles(sent)
        if len(values) != 1 or len(reqs) != 1:
            continue
        (req, op), value = reqs[0], values[0]
        actual = value >= req if op == ">=" else value <= req
        claim = not no
        if claim == actual:
            continue
        said = "đạt" if claim else "chưa đạt"
        msg = (f"Văn bản nói {said} yêu cầu, nhưng {fmt(value)}% so với yêu cầu {op} {fmt(req)}% là "
               f"{'đạt' if actual else 'chưa đạt'}.")  # fmt: skip
        out.append(Finding("arith.met_claim", "error", msg, Evidence.of(ctx.doc, m.start(), m.end())))
    return out


def below_result(t, year: int, value: float, unit: str | None, where: str = "") -> str:
    """The message of a target set below a result already reached (used with and without history)."""
    return (f"Mục tiêu {t.op} {fmt(t.value)}{_unit(t.unit)} năm {t.year} thấp hơn kết quả đã đạt "
            f"năm {year} ({fmt(value)}{_unit(unit)}){where}.")  # fmt: skip


def _unit(unit: str | None) -> str:
    return "" if not unit else unit if unit == "%" else f" {unit}"


# a part of an index: its target is no target for the whole index ("chỉ số thành phần Chi phí không chính thức")
COMPONENT = re.compile(
    r"chỉ số thành phần|chỉ số con|tiêu chí|lĩnh vực|nội dung|trụ cột|nhóm chỉ số|thành phần|chỉ số (?:về|công khai|"
    r"tiếp cận|chi phí|cạnh tranh|tính|dịch vụ|đào tạo|thiết chế|sự hài lòng về)",
    re.I,
)
ENTITY = re.compile(
    r"\b(?:Sở|[Hh]uyện|[Xx]ã|[Pp]hường|[Tt]ỉnh|[Tt]hành phố|[Tt]hị xã|UBND|Ủy ban nhân dân|Bộ|Văn phòng|Ban)"
    r"(?:\s+(?:huyện|xã|phường|tỉnh|thành phố|thị xã))?(?P<name>(?:\s+\w+){1,5})"
)


def _named(text: str | None) -> str | None:
    """The entity a text names ("huyện Đức Trọng", "Sở Tư pháp"), folded, or None (capitals told by
    ``str`` methods: a regex range like ``À-Ỹ`` holds small letters too).

    >>> _named("Chỉ số PAR INDEX của huyện Lâm Hà đạt"), _named("của tỉnh đạt 90 điểm"), _named("Sở Tư pháp đạt")
    ('huyện lâm hà', None, 'sở tư pháp')
    """
    for m in ENTITY.finditer(text or ""):
        words = m.group("name").split()
        if not words[0][:1].isupper():
            continue
        name = [words[0]]
        for w in words[1:]:  # "Tư pháp": a name's later words may be small
            if not w[:1].isupper() and (len(name) > 1 or w in ("đạt", "là", "có", "xếp", "được", "và")):
                break
            name.append(w)
        return " ".join([m.group(0)[: m.start("name") - m.start()].strip(), *name]).lower()
    return None


def _same_entity(target_text: str, entity: str | None) -> bool:
    """Unless both name an entity and the two differ, a target and a result are about the same one."""
    a, b = _named(target_text), _named(entity)
    return a is None or b is None or a in b or b in a


def _earlier_result(ctx: Context, t):
    """A score of the target's index, or a measurement of its indicator, from an earlier year above it:
    the whole index's for a target of the whole index (not a component's), of the same entity."""
    said = ctx.doc.view[t.evidence.start : t.evidence.end]
    v = re.search(rf"{re.escape(fmt(t.value))}\s*(?:%|điểm)", said)
    head = said[: v.start()] if v else said  # the words before the target's value
    whole = not COMPONENT.search(f"{t.indicator or ''} {head}")
    for s in ctx.facts("scores") if whole else []:
        if not _same_entity(f"{t.indicator or ''}. {said}", s.entity):
            continue
        if t.index and s.index == t.index and (s.unit or "%") == (t.unit or "%"):
            if s.value is not None and s.year is not None and s.year < t.year and s.value > t.value:
                return s
    for m in ctx.facts("metrics"):
        if m.unit == t.unit and t.indicator and m.indicator and overlap(t.indicator, m.indicator) >= 0.6:
            if m.value is not None and m.year is not None and m.year < t.year and m.value > t.value:
                return m
    return None


def _targets(ctx: Context) -> list[Finding]:
    """A target for year Y below what the letter itself reports for an earlier year."""
    out = []
    for t in ctx.facts("targets"):
        if t.value is None or t.op not in (">=", ">", "=") or t.year is None:
            continue
        r = _earlier_result(ctx, t)
        if r is not None:
            out.append(
                Finding(
                    "target.below_result", "warning", below_result(t, r.year, r.value, r.unit), t.evidence
                )
            )
    return out
