"""The mention layer: what a document names and counts, found once and shared by every extractor.

:func:`mentions` builds, once per document, the list of its mentions, each with offsets into
``doc.text`` (matched on ``doc.view``):

- ``entity``: who can be scored or assigned: provinces (``tỉnh Quảng Ninh``, ``TP. Hải Phòng``),
  districts and communes (``UBND huyện Châu Thành``, ``xã Tân Hà``), ministries (``Bộ Tư pháp``),
  departments (``Sở TT-TT``), other bodies (``Văn phòng UBND tỉnh``, ``Cục Thuế tỉnh Kiên Giang``);
  ``label`` is the kind, ``name`` the canonical name of a known agency;
- ``index``: an index name (``Chỉ số CCHC``, ``PAR INDEX``, ``SIPAS``); ``label`` its short name,
  ``name`` ``strong`` or ``weak`` (a topic cue such as ``công tác cải cách hành chính``);
- ``component``: a component of an index (``Cải cách thủ tục hành chính``, ``Tính minh bạch``);
- ``number``: a number with its unit (``92,35 điểm``, ``96,5%``), ``value`` parsed;
- ``rank``: a position (``xếp thứ 3/18``, ``đứng đầu``, ``thứ hai``, ``xếp cuối``): ``value`` the
  position (None for "last" without a total), ``total`` out of how many, ``label`` ``last`` for last;
- ``rank_change`` / ``value_change``: ``tăng 08 bậc`` (+8), ``giảm 1,44 điểm`` (-1.44), ``label`` unit;
- ``ratio``: ``04/12 đơn vị``, ``86/87 văn bản``: ``value`` the numerator, ``total`` the denominator,
  ``label`` the noun counted (``None`` when none follows);
- ``year``: ``năm 2022``, ``PCI 2019``; ``label`` ``compared`` after ``so với``, ``date`` in a date;
- ``total``: how many were ranked (``63 tỉnh, thành phố``, ``19 sở, ban, ngành``), ``label`` the noun.

Entities and names are matched with spaCy (a ``Doc`` over the view built from syllable tokens, so
every token keeps its character offset; ``PhraseMatcher`` for the gazetteers, ``Matcher`` for unit
names); names built from a head word and a proper name, numbers, ranks and changes with regular
expressions, which read them more plainly than token patterns and run faster here.

>>> from docmine.parsers.text import from_string
>>> ms = mentions(from_string("Năm 2023, tỉnh Quảng Ninh đạt 92,18%, xếp thứ 1/63, tăng 2 bậc."))
>>> [(m.kind, ms.text(m)) for m in ms.all() if m.kind != "number"]
[('year', 'Năm 2023'), ('entity', 'tỉnh Quảng Ninh'), ('rank', 'xếp thứ 1/63'), ('rank_change', 'tăng 2 bậc')]
>>> r = ms.get("rank")[0]; (r.value, r.total)
(1, 63)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from docmine.model import Document
from docmine.normalize import UPPER
from docmine.vnnum import NUMBER_AT_DIGIT, NUMBER_RE, parse_number
from extractors.common import trie
from extractors.gazetteer import gazetteer

KINDS = ("entity", "index", "component", "number", "ratio", "rank", "rank_change", "value_change", "year", "total")


@dataclass(slots=True, unsafe_hash=True)  # never changed once made; not frozen, which makes each one 4 times slower to build
class Mention:
    kind: str
    start: int
    end: int
    label: str | None = None
    value: float | None = None
    total: int | None = None
    name: str | None = None
    maximum: float | None = None  # a number's maximum (``54,95/61,5 điểm``)


class Mentions:
    """A document's mentions by kind, sorted by offset, with range look-ups."""

    def __init__(self, doc: Document, items: list[Mention]) -> None:
        self.doc = doc
        self._by: dict[str, list[Mention]] = {k: [] for k in KINDS}
        for m in sorted(items, key=lambda m: (m.start, -m.end)):
            self._by[m.kind].append(m)
        self._starts = {k: [m.start for m in v] for k, v in self._by.items()}

    def get(self, kind: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions of ``kind`` lying within ``[start, end)``."""
        items = self._by[kind]
        if not items:
            return []  # most kinds in most documents: no bisection for them
        starts = self._starts[kind]
        lo = bisect.bisect_left(starts, start) if start else 0
        if end is None:
            return items[lo:]
        return [m for m in items[lo : bisect.bisect_left(starts, end, lo)] if m.end <= end]

    def all(self, start: int = 0, end: int | None = None) -> list[Mention]:
        return sorted((m for k in KINDS for m in self.get(k, start, end)), key=lambda m: m.start)

    def text(self, m: Mention) -> str:
        return self.doc.text[m.start : m.end]


def mentions(doc: Document) -> Mentions:
    """The mentions of ``doc``, built on first use and kept in ``doc.layers``."""
    got = doc.layers.get("mentions")
    if got is None:
        got = doc.layers["mentions"] = Mentions(doc, _find(doc))
    return got


# ---------------------------------------------------------------- tokens and the spaCy matchers

# a token, then one space it keeps (``Doc`` ``spaces``); or a run of whitespace other than that one
# space (a newline, a second space), which becomes a token of its own so offsets stay exact
_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*|\w+|[^\w\s])( ?)|(\s+)")


def spacy_doc(text: str):
    """A spaCy ``Doc`` whose text is exactly ``text``: syllables, numbers and marks as tokens, runs of
    whitespace other than one space as whitespace tokens, so ``token.idx`` is an offset into ``text``.

    >>> [t.text for t in spacy_doc("Sở  Nội vụ: 92,35")]
    ['Sở', ' ', 'Nội', 'vụ', ':', '92,35']
    >>> [t.text for t in spacy_doc(" Sở\\n vụ")]
    [' ', 'Sở', '\\n ', 'vụ']
    """
    from spacy.tokens import Doc

    words, spaces = tokens(text)
    return Doc(_nlp().vocab, words=_orths(words), spaces=spaces)


def tokens(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of :func:`spacy_doc` and whether one space follows each: what ``_TOKEN`` finds, read
    piece by piece between single spaces. A piece of letters only (most syllables) is one token with
    a space after it unless it ends the text; a run of other pieces goes to the regex, from its start
    to the single space before the next piece of letters (no token runs across that space, so the
    regex reads the run as it would read the whole text). Three times as fast as the regex alone.

    >>> tokens("Sở  Nội vụ: 92,35")
    (['Sở', ' ', 'Nội', 'vụ', ':', '92,35'], [True, False, True, False, True, False])
    """
    words: list[str] = []
    spaces: list[bool] = []
    word, space, findall = words.append, spaces.append, _TOKEN.findall
    pieces = text.split(" ")
    last = len(pieces) - 1
    at = 0  # where the piece starts in ``text``
    start = -1  # where a run of pieces for the regex starts, or -1
    for i, piece in enumerate(pieces):
        if piece.isalpha():
            if start >= 0:
                for w, s, ws in findall(text, start, at):  # (token, the one space after it, a whitespace run)
                    word(w or ws)
                    space(s == " ")
                start = -1
            word(piece)
            space(i < last)
        elif start < 0:
            start = at
        at += len(piece) + 1
    if start >= 0:
        for w, s, ws in findall(text, start):
            word(w or ws)
            space(s == " ")
    return words, spaces


_ORTH: dict[str, int] = {}  # a token's ORTH id in the vocabulary: a Doc built from ids skips hashing each token


def _orths(words: list[str]) -> list[int]:
    get = _ORTH.get
    out = [get(w) for w in words]
    if None in out:  # tokens not seen before: their lexemes made once
        vocab = _nlp().vocab
        for i, w in enumerate(words):
            if out[i] is None:
                out[i] = _ORTH[w] = vocab[w].orth
    return out  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


_NAME = r"[" + UPPER + r"]\w*(?:[ ]+[" + UPPER + r"]\w*)*"
# a place or an agency the gazetteers do not know: a head word, then a proper name (``huyện Hòn Đất``,
# ``phường 1 Bảo Lộc``, ``Cục Thuế``, ``Sở Lao`` to be widened by :func:`_extend_name`)
_PLACE_PREFIX = re.compile(r"^(?i:tỉnh|thành phố|tp\.?|huyện|h\.|quận|thị xã|tx\.?|xã|phường|thị trấn|đặc khu)[ ]*")


def _words(words: str) -> str:
    """An alternation of ``words`` (``|``-separated) as a prefix tree (see :func:`trie`).

    >>> re.match(_words("xếp|xếp cuối") + r"\\b", "xếp cuối").group(0)
    'xếp cuối'
    """
    return "(?:" + trie(words.split("|")) + ")"


def _cased(words: str) -> str:
    """An alternation of ``words`` (``|``-separated) as written in lower case, Capitalized and in capitals
    (an inline ``(?i:...)`` would keep the regex engine from skipping ahead to them), as a prefix tree."""
    return _words("|".join(sorted({f for w in words.split("|") for f in (w, w[:1].upper() + w[1:], w.upper())})))


PLACE_RE = re.compile(
    _cased("tỉnh|thành phố|tp.|tp|huyện|h.|quận|thị xã|tx.|tx|xã|phường|thị trấn|đặc khu") + "[ ]*"
    r"(?:\d{1,2}(?:[ ]+" + _NAME + r")?|" + _NAME + r")"
)
AGENCY_RE = re.compile(
    _cased("sở|bộ chỉ huy|bộ|ban|chi cục|tổng cục|cục|văn phòng|thanh tra|trung tâm|ủy ban|kho bạc|ngân hàng|"
           "công an|bảo hiểm|đài|viện kiểm sát|viện|trường|tòa án|liên đoàn|quỹ|báo|hội") + "[ ]+" + _NAME
)


@lru_cache(maxsize=1)
def _matchers():
    from spacy.matcher import PhraseMatcher

    g = gazetteer()
    vocab = _nlp().vocab
    lower = PhraseMatcher(vocab, attr="LOWER")
    for phrase, (code, strength) in g.index_names.items():
        lower.add(f"index|{code}|{strength}", [spacy_doc(phrase)])
    by_kind: dict[str, list] = {}
    for kind, phrase, _ in g.agencies:
        by_kind.setdefault(kind, []).append(spacy_doc(phrase))
    for kind, docs in by_kind.items():
        lower.add(f"entity|{kind}", docs)
    by_index: dict[str, list] = {}
    for index, name in g.components:
        by_index.setdefault(index, []).append(spacy_doc(name))
    for index, docs in by_index.items():
        lower.add(f"component|{index}", docs)
    proper = PhraseMatcher(vocab, attr="ORTH")
    proper.add("entity|province", [spacy_doc(p) for p in g.provinces])
    bare = sorted(d for d in g.districts - set(g.provinces) if d[:1].isupper())  # ``Quận 1`` needs its prefix
    proper.add("entity|district", [spacy_doc(d) for d in bare])
    return lower, proper


@lru_cache(maxsize=1)
def _index_regex() -> re.Pattern[str]:
    g = gazetteer()
    names = [p for p, (_, strength) in g.index_names.items() if strength == "strong"]  # in lower case
    return re.compile("(?:" + trie(names).replace(r"\ ", r"\s+") + r")(?!\w)")  # run on lowered text


def index_in(text: str) -> str | None:
    """The index a short text names (a table header, a caption), for text outside the mention layer.

    >>> index_in("Điểm số PAR Index"), index_in("Xếp hạng Chỉ số hài lòng"), index_in("Điểm số")
    ('PAR', 'SIPAS', None)
    """
    m = next(word_matches(_index_regex(), lowered(text)), None)
    return gazetteer().index_names[" ".join(m.group(0).split())][0] if m else None


# ---------------------------------------------------------------- entities

_LEFT = re.compile(r"(?:(?:UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|Văn phòng UBND|Văn phòng)\s+)$", re.I)
_RIGHT = re.compile(
    r"^(?:\s+chi nhánh)?\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã)(?![\w])(?:\s+[" + UPPER + r"]\w*(?:\s+[" + UPPER + r"]\w*){0,3})?)"
)
_PROVINCE_PREFIX = re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?|Tp\.?)\s*$", re.I)
_UP_PLACE = re.compile(r",[ ]*(?=(?:huyện|quận|thị xã|TX\.|TP\.|thành phố|tỉnh)[ ]*[" + UPPER + r"])")  # the unit above
_PLACE_HEADS = re.compile(r"^(?:tỉnh|thành phố|tp|huyện|h|quận|thị xã|tx|xã|phường|thị trấn|đặc khu)\b", re.I)


def _entities(doc: Document, sdoc, lower_hits, proper_hits) -> list[Mention]:
    g = gazetteer()
    view = doc.view
    cands: list[tuple[int, int, str, str | None]] = []  # (start, end, label, canonical)
    for label, s, e in lower_hits:
        if label.startswith("entity|"):
            span = sdoc[s:e]
            cands.append((span.start_char, span.end_char, label.split("|")[1], g.agency_canon.get(span.text.lower())))
    for label, s, e in proper_hits:
        span = sdoc[s:e]
        cands.append((span.start_char, span.end_char, label.split("|")[1], g.provinces.get(span.text)))
    for m in word_matches(PLACE_RE, view):
        name = _PLACE_PREFIX.sub("", m.group(0))
        if name in g.provinces and re.match(r"(?i)tỉnh|thành phố|tp", m.group(0)):
            cands.append((m.start(), m.end(), "province", g.provinces[name]))  # ``TP.HCM``, ``tỉnh Hà Giang``
        else:
            cands.append((m.start(), m.end(), _place_kind(m.group(0)), None))
    for m in word_matches(AGENCY_RE, view):
        cands.append((m.start(), m.end(), "agency", None))
    # a longer mention wins; among equal spans, a gazetteer's (canonical) wins
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[3] is None))
    ends: dict[tuple[int, str], int] = {}  # the longest candidate of a kind starting at an offset
    for cs, ce, clabel, _ in cands:
        ends.setdefault((cs, clabel), ce)
    out: list[Mention] = []
    last_end = -1
    for s, e, label, canon in cands:
        if s < last_end:
            continue
        # widen: ``UBND`` before a place, a locative after an agency (``Cục Thuế tỉnh Kiên Giang``)
        left = _LEFT.search(view[max(0, s - 25) : s])
        if left and label in ("district", "commune", "province", "place") or left and _PLACE_HEADS.match(view[s:e]):
            s -= len(left.group(0))
        elif label == "province" and (pre := _PROVINCE_PREFIX.search(view[max(0, s - 12) : s])):
            s -= len(pre.group(0))  # ``TP.HCM``, ``tỉnh Quảng Ninh`` as written
        if label == "agency":
            e = _extend_name(view, e)
        if label in ("department", "ministry", "body", "agency", "district", "province", "commune") or (
            label == "place" and not _PLACE_HEADS.match(view[s:e])
        ):
            right = _RIGHT.match(view[e : e + 60])
            if right and "\n" not in right.group(0):
                e += right.end()
            elif label in ("department", "body", "agency") and view[e : e + 1] == " " and (e + 1, "province") in ends:
                e = ends[(e + 1, "province")]  # ``Sở Tài chính Hà Nội``, ``Cục Hải quan Quảng Ninh``: one body
        if label == "commune" and (up := _UP_PLACE.match(view, e)):
            at = up.end()
            e = max((ends.get((at, k), e) for k in ("district", "province")), default=e)  # ``xã A, huyện B``
        out.append(Mention("entity", s, e, label, name=canon))
        last_end = e
    return out


_STOP = set(
    "đạt xếp đứng với có là được tăng giảm dẫn tiếp theo trong tại của cho về từ đến năm vị thứ hạng điểm đã đang sẽ "
    "vẫn cũng chỉ luôn nằm thuộc gồm vươn tụt duy giữ lên xuống trên dưới so khi nhưng các những này đó thì mà nên "
    "chủ phối thực triển tổ tham rà xây kiểm hướng nghiên báo cần phải ban hành giao yêu đề nghị và hoặc".split()
)
_NEXT_WORD = re.compile(r"(\s*,\s*|\s+và\s+|\s+&\s+|\s*-\s*|\s+)([^\W\d_]+)")
_HEAD_WORDS = {"sở", "ban", "bộ", "ubnd", "ủy", "cục", "chi", "văn", "thanh", "trung", "kho", "ngân", "công", "bảo"}


def _extend_name(view: str, e: int, limit: int = 8) -> int:
    """The end of an agency name the gazetteer does not know: ``Sở Lao`` is ``Sở Lao động, TB và XH``.
    The name runs on over words that are not a verb or a function word, and over ``,``/``và``/``-``
    only before a capitalised word that does not start another name."""
    for _ in range(limit):
        m = _NEXT_WORD.match(view, e)
        if not m:
            break
        sep, word = m.group(1), m.group(2)
        low = word.lower()
        if low in _STOP or "\n" in sep:
            break
        if sep.strip() and (not word[0].isupper() or low in _HEAD_WORDS):
            break
        if not sep.strip() and word[0].isupper() and low in _HEAD_WORDS:
            break
        e = m.end()
    return e


def _place_kind(text: str) -> str:
    t = text.lower()
    if t.startswith("tỉnh"):
        return "province"
    if t.startswith(("xã", "phường", "thị trấn", "đặc khu")):
        return "commune"
    return "district"


# ---------------------------------------------------------------- numbers, ranks, changes, years

_ORD = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
        "chín": 9, "mười": 10}  # fmt: skip
_ORD_RE = r"nhất|nhì|hai|ba|tư|bốn|năm(?!\s+\d)|sáu|bảy|tám|chín|mười"


def _pos(k: str) -> str:
    return rf"(?:(?P<{k}d>\d{{1,3}})|(?P<{k}w>{_ORD_RE}))(?![\d,.]\d)"


def _out_of(k: str) -> str:
    return rf"(?:\s*/\s*|\s+trên\s+(?:tổng\s+số\s+)?|\s+trong\s+(?:tổng\s+)?số\s+|\s+trong\s+)(?P<{k}t>\d{{1,3}})(?![\d/])"


# Each pattern begins with its own words, so the regex engine can skip ahead to them: the word
# boundary before a match is checked by :func:`word_matches` (a look-behind in front would make the engine
# try every position of the text), and the case-free ones run on :func:`lowered` text without re.I.
RANK_AT = re.compile(_words("vị trí|thứ hạng|hạng|thứ|vị thứ") + r"\s+(?:thứ\s+)?" + _pos("a") + "(?:" + _out_of("a") + ")?")
RANK_VERB = re.compile(_words("xếp|đứng|tụt xuống|vươn lên|lên|xuống|ở") + r"\s+" + _pos("b") + _out_of("b"))
RANK_FIRST = re.compile(
    _words("đứng đầu|dẫn đầu|xếp đầu|đầu bảng|quán quân|thủ khoa|ngôi đầu|vị trí đầu|vị trí dẫn đầu|cao nhất") + r"(?!\w)"
)
RANK_LAST = re.compile(
    _words("xếp cuối|đứng cuối|cuối bảng|đội sổ|chót bảng|vị trí cuối cùng|vị trí cuối|bét bảng|thấp nhất") + r"(?!\w)"
    r"(?:\s*(?:-\s*)?(?:thứ\s+)?(?P<lastn>\d{1,3})(?:\s*/\s*(?P<lastt>\d{1,3}))?(?![\d/]))?",
)
RANK_PAIR = re.compile(r"\(\s*(?P<pp>\d{1,3})\s*/\s*(?P<pt>\d{1,3})\s*\)")  # ``Lâm Đồng (46/63)``
_VERB_BEFORE = re.compile(r"(?:xếp|đứng|giữ|ở|đạt|duy trì|vươn lên|tụt xuống|lên|xuống|tụt|nằm ở|có)\s+(?:ở\s+)?$", re.I)


def lowered(text: str) -> str:
    """``text`` in lower case, letter for letter (offsets unchanged): case-free patterns run on it
    without ``re.I``, which would keep the regex engine from skipping ahead to their words."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def low_view(doc: Document) -> str:
    """:func:`lowered` of ``doc.view``, made once per document."""
    got = doc.layers.get("low_view")
    if got is None:
        got = doc.layers["low_view"] = lowered(doc.view)
    return got


def word_matches(rx: re.Pattern[str], text: str, before: str = "") -> Iterator[re.Match[str]]:
    """Matches of ``rx`` that start a word (not after a letter, digit or one of ``before``). A pattern
    without a look-behind in front lets the regex engine skip ahead to its first letters.

    >>> [m.group(0) for m in word_matches(re.compile(r"Hà Nam"), "Hà Nam, PHà Nam")]
    ['Hà Nam']
    """
    for m in rx.finditer(text):
        i = m.start()
        if i and (text[i - 1].isalnum() or text[i - 1] == "_" or text[i - 1] in before):
            continue
        yield m


_WEEKDAY = re.compile(r"\s*,?\s*(?:ngày\s*)?\d{1,2}\s*/\s*\d{1,2}", re.I)
RANK_CHANGE_RE = re.compile(
    "(" + _words("tăng|giảm|tụt|lên|xuống|vượt|thăng|nhảy|tụt giảm|thụt lùi") + r")\s+(?:hạng\s+)?(?:thêm\s+)?(?:được\s+)?(\d{1,3})\s+"
    r"(?:bậc|hạng|vị trí|bậc xếp hạng|thứ hạng)(?![\w])",
)
VALUE_CHANGE_RE = re.compile(
    "(" + _words("tăng|giảm|cao hơn|thấp hơn|tăng thêm|giảm thêm|tăng lên|giảm đi|tăng gần|giảm gần|giảm nhẹ|tăng nhẹ") + r")\s+"
    rf"(?:so với\s+(?:năm\s+)?(?:\d{{4}}\s+)?(?:cùng kỳ\s+)?)?(?:là\s+|được\s+|gần\s+|hơn\s+)?({NUMBER_RE})\s*(điểm phần trăm|điểm|%)",
)
SIGNED_CHANGE_RE = re.compile(rf"\(\s*([+\-])\s*({NUMBER_RE})\s*(điểm|%)?\s*\)")
NUMBER_MENTION_RE = re.compile(
    rf"({NUMBER_AT_DIGIT})(?:\s*/\s*({NUMBER_RE})(?=\s*điểm)|\s*/\s*(100|10|1)(?![\d/.,]))?(?![\w/]|[.,]\d)"
    r"(?:\s*(%|điểm|phần trăm)(?![\w]))?"
)
_NOT_RANK_BEFORE = re.compile(
    r"(?:năm|lần|kỳ|khóa|đợt|ngày|tuần|tháng|quý|giai đoạn|Điều|khoản|mục|nhóm|tốp|top|"
    r"(?<![\d/.,])\d{1,2}\s*|\d+\s+(?:vị trí|đơn vị|tỉnh(?:,\s*thành(?: phố)?)?|sở(?:,\s*(?:ban,\s*)?ngành)?|địa phương|huyện|cơ quan|bộ))\s*$",
    re.I,
)
YEAR_RE = re.compile(r"(?:năm|Năm|NĂM)\s+(\d{4})(?![\d/])")
_INDEX_YEAR = re.compile(r"(?:\s+[" + UPPER + r"]\w*){0,3}\s*[-–]?\s*(\d{4})(?![\d/])")  # ``DDCI Bắc Giang 2020``
_COMPARED = re.compile(r"(?:so với|so|với|hơn)\s*(?:cùng kỳ\s*)?$", re.I)
# the groups results are counted in (``63 tỉnh, thành phố``, ``các sở, ban, ngành``), longest first
GROUP_NOUNS = (
    r"(?:huyện\s*/\s*thành phố|huyện\s*/\s*thị xã|tỉnh,\s*thành phố(?:\s+trực thuộc trung ương)?|tỉnh,\s*thành|"
    r"tỉnh thành(?: phố)?|tỉnh|bộ,\s*cơ quan ngang bộ|bộ,\s*ngành|bộ|sở,\s*ban,\s*ngành(?:\s+tỉnh)?|sở,\s*ngành|sở|"
    r"cơ quan,\s*đơn vị|cơ quan|đơn vị|địa phương|huyện,\s*thị xã,\s*thành phố|huyện,\s*thành phố|huyện|"
    r"xã,\s*phường,\s*thị trấn|xã,\s*phường,\s*đặc khu|xã,\s*phường|xã|phường|quận,\s*huyện)(?![\w])"
)
TOTAL_RE = re.compile(r"(\d\d{0,2})\s+(" + GROUP_NOUNS + ")")  # run on lowered text; opens with a digit


# opens with a digit (the engine skips ahead to digits), then looks ahead for the slash: most numbers are not ratios
RATIO_RE = re.compile(r"(\d(?=[\d.]{0,18}\s*/)(?:\d{0,2}(?:\.\d{3})+|\d{0,4}))\s*/\s*(\d{1,3}(?:\.\d{3})+|\d{1,5})(?![\w/]|[.,]\d|\s*-\s*\w)")
_NOT_RATIO_BEFORE = re.compile(r"(?:ngày|từ|đến|tháng|số|Số|quý|Quý|lần|năm|Điều|khoản)\s*[:]?\s*$|[-/]\s*$")
_NOUN_AFTER = re.compile(r"\s+(?!năm\b|tháng\b|ngày\b|và\b|của\b|so\b|đạt\b|là\b|với\b)([^\W\d_][\w&]*)")


_NOUN_STOP = set(
    "đạt xếp đứng với có là được tăng giảm trong tại của cho về từ đến năm đã đang sẽ vẫn cũng chỉ thuộc gồm trên "
    "dưới so khi nhưng các những này đó thì mà nên và hoặc đề chưa không bị cần phải theo như hiện còn".split()
)
_NOUNS = set(
    "đơn vị|văn bản|hồ sơ|nhiệm vụ|thủ tục|cơ quan|địa phương|chỉ tiêu|báo cáo|cán bộ|công chức|viên chức|doanh nghiệp|"
    "kiến nghị|đề xuất|quyết định|kế hoạch|tiêu chí|người dân|dịch vụ|biên chế|sáng kiến|mô hình|giấy tờ|trường hợp|"
    "gia đình|phòng ban|sở ngành|phản ánh|ý kiến|lượt truy cập|tài khoản|giao dịch|chứng thư|hội nghị|cuộc họp".split("|")
)
_NEXT_SYLLABLE = re.compile(r"[ ]+([^\W\d_][\w&]*)")


def _noun_after(view: str, at: int) -> str | None:
    """The noun a ratio counts (``04/12 đơn vị``, ``02/03 cuộc đối thoại với``): up to three syllables,
    ending before a verb, a function word or a mark."""
    m = _NOUN_AFTER.match(view, at)
    if not m or m.group(1)[:1].isupper() and len(m.group(1)) < 3:
        return None
    words, pos = [m.group(1)], m.end()
    two = _NEXT_SYLLABLE.match(view, pos)
    if two and f"{words[0]} {two.group(1)}".lower() in _NOUNS:
        return f"{words[0]} {two.group(1)}"  # a word of two syllables the text counts often
    while len(words) < 3 and (n := _NEXT_SYLLABLE.match(view, pos)) and n.group(1).lower() not in _NOUN_STOP:
        words.append(n.group(1))
        pos = n.end()
    return " ".join(words)


def _pos_value(digits: str | None, word: str | None) -> int | None:
    if digits:
        return int(digits)
    return _ORD.get((word or "").lower())


def _numbers_etc(view: str, low: str, index_ends: list[int]) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    ranks: list[Mention] = []
    for m in word_matches(RANK_PAIR, view):
        pos, total = int(m.group("pp")), int(m.group("pt"))
        if 0 < pos <= total and total >= 5:
            ranks.append(Mention("rank", m.start(), m.end(), "pair", pos, total))
    for m in word_matches(RANK_FIRST, low):
        if not re.search(r"người\s*$", view[max(0, m.start() - 8) : m.start()], re.I):  # ``người đứng đầu``
            ranks.append(Mention("rank", m.start(), m.end(), "first", 1))
    for m in word_matches(RANK_LAST, low):
        n, t = m.group("lastn"), m.group("lastt")
        total = int(t) if t else (int(n) if n else None)
        ranks.append(Mention("rank", m.start(), m.end(), "last", int(n) if n else None, total))
    for rx, k in ((RANK_AT, "a"), (RANK_VERB, "b")):
        for m in word_matches(rx, low):
            pos = _pos_value(m.group(k + "d"), m.group(k + "w"))
            if not pos:
                continue
            start = m.start()
            verb = _VERB_BEFORE.search(view[max(0, start - 20) : start]) if k == "a" else None
            if verb and (start - 20 + verb.start() <= 0 or not view[max(0, start - 20) + verb.start() - 1].isalnum()):
                start -= len(verb.group(0))  # ``xếp thứ 3``: the verb belongs to the rank
            total = int(m.group(k + "t")) if m.group(k + "t") else None  # kept as written, even past its total
            ranks.append(Mention("rank", start, m.end(), None, pos, total))
    ranks.sort(key=lambda r: (r.start, -r.end))
    move_ms = list(word_matches(RANK_CHANGE_RE, low))
    moves = [(m.start(), m.end()) for m in move_ms]
    for r in ranks:
        if any(t[0] <= r.start and r.end <= t[1] for t in taken[-3:]):
            continue  # inside a longer rank (``vị trí cuối cùng - thứ 19``)
        if any(a <= r.start and r.end <= b for a, b in moves):
            continue  # ``thăng hạng 2 bậc``: a move, not a place
        if _NOT_RANK_BEFORE.search(view[max(0, r.start - 30) : r.start]) or re.match(
            r"(?:năm|lần)\s", view[r.start : r.end], re.I
        ):
            continue  # ``năm thứ 2 liên tiếp``, ``lần thứ 3``
        if re.match(r"thứ\s", view[r.start : r.end], re.I) and _WEEKDAY.match(view, r.end):
            continue  # ``Thứ 3, ngày 18/06/2024`` is a weekday
        out.append(r)
        taken.append((r.start, r.end))
    for m in move_ms:
        sign = -1 if m.group(1).lower() in ("giảm", "tụt", "xuống", "tụt giảm", "thụt lùi") else 1
        out.append(Mention("rank_change", m.start(), m.end(), "bậc", sign * int(m.group(2))))
        taken.append((m.start(), m.end()))
    for m in word_matches(VALUE_CHANGE_RE, low):
        if re.search(r"(?:không|chưa)\s+$", view[max(0, m.start() - 6) : m.start()]):
            continue  # ``không thấp hơn 80%``: a bound, not a change
        v = parse_number(m.group(2), max_value=100)
        if v is None:
            continue
        sign = -1 if m.group(1).lower().startswith(("giảm", "thấp")) else 1
        unit = "%" if m.group(3) in ("%", "điểm phần trăm") else "điểm"
        out.append(Mention("value_change", m.start(), m.end(), unit, sign * v))
        taken.append((m.start(), m.end()))
    for m in SIGNED_CHANGE_RE.finditer(view):
        v = parse_number(m.group(2), max_value=100)
        if v is None:
            continue
        out.append(Mention("value_change", m.start(), m.end(), m.group(3), (-1 if m.group(1) == "-" else 1) * v))
        taken.append((m.start(), m.end()))
    years = list(word_matches(YEAR_RE, view))
    for m in years:
        taken.append((m.start(), m.end()))
    taken.sort()
    starts = [t[0] for t in taken]

    def inside(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        return i >= 0 and taken[i][0] <= s and e <= taken[i][1]

    for m in years:
        y = int(m.group(1))
        if 1990 <= y <= 2100:
            out.append(Mention("year", m.start(), m.end(), _year_role(view, m.start()), y))
    for e in index_ends:  # ``PCI 2019``, ``PAR INDEX 2022``
        m = _INDEX_YEAR.match(view, e)
        if m and 1990 <= int(m.group(1)) <= 2100:
            out.append(Mention("year", m.start(1), m.end(1), _year_role(view, m.start()), int(m.group(1))))
    for m in word_matches(RATIO_RE, view, "/.,-"):
        if inside(m.start(), m.end()) or _NOT_RATIO_BEFORE.search(view[max(0, m.start() - 12) : m.start()]):
            continue
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if a is None or b is None or not b or a > b or re.match(r"\s*điểm", view[m.end() : m.end() + 8]):
            continue
        noun = _noun_after(view, m.end())
        end = m.end() + (view.find(noun, m.end()) - m.end() + len(noun) if noun else 0)
        out.append(Mention("ratio", m.start(), end, noun, a, int(b)))
    for m in word_matches(TOTAL_RE, low, ".,"):
        n = int(m.group(1))
        if n >= 2:
            out.append(Mention("total", m.start(), m.end(), " ".join(m.group(2).lower().split()), n))
    for m in word_matches(NUMBER_MENTION_RE, view, "/.,-"):
        if inside(m.start(), m.end(1)):
            continue
        unit = m.group(4)
        maximum = m.group(2) or m.group(3)
        v = parse_number(m.group(1), max_value=1000 if unit or maximum else None)
        if v is None:
            continue
        if unit == "phần trăm":
            unit = "%"
        if maximum:
            unit = unit or "điểm"
        mx = parse_number(maximum, max_value=1000) if maximum else None
        out.append(Mention("number", m.start(), m.end(), unit, v, maximum=mx))
    return out


_DATE_BEFORE = re.compile(r"(?:tháng\s*\d{0,2}\s*|ngày\s*\d{0,2}\s*)$", re.I)


def _year_role(view: str, start: int) -> str | None:
    """``compared`` after ``so với``; ``date`` for the year of a date (``ngày 28 tháng 11 năm 2025``)."""
    before = view[max(0, start - 20) : start]
    if _COMPARED.search(before):
        return "compared"
    return "date" if _DATE_BEFORE.search(before) else None


# ---------------------------------------------------------------- goals (read on demand for a sentence)

TOP_RE = re.compile(
    r"(?<![\w])(?:top|tốp)\s*(?P<top>\d{1,2})(?!\d)"
    r"|(?<![\w])(?:nhóm|trong|vào)\s+(?P<group>\d{1,2})\s+(?:tỉnh|địa phương|đơn vị|sở|bộ|huyện|cơ quan|quận|nước|quốc gia)"
    r"[^.;:]{0,50}?(?:dẫn đầu|cao nhất|tốt nhất|đứng đầu)(?![\w])",
    re.I,
)
GOAL_CHANGE_RE = re.compile(
    r"(?<![\w])(?:tăng|nâng|cải thiện|vươn lên)\s+(?:thêm\s+)?(?:(?P<op>từ|ít nhất|tối thiểu|trên|hơn)\s+)?"
    rf"(?P<n>{NUMBER_RE})(?:\s*[-–]\s*(?P<hi>{NUMBER_RE}))?\s*(?P<unit>bậc|hạng|vị trí|điểm)(?![\w])",
    re.I,
)


def top_ranks(doc: Document, start: int, end: int) -> list[Mention]:
    """Ranks a goal names by a group of leaders in ``doc.view[start:end]``: ``top 8``, ``nhóm 15 tỉnh
    dẫn đầu khu vực`` (``label`` ``top``, ``value`` the size of the group).

    >>> from docmine.parsers.text import from_string
    >>> d = from_string("giữ vững trong TOP 8 cả nước; thuộc nhóm 15 tỉnh dẫn đầu khu vực")
    >>> [(m.label, m.value) for m in top_ranks(d, 0, len(d.text))]
    [('top', 8), ('top', 15)]
    """
    out = []
    for m in TOP_RE.finditer(doc.view, start, end):
        n = int(m.group("top") or m.group("group"))
        if n:
            out.append(Mention("rank", m.start(), m.end(), "top", n))
    return out


def goal_changes(doc: Document, start: int, end: int) -> list[Mention]:
    """Rises a goal asks for in ``doc.view[start:end]``: ``tăng từ 3 - 6 bậc``, ``tăng ít nhất 02 bậc``,
    ``tăng 2,15 điểm``; ``label`` the unit (``bậc`` or ``điểm``), ``value`` the least rise, ``name`` the
    comparison (``>=`` for a range or a floor, ``>`` for ``trên``, else ``=``).

    >>> from docmine.parsers.text import from_string
    >>> d = from_string("tăng từ 3- 6 bậc; tăng ít nhất 02 bậc; tổng điểm tăng 2,15 điểm")
    >>> [(m.label, m.value, m.name) for m in goal_changes(d, 0, len(d.text))]
    [('bậc', 3, '>='), ('bậc', 2, '>='), ('điểm', 2.15, '=')]
    """
    out = []
    for m in GOAL_CHANGE_RE.finditer(doc.view, start, end):
        unit = "điểm" if m.group("unit").lower() == "điểm" else "bậc"
        v = parse_number(m.group("n"), max_value=100)
        if v is None:
            continue
        op = (m.group("op") or "").lower()
        op = ">" if op in ("trên", "hơn") else ">=" if op or m.group("hi") else "="
        out.append(Mention(f"{'value' if unit == 'điểm' else 'rank'}_change", m.start(), m.end(), unit, v, name=op))
    return out


def noun_after(view: str, at: int) -> str | None:
    """The noun a number counts, read as for ratios (``12 thủ tục hành chính``: ``thủ tục``).

    >>> noun_after("đưa 12 thủ tục hành chính lên nền tảng số", 6)
    'thủ tục'
    """
    return _noun_after(view, at)


# ---------------------------------------------------------------- all together


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps one of the sorted ``spans`` (which may nest)."""
    i = bisect.bisect_left(spans, (e, -1))
    return any(spans[j][1] > s for j in range(max(0, i - 8), i))

_COMPONENT_NAMED = re.compile(
    r"(?:tiêu chí(?: thành phần)?|lĩnh vực|chỉ số thành phần|trụ cột|chỉ số)\s+"
    r"(?!(?:này|đó|trên|năm|chung|cải cách|hài lòng|cchc|par|pci|papi|dti|sipas|ddci|đạt|xếp|tăng|giảm|của|được|là|"
    r"có|với|cao|thấp|trung bình|tuyệt đối|đánh giá|tổng hợp|này|các|những)\b)"
    r"(?P<name>[^\W\d_]+(?:[ ,\-]+(?!(?:đạt|xếp|tăng|giảm|với|là|được|có|dẫn|đứng|của|chiếm|lên|từ|và|"
    r"năm|trong|tại|so|nhưng|còn|thì|khi|đã|vẫn|cũng|luôn|ở)\b)[^\W\d_]+){0,11})",
)  # run on lowered text
_BREAKDOWN = re.compile(r"trong đó|bao gồm|gồm|cụ thể|thành phần|\(", re.I)


def _subordinate(view: str, indices: list[Mention]) -> list[Mention]:
    """An index named inside another's breakdown (``Chỉ số PAR ... đạt 81,07 điểm, trong đó ... (gồm
    Chỉ số SIPAS đạt 7,9/10 điểm``) is a component of it: its strength becomes ``component``."""
    out: list[Mention] = []
    for m in indices:
        prev = next((p for p in reversed(out) if p.name == "strong"), None)
        if prev is not None and m.name == "strong" and prev.label != m.label:
            gap = view[prev.end : m.start]
            if len(gap) < 300 and not re.search(r"[.;!?](?:\s|$)|\n", gap) and _BREAKDOWN.search(gap):
                m = Mention(m.kind, m.start, m.end, m.label, name="component")
        out.append(m)
    return out



def _find(doc: Document) -> list[Mention]:
    view = doc.view
    if not view.strip():
        return []
    lower, proper = _matchers()
    sdoc = spacy_doc(view)
    strings = _nlp().vocab.strings
    lower_hits = [(strings[k], s, e) for k, s, e in lower(sdoc)]
    proper_hits = [(strings[k], s, e) for k, s, e in proper(sdoc)]
    out: list[Mention] = []
    index_ends: list[int] = []
    comps: list[tuple[int, int, str]] = []
    for label, s, e in sorted(lower_hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        kind, *rest = label.split("|")
        span = sdoc[s:e]
        if kind == "index":
            if out and out[-1].kind == "index" and span.start_char < out[-1].end:
                continue  # inside a longer index name
            out.append(Mention("index", span.start_char, span.end_char, rest[0], name=rest[1]))
            index_ends.append(span.end_char)
        elif kind == "component":
            if comps and span.start_char < comps[-1][1]:
                continue
            comps.append((span.start_char, span.end_char, rest[0]))
    out = _subordinate(view, out)
    taken = sorted([(cs, ce) for cs, ce, _ in comps] + [(i.start, i.end) for i in out])
    named = []
    for m in word_matches(_COMPONENT_NAMED, low_view(doc)):  # ``tiêu chí Kiểm soát tham nhũng``: a component by its head word
        s, e = m.start("name"), m.end("name")
        if not _overlaps(taken, s, e):
            named.append((s, e, None))
    comps = sorted(comps + named)
    out += [Mention("component", s, e, idx) for s, e, idx in comps]
    out += _entities(doc, sdoc, lower_hits, proper_hits)
    out += _numbers_etc(view, low_view(doc), index_ends)
    return out
