"""Judge a PDF page's text layer before trusting it: is it Vietnamese as a reader would see it?

A layer fails when many of its words hold characters no Vietnamese word has (mojibake: UTF-8 read
as cp1252, ``Viá»‡t``), when its words have the shape of Vietnamese syllables but almost none carry a
diacritic (stripped text, an English-only OCR layer over a Vietnamese scan), or when few of its words
are Vietnamese syllables at all. Legacy TCVN3/VNI text is repaired first (it is read, not OCR'd);
an English page passes (its words are neither stripped Vietnamese nor mojibake).

>>> verdict("Ủy ban nhân dân tỉnh Quảng Ngãi thông báo kết quả thực hiện nhiệm vụ năm 2024 " * 3) is None
True
>>> verdict("Uy ban nhan dan tinh Quang Ngai thong bao ket qua thuc hien nhiem vu nam 2024 " * 3)
'no diacritics'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from docmine.legacy import repair_legacy
from docmine.memo import PerWord

_VIET = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# marks only Vietnamese has (ă đ ơ ư, dot below, hook above ...): an English OCR engine writes é ó ô, never these
_ONLY = frozenset(_VIET) - set("àáâãèéêìíòóôõùúý")
_LETTERS = set("abcdefghijklmnopqrstuvwxyz" + _VIET)
_FOLDED = "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy"  # each of _VIET without its marks
_SYLLABLE = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnptiouy])?"
# common Vietnamese syllables with their marks stripped: stripped text and English OCR are full of them
_STRIPPED = set(
    "va cua cac nam ngay duoc cho trong co la khong thuc hien nay voi da nguoi theo ve mot nhung tinh so cong "
    "van viec don vi cai cach hanh chinh quyet dinh ke hoach bao cao nhan dan thang tai den tu noi dung ket qua "
    "chi uy ban nghiep phong tren de co quan nhiem vu cong tac quan ly phat trien xa hoi nghia viet doc lap hanh "
    "phuc tu do thong tin huyen thanh pho dia phuong tham gia nhu sau can cu luat nghi".split()
)
MIN_WORDS = 30


_PUNCT = ".,;:!?()[]\"'“”‘’-–—/…*"
# a character outside ASCII and the Vietnamese letters: where none is a letter, no word is mojibake
_RARE = re.compile("[^\\x00-\\x7f" + "".join(sorted(_LETTERS)) + "]")


def _unfolded(pattern: str) -> str:
    """``pattern`` over plain letters made to match their Vietnamese forms too (``a`` -> ``[aàá...]``,
    ``d`` -> ``đ`` as well), so words are matched as written instead of translated one by one."""
    forms: dict[str, str] = {}
    for viet, plain in zip(_VIET, _FOLDED, strict=True):
        forms[plain] = forms.get(plain, plain) + viet
    out, in_class = [], False
    for ch in pattern:
        in_class = ch == "[" or in_class and ch != "]"
        out.append(forms[ch] if ch in forms and in_class else f"[{forms[ch]}]" if ch in forms else ch)
    return "".join(out)


_SYLLABLE_RE = re.compile(_unfolded(_SYLLABLE))

# what is known of a word of a lower-cased page, worked out once per word (a page's words repeat):
HAS_LETTER, CORE, MARKED, STRIPPED, LONG, SYLLABLE = 1, 2, 4, 8, 16, 32


def _flags(w: str) -> int:
    """A word's flags: it holds a letter; its ``core`` (the word less punctuation at its ends) is all
    letters, and that core holds a mark only Vietnamese has, is a common syllable stripped of its
    marks, is longer than one letter, is one Vietnamese syllable (:data:`_SYLLABLE_RE`).

    >>> f = _flags("việt,"); bool(f & CORE), bool(f & MARKED), bool(f & SYLLABLE)
    (True, True, True)
    """
    flags = HAS_LETTER if w.isalpha() or any(c.isalpha() for c in w) else 0
    core = w.strip(_PUNCT)
    if flags and core and core.isalpha():
        flags |= CORE | (0 if _ONLY.isdisjoint(core) else MARKED) | (STRIPPED if core in _STRIPPED else 0)
        if len(core) > 1:
            flags |= LONG | (SYLLABLE if _SYLLABLE_RE.fullmatch(core) else 0)
    return flags


_FLAGS = PerWord(_flags)  # a page's words judged once each


def _odd(w: str) -> bool:
    """Whether a word holds a letter no Vietnamese word has."""
    return not w.isascii() and any(c.isalpha() for c in set(w) - _LETTERS)


def verdict(text: str, *, repaired: bool = False) -> str | None:
    """Why a text layer cannot be trusted (``"mojibake"``, ``"no diacritics"``, ``"not Vietnamese"``),
    or None when it reads as Vietnamese (or holds too few words to judge); ``repaired``: the text is
    already :func:`repair_legacy`'s.

    >>> verdict("Viá»‡t Nam ká»³ vá»ng tÄƒng trÆ°á»Ÿng kinh táº¿ cá»§a nÄƒm 2024 " * 4)
    'mojibake'
    """
    low = unicodedata.normalize("NFC", text if repaired else repair_legacy(text)).lower()
    tokens = low.split()
    flags = list(map(_FLAGS.__getitem__, tokens))
    count = Counter(flags)  # a few distinct flags: every sum below runs over them, not over the tokens
    n_words = sum(n for f, n in count.items() if f & HAS_LETTER)  # words: tokens that hold a letter
    if n_words < MIN_WORDS:
        return None
    if any(c.isalpha() for c in set(_RARE.findall(low))):
        odd = sum(_odd(w) for w, f in zip(tokens, flags, strict=True) if f & HAS_LETTER)
        if odd > 0.15 * n_words:
            return "mojibake"
    n_core = sum(n for f, n in count.items() if f & CORE)  # core words: letters only, once unpunctuated
    if n_core < MIN_WORDS // 2:
        return None
    marked = sum(n for f, n in count.items() if f & MARKED)
    stripped = sum(n for f, n in count.items() if f & STRIPPED)
    if marked < 0.1 * n_core and stripped >= 0.15 * n_core:
        return "no diacritics"
    longer = sum(n for f, n in count.items() if f & LONG)  # "x" of a table's ticks is no word
    valid = sum(n for f, n in count.items() if f & SYLLABLE)  # the words that are whole syllables
    if marked >= 0.1 * n_core and valid < 0.35 * longer:
        return "not Vietnamese"
    return None
