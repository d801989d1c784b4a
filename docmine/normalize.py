"""Text normalization in two layers that share one offset space.

``normalize_text`` runs once, in the parsers, before offsets are taken: it repairs legacy fonts and
composes NFC but keeps what a reader would quote verbatim (dashes, quotes, old tone placement), so
evidence is found in the source. ``canonical`` is a same-length view of that text for matching:
dashes become ``-``, curly quotes straight, ``Ð`` ``Đ``, ``hoà`` ``hòa``. Extractors match on the view
and quote the text.

>>> normalize_text("Sở Lao động – Thương binh và Xã hội hoà nhập, Uỷ ban")
'Sở Lao động – Thương binh và Xã hội hoà nhập, Uỷ ban'
>>> canonical("Sở Lao động – Thương binh và Xã hội hoà nhập, Uỷ ban")
'Sở Lao động - Thương binh và Xã hội hòa nhập, Ủy ban'
"""

from __future__ import annotations

import os
import re
import unicodedata

from docmine.legacy import repair_legacy

# old-style tone placement (hoà, uỷ) -> the form Vietnamese government documents use now (hòa, ủy),
# only where the vowel pair ends the syllable: "hoàn", "quý" stay.
_TONED = "àáảãạ", "èéẻẽẹ", "ỳýỷỹỵ"
_PLAIN_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_TONE_PAIR = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ]")  # what every match of _TONE_RE holds
_TONE_RE = re.compile(r"(?<![qQ\w])([^\W\d_]*?)([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")


def _fix_tone(m: re.Match[str]) -> str:
    pre, v, toned = m.group(1), m.group(2), m.group(3)
    if pre.lower().endswith("q") or (pre.lower().endswith("g") and v.lower() == "i"):
        return m.group(0)
    low = toned.lower()
    for plain, group in zip("aey", _TONED, strict=True):
        if low in group:
            idx = group.index(low)
            if (v.lower() == "o" and plain in "ae") or (v.lower() == "u" and plain == "y"):
                new_v = _PLAIN_TONED[v.lower()][idx]
                new_v = new_v.upper() if v.isupper() else new_v
                new_t = plain.upper() if toned.isupper() else plain
                return pre + new_v + new_t
    return m.group(0)


# the capital letters of Vietnamese, for character classes (``[A-ZÀ-Ỹ]`` would take lower-case letters too)
UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x1EFA) if chr(c).isupper() and chr(c).isalpha())

_VIEW_MAP = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u00d0": "Đ"} | {
    c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
}
_VIEW_CHARS = re.compile("[" + "".join(_VIEW_MAP) + "]")  # few in a text: found by one scan
assert not set(_VIEW_MAP.values()) & set(_VIEW_MAP)  # no replacement is replaced again: one at a time is one pass
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"  # all but tab and newline (CR apart)
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000"  # spaces other than " "
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE = re.compile("[\ud800-\udfff]")
_AROUND_BREAK = re.compile(r" *([\n\t]) *")
# what the steps of normalize_text after the repair change: CR, control and invisible characters,
# odd spaces and two in a row, line breaks and tabs (NFC is checked apart)
_TO_CLEAN = re.compile(f"[\r\n\t{_CONTROL_CHARS}{_INVISIBLE_CHARS}{_ODD_SPACES}]|  ")
# a run of spaces, or one space other than " ": what becomes one " " (one " " is left as it is, not replaced)
_SPACES = re.compile(f"[ {_ODD_SPACES}]{{2,}}|[{_ODD_SPACES}]")
_ODD_SPACE = re.compile(f"[{_ODD_SPACES}]")


def valid_unicode(s: str) -> str:
    """Text that encodes as UTF-8: UTF-16 surrogate halves paired into one character, a lone half
    replaced by U+FFFD (a PDF text layer hands out mathematical letters as two halves).

    >>> valid_unicode("\\ud835\\udc00 \\ud835") == "\\U0001d400 \\ufffd"
    True
    """
    if not _LONE.search(s):
        return s
    s = _PAIR.sub(lambda m: chr(0x10000 + ((ord(m[0][0]) - 0xD800) << 10) + ord(m[0][1]) - 0xDC00), s)
    return _LONE.sub("\ufffd", s)


def clean_text(s: str) -> str:
    """Valid Unicode without control characters other than tab and newline (CR becomes newline).

    >>> clean_text("a\\x00b\\x85c\\r\\nd\\te")
    'abc\\nd\\te'
    """
    s = valid_unicode(s).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", s)


def normalize_text(s: str, *, repair: bool = True) -> str:
    """NFC, legacy-font repair, invisible characters and spaces; keeps \\n and \\t. The result is
    valid Unicode with no control characters but tab and newline (:func:`clean_text`).

    >>> normalize_text("  Đánh  giá\u00a0 ")
    'Đánh giá'
    """
    s = valid_unicode(s)
    if repair:
        s = repair_legacy(s)
    if not _TO_CLEAN.search(s):  # nothing below would change it but NFC (which makes none of what they
        return unicodedata.normalize("NFC", s).strip()  # clean): most blocks, found by one scan
    s = clean_text(unicodedata.normalize("NFC", s))
    s = _INVISIBLE.sub("", s)
    if "  " in s or _ODD_SPACE.search(s):  # the pattern would be tried at every space of a text without any
        s = _SPACES.sub(" ", s)
    if "\n" in s or "\t" in s:  # the pattern would be tried at every offset of a text of one line
        s = _AROUND_BREAK.sub(r"\1", s)
    return s.strip()


def canonical(s: str) -> str:
    """Same-length matching view: dashes, quotes, Đ and tone placement made uniform.

    >>> canonical("Ðoàn – Uỷ")
    'Đoàn - Ủy'
    """
    for c in set(_VIEW_CHARS.findall(s)):  # each character the text holds replaced on its own: str.translate
        s = s.replace(c, _VIEW_MAP[c])  # with a dict costs 50 ns a character of the text, this about 2
    return _fix_tones(s) if _TONE_PAIR.search(s) else s  # most texts have no old-style tone: one fast scan


_TONE_END = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_CHAR = re.compile(r"[qQ\w]")


def _fix_tones(s: str) -> str:
    """``_TONE_RE.sub(_fix_tone, s)``, found from the vowel pairs that end a word (the pattern itself,
    which opens with a look-behind, would be tried at every offset of the text).

    >>> _fix_tones("hoà thuỷ, quý, 2hoà, Hoà")
    'hòa thủy, quý, 2hoà, Hòa'
    """
    out: list[str] = []
    last = 0
    for m in _TONE_END.finditer(s):
        w = m.start()
        while w > last and _LETTER.match(s, w - 1):
            w -= 1  # back to the start of the word
        if w > 0 and _WORD_CHAR.match(s, w - 1):
            continue
        got = _TONE_RE.match(s, w)
        if got is None or got.end() != m.end():
            continue
        out += [s[last:w], _fix_tone(got)]
        last = m.end()
    return "".join(out) + s[last:] if out else s


_DASHES = re.compile(r"[\u2012-\u2015]")
_JOINING_DASH = re.compile(r"(?<=\w)\s*[\u2012-\u2015]\s*(?=\w)|(?<=\w) -(?=\w)|(?<=\w)- (?=\w)")


def tidy(s: str) -> str:
    """An output string: canonical, word-joining dashes spaced, spaces collapsed; ``LĐ-TB-XH`` stays.

    >>> tidy("Lao động –Việc làm–  Bảo hiểm"), tidy("LĐ-TB-XH, 01-NQ/TU")
    ('Lao động - Việc làm - Bảo hiểm', 'LĐ-TB-XH, 01-NQ/TU')
    """
    if "-" in s or _DASHES.search(s):
        s = _JOINING_DASH.sub(" - ", s)
    return " ".join(canonical(s).split())


def fold(s: str) -> str:
    """Case- and accent-insensitive key for matching (never for output).

    >>> fold("Sở Lao Động")
    'so lao dong'
    """
    s = unicodedata.normalize("NFD", s.casefold().replace("đ", "d"))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", s).strip()


def one_line(s: str) -> str:
    """A message as one line of valid Unicode (it may quote a file's bytes or name).

    >>> one_line("pdf: bad \\ud835 object\\nat 12")
    'pdf: bad \\ufffd object at 12'
    """
    return " ".join(clean_text(s).split())


def source_of(path: str | os.PathLike) -> str:
    """The path as a string for output: bytes of a file name that are not UTF-8 shown as ``\\xNN``.

    >>> source_of(os.fsdecode(b"a\\xff.txt"))
    'a\\\\xff.txt'
    """
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")
