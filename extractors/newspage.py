"""A news page's headline and publication date, among the site's menus, bars and captions.

The headline is the line printed just above the page's date line; else the line the page repeats;
else the line under a date line at the top; else the line just above the first paragraph; else the
first title-like line under the site's bars. The date is the date line beside the headline, a
labelled one (``Ngày đăng:``, ``Cập nhật:``, ``Giờ đăng bài viết gốc:``), the first date line, or a
full date opening the text. A saved post's front matter (``title:``, ``date:``) comes first.

>>> from docmine.parsers.text import from_string
>>> from extractors.letterhead import lines_of
>>> doc = from_string("Trang chủ → Tin tức\\nHuyện A dẫn đầu Chỉ số cải cách hành chính\\nCập nhật: 16-05-2024\\nNội dung.")
>>> p = read(doc, lines_of(doc))
>>> p.subject, p.date
('Huyện A dẫn đầu Chỉ số cải cách hành chính', '2024-05-16')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from docmine.model import Document
from docmine.vnnum import DATE_RE, date_from_match, parse_date
from docmine.zones import bare
from extractors.common import clean
from extractors.letterhead import Line

_DATE_LABEL = re.compile(  # the initials looked ahead for first: a case-blind search is slow to try
    r"(?=[NGTĐCX])(?:(?:Ngày|Giờ|Thời gian)\s+đăng|Đăng\s+(?:ngày|lúc)|Cập nhật|Ngày xuất bản|Xuất bản lúc)", re.IGNORECASE
)
_FRONT_TITLE = re.compile(r'^title:\s*"?\s*(?:\[[^\]]*\]\s*)?(.*?)\s*(?:\.\.\.|…)?\s*"?$')
_FRONT_DATE = re.compile(r"^date:\s*(.+)$")
_DATE_PREFIX = re.compile(r"^date\s+(\d{4}(?:-\d{2}){0,2})\b")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_RFC_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")[a-z]*\s+(\d{4})|(\d{4})-(\d{2})-(\d{2})")
_CHROME = re.compile(r"^A-\s*A\s*A\+|Cỡ chữ|tương phản|→|»|Trang chủ", re.IGNORECASE)
_MENU = re.compile(r"→|»|›|>>|\bTrang chủ\b|^[^\w(\[]|Lượt xem|Cỡ chữ|Đăng nhập|No title", re.IGNORECASE)


@dataclass(frozen=True)
class NewsPage:
    """A news page's headline (its line, for evidence, and its tidied text) and publication date."""

    headline: Line | None
    subject: str | None
    date: str | None


def read(doc: Document, lines: list[Line]) -> NewsPage:
    """The headline and publication date among a page's opening lines (``letterhead.lines_of``)."""
    head = lines[:30]
    at, subject, published = _front_matter(head)
    if subject is None:
        at = _headline(doc, head)
        subject = head[at].text if at is not None else None
    line = head[at] if at is not None and subject is not None else None
    return NewsPage(line, clean(subject) if subject else None, published or _publication_date(doc, head, at))


def _front_matter(head: list[Line]) -> tuple[int | None, str | None, str | None]:
    """A saved post's front matter (``title: "..."``, ``date: Tue, 04 Feb 2025``) or a ``date 2025-04`` prefix."""
    at = title = when = None
    for i, ln in enumerate(head[:8]):
        if (m := _FRONT_TITLE.match(ln.text)) and title is None:
            at, title = i, m.group(1)
        elif (m := _FRONT_DATE.match(ln.text)) and when is None:
            d = _RFC_DATE.search(m.group(1))
            if d and d.group(1):
                when = date(int(d.group(3)), _MONTHS.index(d.group(2)) + 1, int(d.group(1))).isoformat()
            elif d:
                when = f"{d.group(4)}-{d.group(5)}-{d.group(6)}"
    for ln in head[:5]:
        if m := _DATE_PREFIX.match(ln.text):
            when = when or m.group(1)
            break
    return at, title, when


def _date_line(t: str) -> str | None:
    """The date of a short line that prints one (``16:52 | 24/06/2021``, ``Cập nhật: 14-08-2018``)."""
    if len(t) > 90 and not _DATE_LABEL.match(t):
        return None
    m = DATE_RE.search(t)
    return date_from_match(m) if m and (m.group(3) or m.group(6)) else None


def _plausible(ln: Line, words: int = 4) -> bool:
    t = ln.text
    return len(t.split()) >= words and len(t) <= 300 and not _MENU.search(t) and _date_line(t) is None


def _headline(doc: Document, head: list[Line]) -> int | None:
    for i, ln in enumerate(head[:5]):  # a markdown copy's "# " heading
        if re.search(r"(?:^|\n)#\s*$", doc.view[max(0, ln.start - 4) : ln.start]) and _plausible(ln, 3):
            return i
    dates = [i for i, ln in enumerate(head[:14]) if _date_line(ln.text)]
    for i in dates:  # the line printed just above the date line
        if i > 0 and _plausible(head[i - 1]):
            return i - 1
    texts = [ln.text for ln in head]
    body = next((i for i, t in enumerate(texts) if len(t) >= 150), len(texts))
    for i, t in enumerate(texts[: min(9, body)]):  # the headline the page repeats
        if t in texts[i + 1 : i + 13] and _plausible(head[i]):
            return i
    for i in dates:  # the line under a date line at the top
        if i <= 1 and i + 1 < len(head) and _plausible(head[i + 1], 3) and len(head[i + 1].text) <= 200:
            return i + 1
    # the last title-like line before the first sentence: captions come after the lead, labels before the title
    sentence = next((i for i, t in enumerate(texts) if len(t) >= 150 or t.endswith(".")), len(texts))
    titles = [i for i in range(min(sentence, 7)) if _plausible(head[i]) and len(texts[i]) < 150]
    if titles and sentence < len(texts):
        return titles[-1]
    chrome = [i for i, ln in enumerate(head[:6]) if _CHROME.search(ln.text)]
    if chrome:  # the first title-like line under the site's bars (font size, views, breadcrumbs)
        for i in range(chrome[-1] + 1, min(len(head), chrome[-1] + 4)):
            if _plausible(head[i]) and len(head[i].text) <= 250:
                return i
    for i, ln in enumerate(head[: body or 6]):  # a title-like line (the body may come first in a saved page)
        if _plausible(ln, 5) and not ln.text.endswith(".") and len(ln.text) < 200:
            return i
    for i, ln in enumerate(head[:4]):
        if len(ln.text.split()) >= 5 and not _MENU.search(ln.text):
            return i
    return None


def _publication_date(doc: Document, head: list[Line], at: int | None) -> str | None:
    if at is not None:
        for ln in head[at + 1 : at + 4]:
            if d := _date_line(ln.text):
                return d
        if at > 0 and (d := _date_line(head[at - 1].text)):
            return d
    tail = [bare(doc.block_text(b)) for b in doc.blocks[-15:]]
    for t in [ln.text for ln in head] + tail:
        if _DATE_LABEL.search(t) and (d := _date_line(t[_DATE_LABEL.search(t).start() :])):  # type: ignore[union-attr]
            return d
    for ln in head[:12]:
        if d := _date_line(ln.text):
            return d
    return _body_date(doc)


def _body_date(doc: Document) -> str | None:
    """A news text with no date line: the first full date of its opening, or ``Ngày 12/7`` with its year."""
    for b in doc.blocks[:8]:
        t = doc.block_text(b)
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", t)
        if m:
            return parse_date(m.group(0))
        m = re.search(r"\bNgày (\d{1,2})/(\d{1,2})\b", t)
        if m:
            y = re.search(r"năm (\d{4})", t)
            if y:
                return parse_date(f"{m.group(0)}/{y.group(1)}")
    return None
