"""Vocabulary and helpers shared by the extractors: index names, areas, provinces, casing, years."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docmine.caseblind import blind_words
from docmine.model import Document
from docmine.normalize import tidy

INDEX_PATTERNS = [
    ("SIPAS", r"SIPAS|Chỉ số hài lòng|chỉ số hài lòng|sự hài lòng"),
    (
        "PAR",
        r"PAR\s*INDEX|Chỉ số (?:đánh giá )?[Cc]ải cách hành chính|chỉ số (?:đánh giá )?cải cách hành chính|Chỉ số CCHC|chỉ số CCHC",
    ),
    ("PAPI", r"PAPI"),
    ("PCI", r"PCI|năng lực cạnh tranh cấp tỉnh"),
    ("DDCI", r"DDCI"),
    ("DTI", r"DTI|chuyển đổi số cấp tỉnh"),
    ("ICT", r"ICT\s*Index|ICT"),
]
INDEX_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in INDEX_PATTERNS))

AREAS = {
    "chỉ đạo điều hành": r"chỉ đạo,? điều hành|kế hoạch (?:CCHC|cải cách hành chính)|báo cáo (?:CCHC|cải cách hành chính)|tuyên truyền|sáng kiến|kiểm tra(?: công tác)? (?:CCHC|cải cách hành chính)|cam kết|văn thư|lưu trữ|nhiệm vụ được (?:UBND|giao)",
    "thể chế": r"thể chế|văn bản QPPL|quy phạm pháp luật|thi hành pháp luật|theo dõi thi hành",
    "thủ tục hành chính": r"một cửa|xin lỗi|hồ sơ (?:xử lý|quá hạn|trễ hạn)|trễ hạn|quá hạn|phản ánh,? kiến nghị",
    "tổ chức bộ máy": r"tổ chức bộ máy|bộ máy|lãnh đạo cấp phòng|số lượng lãnh đạo|biên chế|phân cấp",
    "công vụ": r"công vụ|công chức|viên chức|đào tạo|bồi dưỡng|tuyển dụng|vị trí việc làm|chuyển đổi vị trí",
    "tài chính công": r"tài chính công|kinh phí|tự chủ|ngân sách|tài chính",
    "hiện đại hóa": r"hiện đại hóa|điện tử|trực tuyến|chuyển đổi số|công nghệ thông tin|CNTT|ký số|chữ ký số|ISO|bưu chính|thanh toán|phần mềm|mức độ 3|an ninh mạng",
}


def cue_pattern(cues: list[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern of several cue patterns, each a group: its leftmost match is the earliest cue, and at
    one offset the first cue in the list wins; :func:`cue_of` says which matched.

    >>> cue_of(cue_pattern(["kinh phí", "chuyển đổi số"]), "chuyển đổi số thiếu kinh phí")
    1
    """
    return re.compile("|".join(f"(?P<c{i}>{p})" for i, p in enumerate(cues)), flags)


def cue_of(rx: re.Pattern[str], text: str) -> int | None:
    """The index of the earliest cue of a :func:`cue_pattern` in ``text``, None when there is none."""
    m = rx.search(text)
    return int(m.lastgroup[1:]) if m and m.lastgroup else None


_AREA_NAMES = list(AREAS)
_TTHC = re.compile(r"thủ tục hành chính|TTHC", re.IGNORECASE)
AREA_BY_CODE = {"1": "chỉ đạo điều hành", "2": "thể chế", "3": "thủ tục hành chính", "4": "tổ chức bộ máy",
                "5": "công vụ", "6": "tài chính công", "7": "hiện đại hóa", "8": "hiện đại hóa"}  # fmt: skip

# the names of provincial departments (Sở), before and after the 2025 reorganisation
SO_NAMES = [
    "Lao động - Thương binh và Xã hội", "Nội vụ", "Tài chính", "Kế hoạch và Đầu tư", "Tư pháp", "Xây dựng",
    "Giao thông vận tải", "Y tế", "Giáo dục và Đào tạo", "Công Thương", "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch", "Văn hóa và Thể thao", "Khoa học và Công nghệ", "Ngoại vụ",
    "Dân tộc và Tôn giáo", "Du lịch", "Văn hóa - Thể thao", "Giao thông vận tải - Xây dựng",
]  # fmt: skip
SO_NAME_RE = "|".join(  # "Lao động - Thương binh", "Lao động, Thương binh" and "Lao động Thương binh" alike
    r"[\s,\-–]+".join(re.escape(w) for w in n.replace(",", " ").split() if w != "-")
    for n in sorted(SO_NAMES, key=len, reverse=True)
)

PROVINCES = (
    "An Giang|Bà Rịa - Vũng Tàu|Bạc Liêu|Bắc Giang|Bắc Kạn|Bắc Ninh|Bến Tre|Bình Dương|Bình Định|Bình Phước|Bình Thuận|"
    "Cà Mau|Cao Bằng|Cần Thơ|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|Hà Giang|Hà Nam|Hà Nội|"
    "Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|Lâm Đồng|Lạng Sơn|"
    "Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|Quảng Ngãi|Quảng Ninh|"
    "Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|Huế|Tiền Giang|Trà Vinh|Tuyên Quang|"
    "Vĩnh Long|Vĩnh Phúc|Yên Bái|Thành phố Hồ Chí Minh|Hồ Chí Minh"
).split("|")
PROVINCE_RE = re.compile("|".join(sorted(map(re.escape, PROVINCES), key=len, reverse=True)), re.IGNORECASE)

ABBREV = {
    "LĐTBXH": "Lao động - Thương binh và Xã hội", "LĐ-TB-XH": "Lao động - Thương binh và Xã hội",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội", "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội",
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính", "QPPL": "quy phạm pháp luật", "PVHCC": "Phục vụ hành chính công",
    "GDNN": "Giáo dục nghề nghiệp", "BHXH": "Bảo hiểm xã hội", "CBCCVC": "cán bộ, công chức, viên chức",
    "ĐVTT": "đơn vị trực thuộc", "PCM": "phòng chuyên môn", "SNV": "Sở Nội vụ", "STC": "Sở Tài chính",
}  # fmt: skip

YEAR_RE = re.compile(r"(?:năm|Năm|NĂM)\s+(\d{4})\b")


def index_of(text: str) -> str | None:
    m = INDEX_RE.search(text)
    return m.lastgroup if m else None


def area_of(text: str, code: str | None = None) -> str | None:
    """PAR area of a shortcoming, from its criterion code first, else from its words."""
    if code:
        head = code.lstrip("0").split(".")[0] or code
        if head in AREA_BY_CODE:
            return AREA_BY_CODE[head]
    if (k := earliest_cue(_AREA_RE, text)) is not None:
        return _AREA_NAMES[k]
    if _TTHC.search(text):
        return "thủ tục hành chính"  # a bare mention of TTHC is the weakest cue: "TTHC có thanh toán trực tuyến" is hiện đại hóa
    return None


_LIST_MARK = re.compile(r"^\s*(?:[-+•*]\s*|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+|[a-zđ]\)\s*)")
_EMPHASIS = re.compile(r"[*\u00b9\u00b2\u00b3\u2070-\u2079]")


def clean(s: str) -> str:
    """Strip list markers, emphasis asterisks, spaces and trailing punctuation."""
    s = tidy(_EMPHASIS.sub("", _LIST_MARK.sub("", s)))
    return s.strip(" .;:,…").strip()


_KEEP_UPPER = {"UBND", "HĐND", "MTV", "TNHH", "CP", "TW", "VP"}


def agency_case(s: str) -> str:
    """Header capitals to the usual writing: ``SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`` -> ``Sở Lao động - Thương binh và Xã hội``.

    >>> agency_case("UBND TỈNH NINH BÌNH")
    'UBND tỉnh Ninh Bình'
    """
    words = s.split()
    if not words or sum(c.isupper() for c in s if c.isalpha()) < 0.7 * max(1, sum(c.isalpha() for c in s)):
        return " ".join(words)
    out: list[str] = []
    cap_next = True
    for w in words:
        if w in _KEEP_UPPER or (
            len(w) > 1
            and w.isupper()
            and not re.search(r"[AĂÂEÊIOÔƠUƯY]", w.upper()[1:] or "X")
            and len(w) <= 5
            and not w.isalpha()
        ):
            out.append(w)
            cap_next = False
            continue
        low = w.lower()
        if low in ("tỉnh", "thành", "huyện", "xã", "phố") and out and out[-1] in _KEEP_UPPER | {"Ủy", "Nhân"}:
            out.append(low)
            cap_next = True
            continue
        out.append(low.capitalize() if cap_next else low)
        cap_next = (
            low in ("sở", "-", "và", "tỉnh", "ban", "phòng", "bộ", "cục", "chi", "trung", "tâm") or w == "-"
        )
    text = " ".join(out)
    m = PROVINCE_RE.search(text)
    if m:
        text = text[: m.start()] + canonical_province(m.group(0)) + text[m.end() :]
    return text


def canonical_province(s: str) -> str:
    for p in PROVINCES:
        if p.lower() == s.lower():
            return p
    return s


def years_in(text: str) -> list[int]:
    return [int(y) for y in YEAR_RE.findall(text)]


def doc_year(doc: Document) -> int | None:
    """Year the document was written, from its place-date line."""
    for b in doc.blocks[:30]:
        m = re.search(r"ngày.*?năm\s+(\d{4})|ngày\s*\d{0,2}\s*/\s*\d{1,2}\s*/\s*(\d{4})", doc.block_text(b))
        if m:
            return int(m.group(1) or m.group(2))
    return None


def sentence_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``doc.view[start:end]`` as offsets (splits at . ; ! ? followed by space and a capital)."""
    text = doc.view
    spans: list[tuple[int, int]] = []
    s = start
    for m in re.finditer(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-+(•])|\n", text[start:end]):
        e = start + m.start()
        if text[s:e].strip():
            spans.append((s, e))
        s = start + m.end()
    if text[s:end].strip():
        spans.append((s, end))
    return spans


def header_columns(head: list[str], patterns: dict[str, re.Pattern[str]]) -> dict[str, int]:
    """Header cells to fields, each cell to the first field (in ``patterns`` order) whose pattern it matches.

    >>> header_columns(["STT", "Nội dung"], {"code": re.compile("STT"), "task": re.compile("Nội dung")})
    {'code': 0, 'task': 1}
    """
    out: dict[str, int] = {}
    for i, h in enumerate(head):
        h = " ".join(h.split())
        for f, pat in patterns.items():
            if f not in out and pat.search(h):
                out[f] = i
                break
    return out


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern, in order; one that opens with a group of alternatives
    is spread over them (``(?:cần|phải) sửa`` is ``cần sửa``, then ``phải sửa``).

    >>> alternatives(r"a(?:b|c)|(?:cần|phải) (?:được )?sửa|[|]x")
    ['a(?:b|c)', 'cần (?:được )?sửa', 'phải (?:được )?sửa', '[|]x']
    """
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    out = [pattern[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]
    spread = []
    for alt in out:
        end = next((i for i, ch, depth in _structure(alt) if ch == ")" and depth == 0), 0)
        if alt.startswith("(?:") and end and len(inner := alternatives(alt[3:end])) > 1:
            spread += [a + alt[end + 1 :] for a in inner]
        else:
            spread.append(alt)
    return spread


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern outside escapes and character classes, with its offset and the
    depth of groups after it."""
    depth, i, klass = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if klass:
            klass = ch != "]"
        elif ch == "[":
            klass = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def blind_cues(cues: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``cue_pattern(cues, re.IGNORECASE)`` and :func:`blind_words` of all their alternatives, which
    finds where the earliest cue is without trying every offset (see :func:`earliest_cue`)."""
    return cue_pattern(cues, re.IGNORECASE), blind_words([a for c in cues for a in alternatives(c)])


def earliest_cue(cues: tuple[re.Pattern[str], re.Pattern[str]], text: str) -> int | None:
    """``cue_of`` the case-blind cue pattern: the blind words find the offset of its leftmost match (a
    cue matches where one of its alternatives does), and the pattern is matched there only.

    >>> earliest_cue(blind_cues(["kinh phí", "chuyển đổi số"]), "CHUYỂN ĐỔI SỐ thiếu kinh phí")
    1
    """
    rx, first = cues
    at = first.search(text)
    m = rx.match(text, at.start()) if at else None
    return int(m.lastgroup[1:]) if m and m.lastgroup else None


def trie(words: list[str]) -> str:
    """One regex alternation of ``words`` as a prefix tree: the engine tries one branch per letter, not
    every word, and still prefers a longer word to its prefix (``Bộ chỉ huy`` to ``Bộ``).

    >>> re.fullmatch(trie(["Hà Nam", "Hà Nội", "Huế"]), "Hà Nội") is not None
    True
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(tree)


_AREA_RE = blind_cues(list(AREAS.values()))  # made here, after the helpers it is made with
