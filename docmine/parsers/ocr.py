"""OCR of scanned pages: zones of the letter found first, each zone read by tesseract (``vie``).

A page image becomes a grayscale from its red channel (red seals and red ink turn white, so the
signer's name under a seal reads), the zones of an official letter are found by projection profiles
on a small binarised copy (header left | right, body, nơi nhận | signature), the zones are stacked
into one image with white gaps (one tesseract process per page, columns never mixed) and the
words are mapped back to the page. Pages run on a thread pool of tesseract processes; the words
are cached by file content hash + page index + :data:`OCR_VERSION`, so a second run of a scan
renders nothing and calls no tesseract.

Engine choice (measured on the four scans of ``../shared/real``, 8 pages, ``docmine eval``): tesseract
5 with the packaged ``vie`` model (LSTM) and ``--psm 3`` on the stacked zones: field F1 0.923, 1.9 CPU s
per page. ``--psm 4`` reads the same (0.923), ``--psm 6`` worse (0.883); the ``script/Vietnamese``
model (package ``tesseract-ocr-script-viet``) is worse and slower (0.898, 2.3 CPU s per page).
tessdata_best is not packaged, and the neural engines that read Vietnamese (EasyOCR, PaddleOCR,
VietOCR) need PyTorch or Paddle and several times the CPU per page: not tried on 2 cores.
Handwritten digits are beyond tesseract here (a digits-only pass read 46 as 9040, at confidence 0):
they are left unread.

>>> isinstance(tesseract_available(), bool)
True
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import difflib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from docmine.model import ParseError
from docmine.parsers.layout import Word

OCR_DPI = 300
OCR_VERSION = 11  # in the cache key: bump when the image, the zones or tesseract's settings change
LANG = "vie"  # tesseract's model (see the module docstring)
PSM = 3  # tesseract's page segmentation on the stacked zones (see the module docstring)
LOW_CONF = 60  # a number or date token read with less confidence is left unread
GAP = 60  # white pixels between stacked zones
_VIET = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_VIET += _VIET.upper()
_NUMERIC = re.compile(r"\d|[@#$%&*`~^⁄†‡¿]")
_JUNK = re.compile(r"[@#$%&*`~^⁄†‡¿!|{}\[\]<>«»¢£¥§©®°±µ¶]")


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def cache_dir() -> Path:
    return Path(os.environ.get("DOCMINE_CACHE", Path.home() / ".cache" / "docmine")) / "ocr"


def workers() -> int:
    """Tesseract processes run at once: DOCMINE_OCR_WORKERS, else the number of cores."""
    return max(1, int(os.environ.get("DOCMINE_OCR_WORKERS", 0)) or os.cpu_count() or 1)


@dataclass
class OcrPage:
    """The words of one scanned page by zone (``header-left``, ``header-right``, ``body``,
    ``bottom-left``, ``bottom-right``, ``tail``), in PDF points, and the tokens of the header left
    unread (handwritten or illegible numbers and dates, read with confidence under :data:`LOW_CONF`)."""

    zones: list[tuple[str, list[Word]]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)

    def words(self) -> list[Word]:
        return [w for _, ws in self.zones for w in ws]

    def to_json(self) -> str:
        z = [
            [k, [[w.text, w.x0, w.x1, w.top, w.bottom, w.size, list(w.line or ())] for w in ws]]
            for k, ws in self.zones
        ]
        return json.dumps({"zones": z, "unread": self.unread}, ensure_ascii=False)

    @classmethod
    def from_json(cls, s: str) -> OcrPage:
        d = json.loads(s)
        zones = [(k, [Word(t, x0, x1, top, bot, size, tuple(ln) or None) for t, x0, x1, top, bot, size, ln in ws])
                 for k, ws in d["zones"]]  # fmt: skip
        return cls(zones, d["unread"])


# ---------------------------------------------------------------- the page image


def grayscale(pil: Image.Image) -> Image.Image:
    """The red channel of a colour scan (red and pink ink vanish into the paper), else luminance.

    >>> grayscale(Image.new("RGB", (2, 2), (220, 30, 30))).getpixel((0, 0))
    220
    """
    if pil.mode == "L":
        return pil
    if pil.mode != "RGB":
        pil = pil.convert("RGB")
    return pil.getchannel("R")


def largest_image(page: pdfium.PdfPage) -> tuple[pdfium.PdfImage | None, float]:
    """The page's largest image object and its area (points squared)."""
    best, area = None, 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        x0, y0, x1, y1 = obj.get_bounds()
        a = max(0.0, x1 - x0) * max(0.0, y1 - y0)
        if a > area:
            best, area = obj, a
    return best, area


def _cover(page: pdfium.PdfPage) -> float:
    return largest_image(page)[1]


def page_image(page: pdfium.PdfPage, width: float) -> Image.Image:
    """The scan of a page at no more than :data:`OCR_DPI` (its largest image when it covers the
    page, else the page rendered), as a grayscale."""
    pil = None
    w, h = page.get_size()
    best, area = largest_image(page)
    if best is not None and area > 0.3 * w * h:
        try:
            pil = best.get_bitmap(render=False).to_pil()
        except Exception:  # noqa: BLE001 - an undecodable image falls back to rendering the page
            pil = None
    if pil is None or pil.size[0] < width * 150 / 72:
        pil = page.render(scale=OCR_DPI / 72).to_pil()
    g = grayscale(pil)
    limit = int(width * OCR_DPI / 72 * 1.1)
    if g.size[0] > limit:
        g = g.resize((limit, int(g.size[1] * limit / g.size[0])), Image.Resampling.BILINEAR)
    return g


# ---------------------------------------------------------------- zones


@dataclass
class Zone:
    kind: str
    box: tuple[int, int, int, int]  # x0, top, x1, bottom in image pixels


def _runs(ink: np.ndarray) -> list[tuple[int, int]]:
    """Bands of rows with ink (lines of text), specks dropped."""
    rows = ink.sum(1) >= 2
    out: list[tuple[int, int]] = []
    y, n = 0, len(rows)
    while y < n:
        if not rows[y]:
            y += 1
            continue
        y0 = y
        while y < n and (rows[y] or (y + 1 < n and rows[y + 1])):
            y += 1
        if ink[y0:y].sum() >= 12:
            out.append((y0, y))
    return out


def _split(cols: list[np.ndarray], lo: int, hi: int, gap: int, min_both: int = 2) -> tuple[int, int, int]:
    """The cut in [lo, hi) that the most leading bands do not cross: (bands, cut, bands inked on both sides)."""
    best = (0, 0, 0)
    goods: list[int] = []
    for c in range(lo, hi):
        n = both = 0
        for col in cols:
            if col[c - gap : c + gap].any():
                break
            n += 1
            both += bool(col[:c].any() and col[c:].any())
        if both < min_both:
            continue
        if n > best[0]:
            best, goods = (n, c, both), [c]
        elif n == best[0]:
            goods.append(c)
    if goods:
        best = (best[0], goods[len(goods) // 2], best[2])
    return best


def find_zones(gray: Image.Image, first_page: bool = True) -> list[Zone]:
    """Zones of a letter's page: the two header columns (first page), the body, the two bottom
    columns (nơi nhận | signature) and what lies below them; the whole page when none are found.

    >>> [z.kind for z in find_zones(Image.new("L", (600, 800), 255))]
    ['body']
    """
    f = max(1, gray.size[0] // 500)
    small = gray.reduce(f) if f > 1 else gray
    ink = np.asarray(small) < 140
    H, W = ink.shape
    m = int(0.03 * W)
    ink[:, :m] = False
    ink[:, W - m :] = False
    runs = _runs(ink)
    whole = [Zone("body", (0, 0, gray.size[0], gray.size[1]))]
    if not runs:
        return whole
    cols = [ink[a:b].any(0) for a, b in runs]
    gap = max(2, int(0.012 * W))
    lo, hi = int(0.3 * W), int(0.68 * W)
    head_n, head_cut = 0, 0
    if first_page:
        top = [i for i, (a, _) in enumerate(runs) if a < 0.45 * H]
        n, cut, _ = _split([cols[i] for i in top], lo, hi, gap)
        if n >= 2:
            head_n, head_cut = n, cut
    rest = cols[head_n:]
    tail_at = len(runs)  # page furniture under everything (a page number) is left out of the bottom zones
    while (
        tail_at > head_n
        and (runs[tail_at - 1][1] - runs[tail_at - 1][0]) < 0.03 * H
        and cols[tail_at - 1].sum() < 0.06 * W
    ):
        tail_at -= 1
    # a seal over the signature merges its lines into one band: one band inked on both sides will do
    n, cut, _ = _split(list(reversed(cols[head_n:tail_at])), lo, hi, gap, 1) if rest else (0, 0, 0)
    bot_n = n if n >= 2 and sum(bool(c[:cut].any()) for c in cols[tail_at - n : tail_at]) >= 2 else 0
    zones: list[Zone] = []
    s = 1 * f
    Wf, Hf = gray.size
    if head_n:
        y1 = min(Hf, runs[head_n - 1][1] * s + 2 * s)
        zones += [
            Zone("header-left", (0, 0, head_cut * s, y1)),
            Zone("header-right", (head_cut * s, 0, Wf, y1)),
        ]
    y0 = zones[-1].box[3] if zones else 0
    if bot_n:
        by0 = max(y0, runs[tail_at - bot_n][0] * s - 2 * s)
        by1 = Hf if tail_at == len(runs) else min(Hf, runs[tail_at - 1][1] * s + 2 * s)
        if by0 > y0:
            zones.append(Zone("body", (0, y0, Wf, by0)))
        zones += [Zone("bottom-left", (0, by0, cut * s, by1)), Zone("bottom-right", (cut * s, by0, Wf, by1))]
        if by1 < Hf:
            zones.append(Zone("tail", (0, by1, Wf, Hf)))
    else:
        zones.append(Zone("body", (0, y0, Wf, Hf)))
    return zones or whole


def stack(gray: Image.Image, zones: list[Zone]) -> tuple[Image.Image, list[int]]:
    """The zones cropped and stacked top to bottom with white gaps; returns the image and each zone's top."""
    crops = [gray.crop(z.box) for z in zones]
    width = max(c.size[0] for c in crops)
    height = sum(c.size[1] for c in crops) + GAP * (len(crops) + 1)
    out = Image.new("L", (width, height), 255)
    tops, y = [], GAP
    for c in crops:
        out.paste(c, (0, y))
        tops.append(y)
        y += c.size[1] + GAP
    return out, tops


# ---------------------------------------------------------------- tesseract


def tesseract(image: Image.Image, psm: int = 3) -> str:
    """Tesseract's TSV for an image (one thread: OpenMP threads make a page slower on a busy machine)."""
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # uncompressed: encoding a PNG took longer than tesseract's own reading
    proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", LANG, "--psm", str(psm), "tsv"],
                          input=buf.getvalue(), capture_output=True, timeout=300,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})  # fmt: skip
    if proc.returncode != 0:
        raise ParseError(f"pdf: tesseract failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return proc.stdout.decode("utf-8", errors="replace")


def _keep_header_token(text: str, conf: float) -> tuple[str, str]:
    """What of a header word to keep and what to leave unread. A token with digits or with the
    symbols tesseract makes of handwriting, read with low confidence, is left unread (a leading word
    such as ``Số:`` or ``ngày`` kept); so is a low-confidence token of stray marks.

    >>> _keep_header_token("Số:4`", 31.0), _keep_header_token("2025", 93.0), _keep_header_token("ngày@¿", 45.0)
    (('Số:', '4`'), ('2025', ''), ('ngày', '@¿'))
    >>> _keep_header_token("2250QĐ-TTg", 40.0)
    ('/QĐ-TTg', '2250')
    >>> _keep_header_token("tháng", 0.0), _keep_header_token("!ựdo", 11.0), _keep_header_token("46/TB-UBND", 30.0)
    (('tháng', ''), ('', ''), ('/TB-UBND', '46'))
    """
    clean = re.fullmatch(rf"[a-zA-Z{_VIET}]+[.,:;]?|[-–/.,:;]", text) is not None
    if clean or (conf >= LOW_CONF and not _JUNK.search(text)):
        return text, ""
    if conf < 30 and not _NUMERIC.search(text):
        return "", ""  # stray marks (a seal's edge, an underline read as letters)
    m = re.match(rf"([a-zA-Z{_VIET}]{{2,}}:?)(\W*\d.*|[^\w/].*)", text)
    if m:
        return m.group(1), m.group(2)
    sym = re.match(r"(.*?\d)/?([A-ZĐ][A-Za-zĐđ]*-[\w-]*[A-Za-z])$", text)
    if sym:  # "2250QĐ-TTg": the slash lost with the number, the symbol printed
        return "/" + sym.group(2), sym.group(1)
    if "/" in text:  # "46/TB-UBND": the symbol is printed, the number may not be
        num, _, sym = text.partition("/")
        if re.search(r"[^\W\d_]", sym):
            return "/" + sym.lstrip("/"), num
    return "", text if _NUMERIC.search(text) else ""


# words tesseract reads with a wrong mark: in capitals anywhere (no such word exists), and in the
# letterhead (where "TÍNH" can only be TỈNH and "thẳng" only tháng)
_CAPS_FIX = {
    "CỌNG": "CỘNG",
    "CÓNG": "CỘNG",
    "CÒNG": "CỘNG",
    "QUÁNG": "QUẢNG",
    "QUÀNG": "QUẢNG",
    "QUYÉT": "QUYẾT",
    "QUYÊT": "QUYẾT",
}
_HEADER_FIX = {"TÍNH": "TỈNH", "TĨNH": "TỈNH", "TÌNH": "TỈNH", "TỊNH": "TỈNH", "TINH": "TỈNH", "HOÀ": "HÒA",
               "thẳng": "tháng", "thảng": "tháng", "thàng": "tháng", "thang": "tháng", "ngay": "ngày",
               "ngảy": "ngày", "nằm": "năm"} | _CAPS_FIX  # fmt: skip


_MOTTOS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def fix_motto(line: str) -> str:
    """The quốc hiệu or the motto for a header line that OCR read nearly as one, else the line.

    >>> fix_motto("CỘNG HOÀA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), fix_motto("Độc lập - Tự do - Hạnh phúc"), fix_motto("Số: 12")
    ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12')
    """
    for m in _MOTTOS:
        if line != m and difflib.SequenceMatcher(None, line.lower(), m.lower()).ratio() >= 0.85:
            return m
    return line


# signers' titles, a closed set: a line that OCR read nearly as one of them (a letter lost under the
# seal) is that title
_TITLES = (
    *(p + t for t in ("CHỦ TỊCH", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "TRƯỞNG BAN",
                      "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "THỦ TƯỚNG",
                      "CHÁNH THANH TRA", "TRƯỞNG PHÒNG", "CHI CỤC TRƯỞNG") for p in ("", "PHÓ ")),
    "THỨ TRƯỞNG",
)  # fmt: skip


def fix_line(line: str) -> str:
    """A zone's line as OCR read it, with the quốc hiệu, the motto or a signer's title restored when it
    was read nearly right (:func:`fix_motto`; a title in capitals within one or two letters).

    >>> fix_line("PHÓ CHỦ TỊC"), fix_line("GIÁM ĐÔC"), fix_line("KT. CHỦ TỊCH"), fix_line("Trần Văn An")
    ('PHÓ CHỦ TỊCH', 'GIÁM ĐỐC', 'KT. CHỦ TỊCH', 'Trần Văn An')
    """
    line = fix_motto(line)
    t = line.strip()
    if len(t) < 6 or len(t) > 30 or t != t.upper() or t in _TITLES:
        return line
    ratio, best = max((difflib.SequenceMatcher(None, t, x).ratio(), x) for x in _TITLES)
    return best if ratio >= 0.86 else line


def read_words(tsv: str, zones: list[Zone], tops: list[int], scale: float) -> OcrPage:
    """Tesseract's words on the stacked image mapped back to their zones, in PDF points."""
    page = OcrPage([(z.kind, []) for z in zones])
    confs: dict[tuple[int, ...], list[float]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        t = (row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if row.get("level") != "5" or not t:
            continue
        left, top, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
        mid = top + h / 2
        i = next((k for k in range(len(zones) - 1, -1, -1) if tops[k] <= mid), 0)
        z = zones[i]
        if z.kind.startswith("header"):  # tesseract gives 0 to a printed word beside a handwritten one
            t, lost = _keep_header_token(t, conf)
            t = _HEADER_FIX.get(t, t)
            if lost:
                page.unread.append(lost)
        if (
            not t
            or (conf < 10 and not z.kind.startswith("header"))
            or (conf < 50 and not re.search(r"\w", t))
        ):
            continue  # a speck read as ":" after a title ("QUYẾT ĐỊNH :") is no text
        t = _CAPS_FIX.get(t, t)
        x, y = (left + z.box[0]) * scale, (top - tops[i] + z.box[1]) * scale
        line_id = (i, int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        page.zones[i][1].append(Word(t, x, x + w * scale, y, y + h * scale, h * scale, line=line_id))
        confs[line_id] = confs.get(line_id, []) + ([conf] if re.search(r"\w", t) else [])
    for k, (kind, words) in enumerate(page.zones):  # a lone word of the letterhead read without
        if kind.startswith("header"):  # confidence is a note written on the scan ("TTĐT"), not the header
            lone = {ln for ln, cs in confs.items() if ln[0] == k and len(cs) <= 1 and min(cs, default=0) < 85}
            page.zones[k] = (kind, [w for w in words if w.line not in lone or w.text.startswith("S")])
    for _, words in page.zones:  # OCR heights vary with ascenders: a zone's typical height is its size
        if words:
            med = sorted(w.size for w in words)[len(words) // 2]
            for w in words:
                w.size = med
    page.zones = [(k, ws) for k, ws in page.zones if ws]
    return page


def ocr_image(gray: Image.Image, width: float, first_page: bool) -> OcrPage:
    """Zones found, stacked, read by one tesseract process, and mapped back (``width`` in points).
    The signature column is read on its own: beside the other zones, a seal next to the signer's
    name pulls the name's first letters into the seal's picture."""
    zones = find_zones(gray, first_page)
    groups = [[z for z in zones if z.kind != "bottom-right"], [z for z in zones if z.kind == "bottom-right"]]
    out = OcrPage()
    for group in groups:
        if group:
            img, tops = stack(gray, group)
            part = read_words(tesseract(img, PSM), group, tops, width / gray.size[0])
            out.zones += part.zones
            out.unread += part.unread
    return out


# ---------------------------------------------------------------- cache and pool


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Reader:
    """The OCR of one PDF's scanned pages: cached pages read from disk, the others rendered in order
    and read by a pool of tesseract processes a few pages ahead of the parser.

    ``page(idx, ...)`` returns the page's words; ``scanned`` says which pages to read ahead."""

    def __init__(self, path: Path, pdf: pdfium.PdfDocument, n_workers: int | None = None) -> None:
        self.path, self.pdf = path, pdf
        self.n_workers = n_workers or workers()
        self._key: str | None = None
        self._pool: cf.ThreadPoolExecutor | None = None
        self._jobs: dict[int, cf.Future[OcrPage]] = {}
        self._ahead = 0  # the next page to look at for reading ahead
        self.notes: list[str] = []  # warnings for the document: layers judged bad, tokens left unread

    def _cache(self, idx: int) -> Path:
        if self._key is None:
            self._key = file_hash(self.path)
        return cache_dir() / f"{self._key[:40]}-{idx}-v{OCR_VERSION}-{LANG}-psm{PSM}.json"

    def cached(self, idx: int) -> OcrPage | None:
        p = self._cache(idx)
        if not p.exists():
            return None
        try:
            return OcrPage.from_json(p.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _store(self, idx: int, page: OcrPage) -> None:
        p = self._cache(idx)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(page.to_json(), encoding="utf-8")
            tmp.replace(p)
        except OSError:
            pass

    def _submit(self, idx: int, page: pdfium.PdfPage) -> None:
        width = page.get_size()[0]
        gray = page_image(page, width)
        if self._pool is None:
            self._pool = cf.ThreadPoolExecutor(self.n_workers)
        self._jobs[idx] = self._pool.submit(ocr_image, gray, width, idx == 0)

    def _looks_scanned(self, idx: int) -> bool:
        """No text layer and an image over a third of the page: the parser will want its OCR."""
        page = self.pdf[idx]
        try:
            w, h = page.get_size()
            return page.get_textpage().count_chars() < 40 and _cover(page) > 0.3 * w * h
        finally:
            page.close()

    def page(self, idx: int, page: pdfium.PdfPage) -> OcrPage:
        """The OCR of page ``idx`` (0-based); the next scanned pages start reading meanwhile."""
        hit = self.cached(idx)
        if hit is not None:
            return hit
        for k in [k for k in self._jobs if k < idx]:  # read ahead, then not wanted by the parser
            self._jobs.pop(k).cancel()
        if idx not in self._jobs:
            self._submit(idx, page)
        self._ahead = max(self._ahead, idx + 1)
        while len(self._jobs) < self.n_workers + 1 and self._ahead < len(self.pdf):
            ahead, self._ahead = self._ahead, self._ahead + 1
            if ahead not in self._jobs and self._looks_scanned(ahead) and not self._cache(ahead).exists():
                other = self.pdf[ahead]
                try:
                    self._submit(ahead, other)
                finally:
                    other.close()
        try:
            result = self._jobs.pop(idx).result()
        except BaseException:
            self.close()  # the pages read ahead are of no use now
            raise
        self._store(idx, result)
        return result

    def close(self) -> None:
        if self._pool is not None:
            for f in self._jobs.values():
                f.cancel()
            self._pool.shutdown(wait=True)
            self._pool = None
