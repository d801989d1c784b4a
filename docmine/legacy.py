"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC, .VnTime fonts) and VNI (VNI-Times fonts).

Text in these fonts reaches us either as raw bytes (a .txt file) or as Unicode code points
U+0080..U+00FF that stand for the glyphs (a .docx run or a PDF text layer). Both are
handled by mapping the Latin-1 code points.

>>> from_tcvn3("C\\u00abng v\\u00a8n")
'Công văn'
>>> from_vni("Coâng vaên")
'Công văn'
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from docmine.memo import PerWord

_VOWELS_TONED = {
    # base: (grave, hook, tilde, acute, dot)
    "a": "àảãáạ", "ă": "ằẳẵắặ", "â": "ầẩẫấậ", "e": "èẻẽéẹ", "ê": "ềểễếệ", "i": "ìỉĩíị",
    "o": "òỏõóọ", "ô": "ồổỗốộ", "ơ": "ờởỡớợ", "u": "ùủũúụ", "ư": "ừửữứự", "y": "ỳỷỹýỵ",
}  # fmt: skip

# TCVN3 (TCVN 5712:1993 VN3 / "ABC"): one byte per lower-case letter with its tone; the
# bases ă â ê ô ơ ư đ and their capitals have their own codes. Rows follow _VOWELS_TONED
# order (grave, hook, tilde, acute, dot).
_TCVN3_TONED = {
    "a": "\xb5\xb6\xb7\xb8\xb9", "ă": "\xbb\xbc\xbd\xbe\xc6", "â": "\xc7\xc8\xc9\xca\xcb",
    "e": "\xcc\xce\xcf\xd0\xd1", "ê": "\xd2\xd3\xd4\xd5\xd6", "i": "\xd7\xd8\xdc\xdd\xde",
    "o": "\xdf\xe1\xe2\xe3\xe4", "ô": "\xe5\xe6\xe7\xe8\xe9", "ơ": "\xea\xeb\xec\xed\xee",
    "u": "\xef\xf1\xf2\xf3\xf4", "ư": "\xf5\xf6\xf7\xf8\xf9", "y": "\xfa\xfb\xfc\xfd\xfe",
}  # fmt: skip
_TCVN3_BASE = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
}  # fmt: skip

TCVN3: dict[str, str] = dict(_TCVN3_BASE)
for _base, _codes in _TCVN3_TONED.items():
    for _code, _uni in zip(_codes, _VOWELS_TONED[_base], strict=True):
        TCVN3[_code] = _uni

# VNI: a base letter followed by a mark byte. Lower-case marks below; capitals use the
# same marks in upper case (e.g. "AØ" = À). Marks combine: "aà" = ầ (â + grave).
_VNI_TONE = {"ø": 0, "û": 1, "õ": 2, "ù": 3, "ï": 4}  # grave, hook, tilde, acute, dot
_VNI_HAT_TONE = {"à": 0, "å": 1, "ã": 2, "á": 3, "ä": 4}  # circumflex + tone
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "æ": "ỉ", "Æ": "Ỉ", "ò": "ị", "Ò": "Ị",
    "ó": "ĩ", "Ó": "Ĩ", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip


def _tone(base: str, idx: int) -> str:
    low = _VOWELS_TONED[base.lower()][idx]
    return low.upper() if base.isupper() else low


def from_tcvn3(s: str) -> str:
    """Map TCVN3 glyph code points to Unicode (capital toned letters come out lower case)."""
    return "".join(TCVN3.get(ch, ch) for ch in s)


def _vni_pair(m: re.Match[str]) -> str:
    base, marks = m.group(1), m.group(2)
    ml = marks.lower()
    b = base
    if b.lower() in "aeo" and ml in _VNI_HAT_TONE:
        hat = {"a": "â", "e": "ê", "o": "ô"}[b.lower()]
        return _tone(hat.upper() if b.isupper() else hat, _VNI_HAT_TONE[ml])
    if b.lower() in "aeo" and ml == "â":
        hat = {"a": "â", "e": "ê", "o": "ô"}[b.lower()]
        return hat.upper() if b.isupper() else hat
    if b.lower() == "a" and ml == "ê":
        return "Ă" if b.isupper() else "ă"
    if b.lower() == "a" and ml in {"é", "è", "ú", "ü", "ë"}:
        idx = {"è": 0, "ú": 1, "ü": 2, "é": 3, "ë": 4}[ml]
        return _tone("Ă" if b.isupper() else "ă", idx)
    if b.lower() in "aeiouyơư" and ml in _VNI_TONE:
        return _tone(b, _VNI_TONE[ml])
    return m.group(0)


_VNI_RE = re.compile(r"([aeouyAEOUYơưƠƯ])([øûõùïâêàåãáäéèúüëØÛÕÙÏÂÊÀÅÃÁÄÉÈÚÜË])")


def from_vni(s: str) -> str:
    """Map VNI two-byte sequences (base letter + mark glyph) to Unicode."""
    s = "".join(_VNI_SINGLE.get(ch, ch) for ch in s)
    return _VNI_RE.sub(_vni_pair, s)


_COMMON = set(
    "và của các năm ngày được cho trong có là không thực hiện này với đã người theo về một "
    "những tỉnh sở công văn việc đơn vị cải cách hành chính quyết định kế hoạch báo cáo nhân dân "
    "số tháng tại đến từ nội dung kết quả chỉ ủy ban nghiệp phòng trên để cơ quan nhiệm vụ".split()
)


_WORD = re.compile(r"[^\W\d_]+")
_LATIN1 = re.compile(r"[\xa1-\xff]")  # where a legacy font's bytes land when read as Latin-1


def _word_counts(token: str) -> int:
    """For a token without whitespace (lower case): its words (``_WORD``) and how many of them are
    common, as ``words + (common << 32)``, so that the sum over a text's tokens holds both counts.

    >>> _word_counts("của-x2") == 2 + (1 << 32)
    True
    """
    words = _WORD.findall(token)
    return len(words) + (sum(map(_COMMON.__contains__, words)) << 32)


_COUNTS = PerWord(_word_counts)  # a text's tokens counted once each


def vietnamese_score(text: str) -> float:
    """Share of words that are common Vietnamese words: high for readable text. A word never spans
    whitespace, so the words are counted token by token.

    >>> vietnamese_score("Kế hoạch của Sở năm 2022") > vietnamese_score("KÕ ho¹ch cña Së")
    True
    >>> vietnamese_score("của-năm x2 ..."), vietnamese_score("2022")  # của, năm and x: two of three
    (0.6666666666666666, 0.0)
    """
    total = sum(map(_COUNTS.__getitem__, text.lower().split()))
    words = total & 0xFFFFFFFF
    return (total >> 32) / words if words else 0.0


def scores_at_least(text: str, share: float, chunk: int = 800) -> bool:
    """``vietnamese_score(text) >= share``, read a piece at a time and stopped once the common words
    seen are enough whatever the rest holds: the rest has at most one word in two of its characters
    (words are runs of letters, apart), so ``common / (words + that many)`` is a floor of the score.
    Pieces end at whitespace, where no token is cut. Most pages are decided in their first third.

    >>> scores_at_least("Kế hoạch của Sở năm 2022 " * 20, 0.03), scores_at_least("Wkh txlfn eurzq " * 20, 0.03)
    (True, False)
    """
    total, at, n = 0, 0, len(text)
    while at < n:
        end = min(at + chunk, n)
        while end < n and not text[end].isspace():
            end += 1
        total += sum(map(_COUNTS.__getitem__, text[at:end].lower().split()))
        at = end
        common, words = total >> 32, total & 0xFFFFFFFF
        if common and common / (words + (n - at + 1) // 2) >= share:
            return True
    words = total & 0xFFFFFFFF
    return (total >> 32) / words >= share if words else share <= 0  # no word: a score of 0


# each UTF-16 code unit's class: 1 where a legacy font's bytes land when read as Latin-1 (U+00A1..U+00FF),
# 2 a letter only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed ạ ... ỹ): text read from a legacy
# font never has them, as its bytes were read one by one into Latin-1
_CLASS = np.zeros(0x10000, np.uint8)
_CLASS[0xA1:0x100] = 1
_CLASS[[ord(c) for c in "\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"]] = 2
_CLASS[0x1EA0:0x1EFA] = 2


def _latin_and_marks(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are Latin-1 signs and letters, and how many are letters only
    Unicode Vietnamese has: counted by one table look-up over the text, not by a regex match each.

    >>> _latin_and_marks("KÕ ho¹ch"), _latin_and_marks("đôn đốc")
    ((2, 0), (1, 3))
    """
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), np.uint16)
    counts = np.bincount(_CLASS[units], minlength=3)
    return int(counts[1]), int(counts[2])


def looks_legacy(text: str) -> str | None:
    """Name the legacy encoding a Unicode string was typed in, or None if it reads fine.

    >>> looks_legacy("V/v đôn đốc thực hiện"), looks_legacy("KÕ ho¹ch c¶i c¸ch hµnh chÝnh")
    (None, 'tcvn3')
    """
    sample = text[:20000]
    if not _LATIN1.search(sample):
        return None
    latin, marks = _latin_and_marks(sample)
    if marks and marks >= 0.2 * latin:
        return None  # Unicode Vietnamese (``đôn đốc``), whatever a short line's word scores say
    base = vietnamese_score(sample)
    best, name = base, None
    for cand, fn in (("tcvn3", from_tcvn3), ("vni", from_vni)):
        sc = vietnamese_score(fn(sample))
        if sc > best + 0.05:
            best, name = sc, cand
    return name


def repair_legacy(text: str) -> str:
    """Convert text typed in a TCVN3 or VNI font to Unicode; leave Unicode text alone.

    >>> repair_legacy("KÕ ho¹ch c¶i c¸ch hµnh chÝnh cña tØnh")
    'Kế hoạch cải cách hành chính của tỉnh'
    """
    name = looks_legacy(text)
    if name == "tcvn3":
        return from_tcvn3(text)
    if name == "vni":
        return from_vni(text)
    return text


_MARKED = re.compile("[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323đĐ]")
_IS_MARKED = PerWord(lambda w: bool(_MARKED.search(unicodedata.normalize("NFD", w))))  # per distinct word


def unreadable(text: str, *, repaired: bool = False) -> bool:
    """True for a text layer that reads as no Vietnamese even after legacy repair (``repaired``: the
    text is already :func:`repair_legacy`'s): few common words and few words with Vietnamese marks (a
    list of place names has the marks; a broken font has neither).

    >>> unreadable("Krông Búk, Ea Tul, Hương Trà, Nghĩa Hưng"), unreadable("Wkh txlfn eurzq ira mxpsv")
    (False, True)
    """
    repaired = text if repaired else repair_legacy(text)
    if scores_at_least(repaired, 0.03):
        return False
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", repaired))
    marked = sum(map(_IS_MARKED.__getitem__, words))
    return not words or marked < 0.15 * len(words)
